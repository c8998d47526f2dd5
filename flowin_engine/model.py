"""The flow model: what the canvas edits, the AI builder writes, the runner runs and files hold.

A flow is plain data (pydantic v2); it knows nothing of node types. Whether it can run is
``validation.validate_flow``'s business, because that needs the registry.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    ValidationError,
    field_validator,
    model_serializer,
)

from .errors import FlowFileError

SCHEMA_VERSION = 1
MAIN_PORT = "main"
ERROR_PORT = "error"


def new_id() -> str:
    return uuid.uuid4().hex[:12]


def utc_now() -> datetime:
    return datetime.now(UTC)


class FlowStatus(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    PAUSED = "paused"
    ARCHIVED = "archived"


class OnError(StrEnum):
    STOP = "stop"  # the run fails
    CONTINUE = "continue"  # the error becomes the step's output and the run goes on
    ERROR_OUTPUT = "error_output"  # the error is sent down the node's error port


class Position(BaseModel):
    model_config = ConfigDict(extra="forbid")
    x: float = 0.0
    y: float = 0.0


class NodeSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    retries: int = Field(3, ge=1, le=10, description="Attempts in all, the first included.")
    retry_backoff: float = Field(
        1.0, ge=0, le=300, description="Seconds before the second attempt; doubles after."
    )
    timeout: float = Field(30.0, gt=0, le=86_400, description="Seconds one attempt may take.")
    on_error: OnError = OnError.STOP


class Node(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(default_factory=new_id, min_length=1)
    type: str = Field(min_length=1, description="connector.operation, e.g. http.request")
    name: str = Field(min_length=1, description="Unique in the flow; used in {{ }} references.")
    params: dict[str, Any] = Field(default_factory=dict)
    position: Position = Field(default_factory=Position)
    settings: NodeSettings = Field(default_factory=NodeSettings)
    notes: str = ""
    disabled: bool = False

    @property
    def connector(self) -> str:
        return self.type.split(".", 1)[0]


class Edge(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(default_factory=new_id)
    source: str
    source_port: str = MAIN_PORT
    target: str
    target_port: str = MAIN_PORT


class StickyNote(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(default_factory=new_id)
    text: str = ""
    position: Position = Field(default_factory=Position)
    width: float = 240.0
    height: float = 140.0


class FlowSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    timezone: str = "UTC"
    max_concurrency: int | None = Field(
        None, ge=1, description="Executions of this flow that may run at once."
    )
    steps_of_failed_runs_only: bool = Field(
        False,
        description="Keep each step's details (what it got and gave) only for runs that fail; "
        "a run that succeeds keeps its start, trigger data and end. For busy flows: less to "
        "write and to keep.",
    )
    minutes_saved_per_run: int | None = Field(
        None,
        ge=0,
        le=24 * 60,
        description="The minutes of hand work one successful run saves; the insights' time "
        "saved. Set by the user or suggested by the template the flow came from; unset until "
        "then.",
    )

    @model_serializer(mode="wrap")
    def _without_defaults_added_later(self, handler: SerializerFunctionWrapHandler) -> Any:
        # A setting added later is written only when set: a flow that does not use it keeps
        # the JSON it had, so its saved versions, exports and cloud copy read as unchanged.
        data = handler(self)
        if isinstance(data, dict):
            if not self.steps_of_failed_runs_only:
                data.pop("steps_of_failed_runs_only", None)
            if self.minutes_saved_per_run is None:
                data.pop("minutes_saved_per_run", None)
        return data


class PinnedOutput(BaseModel):
    """A step's output kept as test data: test runs replay it instead of calling the service.

    Only test runs started from the editor use it; runs of an active flow never do. Values under
    secret-looking keys are masked on the way in, so a pinned output never holds a secret.
    """

    model_config = ConfigDict(extra="forbid")
    port: str = MAIN_PORT
    output: Any = None

    @field_validator("output")
    @classmethod
    def _without_secrets(cls, output: Any) -> Any:
        from .store.redact import redact  # the store package imports this module

        return redact(output)


class Flow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schema_version: int = SCHEMA_VERSION
    id: str = Field(default_factory=new_id, min_length=1)
    name: str = Field("Untitled flow", min_length=1)
    description: str = ""
    status: FlowStatus = FlowStatus.DRAFT
    nodes: list[Node] = Field(default_factory=list)
    edges: list[Edge] = Field(default_factory=list)
    sticky_notes: list[StickyNote] = Field(default_factory=list)
    settings: FlowSettings = Field(default_factory=FlowSettings)
    pinned: dict[str, PinnedOutput] = Field(
        default_factory=dict, description="Test data: node id → its pinned output."
    )
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)

    @field_validator("schema_version")
    @classmethod
    def _known_schema(cls, version: int) -> int:
        if version > SCHEMA_VERSION:
            raise ValueError(
                f"this flow was saved by a newer Flowin (format {version}); please update Flowin"
            )
        return version

    def node(self, node_id: str) -> Node:
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise KeyError(node_id)

    def node_by_name(self, name: str) -> Node | None:
        return next((n for n in self.nodes if n.name == name), None)

    def to_json(self, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent)

    @classmethod
    def from_json(cls, text: str | bytes, default_id: str | None = None) -> Flow:
        try:
            data = json.loads(text)
        except (ValueError, UnicodeDecodeError) as error:
            raise FlowFileError(
                f"This is not a flow file: it is not valid JSON ({error})."
            ) from None
        if default_id is not None and isinstance(data, dict):
            data.setdefault("id", default_id)
            _give_stable_ids(data)
        return cls.from_data(data)

    @classmethod
    def from_data(cls, data: Any) -> Flow:
        if not isinstance(data, dict):
            raise FlowFileError("This is not a flow file: a flow is a JSON object with nodes.")
        try:
            return cls.model_validate(data)
        except ValidationError as error:
            raise FlowFileError(describe_validation_error(error, data)) from None

    @classmethod
    def load(cls, path: str | Path) -> Flow:
        """Read a flow file. One without an id gets one derived from where it is, and steps,
        connections and notes without ids get ids derived from what they are, so reading the
        same file again gives the same flow (the same history, no new version)."""
        path = Path(path)
        try:
            text = path.read_bytes()
        except OSError as error:
            raise FlowFileError(f"Can't open the flow file {path}: {error.strerror}.") from None
        location = hashlib.sha1(str(path.resolve()).encode(), usedforsecurity=False)
        return cls.from_json(text, default_id=f"file-{location.hexdigest()[:12]}")

    def save(self, path: str | Path) -> None:
        Path(path).write_text(self.to_json(), encoding="utf-8")


def _give_stable_ids(data: dict[str, Any]) -> None:
    """Ids for the items of a hand-written flow file that have none, the same at every read."""
    for key in ("nodes", "edges", "sticky_notes"):
        items = data.get(key)
        if not isinstance(items, list):
            continue
        seen: dict[str, int] = {}
        for item in items:
            if not isinstance(item, dict) or "id" in item:
                continue
            content = json.dumps(item, sort_keys=True, default=str)
            # Two identical items (two equal notes) still get an id each.
            seen[content] = seen.get(content, 0) + 1
            digest = hashlib.sha1(f"{content}#{seen[content]}".encode(), usedforsecurity=False)
            item["id"] = digest.hexdigest()[:12]


def describe_validation_error(error: ValidationError, data: Any) -> str:
    """Turn pydantic's report into sentences that name the node rather than a list index."""
    lines = []
    for item in error.errors()[:10]:
        location = _describe_location(item["loc"], data)
        message = item["msg"]
        if item["type"] == "missing":
            message = "is required"
        elif item["type"] == "extra_forbidden":
            message = "is not a known setting"
        lines.append(f"{location}: {message}" if location else message)
    head = "This flow file has a problem" if len(lines) == 1 else "This flow file has problems"
    if len(lines) == 1:
        return f"{head}: {lines[0]}."
    return head + ":\n" + "\n".join(f"  • {line}" for line in lines)


def _describe_location(loc: tuple[int | str, ...], data: Any) -> str:
    parts: list[str] = []
    current: Any = data
    index = 0
    while index < len(loc):
        key = loc[index]
        if key in ("nodes", "edges") and index + 1 < len(loc) and isinstance(loc[index + 1], int):
            position = int(loc[index + 1])
            item = _safe_index(current, key, position)
            kind = "node" if key == "nodes" else "connection"
            label = None
            if isinstance(item, dict) and kind == "node":
                label = item.get("name") or item.get("id")
            parts.append(
                f"{kind} '{label}'" if isinstance(label, str) else f"{kind} {position + 1}"
            )
            current = item
            index += 2
            continue
        parts.append(str(key))
        current = current.get(key) if isinstance(current, dict) else None
        index += 1
    return " → ".join(parts)


def _safe_index(container: Any, key: str, position: int) -> Any:
    if isinstance(container, dict):
        items = container.get(key)
        if isinstance(items, list) and 0 <= position < len(items):
            return items[position]
    return None
