"""Every word a connector shows in the app, with the translation context the desktop uses.

    .venv/bin/python tools/manifest_strings.py              # context, text and where it comes from
    .venv/bin/python tools/manifest_strings.py --missing ar # what the Arabic translations lack
    .venv/bin/python tools/manifest_strings.py --missing ar --ts  # the same as <context> blocks

Connector names, categories and descriptions and each trigger's and action's name,
description and card summary lines (``manifest.json``) are in the "NodeTypes" context; the
titles, help and Literal choices of the operations' input models and of the account (credential) models are in
"NodeFields"; the sentences a connector's ``Service`` declares for a refused account, a send
that got no answer and its service's other answers are in "ConnectorMessages" (see
flowin_desktop/i18n.py). Exits 1 when
``--missing`` finds any.

A text only one connector shows goes into that connector's file
(connectors/<id>/translations/<id>_ar.ts, ``connector_file``); a shared one, and a category,
into flowin_desktop/translations/flowin_ar.ts (``owners`` says which).
"""

from __future__ import annotations

import argparse
import importlib
import sys
import typing
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flowin_desktop.i18n import (
    CONNECTOR_MESSAGES,
    NODE_FIELDS,
    NODE_TYPES,
    choice_text,
    translation_files,
)
from flowin_desktop.panels.fields import _plain
from flowin_engine.kit import Service
from flowin_engine.registry import Connector, Registry, default_registry

if TYPE_CHECKING:
    # Only for the checker: pydantic imported before PySide6 trips over PySide6's import hook.
    from pydantic import BaseModel


@dataclass(frozen=True, slots=True)
class Entry:
    context: str
    source: str
    where: str  # the first place it comes from: "shopify.new_order: name"


def choices(annotation: Any) -> list[str]:
    """The values of a Literal field (Optional or not), as the properties panel offers them."""
    plain = _plain(annotation)
    if typing.get_origin(plain) is Literal:
        return [str(a) for a in typing.get_args(plain)]
    return []


def _nested_models(annotation: Any) -> list[type[BaseModel]]:
    """The models inside a field's type (a list of rules, a rule or a group of rules): their
    fields are settings the user fills in and the problems about them name, too."""
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found = []
    for argument in typing.get_args(annotation):
        found += _nested_models(argument)
    return found


def _model_strings(
    model: type[BaseModel], where: str, seen: set[type[BaseModel]] | None = None
) -> list[Entry]:
    seen = seen if seen is not None else set()
    seen.add(model)
    found = []
    for key, info in model.model_fields.items():
        place = f"{where}.{key}"
        found.append(Entry(NODE_FIELDS, info.title or key.replace("_", " ").capitalize(), place))
        if info.description:
            found.append(Entry(NODE_FIELDS, info.description, f"{place} (help)"))
        found += [
            Entry(NODE_FIELDS, choice_text(c), f"{place} (choice)")
            for c in choices(info.annotation)
        ]
        for nested in _nested_models(info.annotation):
            if nested not in seen:
                found += _model_strings(nested, place, seen)
    return found


def _connector_strings(connector: Connector, registry: Registry) -> list[Entry]:
    manifest = connector.manifest
    found = [
        Entry(NODE_TYPES, manifest.name, f"{connector.id}: name"),
        Entry(NODE_TYPES, manifest.category, f"{connector.id}: category"),
    ]
    if manifest.description:
        found.append(Entry(NODE_TYPES, manifest.description, f"{connector.id}: description"))
    if connector.credential_model is not None:
        found += _model_strings(connector.credential_model, f"{connector.id} account")
    for node_type in registry.node_types:
        if node_type.connector.id != connector.id:
            continue
        found.append(Entry(NODE_TYPES, node_type.name, f"{node_type.type}: name"))
        if node_type.manifest.description:
            found.append(
                Entry(NODE_TYPES, node_type.manifest.description, f"{node_type.type}: description")
            )
        if node_type.manifest.reply_only is not None:
            found.append(
                Entry(
                    NODE_TYPES, node_type.manifest.reply_only.why, f"{node_type.type}: reply only"
                )
            )
        if node_type.manifest.webhook_setup:
            found.append(
                Entry(
                    NODE_TYPES, node_type.manifest.webhook_setup, f"{node_type.type}: webhook setup"
                )
            )
        found += [
            Entry(NODE_TYPES, line, f"{node_type.type}: summary")
            for line in node_type.manifest.summary
        ]
        found += _model_strings(node_type.input_model, node_type.type)
    found += _service_sentences(connector)
    return [entry for entry in found if entry.source.strip()]


def _service_sentences(connector: Connector) -> list[Entry]:
    """The connector's own sentences for its service's failures (a refused key, a send that got
    no answer), declared on its ``Service``; the desktop shows them translated."""
    module = importlib.import_module(f"{connector.package}.{connector.manifest.module}")
    found = []
    for name, value in vars(module).items():
        if isinstance(value, Service):
            found += [
                Entry(CONNECTOR_MESSAGES, sentence, f"{connector.id}: {name}.{kind}")
                for kind, sentence in (
                    ("rejected", value.rejected),
                    ("unsure", value.unsure),
                    *(("sentences", sentence) for sentence in value.sentences),
                )
                if sentence
            ]
    return found


def strings(registry: Registry | None = None) -> list[Entry]:
    """Each (context, text) once, in registry order, with the first place it comes from."""
    registry = registry or default_registry()
    unique: dict[tuple[str, str], Entry] = {}
    for connector in registry.connectors:
        for entry in _connector_strings(connector, registry):
            unique.setdefault((entry.context, entry.source), entry)
    return list(unique.values())


def owners(registry: Registry | None = None) -> dict[tuple[str, str], set[str]]:
    """(context, text) -> the ids of the connectors that show it. A text one connector alone
    shows is translated in that connector's own file; a shared one, and a category, in the
    app's."""
    registry = registry or default_registry()
    found: dict[tuple[str, str], set[str]] = {}
    for connector in registry.connectors:
        for entry in _connector_strings(connector, registry):
            if entry.where.endswith(": category"):
                # The palette's groups are the app's words, whichever connectors are in them.
                continue
            found.setdefault((entry.context, entry.source), set()).add(connector.id)
    return found


def connector_file(connector_id: str, language: str) -> Path:
    """Where a connector's own words in ``language`` are kept."""
    folder = Path(str(resources.files("connectors"))) / connector_id / "translations"
    return folder / f"{connector_id}_{language}.ts"


def translations(language: str, files: list[Path] | None = None) -> dict[tuple[str, str], str]:
    """(context, source) -> finished translation, from every .ts merged into the language's .qm
    (flowin_desktop/translations/flowin_<language>.ts and the connectors' own files)."""
    found = {}
    for path in files if files is not None else translation_files(language):
        if path.is_file():
            found |= _finished(path)
    return found


def _finished(path: Path) -> dict[tuple[str, str], str]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            element = message.find("translation")
            if element is None or element.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if element.text:
                found[(name, message.findtext("source") or "")] = element.text
    return found


def missing(language: str, registry: Registry | None = None) -> list[Entry]:
    done = translations(language)
    return [e for e in strings(registry) if (e.context, e.source) not in done]


def as_ts(entries: list[Entry]) -> str:
    """<context> blocks with empty translations, to fill in and paste into the .ts."""
    lines = []
    for context in dict.fromkeys(e.context for e in entries):
        lines += ["  <context>", f"    <name>{context}</name>"]
        for entry in (e for e in entries if e.context == context):
            lines += [
                f"    <!-- {escape(entry.where)} -->",
                "    <message>",
                f"      <source>{escape(entry.source)}</source>",
                '      <translation type="unfinished"></translation>',
                "    </message>",
            ]
        lines.append("  </context>")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--missing", metavar="LANGUAGE", help="only what this language lacks")
    parser.add_argument("--ts", action="store_true", help="print .ts <context> blocks")
    args = parser.parse_args(argv)
    entries = missing(args.missing) if args.missing else strings()
    if args.ts:
        print(as_ts(entries))
    else:
        for entry in entries:
            print(f"{entry.context}\t{entry.source}\t{entry.where}")
    if args.missing:
        print(f"{len(entries)} missing in {args.missing}", file=sys.stderr)
        return 1 if entries else 0
    print(f"{len(entries)} strings", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
