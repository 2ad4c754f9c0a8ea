"""新增课程 / 修改课程: the session form, a panel beside the week grid (never a modal dialog).

Opened by Enter on a box of the grid it comes prefilled with that day and period; Enter moves from field to field
and saves on the last, Ctrl+S saves, Esc closes. While it is filled in, ``volunteers.check_session`` runs a moment
after each change and the clashes (red) and warnings (amber) show in the form, before anything is saved. A clash
refuses the save unless the user ticks 仍然保存 and gives a reason (staff only; the service audits it and refuses
anyway). Every other rule is the service's: a refused save lists each problem.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain import timetable as tt
from center_app.domain.errors import DomainError, ValidationError
from center_app.domain.permissions import WRITE, allowed
from center_app.services import volunteers
from center_app.services.volunteers import (
    ProgrammeInfo,
    RoomRow,
    SavedSession,
    SessionCheck,
    SessionInfo,
    SessionInput,
    VolunteerRow,
)
from center_app.ui.events import Area
from center_app.ui.models.volunteers_week_model import day_label
from center_app.ui.operations import Operations
from center_app.ui.widgets.forms import EnterMovesOn, choices, line_edit, line_of, problem_text, select_data
from center_app.ui.widgets.headings import heading
from center_app.ui.widgets.messages import show_message

CHECK_DELAY_MS = 300  # after the last change, the clash check runs (it takes ~10 ms)
CLASH_STYLE = "color: #b91c1c;"
WARNING_STYLE = "color: #92400e; background: #fef3c7; padding: 2px;"
SHOWN_CLASHES = 8


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class SessionForm(QWidget):
    saved = Signal(object)  # SavedSession
    closed = Signal()

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("volunteersTimetableForm")
        self.ctx = ctx
        self.ops = ops
        self.programme: ProgrammeInfo | None = None
        self.session_id: int | None = None
        self.check: SessionCheck | None = None
        self.may_override = allowed(ctx.actor.role, "volunteers", WRITE)
        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.check_now)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 4, 8, 4)
        outer.setSpacing(6)
        self.title_label = heading(self.tr("新增课程"), size=2)
        self.title_label.setObjectName("volunteersTimetableFormTitle")
        outer.addWidget(self.title_label)
        self.where = QLabel()
        self.where.setObjectName("volunteersTimetableFormWhere")
        self.where.setWordWrap(True)
        self.where.setStyleSheet("color: #475569;")
        outer.addWidget(self.where)
        # The fields scroll on a small screen; the buttons and the message stay in sight.
        self.fields_area = QScrollArea()
        self.fields_area.setObjectName("volunteersTimetableFormFields")
        self.fields_area.setWidgetResizable(True)
        self.fields_area.setFrameShape(QFrame.Shape.NoFrame)
        self.fields_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        fields = QVBoxLayout(inner)
        fields.setContentsMargins(0, 0, 4, 0)
        fields.setSpacing(6)

        form = QFormLayout()
        form.setSpacing(5)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form = form
        self.title = line_edit("volunteersTimetableTitle", tt.TITLE_MAX, self.tr("如：绘本共读、书法"))
        form.addRow(self.tr("名称"), self.title)
        self.kind = choices(
            "volunteersTimetableKind",
            [
                (self.tr("阅读"), "reading"),
                (self.tr("作业辅导"), "homework"),
                (self.tr("美术"), "art"),
                (self.tr("音乐"), "music"),
                (self.tr("体育"), "sports"),
                (self.tr("其他"), "other"),
            ],
        )
        form.addRow(self.tr("类型"), self.kind)
        self.lead = choices("volunteersTimetableLead", [])
        form.addRow(self.tr("主讲"), self.lead)
        self.helpers = QListWidget()
        self.helpers.setObjectName("volunteersTimetableHelpers")
        self.helpers.setFixedHeight(self.helpers.fontMetrics().height() * 3 + 12)
        self.helpers.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.helpers.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.helpers.setToolTip(self.tr("空格勾选一起上课的志愿者"))
        form.addRow(self.tr("助教"), self.helpers)
        self.room = choices("volunteersTimetableRoom", [])
        form.addRow(self.tr("教室"), self.room)
        self.group = choices("volunteersTimetableGroup", [], editable=True)
        line_of(self.group).setMaxLength(tt.GROUP_MAX)
        line_of(self.group).setPlaceholderText(self.tr("如：三年级2班、1-3年级"))
        form.addRow(self.tr("对象"), self.group)

        how = QHBoxLayout()
        self.weekly = QRadioButton(self.tr("每周"))
        self.weekly.setObjectName("volunteersTimetableWeekly")
        self.once = QRadioButton(self.tr("只上一次"))
        self.once.setObjectName("volunteersTimetableOnce")
        group = QButtonGroup(self)
        group.addButton(self.weekly)
        group.addButton(self.once)
        self.weekly.setChecked(True)
        how.addWidget(self.weekly)
        how.addWidget(self.once)
        how.addStretch(1)
        form.addRow(self.tr("上课"), how)
        self.weekday = choices(
            "volunteersTimetableWeekday",
            [
                (self.tr("周一"), 1),
                (self.tr("周二"), 2),
                (self.tr("周三"), 3),
                (self.tr("周四"), 4),
                (self.tr("周五"), 5),
                (self.tr("周六"), 6),
                (self.tr("周日"), 7),
            ],
        )
        form.addRow(self.tr("星期"), self.weekday)
        self.date = QDateEdit()
        self.date.setObjectName("volunteersTimetableDate")
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setCalendarPopup(True)
        form.addRow(self.tr("日期"), self.date)
        times = QHBoxLayout()
        self.start = line_edit("volunteersTimetableStart", 8, "14:30")
        self.end = line_edit("volunteersTimetableEnd", 8, "16:00")
        times.addWidget(self.start, 1)
        times.addWidget(QLabel("–"))
        times.addWidget(self.end, 1)
        form.addRow(self.tr("时间"), times)
        fields.addLayout(form)
        self.repeat = QLabel()
        self.repeat.setObjectName("volunteersTimetableRepeat")
        self.repeat.setWordWrap(True)
        self.repeat.setStyleSheet("color: #64748b;")
        fields.addWidget(self.repeat)

        self.clashes = QLabel()
        self.clashes.setObjectName("volunteersTimetableClashes")
        self.clashes.setWordWrap(True)
        self.clashes.setStyleSheet(CLASH_STYLE)
        self.clashes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        fields.addWidget(self.clashes)
        self.warnings = QLabel()
        self.warnings.setObjectName("volunteersTimetableWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        fields.addWidget(self.warnings)
        self.override = QCheckBox(self.tr("仍然保存"))
        self.override.setObjectName("volunteersTimetableOverride")
        self.override.setToolTip(self.tr("确需这样安排时勾选，并写明理由；会记入审计日志"))
        fields.addWidget(self.override)
        self.reason = line_edit(
            "volunteersTimetableReason", tt.REASON_MAX, self.tr("理由（如：两组合并上课）")
        )
        fields.addWidget(self.reason)
        self.override_note = QLabel(self.tr("有冲突的安排只有社工和管理员可以保存。"))
        self.override_note.setObjectName("volunteersTimetableOverrideNote")
        self.override_note.setWordWrap(True)
        fields.addWidget(self.override_note)
        fields.addStretch(1)
        self.fields_area.setWidget(inner)
        outer.addWidget(self.fields_area, 1)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存 (Ctrl+S)"))
        self.save_button.setObjectName("volunteersTimetableSave")
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("关闭 (Esc)"))
        self.cancel_button.setObjectName("volunteersTimetableCancel")
        self.cancel_button.clicked.connect(self.close_form)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("volunteersTimetableFormMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.message)

        self.enter = EnterMovesOn(self, self._order, on_last=self.save)
        self.enter.watch(
            self.title,
            self.kind,
            self.lead,
            self.room,
            self.group,
            self.weekday,
            self.date,
            self.start,
            self.end,
        )
        self.reason.returnPressed.connect(self.save)
        save = QShortcut(QKeySequence("Ctrl+S"), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        close = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        close.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        close.activated.connect(self.close_form)

        for edit in (self.title, self.start, self.end, line_of(self.group)):
            edit.textEdited.connect(lambda _t: self.check_later())
        for combo in (self.kind, self.lead, self.room, self.weekday):
            combo.currentIndexChanged.connect(lambda _i: self.check_later())
        self.helpers.itemChanged.connect(lambda _item: self.check_later())
        self.date.dateChanged.connect(lambda _d: self.check_later())
        self.weekly.toggled.connect(lambda _on: self._how_changed())
        self.override.toggled.connect(lambda _on: self._override_changed())
        self._show_check(None)
        self._how_changed()

    def _order(self) -> list[QWidget]:
        return [
            self.title,
            self.kind,
            self.lead,
            self.room,
            self.group,
            self.weekday,
            self.date,
            self.start,
            self.end,
        ]

    # --- choices ----------------------------------------------------------------------------------------------

    def set_choices(
        self, people: Sequence[VolunteerRow], rooms: Sequence[RoomRow], groups: Sequence[str]
    ) -> None:
        """The volunteers (active first), rooms and groups the form chooses from (kept until the next refresh)."""
        self.lead.blockSignals(True)
        self.lead.clear()
        self.lead.addItem(self.tr("（请选择）"), None)
        self.helpers.blockSignals(True)
        self.helpers.clear()
        for person in people:
            label = person.label if person.active else self.tr("%1（已停用）").replace("%1", person.label)
            self.lead.addItem(label, person.id)
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
            )
            item.setCheckState(Qt.CheckState.Unchecked)
            self.helpers.addItem(item)
        self.lead.blockSignals(False)
        self.helpers.blockSignals(False)
        self.room.blockSignals(True)
        self.room.clear()
        self.room.addItem(self.tr("（不用教室）"), None)
        for room in rooms:
            self.room.addItem(room.name, room.id)
        self.room.blockSignals(False)
        self.group.blockSignals(True)
        self.group.clear()
        self.group.addItem("", "")
        for name in groups:
            self.group.addItem(name, name)
        self.group.blockSignals(False)

    # --- opening ----------------------------------------------------------------------------------------------

    def open_new(
        self,
        programme: ProgrammeInfo,
        day: dt.date,
        period: tt.Period | None,
        *,
        volunteer_id: int | None = None,
        room_id: int | None = None,
        group: str = "",
    ) -> None:
        """A new session in the box of ``day`` and ``period`` (None: 其他时间), with the grid's filter as the
        volunteer, room or class."""
        start = period.start if period is not None else None
        end = period.end if period is not None else None
        data = SessionInput(
            programme.id,
            "",
            tt.hm(start) if start else "",
            tt.hm(end) if end else "",
            weekday=day.isoweekday(),
            volunteer_ids=(volunteer_id,) if volunteer_id else (),
            room_id=room_id,
            group=group,
        )
        self._fill(programme, data, None, day)
        where = day_label(day) + (f" · {period.label}" if period else " · " + self.tr("其他时间"))
        self._opened(self.tr("新增课程"), where)

    def open_edit(self, programme: ProgrammeInfo, info: SessionInfo) -> None:
        data = SessionInput(
            programme.id,
            info.title,
            tt.hm(info.start),
            tt.hm(info.end),
            weekday=None if info.on_date else info.weekday,
            on_date=info.on_date,
            volunteer_ids=info.volunteer_ids,
            room_id=info.room_id,
            group=info.group,
            kind=info.kind,
        )
        self._fill(programme, data, info.id, info.on_date or programme.starts_on)
        if info.override_reason:
            self.override.setChecked(True)
            self.reason.setText(info.override_reason)
        self._opened(self.tr("修改课程"), info.when)

    def open_input(self, programme: ProgrammeInfo, data: SessionInput, session_id: int, note: str) -> None:
        """A session as a move would change it (it clashes): the user may tick 仍然保存 or change it here."""
        self._fill(programme, data, session_id, data.on_date or programme.starts_on)
        self._opened(self.tr("修改课程"), note)

    def _fill(
        self, programme: ProgrammeInfo, data: SessionInput, session_id: int | None, day: dt.date
    ) -> None:
        self.programme = programme
        self.session_id = session_id
        self.title.setText(data.title)
        select_data(self.kind, data.kind)
        lead = data.volunteer_ids[0] if data.volunteer_ids else None
        select_data(self.lead, lead)
        helpers = set(data.volunteer_ids[1:])
        self.helpers.blockSignals(True)
        for row in range(self.helpers.count()):
            item = self.helpers.item(row)
            on = item.data(Qt.ItemDataRole.UserRole) in helpers
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.helpers.blockSignals(False)
        select_data(self.room, data.room_id)
        line_of(self.group).setText(data.group)
        self.date.setDateRange(to_qdate(programme.starts_on), to_qdate(programme.ends_on))
        self.date.setDate(to_qdate(min(max(day, programme.starts_on), programme.ends_on)))
        if data.on_date is not None:
            self.once.setChecked(True)
            self.date.setDate(to_qdate(data.on_date))
        else:
            self.weekly.setChecked(True)
            select_data(self.weekday, data.weekday or day.isoweekday())
        self.start.setText(tt.hm(data.start) if isinstance(data.start, dt.time) else data.start)
        self.end.setText(tt.hm(data.end) if isinstance(data.end, dt.time) else data.end)
        self.override.setChecked(False)
        self.reason.clear()
        self.message.clear()
        self.repeat.setText(
            self.tr("每周：在“%1”的日期内（%2–%3）每周上课。")
            .replace("%1", programme.name)
            .replace("%2", day_label(programme.starts_on))
            .replace("%3", day_label(programme.ends_on))
        )
        self._how_changed()

    def _opened(self, title: str, where: str) -> None:
        self.title_label.setText(title)
        self.where.setText(where)
        self.show()
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title.selectAll()
        self.check_now()

    def close_form(self) -> None:
        self.check_timer.stop()
        self.closed.emit()

    # --- what the form says -------------------------------------------------------------------------------------

    def input(self) -> SessionInput | None:
        programme = self.programme
        if programme is None:
            return None
        lead = self.lead.currentData()
        helpers = [
            self.helpers.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.helpers.count())
            if self.helpers.item(r).checkState() == Qt.CheckState.Checked
        ]
        people = tuple(dict.fromkeys([*([lead] if lead is not None else []), *helpers]))
        weekly = self.weekly.isChecked()
        return SessionInput(
            programme.id,
            self.title.text(),
            self.start.text(),
            self.end.text(),
            weekday=self.weekday.currentData() if weekly else None,
            on_date=None if weekly else from_qdate(self.date.date()),
            volunteer_ids=people,
            room_id=self.room.currentData(),
            group=line_of(self.group).text(),
            kind=self.kind.currentData(),
        )

    def _how_changed(self) -> None:
        weekly = self.weekly.isChecked()
        self.form.setRowVisible(self.weekday, weekly)
        self.form.setRowVisible(self.date, not weekly)
        self.repeat.setVisible(weekly and bool(self.repeat.text()))
        self.check_later()

    def _override_changed(self) -> None:
        self.reason.setEnabled(self.override.isChecked())
        if self.override.isChecked() and self.isVisible():
            self.reason.setFocus()

    def check_later(self) -> None:
        if self.programme is not None:
            self.check_timer.start()

    def check_now(self) -> SessionCheck | None:
        """Run the clash check of the form as it is (an empty name checked as “未命名”: the clash matters first)."""
        self.check_timer.stop()
        data = self.input()
        if data is None:
            return None
        if not data.title.strip():
            data = dataclasses.replace(data, title=self.tr("未命名"))
        sid = self.session_id
        check = self.ops.run(
            lambda: volunteers.check_session(self.ctx, data, sid), refused=lambda _exc: None
        ).value
        self._show_check(check)
        return check

    def _show_check(self, check: SessionCheck | None) -> None:
        self.check = check
        clashes = check.clashes if check is not None else ()
        if clashes:
            lines = [f"• {c.message}" for c in clashes[:SHOWN_CLASHES]]
            if len(clashes) > SHOWN_CLASHES:
                lines.append(self.tr("……还有 %1 处").replace("%1", str(len(clashes) - SHOWN_CLASHES)))
            self.clashes.setText(
                self.tr("有 %1 处冲突：").replace("%1", str(len(clashes))) + "\n" + "\n".join(lines)
            )
        else:
            self.clashes.setText("")
        self.clashes.setVisible(bool(clashes))
        warnings = check.warnings if check is not None else ()
        self.warnings.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.warnings.setVisible(bool(warnings))
        self.override.setVisible(bool(clashes) and self.may_override)
        self.reason.setVisible(bool(clashes) and self.may_override)
        self.reason.setEnabled(self.override.isChecked())
        self.override_note.setVisible(bool(clashes) and not self.may_override)

    # --- saving -----------------------------------------------------------------------------------------------

    def _refused(self, exc: DomainError) -> None:
        text = problem_text(exc)
        if exc.details and not isinstance(exc, ValidationError):
            text += "\n" + exc.details
        show_message(self.message, text)

    def save(self) -> SavedSession | None:
        """Check, then save: a clash needs 仍然保存 ticked and a reason."""
        data = self.input()
        if data is None:
            return None
        sid = self.session_id
        check = self.ops.run(
            lambda: volunteers.check_session(self.ctx, data, sid), refused=self._refused
        ).value
        if check is None:
            return None
        self._show_check(check)
        reason = " ".join(self.reason.text().split())
        if check.clashes:
            if not self.may_override:
                show_message(self.message, self.tr("有冲突，不能保存：请换个时间、教室或志愿者。"))
                return None
            if not self.override.isChecked() or not reason:
                show_message(
                    self.message,
                    self.tr(
                        "有冲突，没有保存。请换个时间、教室或志愿者；确需这样安排，请勾选“仍然保存”并填写理由。"
                    ),
                )
                (self.reason if self.override.isChecked() else self.override).setFocus()
                return None
        saved = self.ops.run(
            lambda: volunteers.save_session(
                self.ctx, data, sid, override_reason=reason if check.clashes else ""
            ),
            changes=Area.VOLUNTEERS,
            refused=self._refused,
        ).value
        if saved is None:
            return None
        self.check_timer.stop()
        self.saved.emit(saved)
        return saved
