"""志愿者名单: the volunteers page's roster — search as you type, filters, and one panel at a time beside the table:
the selected volunteer, the volunteer form, a university team's list to import.

A :class:`~center_app.ui.pages.list_page.ListPage` held as a tab of the volunteers page (the panel contract:
``VolunteersRosterTab(ctx, ops)``, ``stale``, ``refresh()``, ``focus_first()``, no scanner input). The search is the
service's (``volunteers.list_volunteers``: name, full pinyin, initials ``mxy`` = 莫小燕, organisation, subject, skill,
part of the phone); the filters are 在岗 / 已停用 / 全部 and the organisation.

The side shows the selected volunteer (``VolunteerDetailPanel``): organisation, kind, phone, subjects and skills,
availability, service dates, the linked account, approved and pending hours; edit (F2) and deactivate / reactivate
after an inline question (nobody is deleted: their hours and certificates stay). Ctrl+N registers a volunteer
(``volunteer_form``), Ctrl+I imports a university team's list (the one ``ImportPanel``, volunteers kind:
``volunteers_import_kind``), 导出… writes the roster to Excel or CSV on a worker thread.

A teacher sees their own record only and may edit it; registering, importing, exporting and deactivating are
staff's (the buttons are off and say why; the services refuse anyway).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain.permissions import WRITE, allowed, denied_message
from center_app.services import volunteers
from center_app.services.volunteers import VolunteerImportPreview, VolunteerImportResult, VolunteerRow
from center_app.ui import workers
from center_app.ui.events import Area, DataEvents
from center_app.ui.i18n import format_date
from center_app.ui.models.rows import Index, RowsTableModel
from center_app.ui.operations import Operations
from center_app.ui.pages.list_page import (
    ExportControls,
    ListExport,
    ListPage,
    action_button,
    spreadsheet_path,
)
from center_app.ui.pages.volunteer_form import (
    VolunteerForm,
    gender_labels,
    hours_label,
    hours_short,
    kind_labels,
)
from center_app.ui.widgets.forms import bold_heading
from center_app.ui.widgets.import_panel import ImportKind, ImportPanel
from center_app.ui.widgets.inline_question import InlineQuestion
from center_app.ui.widgets.messages import show_message
from center_app.ui.workers import Job

#: ``data(index, VOLUNTEER_ID_ROLE)`` → the volunteer's id, for any column
VOLUNTEER_ID_ROLE = int(Qt.ItemDataRole.UserRole.value) + 1
translate = QCoreApplication.translate
GREY = QColor("#94a3b8")
AREA = "volunteers"


# =========================================================================================== the import kind


def _preview_lines(p: VolunteerImportPreview) -> list[str]:
    return [
        translate("VolunteersImportPanel", "将新增 %1 名志愿者，更新 %2 名，%3 名没有变化。")
        .replace("%1", str(p.new))
        .replace("%2", str(p.updated))
        .replace("%3", str(p.unchanged))
    ]


def _result_text(result: VolunteerImportResult) -> str:
    return (
        translate("VolunteersImportPanel", "已导入“%1”：新增 %2 名志愿者，更新 %3 名，%4 名没有变化。")
        .replace("%1", result.source)
        .replace("%2", str(result.created))
        .replace("%3", str(result.updated))
        .replace("%4", str(result.unchanged))
    )


def volunteers_import_kind() -> ImportKind:
    """A university team's list (``import volunteers FILE``): a volunteer already registered is updated, never
    registered twice, and a blank cell never erases — so the same file again needs no confirmation (the service's
    preview says it was imported before). Translated now: call it when the panel is built."""
    return ImportKind(
        names="volunteersImport",
        title=translate("VolunteersImportPanel", "导入志愿者名单"),
        intro=translate(
            "VolunteersImportPanel",
            "高校支教队或机构给的 Excel 或 CSV 名单，每行一名志愿者：姓名（必填）、性别、电话、单位/学校、类别、"
            "任教科目、特长、服务开始、服务结束、空闲时间（如“周一至周五 09:00-12:00”）、备注……列名写法不限"
            "（如“手机”“学校”“可服务时间”），表格上方的标题行、GBK 编码的 CSV 都可以。已登记的志愿者会更新，"
            "不会重复登记。先预览，确认后再导入。",
        ),
        choose_title=translate("VolunteersImportPanel", "选择志愿者名单"),
        service=volunteers.file_import,
        describe_preview=_preview_lines,
        describe_result=_result_text,
    )


# =========================================================================================== the table


class VolunteerTableModel(RowsTableModel[VolunteerRow]):
    """The roster: name, organisation, kind, phone, subjects, availability, approved hours, status."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("姓名"),
                self.tr("单位/学校"),
                self.tr("类别"),
                self.tr("电话"),
                self.tr("任教科目"),
                self.tr("空闲时间"),
                self.tr("已核定时长"),
                self.tr("状态"),
            ],
            parent,
        )
        self.kinds = kind_labels()

    def position_of(self, volunteer_id: int) -> int | None:
        return next((n for n, row in enumerate(self.rows) if row.id == volunteer_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == VOLUNTEER_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return GREY
        if role == Qt.ItemDataRole.ToolTipRole and column in (4, 5):
            return self._text(row, column) or None
        if role == Qt.ItemDataRole.ToolTipRole and column == 6 and row.approved_minutes + row.pending_minutes:
            text = hours_label(row.approved_minutes)
            if row.pending_minutes:
                text += self.tr("，另有 %1 待审核").replace("%1", hours_label(row.pending_minutes))
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 6:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def _text(self, row: VolunteerRow, column: int) -> str:
        if column == 0:
            return row.name
        if column == 1:
            return row.organisation
        if column == 2:
            return self.kinds.get(row.kind, row.kind)
        if column == 3:
            return row.phone
        if column == 4:
            return row.subjects
        if column == 5:
            return row.availability
        if column == 6:
            return hours_short(row.approved_minutes) if row.approved_minutes else ""
        return self.tr("在岗") if row.active else self.tr("已停用")


def size_columns(table: Any) -> None:
    header = table.horizontalHeader()
    for column, width in ((0, 64), (1, 104), (2, 72), (3, 116), (4, 80), (6, 76), (7, 44)):
        table.setColumnWidth(column, width)
    header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)


# =========================================================================================== the selected volunteer


class VolunteerDetailPanel(QWidget):
    """The selected volunteer. ``changed(volunteer_id)`` after a change made here (announced); ``edit_requested``."""

    changed = Signal(int)
    edit_requested = Signal()

    def __init__(
        self, ctx: AppContext, ops: Operations, message: QLabel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("volunteersDetail")
        self.ctx = ctx
        self.ops = ops
        self.page_message = message
        role = ctx.actor.role
        self.can_write = allowed(role, AREA, WRITE)
        self.row: VolunteerRow | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        self.title = bold_heading("")
        self.title.setObjectName("volunteersDetailName")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.info = QLabel()
        self.info.setObjectName("volunteersDetailInfo")
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.info)
        self.hours = QLabel()
        self.hours.setObjectName("volunteersDetailHours")
        self.hours.setWordWrap(True)
        self.hours.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.hours)

        self.action_row = QWidget()
        row = QHBoxLayout(self.action_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit_button = action_button(
            "volunteersDetailEdit", self.tr("修改  F2"), self.edit_requested.emit
        )
        self.active_button = action_button("volunteersDetailActive", self.tr("停用…"), self.ask_active)
        row.addWidget(self.edit_button)
        row.addWidget(self.active_button)
        row.addStretch(1)
        layout.addWidget(self.action_row)

        self.question = InlineQuestion("volunteersActiveConfirm", parent=self)
        # The page's Esc answers it (``close_boxes``): two Esc shortcuts in one page would cancel out.
        for shortcut in self.question.findChildren(QShortcut):
            shortcut.setEnabled(False)
        layout.addWidget(self.question)
        self.message = QLabel()
        self.message.setObjectName("volunteersDetailMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.empty = QLabel(self.tr("在左边选一名志愿者，这里显示他的信息、空闲时间和服务时长。"))
        self.empty.setObjectName("volunteersDetailEmpty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #64748b;")
        layout.addWidget(self.empty)
        layout.addStretch(1)

        if not self.can_write:
            self.active_button.setEnabled(False)
            self.active_button.setToolTip(denied_message(role, AREA, WRITE))
        self._show(None)

    # --- showing ------------------------------------------------------------------------------------------

    def show_volunteer(self, volunteer_id: int | None, *, new_selection: bool = False) -> None:
        """Load and show a volunteer (None: nothing selected). ``new_selection``: another one than before."""
        if new_selection:
            self.message.clear()
            self.question.hide()
        if volunteer_id is None:
            self._show(None)
            return
        row = self.ops.run(
            lambda: volunteers.get_volunteer(self.ctx, volunteer_id), refused=self.page_message
        ).value
        self._show(row)

    def _show(self, row: VolunteerRow | None) -> None:
        self.row = row
        has = row is not None
        for widget in (self.title, self.info, self.hours, self.action_row):
            widget.setVisible(has)
        self.empty.setVisible(not has)
        if row is None:
            return
        self.title.setText(row.label)
        self.info.setText(self._info_html(row))
        self.hours.setText(self._hours_html(row))
        self.active_button.setText(self.tr("停用…") if row.active else self.tr("重新启用…"))

    def _info_html(self, row: VolunteerRow) -> str:
        kind = kind_labels().get(row.kind, row.kind)
        status = self.tr("在岗") if row.active else self.tr("已停用")
        first = [kind, status]
        if row.gender:
            first.insert(1, gender_labels().get(row.gender, row.gender))
        lines = [" · ".join(escape(p) for p in first)]
        facts: list[tuple[str, str]] = [
            (self.tr("电话"), row.phone),
            (self.tr("任教科目"), row.subjects),
            (self.tr("特长"), row.skills),
            (self.tr("空闲时间"), row.availability or self.tr("没有写（哪天都可以）")),
            (self.tr("服务日期"), self._dates(row)),
            (self.tr("关联账号"), row.account),
            (self.tr("备注"), row.notes[:300]),
        ]
        for label, value in facts:
            if value:
                lines.append(f"<b>{escape(label)}：</b>{escape(value)}")
        return "<br>".join(lines)

    def _dates(self, row: VolunteerRow) -> str:
        if row.start_on and row.end_on:
            return f"{format_date(row.start_on)} – {format_date(row.end_on)}"
        if row.start_on:
            return self.tr("%1 起").replace("%1", format_date(row.start_on))
        if row.end_on:
            return self.tr("至 %1").replace("%1", format_date(row.end_on))
        return ""

    def _hours_html(self, row: VolunteerRow) -> str:
        text = self.tr("已核定服务时长 <b>%1</b>").replace("%1", escape(hours_label(row.approved_minutes)))
        if row.pending_minutes:
            pending = self.tr("待审核 %1").replace("%1", hours_label(row.pending_minutes))
            text += f" · <span style='color:#b45309'>{escape(pending)}</span>"
        return text

    # --- actions ------------------------------------------------------------------------------------------

    def close_boxes(self) -> bool:
        """Esc: drop the question if it is open."""
        if self.question.isVisible():
            self.question.answer("cancel")
            return True
        return False

    def ask_active(self) -> None:
        row = self.row
        if row is None or not self.can_write:
            return
        if row.active:
            text = self.tr(
                "停用“%1”？停用后不再出现在排课和签到的名单里；服务时长和证明都保留，以后可以重新启用。"
            ).replace("%1", row.name)
            ok = self.tr("确认停用")
        else:
            text = self.tr("重新启用“%1”？").replace("%1", row.name)
            ok = self.tr("重新启用")
        self.question.ask(text, ok=(ok, self.toggle_active), cancel=(self.tr("取消"), None))

    def toggle_active(self) -> bool:
        row = self.row
        if row is None:
            return False
        active = not row.active
        saved = self.ops.run(
            lambda: volunteers.set_volunteer_active(self.ctx, row.id, active),
            changes=Area.VOLUNTEERS,
            refused=self.message,
        ).value
        if saved is None:
            return False
        text = self.tr("已停用“%1”。") if not active else self.tr("已重新启用“%1”。")
        show_message(self.page_message, text.replace("%1", saved.name), ok=True)
        self._show(saved)
        self.changed.emit(saved.id)
        return True


# =========================================================================================== the tab


class VolunteersRosterTab(ListPage):
    """志愿者名单 (see the module doc). The volunteers page's shell sets ``stale`` and calls ``refresh()``."""

    #: this tab takes no scans
    scan_input = None

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        # A ListPage is a Page: it gets a private hub nobody announces on — the shell tells this tab of changes by
        # setting ``stale``, and the tab's own changes go out through ``ops``.
        events = DataEvents()
        super().__init__(ctx, events, prefix="volunteersRoster", side_width=380, parent=parent)
        events.setParent(self)
        self.setObjectName("volunteersRosterTab")
        self.ops = ops
        self.title_label.hide()  # the page's heading and the tab say it
        role = ctx.actor.role
        self.can_write = allowed(role, AREA, WRITE)
        self._quiet_selection = False
        # Seam the tests replace: the native file dialog is modal.
        self.choose_export_file: Callable[[], str] = lambda: QFileDialog.getSaveFileName(
            self,
            self.tr("导出志愿者名单"),
            str(ctx.data_dir.exports / f"志愿者名单_{dt.date.today():%Y%m%d}.xlsx"),
            self.tr("Excel 文件 (*.xlsx);;CSV 文件 (*.csv)"),
        )[0]

        self._build_header()
        self.search.setPlaceholderText(
            self.tr("姓名、拼音首字母（如 mxy = 莫小燕）、学校、科目、特长、电话…")
        )
        self.search.setMaxLength(100)
        self._build_filters()
        self.model = VolunteerTableModel(self)
        self.table.setModel(self.model)
        size_columns(self.table)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(lambda _index: self.open_edit())
        self._build_panels()
        self.splitter.setSizes([720, 380])
        self._build_export()

        self.add_shortcuts(("Ctrl+N", self.open_add), ("Ctrl+I", self.open_import), ("F2", self.open_edit))
        if not self.can_write:
            show_message(
                self.message,
                self.tr("这里只显示你自己的志愿者信息，可以修改自己的电话、科目和空闲时间。"),
                error=False,
            )

    # --- the panel contract --------------------------------------------------------------------------------

    @property
    def stale(self) -> bool:
        return self._stale

    @stale.setter
    def stale(self, value: bool) -> None:
        self._stale = value

    def focus_first(self) -> None:
        self.focus_search()

    # --- building -----------------------------------------------------------------------------------------

    def _build_header(self) -> None:
        self.add_button = action_button(
            "volunteersRosterAdd", self.tr("登记志愿者"), self.open_add, key="Ctrl+N"
        )
        self.import_button = action_button(
            "volunteersRosterImport", self.tr("导入名单…"), self.open_import, key="Ctrl+I"
        )
        self.export_button = action_button("volunteersRosterExport", self.tr("导出…"), self.export)
        self.add_actions(self.add_button, self.import_button, self.export_button)
        if not self.can_write:
            why = denied_message(self.ctx.actor.role, AREA, WRITE)
            for button in (self.add_button, self.import_button, self.export_button):
                button.setEnabled(False)
                button.setToolTip(why)

    def _build_filters(self) -> None:
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("volunteersRosterStatusFilter")
        for text, value in ((self.tr("在岗"), True), (self.tr("已停用"), False), (self.tr("全部"), None)):
            self.status_filter.addItem(text, value)
        self.organisation_filter = QComboBox()
        self.organisation_filter.setObjectName("volunteersRosterOrganisationFilter")
        self.organisation_filter.addItem(self.tr("全部单位"), None)
        self.organisation_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.organisation_filter.setMinimumContentsLength(10)
        self.add_filter(self.status_filter)
        self.add_filter(self.organisation_filter, 1)

    def _build_panels(self) -> None:
        self.detail_panel = VolunteerDetailPanel(self.ctx, self.ops, self.message)
        self.detail_panel.changed.connect(self._changed_here)
        self.detail_panel.edit_requested.connect(self.open_edit)
        self.add_panel(self.detail_panel, home=True)
        self.form = VolunteerForm(self.ctx, self.ops)
        self.form.saved.connect(self._saved)
        self.form.closed.connect(self.close_panel)
        self.add_panel(self.form)
        self.import_panel = ImportPanel(self.ctx, volunteers_import_kind())
        self.import_panel.imported.connect(self._imported)
        self.import_panel.closed.connect(self.close_panel)
        self.add_panel(self.import_panel)

    def _build_export(self) -> None:
        self.export_path: Path | None = None
        self.exporter = ListExport("export:volunteers", self.ctx.data_dir.logs, self)
        self.export_controls = ExportControls(self.exporter, "volunteersRoster", self.tr("取消"), self)
        self.export_progress, self.export_cancel = self.export_controls.bar, self.export_controls.cancel
        self.exporter.ended.connect(self._export_ended)
        self.exporter.finished.connect(self._exported)
        self.exporter.failed.connect(lambda text: show_message(self.message, text))
        self.status_row.addWidget(self.export_progress)
        self.status_row.addWidget(self.export_cancel)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.ensure_fresh()  # the page's shell does this too; a tab shown on its own needs it

    # --- loading and searching ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the organisations and the list again and show the same selection."""
        names = self.ops.run(lambda: volunteers.list_organisations(self.ctx), refused=self.message).value
        if names is not None:
            self._fill_organisations(names)
            self.form.set_organisations(names)
        self.run_search()
        row = self.detail_panel.row
        if row is not None:
            self.detail_panel.show_volunteer(row.id if self.model.position_of(row.id) is not None else None)
        super().refresh()

    def _fill_organisations(self, names: list[str]) -> None:
        combo = self.organisation_filter
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for name in names:
            combo.addItem(name, name)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
        combo.blockSignals(False)

    def run_search(self) -> list[VolunteerRow]:
        query = self.search.text()
        active = self.status_filter.currentData()
        organisation = self.organisation_filter.currentData()
        rows = self.ops.run(
            lambda: volunteers.list_volunteers(self.ctx, query, active=active, organisation=organisation),
            refused=self.message,
        ).value
        if rows is None:
            return []
        current = self.detail_panel.row.id if self.detail_panel.row is not None else None
        self._quiet_selection = True
        try:
            self.model.set_rows(rows)
            at = self.model.position_of(current) if current is not None else None
            if at is not None:
                self.select_row(at)
        finally:
            self._quiet_selection = False
        approved = sum(r.approved_minutes for r in rows)
        self.count_label.setText(
            self.tr("共 %1 人，已核定 %2").replace("%1", str(len(rows))).replace("%2", hours_label(approved))
        )
        if current is not None and self.model.position_of(current) is None:
            self.detail_panel.show_volunteer(None)
        elif current is None and len(rows) == 1:
            self.select_volunteer(rows[0].id)  # one hit: show it at once
        return rows

    def select_volunteer(self, volunteer_id: int, *, show: bool = True) -> bool:
        row = self.model.position_of(volunteer_id)
        if row is None:
            return False
        self._quiet_selection = True
        try:
            self.select_row(row)
        finally:
            self._quiet_selection = False
        if show:
            self.detail_panel.show_volunteer(volunteer_id, new_selection=True)
        return True

    def names(self) -> list[str]:
        """The names listed now (tests, and what a person reads down the first column)."""
        return [row.name for row in self.model.rows]

    def table_key(self, key: int) -> bool:
        if key == Qt.Key.Key_Up and self.table.currentIndex().row() <= 0:
            self.focus_search()
            return True
        return False

    def escape_home(self) -> bool:
        return self.detail_panel.close_boxes()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet_selection:
            return
        volunteer_id = current.data(VOLUNTEER_ID_ROLE) if current.isValid() else None
        self.detail_panel.show_volunteer(
            int(volunteer_id) if volunteer_id is not None else None, new_selection=True
        )

    def _changed_here(self, volunteer_id: int) -> None:
        """After this tab changed a volunteer (and announced it): read the list again, keep them selected when
        still listed (a deactivated volunteer leaves the 在岗 list)."""
        self.refresh()
        if self.select_volunteer(volunteer_id, show=False):
            self.detail_panel.show_volunteer(volunteer_id)

    # --- panels ---------------------------------------------------------------------------------------------

    def panel_busy(self) -> bool:
        return self.import_panel.busy

    def close_panel(self) -> bool:
        if not super().close_panel():
            return False
        self.focus_search()
        return True

    def open_add(self) -> None:
        if not self.can_write:
            return
        self.form.load_accounts()
        self.show_panel(self.form)
        if self.form.editing is not None:
            self.form.start_new()
        else:
            self.form.name.setFocus()

    def open_edit(self) -> None:
        row = self.detail_panel.row
        if row is None:
            return
        self.form.load_accounts()
        self.show_panel(self.form)
        self.form.start_edit(row)

    def open_import(self) -> None:
        if not self.can_write:
            return
        if self.import_panel.preview is None:
            self.import_panel.reset()
        self.show_panel(self.import_panel)
        self.import_panel.choose_button.setFocus()

    def _saved(self, volunteer_id: int) -> None:
        """The form saved a volunteer (announced by its service call): the list shows them, selected."""
        editing = self.form.editing is not None
        if self.status_filter.currentData() is False:
            self.status_filter.setCurrentIndex(0)  # a new or edited volunteer is 在岗: show where they are
        self.refresh()
        if not self.select_volunteer(volunteer_id, show=False):
            self.search.clear()
            self.select_volunteer(volunteer_id, show=False)
        self.detail_panel.show_volunteer(volunteer_id, new_selection=True)
        if editing:
            text = self.form.message.text()
            self.close_panel()
            show_message(self.message, text, ok=not self.form.link_failed)

    def _imported(self, _result: VolunteerImportResult) -> None:
        if self.ops.announce is not None:
            self.ops.announce(Area.VOLUNTEERS)  # the panel ran the import on a worker, outside ``ops``
        self.refresh()

    # --- export ---------------------------------------------------------------------------------------------

    @property
    def exporting(self) -> bool:
        return self.exporter.running

    def export(self) -> Job | None:
        """Ask where to save, then write every volunteer (the import's columns) on a worker thread."""
        if self.exporter.running or not self.can_write:
            return None
        path = spreadsheet_path(self.choose_export_file())
        if path is None:
            return None
        ctx = self.ctx

        def work(progress: workers.Progress, _cancel: threading.Event) -> int:
            return volunteers.export_volunteers(ctx, path, progress=workers.steps(progress))

        self.export_path = path
        self.message.clear()
        self.export_controls.begin()
        self.export_button.setEnabled(False)
        return self.exporter.start(work)

    def _export_ended(self) -> None:
        self.export_button.setEnabled(self.can_write)

    def _exported(self, count: int) -> None:
        show_message(
            self.message,
            self.tr("已导出 %1 名志愿者到 %2").replace("%1", str(count)).replace("%2", str(self.export_path)),
            ok=True,
        )
