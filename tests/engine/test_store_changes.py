"""The store tells, cheaply, whether anything in it changed: a window polls it to follow what
the command line, a second Flowin or the runtime wrote."""

from __future__ import annotations

import subprocess
import sys

from flowin_engine.model import Flow, FlowStatus
from flowin_engine.store import Store


def test_the_change_mark_moves_after_a_commit_here_or_in_another_process_and_only_then(
    tmp_path,
):
    with Store(tmp_path / "flowin.db") as store:
        flow = Flow(name="Orders")
        store.flows.save(flow)
        first = store.change_mark()
        assert store.change_mark() == first  # nothing written: nothing to refresh

        store.flows.set_status(flow.id, FlowStatus.ACTIVE)  # this process's own write
        after_own_write = store.change_mark()
        assert after_own_write != first
        assert store.change_mark() == after_own_write

        command = ["flows", "pause", flow.id]
        subprocess.run(
            [sys.executable, "-m", "flowin_engine", "--data-dir", str(tmp_path), *command],
            check=True,
            capture_output=True,
        )
        assert store.change_mark() != after_own_write
        assert store.flows.get(flow.id).status == FlowStatus.PAUSED


def test_a_closed_store_has_no_change_mark_to_poll(tmp_path):
    with Store(tmp_path / "flowin.db") as store:
        store.close()
        assert store.change_mark() is None  # closed: nothing to watch, and no error
