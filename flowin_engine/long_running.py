"""What a process that answers webhooks for hours (``flowin serve`` and each of its workers)
settles once it has started, so that no request waits for the interpreter's housekeeping.

Python's cyclic garbage collector now and then walks every object the process holds, with the
GIL held: after start-up that is a couple of hundred thousand objects (the modules, the
connectors' manifests, SQLAlchemy's and aiohttp's classes, the flows' compiled plans), about
100–200 ms on the machine the benchmarks run on, once every few thousand requests — the
slowest requests of a busy server (bench/README.md, "Where the tail came from"). Frozen after
start-up, those objects are never walked again; the collections that remain look at what was
made since, and stay well under a millisecond.
"""

from __future__ import annotations

import gc


def freeze_start_up_objects() -> None:
    """Leave every object alive now out of later garbage collections (they stay alive; the
    collector just stops re-checking them). Call once, when start-up is done."""
    gc.collect()
    gc.freeze()
