"""Google Calendar: create events, find free time, list events, and start flows on events.

Events are ``events.insert`` and ``events.list`` (developers.google.com/calendar/api/v3/
reference/events), free time is computed from ``freebusy.query``. New events are found by
listing those changed since the last check (``updatedMin``) and keeping the ones created since
then; events starting soon by listing the coming window (``timeMin``/``timeMax``, recurring
events expanded). Times without a time zone are read in the flow's time zone.
"""

from __future__ import annotations

import re
import webbrowser
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Literal
from urllib.parse import quote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, Field

from flowin_engine.kit import (
    PollContext,
    PolledItem,
    PollResult,
    StepContext,
    StepError,
    account_field,
)
from flowin_engine.kit.google import GoogleAccount, GoogleAPI

DEFAULT_BASE_URL = "https://www.googleapis.com"
SCOPES = (
    "https://www.googleapis.com/auth/calendar.events",
    "https://www.googleapis.com/auth/calendar.freebusy",
)
API = "calendar/v3"
PAGE_SIZE = 250
MAX_PAGES = 8
# A check looks a little before the last one: Google's clock and ours differ, and an event
# saved while the last check ran may show up only now. Ids seen in that overlap are kept.
OVERLAP = timedelta(minutes=5)
# Arabic-Indic and Persian digits, and the Arabic time separator, as people type them.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫", "01234567890123456789:")
_EMAIL = re.compile(r"[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+")
_PHONE = re.compile(r"(?:\+|00)?\d[\d\s().-]{6,}\d")
_UNITS = {"minutes": 1, "hours": 60, "days": 24 * 60}


class GoogleCalendarAccount(GoogleAccount):
    base_url: str = Field(DEFAULT_BASE_URL, title="API address")


def _account() -> Any:
    return account_field(
        "google_calendar", "The connected Google account whose calendars are used."
    )


def _calendar() -> Any:
    return Field(
        "primary",
        title="Calendar",
        description="primary for the account's own calendar, or a calendar's ID (Calendar "
        "settings › Integrate calendar), e.g. clinic@example.com.",
    )


def _time_zone() -> Any:
    return Field(
        "",
        title="Time zone",
        description="e.g. Asia/Riyadh or Africa/Cairo; empty for the flow's time zone.",
    )


Moment = datetime | date | str


class CreateEventInput(BaseModel):
    connection: str | None = _account()
    calendar_id: str = _calendar()
    title: str = Field(title="Title", description="e.g. Checkup: {{ trigger.name }}")
    start: Moment = Field(
        title="Start",
        description="A date and time like 2025-03-01 14:30 (in the time zone below), a date "
        "from an earlier step, or a date alone for a whole-day event.",
    )
    end: Moment | None = Field(
        None, title="End", description="Empty to end after the duration below."
    )
    duration_minutes: int = Field(
        60, title="Duration (minutes)", ge=1, le=60 * 24 * 31, description="When End is empty."
    )
    time_zone: str = _time_zone()
    description: str = Field("", title="Description", json_schema_extra={"widget": "textarea"})
    location: str = Field("", title="Location")
    attendees: list[str] | str = Field(
        "",
        title="Guests' e-mails",
        description="One or more e-mail addresses, separated by commas.",
    )
    notify: Literal["all", "externalOnly", "none"] = Field(
        "all",
        title="Invite guests by e-mail",
        description="all: Google e-mails every guest; externalOnly: only guests outside Google "
        "Calendar; none: no e-mail.",
    )


class FindFreeTimeInput(BaseModel):
    connection: str | None = _account()
    calendars: list[str] | str = Field(
        "primary",
        title="Calendars",
        description="One or more calendars, separated by commas: time is free when all of them "
        "are free (primary is the account's own).",
    )
    date: Moment = Field(
        "", title="From day", description="e.g. 2025-03-01 or {{ trigger.date }}; empty for today."
    )
    days: int = Field(1, title="Days", ge=1, le=31, description="How many days from that day.")
    slot_minutes: int = Field(30, title="Slot length (minutes)", ge=5, le=24 * 60)
    day_starts: str = Field("09:00", title="Working day starts", description="e.g. 09:00")
    day_ends: str = Field("17:00", title="Working day ends", description="e.g. 17:00")
    time_zone: str = _time_zone()
    limit: int = Field(0, title="At most", ge=0, description="0 for every free slot.")


class ListEventsInput(BaseModel):
    connection: str | None = _account()
    calendar_id: str = _calendar()
    from_time: Moment = Field("", title="From time", description="Empty for now.")
    to_time: Moment = Field("", title="Until time", description="Empty for a week after From time.")
    search: str = Field("", title="Containing", description="Only events with these words.")
    limit: int = Field(50, title="At most", ge=1, le=PAGE_SIZE)
    time_zone: str = _time_zone()


class EventCreatedInput(BaseModel):
    connection: str | None = _account()
    calendar_id: str = _calendar()
    search: str = Field("", title="Containing", description="Only events with these words.")
    poll_interval: float = Field(60, title="Check every (seconds)", ge=15)


class EventStartingSoonInput(BaseModel):
    connection: str | None = _account()
    calendar_id: str = _calendar()
    within: int = Field(
        60,
        title="Starting within",
        ge=1,
        description="e.g. 1 hour or 1 day before each event: the flow starts once per event.",
    )
    unit: Literal["minutes", "hours", "days"] = Field("minutes", title="Unit")
    search: str = Field("", title="Containing", description="Only events with these words.")
    poll_interval: float = Field(60, title="Check every (seconds)", ge=15)


def sign_in(
    secret: GoogleCalendarAccount, open_browser: Callable[[str], Any] = webbrowser.open
) -> GoogleCalendarAccount:
    """Sign in with Google in the browser (loopback redirect and PKCE); keeps the tokens."""
    return secret.signed_in(SCOPES, open_browser)


def test_account(secret: GoogleCalendarAccount) -> str:
    """Read one event of the account's own calendar: the answer names the calendar."""
    api = GoogleAPI(secret, name="Calendar", base_url=DEFAULT_BASE_URL, scopes=SCOPES)
    answer = api.request("GET", _events_path("primary"), params={"maxResults": "1"}, timeout=15.0)
    name = answer.get("summary")
    return f"Connected to the calendar {name}." if name else "Connected to Google Calendar."


# Actions.


def create_event(params: CreateEventInput, ctx: StepContext) -> dict[str, Any]:
    """Add an event; without an End it lasts the duration. Not repeated after a server error
    (it may have been added): the step says so and the run can be tried again by hand."""
    zone = _zone(params.time_zone, ctx)
    start = _moment(params.start, zone, "start")
    if start is None:
        raise StepError(f"Google Calendar: '{ctx.node.name}' needs a Start.", setting="start")
    end = _moment(params.end, zone, "end")
    if isinstance(start, datetime):
        if end is None:
            end = start + timedelta(minutes=params.duration_minutes)
        elif not isinstance(end, datetime):
            end = datetime.combine(end, time(), zone)
        if end <= start:
            raise _end_before_start(ctx)
        start_field = _timed(start, zone)
        end_field = _timed(end, zone)
    else:
        last = start if end is None else end if not isinstance(end, datetime) else end.date()
        if last < start:
            raise _end_before_start(ctx)
        start_field = {"date": start.isoformat()}
        end_field = {"date": (last + timedelta(days=1)).isoformat()}  # Google's end is after
    body: dict[str, Any] = {"summary": params.title.strip()}
    if params.description.strip():
        body["description"] = params.description
    if params.location.strip():
        body["location"] = params.location.strip()
    body["start"], body["end"] = start_field, end_field
    guests = _emails(params.attendees)
    if guests:
        body["attendees"] = [{"email": email} for email in guests]
    api = _api(params.connection, ctx)
    answer = api.request(
        "POST",
        _events_path(params.calendar_id),
        params={"sendUpdates": params.notify},
        body=body,
        timeout=ctx.remaining,
        sends=True,
        what="the calendar",
    )
    return _event({**body, **answer}, calendar_id=_calendar_id(params.calendar_id))


def find_free_time(params: FindFreeTimeInput, ctx: StepContext) -> dict[str, Any]:
    """Slots of the given length within working hours when every calendar is free."""
    zone = _zone(params.time_zone, ctx)
    calendars = _list(params.calendars) or ["primary"]
    opens = _clock(params.day_starts, "day_starts")
    closes = _clock(params.day_ends, "day_ends")
    if closes <= opens:
        raise StepError(
            f"Google Calendar: the working day ends ({params.day_ends}) before it starts "
            f"({params.day_starts}); write the hours like 09:00 and 17:00.",
            setting="day_ends",
        )
    first = _moment(params.date, zone, "date")
    first_day = datetime.now(zone).date() if first is None else _day(first, zone)
    days = [first_day + timedelta(days=n) for n in range(params.days)]
    windows = [
        (datetime.combine(day, opens, zone), datetime.combine(day, closes, zone)) for day in days
    ]
    api = _api(params.connection, ctx)
    answer = api.request(
        "POST",
        f"{API}/freeBusy",
        body={
            "timeMin": _rfc3339(windows[0][0]),
            "timeMax": _rfc3339(windows[-1][1]),
            "timeZone": zone.key,
            "items": [{"id": calendar} for calendar in calendars],
        },
        timeout=ctx.remaining,
        what="the calendar",
    )
    busy = _busy(answer, calendars)
    slot = timedelta(minutes=params.slot_minutes)
    now = datetime.now(UTC)
    slots = []
    for opening, closing in windows:
        moment = opening
        while moment + slot <= closing:
            ends = moment + slot
            if moment >= now and not any(b0 < ends and moment < b1 for b0, b1 in busy):
                slots.append(
                    {
                        "start": _rfc3339(moment),
                        "end": _rfc3339(ends),
                        "text": moment.strftime("%Y-%m-%d %H:%M"),
                    }
                )
            moment = ends
    if params.limit:
        slots = slots[: params.limit]
    return {
        "slots": slots,
        "count": len(slots),
        "first": slots[0] if slots else None,
        "busy": [
            {"start": _rfc3339(b0.astimezone(zone)), "end": _rfc3339(b1.astimezone(zone))}
            for b0, b1 in busy
        ],
        "time_zone": zone.key,
    }


def list_events(params: ListEventsInput, ctx: StepContext) -> dict[str, Any]:
    """The calendar's events between two times, in the order they start."""
    zone = _zone(params.time_zone, ctx)
    start = _moment(params.from_time, zone, "from_time")
    begins = datetime.now(zone).replace(microsecond=0) if start is None else _at(start, zone)
    until = _moment(params.to_time, zone, "to_time")
    ends = begins + timedelta(days=7) if until is None else _at(until, zone)
    if ends <= begins:
        raise StepError(
            f"Google Calendar: '{ctx.node.name}' reads until {_rfc3339(ends)}, which is not "
            f"after From time ({_rfc3339(begins)}).",
            setting="to_time",
        )
    query = {
        "timeMin": _rfc3339(begins),
        "timeMax": _rfc3339(ends),
        "singleEvents": "true",
        "orderBy": "startTime",
        "maxResults": str(params.limit),
    }
    if params.search.strip():
        query["q"] = params.search.strip()
    api = _api(params.connection, ctx)
    answer = api.request(
        "GET",
        _events_path(params.calendar_id),
        params=query,
        timeout=ctx.remaining,
        what="the calendar",
    )
    calendar_id = _calendar_id(params.calendar_id)
    events = [
        _event(item, calendar_id=calendar_id)
        for item in answer.get("items") or []
        if item.get("status") != "cancelled"
    ][: params.limit]
    return {"events": events, "count": len(events), "first": events[0] if events else None}


# Triggers.


def event_created(params: EventCreatedInput, ctx: StepContext) -> Any:
    return ctx.trigger_data


def event_created_poll(params: EventCreatedInput, ctx: PollContext) -> PollResult:
    """Events created since the last check, each once (its key is its id).

    The first check only notes the time: the events already there are not new.
    """
    now = datetime.now(UTC).replace(microsecond=0)
    cursor = ctx.cursor if isinstance(ctx.cursor, dict) else {}
    since_text = cursor.get("since")
    if not since_text:
        return PollResult(items=[], cursor={"since": _rfc3339(now), "seen": {}})
    since = _parsed(since_text) or now
    seen: dict[str, str] = dict(cursor.get("seen") or {})
    query = {"updatedMin": _rfc3339(since - OVERLAP), "maxResults": str(PAGE_SIZE)}
    if params.search.strip():
        query["q"] = params.search.strip()
    api = _poll_api(params.connection, ctx)
    calendar_id = _calendar_id(params.calendar_id)
    items = []
    for entry in _pages(api, params.calendar_id, query, ctx.timeout):
        created = _parsed(entry.get("created"))
        event_id = str(entry.get("id") or "")
        if (
            not event_id
            or entry.get("status") == "cancelled"  # listed because deleted since then
            or created is None
            or created < since - OVERLAP
            or event_id in seen
        ):
            continue
        seen[event_id] = _rfc3339(created)
        items.append(PolledItem(key=event_id, data=_event(entry, calendar_id=calendar_id)))
    keep_from = now - 2 * OVERLAP
    seen = {key: at for key, at in seen.items() if (_parsed(at) or now) >= keep_from}
    return PollResult(items=items, cursor={"since": _rfc3339(now), "seen": seen})


def event_starting_soon(params: EventStartingSoonInput, ctx: StepContext) -> Any:
    return ctx.trigger_data


def event_starting_soon_poll(params: EventStartingSoonInput, ctx: PollContext) -> PollResult:
    """Events whose start falls within the window from now, each once per start time (an
    appointment moved is reminded again). The first check gives none, so the runtime's first
    look (which starts no runs) does not swallow the reminders already due."""
    now = datetime.now(UTC).replace(microsecond=0)
    if ctx.cursor is None:
        return PollResult(items=[], cursor={"reminded": {}})
    cursor = ctx.cursor if isinstance(ctx.cursor, dict) else {}
    reminded: dict[str, str] = dict(cursor.get("reminded") or {})
    horizon = now + timedelta(minutes=params.within * _UNITS[params.unit])
    query = {
        "timeMin": _rfc3339(now),
        "timeMax": _rfc3339(horizon),
        "singleEvents": "true",
        "orderBy": "startTime",
        "maxResults": str(PAGE_SIZE),
    }
    if params.search.strip():
        query["q"] = params.search.strip()
    api = _poll_api(params.connection, ctx)
    calendar_id = _calendar_id(params.calendar_id)
    items = []
    pages = _pages(api, params.calendar_id, query, ctx.timeout, with_zone=True)
    for entry, calendar_zone in pages:
        starts = _event_start(entry, calendar_zone)
        event_id = str(entry.get("id") or "")
        if not event_id or entry.get("status") == "cancelled" or starts is None:
            continue
        if not now <= starts <= horizon:  # timeMin bounds the end: ongoing events are listed
            continue
        key = f"{event_id}@{_rfc3339(starts)}"
        if key in reminded:
            continue
        reminded[key] = _rfc3339(starts)
        items.append(PolledItem(key=key, data=_event(entry, calendar_id=calendar_id)))
    reminded = {key: at for key, at in reminded.items() if (_parsed(at) or now) >= now}
    return PollResult(items=items, cursor={"reminded": reminded})


# Helpers.


def _api(connection: str | None, ctx: StepContext) -> GoogleAPI:
    return GoogleAPI.for_step(
        GoogleCalendarAccount,
        connection,
        ctx,
        name="Calendar",
        base_url=DEFAULT_BASE_URL,
        scopes=SCOPES,
    )


def _poll_api(connection: str | None, ctx: PollContext) -> GoogleAPI:
    account = GoogleCalendarAccount.model_validate(ctx.credential(connection))
    return GoogleAPI(account, name="Calendar", base_url=DEFAULT_BASE_URL, scopes=SCOPES)


def _calendar_id(calendar_id: str) -> str:
    return calendar_id.strip() or "primary"


def _events_path(calendar_id: str) -> str:
    return f"{API}/calendars/{quote(_calendar_id(calendar_id), safe='@')}/events"


def _pages(
    api: GoogleAPI,
    calendar_id: str,
    query: dict[str, str],
    timeout: float,
    *,
    with_zone: bool = False,
) -> Any:
    """Every event of a listing, page after page (a few pages at most per check)."""
    page_token = ""
    for _page in range(MAX_PAGES):
        answer = api.request(
            "GET",
            _events_path(calendar_id),
            params={**query, "pageToken": page_token} if page_token else query,
            timeout=timeout,
            what="the calendar",
        )
        zone = _zone_named(answer.get("timeZone"))
        for entry in answer.get("items") or []:
            if isinstance(entry, dict):
                yield (entry, zone) if with_zone else entry
        page_token = answer.get("nextPageToken") or ""
        if not page_token:
            return


def _zone(name: str, ctx: StepContext) -> ZoneInfo:
    """The step's time zone, else the flow's."""
    wanted = name.strip()
    if not wanted:
        return _zone_named(ctx.flow.settings.timezone)
    try:
        return ZoneInfo(wanted)
    except (ZoneInfoNotFoundError, ValueError):
        raise StepError(
            f"Google Calendar: '{wanted}' is not a time zone; write it like Asia/Riyadh or "
            "Africa/Cairo, or leave it empty for the flow's.",
            setting="time_zone",
        ) from None


def _zone_named(name: Any) -> ZoneInfo:
    try:
        return ZoneInfo(str(name or "UTC"))
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _moment(value: Any, zone: ZoneInfo, setting: str) -> datetime | date | None:
    """A date and time (in ``zone`` when it names none), or a date alone; None when empty."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=zone)
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return datetime.fromtimestamp(value, UTC)
    text = str(value).translate(_DIGITS).strip()
    if not text:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise StepError(
            f"Google Calendar: '{value}' is not a date and time Flowin can read; write it like "
            "2025-03-01 14:30, or 2025-03-01 for a whole day.",
            setting=setting,
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def _at(moment: datetime | date, zone: ZoneInfo) -> datetime:
    if isinstance(moment, datetime):
        return moment
    return datetime.combine(moment, time(), zone)


def _day(moment: datetime | date, zone: ZoneInfo) -> date:
    return moment.astimezone(zone).date() if isinstance(moment, datetime) else moment


def _clock(text: str, setting: str) -> time:
    cleaned = text.translate(_DIGITS).strip()
    match = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?", cleaned)
    if match and int(match.group(1)) <= 24 and int(match.group(2) or 0) < 60:
        hours, minutes = int(match.group(1)), int(match.group(2) or 0)
        return time.max if hours == 24 else time(hours, minutes)
    raise StepError(
        f"Google Calendar: '{text}' is not a time of day; write it like 09:00 or 17:30.",
        setting=setting,
    )


def _end_before_start(ctx: StepContext) -> StepError:
    return StepError(
        f"Google Calendar: the End of '{ctx.node.name}' must come after its Start.",
        setting="end",
    )


def _timed(moment: datetime, zone: ZoneInfo) -> dict[str, str]:
    return {"dateTime": _rfc3339(moment.astimezone(zone)), "timeZone": zone.key}


def _rfc3339(moment: datetime) -> str:
    text = moment.replace(microsecond=0).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") and moment.tzinfo is UTC else text


def _parsed(text: Any) -> datetime | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _event_start(entry: dict[str, Any], zone: ZoneInfo) -> datetime | None:
    start = entry.get("start") or {}
    if start.get("dateTime"):
        return _parsed(start["dateTime"])
    if start.get("date"):  # a whole day starts at midnight in the calendar's time zone
        try:
            return datetime.combine(date.fromisoformat(start["date"]), time(), zone)
        except ValueError:
            return None
    return None


def _list(value: list[str] | str) -> list[str]:
    items = value if isinstance(value, list) else re.split(r"[,;\n]", value or "")
    return [str(item).strip() for item in items if str(item).strip()]


def _emails(value: list[str] | str) -> list[str]:
    emails = []
    for item in _list(value):
        match = _EMAIL.search(item)
        if match is None:
            raise StepError(
                f"Google Calendar: '{item}' is not an e-mail address; give the guests' "
                "addresses separated by commas.",
                setting="attendees",
            )
        emails.append(match.group(0))
    return emails


def _busy(answer: dict[str, Any], calendars: list[str]) -> list[tuple[datetime, datetime]]:
    """Every calendar's busy times, merged; a calendar Google could not read is named."""
    found = answer.get("calendars") or {}
    periods = []
    for calendar in calendars:
        entry = found.get(calendar) or {}
        errors = entry.get("errors") or []
        if errors:
            reason = ", ".join(str(e.get("reason")) for e in errors if isinstance(e, dict))
            raise StepError(
                f"Google Calendar can't read the free and busy times of '{calendar}' ({reason}); "
                "check its ID and that it is shared with the connected account.",
                setting="calendars",
            )
        for period in entry.get("busy") or []:
            begins, ends = _parsed(period.get("start")), _parsed(period.get("end"))
            if begins and ends:
                periods.append((begins, ends))
    merged: list[tuple[datetime, datetime]] = []
    for begins, ends in sorted(periods):
        if merged and begins <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], ends))
        else:
            merged.append((begins, ends))
    return merged


def _phone(*texts: Any) -> str:
    """The first phone number written in the event (its description, place or title), for a
    reminder by SMS or WhatsApp; Arabic digits read as digits."""
    for text in texts:
        if not isinstance(text, str):
            continue
        match = _PHONE.search(text.translate(_DIGITS))
        if match:
            digits = re.sub(r"\D", "", match.group(0))
            if match.group(0).startswith("+"):
                return "+" + digits
            if match.group(0).startswith("00"):
                return "+" + digits[2:]
            return digits
    return ""


def _event(entry: dict[str, Any], *, calendar_id: str) -> dict[str, Any]:
    """An event as steps use it: flat names, the guests' e-mails, a phone number if any."""
    start = entry.get("start") or {}
    end = entry.get("end") or {}
    attendees = [
        {
            "email": str(a.get("email") or ""),
            "name": str(a.get("displayName") or ""),
            "response": str(a.get("responseStatus") or ""),
        }
        for a in entry.get("attendees") or []
        if isinstance(a, dict)
    ]
    summary = str(entry.get("summary") or "")
    description = str(entry.get("description") or "")
    location = str(entry.get("location") or "")
    return {
        "id": str(entry.get("id") or ""),
        "title": summary,
        "start": start.get("dateTime") or start.get("date") or "",
        "end": end.get("dateTime") or end.get("date") or "",
        "all_day": bool(start.get("date")) and not start.get("dateTime"),
        "time_zone": str(start.get("timeZone") or ""),
        "description": description,
        "location": location,
        "phone": _phone(description, location, summary),
        "attendees": attendees,
        "attendee_emails": [a["email"] for a in attendees if a["email"]],
        "organizer": str((entry.get("organizer") or {}).get("email") or ""),
        "creator": str((entry.get("creator") or {}).get("email") or ""),
        "status": str(entry.get("status") or ""),
        "link": str(entry.get("htmlLink") or ""),
        "meet_link": str(entry.get("hangoutLink") or ""),
        "created": str(entry.get("created") or ""),
        "updated": str(entry.get("updated") or ""),
        "recurring_event_id": str(entry.get("recurringEventId") or ""),
        "calendar_id": calendar_id,
    }
