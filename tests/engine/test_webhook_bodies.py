"""A webhook's body is read by orjson where it gives json's value, and by json elsewhere: the
flow sees exactly what json.loads makes of any body."""

import json
import math

import pytest

from flowin_engine.webhooks import WebhookRequest, parse_json

BODIES = [
    b'{"name": "Layla", "order_id": 1042, "paid": true, "note": null, "total": 250.5}',
    b'[1, -0, 0.1, 1e300, 2.5e-308, "\\u0644\\u064a\\u0644\\u0649", "\\ud83d\\ude00"]',
    b'{"id": 123456789012345678901234567890}',  # past 64 bits: orjson would make it a float
    b'{"id": -9223372036854775809, "big": 18446744073709551616}',
    b'{"price": 0.30000000000000000000001}',
    b'{"a": 1, "a": 2}',
    b'{"ratio": NaN, "top": Infinity}',  # not JSON, but json reads it
    b'{"over": 1e400}',
    b'"\\ud800 alone"',  # a lone surrogate
    b'\xef\xbb\xbf{"with": "a byte-order mark"}',
    '{"utf16": "نعم"}'.encode("utf-16"),
    b"not json at all",
    b'{"unfinished": ',
    b"",
]


def _same(left, right):
    if isinstance(left, float) and math.isnan(left):
        return isinstance(right, float) and math.isnan(right)
    if isinstance(left, dict):
        return (
            isinstance(right, dict)
            and list(left) == list(right)
            and all(_same(left[k], right[k]) for k in left)
        )
    if isinstance(left, list):
        return (
            isinstance(right, list)
            and len(left) == len(right)
            and all(_same(a, b) for a, b in zip(left, right, strict=True))
        )
    return type(left) is type(right) and left == right


def _json_loads(body):
    try:
        return json.loads(body) if body else None
    except ValueError:
        return None


@pytest.mark.parametrize("body", BODIES)
def test_a_body_is_read_as_json_reads_it(body):
    assert _same(parse_json(body) if body else None, _json_loads(body))
    request = WebhookRequest(
        "POST", "/webhook/x", "", {"content-type": "application/json"}, {}, body
    )
    assert _same(request.json(), _json_loads(body))
