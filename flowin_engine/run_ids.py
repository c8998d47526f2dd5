"""The ids of runs: they begin with the time, so that the history grows at one end.

A run's id is the key of its row and of its steps' rows. Random ids (uuid4) put every new run
on a random page of both indexes, so each group of runs committed wrote a page of the log per
run, and the checkpoints copied them all back into the file. An id laid out as a UUIDv7
(RFC 9562: 48 bits of Unix milliseconds, the version, then random bits) puts the runs of a
moment side by side on the indexes' last pages. ``bench/webhook_ab.py`` at 16 callers at once:
a fifth less CPU per webhook answered 202, a tenth less for one answered with the run's output.

A run is shown by the last eight characters of its id (``short_id``): they are random, where
the first ones, the time, are the same for every run of a minute.
"""

from __future__ import annotations

import os
import threading
import time

SHORT_ID_LENGTH = 8
_RANDOM_BYTES = 10  # 74 of these 80 bits are used: 12 before the variant, 62 after
IDS_AT_ONCE = 256
_random: list[int] = []
_random_lock = threading.Lock()
os.register_at_fork(after_in_child=_random.clear)  # a forked process draws its own


def new_run_id() -> str:
    """A new run's id: 32 hex digits, time-ordered to the millisecond, random within it.

    The random bits are read from the system 256 ids at a time: a system call lets go of the
    GIL and waits behind busy threads to take it back, and the event loop making ids should
    wait once per 256 requests, not for each."""
    with _random_lock:
        if not _random:
            raw = os.urandom(_RANDOM_BYTES * IDS_AT_ONCE)
            _random.extend(
                int.from_bytes(raw[i : i + _RANDOM_BYTES], "big")
                for i in range(0, len(raw), _RANDOM_BYTES)
            )
        bits = _random.pop()
    milliseconds = time.time_ns() // 1_000_000
    value = (
        (milliseconds & 0xFFFF_FFFF_FFFF) << 80
        | 0x7 << 76  # the version
        | (bits >> 68) << 64  # 12 random bits
        | 0b10 << 62  # the variant
        | bits & 0x3FFF_FFFF_FFFF_FFFF  # 62 random bits
    )
    return f"{value:032x}"


def short_id(run_id: str) -> str:
    """The part of a run's id that people are shown and may type back (its random end)."""
    return run_id[-SHORT_ID_LENGTH:]
