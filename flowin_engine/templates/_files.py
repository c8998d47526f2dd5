"""A flow saved as the user's own template, and a template as one file to give someone.

What leaves the user's hands never carries their secrets: a private template or a
``.flowin-template`` file is made from ``sharing.shareable``'s copy of the flow (passwords and
tokens typed into steps taken out, no pinned test data, switched off) with every step's
account emptied, since an account is this computer's alone.
"""

from __future__ import annotations

import json
import re
import secrets
from pathlib import Path
from typing import Any

from ..errors import FlowFileError, Problem
from ..model import Flow, FlowSettings, utc_now
from ..registry import Registry, default_registry
from ..sharing import shareable
from ._library import FLOW_FILE, METADATA_FILE, TemplateError, TemplateLibrary, template_from_data
from ._model import Category, Template, Words
from ._use import _account_fields

FILE_SUFFIX = ".flowin-template"
FILE_KIND = "flowin-template"
_NOT_IN_ID = re.compile(r"[^a-z0-9]+")


def save_as_template(
    flow: Flow,
    name: str | Words,
    description: str | Words = "",
    category: Category | str = Category.TEAM,
    *,
    minutes_saved_per_run: int | None = None,
    registry: Registry | None = None,
    library: TemplateLibrary | None = None,
) -> Template:
    """Keep ``flow`` as a private template in the user's templates folder and return it.

    A name or description given in one language is used for both until the user writes the
    other."""
    registry = registry or default_registry()
    library = library or TemplateLibrary()
    template = template_of(
        flow,
        name,
        description,
        category,
        minutes_saved_per_run=minutes_saved_per_run,
        registry=registry,
    )
    template.private = True
    folder = library.user_folder / template.id
    folder.mkdir(parents=True, exist_ok=False)
    write_template_folder(template, folder)
    template.folder = folder
    library.load()
    return template


def template_of(
    flow: Flow,
    name: str | Words,
    description: str | Words = "",
    category: Category | str = Category.TEAM,
    *,
    minutes_saved_per_run: int | None = None,
    registry: Registry | None = None,
) -> Template:
    """A template made of ``flow``, stripped of secrets, accounts and pinned data."""
    registry = registry or default_registry()
    clean = stripped_flow(flow, registry)
    words = _words(name)
    if minutes_saved_per_run is None:
        minutes_saved_per_run = flow.settings.minutes_saved_per_run
    return Template(
        id=f"{_slug(words.en)}-{secrets.token_hex(3)}",
        name=words,
        description=_words(description) if _text(description) else words,
        category=Category(category),
        services=sorted({n.connector for n in clean.nodes}),
        minutes_saved_per_run=minutes_saved_per_run,
        flow=clean,
    )


def stripped_flow(flow: Flow, registry: Registry) -> Flow:
    """``flow`` as a template keeps it: no secret, no account, no pinned data, no run state."""
    clean, _left_out = shareable(flow, registry)
    for node, key, _connector in _account_fields(clean, registry):
        node.params.pop(key, None)
    for node in clean.nodes:
        if "connection" in node.params and not isinstance(node.params["connection"], dict):
            node.params.pop("connection")  # a disabled step's, or an unknown connector's
    clean.pinned = {}
    clean.settings = FlowSettings(timezone=flow.settings.timezone)
    clean.created_at = clean.updated_at = utc_now()
    return clean


def write_template_folder(template: Template, folder: Path) -> None:
    (folder / METADATA_FILE).write_text(template.metadata_json(), encoding="utf-8")
    (folder / FLOW_FILE).write_text(template.flow.to_json() + "\n", encoding="utf-8")


def export_template(template: Template, path: str | Path) -> Path:
    """Write ``template`` as one ``.flowin-template`` file (JSON: its details and its flow,
    with no secret or account in it) and return the file's path."""
    path = Path(path)
    if path.suffix != FILE_SUFFIX:
        path = path.with_name(path.name + FILE_SUFFIX)
    registry = default_registry()
    data = {
        "kind": FILE_KIND,
        "template": json.loads(template.metadata_json()),
        "flow": json.loads(stripped_flow(template.flow, registry).to_json()),
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def import_template(
    path: str | Path, library: TemplateLibrary | None = None, *, keep: bool = True
) -> Template:
    """Read a ``.flowin-template`` file; with ``keep``, add it to the user's templates (as a
    new one when a template of that id is already there)."""
    path = Path(path)
    shown = path.name
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise _refused(
            Problem(
                "Can't open {file}: {reason}.",
                args={"file": shown, "reason": str(error.strerror or error)},
            )
        ) from None
    try:
        data: Any = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise _refused(
            Problem(
                "{file} is not a Flowin template file: it is not readable as JSON. "
                "Ask whoever sent it to export the template again.",
                args={"file": shown},
            )
        ) from None
    if not isinstance(data, dict) or data.get("kind") != FILE_KIND:
        if isinstance(data, dict) and "nodes" in data:
            raise _refused(
                Problem(
                    "{file} is not a Flowin template file. It looks like a flow: import it "
                    "with Import… on the home screen (or 'flowin flows import').",
                    args={"file": shown},
                )
            )
        raise _refused(Problem("{file} is not a Flowin template file.", args={"file": shown}))
    if not isinstance(data.get("flow"), dict) or not isinstance(data.get("template"), dict):
        raise _refused(
            Problem(
                "{file} is an incomplete template file: its flow or its details are missing.",
                args={"file": shown},
            )
        )
    try:
        flow = Flow.from_data(data["flow"])
    except FlowFileError as error:
        raise _refused(
            Problem(
                "The flow inside {file} can't be read. {reason}",
                args={"file": shown, "reason": str(error)},
            )
        ) from None
    template = template_from_data(data["template"], flow, where=shown)
    registry = default_registry()
    template.flow = stripped_flow(template.flow, registry)
    unknown = sorted({n.type for n in template.flow.nodes if registry.find(n.type) is None})
    if unknown:
        raise _refused(
            Problem(
                "{file} uses steps this Flowin doesn't have ({types}); update Flowin or add "
                "their connectors, then import it again.",
                args={"file": shown, "types": ", ".join(unknown)},
            )
        )
    if not keep:
        return template
    library = library or TemplateLibrary()
    taken = {t.id for t in library.templates}
    if template.id in taken or (library.user_folder / template.id).exists():
        template.id = f"{template.id.rsplit('-', 1)[0]}-{secrets.token_hex(3)}"
    template.private = True
    folder = library.user_folder / template.id
    folder.mkdir(parents=True, exist_ok=False)
    write_template_folder(template, folder)
    template.folder = folder
    library.load()
    return template


def _words(value: str | Words) -> Words:
    if isinstance(value, Words):
        return value
    text = value.strip()
    if not text:
        raise TemplateError("A template needs a name.")
    return Words(en=text, ar=text)


def _text(value: str | Words) -> str:
    return value.en if isinstance(value, Words) else value.strip()


def _slug(text: str) -> str:
    return _NOT_IN_ID.sub("-", text.lower()).strip("-")[:40] or "template"


def _refused(problem: Problem) -> TemplateError:
    """A file refused with ``problem``'s sentence, which the app shows in its own language."""
    error = TemplateError(problem.message)
    error.problem = problem
    return error
