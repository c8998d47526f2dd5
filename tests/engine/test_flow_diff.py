"""What changed between two versions of a flow, and saving over a newer version."""

from __future__ import annotations

from pathlib import Path

import pytest

from flowin_engine.flow_diff import Change, diff_flows
from flowin_engine.model import Edge, Flow, Node, Position, StickyNote
from flowin_engine.store import Store, VersionConflict
from flowin_engine.versions import version_history


def _flow() -> Flow:
    return Flow(
        id="f1",
        name="Greet",
        nodes=[
            Node(id="start", name="Start", type="core.manual_trigger"),
            Node(
                id="greet",
                name="Greeting",
                type="core.set_fields",
                params={"fields": [{"name": "text", "value": "Hi"}]},
                position=Position(x=300, y=0),
            ),
            Node(id="wait", name="Wait", type="core.delay", params={"seconds": 5}),
        ],
        edges=[Edge(id="e1", source="start", target="greet")],
    )


def test_same_flow_has_no_changes() -> None:
    assert not diff_flows(_flow(), _flow())


def test_added_and_removed_steps_and_connections() -> None:
    old, new = _flow(), _flow()
    new.nodes = [n for n in new.nodes if n.id != "wait"]
    new.nodes.append(Node(id="vip", name="VIP note", type="core.no_op"))
    new.edges.append(Edge(source="greet", target="vip"))
    new.edges = [e for e in new.edges if e.source != "start"]

    diff = diff_flows(old, new)

    assert [n.name for n in diff.added] == ["VIP note"]
    assert [n.name for n in diff.removed] == ["Wait"]
    assert [(e.source, e.target) for e in diff.added_edges] == [("greet", "vip")]
    assert [(e.source, e.target) for e in diff.removed_edges] == [("start", "greet")]
    assert diff.changed == ()


def test_changed_step_names_the_params_that_changed() -> None:
    old, new = _flow(), _flow()
    new.node("greet").params["fields"] = [{"name": "text", "value": "Hello"}]
    new.node("greet").params["keep"] = True
    new.node("wait").name = "Pause"
    new.node("wait").settings = new.node("wait").settings.model_copy(update={"retries": 5})

    diff = diff_flows(old, new)

    by_id = {c.node_id: c for c in diff.changed}
    assert by_id["greet"].changes == {Change.PARAMS}
    assert by_id["greet"].params == ("fields", "keep")
    assert by_id["wait"].changes == {Change.NAME, Change.SETTINGS}
    assert by_id["wait"].old.name == "Wait"


def test_a_moved_step_is_changed_in_position_only() -> None:
    old, new = _flow(), _flow()
    new.node("greet").position = Position(x=420, y=80)

    diff = diff_flows(old, new)

    assert [c.node_id for c in diff.moved] == ["greet"]
    assert diff.edited == ()


def test_a_connection_drawn_again_with_a_new_id_is_not_a_change() -> None:
    old, new = _flow(), _flow()
    new.edges = [Edge(id="other", source="start", target="greet")]

    assert not diff_flows(old, new)


def test_flow_rename_notes_and_pins_are_reported_or_ignored() -> None:
    old, new = _flow(), _flow()
    new.name = "Greet a customer"
    new.sticky_notes.append(StickyNote(text="Ask Layla"))

    diff = diff_flows(old, new)

    assert diff.renamed == ("Greet", "Greet a customer")
    assert diff.notes_changed == 1


def test_history_lists_each_version_with_its_changes(tmp_path: Path) -> None:
    with Store(tmp_path / "flowin.db") as store:
        flow = _flow()
        store.flows.save(flow)
        flow.nodes.append(Node(id="vip", name="VIP note", type="core.no_op"))
        store.flows.save(flow)
        flow.node("greet").params["fields"] = []
        store.flows.save(flow)

        history = version_history(store, "f1")

    assert [v.number for v in history] == [3, 2, 1]
    assert [c.node_id for c in history[0].changes.changed] == ["greet"]
    assert [n.id for n in history[1].changes.added] == ["vip"]
    assert history[2].changes is None
    assert history[1].flow.node_by_name("VIP note") is not None
    assert history[2].flow.node_by_name("VIP note") is None


def test_saving_over_a_version_saved_by_another_window_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "flowin.db"
    with Store(path) as mine, Store(path) as theirs:
        mine.flows.save(_flow())
        loaded = mine.flows.current_version("f1")
        other = theirs.flows.get("f1")
        other.name = "Their name"
        assert theirs.flows.save(other, expected_version=loaded) == 2

        edited = mine.flows.get_version("f1", loaded)
        edited.name = "My name"
        with pytest.raises(VersionConflict) as conflict:
            mine.flows.save(edited, expected_version=loaded)

        assert (conflict.value.loaded, conflict.value.latest) == (1, 2)
        assert "changed elsewhere" in str(conflict.value)
        assert mine.flows.get("f1").name == "Their name"
        assert mine.flows.save(edited) == 3  # keeping mine: a new version on top
        assert [v.version for v in mine.flows.versions("f1")] == [3, 2, 1]
