"""What a step got and gave in a run, as a table a person reads: each field named in words
(as the data tree names it), its value as text, yes / no, a number in the app's digits or
"3 items", and a set of fields or a list as rows that unfold under it. No {2} or [1]."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QStandardItem

from flowin_engine.store.trim import TRUNCATED

from ..i18n import digits, isolate, number_text
from .data import humanize

CONTEXT = "RunTable"
MAX_ROWS = 100  # of one list or set of fields: a long list ends with a row saying how many more


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def readable_value(value: Any) -> str:
    """One value as the table's second column shows it, in an isolate: the cell lays out its
    own direction ("٢ عناصر" right to left, "+9665…" left to right) whatever the view's."""
    return isolate(_readable(value))


def _readable(value: Any) -> str:
    if _cut(value):
        size = value.get("size")
        if isinstance(size, int):
            kilobytes = number_text(max(1, round(size / 1024)))
            return _tr("too big to keep whole (%1 KB)").replace("%1", kilobytes)
        return _tr("too big to keep whole")
    if isinstance(value, dict):
        return ""  # its fields are the rows under it
    if isinstance(value, list):
        if not value:
            return _tr("no items")
        if len(value) == 1:
            return _tr("1 item")
        return _tr("%1 items").replace("%1", number_text(len(value)))
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _tr("yes") if value else _tr("no")
    if isinstance(value, int | float):
        # As stored (an order number 1042 isn't "1,042"), in the digits the app writes.
        return digits(json.dumps(value))
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _cut(value: Any) -> bool:
    """Whether ``value`` is the marker the run history keeps for a part too big to keep."""
    return isinstance(value, dict) and value.get(TRUNCATED) is True


def step_input(recorded: Any) -> tuple[Any, Any]:
    """(the data a step got, the settings it ran with) from what the runner records."""
    if isinstance(recorded, dict) and set(recorded) == {"data", "params"}:
        return recorded["data"], recorded["params"]
    return recorded, None


def add_readable(parent: QStandardItem, label: str, value: Any, key: str | None = None) -> None:
    """A row for ``value`` under ``parent``, named ``label``, with its fields or items as rows
    under it. ``key`` (the field's own name) shows as the row's tooltip."""
    label_item = QStandardItem(label)
    label_item.setEditable(False)
    if key is not None and key != label:
        label_item.setToolTip(key)
    value_item = QStandardItem(readable_value(value))
    value_item.setEditable(False)
    if isinstance(value, str) and len(value) > 30:
        value_item.setToolTip(value)  # the cell cuts a long text short; hovering shows it all
    if _cut(value):
        children = [(_tr("Starts with"), value.get("preview", ""), None)]
    elif isinstance(value, dict):
        children = [(humanize(str(k)), v, str(k)) for k, v in value.items()]
    elif isinstance(value, list):
        children = [
            (_tr("Item %1").replace("%1", number_text(n)), v, None)
            for n, v in enumerate(value, start=1)
        ]
    else:
        children = []
    for child_label, child, child_key in children[:MAX_ROWS]:
        add_readable(label_item, child_label, child, child_key)
    if len(children) > MAX_ROWS:
        more = QStandardItem(
            _tr("… and %1 more").replace("%1", number_text(len(children) - MAX_ROWS))
        )
        more.setEditable(False)
        label_item.appendRow([more, QStandardItem("")])
    parent.appendRow([label_item, value_item])
