"""An event's payload is written whole to the inbox and masked to the history, whichever way
its JSON is made: read back, each text is exactly what json made of it before."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from flowin_engine.store import redact
from flowin_engine.store._executions import _RunData, inbox_json
from flowin_engine.store._hot import sql_json
from flowin_engine.store._inbox import InboxEvent
from flowin_engine.store._schema import dump_json

AN_ORDER = {
    "method": "POST",
    "headers": {"authorization": "Bearer abcdefghijklmnop", "x-shop": "cairo-shirts"},
    "query": {},
    "body": {
        "id": 5_551_234,
        "token": "b1946ac92492d2347c6235b4d2611184",
        "cart_token": None,
        "checkout_token": 123_456_789,
        "paid": False,
        "total": 250.5,
        "note": "بعد المغرب",
        "lines": [
            {"sku": "A", "api_key": {"k": "value-long-enough", "n": [1, -0.0, 1e300, True]}},
            {"sku": "B", "qty": 2, "secret": ["short", "long-enough-to-show"]},
        ],
        "customer": {"email": "layla@example.com", "password": ""},
    },
}

PAYLOADS: list[Any] = [
    AN_ORDER,
    {"name": "Layla", "lines": [{"qty": 2, "price": 12.5}], "x": None},  # nothing to mask
    {"token": float("nan"), "n": 1},
    {"password": 2**70, "n": 1},
    {"x": 2**70, "secret": "s"},
    {"n": float("inf"), "token": "x"},
    {"secret": ("a", "bcdefghijklmnopq"), "rows": ({"token": "t"},)},
    {"secret": "abcdefghijklmnop", "at": datetime(2026, 12, 5, tzinfo=UTC)},
    {1: "a", "token": "b"},
    ["token", {"api-key": "k", "list": [[{"Authorization": "z"}]]}],
    "just text",
]


def _read(text: str | None) -> str:
    """A text read back, written again by json: equal when the values are (NaN included)."""
    return json.dumps(json.loads(text)) if text is not None else "None"


@pytest.mark.parametrize("payload", PAYLOADS)
def test_an_events_payload_reads_back_whole_from_the_inbox_and_masked_from_the_history(payload):
    masked = _read(dump_json(redact(payload)))
    assert _read(_RunData(payload).trigger_text) == masked

    event = InboxEvent("run-1", "flow-1", "webhook", payload, datetime.now(UTC))
    assert _read(inbox_json(event)) == _read(sql_json(payload))
    if event.history_text is not None:
        assert _read(event.history_text) == masked
