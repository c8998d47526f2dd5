"""The weekly report: its charts, its words in English and Arabic, the e-mail a real SMTP
server receives, the PDF, and the weekly timer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from flowin_engine import insight_charts as charts
from flowin_engine.credentials import Connections
from flowin_engine.insights import gather
from flowin_engine.insights_report import (
    ReportNotSent,
    ReportSchedule,
    ReportWords,
    WeeklyReport,
    make_report,
    send_report,
    write_pdf,
)
from flowin_engine.notifications import Channel, ChannelKind, Notifier, Rule
from flowin_engine.store import Store
from tests import insight_histories as week
from tests.smtp_server import Mailbox, start_smtp

USER, PASSWORD = "reports@shop.example.com", "app-password-123"


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "flowin.db") as store:
        yield store


@pytest.fixture
def seeded(store):
    week.seed_week(store)
    return store


@pytest.fixture
def mailbox():
    box = Mailbox()
    controller = start_smtp(box, USER, PASSWORD, auth_require_tls=False)
    box.port = controller.port
    yield box
    controller.stop()


def _insights(store, days=7):
    return gather(store, days, now=week.NOW, utc_offset=week.OFFSET)


def _mail_account(connections: Connections, port: int) -> str:
    secret = {
        "host": "127.0.0.1",
        "port": port,
        "security": "none",
        "username": USER,
        "password": PASSWORD,
        "from_address": USER,
        "from_name": "Layla's Shop",
    }
    return connections.add("email", "Shop mail", secret).id


@pytest.mark.parametrize(
    ("hours", "english", "arabic"),
    [
        (
            1,
            "You saved 1 hour this week using Flowin",
            "وفّرت ساعة واحدة هذا الأسبوع باستخدام Flowin",
        ),
        (2, "You saved 2 hours this week using Flowin", "وفّرت ساعتين هذا الأسبوع باستخدام Flowin"),
        (3, "You saved 3 hours this week using Flowin", "وفّرت ٣ ساعات هذا الأسبوع باستخدام Flowin"),
        (
            14,
            "You saved 14 hours this week using Flowin",
            "وفّرت ١٤ ساعة هذا الأسبوع باستخدام Flowin",
        ),
        (
            100,
            "You saved 100 hours this week using Flowin",
            "وفّرت ١٠٠ ساعة هذا الأسبوع باستخدام Flowin",
        ),
    ],
)
def test_the_headline_says_the_hours_with_each_languages_plural(seeded, hours, english, arabic):
    orders = week.shop_flows()[0]
    orders.settings.minutes_saved_per_run = 0
    seeded.flows.save(orders)
    summary = seeded.flows.get("summary")
    summary.settings.minutes_saved_per_run = round(hours * 60 / 7)  # 7 good runs
    seeded.flows.save(summary)
    insights = _insights(seeded)
    assert round(insights.minutes_saved / 60) == hours
    assert ReportWords.of("en").headline(insights) == english
    assert ReportWords.of("ar").headline(insights) == arabic


def test_without_time_saved_the_headline_says_how_often_the_flows_ran(store):
    assert ReportWords.of("en").headline(_insights(store)) == "Your flows ran 0 times this week"
    assert ReportWords.of("ar").headline(_insights(store)) == "لم تعمل تدفقاتك هذا الأسبوع"
    week.seed_week(store)
    for flow in week.shop_flows():
        flow.settings.minutes_saved_per_run = None
        store.flows.save(flow)
    assert ReportWords.of("ar").headline(_insights(store)) == "عملت تدفقاتك ٦٨ مرة هذا الأسبوع"


def test_less_than_an_hour_is_said_in_minutes(seeded):
    summary = seeded.flows.get("summary")
    summary.settings.minutes_saved_per_run = 5
    seeded.flows.save(summary)
    orders = seeded.flows.get("orders")
    orders.settings.minutes_saved_per_run = None
    seeded.flows.save(orders)
    assert ReportWords.of("en").headline(_insights(seeded)) == (
        "You saved 35 minutes this week using Flowin"
    )
    assert ReportWords.of("ar").headline(_insights(seeded)) == (
        "وفّرت ٣٥ دقيقة هذا الأسبوع باستخدام Flowin"
    )


def _drawn(text: str) -> bytes:
    figure = Figure(figsize=(3, 0.6), dpi=80)
    FigureCanvasAgg(figure)
    charts.register_fonts(charts.report_style("ar").font_files)
    figure.text(0.05, 0.3, text, fontfamily=["Cairo", "DejaVu Sans"], fontsize=16)
    figure.canvas.draw()
    return bytes(figure.canvas.buffer_rgba())


def test_arabic_labels_are_drawn_with_their_letters_joined():
    word = "التشغيلات"
    apart = "\u200c".join(word)  # a zero-width non-joiner between letters: each stands alone
    assert _drawn(word) != _drawn(apart)
    assert _drawn(word) == _drawn(word)


def test_an_arabic_chart_reads_from_the_right(seeded):
    words = ReportWords.of("ar").chart_words()
    figure = charts.runs_per_day(_insights(seeded), words, charts.report_style("ar"))
    axes = figure.axes[0]
    assert axes.xaxis_inverted()  # the oldest day on the right
    assert axes.yaxis.get_ticks_position() == "right"
    labels = [t.get_text() for t in axes.get_xticklabels()]
    assert labels[0] == "الأحد ٢٩" and labels[-1] == "السبت ٥"
    assert figure._suptitle.get_text() == "التشغيلات في كل يوم"
    assert figure._suptitle.get_horizontalalignment() == "right"


def test_an_empty_period_is_a_sentence_not_empty_axes(store):
    words = ReportWords.of("en").chart_words()
    for draw in (charts.runs_per_day, charts.success_ratio, charts.failing_steps):
        figure = draw(_insights(store), words)
        axes = figure.axes[0]
        assert not axes.axison and not axes.patches
        assert [t.get_text() for t in axes.texts] == [words.no_runs]
    report = make_report(_insights(store), "en")
    assert report.images == {} and words.no_runs in report.html


def test_the_report_email_carries_its_charts_inline_in_arabic_right_to_left(seeded, mailbox):
    connections = Connections(seeded)
    account = _mail_account(connections, mailbox.port)
    send_report(
        seeded,
        connections,
        connection_id=account,
        to="Layla <layla@shop.example.com>",
        language="ar",
        now=week.NOW,
        utc_offset=week.OFFSET,
    )

    assert mailbox.envelopes[0].rcpt_tos == ["layla@shop.example.com"]
    message = mailbox.message()
    assert message["Subject"] == "Flowin: وفّرت ٣ ساعات هذا الأسبوع باستخدام Flowin"
    html = message.get_body(("html",))
    body = html.get_content()
    assert 'dir="rtl"' in body and 'lang="ar"' in body
    assert "الوقت الموفَّر غير محدد للتدفقات: Invoices to Sheets" in body
    assert "flowin://run/" in body
    related = message.get_body(("related",))
    images = {
        part["Content-ID"]: part
        for part in related.iter_parts()
        if part.get_content_type() == "image/png"
    }
    assert set(images) == {"<runs>", "<success>", "<failing>"}
    assert all(f'src="cid:{cid.strip("<>")}"' in body for cid in images)
    assert images["<runs>"].get_content()[:8] == b"\x89PNG\r\n\x1a\n"
    assert PASSWORD not in str(message)


def test_a_report_through_an_account_that_is_not_email_is_refused_with_a_sentence(seeded):
    connections = Connections(seeded)
    bot = connections.add("telegram", "Team bot", {"token": "x"}).id
    with pytest.raises(ReportNotSent, match="not an e-mail account"):
        send_report(seeded, connections, connection_id=bot, to="a@b.example", now=week.NOW)


def test_the_pdf_has_the_charts_page_and_a_page_of_details(seeded, tmp_path):
    for language in ("en", "ar"):
        path = write_pdf(_insights(seeded), tmp_path / f"report-{language}.pdf", language)
        data = path.read_bytes()
        assert data.startswith(b"%PDF")
        assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 2
    assert b"Cairo" in (tmp_path / "report-ar.pdf").read_bytes()  # its Arabic font is embedded


def test_the_weekly_report_goes_to_the_bell_and_each_channel_once_a_week(seeded, mailbox):
    connections = Connections(seeded)
    account = _mail_account(connections, mailbox.port)
    notifier = Notifier(seeded, connections=connections)
    email = Channel(kind=ChannelKind.EMAIL, connection_id=account, to="owner@shop.example.com")
    notifier.set_rule(None, Rule(channels=[Channel(kind=ChannelKind.IN_APP), email], language="ar"))
    timer = WeeklyReport(seeded, notifier, lambda: connections)
    monday = datetime(2026, 12, 7, 7, 0, tzinfo=UTC)  # 9:00 in Cairo

    assert timer.check(monday - timedelta(days=1), week.OFFSET) is None  # Sunday
    sending = timer.check(monday, week.OFFSET)
    assert sending is not None
    sending.join(timeout=60)

    (row,) = notifier.list()
    assert row.kind == "report" and row.title == "وفّرت ٣ ساعات هذا الأسبوع باستخدام Flowin"
    # Monday 30 November to Sunday 6 December: the seeded week without its first day.
    assert row.data["runs"] == 68 - (3 + 2 + 1)
    assert len(mailbox.envelopes) == 1
    message = mailbox.message()
    assert message["To"] == "owner@shop.example.com"
    assert 'dir="rtl"' in message.get_body(("html",)).get_content()
    assert timer.check(monday + timedelta(hours=2), week.OFFSET) is None
    assert timer.check(monday + timedelta(days=3), week.OFFSET) is None
    assert ReportSchedule.read(seeded).last_sent == "2026-12-07"


def test_a_weekly_report_switched_off_is_not_sent(seeded):
    ReportSchedule(enabled=False).save(seeded)
    timer = WeeklyReport(seeded, Notifier(seeded))
    assert timer.check(datetime(2026, 12, 7, 9, 0, tzinfo=UTC), week.OFFSET) is None
