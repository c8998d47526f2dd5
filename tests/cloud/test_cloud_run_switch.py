"""The per-flow switch for running in the cloud: consent, the accounts a flow uses uploaded
sealed (envelope encryption), and deleted when no cloud-run flow uses them any more."""

from __future__ import annotations

import pytest

from flowin_cloud.models import CloudConnection
from flowin_cloud.runner.keys import master_key
from flowin_cloud.runner.vault import LocalMasterKey, Sealed, VaultError, open_sealed

TOKEN = "EAABwzLixnjYBOzYmNMJJGfHq9DgNh"
SECRET = {"access_token": TOKEN, "phone_number_id": "106540352242922"}


def flow_using(account, flow_id: str, connection: str = "wa-1") -> None:
    definition = {
        "id": flow_id,
        "name": flow_id,
        "nodes": [
            {"id": "start", "name": "Start", "type": "core.manual_trigger", "params": {}},
            {
                "id": "thank",
                "name": "Thank",
                "type": "whatsapp.send_text",
                "params": {"connection": connection, "to": "9665", "text": "Hi"},
            },
            # Chosen at run time, or switched off: nothing to upload for these.
            {
                "id": "pick",
                "name": "Pick",
                "type": "whatsapp.send_text",
                "params": {"connection": "{{ trigger.account }}"},
            },
            {
                "id": "old",
                "name": "Old",
                "type": "slack.send_message",
                "disabled": True,
                "params": {"connection": "slack-1"},
            },
        ],
    }
    created = account.client.post(
        "/api/flows",
        json={"id": flow_id, "name": flow_id, "definition": definition},
        headers=account.headers,
    )
    assert created.status_code == 201, created.text


def switch(account, flow_id: str, enabled: bool, consent: bool = True, accounts=()):
    return account.client.put(
        f"/api/flows/{flow_id}/cloud-run",
        json={"enabled": enabled, "consent": consent, "accounts": list(accounts)},
        headers=account.headers,
    )


def upload(connection: str = "wa-1", secret: dict = SECRET) -> dict:
    return {"connection_id": connection, "connector": "whatsapp", "label": "Shop", "secret": secret}


def stored(client, owner_id: str, connection: str = "wa-1") -> CloudConnection | None:
    with client.app.state.cloud.sessions() as session:
        return session.get(CloudConnection, (owner_id, connection))


def test_running_in_the_cloud_needs_consent_and_every_account_and_keeps_them_sealed(
    client, alice, bob
):
    flow_using(alice, "thanks")
    status = client.get("/api/flows/thanks/cloud-run", headers=alice.headers).json()
    assert status == {
        "flow_id": "thanks",
        "cloud_run": False,
        "accounts": [{"connection_id": "wa-1", "connector": "whatsapp", "uploaded": False}],
        "public_url": None,  # a flow without a webhook trigger has no public address
    }

    refused = switch(alice, "thanks", True, consent=False, accounts=[upload()])
    assert refused.status_code == 403 and "wa-1" in refused.json()["detail"]
    missing = switch(alice, "thanks", True)
    assert missing.status_code == 409 and "wa-1" in missing.json()["detail"]
    stranger = switch(alice, "thanks", True, accounts=[upload(), upload("slack-1")])
    assert stranger.status_code == 409 and "slack-1" in stranger.json()["detail"]
    assert switch(bob, "thanks", True, accounts=[upload()]).status_code == 404

    on = switch(alice, "thanks", True, accounts=[upload()])
    assert on.status_code == 200, on.text
    assert on.json()["cloud_run"] is True and on.json()["accounts"][0]["uploaded"] is True

    alice_id = client.get("/auth/me", headers=alice.headers).json()["id"]
    bob_id = client.get("/auth/me", headers=bob.headers).json()["id"]
    row = stored(client, alice_id)
    sealed = Sealed(row.key_id, row.wrapped_key, row.ciphertext)
    assert TOKEN not in row.ciphertext + row.wrapped_key and "phone" not in row.ciphertext
    master = master_key(client.app.state.cloud.settings)
    assert open_sealed(master, alice_id, "wa-1", sealed) == SECRET  # what a worker does
    with pytest.raises(VaultError):  # copied into another account's row, it does not open
        open_sealed(master, bob_id, "wa-1", sealed)
    with pytest.raises(VaultError):  # nor with another master key
        open_sealed(LocalMasterKey(bytes(32)), alice_id, "wa-1", sealed)

    # Uploaded again (a new token), it gets a new data key.
    again = switch(alice, "thanks", True, accounts=[upload(secret={**SECRET, "access_token": "x"})])
    assert again.status_code == 200
    assert stored(client, alice_id).wrapped_key != row.wrapped_key


def test_uploaded_accounts_go_when_no_cloud_run_flow_uses_them_or_they_are_removed(client, alice):
    alice_id = client.get("/auth/me", headers=alice.headers).json()["id"]
    flow_using(alice, "thanks")
    flow_using(alice, "reminders")
    assert switch(alice, "thanks", True, accounts=[upload()]).status_code == 200
    assert switch(alice, "reminders", True).status_code == 200  # wa-1 is there already

    assert switch(alice, "thanks", False).json()["cloud_run"] is False
    assert stored(client, alice_id) is not None  # "reminders" still uses it
    deleted = client.delete("/api/flows/reminders", headers=alice.headers)
    assert deleted.status_code == 204
    assert stored(client, alice_id) is None  # a deleted flow runs nowhere

    assert switch(alice, "thanks", True, accounts=[upload()]).status_code == 200
    removed = client.delete("/api/cloud-accounts/wa-1", headers=alice.headers)
    assert removed.status_code == 204
    assert stored(client, alice_id) is None
    status = client.get("/api/flows/thanks/cloud-run", headers=alice.headers).json()
    assert status["accounts"][0]["uploaded"] is False
