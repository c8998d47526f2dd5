"""WhatsApp's free text is a reply: after any other trigger the properties say why in one
translated sentence and offer the approved template, whose values are fields."""

from __future__ import annotations

from flowin_desktop.editor.page import Editor
from flowin_engine.model import Edge, Flow, Node, Position

from .conftest import click, shown


def flow_with(editor: Editor, trigger_type: str) -> tuple[Flow, Node]:
    trigger = Node(type=trigger_type, name="Start", params={})
    send = Node(
        type="whatsapp.send_text",
        name="Send WhatsApp message",
        params={"to": "{{ trigger.phone }}", "text": "Thanks for your order!"},
        position=Position(x=280, y=0),
    )
    flow = Flow(
        name="Orders", nodes=[trigger, send], edges=[Edge(source=trigger.id, target=send.id)]
    )
    editor.store.flows.save(flow)
    editor.open_flow(flow.id)
    return flow, send


def select(editor: Editor, node: Node) -> None:
    editor.scene.clearSelection()
    editor.scene.node_items[node.id].setSelected(True)


def test_free_text_after_a_shopify_order_says_why_and_turns_into_the_template(qtbot, editor):
    _, send = flow_with(editor, "shopify.new_order")
    select(editor, send)
    button = shown(qtbot, lambda: editor.properties.write_first_button)
    page = editor.properties.settings_scroll.widget()
    assert "within 24 hours of the customer's last message" in "\n".join(
        label.text() for label in page.findChildren(type(editor.properties.empty))
    )

    click(qtbot, button)

    step = editor.document.flow.node(send.id)
    assert step.type == "whatsapp.send_template" and step.name == "Send WhatsApp template"
    assert step.params["to"] == "{{ trigger.phone }}"
    assert step.params["body_parameters"] == [
        "{{ trigger.first_name }}",
        "{{ trigger.order_number }}",
    ]
    assert step.notes == "Thanks for your order!"
    # The template's values are fields of their own, and the form is the template's now.
    shown(
        qtbot,
        lambda: (
            editor.properties.editors.get("body_parameters")
            and editor.properties.editors["body_parameters"].widget
        ),
    )
    assert "template" in editor.properties.editors
    assert editor.properties.write_first_button is None

    editor.undo_action.trigger()
    assert editor.document.flow.node(send.id).type == "whatsapp.send_text"
    shown(qtbot, lambda: editor.properties.write_first_button)


def test_free_text_replying_to_a_whatsapp_message_needs_no_template(qtbot, editor):
    _, send = flow_with(editor, "whatsapp.incoming_message")
    select(editor, send)
    shown(
        qtbot,
        lambda: editor.properties.editors.get("text") and editor.properties.editors["text"].widget,
    )
    assert editor.properties.write_first_button is None
