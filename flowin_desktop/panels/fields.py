"""Editors for one input field, chosen from its pydantic declaration and widget hint."""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Callable
from typing import Any, Literal

from pydantic.fields import FieldInfo
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.registry import widget_hint

from ..i18n import choice_label, follow_digits
from .data import ReferenceLineEdit

Commit = Callable[[Any], None]
UNSET: Any = object()


def _tr(text: str) -> str:
    return QCoreApplication.translate("FieldEditor", text)


def _plain(annotation: Any) -> Any:
    """The annotation without Optional."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return _plain(args[0])
    if origin is typing.Annotated:
        return _plain(typing.get_args(annotation)[0])
    return annotation


def editor_for(info: FieldInfo, commit: Commit) -> FieldEditor:
    hint = widget_hint(info)
    annotation = _plain(info.annotation)
    if hint == "json":
        return JsonEditor(commit)
    if hint == "multiline":
        return MultilineEditor(commit)
    if typing.get_origin(annotation) is Literal:
        return ChoiceEditor([str(a) for a in typing.get_args(annotation)], commit)
    if annotation is bool:
        return SwitchEditor(commit)
    if annotation in (int, float) and "{{" in (info.description or ""):
        # A number that comes from an earlier step (an order's ID): a reference or typed.
        return NumberOrReferenceEditor(commit)
    if annotation in (int, float):
        return NumberEditor(annotation is int, commit)
    if annotation is str:
        return TextEditor(commit, secret=hint == "password")
    if str in typing.get_args(annotation):
        # A date or text (Delay's "until"): typed, or a reference, on one line.
        return TextEditor(commit)
    return JsonEditor(commit)


class FieldEditor:
    widget: QWidget
    # Settings edited with the owner's other settings: the editor shows and commits them too.
    siblings: tuple[str, ...] = ()
    # Successive commits of a field are one undo step (typing); a row editor's are each one.
    merge_edits = True

    @property
    def text_widget(self) -> QWidget:
        """Where typed text (and an inserted reference) goes."""
        return self.widget

    def __init__(self, commit: Commit) -> None:
        self._commit = commit
        self._loading = False

    def set_value(self, value: Any) -> None:
        self._loading = True
        try:
            self._show(value)
        finally:
            self._loading = False

    def _show(self, value: Any) -> None:
        raise NotImplementedError

    def _changed(self, value: Any) -> None:
        if not self._loading:
            self._commit(value)


class TextEditor(FieldEditor):
    def __init__(self, commit: Commit, secret: bool = False) -> None:
        super().__init__(commit)
        self.widget = QLineEdit() if secret else ReferenceLineEdit()
        self.secret = secret
        if secret:
            self.widget.setEchoMode(QLineEdit.EchoMode.Password)
        self.widget.editingFinished.connect(lambda: self._changed(self.widget.text()))

    def _show(self, value: Any) -> None:
        if not self.widget.hasFocus():
            self.widget.setText("" if value is UNSET or value is None else str(value))


class NumberOrReferenceEditor(TextEditor):
    """A number typed (kept as a number) or a {{ reference }} to one."""

    def __init__(self, commit: Commit) -> None:
        super().__init__(commit)
        self.widget.editingFinished.disconnect()
        self.widget.editingFinished.connect(
            lambda: self._changed(_number_or_text(self.widget.text()))
        )


def _number_or_text(text: str) -> Any:
    stripped = text.strip()
    try:
        return int(stripped)
    except ValueError:
        pass
    try:
        return float(stripped)
    except ValueError:
        return text


class MultilineEditor(FieldEditor):
    def __init__(self, commit: Commit) -> None:
        super().__init__(commit)
        self.widget = _CommitOnBlurText(lambda: self._changed(self.widget.toPlainText()))
        self.widget.setFixedHeight(96)

    def _show(self, value: Any) -> None:
        text = "" if value is UNSET or value is None else str(value)
        # The same text set again would put the cursor back at the start, where the data
        # tree's next field would then go.
        if not self.widget.hasFocus() and text != self.widget.toPlainText():
            self.widget.setPlainText(text)


class JsonEditor(FieldEditor):
    """An advanced setting with no declared shape (Slack blocks, a Notion filter): its text,
    folded under an "Advanced" disclosure so it isn't what a person sees first. Text that isn't
    JSON is kept as text (it may be an {{ expression }})."""

    def __init__(self, commit: Commit) -> None:
        super().__init__(commit)
        self.text = _CommitOnBlurText(self._parse)
        self.text.setFixedHeight(120)
        self.text.setPlaceholderText("{ }")
        self.text.hide()
        self.disclosure = QToolButton()
        self.disclosure.setObjectName("advanced")
        self.disclosure.setCheckable(True)
        self.disclosure.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.disclosure.toggled.connect(self._unfold)
        self.state = QLabel()
        self.state.setObjectName("help")
        self.widget = QWidget()
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        head = QHBoxLayout()
        head.addWidget(self.disclosure)
        head.addWidget(self.state, 1)
        layout.addLayout(head)
        layout.addWidget(self.text)
        self._unfold(False)

    @property
    def text_widget(self) -> QWidget:
        return self.text

    def _unfold(self, unfolded: bool) -> None:
        self.text.setVisible(unfolded)
        arrow = "▾" if unfolded else ("◂" if self.widget.isRightToLeft() else "▸")
        self.disclosure.setText(f"{arrow} " + _tr("Advanced: edit as text"))

    def _parse(self) -> None:
        text = self.text.toPlainText().strip()
        if not text:
            self._changed(None)
            return
        try:
            self._changed(json.loads(text))
        except ValueError:
            self._changed(text)

    def _show(self, value: Any) -> None:
        empty = value is UNSET or value is None or value in ({}, [], "")
        self.state.setText(_tr("Not set") if empty else _tr("Set"))
        if self.text.hasFocus():
            return
        if value is UNSET or value is None:
            self.text.setPlainText("")
        elif isinstance(value, str):
            self.text.setPlainText(value)
        else:
            self.text.setPlainText(json.dumps(value, indent=2, ensure_ascii=False))


class NumberEditor(FieldEditor):
    def __init__(self, whole: bool, commit: Commit) -> None:
        super().__init__(commit)
        self.whole = whole
        self.widget = QSpinBox() if whole else QDoubleSpinBox()
        self.widget.setRange(-1_000_000_000, 1_000_000_000)
        follow_digits(self.widget)  # the panel builds its editors again on a digits switch
        if not whole:
            self.widget.setDecimals(3)
        self.widget.editingFinished.connect(lambda: self._changed(self.widget.value()))

    def _show(self, value: Any) -> None:
        if isinstance(value, int | float) and not isinstance(value, bool):
            self.widget.setValue(int(value) if self.whole else float(value))


class SwitchEditor(FieldEditor):
    def __init__(self, commit: Commit) -> None:
        super().__init__(commit)
        self.widget = QCheckBox()
        self.widget.toggled.connect(self._changed)

    def _show(self, value: Any) -> None:
        self.widget.setChecked(bool(value) if value is not UNSET else False)


class ChoiceEditor(FieldEditor):
    def __init__(self, choices: list[str], commit: Commit) -> None:
        super().__init__(commit)
        self.widget = QComboBox()
        for choice in choices:
            self.widget.addItem(choice_label(choice), choice)
        self.widget.currentIndexChanged.connect(lambda i: self._changed(self.widget.itemData(i)))

    def _show(self, value: Any) -> None:
        index = self.widget.findData(value)
        self.widget.setCurrentIndex(max(index, 0))


def _guess(text: str) -> Any:
    """Numbers, true/false and JSON stay what they look like; anything else is text."""
    stripped = text.strip()
    if stripped and (stripped[0] in '[{"-0123456789' or stripped in ("true", "false", "null")):
        try:
            return json.loads(stripped)
        except ValueError:
            pass
    return text


class _CommitOnBlurText(QPlainTextEdit):
    def __init__(self, on_commit: Callable[[], None]) -> None:
        super().__init__()
        self._on_commit = on_commit
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def commit(self) -> None:
        self._on_commit()

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        self._on_commit()

    def dropEvent(self, event: Any) -> None:
        # A field dragged in from the data tree is an edit, focus or not.
        super().dropEvent(event)
        self._on_commit()
