"""Settings that hold a set of named values (a Sheets row, Stripe metadata, a request's body,
a Manual trigger's sample data) edited as rows: a name, what kind of value, the value. A value
that is itself a set of fields or a list is an indented group of rows. What the rows store is
the same dictionary the step reads: numbers stay numbers, yes / no stays true / false, and a
reference stays its ``{{ expression }}``."""

from __future__ import annotations

import json
import typing
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from .fields import UNSET, Commit, FieldEditor, _plain
from .rules import DataSource, _narrow_combo, _remove_button, _row_frame, _Rows, _ValueField

CONTEXT = "FieldRowsEditor"

TEXT, NUMBER, YES_NO, GROUP, LIST = "text", "number", "yes_no", "group", "list"
SIMPLE_KINDS = (TEXT, NUMBER, YES_NO)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def kind_labels() -> list[tuple[str, str]]:
    return [
        (TEXT, _tr("Text")),
        (NUMBER, _tr("Number")),
        (YES_NO, _tr("Yes / no")),
        (GROUP, _tr("Group")),
        (LIST, _tr("List")),
    ]


def kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return YES_NO
    if isinstance(value, int | float):
        return NUMBER
    if isinstance(value, dict):
        return GROUP
    if isinstance(value, list):
        return LIST
    return TEXT


def as_number(text: str) -> Any:
    """A number typed as text becomes one; anything else (a reference) stays text."""
    stripped = text.strip()
    for read in (int, float):
        try:
            return read(stripped)
        except ValueError:
            continue
    return text


def _text(value: Any) -> str:
    if value is None or value is UNSET:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _converted(value: Any, kind: str) -> Any:
    """``value`` as a value of ``kind`` when the user changes a row's kind (kept where it can)."""
    if kind == TEXT:
        return "" if isinstance(value, dict | list) else _text(value)
    if kind == NUMBER:
        result = as_number(_text(value)) if not isinstance(value, dict | list) else ""
        return result
    if kind == YES_NO:
        return value if isinstance(value, bool) else _text(value).strip().lower() in ("true", "1")
    if kind == GROUP:
        return value if isinstance(value, dict) else {}
    return value if isinstance(value, list) else []


class FieldRow:
    """[name] [kind] [value] [✕]; a group's or list's rows sit indented under it."""

    def __init__(
        self,
        data: DataSource,
        changed: Callable[[], None],
        key: str | None,
        value: Any,
        depth: int,
        texts_only: bool = False,
    ) -> None:
        self.data, self.changed, self.depth = data, changed, depth
        self.was_none = value is None  # an empty value that was never set stays unset
        self.frame = _row_frame()
        self.frame.setObjectName("fieldRow")
        self.key = None
        line = QHBoxLayout()
        line.setSpacing(6)
        self.number = QLabel()
        self.number.setObjectName("help")
        if key is None:
            line.addWidget(self.number)
        else:
            self.key = _ValueField(data, changed, _tr("Name"), picker=False)
            self.key.set(key)
            line.addWidget(self.key.widget, 1)
        self.kind = _narrow_combo()
        self.kind.setMinimumContentsLength(5)
        for kind, label in kind_labels():
            self.kind.addItem(label, kind)
        self.kind.setToolTip(_tr("What kind of value this is"))
        # A setting whose values are all text (headers) has no kind to choose.
        self.kind.setVisible(not texts_only)
        self.value_box = QHBoxLayout()
        self.value_box.setContentsMargins(0, 0, 0, 0)
        self.remove_button = _remove_button()
        self.layout = QVBoxLayout(self.frame)
        self.layout.setContentsMargins(6, 4, 6, 4)
        self.layout.setSpacing(4)
        self.layout.addLayout(line)
        if key is None or texts_only:
            # A numbered value, or a name and a text: one line fits a narrow panel.
            line.addLayout(self.value_box, 1)
            self.kind.setMinimumContentsLength(3)
            line.addWidget(self.kind)
        else:
            # A name, its kind, and the value under them with the room a reference needs.
            line.addWidget(self.kind)
            self.layout.addLayout(self.value_box)
        line.addWidget(self.remove_button)
        self.field: _ValueField | None = None
        self.yes_no: QComboBox | None = None
        self.group: FieldGroup | None = None
        self._show(TEXT if texts_only else kind_of(value), value)
        self.kind.currentIndexChanged.connect(self._kind_changed)

    def _show(self, kind: str, value: Any) -> None:
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self.kind.blockSignals(False)
        for widget in (
            self.field and self.field.widget,
            self.yes_no,
            self.group and self.group.widget,
        ):
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.field = self.yes_no = self.group = None
        if kind in (TEXT, NUMBER):
            hint = _tr("Value, or pick data with { }") if kind == TEXT else _tr("A number")
            self.field = _ValueField(self.data, self.changed, hint)
            self.field.set("" if value is None else _text(value))
            self.value_box.addWidget(self.field.widget)
        elif kind == YES_NO:
            self.yes_no = QComboBox()
            self.yes_no.addItem(_tr("Yes"), True)
            self.yes_no.addItem(_tr("No"), False)
            self.yes_no.setCurrentIndex(0 if value else 1)
            self.yes_no.currentIndexChanged.connect(lambda _i: self.changed())
            self.value_box.addWidget(self.yes_no)
        else:
            self.group = FieldGroup(
                self.data, self.changed, keyed=kind == GROUP, depth=self.depth + 1
            )
            self.group.show(value)
            self.layout.addWidget(self.group.widget)

    def _kind_changed(self, _index: int) -> None:
        self._show(self.kind.currentData(), _converted(self.value(), self.kind.currentData()))
        self.changed()

    def focus(self) -> None:
        if self.key is not None:
            self.key.edit.setFocus()
        elif self.field is not None:
            self.field.edit.setFocus()

    def name(self) -> str:
        return self.key.text().strip() if self.key is not None else ""

    def value(self) -> Any:
        if self.field is not None:
            text = self.field.text()
            if not text and self.was_none:
                return None
            return as_number(text) if self.kind.currentData() == NUMBER else text
        if self.yes_no is not None:
            return bool(self.yes_no.currentData())
        assert self.group is not None
        return self.group.value()


class FieldGroup:
    """Rows of named values (a set of fields) or of numbered values (a list), with add buttons."""

    def __init__(
        self,
        data: DataSource,
        changed: Callable[[], None],
        keyed: bool,
        depth: int = 0,
        texts_only: bool = False,
    ) -> None:
        self.data, self.keyed, self.depth, self.texts_only = data, keyed, depth, texts_only
        self._changed = changed
        self.rows = _Rows(self._row_changed)
        self.add_field = self.rows.add_button(
            _tr("+ Add field") if keyed else _tr("+ Add value"), lambda: self._row("", "")
        )
        self.add_group = self.rows.add_button(_tr("+ Add group"), lambda: self._row("", {}))
        self.add_group.setVisible(not texts_only)
        self.rows.finish_buttons()
        self.widget = self.rows.widget
        if depth:
            # A group inside a row: indented, so its rows read as belonging to it.
            self.rows.box.setContentsMargins(14, 0, 0, 0)

    def _row(self, key: str, value: Any) -> FieldRow:
        key_or_number = key if self.keyed else None
        return FieldRow(
            self.data, self._row_changed, key_or_number, value, self.depth, self.texts_only
        )

    def _row_changed(self) -> None:
        self._number()
        self._changed()

    def _number(self) -> None:
        if not self.keyed:
            for number, row in enumerate(self.rows.rows, start=1):
                row.number.setText(str(number))

    def show(self, value: Any) -> None:
        self.rows.clear()
        if self.keyed:
            entries = value.items() if isinstance(value, dict) else []
            for key, item in entries:
                self.rows.append(self._row(str(key), item), report=False)
        else:
            for item in value if isinstance(value, list) else []:
                self.rows.append(self._row("", item), report=False)
        self._number()

    def value(self) -> Any:
        if self.keyed:
            # A row without a name yet isn't stored; the row stays for its name to be typed.
            return {row.name(): row.value() for row in self.rows.rows if row.name()}
        return [row.value() for row in self.rows.rows]


def texts_only(annotation: Any) -> bool:
    """Whether every value of a dictionary setting is text (``dict[str, str]``)."""
    plain = _plain(annotation)
    if typing.get_origin(plain) is not dict:
        return False
    args = typing.get_args(plain)
    return len(args) == 2 and _plain(args[1]) is str


def shapes_of(annotation: Any) -> tuple[bool, bool]:
    """Whether a setting may hold (a list, one plain value) besides a set of fields."""
    annotation = _plain(annotation)
    if annotation is Any:
        return False, True
    args = typing.get_args(annotation) if typing.get_origin(annotation) is not dict else ()
    kinds = {typing.get_origin(_plain(a)) or _plain(a) for a in args}
    return list in kinds, False


class FieldRowsEditor(FieldEditor):
    """A set of named values as rows; a setting that may also be a list (a Sheets row in column
    order) or one value (a request body's text or {{ expression }}) offers those shapes too."""

    merge_edits = False

    def __init__(
        self,
        commit: Commit,
        data: DataSource,
        allows_list: bool = False,
        allows_value: bool = False,
        texts: bool = False,
    ) -> None:
        super().__init__(commit)
        self.data = data
        self.widget = QWidget()
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.shape: QComboBox | None = None
        if allows_list or allows_value:
            self.shape = _narrow_combo()
            self.shape.addItem(_tr("Fields by name"), GROUP)
            if allows_list:
                self.shape.addItem(_tr("Values in column order"), LIST)
            if allows_value:
                self.shape.addItem(_tr("One value (text or data from a step)"), TEXT)
            self.shape.currentIndexChanged.connect(self._shape_changed)
            layout.addWidget(self.shape)
        self.fields = FieldGroup(data, self._emit, keyed=True, texts_only=texts)
        self.items = FieldGroup(data, self._emit, keyed=False)
        self.single = _ValueField(data, self._emit, _tr("Text, or pick data with { }"))
        for part in (self.fields.widget, self.items.widget, self.single.widget):
            layout.addWidget(part)
        self._set_shape(GROUP)

    @property
    def text_widget(self) -> QWidget:
        return self.single.edit if self.current_shape() == TEXT else self.widget

    def current_shape(self) -> str:
        return self.shape.currentData() if self.shape is not None else GROUP

    def _set_shape(self, shape: str) -> None:
        if self.shape is not None:
            self.shape.blockSignals(True)
            self.shape.setCurrentIndex(max(self.shape.findData(shape), 0))
            self.shape.blockSignals(False)
        self.fields.widget.setVisible(shape == GROUP)
        self.items.widget.setVisible(shape == LIST)
        self.single.widget.setVisible(shape == TEXT)

    def _shape_changed(self, _index: int) -> None:
        self._set_shape(self.current_shape())
        self._emit()

    def current(self) -> Any:
        shape = self.current_shape()
        if shape == LIST:
            return self.items.value()
        if shape == TEXT:
            text = self.single.text()
            return text or None
        return self.fields.value()

    def _emit(self) -> None:
        self._changed(self.current())

    def _show(self, value: Any) -> None:
        if value is UNSET:
            value = None
        if value == self.current() and (self.fields.rows.rows or self.items.rows.rows):
            return  # the rows already say it (and may hold a name still being typed)
        if isinstance(value, list):
            shape = LIST
        elif isinstance(value, dict) or value is None or self.shape is None:
            shape = GROUP
        else:
            shape = TEXT
        if self.shape is not None and self.shape.findData(shape) < 0:
            shape = GROUP
        self.fields.show(value if isinstance(value, dict) else {})
        self.items.show(value if isinstance(value, list) else [])
        self.single.set(value if shape == TEXT else None)
        self._set_shape(shape)


def rows_editor(
    hint: str | None, annotation: Any, commit: Commit, data: DataSource
) -> FieldEditor | None:
    """Rows for a setting declared as named values (widget ``fields``, or a dictionary edited
    as ``key_value``), else None."""
    plain = _plain(annotation)
    is_dict = typing.get_origin(plain) is dict or plain is dict
    if hint == "fields" or (hint == "key_value" and is_dict):
        allows_list, allows_value = shapes_of(annotation)
        return FieldRowsEditor(commit, data, allows_list, allows_value, texts_only(annotation))
    return None
