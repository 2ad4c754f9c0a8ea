"""The activity form of the 活动记录 tab, in the side panel (never a modal dialog): record an activity or change one.

Choosing the date lists that day's sessions of the timetable (a teacher: their own) in 课表上的课; picking one
fills the form from it — title, kind, time, room and its volunteers, lead first (``activities.draft_from_session``)
— and saving records the activity as that occurrence. Every problem is said at once under the form; nothing is
saved until the service accepts the whole form.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain.activities import TITLE_MAX, ActivityInput, time_range_text
from center_app.domain.errors import DomainError
from center_app.domain.states import ActivityKind
from center_app.services import activities
from center_app.services.activities import ActivityDetail, PlannedSession
from center_app.ui.events import Area
from center_app.ui.operations import Operations
from center_app.ui.widgets.forms import EnterMovesOn, line_edit, note_edit, problem_text, select_data
from center_app.ui.widgets.headings import heading
from center_app.ui.widgets.messages import show_message

#: what a change of an activity may change elsewhere: the roll call's list of sessions, linked service hours
CHANGES = (Area.ACTIVITIES, Area.ATTENDANCE, Area.VOLUNTEERS)
NOT_FROM_TIMETABLE = -1


def kind_labels() -> dict[str, str]:
    """The activity kinds as the UI says them (``domain.activities.KIND_LABELS``, translated)."""
    t = QCoreApplication.translate
    return {
        ActivityKind.READING: t("ActivityKinds", "阅读"),
        ActivityKind.ART: t("ActivityKinds", "美术"),
        ActivityKind.SPORTS: t("ActivityKinds", "体育"),
        ActivityKind.MUSIC: t("ActivityKinds", "音乐"),
        ActivityKind.HOMEWORK: t("ActivityKinds", "作业辅导"),
        ActivityKind.PSYCHOLOGY: t("ActivityKinds", "心理"),
        ActivityKind.SAFETY: t("ActivityKinds", "安全教育"),
        ActivityKind.OTHER: t("ActivityKinds", "其他"),
    }


class ActivityForm(QWidget):
    """Record (``open_new``) or change (``open_edit``) an activity. ``saved(detail)`` after the service wrote it
    (announced); ``closed`` when the user leaves without saving."""

    saved = Signal(object)
    closed = Signal()

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activitiesForm")
        self.ctx = ctx
        self.ops = ops
        self.editing: ActivityDetail | None = None
        self.planned: list[PlannedSession] = []
        self.volunteer_names: dict[int, str] = {}
        self.rooms: list[tuple[int, str]] = []
        self._link: tuple[int, dt.date] | None = None  # the occurrence being recorded (or kept, when editing)
        self._filling = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        outer.setSpacing(6)
        top = QHBoxLayout()
        self.heading = heading(self.tr("记录活动"))
        top.addWidget(self.heading, 1)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.setObjectName("activitiesFormClose")
        self.close_button.setToolTip("Esc")
        self.close_button.clicked.connect(self.closed.emit)
        top.addWidget(self.close_button)
        outer.addLayout(top)

        body = QWidget()
        form = QFormLayout(body)
        form.setContentsMargins(0, 0, 6, 0)
        form.setSpacing(6)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.day = QDateEdit()
        self.day.setObjectName("activitiesFormDate")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.dateChanged.connect(lambda _d: self._date_changed())
        form.addRow(self.tr("日期："), self.day)
        self.session = QComboBox()
        self.session.setObjectName("activitiesFormSession")
        self.session.setToolTip(self.tr("选一节课表上的课：名称、时间、地点和志愿者会自动填好"))
        self.session.currentIndexChanged.connect(lambda _i: self._session_chosen())
        form.addRow(self.tr("课表上的课："), self.session)
        self.title = line_edit(
            "activitiesFormTitle", TITLE_MAX, self.tr("如 绘本共读、彩泥手工、防溺水安全教育")
        )
        form.addRow(self.tr("活动名称："), self.title)
        self.kind = QComboBox()
        self.kind.setObjectName("activitiesFormKind")
        for kind, label in kind_labels().items():
            self.kind.addItem(label, str(kind))
        form.addRow(self.tr("类型："), self.kind)
        times = QWidget()
        row = QHBoxLayout(times)
        row.setContentsMargins(0, 0, 0, 0)
        self.start = line_edit("activitiesFormStart", 5, self.tr("如 15:30"))
        self.end = line_edit("activitiesFormEnd", 5, self.tr("如 16:30"))
        row.addWidget(self.start, 1)
        row.addWidget(QLabel("–"))
        row.addWidget(self.end, 1)
        form.addRow(self.tr("时间："), times)
        self.room = QComboBox()
        self.room.setObjectName("activitiesFormRoom")
        form.addRow(self.tr("地点："), self.room)
        self.lead = QComboBox()
        self.lead.setObjectName("activitiesFormLead")
        self.lead.currentIndexChanged.connect(lambda _i: self._lead_changed())
        form.addRow(self.tr("负责志愿者："), self.lead)
        self.helpers = QListWidget()
        self.helpers.setObjectName("activitiesFormHelpers")
        self.helpers.setFixedHeight(self.fontMetrics().height() * 4 + 14)
        self.helpers.setToolTip(self.tr("勾选一起带这次活动的志愿者"))
        form.addRow(self.tr("协助志愿者："), self.helpers)
        self.description = note_edit("activitiesFormDescription", 3)
        self.description.setPlaceholderText(self.tr("做了什么：主题、过程、孩子们的作品……"))
        form.addRow(self.tr("活动内容："), self.description)
        self.reflection = note_edit("activitiesFormReflection", 3)
        self.reflection.setPlaceholderText(self.tr("教学反思：效果怎样，下次怎么改进"))
        form.addRow(self.tr("活动反思："), self.reflection)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("activitiesFormScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(body)
        outer.addWidget(self.scroll_area, 1)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存(&S)"))
        self.save_button.setObjectName("activitiesFormSave")
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(lambda: self.save())
        buttons.addWidget(self.save_button)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setObjectName("activitiesFormCancel")
        self.cancel_button.clicked.connect(self.closed.emit)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("activitiesFormMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.message)

        self._enter = EnterMovesOn(self, self._order)
        self._enter.watch(*self._order())
        save = QShortcut(QKeySequence("Ctrl+S"), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(lambda: self.save())

    def _order(self) -> list[QWidget]:
        return [self.day, self.session, self.title, self.kind, self.start, self.end, self.room, self.lead]

    # --- choices ------------------------------------------------------------------------------------------------

    def set_choices(self, volunteers: dict[int, str], rooms: list[tuple[int, str]]) -> None:
        """The volunteers and rooms the form offers (a teacher: their own record; the activity's own are added)."""
        self.volunteer_names = dict(volunteers)
        self.rooms = list(rooms)

    def _fill_rooms(self, chosen: int | None) -> None:
        self.room.clear()
        self.room.addItem(self.tr("（不填）"), None)
        for room_id, name in self.rooms:
            self.room.addItem(name, room_id)
        select_data(self.room, chosen)

    def _fill_volunteers(self, chosen: tuple[int, ...]) -> None:
        names = dict(self.volunteer_names)
        for volunteer_id in chosen:
            names.setdefault(volunteer_id, f"#{volunteer_id}")
        self._filling = True
        try:
            self.lead.clear()
            self.lead.addItem(self.tr("（没有）"), None)
            for volunteer_id, name in names.items():
                self.lead.addItem(name, volunteer_id)
            select_data(self.lead, chosen[0] if chosen else None)
            self.helpers.clear()
            for volunteer_id, name in names.items():
                item = QListWidgetItem(name)
                item.setData(Qt.ItemDataRole.UserRole, volunteer_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if volunteer_id in chosen[1:] else Qt.CheckState.Unchecked
                )
                self.helpers.addItem(item)
        finally:
            self._filling = False
        self._lead_changed()

    def _lead_changed(self) -> None:
        """The lead is not also a helper: their box is hidden."""
        lead = self.lead.currentData()
        for n in range(self.helpers.count()):
            item = self.helpers.item(n)
            is_lead = item.data(Qt.ItemDataRole.UserRole) == lead
            item.setHidden(is_lead)
            if is_lead:
                item.setCheckState(Qt.CheckState.Unchecked)

    def volunteer_ids(self) -> tuple[int, ...]:
        lead = self.lead.currentData()
        helpers = [
            self.helpers.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(self.helpers.count())
            if self.helpers.item(n).checkState() == Qt.CheckState.Checked
            and not self.helpers.item(n).isHidden()
        ]
        return tuple(v for v in (lead, *helpers) if v is not None)

    # --- opening ------------------------------------------------------------------------------------------------

    def open_new(self, day: dt.date) -> None:
        """An empty form for ``day``; that day's timetable sessions offered in 课表上的课."""
        self.editing = None
        self._link = None
        self.heading.setText(self.tr("记录活动"))
        self.message.clear()
        self._fill(ActivityInput("", day))
        self.day.setFocus()

    def open_edit(self, detail: ActivityDetail) -> None:
        self.editing = detail
        self._link = (
            (detail.session_id, detail.slot_date)
            if detail.session_id is not None and detail.slot_date is not None
            else None
        )
        self.heading.setText(self.tr("修改活动"))
        self.message.clear()
        for ref in detail.volunteers:
            self.volunteer_names.setdefault(ref.volunteer_id, ref.name)
        self._fill(detail.as_input())
        self.title.setFocus()
        self.title.selectAll()

    def _fill(self, data: ActivityInput) -> None:
        self._filling = True
        try:
            self.day.setMaximumDate(QDate.currentDate())
            day = data.on_date
            self.day.setDate(QDate(day.year, day.month, day.day) if day else QDate.currentDate())
        finally:
            self._filling = False
        self._load_sessions()
        self._fill_fields(data)

    def _fill_fields(self, data: ActivityInput) -> None:
        self._filling = True
        try:
            self.title.setText(data.title)
            select_data(self.kind, str(data.kind))
            self.start.setText(
                data.start_time.strftime("%H:%M") if isinstance(data.start_time, dt.time) else ""
            )
            self.end.setText(data.end_time.strftime("%H:%M") if isinstance(data.end_time, dt.time) else "")
            self.description.setPlainText(data.description)
            self.reflection.setPlainText(data.reflection)
        finally:
            self._filling = False
        self._fill_rooms(data.room_id)
        self._fill_volunteers(tuple(data.volunteer_ids))
        self.scroll_area.verticalScrollBar().setValue(0)

    # --- the timetable ------------------------------------------------------------------------------------------

    def chosen_day(self) -> dt.date:
        return self.day.date().toPython()  # type: ignore[return-value]

    def _date_changed(self) -> None:
        if not self._filling:
            if self.editing is None:
                self._link = None  # another day: the session picked for the first one is not this day's
            self._load_sessions()

    def _load_sessions(self) -> None:
        day = self.chosen_day()
        found = self.ops.run(
            lambda: activities.planned_sessions(self.ctx, day, day), refused=lambda _exc: None
        ).value
        self.planned = list(found or [])
        self._filling = True
        try:
            self.session.clear()
            self.session.addItem(self.tr("（不是课表上的课）"), NOT_FROM_TIMETABLE)
            mine = self._link
            for n, p in enumerate(self.planned):
                text = f"{p.start:%H:%M}–{p.end:%H:%M} {p.title}"
                if p.volunteers:
                    text += f"（{'、'.join(p.volunteers)}）"
                current = mine is not None and (p.session_id, p.slot_date) == mine
                if p.recorded and not current:
                    text += self.tr("（已记录）")
                self.session.addItem(text, n)
                if p.recorded and not current:
                    item = self.session.model().item(self.session.count() - 1)  # type: ignore[attr-defined]
                    item.setEnabled(False)
                if current:
                    self.session.setCurrentIndex(self.session.count() - 1)
            if self.planned:
                self.session.setToolTip(
                    self.tr("这一天课表上有 %1 节课，选一节自动填好").replace("%1", str(len(self.planned)))
                )
        finally:
            self._filling = False

    def _session_chosen(self) -> None:
        if self._filling:
            return
        index = self.session.currentData()
        if index is None or index == NOT_FROM_TIMETABLE:
            if self.editing is None:
                self._link = None
            return
        planned = self.planned[int(index)]
        draft = self.ops.run(
            lambda: activities.draft_from_session(self.ctx, planned.session_id, planned.slot_date),
            refused=self.message,
        ).value
        if draft is None:
            return
        self._link = (planned.session_id, planned.slot_date)
        for volunteer_id, name in zip(planned.volunteer_ids, planned.volunteers, strict=False):
            self.volunteer_names.setdefault(volunteer_id, name)
        keep_notes = self.description.toPlainText().strip() or self.reflection.toPlainText().strip()
        if keep_notes:  # what was typed already is not thrown away
            draft = dataclasses.replace(
                draft, description=self.description.toPlainText(), reflection=self.reflection.toPlainText()
            )
        self._fill_fields(draft)
        show_message(
            self.message,
            self.tr("已按课表填好：%1 %2")
            .replace("%1", draft.title)
            .replace(
                "%2",
                time_range_text(draft.start_time, draft.end_time),  # type: ignore[arg-type]
            ),
            ok=True,
        )
        self.title.setFocus()

    # --- saving -------------------------------------------------------------------------------------------------

    def typed(self) -> ActivityInput:
        link = self._link
        return ActivityInput(
            title=self.title.text(),
            on_date=self.chosen_day(),
            kind=str(self.kind.currentData()),
            start_time=self.start.text(),
            end_time=self.end.text(),
            room_id=self.room.currentData(),
            volunteer_ids=self.volunteer_ids(),
            description=self.description.toPlainText(),
            reflection=self.reflection.toPlainText(),
            session_id=link[0] if link else None,
            slot_date=link[1] if link else None,
        )

    def save(self) -> ActivityDetail | None:
        data = self.typed()
        editing = self.editing
        if editing is None:
            call = lambda: activities.create_activity(self.ctx, data)  # noqa: E731
        else:
            call = lambda: activities.update_activity(self.ctx, editing.id, data)  # noqa: E731
        saved = self.ops.run(call, changes=CHANGES, refused=self._refused).value
        if saved is None:
            return None
        self.editing = saved
        self.saved.emit(saved)
        return saved

    def _refused(self, exc: DomainError) -> None:
        show_message(self.message, problem_text(exc))
