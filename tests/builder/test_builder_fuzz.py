"""The offline builder on a thousand generated inputs: fragments of real requests in both
languages and their dialects, glued, misspelt, mixed with digits, symbols, quotes, invisible
marks and any Unicode at all. Whatever comes in, the answer is a flow that validates (or names
what is missing), a question or a refusal — never an exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flowin_engine.builder.offline import OfflineBuilder
from flowin_engine.registry import default_registry
from flowin_engine.validation import validate_flow

from .scoring import score_case

FRAGMENTS = [
    "when",
    "if",
    "otherwise",
    "every",
    "Monday",
    "at 9:30pm",
    "first day of the month",
    "send",
    "email",
    "WhatsApp",
    "whatsap",
    "Slack",
    "#sales",
    "sheet Orders",
    "Notion",
    "Shopify order",
    "Stripe payment fails",
    "Instagram",
    "Discord",
    "ChatGPT",
    "over",
    "1,000 SAR",
    "$250",
    "is",
    "not",
    "contains",
    '"Thanks!"',
    "«شكرا»",
    "+966501234567",
    "hr@example.com",
    "https://example.com/x",
    "wait 5 minutes",
    "only if it is big",
    "لما",
    "لو",
    "وإلا",
    "كل",
    "تلات",
    "الساعة ٩ ونص",
    "ابعتلو",
    "عالسلاك",
    "بالواتس",
    "الشيت",
    "يتسجل",
    "يوصلني",
    "اوردر",
    "صيفط",
    "ملي",
    "دز",
    "اكتر من ٥٠٠ ريال",
    "اول يوم في الشهر",
    "lama",
    "ab3atli",
    "3al wats",
    "kol yom",
    "spam",
    "scrape emails",
    "ثم",
    "and then",
    ",",
    ".",
    "?",
    "->",
    "؛",
    "\u200f",
    "ـــ",
    "٠١٠٠١٢٣٤٥٦٧",
    "@bot_name",
]

requests = st.one_of(
    st.lists(st.sampled_from(FRAGMENTS), max_size=14).map(" ".join),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=10).map(
        " ".join
    ),
    st.text(max_size=200),
)

_BUILDER = OfflineBuilder(default_registry())


@settings(
    max_examples=1000,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(requests)
def test_any_input_gets_a_flow_a_question_or_a_refusal_never_an_exception(sentence):
    proposal = _BUILDER.build(sentence)
    assert (proposal.flow is not None) or proposal.question or proposal.refused
    if proposal.flow is not None:
        pending = {(m.node, m.field) for m in proposal.missing}
        for problem in validate_flow(proposal.flow, default_registry()):
            assert (problem.node, problem.field) in pending, str(problem)
        assert len(proposal.explanation) == len(proposal.flow.nodes)


def test_the_scoring_of_the_sets_handles_refusals_and_unsupported_services():
    refused = {"sentence": "spam 5000 numbers I bought", "language": "en", "refuse": True}
    assert score_case(refused, _BUILDER).flow_right
    lacking = {
        "sentence": "When someone comments on my Instagram post, post it to Slack #social",
        "language": "en",
        "trigger": "core.manual_trigger",
        "actions": ["slack.post_message"],
        "unsupported": ["Instagram"],
    }
    assert score_case(lacking, _BUILDER).flow_right
