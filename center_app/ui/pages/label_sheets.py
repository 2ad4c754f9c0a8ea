"""What a label print needs besides its widgets: which sheet suits which labels, barcode ranges typed as first and
last, and file names that Windows accepts. The panel remembers per kind which sheet was used last and where the
next label goes (``SETTING_KEY``)."""

from __future__ import annotations

import re
from pathlib import Path

from center_app.domain import books
from center_app.domain.errors import ValidationError
from center_app.domain.label_grid import LabelGrid
from center_app.reports.cards import MIN_CARD_HEIGHT_MM, MIN_CARD_WIDTH_MM

SPINE = "spine"
CARDS = "cards"
SETTING_KEY = "label_printing"  # {"spine": {"grid": "a4-24", "start": 5}, "cards": {...}}
DEFAULT_GRID = {SPINE: "a4-24", CARDS: "cards-10"}
MAX_RANGE = 2000  # labels from one barcode range: more is a typo in the range
_CODE = re.compile(r"^([A-Z]*)(\d+)$")



def fits(kind: str, grid: LabelGrid) -> bool:
    """Cards need a card-sized label; spine labels go on the small A4 sheets (a card sheet would waste them)."""
    card_size = grid.label_width_mm >= MIN_CARD_WIDTH_MM and grid.label_height_mm >= MIN_CARD_HEIGHT_MM
    return card_size if kind == CARDS else grid.label_width_mm <= 80


def grid_text(grid: LabelGrid) -> str:
    """Short, for the chooser: ``A4 24 格（70×37 毫米）``; the tooltip gives ``grid.describe()``."""
    return f"A4 {grid.per_page} 格（{grid.label_width_mm:g}×{grid.label_height_mm:g} 毫米）"


def barcode_range(first: str, last: str) -> list[str]:
    """``T0000001``…``T0000050`` → the 50 barcodes between (same letters, same number of digits)."""
    a, b = books.clean_barcode(first), books.clean_barcode(last or first)
    ma, mb = _CODE.match(a), _CODE.match(b)
    if not ma or not mb or ma[1] != mb[1] or len(ma[2]) != len(mb[2]):
        raise ValidationError("条码范围应写成同一种条码的首尾两个，如 T0000001 到 T0000050。")
    low, high = sorted((int(ma[2]), int(mb[2])))
    if high - low + 1 > MAX_RANGE:
        raise ValidationError(f"一次最多打印 {MAX_RANGE} 张书标，请缩小条码范围。")
    width = len(ma[2])
    return [f"{ma[1]}{n:0{width}d}" for n in range(low, high + 1)]


def safe_file_part(text: str, limit: int = 20) -> str:
    """Text fit for a file name on Windows (no \\/:*?"<>| and no dots or spaces at the ends)."""
    cleaned = re.sub(r'[\\/:*?"<>|\s]+', "", text)[:limit].strip(". ")
    return cleaned or "未命名"


def unique_path(folder: Path, stem: str, suffix: str = ".pdf") -> Path:
    path = folder / f"{stem}{suffix}"
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}{suffix}"
        n += 1
    return path
