"""The offline flow builder on the held-out set: sentences written by someone who never saw the
builder's code, kept apart from the evaluation set it is tuned on (tests/builder/eval_set.json).

    .venv/bin/python bench/builder_heldout.py

Prints each miss and the score per language. Do not tune the builder on these sentences: once a
sentence has been fixed for, it belongs in the evaluation set, and a new held-out set is written.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flowin_engine.builder.offline import OfflineBuilder
from flowin_engine.registry import default_registry
from tests.builder.test_offline_builder import failures_of

HELD_OUT = Path(__file__).resolve().parent.parent / "tests" / "builder" / "heldout_set.json"

log = logging.getLogger("builder_heldout")


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    cases = json.loads(HELD_OUT.read_text(encoding="utf-8"))
    builder = OfflineBuilder(default_registry())
    scores: dict[str, tuple[int, int]] = {}
    for case in cases:
        problems = failures_of(case, builder)
        right, total = scores.get(case["language"], (0, 0))
        scores[case["language"]] = (right + (not problems), total + 1)
        if problems:
            log.info("miss (%s) %s → %s", case["language"], case["sentence"], "; ".join(problems))
    right = sum(r for r, _ in scores.values())
    total = sum(t for _, t in scores.values())
    per_language = ", ".join(f"{lang} {r}/{t}" for lang, (r, t) in sorted(scores.items()))
    log.info("held-out: %d/%d = %.0f%% (%s)", right, total, 100 * right / total, per_language)


if __name__ == "__main__":
    main()
