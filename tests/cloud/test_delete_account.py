"""Deleting an account removes every row of it, and nothing of anyone else."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from flowin_cloud.models import (
    OWNED_BY_ACCOUNT,
    Base,
    CloudConnection,
    CloudTrigger,
    Execution,
    ExecutionStep,
    PolledItem,
    ScheduleTick,
    User,
)
from flowin_cloud.triggers.jobs import add_job
from tests.cloud.test_oauth import Desktop
from tests.oauth_providers import FakeProviders


@pytest.fixture
def providers(httpserver) -> FakeProviders:
    return FakeProviders(httpserver)


@pytest.fixture
def client(make_client, providers):
    """The cloud with Google sign-in, so accounts get OAuth rows too."""
    return make_client(**providers.settings())


def test_every_table_with_rows_of_an_account_is_emptied_by_deleting_it():
    owned = {
        table.name
        for table in Base.metadata.tables.values()
        if any(key.column.table.name == "users" for key in table.foreign_keys)
    }
    assert owned == {model.__tablename__ for model in OWNED_BY_ACCOUNT}


def rows_of(client, user_id):
    counts = {}
    with client.app.state.cloud.sessions() as session:
        for table in OWNED_BY_ACCOUNT:
            owner = table.owner_id if hasattr(table, "owner_id") else table.user_id
            counts[table.__tablename__] = session.scalar(
                select(func.count()).where(owner == user_id)
            )
        counts["users"] = session.scalar(select(func.count()).where(User.id == user_id))
    return counts


def fill(account, mailbox, providers):
    client = account.client
    client.post(
        "/auth/verify/email/confirm",
        json={"token": mailbox.last_token("verify-email", account.email)},
    )
    client.post(
        "/api/flows", json={"id": "f", "name": "F", "definition": {}}, headers=account.headers
    )
    client.post("/api/run/f", json={"input": 1}, headers=account.headers)
    client.post("/auth/api-keys", json={"name": "k"}, headers=account.headers)
    # A public webhook address, a request kept for the computer, and the computer's presence.
    (hook,) = client.put(
        "/relay/hooks", json=[{"flow_id": "f", "node_id": "t"}], headers=account.headers
    ).json()
    client.post("/hooks/" + hook["url"].split("/hooks/", 1)[1], content=b"{}")
    client.get("/relay/events", headers=account.headers)
    client.post(
        "/auth/2fa/enable",
        json={"method": "email", "password": account.password},
        headers=account.headers,
    )
    client.post("/auth/login", json={"email": account.email, "password": account.password})
    client.post("/auth/forgot-password", json={"email": account.email})
    # Google sign-in to the verified address: a sign-in row, and the Google account linked.
    providers.userinfo.update(email=account.email, sub=uuid.uuid4().hex)
    desktop = Desktop(client)
    assert desktop.sign_in()["code"]
    # What cloud-run flows' triggers keep: a run in the outbox, a schedule, its tick, a polled item.
    user_id = client.get("/auth/me", headers=account.headers).json()["id"]
    moment = datetime.now(UTC)
    with client.app.state.cloud.sessions() as session, session.begin():
        job_id = add_job(session, user_id, "f", "schedule", {"n": 1})
        keys = {"owner_id": user_id, "flow_id": "f", "node_id": "start"}
        session.add(CloudTrigger(**keys, kind="schedule", flow_revision=1, settings="{}"))
        session.add(ScheduleTick(**keys, planned_at=moment, job_id=job_id))
        session.add(PolledItem(**keys, item_key="row-1"))
    cloud_run_rows(client, user_id)


def cloud_run_rows(client, user_id):
    """What a cloud-run flow leaves: an uploaded account and the steps of a run."""
    with client.app.state.cloud.sessions() as session:
        run = session.scalars(select(Execution).where(Execution.owner_id == user_id)).first()
        session.add(
            CloudConnection(
                owner_id=user_id,
                id="whatsapp-1",
                connector="whatsapp",
                label="Shop",
                key_id="local:test",
                wrapped_key="d3JhcHBlZA==",
                ciphertext="c2VhbGVk",
            )
        )
        session.add(
            ExecutionStep(
                execution_id=run.id,
                owner_id=user_id,
                node_id="start",
                node_name="Start",
                node_type="core.manual_trigger",
                status="success",
            )
        )
        session.commit()


def test_deleting_the_account_removes_every_row_of_it(client, alice, bob, mailbox, providers):
    fill(alice, mailbox, providers)
    fill(bob, mailbox, providers)
    user_id = client.get("/auth/me", headers=alice.headers).json()["id"]
    assert all(rows_of(client, user_id).values())
    response = client.post(
        "/auth/delete-account", json={"password": alice.password}, headers=alice.headers
    )
    assert response.status_code == 204
    assert set(rows_of(client, user_id).values()) == {0}
    bob_id = client.get("/auth/me", headers=bob.headers).json()["id"]
    assert all(rows_of(client, bob_id).values())


def test_a_deleted_account_can_no_longer_sign_in_or_use_its_token(client, alice):
    client.post("/auth/delete-account", json={"password": alice.password}, headers=alice.headers)
    assert client.get("/auth/me", headers=alice.headers).status_code == 401
    assert (
        client.post(
            "/auth/login", json={"email": alice.email, "password": alice.password}
        ).status_code
        == 401
    )


def test_deleting_needs_the_password(client, alice):
    response = client.post(
        "/auth/delete-account", json={"password": "not my password"}, headers=alice.headers
    )
    assert response.status_code == 403
    assert client.get("/auth/me", headers=alice.headers).status_code == 200
