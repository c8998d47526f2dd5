"""The properties panel, generated from the selected step's input model."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.credentials import Connections
from flowin_engine.editing import StepNameTaken, change_step
from flowin_engine.events import received_data
from flowin_engine.expressions import template_strings
from flowin_engine.model import OnError
from flowin_engine.registry import NodeType, TriggerKind

from ..editor.document import (
    EditCommand,
    FlowDocument,
    SetMinutesSavedPerRun,
    SetNodeValue,
    SetStepsOfFailedRunsOnly,
)
from ..i18n import (
    NODE_TYPES,
    field_text,
    follow_digits,
    isolate,
    node_type_description,
    node_type_name,
    problem_text,
)
from .accounts import AccountPicker
from .data import (
    DataTree,
    ReferenceHighlighter,
    ReferenceLineEdit,
    insert_reference,
    reference_names,
    step_samples,
    trigger_name,
)
from .editors import make_editor
from .fields import UNSET, FieldEditor, TextEditor, widget_hint
from .flow_overview import FlowOverview
from .references import (
    ReferenceCompleter,
    attach,
    available_references,
    last_run_context,
    reference_problem,
)
from .rules import DataSource
from .run_table import add_readable, step_input
from .schedule import SchedulePreview
from .webhook_address import WebhookAddressBox, WebhookAddresses


class PropertiesPanel(QWidget):
    """Shows the selected step: its fields (Settings) and what it got and gave in the last run."""

    pin_requested = Signal(str, bool)  # step id, pin (True) or unpin (False)
    run_step_requested = Signal(str)
    message = Signal(str, int)  # for the status bar: text, milliseconds

    def __init__(
        self,
        document: FlowDocument,
        connections: Callable[[], Connections] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.connections = connections
        self.setObjectName("panel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.document = document
        self.node_id: str | None = None
        self.editors: dict[str, FieldEditor] = {}
        self.completers: dict[str, ReferenceCompleter] = {}
        self.reference_labels: dict[str, QLabel] = {}
        self.reference_names: dict[str, QLabel] = {}  # under a text box: what it reads
        # Where the flow's problems show: under each field, and above the form for the rest.
        self.problem_labels: dict[str | None, QLabel] = {}
        self._labels: list[tuple[QLabel, str]] = []
        self.step_data: dict[str, tuple[Any, Any, str | None]] = {}
        self.problems: dict[str, list[Any]] = {}
        self.schedule_preview: SchedulePreview | None = None
        self._shown_type: str | None = None  # the type the form was built for
        self.write_first_button: QPushButton | None = None  # a reply-only step that can't send
        # Where webhook triggers are called; the editor sets it (None: their address isn't shown).
        self.webhook_addresses: WebhookAddresses | None = None
        self.webhook_address: WebhookAddressBox | None = None
        # Whether the flow runs in the cloud (the editor sets it), for the overview.
        self.in_cloud: Callable[[], bool] = lambda: False

        self.empty = QLabel()
        # No step selected: the flow at a glance instead of an empty third of the window.
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        self.empty.setObjectName("flowOverview")
        self.overview = FlowOverview(self)
        # Under the overview, the flow's own settings.
        self.steps_of_failures_only = QCheckBox()
        self.steps_of_failures_only.setObjectName("stepsOfFailedRunsOnly")
        self.steps_of_failures_only.toggled.connect(self._steps_of_failures_only_toggled)
        self.steps_of_failures_only_help = QLabel()
        self.steps_of_failures_only_help.setObjectName("help")
        self.steps_of_failures_only_help.setWordWrap(True)
        # The insights' time saved: minutes of hand work one run saves (0 shows "Not set").
        self.minutes_saved_label = QLabel()
        self.minutes_saved = QSpinBox()
        self.minutes_saved.setObjectName("minutesSavedPerRun")
        self.minutes_saved.setRange(0, 24 * 60)
        self.minutes_saved.valueChanged.connect(self._minutes_saved_changed)
        self.minutes_saved_label.setBuddy(self.minutes_saved)
        self.minutes_saved_help = QLabel()
        self.minutes_saved_help.setObjectName("help")
        self.minutes_saved_help.setWordWrap(True)
        minutes_row = QHBoxLayout()
        minutes_row.addWidget(self.minutes_saved_label)
        minutes_row.addWidget(self.minutes_saved)
        minutes_row.addStretch(1)
        self.overview_page = QWidget()
        overview_layout = QVBoxLayout(self.overview_page)
        overview_layout.setContentsMargins(0, 0, 0, 0)
        overview_layout.addWidget(self.empty)
        overview_layout.addWidget(self.steps_of_failures_only)
        overview_layout.addWidget(self.steps_of_failures_only_help)
        overview_layout.addLayout(minutes_row)
        overview_layout.addWidget(self.minutes_saved_help)
        self.overview_layout = overview_layout
        overview_layout.addStretch(1)
        document.changed.connect(self._show_overview)
        document.flow_replaced.connect(self._show_overview)

        self.tabs = QTabWidget()
        self.settings_scroll = QScrollArea()
        self.settings_scroll.setWidgetResizable(True)
        self.settings_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.data_view = QTreeView()
        self.data_model = QStandardItemModel()
        self.data_view.setModel(self.data_model)
        self.data_view.setAlternatingRowColors(True)
        self.pin_button = QPushButton()
        self.pin_button.clicked.connect(self._pin_clicked)
        self.run_step_button = QPushButton()
        self.run_step_button.clicked.connect(
            lambda: self.node_id and self.run_step_requested.emit(self.node_id)
        )
        last_run = QWidget()
        last_run_layout = QVBoxLayout(last_run)
        last_run_layout.setContentsMargins(0, 6, 0, 0)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(6, 0, 6, 0)
        buttons.addWidget(self.run_step_button)
        buttons.addWidget(self.pin_button)
        buttons.addStretch(1)
        last_run_layout.addLayout(buttons)
        last_run_layout.addWidget(self.data_view)
        self.data_source = DataSource(
            samples=self.samples,
            references=self.references_with_samples,
            trigger_name=self.trigger_name,
        )
        # The earlier steps' data under the settings: a click puts a field's reference into the
        # field last typed in, at its cursor.
        self.data_tree = DataTree()
        self.data_tree.reference_chosen.connect(self.insert_reference)
        self.data_title = QLabel()
        self.data_title.setObjectName("sectionTitle")
        self.data_help = QLabel()
        self.data_help.setObjectName("help")
        self.data_help.setWordWrap(True)
        self.data_box = QWidget()
        self.data_box.setObjectName("panel")
        data_layout = QVBoxLayout(self.data_box)
        data_layout.setContentsMargins(14, 8, 14, 6)
        data_layout.setSpacing(4)
        data_layout.addWidget(self.data_title)
        data_layout.addWidget(self.data_help)
        data_layout.addWidget(self.data_tree, 1)
        self.insert_target: QWidget | None = None
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self.settings_split = QSplitter(Qt.Orientation.Vertical)
        self.settings_split.addWidget(self.settings_scroll)
        self.settings_split.addWidget(self.data_box)
        self.settings_split.setStretchFactor(0, 3)
        self.settings_split.setStretchFactor(1, 2)
        self.settings_split.setChildrenCollapsible(False)
        self.tabs.addTab(self.settings_split, "")
        self.tabs.addTab(last_run, "")

        self.stack = QStackedWidget()
        # A long flow's overview scrolls, so the flow's settings under it stay within reach.
        self.overview_scroll = QScrollArea()
        self.overview_scroll.setWidgetResizable(True)
        self.overview_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.overview_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.overview_scroll.setWidget(self.overview_page)
        self.stack.addWidget(self.overview_scroll)
        self.stack.addWidget(self.tabs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        document.reloaded.connect(self._model_changed)
        document.flow_replaced.connect(self._model_changed)
        document.step_changed.connect(self._step_changed)
        document.step_removed.connect(self._step_changed)
        document.pinned_changed.connect(self._step_changed)
        document.step_renamed.connect(self._step_renamed)
        self.retranslate()

    def refresh_overview(self) -> None:
        self._show_overview()

    def add_flow_setting(self, widget: QWidget) -> None:
        """A setting of the whole flow, under the others beneath its overview."""
        self.overview_layout.insertWidget(self.overview_layout.count() - 1, widget)

    def retranslate(self) -> None:
        self._show_overview()
        self.tabs.setTabText(0, self.tr("Settings"))
        self.tabs.setTabText(1, self.tr("Last run"))
        self.data_title.setText(self.tr("Data from earlier steps"))
        self.data_help.setText(
            self.tr("Click a field to put it where you were typing, or drag it into a setting.")
        )
        self.data_tree.retranslate()
        self.run_step_button.setText(self.tr("▶ Run this step only"))
        self.run_step_button.setToolTip(
            self.tr("Run just this step, with the data the steps before it gave in the last run")
        )
        self._show_pin()
        if self.node_id is not None:
            self.show_node(self.node_id, force=True)

    def _show_overview(self) -> None:
        self.empty.setText(
            self.overview.text(self.document.flow, self.document.registry, self.in_cloud())
        )
        self.steps_of_failures_only.setText(self.tr("Keep step details only for failed runs"))
        self.steps_of_failures_only_help.setText(
            self.tr(
                "A run that succeeds keeps its start, its data and its end, but not what each "
                "step got and gave: less to save for a flow that runs very often."
            )
        )
        self._show_minutes_saved()
        on = self.document.flow.settings.steps_of_failed_runs_only
        if self.steps_of_failures_only.isChecked() != on:
            self.steps_of_failures_only.blockSignals(True)
            self.steps_of_failures_only.setChecked(on)
            self.steps_of_failures_only.blockSignals(False)

    def _show_minutes_saved(self) -> None:
        self.minutes_saved_label.setText(self.tr("Minutes saved per run:"))
        self.minutes_saved.setSpecialValueText(self.tr("Not set"))
        self.minutes_saved.setSuffix(self.tr(" min"))
        follow_digits(self.minutes_saved)
        self.minutes_saved_help.setText(
            self.tr(
                "How long one run would take you by hand. Insights add it up for every run "
                "that works: the time Flowin saves you."
            )
        )
        minutes = self.document.flow.settings.minutes_saved_per_run or 0
        if self.minutes_saved.value() != minutes:
            self.minutes_saved.blockSignals(True)
            self.minutes_saved.setValue(minutes)
            self.minutes_saved.blockSignals(False)

    def _minutes_saved_changed(self, value: int) -> None:
        minutes = value or None
        if minutes != self.document.flow.settings.minutes_saved_per_run:
            self.document.push(SetMinutesSavedPerRun(self.document, minutes))

    def _steps_of_failures_only_toggled(self, on: bool) -> None:
        if on != self.document.flow.settings.steps_of_failed_runs_only:
            self.document.push(SetStepsOfFailedRunsOnly(self.document, on))

    def show_node(self, node_id: str | None, force: bool = False) -> None:
        if node_id == self.node_id and not force:
            return
        self.node_id = node_id
        node = self._node()
        if node is None:
            self.node_id = None
            self.stack.setCurrentWidget(self.overview_scroll)
            return
        self._build(node)
        self._show_data()
        self.stack.setCurrentWidget(self.tabs)

    def _node(self) -> Any:
        if self.node_id is None:
            return None
        try:
            return self.document.flow.node(self.node_id)
        except KeyError:
            return None

    def _build(self, node: Any) -> None:
        node_type = self.document.registry.find(node.type)
        page = QWidget()
        page.setObjectName("panel")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(14, 12, 14, 12)
        title = QLabel(node_type_name(node_type) if node_type else node.type)
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        if node_type is not None and node_type.manifest.description:
            about = QLabel(node_type_description(node_type))
            about.setObjectName("help")
            about.setWordWrap(True)
            layout.addWidget(about)
        self._shown_type = node.type
        self.write_first_button = None
        # The builder's rules load with the first step shown, not with the app.
        from flowin_engine.builder.first_contact import written_first

        if node_type is not None and written_first(
            self.document.flow, node, self.document.registry
        ):
            self._add_write_first(layout, node_type)

        self.problem_labels = {None: _problem_label("")}
        layout.addWidget(self.problem_labels[None])

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.editors = {}
        self.completers = {}
        self.reference_labels = {}
        self.reference_names = {}
        self.name_edit = QLineEdit(node.name)
        self.name_edit.editingFinished.connect(self._rename)
        form.addRow(self.tr("Step name"), self.name_edit)

        if node_type is not None:
            fields = node_type.input_model.model_fields
            shown_by_others = set()
            for key, info in fields.items():

                def commit(value: Any, key: str = key) -> None:
                    self._set(f"params.{key}", value, merge=self.editors[key].merge_edits)

                editor = self._editor(info, node_type, commit)
                for sibling in editor.siblings:
                    shown_by_others.add(sibling)
                    if hasattr(editor, "commit_sibling"):
                        editor.commit_sibling = lambda k, v: self._set(f"params.{k}", v, False)
                self.editors[key] = editor
            for key in shown_by_others:
                self.editors.pop(key, None)
            for key, info in fields.items():
                if key not in self.editors:
                    continue
                editor = self.editors[key]
                editor.set_value(node.params.get(key, UNSET))
                if editor.siblings:
                    editor.show_siblings(node.params)  # type: ignore[attr-defined]
                if isinstance(editor.text_widget, ReferenceLineEdit):
                    editor.text_widget.trigger_name = self.trigger_name
                label = field_text(node_type.field_title(key))
                if info.is_required():
                    label += " *"
                container = QWidget()
                box = QVBoxLayout(container)
                box.setContentsMargins(0, 0, 0, 0)
                box.setSpacing(2)
                box.addWidget(editor.widget)
                self.problem_labels[key] = _problem_label("")
                box.addWidget(self.problem_labels[key])
                secret = isinstance(editor, TextEditor) and editor.secret
                completer = None if secret else attach(editor.text_widget, self.reference_list)
                if completer is not None:
                    self.completers[key] = completer
                reference_label = _problem_label("")
                reference_label.hide()
                self.reference_labels[key] = reference_label
                box.addWidget(reference_label)
                if isinstance(editor.text_widget, QPlainTextEdit) and not secret:
                    # A text box keeps its expressions; it names what they read underneath.
                    editor.highlighter = ReferenceHighlighter(editor.text_widget.document())
                    names = QLabel()
                    names.setObjectName("help")
                    names.setWordWrap(True)
                    self.reference_names[key] = names
                    box.addWidget(names)
                if info.description:
                    help_text = QLabel(field_text(info.description))
                    help_text.setObjectName("help")
                    help_text.setWordWrap(True)
                    box.addWidget(help_text)
                label_widget = QLabel(label)
                if info.is_required():
                    label_widget.setObjectName("required")
                    label_widget.setToolTip(self.tr("Required"))
                form.addRow(label_widget, container)

        self.schedule_preview = None
        if node_type is not None and node_type.trigger_kind == TriggerKind.SCHEDULE:
            self.schedule_preview = SchedulePreview()
            self.schedule_preview.show_schedule(node.params, self.document.flow.settings.timezone)
            form.addRow(self.schedule_preview)
        self.webhook_address = None
        if (
            node_type is not None
            and node_type.trigger_kind == TriggerKind.WEBHOOK
            and self.webhook_addresses is not None
        ):
            self.webhook_address = WebhookAddressBox(
                self.webhook_addresses, self.document.flow, node, node_type
            )
            form.addRow(self.webhook_address)

        self.on_error = QComboBox()
        for value, text in (
            (OnError.STOP, self.tr("Stop the run")),
            (OnError.CONTINUE, self.tr("Carry on with the error as output")),
            (OnError.ERROR_OUTPUT, self.tr("Send it to the error output")),
        ):
            self.on_error.addItem(text, value.value)
        self.on_error.setCurrentIndex(max(self.on_error.findData(node.settings.on_error.value), 0))
        self.on_error.currentIndexChanged.connect(
            lambda i: self._set("settings.on_error", OnError(self.on_error.itemData(i)))
        )
        form.addRow(self.tr("When this step fails"), self.on_error)
        self.turned_off = QCheckBox(self.tr("Turned off"))
        self.turned_off.setChecked(node.disabled)
        self.turned_off.toggled.connect(lambda on: self._set("disabled", on))
        off_help = QLabel(self.tr("A step that is off passes its data through unchanged."))
        off_help.setObjectName("help")
        off_help.setWordWrap(True)
        form.addRow(self.turned_off)
        form.addRow(off_help)
        layout.addLayout(form)
        layout.addStretch()
        self.settings_scroll.setWidget(page)
        self._show_problems()
        self.insert_target = None
        self._show_earlier_data()
        self.check_references()

    def _add_write_first(self, layout: QVBoxLayout, node_type: NodeType) -> None:
        """Why a reply-only step (WhatsApp's free text) can't send in this flow, and a button
        for the step that can (the approved template)."""
        rule = node_type.manifest.reply_only
        assert rule is not None  # written_first says so
        why = QLabel(QCoreApplication.translate(NODE_TYPES, rule.why))
        why.setObjectName("problem")
        why.setWordWrap(True)
        layout.addWidget(why)
        instead = self.document.registry.get(rule.instead)
        self.write_first_button = QPushButton(
            self.tr("Use %1 instead").replace("%1", node_type_name(instead))
        )
        self.write_first_button.clicked.connect(self._write_first)
        layout.addWidget(self.write_first_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _write_first(self) -> None:
        node = self._node()
        if node is None:
            return
        flow, registry = self.document.flow, self.document.registry
        arabic = QLocale().language() == QLocale.Language.Arabic  # the app's language
        from flowin_engine.builder.first_contact import written_first

        update = written_first(flow, node, registry, "ar" if arabic else "en")
        if update is None:
            return
        text = self.tr("Use %1 instead").replace("%1", node_type_name(registry.get(update["type"])))
        self.document.push(EditCommand(self.document, change_step(flow, node.id, **update), text))

    def _editor(self, info: Any, node_type: Any, commit: Callable[[Any], None]) -> FieldEditor:
        if widget_hint(info) == "connection" and self.connections is not None:
            extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
            connector = next(
                (c for c in self.document.registry.connectors if c.id == extra.get("connector")),
                node_type.connector,
            )
            return AccountPicker(connector, self.connections, commit)
        return make_editor(info, commit, self.data_source)

    def set_problems(self, problems: dict[str, list[Any]]) -> None:
        """Show the flow's problems as they are now. The labels change in place, also while
        the user types in the panel (the form is not rebuilt under their cursor)."""
        self.problems = problems
        self._show_problems()

    def _show_problems(self) -> None:
        by_place: dict[str | None, list[str]] = {place: [] for place in self.problem_labels}
        for problem in self.problems.get(self.node_id or "", []):
            place = problem.field if problem.field in by_place else None
            by_place[place].append("⚠ " + problem_text(problem))
        for place, label in self.problem_labels.items():
            label.setText("\n".join(by_place[place]))
            label.setVisible(bool(by_place[place]))

    def _set(self, path: str, value: Any, merge: bool = True) -> None:
        if self.node_id is None:
            return
        node = self._node()
        current = (
            node.params.get(path.split(".", 1)[1], UNSET) if path.startswith("params.") else None
        )
        if path.startswith("params.") and current == value:
            return
        if path == "disabled" and node.disabled == value:
            return
        self.document.push(SetNodeValue(self.document, self.node_id, path, value, merge=merge))

    def _rename(self) -> None:
        node = self._node()
        name = self.name_edit.text().strip()
        if node is None or not name or name == node.name:
            self.name_edit.setText(node.name if node else "")
            return
        try:
            # editing.rename_step's rules: the name free, every reference to the step following.
            command = SetNodeValue(self.document, node.id, "name", name)
        except StepNameTaken:
            self.message.emit(
                self.tr("Another step is already called '%1'.").replace("%1", name), 5000
            )
            self.name_edit.setText(node.name)
            return
        self.document.push(command)

    def _step_changed(self, node_id: str) -> None:
        if node_id == self.node_id:
            self._model_changed()

    def _step_renamed(self, node_id: str, _old: str, new: str) -> None:
        if node_id == self.node_id:
            # Even while the name field has the focus: the rename may be an undo.
            self.name_edit.setText(new)
            self._model_changed()

    def _model_changed(self) -> None:
        node = self._node()
        if node is None:
            if self.node_id is not None:
                self.show_node(None)
            return
        if node.type != self._shown_type:  # another kind of step now (or again, by an undo)
            self.show_node(self.node_id, force=True)
            return
        if not self.name_edit.hasFocus():
            self.name_edit.setText(node.name)
        self._show_pin()
        self.turned_off.blockSignals(True)
        self.turned_off.setChecked(node.disabled)
        self.turned_off.blockSignals(False)
        for key, editor in self.editors.items():
            editor.set_value(node.params.get(key, UNSET))
            if editor.siblings:
                editor.show_siblings(node.params)  # type: ignore[attr-defined]
        self._show_earlier_data()
        if self.schedule_preview is not None:
            self.schedule_preview.show_schedule(node.params, self.document.flow.settings.timezone)
        if self.webhook_address is not None:  # "respond when done" says what the service gets
            self.webhook_address.follow(self.document.flow, node)
        self.check_references()

    # References to other steps' data.

    def samples(self) -> list[Any]:
        """The steps the selected one can read, with their data, nearest first."""
        if self.node_id is None:
            return []
        flow, registry = self.document.flow, self.document.registry
        return step_samples(flow, self.node_id, registry, self.step_data)

    def references_with_samples(self) -> list[tuple[str, Any]]:
        if self.node_id is None:
            return []
        flow, registry = self.document.flow, self.document.registry
        return available_references(flow, self.node_id, registry, self.step_data)

    def trigger_name(self) -> str | None:
        return trigger_name(self.document.flow, self.document.registry)

    def _show_earlier_data(self) -> None:
        samples = self.samples()
        self.data_tree.show_samples(samples)
        self.data_box.setVisible(bool(samples))

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        page = self.settings_scroll.widget()
        if (
            isinstance(new, QLineEdit | QPlainTextEdit)
            and page is not None
            and page.isAncestorOf(new)
            and new is not self.name_edit
            and not (isinstance(new, QLineEdit) and new.echoMode() != QLineEdit.EchoMode.Normal)
        ):
            self.insert_target = new

    def insert_reference(self, reference: str) -> None:
        """Put ``{{ reference }}`` into the field last typed in, at its cursor."""
        target = self.insert_target
        if target is None or not shiboken6.isValid(target):
            self.data_help.setText(
                self.tr(
                    "First click into the setting the field should go in, then click the field."
                )
            )
            return
        insert_reference(target, reference)

    def reference_list(self) -> list[str]:
        """What the selected step can read, as references to put between {{ }}."""
        if self.node_id is None:
            return []
        flow, registry = self.document.flow, self.document.registry
        return [r for r, _ in available_references(flow, self.node_id, registry, self.step_data)]

    def check_references(self) -> None:
        """Mark fields whose {{ }} can't be resolved against the last test run's data."""
        node = self._node()
        if node is None:
            return
        for key, names in self.reference_names.items():
            found = reference_names(node.params.get(key), self.trigger_name())
            # Each name isolated: an English step name in an Arabic sentence stays in one piece.
            shown = "\n".join(isolate(name) for name in found)  # one a line: none cut in two
            names.setText(self.tr("Uses: %1").replace("%1", shown) if found else "")
            names.setVisible(bool(found))
        context = last_run_context(self.document.flow, self.document.registry, self.step_data)
        node_input = self._last_input(node.id)
        # A step the last run did not reach (a branch not taken, a step added since) is checked
        # only when a step before it ran: what that step sent is what it would have received.
        checked = context is not None and node_input is not _UNKNOWN
        for key, label in self.reference_labels.items():
            problem = None
            for _, source in template_strings(node.params.get(key)) if checked else ():
                problem = reference_problem(source, context, node_input)
                if problem:
                    break
            label.setText("⚠ " + problem if problem else "")
            label.setVisible(bool(problem))

    def _last_input(self, node_id: str) -> Any:
        """The data ``node_id`` received in the last run, or would have; _UNKNOWN if the run
        doesn't tell."""
        entry = self.step_data.get(node_id)
        if entry is not None:
            return received_data(entry[0])
        for edge in self.document.flow.edges:
            before = self.step_data.get(edge.source) if edge.target == node_id else None
            if before is not None and not before[2]:
                return before[1]
        return _UNKNOWN

    # Last run.

    def _pinned(self) -> bool:
        return self.node_id is not None and self.node_id in self.document.flow.pinned

    def _show_pin(self) -> None:
        pinned = self._pinned()
        self.pin_button.setText(self.tr("Unpin") if pinned else self.tr("Pin this output"))
        self.pin_button.setToolTip(
            self.tr("Test runs call the service again for this step.")
            if pinned
            else self.tr("Test runs reuse this output instead of calling the service again.")
        )
        entry = self.step_data.get(self.node_id or "")
        self.pin_button.setEnabled(pinned or (entry is not None and not entry[2]))

    def _pin_clicked(self) -> None:
        if self.node_id is not None:
            self.pin_requested.emit(self.node_id, not self._pinned())

    def set_step_data(self, node_id: str, data_in: Any, data_out: Any, error: str | None) -> None:
        self.step_data[node_id] = (data_in, data_out, error)
        if node_id == self.node_id:
            self._show_data()
        self.check_references()

    def clear_step_data(self) -> None:
        self.step_data.clear()
        self._show_data()
        self.check_references()

    def _show_data(self) -> None:
        self._show_pin()
        self.data_model.clear()
        self.data_model.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Value")])
        entry = self.step_data.get(self.node_id or "")
        if entry is None:
            self.data_model.appendRow(
                [QStandardItem(self.tr("This step hasn't run yet.")), QStandardItem("")]
            )
            self.data_view.setFirstColumnSpanned(0, self.data_model.index(-1, -1), True)
            return
        recorded_in, data_out, error = entry
        data_in, settings = step_input(recorded_in)
        root = self.data_model.invisibleRootItem()
        add_readable(root, self.tr("Input"), data_in)
        if error:
            add_readable(root, self.tr("Error"), error)
        else:
            add_readable(root, self.tr("Output"), data_out)
        if settings is not None:
            # What its settings came to, references filled in: folded, it is seldom the question.
            add_readable(root, self.tr("Settings it ran with"), settings)
        for row in range(self.data_model.rowCount()):
            folded = row == self.data_model.rowCount() - 1 and settings is not None
            self.data_view.setExpanded(self.data_model.index(row, 0), not folded)
        self.data_view.resizeColumnToContents(0)


_UNKNOWN = object()


def _problem_label(message: str) -> QLabel:
    label = QLabel("⚠ " + message if message else "")
    label.setObjectName("problem")
    label.setWordWrap(True)
    if not message:
        label.hide()
    return label
