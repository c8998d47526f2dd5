"""Google Calendar against a local server checked with Google's Discovery document.

Each request the connector sends is checked by ``google_contract`` against calendar.v3.json
(tests/contracts/vendor/google): method, path under calendar/v3/, query parameters (RFC 3339
times with their offset), the bearer token and the JSON body (an Event, a FreeBusyRequest).
Tokens come from a real OAuth token server on 127.0.0.1.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from flowin_engine.credentials import Connections
from flowin_engine.errors import AccountRejected, RetryableError, StepError
from flowin_engine.model import Flow, FlowSettings, Node
from flowin_engine.polling import PollContext
from flowin_engine.registry import default_registry
from flowin_engine.runner import Runner
from flowin_engine.steps import StepContext
from tests.connectors.google_contract import GoogleServer, GoogleTokenServer
from tests.engine.builders import make_flow

CLIENT_ID = "1234-abc.apps.googleusercontent.com"
CLIENT_SECRET = "GOCSPX-secret"
INSERT = "calendar.events.insert"
LIST = "calendar.events.list"
FREEBUSY = "calendar.freebusy.query"
CLINIC = "clinic@example.com"


@pytest.fixture
def tokens():
    with GoogleTokenServer(CLIENT_ID, CLIENT_SECRET) as server:
        yield server


@pytest.fixture
def calendar(httpserver):
    with GoogleServer(httpserver, "google/calendar.v3.json") as server:
        yield server


@pytest.fixture
def account(tokens, calendar, connections) -> str:
    secret = {
        "auth_type": "oauth",
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "refresh_token": "1//refresh-token-of-layla",
        "authorize_url": tokens.authorize_url,
        "token_url": tokens.token_url,
        "base_url": calendar.url,
    }
    return connections.add("google_calendar", "Clinic", secret).id


def run(operation: str, params: dict, connections: Connections, timezone: str = "Asia/Riyadh"):
    node_type = default_registry().get(f"google_calendar.{operation}")
    node = Node(name="Step", type=node_type.type, params=params)
    ctx = StepContext(
        execution_id="test",
        flow=Flow(nodes=[node], settings=FlowSettings(timezone=timezone)),
        node=node,
        attempt=1,
        timeout=10,
        connections=connections,
    )
    return node_type.function(node_type.input_model.model_validate(params), ctx)


def poll(operation: str, params: dict, connections: Connections, cursor: Any = None):
    node_type = default_registry().get(f"google_calendar.{operation}")
    ctx = PollContext(cursor=cursor, credential=connections.secret)
    return node_type.poller(node_type.input_model.model_validate(params), ctx)


def google_error(code: int, message: str, status: str, reason: str | None = None) -> dict:
    error: dict[str, Any] = {"code": code, "message": message, "status": status}
    if reason:
        error["errors"] = [{"reason": reason, "message": message, "domain": "global"}]
    return {"error": error}


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def event(event_id: str, start: datetime, created: datetime, **extra: Any) -> dict:
    return {
        "kind": "calendar#event",
        "id": event_id,
        "status": "confirmed",
        "htmlLink": f"https://www.google.com/calendar/event?eid={event_id}",
        "created": stamp(created),
        "updated": stamp(created),
        "summary": f"Appointment {event_id}",
        "description": "Patient: Omar, phone +966 50 123 4567",
        "start": {"dateTime": start.isoformat(), "timeZone": "Asia/Riyadh"},
        "end": {"dateTime": (start + timedelta(minutes=30)).isoformat()},
        "organizer": {"email": CLINIC, "self": True},
        **extra,
    }


def events_page(*items: dict) -> dict:
    return {"kind": "calendar#events", "timeZone": "Asia/Riyadh", "items": list(items)}


# The checker itself.


def test_the_checker_rejects_calendar_requests_the_discovery_document_does_not_allow(calendar):
    auth = {"Authorization": "Bearer ya29.x"}
    events = f"{calendar.url}/calendar/v3/calendars/primary/events"
    bad = [
        # "title" is not a field of Event (Google: "Unknown name"), and a time without an offset
        # is no RFC 3339 date-time.
        httpx.post(
            events,
            headers=auth,
            json={"title": "Checkup", "start": {"dateTime": "2026-12-06T10:00:00"}},
        ),
        # sendUpdates takes all, externalOnly or none.
        httpx.post(events, params={"sendUpdates": "everyone"}, headers=auth, json={}),
        # timeMin must carry its offset too.
        httpx.get(events, params={"timeMin": "2026-12-06 10:00"}, headers=auth),
        # freeBusy's items are objects with an id, not bare calendar ids.
        httpx.post(f"{calendar.url}/calendar/v3/freeBusy", headers=auth, json={"items": [CLINIC]}),
        # Without the service path the API has no such method.
        httpx.get(f"{calendar.url}/calendars/primary/events", headers=auth),
    ]
    assert [r.status_code for r in bad] == [400] * 5
    rejected = calendar.rejected
    assert "'title' was unexpected" in rejected[0] and "date-time" in rejected[0]
    assert "everyone" in rejected[1] and "timeMin" in rejected[2] and "items/0" in rejected[3]
    assert "no method" in rejected[4]
    calendar.rejected.clear()


# Create event.


def test_create_event_reads_the_start_in_the_flows_time_zone_with_arabic_digits(
    account, calendar, connections
):
    calendar.respond(INSERT, json={"id": "ev1", "htmlLink": "https://calendar/ev1"})
    output = run(
        "create_event",
        {
            "connection": account,
            "title": "Checkup: Omar",
            "start": "٢٠٢٦-١٢-٠٦ ١٠:٣٠",
            "duration_minutes": 45,
            "description": "Bring the X-ray.",
            "location": "Clinic, Olaya St",
            "attendees": "omar@example.com; dr.sara@example.com",
        },
        connections,
    )
    (call,) = calendar.calls(INSERT)
    assert call.request.path == "/calendar/v3/calendars/primary/events"
    assert call.query == {"sendUpdates": "all"}
    assert call.body == {
        "summary": "Checkup: Omar",
        "description": "Bring the X-ray.",
        "location": "Clinic, Olaya St",
        "start": {"dateTime": "2026-12-06T10:30:00+03:00", "timeZone": "Asia/Riyadh"},
        "end": {"dateTime": "2026-12-06T11:15:00+03:00", "timeZone": "Asia/Riyadh"},
        "attendees": [{"email": "omar@example.com"}, {"email": "dr.sara@example.com"}],
    }
    assert output["id"] == "ev1" and output["link"] == "https://calendar/ev1"
    calendar.assert_valid()


def test_create_event_takes_the_engines_dates_an_end_and_whole_days(account, calendar, connections):
    calendar.respond(INSERT, json={"id": "ev2"})
    start = datetime(2026, 12, 6, 7, 0, tzinfo=UTC)  # a date from an earlier step, in UTC
    run(
        "create_event",
        {
            "connection": account,
            "calendar_id": CLINIC,
            "title": "Cairo visit",
            "start": start,
            "end": "2026-12-06T09:30:00Z",
            "time_zone": "Africa/Cairo",
            "attendees": ["omar@example.com"],
            "notify": "none",
        },
        connections,
    )
    run(
        "create_event",
        {"connection": account, "title": "Eid holiday", "start": "2026-03-20", "end": "2026-03-22"},
        connections,
    )
    timed, whole = calendar.calls(INSERT)
    assert timed.request.path == "/calendar/v3/calendars/clinic@example.com/events"
    assert timed.query == {"sendUpdates": "none"}
    assert timed.body["start"] == {
        "dateTime": "2026-12-06T09:00:00+02:00",
        "timeZone": "Africa/Cairo",
    }
    assert timed.body["end"] == {
        "dateTime": "2026-12-06T11:30:00+02:00",
        "timeZone": "Africa/Cairo",
    }
    # Whole days: Google's end date is the day after the last one.
    assert whole.body["start"] == {"date": "2026-03-20"}
    assert whole.body["end"] == {"date": "2026-03-23"}
    assert "attendees" not in whole.body
    calendar.assert_valid()


def test_create_event_refuses_what_it_cannot_read_before_calling_google(
    account, calendar, connections
):
    cases = [
        ({"start": "next tuesday"}, "start", "not a date and time"),
        ({"start": "2026-12-06 10:00", "end": "2026-12-06 09:00"}, "end", "after its Start"),
        ({"start": "2026-12-06 10:00", "attendees": "omar at example"}, "attendees", "omar at"),
        ({"start": "2026-12-06 10:00", "time_zone": "Mars/Olympus"}, "time_zone", "Mars"),
    ]
    for params, setting, words in cases:
        with pytest.raises(StepError, match=words) as caught:
            run("create_event", {"connection": account, "title": "x", **params}, connections)
        assert caught.value.setting == setting
    assert calendar.calls() == []


def test_a_create_is_not_repeated_after_a_server_error(account, calendar, connections):
    calendar.respond(
        INSERT, status=503, json=google_error(503, "The service is unavailable.", "UNAVAILABLE")
    )
    flow = make_flow(
        [
            ("Start", "core.manual_trigger", {}),
            (
                "Book",
                "google_calendar.create_event",
                {"connection": account, "title": "Checkup", "start": "2026-12-06T10:00:00Z"},
            ),
        ],
        ["Start -> Book"],
        settings={"Book": {"retries": 3, "retry_backoff": 0}},
    )
    with Runner(default_registry(), connections=connections) as runner:
        result = runner.run(flow, {})
    assert not result.ok
    assert "may have been done" in str(result.error)
    assert len(calendar.calls(INSERT)) == 1


def test_too_many_requests_is_retried_after_the_time_google_asks(account, calendar, connections):
    calendar.respond(
        INSERT,
        status=429,
        headers={"Retry-After": "7"},
        json=google_error(429, "Rate Limit Exceeded", "RESOURCE_EXHAUSTED", "rateLimitExceeded"),
    )
    with pytest.raises(RetryableError) as caught:
        run(
            "create_event",
            {"connection": account, "title": "x", "start": "2026-12-06"},
            connections,
        )
    assert caught.value.retry_after == 7
    assert len(calendar.calls(INSERT)) == 1


def test_a_sign_in_google_refuses_is_not_retried(account, calendar, connections, tokens):
    # The token is renewed once (Google did nothing with a 401); refused again, the step asks
    # to reconnect the account and is not tried again.
    calendar.respond(
        INSERT, status=401, json=google_error(401, "Invalid Credentials", "UNAUTHENTICATED")
    )
    with pytest.raises(AccountRejected, match="reconnect the Google account") as caught:
        run(
            "create_event",
            {"connection": account, "title": "x", "start": "2026-12-06"},
            connections,
        )
    assert not isinstance(caught.value, RetryableError)
    first, second = calendar.calls(INSERT)
    assert first.request.headers["Authorization"] != second.request.headers["Authorization"]


# Find free time, list events.


def test_find_free_time_offers_slots_of_the_length_within_working_hours(
    account, calendar, connections
):
    calendar.respond(
        FREEBUSY,
        json={
            "kind": "calendar#freeBusy",
            "calendars": {
                "primary": {
                    "busy": [{"start": "2030-01-06T07:00:00Z", "end": "2030-01-06T08:15:00Z"}]
                },
                CLINIC: {
                    "busy": [
                        {"start": "2030-01-06T11:00:00+03:00", "end": "2030-01-06T12:00:00+03:00"}
                    ]
                },
            },
        },
    )
    output = run(
        "find_free_time",
        {
            "connection": account,
            "calendars": f"primary, {CLINIC}",
            "date": "2030-01-06",
            "days": 2,
            "slot_minutes": 60,
            "day_starts": "٠٩:٠٠",
            "day_ends": "13:00",
        },
        connections,
    )
    (call,) = calendar.calls(FREEBUSY)
    assert call.body == {
        "timeMin": "2030-01-06T09:00:00+03:00",
        "timeMax": "2030-01-07T13:00:00+03:00",
        "timeZone": "Asia/Riyadh",
        "items": [{"id": "primary"}, {"id": CLINIC}],
    }
    starts = [slot["start"] for slot in output["slots"]]
    # 10:00-11:15 busy (07:00Z), 11:00-12:00 busy: the 6th keeps 12:00 only; the 7th is free.
    assert starts == [
        "2030-01-06T09:00:00+03:00",
        "2030-01-06T12:00:00+03:00",
        "2030-01-07T09:00:00+03:00",
        "2030-01-07T10:00:00+03:00",
        "2030-01-07T11:00:00+03:00",
        "2030-01-07T12:00:00+03:00",
    ]
    assert output["slots"][0]["end"] == "2030-01-06T10:00:00+03:00"
    assert output["first"] == output["slots"][0] and output["count"] == 6
    calendar.assert_valid()


def test_find_free_time_names_a_calendar_google_cannot_read(account, calendar, connections):
    calendar.respond(
        FREEBUSY,
        json={
            "calendars": {
                "dr.sara@example.com": {"errors": [{"domain": "global", "reason": "notFound"}]}
            }
        },
    )
    with pytest.raises(StepError, match=r"'dr\.sara@example\.com'") as caught:
        run(
            "find_free_time",
            {"connection": account, "calendars": ["dr.sara@example.com"], "date": "2030-01-06"},
            connections,
        )
    assert caught.value.setting == "calendars"


def test_list_events_reads_the_coming_events_in_order(account, calendar, connections):
    now = datetime.now(UTC)
    calendar.respond(
        LIST, json=events_page(event("e1", now + timedelta(hours=2), now - timedelta(days=1)))
    )
    output = run(
        "list_events",
        {
            "connection": account,
            "from_time": "2030-01-06",
            "to_time": "2030-01-07",
            "search": "Omar",
        },
        connections,
    )
    (call,) = calendar.calls(LIST)
    assert call.query == {
        "timeMin": "2030-01-06T00:00:00+03:00",
        "timeMax": "2030-01-07T00:00:00+03:00",
        "singleEvents": "true",
        "orderBy": "startTime",
        "maxResults": "50",
        "q": "Omar",
    }
    (first,) = output["events"]
    assert first["title"] == "Appointment e1" and first["phone"] == "+966501234567"
    assert output["count"] == 1
    calendar.assert_valid()


# The triggers.


def test_event_created_starts_once_for_each_new_event_across_checks(account, calendar, connections):
    params = {"connection": account}
    first = poll("event_created", params, connections)
    assert first.items == [] and calendar.calls() == []  # what is there already is not new
    since = datetime.fromisoformat(first.cursor["since"])
    later = since + timedelta(seconds=30)
    calendar.respond(
        LIST,
        json=events_page(
            event("new1", later + timedelta(days=2), later),
            event("old", later + timedelta(days=3), since - timedelta(days=9)),  # only edited
            {"id": "gone", "status": "cancelled"},
        ),
    )
    second = poll("event_created", params, connections, cursor=first.cursor)
    assert [item.key for item in second.items] == ["new1"]
    data = second.items[0].data
    assert data["title"] == "Appointment new1" and data["organizer"] == CLINIC
    (call,) = calendar.calls(LIST)
    assert set(call.query) == {"updatedMin", "maxResults"}
    assert datetime.fromisoformat(call.query["updatedMin"].replace("Z", "+00:00")) <= since
    # The next check lists new1 again (the checks overlap a little): it is not new twice.
    calendar.respond(
        LIST,
        json=events_page(
            event("new1", later + timedelta(days=2), later),
            event("new2", later + timedelta(days=1), later + timedelta(seconds=5)),
        ),
    )
    third = poll("event_created", params, connections, cursor=second.cursor)
    assert [item.key for item in third.items] == ["new2"]
    fourth = poll("event_created", params, connections, cursor=third.cursor)
    assert fourth.items == []
    calendar.assert_valid()


def test_event_starting_soon_starts_once_per_event_within_the_window(
    account, calendar, connections
):
    params = {"connection": account, "within": 1, "unit": "hours"}
    first = poll("event_starting_soon", params, connections)
    assert first.items == [] and first.cursor is not None  # the next check reminds
    now = datetime.now(UTC)
    soon = event("e1", now + timedelta(minutes=40), now - timedelta(days=2))
    whole_day = {
        "id": "holiday",
        "status": "confirmed",
        "start": {"date": "1999-01-01"},
        "end": {"date": "1999-01-02"},
    }
    ongoing = event("e0", now - timedelta(minutes=10), now - timedelta(days=3))
    calendar.respond(LIST, json=events_page(ongoing, soon, whole_day))
    second = poll("event_starting_soon", params, connections, cursor=first.cursor)
    assert [item.data["id"] for item in second.items] == ["e1"]
    assert second.items[0].data["phone"] == "+966501234567"
    (call,) = calendar.calls(LIST)
    assert call.query["singleEvents"] == "true" and call.query["orderBy"] == "startTime"
    window = [
        datetime.fromisoformat(call.query[name].replace("Z", "+00:00"))
        for name in ("timeMin", "timeMax")
    ]
    assert timedelta(minutes=59) < window[1] - window[0] <= timedelta(hours=1)
    # Still within the window at the next check: not reminded twice.
    later = event("e2", now + timedelta(minutes=50), now)
    calendar.respond(LIST, json=events_page(soon, later))
    third = poll("event_starting_soon", params, connections, cursor=second.cursor)
    assert [item.data["id"] for item in third.items] == ["e2"]
    # Moved to a new time, the appointment is reminded again.
    moved = event("e1", now + timedelta(minutes=55), now - timedelta(days=2))
    calendar.respond(LIST, json=events_page(moved, later))
    fourth = poll("event_starting_soon", params, connections, cursor=third.cursor)
    assert [item.data["id"] for item in fourth.items] == ["e1"]
    assert fourth.items[0].key != second.items[0].key
    calendar.assert_valid()


def test_the_account_test_names_the_calendar(tokens, calendar):
    calendar.respond(LIST, json={**events_page(), "summary": CLINIC})
    connector = default_registry().connector("google_calendar")
    model = connector.credential_model.model_validate(
        {
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "refresh_token": "1//refresh-token-of-layla",
            "token_url": tokens.token_url,
            "base_url": calendar.url,
        }
    )
    assert connector.test_function(model) == f"Connected to the calendar {CLINIC}."
    assert calendar.calls(LIST)[0].query == {"maxResults": "1"}
