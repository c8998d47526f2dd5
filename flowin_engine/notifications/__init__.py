"""Notifications: what the app's bell shows, and messages by e-mail, Telegram, SMS and WhatsApp
when a flow fails, works again, falls silent, or sends its daily summary.

The runtime owns a ``Notifier`` (``runtime.notifications``); the rules are kept in the
database (``store.notifications``), a global one and a flow's own. See ``_notifier`` for how it
runs, ``_messages`` for what it says and in which language, ``_channels`` for how it sends.
"""

from ..store import Notification
from ._channels import ChannelFailed, ChannelSender, CloudMailer
from ._messages import RUN_COMMAND, RUN_LINK
from ._notifier import ChannelResult, FailedRun, Kind, Notifier, Rules
from ._rules import Channel, ChannelKind, Events, QuietHours, Rule

__all__ = [
    "RUN_COMMAND",
    "RUN_LINK",
    "Channel",
    "ChannelFailed",
    "ChannelKind",
    "ChannelResult",
    "ChannelSender",
    "CloudMailer",
    "Events",
    "FailedRun",
    "Kind",
    "Notification",
    "Notifier",
    "QuietHours",
    "Rule",
    "Rules",
]
