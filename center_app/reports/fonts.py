"""Fonts for every PDF: the bundled CJK font, embedded as a subset, plus an embedded Latin companion and a Han
fallback for rare characters.

Why three fonts: the bundled ``DroidSansFallbackFull.ttf`` is a *fallback* font. It covers Chinese (and full-width
forms) but has no glyph for ASCII letters, digits or ``/ - …`` — a call number, a barcode's text or "第 1 页" drawn
with it alone prints as blanks. Nor has it any character outside the Basic Multilingual Plane: a child named 𠮷
(U+20BB7, CJK Extension B) or with another rare character of a name would print as a blank or a box. ReportLab
does not fall back per glyph, so text is split into runs: each character goes to the first font that has it —
CJK, then Latin, then the Han fallback. The Latin companion is Bitstream Vera (``Vera.ttf``), shipped inside
ReportLab itself, so it is present wherever ReportLab is; a copy in ``resources/fonts/Vera.ttf`` is preferred if one
is ever bundled. The Han fallback (``resources/fonts/HanFallback.ttf``, a subset of Hanazono Mincho; see
``make_han_fallback.py`` there) has the ~18,700 Han characters Droid lacks: Extension B–F characters with a
Mandarin reading, those of the Japanese and Hong Kong standard sets, the last BMP ideographs and the compatibility
ones. It is loaded only when a text needs it (10 MB: reading it costs ~0.25 s). All three are TrueType and embedded
as subsets, so nothing depends on the printer's or the PC's fonts.

Every character is checked against the fonts' cmaps (:func:`runs`): a character none of them has is never left
to print as a box or a blank — invisible format characters (variation selectors, zero-width joiners, a BOM) are
dropped, anything else prints as 〓 (the typesetter's mark for a missing character) and is logged once.

Use :func:`markup` for Paragraph text, :func:`draw_string` / :func:`string_width` on a canvas and
:func:`graphic_string` in a ``reportlab.graphics`` drawing (charts); never give raw text to a Paragraph,
``canvas.drawString`` or a chart's ``String``. Registration is lazy (ReportLab is slow to import; nothing here runs
when ``center_app`` is imported) and happens once per process.

ReportLab 4–5 writes a broken ToUnicode map for characters beyond U+FFFF (``<20BB7>``, five hex digits, where
PDF wants the UTF-16 pair ``<D842DFB7>``), so PDF readers cannot copy or search them; :func:`register` replaces
the map maker with one that writes UTF-16 — a test extracts 𠮷 from a PDF to keep it so.
"""

from __future__ import annotations

import logging
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from xml.sax.saxutils import escape

from center_app.config import font_path, resource_path

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Group
    from reportlab.pdfgen.canvas import Canvas

log = logging.getLogger(__name__)

CJK = "CJK"
"""ReportLab name of the bundled Chinese font (what :func:`register` returns)."""
LATIN = "CJK-Latin"
"""ReportLab name of the embedded Latin companion used for characters the CJK font lacks."""
FALLBACK = "CJK-Han"
"""ReportLab name of the Han fallback: rare characters (CJK Extension B–F…) neither font above has."""
FALLBACK_FILE = "HanFallback.ttf"
MISSING_MARK = "〓"
"""What a character no bundled font has prints as (the geta mark, the typesetter's sign for a missing glyph)."""

_lock = threading.Lock()
_registered = False
_cmaps: dict[str, frozenset[int]] = {}
_reported_missing: set[str] = set()


def _latin_font_path() -> Path:
    bundled = resource_path("fonts", "Vera.ttf")
    if bundled.is_file():
        return bundled
    import reportlab

    return Path(reportlab.__file__).resolve().parent / "fonts" / "Vera.ttf"


def fallback_font_path() -> Path:
    return resource_path("fonts", FALLBACK_FILE)


def _register_font(name: str, path: Path) -> None:
    """Register one TrueType font under ``name`` and keep its cmap (called with ``_lock`` held)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from center_app.domain.errors import DomainError

    if not path.is_file():
        raise DomainError(f"找不到打印用的字体文件：{path}。请重新安装本软件。")
    font = TTFont(name, str(path))  # subset embedding is ReportLab's default for TrueType
    pdfmetrics.registerFont(font)
    _cmaps[name] = frozenset(font.face.charToGlyph)
    # None of the fonts has bold/italic faces; map <b>/<i> to the regular face rather than fail.
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(name, bold, italic, name)


def register() -> str:
    """Register the fonts with ReportLab (once, thread-safe) and return the CJK font's name, ``"CJK"``.

    The Han fallback is registered later, by the first text that needs it. Raises ``DomainError`` with a Chinese
    message if a font file is missing (a broken installation).
    """
    global _registered
    if _registered:
        return CJK
    with _lock:
        if _registered:
            return CJK
        _fix_to_unicode_maps()
        for name, path in ((CJK, font_path()), (LATIN, _latin_font_path())):
            _register_font(name, path)
        _registered = True
    return CJK


def _fallback_cmap() -> frozenset[int]:
    """The Han fallback's cmap, registering the font on first use. Without the file (a damaged installation) the
    report still prints, its rare characters as 〓, and the log says why."""
    cmap = _cmaps.get(FALLBACK)
    if cmap is None:
        with _lock:
            if FALLBACK not in _cmaps:
                path = fallback_font_path()
                if path.is_file():
                    _register_font(FALLBACK, path)
                else:
                    log.error(
                        "the Han fallback font %s is missing: rare characters print as %s", path, MISSING_MARK
                    )
                    _cmaps[FALLBACK] = frozenset()
            cmap = _cmaps[FALLBACK]
    return cmap


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ``makeToUnicodeCMap`` with characters beyond U+FFFF written as UTF-16 surrogate pairs."""

    def utf16(code: int) -> str:
        if code <= 0xFFFF:
            return f"{code:04X}"
        code -= 0x10000
        return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"

    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{utf16(code)}>" for i, code in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


def _fix_to_unicode_maps() -> None:
    from reportlab.pdfbase import ttfonts

    ttfonts.makeToUnicodeCMap = _to_unicode_cmap


# Not printed: format characters (zero-width joiners, BOM, bidi marks) and variation selectors, which only pick a
# glyph variant of the character before them.
_INVISIBLE_CATEGORIES = frozenset({"Cf", "Cc", "Cs"})


def _invisible(char: str) -> bool:
    code = ord(char)
    return (
        0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
        or unicodedata.category(char) in _INVISIBLE_CATEGORIES
    )


def font_for(char: str) -> str | None:
    """The font that prints ``char``: CJK, then Latin, then the Han fallback; None if none of them has it."""
    register()
    code = ord(char)
    if code in _cmaps[CJK]:
        return CJK
    if code in _cmaps[LATIN]:
        return LATIN
    if code in _fallback_cmap():
        return FALLBACK
    return None


def missing(text: str) -> str:
    """The characters of ``text`` that no bundled font has (each once, in order), invisible ones left out."""
    seen: dict[str, None] = {}
    for char in text:
        if char not in "\n\t" and not _invisible(char) and font_for(char) is None:
            seen[char] = None
    return "".join(seen)


def _report_missing(char: str) -> None:
    if char not in _reported_missing:
        _reported_missing.add(char)
        log.warning("no bundled font has %r (U+%04X); it prints as %s", char, ord(char), MISSING_MARK)


@lru_cache(maxsize=4096)
def runs(text: str) -> tuple[tuple[str, str], ...]:
    """Split ``text`` into ``(font name, chunk)`` runs so every character is drawn by a font that has it.

    Spaces (which the CJK and Latin fonts have) stay in the current run so "I287 / 12" is one run, not three. An
    invisible format character is dropped; a character no font has becomes :data:`MISSING_MARK` in the CJK run.
    """
    register()
    out: list[tuple[str, str]] = []
    current: str | None = None
    chunk: list[str] = []
    for char in text:
        if (
            char in " \u00a0" and current != FALLBACK
        ):  # keep a space with what came before (leading: first run)
            chunk.append(char)
            continue
        if char == "\t":
            char = " "
        font = font_for(char) if char != "\n" else current or CJK
        if font is None:
            if char != "\n" and _invisible(char):
                continue
            _report_missing(char)
            font, char = CJK, MISSING_MARK
        if current is not None and font != current:
            out.append((current, "".join(chunk)))
            chunk = []
        current = font
        chunk.append(char)
    if chunk:
        out.append((current or CJK, "".join(chunk)))
    return tuple(out)


def markup(text: str) -> str:
    """Paragraph markup for plain ``text``: XML-escaped, runs of the Latin font and the Han fallback wrapped in
    ``<font face=…>``.

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


def graphic_string(
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    anchor: Literal["start", "middle", "end"] = "start",
    fill: Any = None,
) -> Group:
    """``text`` for a ``reportlab.graphics`` drawing (a chart's labels): a group of ``String`` shapes, one per
    run, side by side from ``x`` (its start, middle or end per ``anchor``) on the baseline ``y``."""
    from reportlab.graphics.shapes import Group, String
    from reportlab.lib import colors

    width = string_width(text, size)
    left = x - (width / 2 if anchor == "middle" else width if anchor == "end" else 0)
    group = Group()
    for font, chunk in runs(text):
        group.add(
            String(
                left,
                y,
                chunk,
                fontName=font,
                fontSize=size,
                fillColor=fill or colors.black,
                textAnchor="start",
            )
        )
        left += string_width(chunk, size)
    return group


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
