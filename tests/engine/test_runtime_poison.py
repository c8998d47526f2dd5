"""One bad event fails alone: refused at the door when it can be, its own failed run if not."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from flowin_engine.events import ExecutionStatus
from flowin_engine.model import FlowStatus
from flowin_engine.runtime._inbox import Inbox
from flowin_engine.store import Store
from flowin_engine.webhooks import MAX_NESTING

from .builders import make_flow
from .test_runtime import start_runtime, wait_for

GOOD = 30


@pytest.fixture(autouse=True)
def _file_secrets(monkeypatch):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "flowin.db") as store:
        yield store


def orders_flow():
    flow = make_flow(
        [
            ("Webhook", "webhook.receive", {"path": "orders"}),
            (
                "Note",
                "core.set_fields",
                {"fields": [{"name": "n", "value": "{{ trigger.body.n }}"}]},
            ),
        ],
        ["Webhook -> Note"],
        name="Orders",
    )
    flow.status = FlowStatus.ACTIVE
    return flow


def nested(depth: int) -> list:
    value: list = []
    for _ in range(depth - 1):
        value = [value]
    return value


def webhook(n: int) -> dict:
    return {
        "method": "POST",
        "path": "/webhook/orders",
        "headers": {},
        "query": {},
        "body": {"n": n},
    }


def settled(store: Store, count: int):
    """All runs, once there are ``count`` of them and none is still going."""
    runs = store.executions.summaries(limit=10_000)
    done = len(runs) == count and all(r.status not in ("running", "waiting") for r in runs)
    return runs if done else None


def numbers(store: Store, runs) -> list[int]:
    return sorted(
        int(store.executions.get(r.id).steps[1].output["n"])
        for r in runs
        if r.status == ExecutionStatus.SUCCESS
    )


def test_deeply_nested_webhook_body_is_refused_at_the_door(store):
    store.flows.save(orders_flow())
    runtime = start_runtime(store)
    try:
        url = f"{runtime.address}/webhook/orders"
        deep = "[" * 1000 + "]" * 1000
        refused = [
            httpx.post(url, content=deep, headers={"content-type": "application/json"}),
            httpx.post(url, content=deep, headers={"content-type": "text/plain"}),
            httpx.post(url, json={"n": 1, "extra": nested(MAX_NESTING)}),
        ]
        for reply in refused:
            assert reply.status_code == 400
            assert "nested more than" in reply.json()["error"]
        accepted = [
            httpx.post(url, json={"n": 2, "extra": nested(MAX_NESTING - 1)}),
            httpx.post(url, data={"n": "3", "a[b][c]": "[" * 500}),  # a form stays flat
        ]
        assert [r.status_code for r in accepted] == [202, 202]
        runs = wait_for(lambda: settled(store, 2))
        assert {r.status for r in runs} == {ExecutionStatus.SUCCESS}
        assert numbers(store, runs) == [2, 3]
        assert runtime.store.inbox.unstarted() == []
    finally:
        runtime.stop(grace=2)


def test_an_event_that_cannot_start_fails_alone_and_its_batch_runs_across_restarts(store):
    flow = orders_flow()
    store.flows.save(flow)
    # Accepted while nothing was starting them: the next start takes them in one batch.
    inbox = Inbox(store, lambda events: None)
    for n in range(GOOD):
        inbox.accept_now(flow.id, "webhook", webhook(n))
        if n == GOOD // 2:
            poison = inbox.accept_now(flow.id, "webhook", {"body": nested(500)})
    inbox.close()

    runtime = start_runtime(store)
    try:
        runs = wait_for(lambda: settled(store, GOOD + 1))
        assert numbers(store, runs) == list(range(GOOD))
        bad = store.executions.get(poison.id)
        assert bad.status == ExecutionStatus.FAILED
        assert bad.error == (
            "Flowin could not start this run because its data is nested too deeply to be read."
        )
        assert runtime.store.inbox.unstarted() == []
    finally:
        runtime.stop(grace=2)

    again = start_runtime(store)
    try:
        reply = httpx.post(f"{again.address}/webhook/orders", json={"n": GOOD})
        assert reply.status_code == 202
        runs = wait_for(lambda: settled(store, GOOD + 2))
        assert numbers(store, runs) == list(range(GOOD + 1))  # nothing ran twice
        assert store.executions.get(poison.id).status == ExecutionStatus.FAILED
    finally:
        again.stop(grace=2)


def test_a_bad_event_among_many_live_ones_fails_alone(store):
    flow = orders_flow()
    store.flows.save(flow)
    runtime = start_runtime(store)
    try:
        url = f"{runtime.address}/webhook/orders"

        def send(n: int) -> int:
            if n == GOOD // 2:
                runtime.submit(flow.id, "webhook", {"body": nested(500)}, event_id="poison")
                return 202
            return httpx.post(url, json={"n": n}, timeout=30).status_code

        with ThreadPoolExecutor(8) as pool:
            assert set(pool.map(send, range(GOOD))) == {202}
        runs = wait_for(lambda: settled(store, GOOD))
        assert numbers(store, runs) == [n for n in range(GOOD) if n != GOOD // 2]
        assert store.executions.get("poison").status == ExecutionStatus.FAILED
    finally:
        runtime.stop(grace=2)
