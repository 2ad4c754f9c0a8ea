"""The timetable's week grid as a Qt table model: the programme's periods down (and a row 其他时间 for sessions
outside every period), Monday … Sunday across; each box holds the occurrences ``volunteers.week_grid`` placed there.

The model decides nothing: clashes, warnings and who may edit come with the service's ``WeekGrid``. It keeps which
occurrence of a box is *picked* (the one Enter, Delete, Ctrl+X and a drag act on; the delegate frames it) and which
one is *cut* (waiting for Ctrl+V). A drag carries the picked occurrence as ``SESSION_MIME`` (session id and planned
date); a drop on a box emits ``dropped`` — the tab moves the session through the service.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QByteArray, QMimeData, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor

from center_app.domain import timetable as tt
from center_app.services.volunteers import GridCell, WeekGrid
from center_app.ui.i18n import current_language
from center_app.ui.models.rows import Index

SESSION_MIME = "application/x-center-app-occurrence"
CellsRole = Qt.ItemDataRole.UserRole + 1  # the box's list of GridCell

CLASH = QColor("#fee2e2")
CLASH_BORDER = QColor("#dc2626")
WARNING = QColor("#fef3c7")
WARNING_BORDER = QColor("#d97706")
NORMAL = QColor("#dbeafe")
NORMAL_BORDER = QColor("#60a5fa")
CANCELLED = QColor("#f1f5f9")
CANCELLED_BORDER = QColor("#94a3b8")
OUTSIDE = QColor("#e2e8f0")  # a day the programme does not cover
WEEKEND_HEADER = QColor("#64748b")

Key = tuple[int, dt.date]  # an occurrence: (session id, planned date)


def short_date(day: dt.date) -> str:
    """``7月8日`` (``8 Jul`` in English)."""
    if current_language() == "zh_CN":
        return f"{day.month}月{day.day}日"
    return f"{day.day} {day.strftime('%b')}"


def day_label(day: dt.date) -> str:
    """``7月8日（周三）`` (``Wed 8 Jul`` in English)."""
    if current_language() == "zh_CN":
        return tt.date_label(day)
    return f"{day.strftime('%a')} {day.day} {day.strftime('%b')}"


def occurrence_key(cell: GridCell) -> Key:
    return (cell.occurrence.session_id, cell.occurrence.slot_date)


def colours(cell: GridCell) -> tuple[QColor, QColor]:
    """(background, border) of one occurrence's box: red for a clash, amber for a warning, grey when cancelled."""
    if cell.occurrence.cancelled:
        return CANCELLED, CANCELLED_BORDER
    if cell.clash:
        return CLASH, CLASH_BORDER
    if cell.warnings:
        return WARNING, WARNING_BORDER
    return NORMAL, NORMAL_BORDER


class WeekGridModel(QAbstractTableModel):
    dropped = Signal(object, int, int)  # (the occurrence key, row, column)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.grid: WeekGrid | None = None
        self.picked: Key | None = None
        self.cut: Key | None = None
        self._boxes: dict[tuple[int, int], list[GridCell]] = {}
        self.weekdays = [
            self.tr("周一"),
            self.tr("周二"),
            self.tr("周三"),
            self.tr("周四"),
            self.tr("周五"),
            self.tr("周六"),
            self.tr("周日"),
        ]

    # --- the grid ------------------------------------------------------------------------------------------------

    def set_grid(self, grid: WeekGrid | None) -> None:
        self.beginResetModel()
        self.grid = grid
        self._boxes = {}
        if grid is not None:
            rows = {p.number: r for r, p in enumerate(grid.periods)}
            other = len(grid.periods)
            for cell in grid.cells:
                if not 0 <= cell.day < 7:
                    continue  # a night session reaching into next Monday shows in its own week
                for number in cell.periods or (0,):
                    row = rows.get(number, other) if number else other
                    self._boxes.setdefault((row, cell.day), []).append(cell)
        self.endResetModel()

    @property
    def periods(self) -> tuple[tt.Period, ...]:
        return self.grid.periods if self.grid is not None else ()

    @property
    def other_row(self) -> int:
        """The row of 其他时间 (sessions outside every period)."""
        return len(self.periods)

    def period_at(self, row: int) -> tt.Period | None:
        return self.periods[row] if 0 <= row < len(self.periods) else None

    def day_at(self, column: int) -> dt.date | None:
        return self.grid.days[column] if self.grid is not None and 0 <= column < 7 else None

    def in_programme(self, column: int) -> bool:
        return self.grid is not None and 0 <= column < 7 and self.grid.in_programme[column]

    def cells_at(self, row: int, column: int) -> list[GridCell]:
        return self._boxes.get((row, column), [])

    def cell(self, key: Key | None) -> GridCell | None:
        """The occurrence ``key`` as shown this week (None: not in this week's grid)."""
        if key is None or self.grid is None:
            return None
        return next((c for c in self.grid.cells if occurrence_key(c) == key), None)

    def place_of(self, key: Key) -> tuple[int, int] | None:
        """The first box that shows ``key``."""
        for (row, column), cells in sorted(self._boxes.items()):
            if any(occurrence_key(c) == key for c in cells):
                return row, column
        return None

    def picked_in(self, row: int, column: int) -> GridCell | None:
        """The picked occurrence if it is in this box, else the box's first (None: the box is empty)."""
        cells = self.cells_at(row, column)
        return next((c for c in cells if occurrence_key(c) == self.picked), cells[0] if cells else None)

    def refresh_box(self, row: int, column: int) -> None:
        index = self.index(row, column)
        self.dataChanged.emit(index, index)

    def refresh_all(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    # --- texts ---------------------------------------------------------------------------------------------------

    def status_text(self, cell: GridCell) -> str:
        o = cell.occurrence
        if o.cancelled:
            return self.tr("（停课）")
        if o.moved:
            return self.tr("（调课）")
        return ""

    def details(self, cell: GridCell, row: int) -> str:
        """The second line of a box: the time when it is not the period's, the lead volunteer, room and class."""
        o = cell.occurrence
        parts = []
        period = self.period_at(row)
        if period is None or (o.start.time(), o.end.time()) != (period.start, period.end):
            parts.append(o.times)
        parts += [x for x in (o.volunteers[0] if o.volunteers else "", o.room, o.group) if x]
        return " · ".join(parts)

    def describe(self, cell: GridCell) -> str:
        """Everything about one occurrence, for the tooltip and the line under the grid."""
        o = cell.occurrence
        lines = [f"{o.title}{self.status_text(cell)}　{o.label}"]
        who = "、".join(o.volunteers)
        facts = [x for x in (who, o.room, o.group, tt.session_kind_label(o.kind)) if x]
        lines.append(" · ".join(facts))
        if o.cancelled or o.moved:
            if o.moved and o.slot_date != o.start.date():
                lines.append(self.tr("原定 %1").replace("%1", day_label(o.slot_date)))
            if o.reason:
                lines.append(self.tr("原因：%1").replace("%1", o.reason))
        lines += [self.tr("冲突：%1").replace("%1", m) for m in cell.clash_messages]
        lines += [self.tr("提醒：%1").replace("%1", w) for w in cell.warnings]
        return "\n".join(lines)

    # --- Qt -----------------------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() or self.grid is None else len(self.periods) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() or self.grid is None else 7

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        grid = self.grid
        if grid is None:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < 7:
            day = grid.days[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{self.weekdays[section]}\n{short_date(day)}"
            if role == Qt.ItemDataRole.ForegroundRole and not grid.in_programme[section]:
                return WEEKEND_HEADER
            if role == Qt.ItemDataRole.ToolTipRole and not grid.in_programme[section]:
                return self.tr("这一天不在课表的日期内")
            return None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            period = self.period_at(section)
            if period is None:
                return self.tr("其他时间")
            return f"{period.label}\n{tt.hm(period.start)}–{tt.hm(period.end)}"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.grid is None:
            return None
        row, column = index.row(), index.column()
        cells = self.cells_at(row, column)
        if role == CellsRole:
            return cells
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(
                f"{c.occurrence.title}{self.status_text(c)} {self.details(c, row)}".strip() for c in cells
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n\n".join(self.describe(c) for c in cells) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            if not self.grid.in_programme[column]:
                return OUTSIDE
            held = [c for c in cells if not c.occurrence.cancelled]
            if any(c.clash for c in held):
                return CLASH
            if any(c.warnings for c in held):
                return WARNING
            return None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.in_programme(index.column()):
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        if any(c.may_edit for c in self.cells_at(index.row(), index.column())):
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    # --- drag and drop ----------------------------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt override
        return [SESSION_MIME]

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt override
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 - Qt override
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeData(self, indexes: Any) -> QMimeData | None:  # type: ignore[override]  # noqa: N802 - Qt override
        """The picked occurrence of the dragged box (the one pressed on)."""
        for index in indexes:
            cell = self.picked_in(index.row(), index.column())
            if cell is not None and cell.may_edit:
                data = QMimeData()
                o = cell.occurrence
                data.setData(SESSION_MIME, QByteArray(f"{o.session_id} {o.slot_date.isoformat()}".encode()))
                return data
        return None

    def canDropMimeData(  # noqa: N802 - Qt override
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        target = parent if parent.isValid() else self.index(row, column)
        return data.hasFormat(SESSION_MIME) and target.isValid() and self.in_programme(target.column())

    def dropMimeData(  # noqa: N802 - Qt override
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = parent if parent.isValid() else self.index(row, column)
        try:
            text = bytes(data.data(SESSION_MIME).data()).decode()
            session, day = text.split()
            key = (int(session), dt.date.fromisoformat(day))
        except ValueError:
            return False
        self.dropped.emit(key, target.row(), target.column())
        return False  # the tab moved it through the service and reloads; nothing for the view to remove
