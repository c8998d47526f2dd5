"""The shape of a flow once its clauses are understood: the steps the words imply without naming
them, and the order the data asks for. A post-pass over the planned steps (trigger first).

Each rule is stated over node kinds and the catalogue's data, never over sentences:

- a record's change of status filtered by the status said ("changes to delivered") checks it
  first;
- a flow said to run from a button ("a button I can click", "زر اضغطه", "بايدي") starts by hand,
  whatever event its words also read as; the records of the event's service are listed instead;
- a trigger that carries no data (a schedule, a button) has nothing to feed a step that sends or
  writes data of a service: the service named is read first, with its listing operation (a
  "get one by id" becomes its listing, having no id to get; a listing of a service the sentence
  does not name gives way to the one it names), and reads go before the steps that use them;
- a step said for each of the records a listing read ("whatsapp them", "لكل منهم", "mark them
  processing": an update by ID) runs in a loop over them;
- an AI named ("with ChatGPT", "بالذكاء الاصطناعي"), or a summary of a message or an e-mail that
  came in, is a step of its own, before the step that sends what it wrote;
- an AI that answers a service's messages starts on that service's incoming message and sends
  its answer back there.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..registry import NodeType, Registry
from .assemble import PlannedStep
from .catalogue import CONDITION_TYPE, MANUAL_TYPE, SCHEDULE_TYPE, Catalogue
from .language import Language, normalize, tokens
from .lexicon import CANCELLED_FORMS

AI_TYPE = "openai.generate_text"
LOOP_TYPE = "core.loop"
# A step said to each record, not of the list as a whole: "whatsapp them", "email each of them",
# "for all clients", "ابعتلهم", "لكل منهم" ("email them to me" sends the list once).
# Words that take a whole list at once, in English and Arabic: a summary, a report, a count.
_AT_ONCE = re.compile(
    r"\b(?:summar\w*|digest|report|overview|count|total|analy[sz]\w*|recap)\b"
    r"|(?<!\S)(?:ملخص|لخص|خلاصه|تقرير|احصائيه|اجمالي|مجموع)"
)
_EACH = re.compile(
    r"\b(?:each of them|every one of them|everyone|for all|to all|to each|to every)\b"
    # "remind each tenant in the Tenants tab", "email every single client": one by one (each
    # time, day or month is when, not whom)
    r"|\b(?:each|every\s+single)\s+(?!(?:time|day|week|month|year|morning|evening|night"
    r"|hour|minute|weekday|weekend|new|one)s?\b)[a-z]{3,}"
    r"|\bthem\b(?!\s+(?:to|into|in|on|as|at|by|with)\b)"
    r"|(?<!\S)(?:لكل\s+(?:واحد\s+)?منهم|لكلهم|كلهم|كلهن|لهم|ليهم|ليهن|لهن)(?!\S)"
    # "لكل الزباين اللي بالشيت", "لجميع العملاء", "على كل العملاء": all the records listed
    r"|(?<!\S)(?:ل|علي\s+|الي\s+)(?:كل|جميع|كافه)\s+ال(?!\S*(?:يوم|اسبوع|شهر|وقت)(?!\S))\S{2,}"
    r"|\S(?:لهم|لهن|ليهم|ولهم)(?!\S)",
    re.IGNORECASE,
)
_LISTING = ("list_", "read_", "query_", "find_")
_SHEETS = "google_sheets"
# People said to be kept in a tab: "each customer in my VIP tab", "the members from the Gym tab"
# (a tab said after "to" or "into" is where a row is written; Arabic "تاب" is also Tap, the
# payments service, so only the English word is read here).
_KEPT_IN_TAB = re.compile(r"\b(?:in|from|of)\s+(?:my|the|our)?\s*(?:\S+\s+){0,2}?tabs?\b")
# How telling a service's word must be for the sentence to name it ("stripe", not "email").
NAMED_AT = 0.6
# A summary of what came in: only the AI step writes one.
_SUMMARY = re.compile(
    r"\b(?:summary|summari[sz]e|summari[sz]ed|summari[sz]ing|tl;?dr|resume)\b"
    r"|(?<!\S)(?:و|ف|ب)?(?:ملخص|لخص|يلخص|تلخص|تلخيص|نلخص)\S*",
    re.IGNORECASE,
)
# "get the order details", "جيب تفاصيلو كاملة", "اجلب بيانات العملية": a record's details asked for.
_GET = r"(?:\b(?:get|fetch|pull|retrieve|look up)\b|(?<!\S)(?:و)?(?:جيب|اجلب|هات|جلب|يجيب|نجيب))"
_DETAILS = re.compile(
    _GET + r"\s+(?:\S+\s+){0,2}?(?:details|info|(?:ال)?(?:تفاصيل|بيانات)\S*)", re.IGNORECASE
)
# A flow run by hand: "a button I can click", "run it manually", "زر اضغطه", "زرار اشغله بايدي".
# The words that make the button and the pronoun after the press ("make a button that when I
# press it", "اعملي زرار اشغله", Arabizi "a3ml button lama ados 3aleh") are part of the saying,
# so the builder can take the whole of it out of the step it is said with.
BY_HAND = re.compile(
    r"(?:\b(?:create|make|add|build|give me)\s+(?:me\s+)?)?(?:\ba\s+)?"
    r"\bbutton\s+(?:that\s+)?(?:when\s+|once\s+)?(?:i|we)\s+(?:can\s+)?(?:click|press|push|tap)"
    r"(?:\s+(?:on\s+)?(?:it|him|them)\b)?"
    # "run by hand: …", "run it manually": the verb is part of the saying, not a step
    r"|(?:\b(?:run|runs|started|start)\s+(?:it\s+|this\s+)?)?(?:\bmanually\b|\bby hand\b)"
    r"|(?<!\S)(?:(?:اعمل|اعملي|سوي|سويلي|دير|ديرلي|صاوب|صاوبلي)\s+)?(?:لي\s+)?"
    r"(?:زر|زرار|زرا)\S*\s+(?:\S+\s+)?(?:اضغط|اشغل|ادوس|ندوس|نضغط|نكبس|اكبس)\S*"
    r"(?:\s+(?:عليه|عليها)(?!\S))?"
    r"|(?<!\S)(?:يدوي|يدويا|بايدي|بيدي)(?!\S)",
    re.IGNORECASE,
)
_ALL = re.compile(r"\b(?:all|every|each)\b|(?<!\S)(?:كل|جميع|كافه)(?!\S)", re.IGNORECASE)
# Where data comes from, before the service's name: "from the Offers sheet", "من Excel" (a
# glued ب is "with" as often as "in": "حطها بنوشن" writes there).
_FROM_SAID = re.compile(r"\bfrom\b|(?<!\S)من(?!\S)", re.IGNORECASE)
_TO_WHERE = re.compile(r"\b(?:to|into|in|on)\b|(?<!\S)(?:الى|الي|إلى|لـ|ل|على|علي|في)(?!\S)")
_DIGIT = re.compile(r"\d")
# The status a record's change is waited for: "changes to delivered", "is completed", "بقت
# completed", "تغيرت لـ تم التوصيل", "الى قيد التجهيز". Latin words are the stores' own status
# names; Arabic ones are said after a "to" (ل، الى) and start as the stores' Arabic statuses do.
STATUS_EN = (
    r"pending|processing|completed?|cancell?ed|refunded|failed|shipped|delivered|paid|unpaid"
    r"|on-hold|ready|returned|indelivery"
)
_NEGATED = re.compile(
    r"\b(?:not|didn'?t|doesn'?t|never|isn'?t|wasn'?t|hasn'?t)\b|(?<!\S)(?:ما|مش|مو|لم|ماش)(?!\S)",
    re.IGNORECASE,
)
_CHANGE = re.compile(r"status|updated|changed")
_TO_STATUS = re.compile(
    r"(?:\b(?:to|is|as|l|li|ila|becomes?|became|gets?|got|marked|now)\s+|(?<!\S)(?:ل|لـ|ل ـ|الي|الى|إلى|"
    r"بقت|بقي|بقى|يبقي|يبقى|تبقي|تبقى|صار|صارت|يصير|تصير|اصبح|اصبحت|يكون|تكون)\s*"
    # the record between the verb and its status: "يصير الطلب completed", "تكون حالة الطلب في
    # سلة تم الشحن"
    r"(?:[\u0621-\u064a]+\s+){0,4}?"
    r"|(?<=\sل)|(?<=\sلـ))"
    rf"[\"'«]?(?P<value>(?:{STATUS_EN})\b"
    r"|(?:تم|جاري|قيد)\s+\S+|ملغي|ملغى|مكتمل|مدفوع|مسترجع)",
    re.IGNORECASE,
)
# "لما اوردر يتلغي في ووكومرس": the status waited for said as the verb of the change.
_CANCELLED_SAID = re.compile(r"(?<!\S)(?:و|ف)?(?:" + "|".join(CANCELLED_FORMS) + r")(?!\S)")
# What an answer is called: "answer my messages with ChatGPT", "خلي الذكاء الاصطناعي يرد".
_ANSWER = re.compile(
    r"\b(?:reply|replies|respond|responds|answer|answers)\b"
    r"|(?<!\S)(?:و|ف)?(?:ال|بال)?(?:رد|يرد|ترد|جاوب|يجاوب|تجاوب|اجب|يجيب|تجيب|يرود|ردو|جاوبو)(?!\S)",
    re.IGNORECASE,
)
_ANSWERS_ONLY = re.compile(r"reply|respond|answer")


def shape(
    steps: list[PlannedStep],
    sentence: str,
    catalogue: Catalogue,
    registry: Registry,
    reply_actions: Mapping[str, str],
    language: Language = "en",
) -> list[PlannedStep]:
    """``steps`` (the trigger, then the actions) with the steps the sentence implies added and
    put in the order their data asks for. ``reply_actions`` maps an incoming-message trigger to
    the action that answers on the same service."""
    if not steps:
        return steps
    trigger, actions = steps[0], list(steps[1:])
    words = tokens(normalize(sentence))
    named = {
        connector: score
        for connector, score in catalogue.connectors_named(words).items()
        if score >= NAMED_AT
    }
    branches = any(
        s.node_type.type == CONDITION_TYPE or s.otherwise_of is not None for s in actions
    )
    if not branches:
        _status_waited_for_is_checked(trigger, actions, sentence, registry, language)
        summarised = trigger.node_type.type in reply_actions and bool(
            _SUMMARY.search(normalize(sentence))
        )
        _ai_named_is_a_step(actions, named, registry, summarised)
        trigger = _answer_where_the_message_came_from(
            trigger, actions, named, sentence, registry, reply_actions
        )
        trigger = _by_hand(trigger, actions, named, sentence, words, catalogue, registry)
        trigger = _fetched_not_arrived(trigger, actions, sentence, words, catalogue, registry)
        if trigger.node_type.type in (SCHEDULE_TYPE, MANUAL_TYPE):
            scheduled = trigger.node_type.type == SCHEDULE_TYPE
            _read_what_is_sent(actions, named, words, scheduled, catalogue, registry)
        _each_record_in_a_loop(actions, registry)
        _details_of_what_came_in(trigger, actions, named, sentence, registry)
    return [trigger, *actions]


def _is_listing(node_type: NodeType) -> bool:
    return not node_type.is_trigger and node_type.type.split(".")[1].startswith(_LISTING)


def _gets_one_by_id(node_type: NodeType) -> bool:
    """ "get order 123": an operation whose required fields name one record by its ID."""
    if node_type.is_trigger or not node_type.type.split(".")[1].startswith("get_"):
        return False
    return any(name.endswith("_id") for name in node_type.required_fields())


def _listings(connector: str, registry: Registry) -> list[NodeType]:
    return [t for t in registry.node_types if t.connector.id == connector and _is_listing(t)]


def _reads(node_type: NodeType) -> bool:
    return _is_listing(node_type) or _gets_one_by_id(node_type)


def _best_listing(
    connector: str, words: list[str], catalogue: Catalogue, registry: Registry
) -> NodeType | None:
    """The listing operation of ``connector`` the words read best as; its only one when the
    words say nothing of any."""
    listings = _listings(connector, registry)
    if len(listings) <= 1:
        return listings[0] if listings else None
    found = catalogue.best(words, False, set(), only=connector)
    if found is not None and found.node_type in listings:
        return found.node_type
    lists = [t for t in listings if t.type.split(".")[1].startswith("list_")]
    return lists[0] if len(lists) == 1 else None


def _read_what_is_sent(
    actions: list[PlannedStep],
    named: dict[str, float],
    words: list[str],
    scheduled: bool,
    catalogue: Catalogue,
    registry: Registry,
) -> None:
    """On a schedule or a button nothing arrives with the flow: the data a step sends or writes
    is read first from the service the sentence names."""
    for index, step in enumerate(actions):
        if not scheduled or not _gets_one_by_id(step.node_type):
            continue  # a button may be pressed for one record ("get the order in Shopify")
        if _DIGIT.search(normalize(step.said)):
            continue  # "get order 1042": the ID is said
        listing = _best_listing(step.node_type.connector.id, words, catalogue, registry)
        if listing is not None:  # no event to carry the ID: the records are listed instead
            actions[index] = PlannedStep(listing, step.said, step.entities, dict(step.params))
    used = {step.node_type.connector.id for step in actions}
    # the data a step sends is named in its own words ("post it to Slack" after an event
    # Flowin lacks reads nothing)
    said_by_steps = set()
    for step in actions:
        said_by_steps |= set(catalogue.connectors_named(tokens(normalize(step.said))))
    sources = [
        connector
        for connector in named
        if connector not in used
        and connector in said_by_steps
        and _best_listing(connector, words, catalogue, registry)
    ]
    for index, step in enumerate(actions):
        connector = step.node_type.connector.id
        if _is_listing(step.node_type) and connector not in named and len(sources) == 1:
            # "this week's Zid orders" read as another store's list: the one named is read
            listing = _best_listing(sources[0], words, catalogue, registry)
            assert listing is not None
            actions[index] = PlannedStep(listing, step.said, step.entities)
            sources = []
    for index, step in enumerate(actions):
        # "with this week's offer from the Offers sheet", "بمبيعات Shopify": a service said as
        # where the data comes from is read, never written
        connector = step.node_type.connector.id
        source = _FROM_SAID.search(normalize(step.said))
        if _reads(step.node_type) or connector == "core" or source is None:
            continue
        after = tokens(_TO_WHERE.split(normalize(step.said)[source.end() :])[0])[:4]
        if connector not in catalogue.connectors_named(after):
            continue
        listing = _best_listing(connector, words, catalogue, registry)
        if listing is not None and len(actions) > 1:
            actions[index] = PlannedStep(listing, step.said, step.entities)
    users = [s for s in actions if not _reads(s.node_type) and s.node_type.connector.id != "core"]
    if not users:
        return
    if not any(_reads(s.node_type) for s in actions) and len(sources) == 1:
        listing = _best_listing(sources[0], words, catalogue, registry)
        assert listing is not None
        # the sheet or table it names is where the data is read ("from the Clients sheet")
        places = [e for e in users[0].entities if e.kind in ("sheet", "table", "workbook")]
        actions.insert(0, PlannedStep(listing, users[0].said, places))
    elif not any(_reads(s.node_type) for s in actions):
        _read_the_tab_they_are_in(actions, users[0], words, catalogue, registry)
    # reads said after the step that sends them ("telegram me … my calendar's events") first
    first_user = actions.index(users[0])
    late_reads = [s for s in actions[first_user:] if _reads(s.node_type)]
    for step in late_reads:
        actions.remove(step)
        actions.insert(first_user, step)
        first_user += 1


def _read_the_tab_they_are_in(
    actions: list[PlannedStep],
    user: PlannedStep,
    words: list[str],
    catalogue: Catalogue,
    registry: Registry,
) -> None:
    """ "send each customer in my VIP tab a WhatsApp", "text the members from the Gym tab": a
    tab named inside the words of a step of another service ("tab" alone does not name Google
    Sheets) is where the people it sends to are kept, so their rows are read first."""
    if user.node_type.connector.id == _SHEETS:
        return
    places = [e for e in user.entities if e.kind == "sheet"]
    if not places or not _KEPT_IN_TAB.search(normalize(user.said)):
        return
    listing = _best_listing(_SHEETS, words, catalogue, registry)
    if listing is not None:
        actions.insert(actions.index(user), PlannedStep(listing, user.said, places))


# The records a step fetches, said in the plural or with "all": "get all orders", "اجلب جميع
# طلبات", "هات كل اوردرات" (a quantifier, or an Arabic broken or sound plural after one).
_FETCHED_ALL = re.compile(
    _GET + r"\s+(?:me\s+|لي\s+)?(?:all|every|(?:ال)?كل|(?:ال)?جميع|كافه)(?:\s|$)", re.IGNORECASE
)


def _fetched_not_arrived(
    trigger: PlannedStep,
    actions: list[PlannedStep],
    sentence: str,
    words: list[str],
    catalogue: Catalogue,
    registry: Registry,
) -> PlannedStep:
    """ "get all orders from Shopify and email them to me", "اجلب جميع طلبات سلة وأرسلها":
    records a step fetches, all of them, are listed; "all orders" read as the event (each new
    order) is the object of the fetch, and nothing said starts the flow but a button. A
    get-one of those records becomes its service's listing."""
    event = trigger.node_type
    arrived = event.type not in (SCHEDULE_TYPE, MANUAL_TYPE)
    fetching = [i for i, s in enumerate(actions) if _FETCHED_ALL.search(normalize(s.said))]
    if not fetching and arrived and trigger.said:
        # the fetch's words all taken for the event ("get all orders from zid"): no step left
        fetched = re.search(
            _GET + r"\s+(?:me\s+|لي\s+)?" + re.escape(normalize(trigger.said)), normalize(sentence)
        )
        listing = _best_listing(event.connector.id, words, catalogue, registry)
        if fetched is None or listing is None or not _FETCHED_ALL.search(fetched.group(0)):
            return trigger
        actions.insert(0, PlannedStep(listing, fetched.group(0), trigger.entities))
        return PlannedStep(registry.get(MANUAL_TYPE), "")
    if not fetching:
        return trigger
    index = fetching[0]
    step = actions[index]
    said = normalize(step.said)
    if arrived and not (trigger.said and normalize(trigger.said) in said):
        return trigger  # an event said of its own ("when an order comes, get all …")
    if _reads(step.node_type) and not _gets_one_by_id(step.node_type) and not arrived:
        return trigger  # already a listing
    named_in_step = [
        connector
        for connector, score in catalogue.connectors_named(tokens(said)).items()
        if score >= NAMED_AT and _listings(connector, registry)
    ]
    if len(named_in_step) == 1:
        connector = named_in_step[0]
    elif _reads(step.node_type):
        connector = step.node_type.connector.id
    elif arrived:
        connector = event.connector.id
    else:
        return trigger
    listing = _best_listing(connector, tokens(said), catalogue, registry)
    if listing is None or any(s.node_type == listing for s in actions):
        return trigger
    if not _reads(step.node_type) and step.node_type.connector.id != connector:
        return trigger  # "get all of today's orders by email": the e-mail is a step of its own
    actions[index] = PlannedStep(listing, step.said, step.entities)
    if not arrived:
        return trigger
    return PlannedStep(registry.get(MANUAL_TYPE), "")


def _ai_named_is_a_step(
    actions: list[PlannedStep], named: dict[str, float], registry: Registry, summarised: bool
) -> None:
    """ "a summary with AI on WhatsApp": the AI writes, then the step said sends it. A message
    or an e-mail that came in is summarised by the AI too, named or not ("ابعتلي ملخصه")."""
    if AI_TYPE not in registry or ("openai" not in named and not summarised):
        return
    ai = registry.get(AI_TYPE)
    if any(step.node_type.connector.id == ai.connector.id for step in actions):
        return
    senders = [
        index
        for index, step in enumerate(actions)
        if step.node_type.connector.id != "core" and not _reads(step.node_type)
    ]
    if not senders:
        return
    sender = actions[senders[0]]
    actions.insert(senders[0], PlannedStep(ai, sender.said))


def _answer_where_the_message_came_from(
    trigger: PlannedStep,
    actions: list[PlannedStep],
    named: dict[str, float],
    sentence: str,
    registry: Registry,
    reply_actions: Mapping[str, str],
) -> PlannedStep:
    """ "let ChatGPT answer my Instagram messages": no button to press; the service's incoming
    message starts the flow, the AI writes the answer, the service's reply sends it."""
    text = normalize(sentence)
    if trigger.node_type.type != MANUAL_TYPE or not _ANSWER.search(text) or BY_HAND.search(text):
        return trigger
    if not any(step.node_type.type == AI_TYPE for step in actions):
        return _answered_without_ai(trigger, actions, registry, reply_actions)
    services = {step.node_type.connector.id for step in actions} | set(named)
    incoming = [
        (event, answer)
        for event, answer in reply_actions.items()
        if event in registry
        and answer in registry
        and registry.get(event).connector.id in services
        and registry.get(event).connector.id != "webhook"
    ]
    # one service that answers messages, and one kind of message it gets
    if len({registry.get(event).connector.id for event, _ in incoming}) != 1:
        return trigger
    if len(incoming) != 1:
        incoming = [pair for pair in incoming if "button" not in pair[0]]
    if len(incoming) != 1:
        return trigger
    event, answer = incoming[0]
    answer_type = registry.get(answer)
    connector = answer_type.connector.id
    ai_index = next(i for i, s in enumerate(actions) if s.node_type.type == AI_TYPE)
    for index, step in enumerate(actions):
        if step.node_type.connector.id == connector:
            # an answer within the conversation needs no template
            actions[index] = PlannedStep(answer_type, step.said, step.entities, dict(step.params))
            if index < ai_index:
                actions.insert(ai_index, actions.pop(index))
            break
    else:
        actions.insert(ai_index + 1, PlannedStep(answer_type, actions[ai_index].said))
    return PlannedStep(registry.get(event), actions[ai_index].said)


def _answered_without_ai(
    trigger: PlannedStep,
    actions: list[PlannedStep],
    registry: Registry,
    reply_actions: Mapping[str, str],
) -> PlannedStep:
    """ "auto reply to Messenger messages with 'thanks'", "الرد تلقائياً على رسائل إنستغرام":
    the first step is an answer that only a message received can have (a reply, not a message
    sent anywhere), so that service's incoming message starts the flow, not a button."""
    if not actions:
        return trigger
    first = actions[0].node_type.type
    if not _ANSWER.search(normalize(actions[0].said)):
        return trigger
    # "send a Telegram message" is how that service sends anything; only a step that can do
    # nothing but answer (a reply, a response) says where the conversation started
    if not _ANSWERS_ONLY.search(first.split(".")[1]):
        return trigger
    events = [
        event
        for event, answer in reply_actions.items()
        if answer == first and event in registry and "button" not in event
    ]
    if len(events) != 1:
        return trigger
    return PlannedStep(registry.get(events[0]), actions[0].said)


def _status_waited_for_is_checked(
    trigger: PlannedStep,
    actions: list[PlannedStep],
    sentence: str,
    registry: Registry,
    language: Language,
) -> None:
    """ "when a Zid order's status changes to delivered": the service tells of every change of
    status; the steps run only for the one said, checked first."""
    operation = trigger.node_type.type.split(".")[1]
    if not actions or not _CHANGE.search(operation):
        return  # "when an invoice is paid" has its own event; only a change is filtered
    example = trigger.node_type.manifest.output_example
    if not isinstance(example, dict) or "status" not in example:
        return
    said = _TO_STATUS.search(sentence)
    if said is None:
        sentence = normalize(sentence)  # "اتلغى" is spelt as the forms are, "اتلغي"
        said = _CANCELLED_SAID.search(sentence)
    if said is None or _NEGATED.search(sentence[max(0, said.start() - 16) : said.start()]):
        return  # "didn't get delivered": the service's own event for it, not a status compared
    value = said.groupdict().get("value") or "cancelled"  # said as the verb
    # the status itself, never another (payment_status); of its forms (Salla's "تم الشحن" and
    # "shipped"), the one written in the script of the value said
    forms = [
        key
        for key, example_value in example.items()
        if key.startswith("status") and isinstance(example_value, str)
    ]
    same_script = [key for key in forms if example[key].isascii() == value.isascii()]
    left = "{{ trigger.%s }}" % (same_script[0] if same_script else "status")
    condition_type = registry.get(CONDITION_TYPE)
    why = {
        "en": f"Checks that {left} is {value}; the next steps run only when it is, because you "
        f"said “{said.group(0).strip()}”.",
        "ar": f"يتحقق أن {left} هي {value}؛ الخطوات التالية تعمل فقط عندها، لأنك قلت "
        f"«{said.group(0).strip()}».",
    }[language]
    condition = PlannedStep(
        condition_type,
        said.group(0).strip(),
        params={
            "combine": "and",
            "conditions": [{"left": left, "operator": "equals", "right": value}],
        },
        why=why,
    )
    actions.insert(0, condition)


def _each_record_in_a_loop(actions: list[PlannedStep], registry: Registry) -> None:
    """ "read the Clients sheet and whatsapp them": a listing gives many records; the step said
    for each of them (or one that updates a record by its ID) runs once per record, in a loop
    right after the listing."""
    if LOOP_TYPE not in registry or any(s.node_type.type == LOOP_TYPE for s in actions):
        return
    for index, step in enumerate(actions[:-1]):
        if not _is_listing(step.node_type):
            continue
        after = [s for s in actions[index + 1 :] if s.node_type.connector.id != "core"]
        if not after:
            return
        # "find the customer and update the record" finds one; "list the orders and update
        # their status" has many to update
        listed = step.node_type.type.split(".")[1].startswith("list_")
        # "have AI summarise them", "a report of them": all of them at once, no loop
        per_record = (
            _EACH.search(normalize(after[0].said)) and not _AT_ONCE.search(normalize(after[0].said))
        ) or (
            listed
            and not _gets_one_by_id(after[0].node_type)
            and after[0].node_type.connector.id == step.node_type.connector.id
            and any(name.endswith("_id") for name in after[0].node_type.required_fields())
        )
        if per_record:
            actions.insert(index + 1, PlannedStep(registry.get(LOOP_TYPE), after[0].said))
        return


def _details_of_what_came_in(
    trigger: PlannedStep,
    actions: list[PlannedStep],
    named: dict[str, float],
    sentence: str,
    registry: Registry,
) -> None:
    """ "when a Salla order comes get the order details and send them": the event's service
    gets the whole record by the ID the event carries, before the steps that use it."""
    if trigger.node_type.type in (SCHEDULE_TYPE, MANUAL_TYPE):
        return
    connector = trigger.node_type.connector.id
    gets = [t for t in registry.node_types if t.connector.id == connector and _gets_one_by_id(t)]
    if len(gets) != 1 or any(s.node_type is gets[0] for s in actions):
        return
    get = gets[0]
    noun = get.type.split(".")[1].removeprefix("get_")
    text = normalize(sentence)
    if not (_DETAILS.search(text) or re.search(_GET + rf"\s+(?:the\s+|its\s+)?{noun}\b", text)):
        return
    for index, step in enumerate(actions):
        other = step.node_type.connector.id
        if _reads(step.node_type) and other != connector and other not in named:
            actions[index] = PlannedStep(get, step.said, step.entities)  # read elsewhere unsaid
            return
    actions.insert(0, PlannedStep(get, trigger.said))


def _by_hand(
    trigger: PlannedStep,
    actions: list[PlannedStep],
    named: dict[str, float],
    sentence: str,
    words: list[str],
    catalogue: Catalogue,
    registry: Registry,
) -> PlannedStep:
    """ "a button I can click that sends all the unpaid Shopify orders to my WhatsApp": no
    event starts it; the records its words took for an event are listed when it runs."""
    if trigger.node_type.type in (SCHEDULE_TYPE, MANUAL_TYPE):
        return trigger
    text = normalize(sentence)
    said = BY_HAND.search(text)
    if said is None or "button" in trigger.node_type.type:
        return trigger  # a bot's button pressed by someone else is that service's event
    event = trigger.node_type.connector.id
    if _ALL.search(text):
        for index, step in enumerate(actions):
            if _gets_one_by_id(step.node_type) and not _DIGIT.search(normalize(step.said)):
                listing = _best_listing(step.node_type.connector.id, words, catalogue, registry)
                if listing is not None:
                    actions[index] = PlannedStep(listing, step.said, step.entities)
    reads = any(_reads(step.node_type) for step in actions)
    if not reads and event in named:
        listing = _best_listing(event, words, catalogue, registry)
        if listing is not None:
            actions.insert(0, PlannedStep(listing, trigger.said, trigger.entities))
    return PlannedStep(registry.get(MANUAL_TYPE), said.group(0))
