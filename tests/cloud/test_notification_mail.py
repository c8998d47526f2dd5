"""Notifications the desktop app e-mails through the account (its notification channel "e-mail"
without an SMTP account of the user's): only to the account's own verified address, limited,
sent through the app to a real SMTP server (aiosmtpd) on 127.0.0.1."""

from __future__ import annotations

from tests.cloud.conftest import register, sign_in, text_of
from tests.cloud.test_email_html import html_of, mails

SUBJECT = "«Order confirmations» failed"
TEXT = (
    "«Order confirmations» failed at step 2 «Send WhatsApp»: Invalid WhatsApp API token.\n\n"
    "Fix it in Flowin: flowin://run/9f2a4c1b — or see the run with: flowin runs show 9f2a4c1b"
)
MAIL = {"subject": SUBJECT, "text": TEXT, "link": "flowin://run/9f2a4c1b"}


def test_a_notification_goes_only_to_the_accounts_own_verified_address(production, inbox, trusted):
    client = production(notification_mail_limit_per_account="2/hour")
    assert client.post("/notifications/email", json=MAIL).status_code == 401
    unverified = sign_in(client, register(client))
    assert client.post("/notifications/email", json=MAIL, headers=unverified).status_code == 403
    address = register(client, verified=True)
    headers = sign_in(client, address)
    elsewhere = {**MAIL, "link": "https://evil.example/login"}
    assert client.post("/notifications/email", json=elsewhere, headers=headers).status_code == 422

    # Whatever else the request says, the mail goes to the account's own address.
    sent = client.post(
        "/notifications/email", json={**MAIL, "to": "someone@else.example"}, headers=headers
    )
    assert sent.status_code == 202 and sent.json() == {"to": address}
    (mail,) = [m for m in mails(inbox) if m["Subject"] == SUBJECT]
    assert mail["To"] == address
    assert text_of(mail).startswith(
        "«Order confirmations» failed at step 2 «Send WhatsApp»: Invalid WhatsApp API token.\n"
        "Fix it in Flowin: flowin://run/9f2a4c1b — or see the run with: flowin runs show 9f2a4c1b\n"
        "flowin://run/9f2a4c1b\n"
    )
    html = html_of(mail)
    assert 'href="flowin://run/9f2a4c1b"' in html and ">Open the run in Flowin</a>" in html

    assert client.post("/notifications/email", json=MAIL, headers=headers).status_code == 202
    refused = client.post("/notifications/email", json=MAIL, headers=headers)
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert "They still show in the app." in refused.json()["detail"]
    assert len([m for m in mails(inbox) if m["Subject"] == SUBJECT]) == 2
