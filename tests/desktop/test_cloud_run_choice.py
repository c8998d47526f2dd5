"""Where a flow runs, chosen in the editor against a real flowin-cloud: the cloud names each
connected account the flow uses, in words, and asks before uploading them; Cancel uploads
nothing; agreeing runs the flow in the cloud (so the API says) with its accounts there; the
flow list and the editor show the cloud mark and the Active switch does not pretend this
computer runs it; bringing it back deletes the cloud's copies. Signed out, the choice says a
cloud account is needed and offers the sign-in; an unreachable cloud is said in words."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from PySide6.QtCore import QPoint, Qt

from flowin_desktop.cloud.account import CloudAccountDialog
from flowin_desktop.main_window import MainWindow
from flowin_engine.cloud_run import cloud_run_flows
from flowin_engine.model import FlowStatus
from tests.cloud_server import DEFAULT_PASSWORD, CloudServer
from tests.engine.builders import make_flow
from tests.engine.cloud_computers import new_email

from .conftest import WAIT_MS, click, plain, shown

WHATSAPP_TOKEN = "EAAB-desk-cloud-run-7c1f"


@pytest.fixture(scope="module")
def cloud(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CloudServer]:
    server = CloudServer(tmp_path_factory.mktemp("cloud-run-ui")).start()
    try:
        yield server
    finally:
        server.stop()


def shop_flow(window: MainWindow):
    """An active flow that thanks a Shopify buyer on WhatsApp: two connected accounts."""
    connections = window.editor.connections
    number = connections.add(
        "whatsapp",
        "Shop number",
        {"access_token": WHATSAPP_TOKEN, "phone_number_id": "106540352242922"},
    )
    store = connections.add("shopify", "Cairo Sweets", {"access_token": "shpat_desk_1"})
    flow = make_flow(
        [
            ("Order", "webhook.receive", {"path": "orders"}),
            ("Find order", "shopify.get_order", {"connection": store.id, "order_id": "1"}),
            (
                "Thank",
                "whatsapp.send_text",
                {"connection": number.id, "to": "9665", "text": "Thank you"},
            ),
        ],
        ["Order -> Find order", "Find order -> Thank"],
        name="Thank buyers",
    )
    flow.status = FlowStatus.ACTIVE
    window.store.flows.save(flow)
    return flow, number, store


def sign_in(qtbot, window: MainWindow, cloud: CloudServer) -> dict[str, str]:
    email = new_email()
    tokens = cloud.sign_up(email)
    with qtbot.waitSignal(window.cloud.signed_in_changed, timeout=WAIT_MS):
        window.cloud.sign_in(cloud.url, email, DEFAULT_PASSWORD)
    return tokens


def cloud_status(cloud: CloudServer, tokens: dict[str, str], flow_id: str) -> dict:
    answer = httpx.get(
        f"{cloud.url}/api/flows/{flow_id}/cloud-run", headers=cloud.bearer(tokens), timeout=30
    )
    answer.raise_for_status()
    return answer.json()


def choose(qtbot, radio) -> None:
    """Click a choice on its words, as a user does (beyond them a click does nothing), once
    it can be clicked: while the cloud answers an earlier choice, both are greyed out."""
    shown(qtbot, radio)
    qtbot.waitUntil(radio.isEnabled, timeout=WAIT_MS)
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(12, radio.height() // 2))


def open_overview(qtbot, window: MainWindow, flow_id: str):
    window.open_flow(flow_id)
    window.editor.show_where_it_runs()
    return shown(qtbot, window.editor.cloud_run)


def test_the_cloud_asks_before_uploading_the_accounts_named_in_words_and_off_deletes_them(
    qtbot, window: MainWindow, cloud: CloudServer
):
    flow, number, shop = shop_flow(window)
    tokens = sign_in(qtbot, window, cloud)
    choice = open_overview(qtbot, window, flow.id)
    assert choice.here.isChecked() and choice.in_cloud.isEnabled()
    assert not choice.sign_in.isVisible()
    assert window.editor.saving.activate_button.text() == "● Active"

    # Cancel: nothing leaves this computer.
    choose(qtbot, choice.in_cloud)
    question = shown(qtbot, lambda: choice.question)
    text = plain(question.text.text())
    assert "Your WhatsApp Business number “Shop number”" in text
    assert "Your Shopify store “Cairo Sweets”" in text
    assert "stored encrypted" in text and "deleted from the cloud" in text
    assert "{" not in text and "whatsapp" not in text  # words, not data
    assert choice.here.isChecked()  # not moved while it asks
    click(qtbot, question.cancel)
    qtbot.waitUntil(lambda: choice.question is None, timeout=WAIT_MS)
    status = cloud_status(cloud, tokens, flow.id)
    assert status["cloud_run"] is False
    assert not any(account["uploaded"] for account in status["accounts"])
    assert choice.here.isChecked() and flow.id not in cloud_run_flows(window.store)

    # Consent: the accounts are uploaded and the cloud runs the flow.
    choose(qtbot, choice.in_cloud)
    question = shown(qtbot, lambda: choice.question)
    click(qtbot, question.agree)
    qtbot.waitUntil(choice.in_cloud.isChecked, timeout=WAIT_MS)
    status = cloud_status(cloud, tokens, flow.id)
    assert status["cloud_run"] is True
    assert {a["connection_id"]: a["uploaded"] for a in status["accounts"]} == {
        number.id: True,
        shop.id: True,
    }
    assert flow.id in cloud_run_flows(window.store)

    # The editor and the flow list show the cloud; the switch no longer speaks of this computer.
    button = window.editor.saving.activate_button
    assert button.text() == "☁ In the cloud" and button.isChecked()
    assert "also when this computer is off" in button.toolTip()
    assert "In the cloud" in window.editor.properties.empty.text()
    click(qtbot, button)  # shows where it runs instead of pausing it here
    assert window.store.flows.get(flow.id).status == FlowStatus.ACTIVE
    assert button.text() == "☁ In the cloud"
    window.show_home()
    row = window.home.row_widget(flow.id)
    assert row.state.text().startswith("☁ In the cloud")
    assert "also when this computer is off" in row.state.toolTip()
    window.home.select(flow.id)
    assert not window.home.activate_button.isEnabled()  # pausing here would not stop it
    assert "To stop it there" in window.home.activate_button.toolTip()

    # Back to this computer: it says the copies are deleted, and the cloud deletes them.
    choice = open_overview(qtbot, window, flow.id)
    choose(qtbot, choice.here)
    question = shown(qtbot, lambda: choice.question)
    assert "are deleted" in question.text.text()
    click(qtbot, question.agree)
    qtbot.waitUntil(choice.here.isChecked, timeout=WAIT_MS)
    status = cloud_status(cloud, tokens, flow.id)
    assert status["cloud_run"] is False
    assert not any(account["uploaded"] for account in status["accounts"])
    assert window.editor.saving.activate_button.text() == "● Active"
    window.show_home()
    assert not window.home.row_widget(flow.id).state.text().startswith("☁")


def test_signed_out_the_cloud_needs_an_account_and_an_unreachable_cloud_is_said_in_words(
    qtbot, window: MainWindow, cloud: CloudServer
):
    flow, *_ = shop_flow(window)
    choice = open_overview(qtbot, window, flow.id)
    assert not choice.in_cloud.isEnabled() and choice.here.isChecked()
    assert "Flowin cloud account" in choice.help.text()
    click(qtbot, choice.sign_in)
    dialog = shown(qtbot, lambda: window.findChild(CloudAccountDialog))
    dialog.close()

    sign_in(qtbot, window, cloud)
    qtbot.waitUntil(choice.in_cloud.isEnabled, timeout=WAIT_MS)
    assert not choice.sign_in.isVisible()
    cloud.stop()  # the module's last test: the cloud goes away
    choose(qtbot, choice.in_cloud)
    qtbot.waitUntil(choice.problem.isVisible, timeout=WAIT_MS)
    assert "can't reach your cloud account" in choice.problem.text()
    assert choice.question is None and choice.here.isChecked()
    assert flow.id not in cloud_run_flows(window.store)
