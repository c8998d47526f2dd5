"""A webhook trigger's live address from the cloud account: signed out, the trigger offers
the sign-in that gives one."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from flowin_desktop.cloud.account import CloudAccountDialog
from flowin_desktop.main_window import MainWindow
from flowin_engine.model import Edge, Flow, FlowStatus, Node, Position

from .conftest import click, shown


def orders_flow(respond: str = "immediately", then: Node | None = None) -> tuple[Flow, Node]:
    trigger = Node(type="webhook.receive", name="Order arrives", params={"respond": respond})
    keep = then or Node(
        type="core.set_fields",
        name="Keep the name",
        params={"fields": [{"name": "who", "value": "{{ trigger.body.name }}"}]},
    )
    keep.position = Position(x=280, y=0)
    flow = Flow(
        name="Orders from my shop",
        nodes=[trigger, keep],
        edges=[Edge(source=trigger.id, target=keep.id)],
        status=FlowStatus.ACTIVE,
    )
    return flow, trigger


def trigger_box(qtbot, window: MainWindow, flow: Flow, trigger: Node):
    window.open_flow(flow.id)
    editor = window.editor
    editor.scene.clearSelection()
    editor.scene.node_items[trigger.id].setSelected(True)
    return shown(qtbot, lambda: editor.properties.webhook_address)


def test_signed_out_the_trigger_offers_the_sign_in_that_gives_a_live_address(
    qtbot, window: MainWindow
):
    flow, trigger = orders_flow()
    window.store.flows.save(flow)
    box = trigger_box(qtbot, window, flow, trigger)
    assert box.sign_in.isVisible() and "Sign in to a Flowin cloud account" in (
        box.sign_in_help.text()
    )
    assert not box.cloud_box.isVisible()
    assert box.tunnel_toggle.isVisible() and not box.tunnel_box.isVisible()
    click(qtbot, box.sign_in)
    dialog = shown(
        qtbot,
        lambda: next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, CloudAccountDialog)),
            None,
        ),
    )
    dialog.close()
