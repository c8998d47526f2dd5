"""Templates made of text and plain paths are read without Jinja: the answers (and the errors)
must be Jinja's own, whatever the data holds."""

from collections import OrderedDict
from datetime import UTC, datetime

import pytest

from flowin_engine import expressions
from flowin_engine.errors import MissingVariable
from flowin_engine.expressions import render_text

DEEP = {"a": {"b": {"c": {"d": {"e": {"f": {"g": [1, 2]}}}}}}}
CONTEXT = {
    "trigger": {
        "body": {"name": "Layla", "order_id": 1042, "first name": "ليلى", "deep": DEEP},
        "items": [{"sku": "A1"}, {"sku": "B2"}],
        "many": list(range(60)),
        "lists": [[i] for i in range(60)],
        "nothing": None,
        "yes": True,
        "price": 12.5,
        "huge": 10**30,
        "raw": b"bytes",
        "text": "STOP",
        "ordered": OrderedDict(x=1),
        "when": datetime(2026, 12, 5, 9, 30, tzinfo=UTC),
    },
    "steps": {"Get order": {"output": {"id": 7, "tags": ["a", "b"]}}},
    "input": {"text": "Hello"},
    "loop": None,
    "now": datetime(2026, 12, 5, 9, 30, tzinfo=UTC),
    "execution_id": "abc123",
}

SOURCES = [
    "Hello {{ trigger.body.name }}, order #{{ trigger.body.order_id }}",
    "{{ trigger.body.name }}",
    "{{ trigger.body }}",
    "  {{ trigger.items }}\n",
    "{{ trigger.items[1].sku }}",
    "{{trigger.items[1]['sku']}}",
    '{{ trigger.body["first name"] }} وصل',
    "{{ steps['Get order'].output.id }}",
    "#{{ steps['Get order'].output.tags[0] }}",
    "{{ input }}",
    "{{ input.text }}!",
    "{{ execution_id }}",
    "{{ now }}",
    "at {{ now }}",
    "{{ trigger.nothing }}|{{ trigger.yes }}|{{ trigger.price }}|{{ trigger.huge }}",
    "{{ trigger.nothing }}",
    "{{ trigger.raw }} {{ trigger.raw }}",
    "{{ trigger.when }}",
    "{{ trigger.many[55] }}",
    "{{ trigger.lists[55] }}",
    "{{ trigger.lists[5] }}",
    "{{ trigger.body.deep.a.b.c.d.e.f }}",
    "{{ trigger.body.deep.a.b.c.d.e.f.g }}",
    "{{ trigger.body.deep.a.b }}",
    "{{ trigger.ordered }}",
    "{{ trigger.ordered.x }}",
    "{{ trigger.text.lower }}",
    "{{ trigger.text[0] }}",
    "{{ trigger.items.0 }}",
    "{{ trigger.items[01] }}",
    "{{ trigger.items[9] }}",
    "{{ trigger.body.missing }}",
    "Hi {{ trigger.body.missing }}",
    "{{ loop.item }}",
    "{{ range }}",
    "{{ none }}",
    "{{ trigger }}{{ input }}",
    "{ {{ trigger.body.name }}",
    "{{{ trigger.body.name }}}",
    "{{ trigger.body.name }}}",
    "a\r\n{{ trigger.body.name }}\r\n",
    "{{- trigger.body.name }} x",
    "{{ trigger.body.name | upper }}",
    "{{ trigger.body.name }} {% if true %}yes{% endif %}",
    "{{ trigger.body.name }} {# note #}",
    "}} {{ trigger.body.name }}",
]


def _jinja(source, context, monkeypatch):
    with monkeypatch.context() as patched:
        patched.setattr(expressions, "_plain_template", lambda source: None)
        return _outcome(source, context)


def _outcome(source, context):
    try:
        return ("value", render_text(source, context, "Step", "Field"))
    except Exception as error:  # the error itself is part of the answer
        return ("error", type(error), str(error))


@pytest.mark.parametrize("source", SOURCES)
def test_plain_path_templates_read_as_jinja_reads_them(source, monkeypatch):
    expected = _jinja(source, CONTEXT, monkeypatch)
    got = _outcome(source, CONTEXT)
    assert got == expected
    if got[0] == "value" and isinstance(got[1], dict | list):
        assert got[1] is expected[1]  # the data itself, as Jinja hands it on


def test_a_plain_path_reads_the_data_of_each_run_not_the_first_one():
    source = "Hello {{ trigger.body.name }}"
    first = {"trigger": {"body": {"name": "Layla"}}}
    second = {"trigger": {"body": {"name": "Omar"}}}
    assert render_text(source, first) == "Hello Layla"
    assert render_text(source, second) == "Hello Omar"
    with pytest.raises(MissingVariable, match=r"trigger\.body\.name"):
        render_text(source, {"trigger": {"body": "text"}})
