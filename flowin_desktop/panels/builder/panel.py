"""The AI builder's chat panel, beside the canvas: describe a flow, see it proposed as cards and
as a ghost on the canvas, apply it as one undoable step, then try a suggestion.

The builder runs in a thread pool, never on the GUI thread; its answer comes back by a signal.
It is the offline builder unless the user has set up a model (settings.py), and then the model
with the offline builder as fallback.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.credentials import SecretStore, default_secrets
from flowin_engine.editing import TriggerChoice, triggers_to_choose
from flowin_engine.errors import FlowinError
from flowin_engine.model import Flow, Node
from flowin_engine.store import Store

from ...canvas.view import FlowView
from ...editor.document import FlowDocument
from ...i18n import isolate
from ...theme import LIGHT, Theme
from ...work import BackgroundCalls
from .conversation import Chat, Conversations, bubble, label
from .edits import ProposalEdits
from .preview import Preview
from .settings import ModelSettingsDialog, chosen_model, model_settings

if TYPE_CHECKING:
    # The builder itself (~50 ms of imports) loads when the panel is first asked something.
    from flowin_engine.builder import ModelSettings, Proposal
    from flowin_engine.builder.language import Language

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("BuilderPanel", text)


class BuilderPanel(QWidget):
    """The chat: the user's sentences, the proposals as cards, Apply, and what to try next."""

    applied = Signal(list)  # the ids of the steps added
    close_requested = Signal()

    def __init__(
        self,
        document: FlowDocument,
        view: FlowView,
        store: Store,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("builderPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.document, self.view, self.store = document, view, store
        self.theme: Theme = LIGHT
        self.calls = BackgroundCalls(self)
        self.calls.finished.connect(self._answered)
        self.conversations = Conversations(store)
        self.preview = Preview(document, view, self)
        self.edits = ProposalEdits(document, view, self)
        self.proposal: Proposal | None = None
        self.placed: Flow | None = None  # the proposal where it would land, ids and names fresh
        self.cards: list[QFrame] = []
        self.not_understood: QLabel | None = None
        self.unsupported: QLabel | None = None  # the services it can't do yet, and instead
        self.refusal: QLabel | None = None  # the title over a refusal's reason
        self.apply_button: QPushButton | None = None
        self.replace_button: QPushButton | None = None  # Apply with the proposal's trigger
        self.suggestions: list[QPushButton] = []
        self._secrets: SecretStore | None = None
        self._asked_for: str | None = None  # the flow the sentence being built belongs to

        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.settings_button = QToolButton()
        self.settings_button.setText("⚙")
        self.settings_button.clicked.connect(self.edit_settings)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.clicked.connect(self.close_requested)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.settings_button)
        header.addWidget(self.close_button)
        self.source = QLabel()
        self.source.setObjectName("help")
        self.source.setWordWrap(True)

        self.chat = Chat()
        self.busy = QLabel()
        self.busy.setObjectName("help")
        self.busy.hide()
        self.input = QLineEdit()
        self.input.returnPressed.connect(self.send)
        self.send_button = QPushButton()
        self.send_button.setObjectName("primary")
        self.send_button.clicked.connect(self.send)
        row = QHBoxLayout()
        row.addWidget(self.input, 1)
        row.addWidget(self.send_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.addLayout(header)
        layout.addWidget(self.source)
        layout.addWidget(self.chat, 1)
        layout.addWidget(self.busy)
        layout.addLayout(row)
        document.flow_replaced.connect(self._flow_replaced)
        self.setMinimumWidth(280)
        self.set_theme(LIGHT)
        self.retranslate()

    # Language and theme.

    def retranslate(self) -> None:
        self.title.setText(self.tr("✦ Describe your flow"))
        self.input.setPlaceholderText(
            self.tr("e.g. When I get a new Shopify order, send the customer a WhatsApp message")
        )
        self.send_button.setText(self.tr("Build"))
        self.settings_button.setToolTip(self.tr("Use an AI model (optional)"))
        self.close_button.setToolTip(self.tr("Close"))
        self.busy.setText(self.tr("Building your flow…"))
        self._show_source()

    def _show_source(self) -> None:
        chosen = chosen_model(self.store)
        if chosen.get("base_url") or chosen.get("model"):
            where = chosen.get("model") or chosen.get("base_url")
            self.source.setText(self.tr("Built by the AI model %1.").replace("%1", isolate(where)))
        else:
            self.source.setText(
                self.tr("Built on this computer, without an AI model. English or Arabic.")
            )

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        t = theme
        self.setStyleSheet(
            f"""
            #builderPanel, #chat {{ background: {t.surface}; }}
            QLabel#you {{ background: {t.accent}; color: {t.accent_text}; border-radius: 10px;
                          padding: 7px 10px; }}
            QLabel#said {{ background: {t.surface_alt}; border-radius: 10px; padding: 7px 10px; }}
            QFrame#card {{ background: {t.surface}; border: 1px solid {t.border};
                           border-radius: 8px; }}
            QFrame#card[trigger="true"] {{ border-color: {t.violet}; }}
            QLabel#role {{ color: {t.violet}; font-size: 11px; font-weight: 600; }}
            QLabel#stepName {{ font-weight: 600; }}
            QLabel#config {{ color: {t.text}; font-size: 12px; }}
            QLabel#mapped {{ color: {t.accent}; font-size: 12px; }}
            QLabel#todo {{ color: {t.retrying}; font-size: 12px; }}
            QLabel#why, QLabel#arrow {{ color: {t.muted}; font-size: 11px; }}
            QLabel#notUnderstood {{ color: {t.failure}; font-size: 12px; }}
            QLabel#unsupported {{ color: {t.retrying}; font-size: 12px; }}
            QLabel#refusal {{ color: {t.failure}; font-weight: 600; }}
            QLabel#suggestTitle {{ color: {t.muted}; font-size: 12px; }}
            """
        )
        self.preview.set_theme(theme)

    # Asking.

    def send(self) -> None:
        sentence = self.input.text().strip()
        if sentence:
            self.input.clear()
            self.ask(sentence)

    def ask(self, sentence: str) -> None:
        """Show the sentence and build a proposal for it in the background."""
        from flowin_engine.builder import build  # here, not on the worker thread

        self.chat.add(bubble(sentence, "you"))
        self._asked_for = self.document.flow.id
        self.conversations.remember(self._asked_for, {"you": sentence})
        chosen = chosen_model(self.store)
        registry = self.document.registry
        right_to_left = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        ui_language: Language = "ar" if right_to_left else "en"
        self.busy.show()
        self.send_button.setEnabled(False)
        self.calls.start(
            lambda: build(
                sentence,
                model=self._model(chosen),
                fallback_offline=True,
                registry=registry,
                ui_language=ui_language,
            )
        )

    def is_building(self) -> bool:
        return self.calls.busy

    def _model(self, chosen: dict[str, Any]) -> ModelSettings | None:
        # Called on the worker thread: the keyring may take a moment.
        if not chosen.get("base_url") and not chosen.get("model"):
            return None
        return model_settings(chosen, self._secret_store())

    def _answered(self, ticket: int, proposal: Proposal | None, error: Exception | None) -> None:
        if not self.calls.busy:
            self.busy.hide()
            self.send_button.setEnabled(True)
        if ticket != self.calls.latest:
            return  # an older sentence's answer is no longer wanted
        if error is None and proposal is not None:
            entry: dict[str, Any] = {"proposal": proposal.model_dump(mode="json")}
        elif isinstance(error, FlowinError):
            entry = {"said": str(error)}
        else:
            log.error("The AI builder failed", exc_info=error)
            entry = {"said": _tr("Something went wrong while building; the log has the details.")}
        asked_for, self._asked_for = self._asked_for, None
        if asked_for is not None:
            self.conversations.remember(asked_for, entry)
        if asked_for != self.document.flow.id:
            return  # the answer belongs to a flow no longer open; it waits in its conversation
        if proposal is not None and error is None:
            self._built(proposal)
        else:
            self.chat.add(bubble(entry["said"], "said"))

    def _built(self, proposal: Proposal, past: bool = False) -> None:
        """Show a proposal as cards; a ``past`` one (from the flow's conversation) without the
        ghost and the buttons."""
        self.preview.clear()
        self.proposal = proposal
        self.placed = None
        self.cards = []
        self.not_understood = None
        self.unsupported = None
        self.refusal = None
        self.apply_button = None
        self.replace_button = None
        answer = QWidget()
        answer.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft
            if proposal.language == "ar"
            else Qt.LayoutDirection.LeftToRight
        )
        column = QVBoxLayout(answer)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        if proposal.notice:
            column.addWidget(label(proposal.notice, "why"))
        if proposal.refused:
            self.refusal = label(self.tr("I won't build this"), "refusal")
            column.addWidget(self.refusal)
            column.addWidget(bubble(proposal.refused, "said"))
        elif proposal.flow is None:
            column.addWidget(
                bubble(proposal.question or self.tr("Could you say it another way?"), "said")
            )
        else:
            if not past:
                self.placed = self.edits.placed(proposal.flow)
            column.addWidget(label(self.tr("Here is the flow I would build:"), "suggestTitle"))
            whys = {e.node: e.why for e in proposal.explanation}
            todo: dict[str, list[str]] = {}
            for item in proposal.missing:
                todo.setdefault(item.node, []).append(item.message)
            for index, node in enumerate(proposal.flow.nodes):
                if index:
                    column.addWidget(label("↓", "arrow"), 0, Qt.AlignmentFlag.AlignHCenter)
                card = self.preview.card(
                    node, index == 0, whys.get(node.name), todo.get(node.name, [])
                )
                self.cards.append(card)
                column.addWidget(card)
            if proposal.not_understood:
                lines = "\n".join(f"• {isolate(part)}" for part in proposal.not_understood)
                self.not_understood = label(
                    self.tr("What I didn't understand:") + "\n" + lines, "notUnderstood"
                )
                column.addWidget(self.not_understood)
            self._show_unsupported(column, proposal)
            if not past:
                self._add_buttons(column, proposal.flow)
                if self.placed is not None:
                    self.preview.show(self.placed)
        if proposal.not_understood and proposal.flow is None:
            lines = "\n".join(f"• {isolate(part)}" for part in proposal.not_understood)
            self.not_understood = label(
                self.tr("What I didn't understand:") + "\n" + lines, "notUnderstood"
            )
            column.addWidget(self.not_understood)
        if proposal.flow is None:
            self._show_unsupported(column, proposal)
        self.chat.add(answer)

    def _show_unsupported(self, column: QVBoxLayout, proposal: Proposal) -> None:
        """The services it can't do yet, each with the closest thing it can, above the buttons:
        a reason not to apply the flow is read before Apply."""
        if proposal.unsupported:
            lines = "\n".join(f"• {part}" for part in proposal.unsupported)
            self.unsupported = label(self.tr("What I can't do yet:") + "\n" + lines, "unsupported")
            column.addWidget(self.unsupported)

    def _add_buttons(self, column: QVBoxLayout, proposed: Flow) -> None:
        """Apply and Discard; when the open flow starts otherwise than the proposal (a Shopify
        order there, a schedule here), the two ways of applying it, keeping one trigger."""
        buttons = QHBoxLayout()
        choice = triggers_to_choose(self.document.flow, proposed, self.document.registry)
        if choice is None:
            self.apply_button = QPushButton(self.tr("Apply"))
        else:
            existing, new = (self.preview.type_name(node) for node in choice)
            column.addWidget(
                label(
                    self.tr("This flow already starts with %1. Keep it, or start with %2?")
                    .replace("%1", isolate(existing))
                    .replace("%2", isolate(new)),
                    "suggestTitle",
                )
            )
            self.apply_button = QPushButton(
                self.tr("Apply, keep %1").replace("%1", isolate(existing))
            )
            self.replace_button = QPushButton(
                self.tr("Apply, start with %1").replace("%1", isolate(new))
            )
            self.replace_button.clicked.connect(lambda: self.apply(TriggerChoice.REPLACE))
        self.apply_button.setObjectName("primary")
        self.apply_button.clicked.connect(lambda: self.apply(TriggerChoice.KEEP))
        discard = QPushButton(self.tr("Discard"))
        discard.clicked.connect(self.discard)
        self.discard_button = discard
        if self.replace_button is not None:
            # Two long buttons would squeeze each other: one under the other.
            for button in (self.apply_button, self.replace_button):
                button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
                column.addWidget(button)
        else:
            buttons.addWidget(self.apply_button)
        buttons.addWidget(discard)
        buttons.addStretch(1)
        column.addLayout(buttons)

    def apply(self, trigger: TriggerChoice = TriggerChoice.KEEP) -> list[str]:
        """Add the proposed steps and connections to the open flow, as one undo step: after its
        last step, with one trigger (the flow's, or the proposal's in its place)."""
        if self.placed is None or self.proposal is None or self.proposal.flow is None:
            return []
        self.placed = None
        added = self.edits.apply(self.proposal.flow, trigger)
        self.preview.clear()
        if self.apply_button is not None:
            chosen = self.replace_button if trigger is TriggerChoice.REPLACE else None
            for button in (self.apply_button, self.replace_button):
                if button is not None:
                    button.setEnabled(False)
            (chosen or self.apply_button).setText(self.tr("Applied ✓"))
            self.discard_button.setEnabled(False)
        self.conversations.mark_applied(self.document.flow.id)
        self._offer_suggestions(added)
        self.applied.emit(self.edits.applied_ids)
        return self.edits.applied_ids

    def discard(self) -> None:
        self.placed = None
        self.preview.clear()
        for button in (self.apply_button, self.replace_button):
            if button is not None:
                button.setEnabled(False)
        if self.apply_button is not None:
            self.discard_button.setEnabled(False)

    def _flow_replaced(self) -> None:
        """Another flow is open: its own conversation shows."""
        self.discard()
        self.edits.applied_ids = []
        self.suggestions = []
        self.proposal = None
        self.cards = []
        self.not_understood = self.unsupported = self.refusal = None
        self.apply_button = self.replace_button = None
        self.chat.clear()
        for entry in self.conversations.of(self.document.flow.id):
            if "you" in entry:
                self.chat.add(bubble(entry["you"], "you"))
            elif "said" in entry:
                self.chat.add(bubble(entry["said"], "said"))
            elif "proposal" in entry:
                from flowin_engine.builder import Proposal

                try:
                    proposal = Proposal.model_validate(entry["proposal"])
                except ValueError:
                    continue  # written by another version of Flowin: leave it out
                self._built(proposal, past=True)
        self.busy.setVisible(self.calls.busy and self._asked_for == self.document.flow.id)

    # Try this next.

    def _offer_suggestions(self, added: list[Node]) -> None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 4, 0, 0)
        column.setSpacing(4)
        column.addWidget(label(self.tr("Try this next:"), "suggestTitle"))
        self.suggestions = []
        if len(added) >= 2:
            delay = QPushButton(self.tr("+ Wait 5 minutes before the last step"))
            delay.clicked.connect(self.edits.add_delay)
            condition = QPushButton(self.tr("+ Only go on when a condition holds"))
            condition.clicked.connect(self.edits.add_condition)
            self.suggestions = [delay, condition]
        for button in self.suggestions:
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            column.addWidget(button)
        if self.suggestions:
            self.chat.add(box)

    # Settings.

    def edit_settings(self) -> bool:
        dialog = ModelSettingsDialog(self.store, self._secret_store(), self)
        QTimer.singleShot(0, dialog.base_url.setFocus)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self._show_source()
        return accepted

    def _secret_store(self) -> SecretStore:
        if self._secrets is None:
            self._secrets = default_secrets()[0]
        return self._secrets

    def shutdown(self) -> None:
        self.calls.wait(5000)
