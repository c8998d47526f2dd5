"""The webhook relay in a real ``flowin-cloud`` process (uvicorn with its WebSocket library):
a waiting sender gets the computer's answer, and a kill -9 while accepting loses nothing."""

from __future__ import annotations

import base64
import json
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from flowin_cloud.models import RelayEvent
from tests.cloud_server import CloudServer

# The computer's answer is awaited this long before the sender gets 202 (the default is 5 s).
ANSWER_SECONDS = 1.5


@pytest.fixture(scope="module")
def servers(database_url, tmp_path_factory):
    """Two server processes on one database, as behind a load balancer (the same keys). The
    module's tests run in order: the second process is killed by the durability test, the first
    stopped by the last test."""
    env = {
        "FLOWIN_CLOUD_RELAY_ANSWER_SECONDS": str(ANSWER_SECONDS),
        "FLOWIN_CLOUD_JWT_SECRET": "a shared secret long enough for the HS256 tokens of both",
        "FLOWIN_CLOUD_DATA_KEY": "the data key both processes seal and find tokens with",
    }
    made = [
        CloudServer(tmp_path_factory.mktemp("relay-cloud"), env, database_url=database_url)
        for _ in range(2)
    ]
    try:
        made[0].start()  # it migrates the database; the other finds it ready
        made[1].start()
        yield made
    finally:
        for each in made:
            each.stop()


def signed_in(server: CloudServer) -> dict[str, str]:
    return server.bearer(server.sign_up(f"relay-{uuid.uuid4().hex[:8]}@example.com"))


def register(server: CloudServer, headers, *triggers) -> list[dict]:
    listed = [
        {"flow_id": flow, "node_id": node, "wait_for_answer": wait} for flow, node, wait in triggers
    ]
    answer = httpx.put(server.url + "/relay/hooks", json=listed, headers=headers)
    answer.raise_for_status()
    return answer.json()


def socket_to(server: CloudServer, headers):
    return connect(
        server.url.replace("http://", "ws://") + "/relay/connect",
        additional_headers=headers,
        open_timeout=30,
    )


def next_event(socket) -> dict:
    event = json.loads(socket.recv(timeout=30))
    assert event["type"] == "event"
    return event


def test_a_waiting_sender_gets_the_computers_answer_and_202_when_it_is_away(servers):
    server, other = servers
    headers = signed_in(server)
    (hook,) = register(server, headers, ("whatsapp", "trigger", True))
    url = hook["url"]
    assert url.startswith(server.url + "/hooks/")
    # The same address on the other process: its requests and their answers meet only in the
    # database.
    elsewhere = other.url + url.removeprefix(server.url)
    token = url.rsplit("/", 1)[1]
    challenge = {"hub.mode": "subscribe", "hub.verify_token": "a-verify-secret"}

    # The computer is away: 202 at once, the request kept for it.
    away = httpx.get(url, params={**challenge, "hub.challenge": "111"}, timeout=30)
    assert away.status_code == 202

    with pytest.raises(InvalidStatus) as refused:
        socket_to(server, {"Authorization": "Bearer not-a-token"})
    assert refused.value.response.status_code == 403

    with ThreadPoolExecutor(2) as senders, socket_to(server, headers) as socket:
        kept = next_event(socket)
        assert kept["event_id"] == away.json()["event_id"]
        assert kept["wait_for_answer"] is False  # its sender was answered long ago
        socket.send(json.dumps({"type": "ack", "event_id": kept["event_id"]}))

        # Connected: the sender waits for the computer's answer, over the WebSocket; also when
        # the request reaches the other process.
        for address, challenge_value in ((url, "1158201444"), (elsewhere, "2269312555")):
            asking = senders.submit(
                httpx.get,
                address,
                params={**challenge, "hub.challenge": challenge_value},
                timeout=30,
            )
            event = next_event(socket)
            assert event["wait_for_answer"] is True
            assert event["url"] == (
                f"{address}?hub.mode=subscribe&hub.verify_token=a-verify-secret"
                f"&hub.challenge={challenge_value}"
            )
            answer = {
                "type": "answer",
                "event_id": event["event_id"],
                "status": 200,
                "headers": [["Content-Type", "text/plain"], ["X-Flowin", "relayed"]],
                "body_b64": base64.b64encode(challenge_value.encode()).decode(),
            }
            socket.send(json.dumps(answer))
            socket.send(json.dumps({"type": "ack", "event_id": event["event_id"]}))
            answered = asking.result(timeout=60)
            assert answered.status_code == 200
            assert answered.content == challenge_value.encode()
            assert answered.headers["x-flowin"] == "relayed"
            assert answered.headers["content-type"] == "text/plain"

        # Connected but silent: 202 once the wait is over, and the event is still delivered.
        silent = senders.submit(httpx.post, url, content=b'{"slow": true}', timeout=30)
        event = next_event(socket)
        unanswered = silent.result(timeout=60)
        assert unanswered.status_code == 202
        assert unanswered.json() == {"event_id": event["event_id"]}
        socket.send(json.dumps({"type": "ack", "event_id": event["event_id"]}))

    # Long polling: a poll says the computer is there; the answer comes by POST.
    assert httpx.get(server.url + "/relay/events", headers=headers).json() == {"events": []}
    with ThreadPoolExecutor(1) as senders:
        asking = senders.submit(
            httpx.post,
            url + "/interactions",
            json={"type": "url_verification", "challenge": "slack-3eZbrw1aBm"},
            timeout=30,
        )
        polled = httpx.get(server.url + "/relay/events?wait=20", headers=headers, timeout=60)
        (event,) = polled.json()["events"]
        assert event["wait_for_answer"] is True
        assert json.loads(base64.b64decode(event["body_b64"]))["challenge"] == "slack-3eZbrw1aBm"
        given = httpx.post(
            server.url + "/relay/answers",
            json={
                "event_id": event["event_id"],
                "status": 201,
                "headers": {"content-type": "application/json"},
                "body_b64": base64.b64encode(b'{"challenge":"slack-3eZbrw1aBm"}').decode(),
            },
            headers=headers,
        )
        assert given.status_code == 204
        answered = asking.result(timeout=60)
        assert answered.status_code == 201
        assert answered.json() == {"challenge": "slack-3eZbrw1aBm"}
        acked = httpx.post(
            server.url + "/relay/acks", json={"event_ids": [event["event_id"]]}, headers=headers
        )
        assert acked.json() == {"acknowledged": 1}
    assert httpx.get(server.url + "/relay/status", headers=headers).json()["waiting"] == 0

    # Neither the address's token nor what was sent to it reached the logs.
    for each in (server, other):
        log = each.log_file.read_text(errors="replace") + each.output()
        assert "/hooks/hidden" in log
        for secret in (token, "a-verify-secret", "1158201444", "2269312555", "slack-3eZbrw1aBm"):
            assert secret not in log
        assert "slow" not in log


SENDERS = 8
ACCEPTED_BEFORE_THE_KILL = 150


def test_every_request_answered_2xx_is_kept_when_the_server_is_killed_while_accepting(
    database_url, servers
):
    server = servers[1]
    try:
        headers = signed_in(server)
        (hook,) = register(server, headers, ("orders", "trigger", False))
        accepted: dict[str, bytes] = {}
        lock = threading.Lock()
        enough = threading.Event()

        def send(sender: int) -> None:
            with httpx.Client(timeout=30) as client:
                for number in range(100_000):
                    body = json.dumps({"sender": sender, "order": number}).encode()
                    try:
                        answer = client.post(hook["url"], content=body)
                    except httpx.TransportError:
                        return  # the server is gone
                    assert answer.status_code == 202, answer.text
                    with lock:
                        accepted[answer.json()["event_id"]] = body
                        if len(accepted) >= ACCEPTED_BEFORE_THE_KILL:
                            enough.set()

        with ThreadPoolExecutor(SENDERS) as pool:
            running = [pool.submit(send, sender) for sender in range(SENDERS)]
            assert enough.wait(timeout=120), "the server did not accept enough requests"
            server.kill()
            for each in running:
                each.result(timeout=60)
    finally:
        server.stop()

    engine = create_engine(database_url)
    try:
        with Session(engine) as session:
            kept = {
                row.id: row.body
                for row in session.scalars(
                    select(RelayEvent).where(RelayEvent.id.in_(list(accepted)))
                )
            }
    finally:
        engine.dispose()
    assert len(accepted) >= ACCEPTED_BEFORE_THE_KILL
    assert kept == accepted


def test_a_server_stopping_answers_its_open_long_poll_instead_of_dropping_it(servers):
    stopping = servers[0]
    headers = signed_in(stopping)
    with ThreadPoolExecutor(1) as pool:
        polling = pool.submit(
            httpx.get, stopping.url + "/relay/events?wait=25", headers=headers, timeout=60
        )
        assert wait_until(
            lambda: httpx.get(stopping.url + "/relay/status", headers=headers).json()["connected"]
        )
        stopping.stop()
        answered = polling.result(timeout=60)
    assert answered.status_code == 200
    assert answered.json() == {"events": []}


def wait_until(condition, timeout: float = 30) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True
