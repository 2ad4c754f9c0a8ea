"""The 报表 tab's choices: which report and its parameters — one panel per kind — gathered into a
:class:`ReportRequest`, which a worker turns into a file through the report's own service functions
(:func:`gather`, :func:`write_pdf`, :func:`export_xlsx`).

- 月度工作报告 (``MonthPanel``): a month, last month first chosen (this month is counted up to today);
- 捐赠方报告 (``DonorPanel``): a donor — a search by name or pinyin initials and the donors found — and a period;
- 学期或暑期总结 (``ProgrammePanel``): a period, set from one of the centre's timetables or by hand;
- 单次活动报告 (``ActivityPanel``): an activity of the last twelve months, found by title, initials, volunteer.

A panel decides nothing a service decides: a donor typed but not found goes to the service as the typed name, and
the service's sentence says what is wrong (``reports.find_donor``); a month to come is refused by the service too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain.errors import ValidationError
from center_app.domain.pinyin import matches
from center_app.services import activities, catalog, reports
from center_app.services import volunteers as volunteer_service
from center_app.services.catalog import DonorInfo
from center_app.services.volunteers import ProgrammeInfo
from center_app.ui.operations import Operations, Refusal
from center_app.ui.pages.label_sheets import safe_file_part
from center_app.ui.pages.volunteers_hours import PeriodPicker, term_of

MONTHLY, DONOR, PROGRAMME, ACTIVITY = "monthly", "donor", "programme", "activity"
KINDS = (MONTHLY, DONOR, PROGRAMME, ACTIVITY)
MONTHS_BACK = 36  # the months offered: this one and three years back
ACTIVITY_DAYS = 366  # the activities offered: the last twelve months


@dataclass(frozen=True)
class ReportRequest:
    """One report with its parameters, as the worker needs them (plain values; equal requests = the same file)."""

    kind: str
    title: str  # what the preview says it shows
    stem: str  # the suggested file name, without the suffix
    today: dt.date
    month: tuple[int, int] | None = None
    #: a donor's id, or a name typed that matches no donor listed (the service's refusal says why)
    donor: int | str | None = None
    first: dt.date | None = None
    last: dt.date | None = None
    activity_id: int | None = None


def gather(ctx: AppContext, request: ReportRequest) -> object:
    """The report's figures (``reports.monthly_report`` …); the activity report is gathered by its writer."""
    if request.kind == MONTHLY and request.month is not None:
        return reports.monthly_report(ctx, *request.month, today=request.today)
    if request.kind == DONOR and request.donor is not None and request.first and request.last:
        return reports.donor_report(ctx, request.donor, request.first, request.last, today=request.today)
    if request.kind == PROGRAMME and request.first and request.last:
        return reports.programme_report(ctx, request.first, request.last, today=request.today)
    if request.kind == ACTIVITY and request.activity_id is not None:
        return request.activity_id
    raise ValidationError("报表的选择不完整。")


def write_pdf(ctx: AppContext, request: ReportRequest, data: object, path: Path) -> tuple[Path, int]:
    """Write the report's PDF at ``path`` through its service (which audits the file's path); (path, pages)."""
    if isinstance(data, reports.MonthlyReport):
        written = reports.write_monthly_report_pdf(ctx, data, path)
    elif isinstance(data, reports.DonorReport):
        written = reports.write_donor_report_pdf(ctx, data, path)
    elif isinstance(data, reports.ProgrammeReport):
        written = reports.write_programme_report_pdf(ctx, data, path)
    elif isinstance(data, int):
        done = activities.write_activity_report(ctx, data, path, today=request.today)
        return done.path, done.pages
    else:
        raise ValidationError("报表的选择不完整。")
    return written.path, written.pages


def export_xlsx(ctx: AppContext, data: object, path: Path) -> int:
    """Write the report's tables to the Excel file at ``path`` through its service (audited); the rows written."""
    if isinstance(data, reports.MonthlyReport):
        return reports.export_monthly_report_xlsx(ctx, data, path)
    if isinstance(data, reports.DonorReport):
        return reports.export_donor_report_xlsx(ctx, data, path)
    if isinstance(data, reports.ProgrammeReport):
        return reports.export_programme_report_xlsx(ctx, data, path)
    if isinstance(data, int):
        return activities.export_activity_xlsx(ctx, data, path)
    raise ValidationError("报表的选择不完整。")


def last_month(today: dt.date) -> tuple[int, int]:
    first = today.replace(day=1) - dt.timedelta(days=1)
    return first.year, first.month


def twelve_months(today: dt.date) -> tuple[dt.date, dt.date]:
    """The last twelve months up to today: a donor's default period (2025-12-01 to 2026-11-30 … today)."""
    year, month = divmod(today.year * 12 + today.month - 1 - 11, 12)
    return dt.date(year, month + 1, 1), today


def date_words(first: dt.date, last: dt.date) -> str:
    return f"{first.isoformat()}至{last.isoformat()}"


# =========================================================================================== the panels


class ParamsPanel(QWidget):
    """What every kind's panel offers the tab: ``changed``, the request, loading its lists, the first field."""

    changed = Signal()

    def __init__(self, ctx: AppContext, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(6)

    def request(self) -> ReportRequest:
        raise NotImplementedError

    def load(self, ops: Operations, refused: Refusal) -> None:
        """Reload the lists the panel offers (donors, timetables, activities)."""

    def first_field(self) -> QWidget:
        raise NotImplementedError

    def _row(self, label: str, widget: QWidget) -> None:
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(QLabel(label))
        row.addWidget(widget, 1)
        self.layout_.addLayout(row)


class MonthPanel(ParamsPanel):
    def __init__(self, ctx: AppContext, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(ctx, today, parent)
        self.month = QComboBox()
        self.month.setObjectName("reportsMonth")
        self.picked = False  # a month the user chose stays chosen; else last month, whenever the lists reload
        self.month.currentIndexChanged.connect(lambda _i: self._picked())
        self._row(self.tr("月份："), self.month)
        self.layout_.addStretch(1)
        self.fill_months()

    def fill_months(self) -> None:
        today = self.today()
        year, month = last_month(today)
        chosen = self.month.currentData() if self.picked else f"{year}-{month:02d}"
        self.month.blockSignals(True)
        self.month.clear()
        index = today.year * 12 + today.month - 1
        for back in range(MONTHS_BACK + 1):
            year, month = divmod(index - back, 12)
            text = self.tr("%1年%2月").replace("%1", str(year)).replace("%2", str(month + 1))
            if back == 0:
                text += self.tr("（本月，统计到今天）")
            self.month.addItem(text, f"{year}-{month + 1:02d}")  # a str: findData cannot match a tuple
        self.month.setCurrentIndex(max(0, self.month.findData(chosen)))
        self.month.blockSignals(False)

    def _picked(self) -> None:
        self.picked = True
        self.changed.emit()

    def choose_month(self, year: int, month: int) -> bool:
        at = self.month.findData(f"{year}-{month:02d}")
        if at >= 0:
            self.month.setCurrentIndex(at)
        return at >= 0

    def load(self, ops: Operations, refused: Refusal) -> None:
        self.fill_months()  # a new month may have begun since the tab was built

    def request(self) -> ReportRequest:
        year, month = (int(part) for part in str(self.month.currentData()).split("-"))
        return ReportRequest(
            MONTHLY,
            title=self.tr("%1年%2月 月度工作报告").replace("%1", str(year)).replace("%2", str(month)),
            stem=f"月度工作报告_{year}-{month:02d}",
            today=self.today(),
            month=(year, month),
        )

    def first_field(self) -> QWidget:
        return self.month


class DonorPanel(ParamsPanel):
    donor: QComboBox

    def __init__(self, ctx: AppContext, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(ctx, today, parent)
        self.donors: list[DonorInfo] = []
        self.search = QLineEdit()
        self.search.setObjectName("reportsDonorSearch")
        self.search.setPlaceholderText(self.tr("名称或拼音首字母，如 chjh"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(60)
        self.search.textChanged.connect(lambda _t: self.fill_donors())
        self.search.returnPressed.connect(lambda: self.donor.setFocus())
        self._row(self.tr("找捐赠方："), self.search)
        self.donor = QComboBox()
        self.donor.setObjectName("reportsDonor")
        self.donor.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.donor.setMinimumContentsLength(12)
        self.donor.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self._row(self.tr("捐赠方："), self.donor)
        self.period = PeriodPicker("reportsDonor", today, presets_below=True)
        self.period_picked = False  # dates the user set stay; else the last twelve months, at each reload
        self.period.changed.connect(self._period_picked)
        self.period.set_period(*twelve_months(today()), quiet=True)
        self.layout_.addWidget(self.period)
        self.layout_.addStretch(1)

    def _period_picked(self) -> None:
        self.period_picked = True
        self.changed.emit()

    def load(self, ops: Operations, refused: Refusal) -> None:
        if not self.period_picked:
            self.period.set_period(*twelve_months(self.today()), quiet=True)
        donors = ops.run(lambda: catalog.list_donors(self.ctx), refused=refused).value
        if donors is not None:
            self.donors = list(donors)
        self.fill_donors()

    def fill_donors(self) -> None:
        """The donors whose name (or its pinyin) holds the search, the one chosen kept."""
        query = self.search.text()
        chosen = self.donor.currentData()
        found = [d for d in self.donors if matches(query, d.name)]
        self.donor.blockSignals(True)
        self.donor.clear()
        for donor in found:
            self.donor.addItem(donor.name, donor.id)
        if not found:
            self.donor.addItem(
                self.tr("没有找到捐赠方") if self.donors else self.tr("还没有登记捐赠方"), None
            )
        self.donor.setCurrentIndex(max(0, self.donor.findData(chosen)) if chosen is not None else 0)
        self.donor.blockSignals(False)
        if self.donor.currentData() != chosen:
            self.changed.emit()

    def choose_donor(self, name: str) -> bool:
        at = self.donor.findText(name)
        if at >= 0:
            self.donor.setCurrentIndex(at)
        return at >= 0

    def request(self) -> ReportRequest:
        first, last = self.period.period()
        donor_id = self.donor.currentData()
        typed = self.search.text().strip()
        if donor_id is None and not typed:
            raise ValidationError(self.tr("请选一个捐赠方。"))
        name = self.donor.currentText() if donor_id is not None else typed
        return ReportRequest(
            DONOR,
            title=self.tr("捐赠方报告：%1（%2）").replace("%1", name).replace("%2", date_words(first, last)),
            stem=f"捐赠方报告_{safe_file_part(name)}_{first:%Y%m%d}-{last:%Y%m%d}",
            today=self.today(),
            donor=donor_id if donor_id is not None else typed,
            first=first,
            last=last,
        )

    def first_field(self) -> QWidget:
        return self.search


class ProgrammePanel(ParamsPanel):
    def __init__(self, ctx: AppContext, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(ctx, today, parent)
        self.programmes: list[ProgrammeInfo] = []
        self.programme = QComboBox()
        self.programme.setObjectName("reportsProgramme")
        self.programme.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.programme.setMinimumContentsLength(12)
        self.programme.setToolTip(self.tr("选一个课表，期间就是它的起止日期；也可以自己改日期"))
        self.picked = False  # a choice of the user's stays; else the timetable running today, at each reload
        self.programme.currentIndexChanged.connect(lambda _i: self._programme_picked())
        self._row(self.tr("课表："), self.programme)
        self.period = PeriodPicker("reportsProgramme", today, presets_below=True)
        self.period.changed.connect(self._period_changed)
        self.period.set_period(*term_of(today(), []), quiet=True)
        self.layout_.addWidget(self.period)
        self.layout_.addStretch(1)

    def load(self, ops: Operations, refused: Refusal) -> None:
        found = ops.run(lambda: volunteer_service.list_programmes(self.ctx), refused=refused).value
        if found is None:
            return
        self.programmes = list(found)  # the newest first
        self.period.programmes = self.programmes
        chosen = self.programme.currentData()
        self.programme.blockSignals(True)
        self.programme.clear()
        self.programme.addItem(self.tr("（自己选日期）"), None)
        for p in self.programmes:
            self.programme.addItem(p.name, p.id)  # its dates are the period's, just below
            self.programme.setItemData(
                self.programme.count() - 1,
                date_words(p.starts_on, p.ends_on),
                Qt.ItemDataRole.ToolTipRole,
            )
        if not self.picked:
            # The timetable running today, else the last one begun.
            today = self.today()
            begun = [p for p in self.programmes if p.starts_on <= today]
            running = [p for p in begun if p.ends_on >= today]
            candidates = running or begun
            chosen = candidates[0].id if candidates else None
        self.programme.setCurrentIndex(max(0, self.programme.findData(chosen)))
        self.programme.blockSignals(False)
        self._programme_chosen()

    def _programme_picked(self) -> None:
        self.picked = True
        self._programme_chosen()

    def _programme_chosen(self) -> None:
        programme = next((p for p in self.programmes if p.id == self.programme.currentData()), None)
        if programme is not None:
            self.period.blockSignals(True)
            self.period.set_period(programme.starts_on, programme.ends_on)
            self.period.blockSignals(False)
        self.changed.emit()

    def _period_changed(self) -> None:
        # Dates changed by hand (or a preset): no longer exactly a timetable's.
        programme = next((p for p in self.programmes if p.id == self.programme.currentData()), None)
        self.picked = True
        if programme is not None and self.period.period() != (programme.starts_on, programme.ends_on):
            self.programme.blockSignals(True)
            self.programme.setCurrentIndex(0)
            self.programme.blockSignals(False)
        self.changed.emit()

    def request(self) -> ReportRequest:
        first, last = self.period.period()
        programme = next((p for p in self.programmes if p.id == self.programme.currentData()), None)
        name = programme.name if programme is not None else self.tr("学期/暑期总结")
        return ReportRequest(
            PROGRAMME,
            title=self.tr("%1 项目总结（%2）").replace("%1", name).replace("%2", date_words(first, last)),
            stem=f"项目总结_{first:%Y%m%d}-{last:%Y%m%d}",
            today=self.today(),
            first=first,
            last=last,
        )

    def first_field(self) -> QWidget:
        return self.programme


ACTIVITY_ROLE = int(Qt.ItemDataRole.UserRole.value) + 1


class ActivityPanel(ParamsPanel):
    list: QListWidget

    def __init__(self, ctx: AppContext, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(ctx, today, parent)
        self.ops: Operations | None = None
        self.refused: Refusal | None = None
        self.search = QLineEdit()
        self.search.setObjectName("reportsActivitySearch")
        self.search.setPlaceholderText(self.tr("活动名称、首字母、志愿者…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(100)
        self.search.textChanged.connect(lambda _t: self.fill_activities())
        self.search.returnPressed.connect(lambda: self.list.setFocus())
        self._row(self.tr("找活动："), self.search)
        self.list = QListWidget()
        self.list.setObjectName("reportsActivityList")
        self.list.setToolTip(self.tr("近一年的活动，最新的在上面"))
        self.list.currentRowChanged.connect(lambda _r: self.changed.emit())
        self.layout_.addWidget(self.list, 1)

    def load(self, ops: Operations, refused: Refusal) -> None:
        self.ops, self.refused = ops, refused
        self.fill_activities()

    def fill_activities(self) -> None:
        if self.ops is None or self.refused is None:
            return
        today, text = self.today(), self.search.text().strip()
        rows = self.ops.run(
            lambda: activities.list_activities(
                self.ctx, first=today - dt.timedelta(days=ACTIVITY_DAYS), last=today, text=text
            ),
            refused=self.refused,
        ).value
        chosen = self.activity_id()
        self.list.blockSignals(True)
        self.list.clear()
        for row in rows or []:
            item = QListWidgetItem(
                f"{row.on_date.isoformat()}  {row.title}"
                + (f" · {row.volunteers[0]}" if row.volunteers else "")
            )
            item.setData(ACTIVITY_ROLE, row.id)
            item.setToolTip(f"{row.kind_label} {row.times} {row.room}".strip())
            self.list.addItem(item)
            if row.id == chosen:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.activity_id() != chosen:
            self.changed.emit()

    def activity_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(ACTIVITY_ROLE))

    def choose_activity(self, activity_id: int) -> bool:
        for n in range(self.list.count()):
            if self.list.item(n).data(ACTIVITY_ROLE) == activity_id:
                self.list.setCurrentRow(n)
                return True
        return False

    def request(self) -> ReportRequest:
        item = self.list.currentItem()
        if item is None:
            raise ValidationError(self.tr("请在列表里选一次活动。"))
        title = item.text().split(" · ")[0].replace("  ", " ")
        return ReportRequest(
            ACTIVITY,
            title=self.tr("单次活动报告：%1").replace("%1", title),
            stem=f"活动报告_{safe_file_part(title, 30)}",
            today=self.today(),
            activity_id=int(item.data(ACTIVITY_ROLE)),
        )

    def first_field(self) -> QWidget:
        return self.search
