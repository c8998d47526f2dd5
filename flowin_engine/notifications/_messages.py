"""What notifications say, in the rule's language.

The sentences are written here in English and translated in
``translations/notifications_<language>.ts`` (context ``Notifications``), a Qt Linguist file
like the connectors' own: the engine has no Qt, so it reads the file itself
(``builder.names.words_file``), which also works where the desktop app is not installed
(``flowin serve`` on a server). A failure's reason is the step's own sentence; when it came
with a ``Problem`` template, the app's translation of that template (context
``EngineMessages``, registered by the desktop through ``builder.names.add_words``) is used, so
the reason is in Arabic wherever the app shows it in Arabic.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from html import escape
from typing import Any
from zoneinfo import ZoneInfo

from ..builder.names import shared_word, words_file

log = logging.getLogger(__name__)

CONTEXT = "Notifications"
ENGINE_MESSAGES = "EngineMessages"
RUN_LINK = "flowin://run/{execution_id}"
RUN_COMMAND = "flowin runs show {execution_id}"

# Every sentence (a test checks each has its translation with the same placeholders).
FAILED_TITLE = "«{flow}» failed"
FAILED_AT_STEP = "«{flow}» failed at step {number} «{step}»: {reason}"
FAILED = "«{flow}» failed: {reason}"
FAILED_AGAIN_AT_STEP = (
    "«{flow}» failed {count} times since {since} at step {number} «{step}»: {reason}"
)
FAILED_AGAIN = "«{flow}» failed {count} times since {since}: {reason}"
HOW_TO_FIX = "Fix it in Flowin: {link} — or see the run with: {command}"
RECOVERED_TITLE = "«{flow}» works again"
RECOVERED = "«{flow}» ran fine at {time} after failing {count} times since {since}."
RECOVERED_AFTER_ONE = "«{flow}» ran fine at {time} after failing at {since}."
SUMMARY_TITLE = "«{flow}» today"
SUMMARY_ALL_FINE = "«{flow}» ran {count} times today, all fine."
SUMMARY_SOME_FAILED = "«{flow}» ran {count} times today; {failed} of them failed."
SILENCE_TITLE = "«{flow}» has not run"
SILENCE = (
    "«{flow}» has not run in {hours} hours. Check that what starts it still happens, "
    "and that the flow is switched on."
)
WAITING_TITLE = "Events wait in your cloud account"
WAITING = "{count} events for «{flow}» wait in your cloud account; they run when Flowin connects."
WAITING_ANY = (
    "{count} events waited in your cloud account while this computer could not take them; "
    "Flowin is running them now."
)
CONFLICT_TITLE = "«{flow}» was changed in two places"
CONFLICT = (
    "«{flow}» was changed on this computer and in your cloud account; "
    "open it in Flowin to choose which one to keep."
)
CHANNEL_BROKEN_TITLE = "A notification could not be sent by {channel}"
CHANNEL_BROKEN = (
    "Flowin could not send a notification by {channel}: {reason} "
    "Notifications still show in the app; check the account in the notification settings."
)
DIGEST_TITLE = "While notifications were quiet"
DIGEST_INTRO = "{count} notifications waited for the end of quiet hours:"
OPEN_RUN = "Open the run in Flowin"
TEST_TITLE = "Flowin test notification"
TEST = "This is a test: Flowin notifications reach you here."
CHANNEL_NAMES = {
    "in_app": "the app",
    "email": "e-mail",
    "telegram": "Telegram",
    "sms": "SMS",
    "whatsapp": "WhatsApp",
}

SENTENCES = (
    FAILED_TITLE,
    FAILED_AT_STEP,
    FAILED,
    FAILED_AGAIN_AT_STEP,
    FAILED_AGAIN,
    HOW_TO_FIX,
    RECOVERED_TITLE,
    RECOVERED,
    RECOVERED_AFTER_ONE,
    SUMMARY_TITLE,
    SUMMARY_ALL_FINE,
    SUMMARY_SOME_FAILED,
    SILENCE_TITLE,
    SILENCE,
    WAITING_TITLE,
    WAITING,
    WAITING_ANY,
    CONFLICT_TITLE,
    CONFLICT,
    CHANNEL_BROKEN_TITLE,
    CHANNEL_BROKEN,
    DIGEST_TITLE,
    DIGEST_INTRO,
    OPEN_RUN,
    TEST_TITLE,
    TEST,
    *CHANNEL_NAMES.values(),
)


def translate(language: str, text: str, context: str = CONTEXT) -> str:
    """``text`` in ``language``: the engine's own file first, then the app's words."""
    if language == "en":
        return text
    own = words_file(__package__ or "flowin_engine.notifications", "notifications", language)
    return own.get((context, text)) or shared_word(language, context, text) or text


def say(language: str, template: str, **args: Any) -> str:
    """A sentence in ``language`` with its values filled in."""
    translated = translate(language, template)
    try:
        return translated.format(**args)
    except (KeyError, IndexError, ValueError):
        log.warning(
            "The %s words for %r do not fit its values; English is used", language, template
        )
        return template.format(**args)


def reason_in(language: str, reason: str, problem: dict[str, Any] | None) -> str:
    """A failure's reason in ``language``: its Problem template translated when there is one."""
    if language == "en" or not problem or not problem.get("template"):
        return reason
    translated = shared_word(language, ENGINE_MESSAGES, str(problem["template"]))
    if not translated:
        return reason
    try:
        return translated.format(**(problem.get("args") or {}))
    except (KeyError, IndexError, ValueError):
        return reason


def clock_time(moment: datetime, zone: str) -> str:
    """ "10:02" in the rule's time zone."""
    return moment.astimezone(ZoneInfo(zone)).strftime("%H:%M")


@dataclass(frozen=True, slots=True)
class Failure:
    """A failed run as the notifications tell it."""

    flow_id: str
    flow_name: str
    execution_id: str
    reason: str
    step: str | None = None
    step_number: int | None = None
    problem: dict[str, Any] | None = None

    def text(self, language: str, count: int = 1, since: str = "") -> str:
        reason = reason_in(language, self.reason, self.problem)
        values: dict[str, Any] = {"flow": self.flow_name, "reason": reason}
        if self.step is not None:
            values |= {"step": self.step, "number": self.step_number or "?"}
        if count > 1:
            values |= {"count": count, "since": since}
            template = FAILED_AGAIN_AT_STEP if self.step is not None else FAILED_AGAIN
        else:
            template = FAILED_AT_STEP if self.step is not None else FAILED
        return say(language, template, **values)


def how_to_fix(language: str, execution_id: str) -> str:
    return say(
        language,
        HOW_TO_FIX,
        link=RUN_LINK.format(execution_id=execution_id),
        command=RUN_COMMAND.format(execution_id=execution_id),
    )


def html_mail(language: str, subject: str, text: str, link: str = "") -> str:
    """The HTML part of a notification e-mail: the text, and a button to the run when there
    is one; inline styles only (mail clients drop style sheets), right to left in Arabic."""
    direction = "rtl" if language == "ar" else "ltr"
    paragraphs = "".join(
        '<p style="margin:0 0 14px;line-height:1.5">'
        + escape(part.strip()).replace("\n", "<br>")
        + "</p>"
        for part in text.split("\n\n")
        if part.strip()
    )
    button = (
        f'<p style="margin:20px 0 6px"><a href="{escape(link)}" style="display:inline-block;'
        "background:#2563eb;color:#ffffff;padding:10px 18px;border-radius:6px;"
        f'text-decoration:none;font-weight:600">{escape(translate(language, OPEN_RUN))}</a></p>'
        if link
        else ""
    )
    return (
        f'<!DOCTYPE html><html lang="{language}" dir="{direction}"><body style="margin:0;'
        "padding:24px;background:#f4f5f7;font-family:'Segoe UI',Tahoma,Arial,sans-serif;"
        f'color:#1f2933"><table role="presentation" width="100%" style="max-width:560px;'
        'margin:0 auto;background:#ffffff;border-radius:8px"><tr><td style="padding:24px">'
        f'<h1 style="font-size:18px;margin:0 0 16px">{escape(subject)}</h1>{paragraphs}{button}'
        '<p style="margin:18px 0 0;font-size:12px;color:#6b7280">Flowin</p>'
        "</td></tr></table></body></html>"
    )


def channel_name(language: str, kind: str) -> str:
    return translate(language, CHANNEL_NAMES.get(kind, kind))
