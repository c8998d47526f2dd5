"""Amounts typed as shop owners write them, in the units payment services count."""

from __future__ import annotations

from decimal import Decimal

import pytest

from flowin_engine.errors import StepError
from flowin_engine.kit.money import amount, formatted, from_minor, to_minor


@pytest.mark.parametrize(
    ("typed", "currency", "minor"),
    [
        ("150.50", "SAR", 15050),
        ("١٥٠٫٥٠", "EGP", 15050),
        ("١٬٢٥٠", "AED", 125000),
        ("1,250.5", "USD", 125050),
        ("12.345", "KWD", 12345),
        ("0.5", "OMR", 500),
        ("5000", "JPY", 5000),
        (99.9, "SAR", 9990),
    ],
)
def test_an_amount_becomes_the_currencys_smallest_unit(typed, currency, minor):
    assert to_minor(amount(typed, currency, "Pay"), currency) == minor


@pytest.mark.parametrize(
    ("typed", "currency", "said"),
    [
        ("10.5", "JPY", "JPY has no decimals"),
        ("1.2345", "KWD", "write it with at most 3, e.g. 1.234"),
        ("-5", "SAR", "is not an amount"),
        ("1.000.000", "SAR", "is not an amount"),
        (True, "SAR", "the amount is empty"),
    ],
)
def test_an_amount_the_currency_cant_hold_is_said_with_an_example(typed, currency, said):
    with pytest.raises(StepError, match=said):
        amount(typed, currency, "Pay")


def test_amounts_read_back_and_written_with_the_currencys_decimals():
    assert (from_minor(15050, "SAR"), from_minor(1500, "KWD"), from_minor(5000, "JPY")) == (
        150.5,
        1.5,
        5000,
    )
    assert from_minor("15050", "SAR") is None
    assert (formatted(1.0, "SAR"), formatted(1.5, "KWD"), formatted(Decimal("2"), "JPY")) == (
        "1.00",
        "1.500",
        "2",
    )
