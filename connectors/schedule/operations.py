"""The schedule trigger: when it fires is the runtime's job (APScheduler); this describes it."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, Field, field_validator

from flowin_engine.kit import StepContext


class EveryInput(BaseModel):
    mode: Literal["interval", "cron"] = Field("interval", title="Repeat")
    every: int = Field(15, ge=1, title="Every", description="How many units between runs.")
    unit: Literal["seconds", "minutes", "hours", "days"] = Field("minutes", title="Unit")
    cron: str = Field(
        "0 9 * * 1-5",
        title="Cron expression",
        description="minute hour day month weekday — '0 9 * * 1' is every Monday at 9:00.",
    )
    timezone: str = Field(
        "", title="Time zone", description="e.g. Asia/Dubai; empty uses the flow's time zone."
    )
    missed: Literal["run_once", "skip"] = Field(
        "run_once",
        title="Missed runs",
        description="When the computer was off at run time: run once when it is back, or skip.",
    )

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        if value:
            try:
                ZoneInfo(value)
            except (ZoneInfoNotFoundError, ValueError):
                raise ValueError(f"'{value}' is not a time zone Flowin knows") from None
        return value


def every(params: EveryInput, ctx: StepContext) -> Any:
    if isinstance(ctx.trigger_data, dict):
        return ctx.trigger_data
    now = datetime.now().astimezone()
    return {"scheduled_at": now.isoformat(), "fired_at": now.isoformat()}
