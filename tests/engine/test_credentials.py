import json

import pytest

from flowin_engine.credentials import Connections, EncryptedFileSecrets
from flowin_engine.errors import FlowinError, NotFound
from flowin_engine.runner import Runner
from flowin_engine.store import Store

from .builders import make_flow, registry_with_testkit


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "flowin.db") as store:
        yield store


@pytest.fixture
def connections(store, tmp_path):
    return Connections(store, EncryptedFileSecrets(tmp_path))


def test_secrets_never_reach_the_database(store, connections, tmp_path):
    added = connections.add("telegram", "Shop bot", {"bot_token": "123456:ABC-very-secret"})
    assert connections.secret(added.id) == {"bot_token": "123456:ABC-very-secret"}
    assert b"very-secret" not in (tmp_path / "flowin.db").read_bytes()
    assert b"very-secret" not in (tmp_path / "secrets.enc").read_bytes()
    assert [c.label for c in connections.list("telegram")] == ["Shop bot"]


def test_the_key_file_is_private(connections, tmp_path):
    connections.add("slack", "Team", {"token": "xoxb-1"})
    assert (tmp_path / "secrets.key").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "secrets.enc").stat().st_mode & 0o777 == 0o600


def test_removed_connection_is_a_clear_error(connections):
    added = connections.add("slack", "Team", {"token": "xoxb-1"})
    connections.remove(added.id)
    with pytest.raises(NotFound, match="pick an account again"):
        connections.secret(added.id)


def test_a_corrupted_secrets_file_asks_to_reconnect(connections, tmp_path):
    connections.add("slack", "Team", {"token": "xoxb-1"})
    (tmp_path / "secrets.enc").write_bytes(b"garbage")
    with pytest.raises(FlowinError, match="reconnect your accounts"):
        connections.list() and connections.secret(connections.list()[0].id)


def test_a_step_reads_its_account_through_the_context(store, connections):
    added = connections.add("testkit", "Account", {"api_key": "k-123"})
    flow = make_flow(
        [("Start", "testkit.start", {}), ("Use", "testkit.use_secret", {"connection": added.id})],
        ["Start -> Use"],
    )
    with Runner(
        registry_with_testkit(), connections=connections, history=store.executions
    ) as runner:
        result = runner.run(flow, {})
    assert result.outputs["Use"] == {"key_length": 5}
    detail = store.executions.get(result.execution_id)
    stored = json.dumps([s.input for s in detail.steps] + [s.output for s in detail.steps])
    assert "k-123" not in stored


def test_a_step_without_an_account_says_to_pick_one(connections):
    flow = make_flow(
        [("Start", "testkit.start", {}), ("Use", "testkit.use_secret", {})], ["Start -> Use"]
    )
    with Runner(registry_with_testkit(), connections=connections) as runner:
        result = runner.run(flow, {})
    assert result.error == "'Use' needs an account: pick one under Account."


WRITER = """
import sys
from pathlib import Path
from flowin_engine.credentials import EncryptedFileSecrets

secrets = EncryptedFileSecrets(Path(sys.argv[1]))
for index in range(int(sys.argv[3])):
    secrets.set(f"{sys.argv[2]}:{index}", "secret")
"""


def test_secrets_written_at_once_by_two_programs_and_two_threads_are_all_kept(tmp_path):
    """The app, `flowin` commands and a step refreshing a token may each save a secret at the
    same moment, each with a store of its own: none of them may lose another's."""
    import subprocess
    import sys
    import threading

    count = 40
    programs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), f"program{n}", str(count)])
        for n in range(2)
    ]

    def write(name: str) -> None:
        secrets = EncryptedFileSecrets(tmp_path)
        for index in range(count):
            secrets.set(f"{name}:{index}", "secret")

    threads = [threading.Thread(target=write, args=(f"thread{n}",)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for program in programs:
        assert program.wait(60) == 0
    kept = EncryptedFileSecrets(tmp_path)
    missing = [
        f"{name}:{index}"
        for name in ("program0", "program1", "thread0", "thread1")
        for index in range(count)
        if kept.get(f"{name}:{index}") is None
    ]
    assert missing == []
