"""The main window: the shell that moves between the pages (your flows, the editor, the
executions), holds the top bar and the menus, the language and theme, the cloud's status and
the tray. What each page does lives with the page: the editor in ``editor/``, the cloud in
``cloud/``."""

from __future__ import annotations

import logging
import os
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from flowin_engine.history import retry_execution
from flowin_engine.registry import Registry
from flowin_engine.store import LANGUAGE_SETTING, Store

from .active_flows import ActiveFlows
from .cloud.account import CloudAccountDialog
from .cloud.reactions import CloudReactions
from .cloud.service import CloudSync
from .dialogs.about import AboutDialog
from .dialogs.add_service import AddService
from .dialogs.settings import SettingsDialog
from .editor.page import OPEN_FLOW_SETTING, Editor, window_action
from .executions import ExecutionsView
from .home import HomeView
from .i18n import DIGIT_CHOICES, DIGITS_SETTING, LANGUAGES, Localizer, digit_choice, set_digits
from .notifications import BellButton, NotificationCentre, NotificationWatch
from .notifications.centre import failure_reason, headline, kind_of, sentence
from .notifications.rules import RuleBook
from .relay_status import WaitingLabel, arrived_text
from .store_watch import StoreWatch
from .templates import NewFlowChoice, TemplateGallery, UseTemplateWizard
from .templates.files import TemplateFiles
from .templates.new_flow import BLANK, BUILDER, TEMPLATE
from .theme import THEMES, Theme, apply_theme
from .work import BackgroundCalls

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(
        self,
        store: Store,
        registry: Registry,
        localizer: Localizer | None = None,
        theme: str = "light",
    ) -> None:
        super().__init__()
        self.store = store
        self.registry = registry
        self.localizer = localizer
        self.theme: Theme = THEMES.get(theme, THEMES["light"])
        self.tray: Any = None
        # The runtime running the active flows (app.main attaches it: attach_active_flows).
        self.active_flows: ActiveFlows | None = None
        self.resize(1280, 800)

        self.editor = Editor(store, registry, self.theme)
        self.home = HomeView(store, registry)
        self.executions = ExecutionsView(store, self.retry_execution)
        self.gallery = TemplateGallery(registry)
        self.template_files = TemplateFiles(store, registry, self)
        self.wizard: UseTemplateWizard | None = None
        self.add_service = AddService(registry, self)
        self.add_service.added.connect(self._service_added)
        self.cloud = CloudSync(store, self)
        self.cloud_reactions = CloudReactions(
            self.cloud, self.editor, self.home, self.show_home, self
        )
        self.sync_button = self.cloud_reactions.button
        # What the command line, a second Flowin or the sync writes shows here too.
        self.store_watch = StoreWatch(store, self)
        # The runtime's notifications: the bell's count, its centre, the tray's pop-ups.
        self.notification_watch = NotificationWatch(
            store,
            lambda: self.active_flows.runtime if self.active_flows is not None else None,
            self,
        )
        self._return_page: QWidget = self.home
        self._told_conflicts: set[str] = set()  # the flows whose sync conflict was told
        self._notifying = BackgroundCalls(self)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.home)
        self.pages.addWidget(self.editor)
        self.pages.addWidget(self.executions)
        self.pages.addWidget(self.gallery)
        self.setCentralWidget(self.pages)

        self._build_top_bar()
        self._build_menus()
        self._connect()
        if self.localizer is not None and self.localizer.language != "en":
            # Built in the language chosen before it (app.create_window): show it chosen.
            self.editor.set_right_to_left(self.localizer.language == "ar")
            self._show_language(self.localizer.language)
        self.set_theme(self.theme.name)
        self.retranslate()
        self.show_home()

    # Building.

    def _build_top_bar(self) -> None:
        bar = QToolBar()
        bar.setMovable(False)
        bar.setFloatable(False)
        self.top_bar = bar
        self.addToolBar(bar)
        self.home_button = QToolButton()
        self.home_button.clicked.connect(self.show_home)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.currentIndexChanged.connect(
            lambda i: self.set_language(self.language.itemData(i))
        )
        self.theme_button = QToolButton()
        self.theme_button.clicked.connect(self.toggle_theme)
        self.executions_button = QToolButton()
        self.executions_button.clicked.connect(self.show_executions)
        self.insights_button = QToolButton()
        self.insights_button.setObjectName("insightsButton")
        self.insights_button.clicked.connect(self.show_insights)
        # The insights page, made when first opened (it brings matplotlib).
        self.insights: Any = None
        # In the editor the secondary actions (executions, sync, language, theme) fold into one
        # menu button, so the flow's own tools fit a 1280 px window in every language.
        self.more_button = QToolButton()
        self.more_button.setObjectName("moreButton")
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self.more_button)
        self.more_menu.aboutToShow.connect(self._fill_more_menu)
        self.more_button.setMenu(self.more_menu)
        # The editor's tools (its flow's name, Test run…) show in this bar while it is in sight.
        self._editor_widgets = [bar.addWidget(self.home_button)]
        self._editor_widgets += [bar.addWidget(tool) for tool in self.editor.leading_tools]
        bar.addWidget(spacer)
        self._editor_widgets += [bar.addWidget(tool) for tool in self.editor.trailing_tools]
        self._editor_widgets.append(bar.addWidget(self.more_button))
        self.editor.tools.hide()
        self._outside_editor_widgets = [
            bar.addWidget(widget)
            for widget in (
                self.insights_button,
                self.executions_button,
                self.sync_button,
                self.language,
            )
        ]
        self._outside_editor_widgets.append(bar.addWidget(self.theme_button))
        # The bell stays in sight on every page: a failure is news wherever the user is.
        self.bell = BellButton()
        self.bell.clicked.connect(self.show_notifications)
        bar.addWidget(self.bell)
        self.notification_centre = NotificationCentre(
            self.notification_watch, self._flow_names, self
        )
        self.notification_centre.run_requested.connect(self.open_run)
        self.notification_centre.flow_requested.connect(self.open_flow)
        self.notification_centre.insights_requested.connect(self.show_insights)
        self.addToolBarBreak()
        self.addToolBar(self.editor.saving.conflict_bar)

    def _build_menus(self) -> None:
        editor = self.editor
        K = QKeySequence.StandardKey
        self.new_action = window_action(self, self.choose_new_flow, K.New)
        self.templates_action = window_action(self, self.show_templates)
        self.import_template_action = window_action(self, self.import_template)
        self.add_service_action = window_action(self, self.add_service.choose_and_add)
        self.home_action = window_action(self, self.show_home, "Ctrl+Shift+H")
        self.quit_action = window_action(self, self.quit, K.Quit)
        self.theme_action = window_action(self, self.toggle_theme, "Ctrl+Shift+L")
        self.executions_action = window_action(self, self.show_executions, "Ctrl+Shift+E")
        self.cloud_action = window_action(self, self.show_cloud_account)
        self.settings_action = window_action(self, self.show_settings)
        self.about_action = window_action(self, self.show_about)
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions(
            [self.new_action, self.home_action, editor.save_action, editor.history_action]
        )
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.templates_action, self.import_template_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.add_service_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.cloud_action)
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addActions([editor.undo_action, editor.redo_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions(
            [
                editor.cut_action,
                editor.copy_action,
                editor.paste_action,
                editor.duplicate_action,
                editor.delete_action,
            ]
        )
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(editor.select_all_action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addActions([editor.zoom_in_action, editor.zoom_out_action])
        self.view_menu.addActions([editor.fit_action, editor.tidy_action, editor.minimap_action])
        self.view_menu.addSeparator()
        self.view_menu.addActions([editor.log_action, self.theme_action])
        # Digits: one choice for every number the app writes (counts, steps, times, dates).
        self.digits_menu = self.view_menu.addMenu("")
        self.digits_group = QActionGroup(self)
        self.digit_actions: dict[str, QAction] = {}
        for choice in DIGIT_CHOICES:
            action = self.digits_menu.addAction("")
            action.setCheckable(True)
            action.setChecked(choice == digit_choice())
            action.triggered.connect(lambda _=False, c=choice: self.set_digits(c))
            self.digits_group.addAction(action)
            self.digit_actions[choice] = action
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.executions_action)
        self.run_menu = bar.addMenu("")
        self.run_menu.addAction(editor.run_action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)

    def _fill_more_menu(self) -> None:
        """The editor's menu of secondary actions, written as things stand now."""
        menu = self.more_menu
        menu.clear()
        menu.addAction(self.executions_action)
        sync = menu.addAction(self.sync_button.text())
        sync.setToolTip(self.sync_button.toolTip())
        sync.triggered.connect(lambda: self.cloud_reactions.show_account())
        menu.addSeparator()
        current = self.localizer.language if self.localizer is not None else "en"
        for code, name in LANGUAGES.items():
            language = menu.addAction(name)
            language.setCheckable(True)
            language.setChecked(code == current)
            language.triggered.connect(lambda _=False, c=code: self.set_language(c))
        menu.addSeparator()
        theme = menu.addAction(
            self.tr("Dark theme") if self.theme.name == "light" else self.tr("Light theme")
        )
        theme.triggered.connect(self.toggle_theme)

    def _connect(self) -> None:
        self.editor.message.connect(self._show_message)
        self.editor.opened.connect(self.show_editor)
        self.cloud_reactions.message.connect(self._show_message)
        self.home.open_requested.connect(self.open_flow)
        self.home.create_requested.connect(self.new_flow)
        self.home.new_requested.connect(self.choose_new_flow)
        self.home.templates_requested.connect(self.show_templates)
        self.home.save_as_template_requested.connect(self.template_files.save_flow_as_template)
        self.home.export_as_template_requested.connect(self.template_files.export_flow_as_template)
        self.gallery.back_requested.connect(self.show_home)
        self.gallery.use_requested.connect(self.use_template)
        self.gallery.import_requested.connect(self.import_template)
        self.gallery.export_requested.connect(self.template_files.export_template)
        self.template_files.saved.connect(self._template_saved)
        self.template_files.message.connect(lambda text: self._show_message(text, 15_000))
        self.executions.back_requested.connect(self._leave_executions)
        self.editor.test_run.runs.events_arrived.connect(self.executions.on_events)
        self.store_watch.changed.connect(self.follow_store)
        self.notification_watch.changed.connect(self._show_unread)
        self.store_watch.changed.connect(self.notification_watch.follow)
        self.notification_watch.arrived.connect(self.pop_up)
        self.cloud.synced.connect(self.tell_sync_conflicts)
        self.executions.fix_requested.connect(self.fix_run)
        relay = self.editor.relay_watch
        relay.signed_in_here = lambda: self.cloud.signed_in
        relay.sign_in_requested.connect(self.show_cloud_account)
        relay.arrived.connect(self._events_arrived)
        relay.changed.connect(self._show_waiting_in_tray)
        self.cloud.signed_in_changed.connect(relay.sign_in_changed)
        self.waiting = WaitingLabel(relay)
        self.statusBar().addPermanentWidget(self.waiting)
        choice = self.editor.cloud_run
        choice.attach(self.cloud)
        choice.sign_in_requested.connect(self.show_cloud_account)
        choice.changed.connect(self._place_changed)

    def _place_changed(self) -> None:
        """A flow moved to the cloud or back: this computer's runtime leaves its trigger to the
        cloud (or takes it back) now, and the flows show where they run."""
        if self.active_flows is not None:
            self.active_flows.runtime.sync()
        self.home.refresh()

    def _events_arrived(self, count: int) -> None:
        """The events that waited in the cloud while this computer was away are all here."""
        text = arrived_text(count)
        self.statusBar().showMessage(text, 30_000)
        if self.tray is not None:
            self.tray.notify_arrived(text)

    def _show_waiting_in_tray(self) -> None:
        if self.tray is not None:
            self.tray.show_waiting(self.editor.relay_watch.waiting)

    def _show_message(self, text: str, milliseconds: int) -> None:
        if text:
            self.statusBar().showMessage(text, milliseconds)
        else:
            self.statusBar().clearMessage()

    # Language and theme.

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Flowin"))
        self.home_button.setText(self.tr("‹ Flows"))
        self.home_button.setToolTip(self.tr("Back to your flows"))
        self.theme_button.setText(
            self.tr("Dark") if self.theme.name == "light" else self.tr("Light")
        )
        self.theme_button.setToolTip(self.tr("Switch between the light and dark theme"))
        self.more_button.setText(self.tr("More ▾"))
        self.more_button.setToolTip(self.tr("Executions, sync, language and theme"))
        self.insights_button.setText(self.tr("Insights"))
        self.insights_button.setToolTip(
            self.tr("What your flows did this week, what failed, and the time they saved you")
        )
        self.executions_button.setText(self.tr("Executions"))
        self.executions_button.setToolTip(self.tr("Every run of your flows, with its steps"))
        self.cloud_reactions.show_status()
        self._fill_more_menu()
        self.language.setAccessibleName(self.tr("Language"))
        self.language.setToolTip(self.tr("Language"))
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.run_menu.setTitle(self.tr("&Run"))
        self.digits_menu.setTitle(self.tr("Digits"))
        self.digit_actions[""].setText(self.tr("As the language writes them"))
        self.digit_actions["western"].setText(self.tr("Western (0123)"))
        self.digit_actions["arabic"].setText(self.tr("Arabic-Indic (٠١٢٣)"))
        self.help_menu.setTitle(self.tr("&Help"))
        texts = {
            self.new_action: self.tr("New flow…"),
            self.templates_action: self.tr("Templates"),
            self.import_template_action: self.tr("Import template…"),
            self.add_service_action: self.tr("Add a service from its API description…"),
            self.home_action: self.tr("Your flows"),
            self.quit_action: self.tr("Quit Flowin"),
            self.theme_action: self.tr("Dark theme"),
            self.executions_action: self.tr("Executions"),
            self.cloud_action: self.tr("Cloud account…"),
            self.settings_action: self.tr("Settings…"),
            self.about_action: self.tr("About Flowin"),
        }
        for action, text in texts.items():
            action.setText(text)
        self.editor.retranslate()
        self.home.retranslate()
        self.executions.retranslate()
        self.gallery.retranslate()
        if self.insights is not None:
            self.insights.retranslate()
        self.waiting.retranslate()
        self.notification_centre.retranslate()
        self._show_unread()
        if self.tray is not None:
            self.tray.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, code: str) -> None:
        if self.localizer is None:
            self.localizer = Localizer(QApplication.instance())  # type: ignore[arg-type]
        if code == self.localizer.language:
            return
        self.localizer.set_language(code)
        self.editor.set_right_to_left(code == "ar")
        self.set_theme(self.theme.name)  # the style sheet has a few start/end borders
        self.statusBar().clearMessage()
        self.retranslate()  # now, rather than when the posted LanguageChange arrives
        self.cloud_reactions.language_changed()
        self._show_language(code)
        self.store.set_setting(LANGUAGE_SETTING, code)

    def _show_language(self, code: str) -> None:
        """The language box shows ``code`` chosen."""
        index = self.language.findData(code)
        if index != self.language.currentIndex():
            self.language.blockSignals(True)
            self.language.setCurrentIndex(index)
            self.language.blockSignals(False)

    def set_digits(self, choice: str) -> None:
        """Write every number in Western or Arabic-Indic digits ("": as the language does)."""
        set_digits(choice)
        self.store.set_setting(DIGITS_SETTING, choice)
        self.digit_actions[digit_choice()].setChecked(True)
        self.retranslate()  # the pages write their numbers again
        self.home.refresh()
        if self.executions.isVisible():
            self.executions.refresh()
        if self.insights is not None and self.insights.isVisible():
            self.insights.refresh()

    def set_theme(self, name: str) -> None:
        self.theme = THEMES[name]
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.theme, self.layoutDirection() == Qt.LayoutDirection.RightToLeft)
        self.editor.set_theme(self.theme)
        self.gallery.set_theme(self.theme)
        self.executions.theme = self.theme
        self.bell.theme = self.notification_centre.theme = self.theme
        self.bell.update()
        if self.executions.isVisible():
            self.executions.refresh()
        if self.insights is not None:
            self.insights.set_theme(self.theme)
        self.theme_button.setText(self.tr("Dark") if name == "light" else self.tr("Light"))

    def toggle_theme(self) -> None:
        self.set_theme("dark" if self.theme.name == "light" else "light")
        self.store.set_setting("theme", self.theme.name)

    # Pages.

    def _show_page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)
        in_editor = page is self.editor
        for action in self._editor_widgets:
            action.setVisible(in_editor)
        for action in self._outside_editor_widgets:
            action.setVisible(not in_editor)
        self.editor.set_current(in_editor)

    def show_home(self) -> None:
        self.editor.saving.save_now()
        self.editor.remember_view()
        self.store.set_setting(OPEN_FLOW_SETTING, None)
        self.home.refresh()
        self._show_page(self.home)
        self.setWindowTitle(self.tr("Flowin"))

    def show_editor(self) -> None:
        self._show_page(self.editor)

    def show_executions(self) -> None:
        """The run history: of the open flow from the editor, of every flow from home."""
        if self.pages.currentWidget() is self.executions:
            return
        self.editor.saving.save_now()
        in_editor = self.pages.currentWidget() is self.editor
        self._return_page = self.editor if in_editor else self.home
        self.executions.show_flow(self.editor.document.flow.id if in_editor else None)
        self._show_page(self.executions)

    def _leave_executions(self) -> None:
        if self._return_page is self.editor:
            self.show_editor()
        elif self.insights is not None and self._return_page is self.insights:
            self._show_page(self.insights)
        else:
            self.show_home()

    def open_run(self, execution_id: str) -> None:
        """The run history with this run open (from the bell, the tray or a flowin://run link)."""
        if self.pages.currentWidget() is not self.executions:
            self.editor.saving.save_now()
            current = self.pages.currentWidget()
            # Back returns to the editor or the insights it was opened from, else home.
            self._return_page = current if current in (self.editor, self.insights) else self.home
        self.executions.show_flow(None)
        self.executions.set_filters()
        self.executions.select(execution_id)
        self._show_page(self.executions)
        self.bring_forward()

    def open_link(self, link: str) -> bool:
        """Open a flowin:// link (flowin://run/ID: that run, with Fix now); False when the link
        names nothing Flowin opens."""
        path = link.split("://", 1)[-1].strip("/")
        kind, _, identifier = path.partition("/")
        if kind != "run" or not identifier:
            log.info("A link Flowin does not open: %s", link)
            self.bring_forward()
            return False
        execution_id = identifier.split("?")[0]
        log.info("Opening the run %s from a link", execution_id)
        self.open_run(execution_id)
        return True

    def fix_run(self, flow_id: str, step_name: str) -> None:
        """Fix now from a failed run: its flow in the editor, the step that failed selected,
        its settings in sight."""
        self.open_flow(flow_id)
        node = self.editor.document.flow.node_by_name(step_name)
        if self.editor.document.flow.id != flow_id or node is None:
            return
        self.show_editor()
        self.editor.select_step(node.id)
        self.editor.properties.show_node(node.id)
        self.editor.properties.tabs.setCurrentIndex(0)

    # Notifications.

    def show_notifications(self) -> NotificationCentre:
        self.notification_centre.open_under(self.bell)
        return self.notification_centre

    def pop_up(self, row: Any) -> None:
        """A new notification pops up from the tray, as the bell shows it."""
        if self.tray is None or row.read:  # read at once: not for this computer's pop-ups
            return
        name = self._flow_names().get(row.flow_id or "")
        urgent = kind_of(row) in ("failure", "sync_conflict")
        text = sentence(row, failure_reason(self.store, row))
        self.tray.notify(headline(row, name), text, row.execution_id, urgent)

    def tell_sync_conflicts(self, report: Any) -> None:
        """A flow changed both here and in the cloud: the bell (and the owner's channels) say
        so once a session; the conflict stays in the flow's bar until it is resolved."""
        notifier = self.notification_watch.notifier()
        new = [ref for ref in report.conflicts if ref.id not in self._told_conflicts]
        if notifier is None or not new:
            return
        self._told_conflicts.update(ref.id for ref in new)
        # Off the window's thread: the owner's channels are sent to at once.
        self._notifying.start(lambda: [notifier.sync_conflict(r.id, r.name) for r in new])

    def _show_unread(self) -> None:
        self.bell.set_count(self.notification_watch.unread_count())

    def _flow_names(self) -> dict[str, str]:
        return {summary.id: summary.name for summary in self.store.flows.summaries()}

    def show_insights(self) -> Any:
        """The insights dashboard (made the first time: it imports matplotlib)."""
        if self.insights is None:
            from .insights import InsightsPage

            self.insights = InsightsPage(
                self.store, self.theme, secret_of=self._secret_for_insights
            )
            self.insights.back_requested.connect(self.show_home)
            self.insights.open_run_requested.connect(lambda _flow, run: self.open_run(run))
            self.insights.fix_requested.connect(self.fix_run)
            self.pages.addWidget(self.insights)
        self.editor.saving.save_now()
        self._show_page(self.insights)
        self.insights.refresh()
        return self.insights

    def _secret_for_insights(self, connection_id: str) -> dict[str, Any] | None:
        """A connection's secret, for its token's expiry only; None when it can't be read."""
        connections = self.active_flows.runtime.connections if self.active_flows else None
        if connections is None:
            return None
        try:
            return connections.secret(connection_id)
        except Exception:  # gone from the keyring: the dashboard shows what it knows
            return None

    def retry_execution(self, execution_id: str) -> str:
        """Start a retry of a failed run, in the test-run pool; returns the new run's id."""
        return retry_execution(self.store, self.editor.test_run.runs.runner, execution_id).id

    def open_flow(self, flow_id: str) -> None:
        self.editor.open_flow(flow_id)

    def new_flow(self) -> None:
        """A blank flow, open in the editor."""
        self.editor.new_flow()

    def choose_new_flow(self) -> NewFlowChoice:
        """Ask how to start: blank, from a template, or described to the AI builder."""
        dialog = NewFlowChoice(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.start_new_flow(dialog.choice or BLANK))
        dialog.open()
        return dialog

    def start_new_flow(self, choice: str) -> None:
        if choice == TEMPLATE:
            self.show_templates()
        elif choice == BUILDER:
            self.editor.new_flow()
            self.editor.show_builder(True)
        else:
            self.editor.new_flow()
            self.editor.show_builder(False)

    # Templates.

    def show_templates(self) -> None:
        """The template gallery, at its list of cards."""
        self.editor.saving.save_now()
        self.gallery.ensure_loaded()
        self.gallery.show_list()
        self._show_page(self.gallery)
        self.setWindowTitle(self.tr("Flowin"))

    def use_template(self, template: object) -> UseTemplateWizard:
        """The wizard that makes a flow of ``template``; the flow opens when it is made."""
        wizard = UseTemplateWizard(
            template, self.registry, self.editor.connections, self.store, self, self.theme
        )
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.created.connect(self._flow_from_template)
        self.wizard = wizard
        wizard.open()
        return wizard

    def _flow_from_template(self, flow_id: str) -> None:
        self.editor.open_flow(flow_id)
        self._show_message(
            self.tr("Your flow is ready: click Test run to try it with sample data."), 20_000
        )

    def _service_added(self, text: str) -> None:
        self.editor.palette_panel.refresh()
        self._show_message(text, 20_000)

    def import_template(self) -> object | None:
        """Add a template from a file the user picks, and show it in the gallery."""
        template = self.template_files.import_chosen_file()
        if template is not None:
            self.show_templates()
            self.gallery.show_template(str(getattr(template, "id", "")))
        return template

    def _template_saved(self, template: object) -> None:
        self.gallery.reload()
        if self.pages.currentWidget() is self.gallery:
            self.gallery.show_template(str(getattr(template, "id", "")))

    def reopen_flow(self, flow_id: str | None) -> bool:
        """Open the flow that was open when Flowin last closed (or crashed), where it was."""
        return self.editor.reopen_flow(flow_id)

    def bring_forward(self) -> None:
        """Show the window in front, from the tray or the taskbar (Flowin was started again)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def say_an_action_failed(self) -> None:
        """An error nobody caught ended what the user was doing; the app and its flows go on."""
        self.statusBar().showMessage(
            self.tr(
                "Something went wrong with what you just did. Your flows keep running; "
                "the details are in the log in Flowin's data folder."
            )
        )

    def show_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(
            self,
            rules=RuleBook(
                self.store,
                self.notification_watch.notifier,
                self.registry,
                lambda: self.editor.connections,
            ),
            connections=self.editor.connections,
            registry=self.registry,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> AboutDialog:
        # Only a cloud the user chose (signed in to, or set for this computer) is asked.
        server = os.environ.get("FLOWIN_CLOUD_SERVER") or self.cloud.account.server
        dialog = AboutDialog(server, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_cloud_account(self) -> CloudAccountDialog:
        return self.cloud_reactions.show_account()

    # Active flows.

    def attach_active_flows(self, active_flows: ActiveFlows) -> None:
        """Let the tray and the views work with the runtime running the active flows: a flow
        switched on or off there shows so at once on home and in the editor."""
        self.active_flows = active_flows
        self.editor.runtime = active_flows.runtime  # its listener's port is the webhooks' one
        self.editor.relay_watch.follow()  # its relay: public addresses, events waiting
        self.notification_watch.follow()
        active_flows.statuses_changed.connect(self.follow_flow_statuses)
        active_flows.run_failed.connect(lambda run_id, *_: self.executions.on_events([run_id]))
        active_flows.run_succeeded.connect(lambda run_id, *_: self.executions.on_events([run_id]))

    def follow_flow_statuses(self) -> None:
        """Show every flow's state as the store has it now."""
        self.home.refresh()
        self.editor.saving.follow_stored_status()

    def follow_store(self) -> None:
        """Something was written to the store, here or by another program: the page in sight
        reads it again (the others do when they are shown), and the open flow's switch
        follows its stored state."""
        page = self.pages.currentWidget()
        if page is self.home:
            self.home.follow_store()
        elif page is self.executions:
            self.executions.refresh()
        self.editor.saving.follow_stored_status()
        if self.editor.cloud_run.runs_in_cloud() != self.editor.cloud_run.in_cloud.isChecked():
            self.editor.show_place()  # a sync moved it to the cloud or back

    # Closing.

    def pause_all_flows(self) -> None:
        if self.active_flows is not None:
            count = self.active_flows.pause_all()
            self.statusBar().showMessage(self.tr("Flows paused: %1").replace("%1", str(count)))

    def has_active_work(self) -> bool:
        if self.editor.test_run.runs.is_running():
            return True
        return any(s.status.value == "active" for s in self.store.flows.summaries())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.editor.saving.save_now()
        if self.tray is not None and self.tray.isVisible() and self.has_active_work():
            self.hide()
            self.tray.notify_still_running()
            event.ignore()
            return
        self.shutdown()
        event.accept()
        if self.tray is not None:
            QApplication.quit()

    def quit(self) -> None:
        self.editor.saving.save_now()
        self.shutdown()
        QApplication.quit()

    def shutdown(self) -> None:
        if getattr(self, "_shut", False):
            return
        self._shut = True
        self.store_watch.stop()
        self.editor.shutdown()
        self.editor.cloud_run.shutdown()
        self.cloud.shutdown()
        if self.tray is not None:
            self.tray.hide()
