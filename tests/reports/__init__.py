"""Checks shared by the report tests — pypdf only (CI may have no poppler).

* :func:`assert_a4`, :func:`font_report`: page size and embedded fonts.
* :func:`text_items`: each piece of text with its position (PDF points, origin bottom-left).
* :func:`barcodes`: the Code128 barcodes drawn on a page, decoded from the bars themselves (their ``re`` rects),
  so a test proves what a scanner would read, with the module width, bar height and quiet zones measured.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ContentStream

MM = 72 / 25.4
A4_PT = (595.28, 841.89)


def assert_a4(reader: PdfReader, *, landscape: bool = False) -> None:
    want = tuple(reversed(A4_PT)) if landscape else A4_PT
    for number, page in enumerate(reader.pages, start=1):
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert abs(size[0] - want[0]) < 0.5 and abs(size[1] - want[1]) < 0.5, (
            f"page {number} is {size}, not A4"
        )
        assert int(page.get("/Rotate", 0) or 0) == 0


def font_report(reader: PdfReader) -> dict[str, bool]:
    """``{BaseFont: embedded?}`` over every page's /Resources /Font (embedded = descriptor has /FontFile2)."""
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        for ref in resources.get("/Font", {}).get_object().values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            fonts[str(font["/BaseFont"])] = embedded
    return fonts


def assert_fonts_embedded(reader: PdfReader) -> None:
    fonts = font_report(reader)
    assert any("DroidSansFallback" in name for name in fonts), fonts
    not_embedded = [name for name, embedded in fonts.items() if not embedded]
    assert not not_embedded, f"fonts not embedded: {not_embedded}"


def all_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@dataclass(frozen=True)
class TextItem:
    text: str
    x: float
    y: float
    size: float


def text_items(page: Any) -> list[TextItem]:
    items: list[TextItem] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, size: float) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            items.append(TextItem(text.strip(), float(x), float(y), float(size)))

    page.extract_text(visitor_text=visit)
    return items


# ----------------------------------------------------------------------------------------------- barcode decoding


@dataclass(frozen=True)
class Barcode:
    value: str
    left: float
    right: float
    bottom: float
    height: float
    module: float  # points


def _filled_rects(reader: PdfReader, page: Any) -> list[tuple[float, float, float, float]]:
    """Filled rectangles (x, y, w, h) in page coordinates, following q/Q/cm."""
    ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    stack: list[list[float]] = []
    pending: list[tuple[float, float, float, float]] = []
    rects: list[tuple[float, float, float, float]] = []
    for operands, op in ContentStream(page.get_contents(), reader).operations:
        if op == b"q":
            stack.append(ctm[:])
        elif op == b"Q":
            ctm = stack.pop()
        elif op == b"cm":
            a, b, c, d, e, f = (float(v) for v in operands)
            A, B, C, D, E, F = ctm
            ctm = [
                a * A + b * C,
                a * B + b * D,
                c * A + d * C,
                c * B + d * D,
                e * A + f * C + E,
                e * B + f * D + F,
            ]
        elif op == b"re":
            x, y, w, h = (float(v) for v in operands)
            # Barcodes are only translated, never scaled or rotated.
            pending.append((x * ctm[0] + ctm[4], y * ctm[3] + ctm[5], w * ctm[0], h * ctm[3]))
        elif op in (b"f", b"f*", b"B", b"B*", b"F"):
            rects.extend(pending)
            pending = []
        elif op in (b"S", b"s", b"n"):  # stroked or discarded paths are not bars
            pending = []
    return rects


def _patterns() -> dict[tuple[int, ...], int]:
    from reportlab.graphics.barcode.code128 import _patterns as patterns

    widths = {c: i + 1 for i, c in enumerate("ABCD")} | {c: i + 1 for i, c in enumerate("abcd")}
    return {tuple(widths[c] for c in pattern): value for value, pattern in patterns.items()}


def _decode(modules: list[int]) -> str:
    table = _patterns()
    values: list[int] = []
    index = 0
    while index < len(modules):
        size = 7 if len(modules) - index == 7 else 6  # the stop symbol has a 7th (terminating) bar
        values.append(table[tuple(modules[index : index + size])])
        index += size
    start, *data, checksum, stop = values
    assert stop == 106, "no stop symbol"
    assert (start + sum(i * v for i, v in enumerate(data, start=1))) % 103 == checksum, "bad checksum"
    code = {103: "A", 104: "B", 105: "C"}[start]
    out: list[str] = []
    for v in data:
        if code == "C" and v < 100:
            out.append(f"{v:02d}")
        elif v in (99, 100, 101) and not (code == "B" and v == 100) and not (code == "A" and v == 101):
            code = {99: "C", 100: "B", 101: "A"}[v]
        elif code == "B":
            out.append(chr(v + 32))
        elif code == "A":
            out.append(chr(v + 32) if v < 64 else chr(v - 64))
        else:
            raise AssertionError(f"unexpected value {v} in set {code}")
    return "".join(out)


def barcodes(reader: PdfReader, page: Any) -> list[Barcode]:
    """Decode every barcode on ``page`` from its bars (tall, narrow filled rectangles)."""
    bars = [r for r in _filled_rects(reader, page) if r[3] >= 5 * MM and r[2] < 2.5 * MM]
    rows: dict[tuple[float, float], list[tuple[float, float, float, float]]] = {}
    for bar in bars:
        rows.setdefault((round(bar[1], 1), round(bar[3], 1)), []).append(bar)
    found: list[Barcode] = []
    for (bottom, height), row in rows.items():
        row.sort()
        narrowest = min(bar[2] for bar in row)
        groups: list[list[tuple[float, float, float, float]]] = [[row[0]]]
        for bar in row[1:]:
            previous = groups[-1][-1]
            if bar[0] - (previous[0] + previous[2]) > 6 * narrowest:  # > any gap inside one barcode
                groups.append([bar])
            else:
                groups[-1].append(bar)
        for group in groups:
            elements: list[float] = []
            for i, bar in enumerate(group):
                if i:
                    elements.append(bar[0] - (group[i - 1][0] + group[i - 1][2]))
                elements.append(bar[2])
            module = min(elements)
            modules = [round(e / module) for e in elements]
            found.append(
                Barcode(_decode(modules), group[0][0], group[-1][0] + group[-1][2], bottom, height, module)
            )
    return found


def text_lines(page: Any) -> list[tuple[float, str]]:
    """(baseline y, text) of each printed line, top to bottom: the pieces on one baseline joined left to right
    (text is drawn in runs, one per font)."""
    rows: dict[float, list[TextItem]] = {}
    for item in text_items(page):
        rows.setdefault(round(item.y, 1), []).append(item)
    return [
        (y, " ".join(i.text for i in sorted(items, key=lambda i: i.x)))
        for y, items in sorted(rows.items(), key=lambda kv: -kv[0])
    ]
