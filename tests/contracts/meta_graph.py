"""A local Graph API that checks each call against Meta's SDK specs and Meta's documented shapes.

Meta publishes no OpenAPI for Messenger or Instagram messaging. The closest official machine-
readable description is the spec Meta generates its Business SDKs from
(``tests/contracts/vendor/meta-messenger``: ``Page.json``, ``IGUserForIGOnlyAPI.json``,
``enum_types.json``): for each node, its edges with their method and parameters (name, type,
required) and its fields. ``call_problems`` checks a call against it: the edge exists for the
method, no unknown parameter, the required ones there, each of its type (an enum by its values,
which the spec writes in upper case while the wire often uses lower case: compared in upper case).

The spec types ``recipient`` and ``message`` as a bare "Object" and says nothing of the access
token; ``documented_problems`` checks those against Meta's Send API reference
(developers.facebook.com/docs/messenger-platform/reference/send-api, "Quick Replies") instead:
``recipient`` is ``{"id": …}``, ``message`` has ``text`` (up to 2000 characters) or an
``attachment``, ``quick_replies`` up to 13 ``{"content_type": "text", "title" (≤ 20), "payload"
(≤ 1000)}``, ``messaging_type`` is sent (Meta requires it since 2018), and the token comes as
``Authorization: Bearer`` (Graph API, "Access tokens").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Self

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

SPECS = Path(__file__).parent / "vendor" / "meta-messenger"
PAGE = "Page.json"
INSTAGRAM = "IGUserForIGOnlyAPI.json"


@dataclass(frozen=True)
class NodeSpec:
    name: str
    apis: tuple[dict[str, Any], ...]
    fields: frozenset[str]


@cache
def node_spec(file: str) -> NodeSpec:
    document = json.loads((SPECS / file).read_text(encoding="utf-8"))
    return NodeSpec(
        file.removesuffix(".json"),
        tuple(document["apis"]),
        frozenset(f["name"] for f in document["fields"]),
    )


@cache
def enums() -> dict[str, frozenset[str]]:
    document = json.loads((SPECS / "enum_types.json").read_text(encoding="utf-8"))
    return {item["name"]: frozenset(item["values"]) for item in document}


def _api(spec: NodeSpec, method: str, edge: str) -> dict[str, Any] | None:
    for api in spec.apis:
        if api["method"] != method:
            continue
        if (edge == "" and api.get("name") == "#get") or api.get("endpoint") == edge:
            return api
    return None


def _of_type(value: Any, kind: str) -> str | None:
    """Why ``value`` is not of the spec's ``kind``, or None."""
    if kind in enums():
        allowed = enums()[kind]
        return None if str(value).upper() in allowed else f"not one of {sorted(allowed)}"
    if kind == "Object":
        return None if isinstance(value, dict) else "not an object"
    if kind == "string":
        return None if isinstance(value, str) else "not a string"
    if kind in ("int", "unsigned int"):
        return None if isinstance(value, int) and not isinstance(value, bool) else "not a number"
    if kind == "bool":
        return None if isinstance(value, bool) else "not true/false"
    if kind.startswith("list"):
        return None if isinstance(value, list) else "not a list"
    return None  # a type the spec names that these checks don't know: accepted


def call_problems(file: str, method: str, edge: str, params: dict[str, Any]) -> list[str]:
    """What Meta's SDK spec ``file`` says is wrong with calling ``method`` ``edge`` ("" for the
    node itself) with ``params`` (a GET's ``fields`` are checked against the node's fields)."""
    spec = node_spec(file)
    api = _api(spec, method, edge)
    if api is None:
        return [f"{spec.name} has no {method} {edge or '(node)'}"]
    problems = []
    declared = {p["name"]: p for p in api["params"]}
    for name, value in params.items():
        if method == "GET" and name == "fields":
            unknown = [f for f in str(value).split(",") if f.strip() not in spec.fields]
            problems += [f"{spec.name} has no field {f!r}" for f in unknown]
        elif name not in declared:
            problems.append(f"{method} {spec.name}/{edge} takes no parameter {name!r}")
        else:
            why = _of_type(value, declared[name]["type"])
            if why:
                problems.append(f"{name}={value!r} is {why} ({declared[name]['type']})")
    problems += [
        f"{method} {spec.name}/{edge} requires {name!r}"
        for name, p in declared.items()
        if p["required"] and name not in params
    ]
    return problems


def documented_problems(body: dict[str, Any]) -> list[str]:
    """What Meta's Send API reference says is wrong with a message body (the spec's Objects)."""
    problems = []
    recipient = body.get("recipient")
    if not (
        isinstance(recipient, dict) and isinstance(recipient.get("id"), str) and recipient["id"]
    ):
        problems.append("recipient must be {'id': '<PSID or IGSID>'}")
    if "messaging_type" not in body:
        problems.append("messaging_type is required")
    message = body.get("message")
    if not isinstance(message, dict):
        return [*problems, "message must be an object"]
    text = message.get("text")
    if "attachment" not in message and not (isinstance(text, str) and text):
        problems.append("message needs text or an attachment")
    if isinstance(text, str) and len(text) > 2000:
        problems.append("message.text is longer than 2000 characters")
    replies = message.get("quick_replies", [])
    if not isinstance(replies, list) or len(replies) > 13:
        problems.append("quick_replies takes a list of up to 13")
    for reply in replies if isinstance(replies, list) else []:
        if not isinstance(reply, dict) or reply.get("content_type") != "text":
            problems.append(f"quick reply {reply!r} needs content_type 'text'")
            continue
        if not (isinstance(reply.get("title"), str) and 0 < len(reply["title"]) <= 20):
            problems.append(f"quick reply title {reply.get('title')!r} must be 1-20 characters")
        if not (isinstance(reply.get("payload"), str) and 0 < len(reply["payload"]) <= 1000):
            problems.append(
                f"quick reply payload {reply.get('payload')!r} must be 1-1000 characters"
            )
    unknown = set(message) - {"text", "attachment", "quick_replies", "metadata"}
    problems += [f"message takes no {name!r}" for name in sorted(unknown)]
    return problems


@dataclass
class Call:
    method: str
    path: str
    node: str
    edge: str
    headers: dict[str, str]
    query: dict[str, str]
    json: Any


@dataclass
class Answer:
    status: int
    json: Any
    headers: dict[str, str] = field(default_factory=dict)


_PATH = re.compile(r"^/(?P<version>v\d+\.\d+)/(?P<node>[^/]+)(?:/(?P<edge>[^/]+))?$")


class GraphServer:
    """Graph API on a pytest-httpserver: each call checked, answered as the test says (or with a
    documented success), and kept; ``rejected`` lists the calls the checks refused (answered
    400), and leaving the ``with`` block with any fails the test."""

    def __init__(self, httpserver: HTTPServer, token: str, instagram_ids: tuple[str, ...] = ()):
        self.server = httpserver
        self.token = token
        self.instagram_ids = set(instagram_ids)
        self.answers: dict[tuple[str, str], list[Answer]] = {}
        self.received: list[Call] = []
        self.rejected: list[tuple[Call, list[str]]] = []

    def __enter__(self) -> Self:
        self.server.expect_request(re.compile(".*")).respond_with_handler(self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            assert not self.rejected, f"requests Meta's descriptions refuse: {self.rejected}"

    def url(self) -> str:
        return self.server.url_for("/").rstrip("/")

    def respond(
        self, method: str, edge: str, *, status: int = 200, json: Any, headers: dict | None = None
    ) -> None:
        """Answer the next ``method`` ``edge`` ("messages", or "" for the node) so."""
        self.answers.setdefault((method, edge), []).append(Answer(status, json, headers or {}))

    def calls(self, edge: str | None = None) -> list[Call]:
        return [c for c in self.received if edge is None or c.edge == edge]

    def problems(self, request: Request) -> tuple[Call, list[str]]:
        found = _PATH.match(request.path)
        body = request.get_json(silent=True) if request.data else None
        call = Call(
            request.method,
            request.path,
            found["node"] if found else "",
            (found["edge"] or "") if found else "",
            dict(request.headers),
            dict(request.args),
            body,
        )
        if found is None:
            return call, [f"{request.path} is no Graph API path (/vX.Y/node/edge)"]
        problems = []
        if request.headers.get("Authorization") != f"Bearer {self.token}":
            problems.append("no 'Authorization: Bearer <page access token>'")
        spec = INSTAGRAM if call.node in self.instagram_ids else PAGE
        params = dict(request.args) if request.method == "GET" else (body or {})
        if not isinstance(params, dict):
            return call, [*problems, "the body is not a JSON object"]
        problems += call_problems(spec, request.method, call.edge, params)
        if request.method == "POST" and call.edge == "messages":
            problems += documented_problems(params)
        return call, problems

    def _handle(self, request: Request) -> Response:
        call, problems = self.problems(request)
        if problems:
            self.rejected.append((call, problems))
            return Response(json.dumps({"error": {"message": "; ".join(problems)}}), 400)
        self.received.append(call)
        queued = self.answers.get((call.method, call.edge)) or []
        answer = queued.pop(0) if queued else Answer(200, self._success(call))
        return Response(
            json.dumps(answer.json),
            answer.status,
            headers=answer.headers,
            content_type="application/json",
        )

    def _success(self, call: Call) -> Any:
        if call.edge == "messages":
            return {"recipient_id": call.json["recipient"]["id"], "message_id": "m_1"}
        return {"id": "104526421970498", "name": "Layla's Abayas"}


def iter_rejections(server: GraphServer) -> Iterator[str]:
    for call, problems in server.rejected:
        yield f"{call.method} {call.path}: {'; '.join(problems)}"
