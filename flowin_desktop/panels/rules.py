"""Editors for settings that are lists of objects: If / else rules, Switch cases, Set fields,
and any other list of objects, as rows of plain fields. What they store is exactly what the
step's input model reads; a person never sees the JSON."""

from __future__ import annotations

import json
import re
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..i18n import choice_label, field_text
from .data import ReferenceLineEdit, StepSample, pick_button
from .fields import UNSET, Commit, FieldEditor, _guess, _plain

CONTEXT = "RulesEditor"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass
class DataSource:
    """What the editors of one step may offer from the steps before it."""

    samples: Callable[[], list[StepSample]] = list
    references: Callable[[], list[tuple[str, Any]]] = list  # (reference, sample value)
    trigger_name: Callable[[], str | None] = lambda: None

    def sample_of(self, text: Any) -> Any:
        """The sample value a field holding only ``{{ reference }}`` would get; UNSET if it
        holds something else."""
        if not isinstance(text, str):
            return text
        match = re.fullmatch(r"\s*\{\{\s*(.*?)\s*\}\}\s*", text, re.DOTALL)
        if match is None:
            return UNSET if "{{" in text else text
        reference = match.group(1)
        if reference == "input" or reference.startswith(("input.", "input[")):
            # A step's input is what the step just before it gave.
            nearest = self.samples()[:1]
            if not nearest:
                return UNSET
            reference = nearest[0].root + reference[len("input") :]
        return dict(self.references()).get(reference, UNSET)


# Operators: what the engine's If / else evaluates (connectors/core Operator), named for the
# kind of value being checked. The stored operator is the same whatever its label.

UNARY = frozenset({"is_empty", "is_not_empty", "is_true", "is_false"})
TEXT_ONLY = frozenset(
    {
        "contains",
        "not_contains",
        "starts_with",
        "not_starts_with",
        "ends_with",
        "not_ends_with",
        "matches_regex",
        "not_matches_regex",
    }
)


def operator_labels(kind: str) -> list[tuple[str, str]]:
    """(operator, label) pairs fitting a value of ``kind``: text, number, date, list, yes_no,
    or any (the kind isn't known)."""
    empty = [("is_empty", _tr("is empty")), ("is_not_empty", _tr("is not empty"))]
    if kind == "text":
        return [
            ("equals", _tr("is")),
            ("not_equals", _tr("is not")),
            ("contains", _tr("contains")),
            ("not_contains", _tr("does not contain")),
            ("starts_with", _tr("starts with")),
            ("not_starts_with", _tr("does not start with")),
            ("ends_with", _tr("ends with")),
            ("not_ends_with", _tr("does not end with")),
            *empty,
            ("matches_regex", _tr("matches the pattern")),
            ("not_matches_regex", _tr("does not match the pattern")),
        ]
    if kind == "number":
        return [
            ("equals", _tr("equals")),
            ("not_equals", _tr("does not equal")),
            ("greater_than", _tr("is greater than")),
            ("less_than", _tr("is less than")),
            ("greater_or_equal", _tr("is at least")),
            ("less_or_equal", _tr("is at most")),
            *empty,
        ]
    if kind == "date":
        return [
            ("equals", _tr("is on")),
            ("not_equals", _tr("is not on")),
            ("less_than", _tr("is before")),
            ("greater_than", _tr("is after")),
            ("less_or_equal", _tr("is on or before")),
            ("greater_or_equal", _tr("is on or after")),
            *empty,
        ]
    if kind == "list":
        return [
            ("contains", _tr("has the item")),
            ("not_contains", _tr("does not have the item")),
            ("is_empty", _tr("has no items")),
            ("is_not_empty", _tr("has items")),
        ]
    if kind == "yes_no":
        return [("is_true", _tr("is yes")), ("is_false", _tr("is no")), *empty]
    return [
        ("equals", _tr("is equal to")),
        ("not_equals", _tr("is not equal to")),
        ("contains", _tr("contains")),
        ("not_contains", _tr("does not contain")),
        ("starts_with", _tr("starts with")),
        ("not_starts_with", _tr("does not start with")),
        ("ends_with", _tr("ends with")),
        ("not_ends_with", _tr("does not end with")),
        ("greater_than", _tr("is greater than (after)")),
        ("less_than", _tr("is less than (before)")),
        ("greater_or_equal", _tr("is at least")),
        ("less_or_equal", _tr("is at most")),
        *empty,
        ("is_true", _tr("is yes")),
        ("is_false", _tr("is no")),
        ("matches_regex", _tr("matches the pattern")),
        ("not_matches_regex", _tr("does not match the pattern")),
    ]


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}.*)?$")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


def value_kind(value: Any) -> str:
    """Which operators fit a sample value: text, number, date, list, yes_no or any."""
    if value is UNSET or value is None or isinstance(value, dict):
        return "any"
    if isinstance(value, bool):
        return "yes_no"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, list | tuple):
        return "list"
    if isinstance(value, str):
        stripped = value.strip()
        if _ISO_DATE.match(stripped):
            return "date"
        if _NUMBER.match(stripped):
            return "number"
        return "text" if stripped else "any"
    return "any"


def _shown(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


# Building blocks.


class _Rows(QObject):
    """A column of row widgets with an add button; rows report edits through ``changed``."""

    def __init__(self, changed: Callable[[], None]) -> None:
        super().__init__()
        self.changed = changed
        self.widget = QWidget()
        self.rows: list[Any] = []
        self.box = QVBoxLayout(self.widget)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(6)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(6)
        self.box.addLayout(self.buttons)

    def add_button(self, text: str, make: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName("addRow")
        button.clicked.connect(lambda: self.append(make(), focus=True))
        self.buttons.addWidget(button)
        return button

    def finish_buttons(self) -> None:
        self.buttons.addStretch(1)

    def append(self, row: Any, focus: bool = False, report: bool = True) -> None:
        self.rows.append(row)
        self.box.insertWidget(len(self.rows) - 1, row.frame)
        row.remove_button.clicked.connect(lambda: self.remove(row))
        if report:
            self.changed()
        if focus:
            row.focus()

    def remove(self, row: Any) -> None:
        self.rows.remove(row)
        row.frame.setParent(None)
        row.frame.deleteLater()
        self.changed()

    def clear(self) -> None:
        for row in self.rows:
            row.frame.setParent(None)
            row.frame.deleteLater()
        self.rows = []


def _remove_button() -> QToolButton:
    button = QToolButton()
    button.setText("✕")
    button.setObjectName("removeRow")
    button.setToolTip(_tr("Remove this row"))
    return button


def _narrow_combo() -> QComboBox:
    """A combo that shrinks with a narrow panel instead of widening it past its edge."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(6)
    combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0))
    return combo


def _row_frame() -> QFrame:
    frame = QFrame()
    frame.setObjectName("ruleRow")
    frame.setFrameShape(QFrame.Shape.NoFrame)
    frame.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
    return frame


class _ValueField:
    """A one-line field for a value or an ``{{ expression }}``, with a data picker."""

    def __init__(
        self,
        data: DataSource,
        changed: Callable[[], None],
        placeholder: str,
        picker: bool = True,
    ) -> None:
        self.edit = ReferenceLineEdit()
        self.edit.trigger_name = data.trigger_name
        self.edit.setPlaceholderText(placeholder)
        self.edit.editingFinished.connect(changed)
        self.widget = QWidget()
        layout = QHBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        self.widget.setFocusProxy(self.edit)  # focusing the setting types into its line
        self.picker = pick_button(data.samples, self.edit) if picker else None
        if self.picker is not None:
            layout.addWidget(self.picker)

    def set(self, value: Any) -> None:
        self.edit.setText(_shown(value))

    def text(self) -> str:
        return self.edit.text()

    def value(self) -> Any:
        return _guess(self.edit.text())


# If / else rules.


class RuleRow:
    """One rule: [value] [operator] [compare with] [Aa] [✕]."""

    def __init__(self, data: DataSource, changed: Callable[[], None], rule: dict[str, Any]) -> None:
        self.data, self.changed = data, changed
        known = ("left", "operator", "right", "case_sensitive")
        self.extra = {k: v for k, v in rule.items() if k not in known}
        self.stores_case = "case_sensitive" in rule
        self.hidden_right = rule.get("right")  # kept while a one-sided check hides it
        self.frame = _row_frame()
        self.left = _ValueField(data, self._left_changed, _tr("Value to check"))
        self.operator = _narrow_combo()
        self.right = _ValueField(data, changed, _tr("Compare with"))
        self.case = QToolButton()
        self.case.setText("Aa")
        self.case.setObjectName("matchCase")
        self.case.setCheckable(True)
        self.case.setToolTip(
            _tr("Match upper and lower case: when off, 'Paid' and 'paid' count as the same.")
        )
        self.case.setChecked(bool(rule.get("case_sensitive", True)))
        self.case.toggled.connect(lambda _on: changed())
        self.remove_button = _remove_button()
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.left.widget, 1)
        top.addWidget(self.remove_button)
        bottom = QHBoxLayout()
        bottom.setSpacing(6)
        bottom.addWidget(self.operator, 3)
        bottom.addWidget(self.right.widget, 2)
        bottom.addWidget(self.case)
        layout = QVBoxLayout(self.frame)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(bottom)
        self.left.set(rule.get("left"))
        self._fill_operators(rule.get("operator", "equals"))
        self.right.set(rule.get("right"))
        self.operator.currentIndexChanged.connect(self._operator_changed)
        self._show_right()

    def focus(self) -> None:
        self.left.edit.setFocus()

    def kind(self) -> str:
        sample = self.data.sample_of(self.left.text())
        return value_kind(sample)

    def _fill_operators(self, current: str) -> None:
        self.operator.blockSignals(True)
        self.operator.clear()
        choices = operator_labels(self.kind())
        if current not in {op for op, _ in choices}:
            # An operator the value's kind doesn't suggest stays what it is.
            choices += [(op, label) for op, label in operator_labels("any") if op == current]
        for op, label in choices:
            self.operator.addItem(label, op)
        self.operator.setCurrentIndex(max(self.operator.findData(current), 0))
        self.operator.blockSignals(False)

    def _left_changed(self) -> None:
        # A new kind of value: its first check, unless the one chosen fits it too.
        current = self.operator.currentData()
        fitting = [op for op, _ in operator_labels(self.kind())]
        self._fill_operators(current if current in fitting else fitting[0])
        self._show_right()
        self.changed()

    def _operator_changed(self, _index: int) -> None:
        self._show_right()
        self.changed()

    def _show_right(self) -> None:
        operator = self.operator.currentData()
        self.right.widget.setVisible(operator not in UNARY)
        self.operator.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.case.setVisible(operator not in UNARY and self.kind() in ("text", "any", "list"))

    def value(self) -> dict[str, Any]:
        operator = self.operator.currentData()
        right: Any = self.hidden_right
        if operator not in UNARY:
            # Text checks compare text: "007" stays "007".
            right = self.right.text() if operator in TEXT_ONLY else self.right.value()
        rule = {**self.extra, "left": self.left.value(), "operator": operator, "right": right}
        if self.stores_case or not self.case.isChecked():
            rule["case_sensitive"] = self.case.isChecked()
        return rule


class _CombineBox:
    """all / any, then the rows of rules (and, at the top, groups of rules)."""

    def __init__(
        self,
        data: DataSource,
        changed: Callable[[], None],
        combine_changed: Callable[[str], None],
        groups: bool,
    ) -> None:
        self.data, self.changed = data, changed
        self.widget = QWidget()
        self.combine = _narrow_combo()
        self.combine.addItem(_tr("all of these rules hold"), "and")
        self.combine.addItem(_tr("any of these rules holds"), "or")
        self.combine.currentIndexChanged.connect(
            lambda i: combine_changed(self.combine.itemData(i))
        )
        self.lead = QLabel(_tr("True when"))
        self.lead.setWordWrap(True)  # a long word in a narrow panel wraps, it doesn't clip
        head = QHBoxLayout()
        head.addWidget(self.lead, 1)
        head.addWidget(self.combine, 2)
        self.rows = _Rows(changed)
        self.add_rule = self.rows.add_button(_tr("+ Add rule"), lambda: RuleRow(data, changed, {}))
        self.add_group = (
            self.rows.add_button(
                _tr("+ Add group"), lambda: GroupRow(data, changed, {"conditions": [{}]})
            )
            if groups
            else None
        )
        self.rows.finish_buttons()
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.rows.widget)

    def show_combine(self, combine: Any) -> None:
        self.combine.blockSignals(True)
        self.combine.setCurrentIndex(max(self.combine.findData(combine), 0))
        self.combine.blockSignals(False)

    def show_rules(self, entries: list[Any]) -> None:
        self.rows.clear()
        for entry in entries:
            entry = entry if isinstance(entry, dict) else {}
            if "conditions" in entry:
                self.rows.append(GroupRow(self.data, self.changed, entry), report=False)
            else:
                self.rows.append(RuleRow(self.data, self.changed, entry), report=False)

    def value(self) -> list[dict[str, Any]]:
        return [row.value() for row in self.rows.rows]


class GroupRow:
    """Rules combined with their own all / any, inside the top level's."""

    def __init__(
        self, data: DataSource, changed: Callable[[], None], group: dict[str, Any]
    ) -> None:
        self.frame = _row_frame()
        self.frame.setObjectName("ruleGroup")
        self.combine = group.get("combine", "and")
        self.extra = {k: v for k, v in group.items() if k not in ("combine", "conditions")}

        def combine_changed(value: str) -> None:
            self.combine = value
            changed()

        self.box = _CombineBox(data, changed, combine_changed, groups=False)
        self.box.lead.setText(_tr("Group: true when"))
        self.box.show_combine(self.combine)
        self.box.show_rules(group.get("conditions") or [])
        self.remove_button = _remove_button()
        layout = QHBoxLayout(self.frame)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.box.widget, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)

    def focus(self) -> None:
        if self.box.rows.rows:
            self.box.rows.rows[0].focus()

    def value(self) -> dict[str, Any]:
        return {**self.extra, "combine": self.combine, "conditions": self.box.value()}


class _ListEditor(FieldEditor):
    """A list setting edited in rows; each row edit is one undo step (merge_edits False)."""

    merge_edits = False

    def current(self) -> list[Any]:
        raise NotImplementedError

    def _emit(self) -> None:
        self._changed(self.current())


class RulesEditor(_ListEditor):
    """If / else rules: an all / any choice (the sibling ``combine`` field) and rule rows."""

    siblings = ("combine",)

    def __init__(self, commit: Commit, data: DataSource) -> None:
        super().__init__(commit)
        self.commit_sibling: Callable[[str, Any], None] = lambda _key, _value: None
        self.box = _CombineBox(
            data, self._emit, lambda value: self.commit_sibling("combine", value), groups=True
        )
        self.widget = self.box.widget

    def current(self) -> list[Any]:
        return self.box.value()

    def _show(self, value: Any) -> None:
        entries = value if isinstance(value, list) else []
        if entries != self.current() or not self.box.rows.rows:
            self.box.show_rules(entries)

    def show_siblings(self, params: dict[str, Any]) -> None:
        self.box.show_combine(params.get("combine", "and"))


# Any other list of objects: one row of plain fields per object.


class ObjectRow:
    """One object of a list, a field per property of its model, in the model's order."""

    def __init__(
        self,
        model: type[BaseModel],
        data: DataSource,
        changed: Callable[[], None],
        entry: dict[str, Any],
        joiner: str = "",
    ) -> None:
        self.frame = _row_frame()
        self.extra = {k: v for k, v in entry.items() if k not in model.model_fields}
        self.inputs: dict[str, Callable[[], Any]] = {}
        self.first: QWidget | None = None
        layout = QHBoxLayout(self.frame)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        for position, (key, info) in enumerate(model.model_fields.items()):
            if position and joiner:
                layout.addWidget(QLabel(joiner))
            annotation = _plain(info.annotation)
            title = field_text(info.title or key)
            if typing.get_origin(annotation) is Literal:
                combo = QComboBox()
                for choice in typing.get_args(annotation):
                    combo.addItem(choice_label(str(choice)), choice)
                combo.setCurrentIndex(max(combo.findData(entry.get(key, info.default)), 0))
                combo.currentIndexChanged.connect(lambda _i: changed())
                self.inputs[key] = combo.currentData
                layout.addWidget(combo)
                widget: QWidget = combo
            elif annotation is bool:
                check = QCheckBox(title)
                check.setChecked(bool(entry.get(key, info.default)))
                check.toggled.connect(lambda _on: changed())
                self.inputs[key] = check.isChecked
                layout.addWidget(check)
                widget = check
            else:
                value = _ValueField(data, changed, title, picker=annotation is not str)
                value.edit.setToolTip(field_text(info.description) if info.description else "")
                value.set(entry.get(key))
                # Text fields stay text; others read numbers and true/false as such.
                self.inputs[key] = value.text if annotation is str else value.value
                # A name is short; a value (often a sentence with references) gets the room.
                layout.addWidget(value.widget, 1 if annotation is str else 2)
                widget = value.edit
            self.first = self.first or widget
        self.remove_button = _remove_button()
        layout.addWidget(self.remove_button)

    def focus(self) -> None:
        if self.first is not None:
            self.first.setFocus()

    def value(self) -> dict[str, Any]:
        return {**self.extra, **{key: read() for key, read in self.inputs.items()}}


class ObjectListEditor(_ListEditor):
    """Rows of objects of ``model``: Set fields' name → value, Switch's cases, and any other."""

    def __init__(
        self,
        model: type[BaseModel],
        commit: Commit,
        data: DataSource,
        add_text: str,
        joiner: str = "",
    ) -> None:
        super().__init__(commit)
        self.model, self.data, self.joiner = model, data, joiner
        self.rows = _Rows(self._emit)
        self.add = self.rows.add_button(add_text, lambda: self._row({}))
        self.rows.finish_buttons()
        self.widget = self.rows.widget
        self.widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def _row(self, entry: dict[str, Any]) -> ObjectRow:
        return ObjectRow(self.model, self.data, self._emit, entry, self.joiner)

    def current(self) -> list[Any]:
        return [row.value() for row in self.rows.rows]

    def _show(self, value: Any) -> None:
        entries = value if isinstance(value, list) else []
        if entries == self.current() and self.rows.rows:
            return
        self.rows.clear()
        for entry in entries:
            self.rows.append(self._row(entry if isinstance(entry, dict) else {}), report=False)


class ValueRow:
    """One value of a list of values, numbered as the list counts (a template's {{1}}, {{2}})."""

    def __init__(self, data: DataSource, changed: Callable[[], None], value: Any, text: bool):
        self.frame = _row_frame()
        self.number = QLabel()
        self.number.setObjectName("help")
        self.field = _ValueField(data, changed, "")
        self.field.set(value)
        self.text = text
        self.remove_button = _remove_button()
        layout = QHBoxLayout(self.frame)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addWidget(self.number)
        layout.addWidget(self.field.widget, 1)
        layout.addWidget(self.remove_button)

    def focus(self) -> None:
        self.field.edit.setFocus()

    def value(self) -> Any:
        return self.field.text() if self.text else self.field.value()


class ValueListEditor(_ListEditor):
    """A list of plain values (texts, numbers) as numbered rows."""

    def __init__(self, commit: Commit, data: DataSource, text: bool) -> None:
        super().__init__(commit)
        self.data, self.text = data, text
        self.rows = _Rows(self._emit)
        self.add = self.rows.add_button(_tr("+ Add value"), lambda: self._row(""))
        self.rows.finish_buttons()
        self.widget = self.rows.widget

    def _row(self, value: Any) -> ValueRow:
        return ValueRow(self.data, self._emit, value, self.text)

    def _emit(self) -> None:
        self._number()
        super()._emit()

    def _number(self) -> None:
        for number, row in enumerate(self.rows.rows, start=1):
            row.number.setText(str(number))

    def current(self) -> list[Any]:
        return [row.value() for row in self.rows.rows]

    def _show(self, value: Any) -> None:
        entries = value if isinstance(value, list) else []
        if entries == self.current() and self.rows.rows:
            return
        self.rows.clear()
        for entry in entries:
            self.rows.append(self._row(entry), report=False)
        self._number()


def _list_item(annotation: Any) -> Any:
    """The item type of a ``list[...]`` annotation, or None when it isn't a list."""
    annotation = _plain(annotation)
    if typing.get_origin(annotation) is not list:
        return None
    (item,) = typing.get_args(annotation) or (Any,)
    return _plain(item)


def list_item_model(annotation: Any) -> type[BaseModel] | None:
    """The object model of a ``list[Model]`` annotation, else None."""
    annotation = _plain(annotation)
    if typing.get_origin(annotation) is not list:
        return None
    (item,) = typing.get_args(annotation) or (None,)
    item = _plain(item)
    return item if isinstance(item, type) and issubclass(item, BaseModel) else None


def list_editor(
    hint: str | None, annotation: Any, commit: Commit, data: DataSource
) -> FieldEditor | None:
    """The row editor for a list-of-objects setting, or None when the setting isn't one."""
    if hint == "rules":
        return RulesEditor(commit, data)
    model = list_item_model(annotation)
    if model is None:
        item = _list_item(annotation)
        if hint is None and item in (str, int, float, Any):
            return ValueListEditor(commit, data, text=item is str)
        return None
    if hint == "key_value":
        return ObjectListEditor(model, commit, data, _tr("+ Add field"), joiner="=")
    if hint == "cases":
        return ObjectListEditor(model, commit, data, _tr("+ Add case"), joiner=_tr("→"))
    return ObjectListEditor(model, commit, data, _tr("+ Add row"))


class ValueEditor(FieldEditor):
    """A setting of any type (usually an ``{{ expression }}``) on one line, with a data picker;
    numbers and true/false read as such, anything else as text."""

    def __init__(self, commit: Commit, data: DataSource) -> None:
        super().__init__(commit)
        self.field = _ValueField(data, lambda: self._changed(self.field.value()), "")
        self.widget = self.field.widget

    @property
    def text_widget(self) -> QWidget:
        return self.field.edit

    def _show(self, value: Any) -> None:
        if not self.field.edit.hasFocus():
            self.field.set(None if value is UNSET else value)
