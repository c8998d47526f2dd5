"""``flowin insights``: the dashboard's figures in the terminal, the report as a PDF or web page."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .insights import PERIODS, Insights, gather, local_utc_offset

if TYPE_CHECKING:
    from .insights_report import ReportWords


@click.command()
@click.option(
    "--days",
    type=click.Choice([str(days) for days in PERIODS]),
    default=str(PERIODS[0]),
    show_default=True,
    help="The period: the last 7 or 30 days, today included.",
)
@click.option(
    "--language",
    type=click.Choice(["en", "ar"]),
    default="en",
    show_default=True,
    help="The language of the text and the report.",
)
@click.option("--pdf", "pdf", type=click.Path(path_type=Path), help="Write the report as a PDF.")
@click.option(
    "--html",
    "page",
    type=click.Path(path_type=Path),
    help="Write the report as a web page (its charts inside it).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def insights(days: str, language: str, pdf: Path | None, page: Path | None, as_json: bool) -> None:
    """What your flows did: runs, successes, failing steps, time saved, accounts."""
    from datetime import UTC, datetime

    from .cli import _open_store
    from .insights_report import ReportWords, make_report, write_pdf

    now = datetime.now(UTC)
    offset = local_utc_offset(now)
    with _open_store() as store:
        figures = gather(store, int(days), now=now, utc_offset=offset)
        digits = str(store.get_setting("digits", "") or "")
    if as_json:
        click.echo(json.dumps(_as_data(figures), ensure_ascii=False, indent=2))
    else:
        _print(figures, ReportWords.of(language, digits), offset)
    if pdf is not None:
        write_pdf(figures, pdf, language, digits=digits, utc_offset=offset)
        click.echo(f"Wrote {pdf}")
    if page is not None:
        import base64

        report = make_report(figures, language, digits=digits, utc_offset=offset)
        html = report.html
        for content_id, data in report.images.items():
            encoded = base64.b64encode(data).decode("ascii")
            html = html.replace(f"cid:{content_id}", f"data:image/png;base64,{encoded}")
        page.write_text(html, encoding="utf-8")
        click.echo(f"Wrote {page}")


def _print(figures: Insights, words: ReportWords, offset: timedelta) -> None:
    from .insight_charts import step_label

    period = f"{words.date(figures.days[0])} – {words.date(figures.days[-1])}"
    click.echo(period)
    if figures.empty:
        click.echo(words("no_runs"))
        return
    click.echo(words.headline(figures))
    ratio = figures.success_ratio
    click.echo(
        " · ".join(
            [
                f"{words('runs')}: {words.number(figures.runs)}",
                f"{words('success')}: {words.percent(ratio) if ratio is not None else '—'}",
                f"{words('duration')}: {words.duration(figures.average_duration_seconds)}",
                f"{words('saved')}: {words.time_saved(figures.minutes_saved)}",
            ]
        )
    )
    missing = figures.flows_without_estimate
    if missing:
        click.echo(words("not_set", flows=", ".join(f.name for f in missing)))
    if figures.failing_steps:
        click.echo("")
        click.echo(f"{words('failing_steps')}:")
        for step in figures.failing_steps:
            where = step_label(step.flow_name, step.step)
            click.echo(f"  {where}: {words.count('failures', step.count)}. {step.reason}")
            click.echo(f"    flowin runs show {step.latest_execution_id}")
    if figures.accounts:
        click.echo("")
        click.echo(f"{words('accounts')}:")
        for account in figures.accounts:
            click.echo(
                f"  {account.label}: {words('last_success')} "
                f"{words.moment(account.last_success, offset)}, {words('last_failure')} "
                f"{words.moment(account.last_failure, offset)}"
                + (f" ({account.failure_reason})" if account.failure_reason else "")
            )


def _as_data(figures: Insights) -> dict[str, object]:
    return {
        "since": figures.since.isoformat(),
        "until": figures.until.isoformat(),
        "days": [day.isoformat() for day in figures.days],
        "runs": figures.runs,
        "successes": figures.successes,
        "failures": figures.failures,
        "success_ratio": figures.success_ratio,
        "average_duration_seconds": figures.average_duration_seconds,
        "minutes_saved": figures.minutes_saved,
        "flows": [
            {
                "id": f.flow_id,
                "name": f.name,
                "runs": f.runs,
                "successes": f.successes,
                "failures": f.failures,
                "minutes_saved_per_run": f.minutes_saved_per_run,
                "runs_per_day": figures.runs_per_day[f.flow_id],
            }
            for f in figures.flows
        ],
        "failing_steps": [
            {
                "flow_id": s.flow_id,
                "flow": s.flow_name,
                "step": s.step,
                "problem": s.problem,
                "reason": s.reason,
                "count": s.count,
                "latest_execution_id": s.latest_execution_id,
            }
            for s in figures.failing_steps
        ],
        "accounts": [
            {
                "id": a.connection_id,
                "connector": a.connector,
                "label": a.label,
                "state": a.state,
                "last_success": a.last_success.isoformat() if a.last_success else None,
                "last_failure": a.last_failure.isoformat() if a.last_failure else None,
                "failure_reason": a.failure_reason,
            }
            for a in figures.accounts
        ],
    }
