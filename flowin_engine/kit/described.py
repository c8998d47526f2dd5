"""Connectors made from an API's own description (OpenAPI 3.x): the steps run from a plan.

``flowin connectors import`` (``flowin_engine.openapi_import``) reads a description once and
writes a connector folder like the built-in ones: its ``manifest.json``, this plan
(``plan.json``: each operation's method, path and fields, the account's sign-in, the server)
and an ``operations.py`` of one line that hands its folder to ``described_operations``. Here
the plan becomes what a hand-written connector declares in Python: a pydantic input model per
operation (typed fields, required ones marked, choices from enums, help from descriptions), an
account model from the security schemes, an account test and, for OAuth2, browser sign-in
with PKCE. Nothing of the description is read while flows run.
"""

from __future__ import annotations

import json
import webbrowser
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

from pydantic import BaseModel, ConfigDict, Field, create_model

from ..errors import StepError
from ..oauth import OAuthApp, authorize_installed_app
from ..steps import StepContext
from ._fields import SECRET, Text, account_field, json_value
from ._service import Service

PLAN_FILE = "plan.json"
TEST_TIMEOUT = 15.0
# Methods whose repeat does nothing more (RFC 9110, 9.2.2): tried again after any passing failure.
REPEAT_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
Location = Literal["path", "query", "header", "json", "form", "body"]
Scalar = Literal["string", "integer", "number", "boolean"]


class PlanField(BaseModel):
    """One input of an operation: where it goes in the request, and how the user fills it."""

    model_config = ConfigDict(extra="forbid")
    name: str  # the step's field (a Python name)
    api_name: str  # its name in the request
    location: Location  # 'body': the whole request body, as JSON
    type: Scalar | Literal["list", "object", "any"] = "string"
    item_type: Scalar = "string"
    choices: list[str] = Field(default_factory=list)
    required: bool = False
    title: str = ""
    description: str = ""
    default: Any = None


class PlanOperation(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    method: str
    path: str
    fields: list[PlanField] = Field(default_factory=list)


class PlanAuth(BaseModel):
    """How a request signs in, from one security scheme of the description."""

    model_config = ConfigDict(extra="forbid")
    kind: Literal["api_key", "bearer", "basic", "oauth2"]
    field: str = ""  # the account's field for an API key
    title: str = ""
    api_name: str = ""  # an API key's header, query or cookie name
    location: Literal["header", "query", "cookie"] = "header"
    authorize_url: str = ""
    token_url: str = ""
    scopes: list[str] = Field(default_factory=list)


class Plan(BaseModel):
    model_config = ConfigDict(extra="forbid")
    connector_id: str
    service: str  # the name sentences start with
    base_url: str
    auth: list[PlanAuth] = Field(default_factory=list)
    test_operation: str | None = None  # a GET with no required input, called by the account test
    operations: list[PlanOperation] = Field(default_factory=list)


def described_operations(operations_file: str) -> dict[str, Any]:
    """What ``operations.py`` of a described connector declares, made from the plan beside it:
    ``Account``, ``test_account``, ``sign_in`` (OAuth2 only) and one function per operation."""
    folder = Path(operations_file).resolve().parent
    plan = Plan.model_validate(json.loads((folder / PLAN_FILE).read_text(encoding="utf-8")))
    return _Described(plan).declarations()


class _Described:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        host = plan.base_url.split("//", 1)[-1].split("/", 1)[0] or plan.service
        self.service = Service(
            plan.service,
            host=host,
            message_at=("error.message", "message", "error", "detail", "errors[0].message"),
        )
        self.account = self._account_model()

    def declarations(self) -> dict[str, Any]:
        found: dict[str, Any] = {"Account": self.account, "test_account": self._test()}
        if any(auth.kind == "oauth2" for auth in self.plan.auth):
            found["sign_in"] = self._sign_in()
        for operation in self.plan.operations:
            found[operation.id] = self._operation(operation)
        return found

    # The account.

    def _account_model(self) -> type[BaseModel]:
        fields: dict[str, Any] = {}
        for auth in self.plan.auth:
            if auth.kind == "api_key":
                fields[auth.field] = (str, Field(title=auth.title, json_schema_extra=SECRET))
            elif auth.kind == "bearer":
                fields["token"] = (str, Field(title="Access token", json_schema_extra=SECRET))
            elif auth.kind == "basic":
                fields["username"] = (str, Field(title="User name"))
                fields["password"] = (str, Field(title="Password", json_schema_extra=SECRET))
            else:
                fields["client_id"] = (str, Field("", title="OAuth client ID"))
                fields["client_secret"] = (
                    str,
                    Field("", title="OAuth client secret", json_schema_extra=SECRET),
                )
                fields["access_token"] = (
                    str,
                    Field(
                        "",
                        title="Access token",
                        description="Filled in by Sign in; or paste one the service gave you.",
                        json_schema_extra=SECRET,
                    ),
                )
                fields["refresh_token"] = (str, Field("", json_schema_extra=SECRET))
        fields["base_url"] = (
            str,
            Field(self.plan.base_url, title="API address", description="The service's address."),
        )
        return create_model("Account", **fields)

    def _test(self) -> Callable[[Any], str]:
        operation = next(
            (op for op in self.plan.operations if op.id == self.plan.test_operation), None
        )
        service = self.plan.service

        def test_account(secret: BaseModel) -> str:
            if operation is None:
                # No call reads without input: the first step that runs checks the account.
                return f"Saved; {service} is asked when a step first uses this account."
            self._call(operation, {}, secret, TEST_TIMEOUT)
            return f"Connected to {service}."

        test_account.__annotations__ = {"secret": self.account, "return": str}
        return test_account

    def _sign_in(self) -> Callable[..., Any]:
        auth = next(a for a in self.plan.auth if a.kind == "oauth2")
        service = self.plan.service

        def sign_in(secret: BaseModel, open_browser: Callable[[str], Any] = webbrowser.open) -> Any:
            client_id = str(getattr(secret, "client_id", "") or "")
            if not client_id:
                raise StepError(
                    f"Enter the OAuth client ID of the app you registered with {service} first; "
                    "it asks for it before you can sign in."
                )
            app = OAuthApp(
                client_id=client_id,
                client_secret=str(getattr(secret, "client_secret", "") or ""),
                authorize_url=auth.authorize_url,
                token_url=auth.token_url,
                scopes=tuple(auth.scopes),
            )
            token = authorize_installed_app(app, open_browser=open_browser)
            return secret.model_copy(
                update={
                    "access_token": token.access_token,
                    "refresh_token": token.refresh_token or getattr(secret, "refresh_token", ""),
                }
            )

        sign_in.__annotations__ = {"secret": self.account, "open_browser": Callable, "return": Any}
        return sign_in

    # The operations.

    def _operation(self, operation: PlanOperation) -> Callable[[Any, StepContext], Any]:
        model = self._input_model(operation)
        sends = operation.method not in REPEAT_SAFE_METHODS

        def run(params: BaseModel, ctx: StepContext) -> Any:
            secret = self.account.model_validate(ctx.credential(params.connection))
            values = {f.name: getattr(params, f.name) for f in operation.fields}
            return self._call(operation, values, secret, ctx.remaining, sends=sends)

        run.__name__ = operation.id
        run.__annotations__ = {"params": model, "ctx": StepContext, "return": Any}
        return run

    def _input_model(self, operation: PlanOperation) -> type[BaseModel]:
        fields: dict[str, Any] = {
            "connection": (
                str | None,
                account_field(
                    self.plan.connector_id, f"The connected {self.plan.service} account."
                ),
            )
        }
        for field in operation.fields:
            fields[field.name] = _field(field)
        name = "".join(part.capitalize() for part in operation.id.split("_")) + "Input"
        return create_model(name, **fields)

    def _call(
        self,
        operation: PlanOperation,
        values: dict[str, Any],
        secret: BaseModel,
        timeout: float,
        *,
        sends: bool = False,
    ) -> Any:
        path = operation.path
        query: list[tuple[str, Any]] = []
        headers: dict[str, str] = {}
        cookies: dict[str, str] = {}
        body: dict[str, Any] = {}
        whole_body: Any = None
        form = False
        for field in operation.fields:
            value = values.get(field.name, field.default)
            if value is None or (value == "" and not field.required):
                continue
            if field.type == "list" and isinstance(value, str):
                value = [item.strip() for item in value.split(",") if item.strip()]
            if field.location == "path":
                path = path.replace("{" + field.api_name + "}", quote(str(value), safe=""))
            elif field.location == "query":
                items = value if isinstance(value, list) else [value]
                query.extend((field.api_name, _text(item)) for item in items)
            elif field.location == "header":
                headers[field.api_name] = _text(value)
            elif field.location == "body":
                whole_body = json_value(value, f"{self.plan.service}: the {field.title} field")
            else:
                form = form or field.location == "form"
                body[field.api_name] = _body_value(field, value, self.plan.service)
        auth = self._auth(secret, query, headers, cookies)
        url = str(getattr(secret, "base_url", "") or self.plan.base_url).rstrip("/") + path
        request: dict[str, Any] = {"params": query, "headers": headers, "auth": auth}
        if cookies:
            request["cookies"] = cookies
        if whole_body is not None:
            request["json"] = whole_body
        elif body and form:
            request["data"] = {k: _text(v) for k, v in body.items()}
        elif body:
            request["json"] = body
        response = self.service.send(operation.method, url, timeout=timeout, sends=sends, **request)
        if response.status_code >= 300:
            raise self.service.failure(response, sends=sends)
        return _answer(response)

    def _auth(
        self,
        secret: BaseModel,
        query: list[tuple[str, Any]],
        headers: dict[str, str],
        cookies: dict[str, str],
    ) -> tuple[str, str] | None:
        basic = None
        for auth in self.plan.auth:
            if auth.kind == "api_key":
                value = str(getattr(secret, auth.field)).strip()
                if auth.location == "query":
                    query.append((auth.api_name, value))
                elif auth.location == "cookie":
                    cookies[auth.api_name] = value
                else:
                    headers[auth.api_name] = value
            elif auth.kind == "bearer":
                headers["Authorization"] = f"Bearer {str(secret.token).strip()}"
            elif auth.kind == "basic":
                basic = (str(secret.username), str(secret.password))
            else:
                token = str(getattr(secret, "access_token", "")).strip()
                if not token:
                    raise StepError(
                        f"{self.plan.service}: the account is not signed in yet; open it under "
                        "Accounts and click Sign in."
                    )
                headers["Authorization"] = f"Bearer {token}"
        return basic


def _field(field: PlanField) -> tuple[Any, Any]:
    """The pydantic field a plan's field becomes."""
    annotation: Any
    extra: dict[str, Any] = {}
    if field.choices:
        annotation = Literal[tuple(field.choices)]  # type: ignore[valid-type]
    elif field.type == "integer":
        annotation = int
    elif field.type == "number":
        annotation = float
    elif field.type == "boolean":
        annotation = bool
    elif field.type == "list":
        annotation = Text  # "a, b, c": split at the commas when the step runs
    elif field.type in ("object", "any") or field.location == "body":
        annotation = Any
        extra = {"widget": "json"}
    else:
        annotation = Text
    default: Any = ... if field.required else field.default
    if not field.required:
        annotation = annotation | None
    return annotation, Field(
        default,
        title=field.title or field.api_name,
        description=field.description or None,
        json_schema_extra=extra or None,
    )


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _body_value(field: PlanField, value: Any, service: str) -> Any:
    if field.type in ("object", "any") and isinstance(value, str):
        return json_value(value, f"{service}: the {field.title} field")
    return value


def _answer(response: Any) -> Any:
    """The answer as the next steps read it: its JSON (a list as ``items`` and ``count``), or
    its status and text when it has no JSON."""
    if not response.content:
        return {"status": response.status_code}
    try:
        data = response.json()
    except ValueError:
        return {"status": response.status_code, "text": response.text}
    if isinstance(data, list):
        return {"items": data, "count": len(data)}
    return data
