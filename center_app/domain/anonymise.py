"""Anonymising children's names for reports that leave the centre: 王子涵 → 儿童A, 李明 → 儿童B … 儿童AA."""

from __future__ import annotations

from collections.abc import Iterable
from string import ascii_uppercase


def letters(n: int) -> str:
    """0 → A, 25 → Z, 26 → AA (like spreadsheet columns)."""
    text = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        text = ascii_uppercase[rest] + text
    return text


def pseudonyms(names: Iterable[str], prefix: str = "儿童") -> dict[str, str]:
    """A stable pseudonym per distinct name, in order of first appearance (the same child keeps one label)."""
    mapping: dict[str, str] = {}
    for name in names:
        if name not in mapping:
            mapping[name] = f"{prefix}{letters(len(mapping))}"
    return mapping
