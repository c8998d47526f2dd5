"""The builder's learned matcher (flowin_engine/builder/learned.py): it reads a clause the phrase
rules cannot, says nothing when it is not sure (the clause is listed as not understood), and the
model shipped is the one tools/builder_model.py makes from the manifests of today."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from flowin_engine.builder import learned
from flowin_engine.builder.learned import ClauseModel, shipped_model
from flowin_engine.builder.offline import OfflineBuilder
from flowin_engine.registry import default_registry

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import builder_model


@pytest.fixture(scope="module")
def registry():
    return default_registry()


@pytest.fixture(scope="module")
def builder(registry):
    return OfflineBuilder(registry)


@pytest.fixture
def without_model(monkeypatch):
    """The builder as it was before it had the model: the rules alone."""
    monkeypatch.setattr("flowin_engine.builder.offline.shipped_model", lambda: None)


def _types(proposal) -> list[str]:
    return [node.type for node in proposal.flow.nodes] if proposal.flow is not None else []


# Clauses whose words the phrase rules score below their threshold (a passive with no order
# word the phrases use), and the step they ask for.
READ_BY_THE_MODEL = [
    ("When a new Gmail email arrives, get it classified", "openai.generate_text"),
    ("When a new Gmail email arrives, have the message classified", "openai.generate_text"),
]


@pytest.mark.parametrize(("sentence", "step"), READ_BY_THE_MODEL)
def test_a_clause_the_rules_cannot_read_is_read_by_the_model(builder, sentence, step, request):
    proposal = builder.build(sentence)
    assert step in _types(proposal), (proposal.not_understood, _types(proposal))
    request.getfixturevalue("without_model")
    assert step not in _types(OfflineBuilder(default_registry()).build(sentence))


def test_a_clause_neither_reads_is_said_to_be_not_understood_never_guessed(builder):
    proposal = builder.build("When a new Shopify order comes in, blorf the zingle quickly")
    assert _types(proposal) == ["shopify.new_order"]
    assert proposal.not_understood == ["blorf the zingle quickly"]


def test_talk_around_the_request_is_no_step(builder):
    proposal = builder.build(
        "Hi, I have a small bakery. When I get a new Shopify order, tell me on Slack"
    )
    assert _types(proposal) == ["shopify.new_order", "slack.post_message"]


def test_the_model_answers_only_above_its_calibrated_confidence():
    model = shipped_model()
    assert model is not None
    assert 0.5 <= model.threshold < 1.0
    every = set(model.labels)
    assert model.guess("hello how are you", every) is None  # "none" is no step
    assert model.guess("zq xv kkw", every) is None


def test_the_shipped_model_was_trained_on_the_manifests_of_today(registry):
    """A new node type or a changed phrase makes the model stale: retrain it with
    `make builder-model` (tools/builder_model.py) and commit clause_model.bin."""
    model = shipped_model()
    assert model is not None
    assert model.fingerprint == builder_model.fingerprint(registry), (
        "the manifests changed since the clause model was trained: run `make builder-model`"
    )
    assert set(model.labels) == {t.type for t in registry.node_types} | {learned.NONE_LABEL}
    assert learned.SHIPPED_PATH.stat().st_size < 2_000_000


def test_the_corpus_is_the_same_each_time_and_says_every_node_type_many_ways(registry):
    first = builder_model.CorpusWriter(registry, builder_model.SEED).corpus()
    again = builder_model.CorpusWriter(registry, builder_model.SEED).corpus()
    assert builder_model.corpus_hash(first) == builder_model.corpus_hash(again)
    per_type: dict[str, int] = {}
    for row in first:
        per_type[row.label] = per_type.get(row.label, 0) + 1
    assert set(per_type) == {t.type for t in registry.node_types} | {learned.NONE_LABEL}
    assert min(per_type.values()) >= 50
    texts = {row.text for row in first}
    # dialect verbs with their pronouns, glued prepositions, Arabizi: the variants it learns from
    assert any("ابعتلو" in text or "ابعتلي" in text for text in texts)
    assert any(text.startswith(("عال", "فال")) or " عال" in text for text in texts)
    assert any("3" in text or "7" in text for text in texts)


def test_training_twice_on_the_same_corpus_gives_the_same_model_file(registry):
    rows = builder_model.CorpusWriter(registry, builder_model.SEED).corpus()
    some = [row for row in rows if row.label.startswith(("slack.", "whatsapp."))][:400]
    labels = sorted({row.label for row in some})
    header = {"labels": labels, "buckets": builder_model.BUCKETS, "threshold": 0.5}
    header |= {"ngram_sizes": list(builder_model.NGRAM_SIZES), "fingerprint": ""}
    first = builder_model._pack(header, *builder_model.train(some, labels, epochs=1))
    second = builder_model._pack(header, *builder_model.train(some, labels, epochs=1))
    assert first == second
    trained = ClauseModel.from_bytes(first)
    assert max(trained.probabilities("post to slack").items(), key=lambda x: x[1])[0].startswith(
        "slack."
    )


def test_an_unreadable_model_file_leaves_the_rules_alone(tmp_path, monkeypatch, builder):
    broken = tmp_path / "clause_model.bin"
    broken.write_bytes(b"FLOWINCM1 not a model")
    monkeypatch.setattr(learned, "MODEL_PATH", broken)
    shipped_model.cache_clear()
    try:
        assert shipped_model() is None
        proposal = builder.build("When a new Shopify order comes in, blorf the zingle")
        assert _types(proposal) == ["shopify.new_order"]
        assert proposal.not_understood == ["blorf the zingle"]
    finally:
        shipped_model.cache_clear()


@pytest.mark.parametrize(
    ("language", "said"), [("en", "without being sure of them"), ("ar", "دون يقين")]
)
def test_a_step_the_model_read_says_so_in_its_explanation(builder, language, said):
    proposal = builder.build("When a new Gmail email arrives, get it classified", language)
    reasons = {line.type: line.why for line in proposal.explanation}
    assert said in reasons["openai.generate_text"]
    assert said not in reasons["gmail.new_email"]  # the rules read the event


def test_the_model_tells_apart_two_operations_of_the_service_the_rules_chose(builder):
    """ "الطلبات" (the orders) asks for the list; the rules took the one-order step by its
    shared words. Said as a reading, like every step the model chose."""
    proposal = builder.build("اجلب الطلبات الجديدة من Shopify وارسلها لي على سلاك")
    assert _types(proposal) == ["core.manual_trigger", "shopify.list_orders", "slack.post_message"]
    reasons = {line.type: line.why for line in proposal.explanation}
    assert "دون يقين" in reasons["shopify.list_orders"]


def test_the_model_never_swaps_the_service_the_rules_read(monkeypatch):
    """However sure a model is of another service's step, the service the rules read stays."""

    class SureOfGmail:
        threshold = 0.8

        def guess(self, text: str, allowed: set[str]) -> learned.Guess | None:
            return (
                learned.Guess("gmail.send_email", 0.99) if "gmail.send_email" in allowed else None
            )

    monkeypatch.setattr("flowin_engine.builder.offline.shipped_model", SureOfGmail)
    sentence = "When a Stripe payment succeeds, send the customer an email with the invoice pdf"
    proposal = OfflineBuilder(default_registry()).build(sentence)
    assert _types(proposal) == ["stripe.payment_succeeded", "email.send_email"]
