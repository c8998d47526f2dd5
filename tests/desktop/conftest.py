from __future__ import annotations

import functools
import gc
import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from flowin_desktop.app import create_window
from flowin_desktop.editor.page import Editor
from flowin_desktop.example import welcome_flow
from flowin_desktop.main_window import MainWindow
from flowin_engine.model import Flow
from flowin_engine.registry import default_registry
from flowin_engine.store import Store
from tests.cloud_server import CloudServer
from tests.oauth_providers import FakeProviders

# A first start speaks the computer's language: tests start from one that Flowin answers in
# English, whatever the machine running them is set to (the first-start test sets its own).
os.environ["LC_ALL"] = "C.UTF-8"

# How long a test waits for what it expects to see. Generous: a machine whose cores are busy
# is slow, and the wait ends as soon as the condition holds, so a fast machine loses nothing.
WAIT_MS = 30_000

# QtBot's key and mouse methods hand the widget to Qt's test library, which aborts the whole
# test process (an assertion in qtestmouse.h / qtestkeyboard.h) when it is given no widget.
_WIDGET_METHODS = (
    "keyClick",
    "keyClicks",
    "keyEvent",
    "keyPress",
    "keyRelease",
    "keySequence",
    "mouseClick",
    "mouseDClick",
    "mouseMove",
    "mousePress",
    "mouseRelease",
)


def _refusing_missing_widgets(name: str, method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        widget = args[0] if args else kwargs.get("widget")
        if widget is None or not shiboken6.isValid(widget):
            pytest.fail(
                f"qtbot.{name} on a widget that does not exist (not made yet, or deleted): "
                "wait for it with shown()/click() from tests/desktop/conftest.py"
            )
        return method(*args, **kwargs)

    return guarded


@pytest.fixture(scope="session", autouse=True)
def _clicks_need_a_widget() -> Iterator[None]:
    """A click or key press on a widget that does not exist fails its test instead of letting
    Qt abort the process (and every test after it)."""
    with pytest.MonkeyPatch.context() as patch:
        for name in _WIDGET_METHODS:
            patch.setattr(
                QtBot, name, staticmethod(_refusing_missing_widgets(name, getattr(QtBot, name)))
            )
        yield


def shown(qtbot: QtBot, find: Callable[[], QWidget | None] | QWidget) -> QWidget:
    """The widget ``find`` gives (or ``find`` itself), once it exists and is visible."""
    found: list[QWidget] = []

    def visible() -> None:
        widget = find() if callable(find) and not isinstance(find, QWidget) else find
        assert widget is not None, "the widget does not exist yet"
        assert shiboken6.isValid(widget), "the widget was deleted"
        assert widget.isVisible(), f"{type(widget).__name__} is not visible"
        found[:] = [widget]

    qtbot.waitUntil(visible, timeout=WAIT_MS)
    return found[0]


def click(
    qtbot: QtBot,
    find: Callable[[], QWidget | None] | QWidget,
    button: Qt.MouseButton = Qt.MouseButton.LeftButton,
) -> QWidget:
    """Click the widget once it exists and is visible, as a user could; gives the widget."""
    widget = shown(qtbot, find)
    qtbot.mouseClick(widget, button)
    return widget


@pytest.fixture(autouse=True)
def _garbage_collected_on_the_main_thread() -> Iterator[None]:
    """As in the app (flowin_desktop/collector.py): no automatic collection while a window's
    test runs, so no background thread frees a Qt object; the test's garbage is freed here,
    on the main thread, when it ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    yield
    gc.collect()
    if was_enabled:
        gc.enable()


@pytest.fixture(scope="session", autouse=True)
def _clipboard_emptied_before_exit(qapp: QApplication) -> Iterator[None]:
    # The offscreen platform's clipboard frees the QMimeData it was given a second time when
    # the interpreter exits, and the test process dies with SIGSEGV after every test passed.
    yield
    QGuiApplication.clipboard().clear()


@pytest.fixture
def store() -> Iterator[Store]:
    with Store() as opened:
        yield opened


@pytest.fixture
def window(qtbot, qapp: QApplication, store: Store) -> Iterator[MainWindow]:
    main = create_window(qapp, store, default_registry())
    qtbot.addWidget(main)
    main.resize(1200, 760)
    main.show()
    qtbot.waitExposed(main, timeout=WAIT_MS)
    yield main
    main.set_language("en")
    main.shutdown()


@pytest.fixture
def editor(qtbot, qapp: QApplication, store: Store) -> Iterator[Editor]:
    """The editor page alone, without a main window, a new empty flow open in it; its store is
    the ``store`` fixture's (a real SQLite file in the test's own data folder)."""
    page = Editor(store, default_registry())
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitExposed(page, timeout=WAIT_MS)
    page.new_flow()
    yield page
    page.shutdown()


@pytest.fixture
def example(editor: Editor) -> Editor:
    """The editor alone with the example flow a first start saves open in it."""
    flow = welcome_flow(editor.registry)
    assert flow is not None
    editor.store.flows.save(flow)
    editor.open_flow(flow.id)
    return editor


def add(editor: Editor, type_name: str, x: float, y: float) -> str:
    return editor.add_node(type_name, QPointF(x, y))


def names(flow: Flow) -> list[str]:
    return [n.name for n in flow.nodes]


def plain(text: str) -> str:
    """Text without the Unicode direction isolates the UI wraps names in."""
    for mark in "\u2068\u2067\u2069\u200f":
        text = text.replace(mark, "")
    return text


@pytest.fixture
def cloud_with_google(tmp_path, httpserver):
    """A flowin-cloud of its own offering Google and GitHub sign-in (fake providers on
    127.0.0.1); gives the server and the providers."""
    providers = FakeProviders(httpserver)
    server = CloudServer(tmp_path / "cloud-with-google")
    server.configure(providers.env(server.url))
    server.start()
    yield server, providers
    server.stop()
