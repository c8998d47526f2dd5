"""An account's e-mails and SMS are written in its language: the language of the app that
registered it, then of the app that last signed in to it (its Accept-Language header). Sent
through the app to a real SMTP server (aiosmtpd) and Twilio's described API on 127.0.0.1."""

from __future__ import annotations

import re
import string

import pytest
from fastapi.testclient import TestClient

from flowin_cloud import mails, pages
from tests.cloud.conftest import PRODUCTION_URL, link_token, text_of, unique_email
from tests.cloud.test_email_html import assert_links_to, confirm, html_of, mails_to
from tests.cloud_server import DEFAULT_PASSWORD

ARABIC_APP = {"Accept-Language": "ar"}
ARABIC_BROWSER = {"Accept-Language": "ar-EG,ar;q=0.9,en-US;q=0.8,en;q=0.7"}
ENGLISH_APP = {"Accept-Language": "en"}

ARABIC_VERIFY = "تأكيد عنوان بريدك الإلكتروني في Flowin"
ARABIC_RESET = "إعادة تعيين كلمة مرور Flowin"
ARABIC_WELCOME = "مرحبًا بك في Flowin"


def register(client: TestClient, headers: dict[str, str], name: str | None = None) -> str:
    address = unique_email()
    account = {"email": address, "password": DEFAULT_PASSWORD, "name": name}
    response = client.post("/auth/register", json=account, headers=headers)
    assert response.status_code == 201, response.text
    return address


def sign_in(client: TestClient, address: str, headers: dict[str, str]) -> dict[str, str]:
    response = client.post(
        "/auth/login", json={"email": address, "password": DEFAULT_PASSWORD}, headers=headers
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def language_of(client: TestClient, bearer: dict[str, str]) -> str:
    return client.get("/auth/me", headers=bearer).json()["language"]


def ask_reset(client: TestClient, address: str) -> None:
    assert client.post("/auth/forgot-password", json={"email": address}).status_code == 200


def test_an_account_registered_in_arabic_gets_its_link_in_arabic_right_to_left(
    production, inbox, trusted
):
    client = production()
    address = register(client, ARABIC_BROWSER, name="منى")
    (mail,) = mails_to(inbox, address, ARABIC_VERIFY)
    token = link_token(text_of(mail), "verify-email")
    link = f"{PRODUCTION_URL}/verify-email?token={token}"

    assert text_of(mail) == f"افتح هذا الرابط خلال 24 ساعة لتأكيد عنوانك:\n{link}\n"
    html = html_of(mail)
    assert '<html lang="ar" dir="rtl">' in html
    assert "text-align:right" in html
    assert ">تأكيد عنوان بريدي الإلكتروني</a>" in html
    assert "إن لم يعمل الزر، فافتح هذا الرابط:" in html
    assert "وصلتك هذه الرسالة لأن لديك حسابًا في Flowin." in html
    assert "You get this e-mail" not in html
    assert_links_to(html, link)

    assert confirm(client, token) == 200
    (welcome,) = mails_to(inbox, address, ARABIC_WELCOME)
    lines = text_of(welcome).splitlines()
    assert lines[0] == "مرحبًا منى،"
    assert [line[:2] for line in lines[2:]] == ["1.", "2.", "3."]
    # The step numbers stand on the right, their gap on their left.
    assert "padding:0 0 10px 12px" in html_of(welcome)


def test_an_english_account_signing_in_from_an_arabic_app_gets_arabic_mail_from_then_on(
    production, inbox, trusted
):
    client = production()
    address = register(client, ENGLISH_APP)
    assert mails_to(inbox, address, "Verify your e-mail address for Flowin")
    bearer = sign_in(client, address, ENGLISH_APP)
    assert language_of(client, bearer) == "en"

    bearer = sign_in(client, address, ARABIC_APP)
    assert language_of(client, bearer) == "ar"
    ask_reset(client, address)
    (reset,) = mails_to(inbox, address, ARABIC_RESET)
    assert text_of(reset).startswith("افتح هذا الرابط خلال ساعة لاختيار كلمة مرور جديدة:\n")
    assert text_of(reset).endswith("إن لم تطلب ذلك، فتجاهل هذه الرسالة.\n")

    # A client that names no language we write in leaves the choice as it was.
    for headers in ({"Accept-Language": "de-DE, fr;q=0.8"}, {}):
        bearer = sign_in(client, address, headers)
        assert language_of(client, bearer) == "ar"

    bearer = sign_in(client, address, ENGLISH_APP)
    assert language_of(client, bearer) == "en"
    ask_reset(client, address)
    assert mails_to(inbox, address, "Reset your Flowin password")


def test_someone_registering_a_taken_address_in_english_warns_its_arabic_owner_in_arabic(
    production, inbox, trusted
):
    client = production()
    address = register(client, ARABIC_APP)
    register_again = {"email": address, "password": DEFAULT_PASSWORD}
    client.post("/auth/register", json=register_again, headers=ENGLISH_APP)
    (warning,) = mails_to(inbox, address, "حاول شخص ما إنشاء حساب في Flowin ببريدك الإلكتروني")
    assert "لن يتغير شيء ما لم تتخذ إجراءً." in html_of(warning)
    # The attempt did not change the owner's language.
    assert language_of(client, sign_in(client, address, {})) == "ar"


def test_codes_by_sms_are_in_arabic_for_an_arabic_account(production, twilio_api, inbox, trusted):
    client = production()
    address = register(client, ARABIC_APP)
    (mail,) = mails_to(inbox, address, ARABIC_VERIFY)
    assert confirm(client, link_token(text_of(mail), "verify-email")) == 200
    bearer = sign_in(client, address, {})
    sent = client.post(
        "/auth/verify/phone/add-and-send", json={"phone": "+966501234567"}, headers=bearer
    )
    assert sent.status_code == 200, sent.text
    (call,) = twilio_api.calls("CreateMessage")
    body = call.request.form["Body"]
    assert re.fullmatch(r"رمز التحقق في Flowin هو [0-9]{6}، وهو صالح لمدة 10 دقائق\.", body)


def test_the_sign_in_code_mail_follows_the_language_of_the_app_signing_in(
    production, inbox, trusted
):
    client = production()
    address = register(client, ENGLISH_APP)
    assert confirm(client, link_token(text_of(inbox.message(0)), "verify-email")) == 200
    enabled = client.post(
        "/auth/2fa/enable",
        json={"method": "email", "password": DEFAULT_PASSWORD},
        headers=sign_in(client, address, ENGLISH_APP),
    )
    assert enabled.status_code == 200, enabled.text
    challenge = client.post(
        "/auth/login", json={"email": address, "password": DEFAULT_PASSWORD}, headers=ARABIC_APP
    )
    assert challenge.json()["two_factor_required"] is True
    (mail,) = mails_to(inbox, address, "رمز تسجيل الدخول إلى Flowin")
    assert re.fullmatch(
        r"رمز تسجيل الدخول إلى Flowin هو [0-9]{6}، وهو صالح لمدة 5 دقائق\.\n", text_of(mail)
    )


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("catalogue", [mails.WORDS, pages.WORDS], ids=["mails", "pages"])
def test_every_message_exists_in_both_languages_with_the_same_placeholders(catalogue):
    english, arabic = catalogue["en"], catalogue["ar"]
    assert english.keys() == arabic.keys()
    for key, text in english.items():
        assert _placeholders(arabic[key]) == _placeholders(text), key
        assert arabic[key] != text, key
