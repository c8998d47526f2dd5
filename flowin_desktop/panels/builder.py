"""The AI builder's chat panel, beside the canvas: describe a flow, see it proposed as cards and
as a ghost on the canvas, apply it as one undoable step, then try a suggestion.

The builder runs in a thread pool, never on the GUI thread; its answer comes back by a signal.
It is the offline builder unless the user has set up a model (server address and model name in
the settings, the key in the keyring), and then the model with the offline builder as fallback.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QPointF,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.builder import ModelSettings, Proposal, build
from flowin_engine.builder.language import Language
from flowin_engine.credentials import SecretStore, default_secrets
from flowin_engine.editing import (
    TriggerChoice,
    default_params,
    insert_between,
    place_proposal,
    triggers_to_choose,
)
from flowin_engine.errors import FlowinError
from flowin_engine.model import Flow, Node
from flowin_engine.registry import NodeType
from flowin_engine.store import Store

from ..canvas.ghost import GhostFlow
from ..canvas.items import NODE_HEIGHT, NODE_WIDTH
from ..canvas.view import READABLE_SCALE, FlowView
from ..editor.document import EditCommand, FlowDocument, RenameFlow
from ..i18n import isolate, node_type_name
from ..icons import step_pixmap
from ..theme import LIGHT, Theme
from ..work import BackgroundCalls

log = logging.getLogger(__name__)

SETTINGS_KEY = "ai_builder"  # {"base_url": ..., "model": ...} in the store's settings
# A flow's conversation with the builder, kept in the store's settings under the flow's id:
# a list of {"you": sentence}, {"said": answer} and {"proposal": ..., "applied": bool}.
CONVERSATION_KEY = "ai_builder_conversation:{flow_id}"
API_KEY_SECRET = "ai-builder:api-key"  # in the keyring, beside the connections' secrets
STEP_GAP = 280.0
UNTITLED = "Untitled flow"


def _tr(text: str) -> str:
    return QCoreApplication.translate("BuilderPanel", text)


_isolate = isolate


def model_settings(chosen: dict[str, Any], secrets: SecretStore | None) -> ModelSettings | None:
    """The model the user set up (the store's ``ai_builder`` setting), or None: build offline."""
    base_url, model = chosen.get("base_url") or None, chosen.get("model") or None
    if not base_url and not model:
        return None
    key = secrets.get(API_KEY_SECRET) if secrets is not None else None
    return ModelSettings(
        base_url=base_url, model=model or ModelSettings().model, api_key=key or "none"
    )


class Together(QUndoCommand):
    """Several document commands as one undo step, undone in reverse order."""

    def __init__(self, text: str, parts: list[QUndoCommand]) -> None:
        super().__init__(text)
        self.parts = parts

    def redo(self) -> None:
        for part in self.parts:
            part.redo()

    def undo(self) -> None:
        for part in reversed(self.parts):
            part.undo()


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
        self.proposal: Proposal | None = None
        self.placed: Flow | None = None  # the proposal where it would land, ids and names fresh
        self.ghost: GhostFlow | None = None
        self.cards: list[QFrame] = []
        self.not_understood: QLabel | None = None
        self.apply_button: QPushButton | None = None
        self.replace_button: QPushButton | None = None  # Apply with the proposal's trigger
        self.suggestions: list[QPushButton] = []
        self._applied_ids: list[str] = []
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

        self.conversation = QVBoxLayout()
        self.conversation.setContentsMargins(0, 0, 0, 0)
        self.conversation.setSpacing(10)
        self.conversation.addStretch(1)
        holder = QWidget()
        holder.setObjectName("chat")
        holder.setLayout(self.conversation)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(holder)
        self.scroll.verticalScrollBar().rangeChanged.connect(
            lambda _low, high: self.scroll.verticalScrollBar().setValue(high)
        )

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
        layout.addWidget(self.scroll, 1)
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
        chosen = self.store.get_setting(SETTINGS_KEY, {}) or {}
        if chosen.get("base_url") or chosen.get("model"):
            where = chosen.get("model") or chosen.get("base_url")
            self.source.setText(self.tr("Built by the AI model %1.").replace("%1", _isolate(where)))
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
            QLabel#suggestTitle {{ color: {t.muted}; font-size: 12px; }}
            """
        )
        if self.ghost is not None:
            self.ghost.theme = theme
            self.ghost.update()

    # Asking.

    def send(self) -> None:
        sentence = self.input.text().strip()
        if sentence:
            self.input.clear()
            self.ask(sentence)

    def ask(self, sentence: str) -> None:
        """Show the sentence and build a proposal for it in the background."""
        self._add(self._bubble(sentence, "you"))
        self._asked_for = self.document.flow.id
        self._remember(self._asked_for, {"you": sentence})
        chosen = self.store.get_setting(SETTINGS_KEY, {}) or {}
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
            self._remember(asked_for, entry)
        if asked_for != self.document.flow.id:
            return  # the answer belongs to a flow no longer open; it waits in its conversation
        if proposal is not None and error is None:
            self._built(proposal)
        else:
            self._add(self._bubble(entry["said"], "said"))

    def _built(self, proposal: Proposal, past: bool = False) -> None:
        """Show a proposal as cards; a ``past`` one (from the flow's conversation) without the
        ghost and the buttons."""
        self._clear_ghost()
        self.proposal = proposal
        self.placed = None
        self.cards = []
        self.not_understood = None
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
            column.addWidget(self._label(proposal.notice, "why"))
        if proposal.refused:
            column.addWidget(
                self._bubble(
                    self.tr("I won't build this: %1").replace("%1", proposal.refused), "said"
                )
            )
        elif proposal.flow is None:
            column.addWidget(
                self._bubble(proposal.question or self.tr("Could you say it another way?"), "said")
            )
        else:
            if not past:
                self.placed = self._place(proposal.flow)
            column.addWidget(
                self._label(self.tr("Here is the flow I would build:"), "suggestTitle")
            )
            whys = {e.node: e.why for e in proposal.explanation}
            todo: dict[str, list[str]] = {}
            for item in proposal.missing:
                todo.setdefault(item.node, []).append(item.message)
            for index, node in enumerate(proposal.flow.nodes):
                if index:
                    column.addWidget(self._label("↓", "arrow"), 0, Qt.AlignmentFlag.AlignHCenter)
                card = self._card(node, index == 0, whys.get(node.name), todo.get(node.name, []))
                self.cards.append(card)
                column.addWidget(card)
            if proposal.not_understood:
                lines = "\n".join(f"• {_isolate(part)}" for part in proposal.not_understood)
                self.not_understood = self._label(
                    self.tr("What I didn't understand:") + "\n" + lines, "notUnderstood"
                )
                column.addWidget(self.not_understood)
            if not past:
                self._add_buttons(column, proposal.flow)
                self._show_ghost()
        if proposal.not_understood and proposal.flow is None:
            lines = "\n".join(f"• {_isolate(part)}" for part in proposal.not_understood)
            self.not_understood = self._label(
                self.tr("What I didn't understand:") + "\n" + lines, "notUnderstood"
            )
            column.addWidget(self.not_understood)
        self._add(answer)

    def _add_buttons(self, column: QVBoxLayout, proposed: Flow) -> None:
        """Apply and Discard; when the open flow starts otherwise than the proposal (a Shopify
        order there, a schedule here), the two ways of applying it, keeping one trigger."""
        buttons = QHBoxLayout()
        choice = triggers_to_choose(self.document.flow, proposed, self.document.registry)
        if choice is None:
            self.apply_button = QPushButton(self.tr("Apply"))
        else:
            existing, new = (self._type_name(node) for node in choice)
            column.addWidget(
                self._label(
                    self.tr("This flow already starts with %1. Keep it, or start with %2?")
                    .replace("%1", _isolate(existing))
                    .replace("%2", _isolate(new)),
                    "suggestTitle",
                )
            )
            self.apply_button = QPushButton(
                self.tr("Apply, keep %1").replace("%1", _isolate(existing))
            )
            self.replace_button = QPushButton(
                self.tr("Apply, start with %1").replace("%1", _isolate(new))
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

    def _type_name(self, node: Node) -> str:
        node_type = self.document.registry.find(node.type)
        return node_type_name(node_type) if node_type is not None else node.name

    # The cards.

    def _card(self, node: Node, is_trigger: bool, why: str | None, todo: list[str]) -> QFrame:
        node_type = self.document.registry.find(node.type)
        card = QFrame()
        card.setObjectName("card")
        card.setProperty("trigger", is_trigger)
        column = QVBoxLayout(card)
        column.setContentsMargins(10, 8, 10, 8)
        column.setSpacing(3)
        if is_trigger:
            role = self.tr("When")
        elif node_type is not None and node_type.type == "core.condition":
            role = self.tr("Only if")
        else:
            role = self.tr("Then")
        head = QHBoxLayout()
        head.setSpacing(8)
        if node_type is not None:
            pixmap = step_pixmap(node_type, 18, self.theme.color("accent"))
            if pixmap is not None:
                icon = QLabel()
                icon.setPixmap(pixmap)
                head.addWidget(icon)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self._label(role.upper(), "role"))
        name = node_type_name(node_type) if node_type is not None else node.type
        titles.addWidget(self._label(name, "stepName"))
        head.addLayout(titles, 1)
        column.addLayout(head)
        fields = node_type.input_model.model_fields if node_type is not None else {}
        for key, value in node.params.items():
            if value in (None, "", [], {}) or (key in fields and value == fields[key].default):
                continue  # nothing said, or what a new step has anyway
            title = self._field_title(node_type, key)
            if isinstance(value, dict) and value:
                # A row or a record: one line per column, as it will be filled in.
                column.addWidget(self._label(f"{title}:", "config"))
                for name, item in value.items():
                    column.addWidget(self._value_line(f"   {name}", item))
            else:
                column.addWidget(self._value_line(title, value))
        for message in todo:
            column.addWidget(self._label(f"⚠ {message}", "todo"))
        if why:
            column.addWidget(self._label(why, "why"))
        return card

    def _value_line(self, title: str, value: Any) -> QLabel:
        """'To ← {{ trigger.phone }}' for a value mapped from an earlier step, else 'To: …'."""
        text = _show(value)
        if "{{" in text:
            return self._label(f"{title} ← {_isolate(text)}", "mapped")
        return self._label(f"{title}: {_isolate(text)}", "config")

    @staticmethod
    def _field_title(node_type: NodeType | None, key: str) -> str:
        if node_type is None or key not in node_type.input_model.model_fields:
            return key
        return QCoreApplication.translate("NodeFields", node_type.field_title(key))

    def _label(self, text: str, name: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _bubble(self, text: str, who: str) -> QWidget:
        label = self._label(text, who)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        if who == "you":
            row.addStretch(1)
            row.addWidget(label, 4)
        else:
            row.addWidget(label, 4)
            row.addStretch(1)
        return holder

    def _add(self, widget: QWidget) -> None:
        self.conversation.insertWidget(self.conversation.count() - 1, widget)
        widget.show()  # now, not when the layout gets round to it

    # The ghost, and applying.

    def _place(self, flow: Flow) -> Flow:
        """The proposal with new ids, names the open flow doesn't use yet, and positions below
        what is already on the canvas."""
        placing = place_proposal(
            self.document.flow, flow, gap=NODE_HEIGHT + 120, registry=self.document.registry
        )
        return Flow(name=flow.name, nodes=placing.nodes, edges=placing.edges)

    def _show_ghost(self) -> None:
        if self.placed is None:
            return
        scene = self.view.scene()
        rtl = bool(getattr(scene, "right_to_left", False))
        self.ghost = GhostFlow(self.placed, self.document.registry, self.theme, rtl)
        scene.addItem(self.ghost)
        self._look_at(self.ghost.sceneBoundingRect())

    def _look_at(self, ghost: QRectF) -> None:
        """Bring the preview into view with the steps already there, zooming out if needed."""
        area = QRectF(ghost)
        for node in self.document.flow.nodes:
            area = area.united(QRectF(node.position.x, node.position.y, NODE_WIDTH, NODE_HEIGHT))
        area.adjust(-40, -40, 40, 40)
        view, viewport = self.view, self.view.viewport().rect()
        scale = view.transform().m22() or 1.0
        centre = area.center()
        if area.width() * scale > viewport.width() or area.height() * scale > viewport.height():
            view.fitInView(area, Qt.AspectRatioMode.KeepAspectRatio)
            scale = view.transform().m22() or 1.0
            if scale < READABLE_SCALE:
                # Too far out to read the cards: the preview itself, readable, instead.
                view.zoom_by(READABLE_SCALE / scale)
                scale, centre = view.zoom_factor(), ghost.center()
        if not self.document.flow.nodes:
            # The empty canvas writes its hint in the middle; keep it readable above the preview.
            centre -= QPointF(0, 90 / scale)
        view.centerOn(centre)

    def _clear_ghost(self) -> None:
        if self.ghost is not None:
            if self.ghost.scene() is not None:
                self.ghost.scene().removeItem(self.ghost)
            self.ghost = None

    def apply(self, trigger: TriggerChoice = TriggerChoice.KEEP) -> list[str]:
        """Add the proposed steps and connections to the open flow, as one undo step: after its
        last step, with one trigger (the flow's, or the proposal's in its place)."""
        if self.placed is None or self.proposal is None or self.proposal.flow is None:
            return []
        self.placed = None
        proposed = self.proposal.flow
        edit = place_proposal(
            self.document.flow,
            proposed,
            gap=NODE_HEIGHT + 120,
            registry=self.document.registry,
            trigger=trigger,
        )
        text = self.tr("Add the proposed flow")
        parts: list[QUndoCommand] = [EditCommand(self.document, edit, text)]
        if self.document.flow.name in (UNTITLED, _untitled()):
            parts.append(RenameFlow(self.document, proposed.name))
        self.document.push(Together(text, parts))
        self._clear_ghost()
        if self.apply_button is not None:
            chosen = self.replace_button if trigger is TriggerChoice.REPLACE else None
            for button in (self.apply_button, self.replace_button):
                if button is not None:
                    button.setEnabled(False)
            (chosen or self.apply_button).setText(self.tr("Applied ✓"))
            self.discard_button.setEnabled(False)
        self._applied_ids = [n.id for n in edit.nodes]
        self._mark_applied(self.document.flow.id)
        self._offer_suggestions(edit.nodes)
        self.applied.emit(self._applied_ids)
        return self._applied_ids

    def discard(self) -> None:
        self.placed = None
        self._clear_ghost()
        for button in (self.apply_button, self.replace_button):
            if button is not None:
                button.setEnabled(False)
        if self.apply_button is not None:
            self.discard_button.setEnabled(False)

    def _flow_replaced(self) -> None:
        """Another flow is open: its own conversation shows."""
        self.discard()
        self._applied_ids = []
        self.suggestions = []
        self.proposal = None
        self.cards = []
        self.not_understood = None
        self.apply_button = self.replace_button = None
        while self.conversation.count() > 1:  # the last item is the stretch
            item = self.conversation.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)  # out of the chat now, freed when the loop gets to it
                widget.deleteLater()
        for entry in self.conversation_of(self.document.flow.id):
            if "you" in entry:
                self._add(self._bubble(entry["you"], "you"))
            elif "said" in entry:
                self._add(self._bubble(entry["said"], "said"))
            elif "proposal" in entry:
                try:
                    proposal = Proposal.model_validate(entry["proposal"])
                except ValueError:
                    continue  # written by another version of Flowin: leave it out
                self._built(proposal, past=True)
        self.busy.setVisible(self.calls.busy and self._asked_for == self.document.flow.id)

    # The conversation, kept with its flow.

    def conversation_of(self, flow_id: str) -> list[dict[str, Any]]:
        """What was said about the flow ``flow_id``, oldest first."""
        kept = self.store.get_setting(CONVERSATION_KEY.format(flow_id=flow_id), [])
        return kept if isinstance(kept, list) else []

    def _remember(self, flow_id: str, entry: dict[str, Any]) -> None:
        said = [*self.conversation_of(flow_id), entry]
        self.store.set_setting(CONVERSATION_KEY.format(flow_id=flow_id), said)

    def _mark_applied(self, flow_id: str) -> None:
        said = self.conversation_of(flow_id)
        for entry in reversed(said):
            if "proposal" in entry:
                entry["applied"] = True
                break
        self.store.set_setting(CONVERSATION_KEY.format(flow_id=flow_id), said)

    # Try this next.

    def _offer_suggestions(self, added: list[Node]) -> None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 4, 0, 0)
        column.setSpacing(4)
        column.addWidget(self._label(self.tr("Try this next:"), "suggestTitle"))
        self.suggestions = []
        if len(added) >= 2:
            delay = QPushButton(self.tr("+ Wait 5 minutes before the last step"))
            delay.clicked.connect(self.add_delay)
            condition = QPushButton(self.tr("+ Only go on when a condition holds"))
            condition.clicked.connect(self.add_condition)
            self.suggestions = [delay, condition]
        for button in self.suggestions:
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            column.addWidget(button)
        if self.suggestions:
            self._add(box)

    def _chain(self) -> list[Node]:
        """The applied steps still in the flow, in their order."""
        flow = self.document.flow
        return [n for node_id in self._applied_ids for n in flow.nodes if n.id == node_id]

    def add_delay(self) -> str | None:
        """A Delay of 5 minutes between the last two applied steps."""
        chain = self._chain()
        if len(chain) < 2:
            return None
        return self._insert("core.delay", chain[-2], chain[-1], {"amount": 5, "unit": "minutes"})

    def add_condition(self) -> str | None:
        """An If / else right after the trigger; the rest runs on its 'true' output."""
        chain = self._chain()
        if len(chain) < 2:
            return None
        return self._insert("core.condition", chain[0], chain[1], {})

    def _insert(self, type_name: str, before: Node, after: Node, params: dict[str, Any]) -> str:
        registry = self.document.registry
        node_type = registry.get(type_name)
        node = Node(
            type=type_name,
            name=node_type.name,
            params={**default_params(node_type.input_model), **params},
        )
        edit = insert_between(self.document.flow, registry, node, before.id, after.id, gap=STEP_GAP)
        text = self.tr("Add %1").replace("%1", node_type_name(node_type))
        self.document.push(EditCommand(self.document, edit, text))
        self._applied_ids.insert(self._applied_ids.index(after.id), node.id)
        scene = self.view.scene()
        scene.clearSelection()
        item = getattr(scene, "node_items", {}).get(node.id)
        if item is not None:
            item.setSelected(True)
        return node.id

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


class ModelSettingsDialog(QDialog):
    """Where the AI model is: an OpenAI-compatible server address and model, and its key."""

    def __init__(self, store: Store, secrets: SecretStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.secrets = store, secrets
        chosen = store.get_setting(SETTINGS_KEY, {}) or {}
        self.setWindowTitle(self.tr("AI model"))
        self.base_url = QLineEdit(chosen.get("base_url") or "")
        self.base_url.setPlaceholderText("http://127.0.0.1:11434/v1")
        self.model = QLineEdit(chosen.get("model") or "")
        self.model.setPlaceholderText("llama3.2")
        self.api_key = QLineEdit()
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        has_key = bool(secrets.get(API_KEY_SECRET))
        self.api_key.setPlaceholderText(
            self.tr("Kept in your keyring") if has_key else self.tr("Not needed for Ollama")
        )
        help_text = QLabel(
            self.tr(
                "Any OpenAI-compatible server: OpenAI, Ollama, llama.cpp. Leave the address and "
                "the model empty to build on this computer without a model."
            )
        )
        help_text.setObjectName("help")
        help_text.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.base_url)
        form.addRow(self.tr("Model"), self.model)
        form.addRow(self.tr("API key"), self.api_key)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(help_text)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def accept(self) -> None:
        self.store.set_setting(
            SETTINGS_KEY,
            {"base_url": self.base_url.text().strip(), "model": self.model.text().strip()},
        )
        key = self.api_key.text().strip()
        if key:
            self.secrets.set(API_KEY_SECRET, key)
        elif not self.base_url.text().strip() and not self.model.text().strip():
            self.secrets.delete(API_KEY_SECRET)
        super().accept()


def _untitled() -> str:
    return QCoreApplication.translate("MainWindow", UNTITLED)


_OPERATORS = {
    "greater_than": ">",
    "greater_or_equal": "≥",
    "less_than": "<",
    "less_or_equal": "≤",
    "equals": "=",
    "not_equals": "≠",
}


def _show(value: Any) -> str:
    """A param's value on one line, as a person would read it."""
    if isinstance(value, dict):
        if {"left", "operator", "right"} <= set(value):
            operator = _OPERATORS.get(value["operator"], value["operator"])
            return f"{_show(value['left'])} {operator} {_show(value['right'])}"
        return ", ".join(f"{key}: {_show(item)}" for key, item in value.items())
    if isinstance(value, list):
        return "; ".join(_show(item) for item in value)
    return str(value)
