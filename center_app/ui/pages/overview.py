"""首页: the centre at a glance — live counts from the services, today's date, the keys to get around."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from center_app.context import AppContext
from center_app.domain.permissions import READ, allowed
from center_app.services import overview, settings
from center_app.ui.events import Area, DataEvents
from center_app.ui.i18n import format_date
from center_app.ui.pages.base import Page, page_title, vbox
from center_app.ui.widgets.bar_chart import BarChart

if TYPE_CHECKING:
    from center_app.ui.pages.overview_attendance import AttendanceCorner
    from center_app.ui.pages.overview_equipment import EquipmentUnreturned


# A few ms after the counts, so the window paints with its figures first (a 0 ms timer would run in the same
# event-loop pass as the first paint's follow-ups).
DETAILS_DELAY_MS = 15


class StatCard(QFrame):
    def __init__(self, key: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"overviewCard_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumSize(140, 76)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.value = QLabel("—")
        self.value.setObjectName(f"overviewValue_{key}")
        font = self.value.font()
        font.setPointSize(font.pointSize() + 9)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel(caption)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set_value(self, value: int, *, alert: bool = False) -> None:
        self.value.setText(f"{value:,}")
        self.value.setStyleSheet("color: #c0392b;" if alert else "")


class OverviewPage(Page):
    #: emitted when the charts and warnings (filled after the counts) are up to date
    details_filled = Signal()
    #: a link to another page was followed: its objectName (the main window shows it, ``show_page``)
    open_page = Signal(str)
    areas = (
        Area.CENTRE,
        Area.BOOKS,
        Area.LOANS,
        Area.CHILDREN,
        Area.ATTENDANCE,
        Area.EQUIPMENT,
        Area.VOLUNTEERS,
        Area.ACTIVITIES,
    )

    def __init__(self, ctx: AppContext, events: DataEvents, parent: QWidget | None = None) -> None:
        super().__init__(ctx, events, parent)
        self.setObjectName("overviewPage")
        # Scrolls on a small screen, or when the follow-up form is open, instead of squeezing everything.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setObjectName("overviewScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        scroll.setWidget(content)
        outer.addWidget(scroll)
        # Compact enough that the counts, the charts and the warnings show without scrolling when the window is
        # maximized on a 1366×768 screen (1366×697 inside) or at 1280×720 (tests/gui/test_layout_fit.py).
        layout = vbox(content, spacing=8)
        self.heading = page_title("", "overviewCentreName")
        self.today = QLabel()
        self.today.setObjectName("overviewToday")
        title_row = QHBoxLayout()
        title_row.setSpacing(16)
        title_row.addWidget(self.heading)
        # Equipment not back by closing time (who has what, one line) and the way to the equipment page: in the
        # title row, so the counts, charts and warnings below still fit without scrolling.
        self.equipment_unreturned: EquipmentUnreturned | None = None
        if allowed(ctx.actor.role, "equipment", READ):
            from center_app.ui.pages.overview_equipment import EquipmentUnreturned

            self.equipment_unreturned = EquipmentUnreturned(ctx, content)
            self.equipment_unreturned.open_equipment.connect(lambda: self.open_page.emit("equipmentPage"))
            title_row.addWidget(self.equipment_unreturned, 1)
        title_row.addStretch(0)  # takes the room while the equipment line is hidden
        title_row.addWidget(self.today)
        layout.addLayout(title_row)

        captions = {
            "titles": self.tr("图书品种"),
            "copies": self.tr("馆藏图书（册）"),
            "loans_open": self.tr("在借图书"),
            "loans_overdue": self.tr("逾期未还"),
            "children": self.tr("在册儿童"),
            "attendance_today": self.tr("今日到场"),
            "equipment_items": self.tr("器材种类"),
            "equipment_out": self.tr("借出器材（件）"),
            "volunteers": self.tr("志愿者"),
            "activities_this_month": self.tr("本月活动"),
        }
        grid = QGridLayout()
        grid.setSpacing(8)
        self.cards: dict[str, StatCard] = {}
        for i, (key, caption) in enumerate(captions.items()):
            card = StatCard(key, caption, self)
            self.cards[key] = card
            grid.addWidget(card, i // 5, i % 5)
        layout.addLayout(grid)

        # Reading at a glance: loans per month and the most borrowed titles (library statistics).
        # Parented at once: made visible below, a parentless widget would be a window of its own for a moment.
        self.reading = QWidget(content)
        self.reading.setObjectName("overviewReading")
        reading = QHBoxLayout(self.reading)
        reading.setContentsMargins(0, 0, 0, 0)
        self.loans_chart = BarChart(self.tr("近12个月借阅（册次）"))
        self.loans_chart.setObjectName("overviewLoansChart")
        self.loans_chart.empty_text = self.tr("还没有借阅记录")
        self.top_titles = QLabel()
        self.top_titles.setObjectName("overviewTopTitles")
        self.top_titles.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.top_titles.setWordWrap(True)
        self.top_titles.setMinimumWidth(260)
        reading.addWidget(self.loans_chart, 3)
        reading.addWidget(self.top_titles, 2)
        self.reading.setVisible(self._may_see_reading())

        # Attendance: roll-not-taken reminder, last 30 open days, early warnings with follow-up.
        self.attendance: AttendanceCorner | None = None
        charts = QHBoxLayout()
        if self._may_see_attendance():
            from center_app.ui.pages.overview_attendance import AttendanceCorner

            self.attendance = AttendanceCorner(ctx, events)
            corner = self.attendance
            # after the layout has grown to hold the form
            corner.on_form_open = lambda: QTimer.singleShot(
                0, lambda: scroll.ensureWidgetVisible(corner.form)
            )
            layout.addWidget(self.attendance.reminder)
            charts.addWidget(self.attendance.chart, 4)
        charts.addWidget(self.reading, 5)
        layout.addLayout(charts, 1)
        if self.attendance is not None:
            layout.addWidget(self.attendance, 1)

        hint = QLabel(self.tr("提示：按 Ctrl+1 至 Ctrl+9 切换页面；Ctrl+2 是图书，Ctrl+3 是借还台。"))
        hint.setObjectName("overviewHint")
        hint.setWordWrap(True)
        layout.addWidget(hint)

    def refresh(self, today: dt.date | None = None) -> None:
        today = today or dt.date.today()
        centre = settings.get_centre(self.ctx)
        self.heading.setText(centre.name)
        self.today.setText(self.tr("今天是 %1").replace("%1", format_date(today, weekday=True)))
        figures = overview.counts(self.ctx, today)
        for key, card in self.cards.items():
            value = getattr(figures, key)
            card.set_value(value, alert=key == "loans_overdue" and value > 0)
        super().refresh()
        # The charts and warnings take a few hundred ms on the old PC: the counts show at once, these fill in on
        # the next turn of the event loop (after the window is on screen).
        QTimer.singleShot(DETAILS_DELAY_MS, lambda: self._refresh_details(today))

    def _refresh_details(self, today: dt.date) -> None:
        # Signed out in between (demo data cleared, a restore): nothing to show, and nothing it may read.
        if not self.ctx.actor.signed_in:
            return
        if self._may_see_reading():
            self._refresh_reading(today)
        if self.attendance is not None:
            self.attendance.refresh(today)
        if self.equipment_unreturned is not None:
            self.equipment_unreturned.refresh()
        self.details_filled.emit()

    def _may_see_attendance(self) -> bool:
        role = self.ctx.actor.role
        return allowed(role, "attendance", READ) and allowed(role, "child.basic", READ)

    def _may_see_reading(self) -> bool:
        role = self.ctx.actor.role
        return allowed(role, "reports", READ) or allowed(role, "circulation", READ)

    def _refresh_reading(self, today: dt.date) -> None:
        from center_app.services import library_stats

        months = library_stats.loans_per_month(self.ctx, 12, today)
        month_label = self.tr("%1月")
        self.loans_chart.set_data(
            [month_label.replace("%1", str(int(m.month[5:]))) for m in months],
            [m.loans for m in months],
            highlight=len(months) - 1,
        )
        top = library_stats.most_borrowed(self.ctx, limit=5, since=today - dt.timedelta(days=365))
        heading = self.tr("最受欢迎的图书（近一年）")
        times = self.tr("次")
        lines = [f"<b>{heading}</b>"]
        lines += [f"{i}. 《{t.title}》 — {t.loans} {times}" for i, t in enumerate(top, start=1)]
        if not top:
            lines.append(self.tr("还没有借阅记录"))
        self.top_titles.setText("<br>".join(lines))
