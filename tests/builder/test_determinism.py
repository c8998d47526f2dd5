"""The offline builder gives one answer per sentence: the same whatever was built before it in
the process, and the same in every run of Python. Python orders a set of strings by a hash it
seeds afresh in each process (PYTHONHASHSEED), so a rule that takes "the first" of a set picks
differently from one run to the next: "3ndi clinic" was sounded out as عميل (a customer, and a
Shopify create-customer step) in some runs and as يصلني (get) in others, and so was "cleanly"."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Arabizi sentences of our own with English words in them that sound like Arabic ones.
OWN_SENTENCES = [
    "3ndi clinic, lama patient yeb3atli 3al whatsapp ib3atlo el mawa3eed",
    "3ndi clinic w 3ayez lama yeegi booking gdid 3al calendar ib3atli 3al telegram",
    "ana 3andi clinic, kol yom el sa3a 9 ib3atli 3al slack el mawa3eed",
]

# Builds each sentence (argv[1], a JSON list) with one builder in order, then (argv[2] "both")
# with a new builder in the reverse order, and prints them as JSON: each proposal without what
# is made afresh every time (the flow's and steps' ids, its timestamps).
_BUILD_ALL = """
import json, sys
from flowin_engine.builder.offline import OfflineBuilder
from flowin_engine.registry import default_registry

def plain(proposal):
    data = proposal.model_dump(mode="json")
    flow = data["flow"]
    if flow is not None:
        ids = {node["id"]: f"step {i}" for i, node in enumerate(flow["nodes"])}
        for node in flow["nodes"]:
            node["id"] = ids[node["id"]]
        for edge in flow["edges"]:
            edge.pop("id")
            edge["source"], edge["target"] = ids[edge["source"]], ids[edge["target"]]
        for made_afresh in ("id", "created_at", "updated_at"):
            flow.pop(made_afresh)
    return data

registry = default_registry()
sentences = json.loads(open(sys.argv[1], encoding="utf-8").read())
first = OfflineBuilder(registry)
forward = [plain(first.build(s)) for s in sentences]
backward = []
if sys.argv[2] == "both":
    second = OfflineBuilder(registry)
    backward = [plain(second.build(s)) for s in reversed(sentences)][::-1]
print(json.dumps({"forward": forward, "backward": backward}, ensure_ascii=False))
"""


def _arabizi_sentences() -> list[str]:
    """The development sets' sentences in Arabizi: the ones read word by word by their sound."""
    sentences = []
    for path in sorted(HERE.glob("dev_set_*.json")):
        cases = json.loads(path.read_text(encoding="utf-8"))
        sentences += [case["sentence"] for case in cases if case.get("dialect") == "arabizi"]
    return sentences


def _built_in_a_process(
    sentences: list[str], hash_seed: str, tmp_path: Path, *, both_orders: bool
) -> dict:
    listed = tmp_path / "sentences.json"
    listed.write_text(json.dumps(sentences, ensure_ascii=False), encoding="utf-8")
    environment = {**os.environ, "PYTHONHASHSEED": hash_seed}
    done = subprocess.run(
        [sys.executable, "-c", _BUILD_ALL, str(listed), "both" if both_orders else "forward"],
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        timeout=600,
    )
    return json.loads(done.stdout)


def _summary(proposal: dict) -> str:
    types = [node["type"] for node in proposal["flow"]["nodes"]] if proposal["flow"] else []
    return f"{types} not understood {proposal['not_understood']}"


def test_every_sentence_builds_alike_in_any_order_and_in_every_run_of_python(tmp_path):
    sentences = [*OWN_SENTENCES, *_arabizi_sentences()]
    assert len(sentences) > 50, "the development sets have lost their Arabizi sentences"
    # In one process, in both orders; in another, with another hash seed, once more.
    one = _built_in_a_process(sentences, "0", tmp_path, both_orders=True)
    other = _built_in_a_process(sentences, "1", tmp_path, both_orders=False)
    differences = []
    for sentence, forward, backward in zip(sentences, one["forward"], one["backward"], strict=True):
        if forward != backward:
            differences.append(
                f"{sentence!r}: built first in a row {_summary(forward)}, "
                f"built last {_summary(backward)}"
            )
    for sentence, in_one, in_other in zip(sentences, one["forward"], other["forward"], strict=True):
        if in_one != in_other:
            differences.append(
                f"{sentence!r}: hash seed 0 {_summary(in_one)}, hash seed 1 {_summary(in_other)}"
            )
    assert not differences, "\n".join(differences)


# Prints what each Latin word (argv[1], a JSON list) sounds like in the Arabic lexicon.
_SOUND_OUT = """
import json, sys
from flowin_engine.builder.language import arabizi_to_english

words = json.loads(open(sys.argv[1], encoding="utf-8").read())
print(json.dumps([arabizi_to_english("3al " + word) for word in words], ensure_ascii=False))
"""


def test_a_latin_word_sounds_like_the_same_arabic_word_in_every_run_of_python(tmp_path):
    # English words that sound like two Arabic words at once ("cleanly": يصلني or عميل), and
    # every Latin word of the development sets.
    words = {"clinic", "cleanly", "common", "clinics", "salon", "pharmacy", "boutique"}
    for path in sorted(HERE.glob("dev_set_*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            words |= {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z0-9']{2,}", case["sentence"])}
    words_in_order = sorted(words)
    listed = tmp_path / "words.json"
    listed.write_text(json.dumps(words_in_order), encoding="utf-8")
    readings = {}
    for seed in ("0", "1", "2"):
        done = subprocess.run(
            [sys.executable, "-c", _SOUND_OUT, str(listed)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
            timeout=120,
        )
        readings[seed] = json.loads(done.stdout)
    differences = [
        f"{word!r}: " + ", ".join(f"hash seed {seed} {readings[seed][i]!r}" for seed in readings)
        for i, word in enumerate(words_in_order)
        if len({run[i] for run in readings.values()}) > 1
    ]
    assert not differences, "\n".join(differences)
