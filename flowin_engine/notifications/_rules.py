"""Who hears of what: a global rule, and a flow's own rule that replaces it for that flow."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from enum import StrEnum
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator


class ChannelKind(StrEnum):
    IN_APP = "in_app"  # a row in the app's bell (and its tray pop-up)
    EMAIL = "email"  # the e-mail connector's SMTP account, or the cloud account's mailer
    TELEGRAM = "telegram"
    SMS = "sms"  # Twilio
    WHATSAPP = "whatsapp"  # an approved template message


# The connector each channel sends with, and the operation.
CHANNEL_OPERATIONS: dict[ChannelKind, str] = {
    ChannelKind.EMAIL: "email.send_email",
    ChannelKind.TELEGRAM: "telegram.send_message",
    ChannelKind.SMS: "twilio.send_sms",
    ChannelKind.WHATSAPP: "whatsapp.send_template",
}


class Channel(BaseModel):
    """Where notifications go. ``connection_id`` is the user's connected account of the
    channel's connector (for e-mail, none means the cloud account's mailer, to the account's
    own address); ``to`` the address, chat or phone number; ``sender`` the Twilio number (or
    Messaging Service) an SMS comes from. A WhatsApp channel sends the approved ``template``
    (its one body value is the message) in ``template_language``."""

    model_config = ConfigDict(extra="forbid")

    kind: ChannelKind
    connection_id: str | None = None
    to: str = ""
    sender: str = ""
    template: str = ""
    template_language: str = ""

    @property
    def key(self) -> str:
        """Names the channel in held messages and its broken-channel notice."""
        return f"{self.kind.value}:{self.connection_id or ''}:{self.to}"


class Events(BaseModel):
    model_config = ConfigDict(extra="forbid")

    failure: bool = True
    recovery: bool = False  # the first success after failures
    daily_summary: bool = False  # "«X» ran 12 times today, all fine"
    silence_hours: int | None = Field(None, ge=1)  # "no run in N hours" for an active flow


class QuietHours(BaseModel):
    """From ``start`` to ``end`` (local times in ``timezone``; over midnight when end < start)
    messages that are not urgent wait, and go out as one digest when they end."""

    model_config = ConfigDict(extra="forbid")

    start: time = time(22, 0)
    end: time = time(7, 0)
    timezone: str = "UTC"

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"'{value}' is not a time zone Flowin knows") from None
        return value

    def holds(self, moment: datetime) -> bool:
        local = moment.astimezone(ZoneInfo(self.timezone)).time()
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end

    def end_after(self, moment: datetime) -> datetime:
        """When the quiet hours that hold at ``moment`` end (UTC)."""
        zone = ZoneInfo(self.timezone)
        local = moment.astimezone(zone)
        end = datetime.combine(local.date(), self.end, tzinfo=zone)
        if end <= local:
            end = datetime.combine(local.date() + timedelta(days=1), self.end, tzinfo=zone)
        return end.astimezone(UTC)


class Rule(BaseModel):
    """What to notify of, where, in which language, and when to keep quiet."""

    model_config = ConfigDict(extra="forbid")

    events: Events = Field(default_factory=Events)
    channels: list[Channel] = Field(default_factory=lambda: [Channel(kind=ChannelKind.IN_APP)])
    language: Literal["en", "ar"] = "en"
    quiet_hours: QuietHours | None = None
    failures_urgent: bool = True  # failures go out even in quiet hours
    # The same failure (flow, step, reason) again within this many minutes counts in one row.
    bundle_minutes: int = Field(60, ge=1)
    summary_at: time = time(20, 0)  # when the daily summary goes out, local time
    # Of summary_at, "today" and the times messages name; unset: the quiet hours' zone, or UTC.
    timezone: str | None = None

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        return None if value is None else QuietHours._known_zone(value)

    @property
    def zone(self) -> str:
        if self.timezone:
            return self.timezone
        return self.quiet_hours.timezone if self.quiet_hours is not None else "UTC"

    @property
    def in_app(self) -> bool:
        return any(c.kind == ChannelKind.IN_APP for c in self.channels)

    @property
    def outside(self) -> list[Channel]:
        """The channels that send a message out of the app."""
        return [c for c in self.channels if c.kind != ChannelKind.IN_APP]
