"""Airtable against a local API that validates each call with the community description of its
Web API (tests/contracts/vendor/airtable, OpenAPI 3.1, unofficial: Airtable publishes none), and
against Airtable's documented behaviour where the description says nothing: the personal access
token as a bearer token, ``offset`` paging, ``CREATED_TIME()`` in ``filterByFormula``, 429 with
a 30-second wait, and ``GET /v0/meta/whoami`` for the account test (not in the description)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

import httpx
import pytest

from flowin_engine.credentials import Connections
from flowin_engine.errors import AccountRejected, RetryableError, StepError
from flowin_engine.polling import PollContext
from flowin_engine.registry import default_registry
from tests.connectors.connector_runs import run
from tests.contracts.openapi_server import Contract, ContractServer, load_contract

CONTRACT = "airtable/airtable-airtable-api-openapi.yml"
TOKEN = "patA1b2C3d4E5f6G7.0123456789abcdef0123456789abcdef"
BASE = "appA1b2C3d4E5f6G7"
TABLE = "tblA1b2C3d4E5f6G7"
RECORD = "recA1b2C3d4E5f6G7"
BASE_LINK = f"https://airtable.com/{BASE}/{TABLE}/viwA1b2C3d4E5f6G7?blocks=hide"


def no_sort_parameter(document: dict[str, Any]) -> dict[str, Any]:
    """``sort`` is a deepObject list of objects (``sort[0][field]=Name``), which openapi-core
    can't read and fails on every list call; Flowin never sends it."""
    operation = document["paths"]["/{baseId}/{tableIdOrName}"]["get"]
    operation["parameters"] = [p for p in operation["parameters"] if p.get("name") != "sort"]
    return document


def contract() -> Contract:
    return load_contract(CONTRACT, (no_sort_parameter,))


def record(record_id: str = RECORD, created: str = "2026-12-05T10:12:00.000Z", **fields: Any):
    return {"id": record_id, "createdTime": created, "fields": fields or {"Name": "Layla"}}


@pytest.fixture
def api(httpserver) -> Iterator[ContractServer]:
    with ContractServer(httpserver, contract()) as server:
        yield server


@pytest.fixture
def airtable(api, connections) -> str:
    return connections.add(
        "airtable", "Orders base", {"token": TOKEN, "base_url": api.url("/v0")}
    ).id


def poll(params: dict, connections: Connections, cursor: Any = None):
    node_type = default_registry().get("airtable.new_record")
    ctx = PollContext(cursor=cursor, credential=connections.secret, timeout=5)
    return node_type.poller(node_type.input_model.model_validate(params), ctx)


# The validator.


def test_the_description_refuses_requests_airtable_would_refuse(api):
    url = api.url(f"/v0/{BASE}/Orders")
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    bad = [
        httpx.post(url, json={"records": [{"fields": {"Name": "no token"}}]}),
        httpx.post(url, headers=bearer, json={"records": [{"name": "no fields"}]}),
        httpx.post(url, headers=bearer, json={"records": [{"fields": {}}] * 11}),  # 10 at most
        httpx.get(url, headers=bearer, params={"pageSize": 500}),
        httpx.get(api.url("/v0/not-a-base/Orders"), headers=bearer),
    ]
    assert [r.status_code for r in bad] == [400] * 5
    assert len(api.rejected) == 5
    api.rejected.clear()


# Actions.


def test_create_record_posts_plain_field_values_with_the_bearer_token(api, airtable, connections):
    api.respond("createRecords", json={"records": [record(Name="Layla", Total=250)]})
    output = run(
        "airtable.create_record",
        {
            "connection": airtable,
            "base": BASE_LINK,
            "table": "Orders 2026",
            "fields": {"Name": "Layla", "Total": 250},
        },
        connections,
    )
    (call,) = api.calls("createRecords")
    assert unquote(call.request.path) == f"/v0/{BASE}/Orders 2026"
    assert call.request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert call.body == {"records": [{"fields": {"Name": "Layla", "Total": 250}}], "typecast": True}
    assert output == {
        "id": RECORD,
        "created_time": "2026-12-05T10:12:00.000Z",
        "fields": {"Name": "Layla", "Total": 250},
    }
    assert not default_registry().get("airtable.create_record").manifest.repeat_safe


def test_update_record_patches_only_the_given_fields(api, airtable, connections):
    api.respond("updateRecord", json=record(Name="Layla", Status="Done"))
    output = run(
        "airtable.update_record",
        {
            "connection": airtable,
            "base": BASE,
            "table": f"https://airtable.com/{BASE}/{TABLE}",
            "record_id": RECORD,
            "fields": {"Status": "Done"},
            "typecast": False,
        },
        connections,
    )
    (call,) = api.calls("updateRecord")
    assert call.request.method == "PATCH"
    assert call.request.path == f"/v0/{BASE}/{TABLE}/{RECORD}"
    assert call.body == {"fields": {"Status": "Done"}, "typecast": False}
    assert output["fields"]["Status"] == "Done"
    assert default_registry().get("airtable.update_record").manifest.repeat_safe


def test_find_records_sends_the_formula_and_follows_the_offset(api, airtable, connections):
    first = record("recAAAAAAAAAAAAAA1", Name="Layla", Status="New")
    second = record("recAAAAAAAAAAAAAA2", Name="Omar", Status="New")
    api.respond("listRecords", json={"records": [first], "offset": "itrX/recAAAAAAAAAAAAAA1"})
    api.respond("listRecords", json={"records": [second]})
    output = run(
        "airtable.find_records",
        {"connection": airtable, "base": BASE, "table": "Orders", "formula": "{Status} = 'New'"},
        connections,
    )
    assert [r["fields"]["Name"] for r in output["records"]] == ["Layla", "Omar"]
    assert output["count"] == 2 and output["first"]["id"] == first["id"]
    one, two = api.calls("listRecords")
    assert one.request.args.to_dict() == {"filterByFormula": "{Status} = 'New'", "pageSize": "100"}
    assert two.request.args["offset"] == "itrX/recAAAAAAAAAAAAAA1"


def test_an_unknown_field_is_named_with_what_to_check(api, airtable, connections):
    # Airtable's own answer (developers guide, "Errors"); the description documents no 422.
    api.respond(
        "createRecords",
        status=422,
        json={"error": {"type": "UNKNOWN_FIELD_NAME", "message": 'Unknown field name: "Totl"'}},
        check=False,
    )
    with pytest.raises(StepError, match=r'Unknown field name: "Totl".*column headers'):
        run(
            "airtable.create_record",
            {"connection": airtable, "base": BASE, "table": "Orders", "fields": {"Totl": 1}},
            connections,
        )


def test_a_refused_token_is_not_retried_and_says_what_to_do(api, airtable, connections):
    api.respond(
        "listRecords",
        status=401,
        json={"error": {"type": "AUTHENTICATION_REQUIRED", "message": "Authentication required"}},
        check=False,
    )
    with pytest.raises(AccountRejected, match=r"airtable\.com/create/tokens") as caught:
        run(
            "airtable.find_records",
            {"connection": airtable, "base": BASE, "table": "Orders"},
            connections,
        )
    assert not isinstance(caught.value, RetryableError)
    assert len(api.calls("listRecords")) == 1


def test_too_many_requests_waits_as_airtable_asks(api, airtable, connections):
    params = {"connection": airtable, "base": BASE, "table": "Orders"}
    api.respond(
        "listRecords",
        status=429,
        json={"errors": [{"error": "RATE_LIMIT_REACHED"}]},
        headers={"Retry-After": "12"},
        check=False,
    )
    with pytest.raises(RetryableError) as caught:
        run("airtable.find_records", params, connections)
    assert caught.value.retry_after == 12.0
    # Without Retry-After, the 30 seconds Airtable's documentation asks for.
    api.respond("listRecords", status=429, json={"error": "RATE_LIMIT_REACHED"}, check=False)
    with pytest.raises(RetryableError) as caught:
        run("airtable.find_records", params, connections)
    assert caught.value.retry_after == 30.0


def test_a_server_error_on_create_is_not_repeated(api, airtable, connections):
    api.respond("createRecords", status=503, json={"error": "SERVER_ERROR"}, check=False)
    with pytest.raises(StepError, match="may have been done") as caught:
        run(
            "airtable.create_record",
            {"connection": airtable, "base": BASE, "table": "Orders", "fields": {"Name": "x"}},
            connections,
        )
    assert not isinstance(caught.value, RetryableError)
    assert len(api.calls("createRecords")) == 1


def test_a_base_without_its_id_is_refused_before_any_call(api, airtable, connections):
    with pytest.raises(StepError, match="needs the base"):
        run(
            "airtable.find_records",
            {"connection": airtable, "base": "my orders", "table": "Orders"},
            connections,
        )
    assert api.calls() == []


def test_the_account_test_reads_who_the_token_belongs_to(httpserver):
    # GET /v0/meta/whoami is Airtable's (developers guide); the community description lacks it.
    httpserver.expect_request(
        "/v0/meta/whoami", headers={"Authorization": f"Bearer {TOKEN}"}
    ).respond_with_json({"id": "usrA1b2C3d4E5f6G7", "email": "layla@example.com"})
    connector = default_registry().get("airtable.create_record").connector
    secret = connector.credential_model.model_validate(
        {"token": TOKEN, "base_url": httpserver.url_for("/v0")}
    )
    assert connector.test_function(secret) == "Connected as layla@example.com."


# The new-record trigger.


def test_new_records_come_once_each_across_checks(api, airtable, connections):
    params = {"connection": airtable, "base": BASE, "table": "Orders", "view": "Grid view"}
    first = poll(params, connections)
    assert first.items == [] and api.calls() == []  # what is there already is not new
    cursor = {"since": "2026-12-05T10:00:00.000Z", "seen": []}
    a = record("recAAAAAAAAAAAAAA1", "2026-12-05T10:00:05.000Z", Name="Layla")
    b = record("recAAAAAAAAAAAAAA2", "2026-12-05T10:00:07.000Z", Name="Omar")
    api.respond("listRecords", json={"records": [b, a]})
    second = poll(params, connections, cursor)
    assert [i.key for i in second.items] == [a["id"], b["id"]]  # oldest first
    assert second.items[0].data["fields"] == {"Name": "Layla"}
    (call,) = api.calls("listRecords")
    assert call.request.args["filterByFormula"] == (
        "IS_AFTER(CREATED_TIME(), DATETIME_PARSE('2026-12-05T09:59:59.000Z'))"
    )
    assert call.request.args["view"] == "Grid view"
    # Airtable compares to the second: b comes again, with c made in the same second.
    c = record("recAAAAAAAAAAAAAA3", "2026-12-05T10:00:07.000Z", Name="Nour")
    api.respond("listRecords", json={"records": [b, c]})
    third = poll(params, connections, second.cursor)
    assert [i.key for i in third.items] == [c["id"]]
    assert api.calls("listRecords")[-1].request.args["filterByFormula"] == (
        "IS_AFTER(CREATED_TIME(), DATETIME_PARSE('2026-12-05T10:00:06.000Z'))"
    )
    api.respond("listRecords", json={"records": [b, c]})
    assert poll(params, connections, third.cursor).items == []
