"""The home view as a dashboard: import and export, run figures, and each flow's state."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from flowin_engine.events import ExecutionFinished, ExecutionStatus
from flowin_engine.model import Flow, FlowStatus, Node

from .conftest import plain


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def problems_of(home) -> list[tuple[str, str, str]]:
    shown: list[tuple[str, str, str]] = []
    home.show_problem = lambda title, text, details: shown.append((title, text, details))
    return shown


def test_importing_a_shared_flow_adds_a_draft_and_touches_nothing_saved(qtbot, window, tmp_path):
    home, store = window.home, window.store
    existing = store.flows.get(home.flow_ids()[0])
    shared = existing.model_copy(update={"status": FlowStatus.ACTIVE})  # same id, same name
    path = tmp_path / "shared.json"
    path.write_text(shared.to_json(), encoding="utf-8")
    home.choose_import_file = lambda: str(path)

    click(qtbot, home.import_button)

    flows = {f.id: f for f in store.flows.summaries()}
    assert len(flows) == 2
    assert store.flows.get(existing.id).to_json() == existing.to_json()
    (imported_id,) = set(flows) - {existing.id}
    imported = store.flows.get(imported_id)
    assert imported.name == f"{existing.name} (imported)"
    assert imported.status == FlowStatus.DRAFT
    assert [n.name for n in imported.nodes] == [n.name for n in existing.nodes]
    assert home.current_id() == imported_id
    assert "Imported" in plain(home.notice.text())


def test_a_file_that_is_not_a_flow_says_why_in_the_users_language_and_keeps_everything(
    window, tmp_path
):
    home, store = window.home, window.store
    before = [(f.id, f.name, f.version) for f in store.flows.summaries()]
    shown = problems_of(home)
    broken = tmp_path / "broken.json"
    broken.write_text('{"name": "Half a fl', encoding="utf-8")
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"name": "Odd", "nodes": [{"name": "x"}]}), encoding="utf-8")
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({"schema_version": 99, "name": "Future"}), encoding="utf-8")

    assert home.import_file(broken) is None
    assert home.import_file(wrong) is None
    assert home.import_file(newer) is None
    assert home.import_file(tmp_path / "missing.json") is None
    window.set_language("ar")
    assert home.import_file(broken) is None

    assert [(f.id, f.name, f.version) for f in store.flows.summaries()] == before
    texts = [plain(text) for _, text, _ in shown]
    assert "'broken.json' is not a flow file: it isn't valid JSON." in texts[0]
    assert "'wrong.json' is not a Flowin flow" in texts[1]
    assert "node 'x' → type: is required" in shown[1][2]  # the engine's details, for the curious
    assert "newer Flowin" in texts[2]
    assert "couldn't read 'missing.json'" in texts[3]
    assert all("Nothing was imported." in text for text in texts[:4])
    assert shown[4][0] == "تعذّر استيراد التدفق"
    assert "ليس ملف تدفق" in texts[4] and "لم يُستورد شيء." in texts[4]


def test_exported_json_has_no_secrets_and_imports_back(qtbot, window, tmp_path):
    home, store = window.home, window.store
    flow = Flow(
        name="Call the shop",
        nodes=[
            Node(type="core.manual_trigger", name="Start"),
            Node(
                type="http.request",
                name="Get orders",
                params={
                    "url": "https://shop.example.com/orders",
                    "auth": "bearer",
                    "token": "shpat_0123456789abcdef",
                    "headers": {"Authorization": "Bearer shpat_0123456789abcdef"},
                },
            ),
        ],
    )
    store.flows.save(flow)
    home.refresh()
    home.select(flow.id)
    chosen = []
    home.choose_export_file = lambda suggested: chosen.append(suggested) or str(tmp_path / "shop")

    click(qtbot, home.export_button)

    assert chosen == ["Call the shop.json"]
    text = (tmp_path / "shop.json").read_text(encoding="utf-8")
    assert "shpat_" not in text
    assert json.loads(text)["nodes"][1]["params"]["headers"] == {"Authorization": ""}
    assert "shpat_" in store.flows.get(flow.id).to_json()  # the saved flow keeps its token
    notice = plain(home.notice.text())
    assert "Get orders → token" in notice and "fill them in after importing" in notice
    imported = store.flows.get(home.import_file(tmp_path / "shop.json"))
    assert imported.nodes[1].params["url"] == "https://shop.example.com/orders"


def test_each_flow_shows_runs_today_and_how_many_succeeded(window):
    home, store = window.home, window.store
    flow = store.flows.get(home.flow_ids()[0])
    now = datetime.now(UTC)
    outcomes = [ExecutionStatus.SUCCESS] * 3 + [ExecutionStatus.FAILED]
    for number, status in enumerate(outcomes):
        started = now - timedelta(days=2) if number == 0 else now
        store.executions.begin_execution(f"run-{number}", flow, {}, "manual", started_at=started)
        store.executions.record([ExecutionFinished(f"run-{number}", flow.id, status, now, 0.1)])
    home.refresh()

    runs_today, success = (label.text() for label in home.row_widget(flow.id).stats)
    assert (runs_today, success) == ("3", "75%")
    assert home.row_widget(flow.id).stats[1].objectName() == "flowStat_fair"
    window.set_language("ar")
    runs_today, success = (label.text() for label in home.row_widget(flow.id).stats)
    assert (runs_today, success.replace("\u061c", "")) == ("٣", "٧٥٪")  # Arabic digits and sign


def test_a_flow_never_run_shows_a_dash_not_zero_percent(window):
    home = window.home
    runs_today, success = (label.text() for label in home.row_widget(home.flow_ids()[0]).stats)
    assert (runs_today, success) == ("0", "—")


def test_activate_pause_and_archive_from_home(qtbot, window):
    home, store = window.home, window.store
    flow_id = home.flow_ids()[0]

    click(qtbot, home.activate_button)
    assert store.flows.get(flow_id).status == FlowStatus.ACTIVE
    assert home.activate_button.text() == "Pause"
    assert home.row_widget(flow_id).state.objectName() == "flowState_active"
    click(qtbot, home.activate_button)
    assert store.flows.get(flow_id).status == FlowStatus.PAUSED

    empty = Flow(name="Aaa unfinished")
    store.flows.save(empty)
    home.refresh()
    home.select(empty.id)
    click(qtbot, home.archive_button)
    assert store.flows.get(empty.id).status == FlowStatus.ARCHIVED
    assert home.flow_ids() == [flow_id, empty.id]  # archived flows wait at the bottom
    assert not home.activate_button.isEnabled()
    assert home.archive_button.text() == "Restore"
    click(qtbot, home.archive_button)
    assert store.flows.get(empty.id).status == FlowStatus.DRAFT
    assert home.flow_ids()[0] == empty.id


def test_a_flow_that_cant_run_is_not_activated(qtbot, window):
    home, store = window.home, window.store
    empty = Flow(name="No trigger")
    store.flows.save(empty)
    home.refresh()
    home.select(empty.id)
    shown = problems_of(home)

    click(qtbot, home.activate_button)

    assert store.flows.get(empty.id).status == FlowStatus.DRAFT
    assert "'No trigger' can't run on its own yet" in plain(shown[0][1])


def test_right_click_menu_offers_the_same_actions(window):
    home = window.home
    home.select(home.flow_ids()[0])
    texts = [a.text() for a in home.flow_menu().actions() if not a.isSeparator()]
    templates = ["Save as template…", "Export as template…"]
    assert [t for t in texts if t not in templates] == [b.text() for b in home.flow_buttons]
    assert "Export…" in texts and "Activate" in texts
    assert texts[texts.index("Export…") + 1 : texts.index("Export…") + 3] == templates


def test_empty_home_invites_to_build_the_first_flow(qtbot, window):
    home = window.home
    home.confirm = lambda title, question: True
    home.delete(home.flow_ids()[0])
    assert home.content.currentWidget() is home.empty
    assert home.empty_label.text() == "No flows yet — let's build your first automation!"
    assert not home.actions.isVisible()

    click(qtbot, home.first_flow_button)

    assert window.pages.currentWidget() is window.editor
    assert len(window.store.flows.summaries()) == 1
