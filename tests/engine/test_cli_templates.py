"""`flowin templates`: find a template in English or Arabic, make a flow of it with answers and
accounts given on the command line, and share templates as files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from flowin_engine.cli import main
from flowin_engine.credentials import Connections
from flowin_engine.model import Flow, FlowStatus, Node
from flowin_engine.store import Store
from flowin_engine.validation import validate_flow


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, _isolated_data_dir: Path) -> CliRunner:
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    return CliRunner()


def connect(connector: str, label: str, secret: dict) -> str:
    with Store() as store:
        return Connections(store).add(connector, label, secret).id


def test_list_groups_templates_by_category_and_searches_in_arabic(cli: CliRunner):
    listed = cli.invoke(main, ["templates", "list"])
    assert listed.exit_code == 0, listed.output
    assert "Clinics and appointments" in listed.output
    assert "shopify-whatsapp-order-confirmation" in listed.output

    found = cli.invoke(
        main, ["templates", "list", "--search", "تيليجرام مبيعات", "--language", "ar"]
    )
    assert found.exit_code == 0, found.output
    assert "daily-sales-summary-telegram" in found.output
    assert "ملخص المبيعات اليومي على تيليجرام" in found.output
    assert "shopify-whatsapp-order-confirmation" not in found.output

    nothing = cli.invoke(main, ["templates", "list", "--search", "zebra"])
    assert "No template matches 'zebra'" in nothing.output


def test_show_lists_the_accounts_and_blanks_to_give(cli: CliRunner):
    shown = cli.invoke(main, ["templates", "show", "daily-sales-summary-telegram"])
    assert shown.exit_code == 0, shown.output
    assert "shopify" in shown.output and "telegram" in shown.output
    assert "chat_id" in shown.output and "(required)" in shown.output
    assert "Africa/Cairo" in shown.output  # a choice blank lists its choices


def test_use_names_what_is_missing_then_makes_a_flow_that_validates(cli: CliRunner):
    bot = connect("telegram", "Shop bot", {"bot_token": "7000000001:AAH"})
    missing = cli.invoke(
        main, ["templates", "use", "daily-sales-summary-telegram", "--language", "ar"]
    )
    assert missing.exit_code == 2
    assert "املأ: رقم محادثتك على تيليجرام" in missing.output
    assert "Shopify" in missing.output and "Telegram" not in missing.output  # the only bot is used

    shop = connect("shopify", "Layla's shop", {"shop_domain": "layla", "access_token": "shpat_x"})
    made = cli.invoke(
        main,
        [
            "templates",
            "use",
            "daily-sales-summary-telegram",
            "--answer",
            "chat_id=123456789",
            "--answer",
            "timezone=Africa/Cairo",
            "--connection",
            "shopify=Layla's shop",
        ],
    )
    assert made.exit_code == 0, made.output
    assert "Made the flow 'Daily sales summary to Telegram'" in made.output
    with Store() as store:
        (summary,) = store.flows.summaries()
        flow = store.flows.get(summary.id)
    assert validate_flow(flow) == []
    assert flow.status == FlowStatus.DRAFT and flow.settings.minutes_saved_per_run == 10
    assert flow.node_by_name("Orders today").params["connection"] == shop
    assert flow.node_by_name("Send the summary").params["connection"] == bot
    assert flow.node_by_name("Send the summary").params["chat_id"] == "123456789"
    assert flow.node_by_name("Every evening").params["timezone"] == "Africa/Cairo"


def test_use_with_an_answer_or_account_it_cannot_place_says_so(cli: CliRunner):
    wrong_key = cli.invoke(
        main, ["templates", "use", "daily-sales-summary-telegram", "--answer", "sheet=Orders"]
    )
    assert wrong_key.exit_code == 2 and "has no blank called sheet" in wrong_key.output
    not_pair = cli.invoke(
        main, ["templates", "use", "daily-sales-summary-telegram", "--answer", "chat_id"]
    )
    assert not_pair.exit_code == 2 and "--answer takes KEY=VALUE" in not_pair.output
    no_account = cli.invoke(
        main,
        ["templates", "use", "daily-sales-summary-telegram", "--connection", "telegram=Nope"],
    )
    assert no_account.exit_code == 2
    assert "There is no telegram account 'Nope'" in no_account.output
    unknown = cli.invoke(main, ["templates", "use", "no-such-template"])
    assert unknown.exit_code == 2 and "There is no template 'no-such-template'" in unknown.output


def test_a_saved_flow_becomes_a_template_that_exports_and_imports_without_its_secret(
    cli: CliRunner, tmp_path: Path, _isolated_data_dir: Path
):
    flow = Flow(
        name="Ping my API",
        nodes=[
            Node(name="Start", type="core.manual_trigger"),
            Node(
                name="Call",
                type="http.request",
                params={"url": "https://api.example.com", "auth": "bearer", "token": "sk-live-77"},
            ),
        ],
    )
    with Store() as store:
        store.flows.save(flow)
    saved = cli.invoke(main, ["templates", "save", "Ping my API", "--name", "API ping"])
    assert saved.exit_code == 0, saved.output
    template_id = saved.output.split("(")[1].split(")")[0]
    listed = cli.invoke(main, ["templates", "list", "--search", "API ping"])
    assert template_id in listed.output and "(yours)" in listed.output

    path = tmp_path / "ping.flowin-template"
    exported = cli.invoke(main, ["templates", "export", template_id, str(path)])
    assert exported.exit_code == 0, exported.output
    assert "sk-live-77" not in path.read_text(encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8"))["kind"] == "flowin-template"

    imported = cli.invoke(main, ["templates", "import", str(path)])
    assert imported.exit_code == 0, imported.output
    assert "Added the template 'API ping'" in imported.output
    kept = list((_isolated_data_dir / "templates").iterdir())
    assert len(kept) == 2  # imported beside the saved one, not over it


def test_importing_a_file_that_is_not_a_template_says_so(cli: CliRunner, tmp_path: Path):
    path = tmp_path / "orders.json"
    path.write_text(json.dumps({"name": "Orders", "nodes": []}), encoding="utf-8")
    refused = cli.invoke(main, ["templates", "import", str(path)])
    assert refused.exit_code == 2
    assert "orders.json is not a Flowin template file" in refused.output
    assert "flowin flows import" in refused.output
