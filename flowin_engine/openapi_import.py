"""Any API as a connector, from its OpenAPI 3.x description.

``import_description`` reads a description (JSON or YAML, 3.0 or 3.1) and writes a connector
folder under the data folder's ``connectors/``, like a built-in one: ``manifest.json`` (each
operation a step, named from its summary), ``plan.json`` (what ``flowin_engine.kit.described``
runs: method, path, typed fields, the account's sign-in, the server), a one-line
``operations.py``, the description itself, and a README saying what was left out and why.
Importing the same description again regenerates the folder; an operation keeps its step type
as long as its operationId stays the same, so saved flows still open.

The registry finds these folders as it finds the built-in connectors (``imported_connectors``).
"""

from __future__ import annotations

import hashlib
import json
import keyword
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import util
from pathlib import Path
from typing import Any

from .errors import FlowinError, Problem
from .kit.described import PLAN_FILE, Plan, PlanAuth, PlanField, PlanOperation
from .paths import imported_connectors_dir
from .registry import Connector, load_connector

PACKAGE = "flowin_imported"
_GENERIC_ICON = Path(__file__).resolve().parent / "kit" / "described.svg"
DESCRIPTION_FILE = "description.json"
METHODS = ("get", "post", "put", "patch", "delete")
MAX_OPERATIONS = 400
# Names a connector folder may not take: a built-in connector's, or Python's own.
_ID = re.compile(r"^[a-z][a-z0-9_]{1,40}$")
_OPERATIONS_PY = '''"""{name}: steps made from its OpenAPI description (see README.md); regenerate with
``flowin connectors import``, don't edit."""

from flowin_engine.kit.described import described_operations

globals().update(described_operations(__file__))
'''


class DescriptionError(FlowinError):
    """A file that is no OpenAPI 3 description Flowin can read, with what to do about it; its
    ``problem`` keeps the sentence as a template, for the app to show in its language."""

    def __init__(self, template: str, **args: str) -> None:
        self.problem = Problem(template, args=args)
        super().__init__(self.problem.message)


@dataclass
class Imported:
    connector_id: str
    name: str
    folder: Path
    operations: list[str]
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (operation, why)


def import_description(
    source: Path,
    *,
    connector_id: str | None = None,
    tags: Iterable[str] = (),
    operations: Iterable[str] = (),
    paths: Iterable[str] = (),
    folder: Path | None = None,
    taken: Iterable[str] = (),
) -> Imported:
    """Write the connector ``source`` describes into ``folder`` (the data folder's
    ``connectors/`` by default). ``tags``, ``operations`` and ``paths`` (prefixes: "/cards")
    keep only those; ``taken`` are
    connector ids in use by other connectors (built-in ones), which it may not take."""
    in_use = set(taken)
    description = read_description(source)
    info = description.get("info") or {}
    name = _clean(str(info.get("title") or source.stem))[:60]
    if connector_id is None:
        # A service Flowin has built in (Trello, Airtable) keeps its name: the one made from its
        # description is "<name>_api", so both can be used and the user need not pick a name.
        connector_id = _short_id(name)
        if connector_id in in_use:
            connector_id = _unique(f"{connector_id}_api", in_use)
    if not _ID.match(connector_id) or keyword.iskeyword(connector_id):
        raise DescriptionError(
            "'{id}' can't name a connector: use lowercase letters, digits and _, starting with "
            "a letter.",
            id=connector_id,
        )
    if connector_id in in_use:
        raise DescriptionError(
            "Flowin already has a connector called '{id}'; choose another name (--id).",
            id=connector_id,
        )
    plan, manifest, skipped = _plan(
        description, connector_id, name, set(tags), set(operations), tuple(paths)
    )
    if not plan.operations:
        why = f" ({skipped[0][1]})" if skipped else ""
        raise DescriptionError(
            "None of the description's operations can become a step{why}; check --tag and "
            "--operation.",
            why=why,
        )
    target_root = folder or imported_connectors_dir()
    target = target_root / connector_id
    _write(target, plan, manifest, description, source, skipped)
    return Imported(connector_id, name, target, [op.id for op in plan.operations], skipped)


def read_description(source: Path) -> dict[str, Any]:
    """The description in ``source``, its ``$ref``s replaced by what they point to."""
    import jsonref

    try:
        text = source.read_text(encoding="utf-8")
    except OSError as error:
        raise DescriptionError(
            "Flowin can't read {path}: {reason}.", path=str(source), reason=str(error.strerror)
        ) from None
    data: Any
    try:
        data = json.loads(text)
    except ValueError:
        import yaml

        try:
            # libyaml's loader when there is one: a large description parses ten times faster
            data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError as error:
            raise DescriptionError(
                "{file} is neither JSON nor YAML ({reason}).",
                file=source.name,
                reason=str(error).splitlines()[0],
            ) from None
    if not isinstance(data, dict) or not isinstance(data.get("paths"), dict):
        raise DescriptionError(
            "{file} is not an API description: it has no 'paths'. Save the API's OpenAPI file "
            "(openapi.json or .yaml) and import that.",
            file=source.name,
        )
    version = str(data.get("openapi") or "")
    if not version.startswith("3."):
        if data.get("swagger"):
            raise DescriptionError(
                "{file} is not an OpenAPI 3 description (Swagger 2.0: convert it to OpenAPI 3 "
                "first); Flowin reads OpenAPI 3.0 and 3.1.",
                file=source.name,
            )
        raise DescriptionError(
            "{file} is not an OpenAPI 3 description; Flowin reads OpenAPI 3.0 and 3.1.",
            file=source.name,
        )
    try:
        resolved = jsonref.replace_refs(data, proxies=False, lazy_load=False)
    except jsonref.JsonRefError as error:
        raise DescriptionError(
            "{file} points to a part it doesn't have ({part}).",
            file=source.name,
            part=str(error.reference),
        ) from None
    return dict(resolved)


# The plan.


def _plan(
    description: dict[str, Any],
    connector_id: str,
    name: str,
    tags: set[str],
    wanted: set[str],
    prefixes: tuple[str, ...],
) -> tuple[Plan, dict[str, Any], list[tuple[str, str]]]:
    schemes = (description.get("components") or {}).get("securitySchemes") or {}
    auth: dict[str, PlanAuth] = {}
    auth_params: set[tuple[str, str]] = set()
    operations: list[PlanOperation] = []
    actions: list[dict[str, Any]] = []
    skipped: list[tuple[str, str]] = []
    used_ids: set[str] = {"account", "test_account", "sign_in"}
    for path, item in (description.get("paths") or {}).items():
        if not isinstance(item, dict) or (prefixes and not str(path).startswith(prefixes)):
            continue
        for method in METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            label = str(operation.get("operationId") or f"{method.upper()} {path}")
            if tags and not tags & set(operation.get("tags") or []):
                continue
            op_id = _unique(
                _identifier(operation.get("operationId") or f"{method}_{path}"), used_ids
            )
            if wanted and op_id not in wanted and label not in wanted:
                continue
            if len(operations) >= MAX_OPERATIONS:
                skipped.append((label, f"more than {MAX_OPERATIONS} operations: choose with --tag"))
                continue
            requirement = _requirement(operation, description)
            for scheme_name in requirement:
                scheme = schemes.get(scheme_name)
                planned = _auth(scheme_name, scheme) if isinstance(scheme, dict) else None
                if planned is None:
                    continue
                auth.setdefault(scheme_name, planned)
                if planned.kind == "api_key":
                    auth_params.add((planned.location, planned.api_name))
            try:
                fields = _fields(item, operation, auth_params)
            except _Unsupported as why:
                skipped.append((label, str(why)))
                continue
            used_ids.add(op_id)
            operations.append(
                PlanOperation(id=op_id, method=method.upper(), path=path, fields=fields)
            )
            actions.append(_action(op_id, method, path, operation))
    _name_api_key_fields(auth.values())
    readable = [
        op
        for op in operations
        if op.method == "GET"
        and "{" not in op.path
        and op.path.strip("/")
        and not any(f.required for f in op.fields)
    ]
    # the account test: who the account is ("/me", "/whoami") when the API says, else a list
    about_me = [op for op in readable if re.search(r"\b(me|whoami|account|user)\b", op.path)]
    test = (about_me or readable or [None])[0]
    plan = Plan(
        connector_id=connector_id,
        service=name,
        base_url=_server(description),
        auth=list(auth.values()),
        test_operation=test.id if test else None,
        operations=operations,
    )
    info = description.get("info") or {}
    manifest: dict[str, Any] = {
        "id": connector_id,
        "name": name,
        "category": "Imported",
        "icon": "icon.svg",
        "auth": _auth_kind(plan.auth),
        "description": _sentence(str(info.get("description") or ""), 200)
        or f"Steps made from {name}'s API description.",
        "docs_url": ((description.get("externalDocs") or {}).get("url")) or None,
        "credential": "Account",
        "test_connection": "test_account",
        "actions": actions,
    }
    if any(a.kind == "oauth2" for a in plan.auth):
        manifest["sign_in"] = "sign_in"
    return plan, manifest, skipped


class _Unsupported(Exception):
    """An operation no step can make (a file upload), with why."""


def _requirement(operation: dict[str, Any], description: dict[str, Any]) -> list[str]:
    """The security schemes the operation's first way of signing in needs."""
    security = operation.get("security", description.get("security")) or []
    for requirement in security:
        if isinstance(requirement, dict):
            return list(requirement)
    return []


def _auth(scheme_name: str, scheme: dict[str, Any]) -> PlanAuth | None:
    kind = str(scheme.get("type", "")).lower()
    title = _title(scheme_name)
    if kind == "apikey":
        return PlanAuth(
            kind="api_key",
            title=title,
            api_name=str(scheme.get("name") or scheme_name),
            location=scheme.get("in") if scheme.get("in") in ("query", "cookie") else "header",
        )
    if kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
        return PlanAuth(kind="basic", title=title)
    if kind == "http":  # bearer, and schemes that carry a token the same way
        return PlanAuth(kind="bearer", title=title)
    if kind == "oauth2":
        flows = scheme.get("flows") or {}
        code = flows.get("authorizationCode") or {}
        if not code:
            return PlanAuth(kind="bearer", title=title)  # a token got elsewhere, pasted
        return PlanAuth(
            kind="oauth2",
            title=title,
            authorize_url=str(code.get("authorizationUrl") or ""),
            token_url=str(code.get("tokenUrl") or ""),
            scopes=sorted(code.get("scopes") or {}),
        )
    return None


def _name_api_key_fields(auths: Iterable[PlanAuth]) -> None:
    auths = list(auths)
    kinds = {auth.kind for auth in auths}
    taken = {"base_url"}
    taken |= {"token"} if "bearer" in kinds else set()
    taken |= {"username", "password"} if "basic" in kinds else set()
    if "oauth2" in kinds:
        taken |= {"client_id", "client_secret", "access_token", "refresh_token"}
    for auth in auths:
        if auth.kind == "api_key":
            auth.field = _unique(_identifier(auth.api_name) or "api_key", taken)
            taken.add(auth.field)


def _auth_kind(auths: list[PlanAuth]) -> str:
    kinds = {a.kind for a in auths}
    if "oauth2" in kinds:
        return "oauth2"
    if kinds & {"api_key", "bearer"}:
        return "api_key"
    return "basic" if kinds else "none"


def _fields(
    item: dict[str, Any], operation: dict[str, Any], auth_params: set[tuple[str, str]]
) -> list[PlanField]:
    fields: list[PlanField] = []
    taken = {"connection"}
    parameters: dict[tuple[str, str], dict[str, Any]] = {}
    for parameter in [*(item.get("parameters") or []), *(operation.get("parameters") or [])]:
        if isinstance(parameter, dict) and parameter.get("name"):
            parameters[(str(parameter.get("in")), str(parameter["name"]))] = parameter
    for (location, api_name), parameter in parameters.items():
        if location not in ("path", "query", "header") or (location, api_name) in auth_params:
            continue
        if location == "header" and api_name.lower() in ("authorization", "content-type", "accept"):
            continue
        schema = parameter.get("schema") or {}
        fields.append(
            _field(
                api_name,
                location,
                schema,
                required=bool(parameter.get("required")) or location == "path",
                description=str(parameter.get("description") or schema.get("description") or ""),
                taken=taken,
            )
        )
    fields.extend(_body_fields(operation.get("requestBody"), taken))
    return fields


def _body_fields(body: Any, taken: set[str]) -> list[PlanField]:
    if not isinstance(body, dict):
        return []
    content = body.get("content") or {}
    required = bool(body.get("required"))
    for media, location in (
        ("application/json", "json"),
        ("application/x-www-form-urlencoded", "form"),
    ):
        matching = [k for k in content if k.split(";")[0].strip().lower() == media]
        if not matching:
            continue
        schema = _merged((content[matching[0]] or {}).get("schema") or {})
        properties = schema.get("properties") if isinstance(schema, dict) else None
        if not properties or (location == "json" and schema.get("type") not in (None, "object")):
            return [
                PlanField(
                    name=_unique("body", taken),
                    api_name="body",
                    location="body",
                    type="any",
                    required=required,
                    title="Request body",
                    description=_sentence(str(body.get("description") or ""), 300)
                    or "What to send, as JSON.",
                )
            ]
        must = set(schema.get("required") or []) if required else set()
        fields = []
        for api_name, property_schema in properties.items():
            if isinstance(property_schema, dict) and property_schema.get("readOnly"):
                continue
            fields.append(
                _field(
                    str(api_name),
                    location,
                    property_schema if isinstance(property_schema, dict) else {},
                    required=api_name in must,
                    description=str((property_schema or {}).get("description") or ""),
                    taken=taken,
                )
            )
        return fields
    if required and content:
        kinds = ", ".join(sorted(content))
        raise _Unsupported(f"it sends {kinds}, which a step can't fill in yet")
    return []


def _field(
    api_name: str,
    location: str,
    schema: dict[str, Any],
    *,
    required: bool,
    description: str,
    taken: set[str],
) -> PlanField:
    schema = _merged(schema)
    kind, item_type = _type(schema)
    choices = [c for c in (schema.get("enum") or []) if isinstance(c, str)]
    if len(choices) != len(schema.get("enum") or []):
        choices = []  # numbers or mixed: typed, the choices said in the help
    listed = schema.get("enum") or (_merged(schema.get("items") or {}).get("enum") or [])
    if listed and not choices:
        # a list of them, or numbers: the choices said in the help
        description = f"{description} Choose from: {', '.join(map(str, listed[:20]))}.".strip()
    name = _unique(_identifier(api_name) or "value", taken)
    taken.add(name)
    default = schema.get("default")
    if not isinstance(default, str | int | float | bool) or (choices and default not in choices):
        default = None
    return PlanField(
        name=name,
        api_name=api_name,
        location=location,  # type: ignore[arg-type]
        type=kind,
        item_type=item_type,
        choices=choices,
        required=required and default is None,
        title=_title(api_name),
        description=_sentence(description, 300),
        default=default,
    )


def _merged(schema: Any) -> dict[str, Any]:
    """A schema with its allOf parts merged, and its first oneOf/anyOf choice that is an object
    taken for the fields to show (the rest is accepted as written)."""
    if not isinstance(schema, dict):
        return {}
    parts = schema.get("allOf")
    if isinstance(parts, list):
        merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
        for part in parts:
            part = _merged(part)
            merged.setdefault("properties", {}).update(part.get("properties") or {})
            merged["required"] = [*merged.get("required", []), *part.get("required", [])]
            for key in ("type", "description", "enum"):
                if key in part:
                    merged.setdefault(key, part[key])
        return merged
    return schema


def _type(schema: dict[str, Any]) -> tuple[Any, Any]:
    kind = schema.get("type")
    if isinstance(kind, list):  # 3.1: ["string", "null"]
        kind = next((k for k in kind if k != "null"), None)
    if kind in ("string", "integer", "number", "boolean"):
        return kind, "string"
    if kind == "array":
        items = _merged(schema.get("items") or {})
        item = items.get("type")
        if item in ("string", "integer", "number", "boolean"):
            return "list", item
        return "any", "string"
    if kind == "object" or "properties" in schema:
        return "object", "string"
    return "any" if kind is None and (
        "oneOf" in schema or "anyOf" in schema
    ) else "string", "string"


def _action(op_id: str, method: str, path: str, operation: dict[str, Any]) -> dict[str, Any]:
    summary = _clean(str(operation.get("summary") or ""))
    name = (summary or _title(op_id))[:60]
    description = _sentence(str(operation.get("description") or summary or ""), 300)
    action: dict[str, Any] = {
        "id": op_id,
        "name": name,
        "description": description or f"{method.upper()} {path}",
        "summary": [name],
        "repeat_safe": method.upper() in ("GET", "PUT", "DELETE"),
        "phrases": {"en": list(dict.fromkeys([name.lower(), _title(op_id).lower()])), "ar": []},
    }
    example = _example(operation)
    if example is not None:
        action["output_example"] = example
    return action


def _example(operation: dict[str, Any]) -> Any:
    for status, answer in (operation.get("responses") or {}).items():
        if not str(status).startswith("2") or not isinstance(answer, dict):
            continue
        for media in (answer.get("content") or {}).values():
            if not isinstance(media, dict):
                continue
            if "example" in media:
                return _plain_json(media["example"])
            for example in (media.get("examples") or {}).values():
                if isinstance(example, dict) and "value" in example:
                    return _plain_json(example["value"])
    return None


def _plain_json(value: Any) -> Any:
    try:
        return json.loads(json.dumps(value))
    except (TypeError, ValueError):
        return None


def _server(description: dict[str, Any]) -> str:
    for server in description.get("servers") or []:
        if not isinstance(server, dict) or not server.get("url"):
            continue
        url = str(server["url"])
        for name, variable in (server.get("variables") or {}).items():
            url = url.replace("{" + name + "}", str((variable or {}).get("default", "")))
        if url.startswith(("http://", "https://")):
            return url.rstrip("/")
    return ""


# Names.


def _identifier(text: str) -> str:
    """``createCard`` → ``create_card``; ``GET /boards/{id}`` → ``get_boards_id``."""
    text = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", text)  # "APIKey": API, Key
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", text)
    text = re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_").lower()
    text = re.sub(r"_+", "_", text)
    if text and not text[0].isalpha():
        text = "n_" + text
    return text[:60].rstrip("_")


# Words of an API's title that say nothing of the service: "Trello REST API" is trello.
_GENERIC = {"api", "apis", "rest", "restful", "openapi", "http", "web", "reference", "public"}


def _short_id(title: str) -> str:
    words = _identifier(title.split(":")[0].split("(")[0]).split("_")
    kept = [w for w in words if w not in _GENERIC and not re.fullmatch(r"v\d+", w)]
    return "_".join(kept or words)[:40] or "imported"


def _unique(name: str, taken: set[str]) -> str:
    if name not in taken and not keyword.iskeyword(name):
        return name
    number = 2
    while f"{name}_{number}" in taken:
        number += 1
    return f"{name}_{number}"


def _title(name: str) -> str:
    words = _identifier(name).replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else name


def _clean(text: str) -> str:
    """Text without markup, and with room to wrap: "a,b,c" lists get their spaces."""
    text = re.sub(r"<[^>]+>|[*`#]|(?<!\w)_|_(?!\w)", "", text)
    return " ".join(re.sub(r",(?=[^\s\d])", ", ", text).split())


def _sentence(text: str, limit: int) -> str:
    """The first paragraph of a description, without markup, at most ``limit`` characters."""
    first = _clean(text.strip().split("\n\n")[0])
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


# The folder.


def _write(
    target: Path,
    plan: Plan,
    manifest: dict[str, Any],
    description: dict[str, Any],
    source: Path,
    skipped: list[tuple[str, str]],
) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    _package_marker(target.parent)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        (staging / "__init__.py").write_text("", encoding="utf-8")
        # the step's icon on the canvas and in the palette: the web-request one
        shutil.copyfile(_GENERIC_ICON, staging / "icon.svg")
        (staging / "manifest.json").write_text(
            json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        (staging / PLAN_FILE).write_text(
            plan.model_dump_json(indent=2, exclude_defaults=True) + "\n", encoding="utf-8"
        )
        (staging / "operations.py").write_text(
            _OPERATIONS_PY.format(name=manifest["name"]), encoding="utf-8"
        )
        shutil.copyfile(
            source,
            staging
            / (DESCRIPTION_FILE if source.suffix == ".json" else "description" + source.suffix),
        )
        (staging / "README.md").write_text(
            _readme(plan, manifest, source, skipped), encoding="utf-8"
        )
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    _forget_modules(f"{PACKAGE}.{target.name}")  # a regenerated connector loads afresh


def _forget_modules(package: str) -> None:
    """Drop ``package`` and its modules from the import cache, so they are read again."""
    for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
        del sys.modules[name]


def is_imported(connector: Connector) -> bool:
    """Whether ``connector`` was made from an API description (not built in or installed)."""
    return connector.package.startswith(PACKAGE + ".")


def _package_marker(root: Path) -> None:
    marker = root / "__init__.py"
    if not marker.exists():
        marker.write_text('"""Connectors made from API descriptions."""\n', encoding="utf-8")


def _readme(
    plan: Plan, manifest: dict[str, Any], source: Path, skipped: list[tuple[str, str]]
) -> str:
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    lines = [
        f"# {manifest['name']}",
        "",
        f"Made by `flowin connectors import` from `{source.name}` (sha256 {digest}) on "
        f"{datetime.now(UTC):%Y-%m-%d}. Import the description again to update it.",
        "",
        f"Server: {plan.base_url or '(none given: set the API address on the account)'}",
        f"Sign-in: {', '.join(a.kind for a in plan.auth) or 'none'}",
        "",
        f"## Steps ({len(plan.operations)})",
        "",
    ]
    lines += [f"- `{op.id}`: {op.method} {op.path}" for op in plan.operations]
    if skipped:
        lines += ["", "## Left out", ""]
        lines += [f"- {label}: {why}" for label, why in skipped]
    return "\n".join(lines) + "\n"


# Loading.


def imported_package(root: Path | None = None) -> str | None:
    """Make the folder of imported connectors importable as ``flowin_imported``; its package
    name, or None when there is none."""
    root = root or imported_connectors_dir()
    if not (root / "__init__.py").is_file():
        return None
    loaded = sys.modules.get(PACKAGE)
    if loaded is not None and list(getattr(loaded, "__path__", [])) == [str(root)]:
        return PACKAGE
    spec = util.spec_from_file_location(
        PACKAGE, root / "__init__.py", submodule_search_locations=[str(root)]
    )
    if spec is None or spec.loader is None:
        return None
    _forget_modules(PACKAGE)
    module = util.module_from_spec(spec)
    sys.modules[PACKAGE] = module
    spec.loader.exec_module(module)
    return PACKAGE


def load_imported(connector_id: str) -> Connector:
    """The connector made from a description, read afresh from its folder (to add to a registry
    that is running: ``registry.add(connector, replace=True)``)."""
    package = imported_package()
    if package is None:
        raise DescriptionError(
            "No service called '{id}' was added from a description.", id=connector_id
        )
    return load_connector(f"{package}.{connector_id}")
