"""Sign-ins made before the server learnt when a sign-in began: the upgrade dates each one from
its first token still kept, so the longest lifetime counts for them too."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from alembic import command
from alembic.config import Config
from fastapi.testclient import TestClient
from sqlalchemy import MetaData, select

from flowin_cloud import create_app, db
from flowin_cloud.security import digest
from tests.cloud.conftest import settings_for


def _upgrade(engine, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(db.MIGRATIONS).replace("%", "%%"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def test_sign_ins_from_before_the_upgrade_begin_at_their_first_token(database_url, tmp_path):
    now = datetime.now(UTC)
    engine = db.connect(database_url)
    try:
        _upgrade(engine, "0006")
        tables = MetaData()
        tables.reflect(engine)
        users, tokens = tables.tables["users"], tables.tables["refresh_tokens"]

        def token(name: str, family: str, made: datetime, used: bool) -> dict[str, object]:
            return {
                "id": name,
                "user_id": "u1",
                "family_id": family,
                "token_hash": digest(name),
                "created_at": made,
                "expires_at": made + timedelta(days=30),
                "used_at": made + timedelta(hours=1) if used else None,
                "revoked_at": None,
            }

        with engine.begin() as connection:
            connection.execute(
                users.insert().values(
                    id="u1", email="old@example.com", password_hash="x", plan="free",
                    created_at=now - timedelta(days=90),
                )
            )  # fmt: skip
            connection.execute(
                tokens.insert(),
                [
                    # Signed in 40 days ago, refreshed since: past the longest lifetime.
                    token("old-first", "old", now - timedelta(days=40), used=True),
                    token("old-live", "old", now - timedelta(days=2), used=False),
                    # Signed in 3 days ago.
                    token("new-first", "new", now - timedelta(days=3), used=True),
                    token("new-live", "new", now - timedelta(days=1), used=False),
                ],
            )
        db.migrate(engine)
        upgraded = MetaData()
        upgraded.reflect(engine)
        tokens = upgraded.tables["refresh_tokens"]
        with engine.connect() as connection:
            began = dict(connection.execute(select(tokens.c.id, tokens.c.signed_in_at)).all())
    finally:
        engine.dispose()

    def day(moment) -> object:
        return moment.replace(tzinfo=moment.tzinfo or UTC).astimezone(UTC).date()

    assert day(began["old-live"]) == day(began["old-first"]) == (now - timedelta(days=40)).date()
    assert day(began["new-live"]) == day(began["new-first"]) == (now - timedelta(days=3)).date()

    app = create_app(settings_for(database_url, tmp_path))
    try:
        client = TestClient(app)
        refused = client.post("/auth/refresh", json={"refresh_token": "old-live"})
        assert refused.status_code == 401
        renewed = client.post("/auth/refresh", json={"refresh_token": "new-live"})
        assert renewed.status_code == 200, renewed.text
        headers = {"Authorization": f"Bearer {renewed.json()['access_token']}"}
        (listed,) = client.get("/auth/sessions", headers=headers).json()["sessions"]
        assert listed["id"] == "new" and listed["current"]
        assert listed["description"] == "An app"  # nothing was known of it
        assert day(datetime.fromisoformat(listed["created_at"])) == (now - timedelta(days=3)).date()
    finally:
        app.state.engine.dispose()
