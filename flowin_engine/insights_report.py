"""The weekly report: the insights as an HTML e-mail (its charts inline as PNG) and as a PDF, in
English or Arabic (right to left), and sending it.

It is made without Qt, because ``flowin serve`` sends it too: its words live here, in both
languages, with Arabic's plural forms. The PDF is drawn by matplotlib's PdfPages for the same
reason (Qt's QPdfWriter would need Qt in the engine), which also keeps its charts as vectors.

Sending is one call, ``send_report``, over an e-mail connection (SMTP, the E-mail connector's
account); ``WeeklyReport`` is the runtime's timer that calls it once a week.
"""

from __future__ import annotations

import html
import logging
import smtplib
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import insight_charts as charts
from .errors import FlowinError
from .insights import AccountHealth, Insights, gather, local_utc_offset
from .kit.mail import addresses, bare, build_message, sender_address

if TYPE_CHECKING:
    from .credentials import Connections
    from .notifications import Notification, Notifier
    from .store import Store

log = logging.getLogger(__name__)

REPORT_SETTING = "weekly_report"
LANGUAGES = ("en", "ar")
RUN_LINK = "flowin://run/{execution_id}"

_AR_DIGITS = str.maketrans("0123456789.,", "٠١٢٣٤٥٦٧٨٩٫٬")
_WEEKDAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "ar": ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"),
}
_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "ar": (
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ),
}

# Each sentence in both languages; {n} is a number already written in the report's digits.
_WORDS: dict[str, dict[str, str]] = {
    "title": {"en": "Your week with Flowin", "ar": "أسبوعك مع Flowin"},
    "title_30": {"en": "Your month with Flowin", "ar": "شهرك مع Flowin"},
    "runs": {"en": "Runs", "ar": "التشغيلات"},
    "success": {"en": "Success ratio", "ar": "نسبة النجاح"},
    "duration": {"en": "Average duration", "ar": "متوسط المدة"},
    "saved": {"en": "Time saved", "ar": "الوقت الموفَّر"},
    "runs_per_day": {"en": "Runs per day", "ar": "التشغيلات في كل يوم"},
    "failing_steps": {"en": "Steps that fail most", "ar": "الخطوات الأكثر فشلًا"},
    "succeeded": {"en": "Succeeded", "ar": "نجحت"},
    "failed": {"en": "Failed", "ar": "فشلت"},
    "other_flows": {"en": "Other flows", "ar": "تدفقات أخرى"},
    "no_runs": {
        "en": "No runs yet in this period. When your flows run, you will see here what they did.",
        "ar": "لا تشغيلات بعد في هذه الفترة. عندما تعمل تدفقاتك سترى هنا ما أنجزته.",
    },
    "no_failures": {"en": "No step failed in this period.", "ar": "لم تفشل أي خطوة في هذه الفترة."},
    "not_set": {
        "en": "Time saved is not set for: {flows}. Open the flow, and set “Minutes saved per run” "
        "in its settings.",
        "ar": "الوقت الموفَّر غير محدد للتدفقات: {flows}. افتح التدفق وحدّد «الدقائق الموفَّرة في كل "
        "تشغيل» في إعداداته.",
    },
    "open_run": {"en": "Open in Flowin", "ar": "افتحه في Flowin"},
    "accounts": {"en": "Connected accounts", "ar": "الحسابات المتصلة"},
    "account": {"en": "Account", "ar": "الحساب"},
    "last_success": {"en": "Last worked", "ar": "آخر نجاح"},
    "last_failure": {"en": "Last failed", "ar": "آخر فشل"},
    "token": {"en": "Sign-in expires", "ar": "ينتهي تسجيل الدخول"},
    "renews": {"en": "renews itself", "ar": "يتجدد تلقائيًا"},
    "never": {"en": "—", "ar": "—"},
    "of": {"en": "{part} of {whole}", "ar": "{part} من {whole}"},
    "not_used": {"en": "not used in this period", "ar": "لم يُستخدم في هذه الفترة"},
    "seconds": {"en": "{n} s", "ar": "{n} ث"},
    "minutes_short": {"en": "{n} min", "ar": "{n} د"},
    "hours_short": {"en": "{n} h", "ar": "{n} س"},
    "footer": {
        "en": "Flowin writes this report every week from the runs on your computer.",
        "ar": "يكتب Flowin هذا التقرير كل أسبوع من تشغيلات تدفقاتك على حاسوبك.",
    },
    "subject": {"en": "Flowin: {headline}", "ar": "Flowin: {headline}"},
    "html_note": {
        "en": "This report is in HTML; open it in a mail app that shows HTML.",
        "ar": "هذا التقرير بصيغة HTML؛ افتحه في تطبيق بريد يعرضها.",
    },
}

# Arabic counts have six forms (zero, one, two, few: 3-10, many: 11-99, other: 100+).
_PLURALS: dict[str, dict[str, tuple[str, ...]]] = {
    "saved_hours": {
        "en": ("You saved {n} hour {when} using Flowin", "You saved {n} hours {when} using Flowin"),
        "ar": (
            "لم يوفّر Flowin لك وقتًا {when}",
            "وفّرت ساعة واحدة {when} باستخدام Flowin",
            "وفّرت ساعتين {when} باستخدام Flowin",
            "وفّرت {n} ساعات {when} باستخدام Flowin",
            "وفّرت {n} ساعة {when} باستخدام Flowin",
            "وفّرت {n} ساعة {when} باستخدام Flowin",
        ),
    },
    "saved_minutes": {
        "en": (
            "You saved {n} minute {when} using Flowin",
            "You saved {n} minutes {when} using Flowin",
        ),
        "ar": (
            "لم يوفّر Flowin لك وقتًا {when}",
            "وفّرت دقيقة واحدة {when} باستخدام Flowin",
            "وفّرت دقيقتين {when} باستخدام Flowin",
            "وفّرت {n} دقائق {when} باستخدام Flowin",
            "وفّرت {n} دقيقة {when} باستخدام Flowin",
            "وفّرت {n} دقيقة {when} باستخدام Flowin",
        ),
    },
    "ran": {
        "en": ("Your flows ran {n} time {when}", "Your flows ran {n} times {when}"),
        "ar": (
            "لم تعمل تدفقاتك {when}",
            "عملت تدفقاتك مرة واحدة {when}",
            "عملت تدفقاتك مرتين {when}",
            "عملت تدفقاتك {n} مرات {when}",
            "عملت تدفقاتك {n} مرة {when}",
            "عملت تدفقاتك {n} مرة {when}",
        ),
    },
    "failures": {
        "en": ("{n} failure", "{n} failures"),
        "ar": ("لا فشل", "فشل واحد", "فشلان", "{n} حالات فشل", "{n} حالة فشل", "{n} حالة فشل"),
    },
    "runs_of": {
        "en": ("{n} run", "{n} runs"),
        "ar": ("لا تشغيل", "تشغيل واحد", "تشغيلان", "{n} تشغيلات", "{n} تشغيلًا", "{n} تشغيل"),
    },
}
_WHEN = {
    7: {"en": "this week", "ar": "هذا الأسبوع"},
    30: {"en": "in the last 30 days", "ar": "في آخر ٣٠ يومًا"},
}


def plural_form(language: str, count: int) -> int:
    """The index of ``count``'s plural form in ``language`` (Qt's order for Arabic)."""
    if language != "ar":
        return 0 if count == 1 else 1
    if count == 0:
        return 0
    if count == 1:
        return 1
    if count == 2:
        return 2
    if 3 <= count % 100 <= 10:
        return 3
    if 11 <= count % 100 <= 99:
        return 4
    return 5


@dataclass(frozen=True)
class ReportWords:
    """The report's words in one language and digits."""

    language: str
    arabic_digits: bool

    @classmethod
    def of(cls, language: str, digits: str = "") -> ReportWords:
        language = language if language in LANGUAGES else "en"
        arabic = digits == "arabic" or (not digits and language == "ar")
        return cls(language, arabic)

    @property
    def right_to_left(self) -> bool:
        return self.language == "ar"

    def __call__(self, key: str, **values: str) -> str:
        return _WORDS[key][self.language].format(**values)

    def number(self, value: float, decimals: int = 0) -> str:
        text = f"{value:,.{decimals}f}"
        return text.translate(_AR_DIGITS) if self.arabic_digits else text

    def count(self, key: str, count: int, **values: str) -> str:
        forms = _PLURALS[key][self.language]
        return forms[plural_form(self.language, count)].format(n=self.number(count), **values)

    def percent(self, ratio: float) -> str:
        shown = self.number(ratio * 100, 0 if ratio in (0, 1) else 1)
        return f"{shown}٪" if self.arabic_digits else f"{shown}%"

    def day(self, day: date) -> str:
        return f"{_WEEKDAYS[self.language][day.weekday()]} {self.number(day.day)}"

    def date(self, moment: date) -> str:
        return f"{self.number(moment.day)} {_MONTHS[self.language][moment.month - 1]}"

    def moment(self, moment: datetime | None, offset: timedelta) -> str:
        if moment is None:
            return self("never")
        local = moment + offset
        return f"{self.date(local.date())} {self.number(local.hour)}:{local.minute:02d}".translate(
            _AR_DIGITS if self.arabic_digits else {}
        )

    def duration(self, seconds: float | None) -> str:
        if seconds is None:
            return self("never")
        if seconds < 60:
            return self("seconds", n=self.number(seconds, 1))
        return self("minutes_short", n=self.number(seconds / 60, 1))

    def time_saved(self, minutes: int) -> str:
        if minutes < 60:
            return self("minutes_short", n=self.number(minutes))
        return self("hours_short", n=self.number(minutes / 60, 1))

    def headline(self, insights: Insights) -> str:
        """ "You saved 14 hours this week using Flowin", in whole hours once past the first."""
        when = _WHEN.get(len(insights.days), _WHEN[7])[self.language]
        minutes = insights.minutes_saved
        if minutes == 0:  # nothing to boast of yet: what the flows did
            return self.count("ran", insights.runs, when=when)
        if minutes < 60:
            return self.count("saved_minutes", minutes, when=when)
        return self.count("saved_hours", round(minutes / 60), when=when)

    def chart_words(self) -> charts.ChartWords:
        return charts.ChartWords(
            right_to_left=self.right_to_left,
            runs_per_day=self("runs_per_day"),
            success=self("success"),
            failing_steps=self("failing_steps"),
            succeeded=self("succeeded"),
            failed=self("failed"),
            other_flows=self("other_flows"),
            no_runs=self("no_runs"),
            no_failures=self("no_failures"),
            day=self.day,
            number=lambda value: self.number(value),
            percent=self.percent,
            failures_of=lambda n: self.count("failures", n),
            of=lambda part, whole: self("of", part=self.number(part), whole=self.number(whole)),
        )


@dataclass(frozen=True)
class Report:
    subject: str
    html: str  # images as cid: references
    text: str
    images: dict[str, bytes]  # content id → PNG


def make_report(
    insights: Insights,
    language: str = "en",
    *,
    digits: str = "",
    utc_offset: timedelta | None = None,
    style: charts.ChartStyle | None = None,
) -> Report:
    """The report's e-mail body: a headline, four figures, three charts, the failing steps with
    a link to each run, the flows whose time saved is not set, and the connected accounts."""
    words = ReportWords.of(language, digits)
    offset = utc_offset if utc_offset is not None else timedelta(0)
    style = style or charts.report_style(words.language, dpi=110)
    chart_words = words.chart_words()
    images: dict[str, bytes] = {}
    if not insights.empty:
        images = {
            "runs": charts.png(charts.runs_per_day(insights, chart_words, style, 6.4, 3.0)),
            "success": charts.png(charts.success_ratio(insights, chart_words, style, 2.9, 3.0)),
            "failing": charts.png(charts.failing_steps(insights, chart_words, style, 6.4, 2.4)),
        }
    headline = words.headline(insights)
    e = html.escape
    direction = "rtl" if words.right_to_left else "ltr"
    align = "right" if words.right_to_left else "left"
    font = "Tahoma, 'Segoe UI', Arial, sans-serif" if words.right_to_left else "'Segoe UI', Arial"
    colours = charts.LIGHT
    period = f"{words.date(insights.days[0])} – {words.date(insights.days[-1])}"
    title = words("title" if len(insights.days) <= 7 else "title_30")
    parts = [
        f'<!DOCTYPE html><html lang="{words.language}" dir="{direction}"><head>'
        f'<meta charset="utf-8"><title>{e(title)}</title></head>'
        f'<body dir="{direction}" style="margin:0;padding:24px;background:#f4f6fa;'
        f'font-family:{font};color:{colours.text};text-align:{align}">'
        f'<div style="max-width:680px;margin:0 auto;background:#fff;border-radius:12px;'
        f'padding:24px;border:1px solid #d7dce6">'
        f'<p style="margin:0;color:{colours.muted};font-size:13px">{e(title)} · {e(period)}</p>'
        f'<h1 style="margin:6px 0 18px;font-size:24px">{e(headline)}</h1>'
    ]
    lines = [title, period, "", headline, ""]
    if insights.empty:
        parts.append(f'<p style="font-size:15px">{e(words("no_runs"))}</p>')
        lines.append(words("no_runs"))
    else:
        ratio = insights.success_ratio
        cards = [
            (words("runs"), words.number(insights.runs)),
            (words("success"), words.percent(ratio) if ratio is not None else words("never")),
            (words("duration"), words.duration(insights.average_duration_seconds)),
            (words("saved"), words.time_saved(insights.minutes_saved)),
        ]
        parts.append('<table role="presentation" width="100%" cellspacing="8"><tr>')
        for label, value in cards:
            parts.append(
                f'<td style="background:#eef1f7;border-radius:10px;padding:12px;'
                f'text-align:{align};width:25%"><div style="font-size:12px;color:{colours.muted}">'
                f'{e(label)}</div><div style="font-size:22px;font-weight:600">{e(value)}</div></td>'
            )
            lines.append(f"{label}: {value}")
        parts.append("</tr></table>")
        parts.append(
            '<table role="presentation" width="100%"><tr>'
            '<td><img src="cid:runs" alt="" style="width:100%;max-width:440px"></td>'
            '<td><img src="cid:success" alt="" style="width:100%;max-width:200px"></td>'
            "</tr></table>"
            '<img src="cid:failing" alt="" style="width:100%;max-width:640px">'
        )
        missing = insights.flows_without_estimate
        if missing:
            names = (
                "، ".join(f.name for f in missing)
                if words.right_to_left
                else ", ".join(f.name for f in missing)
            )
            sentence = words("not_set", flows=names)
            parts.append(
                f'<p style="background:#fff7e6;border-radius:8px;padding:10px;font-size:14px">'
                f"{e(sentence)}</p>"
            )
            lines += ["", sentence]
        if insights.failing_steps:
            parts.append(
                f'<h2 style="font-size:17px;margin:20px 0 6px">{e(words("failing_steps"))}</h2><ul style="padding-{align}:18px">'
            )
            lines += ["", words("failing_steps")]
            for step in insights.failing_steps:
                link = RUN_LINK.format(execution_id=step.latest_execution_id)
                where = f"{step.flow_name} › {step.step}" if step.step else step.flow_name
                parts.append(
                    f'<li style="margin-bottom:8px"><b>{e(where)}</b> — '
                    f"{e(words.count('failures', step.count))}<br>"
                    f'<span style="color:{colours.muted}">{e(step.reason)}</span><br>'
                    f'<a href="{e(link)}">{e(words("open_run"))}</a></li>'
                )
                lines.append(
                    f"- {where}: {words.count('failures', step.count)}. {step.reason} ({link})"
                )
            parts.append("</ul>")
    if insights.accounts:
        parts.append(_accounts_table(insights.accounts, words, offset, align))
        lines += ["", words("accounts")]
        lines += [
            f"- {a.label}: {words('last_success')} "
            f"{words.moment(a.last_success, offset)}, {words('last_failure')} "
            f"{words.moment(a.last_failure, offset)}"
            + (f" ({a.failure_reason})" if a.failure_reason else "")
            for a in insights.accounts
        ]
    parts.append(
        f'<p style="margin-top:24px;font-size:12px;color:{colours.muted}">{e(words("footer"))}</p>'
        "</div></body></html>"
    )
    lines += ["", words("footer")]
    return Report(
        subject=words("subject", headline=headline),
        html="".join(parts),
        text="\n".join(lines),
        images=images,
    )


def _accounts_table(
    accounts: list[AccountHealth], words: ReportWords, offset: timedelta, align: str
) -> str:
    e = html.escape
    muted = charts.LIGHT.muted
    header = "".join(
        f'<th style="text-align:{align};font-size:12px;color:{muted};padding:4px">{e(words(k))}</th>'
        for k in ("account", "last_success", "last_failure", "token")
    )
    rows = []
    for account in accounts:
        if account.token_renews:
            token = words("renews")
        else:
            token = words.moment(account.token_expires_at, offset)
        failure = words.moment(account.last_failure, offset)
        if account.failure_reason:
            failure += (
                f'<br><span style="color:{muted};font-size:12px">{e(account.failure_reason)}</span>'
            )
        success = (
            words.moment(account.last_success, offset)
            if account.last_success or account.last_failure
            else words("not_used")
        )
        colour = {"failing": charts.LIGHT.failure, "expiring": "#8a5c00"}.get(
            account.state, "inherit"
        )
        rows.append(
            f'<tr><td style="padding:4px;color:{colour}"><b>{e(account.label)}</b></td>'
            f'<td style="padding:4px">{e(success)}</td><td style="padding:4px">{failure}</td>'
            f'<td style="padding:4px">{e(token)}</td></tr>'
        )
    return (
        f'<h2 style="font-size:17px;margin:20px 0 6px">{e(words("accounts"))}</h2>'
        f'<table width="100%" style="border-collapse:collapse;font-size:14px"><tr>{header}</tr>'
        + "".join(rows)
        + "</table>"
    )


def report_email(report: Report, sender: str, to: str, language: str = "en") -> EmailMessage:
    """The report as an e-mail: a text part, and the HTML with its charts as related parts (so
    mail apps show them inside the message, not as attachments)."""
    recipients = addresses(to)
    message = build_message(
        sender=sender,
        to=recipients,
        subject=report.subject,
        text=report.text or ReportWords.of(language)("html_note"),
        html=report.html,
    )
    body = message.get_body(("html",))
    assert body is not None  # build_message added it
    for content_id, data in report.images.items():
        body.add_related(data, maintype="image", subtype="png", cid=f"<{content_id}>")
    # build_message's Message-ID names the sender's domain; keep it.
    message.replace_header("Message-ID", message["Message-ID"] or make_msgid())
    return message


# PDF.


def write_pdf(
    insights: Insights,
    path: Path,
    language: str = "en",
    *,
    digits: str = "",
    utc_offset: timedelta | None = None,
    style: charts.ChartStyle | None = None,
) -> Path:
    """The report as a one-page A4 PDF (two when there are failing steps or accounts to list)."""
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    words = ReportWords.of(language, digits)
    offset = utc_offset if utc_offset is not None else timedelta(0)
    style = style or charts.report_style(words.language)
    colours = style.colours
    chart_words = words.chart_words()
    rtl = words.right_to_left
    x, ha = (0.95, "right") if rtl else (0.05, "left")
    charts.register_fonts(style.font_files)

    def page() -> Figure:
        figure = Figure(figsize=(8.27, 11.69), facecolor=colours.background)
        return figure

    def fonts(figure: Figure) -> None:
        from matplotlib.text import Text

        for text in figure.findobj(Text):
            text.set_fontfamily(list(style.fonts))

    title = words("title" if len(insights.days) <= 7 else "title_30")
    period = f"{words.date(insights.days[0])} – {words.date(insights.days[-1])}"
    path = Path(path)
    with PdfPages(path, metadata={"Title": title, "Creator": "Flowin"}) as pdf:
        first = page()
        first.set_layout_engine("constrained", w_pad=0.3, h_pad=0.15)
        rows = first.add_gridspec(3, 5, height_ratios=[1.05, 2.2, 2.1])
        # A chart's part of the page reaches the paper's edge: its title keeps off it.
        style = replace(style, title_inset=0.06)
        chart_words = words.chart_words()
        header = first.add_subfigure(rows[0, :])
        header.set_facecolor(colours.background)
        header.text(
            x, 0.9, f"{title} · {period}", ha=ha, va="top", fontsize=11, color=colours.muted
        )
        header.text(
            x,
            0.72,
            words.headline(insights),
            ha=ha,
            va="top",
            fontsize=18,
            fontweight="bold",
            color=colours.text,
        )
        if insights.empty:
            header.text(x, 0.3, words("no_runs"), ha=ha, fontsize=12, color=colours.muted)
        else:
            ratio = insights.success_ratio
            cards = [
                (words("runs"), words.number(insights.runs)),
                (words("success"), words.percent(ratio) if ratio is not None else "—"),
                (words("duration"), words.duration(insights.average_duration_seconds)),
                (words("saved"), words.time_saved(insights.minutes_saved)),
            ]
            if rtl:
                cards.reverse()
            for n, (label, value) in enumerate(cards):
                left = 0.05 + n * 0.23
                header.patches.append(
                    _card(left, 0.04, 0.21, 0.38, colours.grid, header.transSubfigure)
                )
                cx, cha = (left + 0.2, "right") if rtl else (left + 0.012, "left")
                header.text(cx, 0.3, label, ha=cha, fontsize=9, color=colours.muted)
                header.text(
                    cx,
                    0.1,
                    value,
                    ha=cha,
                    fontsize=17,
                    fontweight="bold",
                    color=colours.text,
                )
            charts.runs_per_day(insights, chart_words, style, into=first.add_subfigure(rows[1, :]))
            ring, bars = (rows[2, 3:], rows[2, :3]) if rtl else (rows[2, :2], rows[2, 2:])
            charts.success_ratio(insights, chart_words, style, into=first.add_subfigure(ring))
            charts.failing_steps(insights, chart_words, style, into=first.add_subfigure(bars))
        fonts(first)
        pdf.savefig(first, facecolor=colours.background)
        details = _details(insights, words, offset)
        if details:
            second = page()
            y = 0.95
            for line, size, colour in details:
                second.text(
                    x,
                    y,
                    line,
                    ha=ha,
                    fontsize=size,
                    color=colours.text if colour is None else colour,
                )
                y -= 0.03 if size > 11 else 0.024
                if y < 0.05:
                    break
            fonts(second)
            pdf.savefig(second, facecolor=colours.background)
    return path


def _card(
    left: float, bottom: float, width: float, height: float, colour: str, transform: Any
) -> Any:
    from matplotlib.patches import FancyBboxPatch

    return FancyBboxPatch(
        (left, bottom),
        width,
        height,
        boxstyle="round,pad=0,rounding_size=0.01",
        transform=transform,
        facecolor=colour,
        edgecolor="none",
        zorder=0,
    )


def _details(
    insights: Insights, words: ReportWords, offset: timedelta
) -> list[tuple[str, int, str | None]]:
    lines: list[tuple[str, int, str | None]] = []
    muted = charts.LIGHT.muted
    if insights.flows_without_estimate:
        names = ", ".join(f.name for f in insights.flows_without_estimate)
        lines += [(words("not_set", flows=names), 10, None), ("", 10, None)]
    if insights.failing_steps:
        lines.append((words("failing_steps"), 14, None))
        for step in insights.failing_steps:
            where = f"{step.flow_name} › {step.step}" if step.step else step.flow_name
            lines.append((f"{where} — {words.count('failures', step.count)}", 11, None))
            lines.append((step.reason[:110], 9, muted))
        lines.append(("", 10, None))
    if insights.accounts:
        lines.append((words("accounts"), 14, None))
        for account in insights.accounts:
            token = (
                words("renews")
                if account.token_renews
                else words.moment(account.token_expires_at, offset)
            )
            lines.append((account.label, 11, None))
            lines.append(
                (
                    f"{words('last_success')}: {words.moment(account.last_success, offset)} · "
                    f"{words('last_failure')}: {words.moment(account.last_failure, offset)} · "
                    f"{words('token')}: {token}",
                    9,
                    muted,
                )
            )
            if account.failure_reason:
                lines.append((account.failure_reason[:110], 9, muted))
    return lines


# Sending.


class ReportNotSent(FlowinError):
    """The weekly report could not be sent: the sentence says what to check."""


def send_report(
    store: Store,
    connections: Connections,
    *,
    connection_id: str,
    to: str,
    language: str = "en",
    days: int = 7,
    now: datetime | None = None,
    utc_offset: timedelta | None = None,
    timeout: float = 30.0,
) -> EmailMessage:
    """Gather the last ``days`` days, write the report and e-mail it through the E-mail
    connection ``connection_id`` (its SMTP server). Returns the message sent."""
    insights = gather(store, days, now=now, utc_offset=utc_offset, secret_of=_secrets(connections))
    digits = str(store.get_setting("digits", "") or "")
    report = make_report(insights, language, digits=digits, utc_offset=utc_offset)
    return send_report_email(report, connections, connection_id, to, language, timeout)


def send_report_email(
    report: Report,
    connections: Connections,
    connection_id: str,
    to: str,
    language: str = "en",
    timeout: float = 30.0,
) -> EmailMessage:
    """E-mail a report made already through the E-mail connection ``connection_id``."""
    connection = connections.get(connection_id)
    if connection.connector != "email":
        raise ReportNotSent(
            f"The weekly report is sent by e-mail, and '{connection.label}' is not an e-mail "
            "account; choose an E-mail account for it."
        )
    account = connections.secret(connection_id)
    sender = str(account.get("from_address") or account.get("username") or "").strip()
    if "@" not in sender:
        raise ReportNotSent(
            f"The e-mail account '{connection.label}' has no From address; add one in Accounts."
        )
    message = report_email(
        report, sender_address(sender, str(account.get("from_name") or "")), to, language
    )
    _deliver(message, account, sender, bare(addresses(to)), timeout)
    log.info("Sent the insights report to %s", to)
    return message


def _secrets(connections: Connections) -> Callable[[str], dict[str, Any] | None]:
    def secret_of(connection_id: str) -> dict[str, Any] | None:
        return connections.secret(connection_id)

    return secret_of


def _deliver(
    message: EmailMessage,
    account: dict[str, Any],
    sender: str,
    recipients: list[str],
    timeout: float,
) -> None:
    host = str(account.get("host") or "").strip()
    port = int(account.get("port") or 465)
    security = account.get("security") or "ssl"
    if not host:
        raise ReportNotSent("The e-mail account has no SMTP server; add one in Accounts.")
    context = ssl.create_default_context()
    try:
        if security == "ssl":
            server: smtplib.SMTP = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
        else:
            server = smtplib.SMTP(host, port, timeout=timeout)
        with server:
            server.ehlo()
            if security == "starttls":
                server.starttls(context=context)
                server.ehlo()
            if account.get("username"):
                server.login(str(account["username"]), str(account.get("password") or ""))
            server.send_message(message, from_addr=sender, to_addrs=recipients)
    except smtplib.SMTPAuthenticationError:
        raise ReportNotSent(
            f"{host} didn't accept the e-mail account's username or password; check them in "
            "Accounts (many providers need an app password)."
        ) from None
    except (smtplib.SMTPException, ssl.SSLError, OSError) as error:
        raise ReportNotSent(
            f"The weekly report could not be sent through {host}:{port} "
            f"({type(error).__name__}); check the e-mail account in Accounts."
        ) from None


# The weekly timer.


def deliver_weekly(
    store: Store,
    notifier: Notifier,
    connections: Connections | None,
    *,
    now: datetime | None = None,
    utc_offset: timedelta | None = None,
) -> Notification:
    """The last seven full days as a row of the bell, and as a message on each channel of the
    global notification rule, in its language: the whole report (HTML, charts inline) to an
    e-mail account, its headline and figures to Telegram, SMS or WhatsApp. A channel that fails
    is logged; the others still get it."""
    from .notifications import ChannelFailed, ChannelKind, Kind

    now = now or datetime.now(UTC)
    offset = utc_offset if utc_offset is not None else local_utc_offset(now)
    local = now + offset
    # Yesterday's end, so the week is whole days (Monday to Sunday when sent on a Monday).
    week_end = datetime(local.year, local.month, local.day, tzinfo=UTC) - offset
    secret_of = _secrets(connections) if connections is not None else None
    insights = gather(
        store, 7, now=week_end - timedelta(seconds=1), utc_offset=offset, secret_of=secret_of
    )
    rule = notifier.rule_for(None)
    digits = str(store.get_setting("digits", "") or "")
    report = make_report(insights, rule.language, digits=digits, utc_offset=offset)
    words = ReportWords.of(rule.language, digits)
    headline = words.headline(insights)
    short = _short(words, insights, headline)
    row = notifier.add(
        Kind.REPORT,
        headline,
        short,
        data={
            "days": len(insights.days),
            "since": insights.since.isoformat(),
            "until": insights.until.isoformat(),
            "runs": insights.runs,
            "minutes_saved": insights.minutes_saved,
        },
        send=False,
    )
    for channel in rule.outside:
        try:
            if channel.kind == ChannelKind.EMAIL and channel.connection_id and connections:
                send_report_email(report, connections, channel.connection_id, channel.to)
            else:
                notifier.sender.send(channel, report.subject, short)
        except (FlowinError, ChannelFailed) as error:
            log.warning("The weekly report could not go by %s: %s", channel.kind.value, error)
    return row


def _short(words: ReportWords, insights: Insights, headline: str) -> str:
    """The report in a few lines, for a chat message or an SMS."""
    if insights.empty:
        return words("no_runs")
    ratio = insights.success_ratio
    figures = [
        f"{words('runs')}: {words.number(insights.runs)}",
        f"{words('success')}: {words.percent(ratio) if ratio is not None else words('never')}",
        f"{words('saved')}: {words.time_saved(insights.minutes_saved)}",
    ]
    lines = [headline, *figures]
    if insights.failing_steps:
        top = insights.failing_steps[0]
        where = charts.step_label(top.flow_name, top.step)
        lines.append(f"{words('failing_steps')}: {where} ({words.count('failures', top.count)})")
    return "\n".join(lines)


@dataclass(frozen=True)
class ReportSchedule:
    """When the weekly report goes (the ``weekly_report`` setting; on unless switched off)."""

    enabled: bool = True
    weekday: int = 0  # Monday morning, for the week that ended (Monday to Sunday)
    hour: int = 8
    last_sent: str | None = None  # the local date it was last sent (ISO)

    @classmethod
    def read(cls, store: Store) -> ReportSchedule:
        value = store.get_setting(REPORT_SETTING)
        if not isinstance(value, dict):
            return cls()
        known = {k: value[k] for k in cls.__dataclass_fields__ if k in value}
        try:
            return cls(**known)
        except TypeError:
            return cls()

    def save(self, store: Store) -> None:
        store.set_setting(REPORT_SETTING, dict(self.__dict__))

    def due(self, now: datetime, utc_offset: timedelta) -> bool:
        if not self.enabled:
            return False
        local = now + utc_offset
        if self.last_sent and date.fromisoformat(self.last_sent) > local.date() - timedelta(days=7):
            return False
        return local.weekday() == self.weekday and local.hour >= self.hour


class WeeklyReport:
    """The runtime's weekly timer: ``check()`` (called every few seconds) sends the report
    once it is due, on a thread of its own so a slow mail server holds nothing up."""

    def __init__(
        self,
        store: Store,
        notifier: Notifier,
        connections: Callable[[], Connections | None] = lambda: None,
    ) -> None:
        self.store = store
        self.notifier = notifier
        self._connections = connections
        self._sending: threading.Thread | None = None

    def check(
        self, now: datetime | None = None, utc_offset: timedelta | None = None
    ) -> threading.Thread | None:
        """Start sending when the report is due; the thread sending it, else None."""
        if self._sending is not None and self._sending.is_alive():
            return None
        schedule = ReportSchedule.read(self.store)
        now = now or datetime.now(UTC)
        offset = utc_offset if utc_offset is not None else local_utc_offset(now)
        if not schedule.due(now, offset):
            return None
        # Noted first: a report that fails is tried again next week, not every few seconds.
        today = (now + offset).date().isoformat()
        ReportSchedule(**{**schedule.__dict__, "last_sent": today}).save(self.store)
        self._sending = threading.Thread(
            target=self._send_now,
            args=(now, offset),
            name="flowin-weekly-report",
            daemon=True,
        )
        self._sending.start()
        return self._sending

    def _send_now(self, now: datetime, offset: timedelta) -> None:
        try:
            deliver_weekly(
                self.store, self.notifier, self._connections(), now=now, utc_offset=offset
            )
        except Exception:
            log.exception("The weekly report was not sent")
