"""The core nodes, called through the registry as the runner calls them."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from flowin_engine.errors import StepError, StoppedByFlow
from flowin_engine.model import Flow, FlowSettings, Node
from flowin_engine.registry import default_registry
from flowin_engine.runner import Runner
from flowin_engine.steps import Emit, ForEach, Incoming, StepContext, Wait
from tests.engine.builders import make_flow


def run(
    node_type: str,
    params: dict[str, Any],
    data: Any = None,
    *,
    inputs: list[Incoming] | None = None,
    trigger_data: Any = None,
    timezone: str = "UTC",
) -> Any:
    """Validate ``params`` with the node's input model and call its function, like the runner."""
    nt = default_registry().get(node_type)
    node = Node(name="Step", type=node_type, params=params)
    flow = Flow(nodes=[node], settings=FlowSettings(timezone=timezone))
    ctx = StepContext(
        execution_id="test",
        flow=flow,
        node=node,
        attempt=1,
        timeout=30,
        input=data,
        inputs=inputs if inputs is not None else [Incoming("Before", "main", data)],
        trigger_data=trigger_data,
    )
    return nt.function(nt.input_model.model_validate(params), ctx)


def check(left: Any, operator: str, right: Any = None, **rule: Any) -> bool:
    """Whether one If / else rule holds."""
    result = run(
        "core.condition",
        {"conditions": [{"left": left, "operator": operator, "right": right, **rule}]},
        {"x": 1},
    )
    assert isinstance(result, Emit)
    assert result.data == {"x": 1}
    return result.port == "true"


# Manual trigger.


def test_manual_trigger_passes_the_runs_data():
    assert run("core.manual_trigger", {"sample_data": {"a": 1}}, trigger_data={"b": 2}) == {"b": 2}


def test_manual_trigger_uses_sample_data_when_the_run_brings_none():
    assert run("core.manual_trigger", {"sample_data": {"a": 1}}) == {"a": 1}
    assert run("core.manual_trigger", {}) == {}


# Set fields.


def test_set_fields_builds_nested_groups_from_dotted_names():
    params = {
        "fields": [
            {"name": "customer.name", "value": "Layla"},
            {"name": "customer.address.city", "value": "Riyadh"},
            {"name": "total", "value": 250},
        ]
    }
    assert run("core.set_fields", params, {"ignored": True}) == {
        "customer": {"name": "Layla", "address": {"city": "Riyadh"}},
        "total": 250,
    }


def test_set_fields_keeps_the_input_without_changing_it():
    data = {"customer": {"name": "Layla", "phone": "1"}, "id": 7}
    params = {"keep_input": True, "fields": [{"name": "customer.name", "value": "Omar"}]}
    assert run("core.set_fields", params, data) == {
        "customer": {"name": "Omar", "phone": "1"},
        "id": 7,
    }
    assert data["customer"]["name"] == "Layla"


def test_set_fields_explains_a_name_that_clashes_with_a_value():
    params = {"fields": [{"name": "customer", "value": "Layla"}, {"name": "customer.name"}]}
    with pytest.raises(StepError, match="'customer' already holds text"):
        run("core.set_fields", params)


def test_set_fields_cannot_keep_an_input_that_is_a_list():
    with pytest.raises(StepError, match="it got a list"):
        run("core.set_fields", {"keep_input": True, "fields": []}, [1, 2])


def test_set_fields_rejects_empty_name_parts():
    with pytest.raises(StepError, match="a part of it is empty"):
        run("core.set_fields", {"fields": [{"name": "a..b", "value": 1}]})


# If / else: every operator.


@pytest.mark.parametrize(
    ("left", "operator", "right", "expected"),
    [
        ("paid", "equals", "paid", True),
        ("paid", "equals", "Paid", False),
        (10, "equals", "10", True),
        ("10.0", "equals", 10, True),
        (True, "equals", "true", True),
        (False, "equals", "true", False),
        (None, "equals", None, True),
        ([1, 2], "equals", [1, 2], True),
        ("paid", "not_equals", "open", True),
        ("7", "not_equals", 7, False),
        ("Hello world", "contains", "world", True),
        ("Hello world", "contains", "moon", False),
        (["a", "b"], "contains", "b", True),
        ([1, 2], "contains", "2", True),
        ({"vip": True}, "contains", "vip", True),
        ("Hello", "not_contains", "x", True),
        (["a"], "not_contains", "a", False),
        ("Invoice 12", "starts_with", "Invoice", True),
        ("Invoice 12", "starts_with", "12", False),
        ("report.pdf", "ends_with", ".pdf", True),
        ("report.pdf", "ends_with", ".doc", False),
        (250, "greater_than", 100, True),
        ("10", "greater_than", "9", True),
        ("b", "greater_than", "a", True),
        (5, "less_than", 5, False),
        ("2.5", "less_than", 3, True),
        (5, "greater_or_equal", 5, True),
        (4, "greater_or_equal", "5", False),
        (5, "less_or_equal", 5.0, True),
        (6, "less_or_equal", 5, False),
        (None, "is_empty", None, True),
        ("  ", "is_empty", None, True),
        ([], "is_empty", None, True),
        ({}, "is_empty", None, True),
        (0, "is_empty", None, False),
        ("x", "is_not_empty", None, True),
        ([], "is_not_empty", None, False),
        ("order-1042", "matches_regex", r"^order-\d+$", True),
        ("order-x", "matches_regex", r"^order-\d+$", False),
        ("Invoice 7", "not_starts_with", "Receipt", True),
        ("Invoice 7", "not_starts_with", "Inv", False),
        ("report.pdf", "not_ends_with", ".doc", True),
        ("report.pdf", "not_ends_with", ".pdf", False),
        ("order-x", "not_matches_regex", r"^order-\d+$", True),
        ("order-1042", "not_matches_regex", r"^order-\d+$", False),
        (True, "is_true", None, True),
        ("yes", "is_true", None, True),
        (1, "is_true", None, True),
        ("banana", "is_true", None, False),
        (False, "is_false", None, True),
        ("false", "is_false", None, True),
        (None, "is_false", None, False),
    ],
)
def test_each_operator(left, operator, right, expected):
    assert check(left, operator, right) is expected


def test_case_insensitive_text_checks():
    assert check("PAID", "equals", "paid", case_sensitive=False)
    assert check("Hello World", "contains", "WORLD", case_sensitive=False)
    assert check("Invoice", "starts_with", "inv", case_sensitive=False)
    assert check("REPORT.PDF", "ends_with", ".pdf", case_sensitive=False)
    assert check("ORDER-1", "matches_regex", "^order", case_sensitive=False)
    assert not check("ORDER-1", "matches_regex", "^order")
    assert not check("Invoice", "not_starts_with", "inv", case_sensitive=False)
    assert not check("REPORT.PDF", "not_ends_with", ".pdf", case_sensitive=False)
    assert not check("ORDER-1", "not_matches_regex", "^order", case_sensitive=False)
    assert check("B", "greater_than", "a", case_sensitive=False)


def test_numbers_compare_as_numbers_not_text():
    assert check("10", "greater_than", "9")
    assert check("100", "greater_than", 20.5)
    assert check("-3", "less_than", "-2")
    assert check("1e3", "equals", 1000)
    assert check(0.1 + 0.2, "greater_than", 0.3)  # the numbers as given, not rounded


def test_dates_compare_as_dates():
    assert check("2024-03-01", "greater_than", "2024-02-28T23:59:59")
    assert check("2024-03-01T10:00:00+03:00", "equals", "2024-03-01T07:00:00Z")
    assert check(datetime(2024, 1, 2, tzinfo=UTC), "greater_than", "2024-01-01")
    assert check(date(2024, 1, 1), "less_than", "2024-01-01T00:00:01")
    assert check("2024-12-01", "less_or_equal", "2024-12-01")


def test_ordering_mismatched_kinds_is_a_clear_error():
    with pytest.raises(StepError, match=r"can't check whether 'abc' is greater than 5"):
        check("abc", "greater_than", 5)
    with pytest.raises(StepError, match="nothing"):
        check(None, "less_than", 5)


def test_a_broken_regex_names_the_pattern():
    with pytest.raises(StepError, match=r"The pattern '\(unclosed' is not a valid regular"):
        check("text", "matches_regex", "(unclosed")


def test_combine_and_or():
    rules = [
        {"left": 250, "operator": "greater_than", "right": 100},
        {"left": "open", "operator": "equals", "right": "paid"},
    ]
    assert run("core.condition", {"combine": "and", "conditions": rules}).port == "false"
    assert run("core.condition", {"combine": "or", "conditions": rules}).port == "true"


def test_groups_combine_with_their_own_and_or():
    # total > 100 AND (status == paid OR status == shipped)
    params = {
        "combine": "and",
        "conditions": [
            {"left": 250, "operator": "greater_than", "right": 100},
            {
                "combine": "or",
                "conditions": [
                    {"left": "shipped", "operator": "equals", "right": "paid"},
                    {"left": "shipped", "operator": "equals", "right": "shipped"},
                ],
            },
        ],
    }
    assert run("core.condition", params, "order") == Emit("true", "order")
    params["conditions"][1]["conditions"][1]["right"] = "lost"
    assert run("core.condition", params, "order") == Emit("false", "order")


def test_and_stops_at_the_first_rule_that_fails():
    # The broken regex is never reached: the empty check guards it, as users expect.
    params = {
        "conditions": [
            {"left": None, "operator": "is_not_empty"},
            {"left": "x", "operator": "matches_regex", "right": "("},
        ]
    }
    assert run("core.condition", params).port == "false"


def test_condition_rejects_an_unknown_operator():
    with pytest.raises(ValidationError):
        run("core.condition", {"conditions": [{"left": 1, "operator": "bigger"}]})


# Switch.


def test_switch_sends_to_the_first_matching_case():
    params = {
        "value": "paid",
        "cases": [
            {"equals": "open", "output": "Open"},
            {"equals": "paid", "output": "Paid"},
            {"equals": "paid", "output": "Also paid"},
        ],
    }
    assert run("core.switch", params, {"id": 1}) == Emit("Paid", {"id": 1})


def test_switch_matches_numbers_loosely_and_falls_back_to_default():
    cases = [{"equals": "2", "output": "Two"}]
    assert run("core.switch", {"value": 2, "cases": cases}, "d") == Emit("Two", "d")
    assert run("core.switch", {"value": 3, "cases": cases}, "d") == Emit("default", "d")


def test_switch_ports_come_from_its_cases():
    nt = default_registry().get("core.switch")
    cases = [{"equals": 1, "output": "One"}, {"equals": 2, "output": "Two"}]
    assert nt.output_ports({"value": 1, "cases": cases}) == ["One", "Two", "default", "error"]


def test_switch_output_cannot_be_the_error_port():
    with pytest.raises(ValidationError, match="kept for errors"):
        run("core.switch", {"value": 1, "cases": [{"equals": 1, "output": "error"}]})


# Delay.


def test_delay_for_a_duration_waits_then_passes_the_input():
    before = datetime.now(UTC)
    result = run("core.delay", {"mode": "duration", "amount": 2, "unit": "hours"}, {"id": 1})
    assert isinstance(result, Wait)
    assert result.data == {"id": 1}
    assert result.until.tzinfo is not None
    assert timedelta(hours=2) <= result.until - before < timedelta(hours=2, seconds=5)


@pytest.mark.parametrize(
    ("unit", "seconds"), [("seconds", 1), ("minutes", 60), ("hours", 3600), ("days", 86400)]
)
def test_delay_units(unit, seconds):
    result = run("core.delay", {"amount": 1.5, "unit": unit})
    expected = datetime.now(UTC) + timedelta(seconds=1.5 * seconds)
    assert abs((result.until - expected).total_seconds()) < 2


def test_delay_until_a_moment():
    moment = (datetime.now(UTC) + timedelta(days=1)).replace(microsecond=0)
    result = run("core.delay", {"mode": "until", "until": moment.isoformat()}, "x")
    assert result == Wait(moment, "x")
    assert run("core.delay", {"mode": "until", "until": moment}, "x") == Wait(moment, "x")


def test_delay_until_a_time_without_zone_reads_it_as_utc():
    moment = (datetime.now(UTC) + timedelta(days=1)).replace(microsecond=0)
    naive = moment.replace(tzinfo=None).isoformat()
    assert run("core.delay", {"mode": "until", "until": naive}).until == moment
    assert run("core.delay", {"mode": "until", "until": naive + "Z"}).until == moment


def test_delay_until_a_time_without_zone_in_a_flow_with_its_own_time_zone():
    day = (datetime.now(UTC) + timedelta(days=2)).date()
    result = run("core.delay", {"mode": "until", "until": f"{day}T09:00"}, timezone="Asia/Riyadh")
    assert result.until == datetime(day.year, day.month, day.day, 6, 0, tzinfo=UTC)  # UTC+3


def test_delay_in_the_past_or_negative_passes_on_at_once():
    assert run("core.delay", {"amount": -5, "unit": "minutes"}, "now") == "now"
    assert run("core.delay", {"amount": 0}, "now") == "now"
    assert run("core.delay", {"mode": "until", "until": "2001-01-01T00:00:00Z"}, "now") == "now"


def test_delay_longer_than_30_days_is_refused():
    with pytest.raises(StepError, match="at most 30 days"):
        run("core.delay", {"amount": 31, "unit": "days"})
    far = (datetime.now(UTC) + timedelta(days=40)).isoformat()
    with pytest.raises(StepError, match="at most 30 days"):
        run("core.delay", {"mode": "until", "until": far})
    assert isinstance(run("core.delay", {"amount": 30, "unit": "days"}), Wait)


def test_delay_explains_an_unreadable_or_missing_date():
    with pytest.raises(StepError, match="can't read 'next friday' in Until"):
        run("core.delay", {"mode": "until", "until": "next friday"})
    with pytest.raises(StepError, match="needs a date and time in Until"):
        run("core.delay", {"mode": "until"})


# Loop.


def test_loop_over_a_list():
    assert run("core.loop", {"items": [1, {"id": "A"}]}) == ForEach([1, {"id": "A"}])


def test_loop_over_a_dict_gives_key_value_pairs():
    assert run("core.loop", {"items": {"a": 1, "b": 2}}) == ForEach(
        [{"key": "a", "value": 1}, {"key": "b", "value": 2}]
    )


def test_loop_over_json_text_of_a_list():
    assert run("core.loop", {"items": '[{"id": 1}, {"id": 2}]'}) == ForEach([{"id": 1}, {"id": 2}])
    assert run("core.loop", {"items": []}) == ForEach([])


@pytest.mark.parametrize(
    ("items", "kind"),
    [("hello", "text"), (42, "a number"), (None, "nothing"), ('{"a": 1}', "text")],
)
def test_loop_needs_a_list(items, kind):
    with pytest.raises(StepError, match=f"Loop over items needs a list, got {kind}"):
        run("core.loop", {"items": items})


# Merge.


def _arrived() -> list[Incoming]:
    return [
        Incoming("Customer", "main", {"name": "Layla", "id": 1}),
        Incoming("Orders", "main", [{"id": "A"}, {"id": "B"}]),
        Incoming("Order", "true", {"id": 2, "total": 9}),
    ]


def test_merge_append_flattens_lists():
    assert run("core.merge", {"mode": "append"}, inputs=_arrived()) == [
        {"name": "Layla", "id": 1},
        {"id": "A"},
        {"id": "B"},
        {"id": 2, "total": 9},
    ]


def test_merge_combine_unites_fields_later_inputs_win():
    arrived = [_arrived()[0], _arrived()[2], Incoming("Skipped", "main", None)]
    assert run("core.merge", {"mode": "combine"}, inputs=arrived) == {
        "name": "Layla",
        "id": 2,
        "total": 9,
    }


def test_merge_combine_refuses_a_list():
    with pytest.raises(StepError, match="'Orders' sent a list"):
        run("core.merge", {"mode": "combine"}, inputs=_arrived())


def test_merge_by_name():
    assert run("core.merge", {"mode": "by_name"}, inputs=_arrived()) == {
        "Customer": {"name": "Layla", "id": 1},
        "Orders": [{"id": "A"}, {"id": "B"}],
        "Order": {"id": 2, "total": 9},
    }


# Stop with error and No operation.


def test_stop_with_error_fails_with_the_message():
    with pytest.raises(StoppedByFlow, match=r"^Order 1042 has no address\.$"):
        run("core.stop_with_error", {"message": "Order 1042 has no address."})


def test_no_op_passes_the_input():
    assert run("core.no_op", {}, {"a": [1]}) == {"a": [1]}


# Format.


def fmt(**params: Any) -> Any:
    return run("core.format", params, timezone=params.pop("flow_timezone", "UTC"))["value"]


def test_format_date():
    assert fmt(kind="date", value="2025-03-01T09:05:00Z") == "2025-03-01 09:05"
    assert fmt(kind="date", value="2025-03-01T09:05:00Z", format="%d/%m/%Y") == "01/03/2025"
    assert (
        fmt(kind="date", value="2025-03-01T21:00:00Z", timezone="Asia/Riyadh", format="%H:%M %d")
        == "00:00 02"
    )
    assert fmt(kind="date", value=0, format="%Y") == "1970"
    assert fmt(kind="date", value=datetime(2025, 1, 2, 3, 4, tzinfo=UTC)) == "2025-01-02 03:04"
    assert fmt(kind="date", value="2025-03-01T12:00Z", flow_timezone="Asia/Dubai") == (
        "2025-03-01 16:00"
    )


def test_format_date_errors_are_sentences():
    with pytest.raises(StepError, match="can't read 'soon' as a date"):
        fmt(kind="date", value="soon")
    with pytest.raises(StepError, match="'Mars/Base' is not a time zone"):
        fmt(kind="date", value="2025-01-01", timezone="Mars/Base")


def test_format_number():
    assert fmt(kind="number", value=1234567.891) == "1,234,567.89"
    assert fmt(kind="number", value="2.675") == "2.68"  # half up, as people round money
    assert fmt(kind="number", value=1250, prefix="$", suffix=" USD") == "$1,250.00 USD"
    assert fmt(kind="number", value=-5, prefix="$") == "-$5.00"
    assert fmt(kind="number", value=1234.5, decimals=0, thousands_separator=False) == "1235"
    assert fmt(kind="number", value="1,234.5", decimals=1) == "1,234.5"
    assert fmt(kind="number", value="١٢٣٤") == "1,234.00"
    assert fmt(kind="number", value=10**30, decimals=2).endswith(",000.00")


@pytest.mark.parametrize("value", ["abc", None, True, "", "1,2,3"])
def test_format_number_refuses_what_is_not_a_number(value):
    with pytest.raises(StepError, match=r"can't read .* as a number"):
        fmt(kind="number", value=value)


def test_format_text():
    assert fmt(kind="text", value="Hello", operation="upper") == "HELLO"
    assert fmt(kind="text", value="Hello", operation="lower") == "hello"
    assert fmt(kind="text", value="don't STOP me", operation="title") == "Don't Stop Me"
    assert fmt(kind="text", value="  padded \n", operation="trim") == "padded"
    assert fmt(kind="text", value="Café Crème: 50% off!", operation="slug") == "cafe-creme-50-off"
    assert fmt(kind="text", value="مَرحبا بالعالم", operation="slug") == "مرحبا-بالعالم"
    assert fmt(kind="text", value="أهلا Ahmed", operation="slug") == "أهلا-ahmed"
    assert fmt(kind="text", value="abcdefgh", operation="truncate", length=5) == "abcd…"
    assert fmt(kind="text", value="abc", operation="truncate", length=5) == "abc"
    assert fmt(kind="text", value=12.0, operation="upper") == "12"


def test_format_truncate_needs_a_length():
    with pytest.raises(StepError, match="needs a Length"):
        fmt(kind="text", value="abc", operation="truncate")


# The manifests.


@pytest.mark.parametrize("connector", ["core", "http"])
def test_every_node_type_is_fully_declared(connector):
    registry = default_registry()
    types = [t for t in registry.node_types if t.connector.id == connector]
    assert types
    for node_type in types:
        manifest = node_type.manifest
        assert manifest.description, node_type.type
        assert "output_example" in manifest.model_fields_set, node_type.type
        assert len(manifest.phrases.en) >= 3 and len(manifest.phrases.ar) >= 3, node_type.type
        for key, info in node_type.input_model.model_fields.items():
            assert info.title, f"{node_type.type}.{key} has no title"
        node_type.json_schema()


def test_core_declarations():
    registry = default_registry()
    assert registry.get("core.manual_trigger").trigger_kind == "manual"
    assert registry.get("core.condition").output_ports() == ["true", "false", "error"]
    assert registry.get("core.loop").output_ports() == ["item", "done", "error"]
    assert registry.get("core.switch").manifest.outputs_from == "cases"
    connector = registry.get("core.no_op").connector.manifest
    assert (connector.id, connector.name, connector.category, connector.icon) == (
        "core",
        "Core",
        "Core",
        "icon.svg",
    )


# Properties.


@given(st.integers(), st.integers())
def test_numbers_as_text_order_like_numbers(a, b):
    assert check(str(a), "greater_than", b) is (a > b)
    assert check(a, "less_or_equal", str(b)) is (a <= b)
    assert check(str(a), "equals", str(b)) is (a == b)


# Through the runner.


@pytest.fixture
def runner():
    with Runner(workers=2) as runner:
        yield runner


def test_a_flow_of_core_nodes_end_to_end(runner):
    flow = make_flow(
        [
            ("Start", "core.manual_trigger", {"sample_data": {"orders": []}}),
            ("Each order", "core.loop", {"items": "{{ trigger.orders }}"}),
            (
                "Route",
                "core.switch",
                {
                    "value": "{{ loop.item.status }}",
                    "cases": [{"equals": "paid", "output": "Paid"}],
                },
            ),
            (
                "Receipt",
                "core.set_fields",
                {
                    "fields": [
                        {"name": "order.id", "value": "{{ loop.item.id }}"},
                        {"name": "order.total", "value": "{{ loop.item.total }}"},
                    ]
                },
            ),
            ("Unpaid", "core.no_op", {}),
            (
                "Summary",
                "core.format",
                {
                    "kind": "number",
                    "value": "{{ input.count }}",
                    "decimals": 0,
                    "suffix": " orders",
                },
            ),
            (
                "Many?",
                "core.condition",
                {
                    "conditions": [
                        {"left": "{{ input.value }}", "operator": "starts_with", "right": "2"}
                    ]
                },
            ),
            ("Fail", "core.stop_with_error", {"message": "Only {{ input.value }}"}),
        ],
        [
            "Start -> Each order",
            "Each order:item -> Route",
            "Route:Paid -> Receipt",
            "Route:default -> Unpaid",
            "Each order:done -> Summary",
            "Summary -> Many?",
            "Many?:false -> Fail",
        ],
    )
    orders = [
        {"id": "A", "status": "paid", "total": 10},
        {"id": "B", "status": "open", "total": 5},
    ]
    result = runner.run(flow, {"orders": orders})
    assert result.ok, result.error
    assert result.outputs["Summary"] == {"value": "2 orders"}
    assert result.outputs["Each order"]["results"][0] == {"order": {"id": "A", "total": 10}}

    result = runner.run(flow, {"orders": orders[:1]})
    assert not result.ok
    assert (result.failed_node, result.error) == ("Fail", "Only 1 orders")


def test_a_short_delay_through_the_runner(runner):
    flow = make_flow(
        [
            ("Start", "core.manual_trigger", {}),
            ("Wait", "core.delay", {"amount": 0.2, "unit": "seconds"}),
            ("After", "core.no_op", {}),
        ],
        ["Start -> Wait", "Wait -> After"],
    )
    began = time.monotonic()
    result = runner.run(flow, {"id": 1})
    assert result.ok, result.error
    assert time.monotonic() - began >= 0.2
    assert result.outputs["After"] == {"id": 1}
