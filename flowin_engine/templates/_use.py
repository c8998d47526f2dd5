"""Making a flow from a template: the accounts it needs, the blanks filled in, and a flow that
validates (no step left without a required value, no reference to a step that isn't there)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem
from ..model import Flow, FlowStatus, PinnedOutput, new_id, utc_now
from ..registry import Registry, default_registry, widget_hint
from ..validation import validate_flow
from ._library import TemplateError
from ._model import Blank, BlankKind, Language, Template, Words

# "[[key]]" inside a template's value (or a blank's default) is where a blank's answer goes
# when it is only part of the value: a discount code inside a message. Other blanks are the
# whole value.
_SHEET_LINK = re.compile(r"/spreadsheets/d/([A-Za-z0-9_-]{20,})")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


@dataclass(frozen=True, slots=True)
class AccountNeed:
    """One service a template's steps sign in to: which connector, and the steps using it."""

    connector: str
    name: str
    nodes: list[str] = field(default_factory=list)
    required: bool = True


def needed_accounts(
    template: Template | Flow, registry: Registry | None = None
) -> list[AccountNeed]:
    """The accounts to connect or pick before the flow can run, in the order its steps use
    them."""
    registry = registry or default_registry()
    flow = template.flow if isinstance(template, Template) else template
    needs: dict[str, AccountNeed] = {}
    for node, _key, connector in _account_fields(flow, registry):
        need = needs.get(connector)
        if need is None:
            found = registry.connector(connector)
            need = AccountNeed(connector, found.name if found else connector)
            needs[connector] = need
        if node.name not in need.nodes:
            need.nodes.append(node.name)
    return list(needs.values())


def _account_fields(flow: Flow, registry: Registry) -> list[tuple[Any, str, str]]:
    """(node, field, connector id) of each account a step signs in with. A connector that
    signs in with nothing (the webhook's optional shared secret) is not asked for."""
    found = []
    for node in flow.nodes:
        node_type = registry.find(node.type)
        if node_type is None or node.disabled:
            continue
        for key, info in node_type.input_model.model_fields.items():
            if widget_hint(info) != "connection":
                continue
            extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
            connector_id = str(extra.get("connector") or node.connector)
            connector = registry.connector(connector_id)
            if connector is not None and connector.manifest.auth == "none":
                continue
            found.append((node, key, connector_id))
    return found


def instantiate(
    template: Template,
    answers: dict[str, str],
    connections: dict[str, str],
    registry: Registry | None = None,
    language: Language = "en",
) -> Flow:
    """A new draft flow from ``template``: each blank filled from ``answers`` (or its default),
    each step's account from ``connections`` (connector id → connection id).

    Raises a TemplateError naming, in ``language``, every blank left empty and account not
    chosen; or what is still wrong with the flow, so a flow returned always validates.
    """
    registry = registry or default_registry()
    unknown = sorted(set(answers) - {b.key for b in template.blanks})
    if unknown:
        known = ", ".join(b.key for b in template.blanks) or "none"
        raise TemplateError(
            f"The template '{template.id}' has no blank called {', '.join(unknown)} "
            f"(its blanks: {known})."
        )
    flow = _fresh_copy(template, language)
    by_name = {n.name: n for n in flow.nodes} | {n.id: n for n in flow.nodes}

    empty_blanks: list[Blank] = []
    for blank in template.blanks:
        answer = _cleaned(blank, answers.get(blank.key) or "") or blank.default_in(language)
        if not answer.strip() and blank.required:
            empty_blanks.append(blank)
            continue
        in_marker = _fills_a_marker(template, blank)
        if not answer.strip():
            if not in_marker:
                continue  # an optional blank left empty keeps the template's own value
            answer = ""
        for target in blank.targets:
            node = by_name.get(target.node)
            if node is None:
                raise TemplateError(
                    f"The template '{template.id}' is damaged: its blank '{blank.key}' fills "
                    f"a step '{target.node}' that it doesn't have."
                )
            node.params = _placed(node.params, target.param.split("."), blank, answer, in_marker)

    # Named in the user's language once the answers are in: they may read a step by either name.
    _with_step_names(flow, template, language)
    missing_accounts = []
    for need in needed_accounts(flow, registry):
        if not (connections.get(need.connector) or "").strip():
            missing_accounts.append(need)
    for node, key, connector in _account_fields(flow, registry):
        chosen = (connections.get(connector) or "").strip()
        if chosen:
            node.params[key] = chosen
    if empty_blanks or missing_accounts:
        raise TemplateError(_missing_message(template, empty_blanks, missing_accounts, language))

    flow.settings.minutes_saved_per_run = template.minutes_saved_per_run
    _pin_sample(template, flow, registry)
    problems = validate_flow(flow, registry)
    if problems:
        raise TemplateError(_problems_message(template, problems, language))
    return flow


def _fresh_copy(template: Template, language: Language) -> Flow:
    flow = template.flow.model_copy(deep=True)
    now = utc_now()
    flow.id = new_id()
    flow.name = template.name.in_language(language)
    flow.description = template.description.in_language(language)
    flow.status = FlowStatus.DRAFT
    flow.pinned = {}
    flow.created_at = flow.updated_at = now
    return flow


def _quoted(name: str) -> str:
    return name.replace("\\", "\\\\").replace("'", "\\'")


def _with_step_names(flow: Flow, template: Template, language: Language) -> None:
    """Call ``flow``'s steps by their names in ``language``, and every ``steps['name']`` that
    reads their data by the new name."""
    renamed = {
        name: words.in_language(language)
        for name, words in template.step_names.items()
        if words.in_language(language) != name
    }

    def renamed_in(value: Any) -> Any:
        if isinstance(value, str):
            for old, new in renamed.items():
                value = value.replace(f"steps['{_quoted(old)}']", f"steps['{_quoted(new)}']")
                value = value.replace(f'steps["{old}"]', f"steps['{_quoted(new)}']")
            return value
        if isinstance(value, dict):
            return {key: renamed_in(item) for key, item in value.items()}
        if isinstance(value, list):
            return [renamed_in(item) for item in value]
        return value

    for node in flow.nodes:
        node.name = renamed.get(node.name, node.name)
        node.params = renamed_in(node.params)


def _pin_sample(template: Template, flow: Flow, registry: Registry) -> None:
    """The template's sample as its trigger's test data: a web form or a new row brings nothing
    to a test run from the editor, so without it the first Test run stops at a missing field.
    A pin is test data only; the flow's real runs never read it."""
    if template.sample is None:
        return
    for node in flow.nodes:
        node_type = registry.find(node.type)
        if node_type is not None and node_type.is_trigger:
            flow.pinned[node.id] = PinnedOutput(output=template.sample)
            return


_WESTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _cleaned(blank: Blank, answer: str) -> str:
    answer = answer.strip()
    if blank.kind == BlankKind.SHEET:
        # The address the browser shows is what a user copies; the sheet's id is inside it.
        link = _SHEET_LINK.search(answer)
        if link:
            return link.group(1)
    if blank.kind in (BlankKind.PHONE, BlankKind.NUMBER):
        # Typed on an Arabic keyboard (٠١٢ or ۰۱۲): a service reads only 0-9.
        answer = answer.translate(_WESTERN_DIGITS)
    if blank.kind == BlankKind.PHONE:
        return re.sub(r"[\s()-]", "", answer)
    return answer


def _fills_a_marker(template: Template, blank: Blank) -> bool:
    """Whether the blank fills its ``[[key]]`` inside a value (a message that names it) rather
    than being the whole value."""
    marker = f"[[{blank.key}]]"
    if marker in template.flow.model_dump_json():
        return True
    return any(
        marker in (other.default.en + other.default.ar)
        if isinstance(other.default, Words)
        else marker in other.default
        for other in template.blanks
    )


def _placed(container: Any, path: list[str], blank: Blank, answer: str, in_marker: bool) -> Any:
    """``container`` with the answer put at ``path``: into its marker when the blank fills one
    (a value without it, a message the user rewrote, is left as it is), else as the value."""
    if not path:
        if in_marker:
            if not isinstance(container, str):
                return container
            return container.replace(f"[[{blank.key}]]", answer)
        return _typed(blank, answer)
    key, rest = path[0], path[1:]
    if isinstance(container, list) and key.isdigit():
        index = int(key)
        items = list(container)
        while len(items) <= index:
            items.append("")
        items[index] = _placed(items[index], rest, blank, answer, in_marker)
        return items
    mapping = dict(container) if isinstance(container, dict) else {}
    mapping[key] = _placed(mapping.get(key), rest, blank, answer, in_marker)
    return mapping


def _typed(blank: Blank, answer: str) -> Any:
    if blank.kind == BlankKind.NUMBER and _NUMBER.match(answer):
        return float(answer) if "." in answer else int(answer)
    return answer


def _missing_message(
    template: Template, blanks: list[Blank], accounts: list[AccountNeed], language: Language
) -> str:
    name = template.name.in_language(language)
    labels = [b.label.in_language(language) for b in blanks]
    services = [a.name for a in accounts]
    if language == "ar":
        parts = []
        if labels:
            parts.append("املأ: " + "، ".join(labels))
        if services:
            parts.append("اربط حسابك في: " + "، ".join(services))
        return f"لاستخدام قالب «{name}» " + "، ثم ".join(parts) + "."
    parts = []
    if labels:
        parts.append("fill in " + _listed(labels))
    if services:
        parts.append(f"connect your {_listed(services)} account" + "s" * (len(services) > 1))
    return f"To use the template '{name}', " + " and ".join(parts) + "."


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _problems_message(template: Template, problems: list[Problem], language: Language) -> str:
    name = template.name.in_language(language)
    listed = "\n".join(f"  • {p}" for p in problems)
    if language == "ar":
        return f"التدفق المأخوذ من قالب «{name}» لا يعمل بعد:\n{listed}"
    return f"The flow made from the template '{name}' can't run yet:\n{listed}"
