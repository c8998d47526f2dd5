"""The builder that needs no model: it splits the sentence into clauses and gives each the node
type whose manifest phrases (English and Arabic) it matches best. Deterministic: the same
sentence and the same connectors always give the same flow."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..registry import Registry
from .assemble import PlannedStep, assemble, flow_name, split_problems
from .catalogue import CONDITION_TYPE, MANUAL_TYPE, SCHEDULE_TYPE, WAIT_TYPE, Catalogue
from .entities import MARKER, Entity, Extraction, extract
from .errors import BuilderError
from .first_contact import write_first
from .language import Language, canonical, detect_language, normalize, tokens
from .proposal import Missing, Proposal
from .variables import SUBJECTS, Source, find_field

MATCH_THRESHOLD = 0.42

_WHEN = (
    r"when|whenever|once|as soon as|every time|each time|if|after|on new|on a new|on every|on each|"
    r"for every new|for each new|for any new|new|عند|عندما|لما|لمن|اول ما|اول لما|كل ما|كلما|"
    r"متي ما|متي|يوم ما|يوم|اذا|لو|حين|حينما|مع كل|وقت ما|بمجرد ما|بمجرد"
)
_STARTS_WHEN = re.compile(r"^\s*(?:و|ف)?(?:" + _WHEN + r")(?:\s|$)")
_SPLIT = re.compile(
    r"\s*[,;.!?:]+\s+|\s*[;!?]+\s*|\s*(?:→|->|=>)\s*"
    r"|,?\s+(?:and then|and also|and after that|and afterwards|then|after that|afterwards|also|and)\s+"
    r"|\s+(?:ثم|وبعدين|بعدين|وبعدها|بعدها|وبعد ذلك|بعد ذلك|وبعد كده|بعد كده|وبعد كذا|بعد كذا|"
    r"وكمان|وايضا|وبعد ما|وبعدما|وكذلك)\s+"
    r"|\s+(?=(?:when|whenever|as soon as|once)\s)"
    r"|\s+(?=(?:عند|عندما|لما|لمن|اول ما|كلما|كل ما|متي ما|بمجرد)\s)"
    # Gulf "خله ينحفظ", "خليه يرسل": have it be saved / have it send — a step of its own.
    r"|\s+(?=(?:خله|خليه|خليها|خلها|خلي)\s)",
    re.IGNORECASE,
)
# "و" glued to a verb starts a new clause: "...للعميل وسجل الطلب" → "سجل الطلب".
_VERB_WAW = re.compile(r"\s+و(?=(?:ا|ن|س|ح|ر|ب|خ|ع|ت|ض|ج|ك|ق|ل|م|ص|ف|د|ط|غ|ز)\S+)")
_ROLE_WORDS = re.compile(r"^\s*(?:and|then|also|و|ثم|ف)\s+", re.IGNORECASE)


@dataclass
class Clause:
    text: str  # normalized, with entity markers
    entities: list[Entity]
    starts_with_when: bool

    def words(self) -> list[str]:
        return tokens(MARKER.sub(" ", self.text).lower())

    def said(self, extraction: Extraction) -> str:
        return MARKER.sub(lambda m: extraction.entity(m.group(0)).text, self.text).strip(" ,")


class OfflineBuilder:
    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.catalogue = Catalogue(registry)
        self._verbs = self._action_verbs()

    def _action_verbs(self) -> set[str]:
        """First words of the action phrases (send, post, أرسل, أضف, انشر…): a clause can end
        before one of them ("لما يجي اوردر سجله في الشيت"), and a 'و' before one joins two steps.
        English words that triggers use too ("email", "text") are no sign of a new step."""
        verbs, trigger_words = set(), set()
        for entry in self.catalogue.entries:
            manifest = entry.node_type.manifest
            for phrase in [*manifest.phrases.en, *manifest.phrases.ar]:
                words = normalize(phrase).split()
                if entry.node_type.is_trigger:
                    trigger_words.update(words)
                elif words:
                    verbs.add(words[0])
        used_by_triggers = {canonical(w) for w in trigger_words}
        return {canonical(v) for v in verbs} - used_by_triggers

    def _split_run_on(self, clause: Clause, extraction: Extraction) -> list[Clause]:
        """Split "when a new order comes in send a whatsapp" before the verb that starts the
        second step, when both halves match a node type well. Not when the whole clause matches
        one step (in its role: trigger after "when", else action) better than either half does:
        "ابحث عن الطلبات غير المدفوعة" is one step, though "غير" also means "change"."""
        role = clause.starts_with_when
        whole = self.catalogue.best(clause.words(), role)
        for word in list(re.finditer(r"\S+", clause.text))[2:]:
            found = tokens(word.group(0).lower())
            if not found or found[0] not in self._verbs:
                continue
            left = Clause(clause.text[: word.start()], [], clause.starts_with_when)
            right = Clause(clause.text[word.start() :], [], False)
            left_words, right_words = left.words(), right.words()
            head = self.catalogue.best(left_words, True) or self.catalogue.best(left_words, False)
            tail = self.catalogue.best(right_words, False)
            if head and tail and min(head.score, tail.score) >= MATCH_THRESHOLD:
                in_role = self.catalogue.best(left_words, role)
                best_half = max(tail.score, in_role.score if in_role else 0.0)
                if whole is not None and whole.score > best_half:
                    continue
                left.entities = extraction.in_text(left.text)
                right.entities = extraction.in_text(right.text)
                return [left, *self._split_run_on(right, extraction)]
        return [clause]

    def build(
        self,
        sentence: str,
        language: Language | None = None,
        names_language: Language | None = None,
    ) -> Proposal:
        language = language or detect_language(sentence)
        extraction = extract(sentence)
        clauses = self._clauses(extraction)
        steps, not_understood = self._plan(clauses, extraction, language)
        if not steps:
            return Proposal(
                not_understood=[sentence.strip()],
                question=_QUESTION[language],
                language=language,
            )
        assembled = assemble(steps, flow_name(sentence), language, self.registry, names_language)
        to_fill, wrong = split_problems(assembled.flow, self.registry)
        missing = list(assembled.missing)
        known = {(m.node, m.field) for m in missing}
        for problem in to_fill:
            if (problem.node, problem.field) not in known:
                missing.append(
                    Missing(
                        node=problem.node or "", field=problem.field or "", message=str(problem)
                    )
                )
        if wrong:  # the builder's own mistake, never the user's
            raise BuilderError(
                "The offline builder made a flow that can't run: " + "; ".join(map(str, wrong))
            )
        proposal = Proposal(
            flow=assembled.flow,
            explanation=assembled.explanation,
            not_understood=not_understood,
            missing=missing,
            source="offline",
            language=language,
            review=True,
        )
        return write_first(proposal, self.registry, names_language)

    def _clauses(self, extraction: Extraction) -> list[Clause]:
        text = extraction.text
        # Schedules, waits and conditions are clauses of their own.
        for marker in MARKER.findall(text):
            if extraction.entity(marker).kind in ("schedule", "wait", "condition"):
                text = text.replace(marker, f" ; {marker} ; ")
        text = _VERB_WAW.sub(lambda m: self._waw(m, text), text)
        clauses = []
        for piece in _SPLIT.split(text):
            piece = _ROLE_WORDS.sub("", piece or "").strip(" ,")
            if not piece:
                continue
            lowered = piece.lower()
            clause = Clause(piece, extraction.in_text(piece), bool(_STARTS_WHEN.match(lowered)))
            clauses.extend(self._split_run_on(clause, extraction))
        return clauses

    def _waw(self, match: re.Match[str], text: str) -> str:
        word = re.match(r"\S+", text[match.end() :])
        following = tokens(word.group(0)) if word else []
        if following and following[0] in self._verbs:
            return " ; "
        return match.group(0)

    def _plan(
        self, clauses: list[Clause], extraction: Extraction, language: Language
    ) -> tuple[list[PlannedStep], list[str]]:
        trigger: PlannedStep | None = None
        actions: list[PlannedStep] = []
        not_understood: list[str] = []
        pending_condition: PlannedStep | None = None
        for clause in clauses:
            special = [e for e in clause.entities if e.kind in ("schedule", "wait", "condition")]
            if special:
                entity = special[0]
                if entity.kind == "schedule":
                    if trigger is None or trigger.node_type.type == MANUAL_TYPE:
                        trigger = self._schedule(entity, language)
                    continue
                if entity.kind == "wait":
                    actions.append(self._wait(entity, language))
                    continue
                pending_condition = self._condition(entity, language)
                actions.append(pending_condition)
                continue
            words = clause.words()
            hints = _hints(clause.entities)
            said = clause.said(extraction)
            # "add them to the sheet" is an order, not an event, even when it matches a trigger.
            commands = bool(words) and words[0] in self._verbs and not clause.starts_with_when
            may_start = trigger is None and not commands
            as_trigger = self.catalogue.best(words, True, hints) if may_start else None
            as_action = self.catalogue.best(words, False, hints)
            trigger_score = as_trigger.score if as_trigger else 0.0
            action_score = as_action.score if as_action else 0.0
            if (clause.starts_with_when and as_trigger and trigger_score >= MATCH_THRESHOLD) or (
                as_trigger and trigger_score >= MATCH_THRESHOLD and trigger_score > action_score
            ):
                trigger = PlannedStep(as_trigger.node_type, said, clause.entities)
            elif as_action and action_score >= MATCH_THRESHOLD:
                actions.append(PlannedStep(as_action.node_type, said, clause.entities))
            elif actions and clause.entities:
                actions[-1].entities.extend(clause.entities)  # "…, saying "Thanks!""
            elif trigger and clause.entities and not actions:
                trigger.entities.extend(clause.entities)
            elif words:
                not_understood.append(said)
        # A trailing condition ("… if the total is over 100") guards the step before it.
        if actions and pending_condition is actions[-1] and len(actions) > 1:
            actions.insert(len(actions) - 2, actions.pop())
        if not actions and trigger is None:
            return [], not_understood
        if trigger is None:
            trigger = self._manual(language)
        self._fill_condition(actions, trigger, language)
        return [trigger, *actions], not_understood

    def _schedule(self, entity: Entity, language: Language) -> PlannedStep:
        node_type = self.registry.get(SCHEDULE_TYPE)
        describe = entity.describe.get(language, entity.text)
        why = {
            "en": f"Starts the flow {describe}, because you said “{entity.text}”.",
            "ar": f"يبدأ التدفق {describe}، لأنك قلت «{entity.text}».",
        }[language]
        return PlannedStep(node_type, entity.text, params=dict(entity.value), why=why)

    def _wait(self, entity: Entity, language: Language) -> PlannedStep:
        node_type = self.registry.get(WAIT_TYPE)
        describe = entity.describe.get(language, entity.text)
        why = {
            "en": f"Waits {describe} before going on, because you said “{entity.text}”.",
            "ar": f"ينتظر {describe} قبل أن يكمل، لأنك قلت «{entity.text}».",
        }[language]
        return PlannedStep(node_type, entity.text, params=dict(entity.value), why=why)

    def _condition(self, entity: Entity, language: Language) -> PlannedStep:
        node_type = self.registry.get(CONDITION_TYPE)
        return PlannedStep(node_type, entity.text, entities=[entity])

    def _manual(self, language: Language) -> PlannedStep:
        node_type = self.registry.get(MANUAL_TYPE)
        why = {
            "en": "Starts when you click Run: the sentence doesn't say when the flow should start.",
            "ar": "يبدأ عند الضغط على تشغيل: الجملة لا تذكر متى يبدأ التدفق.",
        }[language]
        return PlannedStep(node_type, "", why=why)

    def _fill_condition(
        self, actions: list[PlannedStep], trigger: PlannedStep, language: Language
    ) -> None:
        example = trigger.node_type.manifest.output_example
        sources = [Source("trigger", example)] if example is not None else []
        for step in actions:
            if step.node_type.type != CONDITION_TYPE:
                continue
            rule = dict(step.entities[0].value)
            subject = rule.pop("subject")
            names: tuple[str, ...] = ()
            for word in tokens(subject.lower()) or [subject.lower()]:
                for key, fields in SUBJECTS.items():
                    if word == key or word.endswith(key) or key.endswith(word):
                        names = fields
                        break
                if names:
                    break
            left = find_field(sources, "any", names or (subject.replace(" ", "_"),))
            step.entities = []
            step.params = {
                "combine": "and",
                "conditions": [{"left": left or "", **rule}],
            }
            operator = _OPERATOR_WORDS[language][rule["operator"]]
            right = rule["right"]
            target = left or subject
            step.why = {
                "en": f"Checks that {target} {operator} {right}; the next steps run only when "
                "it holds (its 'true' output).",
                "ar": f"يتحقق أن {target} {operator} {right}؛ الخطوات التالية تعمل فقط إذا تحقق "
                "الشرط (مخرجه «صحيح»).",
            }[language]


def _hints(entities: list[Entity]) -> set[str]:
    fields = {
        "phone": {"to", "phone"},
        "email": {"to", "email"},
        "channel": {"channel"},
        "sheet": {"sheet", "spreadsheet_id"},
        "url": {"url"},
        "chat": {"chat_id"},
        "database": {"database_id"},
    }
    found: set[str] = set()
    for entity in entities:
        found |= fields.get(entity.kind, set())
    return found


_QUESTION = {
    "en": "What should start the flow, and what should it do? For example: “When I get a new "
    "Shopify order, send the customer a WhatsApp message”.",
    "ar": "ما الذي يبدأ التدفق، وماذا يفعل؟ مثلًا: «عندما يصلني طلب جديد في شوبيفاي، أرسل للعميل "
    "رسالة واتساب».",
}
_OPERATOR_WORDS = {
    "en": {
        "greater_than": "is more than",
        "greater_or_equal": "is at least",
        "less_than": "is less than",
        "less_or_equal": "is at most",
        "equals": "is",
        "not_equals": "is not",
        "contains": "contains",
    },
    "ar": {
        "greater_than": "أكبر من",
        "greater_or_equal": "لا يقل عن",
        "less_than": "أقل من",
        "less_or_equal": "لا يزيد عن",
        "equals": "يساوي",
        "not_equals": "لا يساوي",
        "contains": "يحتوي على",
    },
}
