"""A webhook trigger's live address from the cloud account, against a real flowin-cloud and the
window's real runtime: the address shown is the cloud's, Copy copies it, a new one retires the
old; signed out, the trigger offers the sign-in; events waiting in the cloud show in the status
bar and the tray, and a word follows when they have arrived; an event for a flow switched off
meanwhile shows in the run history as not run, in words."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import httpx
import pytest
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox
from werkzeug import Response

from flowin_desktop.cloud.account import CloudAccountDialog
from flowin_desktop.main_window import MainWindow
from flowin_desktop.tray import Tray
from flowin_engine.model import Edge, Flow, FlowStatus, Node, Position
from flowin_engine.runtime import Runtime, RuntimeSettings
from tests.cloud_server import DEFAULT_PASSWORD, CloudServer
from tests.engine.cloud_computers import new_email

from .conftest import WAIT_MS, click, plain, shown


@pytest.fixture(scope="module")
def cloud(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CloudServer]:
    # A "respond when done" request waits a second for the computer's answer, not five.
    server = CloudServer(
        tmp_path_factory.mktemp("relay-cloud"), {"FLOWIN_CLOUD_RELAY_ANSWER_SECONDS": "1"}
    ).start()
    try:
        yield server
    finally:
        server.stop()


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


def sign_in(qtbot, window: MainWindow, cloud: CloudServer) -> dict[str, str]:
    """A new verified account, signed in to from the window; its token pair for the API."""
    email = new_email()
    tokens = cloud.sign_up(email)
    with qtbot.waitSignal(window.cloud.signed_in_changed, timeout=WAIT_MS):
        window.cloud.sign_in(cloud.url, email, DEFAULT_PASSWORD)
    return tokens


def start_runtime(window: MainWindow) -> Runtime:
    """The window's runtime, as the app attaches it, signed in as the window is."""
    runtime = window.editor.folder.runtime(
        RuntimeSettings(port=0, sync_interval=0.1), account=window.cloud.account
    )
    runtime.relay.status_every = 0.2  # the waiting count follows closely
    runtime.start()
    window.editor.runtime = runtime
    window.editor.relay_watch.follow()
    return runtime


def trigger_box(qtbot, window: MainWindow, flow: Flow, trigger: Node):
    window.open_flow(flow.id)
    editor = window.editor
    editor.scene.clearSelection()
    editor.scene.node_items[trigger.id].setSelected(True)
    return shown(qtbot, lambda: editor.properties.webhook_address)


def cloud_addresses(cloud: CloudServer, tokens: dict[str, str]) -> dict[str, str]:
    hooks = httpx.get(cloud.url + "/relay/hooks", headers=cloud.bearer(tokens), timeout=30)
    hooks.raise_for_status()
    return {hook["flow_id"]: hook["url"] for hook in hooks.json()}


def test_signed_in_the_trigger_shows_the_clouds_address_copies_it_and_a_new_one_retires_the_old(
    qtbot, window: MainWindow, cloud: CloudServer
):
    flow, trigger = orders_flow()
    window.store.flows.save(flow)
    tokens = sign_in(qtbot, window, cloud)
    runtime = start_runtime(window)
    try:
        box = trigger_box(qtbot, window, flow, trigger)
        qtbot.waitUntil(lambda: box.cloud.isVisible() and bool(box.cloud.text()), timeout=WAIT_MS)
        address = box.cloud.text()
        assert address == cloud_addresses(cloud, tokens)[flow.id]
        assert address.startswith(cloud.url + "/hooks/")
        assert "keeps it until this computer takes it" in box.cloud_help.text()
        assert not box.sign_in.isVisible() and not box.tunnel_toggle.isVisible()
        assert not box.waits_for_answer.isVisible()  # this trigger answers at once

        click(qtbot, box.copy_cloud)
        assert QGuiApplication.clipboard().text() == address

        # The address works: the request reaches this computer and runs the flow.
        sent = httpx.post(address, json={"name": "Layla"}, timeout=30)
        assert sent.status_code == 202, sent.text
        run_id = sent.json()["event_id"]
        qtbot.waitUntil(
            lambda: any(
                run.id == run_id and run.status.value == "success"
                for run in window.store.executions.summaries(flow_id=flow.id)
            ),
            timeout=WAIT_MS,
        )

        click(qtbot, box.rotate)
        question = shown(qtbot, lambda: box.rotate_question)
        assert "stops working at once" in question.text()
        click(qtbot, box.rotate_confirm)
        # The new address can show before the answer to the click does (the relay's status,
        # refreshed meanwhile, brings it): what the user reads once the answer came is checked.
        qtbot.waitUntil(lambda: "The old one no longer works" in box.copied.text(), timeout=WAIT_MS)
        assert box.cloud.text() not in ("", address)
        new_address = box.cloud.text()
        assert new_address == cloud_addresses(cloud, tokens)[flow.id]
        assert httpx.post(address, json={"name": "Sara"}, timeout=30).status_code == 404
        assert httpx.post(new_address, json={"name": "Sara"}, timeout=30).status_code == 202
    finally:
        runtime.stop(grace=2)


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


def test_events_waiting_in_the_cloud_show_in_the_status_bar_and_tray_then_a_word_when_all_arrived(
    qtbot, window: MainWindow, cloud: CloudServer, httpserver
):
    # Each run waits at a step until the test lets it go: its event stays in the cloud's
    # hands (not yet acknowledged) meanwhile, as while the computer is away.
    gate = threading.Event()

    def held(_request):
        gate.wait(WAIT_MS / 1000)
        return Response('{"ok": true}', content_type="application/json")

    httpserver.expect_request("/stock").respond_with_handler(held)
    check_stock = Node(
        type="http.request",
        name="Check the stock",
        params={"method": "GET", "url": httpserver.url_for("/stock")},
    )
    flow, trigger = orders_flow(respond="when_done", then=check_stock)
    window.store.flows.save(flow)
    window.tray = Tray(window, QIcon(), window)
    sign_in(qtbot, window, cloud)
    runtime = start_runtime(window)
    try:
        box = trigger_box(qtbot, window, flow, trigger)
        qtbot.waitUntil(lambda: bool(box.cloud.text()), timeout=WAIT_MS)
        # "Respond when done": what the service gets when the flow takes longer.
        assert box.waits_for_answer.isVisible()
        assert "told its request was accepted, and the flow still runs" in (
            box.waits_for_answer.text()
        )
        assert not window.waiting.isVisible()
        for name in ("Layla", "Sara"):
            # The computer does not answer in time: the service is told "accepted".
            sent = httpx.post(box.cloud.text(), json={"name": name}, timeout=30)
            assert sent.status_code == 202, sent.text

        qtbot.waitUntil(lambda: window.waiting.text() == "2 events waiting", timeout=WAIT_MS)
        assert window.waiting.isVisible()
        assert window.tray.toolTip() == "Flowin: 2 events waiting"

        # Signing out now: the question says where the waiting events go.
        account = window.show_cloud_account()
        click(qtbot, account.sign_out_button)
        question = shown(qtbot, lambda: account.sign_out_question)
        assert question.text() == (
            "2 events wait in your cloud account for this computer. They stay there for "
            "72 hours and arrive when this computer signs in again. Sign out?"
        )
        click(qtbot, question.button(QMessageBox.StandardButton.No))
        qtbot.waitUntil(lambda: not question.isVisible(), timeout=WAIT_MS)
        assert window.cloud.signed_in  # No: still signed in
        account.close()

        gate.set()
        qtbot.waitUntil(lambda: not window.waiting.isVisible(), timeout=WAIT_MS)
        assert window.statusBar().currentMessage() == (
            "The 2 events that waited in your cloud account have arrived; "
            "the run history shows what each one did."
        )
        assert window.tray.toolTip() == "Flowin"
    finally:
        gate.set()
        runtime.stop(grace=2)
        window.tray.hide()


def test_a_request_for_a_flow_switched_off_while_away_shows_as_not_run_and_offers_run_again(
    qtbot, window: MainWindow, cloud: CloudServer
):
    flow, trigger = orders_flow()
    window.store.flows.save(flow)
    sign_in(qtbot, window, cloud)
    runtime = start_runtime(window)
    try:
        qtbot.waitUntil(
            lambda: runtime.relay.public_address(flow.id, trigger.id) is not None,
            timeout=WAIT_MS,
        )
        address = runtime.relay.public_address(flow.id, trigger.id)
    finally:
        runtime.stop(grace=2)  # the computer is away: the cloud keeps what comes
    sent = httpx.post(address, json={"name": "Layla"}, timeout=30)
    assert sent.status_code == 202, sent.text
    event_id = sent.json()["event_id"]
    window.store.flows.set_status(flow.id, FlowStatus.PAUSED)  # switched off meanwhile

    runtime = start_runtime(window)  # back: the request arrives, and is not run
    try:
        qtbot.waitUntil(
            lambda: any(run.id == event_id for run in window.store.executions.summaries()),
            timeout=WAIT_MS,
        )
        window.show_executions()
        view = window.executions
        view.refresh()
        view.select(event_id)
        row = view.list.currentItem()
        assert row.text(0) == "Not run: flow was off"
        assert plain(view.error.text()).startswith("Not run: the flow was switched off")
        assert view.retry_button.isVisible()  # switched on again, it can still run
        # No step ran, so there is no failed step to retry from: it simply runs again.
        assert view.retry_button.text() == "Run again"
        assert "failed step" not in view.retry_button.text()
        assert "reusing" not in view.retry_button.toolTip()
    finally:
        runtime.stop(grace=2)


def test_a_cloud_that_cannot_be_reached_is_said_in_words_where_the_live_address_would_be(
    qtbot, window: MainWindow, tmp_path
):
    gone = CloudServer(tmp_path / "cloud").start()
    try:
        sign_in(qtbot, window, gone)
    finally:
        gone.stop()  # the cloud (or this computer's internet) is down
    flow, trigger = orders_flow()
    window.store.flows.save(flow)
    runtime = start_runtime(window)
    try:
        box = trigger_box(qtbot, window, flow, trigger)
        qtbot.waitUntil(
            lambda: "can't reach your cloud account now" in box.cloud_pending.text(),
            timeout=WAIT_MS,
        )
        assert box.cloud_pending.isVisible() and not box.cloud.isVisible()
        assert not box.sign_in.isVisible()  # signed in: nothing to offer but patience
    finally:
        runtime.stop(grace=2)


def test_one_event_waiting_is_said_in_the_singular(window: MainWindow):
    from flowin_desktop.relay_status import arrived_text, waiting_text

    window.set_language("en")
    assert waiting_text(1) == "1 event waiting"
    assert waiting_text(20) == "20 events waiting"
    assert arrived_text(1) == (
        "The event that waited in your cloud account has arrived; "
        "the run history shows what it did."
    )
    assert arrived_text(20) == (
        "The 20 events that waited in your cloud account have arrived; "
        "the run history shows what each one did."
    )


def test_the_word_when_waiting_events_arrived_does_not_claim_they_ran(window: MainWindow):
    # Their flow may have been switched off meanwhile: then none of them ran.
    from flowin_desktop.relay_status import arrived_text

    for language in ("en", "ar"):
        window.set_language(language)
        for count in (1, 3):
            assert "run here" not in arrived_text(count)
            assert "runs here" not in arrived_text(count)
            assert "هنا" not in arrived_text(count)  # "here"
    window.set_language("en")
