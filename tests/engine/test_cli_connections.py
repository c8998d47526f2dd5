"""`flowin connections`: accounts connected from a terminal, tested against a real Telegram-shaped
server on 127.0.0.1, with the secret kept out of the database and the screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pytest_httpserver import HTTPServer

from flowin_engine.cli import main
from flowin_engine.credentials import Connections
from flowin_engine.store import Store

TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"
BOT = {"id": 7000000001, "is_bot": True, "first_name": "Shop bot", "username": "shop_bot"}


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    return CliRunner()


def test_adding_a_telegram_bot_asks_for_the_token_tests_it_and_keeps_it_secret(
    cli: CliRunner, httpserver: HTTPServer, _isolated_data_dir: Path
):
    httpserver.expect_request(f"/bot{TOKEN}/getMe").respond_with_json({"ok": True, "result": BOT})
    added = cli.invoke(
        main,
        [
            "connections",
            "add",
            "telegram",
            "--name",
            "Shop bot",
            "--set",
            f"base_url={httpserver.url_for('')}",
        ],
        input=TOKEN + "\n",
    )
    assert added.exit_code == 0, added.output
    assert "Connected as @shop_bot" in added.output and "Connected 'Shop bot'" in added.output
    assert TOKEN not in added.output

    listed = cli.invoke(main, ["connections", "list"])
    assert "telegram" in listed.output and "Shop bot" in listed.output and "ok" in listed.output
    database = b"".join(p.read_bytes() for p in _isolated_data_dir.glob("*.db*"))
    assert database and TOKEN.encode() not in database

    with Store() as store:
        (connection,) = Connections(store).list("telegram")
        assert Connections(store).secret(connection.id)["bot_token"] == TOKEN
    tested = cli.invoke(main, ["connections", "test", connection.id])
    assert tested.exit_code == 0 and "@shop_bot" in tested.output


def test_a_rejected_token_is_reported_and_test_exits_1(cli: CliRunner, httpserver: HTTPServer):
    httpserver.expect_request(f"/bot{TOKEN}/getMe").respond_with_json(
        {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
    )
    base = f"base_url={httpserver.url_for('')}"
    added = cli.invoke(main, ["connections", "add", "telegram", "--set", base], input=TOKEN + "\n")
    assert added.exit_code == 0
    assert "✗" in added.output and "token" in added.output.lower()
    assert "failed" in cli.invoke(main, ["connections", "list"]).output
    with Store() as store:
        (connection,) = Connections(store).list()
    assert cli.invoke(main, ["connections", "test", connection.id]).exit_code == 1


def test_a_store_refusing_its_token_is_not_called_connected_and_the_fix_is_named(
    cli: CliRunner, httpserver: HTTPServer
):
    httpserver.expect_request("/store/info").respond_with_json(
        {"status": 401, "success": False, "error": {"code": "Unauthorized"}}, status=401
    )
    base = f"base_url={httpserver.url_for('/')}"
    added = cli.invoke(main, ["connections", "add", "salla", "--set", base], input="wrong\n\n")
    assert added.exit_code == 0, added.output
    with Store() as store:
        (connection,) = Connections(store).list()
    assert "Salla didn't accept the access token" in added.output
    assert "Connected 'Salla'" not in added.output
    assert f"flowin connections set {connection.id} access_token" in added.output
    assert f"flowin connections test {connection.id}" in added.output


def test_removing_forgets_the_account_and_its_secret(cli: CliRunner):
    added = cli.invoke(main, ["connections", "add", "telegram", "--no-test"], input=TOKEN + "\n")
    assert added.exit_code == 0, added.output
    with Store() as store:
        accounts = Connections(store)
        (connection,) = accounts.list()
        removed = cli.invoke(main, ["connections", "remove", connection.id, "--yes"])
        assert removed.exit_code == 0 and accounts.list() == []
        assert accounts.secrets.get(f"connection:{connection.id}") is None


def test_unknown_services_and_fields_are_named_in_one_sentence(cli: CliRunner):
    unknown = cli.invoke(main, ["connections", "add", "telgram"])
    assert unknown.exit_code == 2 and "no service called 'telgram'" in unknown.output
    assert "telegram" in unknown.output
    wrong = cli.invoke(main, ["connections", "add", "telegram", "--set", "token=x"])
    assert wrong.exit_code == 2 and "bot_token" in wrong.output
    no_account = cli.invoke(main, ["connections", "add", "http"])
    assert "needs no account" in no_account.output


WHATSAPP_TOKEN = "EAAG-whatsapp-access-token"


def test_connecting_whatsapp_asks_for_the_secrets_its_trigger_needs_and_keeps_them(
    cli: CliRunner, _isolated_data_dir: Path
):
    typed = [WHATSAPP_TOKEN, "106540352242922", "meta-app-secret", "my verify phrase"]
    added = cli.invoke(
        main, ["connections", "add", "whatsapp", "--no-test"], input="\n".join(typed) + "\n"
    )
    assert added.exit_code == 0, added.output
    assert "App secret" in added.output and "Verify token" in added.output
    assert "checks that incoming messages come from Meta" in added.output
    assert "press Enter to skip" in added.output
    assert "will refuse" not in added.output
    assert "meta-app-secret" not in added.output and "my verify phrase" not in added.output

    database = b"".join(p.read_bytes() for p in _isolated_data_dir.glob("*.db*"))
    assert database and b"meta-app-secret" not in database
    with Store() as store:
        (connection,) = Connections(store).list("whatsapp")
        secret = Connections(store).secret(connection.id)
    assert secret["app_secret"] == "meta-app-secret"
    assert secret["verify_token"] == "my verify phrase"


def test_skipping_a_trigger_secret_says_which_trigger_refuses_and_how_to_set_it_later(
    cli: CliRunner,
):
    typed = [WHATSAPP_TOKEN, "106540352242922", "", ""]
    added = cli.invoke(
        main, ["connections", "add", "whatsapp", "--no-test"], input="\n".join(typed) + "\n"
    )
    assert added.exit_code == 0, added.output
    warnings = [line for line in added.output.splitlines() if "will refuse" in line]
    assert len(warnings) == 2, added.output
    assert all("'New WhatsApp message'" in line for line in warnings)
    assert "App secret" in warnings[0] and "Verify token" in warnings[1]
    with Store() as store:
        (connection,) = Connections(store).list("whatsapp")
    assert f"flowin connections set {connection.id} app_secret" in warnings[0]

    set_later = cli.invoke(
        main, ["connections", "set", connection.id, "app_secret"], input="meta-app-secret\n"
    )
    assert set_later.exit_code == 0, set_later.output
    assert "meta-app-secret" not in set_later.output
    with Store() as store:
        secret = Connections(store).secret(connection.id)
    assert secret["app_secret"] == "meta-app-secret" and secret["access_token"] == WHATSAPP_TOKEN


def test_a_secret_given_with_set_is_not_asked_again(cli: CliRunner):
    added = cli.invoke(
        main,
        ["connections", "add", "slack", "--no-test", "--set", "signing_secret=slack-signing"],
        input="xoxb-slack-bot-token\n",
    )
    assert added.exit_code == 0, added.output
    assert "Signing secret" not in added.output and "will refuse" not in added.output
    with Store() as store:
        (connection,) = Connections(store).list("slack")
        assert Connections(store).secret(connection.id)["signing_secret"] == "slack-signing"
