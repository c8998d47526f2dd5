"""Flow sync between two computers through a real flowin-cloud.

Computer A and computer B are two data folders signed in to the same account; what one does
reaches the other only through the server.
"""

from __future__ import annotations

import threading

import jwt
import pytest

from flowin_engine.model import FlowStatus
from flowin_engine.store import LANGUAGE_SETTING
from flowin_engine.sync import (
    COPY_SUFFIX,
    Keep,
    RateLimited,
    SignedOut,
    SignInRefused,
    Sync,
    SyncStatus,
)
from flowin_engine.sync.sync import FETCH_ONE_BY_ONE
from tests.cloud_server import DEFAULT_PASSWORD, CloudServer, cloud_server  # noqa: F401 (a fixture)

from .cloud_computers import (
    Computer,
    greeting,
    greeting_text,
    new_email,
    register,
    server_copy,
    turn_on_two_factor,
)

JWT_SECRET = "a secret only these tests and their own server know"
LOGINS_PER_MINUTE = 3


@pytest.fixture(scope="module")
def cloud(cloud_server):  # noqa: F811 (the imported fixture)
    return cloud_server


@pytest.fixture
def email(cloud):
    address = new_email()
    register(cloud, address)
    return address


@pytest.fixture
def a(tmp_path, cloud, email):
    computer = Computer(tmp_path / "computer-a")
    computer.sign_in(cloud.url, email)
    yield computer
    computer.close()


@pytest.fixture
def b(tmp_path, cloud, email):
    computer = Computer(tmp_path / "computer-b")
    computer.sign_in(cloud.url, email)
    yield computer
    computer.close()


@pytest.fixture
def shared(a, b):
    """A flow made on A that both computers have synced."""
    flow = greeting()
    a.save(flow)
    a.sync()
    b.sync()
    return flow


@pytest.fixture(scope="module")
def own_server(tmp_path_factory):
    """A server of these tests alone: it is stopped, and signs tokens with a known secret."""
    server = CloudServer(
        tmp_path_factory.mktemp("own-cloud"),
        env={
            "FLOWIN_CLOUD_JWT_SECRET": JWT_SECRET,
            "FLOWIN_CLOUD_LOGIN_LIMIT_PER_EMAIL": f"{LOGINS_PER_MINUTE}/minute",
        },
    )
    server.start()
    yield server
    server.stop()


# Flows travel


def requests_of_a_sync(computer) -> list[str]:
    """The requests one sync of ``computer`` sends, as "METHOD path?query"."""
    sent: list[str] = []
    with computer.account.client() as client:
        client._http.event_hooks["request"].append(
            lambda request: sent.append(f"{request.method} {request.url.raw_path.decode()}")
        )
        Sync(computer.store, client).run()
    return sent


def test_a_sync_with_nothing_new_moves_no_definitions(a, b, shared):
    assert requests_of_a_sync(b) == ["GET /api/flows?include_deleted=true"]


def flows_read_by_a_sync(computer, monkeypatch) -> list[str]:
    """The ids of the flows one sync of ``computer`` reads from its store."""
    read: list[str] = []
    real = computer.store.flows.get

    def get_flow(flow_id: str):
        read.append(flow_id)
        return real(flow_id)

    with monkeypatch.context() as patch:
        patch.setattr(computer.store.flows, "get", get_flow)
        computer.sync()
    return read


def test_a_sync_with_nothing_new_reads_no_flow_here(a, b, shared, monkeypatch):
    assert flows_read_by_a_sync(a, monkeypatch) == []
    assert flows_read_by_a_sync(b, monkeypatch) == []

    a.edit(shared.id, "Edited on A")
    assert flows_read_by_a_sync(a, monkeypatch) == [shared.id]  # changed here: read and sent
    assert flows_read_by_a_sync(a, monkeypatch) == []
    # Read on B to pull over it: what stays on a computer (secrets, status) is kept.
    assert flows_read_by_a_sync(b, monkeypatch) == [shared.id]
    assert greeting_text(b.flow(shared.id)) == "Edited on A"
    assert flows_read_by_a_sync(b, monkeypatch) == []


def test_an_agreement_without_a_version_reads_the_flow_once_then_no_more(
    a, b, conflict, monkeypatch
):
    b.resolve(conflict, Keep.MINE)  # recorded by the resolution, with no version of its own
    assert flows_read_by_a_sync(b, monkeypatch) == [conflict]
    assert flows_read_by_a_sync(b, monkeypatch) == []


def test_a_flow_deleted_and_made_again_with_its_id_before_a_sync_is_sent(a, b, shared):
    a.store.flows.delete(shared.id)
    again = greeting(text="Made again")
    again.id = shared.id
    assert a.save(again) == 1  # the same version number the old flow was agreed at

    a.sync()
    b.sync()

    assert greeting_text(b.flow(shared.id)) == "Made again"


def test_a_few_flows_changed_elsewhere_are_read_one_by_one_many_in_one_list(a, b):
    flows = [greeting(f"Flow {n}") for n in range(FETCH_ONE_BY_ONE + 1)]
    for flow in flows:
        a.save(flow)
    a.sync()

    many = requests_of_a_sync(b)
    assert many[1:] == ["GET /api/flows?include_definitions=true&include_deleted=true"]
    assert len(b.names()) == len(flows)

    a.edit(flows[0].id, "Welcome back")
    a.sync()
    few = requests_of_a_sync(b)
    assert few[1:] == [f"GET /api/flows/{flows[0].id}"]
    assert greeting_text(b.flow(flows[0].id)) == "Welcome back"


def test_flows_made_on_one_computer_appear_on_the_other(a, b):
    first, second = greeting("Welcome"), greeting("Order shipped")
    a.save(first)
    a.save(second)

    report = a.sync()
    assert sorted(flow.name for flow in report.pushed) == ["Order shipped", "Welcome"]
    assert report.synced and a.last_status is SyncStatus.SYNCED

    report = b.sync()
    assert sorted(flow.name for flow in report.pulled) == ["Order shipped", "Welcome"]
    assert b.flow(first.id).nodes == first.nodes

    assert a.sync().pushed == [] and b.sync().pulled == []


def test_an_edit_on_one_computer_reaches_the_other_as_a_new_version(a, b, shared):
    b.edit(shared.id, "Hi {{ trigger.name }}, thanks!")
    assert [flow.id for flow in b.sync().pushed] == [shared.id]

    assert [flow.id for flow in a.sync().pulled] == [shared.id]

    assert greeting_text(a.flow(shared.id)) == "Hi {{ trigger.name }}, thanks!"
    history = a.store.flows.version_history(shared.id)
    assert [greeting_text(flow) for _, flow in history] == [
        "Hi {{ trigger.name }}, thanks!",
        "Hello {{ trigger.name }}",
    ]


def test_the_same_edit_on_both_computers_is_no_conflict(a, b, shared):
    a.edit(shared.id, "Same words")
    b.edit(shared.id, "Same words")

    a.sync()
    report = b.sync()

    assert report.synced and report.conflicts == []
    assert a.sync().synced and b.sync().pulled == []


# Conflicts


@pytest.fixture
def conflict(a, b, shared, cloud, email):
    """The flow edited on both computers: A synced first, so B has the conflict."""
    a.edit(shared.id, "Edited on A")
    b.edit(shared.id, "Edited on B")
    a.sync()
    report = b.sync()
    assert [flow.id for flow in report.conflicts] == [shared.id]
    return shared.id


def test_edits_on_both_computers_are_a_conflict_that_changes_nothing_until_resolved(
    a, b, conflict, cloud, email
):
    assert b.last_status is SyncStatus.CONFLICT
    assert greeting_text(b.flow(conflict)) == "Edited on B"
    assert greeting_text(server_copy(cloud, email, conflict)["definition"]) == "Edited on A"

    again = b.sync()
    assert [flow.id for flow in again.conflicts] == [conflict]
    assert not again.synced
    assert greeting_text(b.flow(conflict)) == "Edited on B"
    assert b.conflicts() == [conflict]


def test_keeping_mine_puts_this_computers_flow_in_the_cloud(a, b, conflict, cloud, email):
    b.resolve(conflict, Keep.MINE)

    assert greeting_text(server_copy(cloud, email, conflict)["definition"]) == "Edited on B"
    assert b.conflicts() == [] and b.sync().synced
    a.sync()
    assert greeting_text(a.flow(conflict)) == "Edited on B"


def test_keeping_theirs_saves_the_clouds_flow_here_as_a_new_version(a, b, conflict, cloud, email):
    b.resolve(conflict, "theirs")

    assert greeting_text(b.flow(conflict)) == "Edited on A"
    history = [greeting_text(flow) for _, flow in b.store.flows.version_history(conflict)]
    assert history[:2] == ["Edited on A", "Edited on B"]
    assert greeting_text(server_copy(cloud, email, conflict)["definition"]) == "Edited on A"
    assert b.sync().synced and a.sync().pulled == []


def test_keeping_both_keeps_theirs_under_the_flow_and_mine_as_a_copy(a, b, conflict, cloud, email):
    b.resolve(conflict, Keep.BOTH)

    assert greeting_text(b.flow(conflict)) == "Edited on A"
    copy_name = "Greet a customer" + COPY_SUFFIX
    assert sorted(b.names()) == ["Greet a customer", copy_name]
    copy = next(s for s in b.store.flows.summaries() if s.name == copy_name)
    assert greeting_text(b.flow(copy.id)) == "Edited on B"
    assert greeting_text(server_copy(cloud, email, copy.id)["definition"]) == "Edited on B"
    assert greeting_text(server_copy(cloud, email, conflict)["definition"]) == "Edited on A"

    assert [flow.name for flow in a.sync().pulled] == [copy_name]
    assert sorted(a.names()) == ["Greet a customer", copy_name]


# Deletions


def test_a_flow_deleted_on_one_computer_is_deleted_on_the_other(a, b, shared, cloud, email):
    a.store.flows.delete(shared.id)

    assert [flow.id for flow in a.sync().deleted_there] == [shared.id]
    assert server_copy(cloud, email, shared.id) is None

    assert [flow.id for flow in b.sync().deleted_here] == [shared.id]
    assert not b.has(shared.id)
    assert a.sync().synced and b.sync().synced


def test_a_flow_deleted_here_but_changed_there_comes_back(a, b, shared):
    b.edit(shared.id, "Still needed")
    b.sync()
    a.store.flows.delete(shared.id)

    report = a.sync()

    assert [flow.id for flow in report.restored] == [shared.id]
    assert greeting_text(a.flow(shared.id)) == "Still needed"
    assert b.sync().synced and b.has(shared.id)


def test_a_flow_deleted_there_but_changed_here_is_a_conflict(a, b, shared, cloud, email):
    a.store.flows.delete(shared.id)
    a.sync()
    b.edit(shared.id, "Edited after A deleted it")

    report = b.sync()

    assert [flow.id for flow in report.conflicts] == [shared.id]
    assert greeting_text(b.flow(shared.id)) == "Edited after A deleted it"

    b.resolve(shared.id, Keep.MINE)
    back = [
        flow
        for flow in b.store.flows.summaries()
        if greeting_text(b.flow(flow.id)) == "Edited after A deleted it"
    ]
    assert len(back) == 1
    cloud = server_copy(cloud, email, back[0].id)
    assert greeting_text(cloud["definition"]) == "Edited after A deleted it"
    a.sync()
    assert greeting_text(a.flow(back[0].id)) == "Edited after A deleted it"


def test_keeping_theirs_after_a_deletion_there_deletes_it_here(a, b, shared):
    a.store.flows.delete(shared.id)
    a.sync()
    b.edit(shared.id, "Edited after A deleted it")
    b.sync()

    b.resolve(shared.id, Keep.THEIRS)

    assert not b.has(shared.id)
    assert b.sync().synced


# What stays on each computer


def test_secrets_typed_into_a_step_stay_on_this_computer(a, b, cloud, email):
    flow = greeting()
    flow.nodes.append(
        flow.nodes[1].model_copy(
            update={
                "id": "call",
                "name": "Call",
                "type": "http.request",
                "params": {
                    "url": "https://api.example.com/orders",
                    "headers": {"Authorization": "Bearer sk-live-typed-in"},
                },
            }
        )
    )
    a.save(flow)
    a.sync()

    cloud = server_copy(cloud, email, flow.id)
    assert "sk-live-typed-in" not in str(cloud)
    b.sync()
    assert b.flow(flow.id).node("call").params["headers"] == {"Authorization": ""}

    b.edit(flow.id, "Edited on B")
    b.sync()
    a.sync()
    assert greeting_text(a.flow(flow.id)) == "Edited on B"
    assert a.flow(flow.id).node("call").params["headers"] == {
        "Authorization": "Bearer sk-live-typed-in"
    }
    assert a.sync().pushed == []


def test_whether_a_flow_runs_is_decided_on_each_computer(a, b, cloud, email):
    flow = greeting()
    flow.status = FlowStatus.ACTIVE
    a.save(flow)
    a.sync()
    assert "status" not in server_copy(cloud, email, flow.id)["definition"]

    b.sync()
    assert b.flow(flow.id).status is FlowStatus.DRAFT

    b.store.flows.set_status(flow.id, FlowStatus.PAUSED)
    assert b.sync().pushed == []
    b.edit(flow.id, "Edited on B")
    b.sync()
    a.sync()
    assert a.flow(flow.id).status is FlowStatus.ACTIVE
    assert b.flow(flow.id).status is FlowStatus.PAUSED


# The account


def test_tokens_are_kept_in_the_secret_store_not_the_database(a):
    a.save(greeting())
    a.sync()

    with a.account.client() as client:
        tokens = client.tokens
    assert tokens is not None
    database = a.database.read_bytes() + a.database.with_suffix(".db-wal").read_bytes()
    assert tokens.access.encode() not in database
    assert tokens.refresh.encode() not in database
    assert tokens.access.encode() not in (a.folder / "secrets.enc").read_bytes()
    assert a.account.email.encode() in database


def test_a_wrong_password_is_refused_with_a_sentence(tmp_path, cloud, email):
    computer = Computer(tmp_path / "computer-c")
    with pytest.raises(SignInRefused, match="wrong"):
        computer.account.sign_in(cloud.url, email, "not the password")
    assert not computer.account.signed_in
    computer.close()


def test_after_signing_out_sync_says_so_and_the_tokens_are_gone(a):
    a.account.sign_out()

    assert not a.account.signed_in
    with pytest.raises(SignedOut, match="sign in"):
        a.sync()


def test_an_expired_access_token_is_renewed_without_the_user_noticing(tmp_path, own_server):
    email = new_email()
    register(own_server, email)
    computer = Computer(tmp_path / "computer")
    computer.sign_in(own_server.url, email)
    with computer.account.client() as client:
        tokens = client.tokens
    claims = jwt.decode(tokens.access, JWT_SECRET, algorithms=["HS256"])
    expired = jwt.encode(
        {**claims, "iat": claims["iat"] - 3600, "exp": claims["iat"] - 1800},
        JWT_SECRET,
        algorithm="HS256",
    )
    computer.account._save_tokens(type(tokens)(expired, tokens.refresh))
    computer.save(greeting())

    report = computer.sync()

    assert report.synced and len(report.pushed) == 1
    with computer.account.client() as client:
        renewed = client.tokens
    assert renewed.access != expired and renewed.refresh != tokens.refresh
    assert computer.sync().synced
    computer.close()


def test_edits_made_offline_are_kept_and_sent_when_the_server_is_back(tmp_path, own_server):
    email = new_email()
    register(own_server, email)
    here, there = Computer(tmp_path / "here"), Computer(tmp_path / "there")
    here.sign_in(own_server.url, email)
    there.sign_in(own_server.url, email)
    flow = greeting()
    here.save(flow)
    here.sync()

    own_server.stop()
    try:
        here.edit(flow.id, "Written on a plane")
        report = here.sync()
        assert report.pushed == []
        assert "can't reach" in report.errors[0]
        assert here.last_status is SyncStatus.OFFLINE
        assert greeting_text(here.flow(flow.id)) == "Written on a plane"
    finally:
        own_server.start()

    assert [f.id for f in here.sync().pushed] == [flow.id]
    there.sync()
    assert greeting_text(there.flow(flow.id)) == "Written on a plane"
    here.close()
    there.close()


def test_signing_in_with_two_factor_asks_for_the_code_sent(tmp_path, cloud):
    email = new_email()
    register(cloud, email)
    turn_on_two_factor(cloud, email)
    computer = Computer(tmp_path / "computer")

    pending = computer.account.sign_in(cloud.url, email, DEFAULT_PASSWORD)
    assert pending is not None and pending.challenge.method == "email"
    assert not computer.account.signed_in
    with pytest.raises(SignInRefused):
        computer.account.verify_two_factor(pending, "000000")

    computer.account.verify_two_factor(pending, cloud.last_token("2fa", email))

    assert computer.account.signed_in
    computer.save(greeting())
    assert len(computer.sync().pushed) == 1
    computer.close()


def test_the_account_is_told_the_apps_language_for_its_e_mails(tmp_path, cloud):
    email = new_email()
    computer = Computer(tmp_path / "computer")
    computer.store.set_setting(LANGUAGE_SETTING, "ar")
    computer.account.register(cloud.url, email, DEFAULT_PASSWORD)
    computer.sign_in(cloud.url, email)
    with computer.account.client() as client:
        assert client.me()["language"] == "ar"

    # Switching the app to English and signing in again switches the e-mails too.
    computer.store.set_setting(LANGUAGE_SETTING, "en")
    computer.sign_in(cloud.url, email)
    with computer.account.client() as client:
        assert client.me()["language"] == "en"
    computer.close()


def test_signing_in_to_another_account_starts_afresh(a, cloud, shared):
    other = new_email()
    register(cloud, other)

    a.sign_in(cloud.url, other)

    assert [flow.id for flow in a.sync().pushed] == [shared.id]
    assert server_copy(cloud, other, shared.id) is not None


def test_a_sync_running_while_the_user_saves_loses_no_edit(a, b, shared, cloud, email):
    b.edit(shared.id, "Edited on B")
    b.sync()
    syncing = threading.Thread(target=a.sync)

    syncing.start()
    for number in range(30):
        a.edit(shared.id, f"Edit {number} on A")
    syncing.join()

    assert greeting_text(a.flow(shared.id)) == "Edit 29 on A"
    report = a.sync()
    cloud_text = greeting_text(server_copy(cloud, email, shared.id)["definition"])
    if report.conflicts:  # the pull waited for the next sync, which found both changed
        assert cloud_text == "Edited on B"
        a.resolve(shared.id, Keep.MINE)
    history = [greeting_text(flow) for _, flow in a.store.flows.version_history(shared.id)]
    assert history[0] == "Edit 29 on A"
    assert greeting_text(server_copy(cloud, email, shared.id)["definition"]) == "Edit 29 on A"
    assert a.sync().synced


def test_too_many_sign_ins_are_told_when_to_try_again(tmp_path, own_server):
    email = new_email()
    register(own_server, email)
    computer = Computer(tmp_path / "computer")
    for _ in range(LOGINS_PER_MINUTE):
        with pytest.raises(SignInRefused):
            computer.account.sign_in(own_server.url, email, "not the password")

    with pytest.raises(RateLimited, match="try again in") as refused:
        computer.account.sign_in(own_server.url, email, DEFAULT_PASSWORD)

    assert refused.value.retry_after is not None and refused.value.retry_after > 0
    computer.close()
