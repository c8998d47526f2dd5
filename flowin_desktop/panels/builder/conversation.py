"""The conversation with the builder: the chat column the user reads (their sentences, the
answers), and what was said about each flow, kept in the store with it so it shows again when
the flow is opened again."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from flowin_engine.store import Store

# A flow's conversation with the builder, kept in the store's settings under the flow's id:
# a list of {"you": sentence}, {"said": answer} and {"proposal": ..., "applied": bool}.
CONVERSATION_KEY = "ai_builder_conversation:{flow_id}"


class Conversations:
    """What was said about each flow, oldest first, in the store's settings."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def of(self, flow_id: str) -> list[dict[str, Any]]:
        """What was said about the flow ``flow_id``, oldest first."""
        kept = self.store.get_setting(CONVERSATION_KEY.format(flow_id=flow_id), [])
        return kept if isinstance(kept, list) else []

    def remember(self, flow_id: str, entry: dict[str, Any]) -> None:
        said = [*self.of(flow_id), entry]
        self.store.set_setting(CONVERSATION_KEY.format(flow_id=flow_id), said)

    def mark_applied(self, flow_id: str) -> None:
        """The flow's latest proposal was applied."""
        said = self.of(flow_id)
        for entry in reversed(said):
            if "proposal" in entry:
                entry["applied"] = True
                break
        self.store.set_setting(CONVERSATION_KEY.format(flow_id=flow_id), said)


def label(text: str, name: str) -> QLabel:
    """A line of plain text the user can select, styled by its object ``name``."""
    shown = QLabel(text)
    shown.setObjectName(name)
    shown.setWordWrap(True)
    shown.setTextFormat(Qt.TextFormat.PlainText)
    shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return shown


def bubble(text: str, who: str) -> QWidget:
    """A sentence of the user's (``who`` "you", on the leading side's far end) or the
    builder's ("said")."""
    shown = label(text, who)
    shown.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    if who == "you":
        row.addStretch(1)
        row.addWidget(shown, 4)
    else:
        row.addWidget(shown, 4)
        row.addStretch(1)
    return holder


class Chat(QScrollArea):
    """The chat column, scrolled to its newest item; ``column`` ends with a stretch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = QVBoxLayout()
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(10)
        self.column.addStretch(1)
        holder = QWidget()
        holder.setObjectName("chat")
        holder.setLayout(self.column)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(holder)
        self.verticalScrollBar().rangeChanged.connect(
            lambda _low, high: self.verticalScrollBar().setValue(high)
        )

    def add(self, widget: QWidget) -> None:
        self.column.insertWidget(self.column.count() - 1, widget)
        widget.show()  # now, not when the layout gets round to it

    def clear(self) -> None:
        while self.column.count() > 1:  # the last item is the stretch
            item = self.column.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)  # out of the chat now, freed when the loop gets to it
                widget.deleteLater()
