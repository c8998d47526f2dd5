"""Which editor a setting gets in the properties panel: rows for lists of objects and for named
values, one line with a data picker for a setting of any type, else the plain editor its type and
hint ask for. Apart from the row editors themselves, so neither needs to import the other's
chooser."""

from __future__ import annotations

from typing import Any

from pydantic.fields import FieldInfo

from flowin_engine.registry import widget_hint

from .dicts import rows_editor
from .fields import Commit, FieldEditor, _plain, editor_for
from .rules import DataSource, ValueEditor, list_editor


def make_editor(info: FieldInfo, commit: Commit, data: DataSource) -> FieldEditor:
    """The editor for one setting."""
    hint = widget_hint(info)
    rows = list_editor(hint, info.annotation, commit, data) or rows_editor(
        hint, info.annotation, commit, data
    )
    if rows is not None:
        return rows
    if hint is None and _plain(info.annotation) is Any:
        return ValueEditor(commit, data)
    return editor_for(info, commit)
