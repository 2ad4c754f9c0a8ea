"""The stocktake tab's tables: the lines of a stocktake (what is expected, what is counted so far, what turned up
that was not expected) and the past stocktakes.

:class:`StocktakeLinesModel` holds every line and shows those its filter lets through; a scan changes one line in
place (:meth:`StocktakeLinesModel.line_changed`: that row is repainted, or leaves or joins the filtered view), so a
scan costs the same on a list of 20 or 2,000 lines. What the lines say is :class:`StocktakeLine` — the service's
``ResultLine`` made mutable, with whether it is counted by quantity — and :func:`plan_of` works out, from the lines
and the items as they are now, exactly what applying the result will change (the confirmation says it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QColor

from center_app.domain.states import Condition, StocktakeStatus, UnitStatus
from center_app.services.equipment import ItemRow, ResultLine, StocktakeInfo
from center_app.ui.i18n import format_date
from center_app.ui.models.rows import Index, RowsTableModel


class Show(StrEnum):
    """Which lines the table shows."""

    ALL = "all"
    MISSING = "missing"  # 还没找到: fewer counted than expected (not counted yet, or short)
    EXTRA = "extra"  # more than expected, or not on the list at all
    FOUND = "found"  # counted as expected


@dataclass(eq=False)  # compared by identity: the table finds its row with list.index
class StocktakeLine:
    item_id: int | None  # None: a code no equipment has
    name: str
    barcode: str
    location: str
    unit: str
    expected: int
    counted: int
    note: str
    by_quantity: bool  # a quantity item's line (counted by typing a number); else a unit or an unknown code
    touched: bool = False  # scanned or counted (at least once, even to 0)

    @classmethod
    def of(cls, line: ResultLine, by_quantity: bool) -> StocktakeLine:
        return cls(
            line.item_id,
            line.name,
            line.barcode,
            line.location,
            line.unit,
            line.expected,
            line.counted,
            line.note,
            by_quantity,
            touched=line.counted > 0,
        )

    @property
    def key(self) -> tuple[int | None, str]:
        return (self.item_id, self.barcode)

    @property
    def difference(self) -> int:
        return self.counted - self.expected

    @property
    def show(self) -> Show:
        if self.counted < self.expected:
            return Show.MISSING
        if self.counted > self.expected:
            return Show.EXTRA
        return Show.FOUND


GREEN = QColor("#15803d")
RED = QColor("#b91c1c")
AMBER = QColor("#a16207")
GREY = QColor("#64748b")
MISSING_BACKGROUND = QColor("#fef2f2")
EXTRA_BACKGROUND = QColor("#fefce8")


class StocktakeLinesModel(RowsTableModel[StocktakeLine]):
    """Columns: 结果, 名称, 编号, 存放位置, 应有, 已点, 说明. ``lines``: every line; ``rows``: those shown."""

    COLUMNS = 7

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(None, parent)
        self.headers = [
            self.tr("结果"),
            self.tr("名称"),
            self.tr("编号"),
            self.tr("存放位置"),
            self.tr("应有"),
            self.tr("已点"),
            self.tr("说明"),
        ]
        self.lines: list[StocktakeLine] = []
        self.by_key: dict[tuple[int | None, str], StocktakeLine] = {}
        self.by_code: dict[str, StocktakeLine] = {}
        self.shown = Show.ALL
        #: what the lines add up to, kept up to date line by line (a scan must not add up 2,000 lines)
        self.tally = Tally()
        #: expected lines scanned or counted so far (``已清点 n``), and whether this tab can tell that by itself
        #: (a line counted to 0 before the lines were loaded looks like one never counted: then it cannot)
        self.counted_lines = 0
        self.counted_lines_known = True
        #: a finished stocktake: what was not found is missing (not "not found yet")
        self.finished = False

    # --- what is shown ----------------------------------------------------------------------------------------

    def set_lines(self, lines: Iterable[StocktakeLine], counted_lines: int | None = None) -> None:
        """Every line; ``counted_lines``: how many expected lines the service says are counted."""
        self.lines = list(lines)
        self.by_key = {line.key: line for line in self.lines}
        self.by_code = {line.barcode: line for line in self.lines if line.barcode}
        self.tally = Tally()
        for line in self.lines:
            self.tally.add(line, 1)
        touched = sum(1 for line in self.lines if line.expected and line.touched)
        self.counted_lines = touched if counted_lines is None else counted_lines
        self.counted_lines_known = self.counted_lines == touched
        self.set_rows(self._visible())

    def set_filter(self, shown: Show) -> None:
        self.shown = shown
        self.set_rows(self._visible())

    def _visible(self) -> list[StocktakeLine]:
        if self.shown == Show.ALL:
            return list(self.lines)
        return [line for line in self.lines if line.show == self.shown]

    def passes(self, line: StocktakeLine) -> bool:
        return self.shown == Show.ALL or line.show == self.shown

    def line_for_code(self, code: str) -> StocktakeLine | None:
        """The line a scanned code names: a unit's, a box label's (a quantity item), or an unknown code's
        (barcodes are unique among the equipment, and an unknown code is nobody's)."""
        return self.by_code.get(code) if code else None

    def row_of(self, line: StocktakeLine) -> int:
        """The row showing ``line``, or -1 if the filter hides it."""
        try:
            return self.rows.index(line)
        except ValueError:
            return -1

    # --- a scan changed one line --------------------------------------------------------------------------------

    def add_line(self, line: StocktakeLine) -> None:
        """A line the stocktake did not have (a code scanned that is on no list)."""
        self.lines.append(line)
        self.by_key[line.key] = line
        if line.barcode:
            self.by_code[line.barcode] = line
        self.tally.add(line, 1)
        if line.expected and line.touched:
            self.counted_lines += 1
        if self.passes(line):
            end = len(self.rows)
            self.beginInsertRows(_ROOT, end, end)
            self.rows.append(line)
            self.endInsertRows()

    def record(self, line: StocktakeLine, counted: int) -> None:
        """A scan or a count said ``line`` has ``counted`` pieces now: the figures and its row follow."""
        self.tally.add(line, -1)
        if line.expected and not line.touched:
            self.counted_lines += 1
        line.touched = True
        line.counted = counted
        self.tally.add(line, 1)
        self.line_changed(line)

    def line_changed(self, line: StocktakeLine) -> None:
        """Repaint ``line``'s row; or take it out of the view, or put it in, as the filter now says."""
        row = self.row_of(line)
        visible = self.passes(line)
        if row >= 0 and visible:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMNS - 1))
        elif row >= 0:
            self.beginRemoveRows(_ROOT, row, row)
            del self.rows[row]
            self.endRemoveRows()
        elif visible:
            # In the order of all lines: after the last shown line that comes before it.
            position = self.lines.index(line)
            before = {id(other) for other in self.lines[:position]}
            at = 0
            for at_row, shown in enumerate(self.rows):
                if id(shown) in before:
                    at = at_row + 1
            self.beginInsertRows(_ROOT, at, at)
            self.rows.insert(at, line)
            self.endInsertRows()

    # --- cells ----------------------------------------------------------------------------------------------

    def status_text(self, line: StocktakeLine) -> str:
        state = line.show
        if state == Show.FOUND:
            return self.tr("✓ 相符")
        if state == Show.MISSING:
            if line.counted == 0:
                return self.tr("没找到") if self.finished else self.tr("还没找到")
            return self.tr("少 %1").replace("%1", str(-line.difference))
        if line.expected == 0:
            return self.tr("不在清单")
        return self.tr("多 %1").replace("%1", str(line.difference))

    def flags(self, index: Index) -> Qt.ItemFlag:
        # RowsTableModel's, computed once: the view asks for every cell it paints.
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES:  # the view asks for a dozen roles per cell on every repaint
            return None
        line = self.row_at(index)
        if line is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return self.status_text(line)
            if col == 4:
                return f"{line.expected}{line.unit}" if line.item_id is not None else "—"
            if col == 5:
                return f"{line.counted}{line.unit}" if line.item_id is not None else str(line.counted)
            return (line.name, line.barcode, line.location)[col - 1] if col <= 3 else line.note
        if role == Qt.ItemDataRole.ForegroundRole and col == 0:
            state = line.show
            if state == Show.FOUND:
                return GREEN
            if state == Show.MISSING:
                return GREY if line.counted == 0 else RED
            return AMBER
        if role == Qt.ItemDataRole.BackgroundRole:
            state = line.show
            if state == Show.EXTRA:
                return EXTRA_BACKGROUND
            if state == Show.MISSING and line.counted > 0:
                return MISSING_BACKGROUND
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (4, 5):
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and col in (1, 6):
            return line.note or line.name
        return None


_ROOT = QModelIndex()
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
    )
)


@dataclass
class Tally:
    """What the lines add up to, as the service's ``StocktakeResult.summary`` counts: lines found (counted as
    expected), missing (fewer), extra (more, or not expected at all), and the pieces expected and counted."""

    found: int = 0
    missing: int = 0
    extra: int = 0
    expected_pieces: int = 0
    counted_pieces: int = 0

    def add(self, line: StocktakeLine, sign: int) -> None:
        """Count ``line`` in (``sign`` 1) or out (-1)."""
        self.expected_pieces += sign * line.expected
        self.counted_pieces += sign * line.counted
        state = line.show
        if state == Show.MISSING:
            self.missing += sign
        elif state == Show.EXTRA:
            self.extra += sign
        elif line.expected:
            self.found += sign


# --- what applying will change ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """What :func:`~center_app.services.equipment.apply_stocktake` will change, worked out beforehand: units marked
    lost, quantity items whose count is put right (with the pieces lost and found), lost units found again, and
    lines it leaves alone (an unknown code, a unit that is out on loan now)."""

    lost_units: int
    fixed_items: int
    lost_pieces: int
    found_pieces: int
    found_units: int
    left_alone: int
    not_counted: int

    @property
    def changes_nothing(self) -> bool:
        return not (self.lost_units or self.fixed_items or self.found_units)


HELD = (UnitStatus.AVAILABLE, UnitStatus.DAMAGED)


def plan_of(
    lines: Iterable[StocktakeLine],
    items: dict[int, ItemRow],
    unit_status: dict[str, str],
    *,
    not_counted: int = 0,
) -> Plan:
    """The changes applying would make, by the service's rules (``services/equipment/stocktake.py``): a missing
    unit that is still in the room → lost; a quantity item short → at most what is still in the room lost; a
    quantity item over → the extra pieces found (unless it is written off); a unit registered lost that turned
    up → found; anything else is left alone. ``items``: the items as they are now; ``unit_status``: the units'
    statuses now, by barcode."""
    lost_units = fixed = lost_pieces = found_pieces = found_units = left = 0
    for line in lines:
        diff = line.difference
        if not diff:
            continue
        if line.item_id is None:
            left += 1
            continue
        item = items.get(line.item_id)
        if item is None:
            continue  # deleted meanwhile: the service skips it too
        if not line.by_quantity:
            status = unit_status.get(line.barcode, "")
            if diff < 0 and status in HELD:
                lost_units += 1
            elif diff > 0 and line.expected == 0 and status == UnitStatus.LOST:
                found_units += 1
            elif diff < 0 or status not in HELD:
                left += 1
            continue
        if diff < 0:
            in_room = max(0, item.total - item.out - item.repair)
            off = min(-diff, in_room)
            if off:
                fixed += 1
                lost_pieces += off
            if off < -diff:
                left += 1
        elif item.condition != Condition.SCRAPPED:
            fixed += 1
            found_pieces += diff
    return Plan(lost_units, fixed, lost_pieces, found_pieces, found_units, left, not_counted)


# --- past stocktakes ------------------------------------------------------------------------------------------


class PastStocktakesModel(RowsTableModel[StocktakeInfo]):
    """Columns: 开始, 范围, 状态, 已清点 / 应清点, 结束."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(None, parent)
        self.headers = [self.tr("开始"), self.tr("范围"), self.tr("状态"), self.tr("已清点"), self.tr("结束")]
        #: the words for a stocktake's scope (the tab gives its translated wording)
        self.scope_text: Callable[[StocktakeInfo], str] = lambda info: info.scope_label

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        info = self.row_at(index)
        if info is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        col = index.column()
        if col == 0:
            return f"{format_date(info.started_at.date())} {info.started_at:%H:%M}"
        if col == 1:
            return self.scope_text(info)
        if col == 2:
            labels: dict[str, str] = {
                StocktakeStatus.OPEN: self.tr("盘点中"),
                StocktakeStatus.FINISHED: self.tr("已确认"),
                StocktakeStatus.CANCELLED: self.tr("已取消"),
            }
            return labels.get(info.status, info.status)
        if col == 3:
            return f"{info.counted} / {info.lines}"
        end = info.finished_at
        return f"{format_date(end.date())} {end:%H:%M}" if end is not None else ""
