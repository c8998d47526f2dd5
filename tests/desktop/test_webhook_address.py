"""A webhook trigger's properties show the address the listener really answers on, with a copy
button, and what to paste where in the service."""

from __future__ import annotations

import httpx
from PySide6.QtGui import QGuiApplication

from flowin_desktop.editor.page import Editor
from flowin_engine.model import Edge, Flow, FlowStatus, Node, Position
from flowin_engine.runtime import RuntimeSettings

from .conftest import WAIT_MS, click, shown


def webhook_flow(editor: Editor, trigger_type: str = "webhook.receive") -> tuple[Flow, Node]:
    trigger = Node(type=trigger_type, name="Order arrives", params={})
    keep = Node(
        type="core.set_fields",
        name="Keep the name",
        params={"fields": [{"name": "who", "value": "{{ trigger.body.name }}"}]},
        position=Position(x=280, y=0),
    )
    flow = Flow(
        name="Orders from my website",
        nodes=[trigger, keep],
        edges=[Edge(source=trigger.id, target=keep.id)],
        status=FlowStatus.ACTIVE,
    )
    editor.store.flows.save(flow)
    return flow, trigger


def select(qtbot, editor: Editor, node: Node):
    editor.scene.clearSelection()
    editor.scene.node_items[node.id].setSelected(True)
    return shown(qtbot, lambda: editor.properties.webhook_address)


def test_the_webhook_address_shown_on_the_trigger_is_the_one_the_listener_runs_the_flow_on(
    qtbot, editor
):
    flow, trigger = webhook_flow(editor)
    runtime = editor.folder.runtime(RuntimeSettings(port=0, sync_interval=0.1))
    runtime.start()
    try:
        editor.runtime = runtime
        editor.open_flow(flow.id)
        box = select(qtbot, editor, trigger)
        address = box.local.text()
        assert address.startswith(f"http://127.0.0.1:{runtime.listener.port}/webhook/")
        assert "other app or your website form" in box.setup.text()
        # Signed out: an account gives a live address; a tunnel of one's own is the advanced way.
        assert box.sign_in.isVisible() and not box.cloud.isVisible()
        assert not box.tunnel_box.isVisible()
        click(qtbot, box.tunnel_toggle)
        assert not box.public.isVisible()  # no tunnel address yet: said how to get one
        assert "can't reach this computer" in box.public_help.text()

        click(qtbot, box.copy_local)
        assert QGuiApplication.clipboard().text() == address

        answer = httpx.post(address, json={"name": "Layla"}, timeout=30)
        assert answer.status_code == 202, answer.text
        run_id = answer.json()["execution_id"]
        qtbot.waitUntil(
            lambda: any(
                run.id == run_id and run.status.value == "success"
                for run in editor.store.executions.summaries(flow_id=flow.id)
            ),
            timeout=WAIT_MS,
        )

        box.public_url.setText("https://flows.example.com/")
        box.public_url.editingFinished.emit()
        path = address.split(str(runtime.listener.port), 1)[1]
        assert box.public.isVisible() and box.public.text() == "https://flows.example.com" + path
        assert runtime.webhook_url(flow.id) == box.public.text()
    finally:
        runtime.stop(grace=1)


def test_a_services_webhook_trigger_says_where_to_paste_its_address(qtbot, editor):
    flow, trigger = webhook_flow(editor, "shopify.new_order")
    editor.open_flow(flow.id)
    box = select(qtbot, editor, trigger)
    assert "Settings › Notifications › Webhooks" in box.setup.text()
    assert box.local.text().startswith("http://127.0.0.1:")
    # Without the window's runtime the address is on the port the folder's settings give.
    assert f":{editor.folder.settings().port}/webhook/" in box.local.text()
