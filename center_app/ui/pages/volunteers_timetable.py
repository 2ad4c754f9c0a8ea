"""课表: a programme's week grid — days across, the programme's periods down — where sessions are placed with the
keyboard or by drag and drop, their clashes in red and warnings in amber.

- 课表 (``volunteersTimetableProgramme``): a term's weekly timetable or a summer programme; 新建 / 修改 open a small
  form with its dates and periods beside the grid (``volunteers_timetable_programme``).
- The week (◀ ▶, a date; PgUp/PgDn in the grid) and what is shown: the whole centre, one volunteer, room or class.
- The grid (``volunteers_timetable_grid``, model in ``ui/models/volunteers_week_model``): arrows move the cell
  cursor; Enter on an empty box opens the session form (``volunteers_timetable_form``) prefilled with that day and
  period, Enter on a session edits it, Space picks the next session of the same box; Delete removes it after an
  inline question; Ctrl+X then Ctrl+V (or Enter) moves the session (every week) to another box, Ctrl+Shift+X only
  this week's; drag and drop moves it too (with Shift: only this week's). Ctrl+D cancels this week's occurrence
  (again: restores it), Ctrl+Shift+D restores a cancelled or moved one. The same from the box's context menu.
- 打印 (``volunteers_timetable_print``): the service's timetable PDFs through a worker.

A teacher sees their own sessions and may only look (the services refuse anyway). Every rule — clashes, warnings,
who may change what — is the service's; the tab shows what it says.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain import timetable as tt
from center_app.domain.permissions import READ, WRITE, allowed
from center_app.services import volunteers
from center_app.services.volunteers import (
    GridCell,
    ProgrammeInfo,
    RoomRow,
    SavedSession,
    VolunteerRow,
    WeekGrid,
)
from center_app.ui.models.volunteers_week_model import (
    Key,
    WeekGridModel,
    day_label,
    occurrence_key,
    short_date,
)
from center_app.ui.operations import Operations
from center_app.ui.pages.volunteers_timetable_actions import TimetableActions
from center_app.ui.pages.volunteers_timetable_form import SessionForm, from_qdate, to_qdate
from center_app.ui.pages.volunteers_timetable_grid import WeekGridView
from center_app.ui.pages.volunteers_timetable_print import PrintBar
from center_app.ui.pages.volunteers_timetable_programme import ProgrammeForm
from center_app.ui.widgets.inline_question import InlineQuestion
from center_app.ui.widgets.messages import show_message

SIDE_WIDTH = 330
AREA = "volunteers"


class VolunteersTimetableTab(QWidget):
    scan_input = None  # no scans here

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("volunteersTimetableTab")
        self.ctx = ctx
        self.ops = ops
        self.stale = True
        role = ctx.actor.role
        self.can_write = allowed(role, AREA, WRITE)
        self.own: int | None = None if allowed(role, AREA, READ) else ctx.actor.volunteer_id
        self.today: Callable[[], dt.date] = dt.date.today
        self.programmes: list[ProgrammeInfo] = []
        self.programme: ProgrammeInfo | None = None
        self.monday = tt.monday_of(self.today())
        self.grid: WeekGrid | None = None
        self.people: list[VolunteerRow] = []
        self.rooms: list[RoomRow] = []
        self.groups: list[str] = []

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 8, 0, 0)
        outer.setSpacing(6)
        outer.addLayout(self._programme_bar())
        outer.addLayout(self._week_bar())
        self.read_only_note = QLabel(self.tr("你只能查看自己的课；要新增、调整或停课，请联系社工。"))
        self.read_only_note.setObjectName("volunteersTimetableReadOnly")
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setStyleSheet("color: #475569;")
        outer.addWidget(self.read_only_note)
        self.read_only_note.setHidden(self.can_write)  # after it has a parent (never a window of its own)
        self.keys_hint = QLabel(
            self.tr(
                "回车 新增/修改 · 空格 同格下一节 · Delete 删除 · Ctrl+X 剪下 Ctrl+V 放下 · Ctrl+D 停这一次"
                " · PgUp/PgDn 换周 · 右键看全部"
            )
        )
        self.keys_hint.setObjectName("volunteersTimetableKeysHint")
        self.keys_hint.setWordWrap(True)
        self.keys_hint.setStyleSheet("color: #64748b;")
        outer.addWidget(self.keys_hint)
        self.keys_hint.setHidden(not self.can_write)

        self.ask = InlineQuestion("volunteersTimetableAsk", parent=self)
        self.ask.answered.connect(self.focus_first)
        outer.addWidget(self.ask)
        self.cancel_ask = InlineQuestion("volunteersTimetableCancelAsk", parent=self)
        self.cancel_reason = QLineEdit()
        self.cancel_reason.setObjectName("volunteersTimetableCancelReason")
        self.cancel_reason.setMaxLength(tt.REASON_MAX)
        self.cancel_reason.setPlaceholderText(self.tr("原因（可不填，如：台风停课）"))
        self.cancel_reason.setMinimumWidth(200)
        layout = self.cancel_ask.layout()
        assert isinstance(layout, QHBoxLayout)
        layout.insertWidget(1, self.cancel_reason)
        self.cancel_reason.returnPressed.connect(lambda: self.cancel_ask.answer("ok"))
        self.cancel_ask.answered.connect(self.focus_first)
        outer.addWidget(self.cancel_ask)

        body = QHBoxLayout()
        body.setSpacing(8)
        self.model = WeekGridModel(self)
        self.view = WeekGridView(self.model)
        self.view.setObjectName("volunteersTimetableGrid")
        self.view.setDragEnabled(self.can_write)
        body.addWidget(self.view, 1)
        self.side = QFrame()
        self.side.setObjectName("volunteersTimetableSide")
        self.side.setFixedWidth(SIDE_WIDTH)
        self.side.setFrameShape(QFrame.Shape.StyledPanel)
        side = QVBoxLayout(self.side)
        side.setContentsMargins(0, 0, 0, 0)
        self.side_stack = QStackedWidget()
        self.form = SessionForm(ctx, ops)
        self.programme_form = ProgrammeForm(ctx, ops)
        self.side_stack.addWidget(self.form)
        self.side_stack.addWidget(self.programme_form)
        side.addWidget(self.side_stack)
        self.side.hide()
        body.addWidget(self.side)
        outer.addLayout(body, 1)

        self.detail = QLabel()
        self.detail.setObjectName("volunteersTimetableDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.detail)
        self.message = QLabel()
        self.message.setObjectName("volunteersTimetableMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.message)

        self.placing = TimetableActions(self)
        self._connect()

    # --- building ---------------------------------------------------------------------------------------------

    def _programme_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(6)
        bar.addWidget(QLabel(self.tr("课表")))
        self.programme_box = QComboBox()
        self.programme_box.setObjectName("volunteersTimetableProgramme")
        self.programme_box.setMinimumWidth(300)
        bar.addWidget(self.programme_box)
        self.new_programme = QPushButton(self.tr("新建课表"))
        self.new_programme.setObjectName("volunteersTimetableNewProgramme")
        self.edit_programme = QPushButton(self.tr("修改课表"))
        self.edit_programme.setObjectName("volunteersTimetableEditProgramme")
        for button in (self.new_programme, self.edit_programme):
            button.setEnabled(self.can_write)
            if not self.can_write:
                button.setToolTip(self.tr("只有社工和管理员可以新建或修改课表。"))
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("打印")))
        self.print_bar = PrintBar(self.ctx)
        self.print_bar.said.connect(lambda text, ok: show_message(self.message, text, ok=ok))
        bar.addWidget(self.print_bar)
        return bar

    def _week_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.prev_week = QPushButton("◀")
        self.prev_week.setObjectName("volunteersTimetablePrevWeek")
        self.prev_week.setToolTip(self.tr("上一周（PgUp）"))
        self.prev_week.setFixedWidth(36)
        bar.addWidget(self.prev_week)
        self.week_edit = QDateEdit()
        self.week_edit.setObjectName("volunteersTimetableWeek")
        self.week_edit.setDisplayFormat("yyyy-MM-dd")
        self.week_edit.setCalendarPopup(True)
        bar.addWidget(self.week_edit)
        self.next_week = QPushButton("▶")
        self.next_week.setObjectName("volunteersTimetableNextWeek")
        self.next_week.setToolTip(self.tr("下一周（PgDn）"))
        self.next_week.setFixedWidth(36)
        bar.addWidget(self.next_week)
        self.week_label = QLabel()
        self.week_label.setObjectName("volunteersTimetableWeekLabel")
        bar.addWidget(self.week_label)
        self.summary = QLabel()
        self.summary.setObjectName("volunteersTimetableSummary")
        bar.addWidget(self.summary)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("显示")))
        self.filter_kind = QComboBox()
        self.filter_kind.setObjectName("volunteersTimetableFilterKind")
        for text, kind in (
            (self.tr("全中心"), "centre"),
            (self.tr("志愿者"), "volunteer"),
            (self.tr("教室"), "room"),
            (self.tr("班级"), "class"),
        ):
            self.filter_kind.addItem(text, kind)
        bar.addWidget(self.filter_kind)
        self.filter_which = QComboBox()
        self.filter_which.setObjectName("volunteersTimetableFilter")
        self.filter_which.setMinimumWidth(140)
        bar.addWidget(self.filter_which)
        if self.own is not None:
            self.filter_kind.setEnabled(False)
            self.filter_which.setEnabled(False)
        self.new_session = QPushButton(self.tr("新增课程 (Ctrl+N)"))
        self.new_session.setObjectName("volunteersTimetableNew")
        bar.addWidget(self.new_session)
        # Only ever hidden here: the bar has no parent yet, and a widget shown without one becomes a window.
        if not self.can_write:
            self.new_session.hide()
        return bar

    def _connect(self) -> None:
        self.programme_box.currentIndexChanged.connect(lambda _i: self._programme_chosen())
        self.new_programme.clicked.connect(self.open_new_programme)
        self.edit_programme.clicked.connect(self.open_edit_programme)
        self.prev_week.clicked.connect(lambda: self.step_week(-1))
        self.next_week.clicked.connect(lambda: self.step_week(1))
        self.week_edit.dateChanged.connect(lambda d: self.set_week(from_qdate(d)))
        self.filter_kind.currentIndexChanged.connect(lambda _i: self._filter_kind_changed())
        self.filter_which.currentIndexChanged.connect(lambda _i: self.load_week())
        self.new_session.clicked.connect(self.placing.new_here)
        self.view.enter_pressed.connect(self.placing.enter_cell)
        self.view.doubleClicked.connect(lambda _index: self.placing.enter_cell())
        self.view.delete_pressed.connect(self.placing.delete_picked)
        self.view.cycle_pressed.connect(self.cycle_pick)
        self.view.week_step.connect(self.step_week)
        self.view.card_pressed.connect(self.card_pressed)
        self.view.customContextMenuRequested.connect(self.placing.context_menu)
        self.view.selectionModel().currentChanged.connect(lambda current, _old: self._cursor_moved(current))
        self.model.dropped.connect(self.placing.dropped)
        self.form.saved.connect(self._session_saved)
        self.form.closed.connect(self.close_side)
        self.programme_form.saved.connect(self._programme_saved)
        self.programme_form.closed.connect(self.close_side)
        for keys, action in (
            ("Ctrl+X", lambda: self.placing.cut_picked(only_once=False)),
            ("Ctrl+Shift+X", lambda: self.placing.cut_picked(only_once=True)),
            ("Ctrl+V", self.placing.paste_here),
            ("Ctrl+D", self.placing.cancel_or_restore),
            ("Ctrl+Shift+D", self.placing.restore_picked),
            ("Esc", self.placing.drop_clip),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(action)
        new = QShortcut(QKeySequence("Ctrl+N"), self)
        new.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new.activated.connect(self.placing.new_here)

    # --- the panel contract -------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.stale = False
        programmes = self.ops.run(lambda: volunteers.list_programmes(self.ctx), refused=self.message).value
        if programmes is None:
            self.programmes, self.programme = [], None
            self.model.set_grid(None)
            return
        self.programmes = programmes
        keep = self.programme.id if self.programme is not None else None
        chosen = next((p for p in programmes if p.id == keep), None)
        if chosen is None and programmes:
            chosen = self.ops.run(
                lambda: volunteers.current_programme(self.ctx, self.today()), refused=self.message
            ).value
        self.programme_box.blockSignals(True)
        self.programme_box.clear()
        for p in programmes:
            self.programme_box.addItem(p.label, p.id)
            self.programme_box.setItemData(
                self.programme_box.count() - 1, p.kind_label, Qt.ItemDataRole.ToolTipRole
            )
        self.programme_box.blockSignals(False)
        self.edit_programme.setEnabled(self.can_write and bool(programmes))
        if not programmes:
            self.programme = None
            self.model.set_grid(None)
            self.print_bar.set_choices(None, None, self.own)
            show_message(
                self.message,
                self.tr("还没有课表。请先点“新建课表”，填写学期或暑期的日期和每天的节次。")
                if self.can_write
                else self.tr("还没有课表。"),
                error=False,
            )
            return
        self._show_programme(chosen or programmes[0], keep_week=chosen is not None and chosen.id == keep)

    def focus_first(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.set_cursor(0, self._default_column())

    # --- programme and week -------------------------------------------------------------------------------------

    def _programme_chosen(self) -> None:
        pid = self.programme_box.currentData()
        chosen = next((p for p in self.programmes if p.id == pid), None)
        if chosen is not None and (self.programme is None or chosen.id != self.programme.id):
            self._show_programme(chosen, keep_week=False)

    def _show_programme(self, programme: ProgrammeInfo, *, keep_week: bool) -> None:
        self.programme = programme
        self.programme_box.blockSignals(True)
        self.programme_box.setCurrentIndex(max(self.programme_box.findData(programme.id), 0))
        self.programme_box.blockSignals(False)
        self._load_choices()
        today = self.today()
        if not keep_week or not self._week_in(programme, self.monday):
            day = today if programme.starts_on <= today <= programme.ends_on else programme.starts_on
            self.monday = tt.monday_of(day)
        self.week_edit.blockSignals(True)
        self.week_edit.setDateRange(to_qdate(programme.starts_on), to_qdate(programme.ends_on))
        self.week_edit.setDate(to_qdate(max(self.monday, programme.starts_on)))
        self.week_edit.blockSignals(False)
        self.load_week()

    @staticmethod
    def _week_in(programme: ProgrammeInfo, monday: dt.date) -> bool:
        return monday <= programme.ends_on and monday + dt.timedelta(days=6) >= programme.starts_on

    def _load_choices(self) -> None:
        """The volunteers, rooms and groups the filter and the form choose from."""
        programme = self.programme
        if programme is None:
            return
        self.people = (
            self.ops.run(
                lambda: volunteers.list_volunteers(self.ctx, active=None), refused=self.message
            ).value
            or []
        )
        self.rooms = self.ops.run(lambda: volunteers.list_rooms(self.ctx), refused=self.message).value or []
        self.groups = (
            self.ops.run(lambda: volunteers.list_groups(self.ctx, programme.id), refused=self.message).value
            or []
        )
        self.form.set_choices(self.people, self.rooms, self.groups)
        self._fill_filter()

    def _filter_kind_changed(self) -> None:
        self._fill_filter()
        self.load_week()

    def _fill_filter(self) -> None:
        kind = self.filter_kind.currentData()
        chosen = self.filter_which.currentData()
        self.filter_which.blockSignals(True)
        self.filter_which.clear()
        if self.own is not None:
            mine = next((p for p in self.people if p.id == self.own), None)
            self.filter_which.addItem(mine.name if mine else self.tr("我的课"), self.own)
        elif kind == "volunteer":
            for person in self.people:
                self.filter_which.addItem(person.label, person.id)
        elif kind == "room":
            for room in self.rooms:
                self.filter_which.addItem(room.name, room.id)
        elif kind == "class":
            for group in self.groups:
                self.filter_which.addItem(group, group)
        index = self.filter_which.findData(chosen) if chosen is not None else -1
        self.filter_which.setCurrentIndex(max(index, 0))
        self.filter_which.setEnabled(self.own is None and kind != "centre")
        self.filter_which.setVisible(kind != "centre" or self.own is not None)
        self.filter_which.blockSignals(False)

    def filter_args(self) -> dict[str, Any]:
        """What ``week_grid`` filters by (nothing: the whole centre)."""
        kind, which = self.filter_kind.currentData(), self.filter_which.currentData()
        if which is None or kind == "centre" or self.own is not None:
            return {}
        return {"volunteer": {"volunteer_id": which}, "room": {"room_id": which}, "class": {"group": which}}[
            kind
        ]

    def step_week(self, step: int) -> None:
        self.set_week(self.monday + dt.timedelta(weeks=step))

    def set_week(self, day: dt.date) -> None:
        programme = self.programme
        if programme is None:
            return
        monday = tt.monday_of(day)
        if not self._week_in(programme, monday):
            return
        self.monday = monday
        self._show_week_date(day)
        self.load_week()

    def _show_week_date(self, day: dt.date) -> None:
        """The date box shows ``day`` (within the programme) without loading the week again."""
        programme = self.programme
        if programme is not None:
            self.week_edit.blockSignals(True)
            self.week_edit.setDate(to_qdate(min(max(day, programme.starts_on), programme.ends_on)))
            self.week_edit.blockSignals(False)

    def load_week(self, *, pick: Key | None = None) -> None:
        """Ask the service for the week and show it, the cell cursor kept where it was (or on ``pick``)."""
        programme = self.programme
        if programme is None:
            return
        old = self.view.currentIndex()
        row, column = (old.row(), old.column()) if old.isValid() else (0, self._default_column())
        picked = pick or self.model.picked
        args = self.filter_args()
        grid = self.ops.run(
            lambda: volunteers.week_grid(self.ctx, programme.id, self.monday, **args), refused=self.message
        ).value
        self.grid = grid
        self.model.set_grid(grid)
        self._update_week_bar()
        if grid is None:
            return
        self.print_bar.set_choices(programme, self._shown_choice(), self.own)
        place = self.model.place_of(picked) if picked is not None else None
        if place is not None:
            row, column = place
        self.model.picked = picked if place is not None else None
        self.set_cursor(min(row, self.model.rowCount() - 1), column)

    def _shown_choice(self) -> tuple[tuple[str, int | str | None], str] | None:
        kind, which = self.filter_kind.currentData(), self.filter_which.currentData()
        if self.own is not None or kind == "centre" or which is None:
            return None
        return (kind, which), self.filter_which.currentText()

    def _default_column(self) -> int:
        today = self.today()
        return (today - self.monday).days if 0 <= (today - self.monday).days < 7 else 0

    def _update_week_bar(self) -> None:
        programme, grid = self.programme, self.grid
        if programme is None:
            return
        weeks = programme.weeks
        number = weeks.index(self.monday) + 1 if self.monday in weeks else 0
        sunday = self.monday + dt.timedelta(days=6)
        self.week_label.setText(
            self.tr("第 %1 周（共 %2 周）%3–%4")
            .replace("%1", str(number))
            .replace("%2", str(len(weeks)))
            .replace("%3", short_date(self.monday))
            .replace("%4", short_date(sunday))
        )
        self.prev_week.setEnabled(self._week_in(programme, self.monday - dt.timedelta(weeks=1)))
        self.next_week.setEnabled(self._week_in(programme, self.monday + dt.timedelta(weeks=1)))
        if grid is None:
            self.summary.setText("")
            return
        held = sum(1 for c in grid.cells if not c.occurrence.cancelled)
        text = self.tr("本周 %1 节").replace("%1", str(held))
        if grid.clashes:
            text += " · " + self.tr("%1 处冲突").replace("%1", str(len(grid.clashes)))
        warned = sum(1 for c in grid.cells if c.warnings and not c.occurrence.cancelled)
        if warned:
            text += " · " + self.tr("%1 节有提醒").replace("%1", str(warned))
        self.summary.setText(text)
        self.summary.setStyleSheet(
            "color: #b91c1c; font-weight: bold;" if grid.clashes else "color: #334155;"
        )
        self.summary.setToolTip("\n".join(c.message for c in grid.clashes[:20]))

    # --- the cell cursor and the picked session ---------------------------------------------------------------

    def set_cursor(self, row: int, column: int) -> None:
        if not self.model.rowCount():
            return
        index = self.model.index(max(row, 0), max(min(column, 6), 0))
        self.view.setCurrentIndex(index)
        self._cursor_moved(index)

    def _cursor_moved(self, index: QModelIndex) -> None:
        if not index.isValid():
            self.detail.setText("")
            return
        cell = self.model.picked_in(index.row(), index.column())
        self.model.picked = occurrence_key(cell) if cell is not None else None
        self.view.viewport().update()
        self._show_detail()

    def card_pressed(self, key: Key | None) -> None:
        if key is not None:
            self.model.picked = key
            self.view.viewport().update()
            self._show_detail()

    def cycle_pick(self) -> None:
        index = self.view.currentIndex()
        cells = self.model.cells_at(index.row(), index.column()) if index.isValid() else []
        if len(cells) < 2:
            return
        keys = [occurrence_key(c) for c in cells]
        at = keys.index(self.model.picked) if self.model.picked in keys else -1
        self.model.picked = keys[(at + 1) % len(keys)]
        self.view.viewport().update()
        self._show_detail()

    def picked(self) -> GridCell | None:
        """The picked session of the current box (None: the box is empty)."""
        index = self.view.currentIndex()
        return self.model.picked_in(index.row(), index.column()) if index.isValid() else None

    def _show_detail(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid() or self.grid is None:
            self.detail.setText("")
            return
        day = self.model.day_at(index.column())
        period = self.model.period_at(index.row())
        assert day is not None
        place = (
            day_label(day)
            + " · "
            + (f"{period.label} {tt.hm(period.start)}–{tt.hm(period.end)}" if period else self.tr("其他时间"))
        )
        cells = self.model.cells_at(index.row(), index.column())
        cell = self.picked()
        if not self.model.in_programme(index.column()):
            text = self._about(place, self.tr("不在课表的日期内"))
        elif cell is None:
            text = self._about(place, self.tr("空，回车新增课程") if self.can_write else self.tr("没有课"))
        else:
            lines = self.model.describe(cell).split("\n")
            count = (
                self.tr("（%1/%2，空格换下一节）")
                .replace("%1", str(cells.index(cell) + 1))
                .replace("%2", str(len(cells)))
                if len(cells) > 1
                else ""
            )
            text = "\n".join([self._about(place + count, lines[0]), *lines[1:4]])
        self.detail.setText(text)
        clash = cell is not None and cell.clash and not cell.occurrence.cancelled
        self.detail.setStyleSheet("color: #b91c1c;" if clash else "")

    def _about(self, place: str, what: str) -> str:
        return self.tr("%1：%2").replace("%1", place).replace("%2", what)

    # --- the side panel -------------------------------------------------------------------------------------------

    def show_side(self, widget: QWidget) -> None:
        self.side_stack.setCurrentWidget(widget)
        self.side.show()

    def close_side(self) -> None:
        self.side.hide()
        self.focus_first()

    def open_new_programme(self) -> None:
        if self.can_write:
            self.programme_form.open_new(self.today())
            self.show_side(self.programme_form)

    def open_edit_programme(self) -> None:
        if self.can_write and self.programme is not None:
            self.programme_form.open_edit(self.programme)
            self.show_side(self.programme_form)

    def _programme_saved(self, programme: ProgrammeInfo) -> None:
        self.side.hide()
        self.programme = programme
        show_message(self.message, self.tr("已保存课表“%1”。").replace("%1", programme.name), ok=True)
        self.refresh()
        self.focus_first()

    # --- after a save ---------------------------------------------------------------------------------------------

    def _session_saved(self, saved: SavedSession) -> None:
        self.side.hide()
        info = saved.session
        text = self.tr("已保存“%1”（%2）。").replace("%1", info.title).replace("%2", info.when)
        if saved.overridden:
            text += self.tr("有 %1 处冲突，已按理由保存并记入审计日志。").replace(
                "%1", str(len(saved.overridden))
            )
        if saved.warnings:
            text += self.tr("提醒：") + "；".join(saved.warnings)
        self._load_choices()  # a new class typed in the form joins the filter
        pick = (info.id, info.on_date or self._planned_in_week(info.weekday))
        if info.on_date is not None and tt.monday_of(info.on_date) != self.monday:
            self.monday = tt.monday_of(
                info.on_date
            )  # a one-off session on another week's date: show that week
            self._show_week_date(info.on_date)
        self.load_week(pick=pick)
        show_message(self.message, text, ok=not saved.overridden)
        self.focus_first()

    def _planned_in_week(self, weekday: int) -> dt.date:
        return self.monday + dt.timedelta(days=weekday - 1)

    # --- for tests and the benchmark --------------------------------------------------------------------------------

    def box_text(self, row: int, column: int) -> str:
        return str(self.model.data(self.model.index(row, column)) or "")

    def go_to(self, day: dt.date, period_number: int) -> None:
        """Put the cell cursor on ``day`` (this week) and the period numbered ``period_number`` (0: 其他时间)."""
        rows = [i for i, p in enumerate(self.model.periods) if p.number == period_number]
        self.set_cursor(rows[0] if rows else self.model.other_row, (day - self.monday).days)

    @property
    def last_pdf(self) -> Path | None:
        return self.print_bar.last_pdf
