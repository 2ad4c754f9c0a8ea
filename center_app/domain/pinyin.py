"""Pinyin keys for search and sorting: 西游记 → ("xi you ji", "xyj").

pypinyin costs ~0.2 s to import, so it is loaded on first use, never at start-up.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pypinyin import Style

_NON_WORD = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=1)
def _lazy() -> tuple[Callable[..., list[str]], type[Style]]:
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin, Style


def normalise(text: str) -> str:
    """Full-width → half-width, lower case, trimmed (so ＡＢＣ１２３ matches abc123)."""
    return unicodedata.normalize("NFKC", text or "").strip().lower()


@lru_cache(maxsize=20000)
def pinyin_keys(text: str) -> tuple[str, str]:
    """Return (full pinyin with spaces, initials) for ``text``; non-Chinese runs are kept as they are."""
    text = normalise(text)
    if not text:
        return "", ""
    lazy_pinyin, style = _lazy()
    # errors=lambda keeps latin letters/digits as one syllable ("3d打印" → ["3d", "da", "yin"]).
    syllables = [s for s in lazy_pinyin(text, style=style.NORMAL, errors=lambda x: [x]) if s.strip()]
    words: list[str] = []
    for s in syllables:
        words.extend(w for w in _NON_WORD.split(s.lower()) if w)
    full = " ".join(words)
    initials = "".join(w[0] for w in words)
    return full, initials


def sort_key(text: str) -> str:
    """Chinese text sorts by pinyin (as people expect in a list), not by code point."""
    return pinyin_keys(text)[0] or normalise(text)


def matches(query: str, text: str, full: str | None = None, initials: str | None = None) -> bool:
    """True when ``query`` is in the text, its full pinyin (spaces ignored) or its initials."""
    q = normalise(query).replace(" ", "")
    if not q:
        return True
    if q in normalise(text):
        return True
    if full is None or initials is None:
        full, initials = pinyin_keys(text)
    return q in full.replace(" ", "") or q in initials


# Surnames read differently from the same character in ordinary words (覃 is very common in Guangxi: qín, not tán).
SURNAME_READINGS: dict[str, str] = {
    "覃": "qin", "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "查": "zha", "朴": "piao",
    "盖": "ge", "翟": "zhai", "乐": "yue", "缪": "miao", "柏": "bai", "种": "chong", "任": "ren", "宁": "ning",
    "繁": "po", "折": "she", "牟": "mou", "隗": "wei", "员": "yun", "秘": "bi", "召": "shao", "尉": "yu",
    "长孙": "zhang sun", "尉迟": "yu chi", "万俟": "mo qi", "令狐": "ling hu",
}


@lru_cache(maxsize=20000)
def person_name_keys(name: str) -> tuple[str, str]:
    """Like ``pinyin_keys``, but the surname is read as a surname (覃思琪 → "qin si qi", "qsq")."""
    text = normalise(name)
    for length in (2, 1):
        surname = text[:length]
        if len(surname) == length and surname in SURNAME_READINGS:
            head = SURNAME_READINGS[surname]
            rest_full, _ = pinyin_keys(text[length:])
            full = f"{head} {rest_full}".strip()
            return full, "".join(word[0] for word in full.split())
    return pinyin_keys(text)
