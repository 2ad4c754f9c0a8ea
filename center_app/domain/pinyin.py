"""Pinyin keys for search and sorting: 西游记 → ("xi you ji", "xyj").

pypinyin costs ~0.2 s to import, so it is loaded on first use, never at start-up.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=1)
def _lazy():  # noqa: ANN202
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
