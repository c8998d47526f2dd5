"""How long the offline builder takes on the inputs that used to be slow: unknown words, long
text up to the length cap and past it (10 000 characters), repeated sentences, mixed scripts.

    .venv/bin/python bench/builder_speed.py

Prints the time of every input and the slowest one; the goal is under one second for any input.
One builder answers them all in turn, after one warm-up request, as the app's builder does; the
time of building a new builder (its catalogue) is printed first.
"""

from __future__ import annotations

import logging
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flowin_engine.builder.offline import OfflineBuilder
from flowin_engine.registry import default_registry

log = logging.getLogger("builder_speed")


def inputs() -> dict[str, str]:
    rng = random.Random(18)

    def gibberish(length: int, letters: str) -> str:
        words = []
        while sum(len(w) + 1 for w in words) < length:
            words.append("".join(rng.choice(letters) for _ in range(rng.randint(3, 9))))
        return " ".join(words)[:length]

    latin = "abcdefghijklmnopqrstuvwxyz"
    arabic = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    sentence = "When I get a new Shopify order, send the customer a WhatsApp message and "
    return {
        "unknown words, 500 characters": gibberish(500, latin),
        "unknown words, 800 characters (the cap)": gibberish(800, latin),
        "unknown Arabic words, 800 characters": gibberish(800, arabic),
        "unknown words, 10 000 characters": gibberish(10_000, latin),
        "a sentence repeated to 800 characters": (sentence * 12)[:800],
        "a sentence repeated to 10 000 characters": (sentence * 140)[:10_000],
        "Arabic steps repeated to 800 characters": (
            "لما يجي اوردر ابعت واتساب وسجله في الشيت ثم " * 20
        )[:800],
        "every connector named, 800 characters": (
            "when a whatsapp message arrives post to slack then telegram then gmail then notion "
            "then sheets then stripe then shopify then sms then http then chatgpt "
        )
        * 5,
        "digits and symbols, 800 characters": gibberish(800, "0123456789+-:#@.,٠١٢٣"),
        "one long word": "x" * 800,
        "orders full of event words, 800 characters": (
            "post each new every incoming any all received order message row payment to slack, "
            * 10
        )[:800],
        "one 24-word order of event words": " ".join(
            ["send"] + ["each new incoming order"] * 6 + ["to", "slack"]
        ),
    }


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    registry = default_registry()
    started = time.perf_counter()
    builder = OfflineBuilder(registry)
    log.info("%7.3f s  a new builder (its catalogue)", time.perf_counter() - started)
    builder.build("warm up")
    slowest = ("", 0.0)
    for name, text in inputs().items():
        started = time.perf_counter()
        proposal = builder.build(text)
        elapsed = time.perf_counter() - started
        nodes = len(proposal.flow.nodes) if proposal.flow else 0
        log.info("%7.3f s  %-44s %d steps", elapsed, name, nodes)
        if elapsed > slowest[1]:
            slowest = (name, elapsed)
    log.info("slowest input: %.3f s (%s)", slowest[1], slowest[0])


if __name__ == "__main__":
    main()
