"""Schedule triggers on APScheduler: when they fire, what they will do next, and what they missed."""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from ..errors import FlowinError

if TYPE_CHECKING:
    from apscheduler.triggers.base import BaseTrigger
    from apscheduler.triggers.cron import CronTrigger


def schedule_trigger(params: dict[str, Any], flow_timezone: str = "UTC") -> BaseTrigger:
    """The APScheduler trigger for a schedule node's params (cron or interval)."""
    # APScheduler loads with the first schedule: an app with none on keeps its memory.
    from apscheduler.triggers.interval import IntervalTrigger

    zone = ZoneInfo(params.get("timezone") or flow_timezone or "UTC")
    if params.get("mode", "interval") == "cron":
        expression = str(params.get("cron") or "").strip()
        try:
            return _from_crontab(expression, zone)
        except ValueError as error:
            raise FlowinError(
                f"'{expression}' is not a cron expression Flowin understands ({error}); "
                "it needs five parts: minute hour day month weekday."
            ) from None
    unit = params.get("unit", "minutes")
    every = int(params.get("every", 15))
    if every < 1:
        raise FlowinError("A schedule must repeat at least every 1 unit.")
    return IntervalTrigger(**{unit: every}, timezone=zone)


_WEEKDAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _from_crontab(expression: str, zone: ZoneInfo) -> CronTrigger:
    """Standard crontab: weekday 0 and 7 are Sunday. (APScheduler 3 counts 0 as Monday, so
    the weekday field is given to it by name.)"""
    from apscheduler.triggers.cron import CronTrigger

    fields = expression.split()
    if len(fields) != 5:
        raise ValueError(f"it has {len(fields)} parts")
    minute, hour, day, month, weekday = fields
    weekday = re.sub(r"\d+", lambda m: _weekday_name(m.group()), weekday)
    return CronTrigger(
        minute=minute, hour=hour, day=day, month=month, day_of_week=weekday, timezone=zone
    )


def _weekday_name(number: str) -> str:
    index = int(number)
    if index > 7:
        raise ValueError(f"weekday {index} doesn't exist")
    return _WEEKDAYS[index]


def next_runs(
    params: dict[str, Any], flow_timezone: str = "UTC", count: int = 5, now: datetime | None = None
) -> list[datetime]:
    """The next ``count`` times the schedule fires, for the properties panel's preview."""
    from apscheduler.triggers.interval import IntervalTrigger

    trigger = schedule_trigger(params, flow_timezone)
    zone = ZoneInfo(params.get("timezone") or flow_timezone or "UTC")
    moment = (now or datetime.now(zone)).astimezone(zone)
    if isinstance(trigger, IntervalTrigger):
        # An interval counts from when the flow is switched on: the first run is one interval on.
        trigger.start_date = moment + trigger.interval
    times: list[datetime] = []
    previous = None
    while len(times) < count:
        upcoming = trigger.get_next_fire_time(previous, moment)
        if upcoming is None:
            break
        times.append(upcoming)
        previous = upcoming
        moment = upcoming
    return times


def describe(times: list[datetime]) -> list[str]:
    """Times as people read them: 'Mon 30 Nov 2026, 09:00 (Asia/Dubai)'."""
    return [f"{t:%a %d %b %Y, %H:%M} ({t.tzinfo})" for t in times]


def missed_since(params: dict[str, Any], flow_timezone: str, last: datetime, now: datetime) -> bool:
    """Whether the schedule should have fired between ``last`` and ``now`` (the app was off)."""
    from apscheduler.triggers.interval import IntervalTrigger

    trigger = schedule_trigger(params, flow_timezone)
    if isinstance(trigger, IntervalTrigger):
        trigger.start_date = last
    upcoming = trigger.get_next_fire_time(last, last)
    if upcoming is not None and upcoming <= last:
        upcoming = trigger.get_next_fire_time(upcoming, last)
    return upcoming is not None and upcoming < now
