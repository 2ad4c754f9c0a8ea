"""The roll call's grid: one row per child with the saved mark and the mark the user has set but not saved yet.

The model keeps every child of the register (``all_rows``) and shows those of the chosen class (``rows``), so a
class filter never loses an unsaved mark. A mark set here is "unsaved" until the page saves it; the row keeps the
version of the mark the user saw, which the save sends as ``expected_version`` (the service's conflict check).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QFont

from center_app.domain.attendance import ABSENT, EXCUSED, CodeConfig
from center_app.services.attendance import MarkInput, RegisterRow
from center_app.ui.models.rows import Index, RowsTableModel

COL_NUMBER, COL_NAME, COL_CLASS, COL_CODE, COL_NOTE = range(5)

# (text, background) per kind of code: the four seeded codes read at a glance from across the room.
PRESENT_COLOURS = (QColor("#166534"), QColor("#dcfce7"))  # 出勤 green
ABSENT_COLOURS = (QColor("#b91c1c"), QColor("#fee2e2"))  # 缺勤 red
LATE_COLOURS = (QColor("#c2410c"), QColor("#ffedd5"))  # 迟到 orange
EXCUSED_COLOURS = (QColor("#1d4ed8"), QColor("#dbeafe"))  # 请假 blue
OTHER_PRESENT_COLOURS = (QColor("#0f766e"), QColor("#ccfbf1"))  # any other code that counts present
UNMARKED_COLOUR = QColor("#94a3b8")
UNSAVED_NUMBER_COLOUR = QColor("#c2410c")
CONFLICT_BACKGROUND = QColor("#fecaca")


def code_colours(codes: CodeConfig, code: str | None) -> tuple[QColor, QColor] | None:
    """(text, background) for a code, or None for no mark. Shared with the monthly register."""
    if code is None:
        return None
    if code == codes.late_code:
        return LATE_COLOURS
    kind = codes.kind(code)
    if kind == ABSENT:
        return ABSENT_COLOURS
    if kind == EXCUSED:
        return EXCUSED_COLOURS
    return PRESENT_COLOURS if code == codes.default_code else OTHER_PRESENT_COLOURS


@dataclass
class RollRow:
    child_id: int
    name: str
    class_name: str
    saved_code: str | None  # stored now, as far as this page knows
    version: int  # the stored mark's version the user saw (0 = no mark)
    code: str | None  # what the grid shows: saved_code, or the user's unsaved change
    note: str = ""
    check_in_at: dt.datetime | None = None
    check_out_at: dt.datetime | None = None
    picked_up_by: str = ""

    @property
    def unsaved(self) -> bool:
        return self.code != self.saved_code

    @classmethod
    def from_register(cls, row: RegisterRow) -> RollRow:
        return cls(
            row.child_id,
            row.name,
            row.class_name,
            row.code,
            row.version,
            row.code,
            row.note,
            row.check_in_at,
            row.check_out_at,
            row.picked_up_by,
        )


class RollCallModel(RowsTableModel[RollRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(None, parent)
        self.headers = [self.tr("序号"), self.tr("姓名"), self.tr("班级"), self.tr("考勤"), self.tr("备注")]
        self.all_rows: list[RollRow] = []
        self.codes = CodeConfig(())
        self.class_filter: str | None = None
        self.conflicts: set[int] = set()  # children someone else changed meanwhile: their row is flagged red

    # --- loading ----------------------------------------------------------------------------------------------

    def load(self, rows: Iterable[RegisterRow], codes: CodeConfig) -> None:
        self.codes = codes
        self.all_rows = [RollRow.from_register(r) for r in rows]
        self._apply_filter()

    def set_conflicts(self, child_ids: set[int]) -> None:
        self.conflicts = set(child_ids)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.headers) - 1))

    def set_class_filter(self, class_name: str | None) -> None:
        self.class_filter = class_name
        self._apply_filter()

    def _apply_filter(self) -> None:
        wanted = self.class_filter
        self.set_rows(r for r in self.all_rows if wanted is None or r.class_name == wanted)

    def classes(self) -> list[str]:
        """The register's classes in register order (the service sorts by grade, class, pinyin)."""
        return list(dict.fromkeys(r.class_name for r in self.all_rows if r.class_name))

    # --- marking ----------------------------------------------------------------------------------------------

    def set_code(self, row: int, code: str | None) -> bool:
        """Set the shown row's mark (None clears it). Returns False if the row does not exist."""
        if not 0 <= row < len(self.rows):
            return False
        self.rows[row].code = code
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.headers) - 1))
        return True

    def fill_unmarked(self, code: str) -> int:
        """Give ``code`` to every shown child without a mark (saved or not); marked children stay as they are."""
        filled = 0
        for row in self.rows:
            if row.code is None:
                row.code = code
                filled += 1
        if filled:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.headers) - 1))
        return filled

    def pending(self) -> list[MarkInput]:
        """Every unsaved mark of the register (all classes), with the version the user saw."""
        return [MarkInput(r.child_id, r.code, r.version) for r in self.all_rows if r.unsaved]

    def pending_by_child(self) -> dict[int, tuple[str | None, int]]:
        return {r.child_id: (r.code, r.version) for r in self.all_rows if r.unsaved}

    def unsaved_count(self) -> int:
        return sum(1 for r in self.all_rows if r.unsaved)

    def reapply(self, pending: Mapping[int, tuple[str | None, int]]) -> None:
        """After a reload: put the user's unsaved marks back, each with the version they saw (so a change made
        elsewhere meanwhile still comes back as a conflict instead of being overwritten)."""
        if not pending:
            return
        for r in self.all_rows:
            if r.child_id in pending:
                r.code, r.version = pending[r.child_id]
        self._apply_filter()

    def counts(self) -> tuple[dict[str, int], int, int]:
        """(marks per code, unmarked, children) of the shown rows."""
        per_code: dict[str, int] = {}
        unmarked = 0
        for r in self.rows:
            if r.code is None:
                unmarked += 1
            else:
                per_code[r.code] = per_code.get(r.code, 0) + 1
        return per_code, unmarked, len(self.rows)

    def first_unmarked(self) -> int:
        return next((n for n, r in enumerate(self.rows) if r.code is None), 0)

    def row_of_child(self, child_id: int) -> int:
        return next((n for n, r in enumerate(self.rows) if r.child_id == child_id), -1)

    # --- showing ----------------------------------------------------------------------------------------------

    def _note(self, r: RollRow) -> str:
        parts = []
        if r.check_in_at is not None:
            parts.append(self.tr("签到 %1").replace("%1", f"{r.check_in_at:%H:%M}"))
        if r.check_out_at is not None:
            out = self.tr("签退 %1").replace("%1", f"{r.check_out_at:%H:%M}")
            parts.append(out + (f"（{r.picked_up_by}）" if r.picked_up_by else ""))
        if r.note:
            parts.append(r.note)
        return "　".join(parts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.row_at(index)
        if r is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_NUMBER:
                return str(index.row() + 1)
            if col == COL_NAME:
                return r.name
            if col == COL_CLASS:
                return r.class_name
            if col == COL_CODE:
                if r.code is None:
                    return self.tr("未点") + "　*" if r.unsaved else "—"
                return self.codes.label(r.code) + ("　*" if r.unsaved else "")
            if col == COL_NOTE:
                return self._note(r)
        elif role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_CODE:
                colours = code_colours(self.codes, r.code)
                return colours[0] if colours else UNMARKED_COLOUR
            if col == COL_NUMBER and r.unsaved:
                return UNSAVED_NUMBER_COLOUR
        elif role == Qt.ItemDataRole.BackgroundRole:
            if col in (COL_NUMBER, COL_NAME) and r.child_id in self.conflicts:
                return CONFLICT_BACKGROUND
            if col == COL_CODE:
                colours = code_colours(self.codes, r.code)
                return colours[1] if colours else None
        elif role == Qt.ItemDataRole.FontRole:
            # Unsaved marks are bold (and starred): what Ctrl+S will write is visible at a glance.
            if r.unsaved and col in (COL_NUMBER, COL_NAME, COL_CODE):
                font = QFont()
                font.setBold(True)
                return font
            if col == COL_CODE:
                font = QFont()
                font.setBold(r.code is not None)
                return font
        elif role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (COL_NUMBER, COL_CODE):
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        elif role == Qt.ItemDataRole.ToolTipRole and col == COL_CODE and r.unsaved:
            return self.tr("未保存：按 Ctrl+S 保存")
        elif role == Qt.ItemDataRole.UserRole:
            return r.child_id
        return None

    def child_index(self, child_id: int, column: int = COL_NAME) -> QModelIndex:
        row = self.row_of_child(child_id)
        return self.index(row, column) if row >= 0 else QModelIndex()
