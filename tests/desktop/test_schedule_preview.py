"""A schedule trigger's settings show when it will run next, in the user's language."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from flowin_desktop.editor.document import SetNodeValue
from flowin_desktop.panels.schedule import SchedulePreview

from .conftest import add

WEDNESDAY_MORNING = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _pinned_clock(monkeypatch):
    monkeypatch.setattr(SchedulePreview, "now", staticmethod(lambda: WEDNESDAY_MORNING))


def schedule_step(editor) -> str:
    node_id = add(editor, "schedule.every", 0, 0)
    editor.select_step(node_id)
    editor.properties.tabs.setCurrentIndex(0)  # Settings
    return node_id


def set_params(editor, node_id: str, **params) -> None:
    for key, value in params.items():
        editor.document.push(SetNodeValue(editor.document, node_id, f"params.{key}", value))


def test_a_weekly_cron_lists_the_next_five_mondays_in_the_schedules_time_zone(editor):
    node_id = schedule_step(editor)
    set_params(editor, node_id, mode="cron", cron="0 9 * * 1", timezone="Asia/Dubai")

    preview = editor.properties.schedule_preview
    assert preview.isVisible()
    assert preview.current_times() == [
        "Monday 30 November 2026, 09:00",
        "Monday 7 December 2026, 09:00",
        "Monday 14 December 2026, 09:00",
        "Monday 21 December 2026, 09:00",
        "Monday 28 December 2026, 09:00",
    ]
    assert "Asia/Dubai" in preview.zone.text()


def test_an_interval_counts_from_now_and_follows_each_edit(editor):
    node_id = schedule_step(editor)
    set_params(editor, node_id, mode="interval", every=2, unit="hours")
    assert editor.properties.schedule_preview.current_times()[:3] == [
        "Wednesday 25 November 2026, 12:00",
        "Wednesday 25 November 2026, 14:00",
        "Wednesday 25 November 2026, 16:00",
    ]
    set_params(editor, node_id, every=1, unit="days")
    assert editor.properties.schedule_preview.current_times()[0] == (
        "Thursday 26 November 2026, 10:00"
    )


def test_the_preview_is_in_arabic_with_arabic_digits(window):
    window.new_flow()
    editor = window.editor
    node_id = schedule_step(editor)
    set_params(editor, node_id, mode="cron", cron="0 9 * * 1", timezone="Asia/Dubai")
    window.set_language("ar")

    preview = editor.properties.schedule_preview
    assert preview.title.text() == "التشغيلات القادمة"
    first = preview.current_times()[0]
    assert "الاثنين" in first and "نوفمبر" in first and "٣٠" in first and "٢٠٢٦،" in first


def test_a_cron_expression_that_cant_be_read_says_how_to_write_one(window):
    window.new_flow()
    editor = window.editor
    node_id = schedule_step(editor)
    set_params(editor, node_id, mode="cron", cron="every monday")

    preview = editor.properties.schedule_preview
    assert preview.current_times() == []
    assert "five parts" in preview.problem.text()
    window.set_language("ar")
    assert "خمسة أجزاء" in editor.properties.schedule_preview.problem.text()


def test_only_schedule_triggers_have_a_preview(editor):
    editor.select_step(add(editor, "core.manual_trigger", 0, 0))
    assert editor.properties.schedule_preview is None
