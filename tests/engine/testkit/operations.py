"""Operations with controlled behaviour: echo, fail, fail N times, crash, pause, record calls."""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from typing import Any

from pydantic import BaseModel, Field

from flowin_engine.errors import RetryableError, StepError
from flowin_engine.polling import PollContext, PolledItem, PollResult
from flowin_engine.steps import StepContext

calls: dict[str, list[Any]] = defaultdict(list)
_lock = threading.Lock()


class StartInput(BaseModel):
    pass


class EchoInput(BaseModel):
    value: Any = Field(None, title="Value")


class FailInput(BaseModel):
    message: str = Field("It broke.", title="Message")


class FlakyInput(BaseModel):
    key: str = Field(title="Key")
    failures: int = Field(title="Failures")
    retry_after: float | None = None


class PauseInput(BaseModel):
    seconds: float = Field(title="Seconds")


class MeetInput(BaseModel):
    key: str = Field(title="Meeting")
    parties: int = Field(title="Parties")


class RecordInput(BaseModel):
    key: str = Field(title="Key")
    value: Any = None


def start(params: StartInput, ctx: StepContext) -> Any:
    return ctx.trigger_data if ctx.trigger_data is not None else {}


def echo(params: EchoInput, ctx: StepContext) -> Any:
    return params.value if params.value is not None else ctx.input


def fail(params: FailInput, ctx: StepContext) -> Any:
    raise StepError(params.message)


def flaky(params: FlakyInput, ctx: StepContext) -> Any:
    with _lock:
        calls[params.key].append(time.monotonic())
        count = len(calls[params.key])
    if count <= params.failures:
        raise RetryableError(f"Attempt {count} failed.", retry_after=params.retry_after)
    return {"attempts": count}


def crash(params: EchoInput, ctx: StepContext) -> Any:
    return {}["no such key"]


def pause(params: PauseInput, ctx: StepContext) -> Any:
    ctx.cancelled.wait(params.seconds)
    return {"slept": params.seconds, "thread": threading.current_thread().name}


_meetings: dict[str, threading.Barrier] = {}


def meet(params: MeetInput, ctx: StepContext) -> Any:
    """Waits until ``parties`` steps have come to the meeting ``key``: only steps that run at
    the same time all get through (a lone one fails after 30 s)."""
    with _lock:
        meeting = _meetings.setdefault(params.key, threading.Barrier(params.parties))
    meeting.wait(timeout=30)
    return {"thread": threading.current_thread().name}


def record(params: RecordInput, ctx: StepContext) -> Any:
    with _lock:
        calls[params.key].append(params.value if params.value is not None else ctx.input)
    return params.value if params.value is not None else ctx.input


def send(params: RecordInput, ctx: StepContext) -> Any:
    """Like a message sent: repeating it would send it twice."""
    with _lock:
        calls[params.key].append(params.value)
    return params.value


def once(params: RecordInput, ctx: StepContext) -> Any:
    with _lock:
        calls[params.key].append(1)
    raise ConnectionError("the line dropped")


feed: list[dict[str, Any]] = []  # what the polled "service" currently holds


class NewItemInput(BaseModel):
    poll_interval: float = Field(3600, title="Check every")


def new_item(params: NewItemInput, ctx: StepContext) -> Any:
    return ctx.trigger_data


def new_item_poll(params: NewItemInput, ctx: PollContext) -> PollResult:
    with _lock:
        calls["polls"].append(ctx.cursor)
        items = [PolledItem(str(item["id"]), item) for item in feed]
    return PollResult(items=items, cursor={"count": len(items)})


class UseSecretInput(BaseModel):
    connection: str | None = None


def use_secret(params: UseSecretInput, ctx: StepContext) -> Any:
    secret = ctx.credential(params.connection)
    return {"key_length": len(secret["api_key"])}
