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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from builder_dev import landed_since, score_set

from flowin_engine.builder.offline import OfflineBuilder
from flowin_engine.registry import default_registry

HERE = Path(__file__).resolve().parent.parent / "tests" / "builder"
HELD_OUT = [
    HERE / "heldout_set.json",
    HERE / "heldout_dialects.json",
    HERE / "heldout_fresh.json",
    HERE / "heldout_final.json",
    HERE / "heldout_dec5.json",
    HERE / "heldout_dec6.json",
    HERE / "heldout_dec7.json",
    HERE / "heldout_dec8.json",
    HERE / "heldout_dec9.json",
]

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
        cases = [case for case in written if not landed_since(case)]
        if len(cases) < len(written):
            log.info(
                "(%d sentences left out: a service they expect missing has landed)",
                len(written) - len(cases),
            )
        score_set(path.name, cases, builder, arguments)


if __name__ == "__main__":
    main()
