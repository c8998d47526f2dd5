"""Active flows run inside the app, and a failed run raises a tray alert."""

import os
import socket

import httpx
from PySide6.QtWidgets import QApplication

from flowin_desktop.active_flows import ActiveFlows
from flowin_desktop.i18n import Localizer
from flowin_engine.data_folder import DataFolder
from flowin_engine.model import Edge, Flow, FlowStatus, Node
from flowin_engine.store import Store

from .conftest import WAIT_MS, shown


def failing_hook() -> Flow:
    return Flow(
        id="hook",
        name="Order hook",
        status=FlowStatus.ACTIVE,
        nodes=[
            Node(id="in", name="Webhook", type="webhook.receive", params={"path": "orders"}),
            Node(
                id="stop",
                name="Stop",
                type="core.stop_with_error",
                params={"message": "Out of stock"},
            ),
        ],
        edges=[Edge(source="in", target="stop")],
    )


def test_a_failed_run_of_an_active_flow_is_reported(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    store = Store(tmp_path / "flowin.db")
    store.set_setting("webhook_port", 0)
    store.flows.save(failing_hook())
    active_flows = ActiveFlows(DataFolder(store))
    active_flows.start()
    try:
        url = active_flows.runtime.webhook_url("hook")
        with qtbot.waitSignal(active_flows.run_failed, timeout=WAIT_MS) as failed:
            assert httpx.post(url, json={"sku": "A1"}).status_code == 202
        execution_id, flow_name, error = failed.args
        assert store.executions.get(execution_id).failed_node == "Stop"
        assert flow_name == "Order hook"
        assert error == "Out of stock"
        assert active_flows.pause_all() == 1
        assert active_flows.runtime.webhook_url("hook") is None
    finally:
        active_flows.stop()
        store.close()


def test_a_second_app_on_the_same_data_folder_shows_why_flows_dont_run_here(
    qtbot, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QLabel, QMainWindow

    from flowin_desktop.app import show_active_flows_problem
    from flowin_engine.runtime import RuntimeSettings

    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    store = Store(tmp_path / "flowin.db")
    store.set_setting("webhook_port", 0)
    first = DataFolder(store).runtime(RuntimeSettings(port=0))
    first.start()
    localizer = Localizer(QApplication.instance())
    active_flows = ActiveFlows(DataFolder(store))
    try:
        active_flows.start()  # no exception: the window opens, without running flows
        assert not active_flows.running
        assert active_flows.problem.startswith("Flowin is already running with this data folder")
        window = QMainWindow()
        qtbot.addWidget(window)
        show_active_flows_problem(window, active_flows)
        window.show()
        label = shown(qtbot, lambda: window.statusBar().findChild(QLabel, "activeFlowsProblem"))
        assert label.text().startswith("Your active flows don't run in this window")
        assert f"(process {os.getpid()})" in label.text()
        assert "--data-dir" not in label.text()

        localizer.set_language("ar")  # the label follows a change of language
        qtbot.waitUntil(lambda: "لا تعمل تدفقاتك النشطة" in label.text(), timeout=WAIT_MS)
        assert str(os.getpid()) in label.text()
        assert "Flowin is already running" not in label.text()
    finally:
        localizer.set_language("en")
        active_flows.stop()
        first.stop(grace=1)
        store.close()


def test_webhooks_that_cant_listen_are_explained_in_arabic(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QLabel, QMainWindow

    from flowin_desktop.app import show_active_flows_problem

    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    store = Store(tmp_path / "flowin.db")
    store.set_setting("webhook_port", port)
    localizer = Localizer(QApplication.instance())
    active_flows = ActiveFlows(DataFolder(store))
    try:
        localizer.set_language("ar")
        active_flows.start()
        assert active_flows.running  # schedules and polling still run
        assert active_flows.runtime.listen_failure.port == port
        window = QMainWindow()
        qtbot.addWidget(window)
        show_active_flows_problem(window, active_flows)
        window.show()
        label = shown(qtbot, lambda: window.statusBar().findChild(QLabel, "activeFlowsProblem"))
        assert "الويب هوك" in label.text() and str(port) in label.text()
        assert "Webhooks can't listen" not in label.text()
    finally:
        localizer.set_language("en")
        active_flows.stop()
        store.close()
        taken.close()
