"""What the builder's learned clause matcher changes: every sentence of the evaluation set and the
development sets built with the shipped model and with the rules alone, and the sentences it
fixed and broke (the confusion to read before taking a new model or a new threshold).

    PYTHONPATH=$PWD .venv/bin/python bench/builder_learned.py
    PYTHONPATH=$PWD .venv/bin/python bench/builder_learned.py --threshold 0.6   # another bar
    PYTHONPATH=$PWD .venv/bin/python bench/builder_learned.py --heldout-summary

``--heldout-summary`` runs ``builder_heldout.py --summary`` twice, with the model and without it
(FLOWIN_CLAUSE_MODEL pointing at no file), so the held-out sets are compared by their scores
alone, never a sentence.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.builder_dev import tuning_sets  # noqa: E402
from flowin_engine.builder import offline  # noqa: E402
from flowin_engine.builder.learned import shipped_model  # noqa: E402
from flowin_engine.registry import default_registry  # noqa: E402
from tests.builder.scoring import Score, score_case  # noqa: E402

log = logging.getLogger("builder_learned")


def _scores(cases: list[dict], with_model: bool) -> list[Score]:
    model = shipped_model()
    offline.shipped_model = (lambda: model) if with_model else (lambda: None)
    builder = offline.OfflineBuilder(default_registry())
    scores = []
    for case in cases:
        try:
            scores.append(score_case(case, builder))
        except Exception as error:  # a crash is a miss, and shown
            scores.append(Score(False, False, [f"crash: {type(error).__name__}"]))
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, help="the model's bar instead of its own")
    parser.add_argument(
        "--heldout-summary", action="store_true", help="held-out scores with and without"
    )
    arguments = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s", force=True)
    if arguments.heldout_summary:
        script = [sys.executable, str(ROOT / "bench" / "builder_heldout.py"), "--summary"]
        for label, extra in (("with the model", {}), ("rules alone", {"FLOWIN_CLAUSE_MODEL": "-"})):
            log.info("#### %s", label)
            subprocess.run(script, env={**os.environ, **extra}, check=True)
        return
    model = shipped_model()
    if model is None:
        raise SystemExit("no clause model to compare: run `make builder-model`")
    if arguments.threshold is not None:
        model.threshold = arguments.threshold
    log.info("model threshold %.3f", model.threshold)
    for path in tuning_sets():
        cases = json.loads(path.read_text(encoding="utf-8"))
        without, with_model = _scores(cases, False), _scores(cases, True)
        fixed = [
            c
            for c, a, b in zip(cases, without, with_model, strict=True)
            if b.flow_right > a.flow_right
        ]
        broken = [
            (c, b)
            for c, a, b in zip(cases, without, with_model, strict=True)
            if a.flow_right > b.flow_right
        ]
        log.info(
            "== %s: rules alone %d/%d, with the model %d/%d; fixed %d, broken %d",
            path.name,
            sum(s.flow_right for s in without),
            len(cases),
            sum(s.flow_right for s in with_model),
            len(cases),
            len(fixed),
            len(broken),
        )
        for case in fixed:
            log.info(
                "  fixed  (%s) %s", case.get("dialect") or case.get("language"), case["sentence"]
            )
        for case, score in broken:
            log.info(
                "  broken (%s) %s → %s",
                case.get("dialect") or case.get("language"),
                case["sentence"],
                "; ".join(score.problems),
            )


if __name__ == "__main__":
    main()
