"""Node types, declared by connector manifests and discovered at start-up.

A connector is a package with ``manifest.json`` and an operations module. Each manifest entry
names an operation; the function of the same name in the operations module runs it, and the
pydantic model annotated on its first parameter declares its inputs. Every other function Flowin
calls — the credential model, the account test, the sign-in, a trigger's webhook gate or poller —
is named in the manifest too and checked when the connector loads, never found by its name. The
engine, the palette, the properties panel and the AI builder all read these same declarations.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import json
import logging
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from importlib import metadata, resources
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError
from pydantic.fields import FieldInfo

from .errors import ConnectorError, ConnectorHookError, UnknownNodeType
from .model import ERROR_PORT, MAIN_PORT, Flow

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "flowin.connectors"
BUILTIN_PACKAGE = "connectors"


class TriggerKind(StrEnum):
    MANUAL = "manual"
    SCHEDULE = "schedule"
    WEBHOOK = "webhook"
    POLLING = "polling"
    EVENT = "event"  # something inside Flowin: another flow failed (core.on_failure)


class Phrases(BaseModel):
    """Words people use for an operation, for the offline AI builder and the palette search."""

    model_config = ConfigDict(extra="forbid")
    en: list[str] = Field(default_factory=list)
    ar: list[str] = Field(default_factory=list)


TypeName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")]


class AcceptedAnswer(BaseModel):
    """What a webhook trigger's service must be answered once a request is taken, when it reads
    the answer (Twilio reads TwiML: JSON would be an error on every message)."""

    model_config = ConfigDict(extra="forbid")
    status: int = Field(200, ge=200, le=299)
    content_type: str = Field(description="e.g. 'text/xml'")
    body: str = ""


class ReplyOnly(BaseModel):
    """An action a service allows only as a reply: WhatsApp's free text goes out only within 24
    hours of the customer's last message. A flow that writes first uses ``instead``."""

    model_config = ConfigDict(extra="forbid")
    after: list[TypeName] = Field(
        description="The triggers whose flows reply: the person has just written."
    )
    instead: TypeName = Field(description="The action that writes first (an approved template).")
    fill: dict[str, list[list[str]]] = Field(
        default_factory=dict,
        description="Params of ``instead`` the builder fills from earlier steps' data: one value "
        "per list of field names (best first), e.g. the customer's name, the order number.",
    )
    why: str = Field(description="Why, in one sentence the app shows beside the choice.")


class OperationManifest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    description: str = ""
    kind: TriggerKind | None = None
    outputs: list[str] = Field(default_factory=lambda: [MAIN_PORT])
    outputs_from: str | None = Field(
        None, description="A list param whose items' 'output' names add output ports."
    )
    inputs: list[str] = Field(default_factory=lambda: [MAIN_PORT])
    output_example: Any = None
    icon: str | None = Field(
        None,
        description="The step's own icon, a file in the connector's package (a line icon drawn "
        "in currentColor takes the theme's colour); the connector's icon when there is none.",
    )
    summary: list[str] = Field(
        default_factory=list,
        description="What a step of this type does, in one line made from its settings: "
        "'Send WhatsApp to {to}'. '{name}' is a setting, '{cases[0][output]}' a part of one, "
        "'{unit:choice}' a choice in the user's words, '{every:count(unit)}' a number of the "
        "units another setting chooses, in the plural form the number takes; '{mode:=cron}' shows nothing and keeps the "
        "line for that choice of the setting only; "
        "the first line whose settings are all filled in is shown on the step's card.",
    )
    phrases: Phrases = Field(default_factory=Phrases)
    repeat_safe: bool = Field(
        True, description="False when repeating the call has effects (a sent message)."
    )
    runs_inline: bool = Field(
        False,
        description="True for a step that only reshapes data in memory, in microseconds: no "
        "network, no disk, no waiting, no loop over items. A webhook flow made only of such "
        "steps runs on the listener's own thread, without handing it to the pool.",
    )
    version: int = Field(
        1, ge=1, description="Raised when a change to the inputs or output would surprise a flow."
    )
    former_names: list[TypeName] = Field(
        default_factory=list,
        description="Type names ('connector.operation') flows saved this operation under before "
        "it was renamed; such flows open and run as this type and are saved under the new name.",
    )
    webhook_gate: str | None = Field(
        None,
        description="A webhook trigger's function(params, request, ctx) -> WebhookReply | None "
        "that checks each request (its signature, its event) before the flow starts.",
    )
    accepted_answer: AcceptedAnswer | None = Field(
        None,
        description="The answer to a webhook request taken into the inbox, instead of 202 with "
        "the run's id as JSON, for a service that reads it.",
    )
    delivery_id: str | None = Field(
        None,
        description="Where a webhook trigger's vendor puts the id of a delivery, the same when "
        "it delivers it again ('header:x-shopify-webhook-id', 'body:id', 'body:event_id'; places "
        "joined by ' + ' make one id; 'digest:body', the body's SHA-256, for a vendor that sends "
        "a delivery again byte for byte without an id): a delivery whose id was taken before is "
        "answered as the first was and starts no run.",
    )
    webhook_handshake: bool = Field(
        False,
        description="The webhook gate answers a handshake the service waits for (a verification "
        "GET, Slack's url_verification): through the cloud's relay, the public address waits "
        "for this computer's answer.",
    )
    poller: str | None = Field(
        None,
        description="A polling trigger's function(params, ctx) -> PollResult, called every "
        "interval to fetch new items.",
    )
    reply_only: ReplyOnly | None = Field(
        None, description="Set when the service allows this action only as a reply."
    )
    webhook_setup: str = Field(
        "",
        description="A webhook trigger's one sentence on where in the service its address is "
        "pasted (Shopify: Settings › Notifications › Webhooks), shown under the address.",
    )


class ConnectorManifest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    category: str
    auth: str = "none"
    icon: str | None = None
    description: str = ""
    module: str = "operations"
    docs_url: str | None = None
    credential: str | None = Field(
        None, description="The pydantic model in the operations module for the secret fields."
    )
    test_connection: str | None = Field(
        None, description="A function(secret_model) -> str that makes a cheap authenticated call."
    )
    sign_in: str | None = Field(
        None,
        description="A function(secret_model, open_browser) -> secret_model that signs in in the "
        "browser (OAuth2) and returns the secret with its tokens filled in.",
    )
    triggers: list[OperationManifest] = Field(default_factory=list)
    actions: list[OperationManifest] = Field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Connector:
    manifest: ConnectorManifest
    package: str
    credential_model: type[BaseModel] | None = None
    test_function: Callable[..., str] | None = None
    sign_in_function: Callable[..., BaseModel] | None = None

    @property
    def id(self) -> str:
        return self.manifest.id

    @property
    def name(self) -> str:
        return self.manifest.name


@dataclass(frozen=True)
class NodeType:
    """One kind of node: ``connector.operation``, its inputs, ports and function."""

    type: str
    connector: Connector
    manifest: OperationManifest
    input_model: type[BaseModel]
    function: Callable[..., Any]
    is_trigger: bool
    webhook_gate: Callable[..., Any] | None = None
    poller: Callable[..., Any] | None = None
    _field_titles: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def name(self) -> str:
        return self.manifest.name

    @property
    def version(self) -> int:
        return self.manifest.version

    @property
    def former_names(self) -> list[str]:
        return list(self.manifest.former_names)

    @property
    def trigger_kind(self) -> TriggerKind | None:
        return self.manifest.kind

    @property
    def webhook_handshake(self) -> bool:
        return self.manifest.webhook_handshake

    @property
    def input_ports(self) -> list[str]:
        return [] if self.is_trigger else list(self.manifest.inputs)

    def output_ports(self, params: dict[str, Any] | None = None) -> list[str]:
        """Ports this node can send on, given its params; the error port is always there."""
        ports = list(self.manifest.outputs)
        if self.manifest.outputs_from and params:
            for item in params.get(self.manifest.outputs_from) or []:
                name = item.get("output") if isinstance(item, dict) else None
                if isinstance(name, str) and name and name not in ports:
                    # Case outputs come before the fallback port, in the order of the cases.
                    ports.insert(len(ports) - 1 if "default" in ports else len(ports), name)
        return [*ports, ERROR_PORT]

    @property
    def default_port(self) -> str:
        return self.manifest.outputs[0] if self.manifest.outputs else MAIN_PORT

    def field_title(self, key: str) -> str:
        return self._field_titles.get(key, key.replace("_", " ").capitalize())

    def required_fields(self) -> list[str]:
        return [k for k, f in self.input_model.model_fields.items() if f.is_required()]

    def json_schema(self) -> dict[str, Any]:
        return self.input_model.model_json_schema()


class Registry:
    """All node types Flowin knows, by ``connector.operation``, and by the names they had before."""

    def __init__(self, connectors: Iterable[Connector] = ()) -> None:
        self._connectors: dict[str, Connector] = {}
        self._types: dict[str, NodeType] = {}
        self._former: dict[str, str] = {}  # a former type name → the current one
        for connector in connectors:
            self.add(connector)

    def add(self, connector: Connector, *, replace: bool = False) -> None:
        """Load ``connector``'s module and check it; nothing of it is added if a check fails.
        ``replace``: a connector of the same id gives way (one regenerated from its API
        description), once the new one has passed its checks."""
        if connector.id in self._connectors and not replace:
            log.warning("Connector %r is defined twice; keeping the first", connector.id)
            return
        module = _import(f"{connector.package}.{connector.manifest.module}", connector.id)
        connector = _with_credentials(connector, module)
        types: dict[str, NodeType] = {}
        former: dict[str, str] = {}
        old_types = {t for t, nt in self._types.items() if nt.connector.id == connector.id}
        old_former = {f for f, t in self._former.items() if t in old_types}
        claims = {name: name for name in self._types if name not in old_types} | {
            f: t for f, t in self._former.items() if f not in old_former
        }
        for entries, is_trigger in (
            (connector.manifest.triggers, True),
            (connector.manifest.actions, False),
        ):
            for entry in entries:
                node_type = _node_type(connector, entry, module, is_trigger)
                for name in (node_type.type, *entry.former_names):
                    if name in claims:
                        raise ConnectorError(
                            f"Two node types claim the name '{name}': '{claims[name]}' and "
                            f"'{node_type.type}'. A type's name and former names must be its own."
                        )
                    claims[name] = node_type.type
                types[node_type.type] = node_type
                former.update(dict.fromkeys(entry.former_names, node_type.type))
        for name in old_types:
            del self._types[name]
        for name in old_former:
            del self._former[name]
        self._connectors[connector.id] = connector
        self._types.update(types)
        self._former.update(former)

    def get(self, type_name: str) -> NodeType:
        found = self.find(type_name)
        if found is None:
            raise UnknownNodeType(f"Flowin doesn't know the node type '{type_name}'.")
        return found

    def find(self, type_name: str) -> NodeType | None:
        """The node type called ``type_name`` now or before a rename, if Flowin has it."""
        return self._types.get(self._former.get(type_name, type_name))

    def with_current_names(self, flow: Flow) -> Flow:
        """``flow`` with each step's type under its current name: a flow saved before an
        operation was renamed opens, runs and is saved again as the renamed type. Returns
        ``flow`` itself when nothing was renamed."""
        renamed = {n.id: self._former[n.type] for n in flow.nodes if n.type in self._former}
        if not renamed:
            return flow
        nodes = [
            n.model_copy(update={"type": renamed[n.id]}) if n.id in renamed else n
            for n in flow.nodes
        ]
        return flow.model_copy(update={"nodes": nodes})

    def __contains__(self, type_name: object) -> bool:
        return isinstance(type_name, str) and self.find(type_name) is not None

    @property
    def connectors(self) -> list[Connector]:
        return list(self._connectors.values())

    def connector(self, connector_id: str) -> Connector | None:
        return self._connectors.get(connector_id)

    @property
    def node_types(self) -> list[NodeType]:
        return list(self._types.values())

    def triggers(self) -> list[NodeType]:
        return [t for t in self._types.values() if t.is_trigger]


def widget_hint(info: FieldInfo) -> str | None:
    """How a field wants to be edited (``password``, ``hidden``, ``connection``...), if it says."""
    extra = info.json_schema_extra
    return extra.get("widget") if isinstance(extra, dict) else None  # type: ignore[return-value]


def needed_by_triggers(info: FieldInfo) -> list[str]:
    """The ids of the connector's triggers that refuse requests while this account field is
    empty (declared with ``kit.trigger_secret``)."""
    extra = info.json_schema_extra
    found = extra.get("needed_by_triggers") if isinstance(extra, dict) else None
    return list(found) if isinstance(found, list) else []


@cache
def url_schemes(model: type[BaseModel]) -> dict[str, list[str]]:
    """The fields of ``model`` that hold a web address, with the schemes each accepts.

    A field declares it with ``json_schema_extra={"url_schemes": ["http", "https"]}``.
    """
    found: dict[str, list[str]] = {}
    for key, info in model.model_fields.items():
        extra = info.json_schema_extra
        schemes = extra.get("url_schemes") if isinstance(extra, dict) else None
        if isinstance(schemes, list):
            found[key] = [str(s).lower() for s in schemes]
    return found


def load_connector(package: str) -> Connector:
    """Read ``manifest.json`` of an importable package."""
    try:
        text = resources.files(package).joinpath("manifest.json").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as error:
        raise ConnectorError(f"The connector '{package}' has no manifest.json ({error}).") from None
    try:
        manifest = ConnectorManifest.model_validate(json.loads(text))
    except (ValueError, ValidationError) as error:
        raise ConnectorError(f"The manifest of connector '{package}' is invalid: {error}") from None
    return Connector(manifest=manifest, package=package)


def discover() -> list[Connector]:
    """The built-in connectors, then those installed packages declare in the entry-point group,
    then those made from API descriptions in the data folder.

    A built-in connector whose manifest can't be read stops the search: that is Flowin's own
    bug. An installed one is left out, and the log says why.
    """
    found: list[Connector | None] = []
    root = resources.files(BUILTIN_PACKAGE)
    for child in sorted(root.iterdir(), key=lambda c: c.name):
        if child.is_dir() and child.joinpath("manifest.json").is_file():
            found.append(load_connector(f"{BUILTIN_PACKAGE}.{child.name}"))
    for entry_point in metadata.entry_points(group=ENTRY_POINT_GROUP):
        found.append(_try_load(entry_point.value))
    found.extend(_try_load(package) for package in imported_connector_packages())
    return [c for c in found if c is not None]


def imported_connector_packages() -> list[str]:
    """The packages of the connectors made from API descriptions (``flowin connectors
    import``), in the data folder's ``connectors/``."""
    from .openapi_import import imported_package
    from .paths import imported_connectors_dir

    root = imported_connectors_dir()
    package = imported_package(root)
    if package is None:
        return []
    return [
        f"{package}.{child.name}"
        for child in sorted(root.iterdir(), key=lambda c: c.name)
        if child.is_dir() and (child / "manifest.json").is_file() and not child.name.startswith(".")
    ]


def load_registry() -> Registry:
    """A registry of every connector ``discover`` finds, each checked as it is added.

    A built-in connector that fails a check (a declared hook missing, a polling trigger without
    a poller) stops the load with the reason. An installed one is left out with the reason
    logged, so that a broken add-on can't keep Flowin from starting.
    """
    registry = Registry()
    for connector in discover():
        if registry.connector(connector.id) is not None and not _is_builtin(connector):
            # An API description imported as "trello" before Flowin had its own Trello: the
            # built-in one (found first) stays, and the user's steps of the imported one are
            # unknown until it is imported again under a name of its own.
            log.warning(
                "Leaving out the connector '%s' from %s: Flowin has its own connector called "
                "'%s'; import that description again under another name (flowin connectors "
                "import FILE --id NAME).",
                connector.id,
                connector.package,
                connector.id,
            )
            continue
        try:
            registry.add(connector)
        except Exception as error:
            if _is_builtin(connector):
                raise
            # A failed check says all in its sentence; an add-on's own code failing while it
            # was imported needs its traceback, the author's clue.
            log.error(
                "Leaving out the connector '%s' from %s: %s",
                connector.id,
                connector.package,
                error,
                exc_info=not isinstance(error, ConnectorError),
            )
    return registry


@cache
def default_registry() -> Registry:
    return load_registry()


def _is_builtin(connector: Connector) -> bool:
    return connector.package.startswith(f"{BUILTIN_PACKAGE}.")


def _try_load(package: str) -> Connector | None:
    try:
        return load_connector(package)
    except Exception:  # an installed package's own code may fail in any way
        log.exception("Skipping the connector %s: it cannot be loaded", package)
        return None


def _import(module_name: str, connector_id: str) -> Any:
    try:
        return importlib.import_module(module_name)
    except ImportError as error:
        raise ConnectorError(f"The connector '{connector_id}' can't be loaded: {error}") from None


@dataclass(frozen=True, slots=True)
class _Hook:
    """A kind of function a manifest may name: what it is called and what it is called with."""

    role: str
    parameters: tuple[str, ...]


_OPERATION = _Hook("operation", ("params", "ctx"))
_GATE = _Hook("webhook gate", ("params", "request", "ctx"))
_POLLER = _Hook("poller", ("params", "ctx"))
_ACCOUNT_TEST = _Hook("account test", ("secret",))
_SIGN_IN = _Hook("sign-in", ("secret", "open_browser"))


def _hook(
    module: Any,
    connector: Connector,
    name: str,
    hook: _Hook,
    takes: type[BaseModel] | None,
    trigger: str | None = None,
) -> Callable[..., Any]:
    """The function ``name`` of ``module``, checked to be callable as ``hook`` is called."""
    where = f"the connector '{connector.id}'"
    if trigger:
        where = f"the trigger '{trigger}' of {where}"
    function = getattr(module, name, None)
    if not callable(function):
        whose = f"the {hook.role} of its trigger '{trigger}'" if trigger else f"its {hook.role}"
        raise ConnectorHookError(
            f"The connector '{connector.id}' declares '{name}' as {whose}, but its operations "
            "module has no function of that name."
        )
    try:
        signature = inspect.signature(function)
        signature.bind(*hook.parameters)
    except (TypeError, ValueError):
        raise ConnectorHookError(
            f"The {hook.role} '{name}' of {where} must take ({', '.join(hook.parameters)})."
        ) from None
    first = next(iter(signature.parameters), None)
    try:
        annotation = typing.get_type_hints(function).get(first) if first else None
    except Exception:  # an annotation only a type checker can resolve: nothing to compare
        annotation = None
    if (
        takes is not None
        and isinstance(annotation, type)
        and issubclass(annotation, BaseModel)
        and not issubclass(takes, annotation)
    ):
        raise ConnectorHookError(
            f"The {hook.role} '{name}' of {where} must take {takes.__name__} as its first "
            f"parameter, not {annotation.__name__}."
        )
    return function


def _with_credentials(connector: Connector, module: Any) -> Connector:
    manifest = connector.manifest
    model = None
    if manifest.credential:
        model = getattr(module, manifest.credential, None)
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            raise ConnectorHookError(
                f"The connector '{connector.id}' declares '{manifest.credential}' as its "
                "credential model, but its operations module has no pydantic model of that name."
            )
    elif manifest.test_connection or manifest.sign_in:
        raise ConnectorHookError(
            f"The connector '{connector.id}' declares an account test or sign-in but no "
            'credential model: add "credential": "<model name>" to its manifest.json.'
        )
    test = (
        _hook(module, connector, manifest.test_connection, _ACCOUNT_TEST, model)
        if manifest.test_connection
        else None
    )
    sign_in = (
        _hook(module, connector, manifest.sign_in, _SIGN_IN, model) if manifest.sign_in else None
    )
    return dataclasses.replace(
        connector, credential_model=model, test_function=test, sign_in_function=sign_in
    )


def _trigger_hooks(
    connector: Connector,
    entry: OperationManifest,
    module: Any,
    input_model: type[BaseModel],
    is_trigger: bool,
) -> tuple[Callable[..., Any] | None, Callable[..., Any] | None]:
    """The webhook gate and the poller ``entry`` declares, checked against its kind."""
    kind = entry.kind if is_trigger else None
    if entry.webhook_gate and kind != TriggerKind.WEBHOOK:
        raise ConnectorHookError(
            f"The connector '{connector.id}' declares a webhook gate for '{entry.id}', but only "
            "a webhook trigger has a webhook gate."
        )
    if entry.poller and kind != TriggerKind.POLLING:
        raise ConnectorHookError(
            f"The connector '{connector.id}' declares a poller for '{entry.id}', but only a "
            "polling trigger has a poller."
        )
    if kind == TriggerKind.POLLING and not entry.poller:
        raise ConnectorHookError(
            f"The polling trigger '{entry.id}' of the connector '{connector.id}' declares no "
            'poller: add "poller": "<function name>" to it in manifest.json.'
        )
    if kind == TriggerKind.WEBHOOK and not entry.webhook_gate and connector.manifest.credential:
        # The account holds the secret the service signs its requests with; without a gate
        # anyone who learns the address could start the flow.
        raise ConnectorHookError(
            f"The webhook trigger '{entry.id}' of the connector '{connector.id}' declares no "
            "webhook gate, yet the connector has an account to check requests with: add "
            '"webhook_gate": "<function name>" to it in manifest.json.'
        )
    gate = (
        _hook(module, connector, entry.webhook_gate, _GATE, input_model, entry.id)
        if entry.webhook_gate
        else None
    )
    poller = (
        _hook(module, connector, entry.poller, _POLLER, input_model, entry.id)
        if entry.poller
        else None
    )
    return gate, poller


def _node_type(
    connector: Connector, entry: OperationManifest, module: Any, is_trigger: bool
) -> NodeType:
    function = getattr(module, entry.id, None)
    if not callable(function):
        raise ConnectorError(
            f"The connector '{connector.id}' declares '{entry.id}' but has no function of that name."
        )
    hints = typing.get_type_hints(function)
    parameters = [name for name in function.__code__.co_varnames[: function.__code__.co_argcount]]
    input_model = hints.get(parameters[0]) if parameters else None
    if not (isinstance(input_model, type) and issubclass(input_model, BaseModel)):
        raise ConnectorError(
            f"'{connector.id}.{entry.id}' must take a pydantic model as its first parameter."
        )
    try:
        inspect.signature(function).bind(*_OPERATION.parameters)
    except TypeError:
        raise ConnectorHookError(
            f"The operation '{entry.id}' of the connector '{connector.id}' must take "
            f"({', '.join(_OPERATION.parameters)})."
        ) from None
    gate, poller = _trigger_hooks(connector, entry, module, input_model, is_trigger)
    titles = {
        key: info.title or key.replace("_", " ").capitalize()
        for key, info in input_model.model_fields.items()
    }
    return NodeType(
        type=f"{connector.id}.{entry.id}",
        connector=connector,
        manifest=entry,
        input_model=input_model,
        function=function,
        is_trigger=is_trigger,
        webhook_gate=gate,
        poller=poller,
        _field_titles=titles,
    )
