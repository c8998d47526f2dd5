"""`flowin` answers at once: asking for help loads none of the heavy libraries."""

from __future__ import annotations

import subprocess
import sys

import click

from flowin_engine.cli import LAZY_COMMANDS, main

HEAVY = ("openai", "twilio", "sqlalchemy", "aiohttp", "apscheduler", "jinja2", "httpx", "requests")


def test_flowin_help_does_not_load_the_heavy_libraries():
    probe = (
        "import sys\n"
        "from flowin_engine.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(sorted(set({HEAVY!r}) & {{m.split('.')[0] for m in sys.modules}}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert "Commands:" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_loading_the_connectors_does_not_load_the_openai_or_twilio_sdks():
    probe = (
        "import sys\n"
        "from flowin_engine.registry import default_registry\n"
        "assert 'openai.generate_text' in default_registry()\n"
        "assert 'twilio.send_sms' in default_registry()\n"
        "print(sorted({'openai', 'twilio'} & {m.split('.')[0] for m in sys.modules}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_the_help_of_a_command_loaded_later_is_its_own():
    context = click.Context(main)
    for name, (_, _, short_help) in LAZY_COMMANDS.items():
        command = main.get_command(context, name)
        assert command is not None
        assert command.get_short_help_str(1000) == short_help
