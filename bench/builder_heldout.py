"""The offline flow builder on the held-out sets: sentences written by someone who never saw the
builder's code, kept apart from the evaluation set it is tuned on (tests/builder/eval_set.json).

    .venv/bin/python bench/builder_heldout.py             # every miss, then the scores
    .venv/bin/python bench/builder_heldout.py --summary   # the scores alone, no sentence shown

Reads tests/builder/heldout_set.json and, when it is there, heldout_dialects.json (each case:
sentence, language, dialect, trigger, actions, params?, unsupported?: [service names],
refuse?: true). Prints the score per language and per dialect (trigger and actions both right,
the services it cannot do named, abuse refused) and the parameter score over the cases that give
parameters. Do not tune the builder on these sentences: once a sentence has been fixed for, it
belongs in the evaluation set, and a new held-out set is written. ``--summary`` is the way to
measure without reading them.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flowin_engine.builder.language import normalize
from flowin_engine.builder.limits import unsupported
from flowin_engine.builder.offline import OfflineBuilder
from flowin_engine.registry import default_registry
from tests.builder.scoring import score_case

HERE = Path(__file__).resolve().parent.parent / "tests" / "builder"
HELD_OUT = [HERE / "heldout_set.json", HERE / "heldout_dialects.json", HERE / "heldout_fresh.json"]

log = logging.getLogger("builder_heldout")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--summary", action="store_true", help="print only the scores, never a sentence"
    )
    arguments = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    builder = OfflineBuilder(default_registry())
    for path in HELD_OUT:
        if not path.exists():
            continue
        written = json.loads(path.read_text(encoding="utf-8"))
        # A case that expects a service to be missing says nothing once Flowin has it: it is
        # left out and counted, never rewritten by someone who has seen the builder.
        cases = [case for case in written if not _landed_since(case)]
        if len(cases) < len(written):
            log.info(
                "(%d sentences left out: a service they expect missing has landed)",
                len(written) - len(cases),
            )
        groups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        params_right = params_total = crashes = near = 0
        for case in cases:
            try:
                result = score_case(case, builder)
            except Exception as error:  # a crash is a miss, and counted
                crashes += 1
                log.info("crash (%s): %s", case.get("language"), type(error).__name__)
                result = None
            right = result is not None and result.flow_right
            near += result is not None and result.near_right
            language = case.get("language", "?")
            dialect = case.get("dialect") or language
            kind = (
                "refuse"
                if case.get("refuse")
                else "unsupported"
                if case.get("unsupported")
                else "flow"
            )
            for key in {f"language {language}", f"dialect {dialect}", f"kind {kind}", "all"}:
                groups[key][0] += right
                groups[key][1] += 1
            if case.get("params"):
                params_total += 1
                params_right += result is not None and result.params_right
            if result is not None and result.problems and not arguments.summary:
                log.info("miss (%s) %s → %s", dialect, case["sentence"], "; ".join(result.problems))
        log.info("== %s (%d sentences, %d crashes)", path.name, len(cases), crashes)
        for key in sorted(groups):
            right, total = groups[key]
            log.info("  %-22s %3d/%-3d = %3.0f%%", key, right, total, 100 * right / total)
        log.info(
            "  %-22s %3d/%-3d = %3.0f%%  (a first WhatsApp as template or text, any e-mail sender)",
            "all, near",
            near,
            len(cases),
            100 * near / len(cases),
        )
        if params_total:
            log.info(
                "  %-22s %3d/%-3d = %3.0f%%",
                "parameters",
                params_right,
                params_total,
                100 * params_right / params_total,
            )


def _landed_since(case: dict) -> bool:
    """Whether a service the case expects Flowin to lack is no longer on the list of lacks."""
    return any(not unsupported(normalize(name), "en") for name in case.get("unsupported", []))


if __name__ == "__main__":
    main()
