"""新建课表 / 修改课表: a term's weekly timetable or a summer programme — its name, dates and periods (the rows of
the week grid) — in the panel beside the grid. A new one starts from the kind's periods; the periods are a small
table (名称, 开始, 结束) typed like a spreadsheet. Longer dates repeat the weekly sessions further, so the service
checks the clashes again: a new clash shows here and needs a reason to save anyway."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain import timetable as tt
from center_app.domain.errors import DomainError, ValidationError
from center_app.services import volunteers
from center_app.services.volunteers import ClashRefused, ProgrammeInfo
from center_app.ui.events import Area
from center_app.ui.operations import Operations
from center_app.ui.pages.volunteers_timetable_form import from_qdate, to_qdate
from center_app.ui.widgets.forms import choices, line_edit, problem_text, select_data
from center_app.ui.widgets.headings import heading
from center_app.ui.widgets.messages import show_message

NEW_PROGRAMME_WEEKS = 16


class ProgrammeForm(QWidget):
    saved = Signal(object)  # ProgrammeInfo
    closed = Signal()

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("volunteersProgrammeForm")
        self.ctx = ctx
        self.ops = ops
        self.programme: ProgrammeInfo | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 4, 8, 4)
        outer.setSpacing(6)
        self.title_label = heading(self.tr("新建课表"), size=2)
        self.title_label.setObjectName("volunteersProgrammeFormTitle")
        outer.addWidget(self.title_label)
        # The fields scroll on a small screen; the buttons and the message stay in sight.
        scroll = QScrollArea()
        scroll.setObjectName("volunteersProgrammeFields")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        fields = QVBoxLayout(inner)
        fields.setContentsMargins(0, 0, 4, 0)
        fields.setSpacing(6)
        form = QFormLayout()
        form.setSpacing(5)
        self.name = line_edit("volunteersProgrammeName", tt.PROGRAMME_NAME_MAX, self.tr("如：2026年秋季学期"))
        form.addRow(self.tr("名称"), self.name)
        self.kind = choices(
            "volunteersProgrammeKind",
            [(self.tr("学期课表（每周）"), "weekly"), (self.tr("暑期课表"), "summer")],
        )
        form.addRow(self.tr("类型"), self.kind)
        self.starts = QDateEdit()
        self.starts.setObjectName("volunteersProgrammeStart")
        self.ends = QDateEdit()
        self.ends.setObjectName("volunteersProgrammeEnd")
        for edit in (self.starts, self.ends):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
        form.addRow(self.tr("开始"), self.starts)
        form.addRow(self.tr("结束"), self.ends)
        fields.addLayout(form)
        fields.addWidget(QLabel(self.tr("每天的节次（课表的行）：")))
        self.periods = QTableWidget(0, 3)
        self.periods.setObjectName("volunteersProgrammePeriods")
        self.periods.setHorizontalHeaderLabels([self.tr("名称"), self.tr("开始"), self.tr("结束")])
        self.periods.verticalHeader().hide()
        self.periods.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.periods.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.periods.setTabKeyNavigation(False)
        self.periods.setMinimumHeight(140)
        fields.addWidget(self.periods, 1)
        rows = QHBoxLayout()
        self.add_period = QPushButton(self.tr("加一节"))
        self.add_period.setObjectName("volunteersProgrammeAddPeriod")
        self.add_period.clicked.connect(self._add_period)
        self.remove_period = QPushButton(self.tr("删去所选的节"))
        self.remove_period.setObjectName("volunteersProgrammeRemovePeriod")
        self.remove_period.clicked.connect(self._remove_period)
        rows.addWidget(self.add_period)
        rows.addWidget(self.remove_period)
        rows.addStretch(1)
        fields.addLayout(rows)
        self.reason_label = QLabel(self.tr("改动后有新的冲突。确需这样安排，请填写理由再保存："))
        self.reason_label.setObjectName("volunteersProgrammeReasonLabel")
        self.reason_label.setWordWrap(True)
        fields.addWidget(self.reason_label)
        self.reason = line_edit("volunteersProgrammeReason", tt.REASON_MAX, self.tr("理由（会记入审计日志）"))
        fields.addWidget(self.reason)
        scroll.setWidget(inner)
        outer.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存 (Ctrl+S)"))
        self.save_button.setObjectName("volunteersProgrammeSave")
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("关闭 (Esc)"))
        self.cancel_button.setObjectName("volunteersProgrammeCancel")
        self.cancel_button.clicked.connect(self.closed.emit)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("volunteersProgrammeMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.message)

        save = QShortcut(QKeySequence("Ctrl+S"), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        close = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        close.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        close.activated.connect(self.closed.emit)
        self.name.returnPressed.connect(lambda: self.kind.setFocus())
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self._show_reason(False)

    # --- opening ----------------------------------------------------------------------------------------------

    def open_new(self, today: dt.date) -> None:
        self.programme = None
        self.title_label.setText(self.tr("新建课表"))
        self.name.clear()
        select_data(self.kind, "weekly")
        self.starts.setDate(to_qdate(today))
        self.ends.setDate(to_qdate(today + dt.timedelta(weeks=NEW_PROGRAMME_WEEKS, days=-1)))
        self._set_periods(tt.DEFAULT_PERIODS["weekly"])
        self._opened()

    def open_edit(self, programme: ProgrammeInfo) -> None:
        self.programme = programme
        self.title_label.setText(self.tr("修改课表"))
        self.name.setText(programme.name)
        self.kind.blockSignals(True)
        select_data(self.kind, programme.kind)
        self.kind.blockSignals(False)
        self.starts.setDate(to_qdate(programme.starts_on))
        self.ends.setDate(to_qdate(programme.ends_on))
        self._set_periods(programme.periods)
        self._opened()

    def _opened(self) -> None:
        self.message.clear()
        self.reason.clear()
        self._show_reason(False)
        self.show()
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)
        self.name.selectAll()

    def _kind_changed(self) -> None:
        if self.programme is None:  # a new programme starts from its kind's periods
            self._set_periods(tt.DEFAULT_PERIODS[self.kind.currentData()])

    def _show_reason(self, on: bool) -> None:
        self.reason_label.setVisible(on)
        self.reason.setVisible(on)

    # --- periods ----------------------------------------------------------------------------------------------

    def _set_periods(self, periods: tuple[tt.Period, ...] | list[tt.Period]) -> None:
        self.periods.setRowCount(0)
        for p in periods:
            self._append(p.label, tt.hm(p.start), tt.hm(p.end))

    def _append(self, label: str, start: str, end: str) -> None:
        row = self.periods.rowCount()
        self.periods.insertRow(row)
        for column, text in enumerate((label, start, end)):
            self.periods.setItem(row, column, QTableWidgetItem(text))

    def _add_period(self) -> None:
        self._append(self.tr("第%1节").replace("%1", str(self.periods.rowCount() + 1)), "", "")
        self.periods.setCurrentCell(self.periods.rowCount() - 1, 1)
        self.periods.setFocus()

    def _remove_period(self) -> None:
        row = self.periods.currentRow()
        if row >= 0:
            self.periods.removeRow(row)

    def period_list(self) -> list[tt.Period]:
        """The table as periods; a time that cannot be read refuses the whole form with its row."""
        problems: list[str] = []
        periods: list[tt.Period] = []
        for row in range(self.periods.rowCount()):
            texts = [
                (item.text() if (item := self.periods.item(row, column)) is not None else "").strip()
                for column in range(3)
            ]
            if not any(texts):
                continue
            try:
                start, end = tt.parse_time(texts[1]), tt.parse_time(texts[2])
            except ValidationError as exc:
                problems.append(
                    self.tr("第 %1 行：%2").replace("%1", str(row + 1)).replace("%2", exc.message)
                )
                continue
            periods.append(tt.Period(len(periods) + 1, texts[0] or f"{len(periods) + 1}", start, end))
        if problems:
            raise ValidationError(self.tr("节次的时间有误。"), problems)
        return periods

    # --- saving -----------------------------------------------------------------------------------------------

    def _refused(self, exc: DomainError) -> None:
        show_message(
            self.message, problem_text(exc) + (f"\n{exc.details}" if isinstance(exc, ClashRefused) else "")
        )
        if isinstance(exc, ClashRefused):
            self._show_reason(True)
            self.reason.setFocus()

    def save(self) -> ProgrammeInfo | None:
        name, kind = self.name.text(), self.kind.currentData()
        starts, ends = from_qdate(self.starts.date()), from_qdate(self.ends.date())
        programme = self.programme
        reason = self.reason.text() if self.reason.isVisible() else ""

        def call() -> ProgrammeInfo:
            periods = self.period_list()
            if programme is None:
                return volunteers.create_programme(self.ctx, name, kind, starts, ends, periods)
            return volunteers.update_programme(
                self.ctx, programme.id, name, kind, starts, ends, periods, override_reason=reason
            )

        saved = self.ops.run(call, changes=Area.VOLUNTEERS, refused=self._refused).value
        if saved is None:
            return None
        self.saved.emit(saved)
        return saved
