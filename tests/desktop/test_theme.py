"""Both themes keep text readable: WCAG 2.1 AA contrast for every colour text is drawn in."""

from __future__ import annotations

import pytest

from flowin_desktop.theme import THEMES, Theme

TEXT_COLOURS = ("text", "muted", "success", "failure", "retrying", "violet", "accent")
BACKGROUNDS = ("window", "surface")


def luminance(colour: str) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(one: str, other: str) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_contrast_formula_matches_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_text_colours_reach_aa_on_every_background(theme: Theme):
    weak = [
        (fg, bg, round(contrast(getattr(theme, fg), getattr(theme, bg)), 2))
        for fg in TEXT_COLOURS
        for bg in BACKGROUNDS
        if contrast(getattr(theme, fg), getattr(theme, bg)) < 4.5
    ]
    assert weak == []
    assert contrast(theme.accent_text, theme.accent) >= 4.5  # buttons


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_state_marks_on_the_canvas_stand_out(theme: Theme):
    for state in ("success", "failure", "running", "skipped", "retrying"):
        assert contrast(getattr(theme, state), theme.canvas) >= 3.0, state  # graphics: 3:1
