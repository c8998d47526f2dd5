"""Google's APIs on 127.0.0.1, checked against Google's own Discovery documents.

Google publishes no OpenAPI; each API has a Discovery document (``tests/contracts/vendor/google``)
naming every method's HTTP method, path template, parameters (location, type, enum, required)
and request body schema. ``DiscoveryContract.check`` turns the method a request is for into
those checks, the body by JSON Schema converted from the document's schemas. Unknown body
fields are refused, as Google refuses them ("Invalid JSON payload received. Unknown name").
``GoogleServer`` serves a document on a pytest-httpserver like ``tests.contracts.openapi_server``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from jsonschema import Draft7Validator, FormatChecker
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.contracts.openapi_server import ScriptedAnswer, ScriptedServer, contract_file

_FORMATS = FormatChecker()


@_FORMATS.checks("byte", raises=(binascii.Error, ValueError))
def _is_base64(value: object) -> bool:
    """Discovery's "byte" is base64; Google accepts the URL-safe alphabet too (Gmail's raw)."""
    if not isinstance(value, str):
        return True
    text = value.replace("-", "+").replace("_", "/")
    base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    return True


@_FORMATS.checks("int64", raises=ValueError)
def _is_int64(value: object) -> bool:
    if isinstance(value, str):
        int(value)
    return True


@dataclass(frozen=True)
class Method:
    id: str
    http_method: str
    pattern: re.Pattern[str]
    description: dict[str, Any]


class DiscoveryContract:
    """One Discovery document's methods, as checks on a captured request."""

    def __init__(self, name: str) -> None:
        self.name = name
        with contract_file(name).open(encoding="utf-8") as file:
            self.document = json.load(file)
        self.schemas = {
            key: to_json_schema(value) for key, value in self.document["schemas"].items()
        }
        # Calendar's paths are relative to its servicePath ("calendar/v3/"); Sheets' and Gmail's
        # servicePath is empty and their paths start with the version.
        self.methods = list(
            _methods(self.document.get("resources", {}), self.document.get("servicePath", ""))
        )
        self.common_parameters = self.document.get("parameters", {})

    def find(self, http_method: str, raw_path: str) -> tuple[Method, dict[str, str]] | None:
        path = raw_path.lstrip("/")
        for method in self.methods:
            if method.http_method != http_method:
                continue
            match = method.pattern.fullmatch(path)
            if match:
                return method, {k: unquote(v) for k, v in match.groupdict().items()}
        return None

    def check(
        self,
        http_method: str,
        raw_path: str,
        query: list[tuple[str, str]],
        headers: Any,
        body: bytes,
    ) -> tuple[str | None, list[str]]:
        """The method's id and the document's objections (none for a request it accepts)."""
        found = self.find(http_method, raw_path)
        if found is None:
            return None, [f"no method of {self.name} is {http_method} /{raw_path.lstrip('/')}"]
        method, path_values = found
        errors: list[str] = []
        parameters = {**self.common_parameters, **method.description.get("parameters", {})}
        for name, value in path_values.items():
            if not value:
                errors.append(f"path parameter {name} is empty")
        given: dict[str, list[str]] = {}
        for name, value in query:
            given.setdefault(name, []).append(value)
        for name, values in given.items():
            spec = parameters.get(name)
            if spec is None or spec.get("location") != "query":
                errors.append(f"unknown query parameter {name}")
                continue
            if len(values) > 1 and not spec.get("repeated"):
                errors.append(f"query parameter {name} given {len(values)} times")
            for value in values:
                errors += _parameter_errors(name, value, spec)
        for name, spec in parameters.items():
            if spec.get("required") and spec.get("location") == "query" and name not in given:
                errors.append(f"required query parameter {name} is missing")
        request_body = method.description.get("request", {})
        authorization = headers.get("Authorization", "")
        bearer = authorization.startswith("Bearer ") and authorization[7:].strip()
        if not bearer and "access_token" not in given:
            errors.append("no OAuth bearer token (Authorization: Bearer …)")
        if request_body:
            errors += self._body_errors(request_body["$ref"], headers, body)
        elif body:
            errors.append(f"{method.id} takes no request body")
        return method.id, errors

    def _body_errors(self, schema_name: str, headers: Any, body: bytes) -> list[str]:
        if not headers.get("Content-Type", "").startswith("application/json"):
            return ["the body is not sent as application/json"]
        try:
            instance = json.loads(body)
        except ValueError as error:
            return [f"the body is not JSON: {error}"]
        return self.validate(schema_name, instance)

    def validate(self, schema_name: str, instance: Any) -> list[str]:
        """What the document's schema ``schema_name`` finds wrong with ``instance``."""
        root = {"$ref": f"#/definitions/{schema_name}", "definitions": self.schemas}
        validator = Draft7Validator(root, format_checker=_FORMATS)
        return [
            f"body {'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
            for e in validator.iter_errors(instance)
        ]


def to_json_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """A Discovery schema as JSON Schema (draft 7)."""
    if "$ref" in schema:
        return {"$ref": f"#/definitions/{schema['$ref']}"}
    kind = schema.get("type")
    converted: dict[str, Any] = {}
    if kind and kind != "any":
        converted["type"] = kind
    if "enum" in schema:
        converted["enum"] = schema["enum"]
    if "format" in schema:
        converted["format"] = schema["format"]
    if kind == "array" and "items" in schema:
        converted["items"] = to_json_schema(schema["items"])
    if kind == "object":
        properties = schema.get("properties")
        if properties is not None:
            converted["properties"] = {k: to_json_schema(v) for k, v in properties.items()}
        additional = schema.get("additionalProperties")
        if additional is not None:
            converted["additionalProperties"] = to_json_schema(additional)
        elif properties is not None:
            converted["additionalProperties"] = False
    return converted


def _methods(resources: dict[str, Any], service_path: str = "") -> Any:
    for resource in resources.values():
        for description in resource.get("methods", {}).values():
            template = description.get("flatPath") or description["path"]
            yield Method(
                description["id"],
                description["httpMethod"],
                _path_pattern(service_path + template),
                description,
            )
        yield from _methods(resource.get("resources", {}), service_path)


def _path_pattern(template: str) -> re.Pattern[str]:
    """``v4/spreadsheets/{spreadsheetId}/values/{range}:append`` as a regular expression;
    ``{+name}`` (reserved expansion) may hold slashes, ``{name}`` may not."""
    pattern = ""
    for literal, plus, name in re.findall(r"([^{]*)(?:\{(\+?)([^}]+)\})?", template):
        pattern += re.escape(literal)
        if name:
            pattern += f"(?P<{name.replace('.', '_')}>{'.+' if plus else '[^/]+?'})"
    return re.compile(pattern)


def _parameter_errors(name: str, value: str, spec: dict[str, Any]) -> list[str]:
    kind = spec.get("type")
    if kind == "boolean" and value not in ("true", "false"):
        return [f"query parameter {name}={value!r} is not true or false"]
    if kind == "integer":
        try:
            number = int(value)
        except ValueError:
            return [f"query parameter {name}={value!r} is not an integer"]
        if "minimum" in spec and number < int(spec["minimum"]):
            return [f"query parameter {name}={value} is below {spec['minimum']}"]
    if "enum" in spec and value not in spec["enum"]:
        return [f"query parameter {name}={value!r} is not one of {spec['enum']}"]
    # RFC 3339 (Calendar's timeMin, updatedMin): a time zone offset is required.
    if spec.get("format") == "date-time" and not _FORMATS.conforms(value, "date-time"):
        return [f"query parameter {name}={value!r} is not an RFC 3339 date-time"]
    return []


@cache
def load(name: str) -> DiscoveryContract:
    return DiscoveryContract(name)


@dataclass
class Call:
    method: str
    request: Request
    body: Any
    query: dict[str, str]


class GoogleServer(ScriptedServer):
    """A Google API on 127.0.0.1 that refuses (400) every request its Discovery document does."""

    def __init__(self, httpserver: HTTPServer, contract: str) -> None:
        self.contract = load(contract)
        self.calls_made: list[Call] = []
        self.rejected: list[str] = []
        super().__init__(httpserver)

    @property
    def url(self) -> str:
        return self.httpserver.url_for("/").rstrip("/")

    def respond(
        self,
        method: str,
        *,
        json: Any = None,
        status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> None:
        """Answer ``method`` (its Discovery id); answers queue up and the last one stays."""
        self._script(method, ScriptedAnswer(status, json, dict(headers or {})))

    def calls(self, method: str | None = None) -> list[Call]:
        return [c for c in self.calls_made if method is None or c.method == method]

    def assert_valid(self) -> None:
        assert not self.rejected, f"Against {self.contract.name}:\n" + "\n".join(self.rejected)

    def _handle(self, request: Request) -> Response:
        raw = request.environ.get("RAW_URI") or request.environ.get("REQUEST_URI") or request.path
        parts = urlsplit(raw)
        body = request.get_data()
        query = parse_qsl(parts.query, keep_blank_values=True)
        method, errors = self.contract.check(
            request.method, parts.path, query, request.headers, body
        )
        if errors:
            self.rejected.append(f"{request.method} {raw}: " + "; ".join(errors))
            error = {
                "error": {"code": 400, "message": "; ".join(errors), "status": "INVALID_ARGUMENT"}
            }
            return Response(json.dumps(error), status=400, content_type="application/json")
        assert method is not None
        with self._lock:
            self.calls_made.append(
                Call(method, request, json.loads(body) if body else None, dict(query))
            )
        answer = self._take(method)
        if answer is None:
            return Response(f"no answer for {method}", status=500)
        return self._response(answer)


class GoogleTokenServer:
    """Google's OAuth endpoints on 127.0.0.1, as developers.google.com/identity/protocols/oauth2
    describes them: the sign-in page (redirecting back with a code), and the token endpoint for
    the authorization-code grant with PKCE, the refresh-token grant and the JWT bearer grant."""

    def __init__(self, client_id: str, client_secret: str, public_key: Any = None) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.public_key = public_key
        self.server = HTTPServer(host="127.0.0.1", port=0)
        self.issued: list[str] = []
        self.refresh_tokens = {"1//refresh-token-of-layla"}
        self.requests: list[dict[str, str]] = []
        self.assertions: list[dict[str, Any]] = []
        self._codes: dict[str, tuple[str, str]] = {}
        self.server.expect_request("/o/oauth2/v2/auth", method="GET").respond_with_handler(
            self._authorize
        )
        self.server.expect_request("/token", method="POST").respond_with_handler(self._token)

    def __enter__(self) -> GoogleTokenServer:
        self.server.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.clear()
        self.server.stop()

    @property
    def authorize_url(self) -> str:
        return self.server.url_for("/o/oauth2/v2/auth")

    @property
    def token_url(self) -> str:
        return self.server.url_for("/token")

    def _authorize(self, request: Request) -> Response:
        query = request.args
        assert query["response_type"] == "code"
        assert query["client_id"] == self.client_id
        assert query["code_challenge_method"] == "S256"
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", query["redirect_uri"])
        code = f"4/code-{len(self._codes)}"
        self._codes[code] = (query["code_challenge"], query["redirect_uri"])
        location = f"{query['redirect_uri']}?code={code}&state={query['state']}&scope=x"
        return Response(status=302, headers={"Location": location})

    def _token(self, request: Request) -> Response:
        form = dict(request.form)
        self.requests.append(form)
        grant = form.get("grant_type")
        if grant == "authorization_code":
            challenge, redirect_uri = self._codes.pop(form.get("code", ""), ("", ""))
            digest = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
            computed = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
            if not challenge or computed != challenge or form.get("redirect_uri") != redirect_uri:
                return self._error("invalid_grant", "Bad code or code_verifier.")
            if not self._client_ok(form):
                return self._error("invalid_client", "Unauthorized", 401)
            refresh_token = f"1//refresh-{len(self.refresh_tokens)}"
            self.refresh_tokens.add(refresh_token)
            return self._issue(refresh_token=refresh_token)
        if grant == "refresh_token":
            if not self._client_ok(form):
                return self._error("invalid_client", "Unauthorized", 401)
            if form.get("refresh_token") not in self.refresh_tokens:
                return self._error("invalid_grant", "Token has been expired or revoked.")
            return self._issue()
        if grant == "urn:ietf:params:oauth:grant-type:jwt-bearer":
            import jwt

            try:
                claims = jwt.decode(
                    form.get("assertion", ""),
                    self.public_key,
                    algorithms=["RS256"],
                    audience=self.token_url,
                )
            except jwt.PyJWTError as error:
                return self._error("invalid_grant", f"Invalid JWT: {error}")
            self.assertions.append(claims)
            return self._issue()
        return self._error("unsupported_grant_type", "Invalid grant_type.")

    def _client_ok(self, form: dict[str, str]) -> bool:
        return (
            form.get("client_id") == self.client_id
            and form.get("client_secret") == self.client_secret
        )

    def _issue(self, **extra: str) -> Response:
        token = f"ya29.token-{len(self.issued)}"
        self.issued.append(token)
        body = {"access_token": token, "expires_in": 3599, "token_type": "Bearer", **extra}
        return Response(json.dumps(body), content_type="application/json")

    def _error(self, error: str, description: str, status: int = 400) -> Response:
        body = {"error": error, "error_description": description}
        return Response(json.dumps(body), status=status, content_type="application/json")
