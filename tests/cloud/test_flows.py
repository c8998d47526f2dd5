"""The flows API: create, read, change and delete with revisions, tombstones and owners."""

from __future__ import annotations

GREET = {"name": "Greet", "nodes": [{"id": "start", "type": "core.manual_trigger"}], "edges": []}


def create(account, flow_id="greet", name="Greet", definition=GREET):
    return account.client.post(
        "/api/flows",
        json={"id": flow_id, "name": name, "definition": definition},
        headers=account.headers,
    )


def test_a_new_flow_starts_at_revision_1_and_reads_back(alice):
    created = create(alice)
    assert created.status_code == 201
    assert created.json()["revision"] == 1
    read = alice.client.get("/api/flows/greet", headers=alice.headers).json()
    assert read["definition"] == GREET
    assert read["name"] == "Greet"
    assert read["deleted"] is False


def test_without_an_id_the_server_makes_one(alice):
    created = alice.client.post(
        "/api/flows", json={"name": "x", "definition": {}}, headers=alice.headers
    )
    assert created.status_code == 201
    assert len(created.json()["id"]) == 36


def test_creating_an_id_the_account_has_is_409_with_the_current_flow(alice):
    create(alice)
    again = create(alice, name="Other")
    assert again.status_code == 409
    assert again.json()["current"]["name"] == "Greet"
    assert again.json()["current"]["definition"] == GREET


def test_another_user_may_use_the_same_flow_id(alice, bob):
    create(alice)
    assert create(bob, name="Bob's").status_code == 201
    assert alice.client.get("/api/flows/greet", headers=alice.headers).json()["name"] == "Greet"


def test_the_list_leaves_out_definitions_unless_asked(alice):
    create(alice)
    listed = alice.client.get("/api/flows", headers=alice.headers).json()["flows"]
    assert [flow["id"] for flow in listed] == ["greet"]
    assert listed[0].get("definition") is None
    full = alice.client.get("/api/flows?include_definitions=true", headers=alice.headers).json()[
        "flows"
    ]
    assert full[0]["definition"] == GREET


def test_a_change_on_the_current_revision_bumps_it(alice):
    create(alice)
    changed = alice.client.put(
        "/api/flows/greet",
        json={"name": "Greet v2", "definition": {"v": 2}, "base_revision": 1},
        headers=alice.headers,
    )
    assert changed.status_code == 200
    assert changed.json()["revision"] == 2
    assert changed.json()["definition"] == {"v": 2}


def test_a_change_on_an_old_revision_is_409_with_the_current_flow(alice):
    create(alice)
    alice.client.put(
        "/api/flows/greet",
        json={"name": "A", "definition": {"v": 2}, "base_revision": 1},
        headers=alice.headers,
    )
    stale = alice.client.put(
        "/api/flows/greet",
        json={"name": "B", "definition": {"v": 3}, "base_revision": 1},
        headers=alice.headers,
    )
    assert stale.status_code == 409
    assert stale.json()["current"]["revision"] == 2
    assert stale.json()["current"]["definition"] == {"v": 2}
    assert "revision 1" in stale.json()["detail"]


def test_a_change_without_base_revision_wins(alice):
    create(alice)
    changed = alice.client.put(
        "/api/flows/greet", json={"name": "A", "definition": {}}, headers=alice.headers
    )
    assert changed.json()["revision"] == 2


def test_deleting_leaves_a_tombstone_with_a_higher_revision(alice):
    create(alice)
    assert (
        alice.client.delete("/api/flows/greet?base_revision=1", headers=alice.headers).status_code
        == 204
    )
    assert alice.client.get("/api/flows/greet", headers=alice.headers).status_code == 404
    assert alice.client.get("/api/flows", headers=alice.headers).json()["flows"] == []
    tombstones = alice.client.get("/api/flows?include_deleted=true", headers=alice.headers).json()[
        "flows"
    ]
    assert [(f["id"], f["deleted"], f["revision"]) for f in tombstones] == [("greet", True, 2)]


def test_deleting_on_an_old_revision_is_409_and_keeps_the_flow(alice):
    create(alice)
    alice.client.put(
        "/api/flows/greet", json={"name": "A", "definition": {}}, headers=alice.headers
    )
    assert (
        alice.client.delete("/api/flows/greet?base_revision=1", headers=alice.headers).status_code
        == 409
    )
    assert alice.client.get("/api/flows/greet", headers=alice.headers).status_code == 200


def test_a_deleted_flow_cannot_be_changed_deleted_again_or_recreated(alice):
    create(alice)
    alice.client.delete("/api/flows/greet", headers=alice.headers)
    assert (
        alice.client.put(
            "/api/flows/greet", json={"name": "A", "definition": {}}, headers=alice.headers
        ).status_code
        == 404
    )
    assert alice.client.delete("/api/flows/greet", headers=alice.headers).status_code == 404
    recreated = create(alice)
    assert recreated.status_code == 409
    assert recreated.json()["current"]["deleted"] is True


def test_reading_another_users_flow_is_404(alice, bob):
    create(alice)
    assert bob.client.get("/api/flows/greet", headers=bob.headers).status_code == 404
    assert bob.client.get("/api/flows", headers=bob.headers).json()["flows"] == []


def test_changing_another_users_flow_is_404_and_changes_nothing(alice, bob):
    create(alice)
    response = bob.client.put(
        "/api/flows/greet", json={"name": "Mine", "definition": {}}, headers=bob.headers
    )
    assert response.status_code == 404
    assert alice.client.get("/api/flows/greet", headers=alice.headers).json()["name"] == "Greet"


def test_deleting_another_users_flow_is_404_and_keeps_it(alice, bob):
    create(alice)
    assert bob.client.delete("/api/flows/greet", headers=bob.headers).status_code == 404
    assert alice.client.get("/api/flows/greet", headers=alice.headers).status_code == 200


def test_a_definition_must_be_a_json_object(alice):
    response = alice.client.post(
        "/api/flows", json={"name": "x", "definition": [1, 2]}, headers=alice.headers
    )
    assert response.status_code == 422


def test_a_flow_over_the_size_limit_is_413(make_client, sign_up):
    client = make_client(max_flow_bytes=1024)
    account = sign_up()
    account.client = client
    big = {"notes": "x" * 2000}
    response = client.post(
        "/api/flows", json={"name": "big", "definition": big}, headers=account.headers
    )
    assert response.status_code == 413
    assert "1 KB" in response.json()["detail"]


def test_the_flows_api_needs_a_bearer(client):
    assert client.get("/api/flows").status_code == 401
