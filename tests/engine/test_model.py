import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flowin_engine.errors import FlowFileError
from flowin_engine.model import Flow, FlowStatus, Node
from flowin_engine.validation import validate_flow

from .builders import make_flow, registry_with_testkit

REGISTRY = registry_with_testkit()


def test_flow_round_trips_through_json(tmp_path):
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Echo", "testkit.echo", {"value": "مرحبا {{ trigger.name }}"}),
        ],
        ["Start -> Echo"],
    )
    path = tmp_path / "flow.json"
    flow.save(path)
    loaded = Flow.load(path)
    assert loaded == flow
    assert loaded.status == FlowStatus.DRAFT
    assert loaded.nodes[1].settings.retries == 3


def test_defaults_make_a_minimal_flow_file_enough():
    flow = Flow.from_json(
        '{"name": "x", "nodes": [{"name": "Start", "type": "core.manual_trigger"}]}'
    )
    node = flow.nodes[0]
    assert node.id and node.settings.timeout == 30 and node.settings.on_error == "stop"


def test_not_json_is_a_clear_error():
    with pytest.raises(FlowFileError, match="not valid JSON"):
        Flow.from_json("{nodes: [")


def test_a_list_is_not_a_flow():
    with pytest.raises(FlowFileError, match="a flow is a JSON object with nodes"):
        Flow.from_json("[1, 2]")


def test_problems_name_the_node_not_a_list_index():
    text = json.dumps(
        {"nodes": [{"name": "Send SMS", "type": "twilio.send_sms", "settings": {"retries": 99}}]}
    )
    with pytest.raises(FlowFileError) as caught:
        Flow.from_json(text)
    assert "node 'Send SMS' → settings → retries" in str(caught.value)


def test_missing_type_is_reported_as_required():
    with pytest.raises(FlowFileError, match=r"node 'Start' → type: is required"):
        Flow.from_json(json.dumps({"nodes": [{"name": "Start"}]}))


def test_a_newer_format_asks_to_update():
    with pytest.raises(FlowFileError, match="newer Flowin"):
        Flow.from_json(json.dumps({"schema_version": 99, "nodes": []}))


def test_missing_file_is_a_sentence(tmp_path):
    with pytest.raises(FlowFileError, match="Can't open the flow file"):
        Flow.load(tmp_path / "nope.json")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)
node_like = st.fixed_dictionaries(
    {},
    optional={
        "id": json_values | st.text(min_size=1, max_size=8),
        "name": json_values | st.text(min_size=1, max_size=8),
        "type": json_values
        | st.sampled_from(["testkit.start", "testkit.echo", "core.condition", "x.y"]),
        "params": json_values,
        "settings": json_values,
        "position": json_values,
    },
)
flow_like = st.fixed_dictionaries(
    {},
    optional={
        "name": json_values,
        "status": json_values | st.sampled_from(["draft", "active", "paused"]),
        "nodes": st.lists(node_like, max_size=5) | json_values,
        "edges": st.lists(
            st.fixed_dictionaries(
                {},
                optional={"source": json_values, "target": json_values, "source_port": json_values},
            ),
            max_size=5,
        )
        | json_values,
        "schema_version": json_values,
    },
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(flow_like)
def test_malformed_flow_files_never_crash(data):
    try:
        flow = Flow.from_json(json.dumps(data))
    except FlowFileError as error:
        assert str(error) and "Traceback" not in str(error)
        return
    for problem in validate_flow(flow, REGISTRY):
        assert str(problem)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes_are_a_flow_or_a_flow_file_error(blob):
    try:
        flow = Flow.from_json(blob)
    except FlowFileError as error:
        assert str(error).startswith("This")
    else:
        assert isinstance(flow, Flow)


def test_node_connector_is_the_part_before_the_dot():
    assert Node(name="x", type="google_sheets.append_row").connector == "google_sheets"


def test_a_file_without_an_id_keeps_one_id_across_loads(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text('{"name": "Mine", "nodes": []}')
    first, second = Flow.load(path), Flow.load(path)
    assert first.id == second.id
    other = tmp_path / "other.json"
    other.write_text(path.read_text())
    assert Flow.load(other).id != first.id


def test_minutes_saved_per_run_is_written_only_once_set():
    flow = Flow.from_json('{"name": "x", "nodes": []}')
    assert flow.settings.minutes_saved_per_run is None
    assert "minutes_saved_per_run" not in flow.to_json()
    flow.settings.minutes_saved_per_run = 5
    assert '"minutes_saved_per_run": 5' in flow.to_json()
    assert Flow.from_json(flow.to_json()).settings.minutes_saved_per_run == 5


def test_minutes_saved_per_run_refuses_a_negative_number():
    with pytest.raises(FlowFileError, match="minutes_saved_per_run"):
        Flow.from_json('{"name": "x", "settings": {"minutes_saved_per_run": -3}}')
