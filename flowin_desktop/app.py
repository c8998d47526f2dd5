"""Start-up: the application, its theme and language, the store, the main window and the tray."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from flowin_engine.paths import data_dir
from flowin_engine.registry import Registry, default_registry
from flowin_engine.store import LANGUAGE_SETTING, Store

from .active_flows import ActiveFlows, ProblemLabel
from .autostart import MINIMISED_FLAG
from .collector import MainThreadCollector
from .crash import SessionLog, raise_when_asked
from .dialogs.crash_report import CrashReportOffer
from .dialogs.damaged import open_store
from .example import welcome_flow
from .i18n import DIGITS_SETTING, Localizer, language_for, set_digits
from .main_window import OPEN_FLOW_SETTING, MainWindow
from .resources import resource_path
from .single_instance import SingleInstance, link_in
from .smoke import quit_after_first_paint_when_asked
from .theme import ui_font
from .tray import Tray

log = logging.getLogger(__name__)

# When the window has not been painted by then, the active flows start all the same.
ACTIVE_FLOWS_AT_THE_LATEST_MS = 2000


def app_icon() -> QIcon:
    return QIcon(str(resource_path("flowin.svg")))


def seed_first_start(store: Store, registry: Registry) -> str | None:
    """On first start (no flows saved) save a working example flow; returns its id."""
    if store.flows.summaries():
        return None
    flow = welcome_flow(registry)
    if flow is None:
        return None
    store.flows.save(flow)
    return flow.id


def create_window(
    app: QApplication, store: Store | None = None, registry: Registry | None = None
) -> MainWindow:
    """Everything main() does except the event loop; tests and the screenshot tool use it."""
    store = store or Store()
    registry = registry or default_registry()
    interrupted = store.executions.mark_interrupted()
    if interrupted:
        log.info("Marked %d unfinished runs as interrupted", interrupted)
    localizer = Localizer(app)
    # Before any widget exists, the language and its direction: the window is built in them,
    # so its style sheet is set and its words translated once (not in English, then again).
    # The first start speaks the computer's language (Arabic on an Arabic Windows in Riyadh);
    # from then on, the one the user chose.
    if store.get_setting(LANGUAGE_SETTING) is None:
        store.set_setting(LANGUAGE_SETTING, language_for(QLocale.system()))
    language = store.language()
    if language != "en":
        localizer.set_language(language)
    set_digits(store.get_setting(DIGITS_SETTING, ""))
    # Before any widget exists: widgets built earlier keep the platform's font.
    app.setFont(ui_font(rtl=app.layoutDirection() == Qt.LayoutDirection.RightToLeft))
    last_open = store.get_setting(OPEN_FLOW_SETTING)  # the window starts on its home page
    window = MainWindow(store, registry, localizer, theme=store.get_setting("theme", "light"))
    # Before any background call or flow starts: cycles are freed on this thread only.
    window.collector = MainThreadCollector(window)
    # Once the language is chosen: the example's steps and note are written in it.
    if seed_first_start(store, registry) is not None:
        window.home.refresh()
    window.reopen_flow(last_open)
    return window


def show_active_flows_problem(window: MainWindow, active_flows: ActiveFlows) -> None:
    """Keep why active flows don't run here (or their webhooks) in sight, in the status bar."""
    if active_flows.problem:
        window.statusBar().addPermanentWidget(ProblemLabel(active_flows), 1)


class _AfterFirstPaint(QObject):
    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Once the paint is done and what it queued (smoke mode's picture) has run.
            QTimer.singleShot(0, self._then)
        return False


class _LinkOpener(QObject):
    """Opens the flowin:// links macOS sends the running app (as a FileOpen event)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            url = event.url().toString()
            if url.lower().startswith("flowin://"):
                self.window.open_link(url)
                return True
        return False


def after_first_paint(window: QWidget, then: Callable[[], None]) -> None:
    """Call ``then`` once ``window`` has been painted for the first time."""
    window.installEventFilter(_AfterFirstPaint(window, then))


def main() -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("flowin_desktop").setLevel(logging.INFO)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Flowin")
    app.setOrganizationName("Flowin")
    app.setWindowIcon(app_icon())
    folder = data_dir()
    instance = SingleInstance(folder)
    link = link_in(sys.argv[1:])  # flowin://run/ID: a notification's "Fix it in Flowin"
    if not instance.claim():
        if instance.ask_to_show(link=link):
            log.info("Flowin is already open with this data folder: its window was brought forward")
            return 0
        log.error("Flowin is already open with this data folder, but it did not answer")
        return 1
    session = SessionLog(folder)
    last_crash = session.start(lambda: _say_an_action_failed(app))
    ended = False
    try:
        code, interrupted = _run(app, instance, last_crash, link)
        ended = True  # by the user's choice (Quit, or no store), unless an error ended it
    finally:
        session.finish(clean=ended)
        instance.release()
    if interrupted:
        # Their steps still run on threads Python would wait for at exit; the runs are
        # recorded interrupted already, so quit now rather than after the slowest step.
        logging.shutdown()
        os._exit(code)
    return code


def _say_an_action_failed(app: QApplication) -> None:
    for widget in app.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.say_an_action_failed()


def _run(
    app: QApplication, instance: SingleInstance, last_crash: Path | None, link: str | None = None
) -> tuple[int, bool]:
    """The app's life from its store to its quit: the exit code, and whether runs of active
    flows were interrupted (their steps' threads still going)."""
    store = open_store()
    if store is None:
        return 1, False
    window = create_window(app, store)  # type: ignore[arg-type]
    instance.show_requested.connect(window.bring_forward)
    instance.link_requested.connect(window.open_link)
    app.installEventFilter(_LinkOpener(window))  # macOS hands a link as an event
    active_flows = ActiveFlows(window.editor.folder, account=window.cloud.account)
    window.attach_active_flows(active_flows)
    in_tray = False
    if QSystemTrayIcon.isSystemTrayAvailable():
        window.tray = Tray(window, app_icon(), window)
        window.tray.show()
        # Its pop-ups are the bell's rows (window.pop_up): failures, recoveries and the rest.
        app.setQuitOnLastWindowClosed(False)
        in_tray = True

    started: list[bool] = []

    def start_active_flows() -> None:
        if started:
            return
        started.append(True)
        active_flows.start()
        if active_flows.running:
            window.cloud.runtime = active_flows.runtime  # runs what the cloud's API queues here
        show_active_flows_problem(window, active_flows)

    shown = MINIMISED_FLAG not in sys.argv[1:]
    if shown:
        # Starting the runtime (its webhook server, schedules, the run history's tidying)
        # waits for the window's first paint: the window does not need it to show. A window
        # the system never paints (hidden at once) does not keep the flows waiting long.
        after_first_paint(window, start_active_flows)
        QTimer.singleShot(ACTIVE_FLOWS_AT_THE_LATEST_MS, start_active_flows)
    else:
        QTimer.singleShot(0, start_active_flows)
    quit_after_first_paint_when_asked(window)  # installed last, its filter sees the paint first
    if shown:
        window.show()
    elif not in_tray:
        window.showMinimized()  # no tray to wait in: the taskbar, then
    if last_crash is not None:
        CrashReportOffer(last_crash, window).open()
    if link is not None:
        QTimer.singleShot(0, lambda: window.open_link(link))
    QTimer.singleShot(0, raise_when_asked)
    code = app.exec()
    window.shutdown()
    interrupted = active_flows.stop()
    window.store.close()
    return code, bool(interrupted)


if __name__ == "__main__":
    sys.exit(main())
