"""What the keys and the context menu of the week grid do (``VolunteersTimetableTab.placing``): place a new
session or edit one in the side form, delete one after an inline question, cancel or restore one week's occurrence,
and move a session — every week, or only this week's occurrence — with Ctrl+X / Ctrl+V (or Enter) or by drag and
drop. Each is one service call through ``ops``; a clash is refused by the service and shown, and a move onto a clash
opens the form with the clashes listed and 仍然保存 offered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu

from center_app.domain import timetable as tt
from center_app.domain.errors import DomainError, ValidationError
from center_app.services import volunteers
from center_app.services.volunteers import GridCell, OccurrenceInfo, SessionInput
from center_app.ui.events import Area
from center_app.ui.models.volunteers_week_model import Key, day_label, occurrence_key
from center_app.ui.widgets.forms import problem_text
from center_app.ui.widgets.messages import show_message

if TYPE_CHECKING:
    from center_app.ui.pages.volunteers_timetable import VolunteersTimetableTab


@dataclass(frozen=True)
class Clip:
    """A session cut to be moved: ``only_once`` moves just this week's occurrence."""

    occurrence: OccurrenceInfo
    only_once: bool


class TimetableActions(QObject):
    def __init__(self, tab: VolunteersTimetableTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.ctx = tab.ctx
        self.ops = tab.ops
        self.model = tab.model
        self.view = tab.view
        self.form = tab.form
        self.message = tab.message
        self.clip: Clip | None = None

    # --- placing sessions -----------------------------------------------------------------------------------------

    def _may_change(self, cell: GridCell | None = None) -> bool:
        if not self.tab.can_write or (cell is not None and not cell.may_edit):
            show_message(
                self.message,
                self.tr("你只能查看这节课；要调整，请联系社工。")
                if cell is not None
                else self.tr("你只能查看课表；要新增课程，请联系社工。"),
            )
            return False
        return True

    def _target(self) -> tuple[int, int, dt.date, tt.Period | None] | None:
        """The current box if sessions may be placed there (else says why)."""
        index = self.view.currentIndex()
        programme = self.tab.programme
        if not index.isValid() or programme is None:
            return None
        day = self.model.day_at(index.column())
        if day is None or not self.model.in_programme(index.column()):
            show_message(
                self.message, self.tr("这一天不在“%1”的日期内，不能排课。").replace("%1", programme.name)
            )
            return None
        return index.row(), index.column(), day, self.model.period_at(index.row())

    def enter_cell(self) -> None:
        if self.clip is not None:
            self.paste_here()
            return
        cell = self.tab.picked()
        if cell is None:
            self.new_here()
        else:
            self.edit_cell(cell)

    def new_here(self) -> None:
        if not self._may_change():
            return
        target = self._target()
        if target is None or self.tab.programme is None:
            return
        _row, _column, day, period = target
        args = self.tab.filter_args()
        self.form.open_new(
            self.tab.programme,
            day,
            period,
            volunteer_id=args.get("volunteer_id"),
            room_id=args.get("room_id"),
            group=args.get("group", ""),
        )
        self.tab.show_side(self.form)
        self.form.title.setFocus()

    def edit_cell(self, cell: GridCell) -> None:
        if not self._may_change(cell) or self.tab.programme is None:
            return
        sid = cell.occurrence.session_id
        info = self.ops.run(lambda: volunteers.get_session(self.ctx, sid), refused=self.message).value
        if info is None:
            return
        self.form.open_edit(self.tab.programme, info)
        self.tab.show_side(self.form)
        self.form.title.setFocus()

    # --- delete, cancel, restore --------------------------------------------------------------------------------

    def delete_picked(self) -> None:
        cell = self.tab.picked()
        if cell is None or not self._may_change(cell):
            return
        o = cell.occurrence
        text = (
            self.tr("删除“%1”？每周的这节课都会删除（只停这一次请按 Ctrl+D）。已记录的服务时长会保留。")
            if o.recurring
            else self.tr("删除“%1”（%2）？已记录的服务时长会保留。")
        )
        self.tab.ask.ask(
            text.replace("%1", o.title).replace("%2", o.label),
            ok=(self.tr("删除"), lambda: self._delete(o)),
            cancel=(self.tr("不删"), None),
        )

    def _delete(self, o: OccurrenceInfo) -> None:
        done = self.ops.run(
            lambda: volunteers.delete_session(self.ctx, o.session_id),
            changes=Area.VOLUNTEERS,
            refused=self.message,
        )
        if done.ok:
            self.tab.load_week()
            show_message(self.message, self.tr("已删除“%1”。").replace("%1", o.title), ok=True)

    def cancel_or_restore(self) -> None:
        cell = self.tab.picked()
        if cell is None or not self._may_change(cell):
            return
        o = cell.occurrence
        if o.cancelled:
            self.restore_picked()
            return
        self.tab.cancel_reason.clear()
        self.tab.cancel_ask.ask(
            self.tr("只停 %1 这一次“%2”？以后照常上课。")
            .replace("%1", day_label(o.slot_date))
            .replace("%2", o.title),
            ok=(self.tr("停这一次课"), lambda: self._cancel(o, self.tab.cancel_reason.text())),
            cancel=(self.tr("不停"), None),
        )
        self.tab.cancel_reason.setFocus()

    def _cancel(self, o: OccurrenceInfo, reason: str) -> None:
        done = self.ops.run(
            lambda: volunteers.cancel_occurrence(self.ctx, o.session_id, o.slot_date, reason),
            changes=Area.VOLUNTEERS,
            refused=self.message,
        )
        if done.ok:
            self.tab.load_week(pick=(o.session_id, o.slot_date))
            show_message(
                self.message,
                self.tr("%1 的“%2”停课了（只停这一次；Ctrl+D 可恢复）。")
                .replace("%1", day_label(o.slot_date))
                .replace("%2", o.title),
                ok=True,
            )

    def restore_picked(self) -> None:
        cell = self.tab.picked()
        if cell is None or not self._may_change(cell):
            return
        o = cell.occurrence
        if not (o.cancelled or o.moved):
            show_message(self.message, self.tr("这一次照常上课，没有要恢复的。"), error=False)
            return
        done = self.ops.run(
            lambda: volunteers.restore_occurrence(self.ctx, o.session_id, o.slot_date),
            changes=Area.VOLUNTEERS,
            refused=self._refused,
        )
        if done.ok:
            self.tab.load_week(pick=(o.session_id, o.slot_date))
            show_message(
                self.message,
                self.tr("%1 的“%2”恢复照常上课。")
                .replace("%1", day_label(o.slot_date))
                .replace("%2", o.title),
                ok=True,
            )

    def _refused(self, exc: DomainError) -> None:
        text = problem_text(exc)
        if exc.details and not isinstance(exc, ValidationError):
            text += "\n" + "\n".join(exc.details.split("\n")[:5])
        show_message(self.message, text)

    # --- moving: cut and paste, drag and drop ---------------------------------------------------------------------

    def cut_picked(self, *, only_once: bool) -> None:
        cell = self.tab.picked()
        if cell is None or not self._may_change(cell):
            return
        o = cell.occurrence
        if o.cancelled:
            show_message(self.message, self.tr("这一次已经停课了；先按 Ctrl+D 恢复，再调课。"))
            return
        self.clip = Clip(o, only_once or not o.recurring)
        self.model.cut = occurrence_key(cell)
        self.view.viewport().update()
        what = (
            self.tr("%1 这一次的“%2”").replace("%1", day_label(o.slot_date)).replace("%2", o.title)
            if only_once and o.recurring
            else f"“{o.title}”"
        )
        show_message(
            self.message,
            self.tr("已剪下%1：用方向键到要放的格子，按 Ctrl+V 或回车放下；Esc 取消。").replace("%1", what),
            error=False,
        )

    def drop_clip(self) -> None:
        if self.clip is not None:
            self.clip = None
            self.model.cut = None
            self.view.viewport().update()
            show_message(self.message, self.tr("已取消移动。"), error=False)

    def paste_here(self) -> None:
        clip = self.clip
        if clip is None:
            show_message(
                self.message, self.tr("先选中一节课按 Ctrl+X 剪下，再到要放的格子按 Ctrl+V。"), error=False
            )
            return
        index = self.view.currentIndex()
        if index.isValid():
            self.move_to(clip.occurrence, index.row(), index.column(), only_once=clip.only_once)

    def dropped(self, key: Key, row: int, column: int) -> None:
        cell = self.model.cell(key)
        if cell is None or not self._may_change(cell):
            return
        shift = bool(QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier)
        once = shift or not cell.occurrence.recurring
        # After the drop event has returned: the move reloads the model the view is still dropping into.
        QTimer.singleShot(0, lambda: self.move_to(cell.occurrence, row, column, only_once=once))

    def move_to(self, o: OccurrenceInfo, row: int, column: int, *, only_once: bool) -> bool:
        """Move the session (every week; a one-off one: that day) or only this occurrence to the box at ``row``,
        ``column``: that day, and the period's start keeping the length (其他时间: the same times)."""
        self.tab.set_cursor(row, column)
        target = self._target()
        programme = self.tab.programme
        if target is None or programme is None:
            return False
        _row, _column, day, period = target
        start = period.start if period is not None else o.start.time()
        end = (dt.datetime.combine(day, start) + dt.timedelta(minutes=o.minutes)).time()
        where = day_label(day) + f" {tt.hm(start)}"
        if only_once:
            done = self.ops.run(
                lambda: volunteers.move_occurrence(
                    self.ctx, o.session_id, o.slot_date, new_date=day, new_start=start, new_end=end
                ),
                changes=Area.VOLUNTEERS,
                refused=self._refused,
            )
            if not done.ok:
                return False
            said = self.tr("已把 %1 这一次的“%2”调到 %3。").replace("%1", day_label(o.slot_date))
        else:
            info = self.ops.run(
                lambda: volunteers.get_session(self.ctx, o.session_id), refused=self.message
            ).value
            if info is None:
                return False
            data = SessionInput(
                programme.id,
                info.title,
                start,
                end,
                weekday=None if info.on_date else day.isoweekday(),
                on_date=day if info.on_date else None,
                volunteer_ids=info.volunteer_ids,
                room_id=info.room_id,
                group=info.group,
                kind=info.kind,
            )
            check = self.ops.run(
                lambda: volunteers.check_session(self.ctx, data, info.id), refused=self._refused
            ).value
            if check is None:
                return False
            if check.clashes:
                self.form.open_input(
                    programme,
                    data,
                    info.id,
                    self.tr("移到 %1 会冲突：可以改一改，或勾选“仍然保存”并写明理由。").replace("%1", where),
                )
                self.tab.show_side(self.form)
                self.form.override.setFocus()
                show_message(self.message, self.tr("移到这里会冲突，没有移动。右边列出了冲突。"))
                self._forget_clip()
                return False
            saved = self.ops.run(
                lambda: volunteers.save_session(self.ctx, data, info.id),
                changes=Area.VOLUNTEERS,
                refused=self._refused,
            ).value
            if saved is None:
                return False
            said = self.tr("已把“%2”移到 %3。")
        self._forget_clip()
        # after a whole session moved, its occurrence in this week is planned for ``day``
        self.tab.load_week(pick=(o.session_id, o.slot_date if only_once else day))
        self.tab.set_cursor(row, column)
        show_message(self.message, said.replace("%2", o.title).replace("%3", where), ok=True)
        return True

    def _forget_clip(self) -> None:
        self.clip = None
        self.model.cut = None

    # --- the context menu -----------------------------------------------------------------------------------------

    def context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        self.tab.set_cursor(index.row(), index.column())
        self.tab.card_pressed(self.view.card_at(pos))
        menu = self.menu_for_current()
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def menu_for_current(self) -> QMenu:
        """The current box's actions (the same as the keys)."""
        menu = QMenu(self.tab)
        menu.setObjectName("volunteersTimetableMenu")
        cell = self.tab.picked()
        index = self.view.currentIndex()

        def add(text: str, action: Callable[[], object], enabled: bool = True) -> None:
            item = menu.addAction(text)
            item.setEnabled(enabled)
            item.triggered.connect(lambda _checked=False: action())

        editable = self.tab.can_write and cell is not None and cell.may_edit
        if cell is not None:
            o = cell.occurrence
            add(self.tr("修改这节课…\t回车"), lambda: self.edit_cell(cell), editable)
            add(self.tr("移动这节课（每周）\tCtrl+X"), lambda: self.cut_picked(only_once=False), editable)
            if o.recurring:
                add(self.tr("只调这一次\tCtrl+Shift+X"), lambda: self.cut_picked(only_once=True), editable)
            if not o.cancelled:
                add(self.tr("停这一次课…\tCtrl+D"), self.cancel_or_restore, editable)
            if o.cancelled or o.moved:
                add(self.tr("恢复这一次\tCtrl+Shift+D"), self.restore_picked, editable)
            add(self.tr("删除这节课…\tDelete"), self.delete_picked, editable)
            menu.addSeparator()
        in_programme = index.isValid() and self.model.in_programme(index.column())
        add(self.tr("在这里新增课程…\tCtrl+N"), self.new_here, self.tab.can_write and in_programme)
        if self.clip is not None:
            add(self.tr("放到这里\tCtrl+V"), self.paste_here, in_programme)
        return menu
