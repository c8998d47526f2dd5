"""The template gallery, the "Use template" wizard, and templates made from flows or read from
files, driven as a shop owner would: from the home screen, with clicks and typing."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from flowin_desktop.templates import TemplateGallery
from flowin_desktop.templates.new_flow import BLANK, BUILDER, TEMPLATE, NewFlowChoice
from flowin_desktop.templates.preview import PICTURE_SCALE, PREVIEW_SIZE
from flowin_desktop.templates.save_dialog import TemplateDetails
from flowin_desktop.templates.wizard import UseTemplateWizard
from flowin_engine.data_folder import DataFolder
from flowin_engine.model import Edge, Flow, Node, Position
from flowin_engine.registry import default_registry
from flowin_engine.templates import SHIPPED, TemplateLibrary
from flowin_engine.validation import validate_flow

from .conftest import WAIT_MS, click, plain, shown

WHATSAPP = "shopify-whatsapp-order-confirmation"
DAILY_SALES = "daily-sales-summary-telegram"
LEADS = "web-form-leads-sheet-slack"
BOT = {"id": 42, "is_bot": True, "first_name": "Shop bot", "username": "shop_bot"}


def open_gallery(qtbot, window):
    click(qtbot, window.home.templates_button)
    gallery = shown(qtbot, lambda: window.gallery)
    assert window.pages.currentWidget() is gallery
    return gallery


def card(gallery, template_id):
    return next(c for c in gallery.cards if c.template.id == template_id)


def test_the_gallery_finds_templates_by_english_or_arabic_words(qtbot, window):
    gallery = open_gallery(qtbot, window)
    everything = set(gallery.shown_ids())
    assert {WHATSAPP, DAILY_SALES, LEADS} <= everything

    qtbot.keyClicks(gallery.search, "whatsapp")
    found = gallery.shown_ids()
    assert WHATSAPP in found and DAILY_SALES not in found
    assert found == [t.id for t in TemplateLibrary().search("whatsapp", "en")]
    assert card(gallery, WHATSAPP).name.text() == TemplateLibrary().get(WHATSAPP).name.en
    gallery.search.clear()
    assert set(gallery.shown_ids()) == everything

    window.set_language("ar")
    assert gallery.isRightToLeft() and card(gallery, WHATSAPP).isRightToLeft()
    assert gallery.chip_buttons[None].text() == "الكل"
    # Arabic as people type it: no hamza on the alif, and the gallery still finds it. (Typed
    # through the keyboard's input method: Qt's test keyboard has no Arabic keys.)
    gallery.search.insert("واتساب تاكيد")
    found = gallery.shown_ids()
    assert WHATSAPP in found and DAILY_SALES not in found
    assert found == [t.id for t in TemplateLibrary().search("واتساب تاكيد", "ar")]
    assert card(gallery, WHATSAPP).name.text() == TemplateLibrary().get(WHATSAPP).name.ar
    assert card(gallery, WHATSAPP).category.text() == "التجارة الإلكترونية"
    gallery.search.clear()
    gallery.search.insert("لا يوجد شيء كهذا")
    assert gallery.shown_ids() == []
    assert gallery.nothing.isVisible()
    assert "لا يوجد شيء كهذا" in plain(gallery.nothing.text())


def test_a_category_chip_shows_only_the_templates_of_that_category(qtbot, window):
    gallery = open_gallery(qtbot, window)
    library = TemplateLibrary()
    chips = gallery.chip_buttons
    assert chips[None].isChecked()
    assert [chips[c].text() for c in ("ecommerce", "marketing")] == ["E-commerce", "Marketing"]

    click(qtbot, chips["marketing"])

    expected = [t.id for t in library.in_category("marketing")]
    assert LEADS in expected
    assert gallery.shown_ids() == expected
    assert not chips[None].isChecked()
    qtbot.keyClicks(gallery.search, "whatsapp")  # words and category, both
    marketing_whatsapp = [t.id for t in library.search("whatsapp") if t.category == "marketing"]
    assert gallery.shown_ids() == marketing_whatsapp
    assert WHATSAPP not in marketing_whatsapp  # an e-commerce one
    gallery.search.clear()
    click(qtbot, chips[None])
    assert len(gallery.shown_ids()) == len(library.templates)


def test_a_template_opens_on_its_description_services_and_flow(qtbot, window, tmp_path):
    # The templates as a source tree has them: no pictures drawn by a build.
    library = tmp_path / "library"
    shutil.copytree(SHIPPED, library, ignore=shutil.ignore_patterns("*.png"))
    window.gallery.load_library = lambda: TemplateLibrary(shipped_folder=library)
    gallery = open_gallery(qtbot, window)
    click(qtbot, card(gallery, LEADS))
    detail = shown(qtbot, lambda: gallery.detail)
    assert "Slack" in detail.services.text() and "Google Sheets" in detail.services.text()
    assert detail.description.text() == TemplateLibrary().get(LEADS).description.en
    preview = detail.preview
    # No picture was built for it here: the flow is drawn on the small canvas, read only.
    assert not preview.shows_picture
    canvas = shown(qtbot, lambda: preview.canvas)
    assert len(canvas.flow_scene.node_items) == len(TemplateLibrary().get(LEADS).flow.nodes)
    assert not canvas.isInteractive()
    click(qtbot, detail.back_button)
    assert gallery.pages.currentWidget() is gallery.list_page


def test_the_wizard_wont_finish_while_an_account_or_a_blank_is_missing_then_opens_a_flow_that_validates(
    qtbot, window, httpserver, monkeypatch
):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    shop = window.editor.connections.add(
        "shopify", "My shop", {"shop_domain": "my-shop.myshopify.com", "access_token": "x"}
    )
    gallery = open_gallery(qtbot, window)
    click(qtbot, card(gallery, DAILY_SALES))
    click(qtbot, gallery.detail.use_button)
    wizard: UseTemplateWizard = shown(qtbot, lambda: window.wizard)

    # Step 1: the only Shopify account is picked already; Telegram has none yet.
    shopify_row, telegram_row = wizard.account_rows
    assert shopify_row.connection_id() == shop.id
    assert telegram_row.connection_id() is None
    assert not wizard.finish_button.isVisible()
    assert "your Telegram account" in wizard.missing.text()
    assert "Your Telegram chat ID" in plain(wizard.missing.text())

    click(qtbot, telegram_row.connect_button)
    dialog = shown(qtbot, lambda: telegram_row.dialog)
    token = "123456:shop-bot-token"
    httpserver.expect_request(f"/bot{token}/getMe").respond_with_json({"ok": True, "result": BOT})
    qtbot.keyClicks(dialog.fields["bot_token"], token)
    dialog.fields["base_url"].setText(httpserver.url_for("/"))
    with qtbot.waitSignal(dialog.call_finished, timeout=WAIT_MS):
        click(qtbot, dialog.test_button)
    assert dialog.result_label.text().startswith("✓ ")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: telegram_row.connection_id() is not None, timeout=WAIT_MS)
    assert "account" not in wizard.missing.text()
    # An account picked in the list can be tested there too.
    with qtbot.waitSignal(telegram_row.tested, timeout=WAIT_MS):
        click(qtbot, telegram_row.test_button)
    assert telegram_row.result.text().startswith("✓ ")
    assert window.editor.connections.get(telegram_row.connection_id()).last_test_ok is True

    # Step 2: the chat id is still empty, so Create flow stays off and says so.
    click(qtbot, wizard.next_button)
    assert wizard.current_step() == 1
    finish = shown(qtbot, wizard.finish_button)
    assert not finish.isEnabled()
    assert plain(wizard.missing.text()) == (
        "Still needed before the flow can be made: Your Telegram chat ID."
    )
    chat = next(f for f in wizard.fields if f.key == "chat_id")
    assert chat.widget.placeholderText() == "For example: 123456789"
    qtbot.keyClicks(chat.widget, "987654321")
    assert finish.isEnabled()

    click(qtbot, finish)

    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.editor, timeout=WAIT_MS)
    flow = window.editor.document.flow
    assert flow.id == wizard.flow_id
    assert window.store.flows.get(flow.id).name == "Daily sales summary to Telegram"
    assert validate_flow(flow, window.registry) == []
    params = {node.type: node.params for node in flow.nodes}
    assert params["telegram.send_message"]["chat_id"] == "987654321"
    assert params["telegram.send_message"]["connection"] == telegram_row.connection_id()
    assert params["shopify.list_orders"]["connection"] == shop.id
    assert token not in flow.to_json()
    assert window.editor.run_action.isEnabled()


def test_new_flow_offers_a_template_the_ai_builder_or_a_blank_canvas(qtbot, window):
    click(qtbot, window.home.new_button)
    choice: NewFlowChoice = shown(qtbot, lambda: window.findChild(NewFlowChoice))
    click(qtbot, choice.buttons[TEMPLATE])
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.gallery, timeout=WAIT_MS)

    flows = len(window.store.flows.summaries())
    window.start_new_flow(BUILDER)
    assert window.pages.currentWidget() is window.editor
    assert window.editor.builder_panel.isVisible()
    assert len(window.store.flows.summaries()) == flows + 1

    window.show_home()
    window.start_new_flow(BLANK)
    assert window.editor.document.flow.nodes == []
    assert len(window.store.flows.summaries()) == flows + 2
    assert not window.editor.builder_panel.isVisible()  # the steps list, to start by hand


def test_the_empty_home_offers_the_templates(qtbot, window):
    home = window.home
    home.confirm = lambda title, question: True
    for flow_id in home.flow_ids():
        home.delete(flow_id)
    click(qtbot, home.browse_templates_button)
    assert window.pages.currentWidget() is window.gallery


def order_flow() -> Flow:
    trigger = Node(type="core.manual_trigger", name="When I click Run", params={})
    note = Node(
        type="core.set_fields",
        name="Write the note",
        params={"fields": [{"name": "text", "value": "Thanks!"}]},
        position=Position(x=280, y=0),
    )
    return Flow(
        name="Thank-you notes",
        nodes=[trigger, note],
        edges=[Edge(source=trigger.id, target=note.id)],
    )


def test_save_as_template_from_the_flow_menu_puts_it_in_the_gallery(qtbot, window):
    flow = order_flow()
    window.store.flows.save(flow)
    window.home.refresh()
    window.home.select(flow.id)
    asked = []

    def answer(title, name):
        asked.append((title, name))
        return TemplateDetails("Thank customers", "Writes a thank-you note.", "ecommerce")

    window.template_files.ask_details = answer
    menu = window.home.flow_menu()
    [action] = [a for a in menu.actions() if a.text() == "Save as template…"]

    action.trigger()

    assert asked == [("Save as template", "Thank-you notes")]
    [mine] = [t for t in TemplateLibrary().templates if t.private]
    assert mine.name.en == "Thank customers" and str(mine.category) == "ecommerce"
    assert "Saved" in window.statusBar().currentMessage()
    gallery = open_gallery(qtbot, window)
    qtbot.keyClicks(gallery.search, "thank customers")
    assert gallery.shown_ids() == [mine.id]


def test_a_malformed_template_file_is_refused_with_a_message_and_nothing_is_kept(
    qtbot, window, tmp_path
):
    broken = tmp_path / "orders.flowin-template"
    broken.write_text('{"kind": "flowin-template", "template": {', encoding="utf-8")
    problems = []
    files = window.template_files
    files.show_problem = lambda title, text, details: problems.append((title, text))
    files.choose_import_file = lambda: str(broken)
    gallery = open_gallery(qtbot, window)
    before = gallery.shown_ids()

    click(qtbot, gallery.import_button)

    [(title, text)] = problems
    assert title == "Couldn't import the template"
    assert "orders.flowin-template is not a Flowin template file" in text
    assert text.endswith("Nothing was imported.")
    assert gallery.shown_ids() == before
    assert not [t for t in TemplateLibrary().templates if t.private]


def test_a_template_exported_to_a_file_imports_back_as_ones_own(qtbot, window, tmp_path):
    files = window.template_files
    files.choose_export_file = lambda suggested: str(tmp_path / "sales")
    gallery = open_gallery(qtbot, window)
    click(qtbot, card(gallery, DAILY_SALES))
    click(qtbot, gallery.detail.export_button)
    written = tmp_path / "sales.flowin-template"
    assert json.loads(written.read_text(encoding="utf-8"))["kind"] == "flowin-template"

    files.choose_import_file = lambda: str(written)
    click(qtbot, gallery.detail.back_button)
    click(qtbot, gallery.import_button)

    [mine] = [t for t in TemplateLibrary().templates if t.private]
    assert mine.name.en == "Daily sales summary to Telegram"
    assert gallery.pages.currentWidget() is gallery.detail
    assert gallery.detail.template.id == mine.id


def test_the_build_draws_each_templates_preview_and_the_gallery_shows_the_picture(qtbot, tmp_path):
    library = tmp_path / "library"
    for template_id in (DAILY_SALES, LEADS):
        shutil.copytree(SHIPPED / template_id, library / template_id)
    tool = Path(__file__).resolve().parents[2] / "tools" / "template_previews.py"

    subprocess.run([sys.executable, str(tool), str(library)], check=True, timeout=300)

    for template_id in (DAILY_SALES, LEADS):
        for name in ("preview.png", "preview-rtl.png"):
            picture = QImage(str(library / template_id / name))
            assert picture.size() == PREVIEW_SIZE * PICTURE_SCALE, (template_id, name)
    gallery = TemplateGallery(default_registry(), lambda: TemplateLibrary(shipped_folder=library))
    qtbot.addWidget(gallery)
    gallery.resize(1100, 700)
    gallery.show()
    assert gallery.show_template(LEADS)
    assert gallery.detail.preview.shows_picture
    assert gallery.detail.preview.canvas is None  # nothing drawn live


def test_the_wizard_checks_a_phone_number_and_reads_arabic_digits(qtbot, store, monkeypatch):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    registry = default_registry()
    folder = DataFolder(store, registry=registry)
    template = TemplateLibrary().get("clinic-booking-sms-confirmation")
    wizard = UseTemplateWizard(template, registry, folder.connections, store)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.go_to(len(wizard.steps) - 1)
    phone = next(f for f in wizard.fields if f.key == "from_number")

    qtbot.keyClicks(phone.widget, "12ab")
    assert "Your Twilio number is not a phone number (like +201001234567)" in plain(
        wizard.missing.text()
    )
    phone.widget.clear()
    phone.widget.insert("+٢٠ ١٠٠ ١٢٣ ٤٥٦٧")  # as an Arabic keyboard types it

    assert phone.value() == "+20 100 123 4567"
    assert "phone number" not in wizard.missing.text()
    assert not wizard.finish_button.isEnabled()  # the accounts and the sheet are still needed


def test_the_wizards_test_of_a_picked_account_says_why_in_arabic(
    qtbot, window, httpserver, monkeypatch
):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    httpserver.expect_request("/botwrong-token/getMe").respond_with_json(
        {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
    )
    window.editor.connections.add(
        "telegram", "Shop bot", {"bot_token": "wrong-token", "base_url": httpserver.url_for("/")}
    )
    window.set_language("ar")
    gallery = open_gallery(qtbot, window)
    click(qtbot, card(gallery, DAILY_SALES))
    click(qtbot, gallery.detail.use_button)
    wizard: UseTemplateWizard = shown(qtbot, lambda: window.wizard)
    telegram_row = next(r for r in wizard.account_rows if r.connector.id == "telegram")
    assert telegram_row.connection_id() is not None  # the only Telegram account, picked
    with qtbot.waitSignal(telegram_row.tested, timeout=WAIT_MS):
        click(qtbot, telegram_row.test_button)
    assert plain(telegram_row.result.text()) == "✕ Telegram: رمز البوت غير صحيح — أعد ربط البوت."


def test_a_file_that_is_not_a_template_is_refused_in_arabic_with_what_to_do(
    qtbot, window, tmp_path
):
    problems = []
    files = window.template_files
    files.show_problem = lambda title, text, details: problems.append(plain(text))
    window.set_language("ar")
    gallery = open_gallery(qtbot, window)
    broken = tmp_path / "orders.flowin-template"
    broken.write_text('{"kind": "flowin-template", "template": {', encoding="utf-8")
    flow = tmp_path / "orders.json"
    flow.write_text(order_flow().to_json(), encoding="utf-8")

    for path in (broken, flow):
        files.choose_import_file = lambda path=path: str(path)
        click(qtbot, gallery.import_button)

    not_json, a_flow = problems
    assert not_json.startswith("الملف orders.flowin-template ليس ملف قالب من Flowin")
    assert "اطلب ممن أرسله" in not_json and not_json.endswith("لم يُستورد شيء.")
    assert a_flow.startswith("الملف orders.json ليس ملف قالب من Flowin")
    assert "«استيراد…»" in a_flow  # the home screen's button, not a command
