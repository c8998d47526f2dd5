"""Events that come with their own id (the cloud relay's) may arrive more than once: the inbox
writes them insert-or-ignore, so a repeat never fails the other events written with it, and an
id already run is not written again."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from flowin_engine.runtime._inbox import Inbox
from flowin_engine.store import Store
from flowin_engine.store._hot import HotWriter


@pytest.mark.parametrize("hot", [True, False], ids=["hot-writer", "inbox-thread"])
def test_a_repeated_event_id_never_fails_its_group_and_is_written_once(tmp_path, hot):
    with Store(tmp_path / "flowin.db") as store:
        handed_on = []
        writer = HotWriter(store._database, handed_on.extend) if hot else None
        inbox = Inbox(store, handed_on.extend, writer)
        try:
            # Already run (its inbox row forgotten since): known by its execution.
            store.executions.record_not_run(
                "relay-run", "orders", "Orders", "webhook", "success", "done before"
            )
            accepted = [inbox.accept("orders", "webhook", {"n": 0}, "relay-1")]
            accepted += [
                inbox.accept("orders", "webhook", {"n": n}, f"relay-{n}") for n in range(1, 6)
            ]
            accepted.append(inbox.accept("orders", "webhook", {"n": 1}, "relay-1"))
            accepted.append(inbox.accept("orders", "webhook", {"n": 9}, "relay-run"))
            accepted.append(inbox.accept("orders", "webhook", {"n": 7}))  # a local request
            for _, written in accepted:
                written.result(timeout=30)  # none failed
        finally:
            inbox.close()
            if writer is not None:
                writer.close()
        rows = {event.id: event.payload for event in store.inbox.unstarted()}
        assert {i for i in rows if i.startswith("relay-")} == {f"relay-{n}" for n in range(1, 6)}
        assert rows["relay-1"] == {"n": 0}  # the first copy's
        assert len(rows) == 6
        assert store.executions.get("relay-run").error == "done before"
        assert all(event.received_at <= datetime.now(UTC) for event in handed_on)
