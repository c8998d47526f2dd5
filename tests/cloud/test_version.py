"""GET /api/version: the newest desktop version, which the app only tells its user about."""

from __future__ import annotations

from importlib.metadata import version


def test_the_newest_desktop_version_is_the_configured_one_or_the_servers_own(make_client):
    answer = make_client().get("/api/version")  # no sign-in: the About dialog asks it
    assert answer.status_code == 200
    assert answer.json() == {"latest_desktop_version": version("flowin")}

    configured = make_client(latest_desktop_version="0.2.0").get("/api/version")
    assert configured.json() == {"latest_desktop_version": "0.2.0"}
