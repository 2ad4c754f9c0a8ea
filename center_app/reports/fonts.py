"""Fonts for every PDF: the bundled CJK font, embedded as a subset, plus an embedded Latin companion.

Why two fonts: the bundled ``DroidSansFallbackFull.ttf`` is a *fallback* font. It covers Chinese (and full-width
forms) but has no glyph for ASCII letters, digits or ``/ - …`` — a call number, a barcode's text or "第 1 页" drawn
with it alone prints as blanks. ReportLab does not fall back per glyph, so text is split into runs: each character
goes to the first font that has it (CJK first, then Latin). The Latin companion is Bitstream Vera (``Vera.ttf``),
shipped inside ReportLab itself, so it is present wherever ReportLab is; a copy in ``resources/fonts/Vera.ttf`` is
preferred if one is ever bundled. Both are TrueType and embedded as subsets, so nothing depends on the printer's
or the PC's fonts.

Use :func:`markup` for Paragraph text and :func:`draw_string` / :func:`string_width` on a canvas; never give raw
text to a Paragraph or ``canvas.drawString``. Registration is lazy (ReportLab is slow to import; nothing here runs
when ``center_app`` is imported) and happens once per process.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from xml.sax.saxutils import escape

from center_app.config import font_path, resource_path

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

CJK = "CJK"
"""ReportLab name of the bundled Chinese font (what :func:`register` returns)."""
LATIN = "CJK-Latin"
"""ReportLab name of the embedded Latin companion used for characters the CJK font lacks."""

_lock = threading.Lock()
_registered = False
_cmaps: dict[str, frozenset[int]] = {}


def _latin_font_path() -> Path:
    bundled = resource_path("fonts", "Vera.ttf")
    if bundled.is_file():
        return bundled
    import reportlab

    return Path(reportlab.__file__).resolve().parent / "fonts" / "Vera.ttf"


def register() -> str:
    """Register the fonts with ReportLab (once, thread-safe) and return the CJK font's name, ``"CJK"``.

    Raises ``DomainError`` with a Chinese message if a font file is missing (a broken installation).
    """
    global _registered
    if _registered:
        return CJK
    with _lock:
        if _registered:
            return CJK
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        from center_app.domain.errors import DomainError

        for name, path in ((CJK, font_path()), (LATIN, _latin_font_path())):
            if not path.is_file():
                raise DomainError(f"找不到打印用的字体文件：{path}。请重新安装本软件。")
            font = TTFont(name, str(path))  # subset embedding is ReportLab's default for TrueType
            pdfmetrics.registerFont(font)
            _cmaps[name] = frozenset(font.face.charToGlyph)
            # Neither font has bold/italic faces; map <b>/<i> to the regular face rather than fail.
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(name, bold, italic, name)
        _registered = True
    return CJK


def _font_for(char: str) -> str | None:
    code = ord(char)
    if code in _cmaps[CJK]:
        return CJK
    if code in _cmaps[LATIN]:
        return LATIN
    return None


@lru_cache(maxsize=4096)
def runs(text: str) -> tuple[tuple[str, str], ...]:
    """Split ``text`` into ``(font name, chunk)`` runs so every character is drawn by a font that has it.

    Spaces (which both fonts have) stay in the current run so "I287 / 12" is one run, not three. A character
    neither font has stays in the CJK run (it prints as a blank box, which is visible rather than silent).
    """
    register()
    out: list[tuple[str, str]] = []
    current: str | None = None
    chunk: list[str] = []
    for char in text:
        if char in " \u00a0":  # a space: keep it with whatever came before (leading ones join the first run)
            chunk.append(char)
            continue
        font = _font_for(char) or CJK
        if current is not None and font != current:
            out.append((current, "".join(chunk)))
            chunk = []
        current = font
        chunk.append(char)
    if chunk:
        out.append((current or CJK, "".join(chunk)))
    return tuple(out)


def markup(text: str) -> str:
    """Paragraph markup for plain ``text``: XML-escaped, with Latin runs wrapped in the Latin font.

    Newlines become ``<br/>``. The paragraph style's own font must be :data:`CJK`.
    """
    parts: list[str] = []
    for font, chunk in runs(text):
        escaped = escape(chunk).replace("\n", "<br/>")
        parts.append(escaped if font == CJK else f'<font face="{font}">{escaped}</font>')
    return "".join(parts)


def string_width(text: str, size: float) -> float:
    """Width in points of ``text`` at ``size`` points, measured run by run."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(stringWidth(chunk, font, size) for font, chunk in runs(text))


def draw_string(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    align: Literal["left", "centre", "right"] = "left",
) -> float:
    """Draw ``text`` with its baseline at ``y``; ``x`` is its left edge, centre or right edge per ``align``.

    Uses one text object so the runs stay one line for text extraction. Returns the width drawn.
    """
    width = string_width(text, size)
    if align == "centre":
        x -= width / 2
    elif align == "right":
        x -= width
    obj = canvas.beginText(x, y)
    for font, chunk in runs(text):
        obj.setFont(font, size)
        obj.textOut(chunk)
    canvas.drawText(obj)
    return width


def fit_text(text: str, size: float, max_width: float, *, ellipsis: str = "…") -> str:
    """``text`` cut to fit ``max_width`` at ``size``, ending in ``ellipsis`` if anything was cut."""
    if string_width(text, size) <= max_width:
        return text
    limit = max_width - string_width(ellipsis, size)
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits, by bisection (titles can be long)
        mid = (low + high + 1) // 2
        if string_width(text[:mid], size) <= limit:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + ellipsis if low else ellipsis


def fit_size(text: str, max_size: float, max_width: float, *, min_size: float = 1.0) -> float:
    """The largest font size ≤ ``max_size`` (and ≥ ``min_size``) at which ``text`` fits ``max_width``."""
    width = string_width(text, max_size)
    if width <= max_width or width == 0:
        return max_size
    return max(min_size, max_size * max_width / width)
