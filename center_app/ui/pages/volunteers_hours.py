"""服务时长: the volunteers page's hours tab — review what is pending, sign in and out of a session or confirm its
planned time, correct a record, and the totals per volunteer and per organisation for a period, to Excel.

::

    期间 [2026-07-01]–[2026-07-31] [本月][本学期][暑期]               [按志愿者 ▾] [导出 Excel…]
    ┌ 服务时长记录 [待审核 ▾] ─────────────────┐┌ 课次签到 ───────────────────────┐
    │ 日期 志愿者 单位 内容 时长 来源 状态       ││ [日期] [课次 ▾] [志愿者 ▾]       │
    │ …                                         ││ [签到] [签退] [按计划确认]        │
    │ [核定] [不通过…] [修改时长…]              │├ 合计 [按志愿者 ▾] ──────────────┤
    │ (the reason / correction box)              ││ 志愿者 单位 已核定 待审核 次数    │
    └───────────────────────────────────────────┘└─────────────────────────────────┘

The panel contract of the page's tabs: ``VolunteersHoursTab(ctx, ops)``, ``stale``, ``refresh()``,
``focus_first()``, no scanner input. Every rule is the volunteers service's (``hours``): who may sign whom in, when,
what may be approved, that a rejection needs its reason, that nobody reviews their own hours. The tab collects the
choice and shows what the service said. 待审核 lists every pending record whatever its date (nothing waits unseen
because it is last month's); the other filters and the totals follow the period. A teacher sees their own hours and
signs themselves in and out; reviewing, confirming and exporting are staff's (the buttons are off and say why).

Test seams: ``tab.now`` (the clock signing in reads), ``tab.choose_export_file``.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain.errors import DomainError
from center_app.domain.permissions import WRITE, allowed, denied_message
from center_app.domain.states import HoursSource, HoursStatus, ProgrammeKind
from center_app.services import volunteers
from center_app.services.volunteers import HoursRow, HoursTotals, OccurrenceInfo, ProgrammeInfo
from center_app.ui import workers
from center_app.ui.events import Area
from center_app.ui.i18n import format_date
from center_app.ui.models.rows import Index, RowsTableModel
from center_app.ui.operations import Operations
from center_app.ui.pages.list_page import ListExport
from center_app.ui.pages.volunteer_form import hours_label, hours_short
from center_app.ui.widgets.forms import bold_heading
from center_app.ui.widgets.messages import ERROR_STYLE, show_message
from center_app.ui.widgets.tables import read_only_table, table_item
from center_app.ui.workers import Job

translate = QCoreApplication.translate
AREA = "volunteers"
AMBER = QColor("#b45309")
GREY = QColor("#94a3b8")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def status_labels() -> dict[str, str]:
    return {
        HoursStatus.PENDING: translate("VolunteersHours", "待审核"),
        HoursStatus.APPROVED: translate("VolunteersHours", "已核定"),
        HoursStatus.REJECTED: translate("VolunteersHours", "未通过"),
    }


def source_labels() -> dict[str, str]:
    return {
        HoursSource.SIGNED: translate("VolunteersHours", "签到签退"),
        HoursSource.PLANNED: translate("VolunteersHours", "按计划确认"),
        HoursSource.MANUAL: translate("VolunteersHours", "手工登记"),
    }


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


# =========================================================================================== the period


def month_of(today: dt.date) -> tuple[dt.date, dt.date]:
    first = today.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, following - dt.timedelta(days=1)


def term_of(today: dt.date, programmes: Sequence[ProgrammeInfo]) -> tuple[dt.date, dt.date]:
    """本学期: the term programme running today (or the last one begun), else the school half-year: spring
    February–June (still the term just ended in July and August), autumn September–January."""
    terms = [p for p in programmes if p.kind == ProgrammeKind.WEEKLY and p.starts_on <= today]
    running = [p for p in terms if today <= p.ends_on]
    chosen = running or sorted(terms, key=lambda p: p.starts_on)[-1:]
    if chosen:
        return chosen[0].starts_on, chosen[0].ends_on
    if today.month >= 9:
        return dt.date(today.year, 9, 1), dt.date(today.year + 1, 1, 31)
    if today.month == 1:
        return dt.date(today.year - 1, 9, 1), dt.date(today.year, 1, 31)
    return dt.date(today.year, 2, 1), dt.date(today.year, 6, 30)


def summer_of(today: dt.date, programmes: Sequence[ProgrammeInfo]) -> tuple[dt.date, dt.date]:
    """暑期: this year's summer programme (the last one of the year), else July and August of this year."""
    summers = [p for p in programmes if p.kind == ProgrammeKind.SUMMER and p.starts_on.year == today.year]
    if summers:
        chosen = sorted(summers, key=lambda p: p.starts_on)[-1]
        return chosen.starts_on, chosen.ends_on
    return dt.date(today.year, 7, 1), dt.date(today.year, 8, 31)


class PeriodPicker(QWidget):
    """期间 from–to with the presets 本月, 本学期, 暑期 (the programmes the centre laid out, when it has them).
    ``changed`` after either date or a preset changed the period. objectNames: ``prefix`` + ``From``, ``To``,
    ``ThisMonth``, ``Term``, ``Summer``."""

    changed = Signal()

    def __init__(
        self,
        prefix: str,
        today: Callable[[], dt.date],
        *,
        presets_below: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.today = today
        self.programmes: list[ProgrammeInfo] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        row = QHBoxLayout()
        row.setSpacing(6)
        outer.addLayout(row)
        row.addWidget(QLabel(self.tr("期间：")))
        self.first = self._date_edit(prefix + "From")
        self.last = self._date_edit(prefix + "To")
        row.addWidget(self.first)
        row.addWidget(QLabel(self.tr("至")))
        row.addWidget(self.last)
        #: where the presets are (the caller may add one of its own): beside the dates, or on a row below
        self.preset_row = row
        if presets_below:
            row.addStretch(1)
            self.preset_row = QHBoxLayout()
            self.preset_row.setSpacing(6)
            outer.addLayout(self.preset_row)
        self.presets: dict[str, QPushButton] = {}
        for key, name, text in (
            ("month", "ThisMonth", self.tr("本月")),
            ("term", "Term", self.tr("本学期")),
            ("summer", "Summer", self.tr("暑期")),
        ):
            button = QPushButton(text)
            button.setObjectName(prefix + name)
            button.setMaximumWidth(button.fontMetrics().horizontalAdvance(text) + 28)  # no 80 px minimum
            button.clicked.connect(lambda _checked=False, k=key: self.choose(k))
            self.presets[key] = button
            self.preset_row.addWidget(button)
        if presets_below:
            self.preset_row.addStretch(1)
        self.presets["term"].setToolTip(self.tr("学期课表的日期；没有学期课表时按春季 2–6 月、秋季 9–1 月"))
        self.presets["summer"].setToolTip(self.tr("今年暑期课表的日期；没有时按 7–8 月"))
        first, last = month_of(today())
        self.set_period(first, last, quiet=True)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("2026-07-06") + 44)
        edit.dateChanged.connect(lambda _d: self.changed.emit())
        return edit

    def period(self) -> tuple[dt.date, dt.date]:
        return pydate(self.first.date()), pydate(self.last.date())

    def set_period(self, first: dt.date, last: dt.date, *, quiet: bool = False) -> None:
        for edit, day in ((self.first, first), (self.last, last)):
            edit.blockSignals(True)
            edit.setDate(qdate(day))
            edit.blockSignals(False)
        if not quiet:
            self.changed.emit()

    def choose(self, preset: str) -> tuple[dt.date, dt.date]:
        """``month``, ``term`` or ``summer``: set that period (and say it changed)."""
        today = self.today()
        if preset == "term":
            first, last = term_of(today, self.programmes)
        elif preset == "summer":
            first, last = summer_of(today, self.programmes)
        else:
            first, last = month_of(today)
        self.set_period(first, last)
        return first, last


# =========================================================================================== the records


class HoursTableModel(RowsTableModel[HoursRow]):
    """日期 志愿者 单位/学校 内容 时长 来源 状态."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("日期"),
                self.tr("志愿者"),
                self.tr("单位/学校"),
                self.tr("内容"),
                self.tr("时长"),
                self.tr("来源"),
                self.tr("状态"),
            ],
            parent,
        )
        self.statuses = status_labels()
        self.sources = source_labels()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.status == HoursStatus.REJECTED:
                return GREY
            if column == 6 and row.status == HoursStatus.PENDING:
                return AMBER
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row) or None
        return None

    def _text(self, row: HoursRow, column: int) -> str:
        if column == 0:
            return format_date(row.on_date)
        if column == 1:
            return row.volunteer
        if column == 2:
            return row.organisation
        if column == 3:
            return row.description
        if column == 4:
            if row.minutes <= 0 and row.signed_in_at is not None:
                return self.tr("%1 签到").replace("%1", f"{row.signed_in_at:%H:%M}")
            return hours_label(row.minutes)
        if column == 5:
            return self.sources.get(row.source, row.source)
        return self.statuses.get(row.status, row.status)

    def _tooltip(self, row: HoursRow) -> str:
        lines = [row.description]
        if row.signed_in_at is not None:
            signed = self.tr("签到 %1").replace("%1", f"{row.signed_in_at:%H:%M}")
            if row.signed_out_at is not None:
                signed += self.tr("，签退 %1").replace("%1", f"{row.signed_out_at:%H:%M}")
            lines.append(signed)
        if row.reviewed_by:
            lines.append(self.tr("审核：%1").replace("%1", row.reviewed_by))
        if row.review_note:
            lines.append(self.tr("说明：%1").replace("%1", row.review_note))
        return "\n".join(lines)


# =========================================================================================== the tab


class VolunteersHoursTab(QWidget):
    """服务时长 (see the module doc). The volunteers page's shell sets ``stale`` and calls ``refresh()``."""

    #: this tab takes no scans
    scan_input = None

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("volunteersHoursTab")
        self.ctx = ctx
        self.ops = ops
        self.stale = True
        role = ctx.actor.role
        self.can_write = allowed(role, AREA, WRITE)
        self.why_not = denied_message(role, AREA, WRITE)
        # Seams the tests replace: the clock (signing in is for an occurrence's time) and the file dialog.
        self.now: Callable[[], dt.datetime] = dt.datetime.now
        self.choose_export_file: Callable[[], str] = lambda: QFileDialog.getSaveFileName(
            self,
            self.tr("导出服务时长"),
            str(self._export_name()),
            self.tr("Excel 文件 (*.xlsx)"),
        )[0]
        self.occurrences: list[OccurrenceInfo] = []
        self.day_hours: list[HoursRow] = []
        self.totals: HoursTotals | None = None
        self._review_kind = ""  # "reject" or "correct" while the review box is open

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 8)
        outer.setSpacing(8)
        outer.addLayout(self._build_top())
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("volunteersHoursSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_records())
        self.splitter.addWidget(self._build_side())
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([640, 430])
        outer.addWidget(self.splitter, 1)
        self.message = QLabel()
        self.message.setObjectName("volunteersHoursMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.message)

        for key, slot in (("Ctrl+Return", self.approve), ("Escape", self.escape)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=slot: s())
        if not self.can_write:
            for widget in (
                self.approve_button,
                self.reject_button,
                self.correct_button,
                self.confirm_button,
                self.export_button,
                self.export_by,
            ):
                widget.setEnabled(False)
                widget.setToolTip(self.why_not)
            show_message(
                self.message,
                self.tr("这里只显示你自己的服务时长；上课时在右边签到、签退，社工审核后计入。"),
                error=False,
            )
        self._update_buttons()

    # --- building -----------------------------------------------------------------------------------------

    def _build_top(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.period = PeriodPicker("volunteersHours", lambda: self.now().date())
        self.period.changed.connect(self._period_changed)
        row.addWidget(self.period)
        row.addStretch(1)
        self.export_by = QComboBox()
        self.export_by.setObjectName("volunteersHoursExportBy")
        for text, value in (
            (self.tr("按志愿者"), "volunteers"),
            (self.tr("按单位"), "organisations"),
            (self.tr("逐条记录"), "records"),
        ):
            self.export_by.addItem(text, value)
        self.export_button = QPushButton(self.tr("导出 Excel…"))
        self.export_button.setObjectName("volunteersHoursExport")
        self.export_button.clicked.connect(lambda: self.export())
        self.export_progress = QProgressBar()
        self.export_progress.setObjectName("volunteersHoursProgress")
        self.export_progress.setRange(0, 0)
        self.export_progress.setMaximumWidth(120)
        self.export_progress.hide()
        self.exporter = ListExport("export:service_hours", self.ctx.data_dir.logs, self)
        self.exporter.ended.connect(self._export_ended)
        self.exporter.finished.connect(self._exported)
        self.exporter.failed.connect(lambda text: show_message(self.message, text))
        self.export_path: Path | None = None
        row.addWidget(self.export_by)
        row.addWidget(self.export_button)
        row.addWidget(self.export_progress)
        return row

    def _build_records(self) -> QWidget:
        box = QWidget()
        box.setObjectName("volunteersHoursRecords")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(6)
        head = QHBoxLayout()
        head.addWidget(bold_heading(self.tr("服务时长记录"), size=1))
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("volunteersHoursStatusFilter")
        for text, value in (
            (self.tr("待审核（不限期间）"), HoursStatus.PENDING.value),
            (self.tr("已核定"), HoursStatus.APPROVED.value),
            (self.tr("未通过"), HoursStatus.REJECTED.value),
            (self.tr("全部"), None),
        ):
            self.status_filter.addItem(text, value)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.load_records())
        head.addWidget(self.status_filter)
        self.count_label = QLabel()
        self.count_label.setObjectName("volunteersHoursCount")
        self.count_label.setStyleSheet("color: #334155;")
        head.addWidget(self.count_label, 1)
        layout.addLayout(head)

        self.table = QTableView()
        self.table.setObjectName("volunteersHoursTable")
        self.model = HoursTableModel(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for column, width in ((0, 130), (1, 64), (2, 84), (4, 110), (5, 84), (6, 56)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda _a, _b: self._update_buttons())
        layout.addWidget(self.table, 1)

        actions = QHBoxLayout()
        self.approve_button = QPushButton(self.tr("核定  Ctrl+Enter"))
        self.approve_button.setObjectName("volunteersHoursApprove")
        self.approve_button.setToolTip(self.tr("选中的待审核记录计入服务时长（可按住 Ctrl 多选）"))
        self.approve_button.clicked.connect(lambda: self.approve())
        self.reject_button = QPushButton(self.tr("不通过…"))
        self.reject_button.setObjectName("volunteersHoursReject")
        self.reject_button.clicked.connect(lambda: self.open_review("reject"))
        self.correct_button = QPushButton(self.tr("修改时长…"))
        self.correct_button.setObjectName("volunteersHoursCorrect")
        self.correct_button.clicked.connect(lambda: self.open_review("correct"))
        for button in (self.approve_button, self.reject_button, self.correct_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)
        layout.addWidget(self._build_review())
        return box

    def _build_review(self) -> QFrame:
        """The box under the records where the reason of a rejection, or a correction, is written."""
        self.review = QFrame()
        self.review.setObjectName("volunteersHoursReview")
        self.review.setStyleSheet(
            "QFrame#volunteersHoursReview { background: #fef9c3; border: 1px solid #facc15; border-radius: 6px; }"
        )
        layout = QVBoxLayout(self.review)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(4)
        self.review_text = QLabel()
        self.review_text.setObjectName("volunteersHoursReviewText")
        self.review_text.setWordWrap(True)
        layout.addWidget(self.review_text)
        row = QHBoxLayout()
        self.minutes = QSpinBox()
        self.minutes.setObjectName("volunteersHoursMinutes")
        self.minutes.setRange(1, 24 * 60)
        self.minutes.setSuffix(self.tr(" 分钟"))
        self.minutes_label = QLabel(self.tr("改为"))
        row.addWidget(self.minutes_label)
        row.addWidget(self.minutes)
        self.reason = QLineEdit()
        self.reason.setObjectName("volunteersHoursReason")
        self.reason.setMaxLength(400)
        self.reason.returnPressed.connect(lambda: self.finish_review())
        row.addWidget(self.reason, 1)
        self.review_ok = QPushButton()
        self.review_ok.setObjectName("volunteersHoursReviewOk")
        self.review_ok.clicked.connect(lambda: self.finish_review())
        self.review_cancel = QPushButton(self.tr("取消"))
        self.review_cancel.setObjectName("volunteersHoursReviewCancel")
        self.review_cancel.setToolTip("Esc")
        self.review_cancel.clicked.connect(self.close_review)
        row.addWidget(self.review_ok)
        row.addWidget(self.review_cancel)
        layout.addLayout(row)
        self.review_problem = QLabel()
        self.review_problem.setObjectName("volunteersHoursReviewProblem")
        self.review_problem.setWordWrap(True)
        self.review_problem.setStyleSheet(ERROR_STYLE)
        self.review_problem.hide()
        layout.addWidget(self.review_problem)
        self.review.hide()
        return self.review

    def _build_side(self) -> QWidget:
        side = QWidget()
        side.setObjectName("volunteersHoursSide")
        side.setMinimumWidth(400)
        layout = QVBoxLayout(side)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.setSpacing(8)

        session = QGroupBox(self.tr("课次签到"))
        session.setObjectName("volunteersHoursSession")
        box = QVBoxLayout(session)
        box.setSpacing(6)
        first = QHBoxLayout()
        self.day = QDateEdit()
        self.day.setObjectName("volunteersHoursDay")
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setCalendarPopup(True)
        self.day.setDate(qdate(self.now().date()))
        self.day.dateChanged.connect(lambda _d: self.load_occurrences())
        self.occurrence = QComboBox()
        self.occurrence.setObjectName("volunteersHoursOccurrence")
        self.occurrence.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.occurrence.setMinimumContentsLength(12)
        self.occurrence.currentIndexChanged.connect(lambda _i: self._occurrence_changed())
        first.addWidget(self.day)
        first.addWidget(self.occurrence, 1)
        box.addLayout(first)
        second = QHBoxLayout()
        self.volunteer = QComboBox()
        self.volunteer.setObjectName("volunteersHoursVolunteer")
        self.volunteer.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.volunteer.setMinimumContentsLength(10)
        self.volunteer.currentIndexChanged.connect(lambda _i: self._update_buttons())
        second.addWidget(self.volunteer, 1)
        box.addLayout(second)
        third = QHBoxLayout()
        self.sign_in_button = QPushButton(self.tr("签到"))
        self.sign_in_button.setObjectName("volunteersHoursSignIn")
        self.sign_in_button.clicked.connect(lambda: self.sign_in())
        self.sign_out_button = QPushButton(self.tr("签退"))
        self.sign_out_button.setObjectName("volunteersHoursSignOut")
        self.sign_out_button.clicked.connect(lambda: self.sign_out())
        self.confirm_button = QPushButton(self.tr("按计划确认"))
        self.confirm_button.setObjectName("volunteersHoursConfirm")
        self.confirm_button.setToolTip(
            self.tr(
                "课已经上完：按课表的时间给选中的志愿者（或全体）记时长，待审核。已签到签退的保留签到的时间。"
            )
        )
        self.confirm_button.clicked.connect(lambda: self.confirm())
        for button in (self.sign_in_button, self.sign_out_button, self.confirm_button):
            third.addWidget(button)
        third.addStretch(1)
        box.addLayout(third)
        self.session_state = QLabel()
        self.session_state.setObjectName("volunteersHoursSessionState")
        self.session_state.setWordWrap(True)
        self.session_state.setStyleSheet("color: #475569;")
        box.addWidget(self.session_state)
        layout.addWidget(session)

        head = QHBoxLayout()
        head.addWidget(bold_heading(self.tr("合计"), size=1))
        self.totals_by = QComboBox()
        self.totals_by.setObjectName("volunteersHoursTotalsBy")
        self.totals_by.addItem(self.tr("按志愿者"), "volunteers")
        self.totals_by.addItem(self.tr("按单位"), "organisations")
        self.totals_by.currentIndexChanged.connect(lambda _i: self._fill_totals())
        head.addWidget(self.totals_by)
        head.addStretch(1)
        layout.addLayout(head)
        self.totals_table = QTableWidget(0, 5)
        self.totals_table.setObjectName("volunteersHoursTotals")
        read_only_table(self.totals_table, [""] * 5)
        self.totals_table.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.totals_table.setWordWrap(False)
        self.totals_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.totals_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.totals_table, 1)
        self.totals_summary = QLabel()
        self.totals_summary.setObjectName("volunteersHoursTotalsSummary")
        self.totals_summary.setWordWrap(True)
        layout.addWidget(self.totals_summary)
        return side

    # --- the panel contract --------------------------------------------------------------------------------

    def focus_first(self) -> None:
        self.table.setFocus()
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.stale:
            self.refresh()  # the page's shell does this too; a tab shown on its own needs it

    def refresh(self) -> None:
        """Read the programmes (for the presets), the records, the totals and the day's sessions again."""
        programmes = self.ops.run(lambda: volunteers.list_programmes(self.ctx), refused=self.message).value
        self.period.programmes = list(programmes or [])
        self.load_records()
        self.load_totals()
        self.load_occurrences()
        self.stale = False

    def _period_changed(self) -> None:
        self.load_records()
        self.load_totals()

    # --- the records ----------------------------------------------------------------------------------------

    def load_records(self) -> list[HoursRow]:
        status = self.status_filter.currentData()
        first, last = self.period.period()
        pending = status == HoursStatus.PENDING
        kept = set(self.selected_ids())
        rows = self.ops.run(
            lambda: volunteers.list_hours(
                self.ctx,
                status=status,
                first=None if pending else first,
                last=None if pending else last,
            ),
            refused=self.message,
        ).value
        if rows is None:
            return []
        self.model.set_rows(rows)
        for n, row in enumerate(rows):
            if row.id in kept:
                self.table.selectionModel().select(
                    self.model.index(n, 0),
                    self.table.selectionModel().SelectionFlag.Select
                    | self.table.selectionModel().SelectionFlag.Rows,
                )
        minutes = sum(r.minutes for r in rows)
        self.count_label.setText(
            self.tr("%1 条，%2").replace("%1", str(len(rows))).replace("%2", hours_label(minutes))
        )
        self._update_buttons()
        return rows

    def selected_rows(self) -> list[HoursRow]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.rows[r] for r in rows if r < len(self.model.rows)]

    def selected_ids(self) -> list[int]:
        return [r.id for r in self.selected_rows()]

    def select_ids(self, ids: Sequence[int]) -> None:
        """Select these records (tests; a person clicks with Ctrl)."""
        selection = self.table.selectionModel()
        selection.clear()
        for n, row in enumerate(self.model.rows):
            if row.id in ids:
                selection.select(
                    self.model.index(n, 0), selection.SelectionFlag.Select | selection.SelectionFlag.Rows
                )

    def _update_buttons(self) -> None:
        rows = self.selected_rows()
        pending = [r for r in rows if r.status == HoursStatus.PENDING]
        write = self.can_write
        self.approve_button.setEnabled(write and bool(pending) and len(pending) == len(rows))
        self.reject_button.setEnabled(write and bool(pending) and len(pending) == len(rows))
        self.correct_button.setEnabled(
            write and len(rows) == 1 and rows[0].status != HoursStatus.REJECTED and rows[0].minutes > 0
        )
        occurrence = self.current_occurrence()
        person = self.volunteer.currentData()
        self.sign_in_button.setEnabled(occurrence is not None and person is not None)
        self.sign_out_button.setEnabled(occurrence is not None and person is not None)
        self.confirm_button.setEnabled(write and occurrence is not None)

    # --- review -------------------------------------------------------------------------------------------

    def approve(self) -> list[HoursRow]:
        """Approve the selected pending records (all or none: the service says which one cannot be)."""
        ids = self.selected_ids()
        if not self.approve_button.isEnabled() or not ids:
            return []
        done = self.ops.run(
            lambda: volunteers.approve_hours(self.ctx, ids), changes=Area.VOLUNTEERS, refused=self.message
        ).value
        if done is None:
            return []
        minutes = sum(r.minutes for r in done)
        show_message(
            self.message,
            self.tr("已核定 %1 条，共 %2。")
            .replace("%1", str(len(done)))
            .replace("%2", hours_label(minutes)),
            ok=True,
        )
        self._changed()
        return done

    def open_review(self, kind: str) -> None:
        """``reject``: the reason is asked; ``correct``: the minutes and the reason."""
        rows = self.selected_rows()
        button = self.reject_button if kind == "reject" else self.correct_button
        if not rows or not button.isEnabled():
            return
        self._review_kind = kind
        correcting = kind == "correct"
        self.minutes.setVisible(correcting)
        self.minutes_label.setVisible(correcting)
        self.review_problem.hide()
        self.reason.clear()
        if correcting:
            row = rows[0]
            self.minutes.setValue(max(1, min(row.minutes, self.minutes.maximum())))
            self.review_text.setText(
                self.tr("修改 %1 %2“%3”的时长（现在 %4）。请写明原因：")
                .replace("%1", row.volunteer)
                .replace("%2", format_date(row.on_date))
                .replace("%3", row.description)
                .replace("%4", hours_label(row.minutes))
            )
            self.reason.setPlaceholderText(self.tr("如 提前一小时离开"))
            self.review_ok.setText(self.tr("保存修改"))
        else:
            self.review_text.setText(
                self.tr("%1 条记录不通过。请写明原因（志愿者会看到）：").replace("%1", str(len(rows)))
            )
            self.reason.setPlaceholderText(self.tr("如 当天未到中心"))
            self.review_ok.setText(self.tr("不通过"))
        self.review.show()
        (self.minutes if correcting else self.reason).setFocus()

    def close_review(self) -> None:
        self._review_kind = ""
        self.review.hide()
        self.table.setFocus()

    def finish_review(self) -> bool:
        """The box's OK: reject with the reason, or save the correction. A refusal is said in the box."""
        ids = self.selected_ids()
        if not self._review_kind or not ids:
            return False
        note = self.reason.text()
        if self._review_kind == "reject":
            done = self.ops.run(
                lambda: volunteers.reject_hours(self.ctx, ids, note),
                changes=Area.VOLUNTEERS,
                refused=self._review_refused,
            )
            if not done.ok or done.value is None:
                return False
            text = self.tr("已将 %1 条记录设为不通过。").replace("%1", str(len(done.value)))
        else:
            minutes = self.minutes.value()
            fixed = self.ops.run(
                lambda: volunteers.correct_hours(self.ctx, ids[0], minutes, note),
                changes=Area.VOLUNTEERS,
                refused=self._review_refused,
            )
            if not fixed.ok or fixed.value is None:
                return False
            row = fixed.value
            text = self.tr("已把 %1“%2”改为 %3。").replace("%1", row.volunteer).replace("%2", row.description)
            text = text.replace("%3", hours_label(row.minutes))
            if row.status == HoursStatus.APPROVED:
                text += " " + self.tr("为这段时间开过的服务证明将核验不通过，请重新开具。")
        self.close_review()
        show_message(self.message, text, ok=True)
        self._changed()
        return True

    def _review_refused(self, exc: DomainError) -> None:
        self.review_problem.setText(exc.message)
        self.review_problem.show()
        self.reason.setFocus()

    def escape(self) -> None:
        if self.review.isVisible():
            self.close_review()

    # --- a session's occurrence -------------------------------------------------------------------------

    def load_occurrences(self) -> None:
        """The sessions held on the chosen day (a teacher's own), and what each volunteer has recorded there."""
        day = pydate(self.day.date())
        found = self.ops.run(
            lambda: (
                volunteers.occurrences_between(self.ctx, day, day),
                volunteers.list_hours(self.ctx, first=day, last=day),
            ),
            refused=self.message,
        ).value
        chosen = self.current_occurrence()
        key = (chosen.session_id, chosen.slot_date) if chosen is not None else None
        self.occurrences, self.day_hours = (list(found[0]), list(found[1])) if found else ([], [])
        combo = self.occurrence
        combo.blockSignals(True)
        combo.clear()
        for n, o in enumerate(self.occurrences):
            text = f"{o.times} {o.title}" + (f"（{o.room}）" if o.room else "")
            combo.addItem(text, n)
        if not self.occurrences:
            combo.addItem(self.tr("这天没有课"), None)
        at = next(
            (n for n, o in enumerate(self.occurrences) if (o.session_id, o.slot_date) == key),
            self._nearest(),
        )
        combo.setCurrentIndex(max(0, at))
        combo.blockSignals(False)
        self._occurrence_changed()

    def _nearest(self) -> int:
        """The occurrence going on now, or the next one today, or the last one."""
        now = self.now()
        for n, o in enumerate(self.occurrences):
            if o.end >= now:
                return n
        return len(self.occurrences) - 1

    def current_occurrence(self) -> OccurrenceInfo | None:
        n = self.occurrence.currentData()
        return self.occurrences[n] if isinstance(n, int) and 0 <= n < len(self.occurrences) else None

    def choose_occurrence(self, session_id: int, slot_date: dt.date) -> bool:
        """Choose the day and the session (tests; a person picks them from the two boxes)."""
        self.day.setDate(qdate(slot_date))
        for n, o in enumerate(self.occurrences):
            if (o.session_id, o.slot_date) == (session_id, slot_date):
                self.occurrence.setCurrentIndex(n)
                return True
        return False

    def _record_of(self, o: OccurrenceInfo, volunteer_id: int) -> HoursRow | None:
        return next(
            (
                h
                for h in self.day_hours
                if h.session_id == o.session_id
                and h.slot_date == o.slot_date
                and h.volunteer_id == volunteer_id
            ),
            None,
        )

    def _state(self, row: HoursRow | None) -> str:
        if row is None:
            return self.tr("未记录")
        status = status_labels().get(row.status, row.status)
        if row.minutes <= 0 and row.signed_in_at is not None:
            return self.tr("%1 已签到").replace("%1", f"{row.signed_in_at:%H:%M}")
        how = source_labels().get(row.source, row.source)
        return f"{how} {hours_label(row.minutes)}（{status}）"

    def _occurrence_changed(self) -> None:
        o = self.current_occurrence()
        person = self.volunteer.currentData()
        combo = self.volunteer
        combo.blockSignals(True)
        combo.clear()
        if o is not None:
            if self.can_write:
                combo.addItem(self.tr("全体志愿者"), None)
            mine = self.ctx.actor.volunteer_id
            for vid, name in zip(o.volunteer_ids, o.volunteers, strict=False):
                if self.can_write or vid == mine:
                    combo.addItem(name, vid)
            at = combo.findData(person) if person is not None else -1
            combo.setCurrentIndex(
                max(0, at)
            )  # the one chosen before, else 全体 (staff) or oneself (a teacher)
            lines = [
                f"{name}：{self._state(self._record_of(o, vid))}"
                for vid, name in zip(o.volunteer_ids, o.volunteers, strict=False)
                if self.can_write or vid == mine
            ]
            where = " · ".join(p for p in (o.label, o.room, o.group) if p)
            self.session_state.setText("\n".join([where, *lines]))
        else:
            self.session_state.setText(self.tr("选一天，再选这天的一节课。"))
        combo.blockSignals(False)
        self._update_buttons()

    def sign_in(self) -> HoursRow | None:
        return self._sign(volunteers.sign_in, self.tr("%1 已签到“%2”：%3。"))

    def sign_out(self) -> HoursRow | None:
        return self._sign(volunteers.sign_out, self.tr("%1 已签退“%2”：%3，待审核。"))

    def _sign(self, call: Callable[..., HoursRow], said: str) -> HoursRow | None:
        o = self.current_occurrence()
        person = self.volunteer.currentData()
        if o is None or person is None:
            return None
        now = self.now()
        row = self.ops.run(
            lambda: call(self.ctx, o.session_id, o.slot_date, volunteer_id=int(person), now=now),
            changes=Area.VOLUNTEERS,
            refused=self.message,
        ).value
        if row is None:
            return None
        detail = (
            hours_label(row.minutes)
            if row.minutes > 0
            else (f"{row.signed_in_at:%H:%M}" if row.signed_in_at else "")
        )
        show_message(
            self.message,
            said.replace("%1", row.volunteer).replace("%2", o.title).replace("%3", detail),
            ok=True,
        )
        self._changed()
        return row

    def confirm(self) -> list[HoursRow]:
        """Staff confirm the chosen occurrence was held as planned (for the chosen volunteer, or all of them)."""
        o = self.current_occurrence()
        if o is None or not self.can_write:
            return []
        person = self.volunteer.currentData()
        chosen = None if person is None else [int(person)]
        now = self.now()
        rows = self.ops.run(
            lambda: volunteers.confirm_planned(self.ctx, o.session_id, o.slot_date, chosen, now=now),
            changes=Area.VOLUNTEERS,
            refused=self.message,
        ).value
        if rows is None:
            return []
        show_message(
            self.message,
            self.tr("已按计划确认“%1”%2：%3 人，待审核。")
            .replace("%1", o.title)
            .replace("%2", o.label)
            .replace("%3", str(len(rows))),
            ok=True,
        )
        self._changed()
        return rows

    # --- totals -------------------------------------------------------------------------------------------

    def load_totals(self) -> HoursTotals | None:
        first, last = self.period.period()
        totals = self.ops.run(
            lambda: volunteers.hours_totals(self.ctx, first, last), refused=self.message
        ).value
        self.totals = totals
        self._fill_totals()
        return totals

    def _fill_totals(self) -> None:
        table = self.totals_table
        totals = self.totals
        by_volunteer = self.totals_by.currentData() != "organisations"
        headers = (
            [self.tr("志愿者"), self.tr("单位/学校"), self.tr("已核定"), self.tr("待审核"), self.tr("次数")]
            if by_volunteer
            else [
                self.tr("单位/学校"),
                self.tr("人数"),
                self.tr("已核定"),
                self.tr("待审核"),
                self.tr("次数"),
            ]
        )
        table.setHorizontalHeaderLabels(headers)
        lines: list[list[str]] = []
        if totals is not None and by_volunteer:
            lines = [
                [
                    t.name,
                    t.organisation,
                    hours_short(t.approved_minutes),
                    hours_short(t.pending_minutes) if t.pending_minutes else "",
                    str(t.sessions),
                ]
                for t in totals.volunteers
            ]
        elif totals is not None:
            lines = [
                [
                    o.organisation,
                    str(o.volunteers),
                    hours_short(o.approved_minutes),
                    hours_short(o.pending_minutes) if o.pending_minutes else "",
                    str(o.sessions),
                ]
                for o in totals.organisations
            ]
        table.setRowCount(len(lines))
        for n, cells in enumerate(lines):
            for column, text in enumerate(cells):
                item = table_item(text)
                if column >= 2 or (not by_volunteer and column == 1):
                    item.setTextAlignment(_RIGHT)
                table.setItem(n, column, item)
        for column, width in ((1, 96 if by_volunteer else 44), (2, 84), (3, 76), (4, 44)):
            table.setColumnWidth(column, width)
        if totals is None:
            self.totals_summary.clear()
            return
        self.totals_summary.setText(
            self.tr("%1 至 %2：已核定 %3，待审核 %4，共 %5 人。")
            .replace("%1", format_date(totals.first))
            .replace("%2", format_date(totals.last))
            .replace("%3", hours_label(totals.approved_minutes))
            .replace("%4", hours_label(totals.pending_minutes))
            .replace("%5", str(len(totals.volunteers)))
        )

    def totals_lines(self) -> list[list[str]]:
        """The totals table as text (tests; a person reads the table)."""
        table = self.totals_table
        lines = []
        for r in range(table.rowCount()):
            cells = [table.item(r, c) for c in range(table.columnCount())]
            lines.append([cell.text() if cell is not None else "" for cell in cells])
        return lines

    def _changed(self) -> None:
        """After this tab changed hours (and announced it): the records, the totals and the session again."""
        self.load_records()
        self.load_totals()
        self.load_occurrences()

    # --- export -------------------------------------------------------------------------------------------

    def _export_name(self) -> Path:
        first, last = self.period.period()
        return self.ctx.data_dir.exports / f"志愿服务时长_{first:%Y%m%d}-{last:%Y%m%d}.xlsx"

    @property
    def exporting(self) -> bool:
        return self.exporter.running

    def export(self) -> Job | None:
        """Ask where to save, then write the period's hours (per volunteer, per organisation or every record) on
        a worker thread."""
        if self.exporter.running or not self.can_write:
            return None
        chosen = self.choose_export_file()
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        first, last = self.period.period()
        by = str(self.export_by.currentData())
        ctx = self.ctx

        def work(_progress: workers.Progress, _cancel: threading.Event) -> int:
            path.parent.mkdir(parents=True, exist_ok=True)
            return volunteers.export_hours_xlsx(ctx, path, first, last, by=by)

        self.export_path = path
        self.message.clear()
        self.export_progress.show()
        self.export_button.setEnabled(False)
        return self.exporter.start(work)

    def _export_ended(self) -> None:
        self.export_progress.hide()
        self.export_button.setEnabled(self.can_write)

    def _exported(self, count: int) -> None:
        show_message(
            self.message,
            self.tr("已导出 %1 行到 %2").replace("%1", str(count)).replace("%2", str(self.export_path)),
            ok=True,
        )
