"""The builder's clause model: the corpus it learns from, and its training.

    PYTHONPATH=$PWD .venv/bin/python tools/builder_model.py            # retrain, write the model
    PYTHONPATH=$PWD .venv/bin/python tools/builder_model.py --corpus out.tsv   # the corpus only
    make builder-model                                                 # the same as the first

The corpus: each node type's manifest phrases (English and Arabic) said the ways people say them
— the lexicon's dialect words and Arabizi spellings put back in place of the words the phrases
use, Arabic verbs in every person, the present, future and passive ("ابعت", "ابعتلو", "بيبعت",
"هيبعت", "يتبعت", "خليه يبعت"), prepositions and the article glued on ("عالشيت", "فالواتس"),
service names in the other script, whole phrases in Arabizi, English in the third person and
the passive, and slips of the keyboard — plus a "none" class of clauses that ask for no step.
Seeded: the same manifests and lexicon give the same corpus, and the same corpus the same model.

The model (flowin_engine/builder/learned.py says why this one): multinomial logistic regression
on hashed character n-grams, trained with Adam in numpy (deterministic: no BLAS call, sums in
a fixed order), its weights stored as int8 with one scale per type. The confidence threshold is
calibrated on a second corpus drawn with another seed: the lowest probability at which the
model's answers there are right at least ``TARGET_PRECISION`` of the time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import random
import re
import struct
import sys
import zlib
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flowin_engine.builder.language import SYNONYMS, canonical
from flowin_engine.builder.learned import (
    MAGIC,
    NONE_LABEL,
    SHIPPED_PATH,
    ClauseModel,
    features,
    proposable,
)
from flowin_engine.builder.lexicon import ARABIZI
from flowin_engine.builder.limits import LACKING
from flowin_engine.registry import Registry, default_registry
from flowin_engine.spelling import normalize

log = logging.getLogger("builder_model")

SEED = 18
CALIBRATION_SEED = 1018
BUCKETS = 1 << 14
NGRAM_SIZES = (2, 3, 4)
VARIANTS_PER_PHRASE = 24
EPOCHS = 8
TARGET_PRECISION = 0.8
# Bumped when the generator changes, so the fingerprint tells an old model from a new one.
GENERATOR_VERSION = 1

_ARABIC = re.compile("[\u0621-\u064a]")

# ---------------------------------------------------------------------------------------------
# Words to put back: the lexicon's synonyms read backwards (a canonical word → the words people
# write for it), per script.


def _reverse(mapping: dict[str, str], arabic: bool) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for said, meant in mapping.items():
        if bool(_ARABIC.match(said)) == arabic and said != meant and len(said) > 1:
            found[meant].append(said)
    return {meant: sorted(set(words)) for meant, words in found.items()}


_AR_SAID = _reverse(SYNONYMS, arabic=True)
_EN_SAID = _reverse({k: v for k, v in SYNONYMS.items() if k.isascii()}, arabic=False)
_ARABIZI_SAID = _reverse(ARABIZI, arabic=False)

# Verbs people say for an order, and their bare stem ("ابعت" → "بعت"), for the persons and voices.
_AR_ORDER_STEMS = {
    "ارسل": ["بعت", "بعث", "رسل", "دز", "طرش", "صيفط", "ارسل"],
    "اضف": ["ضيف", "زيد", "حط", "ضاف"],
    "احفظ": ["حفظ", "خزن"],
    "سجل": ["سجل", "دون", "قيد"],
    "ابحث": ["دور", "شوف", "بحث"],
    "انشئ": ["عمل", "سوي", "نشئ"],
    "حدث": ["حدث", "عدل", "غير"],
    "لخص": ["لخص"],
    "ذكر": ["فكر", "ذكر"],
    "نبه": ["نبه"],
    "اكتب": ["كتب"],
    "رد": ["رد", "جاوب"],
}
_AR_ORDER_FORMS = [
    "ا{s}",
    "{s}",
    "ا{s}لي",
    "ا{s}لو",
    "ا{s}له",
    "ا{s}ها",
    "ا{s}هم",
    "ا{s}هولي",
    "ا{s}يلي",
    "ا{s}وا",
    "ي{s}",
    "ت{s}",
    "بي{s}",
    "بت{s}",
    "هي{s}",
    "حي{s}",
    "رح ي{s}",
    "راح ي{s}",
    "عم ي{s}",
    "كي{s}",
    "ن{s}",
    "ن{s}و",
    "يت{s}",
    "تت{s}",
    "ين{s}",
    "بيت{s}",
    "يت{s}لي",
    "خليه ي{s}",
    "خله ي{s}",
    "خليها ت{s}",
    "ابغاك ت{s}",
]
_AR_WHEN = [
    "لما",
    "لمن",
    "اول ما",
    "كل ما",
    "كلما",
    "عند",
    "عندما",
    "اذا",
    "لو",
    "وقت",
    "يوم",
    "ملي",
    "فاش",
    "كي",
    "بمجرد ما",
    "مع كل",
]
_AR_LEAD = [
    "",
    "",
    "",
    "ابي",
    "ابغي",
    "عايز",
    "بدي",
    "بغيت",
    "ممكن",
    "و",
    "ثم",
    "بعدين",
    "وبعدين",
    "ياريت",
    "نبي",
]
_EN_WHEN = [
    "when",
    "whenever",
    "every time",
    "each time",
    "once",
    "as soon as",
    "if",
    "after",
    "on",
]
_EN_LEAD = [
    "",
    "",
    "",
    "please",
    "i want to",
    "can you",
    "then",
    "and",
    "also",
    "and then",
    "i'd like to",
]
_EN_PAST = {
    "send": "sent",
    "post": "posted",
    "add": "added",
    "save": "saved",
    "create": "created",
    "write": "written",
    "make": "made",
    "find": "found",
    "get": "got",
    "put": "put",
    "log": "logged",
    "update": "updated",
    "notify": "notified",
    "text": "texted",
    "email": "emailed",
    "reply": "replied",
    "record": "recorded",
    "store": "stored",
    "append": "appended",
    "summarise": "summarised",
    "summarize": "summarized",
    "forward": "forwarded",
    "message": "messaged",
    "alert": "alerted",
    "remind": "reminded",
    "book": "booked",
    "schedule": "scheduled",
    "mark": "marked",
    "move": "moved",
    "call": "called",
    "fetch": "fetched",
    "list": "listed",
    "look": "looked",
    "search": "searched",
    "generate": "generated",
    "translate": "translated",
    "classify": "classified",
    "refund": "refunded",
    "charge": "charged",
    "tag": "tagged",
    "assign": "assigned",
}
# Arabic letters in Latin letters and digits, as Arabizi writes them.
_ARABIZI_LETTERS = {
    "ا": ["a", "a", "e"],
    "ب": ["b"],
    "ت": ["t"],
    "ث": ["th", "s", "t"],
    "ج": ["g", "j"],
    "ح": ["7", "h"],
    "خ": ["kh", "5", "7'"],
    "د": ["d"],
    "ذ": ["z", "th", "d"],
    "ر": ["r"],
    "ز": ["z"],
    "س": ["s"],
    "ش": ["sh", "ch"],
    "ص": ["s", "9"],
    "ض": ["d", "9'"],
    "ط": ["t", "6"],
    "ظ": ["z", "6'"],
    "ع": ["3"],
    "غ": ["gh", "8"],
    "ف": ["f"],
    "ق": ["2", "q", "g", "9"],
    "ك": ["k"],
    "ل": ["l"],
    "م": ["m"],
    "ن": ["n"],
    "ه": ["h", "a"],
    "و": ["w", "o", "ou", "u"],
    "ي": ["y", "i", "ee", "e"],
    "ء": ["2", ""],
}
_KEYBOARD_NEIGHBOURS = {
    **dict.fromkeys("qwertyuiop", "qwertyuiop"),
    **dict.fromkeys("asdfghjkl", "asdfghjkl"),
    **dict.fromkeys("zxcvbnm", "zxcvbnm"),
}

# Clauses that ask for no step: talk around the request, and services Flowin lacks.
_NONE_EN = [
    "thanks a lot",
    "hello there",
    "hi how are you",
    "i have a small shop in cairo",
    "my business sells clothes",
    "it is raining today",
    "that would be great",
    "good morning",
    "i don't know",
    "what can you do",
    "is this free",
    "how much does it cost",
    "my name is ahmed",
    "the weather is nice",
    "ok",
    "yes please",
    "no thanks",
    "this is for my bakery",
    "we open at nine",
    "i am not sure how this works",
    "tell me a joke",
    "who are you",
    "blah blah",
    "test test",
    "lorem ipsum dolor sit amet",
    "just like last time",
    "as usual",
    "you know what i mean",
    "the usual stuff",
    "make it nice",
    "do it fast",
    "make it work",
    "help",
    "something cool",
    "the best way",
    "for my team",
    "in my store",
    "with my phone",
]
_NONE_AR = [
    "شكرا جزيلا",
    "السلام عليكم",
    "ازيك عامل ايه",
    "عندي محل في القاهره",
    "انا ببيع هدوم",
    "الجو حلو النهارده",
    "مش عارف",
    "تقدر تعمل ايه",
    "بكام ده",
    "اسمي احمد",
    "تمام",
    "ماشي",
    "لا شكرا",
    "ده للمخبز بتاعي",
    "بنفتح الساعه تسعه",
    "مش فاهم ازاي ده بيشتغل",
    "قولي نكته",
    "انت مين",
    "كيفك شو الاخبار",
    "شلونك",
    "لاباس عليك",
    "واش كاين شي حاجه",
    "يعطيك العافيه",
    "الله يخليك",
    "زي المره اللي فاتت",
    "زي العاده",
    "خليها حلوه",
    "بسرعه",
    "ساعدني",
    "حاجه حلوه",
    "لفريقي",
    "في محلي",
    "من تليفوني",
    "والله ما ادري",
    "مرحبا",
    "صباح الخير",
    "كده كويس",
]
_NONE_ARABIZI = [
    "shokran",
    "ezayak",
    "3amel eh",
    "mesh 3aref",
    "ana 3andi ma7al",
    "kifak",
    "shlonak",
    "labas",
    "tamam",
    "mashi",
    "la shokran",
    "ya3tik el 3afia",
    "zay el 3ada",
    "bsor3a",
    "sa3edni",
    "wallah ma adri",
    "sabah el kheir",
    "keda kwayes",
]


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1 :]  # a letter missing
    if kind == 1:
        return word[:i] + word[i] + word[i:]  # doubled
    if kind == 2:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]  # two swapped
    neighbours = _KEYBOARD_NEIGHBOURS.get(word[i])
    if neighbours is None:
        return word[:i] + word[i + 1 :]
    return word[:i] + rng.choice(neighbours) + word[i + 1 :]


def _with_typos(text: str, rng: random.Random, chance: float) -> str:
    words = text.split()
    for index, word in enumerate(words):
        if rng.random() < chance:
            words[index] = _typo(word, rng)
    return " ".join(words)


def _arabizi(text: str, rng: random.Random) -> str:
    """Arabic letters as Arabizi writes them, short vowels put in where the script leaves them."""
    out = []
    for word in text.split():
        if not _ARABIC.search(word):
            out.append(word)
            continue
        if word.startswith("ال") and len(word) > 3:
            word = word[2:]
            latin = rng.choice(["el", "al", "il", "l"]) + rng.choice(["", "-", " "])
        else:
            latin = ""
        for index, letter in enumerate(word):
            latin += rng.choice(_ARABIZI_LETTERS.get(letter, [""]))
            consonant = letter not in "اوي"
            following = word[index + 1] if index + 1 < len(word) else ""
            if consonant and following and following not in "اوي" and rng.random() < 0.55:
                latin += rng.choice("aaeeio")
        out.append(latin)
    return " ".join(out)


def _glue(text: str, rng: random.Random) -> str:
    """Prepositions and the article written onto the word after them, as people type them."""
    if rng.random() < 0.5:
        text = re.sub(
            r"(?<!\S)(?:علي|على) ال(?=\S)", lambda _m: rng.choice(["عال", "ع ال", "عل"]), text
        )
        text = re.sub(r"(?<!\S)في ال(?=\S)", lambda _m: rng.choice(["فال", "فل", "ف ال"]), text)
        text = re.sub(r"(?<!\S)(?:الي|الى|ل) ال(?=\S)", "لل", text)
        text = re.sub(r"(?<!\S)(?:علي|على) (?=\S)", lambda _m: rng.choice(["ع ", "ع", "عل "]), text)
        text = re.sub(r"(?<!\S)(?:في) (?=\S)", lambda _m: rng.choice(["ف ", "ف", "في "]), text)
        text = re.sub(r"(?<!\S)(?:عبر|ب) (?=\S)", lambda _m: rng.choice(["ب", "بال", "ع "]), text)
    return text


class Row(NamedTuple):
    text: str
    label: str
    phrase: str  # the manifest phrase (normalized) it was written from


class CorpusWriter:
    """Paraphrases of every node type's phrases, and clauses that ask for none."""

    def __init__(self, registry: Registry, seed: int) -> None:
        self.registry = registry
        self.rng = random.Random(seed)
        self._names = self._service_names()

    def _service_names(self) -> dict[str, list[str]]:
        """Each connector's names in both scripts ("whatsapp", "wats", "واتس", "الواتساب")."""
        names: dict[str, set[str]] = defaultdict(set)
        for node_type in sorted(self.registry.node_types, key=lambda n: n.type):
            connector = node_type.connector
            if connector.id in ("core", "schedule", "http", "webhook"):
                continue
            english = normalize(connector.name).split("(")[0].strip()
            names[connector.id].add(english)
            names[connector.id].add(connector.id.replace("_", " "))
        known = {name: cid for cid, said in names.items() for name in said}
        for said in sorted(SYNONYMS):
            meant = SYNONYMS[said]
            for cid in list(names):
                if meant in names[cid] or canonical(meant) in names[cid]:
                    names[cid].add(said)
        for said in sorted(ARABIZI):
            if ARABIZI[said] in known:
                names[known[ARABIZI[said]]].add(said)
        return {cid: sorted(said) for cid, said in names.items()}

    def corpus(self, phrases: Callable[[str], bool] = lambda _phrase: True) -> list[Row]:
        """Every phrase ``phrases`` keeps, as written and in its variants; then "none"."""
        rows: list[Row] = []
        for node_type in sorted(self.registry.node_types, key=lambda n: n.type):
            manifest = node_type.manifest
            for phrase in [*manifest.phrases.en, *manifest.phrases.ar, manifest.name]:
                said = normalize(phrase)
                if not phrases(said):
                    continue
                seen = {said}
                rows.append(Row(said, node_type.type, said))
                for _ in range(VARIANTS_PER_PHRASE * 3):
                    if len(seen) > VARIANTS_PER_PHRASE:
                        break
                    variant = self._variant(said, node_type.is_trigger, node_type.connector.id)
                    if variant and variant not in seen:
                        seen.add(variant)
                        rows.append(Row(variant, node_type.type, said))
        rows.extend(Row(text, NONE_LABEL, text) for text in self._none() if phrases(text))
        return rows

    def _variant(self, said: str, trigger: bool, connector: str) -> str:
        rng = self.rng
        arabic = bool(_ARABIC.search(said))
        words = said.split()
        words = self._swap_words(words, arabic)
        if not trigger and words:
            words = self._inflect(words, arabic)
        text = " ".join(words)
        text = self._rename(text, connector)
        if arabic:
            text = _glue(text, rng)
        if len(text.split()) > 2 and rng.random() < 0.2:
            kept = text.split()
            kept.pop(rng.randrange(len(kept)))  # a word left out, as clauses leave words out
            text = " ".join(kept)
        if trigger and rng.random() < 0.5:
            text = f"{rng.choice(_AR_WHEN if arabic else _EN_WHEN)} {text}"
        elif not trigger and rng.random() < 0.35:
            text = f"{rng.choice(_AR_LEAD if arabic else _EN_LEAD)} {text}"
        if arabic and rng.random() < 0.15:
            text = _arabizi(text, rng)
        elif not arabic and rng.random() < 0.2:
            text = " ".join(
                rng.choice(_ARABIZI_SAID[w]) if w in _ARABIZI_SAID and rng.random() < 0.6 else w
                for w in text.split()
            )
        if rng.random() < 0.3:
            text = _with_typos(text, rng, 0.25)
        return normalize(" ".join(text.split()))

    def _swap_words(self, words: list[str], arabic: bool) -> list[str]:
        said_for = _AR_SAID if arabic else _EN_SAID
        out = []
        for word in words:
            choices = said_for.get(word) or said_for.get(canonical(word))
            if choices and self.rng.random() < 0.5:
                word = self.rng.choice(choices)
            out.append(word)
        return out

    def _inflect(self, words: list[str], arabic: bool) -> list[str]:
        rng = self.rng
        first = words[0]
        if arabic:
            meant = canonical(first)
            stems = _AR_ORDER_STEMS.get(meant) or _AR_ORDER_STEMS.get(first)
            if stems and rng.random() < 0.7:
                form = rng.choice(_AR_ORDER_FORMS).format(s=rng.choice(stems))
                return [*form.split(), *words[1:]]
            return words
        past = _EN_PAST.get(first)
        if past is None or rng.random() < 0.5:
            return words
        rest = words[1:]
        kind = rng.randrange(4)
        if kind == 0 and rest:  # the passive: "a whatsapp message should be sent"
            be = rng.choice(["is", "gets", "should be", "must be", "will be", "to be"])
            return [*rest, *be.split(), past]
        if kind == 1:  # the third person: "it sends a whatsapp message"
            subject = rng.choice(["it", "the flow", "the bot", "you"])
            verb = first + ("es" if first.endswith(("s", "h", "x")) else "s")
            return [subject, verb, *rest]
        if kind == 2:  # "have it sent"
            return [rng.choice(["have it", "get it", "have them"]), past, *rest]
        return [first + ("ing" if not first.endswith("e") else "")[:3], *rest]

    def _rename(self, text: str, connector: str) -> str:
        """One name of the service swapped for another of its names, in either script."""
        names = self._names.get(connector)
        if not names or self.rng.random() < 0.4:
            return text
        for name in sorted(names, key=len, reverse=True):
            pattern = re.compile(rf"(?<!\S)(ال)?{re.escape(name)}(?!\S)")
            if pattern.search(text):
                other = self.rng.choice(names)
                return pattern.sub(other, text, count=1)
        return text

    def _none(self) -> list[str]:
        """Talk around a request, with slips; the names of services Flowin lacks (the rules say
        those first: here they only keep a lacking name from reading as a neighbour's); letters
        that make no word."""
        rng = self.rng
        said = [*_NONE_EN, *_NONE_AR, *_NONE_ARABIZI]
        texts = [normalize(t) for t in said]
        for text in said:
            texts.extend(normalize(_with_typos(text, rng, 0.3)) for _ in range(3))
        for lacking in LACKING:
            if lacking.has is None:  # Instagram's messages are Flowin's: not "none"
                texts.extend(normalize(spelling) for spelling in lacking.words)
        for _ in range(120):
            alphabet = (
                "abcdefghijklmnopqrstuvwxyz"
                if rng.random() < 0.7
                else "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
            )
            words = [
                "".join(rng.choice(alphabet) for _ in range(rng.randint(3, 8)))
                for _ in range(rng.randint(1, 4))
            ]
            texts.append(" ".join(words))
        return list(dict.fromkeys(texts))


def fingerprint(registry: Registry) -> str:
    """What the model was trained from that must not change under it: the node types and their
    phrases, and the generator's version. A new node type or phrase makes the shipped model
    stale (tests/builder/test_learned.py says so)."""
    described = sorted(
        (n.type, n.manifest.phrases.en, n.manifest.phrases.ar, n.manifest.name)
        for n in registry.node_types
    )
    text = json.dumps(
        [GENERATOR_VERSION, SEED, BUCKETS, NGRAM_SIZES, described], ensure_ascii=False
    )
    return hashlib.sha256(text.encode()).hexdigest()


# ---------------------------------------------------------------------------------------------
# Training


def _matrix(rows: list[Row], labels: list[str]):
    import numpy as np

    index = {label: i for i, label in enumerate(labels)}
    indptr, indices, values, targets = [0], [], [], []
    for row in rows:
        found = features(row.text, BUCKETS, NGRAM_SIZES)
        if not found:
            continue
        for bucket in sorted(found):
            indices.append(bucket)
            values.append(found[bucket])
        indptr.append(len(indices))
        targets.append(index[row.label])
    return (
        np.asarray(indptr, dtype=np.int64),
        np.asarray(indices, dtype=np.int64),
        np.asarray(values, dtype=np.float32),
        np.asarray(targets, dtype=np.int64),
    )


def train(rows: list[Row], labels: list[str], epochs: int = EPOCHS):
    """Softmax regression by Adam on mini-batches; (weights, bias) as float32 arrays. Sparse
    by hand (gathers, reduceat, add.at): no matrix product, so no BLAS threads whose sums
    could come out in another order from one run to the next."""
    import numpy as np

    indptr, indices, values, targets = _matrix(rows, labels)
    count, classes = len(targets), len(labels)
    rng = np.random.default_rng(SEED)
    weights = np.zeros((BUCKETS, classes), dtype=np.float32)
    bias = np.zeros(classes, dtype=np.float32)
    state = [
        np.zeros_like(weights),
        np.zeros_like(weights),
        np.zeros_like(bias),
        np.zeros_like(bias),
    ]
    rate, beta1, beta2, decay, batch = 0.01, 0.9, 0.999, 1e-6, 128
    step = 0
    for _epoch in range(epochs):
        order = rng.permutation(count)
        for start in range(0, count, batch):
            chosen = order[start : start + batch]
            lengths = indptr[chosen + 1] - indptr[chosen]
            rows_at = np.repeat(np.arange(len(chosen)), lengths)
            spans = np.concatenate([np.arange(indptr[i], indptr[i + 1]) for i in chosen])
            b_indices, b_values = indices[spans], values[spans]
            starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
            logits = np.add.reduceat(b_values[:, None] * weights[b_indices], starts, axis=0) + bias
            logits -= logits.max(axis=1, keepdims=True)
            errors = np.exp(logits)
            errors /= errors.sum(axis=1, keepdims=True)
            errors[np.arange(len(chosen)), targets[chosen]] -= 1.0
            errors /= len(chosen)
            grad_w = np.zeros_like(weights)
            np.add.at(grad_w, b_indices, b_values[:, None] * errors[rows_at])
            grad_w += decay * weights
            grad_b = errors.sum(axis=0)
            step += 1
            pairs = ((weights, grad_w, state[0], state[1]), (bias, grad_b, state[2], state[3]))
            for param, grad, mean, square in pairs:
                mean *= beta1
                mean += (1 - beta1) * grad
                square *= beta2
                square += (1 - beta2) * grad * grad
                param -= (
                    rate * (mean / (1 - beta1**step)) / (np.sqrt(square / (1 - beta2**step)) + 1e-8)
                )
    return weights, bias


def quantize(weights):
    """int8 weights and one scale per type (its largest weight maps to 127)."""
    import numpy as np

    scales = np.abs(weights).max(axis=0) / 127.0
    scales[scales == 0] = 1.0
    quantized = np.clip(np.rint(weights / scales), -127, 127).astype(np.int8)
    return quantized, scales


def calibrate(model: ClauseModel, rows: list[Row], triggers: set[str]) -> float:
    """The lowest confidence at which the model's answers on ``rows`` (paraphrases of phrases
    it was not trained on) are right at least TARGET_PRECISION of the time, asked as the
    builder asks it: among the types of the row's role (trigger or action)."""
    every = set(model.labels)
    answers = []
    for row in rows:
        allowed = triggers if row.label in triggers else every - triggers
        probabilities = model.probabilities(row.text)
        kept = {k: p for k, p in probabilities.items() if k in allowed or not proposable(k)}
        label, p = max(kept.items(), key=lambda item: item[1])
        if proposable(label):
            answers.append((p / sum(kept.values()), label == row.label))
    answers.sort(reverse=True)
    right, threshold = 0, 1.0
    for taken, (confidence, correct) in enumerate(answers, start=1):
        right += correct
        if right / taken >= TARGET_PRECISION:
            threshold = confidence
    return round(threshold, 3)


def _held_out(phrase: str) -> bool:
    """One phrase in six, the same ones each time: the calibration's unseen phrases."""
    return zlib.crc32(phrase.encode()) % 6 == 0


def model_bytes(registry: Registry, epochs: int = EPOCHS) -> bytes:
    """The model file the current manifests and lexicon give: a draft trained without one
    phrase in six sets the threshold on paraphrases of those; the model shipped learns them all."""
    rows = CorpusWriter(registry, SEED).corpus()
    labels = sorted({row.label for row in rows})
    triggers = {n.type for n in registry.node_types if n.is_trigger}
    header = {
        "labels": labels,
        "buckets": BUCKETS,
        "ngram_sizes": list(NGRAM_SIZES),
        "threshold": 1.0,
        "fingerprint": fingerprint(registry),
        "corpus": {"sentences": len(rows), "sha256": corpus_hash(rows)},
    }
    seen = [row for row in rows if not _held_out(row.phrase)]
    unseen = CorpusWriter(registry, CALIBRATION_SEED).corpus(_held_out)
    draft = _pack(header, *train(seen, labels, epochs))
    header["threshold"] = calibrate(ClauseModel.from_bytes(draft), unseen, triggers)
    return _pack(header, *train(rows, labels, epochs))


def corpus_hash(rows: list[Row]) -> str:
    return hashlib.sha256("\n".join(f"{r.text}\t{r.label}" for r in rows).encode()).hexdigest()


def _pack(header: dict, weights, bias) -> bytes:
    quantized, scales = quantize(weights)
    header = {
        **header,
        "bias": [round(float(b), 5) for b in bias],
        "scales": [float(s) for s in scales],
    }
    encoded = json.dumps(header, ensure_ascii=False, sort_keys=True).encode()
    return MAGIC + struct.pack("<I", len(encoded)) + encoded + zlib.compress(quantized.tobytes(), 9)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="write the corpus (text<TAB>label) and stop")
    parser.add_argument("--out", type=Path, default=SHIPPED_PATH, help="where to write the model")
    arguments = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s", force=True)
    registry = default_registry()
    if arguments.corpus:
        rows = CorpusWriter(registry, SEED).corpus()
        text = "".join(f"{row.text}\t{row.label}\n" for row in rows)
        arguments.corpus.write_text(text, encoding="utf-8")
        log.info("%d sentences written to %s", len(rows), arguments.corpus)
        return
    data = model_bytes(registry)
    arguments.out.write_bytes(data)
    model = ClauseModel.from_bytes(data)
    log.info("%d bytes written to %s (threshold %.3f)", len(data), arguments.out, model.threshold)


if __name__ == "__main__":
    main()
