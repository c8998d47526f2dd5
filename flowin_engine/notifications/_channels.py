"""Sending a notification over a channel: through the connector's own operation, run by a
runner as a one-step flow, with the user's connected account.

So a notification goes out as a step of a flow would: the account's base URL and secret (from
the keyring), the step's retries, time-outs and error sentences are the connector's own. The
message travels as the trigger's data and the step's fields only point at it, so nothing in a
message (an error quoting ``{{ ... }}``) is ever read as an expression. The runner keeps no
history: a notification is not a run of the user's.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..errors import FlowinError
from ..model import Edge, Flow, Node, NodeSettings
from ._messages import html_mail
from ._rules import CHANNEL_OPERATIONS, Channel, ChannelKind

if TYPE_CHECKING:
    from ..credentials import Connections
    from ..registry import Registry
    from ..runner import Runner

log = logging.getLogger(__name__)

TELEGRAM_LIMIT = 4096
SMS_LIMIT = 1600
WHATSAPP_VALUE_LIMIT = 1024
SEND_TIMEOUT = 30.0

# Sends an e-mail through the cloud account's mailer, to the account's own address:
# (subject, text, link to the run or "") -> None, raising FlowinError.
CloudMailer = Callable[[str, str, str], None]


class ChannelFailed(FlowinError):
    """A channel could not deliver a notification; the message is the step's own sentence."""


class ChannelSender:
    """Delivers messages over channels with the user's connected accounts."""

    def __init__(
        self,
        registry: Registry | None,
        connections: Connections | None,
        cloud_mailer: CloudMailer | None = None,
    ) -> None:
        self._registry = registry
        self._connections = connections
        self.cloud_mailer = cloud_mailer
        self._runner: Runner | None = None
        self._lock = threading.Lock()

    def send(
        self, channel: Channel, subject: str, text: str, link: str = "", language: str = "en"
    ) -> None:
        """Send, or raise ChannelFailed saying why in one sentence; ``link`` is the run's
        flowin://run/ID when there is one (the cloud's mail makes it a button)."""
        if channel.kind == ChannelKind.IN_APP:
            return
        if channel.kind == ChannelKind.EMAIL and not channel.connection_id:
            if self.cloud_mailer is None:
                raise ChannelFailed(
                    "No e-mail account is chosen for notifications; choose one, or sign in to "
                    "your Flowin cloud account to get them at its address."
                )
            try:
                self.cloud_mailer(subject, text, link)
            except FlowinError as error:
                raise ChannelFailed(str(error)) from None
            return
        if not channel.connection_id:
            raise ChannelFailed(
                f"No {channel.kind.value} account is chosen for notifications; choose one in "
                "the notification settings."
            )
        if not channel.to.strip():
            raise ChannelFailed(
                f"No one to send {channel.kind.value} notifications to; fill in To in the "
                "notification settings."
            )
        flow = _one_step_flow(channel)
        message = {"subject": subject, "text": _fit(channel, subject, text)}
        if channel.kind == ChannelKind.EMAIL:
            message["html"] = html_mail(language, subject, text, link)
        result = self._runner_for_sending().run(flow, message)
        if not result.ok:
            raise ChannelFailed(result.error or "The message could not be sent.")

    def close(self) -> None:
        with self._lock:
            runner, self._runner = self._runner, None
        if runner is not None:
            runner.shutdown(wait=False)

    def _runner_for_sending(self) -> Runner:
        with self._lock:
            if self._runner is None:
                from ..registry import default_registry
                from ..runner import Runner

                self._runner = Runner(
                    self._registry or default_registry(),
                    workers=2,
                    connections=self._connections,
                )
            return self._runner


def _fit(channel: Channel, subject: str, text: str) -> str:
    """The message as the channel takes it."""
    if channel.kind == ChannelKind.TELEGRAM:
        return _clip(f"{subject}\n\n{text}", TELEGRAM_LIMIT)
    if channel.kind == ChannelKind.SMS:
        return _clip(f"{subject}: {text}", SMS_LIMIT)
    if channel.kind == ChannelKind.WHATSAPP:
        # A template's values may hold no new line, tab or run of more than four spaces.
        return _clip(" ".join(f"{subject}: {text}".split()), WHATSAPP_VALUE_LIMIT)
    return text


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _params(channel: Channel) -> dict[str, Any]:
    to = channel.to.strip()
    if channel.kind == ChannelKind.EMAIL:
        return {
            "to": to,
            "subject": "{{ trigger.subject }}",
            "text": "{{ trigger.text }}",
            "html": "{{ trigger.html }}",
        }
    if channel.kind == ChannelKind.TELEGRAM:
        return {"chat_id": to, "text": "{{ trigger.text }}"}
    if channel.kind == ChannelKind.SMS:
        return {"to": to, "from_number": channel.sender.strip(), "body": "{{ trigger.text }}"}
    return {
        "to": to,
        "template": channel.template.strip(),
        "language": channel.template_language.strip() or "en_US",
        "body_parameters": ["{{ trigger.text }}"],
    }


def _one_step_flow(channel: Channel) -> Flow:
    trigger = Node(id="notification", name="Notification", type="core.manual_trigger")
    send = Node(
        id="send",
        name=f"Send the notification by {channel.kind.value}",
        type=CHANNEL_OPERATIONS[channel.kind],
        params={"connection": channel.connection_id, **_params(channel)},
        settings=NodeSettings(timeout=SEND_TIMEOUT),
    )
    return Flow(
        name="Flowin notification",
        nodes=[trigger, send],
        edges=[Edge(source=trigger.id, target=send.id)],
    )
