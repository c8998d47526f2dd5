"""Any API as a connector: descriptions imported, and each step's requests checked against the
same description by a local stand-in (tests/contracts/openapi_server.py) — Trello (OpenAPI
3.0, an API key and a token in the query), Airtable (3.1, a bearer token, a JSON body) and
WooCommerce (3.0, basic auth, typed body fields)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from flowin_engine.credentials import Connections
from flowin_engine.errors import AccountRejected, RetryableError, StepError
from flowin_engine.model import Flow, Node
from flowin_engine.openapi_import import DescriptionError, import_description, load_imported
from flowin_engine.registry import Registry, load_registry
from flowin_engine.steps import StepContext
from tests.connectors.google_contract import GoogleTokenServer
from tests.contracts.openapi_server import CONTRACTS, ContractServer

TRELLO = "trello/trello-openapi.2025-09.json"
AIRTABLE = "airtable/airtable-airtable-api-openapi.yml"
WOO = "woocommerce/woocommerce-openapi-3.0.x.corrected.yml"


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("FLOWIN_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> Iterator[Registry]:
    """Trello (its card and board steps only), Airtable and WooCommerce, imported into a data
    folder, and the registry that finds them there (once for the module: parsing takes a
    moment)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FLOWIN_DATA_DIR", str(tmp_path_factory.mktemp("imported")))
        import_description(
            CONTRACTS / TRELLO, paths=["/cards", "/boards"], connector_id="trello_api"
        )
        import_description(CONTRACTS / AIRTABLE, connector_id="airtable_api")
        import_description(CONTRACTS / WOO, connector_id="woo")
        yield load_registry()


def run(registry: Registry, type_name: str, params: dict, connections: Connections):
    node_type = registry.get(type_name)
    node = Node(name=node_type.name, type=node_type.type, params=params)
    ctx = StepContext(
        execution_id="t",
        flow=Flow(nodes=[node]),
        node=node,
        attempt=1,
        timeout=10,
        connections=connections,
    )
    return node_type.function(node_type.input_model.model_validate(params), ctx)


@pytest.fixture
def trello_api(httpserver) -> Iterator[ContractServer]:
    with ContractServer(httpserver, TRELLO) as server:
        yield server


def test_a_description_becomes_a_connector_the_registry_finds_in_the_data_folder(imported):
    trello = imported.connector("trello_api")
    assert trello is not None and trello.manifest.category == "Imported"
    create_card = imported.get("trello_api.post_cards")
    fields = create_card.input_model.model_fields
    # typed fields from the parameters, the required one marked, help from the description
    assert fields["id_list"].is_required()
    assert not fields["name"].is_required()
    assert "list" in (fields["id_list"].description or "").lower()
    # help that wraps in the settings panel: "a,b,c" lists get their spaces
    assert "attachments, checklists, customFields" in fields["keep_from_source"].description
    assert trello.manifest.icon == "icon.svg"
    assert fields["due_complete"].annotation in (bool | None, bool)
    # the key and token are the account's, never a step's field
    assert "key" not in fields and "token" not in fields
    assert set(trello.credential_model.model_fields) >= {"key", "token", "base_url"}
    assert create_card.manifest.repeat_safe is False  # a POST: sent once
    assert imported.get("trello_api.get_boards_id").manifest.repeat_safe is True
    # only the chosen paths
    assert not any(t.type.startswith("trello_api.get_actions") for t in imported.node_types)
    orders = imported.get("woo.get_orders").input_model.model_fields
    assert "'date'" in str(orders["orderby"].annotation)  # an enum is a choice
    assert "processing" in (orders["status"].description or "")  # a list of them: said in help


def test_a_trello_step_sends_what_trellos_description_accepts(imported, trello_api, connections):
    connection = connections.add(
        "trello_api",
        "Shop board",
        {"key": "k" * 32, "token": "t" * 64, "base_url": trello_api.url("/1")},
    )
    trello_api.respond("post-cards", json={"id": "5abbe4b7ddc1b351ef961414", "name": "Order 1042"})
    card = run(
        imported,
        "trello_api.post_cards",
        {
            "connection": connection.id,
            "id_list": "5abbe4b7ddc1b351ef961414",
            "name": "Order 1042",
            "due_complete": False,
        },
        connections,
    )
    assert card["name"] == "Order 1042"
    call = trello_api.calls("post-cards")[0]
    query = call.request.args
    assert query["idList"] == "5abbe4b7ddc1b351ef961414" and query["name"] == "Order 1042"
    assert query["key"] == "k" * 32 and query["token"] == "t" * 64
    assert query["dueComplete"] == "false"


def test_the_stand_in_refuses_a_request_its_description_does_not_allow(trello_api):
    answer = httpx.post(trello_api.url("/1/cards"), params={"name": "no list, no key"})
    assert answer.status_code == 400 and len(trello_api.rejected) == 1
    trello_api.rejected.clear()


def test_an_airtable_step_sends_a_bearer_token_and_its_json_body(imported, httpserver, connections):
    with ContractServer(httpserver, AIRTABLE) as api:
        connection = connections.add(
            "airtable_api", "Orders base", {"token": "pat_secret", "base_url": api.url("/v0")}
        )
        record = {"id": "rec1", "createdTime": "2026-12-05T08:00:00.000Z", "fields": {"Name": "A"}}
        api.respond("createRecords", json={"records": [record]})
        answer = run(
            imported,
            "airtable_api.create_records",
            {
                "connection": connection.id,
                "base_id": "appA1b2C3d4E5f6G7",
                "table_id_or_name": "Orders",
                "records": '[{"fields": {"Name": "Layla", "Total": 250}}]',
                "typecast": True,
            },
            connections,
        )
        assert answer["records"][0]["id"] == "rec1"
        call = api.calls("createRecords")[0]
        assert call.request.headers["Authorization"] == "Bearer pat_secret"
        assert call.body == {
            "records": [{"fields": {"Name": "Layla", "Total": 250}}],
            "typecast": True,
        }


def test_a_woocommerce_step_signs_in_with_basic_auth_and_sends_typed_fields(
    imported, httpserver, connections
):
    with ContractServer(httpserver, WOO) as api:
        connection = connections.add(
            "woo",
            "My shop",
            {"username": "ck_1", "password": "cs_2", "base_url": api.url("/wp-json/wc/v3")},
        )
        customer = {"id": 25, "email": "layla@example.com", "first_name": "Layla"}
        api.respond("/customers", json=customer)
        created = run(
            imported,
            "woo.post_customers",
            {"connection": connection.id, "email": "layla@example.com", "first_name": "Layla"},
            connections,
        )
        assert created["id"] == 25
        call = api.calls("/customers")[0]
        assert call.request.authorization.username == "ck_1"
        assert call.body == {"email": "layla@example.com", "first_name": "Layla"}
        # the account test reads a list that needs no input
        test = imported.connector("woo").test_function
        secret = imported.connector("woo").credential_model.model_validate(
            {"username": "ck_1", "password": "cs_2", "base_url": api.url("/wp-json/wc/v3")}
        )
        api.respond("/coupons", json=[])  # the first list that needs no input
        assert "Connected" in test(secret)


def test_failures_are_worded_as_for_built_in_connectors_and_a_send_is_not_repeated(
    imported, httpserver, connections
):
    connection = connections.add(
        "trello_api", "Board", {"key": "k", "token": "t", "base_url": httpserver.url_for("/1")}
    )
    params = {"connection": connection.id, "id_list": "5abbe4b7ddc1b351ef961414"}
    httpserver.expect_oneshot_request("/1/cards").respond_with_json(
        {"message": "invalid token"}, status=401
    )
    with pytest.raises(AccountRejected, match="reconnect the account"):
        run(imported, "trello_api.post_cards", params, connections)
    httpserver.expect_oneshot_request("/1/cards").respond_with_json(
        {}, status=429, headers={"Retry-After": "30"}
    )
    with pytest.raises(RetryableError, match="30 seconds"):
        run(imported, "trello_api.post_cards", params, connections)
    httpserver.expect_oneshot_request("/1/cards").respond_with_json({"message": "boom"}, status=502)
    with pytest.raises(StepError, match="may have been done") as sent:
        run(imported, "trello_api.post_cards", params, connections)
    assert not isinstance(sent.value, RetryableError)


def test_a_description_imported_as_trello_before_gives_way_to_the_built_in_trello(data_dir, caplog):
    # Written as a Flowin without its own Trello connector allowed (no taken ids).
    import_description(CONTRACTS / TRELLO, paths=["/cards"])
    import_description(CONTRACTS / AIRTABLE, connector_id="orders_base")
    with caplog.at_level("WARNING", logger="flowin_engine.registry"):
        registry = load_registry()
    trello = registry.connector("trello")
    assert trello is not None and trello.manifest.category != "Imported"
    assert "trello.create_card" in registry and "trello.post_cards" not in registry
    assert registry.connector("orders_base").manifest.category == "Imported"
    assert "import that description again under another name" in caplog.text


def test_importing_again_regenerates_the_folder_and_keeps_the_step_types(data_dir):
    first = import_description(CONTRACTS / TRELLO, paths=["/cards"])
    again = import_description(CONTRACTS / TRELLO, paths=["/cards", "/boards"])
    assert set(first.operations) < set(again.operations)
    connector = load_imported("trello")  # from this test's data folder
    assert {a.id for a in connector.manifest.actions} == set(again.operations)
    readme = (again.folder / "README.md").read_text(encoding="utf-8")
    assert "sha256" in readme and "post_cards" in readme
    plan = json.loads((again.folder / "plan.json").read_text(encoding="utf-8"))
    assert "k" * 4 not in json.dumps(plan)  # no secret of any account is written there


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"swagger": "2.0", "paths": {}}', "Swagger 2.0: convert it to OpenAPI 3"),
        ("openapi: 3.0.0\npaths: [unclosed", "neither JSON nor YAML"),
        ('{"openapi": "3.0.0", "info": {"title": "x"}}', "has no 'paths'"),
        (
            '{"openapi": "3.0.0", "paths": {"/a": {"get": {"parameters": '
            '[{"$ref": "#/components/parameters/missing"}]}}}}',
            "points to a part it doesn't have",
        ),
    ],
)
def test_a_file_that_is_no_openapi_3_description_gets_a_sentence(
    data_dir, tmp_path, content, message
):
    source = tmp_path / "api.json"
    source.write_text(content, encoding="utf-8")
    with pytest.raises(DescriptionError, match=message):
        import_description(source)


def test_a_name_a_built_in_connector_has_is_refused(data_dir):
    with pytest.raises(DescriptionError, match="already has a connector called 'slack'"):
        import_description(CONTRACTS / AIRTABLE, connector_id="slack", taken=["slack"])


def test_an_oauth2_description_signs_in_in_the_browser_with_pkce_and_calls_with_its_token(
    data_dir, tmp_path, httpserver, connections
):
    with GoogleTokenServer("client-1", "secret-1") as tokens:
        source = tmp_path / "crm.json"
        source.write_text(json.dumps(_crm_description(tokens)), encoding="utf-8")
        import_description(source)
        registry = load_registry()
        crm = registry.connector("crm")
        assert crm is not None and crm.sign_in_function is not None
        account = crm.credential_model.model_validate(
            {
                "client_id": "client-1",
                "client_secret": "secret-1",
                "base_url": httpserver.url_for(""),
            }
        )
        with pytest.raises(StepError, match="not signed in yet"):
            crm.test_function(account)

        def browser(url: str) -> None:  # the user signs in; the provider redirects to Flowin
            assert httpx.URL(url).params["scope"] == "contacts.write"
            assert httpx.get(url, follow_redirects=True).status_code == 200

        signed = crm.sign_in_function(account, browser)
        assert signed.access_token == tokens.issued[-1] and signed.refresh_token
        assert tokens.requests[0]["code_verifier"]  # PKCE
        connection = connections.add("crm", "CRM", signed.model_dump())
        httpserver.expect_request(
            "/contacts", method="POST", headers={"Authorization": f"Bearer {signed.access_token}"}
        ).respond_with_json({"id": "c1"})
        created = run(
            registry,
            "crm.create_contact",
            {"connection": connection.id, "email": "a@b.co"},
            connections,
        )
        assert created == {"id": "c1"}


def _crm_description(tokens: GoogleTokenServer) -> dict:
    code_flow = {
        "authorizationUrl": tokens.authorize_url,
        "tokenUrl": tokens.token_url,
        "scopes": {"contacts.write": "Add contacts"},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "CRM", "version": "1"},
        "servers": [{"url": "https://crm.example.com"}],
        "components": {
            "securitySchemes": {
                "oauth": {"type": "oauth2", "flows": {"authorizationCode": code_flow}}
            }
        },
        "security": [{"oauth": ["contacts.write"]}],
        "paths": {
            "/me": {"get": {"operationId": "whoAmI", "responses": {"200": {"description": "ok"}}}},
            "/contacts": {
                "post": {
                    "operationId": "createContact",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["email"],
                                    "properties": {"email": {"type": "string"}},
                                }
                            }
                        },
                    },
                    "responses": {"201": {"description": "created"}},
                }
            },
        },
    }


def test_the_command_line_adds_lists_and_removes_a_described_service(data_dir):
    from click.testing import CliRunner

    from flowin_engine.cli import main

    cli = CliRunner()
    # Flowin has its own Trello connector: the description's becomes "trello_api".
    added = cli.invoke(main, ["connectors", "import", str(CONTRACTS / TRELLO), "--path", "/cards"])
    assert added.exit_code == 0, added.output
    assert "Added Trello REST API (trello_api) with" in added.output
    assert "flowin connections add trello_api" in added.output
    listed = cli.invoke(main, ["connectors", "list"])
    assert "trello_api" in listed.output and "steps" in listed.output
    clash = cli.invoke(main, ["connectors", "import", str(CONTRACTS / AIRTABLE), "--id", "slack"])
    assert clash.exit_code == 2 and "already has a connector called 'slack'" in clash.output
    named = cli.invoke(
        main, ["connectors", "import", str(CONTRACTS / AIRTABLE), "--id", "airtable"]
    )
    assert named.exit_code == 2 and "already has a connector called 'airtable'" in named.output
    removed = cli.invoke(main, ["connectors", "remove", "trello_api"])
    assert removed.exit_code == 0 and not (data_dir / "connectors" / "trello_api").exists()
    again = cli.invoke(main, ["connectors", "remove", "trello_api"])
    assert again.exit_code == 2 and "No service called 'trello_api'" in again.output
