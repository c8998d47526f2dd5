from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from flowin_desktop.app import create_window
from flowin_desktop.main_window import MainWindow
from flowin_engine.model import Flow
from flowin_engine.registry import default_registry
from flowin_engine.store import Store
from tests.cloud_server import CloudServer
from tests.oauth_providers import FakeProviders


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
    qtbot.waitExposed(main)
    yield main
    main.set_language("en")
    main.shutdown()


@pytest.fixture
def editor(window: MainWindow) -> MainWindow:
    """The window with a new, empty flow open."""
    window.new_flow()
    return window


def add(window: MainWindow, type_name: str, x: float, y: float) -> str:
    return window.add_node(type_name, QPointF(x, y))


def names(flow: Flow) -> list[str]:
    return [n.name for n in flow.nodes]


def plain(text: str) -> str:
    """Text without the Unicode direction isolates the UI wraps names in."""
    return text.replace("\u2068", "").replace("\u2069", "")


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
