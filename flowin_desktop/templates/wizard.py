"""Use a template: connect (or pick) each account it needs, fill in its blanks, and get the
flow, saved and open in the editor. Nothing is left for later: Create flow stays off, with a
sentence saying what is still needed, until every account is chosen and every blank filled."""

from __future__ import annotations

import re
from collections.abc import Callable

import shiboken6
from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.credentials import Connections
from flowin_engine.errors import FlowinError
from flowin_engine.model import Flow
from flowin_engine.registry import Connector, Registry
from flowin_engine.store import Store
from flowin_engine.templates import Blank, Template, instantiate, needed_accounts

from ..i18n import LANGUAGES, connector_name, isolate, number_text, stored_error_text
from ..icons import connector_pixmap
from ..panels.accounts import ConnectAccountDialog
from ..panels.data import ReferenceTextEdit, trigger_name
from ..theme import LIGHT, Theme
from ..work import BackgroundCalls
from .texts import current_language, local, reading_start

PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{5,20}[0-9]$")
# A service's sender id that stands where a number may (Twilio's Messaging Service, MG…).
SENDER_ID = re.compile(r"^[A-Z]{2}[0-9a-f]{32}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_WESTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def western_digits(text: str) -> str:
    """A phone number or amount typed in Arabic-Indic digits, as services read it."""
    return text.translate(_WESTERN_DIGITS)


def _is_expression(text: str) -> bool:
    return "{{" in text and "}}" in text


class AccountRow(QFrame):
    """One account the template needs: which service, for which steps, and the choice (a
    connected account, tested here, or a new one connected with the app's own dialog)."""

    changed = Signal()
    tested = Signal()  # a Test of the chosen account came back

    def __init__(
        self, connector: Connector, steps: list[str], connections: Connections, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accountRow")
        self.connector = connector
        self.connections = connections
        self.dialog: ConnectAccountDialog | None = None
        icon = QLabel()
        pixmap = connector_pixmap(connector, 28)
        if pixmap is not None:
            icon.setPixmap(pixmap)
        self.title = QLabel(connector_name(connector))
        self.title.setObjectName("sectionTitle")
        self.used_by = QLabel(
            self.tr("For the step: %1").replace("%1", "، ".join(isolate(s) for s in steps))
            if len(steps) == 1
            else self.tr("For the steps: %1").replace(
                "%1", ("، " if current_language() == "ar" else ", ").join(isolate(s) for s in steps)
            )
        )
        self.used_by.setObjectName("help")
        self.used_by.setWordWrap(True)
        self.choice = QComboBox()
        self.choice.setMinimumWidth(220)
        self.choice.setAccessibleName(
            self.tr("%1 account").replace("%1", connector_name(connector))
        )
        self.choice.currentIndexChanged.connect(lambda _: self._chosen())
        self.test_button = QPushButton(self.tr("Test"))
        self.test_button.setToolTip(self.tr("Check that this account still signs in"))
        self.test_button.clicked.connect(self.test_account)
        self.result = QLabel()
        self.result.setObjectName("help")
        self.result.setWordWrap(True)
        self.result.hide()
        self._calls = BackgroundCalls(self)
        self._calls.finished.connect(self._tested)
        self._tested_id: str | None = None
        self.connect_button = QPushButton(self.tr("Connect an account…"))
        self.connect_button.setEnabled(connector.credential_model is not None)
        self.connect_button.clicked.connect(self.connect_account)
        for label in (self.title, self.used_by, self.result):
            label.setAlignment(reading_start())
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.title)
        titles.addWidget(self.used_by)
        titles.addWidget(self.result)
        head = QHBoxLayout()
        head.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        head.addLayout(titles, 1)
        # The choice on a line of its own: a long service name never squeezes it.
        controls = QHBoxLayout()
        controls.addWidget(self.choice, 1)
        controls.addWidget(self.test_button)
        controls.addWidget(self.connect_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addLayout(controls)
        self.reload()

    def reload(self, chosen: str | None = None) -> None:
        chosen = chosen or self.connection_id()
        accounts = self.connections.list(self.connector.id)
        self.choice.blockSignals(True)
        self.choice.clear()
        self.choice.addItem(self.tr("Choose an account"), None)
        for account in accounts:
            self.choice.addItem(account.label, account.id)
        if chosen is None and len(accounts) == 1:
            chosen = accounts[0].id  # the only one there is: what anyone would pick
        self.choice.setCurrentIndex(max(self.choice.findData(chosen), 0))
        self.choice.setEnabled(bool(accounts))
        self.choice.blockSignals(False)
        self._chosen()

    def _chosen(self) -> None:
        self.result.hide()
        self.test_button.setEnabled(
            self.connection_id() is not None
            and self.connector.test_function is not None
            and not self._calls.busy
        )
        self.changed.emit()

    def test_account(self) -> None:
        """Make the service's cheap signed-in call with the chosen account, off the window's
        thread; the answer shows under the service's name."""
        connection_id = self.connection_id()
        test = self.connector.test_function
        model = self.connector.credential_model
        if connection_id is None or test is None or model is None or self._calls.busy:
            return
        connections = self.connections

        def work() -> object:
            return test(model.model_validate(connections.secret(connection_id)))

        self._tested_id = connection_id
        self.test_button.setEnabled(False)
        self.result.setText(self.tr("Testing…"))
        self.result.show()
        self._calls.start(work)

    def _tested(self, _ticket: int, answer: object, error: Exception | None) -> None:
        if not shiboken6.isValid(self.result):
            return
        if self._tested_id is not None:
            self.connections.record_test(self._tested_id, error is None)
        if error is None:
            self.result.setText("✓ " + stored_error_text(str(answer)))
        elif isinstance(error, ValidationError):  # saved before a field became required
            self.result.setText(
                "✕ " + self.tr("This account's details are incomplete: connect it again.")
            )
        else:
            self.result.setText("✕ " + stored_error_text(str(error)))
        self.test_button.setEnabled(self.connection_id() is not None)
        self.tested.emit()

    def connection_id(self) -> str | None:
        if not shiboken6.isValid(self.choice):
            return None
        return self.choice.currentData()

    def connect_account(self) -> ConnectAccountDialog:
        """The app's own dialog for this service (with its Test connection), not blocking."""
        self.dialog = ConnectAccountDialog(self.connector, self.connections, self.window())
        self.dialog.accepted.connect(self._connected)
        self.dialog.open()
        return self.dialog

    def _connected(self) -> None:
        if self.dialog is not None and self.dialog.connection_id is not None:
            self.reload(self.dialog.connection_id)


class BlankField:
    """One blank of the template as a friendly field: its label, help and a check."""

    def __init__(
        self, blank: Blank, language: str, parent: QWidget, trigger: str | None = None
    ) -> None:
        self.blank = blank
        self.key = str(blank.key)
        self.kind = str(getattr(blank, "kind", "text") or "text")
        self.label = local(blank.label, language)
        self.help = local(getattr(blank, "help", None), language)
        self.required = bool(getattr(blank, "required", True))
        example = getattr(blank, "example", None)
        default_in = getattr(blank, "default_in", None)
        default = default_in(language) if callable(default_in) else getattr(blank, "default", None)
        choices = [str(c) for c in (getattr(blank, "choices", None) or [])]
        self.widget: QWidget
        referring = self.kind == "text" and _is_expression(str(default or ""))
        if self.kind == "multiline" or referring:
            # The data a message names shows as the editor's chips ("New order › Name"), not
            # as {{ expressions }} nobody here has to read; typing around them keeps them.
            edit = ReferenceTextEdit(parent, single_line=referring)
            edit.trigger_name = lambda: trigger
            if not referring:
                edit.setFixedHeight(78)
            if example:
                edit.setPlaceholderText(_example(str(example)))
            if default not in (None, ""):
                edit.setText(str(default))
            self.widget = edit
        elif self.kind == "choice" and choices:
            combo = QComboBox(parent)
            for choice in choices:
                # A language reads as its own name ("English", "العربية"), not its code.
                combo.addItem(LANGUAGES.get(choice, choice), choice)
            if default not in (None, ""):
                combo.setCurrentIndex(max(combo.findData(str(default)), 0))
            self.widget = combo
        else:
            line = QLineEdit(parent)
            if example:
                line.setPlaceholderText(_example(str(example)))
            if default not in (None, ""):
                line.setText(str(default))
            if self.kind in ("phone", "email", "number"):
                line.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            self.widget = line
        self.widget.setAccessibleName(self.label)
        if self.help:
            self.widget.setToolTip(self.help)

    def value(self) -> str:
        widget = self.widget
        # A line edit's or a chip box's text(): the answer, its references as expressions.
        text = (
            str(widget.currentData() or "") if isinstance(widget, QComboBox) else widget.text()  # type: ignore[attr-defined]
        )
        text = text.strip()
        if self.kind in ("phone", "number"):
            text = western_digits(text)
        return text

    def problem(self) -> str | None:
        """What is wrong with the answer, in a few words; None when it will do."""
        value = self.value()
        if not value:
            return None  # said as "still needed"
        if _is_expression(value):
            return None  # data from the trigger, as the template's default reads it
        if self.kind == "phone" and not (PHONE.match(value) or SENDER_ID.match(value)):
            return _tr("%1 is not a phone number (like +201001234567)").replace(
                "%1", isolate(self.label)
            )
        if self.kind == "email" and not EMAIL.match(value):
            return _tr("%1 is not an e-mail address (like name@example.com)").replace(
                "%1", isolate(self.label)
            )
        if self.kind == "number":
            try:
                float(value)
            except ValueError:
                return _tr("%1 is not a number").replace("%1", isolate(self.label))
        return None

    def on_change(self, slot: Callable[[], None]) -> None:
        widget = self.widget
        if isinstance(widget, ReferenceTextEdit):
            widget.changed.connect(slot)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _: slot())
        else:
            widget.textChanged.connect(lambda _: slot())  # type: ignore[attr-defined]


def _tr(text: str) -> str:
    return QCoreApplication.translate("UseTemplateWizard", text)


def _example(text: str) -> str:
    return _tr("For example: %1").replace("%1", text)


class UseTemplateWizard(QDialog):
    """Two short steps from a template to a flow of one's own, open and ready to test."""

    created = Signal(str)  # the new flow's id

    def __init__(
        self,
        template: Template,
        registry: Registry,
        connections: Connections,
        store: Store,
        parent: QWidget | None = None,
        theme: Theme = LIGHT,
    ) -> None:
        super().__init__(parent)

        self.template = template
        self.registry = registry
        self.connections = connections
        self.store = store
        self.language = current_language()
        self.flow_id: str | None = None
        self.setObjectName("useTemplate")
        self.setWindowTitle(self.tr("Use “%1”").replace("%1", local(template.name, self.language)))
        self.setMinimumSize(720, 620)

        self.heading = QLabel()
        self.heading.setObjectName("title")
        self.heading.setWordWrap(True)
        self.step_label = QLabel()
        self.step_label.setObjectName("sectionTitle")
        self.step_help = QLabel()
        self.step_help.setObjectName("muted")
        self.step_help.setWordWrap(True)
        self.pages = QStackedWidget()

        self.account_rows: list[AccountRow] = []
        self.accounts_page = QWidget()
        accounts = QVBoxLayout(self.accounts_page)
        accounts.setContentsMargins(0, 0, 0, 0)
        accounts.setSpacing(10)
        for need in needed_accounts(template, registry):
            connector = registry.connector(need.connector)
            if connector is None:
                continue
            row = AccountRow(connector, list(need.nodes), connections, self)
            row.changed.connect(self.update_state)
            self.account_rows.append(row)
            accounts.addWidget(row)
        accounts.addStretch()

        self.fields: list[BlankField] = []
        self.blanks_page = QWidget()
        form = QFormLayout(self.blanks_page)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(4)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        trigger = trigger_name(template.flow, registry)
        for blank in getattr(template, "blanks", []):
            field = BlankField(blank, self.language, self.blanks_page, trigger)
            field.on_change(self.update_state)
            title = QLabel(field.label)
            title.setObjectName("fieldTitle")
            form.addRow(title, field.widget)
            if field.help:
                help_label = QLabel(field.help)
                help_label.setObjectName("help")
                help_label.setWordWrap(True)
                form.addRow(help_label)
            spacer = QWidget()
            spacer.setFixedHeight(6)
            form.addRow(spacer)
            self.fields.append(field)
        blanks_scroll = QScrollArea()
        blanks_scroll.setWidgetResizable(True)
        blanks_scroll.setWidget(self.blanks_page)
        blanks_scroll.setObjectName("blanksScroll")

        accounts_scroll = QScrollArea()
        accounts_scroll.setWidgetResizable(True)
        accounts_scroll.setWidget(self.accounts_page)
        self.steps: list[QWidget] = []
        if self.account_rows:
            self.pages.addWidget(accounts_scroll)
            self.steps.append(accounts_scroll)
        self._accounts_scroll = accounts_scroll
        if self.fields:
            self.pages.addWidget(blanks_scroll)
            self.steps.append(blanks_scroll)
        if not self.steps:  # nothing to ask: one page that says so
            ready = QLabel(self.tr("This template needs no accounts and no answers."))
            ready.setWordWrap(True)
            self.pages.addWidget(ready)
            self.steps.append(ready)
        self._blanks_scroll = blanks_scroll

        self.missing = QLabel()
        self.missing.setObjectName("stillNeeded")
        self.missing.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.back_button = QPushButton(self.tr("‹ Back"))
        self.back_button.clicked.connect(lambda: self.go_to(self.pages.currentIndex() - 1))
        self.next_button = QPushButton(self.tr("Next ›"))
        self.next_button.setObjectName("primary")
        self.next_button.clicked.connect(lambda: self.go_to(self.pages.currentIndex() + 1))
        self.finish_button = QPushButton(self.tr("Create flow"))
        self.finish_button.setObjectName("primary")
        self.finish_button.clicked.connect(self.finish)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.finish_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.step_label)
        layout.addWidget(self.step_help)
        layout.addSpacing(6)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.missing)
        layout.addLayout(buttons)
        self.setStyleSheet(
            f"QFrame#accountRow {{ background: {theme.surface}; border: 1px solid "
            f"{theme.border}; border-radius: 8px; }}"
            "QLabel#fieldTitle { font-weight: 600; }"
            f"QLabel#stillNeeded {{ color: {theme.retrying}; }}"
            f'QLabel#stillNeeded[ready="true"] {{ color: {theme.success}; }}'
        )
        self.go_to(0)

    # Steps.

    def go_to(self, index: int) -> None:
        index = max(0, min(index, len(self.steps) - 1))
        page = self.steps[index]
        self.pages.setCurrentWidget(page)
        last = index == len(self.steps) - 1
        self.back_button.setVisible(index > 0)
        self.next_button.setVisible(not last)
        self.finish_button.setVisible(last)
        self.finish_button.setDefault(last)
        self.next_button.setDefault(not last)
        self.heading.setText(local(self.template.name, self.language))
        count = len(self.steps)
        number = (
            self.tr("Step %1 of %2")
            .replace("%1", number_text(index + 1))
            .replace("%2", number_text(count))
        )
        if page is self._accounts_scroll:
            self.step_label.setText(number + " · " + self.tr("Connect your accounts"))
            self.step_help.setText(
                self.tr(
                    "Pick an account you already connected, or connect one: Flowin tests it "
                    "before saving, and its password or key stays on this computer."
                )
            )
        elif page is self._blanks_scroll:
            self.step_label.setText(number + " · " + self.tr("Fill in the blanks"))
            self.step_help.setText(
                self.tr("A few details only you know. You can change them later in the flow.")
            )
        else:
            self.step_label.setText(self.tr("Ready"))
            self.step_help.setText("")
        self.update_state()

    def current_step(self) -> int:
        return self.steps.index(self.pages.currentWidget())

    # What is still needed.

    def answers(self) -> dict[str, str]:
        return {field.key: field.value() for field in self.fields}

    def chosen_connections(self) -> dict[str, str]:
        return {
            row.connector.id: row.connection_id()
            for row in self.account_rows
            if row.connection_id()  # type: ignore[misc]
        }

    def still_needed(self) -> list[str]:
        """What Create flow waits for, each in a few words, in the order the pages ask it."""
        needed = [
            self.tr("your %1 account").replace("%1", connector_name(row.connector))
            for row in self.account_rows
            if not row.connection_id()
        ]
        for field in self.fields:
            if not field.value():
                if field.required:
                    needed.append(isolate(field.label))
            else:
                problem = field.problem()
                if problem is not None:
                    needed.append(problem)
        return needed

    def update_state(self) -> None:
        needed = self.still_needed()
        self.finish_button.setEnabled(not needed)
        self.missing.setProperty("ready", not needed)
        self.missing.style().unpolish(self.missing)
        self.missing.style().polish(self.missing)
        joiner = "، " if self.language == "ar" else "; "
        if needed:
            self.missing.setText(
                self.tr("Still needed before the flow can be made: %1.").replace(
                    "%1", joiner.join(needed)
                )
            )
        else:
            self.missing.setText(
                self.tr("All set. Create flow makes it and opens it, ready for a Test run.")
            )

    # Finishing.

    def finish(self) -> str | None:
        """Make the flow, save it and say its id; None (and why, on the dialog) when it can't."""
        if self.still_needed():
            self.update_state()
            return None
        try:
            flow = instantiate(
                self.template,
                self.answers(),
                self.chosen_connections(),
                self.registry,
                self.language,
            )
        except FlowinError as error:
            self.missing.setText(str(error))
            self.finish_button.setEnabled(False)
            return None
        flow = self._named_apart(flow)
        self.store.flows.save(flow)
        self.flow_id = flow.id
        self.created.emit(flow.id)
        self.accept()
        return flow.id

    def _named_apart(self, flow: Flow) -> Flow:
        """A second flow from the same template gets a number, so the two can be told apart."""
        taken = {s.name for s in self.store.flows.summaries()}
        if flow.name not in taken:
            return flow
        number = 2
        while f"{flow.name} ({number})" in taken:
            number += 1
        return flow.model_copy(update={"name": f"{flow.name} ({number})"})
