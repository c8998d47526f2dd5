"""`flowin insights`: the dashboard's figures on the command line, and the report as a file."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from flowin_engine.store import Store
from tests import insight_histories as week

from .test_cli import flowin


def test_flowin_insights_says_the_weeks_figures_and_writes_the_report(tmp_path, monkeypatch):
    now = datetime.now(UTC)
    zone, offset = week.evening_zone(now)
    monkeypatch.setenv("TZ", zone)  # the command's local days are the seeded week's
    with Store(tmp_path / "flowin.db") as store:
        week.seed_week(store, now=now, offset=offset)
    pdf, page = tmp_path / "week.pdf", tmp_path / "week.html"
    shown = flowin(
        "insights", "--pdf", str(pdf), "--html", str(page), data_dir=tmp_path, check=True
    )
    assert "hours this week using Flowin" in shown.stdout
    assert "Order confirmations › Send WhatsApp: 3 failures" in shown.stdout
    assert "Time saved is not set for: Invoices to Sheets" in shown.stdout
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "data:image/png;base64," in page.read_text(encoding="utf-8")

    figures = json.loads(flowin("insights", "--json", data_dir=tmp_path, check=True).stdout)
    assert (figures["runs"], figures["successes"], figures["failures"]) == (68, 63, 5)
    assert figures["minutes_saved"] == 42 * week.ORDER_MINUTES + 7 * week.SUMMARY_MINUTES


def test_flowin_insights_on_an_empty_history_is_a_sentence(tmp_path):
    shown = flowin("insights", "--days", "30", data_dir=tmp_path, check=True)
    assert shown.stdout.strip().splitlines()[-1] == (
        "No runs yet in this period. When your flows run, you will see here what they did."
    )
