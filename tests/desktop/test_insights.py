"""The insights dashboard on a real week of runs: its headline, figures and charts, what it
offers for a failing step, time saved set from it, Arabic right to left, the empty state, the
exported report, and an app that starts without matplotlib."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from flowin_engine.store import new_notification
from tests import insight_histories as week

from .conftest import WAIT_MS, click, shown


@pytest.fixture
def dashboard(qtbot, window, store):
    week.seed_week(store)
    click(qtbot, window.insights_button)
    page = window.insights
    qtbot.waitUntil(page.isVisible, timeout=WAIT_MS)
    page.clock = lambda: week.NOW
    page.utc_offset = week.OFFSET
    page.refresh()
    return page


def _buttons(widget, text: str) -> list[QPushButton]:
    return [b for b in widget.findChildren(QPushButton) if b.text() == text and b.isVisible()]


def test_the_top_bar_opens_the_weeks_figures_and_charts(qtbot, dashboard):
    assert dashboard.headline.text() == "You saved 3 hours this week using Flowin"
    values = [card.value.text() for card in dashboard.cards]
    assert values == ["68", "92.6%", "2.2 s", "3.3 h"]
    titles = {
        name: canvas.figure._suptitle.get_text() for name, canvas in dashboard.canvases.items()
    }
    assert titles == {
        "runs": "Runs per day",
        "success": "Success ratio",
        "failing": "Steps that fail most",
    }
    runs_axes = dashboard.canvases["runs"].figure.axes[0]
    assert [t.get_text() for t in runs_axes.get_legend().get_texts()] == [
        "Order confirmations",
        "Invoices to Sheets",
        "Daily summary",
    ]
    assert dashboard.not_set.isVisible()
    qtbot.waitUntil(
        lambda: len(_buttons(dashboard.failing_section, "Fix now")) == 2, timeout=WAIT_MS
    )
    assert dashboard.accounts_rows.count() == 3


def test_open_the_run_shows_the_latest_failure_and_back_returns(qtbot, window, dashboard):
    first = dashboard.insights.failing_steps[0]
    qtbot.waitUntil(
        lambda: bool(_buttons(dashboard.failing_section, "Open the run")), timeout=WAIT_MS
    )
    click(qtbot, _buttons(dashboard.failing_section, "Open the run")[0])
    qtbot.waitUntil(window.executions.isVisible, timeout=WAIT_MS)
    assert window.executions.current_id() == first.latest_execution_id
    click(qtbot, window.executions.back_button)
    qtbot.waitUntil(dashboard.isVisible, timeout=WAIT_MS)


def test_fix_now_opens_the_flow_at_the_step_that_fails(qtbot, window, dashboard):
    qtbot.waitUntil(lambda: bool(_buttons(dashboard.failing_section, "Fix now")), timeout=WAIT_MS)
    click(qtbot, _buttons(dashboard.failing_section, "Fix now")[0])
    qtbot.waitUntil(window.editor.isVisible, timeout=WAIT_MS)
    assert window.editor.document.flow.id == "orders"
    assert window.editor.scene.selected_node_ids() == ["step"]


def test_time_saved_set_from_the_dashboard_counts_that_flow_too(qtbot, dashboard, store):
    asked = []
    dashboard.ask_minutes = lambda name, current: asked.append(name) or 4
    qtbot.waitUntil(
        lambda: bool(_buttons(dashboard.not_set, "Set minutes saved…")), timeout=WAIT_MS
    )
    click(qtbot, _buttons(dashboard.not_set, "Set minutes saved…")[0])
    assert asked == ["Invoices to Sheets"]
    assert store.flows.get("invoices").settings.minutes_saved_per_run == 4
    # 42 × 3 + 7 × 10 + 14 × 4 = 252 minutes
    assert dashboard.headline.text() == "You saved 4 hours this week using Flowin"
    assert not dashboard.not_set.isVisible()


def test_in_arabic_the_dashboard_reads_right_to_left_with_arabic_plurals(qtbot, window, dashboard):
    window.set_language("ar")
    qtbot.waitUntil(lambda: dashboard.title.text() == "الإحصاءات", timeout=WAIT_MS)
    assert dashboard.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert dashboard.headline.text() == "وفّرت ٣ ساعات هذا الأسبوع باستخدام Flowin"
    assert [card.value.text() for card in dashboard.cards][:2] == ["٦٨", "٩٢٫٦٪"]
    runs = dashboard.canvases["runs"].figure
    assert runs._suptitle.get_text() == "التشغيلات في كل يوم"
    assert runs._suptitle.get_horizontalalignment() == "right"
    assert runs.axes[0].xaxis_inverted()
    failing = dashboard.canvases["failing"].figure.axes[0]
    assert failing.xaxis_inverted() and failing.yaxis.get_ticks_position() == "right"
    qtbot.waitUntil(
        lambda: bool(_buttons(dashboard.failing_section, "أصلِحه الآن")), timeout=WAIT_MS
    )
    counts = [w.text() for w in dashboard.failing_section.findChildren(type(dashboard.title))]
    assert any(text.startswith("٣ حالات فشل") for text in counts)


def test_no_runs_yet_is_a_friendly_sentence_not_empty_charts(qtbot, window):
    click(qtbot, window.insights_button)
    page = window.insights
    qtbot.waitUntil(page.empty.isVisible, timeout=WAIT_MS)
    assert page.empty.text().startswith("No runs yet in this period.")
    assert not page.charts.isVisible()
    assert not any(card.isVisible() for card in page.cards)
    assert not page.headline.isVisible()  # no "you saved 0 minutes"


def test_export_report_saves_a_pdf_and_a_web_page(qtbot, dashboard, tmp_path):
    dashboard.choose_report_file = lambda suggested: str(tmp_path / suggested)
    click(qtbot, dashboard.export_button)
    (pdf,) = tmp_path.glob("flowin-report-*.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    dashboard.choose_report_file = lambda suggested: str(tmp_path / "week.html")
    page = dashboard.export_report()
    html = page.read_text(encoding="utf-8")
    assert "You saved 3 hours this week using Flowin" in html
    assert html.count("data:image/png;base64,") == 3 and "cid:" not in html


def test_the_app_starts_without_importing_matplotlib():
    program = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from flowin_desktop.app import create_window\n"
        "app = QApplication([])\n"
        "window = create_window(app)\n"
        "print('matplotlib' in sys.modules)\n"
        "window.shutdown()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "False"


def test_the_weekly_reports_row_in_the_bell_opens_the_insights(qtbot, window):
    window.store.notifications.add(
        new_notification("report", "You saved 3 hours this week using Flowin", "Runs: 68")
    )
    window.notification_watch.follow()
    qtbot.waitUntil(lambda: window.bell.count == 1, timeout=WAIT_MS)
    click(qtbot, window.bell)
    centre = shown(qtbot, window.notification_centre)
    (row,) = centre.rows
    assert row.title.text() == "Your weekly report is ready"
    click(qtbot, row)
    qtbot.waitUntil(
        lambda: window.insights is not None and window.insights.isVisible(), timeout=WAIT_MS
    )


def test_the_exported_report_in_arabic_says_why_steps_failed_in_arabic(
    qtbot, window, dashboard, tmp_path
):
    window.set_language("ar")
    dashboard.choose_report_file = lambda suggested: str(tmp_path / "week.html")
    page = dashboard.export_report().read_text(encoding="utf-8")
    # As the dashboard says it: the service's refusal in Arabic, its own words kept.
    assert "رفض WhatsApp الطلب" in page and "Invalid WhatsApp API token (code 196)" in page
    assert "refused the request" not in page
