"""The builder's learned matcher: what a clause asks for when the phrase rules are unsure.

A linear classifier (multinomial logistic regression) over hashed character n-grams of the
clause, trained at build time by ``tools/builder_model.py`` on thousands of generated
paraphrases of the manifests' phrases (dialect and Arabizi words from the lexicon, verbs in
every person and voice, glued prepositions, typos) and shipped as ``clause_model.bin`` beside
this file; nothing is downloaded at run time. Character n-grams read a word through the letters
glued to it ("عالشيت", "ابعتلو", "يتسجل") and through a slip of the keyboard, which is what
the word rules miss.

Why no library: scikit-learn would bring scipy and joblib into the PyInstaller bundle (tens of
megabytes) and take longer to import than the whole prediction. The model is a table of int8
weights, one row of per-type scores for each hashed n-gram: scoring a clause adds up a few
hundred rows in pure Python (a millisecond or two), so the builder does not import numpy
either. numpy is used only by the trainer (a build-time tool).

The model is asked only where the rules found no node type above their threshold, and its
answer is taken only above the confidence calibrated when it was trained; below that the
clause is reported as not understood, never replaced by a guess.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import struct
import zlib
from array import array
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..spelling import normalize

log = logging.getLogger(__name__)

SHIPPED_PATH = Path(__file__).with_name("clause_model.bin")
# For measuring: FLOWIN_CLAUSE_MODEL names another model file to try, or "-" for none (the
# rules alone; bench/builder_learned.py compares the two).
MODEL_PATH = Path(os.environ.get("FLOWIN_CLAUSE_MODEL") or SHIPPED_PATH)
MAGIC = b"FLOWINCM1"
NONE_LABEL = "none"
# The phrase of a match the model made (catalogue.Match.phrase): its step says it was a reading.
LEARNED_PHRASE = "(learned)"


def proposable(label: str) -> bool:
    """Whether the model may propose ``label``. Not "none", and not the builder's own steps: a
    schedule, a wait, a condition are placed from what was extracted, and the flow's plumbing
    (stop with an error, merge, set fields) only where the rules see it said. The model knows
    their phrases all the same, so that they are not taken for another type."""
    return label != NONE_LABEL and not label.startswith(("core.", "schedule."))


_WORD = re.compile(r"[a-z0-9\u0621-\u064a]+")
# Entity markers (entities.MARKER) and what is no letter: left out of the n-grams.
_NOT_TEXT = re.compile(r"[\u0000-\u001f\ue000-\uf8ff]+")


def features(text: str, buckets: int, sizes: tuple[int, ...] = (2, 3, 4)) -> dict[int, float]:
    """The clause's hashed n-grams, weighted and of unit length: the character n-grams of each
    word with its edges marked (" ابعتلو "), and the word itself. crc32, not ``hash``: the same
    bucket in every process, in training and at run time."""
    counts: dict[int, float] = {}
    for word in _WORD.findall(_NOT_TEXT.sub(" ", normalize(text))):
        padded = f" {word} "
        grams = [f"w:{word}"]
        for size in sizes:
            grams.extend(padded[i : i + size] for i in range(len(padded) - size + 1))
        for gram in grams:
            bucket = zlib.crc32(gram.encode()) % buckets
            counts[bucket] = counts.get(bucket, 0.0) + 1.0
    weighted = {bucket: 1.0 + math.log(count) for bucket, count in counts.items()}
    length = math.sqrt(sum(v * v for v in weighted.values())) or 1.0
    return {bucket: v / length for bucket, v in weighted.items()}


@dataclass(frozen=True)
class Guess:
    node_type: str
    confidence: float  # the model's probability, among the types it was allowed to answer


class ClauseModel:
    """The shipped weights: ``labels`` (node types and "none"), one int8 row per bucket."""

    def __init__(self, header: dict, weights: array) -> None:
        self.labels: list[str] = header["labels"]
        self.buckets: int = header["buckets"]
        self.sizes: tuple[int, ...] = tuple(header["ngram_sizes"])
        self.threshold: float = header["threshold"]
        self.fingerprint: str = header["fingerprint"]
        self._bias: list[float] = header["bias"]
        self._scales: list[float] = header["scales"]
        self._weights = memoryview(weights)

    @classmethod
    def from_bytes(cls, data: bytes) -> ClauseModel:
        if not data.startswith(MAGIC):
            raise ValueError("not a clause model")
        (length,) = struct.unpack_from("<I", data, len(MAGIC))
        start = len(MAGIC) + 4
        header = json.loads(data[start : start + length])
        weights = array("b", zlib.decompress(data[start + length :]))
        if len(weights) != header["buckets"] * len(header["labels"]):
            raise ValueError("clause model weights do not match its header")
        return cls(header, weights)

    def probabilities(self, text: str) -> dict[str, float]:
        """Each label's probability for ``text``."""
        count = len(self.labels)
        totals = [0.0] * count
        rows = self._weights
        for bucket, value in features(text, self.buckets, self.sizes).items():
            row = rows[bucket * count : (bucket + 1) * count]
            totals = [t + value * w for t, w in zip(totals, row, strict=True)]
        scores = [b + s * t for b, s, t in zip(self._bias, self._scales, totals, strict=True)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        whole = sum(exps)
        return {label: e / whole for label, e in zip(self.labels, exps, strict=True)}

    def guess(self, text: str, allowed: set[str]) -> Guess | None:
        """The node type among ``allowed`` (and "none") that ``text`` asks for, when the model
        is at least as sure as its calibrated threshold; None when it is not, or says none."""
        probabilities = self.probabilities(text)
        kept = {
            label: p
            for label, p in probabilities.items()
            if label in allowed or not proposable(label)
        }
        whole = sum(kept.values()) or 1.0
        label, p = max(kept.items(), key=lambda item: item[1])
        confidence = p / whole
        if not proposable(label) or confidence < self.threshold:
            return None
        return Guess(label, confidence)


@cache
def shipped_model() -> ClauseModel | None:
    """The model shipped with the app, read once, when a clause first needs it; None (the rules
    alone, as before) when the file is missing or unreadable."""
    if str(MODEL_PATH) == "-":
        return None
    try:
        return ClauseModel.from_bytes(MODEL_PATH.read_bytes())
    except (OSError, ValueError, KeyError, struct.error, zlib.error) as error:
        log.warning("The builder's clause model could not be read (%s); rules only.", error)
        return None
