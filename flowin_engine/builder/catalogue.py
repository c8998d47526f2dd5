"""What the builder can offer, read from the registry when it is asked: every node type with the
words of its phrases (both languages), its name and its connector's name.

Nothing here names a connector: a new manifest in connectors/ is matched as soon as it loads.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import Indel

from ..registry import NodeType, Registry
from .language import normalize, same_number, same_word, skeleton, tokens, variants
from .lexicon import ARABIC_MEANING_IN_ENGLISH, SERVICES_IN_LATIN

# A clause in both scripts ("لما card تتنقل لـ Done في تريلو") is covered by no phrase of one
# language: its Arabic words may also stand for their English meaning, so the English phrases
# ("card moved to a list in trello") cover the whole clause. One way only: an English noun read
# as Arabic would make the Arabic orders ("اعمل عميل جديد") outweigh the event said in English.
_ACROSS_SCRIPTS: dict[str, set[str]] = {
    arabic: {english}
    for arabic, english in ARABIC_MEANING_IN_ENGLISH.items()
    if not arabic.isascii()
}

# Types the builder places itself from what it extracted (a schedule, a wait, a condition), or
# uses when nothing else fits; they are ordinary node types all the same.
SCHEDULE_TYPE = "schedule.every"
WAIT_TYPE = "core.delay"
CONDITION_TYPE = "core.condition"
MANUAL_TYPE = "core.manual_trigger"
# How much a word said, by its weight, counts against an event whose phrases never say it while
# another event of the same service's do
_SAID_FOR_ANOTHER = 0.02
# Who does an event ("when a customer pays", "لما عميل يكتب"): the subject of any event, which
# tells none of them apart
_PEOPLE = frozenset(
    ["customer", "customers", "someone", "somebody", "user", "people", "عميل", "عملاء", "حد", "احد"]
)
# How many words after a noun like "جدول" another service's name still says whose it is
# ("جدول Leads في Airtable": the table's name and a preposition between)
_QUALIFIED_WITHIN = 3


@dataclass
class Entry:
    node_type: NodeType
    phrases: list[list[str]]  # each phrase as canonical content words
    keywords: set[str] = field(default_factory=set)  # words naming its connector
    brand: set[str] = field(default_factory=set)  # those of them from its name or id


@dataclass(frozen=True)
class Match:
    node_type: NodeType
    score: float
    phrase: str  # the manifest phrase (or name) that matched best
    named: bool  # the clause named the connector


class Catalogue:
    """The registry's node types, ready for matching words against."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.entries: list[Entry] = []
        self._phrase_text: dict[tuple[str, int], str] = {}
        for node_type in registry.node_types:
            manifest = node_type.manifest
            texts = [*manifest.phrases.en, *manifest.phrases.ar, manifest.name]
            phrases = []
            for _index, text in enumerate(texts):
                words = tokens(normalize(text))
                if words:
                    self._phrase_text[(node_type.type, len(phrases))] = text
                    phrases.append(words)
            self.entries.append(Entry(node_type, phrases))
        self._weights = self._word_weights()
        self._name_connectors()
        # Every phrase word, reachable from each of its spellings, so that a clause's words are
        # compared with the vocabulary once per request, not once per phrase.
        self._vocabulary = sorted({w for e in self.entries for p in e.phrases for w in p})
        self._by_variant: dict[str, set[str]] = defaultdict(set)
        for word in self._vocabulary:
            for variant in variants(word):
                self._by_variant[variant].add(word)
        # The words orders start with ("save", "find", "ابعت"): said first, they tell apart two
        # operations of one service that share their nouns ("save the data" vs "get data").
        self._order_verbs = {
            p[0] for e in self.entries if not e.node_type.is_trigger for p in e.phrases if p
        }
        # each event's words (of all its phrases), and each service's events as those words
        self._event_words: dict[str, frozenset[str]] = {}
        self._events_of: dict[str, list[frozenset[str]]] = defaultdict(list)
        for entry in self.entries:
            if entry.node_type.is_trigger:
                said = frozenset(w for phrase in entry.phrases for w in phrase)
                self._event_words[entry.node_type.type] = said
                self._events_of[entry.node_type.connector.id].append(said)
        self._long_words = [w for w in self._vocabulary if len(w) >= 5]
        self._long_skeletons = [skeleton(w) for w in self._long_words]
        self._close_cache: dict[str, dict[str, float]] = {}
        self._best_cache: dict[
            tuple[tuple[str, ...], bool, frozenset[str], str | None, frozenset[str]],
            Match | None,
        ] = {}

    def _word_weights(self) -> dict[str, float]:
        """Rarer words tell types apart: 'whatsapp' weighs more than 'send'."""
        types_with: Counter[str] = Counter()
        for entry in self.entries:
            for word in {w for phrase in entry.phrases for w in phrase}:
                types_with[word] += 1
        total = max(len(self.entries), 1)
        return {w: 1.0 + math.log(total / n) for w, n in types_with.items()}

    def weight(self, word: str) -> float:
        return self._weights.get(word, 1.0 + math.log(max(len(self.entries), 1)))

    def _name_connectors(self) -> None:
        """A connector's words: those of its name, and those only its phrases use, in most of
        them (واتساب, سلاك, sms). A clause with one of them is about that connector."""
        by_connector: dict[str, list[Entry]] = defaultdict(list)
        for entry in self.entries:
            by_connector[entry.node_type.connector.id].append(entry)
        phrase_words: dict[str, Counter[str]] = {}
        operation_words: dict[str, Counter[str]] = {}
        for connector, entries in by_connector.items():
            counts: Counter[str] = Counter()
            operations: Counter[str] = Counter()
            for entry in entries:
                for phrase in entry.phrases:
                    counts.update(set(phrase))
                operations.update({w for phrase in entry.phrases for w in phrase})
            phrase_words[connector] = counts
            operation_words[connector] = operations
        for connector, entries in by_connector.items():
            name = entries[0].node_type.connector.name
            keywords = {
                w
                for w in tokens(normalize(name))
                if len(w) > 2 and w not in ("request", "core", "trigger")
            }
            keywords.add(connector.replace("_", ""))
            brand = set(keywords)
            operations = len(entries)
            for word, count in phrase_words[connector].items():
                elsewhere = any(
                    word in phrase_words[other] for other in phrase_words if other != connector
                )
                in_most = operation_words[connector][word] >= max(2, math.ceil(0.6 * operations))
                if operations == 1:
                    in_most = count >= 3
                if not elsewhere and in_most and len(word) > 2:
                    keywords.add(word)
            for entry in entries:
                entry.keywords = keywords
                entry.brand = brand
        self._connector_words = {
            connector: (entries[0].keywords, entries[0].brand)
            for connector, entries in by_connector.items()
        }
        self._connector_vocabulary = {
            connector: frozenset(operation_words[connector]) for connector in by_connector
        }

    def connectors_named(self, words: list[str]) -> dict[str, float]:
        """The connectors the words name, each with how telling its word is: 'gmail' names
        Gmail more surely than 'email' names the SMTP connector. A noun only one connector's
        phrases use ("جدول", a Google Sheet's table) names it unless another service's own name
        follows it closely, one whose own phrases use that noun too: "جدول Excel", "جدول Leads
        في Airtable" are that service's tables ("an SMS with the Stripe payments" is still an
        SMS)."""
        hits: dict[str, list[tuple[int, str]]] = {}
        for connector, (keywords, _brand) in self._connector_words.items():
            found = [(i, k) for k in keywords for i, w in enumerate(words) if same_word(k, w)]
            if found:
                hits[connector] = found
        brand_at = {
            connector: {i for i, k in found if k in self._connector_words[connector][1]}
            for connector, found in hits.items()
        }
        named: dict[str, float] = {}
        top = max(self._weights.values(), default=1.0)
        for connector, found in hits.items():
            if not brand_at[connector]:
                found = [
                    (i, k)
                    for i, k in found
                    if not any(
                        i < j <= i + _QUALIFIED_WITHIN and self._uses_noun(other, k)
                        for other, at in brand_at.items()
                        if other != connector
                        for j in at
                    )
                ]
            if found:
                named[connector] = max(self.weight(k) for _i, k in found) / top
        return named

    def _uses_noun(self, connector: str, noun: str) -> bool:
        return any(same_word(noun, word) for word in self._connector_vocabulary[connector])

    def best_of(self, words: list[str], node_type: str) -> Match | None:
        """How well ``words`` read as ``node_type`` (whatever its score)."""
        for entry in self.entries:
            if entry.node_type.type == node_type:
                score, phrase = self._phrase_score(entry, words)
                return Match(entry.node_type, max(score, 0.5), phrase, False)
        return None

    def best(
        self,
        words: list[str],
        triggers: bool,
        hints: set[str] = frozenset(),
        only: str | None = None,
        exclude: frozenset[str] = frozenset(),
    ) -> Match | None:
        """The node type whose phrases best cover ``words``; ``hints`` are param names the
        clause has values for (a phone number fills 'to', a #channel fills 'channel');
        ``exclude`` names types the clause can't mean."""
        if not words:
            return None
        key = (tuple(words), triggers, frozenset(hints), only, exclude)
        if key not in self._best_cache:
            if len(self._best_cache) > 20_000:
                self._best_cache.clear()
            self._best_cache[key] = self._best(words, triggers, hints, only, exclude)
        return self._best_cache[key]

    def _best(
        self,
        words: list[str],
        triggers: bool,
        hints: set[str],
        only: str | None,
        exclude: frozenset[str] = frozenset(),
    ) -> Match | None:
        named = self.connectors_named(words)
        candidates = [
            e
            for e in self.entries
            if e.node_type.is_trigger == triggers and e.node_type.type not in exclude
        ]
        if only is not None:
            candidates = [e for e in candidates if e.node_type.connector.id == only]
        if any(e.node_type.connector.id in named for e in candidates):
            candidates = [e for e in candidates if e.node_type.connector.id in named]
        ranked: list[Match] = []
        close = self._closeness_map(words)
        if _both_scripts(words):
            close = self._across_scripts(words, close)
        lead = words[0] if not triggers else None
        lead_verbs = set(close.get(lead, {})) & self._order_verbs if lead else set()
        for entry in candidates:
            node_type = entry.node_type
            is_named = node_type.connector.id in named
            score, phrase = self._phrase_score(entry, words, close)
            if is_named:
                score += 0.25 + 0.1 * named[node_type.connector.id]
                if triggers:
                    score -= self._said_for_another(entry, words, close)
            if lead_verbs and any(p and p[0] in lead_verbs for p in entry.phrases):
                score += 0.08
            fields = set(node_type.input_model.model_fields)
            if hints & fields:
                score += 0.1 * len(hints & fields)
            ranked.append(Match(node_type, score, phrase, is_named))
        if not ranked:
            return None
        ranked.sort(key=lambda m: m.score, reverse=True)
        return ranked[0]

    def _said_for_another(
        self, entry: Entry, words: list[str], close: dict[str, dict[str, float]]
    ) -> float:
        """How much of the clause tells another event of the same service and never this one:
        "when a client pays an invoice" says the invoice, which only "invoice paid" says of
        Stripe's events; "عند تسجيل طلب جديد" the order, which "new customer" never says. Each
        such word, by its weight, counts against this event, as the words actually said."""
        mine = self._event_words[entry.node_type.type]
        siblings = self._events_of.get(entry.node_type.connector.id, [])
        against = 0.0
        for word in set(words):
            forms = close.get(word)
            if not forms or any(form in mine or form in _PEOPLE for form in forms):
                continue
            if any(forms.keys() & other for other in siblings if other is not mine):
                against += _SAID_FOR_ANOTHER * self.weight(word)
        return against

    def _across_scripts(
        self, words: list[str], close: dict[str, dict[str, float]]
    ) -> dict[str, dict[str, float]]:
        """``close`` with each word also a form of its meaning in the other script, a little
        less close than a spelling of its own."""
        widened = dict(close)
        for word in set(words):
            meanings = _ACROSS_SCRIPTS.get(word)
            if not meanings:
                continue
            mine = dict(close.get(word, {}))
            for forms in self._closeness_map(sorted(meanings)).values():
                for form, closeness in forms.items():
                    if closeness >= 0.9:  # "طلبات" is "orders", never one "order"
                        mine[form] = max(mine.get(form, 0.0), 0.7 * closeness)
            widened[word] = mine
        return widened

    def _closeness_map(self, words: list[str]) -> dict[str, dict[str, float]]:
        """For each clause word, the phrase words it is a form of, with how close (1 the same
        word, 0.9 another spelling, 0.7 its other number); what ``_closeness`` says, computed
        once per word against the whole vocabulary."""
        found: dict[str, dict[str, float]] = {}
        for word in set(words):
            known = self._close_cache.get(word)
            if known is not None:
                found[word] = known
                continue
            candidates: set[str] = set()
            for variant in variants(word):
                candidates |= self._by_variant.get(variant, set())
            if len(word) >= 5:
                for _text, _score, index in process.extract_iter(
                    skeleton(word),
                    self._long_skeletons,
                    scorer=Indel.normalized_similarity,
                    score_cutoff=0.86,
                ):
                    candidates.add(self._long_words[index])
            close = {}
            for other in candidates:
                if other == word:
                    close[other] = 1.0
                elif same_word(word, other):
                    close[other] = 0.9 if same_number(word, other) else 0.7
            found[word] = close
            if len(self._close_cache) < 50_000:
                self._close_cache[word] = close
        return found

    def _phrase_score(
        self,
        entry: Entry,
        words: list[str],
        close: dict[str, dict[str, float]] | None = None,
    ) -> tuple[float, str]:
        close = close if close is not None else self._closeness_map(words)
        clause_weight = sum(self.weight(w) for w in words) or 1.0
        telling = [w for w in words if close.get(w)]
        best, best_phrase = 0.0, ""
        for index, phrase in enumerate(entry.phrases):
            phrase_weight = sum(self.weight(w) for w in phrase) or 1.0
            covered = sum(
                self.weight(w) * max((close[c].get(w, 0.0) for c in telling), default=0.0)
                for w in phrase
            )
            used = sum(
                self.weight(c) * max((close[c].get(w, 0.0) for w in phrase), default=0.0)
                for c in telling
            )
            score = 0.6 * covered / phrase_weight + 0.4 * min(used / clause_weight, 1.0)
            if score > best:
                best, best_phrase = score, self._phrase_text[(entry.node_type.type, index)]
        return best, best_phrase


_SERVICE_NAMES = frozenset(SERVICES_IN_LATIN.values())


# Kinds of file Arabic sentences write in Latin letters ("ابعتله المنيو PDF"): no English clause.
_FILE_KINDS = frozenset(["pdf", "csv", "png", "jpg", "jpeg", "mp4", "mp3"])


def _both_scripts(words: list[str]) -> bool:
    """Whether a clause's words are in both scripts, its services' names and kinds of file
    apart."""
    latin = arabic = False
    for word in words:
        if word.isascii():
            latin = latin or (
                word.isalpha() and word not in _SERVICE_NAMES and word not in _FILE_KINDS
            )
        else:
            arabic = True
    return latin and arabic
