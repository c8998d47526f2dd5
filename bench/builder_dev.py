"""The offline flow builder on the sets it may be tuned on: the evaluation set and the
development sets, scored exactly as ``builder_heldout.py`` scores the held-out sets, with every
miss shown.

    .venv/bin/python bench/builder_dev.py                 # every miss, then the scores
    .venv/bin/python bench/builder_dev.py --summary       # the scores alone
    .venv/bin/python bench/builder_dev.py --set dev_set_b --language en --params

Reads tests/builder/eval_set.json and whichever of tests/builder/dev_set_*.json exist (each
case: sentence, language, dialect, trigger, actions, params?, unsupported?: [service names],
refuse?: true). For each miss it prints the sentence, its dialect, the node types expected and
proposed, and what was wrong (a question asked instead, a parameter's value); then, per set,
the score per language, dialect and kind (trigger and actions both right, the services it
cannot do named, abuse refused) and the parameter score over the cases that give parameters.
These sets are the ones to tune on; the held-out sets are measured with
``builder_heldout.py --summary`` only.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flowin_engine.builder.language import normalize
from flowin_engine.builder.limits import unsupported
from flowin_engine.builder.offline import OfflineBuilder
from flowin_engine.registry import default_registry
from tests.builder.scoring import Score, score_case

HERE = Path(__file__).resolve().parent.parent / "tests" / "builder"

log = logging.getLogger("builder_dev")


def tuning_sets() -> list[Path]:
    """The evaluation set, then the development sets in name order; never a held-out set."""
    return [HERE / "eval_set.json", *sorted(HERE.glob("dev_set_*.json"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--summary", action="store_true", help="print only the scores")
    parser.add_argument(
        "--set", action="append", default=[], help="only these sets (eval_set, dev_set_a, …)"
    )
    parser.add_argument("--language", help="only the cases of this language (en, ar)")
    parser.add_argument("--dialect", help="only the cases of this dialect (egyptian, en, …)")
    parser.add_argument(
        "--params", action="store_true", help="show only the misses that concern parameters"
    )
    arguments = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    builder = OfflineBuilder(default_registry())
    for path in tuning_sets():
        if arguments.set and path.stem not in arguments.set:
            continue
        written = json.loads(path.read_text(encoding="utf-8"))
        cases = [
            case
            for case in written
            if (not arguments.language or case.get("language") == arguments.language)
            and (not arguments.dialect or _dialect(case) == arguments.dialect)
        ]
        landed = [case for case in cases if landed_since(case)]
        cases = [case for case in cases if not landed_since(case)]
        if landed:
            log.info(
                "(%d sentences left out: a service they expect missing has landed)", len(landed)
            )
        if cases:
            score_set(path.name, cases, builder, arguments)


def score_set(
    name: str, cases: list[dict[str, Any]], builder: OfflineBuilder, arguments: Any
) -> None:
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    params_right = params_total = crashes = near = 0
    params_by_language: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case in cases:
        try:
            result: Score | None = score_case(case, builder)
        except Exception as error:  # a crash is a miss, and counted
            crashes += 1
            said = "" if arguments.summary else f" {case['sentence']}: {error}"
            log.info("CRASH (%s) %s%s", _dialect(case), type(error).__name__, said)
            result = None
        right = result is not None and result.flow_right
        near += result is not None and result.near_right
        language = case.get("language", "?")
        for key in {
            f"language {language}",
            f"dialect {_dialect(case)}",
            f"kind {_kind(case)}",
            "all",
        }:
            groups[key][0] += right
            groups[key][1] += 1
        if case.get("params"):
            params_total += 1
            params_right += result is not None and result.params_right
            params_by_language[language][0] += result is not None and result.params_right
            params_by_language[language][1] += 1
        if result is None or not result.problems or arguments.summary:
            continue
        if getattr(arguments, "params", False) and result.params_right:
            continue
        _show_miss(case, result)
    log.info("== %s (%d sentences, %d crashes)", name, len(cases), crashes)
    for key in sorted(groups):
        right_count, total = groups[key]
        log.info("  %-22s %3d/%-3d = %3.0f%%", key, right_count, total, 100 * right_count / total)
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
        for language in sorted(params_by_language):
            good, total = params_by_language[language]
            log.info(
                "  %-22s %3d/%-3d = %3.0f%%",
                f"parameters {language}",
                good,
                total,
                100 * good / total,
            )


def _show_miss(case: dict[str, Any], result: Score) -> None:
    expected = [t for t in [case.get("trigger"), *case.get("actions", [])] if t]
    log.info("miss (%s) %s", _dialect(case), case["sentence"])
    if case.get("refuse"):
        log.info("    expected: a refusal")
    else:
        log.info("    expected: %s", " → ".join(expected) or "(no flow)")
        if case.get("params"):
            log.info("    params:   %s", json.dumps(case["params"], ensure_ascii=False))
        if case.get("unsupported"):
            log.info("    unsupported: %s", ", ".join(case["unsupported"]))
    log.info("    got:      %s", " → ".join(result.got) or "(no flow)")
    if result.question:
        log.info("    question: %s", result.question)
    for problem in result.problems:
        log.info("    - %s", problem)


def _dialect(case: dict[str, Any]) -> str:
    return case.get("dialect") or case.get("language", "?")


def _kind(case: dict[str, Any]) -> str:
    if case.get("refuse"):
        return "refuse"
    return "unsupported" if case.get("unsupported") else "flow"


def landed_since(case: dict[str, Any]) -> bool:
    """Whether a service the case expects Flowin to lack is no longer on the list of lacks: such
    a case says nothing once Flowin has it, so it is left out and counted, never rewritten by
    someone who has seen the builder."""
    return any(not unsupported(normalize(name), "en") for name in case.get("unsupported", []))


if __name__ == "__main__":
    main()
