"""Account values many connectors check the same way, in the connector's own words."""

from __future__ import annotations

import pytest

from flowin_engine.kit import AccountRejected, StepError, checked_secret_key

OWN = {
    "accepted": ("sk_test_", "sk_live_"),
    "publishable": "Shop Pay: that is the publishable key (pk_…); use the secret key (sk_…).",
    "rejected": "Shop Pay didn't accept the secret key — copy it again.",
}


def test_a_secret_key_is_used_trimmed():
    assert checked_secret_key("  sk_live_abc123\n", **OWN) == "sk_live_abc123"


def test_a_publishable_key_is_refused_in_the_connectors_words_without_quoting_it():
    with pytest.raises(StepError) as caught:
        checked_secret_key("pk_live_abc123", **OWN)
    assert type(caught.value) is StepError  # the user picked the wrong key: nothing to retry
    assert str(caught.value) == OWN["publishable"]


def test_anything_else_is_a_refused_account_to_reconnect():
    for typed in ("", "abc123", "rk_live_abc123"):
        with pytest.raises(AccountRejected, match="didn't accept the secret key"):
            checked_secret_key(typed, **OWN)
