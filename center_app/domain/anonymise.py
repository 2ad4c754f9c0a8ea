"""Anonymising children for reports that leave the centre: each child becomes 儿童A, 儿童B … 儿童AA.

Labels are given per *child* (by id), never per name: two children called 李明 are two children in a statistic, and
a label shared by name would also tell the reader that two rows had the same name.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from string import ascii_uppercase
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def letters(n: int) -> str:
    """0 → A, 25 → Z, 26 → AA (like spreadsheet columns)."""
    text = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        text = ascii_uppercase[rest] + text
    return text


def pseudonyms(keys: Iterable[K], prefix: str = "儿童") -> dict[K, str]:
    """A label per distinct key (pass child ids), in order of first appearance: a key seen again keeps its label."""
    mapping: dict[K, str] = {}
    for key in keys:
        if key not in mapping:
            mapping[key] = f"{prefix}{letters(len(mapping))}"
    return mapping
