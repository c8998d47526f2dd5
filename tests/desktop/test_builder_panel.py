"""The AI builder's chat panel: a sentence becomes cards and a ghost on the canvas, Apply adds
the flow as one undo step, and the suggestions after it add a step between the applied ones."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from flowin_desktop.editor.page import Editor
from flowin_desktop.i18n import Localizer
from flowin_desktop.panels.builder.panel import BuilderPanel
from flowin_desktop.panels.builder.settings import API_KEY_SECRET, SETTINGS_KEY, ModelSettingsDialog
from flowin_engine.credentials import EncryptedFileSecrets

from .conftest import WAIT_MS, click, shown


def describe(qtbot, editor: Editor, sentence: str):
    """Open the panel from the top bar, type the sentence, press Enter, wait for the answer."""
    if not editor.ai_button.isChecked():
        click(qtbot, editor.ai_button)
    panel = shown(qtbot, lambda: editor.builder_panel)
    before = panel.chat.column.count()
    if sentence.isascii():
        qtbot.keyClicks(panel.input, sentence)
    else:  # QTest can only type Latin keys; Arabic arrives as an input method would put it
        panel.input.insert(sentence)
    qtbot.keyClick(panel.input, Qt.Key.Key_Return)
    wait_for_answer(qtbot, panel, before)
    return panel


def wait_for_answer(qtbot, panel: BuilderPanel, before: int) -> QWidget:
    """The answer to the sentence asked when the chat had ``before`` items, once it shows:
    the sentence's bubble and the answer under it, "Building your flow…" gone, Build back."""

    def answer() -> QWidget | None:
        if panel.chat.column.count() < before + 2 or panel.busy.isVisible():
            return None
        if not panel.send_button.isEnabled():
            return None
        return panel.chat.column.itemAt(before).widget()  # the last item is a stretch

    return shown(qtbot, answer)


def suggestion(panel: BuilderPanel, index: int):
    return lambda: panel.suggestions[index] if len(panel.suggestions) > index else None


def texts(widget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def types(editor: Editor) -> list[str]:
    return [n.type for n in editor.document.flow.nodes]


def test_a_sentence_becomes_cards_and_a_ghost_then_apply_is_one_undo_step(qtbot, editor):
    panel = describe(qtbot, editor, "When someone buys in my store, add a row to the sheet Orders")
    trigger, action = panel.cards
    assert "New Shopify order" in texts(trigger) and "WHEN" in texts(trigger)
    assert "Add a row" in texts(action) and "THEN" in texts(action)
    assert "Sheet: \u2068Orders\u2069" in texts(action)
    # Mapped from the trigger, read as the data tree names it.
    assert "Email ← \u2068New Shopify order › Email\u2069" in texts(action)
    assert panel.preview.ghost is not None and panel.preview.ghost.scene() is editor.scene
    assert editor.document.flow.nodes == []  # nothing changes before Apply

    click(qtbot, lambda: panel.apply_button)
    flow = editor.document.flow
    assert types(editor) == ["shopify.new_order", "google_sheets.append_row"]
    assert [(e.source, e.target) for e in flow.edges] == [(flow.nodes[0].id, flow.nodes[1].id)]
    assert flow.name.startswith("When someone buys in my store")
    assert panel.preview.ghost is None and not panel.apply_button.isEnabled()
    assert set(editor.scene.node_items) == {n.id for n in flow.nodes}

    editor.undo_action.trigger()
    assert editor.document.flow.nodes == [] and editor.document.flow.edges == []
    assert editor.document.flow.name != flow.nodes and not editor.scene.node_items
    editor.redo_action.trigger()
    assert types(editor) == ["shopify.new_order", "google_sheets.append_row"]


def test_the_build_runs_off_the_gui_thread(qtbot, editor):
    editor.show_builder()
    panel = editor.builder_panel
    before = panel.chat.column.count()
    panel.ask("Every Monday at 9am, send a Slack message to #sales")
    # The answer can only arrive through the event loop, so the window never waits for it.
    assert panel.busy.isVisibleTo(panel) and not panel.send_button.isEnabled()
    assert panel.cards == [] and panel.is_building()
    wait_for_answer(qtbot, panel, before)
    assert len(panel.cards) == 2 and all(card.isVisible() for card in panel.cards)
    assert not panel.busy.isVisibleTo(panel)


def test_an_arabic_sentence_gives_right_to_left_cards(qtbot, editor):
    panel = describe(qtbot, editor, "كل اثنين الساعة 9 انشر في سلاك في قناة #sales")
    assert all(card.isRightToLeft() for card in panel.cards)
    assert "كل الاثنين الساعة 09:00" in texts(panel.cards[0])  # the why, in Arabic
    english = describe(qtbot, editor, "Every Monday at 9am, send a Slack message to #sales")
    assert not any(card.isRightToLeft() for card in english.cards)


@pytest.mark.parametrize(
    "sentence",
    [
        "When I get a new Shopify order, send the customer a WhatsApp message",
        "لما يجي اوردر جديد في شوبيفاي ابعت للعميل رساله واتساب",
    ],
)
def test_proposal_cards_read_references_by_name_never_as_expressions(qtbot, editor, sentence):
    panel = describe(qtbot, editor, sentence)
    shown_text = "\n".join(texts(card) for card in panel.cards)
    assert "{{" not in shown_text and "trigger." not in shown_text
    assert "›" in shown_text  # the customer's phone, named as the data tree names it


def test_what_was_not_understood_is_shown(qtbot, editor):
    panel = describe(qtbot, editor, "When I get a new Shopify order, juggle three flaming torches")
    assert panel.not_understood is not None and panel.not_understood.isVisibleTo(panel)
    assert "What I didn't understand" in panel.not_understood.text()
    assert "juggle three flaming torches" in panel.not_understood.text()


def test_nothing_understood_asks_a_question_and_offers_no_apply(qtbot, editor):
    panel = describe(qtbot, editor, "blorp the frobnicator")
    assert panel.cards == [] and panel.apply_button is None and panel.preview.ghost is None
    assert "What should start the flow" in texts(panel.chat.widget())


def test_try_this_next_puts_a_delay_between_the_last_two_steps(qtbot, editor):
    panel = describe(qtbot, editor, "Every Monday at 9am, send a Slack message to #sales")
    click(qtbot, lambda: panel.apply_button)
    schedule, slack = editor.document.flow.nodes
    click(qtbot, suggestion(panel, 0))  # "+ Wait 5 minutes before the last step"
    flow = editor.document.flow
    delay = next(n for n in flow.nodes if n.type == "core.delay")
    assert {(e.source, e.target) for e in flow.edges} == {
        (schedule.id, delay.id),
        (delay.id, slack.id),
    }
    assert flow.node(slack.id).position.x > delay.position.x
    editor.undo_action.trigger()  # one step: the delay goes, the direct connection is back
    assert types(editor) == ["schedule.every", "slack.post_message"]
    assert [(e.source, e.target) for e in editor.document.flow.edges] == [(schedule.id, slack.id)]


def test_a_condition_after_the_trigger_guards_the_rest(qtbot, editor):
    panel = describe(
        qtbot, editor, "When I get a new Shopify order, send WhatsApp message to the client"
    )
    click(qtbot, lambda: panel.apply_button)
    trigger, whatsapp = editor.document.flow.nodes
    click(qtbot, suggestion(panel, 1))  # "+ Only go on when a condition holds"
    condition = next(n for n in editor.document.flow.nodes if n.type == "core.condition")
    ports = {(e.source, e.source_port, e.target) for e in editor.document.flow.edges}
    assert ports == {(trigger.id, "main", condition.id), (condition.id, "true", whatsapp.id)}
    assert editor.scene.selected_node_ids() == [condition.id]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def file_secrets(monkeypatch) -> EncryptedFileSecrets:
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    return EncryptedFileSecrets()


def test_a_configured_model_that_is_down_falls_back_to_the_offline_builder(
    qtbot, editor, store, file_secrets
):
    store.set_setting(
        SETTINGS_KEY, {"base_url": f"http://127.0.0.1:{free_port()}/v1", "model": "llama3.2"}
    )
    panel = describe(qtbot, editor, "Every Monday at 9am, send a Slack message to #sales")
    assert panel.proposal.source == "offline" and "couldn't be reached" in panel.proposal.notice
    assert panel.proposal.notice in texts(panel.chat.widget())
    assert len(panel.cards) == 2


def test_model_settings_keep_the_key_in_the_secret_store(qtbot, store, file_secrets):
    dialog = ModelSettingsDialog(store, file_secrets)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.base_url, "http://127.0.0.1:11434/v1")
    qtbot.keyClicks(dialog.model, "llama3.2")
    qtbot.keyClicks(dialog.api_key, "sk-test")
    dialog.accept()
    assert store.get_setting(SETTINGS_KEY) == {
        "base_url": "http://127.0.0.1:11434/v1",
        "model": "llama3.2",
    }
    assert file_secrets.get(API_KEY_SECRET) == "sk-test"
    assert "sk-test" not in str(store.get_setting(SETTINGS_KEY))


def shopify_flow(store, name: str = "Orders to the sheet"):
    """A saved flow that starts with a new Shopify order and adds it to a sheet."""
    from flowin_engine.model import Edge, Flow, Node, Position

    trigger = Node(type="shopify.new_order", name="New Shopify order", params={})
    row = Node(
        type="google_sheets.append_row",
        name="Add a row",
        params={"spreadsheet_id": "sheet-1", "sheet": "Orders"},
        position=Position(x=280, y=0),
    )
    flow = Flow(name=name, nodes=[trigger, row], edges=[Edge(source=trigger.id, target=row.id)])
    store.flows.save(flow)
    return flow


def triggers_in(editor: Editor) -> list[str]:
    registry = editor.document.registry
    return [n.type for n in editor.document.flow.nodes if registry.get(n.type).is_trigger]


def test_applying_into_a_flow_with_a_trigger_keeps_one_trigger_and_connects_the_new_steps(
    qtbot, editor
):
    from flowin_engine.graph import Graph
    from flowin_engine.validation import validate_flow

    flow = shopify_flow(editor.store)
    editor.open_flow(flow.id)
    problems_before = {str(p) for p in validate_flow(editor.document.flow, editor.registry)}
    panel = describe(qtbot, editor, "Every Monday at 9am, send a Slack message to #sales")
    assert "already starts with" in texts(panel.chat.widget())
    assert "New Shopify order" in panel.apply_button.text()
    assert panel.replace_button is not None and panel.replace_button.isVisible()

    click(qtbot, lambda: panel.apply_button)  # keep the Shopify trigger

    opened = editor.document.flow
    assert triggers_in(editor) == ["shopify.new_order"]
    slack = next(n for n in opened.nodes if n.type.startswith("slack."))
    assert Graph.of(opened).path(opened.nodes[0].id, slack.id) == [
        opened.nodes[0].id,
        opened.nodes[1].id,
        slack.id,
    ]
    # Nothing the proposal added stops the flow from running (a second trigger would).
    problems = {str(p) for p in validate_flow(opened, editor.registry)} - problems_before
    assert not [p for p in problems if "trigger" in p.lower()], problems
    assert set(editor.scene.node_items) == {n.id for n in opened.nodes}


def test_applying_with_the_proposals_trigger_replaces_the_flows_one(qtbot, editor):
    flow = shopify_flow(editor.store)
    editor.open_flow(flow.id)
    panel = describe(qtbot, editor, "Every Monday at 9am, send a Slack message to #sales")

    click(qtbot, lambda: panel.replace_button)

    opened = editor.document.flow
    assert triggers_in(editor) == ["schedule.every"]
    schedule = next(n for n in opened.nodes if editor.registry.get(n.type).is_trigger)
    row = next(n for n in opened.nodes if n.type == "google_sheets.append_row")
    assert any(e.source == schedule.id and e.target == row.id for e in opened.edges)
    editor.undo_action.trigger()
    assert [n.type for n in editor.document.flow.nodes] == [
        "shopify.new_order",
        "google_sheets.append_row",
    ]


def test_each_flow_has_its_own_conversation(qtbot, editor):
    first = shopify_flow(editor.store, "First")
    second = shopify_flow(editor.store, "Second")
    editor.open_flow(first.id)
    panel = describe(qtbot, editor, "Every Monday at 9am, send a Slack message to #sales")
    assert "Every Monday at 9am" in texts(panel.chat.widget())

    editor.open_flow(second.id)
    assert "Every Monday at 9am" not in texts(panel.chat.widget())
    assert panel.cards == [] and panel.preview.ghost is None
    describe(qtbot, editor, "When someone buys in my store, add a row to the sheet Orders")

    editor.open_flow(first.id)
    shown_text = texts(panel.chat.widget())
    assert "Every Monday at 9am" in shown_text and "someone buys" not in shown_text
    assert any("Slack" in texts(card) for card in panel.cards)  # the proposal, as cards
    assert panel.apply_button is None  # a past proposal is shown, not offered again


def test_the_ai_panel_on_a_laptop_screen_leaves_the_canvas_wide_and_its_steps_readable(
    qtbot, window
):
    from flowin_desktop.canvas.view import MIN_WIDTH, READABLE_SCALE
    from flowin_desktop.example import welcome_flow

    window.resize(1280, 800)
    editor = window.editor
    flow = welcome_flow(editor.registry)
    editor.store.flows.save(flow)
    window.open_flow(flow.id)
    qtbot.waitUntil(
        lambda: editor.view.isVisible() and editor.view.width() > MIN_WIDTH, timeout=WAIT_MS
    )

    panel = describe(qtbot, editor, "Every Monday at 9am, send a Slack message to #sales")
    qtbot.waitUntil(lambda: editor.view.width() >= MIN_WIDTH, timeout=WAIT_MS)
    assert editor.builder_panel.width() >= editor.builder_panel.minimumWidth()
    assert editor.view.zoom_factor() >= READABLE_SCALE  # the preview did not zoom out to boxes

    click(qtbot, lambda: panel.apply_button)
    qtbot.waitUntil(
        lambda: len(editor.scene.node_items) == len(editor.document.flow.nodes), timeout=WAIT_MS
    )
    assert editor.view.width() >= MIN_WIDTH
    assert editor.view.zoom_factor() >= READABLE_SCALE

    click(qtbot, editor.builder_panel.close_button)
    shown(qtbot, editor.palette_panel)  # the palette comes back with the room it had
    assert editor.palette_panel.width() >= editor.palette_panel.minimumSizeHint().width()


def test_a_service_flowin_lacks_is_said_beside_the_flow(qtbot, editor):
    panel = describe(qtbot, editor, "When I get a TikTok comment, post it to Slack #social")
    assert panel.unsupported is not None and panel.unsupported.isVisibleTo(panel)
    text = panel.unsupported.text()
    assert "What I can't do yet" in text and "I can't do TikTok yet" in text
    assert "http.request" not in types(editor) and panel.cards  # Slack is still proposed


def test_a_refusal_is_shown_as_a_refusal_with_no_flow(qtbot, editor):
    panel = describe(qtbot, editor, "Send a WhatsApp promo to 5000 numbers I bought")
    assert panel.refusal is not None and panel.refusal.isVisibleTo(panel)
    assert panel.refusal.text() == "I won't build this"
    assert "spam" in texts(panel.chat.widget())
    assert panel.cards == [] and panel.apply_button is None


@pytest.fixture
def arabic_editor(qapp, editor: Editor):
    """The editor with the app in Arabic: the panel's own words come from the translation."""
    localizer = Localizer(qapp)
    localizer.set_language("ar")
    yield editor
    localizer.set_language("en")


def test_in_arabic_the_lacking_service_and_the_refusal_are_said_in_arabic(qtbot, arabic_editor):
    panel = describe(qtbot, arabic_editor, "لما حد يعلق على انستجرام ابعتلي على سلاك #social")
    # Instagram's messages Flowin has; its posts and comments, named in Arabic, it lacks
    assert "لا أستطيع العمل مع منشورات Instagram وتعليقاته بعد" in panel.unsupported.text()
    assert "ما لا أستطيعه بعد" in panel.unsupported.text()
    panel = describe(qtbot, arabic_editor, "ابعت اعلان لكل الارقام اللي اشتريتها على الواتساب")
    assert panel.refusal.text() == "لن أبني هذا"
