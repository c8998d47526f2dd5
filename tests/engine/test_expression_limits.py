"""Every expression is bounded: a template that asks for too much work fails its own step with
a sentence, in bounded time and memory, and nothing else is held up."""

import json
import subprocess
import sys
import textwrap

import pytest

from flowin_engine.errors import MissingVariable, TooMuchWork, TooSlow
from flowin_engine.events import ExecutionStatus
from flowin_engine.expressions import render, render_text
from flowin_engine.runner import Runner
from flowin_engine.validation import validate_flow

from .builders import make_flow, registry_with_testkit

FIVE_MILLION = "{% set a = 'x' * 5000000 %}"
TWELVE_TIMES = ", ".join(["a"] * 12)

# Two lists, each holding the one before twice, 40 times over: short to write and to hold, but
# printing, JSON or comparing goes through 2**40 items.
SHARED = (
    "{% set ns = namespace(x=[1], y=[1]) %}{% for i in range(40) %}"
    "{% set ns.x = [ns.x, ns.x] %}{% set ns.y = [ns.y, ns.y] %}{% endfor %}"
)
# The same with tuples, which are hashed through: as a dict key, or to look one up.
SHARED_TUPLE = (
    "{% set ns = namespace(t=(1,)) %}"
    "{% for i in range(40) %}{% set ns.t = (ns.t, ns.t) %}{% endfor %}"
)
DOUBLED_40_TIMES = "1"
for _ in range(40):
    DOUBLED_40_TIMES = f"[{DOUBLED_40_TIMES}] * 2"

# Templates that, unbounded, never finish or take gigabytes.
BOMBS = {
    "nested powers": "{{ 9**9**9**9**9**9 }}",
    "a power of a power": "{{ 9 ** (9 ** 9) }}",
    "a number squared over and over": (
        "{% set ns = namespace(n=3) %}"
        "{% for i in range(64) %}{% set ns.n = ns.n * ns.n %}{% endfor %}{{ ns.n > 0 }}"
    ),
    "ljust": "{{ 'a'.ljust(10**10) }}",
    "center filter": "{{ 'x'|center(99999999999) }}",
    "format filter width": "{{ '%9999999999d'|format(1) }}",
    "percent width": "{{ '%9999999999d' % 1 }}",
    "percent star width": "{{ '%*d' % (10**10, 1) }}",
    "str.format width": "{{ '{:9999999999}'.format(1) }}",
    "str.format nested width": "{{ '{:{}}'.format(1, 10**10) }}",
    "indent": "{{ 'a'|indent(10**10) }}",
    "indent of many lines": "{{ ('\n' * 5000000)|indent(1000) }}",
    "repetition": "{{ 'ab' * 10**10 }}",
    "repetition in steps": "{{ 'ab' * 1000 * 1000 * 1000 }}",
    "list repetition": "{{ [1, 2] * 10**9 }}",
    "to_bytes": "{{ (1).to_bytes(10**10, 'big') }}",
    "expandtabs": "{{ ('\t' * 1000000).expandtabs(1000000) }}",
    "str.replace": "{{ ('a' * 1000000).replace('a', 'a' * 1000000) }}",
    "replace filter": "{{ ('a' * 1000000)|replace('a', 'b' * 1000000) }}",
    "translate": "{{ ('a' * 1000000).translate({97: 'b' * 1000000}) }}",
    "wordwrap with a long wrapstring": (
        "{{ ('a ' * 1000000)|wordwrap(1, wrapstring='x' * 1000000) }}"
    ),
    "batch filled up": "{{ [1]|batch(10**9, 0)|list }}",
    "slice into many": "{{ [1]|slice(10**9)|list }}",
    "join filter": FIVE_MILLION + "{{ [" + TWELVE_TIMES + "]|join }}",
    "str.join": FIVE_MILLION + "{{ ''.join([" + TWELVE_TIMES + "]) }}",
    "concatenation": FIVE_MILLION + "{{ " + " ~ ".join(["a"] * 12) + " }}",
    "addition": FIVE_MILLION + "{{ " + " + ".join(["a"] * 12) + " }}",
    "text doubled in a loop": (
        "{% set ns = namespace(s='ab') %}"
        "{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}"
    ),
    "list doubled in a loop": (
        "{% set l = [1] %}{% for i in range(64) %}{{ l.extend(l) }}{% endfor %}{{ l|length }}"
    ),
    "sum of lists": "{{ ([[1] * 1000000] * 1000)|sum(start=[]) }}",
    "many percent fields": "{{ ('%s' * 100000) % ((('x' * 1000000),) * 100000) }}",
    "many format fields": "{{ ('{0}' * 100000).format('x' * 1000000) }}",
    "output in a loop": FIVE_MILLION + "{% for i in range(1000) %}{{ a }}{% endfor %}",
    "a block set in a loop": (
        FIVE_MILLION
        + "{% set b %}{% for i in range(1000) %}{{ a }}{% endfor %}{% endset %}{{ b|length }}"
    ),
    "nested loops over a long text": (
        "{% set s = 'x' * 1000 %}"
        "{% for a in s %}{% for b in s %}{% for c in s %}.{% endfor %}{% endfor %}{% endfor %}"
    ),
    "nested ranges": (
        "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"
    ),
    "a macro calling itself forever": "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
    "a macro calling itself twice per level": (
        "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(40) }}"
    ),
    "lorem ipsum": "{{ lipsum(100000, false, 1000, 2000) }}",
    "a range too long": "{{ range(10 ** 8) | list }}",
    "json indent": "{{ [[[1]]]|json(10**9) }}",
    "tojson indent": "{{ [[[1]]]|tojson(10**9) }}",
    "number decimals": "{{ 1|number(10**9) }}",
    "a long text made into a list": "{{ ('x' * 5000000)|list|length }}",
    "urlize of a long text": "{{ ('a ' * 4900000)|urlize }}",
    "wordwrap of a long text": "{{ ('a ' * 4900000)|wordwrap(5) }}",
    "shared parts printed": SHARED + "{{ ns.x }}",
    "shared parts as json": SHARED + "{{ ns.x|json }}",
    "shared parts compared": SHARED + "{{ ns.x == ns.y }}",
    "shared parts searched": SHARED + "{{ ns.x in [ns.y] }}",
    "shared parts sorted": SHARED + "{{ [ns.x, ns.y]|sort }}",
    "shared parts joined as text": SHARED + "{{ 'a' ~ ns.x }}",
    "shared parts formatted": SHARED + "{{ '{}'.format(ns.x) }}",
    "shared parts in a percent format": SHARED + "{{ '%s' % (ns.x,) }}",
    "shared parts tested equal": SHARED + "{{ ns.x is eq(ns.y) }}",
    "shared parts as the field's value": "{{ " + DOUBLED_40_TIMES + " }}",
    "shared parts in a namespace printed": SHARED + "{{ ns }}",
    "shared parts counted in a list": SHARED + "{{ [ns.y].count(ns.x) }}",
    "shared tuples as a dict key": SHARED_TUPLE + "{{ {ns.t: 1} }}",
    "shared tuples looked up": SHARED_TUPLE + "{{ {}[ns.t] }}",
}


@pytest.mark.parametrize("template", BOMBS.values(), ids=BOMBS.keys())
def test_an_expression_that_asks_for_too_much_fails_with_a_sentence(template):
    with pytest.raises(TooMuchWork) as caught:
        render(template, {"trigger": {}}, "Make label", "Text")
    assert str(caught.value).startswith(
        "This expression in 'Make label' → Text does too much work: it "
    )
    assert caught.value.problem is not None
    assert caught.value.problem.node == "Make label"


def test_the_message_says_what_was_too_much():
    with pytest.raises(TooMuchWork) as caught:
        render("{{ 'a'.ljust(10**10) }}", {}, "Make label", "Text")
    assert str(caught.value) == (
        "This expression in 'Make label' → Text does too much work: "
        "it would make a text longer than 10,000,000 characters."
    )
    with pytest.raises(TooMuchWork) as caught:
        render("{{ 9 ** (9 ** 9) }}", {}, "Make label", "Text")
    assert str(caught.value) == (
        "This expression in 'Make label' → Text does too much work: "
        "it would make a number with more than 4,300 digits."
    )
    with pytest.raises(TooMuchWork) as caught:
        render("{{ 'x' * 10**10 }}", {})
    assert str(caught.value) == (
        "This expression does too much work: it would make a text longer than 10,000,000 "
        "characters."
    )


ORDINARY = {
    "{{ '-' * 40 }}": "-" * 40,
    "{{ 2 ** 64 }}": 2**64,
    "{{ 9**9**9**9 }}": 9**729,  # Jinja groups ** from the left: ((9**9)**9)**9
    "{{ (10 ** 20) // 7 }}": 10**20 // 7,
    "{{ 'x'|center(9) }}": "    x    ",
    "{{ 'ab'.ljust(4, '.') }}": "ab..",
    "{{ '%05.1f'|format(3.14159) }}": "003.1",
    "{{ '%-4s|%s' % ('ab', 7) }}": "ab  |7",
    "{{ '%(n)s!' % {'n': 'hi'} }}": "hi!",
    "{{ '{:>6}|{}'.format('ab', 1) }}": "    ab|1",
    "{{ 'a\nb'|indent(2, true) }}": "  a\n  b",
    "{{ 'a b'|wordwrap(1) }}": "a\nb",
    "{{ 'a-b'.replace('-', '+') }}": "a+b",
    "{{ trigger.items|map(attribute='sku')|join(', ') }}": "A1, B2",
    "{{ ', '.join(trigger.items|map(attribute='sku')) }}": "A1, B2",
    "{{ [1, 2] + [3] }}": [1, 2, 3],
    "{{ 'x' ~ 1 ~ none }}": "x1None",
    "{{ trigger.items|batch(1)|list|length }}": 2,
    "{{ [1, 2, 3]|slice(2)|list }}": [[1, 2], [3]],
    "{{ [[1], [2]]|sum(start=[]) }}": [1, 2],
    "{{ trigger.items|json(2) }}": json.dumps([{"sku": "A1"}, {"sku": "B2"}], indent=2),
    "{{ 1234.5|number(1) }}": "1,234.5",
    "{{ range(3)|list }}": [0, 1, 2],
    "{% set l = [] %}{% for i in range(3) %}{{ l.append(i) or '' }}{% endfor %}{{ l }}": (
        "[0, 1, 2]"
    ),
    "{% set ns = namespace(n=0) %}{% for i in range(1000) %}{% set ns.n = ns.n + i %}"
    "{% endfor %}{{ ns.n }}": "499500",
    "{% for a in range(300) %}{% for b in range(300) %}{% endfor %}{% endfor %}done": "done",
    "{% for item in trigger.items %}{{ loop.index }}/{{ loop.length }} {{ item.sku }}; "
    "{% endfor %}": "1/2 A1; 2/2 B2; ",
    "{% macro twice(x) %}{{ x }}{{ x }}{% endmacro %}{{ twice('ab') }}": "abab",
    "{{ {'a': 1, (1, 2): 'pair'}[(1, 2)] }}": "pair",
    "{{ {'a': 1}['a'] }} {{ [[1], [2]].count([1]) }} {{ trigger.items[1].sku }}": "1 1 B2",
    "{{ [1, 2] == [1, 2] and 'A1' in trigger.items|map(attribute='sku') }}": True,
}


@pytest.mark.parametrize(("template", "expected"), ORDINARY.items(), ids=range(len(ORDINARY)))
def test_ordinary_expressions_are_not_held_back(template, expected):
    context = {"trigger": {"items": [{"sku": "A1"}, {"sku": "B2"}]}}
    assert render(template, context, "Step", "Field") == expected


def test_data_larger_than_the_limits_can_still_be_passed_along():
    big = "x" * 12_000_000
    assert render("{{ trigger.body }}", {"trigger": {"body": big}}) is big
    rows = ["x" * 100] * 200_000  # 20 million characters as text
    context = {"trigger": {"rows": rows}, "steps": {"Read": {"output": {"rows": rows}}}}
    assert render("{{ trigger.rows }}", context) is rows
    assert render("{{ steps['Read'].output.rows }}", context) is rows


def test_a_missing_first_item_of_an_empty_list_is_named_readably():
    with pytest.raises(MissingVariable) as caught:
        render("{{ trigger.items[0] }}", {"trigger": {"items": []}}, "Send SMS", "Message")
    assert str(caught.value) == (
        "Missing variable {{trigger.items[0]}} in 'Send SMS' → Message: the list is empty."
    )
    assert caught.value.variable == "trigger.items[0]"


def test_an_item_past_the_end_of_a_list_says_where_the_list_stops():
    context = {"trigger": {"items": [{"sku": "A1"}, {"sku": "B2"}]}}
    with pytest.raises(MissingVariable) as caught:
        render("{{ trigger.items[5].sku }}", context, "Send SMS", "Message")
    assert str(caught.value) == (
        "Missing variable {{trigger.items[5]}} in 'Send SMS' → Message: the list stops at [1]."
    )
    with pytest.raises(MissingVariable) as caught:
        render(
            "{{ steps['Get order'].output.lines[2] }}",
            {"steps": {"Get order": {"output": {"lines": ["a"]}}}},
        )
    assert str(caught.value) == (
        "Missing variable {{steps['Get order'].output.lines[2]}}: the list stops at [0]."
    )


def test_validate_refuses_absurd_literals_before_the_flow_runs():
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Wide", "testkit.echo", {"value": "{{ 'x'|center(99999999999) }}"}),
            ("Huge", "testkit.echo", {"value": "{{ 'a'.ljust(10**10) }}"}),
            ("Power", "testkit.echo", {"value": "{{ 9 ** 9 ** 9 ** 9 ** 9 ** 9 }}"}),
            ("Fine", "testkit.echo", {"value": "{{ 'x'|center(80) }}{{ 2 ** 64 }}"}),
        ],
        ["Start -> Wide", "Wide -> Huge", "Huge -> Power", "Power -> Fine"],
    )
    problems = validate_flow(flow, registry_with_testkit())
    assert [(p.node, str(p)) for p in problems] == [
        (
            "Wide",
            "This expression in 'Wide' → Value does too much work: "
            "it would make a text longer than 10,000,000 characters.",
        ),
        (
            "Huge",
            "This expression in 'Huge' → Value does too much work: "
            "it would make a text longer than 10,000,000 characters.",
        ),
        (
            "Power",
            "This expression in 'Power' → Value does too much work: "
            "it would make a number with more than 4,300 digits.",
        ),
    ]


def test_a_bomb_fails_its_own_step_and_the_next_flow_still_runs():
    registry = registry_with_testkit()
    loops = BOMBS["nested loops over a long text"]
    bomb = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Make label", "testkit.echo", {"value": loops}),
            ("Never", "testkit.echo", {"value": "unreached"}),
        ],
        ["Start -> Make label", "Make label -> Never"],
        name="Bomb",
    )
    wide = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Pad", "testkit.echo", {"value": "{{ 'a'.ljust(10**10) }}"}),
        ],
        ["Start -> Pad"],
        name="Wide",
    )
    greet = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Greet", "testkit.echo", {"value": "Hi {{ trigger.name }}"}),
        ],
        ["Start -> Greet"],
        name="Greeting",
    )
    # One worker: the greeting can only run once both bombs have given their worker back.
    with Runner(registry, workers=1) as runner:
        handles = [
            runner.start(bomb, {}, validate=False),
            runner.start(wide, {}, validate=False),
            runner.start(greet, {"name": "Layla"}),
        ]
        failed, padded, greeted = (handle.wait() for handle in handles)
    assert failed.status == ExecutionStatus.FAILED
    assert failed.failed_node == "Make label"
    assert failed.error.startswith("This expression in 'Make label' → Value does too much work: ")
    assert "Never" not in failed.outputs
    assert padded.status == ExecutionStatus.FAILED
    assert padded.error == (
        "This expression in 'Pad' → Value does too much work: "
        "it would make a text longer than 10,000,000 characters."
    )
    assert greeted.status == ExecutionStatus.SUCCESS
    assert greeted.outputs["Greet"] == "Hi Layla"


def test_all_the_bombs_in_one_process_stay_within_a_gigabyte(tmp_path):
    script = tmp_path / "bombs.py"
    script.write_text(
        textwrap.dedent(
            """
            import json, resource, sys
            # A ceiling on the address space, so an unbounded expression fails here instead
            # of taking the machine's memory.
            resource.setrlimit(resource.RLIMIT_AS, (4 * 2**30, 4 * 2**30))
            from flowin_engine.errors import TooMuchWork
            from flowin_engine.expressions import render, render_text
            outcomes = {}
            for name, template in json.loads(sys.argv[1]).items():
                try:
                    render(template, {"trigger": {}}, "Step", "Field")
                    outcomes[name] = "rendered"
                except TooMuchWork:
                    outcomes[name] = "too much work"
                except BaseException as error:
                    outcomes[name] = type(error).__name__
            peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
            print(json.dumps({"outcomes": outcomes, "peak_mib": peak_mib}))
            """
        )
    )
    done = subprocess.run(
        [sys.executable, str(script), json.dumps(BOMBS)],
        capture_output=True,
        text=True,
        timeout=900,  # a guard against a hang only
        check=True,
    )
    report = json.loads(done.stdout)
    assert report["outcomes"] == dict.fromkeys(BOMBS, "too much work")
    assert report["peak_mib"] < 1024


def test_a_shorter_time_limit_stops_an_evaluation_sooner_and_says_which():
    looping = "{% for i in range(5000) %}{{ i }}{% endfor %}"
    assert render_text(looping, {}).startswith("0123")
    with pytest.raises(TooSlow) as caught:
        render_text(looping, {}, "Count", "Text", time_limit=0)
    assert caught.value.limit == 0
    assert "would take longer than 0 seconds" in str(caught.value)
