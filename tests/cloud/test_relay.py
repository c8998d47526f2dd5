"""The webhook relay in-process (docs/relay.md): public addresses, what is kept of a request,
delivery over the WebSocket and by long polling, the limits, and retention."""

from __future__ import annotations

import base64
import hashlib
import time

import pytest
from sqlalchemy import func, select
from starlette.websockets import WebSocketDisconnect

from flowin_cloud.models import CloudFlow, RelayEvent, RelayHook
from tests.cloud.conftest import register, sign_in

PUBLIC = "https://relay.flowin.example"


@pytest.fixture
def client(make_client):
    return make_client(relay_public_url=PUBLIC + "/")


def hooks(client, headers, *triggers):
    listed = [
        {"flow_id": flow, "node_id": node, "wait_for_answer": wait} for flow, node, wait in triggers
    ]
    answer = client.put("/relay/hooks", json=listed, headers=headers)
    assert answer.status_code == 200, answer.text
    return answer.json()


def local(url: str) -> str:
    """The public URL as a path on the test client."""
    assert url.startswith(PUBLIC + "/hooks/"), url
    return url.removeprefix(PUBLIC)


def rows(client, model, *where):
    with client.app.state.cloud.sessions() as session:
        return list(session.scalars(select(model).where(*where)))


def test_addresses_are_stable_secret_rotatable_and_nobody_elses(client, alice, bob, sign_up):
    unverified = sign_up("unverified", verified=False)
    assert client.put("/relay/hooks", json=[], headers=unverified.headers).status_code == 403

    first = hooks(client, alice.headers, ("orders", "trigger", False), ("chat", "verify", True))
    again = hooks(client, alice.headers, ("orders", "trigger", False), ("chat", "verify", True))
    assert [hook["url"] for hook in again] == [hook["url"] for hook in first]
    assert [hook["hook_id"] for hook in again] == [hook["hook_id"] for hook in first]
    orders, chat = first
    assert (orders["flow_id"], orders["node_id"], orders["wait_for_answer"]) == (
        "orders",
        "trigger",
        False,
    )
    assert chat["wait_for_answer"] is True
    token = orders["url"].rsplit("/", 1)[1]
    assert len(token) >= 43

    # The database holds the token encrypted and a keyed hash of it, never the token itself.
    (row,) = rows(client, RelayHook, RelayHook.id == orders["hook_id"])
    assert (
        token not in row.token_sealed
        and row.token_hash != hashlib.sha256(token.encode()).hexdigest()
    )
    assert client.app.state.cloud.box.open(row.token_sealed) == token

    # A trigger left out answers 404 until it is listed again, at the same address.
    hooks(client, alice.headers, ("orders", "trigger", False))
    assert client.post(local(chat["url"]), content=b"{}").status_code == 404
    listed = client.get("/relay/hooks", headers=alice.headers).json()
    assert [hook["hook_id"] for hook in listed] == [orders["hook_id"]]
    hooks(client, alice.headers, ("orders", "trigger", False), ("chat", "verify", False))
    assert client.post(local(chat["url"]), content=b"{}").status_code == 202

    # Rotating gives a new address; the old one answers 404 at once.
    rotated = client.post(f"/relay/hooks/{orders['hook_id']}/rotate", headers=alice.headers)
    assert rotated.status_code == 200
    assert rotated.json()["hook_id"] == orders["hook_id"]
    assert rotated.json()["url"] != orders["url"]
    assert client.post(local(orders["url"]), content=b"{}").status_code == 404
    accepted = client.post(local(rotated.json()["url"]), content=b"{}")
    assert accepted.status_code == 202

    # Another account can neither rotate alice's hook, nor see, take or acknowledge her events.
    assert (
        client.post(f"/relay/hooks/{orders['hook_id']}/rotate", headers=bob.headers).status_code
        == 404
    )
    assert client.get("/relay/hooks", headers=bob.headers).json() == []
    assert client.get("/relay/events", headers=bob.headers).json() == {"events": []}
    event_id = accepted.json()["event_id"]
    taken = client.post("/relay/acks", json={"event_ids": [event_id]}, headers=bob.headers)
    assert taken.json() == {"acknowledged": 0}
    assert client.get("/relay/status", headers=alice.headers).json()["waiting"] == 2
    assert client.post("/hooks/" + "x" * 43, content=b"{}").status_code == 404

    twice = [{"flow_id": "a", "node_id": "b"}] * 2
    assert client.put("/relay/hooks", json=twice, headers=alice.headers).status_code == 422


def test_requests_reach_the_websocket_byte_for_byte_in_order_and_come_again_until_acked(
    client, alice
):
    (hook,) = hooks(client, alice.headers, ("orders", "trigger", False))
    path = local(hook["url"])
    body = b'\x00\xff{"id": 1, "note": "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7"}\r\n'
    sent = [
        (
            "POST",
            path,
            "b=2&a=1&a=%20x",
            [
                ("Content-Type", "application/json"),
                ("X-Shopify-Hmac-Sha256", "c2lnbmF0dXJl+/="),
                ("X-Twice", "one"),
                ("X-Twice", "two"),
            ],
            body,
        ),
        ("GET", path + "/deeper/still", "hub.mode=subscribe&hub.challenge=42", [], b""),
        ("PUT", path, "", [("X-Empty", "")], b""),
    ]
    event_ids = []
    for method, where, query, headers, content in sent:
        answer = client.request(
            method, where + (f"?{query}" if query else ""), headers=headers, content=content
        )
        assert answer.status_code == 202, answer.text
        event_ids.append(answer.json()["event_id"])
    assert client.get("/relay/status", headers=alice.headers).json() == {
        "waiting": 3,
        "connected": False,
    }

    with client.websocket_connect("/relay/connect", headers=alice.headers) as socket:
        events = [socket.receive_json() for _ in sent]
        assert client.get("/relay/status", headers=alice.headers).json()["connected"] is True
        assert [event["event_id"] for event in events] == event_ids
        assert events[0]["seq"] < events[1]["seq"] < events[2]["seq"]
        for event, (method, where, query, headers, content) in zip(events, sent, strict=True):
            assert event["type"] == "event"
            assert (event["flow_id"], event["node_id"], event["hook_id"]) == (
                "orders",
                "trigger",
                hook["hook_id"],
            )
            assert event["method"] == method
            assert event["path"] == where
            assert event["query"] == query
            assert event["url"] == PUBLIC + where + (f"?{query}" if query else "")
            assert base64.b64decode(event["body_b64"]) == content
            received = [tuple(pair) for pair in event["headers"]]
            mine = [pair for pair in received if pair[0].startswith(("x-", "content-type"))]
            assert mine == [(name.lower(), value) for name, value in headers]
            assert event["wait_for_answer"] is False
        socket.send_json({"type": "ack", "event_id": event_ids[0]})
        socket.send_json({"type": "ack", "event_ids": [event_ids[1]]})
        assert wait_until(
            lambda: client.get("/relay/status", headers=alice.headers).json()["waiting"] == 1
        )

    # The next connection gets the unacknowledged event again, and a new one after it; never
    # the acknowledged ones.
    newer = client.post(path, content=b"fourth")
    with client.websocket_connect("/relay/connect", headers=alice.headers) as socket:
        again = socket.receive_json()
        fourth = socket.receive_json()
        assert again["event_id"] == event_ids[2]
        assert fourth["event_id"] == newer.json()["event_id"]
        socket.send_json({"type": "ack", "event_ids": [event_ids[2], fourth["event_id"]]})
        # (An ack the cloud has not read when the socket closes counts for nothing.)
        assert wait_until(
            lambda: client.get("/relay/status", headers=alice.headers).json()["waiting"] == 0
        )

    # Delivered: what the request carried is gone; what identifies it stays.
    delivered = rows(client, RelayEvent, RelayEvent.id.in_(event_ids))
    assert {row.id for row in delivered} == set(event_ids)
    for row in delivered:
        assert row.delivered_at is not None
        assert (row.body, row.headers, row.query, row.url) == (None, None, None, None)
    assert {row.body_bytes for row in delivered} == {len(body), 0}

    # Long polling: the same events, until acknowledged.
    fifth = client.post(path + "?x=1", content=b"fifth").json()["event_id"]
    polled = client.get("/relay/events?wait=0", headers=alice.headers).json()["events"]
    assert [(event["event_id"], base64.b64decode(event["body_b64"])) for event in polled] == [
        (fifth, b"fifth")
    ]
    assert client.get("/relay/events", headers=alice.headers).json()["events"] == polled
    acked = client.post("/relay/acks", json={"event_ids": [fifth]}, headers=alice.headers)
    assert acked.json() == {"acknowledged": 1}
    acked = client.post("/relay/acks", json={"event_ids": [fifth]}, headers=alice.headers)
    assert acked.json() == {"acknowledged": 0}
    assert client.get("/relay/events", headers=alice.headers).json() == {"events": []}
    too_long = client.get("/relay/events?wait=3600", headers=alice.headers)
    assert too_long.status_code == 422


def test_a_websocket_needs_a_valid_sign_in_and_ends_with_it(make_client):
    client = make_client(relay_heartbeat_seconds=0.2)
    for headers in ({}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic x"}):
        with (
            pytest.raises(WebSocketDisconnect),
            client.websocket_connect("/relay/connect", headers=headers) as socket,
        ):
            socket.receive_json()

    # Opened with an API key: deleting the key closes it, with the code that says "sign in".
    headers = new_account(client)
    created = client.post("/auth/api-keys", json={"name": "relay"}, headers=headers).json()
    (hook,) = hooks(client, headers, ("orders", "trigger", False))
    key = {"Authorization": f"Bearer {created['key']}"}
    with client.websocket_connect("/relay/connect", headers=key) as socket:
        client.post(local_of(hook["url"]), content=b"first")
        assert base64.b64decode(socket.receive_json()["body_b64"]) == b"first"
        deleted = client.delete(f"/auth/api-keys/{created['id']}", headers=headers)
        assert deleted.status_code == 204
        with pytest.raises(WebSocketDisconnect) as ended:
            socket.receive_json()
        assert ended.value.code == 4401
    assert client.get("/relay/status", headers=headers).json() == {
        "waiting": 1,
        "connected": False,
    }


def wait_until(condition, timeout: float = 30) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def new_account(client) -> dict[str, str]:
    return sign_in(client, register(client, verified=True))


def test_the_cap_of_waiting_requests_the_rate_limit_and_the_body_cap_answer_at_the_door(
    make_client,
):
    capped = make_client(
        relay_max_waiting=2, relay_full_retry_seconds=42, relay_max_body_bytes=1024
    )
    headers = new_account(capped)
    (hook,) = hooks(capped, headers, ("orders", "trigger", False))
    path = local_of(hook["url"])
    assert capped.post(path, content=b"x" * 1025).status_code == 413
    first = capped.post(path, content=b"x" * 1024)
    assert first.status_code == 202
    assert capped.post(path, content=b"2").status_code == 202
    full = capped.post(path, content=b"3")
    assert full.status_code == 429
    assert full.headers["Retry-After"] == "42"
    assert "try again later" in full.json()["detail"]
    capped.post("/relay/acks", json={"event_ids": [first.json()["event_id"]]}, headers=headers)
    assert capped.post(path, content=b"3").status_code == 202

    limited = make_client(relay_limit_per_account="3/minute")
    headers = new_account(limited)
    (hook,) = hooks(limited, headers, ("orders", "trigger", False))
    path = local_of(hook["url"])
    assert [limited.post(path, content=b"{}").status_code for _ in range(3)] == [202] * 3
    refused = limited.post(path + "/other", content=b"{}")
    assert refused.status_code == 429
    assert 0 < int(refused.headers["Retry-After"]) <= 60
    with limited.app.state.cloud.sessions() as session:
        kept = session.scalar(select(func.count()).select_from(RelayEvent))
    assert kept >= 3


def local_of(url: str) -> str:
    return "/hooks/" + url.split("/hooks/", 1)[1]


def test_requests_past_their_retention_are_deleted_by_the_server_itself(make_client):
    client = make_client(relay_retention_hours=1 / 3600, relay_sweep_seconds=0.2)
    with client:  # the server's start-up runs its sweeper
        headers = new_account(client)
        (hook,) = hooks(client, headers, ("orders", "trigger", False))
        event_id = client.post(local_of(hook["url"]), content=b"old").json()["event_id"]
        assert rows(client, RelayEvent, RelayEvent.id == event_id)
        assert wait_until(lambda: not rows(client, RelayEvent, RelayEvent.id == event_id))
        assert client.get("/relay/status", headers=headers).json()["waiting"] == 0


def test_an_answer_that_http_cannot_carry_is_refused(client, alice):
    good = {"event_id": "0" * 36, "status": 200, "headers": [], "body_b64": ""}
    refused = [
        {"headers": [["X-Injected", "yes\r\nSet-Cookie: session=stolen"]]},
        {"headers": {"Bad Name": "x"}},
        {"headers": [["X-Arabic", "مرحبا"]]},
        {"body_b64": "not base64!"},
        {"status": 700},
        {"status": 101},
    ]
    for change in refused:
        answer = client.post("/relay/answers", json={**good, **change}, headers=alice.headers)
        assert answer.status_code == 422, change
    # A well-formed answer for a request nobody waits for is taken and dropped.
    assert client.post("/relay/answers", json=good, headers=alice.headers).status_code == 204


def test_a_flow_that_runs_in_the_cloud_keeps_its_address_when_the_computer_leaves_it_out(
    client, alice
):
    # The computer leaves a cloud-run flow's triggers to the cloud: it does not list them.
    created = client.post(
        "/api/flows",
        json={"id": "orders", "name": "Orders", "definition": {}},
        headers=alice.headers,
    )
    assert created.status_code == 201
    first = hooks(client, alice.headers, ("orders", "trigger", False), ("chat", "verify", False))
    with client.app.state.cloud.sessions() as session:
        flow = session.get(CloudFlow, (owner_of(client, first[0]), "orders"))
        flow.cloud_run = True
        session.commit()
    hooks(client, alice.headers)
    listed = client.get("/relay/hooks", headers=alice.headers).json()
    assert [(hook["flow_id"], hook["url"]) for hook in listed] == [("orders", first[0]["url"])]


def owner_of(client, hook) -> str:
    (row,) = rows(client, RelayHook, RelayHook.id == hook["hook_id"])
    return row.user_id


def test_a_database_error_never_quotes_what_a_request_carried(database_url):
    # Server errors are logged with their exception, and SQLAlchemy's would quote the values
    # it was writing: a request's body and headers, or anything else secret.
    from sqlalchemy import text

    from flowin_cloud import db

    engine = db.connect(database_url)
    try:
        with pytest.raises(Exception) as failed, engine.begin() as connection:
            connection.execute(
                text("INSERT INTO relay_nowhere (body) VALUES (:body)"),
                {"body": "card=4242424242424242"},
            )
    finally:
        engine.dispose()
    assert "4242424242424242" not in str(failed.value)
