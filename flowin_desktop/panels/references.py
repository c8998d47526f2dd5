"""``{{`` references in text fields: what a step can read, offered as you type, and checked.

What a step can read is the trigger's output and the outputs of the steps before it: from the
last test run when there was one, otherwise from each operation's declared ``output_example``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QPlainTextEdit, QWidget

from flowin_engine.errors import ExpressionError, TooSlow
from flowin_engine.expressions import is_template, render_text
from flowin_engine.graph import Graph
from flowin_engine.model import Flow, Node
from flowin_engine.registry import Registry

MAX_DEPTH = 3
StepData = dict[str, tuple[Any, Any, str | None]]  # node id -> (input, output, error)


def upstream(flow: Flow, node_id: str) -> list[Node]:
    """The steps whose data reaches ``node_id``, nearest first."""
    by_id = {n.id: n for n in flow.nodes}
    return [by_id[i] for i in Graph.of(flow).upstream_nearest_first(node_id) if i in by_id]


def _accessor(key: str) -> str:
    return f".{key}" if key.isidentifier() else f"['{key}']"


def _paths(prefix: str, value: Any, depth: int = 0) -> list[tuple[str, Any]]:
    found = [(prefix, value)]
    if depth >= MAX_DEPTH:
        return found
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_paths(prefix + _accessor(str(key)), item, depth + 1))
    elif isinstance(value, list) and value:
        found.extend(_paths(f"{prefix}[0]", value[0], depth + 1))
    return found


def reference_root(node: Node, registry: Registry) -> str:
    node_type = registry.find(node.type)
    if node_type is not None and node_type.is_trigger:
        return "trigger"
    name = node.name.replace("'", "\\'")
    return f"steps['{name}'].output"


def available_references(
    flow: Flow, node_id: str, registry: Registry, step_data: StepData
) -> list[tuple[str, Any]]:
    """(reference, sample value) for everything the step ``node_id`` can read."""
    references: list[tuple[str, Any]] = []
    for node in upstream(flow, node_id):
        if node.id in step_data and not step_data[node.id][2]:
            value = step_data[node.id][1]
        else:
            node_type = registry.find(node.type)
            value = node_type.manifest.output_example if node_type else None
        for path, sample in _paths(reference_root(node, registry), value):
            if path == "trigger" or path.endswith("].output"):
                continue  # the whole output: rarely what a field wants
            references.append((path, sample))
    return references


def last_run_context(flow: Flow, registry: Registry, step_data: StepData) -> dict[str, Any] | None:
    """What templates read during the last test run, rebuilt from its steps; None without one."""
    if not step_data:
        return None
    context: dict[str, Any] = {"trigger": None, "steps": {}, "input": None, "loop": None}
    for node in flow.nodes:
        entry = step_data.get(node.id)
        if entry is None or entry[2]:
            continue
        if reference_root(node, registry) == "trigger":
            context["trigger"] = entry[1]
        context["steps"][node.name] = {"output": entry[1]}
    return context


# The check runs on the window's thread as the user types: it gives up long before a run would.
PREVIEW_TIME_LIMIT = 0.25


def reference_problem(text: Any, context: dict[str, Any] | None, node_input: Any) -> str | None:
    """Why a field's ``{{ }}`` can't be resolved against the last run's data; None if it can,
    or if finding out takes longer than a preview may (the run itself will say)."""
    if context is None or not is_template(text):
        return None
    data = context | {"input": node_input, "now": None, "execution_id": ""}
    try:
        render_text(text, data, time_limit=PREVIEW_TIME_LIMIT)
    except TooSlow:
        return None
    except ExpressionError as error:
        return str(error)
    return None


class ReferenceCompleter(QObject):
    """Offers references after ``{{`` in a line or text edit and inserts ``{{ reference }}``."""

    def __init__(
        self, widget: QLineEdit | QPlainTextEdit, references: Callable[[], list[str]]
    ) -> None:
        super().__init__(widget)
        self.widget = widget
        self.references = references
        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setWidget(widget)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer.activated.connect(self.insert)
        widget.installEventFilter(self)
        # The completer hands the popup's keys straight to the widget's event(), past filters;
        # filtering the popup too (installed last, so asked first) catches Enter there.
        self.completer.popup().installEventFilter(self)
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda _text: self.update())
        else:
            widget.textChanged.connect(self.update)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter or Tab while the list is open picks the highlighted (or first) reference.
        popup = self.completer.popup()
        if (
            watched in (self.widget, popup)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and popup.isVisible()
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
        ):
            index = popup.currentIndex()
            self.insert(index.data() if index.isValid() else self.completer.currentCompletion())
            return True
        return False

    def _text_and_cursor(self) -> tuple[str, int]:
        if isinstance(self.widget, QLineEdit):
            return self.widget.text(), self.widget.cursorPosition()
        return self.widget.toPlainText(), self.widget.textCursor().position()

    def _open_reference(self) -> tuple[int, str] | None:
        """Where the ``{{`` being typed starts, and what follows it; None outside one."""
        text, cursor = self._text_and_cursor()
        before = text[:cursor]
        start = before.rfind("{{")
        if start < 0 or "}}" in before[start:]:
            return None
        return start, before[start + 2 :].strip()

    def update(self) -> None:
        if not self.widget.hasFocus():
            return
        opened = self._open_reference()
        if opened is None:
            self.completer.popup().hide()
            return
        self.model.setStringList(self.references())
        self.completer.setCompletionPrefix(opened[1])
        if self.completer.completionCount() == 0:
            self.completer.popup().hide()
            return
        if isinstance(self.widget, QLineEdit):
            rect = self.widget.rect()
        else:
            # Under the line being typed, as wide as the field (also right to left).
            rect = self.widget.cursorRect().translated(self.widget.viewport().pos())
            rect.setBottom(rect.bottom() + 4)
            rect.setLeft(0)
            rect.setWidth(self.widget.width())
        rect.setWidth(max(rect.width(), self.completer.popup().sizeHintForColumn(0) + 24))
        self.completer.complete(rect)

    def insert(self, reference: str) -> None:
        opened = self._open_reference()
        if opened is None:
            return
        start = opened[0]
        text, cursor = self._text_and_cursor()
        after = text[cursor:]
        closing = after.lstrip().startswith("}}")
        if closing:
            after = after.lstrip()[2:]
        inserted = f"{{{{ {reference} }}}}"
        new_text = text[:start] + inserted + after
        if isinstance(self.widget, QLineEdit):
            self.widget.setText(new_text)
            self.widget.setCursorPosition(start + len(inserted))
            self.widget.editingFinished.emit()
        else:
            self.widget.setPlainText(new_text)
            text_cursor = self.widget.textCursor()
            text_cursor.setPosition(start + len(inserted))
            self.widget.setTextCursor(text_cursor)
            commit = getattr(self.widget, "commit", None)
            if commit is not None:
                commit()
        self.completer.popup().hide()


def attach(widget: QWidget, references: Callable[[], list[str]]) -> ReferenceCompleter | None:
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        return ReferenceCompleter(widget, references)
    return None
