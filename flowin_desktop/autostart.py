"""Start at login: Flowin opens in the tray when the user signs in, so active flows keep
running after the computer restarts.

What the system reads is the only record (no setting in the database to drift from it): on
Linux an XDG autostart entry, on Windows a value under the user's Run key, on macOS a
LaunchAgent. Each starts the running Flowin (the bundle's executable, or the installed
``flowin-desktop``) with ``--minimised``.
"""

from __future__ import annotations

import contextlib
import os
import plistlib
import shutil
import subprocess
import sys
from pathlib import Path

MINIMISED_FLAG = "--minimised"
ENTRY_NAME = "Flowin"
_RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
_LAUNCH_AGENT_LABEL = "app.flowin.desktop"


def launch_command() -> list[str]:
    """The command that starts this Flowin in the tray."""
    if getattr(sys, "frozen", False):  # the bundle: its own executable
        return [sys.executable, MINIMISED_FLAG]
    script = shutil.which("flowin-desktop")
    if script:
        return [script, MINIMISED_FLAG]
    return [sys.executable, "-m", "flowin_desktop", MINIMISED_FLAG]


def linux_entry() -> Path:
    """The XDG autostart entry (``$XDG_CONFIG_HOME/autostart``, ``~/.config`` by default)."""
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "autostart" / "flowin.desktop"


def mac_agent() -> Path:
    return Path.home() / "Library" / "LaunchAgents" / f"{_LAUNCH_AGENT_LABEL}.plist"


def starts_at_login() -> bool:
    if sys.platform == "win32":
        return _windows_value() is not None
    if sys.platform == "darwin":
        return mac_agent().exists()
    return linux_entry().exists()


def set_start_at_login(enabled: bool) -> None:
    """Start Flowin when the user signs in, or stop doing so. Raises OSError when the system
    refuses the change."""
    if sys.platform == "win32":
        _set_windows(enabled)
    elif sys.platform == "darwin":
        _set_file(mac_agent(), _launch_agent() if enabled else None)
    else:
        _set_file(linux_entry(), _desktop_entry().encode("utf-8") if enabled else None)


def _set_file(path: Path, content: bytes | None) -> None:
    if content is None:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


def _desktop_entry() -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={ENTRY_NAME}\n"
        "Comment=Runs your active flows\n"
        f"Exec={' '.join(_exec_argument(part) for part in launch_command())}\n"
        "Icon=flowin\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def _exec_argument(argument: str) -> str:
    """An argument of a desktop entry's Exec key, quoted as the Desktop Entry spec asks."""
    if not any(char in argument for char in " \t\n\"'\\><~|&;$*?#()`"):
        return argument
    escaped = "".join(f"\\{char}" if char in '"`$\\' else char for char in argument)
    # The key's value is itself unescaped once more, so each backslash is written twice.
    return '"' + escaped.replace("\\", "\\\\") + '"'


def _launch_agent() -> bytes:
    return plistlib.dumps(
        {"Label": _LAUNCH_AGENT_LABEL, "ProgramArguments": launch_command(), "RunAtLoad": True}
    )


def _windows_value() -> str | None:
    import winreg  # type: ignore[import-not-found,unused-ignore]

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, _RUN_KEY) as key:
            return str(winreg.QueryValueEx(key, ENTRY_NAME)[0])
    except FileNotFoundError:
        return None


def _set_windows(enabled: bool) -> None:
    import winreg  # type: ignore[import-not-found,unused-ignore]

    with winreg.CreateKey(winreg.HKEY_CURRENT_USER, _RUN_KEY) as key:
        if enabled:
            command = subprocess.list2cmdline(launch_command())
            winreg.SetValueEx(key, ENTRY_NAME, 0, winreg.REG_SZ, command)
        else:
            with contextlib.suppress(FileNotFoundError):
                winreg.DeleteValue(key, ENTRY_NAME)
