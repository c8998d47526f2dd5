"""Where the account is signed in: the list of sign-ins, ending one or all others, and the
longest a sign-in lasts however often it is refreshed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from flowin_cloud.models import RefreshToken
from flowin_cloud.routers.sessions import describe, device_of
from tests.cloud_server import DEFAULT_PASSWORD

DESKTOP = "Flowin desktop 0.1 (Windows)"
CLI = "flowin CLI 0.1 (Linux)"


def sign_in(client, email, agent):
    response = client.post(
        "/auth/login",
        json={"email": email, "password": DEFAULT_PASSWORD},
        headers={"User-Agent": agent},
    )
    assert response.status_code == 200, response.text
    return response.json()


def bearer(tokens):
    return {"Authorization": f"Bearer {tokens['access_token']}"}


def listed(client, tokens):
    response = client.get("/auth/sessions", headers=bearer(tokens))
    assert response.status_code == 200, response.text
    return response.json()["sessions"]


def refresh(client, tokens, agent="flowin CLI 0.1 (Linux)"):
    return client.post(
        "/auth/refresh",
        json={"refresh_token": tokens["refresh_token"]},
        headers={"User-Agent": agent},
    )


def test_the_list_says_which_app_and_system_signed_in_when_from_where_and_which_is_this_one(
    client, alice, bob
):
    before = datetime.now(UTC)
    desktop = sign_in(client, alice.email, DESKTOP)
    cli = sign_in(client, alice.email, CLI)

    sessions = listed(client, cli)
    by_app = {each["app"]: each for each in sessions if each["app"] != "other"}
    assert set(by_app) == {"desktop", "cli"}
    assert by_app["desktop"]["description"] == "Flowin desktop on Windows"
    assert by_app["desktop"]["system"] == "Windows"
    assert by_app["desktop"]["version"] == "0.1"
    assert by_app["desktop"]["user_agent"] == DESKTOP
    assert by_app["cli"]["description"] == "Flowin command line on Linux"
    assert [each["current"] for each in sessions].count(True) == 1
    assert by_app["cli"]["current"] and not by_app["desktop"]["current"]
    for each in by_app.values():
        assert each["ip_address"] == "testclient"  # the client address TestClient gives
        assert datetime.fromisoformat(each["created_at"]) >= before
        assert each["last_used_at"] == each["created_at"]
    # The fixture's own sign-in (no User-Agent of Flowin's) is listed too.
    assert len(sessions) == 3

    # Refreshing keeps the sign-in (its id and start) and moves its last use.
    renewed = refresh(client, desktop, agent="Flowin desktop 0.2 (Windows)").json()
    after = {each["id"]: each for each in listed(client, renewed)}
    again = after[by_app["desktop"]["id"]]
    assert again["current"] and again["created_at"] == by_app["desktop"]["created_at"]
    assert again["last_used_at"] > by_app["desktop"]["last_used_at"]
    assert again["version"] == "0.2"
    assert len(after) == 3

    # Another account sees only its own sign-ins.
    assert {each["id"] for each in listed(client, bob.tokens)}.isdisjoint(after)


def test_ending_a_sign_in_ends_its_refresh_and_access_tokens_at_once(client, alice, bob):
    here = sign_in(client, alice.email, DESKTOP)
    there = sign_in(client, alice.email, CLI)
    (there_id,) = [each["id"] for each in listed(client, there) if each["current"]]

    # Another account's sign-in is not found, and stays.
    assert client.delete(f"/auth/sessions/{there_id}", headers=bob.headers).status_code == 404
    assert client.get("/auth/me", headers=bearer(there)).status_code == 200

    assert client.delete(f"/auth/sessions/{there_id}", headers=bearer(here)).status_code == 204
    assert client.get("/auth/me", headers=bearer(there)).status_code == 401
    assert refresh(client, there).status_code == 401
    assert there_id not in {each["id"] for each in listed(client, here)}
    assert client.delete(f"/auth/sessions/{there_id}", headers=bearer(here)).status_code == 404
    assert client.delete("/auth/sessions/no-such-id", headers=bearer(here)).status_code == 404

    # Ending the sign-in asking is signing out.
    (here_id,) = [each["id"] for each in listed(client, here) if each["current"]]
    assert client.delete(f"/auth/sessions/{here_id}", headers=bearer(here)).status_code == 204
    assert client.get("/auth/me", headers=bearer(here)).status_code == 401


def test_signing_out_everywhere_else_keeps_only_this_sign_in(client, alice, bob):
    here = sign_in(client, alice.email, DESKTOP)
    others = [sign_in(client, alice.email, CLI) for _ in range(2)]

    response = client.delete("/auth/sessions", headers=bearer(here))
    assert response.status_code == 200, response.text
    assert response.json() == {"ended": 3}  # the two above and the fixture's own
    for other in [*others, alice.tokens]:
        assert client.get("/auth/me", headers=bearer(other)).status_code == 401
        assert refresh(client, other).status_code == 401
    (only,) = listed(client, here)
    assert only["current"]
    assert client.get("/auth/me", headers=bearer(here)).status_code == 200
    # Other accounts keep theirs.
    assert client.get("/auth/me", headers=bob.headers).status_code == 200


def test_api_keys_cannot_list_or_end_sign_ins(client, alice):
    key = client.post("/auth/api-keys", json={"name": "script"}, headers=alice.headers).json()
    headers = {"Authorization": f"Bearer {key['key']}"}
    assert client.get("/auth/sessions", headers=headers).status_code == 403
    assert client.delete("/auth/sessions", headers=headers).status_code == 403


def test_a_sign_in_is_not_refreshed_past_its_longest_lifetime(make_client, alice):
    client = make_client(sign_in_days=30, refresh_token_days=30)
    tokens = sign_in(client, alice.email, DESKTOP)
    (family,) = [each["id"] for each in listed(client, tokens) if each["current"]]

    def began(days_ago):
        with client.app.state.engine.begin() as connection:
            connection.execute(
                update(RefreshToken)
                .where(RefreshToken.family_id == family)
                .values(signed_in_at=datetime.now(UTC) - timedelta(days=days_ago))
            )

    # Near its end, a refresh still works, but the new refresh token ends with the sign-in.
    began(29)
    renewed = refresh(client, tokens)
    assert renewed.status_code == 200, renewed.text
    tokens = renewed.json()
    (current,) = [each for each in listed(client, tokens) if each["current"]]
    ends = datetime.fromisoformat(current["expires_at"])
    assert ends < datetime.now(UTC) + timedelta(days=1, minutes=1)

    # Past it, the refresh is refused and the sign-in is no longer listed.
    began(31)
    refused = refresh(client, tokens)
    assert refused.status_code == 401
    assert "sign in again" in refused.json()["detail"]
    other = sign_in(client, alice.email, CLI)
    assert family not in {each["id"] for each in listed(client, other)}
    assert client.get("/auth/me", headers=bearer(tokens)).status_code == 401


def test_user_agents_are_described_in_plain_words():
    cases = {
        "Flowin desktop 0.1 (Windows)": ("desktop", "Windows", "Flowin desktop on Windows"),
        "Flowin desktop 0.1 (macOS 14.2)": ("desktop", "macOS", "Flowin desktop on macOS"),
        "flowin CLI 0.1 (Linux)": ("cli", "Linux", "Flowin command line on Linux"),
        "flowin CLI": ("cli", None, "Flowin command line"),
        "Mozilla/5.0 (Linux; Android 14) Firefox/120": ("other", "Android", "An app on Android"),
        "python-httpx/0.27.0": ("other", None, "An app"),
        "": ("other", None, "An app"),
    }
    for agent, (app, system, words) in cases.items():
        device = device_of(agent)
        assert (device.app, device.system, describe(device)) == (app, system, words), agent
