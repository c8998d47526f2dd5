"""Expression benchmark: time to render ordinary templates, to compare before/after a change.

Run by hand: ``PYTHONPATH=. .venv/bin/python bench/expression_bench.py`` (point PYTHONPATH at
another tree to measure that one). Prints microseconds per render, CPU time, the best of 15 rounds (steadier than wall time on a busy machine);
asserts nothing.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

from flowin_engine.expressions import render

CONTEXT = {
    "trigger": {
        "name": "Layla",
        "order_id": 1042,
        "total": 250.5,
        "items": [{"sku": f"A{i}", "price": i * 1.5, "qty": i % 3 + 1} for i in range(100)],
    },
    "steps": {"Get order": {"output": {"id": 1042, "created": "2026-11-25T09:30:00Z"}}},
    "input": {"count": 3},
    "now": datetime(2026, 11, 25, 9, 30, tzinfo=UTC),
}

TEMPLATES = {
    "lone value": "{{ trigger.order_id }}",
    "greeting text": "Hello {{ trigger.name }}, order #{{ steps['Get order'].output.id }}",
    "arithmetic": "{{ trigger.total * 1.05 + 2 ** 3 }}",
    "filters": "{{ trigger.name | upper }} {{ trigger.total | number(2) }} {{ now | date('%H:%M') }}",
    "format and concat": "{{ '%-8s|' % trigger.name ~ '{:>6}'.format(trigger.order_id) }}",
    "join of 100 items": "{{ trigger.items | map(attribute='sku') | join(', ') }}",
    "loop over 100 items": (
        "{% for item in trigger.items %}{{ item.sku }} x{{ item.qty }} = "
        "{{ item.price * item.qty }}\n{% endfor %}"
    ),
    "loop with loop.index": (
        "{% for item in trigger.items %}{{ loop.index }}/{{ loop.length }} {% endfor %}"
    ),
    "json of 100 items": "{{ trigger.items | json }}",
}


def per_render_us(template: str, repeat: int) -> float:
    render(template, CONTEXT)  # compiled once and cached, as in a running flow
    best = float("inf")
    for _ in range(15):
        began = time.process_time()
        for _ in range(repeat):
            render(template, CONTEXT)
        best = min(best, (time.process_time() - began) / repeat)
    return best * 1e6


def main() -> None:
    print(f"{'template':24} {'µs per render':>14}")
    for name, template in TEMPLATES.items():
        repeat = 200 if "100" in name else 2000
        print(f"{name:24} {per_render_us(template, repeat):14.1f}")


if __name__ == "__main__":
    main()
