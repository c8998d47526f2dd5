"""Step data as the history keeps it: secrets masked, and big values cut to a marker.

The history shows what each step received and gave. A 16 MB webhook body passes through the
trigger's input and output and the next step's input: kept whole everywhere, one run would cost
several times its size. So a step's input or output whose JSON is longer than
``HISTORY_LIMIT`` keeps its small fields, and each big part becomes a marker::

    {"_truncated": true, "size": 16777216, "preview": "{\"orders\": [{\"id\": 1, …"}

``size`` is the part's JSON in bytes, ``preview`` its first characters. The run's trigger data
is kept whole, once (``executions.trigger_data``): a retry and a resumed run start from it, and
a step whose output was cut runs again on a retry instead of replaying the marker.
"""

from __future__ import annotations

from typing import Any

from ._schema import StoredJSON, dump_json
from .redact import redact

HISTORY_LIMIT = 256 * 1024  # characters of JSON one step's input or output may take
PREVIEW_LENGTH = 1000
TRUNCATED = "_truncated"
# Parts of a big value at most this long are kept; longer ones are cut in their turn.
_PART_LIMIT = HISTORY_LIMIT // 8
_DEPTH = 3  # how deep into nested objects a big value is searched for its big parts


def for_history(value: Any) -> Any:
    """What a JSONText column stores for ``value``: masked, and cut to markers where it is big.

    A small value comes back as its JSON text already made (``StoredJSON``), a big one as a
    smaller value.
    """
    if value is None:
        return None
    masked = redact(value)
    text = dump_json(masked)
    if len(text) <= HISTORY_LIMIT:
        return StoredJSON(text)  # already made: the column stores it without encoding again
    return _cut(masked, text, _DEPTH)


def shrink(value: Any) -> Any:
    """``value`` itself when its JSON is short enough for the history, else cut to markers; for
    showing a run's whole trigger data without laying out megabytes."""
    text = dump_json(value)
    return value if len(text) <= HISTORY_LIMIT else _cut(value, text, _DEPTH)


def is_truncated(value: Any) -> bool:
    """Whether the history cut any part of ``value``."""
    if isinstance(value, dict):
        return value.get(TRUNCATED) is True or any(is_truncated(v) for v in value.values())
    if isinstance(value, list):
        return any(is_truncated(item) for item in value)
    return False


def _cut(value: Any, text: str, depth: int) -> Any:
    """A smaller stand-in for ``value``, whose JSON ``text`` is too long to keep."""
    if isinstance(value, dict) and depth > 0:
        kept: dict[str, Any] = {}
        for key, item in value.items():
            part = dump_json(item)
            kept[key] = item if len(part) <= _PART_LIMIT else _cut(item, part, depth - 1)
        if len(dump_json(kept)) <= HISTORY_LIMIT:
            return kept
    return {
        TRUNCATED: True,
        "size": len(text.encode()),
        "preview": text[:PREVIEW_LENGTH] + "…",
    }
