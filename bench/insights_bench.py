"""How long the insights take to read on a busy history.

Writes 20 000 runs (three flows, two steps each, one run in ten failing) over 30 days through
the store's own API into a fresh database, then times ``flowin_engine.insights.gather`` for the
dashboard's two periods (best of 5) and prints SQLite's plan for each query, to show that they
start from an index. Asserts nothing:

    PYTHONPATH=$PWD .venv/bin/python bench/insights_bench.py [RUNS]
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from flowin_engine.insights import gather
from flowin_engine.store import Store
from tests.insight_histories import seed_busy

PLANS = {
    "runs per day": "SELECT flow_id, date(started_at, '+120 minutes') d, status, count(*) "
    "FROM executions WHERE started_at >= ? AND started_at < ? AND mode NOT IN ('manual') "
    "GROUP BY flow_id, d, status",
    "failed runs": "SELECT id FROM executions WHERE started_at >= ? AND started_at < ? "
    "AND status = 'failed' ORDER BY started_at DESC",
    "latest failure of a step": "SELECT s.finished_at, s.error FROM steps s JOIN executions e "
    "ON s.execution_id = e.id WHERE e.flow_id = ? AND e.started_at >= ? AND s.node_id = 'step' "
    "AND s.status = 'failed' ORDER BY e.started_at DESC LIMIT 1",
}


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "flowin.db"
        with Store(path) as store:
            started = time.perf_counter()
            seed_busy(store, runs, days=30, now=now)
            print(
                f"wrote {runs} runs in {time.perf_counter() - started:.1f} s "
                f"({path.stat().st_size / 1e6:.1f} MB)"
            )
            for days in (7, 30):
                timings = []
                for _ in range(5):
                    started = time.perf_counter()
                    insights = gather(store, days, now=now, utc_offset=timedelta(hours=2))
                    timings.append(time.perf_counter() - started)
                print(
                    f"{days:>2} days: {insights.runs:>6} runs, best {min(timings) * 1000:.1f} ms,"
                    f" worst {max(timings) * 1000:.1f} ms"
                )
        with sqlite3.connect(path) as connection:
            for name, query in PLANS.items():
                params = (now.isoformat(),) * query.count("?")
                plan = connection.execute(f"EXPLAIN QUERY PLAN {query}", params).fetchall()
                print(f"{name}: " + "; ".join(row[-1] for row in plan))


if __name__ == "__main__":
    main()
