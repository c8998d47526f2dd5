"""A webhook's body is read by orjson where it gives json's value, and by json elsewhere: the
flow sees exactly what json.loads makes of any body."""

import json
import math

import pytest

from flowin_engine.webhooks import MAX_NESTING, WebhookRejected, WebhookRequest, parse_json

BODIES = [
    b'{"name": "Layla", "order_id": 1042, "paid": true, "note": null, "total": 250.5}',
    b'[1, -0, 0.1, 1e300, 2.5e-308, "\\u0644\\u064a\\u0644\\u0649", "\\ud83d\\ude00"]',
    b'{"id": 123456789012345678901234567890}',  # past 64 bits: orjson would make it a float
    b'{"id": -9223372036854775809, "big": 18446744073709551616}',
    b'{"price": 0.30000000000000000000001}',
    b'{"phone": 966500000000000001, "rate": 0.123456789012345678}',  # 18 and 19 digits
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


def _nested(depth: int, inner: bytes = b"1") -> bytes:
    """A body ``depth`` levels deep, lists and objects in turn, with many brackets besides."""
    body = inner
    for level in range(depth):
        body = b'{"k": ' + body + b"}" if level % 2 else b"[" + body + b"]"
    return b'{"lines": [' + b",".join([b"[{}]"] * 40) + b'], "deep": ' + body + b"}"


# Bodies with enough brackets to be measured, read back as json reads them once let in.
MEASURED = [
    _nested(30, b'"[[[[ {{{{ ]]]] }}}}"'),
    _nested(20, b"123456789012345678901234567890"),
    _nested(20, b"NaN"),
    b"\xef\xbb\xbf" + _nested(10),
    _nested(10).decode().encode("utf-16"),
    b'{"text": "' + b"[" * 500 + b'"}',  # brackets in a string are not levels
    b"[" * 200 + b" not json",
]


@pytest.mark.parametrize("body", MEASURED)
def test_a_body_let_in_after_its_depth_is_measured_reads_as_json_reads_it(body):
    request = WebhookRequest(
        "POST", "/webhook/x", "", {"content-type": "application/json"}, {}, body
    )
    request.check_nesting()
    expected = _json_loads(body)
    assert _same(
        request.as_trigger_data()["body"],
        expected if expected is not None else body.decode("utf-8", "replace"),
    )
    assert _same(request.json(), expected)


def test_a_body_at_the_nesting_limit_is_let_in_and_one_level_deeper_is_refused():
    at_limit = WebhookRequest("POST", "/webhook/x", "", {}, {}, _nested(MAX_NESTING - 1))
    at_limit.check_nesting()
    assert _same(at_limit.json(), json.loads(at_limit.body))
    for body in (
        _nested(MAX_NESTING),
        _nested(MAX_NESTING, b"123456789012345678901234567890"),  # read by json, not orjson
        b"[" * 1100 + b"]" * 1100,  # deeper than orjson reads
        b"[" * 100_000 + b"]" * 100_000,  # deeper than Python's stack
        b"[" * 100_000,  # deep and unfinished
    ):
        request = WebhookRequest("POST", "/webhook/x", "", {}, {}, body)
        with pytest.raises(WebhookRejected) as refused:
            request.check_nesting()
        assert refused.value.status == 400
        assert str(refused.value) == (
            f"The request's data is nested more than {MAX_NESTING} levels deep, which Flowin "
            "doesn't accept; it was not run."
        )
