"""Where each label sits on a sheet of A4 labels, so a part-used sheet can be used up.

Positions are numbered for users the way they read a sheet: left → right, top → bottom, starting at 1. All
measurements are millimetres from the sheet's top-left corner (as printed on the label packet and as measured with
a ruler), never PDF points; the report converts. Pure: no ReportLab, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from center_app.domain.errors import ValidationError

A4_WIDTH_MM = 210.0
A4_HEIGHT_MM = 297.0
_TOLERANCE_MM = 0.05  # sheet specs are rounded to 0.1 mm; 3 × 70 mm = 210 mm exactly must fit


class LabelPosition(NamedTuple):
    """One label: ``page`` counts from 0; ``x_mm``/``y_mm`` are the label's top-left corner on the sheet."""

    page: int
    x_mm: float
    y_mm: float


@dataclass(frozen=True)
class LabelGrid:
    """A sheet of ``columns`` × ``rows`` equal labels; refused with a Chinese message if it does not fit A4."""

    columns: int
    rows: int
    label_width_mm: float
    label_height_mm: float
    margin_top_mm: float
    margin_left_mm: float
    gap_x_mm: float = 0.0
    gap_y_mm: float = 0.0
    name: str = ""

    def __post_init__(self) -> None:
        problems = self._problems()
        if problems:
            raise ValidationError(
                "标签纸的尺寸不对：" + "；".join(problems) + "。请对照标签纸包装上的尺寸修改。", problems
            )

    def _problems(self) -> list[str]:
        if self.columns < 1 or self.rows < 1:
            return [f"列数和行数至少是 1（现在是 {self.columns} 列 × {self.rows} 行）"]
        if self.label_width_mm <= 0 or self.label_height_mm <= 0:
            return ["标签的宽和高必须大于 0"]
        if min(self.margin_top_mm, self.margin_left_mm, self.gap_x_mm, self.gap_y_mm) < 0:
            return ["边距和间距不能是负数"]
        problems = []
        right = self.margin_left_mm + self.used_width_mm
        bottom = self.margin_top_mm + self.used_height_mm
        if right > A4_WIDTH_MM + _TOLERANCE_MM:
            problems.append(
                f"{self.columns} 列标签加左边距和间距共宽 {right:.1f} 毫米，超过了 A4 纸的宽度 {A4_WIDTH_MM:.0f} 毫米"
            )
        if bottom > A4_HEIGHT_MM + _TOLERANCE_MM:
            problems.append(
                f"{self.rows} 行标签加上边距和间距共高 {bottom:.1f} 毫米，超过了 A4 纸的高度 {A4_HEIGHT_MM:.0f} 毫米"
            )
        return problems

    @property
    def used_width_mm(self) -> float:
        return self.columns * self.label_width_mm + (self.columns - 1) * self.gap_x_mm

    @property
    def used_height_mm(self) -> float:
        return self.rows * self.label_height_mm + (self.rows - 1) * self.gap_y_mm

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def margin_bottom_mm(self) -> float:
        """The free strip below the last row (where a page number can go)."""
        return max(0.0, A4_HEIGHT_MM - self.margin_top_mm - self.used_height_mm)

    def describe(self) -> str:
        """For a chooser: "A4 24 格（3 列 × 8 行，70 × 37 毫米）"."""
        size = f"{_num(self.label_width_mm)} × {_num(self.label_height_mm)} 毫米"
        return f"A4 {self.per_page} 格（{self.columns} 列 × {self.rows} 行，{size}）"

    def slot_origin(self, slot: int) -> tuple[float, float]:
        """Top-left corner (x, y) in mm of position ``slot`` (1-based) on any sheet."""
        if not 1 <= slot <= self.per_page:
            raise ValidationError(f"位置必须在 1 到 {self.per_page} 之间（现在是 {slot}）。")
        row, column = divmod(slot - 1, self.columns)
        x = self.margin_left_mm + column * (self.label_width_mm + self.gap_x_mm)
        y = self.margin_top_mm + row * (self.label_height_mm + self.gap_y_mm)
        return round(x, 4), round(y, 4)

    def positions(self, start_index: int, count: int) -> list[LabelPosition]:
        """Where ``count`` labels go when printing starts at position ``start_index`` (1-based) of the first
        sheet; positions before it are left empty (already peeled off), later sheets start at position 1."""
        if not 1 <= start_index <= self.per_page:
            raise ValidationError(
                f"起始位置必须在 1 到 {self.per_page} 之间（这种标签纸每张有 {self.per_page} 个），现在是 {start_index}。"
            )
        if count < 0:
            raise ValueError("count must not be negative")
        out: list[LabelPosition] = []
        for n in range(start_index - 1, start_index - 1 + count):
            page, index = divmod(n, self.per_page)
            out.append(LabelPosition(page, *self.slot_origin(index + 1)))
        return out

    def pages_needed(self, start_index: int, count: int) -> int:
        return 0 if count == 0 else (start_index - 1 + count - 1) // self.per_page + 1

    def next_start(self, start_index: int, count: int) -> int:
        """The position to start at next time on the last sheet used (1 if that sheet was filled)."""
        return (start_index - 1 + count) % self.per_page + 1


def _num(value: float) -> str:
    return f"{value:g}"


# Common Chinese A4 sheets (measured from the sheet's top-left corner). Labels fill a full sheet where the sheet
# does; the printer's unprintable edge is handled by the report, which keeps ink ≥ 5 mm from the paper's edge.
SPINE_24 = LabelGrid(3, 8, 70.0, 37.0, margin_top_mm=0.5, margin_left_mm=0.0, name="a4-24")
"""A4 24 格 70 × 37 mm, no gaps (the common 3 × 8 sheet): spine and barcode labels."""
SPINE_40 = LabelGrid(4, 10, 48.5, 25.4, margin_top_mm=21.5, margin_left_mm=8.0, name="a4-40")
"""A4 40 格 48.5 × 25.4 mm, no gaps."""
SPINE_65 = LabelGrid(5, 13, 38.1, 21.2, margin_top_mm=10.7, margin_left_mm=4.75, gap_x_mm=2.5, name="a4-65")
"""A4 65 格 38.1 × 21.2 mm, 2.5 mm between columns."""
CARDS_10 = LabelGrid(
    2, 5, 85.6, 54.0, margin_top_mm=9.5, margin_left_mm=14.4, gap_x_mm=10.0, gap_y_mm=2.0, name="cards-10"
)
"""A4 10 张 85.6 × 54 mm (bank-card size) library cards, cut out with gaps between them."""

PRESETS: dict[str, LabelGrid] = {grid.name: grid for grid in (SPINE_24, SPINE_40, SPINE_65, CARDS_10)}
"""Presets by their stable key (stored in settings): "a4-24", "a4-40", "a4-65", "cards-10"."""


def preset(key: str) -> LabelGrid:
    try:
        return PRESETS[key]
    except KeyError:
        raise ValidationError(f"没有这种标签纸：{key}。") from None
