"""API keys: shown once, listed masked, toggled, deleted, limited, and usable on /api."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def new_key(account, name="Zapier", **extra):
    return account.client.post(
        "/auth/api-keys", json={"name": name, **extra}, headers=account.headers
    )


def bearer(key):
    return {"Authorization": f"Bearer {key}"}


def test_a_new_key_is_shown_in_full_once_and_listed_masked(alice):
    created = new_key(alice)
    assert created.status_code == 201
    key = created.json()["key"]
    assert key.startswith("flw_") and len(key) > 40
    listed = alice.client.get("/auth/api-keys", headers=alice.headers).json()["api_keys"]
    assert [k["key"] for k in listed] == [f"{key[:8]}...{key[-4:]}"]
    assert key not in str(listed)


def test_an_api_key_reads_flows_and_records_when_it_was_used(alice):
    key = new_key(alice).json()["key"]
    assert alice.client.get("/api/flows", headers=bearer(key)).status_code == 200
    assert alice.client.get("/auth/me", headers=bearer(key)).json()["email"] == alice.email
    listed = alice.client.get("/auth/api-keys", headers=alice.headers).json()["api_keys"]
    assert listed[0]["last_used_at"] is not None


def test_an_api_key_cannot_manage_the_account(alice):
    key = new_key(alice).json()["key"]
    response = alice.client.post("/auth/api-keys", json={"name": "more"}, headers=bearer(key))
    assert response.status_code == 403
    assert alice.client.post("/auth/logout", headers=bearer(key)).status_code == 403


def test_a_switched_off_key_is_refused_until_switched_on(alice):
    created = new_key(alice).json()
    toggled = alice.client.post(f"/auth/api-keys/{created['id']}/toggle", headers=alice.headers)
    assert toggled.json()["is_active"] is False
    assert alice.client.get("/api/flows", headers=bearer(created["key"])).status_code == 401
    alice.client.post(f"/auth/api-keys/{created['id']}/toggle", headers=alice.headers)
    assert alice.client.get("/api/flows", headers=bearer(created["key"])).status_code == 200


def test_a_deleted_key_is_refused(alice):
    created = new_key(alice).json()
    assert (
        alice.client.delete(f"/auth/api-keys/{created['id']}", headers=alice.headers).status_code
        == 204
    )
    assert alice.client.get("/api/flows", headers=bearer(created["key"])).status_code == 401
    assert alice.client.get("/auth/api-keys", headers=alice.headers).json()["api_keys"] == []


def test_an_expired_key_is_refused(alice, client):
    soon = datetime.now(UTC) + timedelta(seconds=1)
    created = new_key(alice, expires_at=soon.isoformat()).json()
    # Let the expiry pass without sleeping: the key's row says when it expires.
    from flowin_cloud.models import ApiKey

    with client.app.state.cloud.sessions() as session:
        session.get(ApiKey, created["id"]).expires_at = datetime.now(UTC) - timedelta(minutes=1)
        session.commit()
    assert alice.client.get("/api/flows", headers=bearer(created["key"])).status_code == 401


def test_an_expiry_in_the_past_is_400(alice):
    past = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    assert new_key(alice, expires_at=past).status_code == 400


def test_an_account_has_at_most_five_keys(alice):
    for number in range(5):
        assert new_key(alice, name=f"key {number}").status_code == 201
    sixth = new_key(alice, name="one too many")
    assert sixth.status_code == 409
    assert "5 API keys" in sixth.json()["detail"]


def test_the_key_limit_is_configurable(make_client, sign_up):
    client = make_client(api_keys_per_user=1)
    account = sign_up()
    account.client = client
    assert new_key(account).status_code == 201
    assert new_key(account).status_code == 409


def test_toggling_another_users_key_is_404_and_changes_nothing(alice, bob):
    created = new_key(alice).json()
    assert (
        bob.client.post(f"/auth/api-keys/{created['id']}/toggle", headers=bob.headers).status_code
        == 404
    )
    assert alice.client.get("/api/flows", headers=bearer(created["key"])).status_code == 200


def test_deleting_another_users_key_is_404_and_keeps_it(alice, bob):
    created = new_key(alice).json()
    assert (
        bob.client.delete(f"/auth/api-keys/{created['id']}", headers=bob.headers).status_code == 404
    )
    assert bob.client.get("/auth/api-keys", headers=bob.headers).json()["api_keys"] == []
    assert alice.client.get("/api/flows", headers=bearer(created["key"])).status_code == 200


def test_an_api_key_sees_only_its_owners_flows(alice, bob):
    alice.client.post(
        "/api/flows", json={"id": "a", "name": "A", "definition": {}}, headers=alice.headers
    )
    bobs_key = new_key(bob).json()["key"]
    assert bob.client.get("/api/flows/a", headers=bearer(bobs_key)).status_code == 404
    assert bob.client.delete("/api/flows/a", headers=bearer(bobs_key)).status_code == 404


def test_an_expiry_past_ten_years_is_refused_in_a_sentence_even_in_year_9999(alice):
    for far in ("9999-12-31T23:59:59-12:00", "9999-12-31T23:59:59Z", "2999-01-01T00:00:00Z"):
        response = new_key(alice, expires_at=far)
        assert response.status_code == 422, response.text
        assert response.json()["detail"] == (
            "An API key can expire at most 10 years from now; leave the expiry out for a key "
            "that never expires."
        )
    nine_years = datetime.now(UTC) + timedelta(days=9 * 365)
    assert new_key(alice, expires_at=nine_years.isoformat()).status_code == 201
