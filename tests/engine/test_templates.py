"""The templates library: every shipped template is complete in both languages and becomes a
flow that validates; search reads Arabic in any spelling; what the user saves or shares as a
template carries no secret."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from flowin_engine.model import Flow, FlowStatus, Node, PinnedOutput
from flowin_engine.registry import default_registry, widget_hint
from flowin_engine.templates import (
    CATEGORY_NAMES,
    Category,
    Template,
    TemplateError,
    TemplateLibrary,
    Words,
    export_template,
    import_template,
    instantiate,
    needed_accounts,
    save_as_template,
)
from flowin_engine.validation import validate_flow

ARABIC = re.compile("[\u0621-\u064a]")
SHIPPED_ONLY = TemplateLibrary(private_folder=Path("/nonexistent-flowin-templates"))
SHIPPED = SHIPPED_ONLY.load()


@pytest.fixture
def library(tmp_path) -> TemplateLibrary:
    return TemplateLibrary(private_folder=tmp_path / "templates")


def examples(template: Template) -> dict[str, str]:
    return {blank.key: blank.example for blank in template.blanks if blank.example}


def accounts(template: Template) -> dict[str, str]:
    return {need.connector: f"conn-{need.connector}" for need in needed_accounts(template)}


@pytest.mark.parametrize("template", SHIPPED, ids=lambda t: t.id)
def test_a_shipped_template_is_complete_in_both_languages(template: Template):
    registry = default_registry()
    for words in (template.name, template.description):
        assert ARABIC.search(words.ar), f"{template.id}: Arabic text without Arabic"
        assert not ARABIC.search(words.en), f"{template.id}: English text with Arabic"
    assert template.id == template.folder.name
    assert template.minutes_saved_per_run and template.minutes_saved_per_run > 0
    assert template.services == sorted({node.connector for node in template.flow.nodes})
    nodes = {n.name: n for n in template.flow.nodes} | {n.id: n for n in template.flow.nodes}
    for blank in template.blanks:
        assert ARABIC.search(blank.label.ar) and ARABIC.search(blank.help.ar), blank.key
        assert blank.example or blank.default or not blank.required, blank.key
        if blank.choices:
            assert blank.example in blank.choices, blank.key
        for target in blank.targets:
            node = nodes.get(target.node)
            assert node is not None, f"{blank.key} fills a step '{target.node}' that isn't there"
            field = target.param.split(".")[0]
            assert field in registry.get(node.type).input_model.model_fields, target
    for name, words in template.step_names.items():
        assert name in nodes, f"{template.id} names a step '{name}' that isn't there"
        assert ARABIC.search(words.ar) and words.en == name, name
    for node in template.flow.nodes:
        fields = registry.get(node.type).input_model.model_fields
        for key, info in fields.items():
            if widget_hint(info) == "connection":
                assert not node.params.get(key), f"{template.id} ships an account id"
    assert template.flow.pinned == {} and template.flow.status == FlowStatus.DRAFT


@pytest.mark.parametrize("template", SHIPPED, ids=lambda t: t.id)
def test_a_shipped_template_becomes_a_flow_that_validates_from_its_examples(template: Template):
    for language in ("en", "ar"):
        flow = instantiate(template, examples(template), accounts(template), language=language)
        assert validate_flow(flow) == []
        assert "[[" not in flow.to_json(), "a blank's marker was left in the flow"
        assert flow.name == template.name.in_language(language)
        assert flow.settings.minutes_saved_per_run == template.minutes_saved_per_run
        assert flow.id != template.flow.id and flow.status == FlowStatus.DRAFT
        for need in needed_accounts(flow):
            for name in need.nodes:
                assert flow.node_by_name(name).params["connection"] == f"conn-{need.connector}"


def test_the_library_ships_at_least_thirty_templates_in_every_category():
    assert len(SHIPPED) >= 30
    assert {t.category for t in SHIPPED} == set(Category)
    assert len({t.id for t in SHIPPED}) == len(SHIPPED)


def test_each_category_has_its_name_in_both_languages():
    assert set(CATEGORY_NAMES) == set(Category)
    for names in CATEGORY_NAMES.values():
        assert names["en"] and ARABIC.search(names["ar"])


def test_a_template_with_an_empty_blank_and_no_account_names_both_in_plain_words():
    template = next(t for t in SHIPPED if t.id == "daily-sales-summary-telegram")
    with pytest.raises(TemplateError) as english:
        instantiate(template, {}, {"shopify": "c1"}, language="en")
    assert str(english.value) == (
        "To use the template 'Daily sales summary to Telegram', fill in Your Telegram chat ID "
        "and connect your Telegram account."
    )
    with pytest.raises(TemplateError) as arabic:
        instantiate(template, {"chat_id": "  "}, {}, language="ar")
    assert str(arabic.value) == (
        "لاستخدام قالب «ملخص المبيعات اليومي على تيليجرام» املأ: رقم محادثتك على تيليجرام، "
        "ثم اربط حسابك في: Shopify، Telegram."
    )


def test_an_answer_to_a_blank_the_template_has_not_is_refused_with_its_blanks():
    template = next(t for t in SHIPPED if t.id == "daily-sales-summary-telegram")
    with pytest.raises(TemplateError, match=r"no blank called sheet_name .*chat_id, timezone"):
        instantiate(template, {"sheet_name": "Orders"}, accounts(template))


def test_an_answer_that_breaks_the_flow_is_refused_with_the_step_and_field():
    template = next(t for t in SHIPPED if t.id == "daily-sales-summary-telegram")
    answers = {**examples(template), "timezone": "Mars/Olympus"}
    with pytest.raises(TemplateError, match="'Every evening' → Time zone"):
        instantiate(template, answers, accounts(template))


def test_the_accounts_a_template_needs_are_its_services_that_sign_in_in_step_order():
    template = next(t for t in SHIPPED if t.id == "web-form-leads-sheet-slack")
    needs = needed_accounts(template)
    # The web form's own address needs no account; the sheet and Slack do.
    assert [(n.connector, n.name, n.nodes) for n in needs] == [
        ("google_sheets", "Google Sheets", ["Add to the leads sheet"]),
        ("slack", "Slack", ["Tell the sales team"]),
    ]
    both = next(t for t in SHIPPED if t.id == "telegram-support-to-slack")
    assert [(n.connector, n.nodes) for n in needed_accounts(both)] == [
        ("telegram", ["Message to the bot", "Tell the customer"]),
        ("slack", ["Post to support"]),
    ]


def test_a_sheet_link_pasted_from_the_browser_becomes_the_sheet_id():
    template = next(t for t in SHIPPED if t.id == "web-form-leads-sheet-slack")
    answers = {
        "spreadsheet": "https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/edit#gid=0"
    }
    flow = instantiate(template, answers, accounts(template))
    step = flow.node_by_name("Add to the leads sheet")
    assert step.params["spreadsheet_id"] == "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"
    assert step.params["sheet"] == "Leads"  # the blank's default


def test_a_code_fills_its_place_in_the_message_and_never_replaces_a_rewritten_one():
    template = next(t for t in SHIPPED if t.id == "sheet-subscriber-welcome-email")
    accounts_ = accounts(template)
    answers = {**examples(template), "code": "EID25"}
    flow = instantiate(template, answers, accounts_, language="ar")
    text = flow.node_by_name("Send the welcome e-mail").params["text"]
    assert "بالكود EID25" in text and "[[" not in text

    rewritten = {**answers, "message": "Welcome {{ trigger.Name }}! Use EID25 at checkout."}
    flow = instantiate(template, rewritten, accounts_)
    assert flow.node_by_name("Send the welcome e-mail").params["text"] == rewritten["message"]


def test_the_message_a_user_leaves_alone_is_the_one_in_their_language():
    template = next(t for t in SHIPPED if t.id == "daily-sales-summary-telegram")
    arabic = instantiate(template, examples(template), accounts(template), language="ar")
    assert arabic.node_by_name("Send the summary").params["text"].startswith("مبيعات اليوم")
    english = instantiate(template, examples(template), accounts(template), language="en")
    assert english.node_by_name("Send the summary").params["text"].startswith("Sales today")


def test_a_flow_made_in_arabic_calls_its_steps_by_their_arabic_names_and_reads_them_so():
    template = next(t for t in SHIPPED if t.id == "daily-sales-summary-telegram")
    arabic = instantiate(template, examples(template), accounts(template), language="ar")
    figures = arabic.node_by_name("أرقام اليوم")
    assert figures.type == "core.set_fields"
    text = arabic.node_by_name("Send the summary").params["text"]
    assert "{{ steps['أرقام اليوم'].output['الإجمالي'] }}" in text
    english = instantiate(template, examples(template), accounts(template), language="en")
    assert english.node_by_name("Today's figures").id == figures.id
    text = english.node_by_name("Send the summary").params["text"]
    assert "{{ steps['Today\\'s figures'].output.total }}" in text
    # A message rewritten with the step's English name still reads it in an Arabic flow.
    rewritten = {**examples(template), "message": "{{ steps['Today\\'s figures'].output.total }}"}
    arabic = instantiate(template, rewritten, accounts(template), language="ar")
    assert arabic.node_by_name("Send the summary").params["text"] == (
        "{{ steps['أرقام اليوم'].output.total }}"
    )


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("whatsapp", "en", "shopify-whatsapp-order-confirmation"),
        ("WhatsApp Shopify", "en", "shopify-whatsapp-order-confirmation"),
        ("واتساب", "ar", "shopify-whatsapp-order-confirmation"),
        ("بالواتساب", "ar", "shopify-whatsapp-order-confirmation"),
        ("تاكيد الطلب", "ar", "shopify-whatsapp-order-confirmation"),  # تأكيد without its hamza
        ("مبيعات يومي", "ar", "daily-sales-summary-telegram"),
        ("تلغرام", "ar", "daily-sales-summary-telegram"),  # the other spelling of Telegram
        ("lead slack", "en", "web-form-leads-sheet-slack"),
        ("Marketing", "en", "web-form-leads-sheet-slack"),
        ("التسويق", "ar", "web-form-leads-sheet-slack"),
        ("عيادة", "ar", "clinic-same-day-appointment-sms"),  # the singular of العيادات
        ("unpaid invoices", "en", "freelance-invoice-reminders"),
        ("الفواتير", "ar", "freelance-invoice-reminders"),
        ("المقهى", "ar", "cafe-daily-specials-telegram"),
        ("sms", "en", "clinic-booking-sms-confirmation"),
    ],
)
def test_search_finds_templates_by_words_in_either_language(text, language, expected):
    assert expected in [t.id for t in SHIPPED_ONLY.search(text, language)]


def test_search_with_a_word_no_template_has_finds_nothing_and_empty_search_finds_all():
    assert SHIPPED_ONLY.search("zebra crossing") == []
    assert len(SHIPPED_ONLY.search("  ")) == len(SHIPPED)


def _flow_with_secrets() -> Flow:
    return Flow(
        name="Orders to my API",
        status=FlowStatus.ACTIVE,
        nodes=[
            Node(
                id="a", name="New order", type="shopify.new_order", params={"connection": "c-shop"}
            ),
            Node(
                id="b",
                name="Call the API",
                type="http.request",
                params={
                    "url": "https://user:hunter2pass@api.example.com/orders?api_key=k-live-9876",
                    "auth": "bearer",
                    "token": "sk-live-1234567890abcdef",
                    "headers": {"X-Api-Key": "hdr-secret-555"},
                    "body": {"order": "{{ trigger.name }}"},
                },
            ),
            Node(
                id="c",
                name="Tell me",
                type="telegram.send_message",
                params={"connection": "c-bot", "chat_id": "42", "text": "{{ trigger.name }}"},
            ),
        ],
        pinned={"a": PinnedOutput(output={"name": "#1042", "email": "private@example.com"})},
    )


SECRETS = ("hunter2pass", "k-live-9876", "sk-live-1234567890abcdef", "hdr-secret-555")


def test_a_flow_saved_as_a_template_keeps_no_secret_account_or_pinned_data(library):
    template = save_as_template(
        _flow_with_secrets(),
        "My order relay",
        category="ecommerce",
        minutes_saved_per_run=5,
        library=library,
    )

    written = "".join(p.read_text(encoding="utf-8") for p in template.folder.iterdir())
    for secret in (*SECRETS, "c-shop", "c-bot", "private@example.com"):
        assert secret not in written
    assert template.folder.parent == library.user_folder
    assert template.flow.pinned == {} and template.flow.status == FlowStatus.DRAFT
    assert template.services == ["http", "shopify", "telegram"]
    reread = library.get(template.id)
    assert reread.private and reread.name == Words(en="My order relay", ar="My order relay")
    assert reread.minutes_saved_per_run == 5
    assert reread.flow.node_by_name("Call the API").params["body"] == {
        "order": "{{ trigger.name }}"
    }
    assert [n.connector for n in needed_accounts(reread)] == ["shopify", "telegram"]


def test_a_template_exported_and_imported_is_the_same_template_without_secrets(tmp_path, library):
    template = save_as_template(_flow_with_secrets(), "Relay", library=library)
    path = export_template(template, tmp_path / "relay")
    assert path.name == "relay.flowin-template"
    text = path.read_text(encoding="utf-8")
    assert not any(secret in text for secret in SECRETS)

    other = TemplateLibrary(private_folder=tmp_path / "other")
    imported = import_template(path, other)
    assert imported.id == template.id and imported.private
    assert imported.flow.nodes == template.flow.nodes
    again = import_template(path, other)  # a second import does not overwrite the first
    assert again.id != imported.id and {t.id for t in other.templates} >= {imported.id, again.id}


def test_a_shipped_template_exports_with_its_blanks_and_both_languages(tmp_path, library):
    template = SHIPPED[0]
    imported = import_template(export_template(template, tmp_path / "t.flowin-template"), library)
    assert imported.name == template.name and imported.blanks == template.blanks


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "{not json",
            "t.flowin-template is not a Flowin template file: it is not readable as JSON",
        ),
        (json.dumps({"name": "A flow", "nodes": []}), "It looks like a flow: import it with"),
        (
            json.dumps({"kind": "flowin-template", "template": {}}),
            "its flow or its details are missing",
        ),
        (
            json.dumps({"kind": "flowin-template", "template": {"id": "x"}, "flow": {"nodes": []}}),
            "The template in t.flowin-template is damaged. Its details have problems:",
        ),
        (
            json.dumps(
                {
                    "kind": "flowin-template",
                    "template": {
                        "id": "x",
                        "name": {"en": "X", "ar": "س"},
                        "description": {"en": "X", "ar": "س"},
                        "category": "team",
                    },
                    "flow": {"nodes": [{"id": "a", "name": "A", "type": "teleport.beam"}]},
                }
            ),
            "uses steps this Flowin doesn't have (teleport.beam)",
        ),
    ],
    ids=["not-json", "a-flow", "incomplete", "bad-details", "unknown-step"],
)
def test_a_malformed_template_file_is_refused_with_a_message_saying_why(
    tmp_path, library, content, message
):
    path = tmp_path / "t.flowin-template"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TemplateError) as refused:
        import_template(path, library)
    assert message in str(refused.value)
    assert "Traceback" not in str(refused.value)
    assert not library.user_folder.exists() or not any(library.user_folder.iterdir())


def test_a_broken_private_template_is_left_out_and_the_others_still_load(library):
    broken = library.user_folder / "broken"
    broken.mkdir(parents=True)
    (broken / "template.json").write_text("{", encoding="utf-8")
    ids = [t.id for t in library.load()]
    assert "broken" not in ids and len(ids) == len(SHIPPED)


@pytest.mark.parametrize(
    "template", [t for t in SHIPPED if t.sample is not None], ids=lambda t: t.id
)
def test_a_template_with_sample_data_pins_it_on_its_trigger_so_the_first_test_run_has_data(
    template: Template,
):
    flow = instantiate(template, examples(template), accounts(template), language="ar")
    registry = default_registry()
    trigger = next(n for n in flow.nodes if registry.get(n.type).is_trigger)
    assert flow.pinned[trigger.id].output == template.sample
    # Every field of the trigger a step reads is in the sample, so none is a missing variable.
    read = set(re.findall(r"trigger\.body\.(\w+)", flow.to_json()))
    assert read <= set((template.sample or {}).get("body", template.sample))


def test_a_phone_number_typed_with_arabic_digits_reaches_the_step_in_digits_a_service_reads():
    template = next(t for t in SHIPPED if t.id == "clinic-booking-sms-confirmation")
    answers = {**examples(template), "from_number": "+٢٠ ١٠٠ ١٢٣ ٤٥٦٧"}  # an Arabic keyboard
    flow = instantiate(template, answers, accounts(template), language="ar")
    assert flow.node_by_name("Confirm by SMS").params["from_number"] == "+201001234567"
