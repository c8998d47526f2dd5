"""What one poll of the store's change mark costs (the desktop asks once a second).

PYTHONPATH=. .venv/bin/python bench/change_mark.py
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from flowin_engine.model import Flow
from flowin_engine.store import Store


def main() -> None:
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "flowin.db") as store:
        for number in range(50):
            store.flows.save(Flow(name=f"Flow {number}"))
        store.change_mark()  # opens its connection once
        polls = 20_000
        started = time.perf_counter()
        for _ in range(polls):
            store.change_mark()
        each = (time.perf_counter() - started) / polls
        print(f"one poll of the change mark: {each * 1e6:.1f} µs ({polls} polls)")


if __name__ == "__main__":
    main()
