"""活动记录: the activities that were held — the list with its filters, the selected activity in the side panel, its
form and its photos in the side panel too (never a modal dialog), and 打印活动报告.

A :class:`~center_app.ui.pages.list_page.ListPage` held as a tab of the reports page (the panel contract of the
tabbed pages: ``ActivitiesTab(ctx, ops)``, ``stale``, ``scan_input = None``, ``refresh()``, ``focus_first()``).
The search finds an activity by its title (text, pinyin, initials), description or a volunteer's name; the filters
are the kind, the period and the volunteer (a teacher sees only their own activities, so no volunteer filter).

The side shows the selected activity: what, when, where, who; who attended (its roll call, taken on the 考勤 page);
the equipment lent to it; its photos, each marked when it will not be printed (not checked, or a child without
photo consent); the reflection. 记录活动… (Ctrl+N) opens the form — pick a session of that day's timetable and it
fills itself; 修改… (Ctrl+E); 添加照片… asks for a file (a seam the tests replace) and opens the photo panel to tick
the children in it; 打印活动报告 (Ctrl+P) writes the PDF into the exports folder on a worker thread and opens it
(another seam). Test seams: ``tab.choose_photo_file``, ``tab.open_file``, ``tab.today``.
"""

from __future__ import annotations

import datetime as dt
import html
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain.permissions import OWN, READ, allowed
from center_app.services import activities
from center_app.services import volunteers as volunteer_service
from center_app.services.activities import ActivityDetail, ActivityRow, PhotoRow
from center_app.ui import workers
from center_app.ui.events import Area, DataEvents
from center_app.ui.models.rows import Index, RowsTableModel
from center_app.ui.operations import Operations
from center_app.ui.pages.activities_form import CHANGES, ActivityForm, kind_labels
from center_app.ui.pages.activities_photo import PhotoPanel, thumbnail
from center_app.ui.pages.label_sheets import safe_file_part, unique_path
from center_app.ui.pages.list_page import ListPage, action_button
from center_app.ui.widgets.forms import bold_heading
from center_app.ui.widgets.inline_question import InlineQuestion
from center_app.ui.widgets.messages import show_message
from center_app.ui.widgets.scanner_input import ScannerInput
from center_app.ui.widgets.tables import RED
from center_app.ui.workers import Job

ACTIVITY_ID_ROLE = int(Qt.ItemDataRole.UserRole.value) + 1
THUMB = QSize(112, 84)
PERIODS = ("month", "this_month", "last_month", "year", "all")


def period_range(period: str, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The dates a period filter means: 最近一个月, 本月, 上个月, 今年, 全部."""
    if period == "month":
        return today - dt.timedelta(days=31), today
    if period == "this_month":
        return today.replace(day=1), today
    if period == "last_month":
        last = today.replace(day=1) - dt.timedelta(days=1)
        return last.replace(day=1), last
    if period == "year":
        return today.replace(month=1, day=1), today
    return None, None


# =========================================================================================== the table


class ActivityTableModel(RowsTableModel[ActivityRow]):
    """日期 时间 类型 活动 志愿者 出勤 照片 — newest first, as the service lists them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("日期"),
                self.tr("时间"),
                self.tr("类型"),
                self.tr("活动"),
                self.tr("志愿者"),
                self.tr("出勤"),
                self.tr("照片"),
            ],
            parent,
        )
        self.kinds = kind_labels()

    def position_of(self, activity_id: int) -> int | None:
        return next((n for n, row in enumerate(self.rows) if row.id == activity_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column)
        if role == ACTIVITY_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (5, 6):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and not row.roll_taken:
            return RED
        return None

    def _text(self, row: ActivityRow, column: int) -> str:
        if column == 0:
            return row.on_date.isoformat()
        if column == 1:
            return row.times
        if column == 2:
            return self.kinds.get(row.kind, row.kind)
        if column == 3:
            return row.title
        if column == 4:
            return row.volunteers_text
        if column == 5:
            return str(row.present) if row.roll_taken else self.tr("未点名")
        return str(row.photos) if row.photos else ""


# =========================================================================================== the selected activity


class ActivityDetailPanel(QWidget):
    """The selected activity, its photos and what can be done with it. The tab connects the buttons."""

    photo_chosen = Signal(object)  # PhotoRow

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activitiesDetail")
        self.detail: ActivityDetail | None = None
        self.kinds = kind_labels()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        self.title = bold_heading("")
        self.title.setObjectName("activitiesDetailTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.question = InlineQuestion("activitiesConfirm")
        layout.addWidget(self.question)

        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 6, 0)
        inner.setSpacing(6)
        self.info = self._label("activitiesDetailInfo")
        inner.addWidget(self.info)
        self.attendance = self._label("activitiesDetailAttendance")
        inner.addWidget(self.attendance)
        self.equipment = self._label("activitiesDetailEquipment")
        inner.addWidget(self.equipment)
        self.photos_label = QLabel()
        self.photos_label.setObjectName("activitiesPhotosLabel")
        self.photos_label.setWordWrap(True)
        inner.addWidget(self.photos_label)
        self.photos = QListWidget()
        self.photos.setObjectName("activitiesPhotos")
        self.photos.setViewMode(QListView.ViewMode.IconMode)
        self.photos.setIconSize(THUMB)
        self.photos.setResizeMode(QListView.ResizeMode.Adjust)
        self.photos.setMovement(QListView.Movement.Static)
        self.photos.setWrapping(True)
        self.photos.setFixedHeight(THUMB.height() + 44)
        self.photos.setWordWrap(True)
        self.photos.itemActivated.connect(lambda item: self._photo_activated(item))
        inner.addWidget(self.photos)
        photo_buttons = QHBoxLayout()
        self.add_photo_button = QPushButton(self.tr("添加照片…"))
        self.add_photo_button.setObjectName("activitiesAddPhoto")
        self.tag_button = QPushButton(self.tr("核对儿童…"))
        self.tag_button.setObjectName("activitiesTagPhoto")
        self.tag_button.setToolTip(self.tr("照片里有哪些儿童（双击照片也可以）"))
        self.remove_photo_button = QPushButton(self.tr("删除照片…"))
        self.remove_photo_button.setObjectName("activitiesRemovePhoto")
        for button in (self.add_photo_button, self.tag_button, self.remove_photo_button):
            photo_buttons.addWidget(button)
        photo_buttons.addStretch(1)
        inner.addLayout(photo_buttons)
        self.texts = self._label("activitiesDetailTexts")
        inner.addWidget(self.texts)
        inner.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("activitiesDetailScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(body)
        layout.addWidget(self.scroll_area, 1)

        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("打印活动报告"))
        self.print_button.setObjectName("activitiesPrint")
        self.print_button.setToolTip("Ctrl+P")
        self.edit_button = QPushButton(self.tr("修改…"))
        self.edit_button.setObjectName("activitiesEdit")
        self.edit_button.setToolTip("Ctrl+E")
        self.delete_button = QPushButton(self.tr("删除…"))
        self.delete_button.setObjectName("activitiesDelete")
        for button in (self.print_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.progress = QProgressBar()
        self.progress.setObjectName("activitiesPrintProgress")
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(8)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.message = self._label("activitiesDetailMessage")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.empty = QLabel(
            self.tr(
                "在左边选一次活动，在这里看它的出勤、器材和照片，打印活动报告。"
                "上完一节课，按“记录活动…”（Ctrl+N）记下来：选课表上的课会自动填好。"
            )
        )
        self.empty.setObjectName("activitiesDetailEmpty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #64748b;")
        layout.addWidget(self.empty)
        layout.addStretch(0)
        self.show_detail(None)

    @staticmethod
    def _label(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        return label

    def show_detail(self, detail: ActivityDetail | None, *, new_selection: bool = False) -> None:
        if new_selection:
            self.message.clear()
            self.question.answer("cancel")
        self.detail = detail
        for widget in (self.title, self.scroll_area, self.print_button, self.edit_button, self.delete_button):
            widget.setVisible(detail is not None)
        self.empty.setVisible(detail is None)
        if detail is None:
            self.photos.clear()
            return
        self.title.setText(f"{detail.title}")
        esc = html.escape
        lines = [
            f"{esc(self.tr('日期'))}：{detail.on_date.isoformat()} {esc(detail.times)}",
            f"{esc(self.tr('类型'))}：{esc(self.kinds.get(detail.kind, detail.kind))}",
        ]
        if detail.room:
            lines.append(f"{esc(self.tr('地点'))}：{esc(detail.room)}")
        if detail.volunteers:
            people = "、".join(
                esc(v.name) + ("" if v.role == "lead" else esc(self.tr("（协助）")))
                for v in detail.volunteers
            )
            lines.append(f"{esc(self.tr('志愿者'))}：{people}")
        if detail.session_id is not None:
            lines.append(esc(self.tr("按课表上的课记录")))
        self.info.setText("<br>".join(lines))
        self.attendance.setText(self._attendance_html(detail))
        if detail.equipment:
            used = "；".join(esc(e.text) for e in detail.equipment)
            self.equipment.setText(f"<b>{esc(self.tr('使用器材'))}</b>：{used}")
        else:
            self.equipment.setText(f"<b>{esc(self.tr('使用器材'))}</b>：{esc(self.tr('没有借用器材'))}")
        self._show_photos(detail.photos)
        texts = []
        for label, text in (
            (self.tr("活动内容"), detail.description),
            (self.tr("活动反思"), detail.reflection),
        ):
            body = (
                esc(text).replace("\n", "<br>")
                if text
                else f"<span style='color:#64748b'>{esc(self.tr('（没有填写）'))}</span>"
            )
            texts.append(f"<b>{esc(label)}</b><br>{body}")
        self.texts.setText("<br><br>".join(texts))

    def _attendance_html(self, detail: ActivityDetail) -> str:
        esc = html.escape
        head = f"<b>{esc(self.tr('点名'))}</b>："
        if not detail.roll_taken:
            return head + (
                f"<span style='color:#c0392b'>{esc(self.tr('还没有点名。请在“考勤”页选这次活动点名，出勤名单会出现在这里和报告里。'))}</span>"
            )
        present = detail.present
        counts = "，".join(
            esc(self.tr("%1 %2 人").replace("%1", label).replace("%2", str(n)))
            for label, n in detail.totals.items()
        )
        names = "、".join(esc(a.name) for a in present)
        return head + f"{counts}<br>{names}"

    def _show_photos(self, photos: tuple[PhotoRow, ...]) -> None:
        self.photos.clear()
        left_out = 0
        for photo in photos:
            item = QListWidgetItem(QIcon(thumbnail(photo.path, THUMB)), photo.caption or photo.path.stem[:6])
            item.setData(Qt.ItemDataRole.UserRole, photo.id)
            tip = [photo.caption] if photo.caption else []
            if photo.children:
                tip.append("、".join(c.name for c in photo.children))
            if not photo.printable:
                left_out += 1
                item.setForeground(RED)
                item.setText("⚠ " + item.text())
                tip.append(self._verdict_text(photo))
            item.setToolTip("\n".join(tip))
            self.photos.addItem(item)
        if not photos:
            text = self.tr("照片：还没有")
        elif left_out:
            text = (
                self.tr("照片 %1 张，其中 %2 张不会印在报告里（标 ⚠ 的：双击核对照片里的儿童）")
                .replace("%1", str(len(photos)))
                .replace("%2", str(left_out))
            )
        else:
            text = self.tr("照片 %1 张，都可以印在报告里").replace("%1", str(len(photos)))
        self.photos_label.setText(f"<b>{html.escape(text)}</b>")
        self.photos.setVisible(bool(photos))
        self.tag_button.setVisible(bool(photos))
        self.remove_photo_button.setVisible(bool(photos))

    def _verdict_text(self, photo: PhotoRow) -> str:
        verdict = str(photo.verdict)
        if verdict == "not_checked":
            return self.tr("还没核对照片里有哪些儿童，不打印")
        if verdict == "no_consent":
            return self.tr("照片里有未获拍照同意的儿童，不打印")
        return self.tr("照片文件找不到了")

    def chosen_photo(self) -> PhotoRow | None:
        item = self.photos.currentItem()
        if self.detail is None or item is None:
            return None
        photo_id = item.data(Qt.ItemDataRole.UserRole)
        return next((p for p in self.detail.photos if p.id == photo_id), None)

    def _photo_activated(self, item: QListWidgetItem) -> None:
        self.photos.setCurrentItem(item)
        photo = self.chosen_photo()
        if photo is not None:
            self.photo_chosen.emit(photo)


# =========================================================================================== the tab


class ActivitiesTab(ListPage):
    """活动记录 (see the module doc). The reports page's shell sets ``stale`` and calls ``refresh()``."""

    #: this tab takes no scans
    scan_input: ScannerInput | None = None

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        events = (
            DataEvents()
        )  # a private hub: the shell says what changed by ``stale``; this tab's changes go by ops
        super().__init__(ctx, events, prefix="activities", side_width=400, parent=parent)
        events.setParent(self)
        self.setObjectName("activitiesTab")
        self.ops = ops
        self.title_label.hide()  # the page's heading and the tab say it
        role = ctx.actor.role
        self.sees_all = allowed(role, "activities", READ)
        self.can_record = allowed(role, "activities", OWN) and (
            self.sees_all or ctx.actor.volunteer_id is not None
        )
        # Seams the tests replace: the file dialog, opening a PDF (it starts another program), today.
        self.today: Callable[[], dt.date] = dt.date.today
        self.choose_photo_file: Callable[[], Path | None] = self._ask_photo_file
        self.open_file: Callable[[Path], object] = lambda path: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(path))
        )
        self.job: Job | None = None
        self.last_pdf: Path | None = None
        self._quiet_selection = False
        self._volunteers: dict[int, str] = {}

        self.new_button = action_button("activitiesNew", self.tr("记录活动…"), self.open_new, key="Ctrl+N")
        self.add_actions(self.new_button)
        if not self.can_record:
            self.new_button.setEnabled(False)
            self.new_button.setToolTip(
                self.tr("这个账号还没有关联志愿者信息，请联系管理员在“用户账号”里关联。")
            )
        self.search.setPlaceholderText(
            self.tr("找活动：名称、拼音首字母（如 hbgd = 绘本共读）、内容、志愿者…")
        )
        self.search.setMaxLength(100)
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("activitiesKindFilter")
        self.kind_filter.addItem(self.tr("全部类型"), None)
        for kind, label in kind_labels().items():
            self.kind_filter.addItem(label, str(kind))
        self.period_filter = QComboBox()
        self.period_filter.setObjectName("activitiesPeriodFilter")
        for period, label in zip(
            PERIODS,
            (self.tr("最近一个月"), self.tr("本月"), self.tr("上个月"), self.tr("今年"), self.tr("全部")),
            strict=True,
        ):
            self.period_filter.addItem(label, period)
        self.volunteer_filter = QComboBox()
        self.volunteer_filter.setObjectName("activitiesVolunteerFilter")
        self.volunteer_filter.addItem(self.tr("全部志愿者"), None)
        self.add_filter(self.kind_filter, 1)
        self.add_filter(self.period_filter, 1)
        self.add_filter(self.volunteer_filter, 1)
        self.volunteer_filter.setVisible(self.sees_all)

        self.model = ActivityTableModel(self)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        for column, width in ((0, 98), (1, 104), (2, 64), (4, 110), (5, 50), (6, 42)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.detail_panel = ActivityDetailPanel()
        d = self.detail_panel
        d.print_button.clicked.connect(lambda: self.print_report())
        d.edit_button.clicked.connect(lambda: self.open_edit())
        d.delete_button.clicked.connect(lambda: self.ask_delete())
        d.add_photo_button.clicked.connect(lambda: self.add_photo())
        d.tag_button.clicked.connect(lambda: self.check_photo())
        d.remove_photo_button.clicked.connect(lambda: self.ask_remove_photo())
        d.photo_chosen.connect(lambda photo: self.check_photo(photo))
        self.add_panel(d, home=True)
        self.form = ActivityForm(ctx, self.ops)
        self.form.saved.connect(self._saved)
        self.form.closed.connect(self.close_panel)
        self.add_panel(self.form)
        self.photo_panel = PhotoPanel(ctx, self.ops)
        self.photo_panel.saved.connect(lambda _row: self._photo_saved())
        self.photo_panel.closed.connect(self.close_panel)
        self.add_panel(self.photo_panel)
        self.splitter.setSizes([700, 400])
        self.add_shortcuts(
            ("Ctrl+N", self.open_new), ("Ctrl+E", self.open_edit), ("Ctrl+P", self.print_report)
        )

    # --- the panel contract --------------------------------------------------------------------------------

    @property
    def stale(self) -> bool:
        return self._stale

    @stale.setter
    def stale(self, value: bool) -> None:
        self._stale = value

    def focus_first(self) -> None:
        current = self.side.currentWidget()
        if current is self.form:
            self.form.title.setFocus()
        elif current is self.photo_panel:
            self.photo_panel.filter.setFocus()
        else:
            self.focus_search()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.ensure_fresh()

    @property
    def busy(self) -> bool:
        return self.job is not None and self.job.running

    # --- loading and searching ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """The volunteers and rooms the form and the filter offer, then the list (the selection kept)."""
        loaded = self.ops.run(
            lambda: (
                volunteer_service.list_volunteers(self.ctx, active=None),
                volunteer_service.list_rooms(self.ctx),
            ),
            refused=lambda _exc: None,
        ).value
        if loaded is not None:
            people, rooms = loaded
            self._volunteers = {v.id: v.name for v in people}
            self.form.set_choices(self._volunteers, [(r.id, r.name) for r in rooms])
            chosen = self.volunteer_filter.currentData()
            self.volunteer_filter.blockSignals(True)
            self.volunteer_filter.clear()
            self.volunteer_filter.addItem(self.tr("全部志愿者"), None)
            for v in people:
                if v.active or v.id == chosen:
                    self.volunteer_filter.addItem(v.name, v.id)
            index = self.volunteer_filter.findData(chosen)
            self.volunteer_filter.setCurrentIndex(max(0, index))
            self.volunteer_filter.blockSignals(False)
        self.run_search()
        self.reload_detail()
        super().refresh()

    def run_search(self) -> list[ActivityRow]:
        first, last = period_range(str(self.period_filter.currentData()), self.today())
        kind, volunteer, text = (
            self.kind_filter.currentData(),
            self.volunteer_filter.currentData(),
            self.search.text(),
        )
        found = self.ops.run(
            lambda: activities.list_activities(
                self.ctx, first=first, last=last, kind=kind, volunteer_id=volunteer, text=text.strip()
            ),
            refused=self.message,
        ).value
        rows = list(found or [])
        current = self.detail_panel.detail.id if self.detail_panel.detail is not None else None
        self._quiet_selection = True
        try:
            self.model.set_rows(rows)
            if current is not None and (position := self.model.position_of(current)) is not None:
                self.select_row(position)
        finally:
            self._quiet_selection = False
        without_roll = sum(1 for r in rows if not r.roll_taken)
        self.count_label.setText(
            self.tr("共 %1 次活动，%2 次未点名")
            .replace("%1", f"{len(rows):,}")
            .replace("%2", f"{without_roll:,}")
        )
        return rows

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet_selection:
            return
        row = self.model.row_at(current) if current.isValid() else None
        self.show_activity(row.id if row is not None else None, new_selection=True)

    def show_activity(self, activity_id: int | None, *, new_selection: bool = False) -> ActivityDetail | None:
        if activity_id is None:
            self.detail_panel.show_detail(None, new_selection=new_selection)
            self._update_buttons()
            return None
        detail = self.ops.run(
            lambda: activities.get_activity(self.ctx, activity_id), refused=self.detail_panel.message
        ).value
        self.detail_panel.show_detail(detail, new_selection=new_selection)
        self._update_buttons()
        return detail

    def reload_detail(self) -> None:
        current = self.detail_panel.detail
        if current is not None:
            if self.model.position_of(current.id) is None:
                self.detail_panel.show_detail(None)
                self._update_buttons()
            else:
                self.show_activity(current.id)

    def select_activity(self, activity_id: int) -> bool:
        """Select an activity in the list (and show it); False when the filters hide it."""
        position = self.model.position_of(activity_id)
        if position is None:
            return False
        self._quiet_selection = True
        try:
            self.select_row(position)
        finally:
            self._quiet_selection = False
        self.show_activity(activity_id, new_selection=True)
        return True

    def _update_buttons(self) -> None:
        d = self.detail_panel
        detail = d.detail
        may_edit = detail is not None and detail.may_edit
        for button in (
            d.edit_button,
            d.delete_button,
            d.add_photo_button,
            d.tag_button,
            d.remove_photo_button,
        ):
            button.setEnabled(may_edit and not self.busy)
        d.print_button.setEnabled(detail is not None and not self.busy)

    # --- the form -------------------------------------------------------------------------------------------

    def close_panel(self) -> bool:
        if not super().close_panel():
            return False
        self.focus_search()
        return True

    def open_new(self) -> None:
        if not self.can_record:
            return
        self.form.set_choices(self._volunteers, self.form.rooms)
        self.show_panel(self.form)
        self.form.open_new(self.today())

    def open_edit(self) -> None:
        detail = self.detail_panel.detail
        if detail is None or not detail.may_edit:
            return
        self.show_panel(self.form)
        self.form.open_edit(detail)

    def _saved(self, detail: ActivityDetail) -> None:
        self.close_panel()
        if self.model.position_of(detail.id) is None:
            # A new activity outside the filters: show everything so that it can be seen where it was put.
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.kind_filter.blockSignals(True)
            self.kind_filter.setCurrentIndex(0)
            self.kind_filter.blockSignals(False)
        self.run_search()
        if not self.select_activity(detail.id):
            self.period_filter.setCurrentIndex(self.period_filter.findData("all"))
            self.select_activity(detail.id)
        show_message(
            self.detail_panel.message,
            self.tr("已保存：%1 %2").replace("%1", detail.on_date.isoformat()).replace("%2", detail.title),
            ok=True,
        )

    # --- deleting -------------------------------------------------------------------------------------------

    def ask_delete(self) -> None:
        detail = self.detail_panel.detail
        if detail is None or not detail.may_edit:
            return
        text = (
            self.tr("删除活动“%1”（%2）？")
            .replace("%1", detail.title)
            .replace("%2", detail.on_date.isoformat())
        )
        if detail.photos:
            text += self.tr("它的 %1 张照片也会删除。").replace("%1", str(len(detail.photos)))
        self.detail_panel.question.ask(
            text,
            ok=(self.tr("删除"), lambda: self._delete(detail.id)),
            cancel=(self.tr("不删除"), None),
        )

    def _delete(self, activity_id: int) -> None:
        done = self.ops.run(
            lambda: activities.delete_activity(self.ctx, activity_id),
            changes=CHANGES,
            refused=self.detail_panel.message,
        )
        if not done.ok:
            return
        self.detail_panel.show_detail(None)
        self.run_search()
        show_message(self.message, self.tr("已删除这次活动。"), ok=True)
        self.focus_search()

    # --- photos ---------------------------------------------------------------------------------------------

    def _ask_photo_file(self) -> Path | None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("选一张活动照片"),
            str(Path.home()),
            self.tr("照片 (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)"),
        )
        return Path(chosen) if chosen else None

    def add_photo(self) -> bool:
        detail = self.detail_panel.detail
        if detail is None or not detail.may_edit:
            return False
        source = self.choose_photo_file()
        if source is None:
            return False
        self.show_panel(self.photo_panel)
        opened = self.photo_panel.open_new(detail.id, source)
        self.photo_panel.filter.setFocus()
        return opened

    def check_photo(self, photo: PhotoRow | None = None) -> bool:
        detail = self.detail_panel.detail
        photo = photo or self.detail_panel.chosen_photo()
        if detail is None or photo is None or not detail.may_edit:
            if detail is not None and photo is None:
                show_message(self.detail_panel.message, self.tr("先在上面选一张照片。"))
            return False
        self.show_panel(self.photo_panel)
        opened = self.photo_panel.open_photo(photo)
        self.photo_panel.filter.setFocus()
        return opened

    def _photo_saved(self) -> None:
        self.close_panel()
        self.run_search()
        self.reload_detail()
        show_message(self.detail_panel.message, self.tr("照片已保存。"), ok=True)

    def ask_remove_photo(self) -> None:
        photo = self.detail_panel.chosen_photo()
        if photo is None:
            show_message(self.detail_panel.message, self.tr("先在上面选一张照片。"))
            return
        self.detail_panel.question.ask(
            self.tr("删除这张照片%1？").replace("%1", f"“{photo.caption}”" if photo.caption else ""),
            ok=(self.tr("删除"), lambda: self._remove_photo(photo.id)),
            cancel=(self.tr("不删除"), None),
        )

    def _remove_photo(self, photo_id: int) -> None:
        done = self.ops.run(
            lambda: activities.remove_photo(self.ctx, photo_id),
            changes=Area.ACTIVITIES,
            refused=self.detail_panel.message,
        )
        if done.ok:
            self.run_search()
            self.reload_detail()

    # --- the report -----------------------------------------------------------------------------------------

    def print_report(self) -> Job | None:
        """Write the selected activity's report into the exports folder on a worker thread, then open it."""
        detail = self.detail_panel.detail
        if detail is None or self.busy:
            return None
        folder = self.ctx.data_dir.exports
        stem = f"活动报告_{detail.on_date.isoformat()}_{safe_file_part(detail.title)}"
        path = unique_path(folder, stem)
        ctx, activity_id = self.ctx, detail.id

        def work(_progress: workers.Progress, _cancel: threading.Event) -> activities.WrittenReport:
            folder.mkdir(parents=True, exist_ok=True)
            return activities.write_activity_report(ctx, activity_id, path)

        show_message(self.detail_panel.message, self.tr("正在生成活动报告…"), ok=True)
        job = Job(work, name="activities:report", logs_dir=ctx.data_dir.logs)
        job.finished.connect(self._printed)
        job.failed.connect(self._print_failed)
        job.cancelled.connect(self._print_failed)
        self.job = job
        self.detail_panel.progress.show()
        started = job.start()
        self._update_buttons()
        return started

    def _job_ended(self) -> None:
        self.job = None
        self.detail_panel.progress.hide()
        self._update_buttons()

    def _printed(self, written: activities.WrittenReport) -> None:
        self._job_ended()
        self.last_pdf = written.path
        text = (
            self.tr("已生成 %1（%2 页）。").replace("%1", written.path.name).replace("%2", str(written.pages))
        )
        if written.photos_left_out:
            text += self.tr("有 %1 张照片没有印上（未核对儿童，或有儿童未同意拍照）。").replace(
                "%1", str(written.photos_left_out)
            )
        show_message(self.detail_panel.message, text, ok=True)
        self.open_file(written.path)

    def _print_failed(self, error: BaseException | str) -> None:
        self._job_ended()
        show_message(
            self.detail_panel.message, error if isinstance(error, str) else workers.message_for(error)
        )
