"""A local stand-in for a vendor's API that checks every request against the vendor's contract.

``ContractServer`` serves one OpenAPI document (a copy kept in ``tests/contracts/vendor``) on a real
pytest-httpserver at 127.0.0.1. Each request a connector sends is validated with openapi-core
(method, path, parameters, required fields, body schema, auth header) and answered with a
response of the documented shape: one the test gives per operation, or else the document's own
example. A request the document rejects gets a 400 and is kept in ``rejected``; leaving the
``with`` block with anything rejected, or with a response that breaks the document, fails the
test::

    @pytest.fixture
    def telegram_api(httpserver):
        with ContractServer(httpserver, "telegram/openapi.json") as api:
            yield api

    def test_send(telegram_api):
        telegram_api.respond("/sendMessage", json={"ok": True, "result": {...}})
        ...  # point the connector at telegram_api.url("/bot<token>")
        assert telegram_api.calls("/sendMessage")[0].body["text"] == "hi"

Known defects of a document are fixed in memory by the corrections in ``KNOWN_DEFECTS`` (see
``tests/contracts/vendor/README.md``); the files themselves are never edited.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import json
import os
import pickle
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
import yaml
from openapi_core import Config, OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest, WerkzeugOpenAPIResponse
from openapi_core.templating.paths.exceptions import PathError
from openapi_core.templating.paths.finders import APICallPathFinder
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response
from werkzeug.test import EnvironBuilder

CONTRACTS = Path(__file__).parent / "vendor"
CACHE = (
    Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "flowin-tests" / "contracts"
)

Document = dict[str, Any]
Correction = Callable[[Document], Document]


# Reading a contract.


def contract_file(name: str) -> Path:
    """The path of ``name`` (e.g. "telegram/openapi.json") among the vendors' documents."""
    path = CONTRACTS / name
    if not path.is_file():
        pytest.fail(
            f"The API contract {name} is missing: expected it at {path}. The contracts live in "
            "tests/contracts/vendor; see its README.md.",
            pytrace=False,
        )
    return path


@cache
def _read(name: str) -> Document:
    path = contract_file(name)
    if path.suffix in (".yaml", ".yml"):
        return _read_yaml(path)
    with path.open(encoding="utf-8") as file:
        return json.load(file)


def _read_yaml(path: Path) -> Document:
    """Large YAML documents take seconds to parse (Stripe's 4 MB, even with libyaml), so the
    parsed form is kept in the user's cache folder, under the file's sha256: an edited or
    replaced document is parsed again, and a cache that can't be used is only slower."""
    data = path.read_bytes()
    cached = CACHE / f"{path.stem}-{hashlib.sha256(data).hexdigest()}.pickle"
    try:
        with cached.open("rb") as file:
            return pickle.load(file)
    except (OSError, pickle.PickleError, EOFError):
        pass
    document = yaml.load(data, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    with contextlib.suppress(OSError):
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(cached)  # whole or not at all, when two test runs write at once
    return document


def load_document(name: str, corrections: tuple[Correction, ...] | None = None) -> Document:
    """A fresh copy of a contract with its known defects (or the given corrections) fixed."""
    document = copy.deepcopy(_read(name))
    for correct in KNOWN_DEFECTS.get(name, ()) if corrections is None else corrections:
        document = correct(document)
    return document


# Corrections for documented defects (tests/contracts/vendor/README.md and each SOURCE.txt).


def _walk(node: Any, visit: Callable[[dict[str, Any]], None]) -> None:
    if isinstance(node, dict):
        visit(node)
        for value in node.values():
            _walk(value, visit)
    elif isinstance(node, list):
        for value in node:
            _walk(value, visit)


def strip_discriminators(document: Document) -> Document:
    """openapi-core can't resolve these documents' discriminators; oneOf/anyOf still apply."""

    def visit(node: dict[str, Any]) -> None:
        if isinstance(node.get("discriminator"), dict):
            del node["discriminator"]

    _walk(document, visit)
    return document


def open_all_of_members(document: Document) -> Document:
    """``allOf: [Base, {additionalProperties: false, ...}]`` rejects Base's own fields under a
    strict JSON Schema validator (each member sees the whole object), so valid messages fail."""

    def visit(node: dict[str, Any]) -> None:
        for member in node.get("allOf") or []:
            if isinstance(member, dict) and member.get("additionalProperties") is False:
                del member["additionalProperties"]

    _walk(document, visit)
    return document


_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
_SCHEMA_KEYS = ("type", "format", "items", "enum", "default", "minimum", "maximum", "pattern")


def swagger2_to_openapi3(document: Document) -> Document:
    """Enough of the Swagger 2.0 → OpenAPI 3.0 conversion for openapi-core to read the paths:
    servers, components, parameters, form and JSON bodies, responses with their examples."""
    if "swagger" not in document:
        return document
    scheme = (document.get("schemes") or ["https"])[0]
    converted: Document = {
        "openapi": "3.0.3",
        "info": document.get("info", {"title": "", "version": ""}),
        "servers": [{"url": f"{scheme}://{document['host']}{document.get('basePath', '')}"}],
        "paths": {},
        "components": {
            "schemas": document.get("definitions", {}),
            "securitySchemes": {
                name: _security_scheme(definition)
                for name, definition in document.get("securityDefinitions", {}).items()
            },
        },
    }
    for path, item in document.get("paths", {}).items():
        converted["paths"][path] = {
            method: _operation(operation, document.get("consumes") or ["application/json"])
            for method, operation in item.items()
            if method in ("get", "put", "post", "delete", "options", "head", "patch")
        }

    def visit(node: dict[str, Any]) -> None:
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/definitions/"):
            node["$ref"] = "#/components/schemas/" + ref.removeprefix("#/definitions/")

    _walk(converted, visit)
    return converted


def _security_scheme(definition: dict[str, Any]) -> dict[str, Any]:
    if definition.get("type") == "oauth2":
        flow = {"accessCode": "authorizationCode", "application": "clientCredentials"}.get(
            definition.get("flow", ""), definition.get("flow", "implicit")
        )
        keys = ("authorizationUrl", "tokenUrl", "scopes")
        return {
            "type": "oauth2",
            "flows": {flow: {k: definition[k] for k in keys if k in definition}},
        }
    if definition.get("type") == "basic":
        return {"type": "http", "scheme": "basic"}
    return definition


def _operation(operation: dict[str, Any], default_consumes: list[str]) -> dict[str, Any]:
    result = {k: v for k, v in operation.items() if k not in ("parameters", "responses")}
    for key in ("consumes", "produces", "schemes"):
        result.pop(key, None)
    consumes = operation.get("consumes") or default_consumes
    parameters, form, form_required = [], {}, []
    for parameter in operation.get("parameters", []):
        location = parameter.get("in")
        schema = {k: parameter[k] for k in _SCHEMA_KEYS if k in parameter}
        if "description" in parameter:
            schema["description"] = parameter["description"]
        if location == "formData":
            form[parameter["name"]] = schema
            if parameter.get("required"):
                form_required.append(parameter["name"])
        elif location == "body":
            result["requestBody"] = {
                "required": bool(parameter.get("required")),
                "content": {"application/json": {"schema": parameter.get("schema", {})}},
            }
        else:
            parameters.append(
                {
                    "name": parameter["name"],
                    "in": location,
                    "required": bool(parameter.get("required")) or location == "path",
                    "description": parameter.get("description", ""),
                    "schema": schema,
                }
            )
    if parameters:
        result["parameters"] = parameters
    if form:
        schema = {"type": "object", "properties": form}
        if form_required:
            schema["required"] = form_required
        types = [t for t in consumes if t in _FORM_TYPES] or list(_FORM_TYPES[:1])
        result["requestBody"] = {
            "required": bool(form_required),
            "content": {t: {"schema": copy.deepcopy(schema)} for t in types},
        }
    result["responses"] = {}
    for status, response in operation.get("responses", {}).items():
        converted = {"description": response.get("description", "")}
        if "schema" in response:
            media: dict[str, Any] = {"schema": response["schema"]}
            example = (response.get("examples") or {}).get("application/json")
            if example is not None:
                media["example"] = example
            converted["content"] = {"application/json": media}
        result["responses"][str(status)] = converted
    return result


def slack_bearer_and_json(document: Document) -> Document:
    """Slack's 2021 description takes the token as a 'token' header and only form bodies; the Web
    API (api.slack.com/web, "Posting JSON") takes ``Authorization: Bearer`` and, for write methods,
    a JSON body whose ``blocks``/``attachments`` are arrays, not JSON-encoded strings."""
    document["components"]["securitySchemes"]["bearerAuth"] = {"type": "http", "scheme": "bearer"}
    for item in document["paths"].values():
        for operation in item.values():
            parameters = [p for p in operation.get("parameters", []) if p["name"] != "token"]
            if parameters:
                operation["parameters"] = parameters
            else:
                operation.pop("parameters", None)
            operation["security"] = [{"bearerAuth": []}]
            content = operation.get("requestBody", {}).get("content", {})
            form = content.get(_FORM_TYPES[0])
            if form is not None:
                schema = copy.deepcopy(form["schema"])
                for name in ("blocks", "attachments"):
                    if name in schema.get("properties", {}):
                        schema["properties"][name] = {
                            "anyOf": [{"type": "array"}, {"type": "string"}]
                        }
                content["application/json"] = {"schema": schema}
    return document


def telegram_multipart_text_fields(document: Document) -> Document:
    """The Bot API reads a multipart field such as ``chat_id`` (Integer or String) or ``photo``
    (InputFile or String) as text (core.telegram.org/bots/api, "Making requests"), but the
    description gives no ``encoding``, so openapi-core takes these untyped fields as bytes and
    rejects every multipart call; say text, and JSON for the object fields ($ref)."""
    for item in document["paths"].values():
        for operation in item.values():
            media = operation.get("requestBody", {}).get("content", {}).get(_FORM_TYPES[1])
            if media is None:
                continue
            encoding = media.setdefault("encoding", {})
            for name, schema in media["schema"].get("properties", {}).items():
                if "type" in schema or name in encoding:
                    continue
                text = "$ref" not in schema
                encoding[name] = {"contentType": "text/plain" if text else "application/json"}
    return document


def no_null_defaults(document: Document) -> Document:
    """The OpenAI document is OpenAPI 3.1, where ``nullable`` means nothing, yet some fields
    (``stop``, ``logit_bias``) keep 3.0's ``default: null``; openapi-core fills in that default and
    then rejects it, so every request failed. Leaving a field out means no value to the API."""

    def visit(node: dict[str, Any]) -> None:
        if "default" in node and node["default"] is None:
            del node["default"]

    _walk(document, visit)
    return document


def notion_page_children_are_blocks(document: Document) -> Document:
    """The Notion description (from Notion's MCP server, simplified) types post-page's
    ``children`` as strings; the API takes block objects (developers.notion.com, "Create a page")."""
    body = document["paths"]["/v1/pages"]["post"]["requestBody"]["content"]["application/json"]
    body["schema"]["properties"]["children"]["items"] = {"type": "object"}
    return document


def stripe_deep_objects_as_json(document: Document) -> Document:
    """openapi-core reads ``style: deepObject`` only for flat objects without anyOf, but Stripe
    sends every body as a form with brackets (``metadata[order]=1042``, ``address[city]=Amman``)
    and filters lists the same way (``created[gte]=…``, ``expand[]=…``), so every request failed,
    even one without such a field. Bodies are described as JSON instead, and deepObject query
    parameters as JSON content; ``decode_stripe_form`` puts each request in that shape first."""
    for item in document["paths"].values():
        for operation in item.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("style") == "deepObject":
                    schema = parameter.pop("schema")
                    parameter.pop("style")
                    parameter.pop("explode", None)
                    parameter["content"] = {"application/json": {"schema": schema}}
            content = operation.get("requestBody", {}).get("content", {})
            form = content.pop(_FORM_TYPES[0], None)
            if form is not None:
                content["application/json"] = {"schema": form["schema"]}
    return document


def null_where_nullable(document: Document) -> Document:
    """OpenAPI 3.0.3 ("nullable") lets null in only beside a ``type``, and not past an ``enum``
    that doesn't list it; Stripe marks its expandable fields (``customer``, ``latest_charge``:
    anyOf, no type) and its enums (``cancellation_reason``) nullable all the same, so Stripe's
    own example objects, with null there, were refused. Null is let in where it says nullable."""

    def visit(node: dict[str, Any]) -> None:
        if node.get("nullable") is not True:
            return
        members = node.get("anyOf") or node.get("oneOf")
        if "type" not in node and isinstance(members, list):
            members.append({"type": "object", "nullable": True, "enum": [None]})
        if isinstance(node.get("enum"), list) and None not in node["enum"]:
            node["enum"].append(None)

    _walk(document, visit)
    return document


KNOWN_DEFECTS: dict[str, tuple[Correction, ...]] = {
    "openai/openapi.yaml": (strip_discriminators, no_null_defaults),
    "notion/notion-openapi.json": (notion_page_children_are_blocks,),
    "whatsapp/business-messaging-api_v23.0.yaml": (strip_discriminators, open_all_of_members),
    "slack/slack_web_openapi_v2.json": (swagger2_to_openapi3, slack_bearer_and_json),
    "telegram/openapi.json": (telegram_multipart_text_fields,),
    "stripe/spec3.yaml": (stripe_deep_objects_as_json, null_where_nullable),
}


# Requests as a vendor encodes them, rewritten into what the corrected document describes.

# (the request, its operation in the corrected document) -> the request to check; a ValueError
# says why the vendor couldn't read it.
RequestDecoder = Callable[[Request, dict[str, Any]], Request]


def decode_stripe_form(request: Request, operation: dict[str, Any]) -> Request:
    """Stripe's form encoding (stripe.com/docs/api, "Metadata", "Expanding responses"): nested
    fields in brackets, list items as ``[0]`` or ``[]``, and every value a string that Stripe
    reads by the field's type. Decoded into JSON with the document's types, so that
    ``balance=12`` passes and ``balance=twelve`` does not."""
    body: Any = None
    if request.get_data():
        kind = (request.mimetype or "").lower()
        if kind != _FORM_TYPES[0]:
            raise ValueError(f"Stripe reads bodies as {_FORM_TYPES[0]}, not {kind or 'untyped'}")
        media = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
        pairs = parse_qsl(request.get_data(as_text=True), keep_blank_values=True)
        body = _coerce(_unbracket(pairs), media.get("schema", {}))
    query: list[tuple[str, str]] = list(request.args.items(multi=True))
    for parameter in operation.get("parameters", []):
        if parameter.get("in") != "query" or "content" not in parameter:
            continue
        name = parameter["name"]
        mine = [(k, v) for k, v in query if k == name or k.startswith(name + "[")]
        if mine:
            schema = parameter["content"]["application/json"]["schema"]
            value = _coerce(_unbracket(mine)[name], schema)
            query = [(k, v) for k, v in query if (k, v) not in mine]
            query.append((name, json.dumps(value)))
    headers = [(k, v) for k, v in request.headers.items() if k.lower() != "content-type"]
    builder = EnvironBuilder(
        method=request.method,
        base_url=request.host_url,
        path=request.path,
        query_string=urlencode(query),
        headers=headers,
        data=json.dumps(body) if body is not None else None,
        content_type="application/json" if body is not None else None,
    )
    try:
        return Request(builder.get_environ())
    finally:
        builder.close()


_BRACKETED = re.compile(r"([^\[\]]+)((?:\[[^\[\]]*\])*)")


def _unbracket(pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """``a[b][c]=1`` → {"a": {"b": {"c": "1"}}}; ``a[]=x`` numbers the items like ``a[0]``."""
    root: dict[str, Any] = {}
    for key, value in pairs:
        match = _BRACKETED.fullmatch(key)
        if match is None:
            raise ValueError(f"{key!r} is not a field name Stripe can read")
        names = [match.group(1), *re.findall(r"\[([^\[\]]*)\]", match.group(2))]
        node = root
        for depth, name in enumerate(names):
            if name == "":
                name = str(len(node))
            if depth == len(names) - 1:
                if name in node:
                    raise ValueError(f"{key!r} is given twice")
                node[name] = value
            else:
                node = node.setdefault(name, {})
                if not isinstance(node, dict):
                    raise ValueError(f"{key!r} is both a value and a group of fields")
    return root


def _coerce(value: Any, schema: dict[str, Any]) -> Any:
    """Form text read the way the schema types it; what doesn't convert stays as sent, for the
    validator to refuse."""
    members = schema.get("anyOf") or schema.get("oneOf")
    if members:
        for member in members:
            coerced = _coerce(value, member)
            if _has_type(coerced, member.get("type")):
                return coerced
        return value
    kind = schema.get("type")
    if isinstance(value, dict):
        if kind == "array" and all(k.isdigit() for k in value):
            items = schema.get("items", {})
            return [_coerce(value[k], items) for k in sorted(value, key=int)]
        extra = schema.get("additionalProperties")
        fields = schema.get("properties", {})
        return {
            k: _coerce(v, fields.get(k) or (extra if isinstance(extra, dict) else {}))
            for k, v in value.items()
        }
    if isinstance(value, str):
        if kind == "integer" and re.fullmatch(r"-?\d+", value):
            return int(value)
        if kind == "number" and re.fullmatch(r"-?\d+(\.\d+)?", value):
            return float(value)
        if kind == "boolean" and value in ("true", "false"):
            return value == "true"
    return value


def _has_type(value: Any, kind: str | None) -> bool:
    expected = {
        "object": dict,
        "array": list,
        "string": str,
        "integer": int,
        "number": (int, float),
        "boolean": bool,
    }.get(kind or "")
    if expected is None:
        return True
    if isinstance(value, bool) and kind != "boolean":
        return False
    return isinstance(value, expected)


KNOWN_DECODERS: dict[str, RequestDecoder] = {
    "stripe/spec3.yaml": decode_stripe_form,
}


@dataclass(frozen=True)
class Contract:
    name: str
    document: Document
    openapi: OpenAPI
    decoder: RequestDecoder | None = None

    def decoded(self, request: Request, path: str) -> Request:
        """The request in the shape the corrected document describes (see KNOWN_DECODERS);
        ``path`` is the template it matched, e.g. "/v1/customers"."""
        if self.decoder is None:
            return request
        return self.decoder(request, self.document["paths"][path][request.method.lower()])

    @property
    def origin(self) -> str:
        """The vendor's scheme and host, from the document's first server."""
        parts = urlsplit(self.document["servers"][0]["url"])
        return f"{parts.scheme}://{parts.netloc}"


@cache
def load_contract(name: str, corrections: tuple[Correction, ...] | None = None) -> Contract:
    """The contract, corrected and ready for openapi-core (cached: the documents are large)."""
    document = load_document(name, corrections)
    # The documents are the vendors'; checking them against the OpenAPI meta-schema is not
    # this helper's job and takes seconds for each.
    openapi = OpenAPI.from_dict(document, config=Config(spec_validator_cls=None))
    decoder = KNOWN_DECODERS.get(name) if corrections is None else None
    return Contract(name, document, openapi, decoder)


# Serving it.


class _AsVendorRequest(WerkzeugOpenAPIRequest):
    """The request as if it had reached the vendor's host, so the document's servers match."""

    def __init__(self, request: Request, origin: str) -> None:
        super().__init__(request)
        self._origin = origin

    @property
    def host_url(self) -> str:
        return self._origin

    @property
    def path(self) -> str:
        return self.request.path


@dataclass
class Call:
    """One request the server accepted: the operation and its validated parameters and body."""

    operation: str
    request: Request
    body: Any
    parameters: Any
    security: Any


@dataclass
class Rejection:
    method: str
    url: str
    errors: list[str]

    def __str__(self) -> str:
        return f"{self.method} {self.url}: " + "; ".join(self.errors)


@dataclass
class ScriptedAnswer:
    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)
    check: bool = True
    served: bool = False


class ScriptedServer:
    """What the checking servers share: a catch-all handler on a pytest-httpserver, answers the
    test scripts per operation, and leaving the ``with`` block failing the test when the server
    refused anything (``assert_valid``)."""

    def __init__(self, httpserver: HTTPServer) -> None:
        self.httpserver = httpserver
        self._answers: dict[str, list[ScriptedAnswer]] = {}
        self._lock = threading.Lock()
        httpserver.expect_request(re.compile(r".*")).respond_with_handler(self._handle)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if kind is None:
            self.assert_valid()

    def assert_valid(self) -> None:
        raise NotImplementedError

    def _handle(self, request: Request) -> Response:
        raise NotImplementedError

    def _script(self, operation: str, answer: ScriptedAnswer) -> None:
        """Answers queue up: each request takes the next, and the last one stays until another
        is given."""
        with self._lock:
            queue = self._answers.setdefault(operation, [])
            if queue and queue[-1].served:
                queue.clear()
            queue.append(answer)

    def _take(self, operation: str) -> ScriptedAnswer | None:
        with self._lock:
            queue = self._answers.get(operation)
            if not queue:
                return None
            answer = queue.pop(0) if len(queue) > 1 else queue[0]
            answer.served = True
            return answer

    @staticmethod
    def _response(answer: ScriptedAnswer) -> Response:
        return Response(
            json.dumps(answer.body) if answer.body is not None else "",
            status=answer.status,
            headers=answer.headers,
            content_type="application/json",
        )


class ContractServer(ScriptedServer):
    """A vendor API on 127.0.0.1 that only accepts requests its contract describes."""

    def __init__(
        self,
        httpserver: HTTPServer,
        contract: str | Contract,
        *,
        origin: str | None = None,
        check_responses: bool = True,
    ) -> None:
        self.contract = load_contract(contract) if isinstance(contract, str) else contract
        self.origin = origin or self.contract.origin
        self.check_responses = check_responses
        self.calls_made: list[Call] = []
        self.rejected: list[Rejection] = []
        self.response_errors: list[str] = []
        self._finder = APICallPathFinder(self.contract.openapi.spec)
        super().__init__(httpserver)

    def url(self, path: str = "") -> str:
        """The local address standing in for the vendor's, e.g. url("/bot123:abc")."""
        return self.httpserver.url_for("/").rstrip("/") + path

    def respond(
        self,
        operation: str,
        *,
        json: Any = None,
        status: int = 200,
        headers: dict[str, str] | None = None,
        check: bool = True,
    ) -> None:
        """Answer ``operation`` (its operationId or path template) with this response (queued,
        see ``_script``). ``check=False`` is for an answer the document doesn't describe (an
        error status it leaves out); say why in the test.
        """
        self._script(operation, ScriptedAnswer(status, json, dict(headers or {}), check))

    def calls(self, operation: str | None = None) -> list[Call]:
        return [c for c in self.calls_made if operation is None or c.operation == operation]

    def assert_valid(self) -> None:
        """Fail unless every request fitted the contract and every answer did too."""
        problems = [f"rejected request: {r}" for r in self.rejected]
        problems += [f"undocumented response: {e}" for e in self.response_errors]
        assert not problems, f"Against {self.contract.name}:\n" + "\n".join(problems)

    def _handle(self, request: Request) -> Response:
        try:
            return self._answer(request)
        except Exception as error:  # a crash here must fail the test, not hide in the server
            self.response_errors.append(f"the contract server crashed: {error!r}")
            return Response("contract server error", status=500)

    def _answer(self, request: Request) -> Response:
        request.get_data()  # read once, so every adapter sees the body
        openapi_request = _AsVendorRequest(request, self.origin)
        try:
            found = self._finder.find(openapi_request.method, self.origin + openapi_request.path)
        except PathError as error:
            return self._reject(request, [f"{type(error).__name__}: {error}"])
        operation = _operation_name(found)
        try:
            decoded = self.contract.decoded(request, found.path.parts[-1])
        except ValueError as error:
            return self._reject(request, [f"undecodable request: {error}"])
        openapi_request = _AsVendorRequest(decoded, self.origin)
        result = self.contract.openapi.unmarshal_request(openapi_request)
        if result.errors:
            return self._reject(request, [_describe(e) for e in result.errors])
        with self._lock:
            self.calls_made.append(
                Call(operation, request, result.body, result.parameters, result.security)
            )
        answer = self._take(operation) or _documented_example(found.operation)
        if answer is None:
            self.response_errors.append(
                f"{operation}: the test gave no answer and the document has no example"
            )
            return Response("no answer configured", status=500)
        response = self._response(answer)
        if self.check_responses and answer.check:
            errors = self.contract.openapi.iter_response_errors(
                openapi_request, WerkzeugOpenAPIResponse(response)
            )
            self.response_errors += [f"{operation} {answer.status}: {_describe(e)}" for e in errors]
        return response

    def _reject(self, request: Request, errors: list[str]) -> Response:
        rejection = Rejection(request.method, request.url, errors)
        self.rejected.append(rejection)
        body = {"ok": False, "error": "request does not match the contract", "details": errors}
        return Response(json.dumps(body), status=400, content_type="application/json")


def _operation_name(found: Any) -> str:
    """The operationId, or for documents without them (Telegram) the path: "/sendMessage"."""
    if "operationId" in found.operation:
        return (found.operation / "operationId").read_str()
    return found.path.parts[-1]


def _documented_example(operation: Any) -> ScriptedAnswer | None:
    for status, response in (operation / "responses").items():
        if not str(status).startswith("2"):
            continue
        for _, media in (response / "content").items() if "content" in response else ():
            if "example" in media:
                return ScriptedAnswer(int(status), (media / "example").read_value())
            for _, example in (media / "examples").items() if "examples" in media else ():
                if "value" in example:
                    return ScriptedAnswer(int(status), (example / "value").read_value())
    return None


def _describe(error: BaseException) -> str:
    """openapi-core's error with the schema errors that caused it, which say what was wrong."""
    details: list[str] = []
    pending: list[BaseException] = [error]
    while pending:
        current = pending.pop()
        for inner in getattr(current, "schema_errors", ()) or ():
            details.append(getattr(inner, "message", str(inner)))
        if current.__cause__ is not None:
            pending.append(current.__cause__)
    text = f"{type(error).__name__}: {error}"
    return text + (f" ({'; '.join(details)})" if details else "")


def schema_errors(contract: Contract, schema_name: str, instance: Any) -> list[str]:
    """What ``components/schemas/<schema_name>`` of the contract (or the schema at a JSON pointer
    starting with "#/") finds wrong with ``instance``: for payloads the vendor sends us, like
    webhooks, or answers openapi-core can't pick by status (Slack's errors come with a 200)."""
    from openapi_schema_validator import OAS30Validator, OAS31Validator

    version = str(contract.document.get("openapi", "3.0"))
    validator_class = OAS31Validator if version.startswith("3.1") else OAS30Validator
    pointer = schema_name if schema_name.startswith("#/") else f"#/components/schemas/{schema_name}"
    root = {**contract.document, "$ref": pointer}
    validator = validator_class(root)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(instance)]


def iter_contract_errors(contract: Contract, request: Request) -> Iterator[str]:
    """The contract's objections to one captured request (for tests that capture without serving)."""
    if contract.decoder is not None:
        vendor = _AsVendorRequest(request, contract.origin)
        try:
            found = APICallPathFinder(contract.openapi.spec).find(
                vendor.method, contract.origin + vendor.path
            )
            request = contract.decoded(request, found.path.parts[-1])
        except PathError:
            pass  # openapi-core names it below
        except ValueError as error:
            yield f"undecodable request: {error}"
            return
    for error in contract.openapi.iter_request_errors(_AsVendorRequest(request, contract.origin)):
        yield _describe(error)


def twilio_error(status: int, code: int, message: str) -> dict[str, Any]:
    """Twilio's error body (twilio.com/docs/usage/twilios-response#response-formats-exceptions),
    which its OpenAPI description leaves out: answer it with ``check=False``."""
    return {
        "code": code,
        "message": message,
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
        "status": status,
    }
