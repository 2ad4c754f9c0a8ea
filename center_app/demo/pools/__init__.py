"""Pools the demo draws from — names, titles, equipment, courses — and the small helpers that read and draw them.

All invented except where a real thing makes the demo recognisable (classic books, publishers, cities). The pools
are written as compact text (``"a b c"``, ``"a:1 b:2"``, ``a|b|c`` lines) and split here. This module imports none
of its submodules, so they can import these helpers.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def pairs(text: str) -> tuple[tuple[str, str], ...]:
    """``"a:1 b:2"`` → ``(("a", "1"), ("b", "2"))``."""
    return tuple((k, v) for k, _, v in (w.partition(":") for w in text.split()))


def weights(text: str) -> tuple[tuple[str, int], ...]:
    return tuple((k, int(v)) for k, v in pairs(text))


def table_lines(block: str) -> list[list[str]]:
    """The ``|``-separated fields of each non-blank line."""
    return [line.split("|") for line in block.strip().splitlines() if line.strip()]


def yuan(text: str) -> int:
    """``"47.00"`` (yuan) → 4700 (fen)."""
    return round(float(text) * 100)


def fen(rng: random.Random, lo: int, hi: int) -> int:
    """A shop price between ``lo`` and ``hi`` yuan, in fen (.00, .50, .80 or .90)."""
    return rng.randint(lo, hi) * 100 + rng.choice((0, 0, 0, 80, 80, 50, 90))


def weighted(rng: random.Random, options: Sequence[tuple[Any, float]]) -> Any:
    """One of ``(value, weight)`` options."""
    return rng.choices([p[0] for p in options], weights=[p[1] for p in options])[0]
