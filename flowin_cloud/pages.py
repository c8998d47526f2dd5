"""The web pages behind the links in e-mails: verifying the address and choosing a new password
(and the problem pages of the Google/GitHub sign-in, in routers/oauth.py).

They work without JavaScript. Opening a link never uses its token up, since mail scanners
open links too: the page asks for a button press, a POST. English or Arabic, as the browser
prefers.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Form, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .deps import CloudDep, SessionDep
from .languages import direction, language
from .routers.auth import (
    PASSWORD_MAX_LENGTH,
    PASSWORD_MIN_LENGTH,
    PasswordRefused,
    reset_token_works,
    set_new_password,
)
from .routers.verification import verify_email

router = APIRouter(include_in_schema=False)

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "verify_title": "Verify your e-mail address",
        "verify_intro": "Press the button to confirm that this address is yours.",
        "verify_button": "Verify my e-mail address",
        "verified_title": "E-mail address verified",
        "verified": "Your e-mail address is verified. "
        "You can close this page and sign in to Flowin.",
        "expired_title": "This link no longer works",
        "verify_expired": "This link has expired or was already used. "
        "Sign in to Flowin and ask for a new one.",
        "reset_expired": "This link has expired or was already used. "
        "Ask for a new one in Flowin with “Forgot your password?”.",
        "reset_title": "Choose a new password",
        "password": "New password",
        "password_repeat": "Repeat the new password",
        "password_hint": "At least {min} characters.",
        "reset_button": "Change my password",
        "differ": "The two passwords are not the same.",
        "too_short": "The password needs at least {min} characters.",
        "too_long": "The password can have at most {max} characters.",
        "changed_title": "Password changed",
        "changed": "Your password is changed. Sign in to Flowin with the new one. You are signed "
        "out on every computer and your API keys are deleted; make new keys for the apps that "
        "need them.",
        "too_many_title": "Too many attempts",
        "too_many": "Please wait {seconds} seconds, then try again.",
        "oauth_failed_title": "This sign-in cannot go on",
        "oauth_bad_request": "The sign-in request is not valid. Go back to Flowin and try again.",
        "oauth_expired": "This sign-in has expired or was already finished. "
        "Go back to Flowin and start again.",
        "oauth_unavailable_title": "Not available",
        "oauth_unavailable": "Signing in with {provider} is not available. "
        "Go back to Flowin and sign in another way.",
    },
    "ar": {
        "verify_title": "تأكيد عنوان بريدك الإلكتروني",
        "verify_intro": "اضغط الزر لتأكيد أن هذا العنوان لك.",
        "verify_button": "تأكيد عنوان بريدي الإلكتروني",
        "verified_title": "تم تأكيد عنوان البريد الإلكتروني",
        "verified": "تم تأكيد عنوان بريدك الإلكتروني. "
        "يمكنك إغلاق هذه الصفحة وتسجيل الدخول إلى Flowin.",
        "expired_title": "هذا الرابط لم يعد يعمل",
        "verify_expired": "انتهت صلاحية هذا الرابط أو سبق استخدامه. "
        "سجّل الدخول إلى Flowin واطلب رابطًا جديدًا.",
        "reset_expired": "انتهت صلاحية هذا الرابط أو سبق استخدامه. "
        "اطلب رابطًا جديدًا في Flowin عبر «نسيت كلمة المرور؟».",
        "reset_title": "اختر كلمة مرور جديدة",
        "password": "كلمة المرور الجديدة",
        "password_repeat": "أعد كتابة كلمة المرور الجديدة",
        "password_hint": "{min} أحرف على الأقل.",
        "reset_button": "تغيير كلمة المرور",
        "differ": "كلمتا المرور غير متطابقتين.",
        "too_short": "يجب ألا تقل كلمة المرور عن {min} أحرف.",
        "too_long": "يجب ألا تزيد كلمة المرور على {max} حرفًا.",
        "changed_title": "تم تغيير كلمة المرور",
        "changed": "تم تغيير كلمة المرور. سجّل الدخول إلى Flowin بكلمة المرور الجديدة. "
        "تم تسجيل خروجك من جميع أجهزة الكمبيوتر وحُذفت مفاتيح API؛ أنشئ مفاتيح جديدة للتطبيقات "
        "التي تحتاج إليها.",
        "too_many_title": "محاولات كثيرة جدًا",
        "too_many": "يُرجى الانتظار {seconds} ثانية ثم المحاولة مرة أخرى.",
        "oauth_failed_title": "لا يمكن متابعة تسجيل الدخول هذا",
        "oauth_bad_request": "طلب تسجيل الدخول غير صالح. ارجع إلى Flowin وحاول مرة أخرى.",
        "oauth_expired": "انتهت صلاحية تسجيل الدخول هذا أو سبق إكماله. "
        "ارجع إلى Flowin وابدأ من جديد.",
        "oauth_unavailable_title": "غير متاح",
        "oauth_unavailable": "تسجيل الدخول عبر {provider} غير متاح. "
        "ارجع إلى Flowin وسجّل الدخول بطريقة أخرى.",
    },
}

_templates = Environment(
    loader=PackageLoader("flowin_cloud", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
# The style sheet goes inline (one request, nothing else to serve), allowed by its hash so the
# policy stays free of 'unsafe-inline'.
_CSS = Markup(_templates.loader.get_source(_templates, "pages.css")[0].strip())  # type: ignore[union-attr]
_CSS_HASH = base64.b64encode(hashlib.sha256(str(_CSS).encode()).digest()).decode()

HEADERS = {
    # The token is in the address: no copies in caches or in the Referer of another site.
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": (
        f"default-src 'none'; style-src 'sha256-{_CSS_HASH}'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "Vary": "Accept-Language",
}


def _page(
    request: Request,
    template: str,
    status_code: int = status.HTTP_200_OK,
    headers: dict[str, str] | None = None,
    **values: object,
) -> HTMLResponse:
    lang = _lang(request)
    html = _templates.get_template(template).render(
        lang=lang,
        dir=direction(lang),
        words=WORDS[lang],
        css=_CSS,
        **values,
    )
    return HTMLResponse(html, status_code, headers={**HEADERS, **(headers or {})})


def _message(
    request: Request, title: str, text: str, *, ok: bool, status_code: int = 200, **values: object
) -> HTMLResponse:
    words = WORDS[_lang(request)]
    return _page(
        request,
        "message.html",
        status_code,
        title=words[title],
        text=words[text].format(**values),
        ok=ok,
    )


def message_page(
    request: Request, title: str, text: str, *, status_code: int, **values: object
) -> HTMLResponse:
    """A problem page for other routers' browser routes; ``title`` and ``text`` are WORDS keys."""
    return _message(request, title, text, ok=False, status_code=status_code, **values)


def too_many_page(request: Request, refusal: HTTPException) -> HTMLResponse:
    return _too_many(request, refusal)


def _too_many(request: Request, refusal: HTTPException) -> HTMLResponse:
    """The rate limits answer JSON; on a page, the same wait in words."""
    retry_after = (refusal.headers or {}).get("Retry-After", "60")
    response = _message(
        request,
        "too_many_title",
        "too_many",
        ok=False,
        status_code=status.HTTP_429_TOO_MANY_REQUESTS,
        seconds=retry_after,
    )
    response.headers["Retry-After"] = retry_after
    return response


def _rate_limited(refusal: HTTPException) -> bool:
    return refusal.status_code == status.HTTP_429_TOO_MANY_REQUESTS


@router.get("/verify-email", response_class=HTMLResponse)
def verify_email_page(request: Request, token: Annotated[str, Query()] = "") -> HTMLResponse:
    if not token:
        return _expired(request, "verify_expired")
    return _page(request, "verify.html", title=WORDS[_lang(request)]["verify_title"], token=token)


@router.post("/verify-email", response_class=HTMLResponse)
def verify_email_form(
    request: Request,
    tasks: BackgroundTasks,
    cloud: CloudDep,
    session: SessionDep,
    token: Annotated[str, Form()] = "",
) -> HTMLResponse:
    try:
        verified = bool(token) and verify_email(session, cloud, request, token, tasks)
    except HTTPException as refusal:
        if not _rate_limited(refusal):
            raise
        return _too_many(request, refusal)
    if not verified:
        return _expired(request, "verify_expired")
    return _message(request, "verified_title", "verified", ok=True)


@router.get("/reset-password", response_class=HTMLResponse)
def reset_password_page(
    request: Request,
    cloud: CloudDep,
    session: SessionDep,
    token: Annotated[str, Query()] = "",
) -> HTMLResponse:
    try:
        works = bool(token) and reset_token_works(session, cloud, request, token)
    except HTTPException as refusal:
        if not _rate_limited(refusal):
            raise
        return _too_many(request, refusal)
    if not works:
        return _expired(request, "reset_expired")
    return _reset_form(request, token, [])


@router.post("/reset-password", response_class=HTMLResponse)
def reset_password_form(
    request: Request,
    cloud: CloudDep,
    session: SessionDep,
    token: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    password_repeat: Annotated[str, Form()] = "",
) -> HTMLResponse:
    words = WORDS[_lang(request)]
    problems = []
    if len(password) < PASSWORD_MIN_LENGTH:
        problems.append(words["too_short"].format(min=PASSWORD_MIN_LENGTH))
    elif len(password) > PASSWORD_MAX_LENGTH:
        problems.append(words["too_long"].format(max=PASSWORD_MAX_LENGTH))
    if password != password_repeat:
        problems.append(words["differ"])
    try:
        if problems:
            # The form again only while the link still works; otherwise fixing it is no use.
            if token and reset_token_works(session, cloud, request, token):
                return _reset_form(request, token, problems)
        elif token and set_new_password(session, cloud, request, token, password):
            return _message(request, "changed_title", "changed", ok=True)
    except PasswordRefused as refused:
        return _reset_form(request, token, [str(refused)])
    except HTTPException as refusal:
        if not _rate_limited(refusal):
            raise
        return _too_many(request, refusal)
    return _expired(request, "reset_expired")


def _lang(request: Request) -> str:
    return language(request.headers.get("accept-language"))


def _expired(request: Request, text: str) -> HTMLResponse:
    return _message(
        request, "expired_title", text, ok=False, status_code=status.HTTP_400_BAD_REQUEST
    )


def _reset_form(request: Request, token: str, problems: list[str]) -> HTMLResponse:
    words = WORDS[_lang(request)]
    return _page(
        request,
        "reset.html",
        status.HTTP_400_BAD_REQUEST if problems else status.HTTP_200_OK,
        title=words["reset_title"],
        token=token,
        problems=problems,
        hint=words["password_hint"].format(min=PASSWORD_MIN_LENGTH),
        min_length=PASSWORD_MIN_LENGTH,
        max_length=PASSWORD_MAX_LENGTH,
    )
