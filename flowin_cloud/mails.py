"""Every e-mail and SMS the cloud sends, in the account's language (English or Arabic).

The words of each message sit side by side per language, so a message cannot exist in one
language only: a test checks that both catalogues have the same keys and placeholders.
"""

from __future__ import annotations

from typing import Any

from .languages import ENGLISH, SUPPORTED
from .models import User
from .outbox import Body, Message

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "own_account": "You get this e-mail because of your Flowin account.",
        "address_used": "You get this e-mail because someone used this address to sign up to "
        "Flowin. Nothing changes unless you act.",
        "link_hint": "If the button does not work, open this link:",
        "signup_attempt_subject": "Someone tried to create a Flowin account with your e-mail",
        "signup_attempt_heading": "Someone tried to sign up with your address",
        "signup_attempt": "Someone tried to sign up to Flowin with this address, which already "
        "has an account. If it was you, sign in or reset your password; otherwise ignore this.",
        "verify_subject": "Verify your e-mail address for Flowin",
        "verify_heading": "Verify your e-mail address",
        "verify": "Open this link within 24 hours to verify your address:",
        "verify_button": "Verify my e-mail address",
        "reset_subject": "Reset your Flowin password",
        "reset_heading": "Choose a new password",
        "reset": "Open this link within an hour to choose a new password:",
        "reset_button": "Choose a new password",
        "reset_not_asked": "If you did not ask for it, ignore this e-mail.",
        "reset_ends_access": "A new password signs your account out on every computer and "
        "deletes its API keys; make new keys for the apps that need them.",
        "sign_in_code_subject": "Your Flowin sign-in code",
        "sign_in_code_heading": "Your sign-in code",
        "sign_in_code": "Your Flowin sign-in code is {code}. It works for 5 minutes.",
        "phone_code": "Your Flowin verification code is {code}. It works for 10 minutes.",
        "second_factor_paused_subject": "Someone failed the sign-in code of your Flowin account",
        "second_factor_paused_heading": "Change your password",
        "second_factor_paused": "Someone entered your password correctly but failed the sign-in "
        "code several times, so signing in is paused for a while. If it was not you, change "
        "your password now: whoever did it knows it.",
        "welcome_subject": "Welcome to Flowin",
        "welcome_heading": "Welcome to Flowin",
        "hello_name": "Hello {name},",
        "hello": "Hello,",
        "welcome": "Your e-mail address is verified and your account is ready. "
        "Three things to do next:",
        "welcome_first_flow": "Build your first flow in the Flowin desktop app.",
        "welcome_connect": "Connect your accounts, such as your e-mail and calendar, so your "
        "flows can use them.",
        "welcome_two_step": "Turn on two-step sign-in in your account settings to keep your "
        "account safe.",
        "notification_footer": "You get this e-mail because your Flowin app sends its "
        "notifications to your account's address; change that in its notification settings.",
        "notification_button": "Open the run in Flowin",
    },
    "ar": {
        "own_account": "وصلتك هذه الرسالة لأن لديك حسابًا في Flowin.",
        "address_used": "وصلتك هذه الرسالة لأن شخصًا ما استخدم هذا العنوان للتسجيل في Flowin. "
        "لن يتغير شيء ما لم تتخذ إجراءً.",
        "link_hint": "إن لم يعمل الزر، فافتح هذا الرابط:",
        "signup_attempt_subject": "حاول شخص ما إنشاء حساب في Flowin ببريدك الإلكتروني",
        "signup_attempt_heading": "حاول شخص ما التسجيل بعنوانك",
        "signup_attempt": "حاول شخص ما التسجيل في Flowin بهذا العنوان، وله حساب بالفعل. "
        "إن كنت أنت، فسجّل الدخول أو أعد تعيين كلمة المرور؛ وإلا فتجاهل هذه الرسالة.",
        "verify_subject": "تأكيد عنوان بريدك الإلكتروني في Flowin",
        "verify_heading": "تأكيد عنوان بريدك الإلكتروني",
        "verify": "افتح هذا الرابط خلال 24 ساعة لتأكيد عنوانك:",
        "verify_button": "تأكيد عنوان بريدي الإلكتروني",
        "reset_subject": "إعادة تعيين كلمة مرور Flowin",
        "reset_heading": "اختر كلمة مرور جديدة",
        "reset": "افتح هذا الرابط خلال ساعة لاختيار كلمة مرور جديدة:",
        "reset_button": "اختيار كلمة مرور جديدة",
        "reset_not_asked": "إن لم تطلب ذلك، فتجاهل هذه الرسالة.",
        "reset_ends_access": "تعيين كلمة مرور جديدة يُخرج حسابك من جميع أجهزة الكمبيوتر ويحذف "
        "مفاتيح API الخاصة به؛ أنشئ مفاتيح جديدة للتطبيقات التي تحتاج إليها.",
        "sign_in_code_subject": "رمز تسجيل الدخول إلى Flowin",
        "sign_in_code_heading": "رمز تسجيل الدخول",
        "sign_in_code": "رمز تسجيل الدخول إلى Flowin هو {code}، وهو صالح لمدة 5 دقائق.",
        "phone_code": "رمز التحقق في Flowin هو {code}، وهو صالح لمدة 10 دقائق.",
        "second_factor_paused_subject": "أخفق شخص ما في إدخال رمز تسجيل الدخول إلى حسابك في Flowin",
        "second_factor_paused_heading": "غيّر كلمة المرور",
        "second_factor_paused": "أدخل شخص ما كلمة مرورك بشكل صحيح لكنه أخفق في رمز تسجيل الدخول "
        "عدة مرات، لذا أُوقف تسجيل الدخول مؤقتًا. إن لم تكن أنت، فغيّر كلمة المرور الآن: "
        "من فعل ذلك يعرفها.",
        "welcome_subject": "مرحبًا بك في Flowin",
        "welcome_heading": "مرحبًا بك في Flowin",
        "hello_name": "مرحبًا {name}،",
        "hello": "مرحبًا،",
        "welcome": "تم تأكيد عنوان بريدك الإلكتروني وحسابك جاهز. ثلاث خطوات تالية:",
        "welcome_first_flow": "أنشئ أول تدفق لك في تطبيق Flowin على سطح المكتب.",
        "welcome_connect": "اربط حساباتك، مثل بريدك الإلكتروني وتقويمك، لتستخدمها تدفقاتك.",
        "welcome_two_step": "فعّل تسجيل الدخول بخطوتين في إعدادات حسابك لحماية حسابك.",
        "notification_footer": "وصلتك هذه الرسالة لأن تطبيق Flowin لديك يرسل تنبيهاته إلى عنوان "
        "حسابك؛ غيّر ذلك من إعدادات التنبيهات فيه.",
        "notification_button": "افتح التشغيل في Flowin",
    },
}


def _language(user: User) -> str:
    return user.language if user.language in SUPPORTED else ENGLISH


def _words(user: User) -> dict[str, str]:
    return WORDS[_language(user)]


def _body(user: User, words: dict[str, str], *, footer: str = "own_account", **fields: Any) -> Body:
    """The e-mail's words with what every e-mail has: its language, the footer saying why it
    came (a WORDS key) and the hint under the button."""
    return Body(
        language=_language(user),
        link_hint=words["link_hint"],
        footer=words[footer],
        **fields,
    )


def signup_attempt(user: User) -> Message:
    """To the owner of an address someone tried to register again."""
    words = _words(user)
    return Message.mail(
        to=user.email,
        kind="signup-attempt",
        subject=words["signup_attempt_subject"],
        body=_body(
            user,
            words,
            heading=words["signup_attempt_heading"],
            paragraphs=(words["signup_attempt"],),
            footer="address_used",
        ),
    )


def verification(public_url: str, user: User, token: str) -> Message:
    return _link_mail(user, "verify-email", "verify", f"{public_url}/verify-email", token)


def password_reset(public_url: str, user: User, token: str) -> Message:
    return _link_mail(
        user,
        "reset-password",
        "reset",
        f"{public_url}/reset-password",
        token,
        ("reset_ends_access", "reset_not_asked"),
    )


def _link_mail(
    user: User, kind: str, key: str, page: str, token: str, notes: tuple[str, ...] = ()
) -> Message:
    """A mail whose point is a link to one of the cloud's pages, carrying ``token``; its words
    are the WORDS keys ``key``, ``key_subject``, ``key_heading`` and ``key_button``."""
    words = _words(user)
    return Message.mail(
        to=user.email,
        kind=kind,
        subject=words[f"{key}_subject"],
        body=_body(
            user,
            words,
            heading=words[f"{key}_heading"],
            paragraphs=(words[key],),
            action_text=words[f"{key}_button"],
            action_url=f"{page}?token={token}",
            notes=tuple(words[note] for note in notes),
        ),
        secrets={"token": token},
    )


def sign_in_code_email(user: User, code: str) -> Message:
    words = _words(user)
    return Message.mail(
        to=user.email,
        kind="2fa",
        subject=words["sign_in_code_subject"],
        body=_body(
            user,
            words,
            heading=words["sign_in_code_heading"],
            paragraphs=(words["sign_in_code"].format(code=code),),
        ),
        secrets={"code": code},
    )


def second_factor_paused(user: User) -> Message:
    """To the owner whose password was right but whose sign-in codes were wrong too often."""
    words = _words(user)
    return Message.mail(
        to=user.email,
        kind="2fa-locked",
        subject=words["second_factor_paused_subject"],
        body=_body(
            user,
            words,
            heading=words["second_factor_paused_heading"],
            paragraphs=(words["second_factor_paused"],),
        ),
    )


def sign_in_code_sms(user: User, phone: str, code: str) -> Message:
    text = _words(user)["sign_in_code"].format(code=code)
    return Message(to=phone, kind="2fa", subject="", text=text, secrets={"code": code})


def phone_code_sms(user: User, phone: str, code: str) -> Message:
    text = _words(user)["phone_code"].format(code=code)
    return Message(to=phone, kind="verify-phone", subject="", text=text, secrets={"code": code})


def flow_notification(user: User, subject: str, text: str, link: str = "") -> Message:
    """A notification of the user's desktop app (a flow failed, say), to the account's own
    address. Its words come written already, in the language the user chose for them."""
    words = _words(user)
    paragraphs = tuple(part.strip() for part in text.split("\n\n") if part.strip())
    return Message.mail(
        to=user.email,
        kind="flow-notification",
        subject=subject,
        body=_body(
            user,
            words,
            heading=subject,
            paragraphs=paragraphs,
            action_text=words["notification_button"] if link else "",
            action_url=link,
            footer="notification_footer",
        ),
    )


def welcome(user: User) -> Message:
    """Sent once, when the account's address is verified the first time (a link, or an account
    made by Google or GitHub sign-in, whose address the provider vouched for)."""
    words = _words(user)
    return Message.mail(
        to=user.email,
        kind="welcome",
        subject=words["welcome_subject"],
        body=_body(
            user,
            words,
            heading=words["welcome_heading"],
            paragraphs=(
                words["hello_name"].format(name=user.name) if user.name else words["hello"],
                words["welcome"],
            ),
            steps=(
                words["welcome_first_flow"],
                words["welcome_connect"],
                words["welcome_two_step"],
            ),
        ),
    )
