from datetime import UTC, datetime

import pytest

from flowin_engine.errors import ExpressionError, MissingVariable
from flowin_engine.expressions import referenced_steps, render

CONTEXT = {
    "trigger": {
        "customer_name": "Layla",
        "items": [{"sku": "A1"}, {"sku": "B2"}],
        "total": "250.5",
    },
    "steps": {"Get order": {"output": {"id": 1042, "created": "2026-11-25T09:30:00Z"}}},
    "input": {"count": 3},
    "now": datetime(2026, 11, 25, 9, 30, tzinfo=UTC),
}


def test_templates_read_trigger_steps_and_input():
    text = "Hello {{ trigger.customer_name }}, order #{{ steps['Get order'].output.id }} ({{ input.count }} items)"
    assert render(text, CONTEXT) == "Hello Layla, order #1042 (3 items)"


def test_data_keys_win_over_dict_methods():
    assert render("{{ trigger.items }}", CONTEXT) == [{"sku": "A1"}, {"sku": "B2"}]


def test_a_lone_expression_keeps_its_type_and_text_around_it_makes_text():
    assert render("{{ steps['Get order'].output.id }}", CONTEXT) == 1042
    assert render("#{{ steps['Get order'].output.id }}", CONTEXT) == "#1042"


def test_nested_params_are_rendered_everywhere():
    params = {
        "to": "{{ trigger.customer_name }}",
        "lines": ["{{ trigger.items[0].sku }}", 5],
        "n": 2,
    }
    assert render(params, CONTEXT) == {"to": "Layla", "lines": ["A1", 5], "n": 2}


def test_missing_variable_names_node_field_and_variable():
    with pytest.raises(MissingVariable) as caught:
        render("Hi {{ trigger.customer_nam }}", CONTEXT, "Send WhatsApp", "Message")
    assert (
        str(caught.value)
        == "Missing variable {{trigger.customer_nam}} in 'Send WhatsApp' → Message"
    )
    assert caught.value.variable == "trigger.customer_nam"


def test_missing_variable_deep_in_a_step_output_gives_the_full_path():
    with pytest.raises(MissingVariable, match=r"\{\{steps\['Get order'\]\.output\.total\}\}"):
        render("{{ steps['Get order'].output.total }}", CONTEXT)


def test_a_field_asked_of_text_names_the_whole_path():
    # An SMS trigger's "body" is the message text; body.From is a field text does not have.
    context = {"trigger": {"body": "STOP", "fields": {"From": "+966501234567"}}}
    with pytest.raises(MissingVariable, match=r"\{\{trigger\.body\.From\}\}"):
        render("{{ trigger.body.From }}", context)


def test_an_unknown_top_level_name_is_missing():
    with pytest.raises(MissingVariable, match=r"\{\{customer_name\}\}"):
        render("{{ customer_name }}", CONTEXT)


def test_default_filter_covers_a_missing_value():
    assert render("{{ trigger.nickname | default('friend') }}", CONTEXT) == "friend"


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{{ trigger.customer_name | upper }}", "LAYLA"),
        ("{{ trigger.customer_name | lower }}", "layla"),
        ("{{ steps['Get order'].output.created | date('%d/%m/%Y %H:%M') }}", "25/11/2026 09:30"),
        ("{{ now | date('%H:%M', 'Asia/Dubai') }}", "13:30"),
        ("{{ trigger.items | json }}", '[{"sku": "A1"}, {"sku": "B2"}]'),
        ("{{ 1234567.891 | number(2) }}", "1,234,567.89"),
        ("{{ trigger.total | number(0, false) }}", "250"),
        ("{{ 'مرحبا ' ~ trigger.customer_name }}", "مرحبا Layla"),
    ],
)
def test_everyday_filters(template, expected):
    assert render(template, CONTEXT) == expected


@pytest.mark.parametrize(
    "escape",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ trigger.__class__ }}",
        "{{ cycler.__init__.__globals__.os.system('id') }}",
        "{{ lipsum.__globals__['os'].popen('id').read() }}",
        "{{ range.__self__ }}",
        "{{ 'a' * 100000000 }}",
        "{{ 9 ** 99999999 }}",
        "{{ range(10 ** 8) | list }}",
    ],
)
def test_sandbox_escapes_fail_with_a_clear_error(escape):
    with pytest.raises(ExpressionError) as caught:
        render(escape, CONTEXT, "Step", "Field")
    assert "'Step' → Field" in str(caught.value)


def test_syntax_errors_are_explained():
    with pytest.raises(ExpressionError, match="has a mistake"):
        render("{{ trigger.customer_name ", CONTEXT, "Step", "Field")


def test_referenced_steps_finds_both_spellings():
    steps, names = referenced_steps(
        "{{ steps['Get order'].output.id }} {{ steps.Notify.output }} {{ trigger.x }}"
    )
    assert steps == {"Get order", "Notify"}
    assert names == {"steps", "trigger"}


def test_loop_variables_in_for_blocks_are_not_reported_as_unknown():
    _, names = referenced_steps("{% for line in trigger.items %}{{ line.sku }}{% endfor %}")
    assert names == {"trigger"}
