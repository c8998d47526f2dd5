"""The registry: connector hooks declared in manifest.json and checked when connectors load."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from flowin_engine.errors import ConnectorError, ConnectorHookError
from flowin_engine.model import Flow
from flowin_engine.registry import (
    Registry,
    TriggerKind,
    discover,
    load_connector,
    load_registry,
    needed_by_triggers,
)
from flowin_engine.runner import Runner
from flowin_engine.store import Store
from flowin_engine.validation import validate_flow

OPERATIONS = """
from pydantic import BaseModel

from flowin_engine.polling import PollContext, PollResult
from flowin_engine.webhooks import GateContext, WebhookRequest


class OrderInput(BaseModel):
    connection: str | None = None


class NoteInput(BaseModel):
    text: str = ""


class ShopAccount(BaseModel):
    api_key: str = ""


def order_created(params: OrderInput, ctx):
    return ctx.trigger_data


def order_created_webhook(params: OrderInput, request: WebhookRequest, ctx: GateContext):
    return None


def new_order(params: OrderInput, ctx):
    return ctx.trigger_data


def new_order_poll(params: OrderInput, ctx: PollContext) -> PollResult:
    return PollResult()


def send_note(params: NoteInput, ctx):
    return {"sent": params.text}


def test_account(secret: ShopAccount) -> str:
    return "Connected."
"""


def write_connector(
    root: Path,
    monkeypatch: pytest.MonkeyPatch,
    manifest: dict[str, Any],
    operations: str = OPERATIONS,
) -> str:
    """A connector package in ``root``, importable under a name no other test uses."""
    package = f"shop_{uuid.uuid4().hex[:8]}"
    folder = root / package
    folder.mkdir()
    (folder / "__init__.py").write_text("", encoding="utf-8")
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (folder / "operations.py").write_text(textwrap.dedent(operations), encoding="utf-8")
    monkeypatch.syspath_prepend(str(root))
    return package


def install_entry_point(root: Path, package: str) -> None:
    """Declare ``package`` in the ``flowin.connectors`` group, as an installed add-on does."""
    dist_info = root / "flowin_shop-1.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: flowin-shop\nVersion: 1.0\n", encoding="utf-8"
    )
    (dist_info / "entry_points.txt").write_text(
        f"[flowin.connectors]\nshop = {package}\n", encoding="utf-8"
    )


def shop(**changes: Any) -> dict[str, Any]:
    manifest: dict[str, Any] = {
        "id": "shop",
        "name": "Shop",
        "category": "E-commerce",
        "credential": "ShopAccount",
        "test_connection": "test_account",
        "triggers": [
            {
                "id": "order_created",
                "name": "Order created",
                "kind": "webhook",
                "webhook_gate": "order_created_webhook",
            }
        ],
        "actions": [{"id": "send_note", "name": "Send a note"}],
    }
    manifest.update(changes)
    return manifest


def load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, manifest: dict[str, Any]) -> Registry:
    return Registry([load_connector(write_connector(tmp_path, monkeypatch, manifest))])


def test_declared_hooks_are_the_ones_the_registry_hands_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = load(tmp_path, monkeypatch, shop())

    trigger = registry.get("shop.order_created")
    assert trigger.webhook_gate is not None
    assert trigger.webhook_gate.__name__ == "order_created_webhook"
    connector = registry.connector("shop")
    assert connector is not None and connector.test_function is not None


def test_a_misspelt_webhook_gate_fails_at_load_naming_connector_trigger_and_function(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    manifest = shop()
    manifest["triggers"][0]["webhook_gate"] = "order_create_webhook"

    with pytest.raises(ConnectorHookError) as raised:
        load(tmp_path, monkeypatch, manifest)

    assert str(raised.value) == (
        "The connector 'shop' declares 'order_create_webhook' as the webhook gate of its "
        "trigger 'order_created', but its operations module has no function of that name."
    )


def test_a_polling_trigger_without_a_poller_fails_at_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before hooks were declared, this trigger loaded and then never fired, silently.
    manifest = shop(triggers=[{"id": "new_order", "name": "New order", "kind": "polling"}])

    with pytest.raises(ConnectorHookError) as raised:
        load(tmp_path, monkeypatch, manifest)

    assert str(raised.value) == (
        "The polling trigger 'new_order' of the connector 'shop' declares no poller: "
        'add "poller": "<function name>" to it in manifest.json.'
    )


def test_a_webhook_trigger_of_a_connector_with_an_account_must_check_what_arrives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    manifest = shop()
    del manifest["triggers"][0]["webhook_gate"]

    with pytest.raises(ConnectorHookError) as raised:
        load(tmp_path, monkeypatch, manifest)

    assert "'order_created' of the connector 'shop' declares no webhook gate" in str(raised.value)


def test_a_hook_with_the_wrong_parameters_fails_at_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    operations = OPERATIONS.replace(
        "def order_created_webhook(params: OrderInput, request: WebhookRequest, ctx: GateContext)",
        "def order_created_webhook(params: OrderInput, request: WebhookRequest)",
    )
    package = write_connector(tmp_path, monkeypatch, shop(), operations)

    with pytest.raises(ConnectorHookError) as raised:
        Registry([load_connector(package)])

    assert str(raised.value) == (
        "The webhook gate 'order_created_webhook' of the trigger 'order_created' of the "
        "connector 'shop' must take (params, request, ctx)."
    )


def test_a_hook_written_for_another_operation_fails_at_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    operations = OPERATIONS.replace(
        "def new_order_poll(params: OrderInput", "def new_order_poll(params: NoteInput"
    )
    manifest = shop(
        triggers=[
            {"id": "new_order", "name": "New order", "kind": "polling", "poller": "new_order_poll"}
        ]
    )
    package = write_connector(tmp_path, monkeypatch, manifest, operations)

    with pytest.raises(ConnectorHookError, match="must take OrderInput as its first parameter"):
        Registry([load_connector(package)])


def test_a_missing_account_test_or_credential_model_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ConnectorHookError) as raised:
        load(tmp_path, monkeypatch, shop(test_connection="test_acount"))
    assert str(raised.value) == (
        "The connector 'shop' declares 'test_acount' as its account test, but its operations "
        "module has no function of that name."
    )

    with pytest.raises(ConnectorHookError, match="'ShopAcount' as its credential"):
        load(tmp_path, monkeypatch, shop(credential="ShopAcount"))


def test_a_hook_on_the_wrong_kind_of_operation_fails_at_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    manifest = shop(actions=[{"id": "send_note", "name": "Note", "poller": "new_order_poll"}])

    with pytest.raises(ConnectorHookError, match="only a polling trigger has a poller"):
        load(tmp_path, monkeypatch, manifest)


def test_every_built_in_connector_loads_with_its_hooks_checked() -> None:
    registry = Registry(discover())

    assert {c.id for c in registry.connectors} >= {"core", "shopify", "gmail", "webhook"}
    for trigger in registry.triggers():
        if trigger.trigger_kind == TriggerKind.POLLING:
            assert trigger.poller is not None, trigger.type
        if trigger.trigger_kind == TriggerKind.WEBHOOK:
            assert trigger.webhook_gate is not None, trigger.type


def test_account_fields_needed_by_triggers_name_webhook_triggers_of_their_connector() -> None:
    """`flowin connections add` asks for these fields and names the triggers refusing without
    them; a misspelt trigger id would name none."""
    registry = Registry(discover())
    declared = 0
    for connector in registry.connectors:
        webhooks = {t.id for t in connector.manifest.triggers if t.kind == TriggerKind.WEBHOOK}
        for info in (connector.credential_model or BaseModel).model_fields.values():
            for trigger_id in needed_by_triggers(info):
                assert trigger_id in webhooks, (connector.id, trigger_id)
                declared += 1
    assert declared >= 4  # WhatsApp's app secret and verify token, Slack's, Stripe's, …


def test_a_broken_built_in_connector_stops_the_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    manifest = shop(triggers=[{"id": "new_order", "name": "New order", "kind": "polling"}])
    package = write_connector(tmp_path, monkeypatch, manifest)
    monkeypatch.setattr("flowin_engine.registry.discover", lambda: [load_connector(package)])
    monkeypatch.setattr("flowin_engine.registry._is_builtin", lambda connector: True)

    with pytest.raises(ConnectorHookError):
        load_registry()


def test_a_broken_installed_connector_is_left_out_with_a_logged_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A connector another package installs (entry point ``flowin.connectors``) can't stop
    Flowin from starting; it is skipped and the log says why."""
    manifest = shop(triggers=[{"id": "new_order", "name": "New order", "kind": "polling"}])
    package = write_connector(tmp_path, monkeypatch, manifest)
    install_entry_point(tmp_path, package)

    with caplog.at_level(logging.ERROR, logger="flowin_engine.registry"):
        registry = load_registry()

    assert registry.connector("shop") is None
    assert registry.connector("core") is not None
    assert "declares no poller" in caplog.text
    with pytest.raises(ConnectorError):
        Registry([load_connector(package)])


def renamed_shop() -> dict[str, Any]:
    """The shop connector after its 'post_note' action was renamed 'send_note'."""
    return shop(
        actions=[
            {
                "id": "send_note",
                "name": "Send a note",
                "version": 2,
                "former_names": ["shop.post_note"],
            }
        ]
    )


NOTE_FLOW = {
    "id": "note-flow",
    "name": "Note the order",
    "nodes": [
        {"id": "start", "name": "Start", "type": "core.manual_trigger"},
        {"id": "note", "name": "Note", "type": "shop.post_note", "params": {"text": "Thanks!"}},
    ],
    "edges": [{"source": "start", "target": "note"}],
}


def test_a_flow_saved_under_a_former_type_name_validates_and_runs_as_the_renamed_type(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = write_connector(tmp_path, monkeypatch, renamed_shop())
    registry = Registry([load_connector("connectors.core"), load_connector(package)])
    path = tmp_path / "note.json"
    path.write_text(json.dumps(NOTE_FLOW), encoding="utf-8")
    flow = Flow.load(path)

    assert validate_flow(flow, registry) == []
    result = Runner(registry).run(flow)

    assert result.ok, result.error
    assert result.outputs["Note"] == {"sent": "Thanks!"}
    node_type = registry.get("shop.post_note")
    assert (node_type.type, node_type.version) == ("shop.send_note", 2)
    renamed = registry.with_current_names(flow)
    assert [n.type for n in renamed.nodes] == ["core.manual_trigger", "shop.send_note"]
    assert registry.with_current_names(renamed) is renamed


def test_running_a_flow_file_with_a_former_type_name_saves_it_under_the_new_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """End to end: an installed connector renamed an operation; `flowin run` of an old file."""
    package = write_connector(tmp_path, monkeypatch, renamed_shop())
    install_entry_point(tmp_path, package)
    path = tmp_path / "note.json"
    path.write_text(json.dumps(NOTE_FLOW), encoding="utf-8")
    data_dir = tmp_path / "data"
    env = {
        **os.environ,
        "FLOWIN_DATA_DIR": str(data_dir),
        "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")]),
    }

    checked = subprocess.run(
        [sys.executable, "-m", "flowin_engine", "validate", str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    done = subprocess.run(
        [sys.executable, "-m", "flowin_engine", "run", str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )

    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert done.returncode == 0, done.stdout + done.stderr
    with Store(data_dir / "flowin.db") as store:
        saved = store.flows.get("note-flow")
    assert saved.node("note").type == "shop.send_note"


def test_two_node_types_claiming_one_name_fail_at_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    manifest = shop(
        actions=[{"id": "send_note", "name": "Send a note", "former_names": ["shop.order_created"]}]
    )
    with pytest.raises(ConnectorError) as raised:
        load(tmp_path, monkeypatch, manifest)
    assert str(raised.value) == (
        "Two node types claim the name 'shop.order_created': 'shop.order_created' and "
        "'shop.send_note'. A type's name and former names must be its own."
    )

    first = load_connector(write_connector(tmp_path, monkeypatch, renamed_shop()))
    second = load_connector(
        write_connector(tmp_path, monkeypatch, renamed_shop() | {"id": "store", "triggers": []})
    )
    registry = Registry([first])
    with pytest.raises(ConnectorError, match=r"claim the name 'shop\.post_note'"):
        registry.add(second)
    assert registry.connector("store") is None


def test_an_installed_connector_whose_module_crashes_is_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    package = write_connector(tmp_path, monkeypatch, shop(), "raise RuntimeError('no licence')\n")
    install_entry_point(tmp_path, package)

    with caplog.at_level(logging.ERROR, logger="flowin_engine.registry"):
        registry = load_registry()

    assert registry.connector("shop") is None
    assert registry.connector("core") is not None
    assert "no licence" in caplog.text


def test_an_operation_that_cannot_take_params_and_context_fails_at_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    operations = OPERATIONS.replace(
        "def send_note(params: NoteInput, ctx):", "def send_note(params: NoteInput):"
    )
    package = write_connector(tmp_path, monkeypatch, shop(), operations)

    with pytest.raises(ConnectorHookError) as raised:
        Registry([load_connector(package)])

    assert str(raised.value) == (
        "The operation 'send_note' of the connector 'shop' must take (params, ctx)."
    )
