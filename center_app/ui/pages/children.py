"""儿童: the roster — search as you type (name, pinyin initials such as ``wzh``, class, card number), the selected
child's file beside it, and the panels to register or edit a child, record a follow-up, import and export the
roster and move everyone up a grade.

Layout: search and filters on top, the roster on the left, and on the right one panel at a time: the child's file
(``childDetail``), the profile form (``childForm``), the follow-up form, the import panel, the export confirmation
or the promotion confirmation. Nothing here is a modal dialog.

Privacy (docs/permissions.md): the services redact for the signed-in role; this page only decides what to *show*:
columns and sections a role may not read are left out (not shown empty), and buttons it may not use are hidden.
A librarian sees name, class and card — what the desk needs — and the page says that the rest is not theirs to see.

Keys: Ctrl+F search, ↓ or Enter from the search into the list, Enter/F2/double-click edits, Ctrl+N new child,
Ctrl+I import, Ctrl+S saves a form, Esc closes the panel (or clears the search).
"""

from __future__ import annotations

import datetime as dt
import html
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain import children as dom
from center_app.domain.errors import DomainError
from center_app.domain.permissions import CHILD_GROUPS, READ, WRITE, allowed
from center_app.services import children as service
from center_app.services import roster
from center_app.services.children import ChildDetail, ChildRow
from center_app.services.roster import ExportResult
from center_app.ui import workers
from center_app.ui.events import DataEvents
from center_app.ui.i18n import format_date
from center_app.ui.models.rows import RowsTableModel
from center_app.ui.pages.base import Page, page_title
from center_app.ui.pages.child_form import ChildForm, FollowUpForm, heading, reason_label
from center_app.ui.pages.children_import import children_import_kind
from center_app.ui.widgets.import_panel import ImportPanel
from center_app.ui.widgets.messages import show_message
from center_app.ui.workers import Job

CHILD_ID_ROLE = Qt.ItemDataRole.UserRole
STAR = "★"
LEFT_COLOUR = QColor("#94a3b8")
STAR_COLOUR = QColor("#d97706")
# The undo button stays this long after a promotion; later the profiles have been edited and undo would be
# refused anyway, so a year-old "undo" button would only be a trap.
UNDO_OFFER_DAYS = 30
# Splitter sizes: list and file side by side; a wider form (two fields a row) when editing.
SIZES_BROWSE = (724, 436)
SIZES_FORM = (380, 780)

Index = QModelIndex | QPersistentModelIndex


class ChildTableModel(RowsTableModel[ChildRow]):
    """The roster's columns; the personal ones only for roles that may read them (``columns`` says which)."""

    def __init__(self, role: str, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        titles = {
            "name": self.tr("姓名"),
            "special": STAR,
            "gender": self.tr("性别"),
            "grade": self.tr("年级"),
            "class": self.tr("班级"),
            "card": self.tr("借书证"),
            "left_behind": self.tr("留守类型"),
            "guardian": self.tr("监护人"),
            "phone": self.tr("电话"),
        }
        shown = {
            "special": allowed(role, "child.profile", READ),
            "left_behind": allowed(role, "child.profile", READ),
            "guardian": allowed(role, "child.family", READ),
            "phone": allowed(role, "child.phones", READ),
        }
        self.columns = [key for key in titles if shown.get(key, True)]
        self.headers = [titles[key] for key in self.columns]

    def column(self, key: str) -> int:
        return self.columns.index(key)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        key = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == CHILD_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.status == dom.LEFT:
                return LEFT_COLOUR
            if key == "special":
                return STAR_COLOUR
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.status == dom.LEFT:
                return self.tr("已离开")
            if key == "special" and row.special_attention:
                return self.tr("重点关注")
            if key == "guardian" and row.guardian_relation:
                return f"{row.guardian_name}（{row.guardian_relation}）"
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("special", "gender"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, row: ChildRow, key: str) -> str:
        if key == "name":
            return row.name
        if key == "special":
            return STAR if row.special_attention else ""
        if key == "gender":
            return row.gender_label
        if key == "grade":
            return row.grade_label
        if key == "class":
            return row.class_name
        if key == "card":
            return row.card_barcode or ""
        if key == "left_behind":
            return row.left_behind_label
        if key == "guardian":
            if row.guardian_name and row.guardian_relation:
                return f"{row.guardian_name}（{row.guardian_relation}）"
            return row.guardian_name
        if key == "phone":
            return row.guardian_phone
        return ""


def _esc(value: object) -> str:
    return html.escape(str(value or "")).replace("\n", "<br>")


class ChildrenPage(Page):
    areas = ("children", "attendance")

    def __init__(self, ctx: AppContext, events: DataEvents, parent: QWidget | None = None) -> None:
        super().__init__(ctx, events, parent)
        self.setObjectName("childrenPage")
        role = ctx.actor.role
        self.can_write = allowed(role, "children", WRITE) and allowed(role, "child.basic", WRITE)
        self.sees_profile = allowed(role, "child.profile", READ)
        self.can_follow_up = allowed(role, "child.followups", WRITE)
        # The librarian issues library cards at the desk: the card button is theirs too.
        self.can_card = allowed(role, "child.basic", WRITE) or allowed(role, "circulation", WRITE)
        # An import can fill every field group; a promotion changes grade, class and status.
        self.can_import = allowed(role, "children", WRITE) and all(
            allowed(role, group, WRITE) for group in CHILD_GROUPS if group != "child.followups"
        )
        self.can_promote = self.can_write and allowed(role, "child.profile", WRITE)
        self.current_id: int | None = None
        self.detail: ChildDetail | None = None
        self._total = 0
        self._pending_action: Callable[[], None] | None = None
        self._undo_token: str | None = None
        self._promote_force_needed = False
        self.export_job: Job | None = None  # the roster export running, if any
        # Seam the tests replace: the native file dialog is modal. Gets the suggested file, returns the chosen one.
        self.choose_export_file: Callable[[Path], str] = lambda suggested: QFileDialog.getSaveFileName(
            self,
            self.tr("导出花名册"),
            str(suggested),
            self.tr("Excel 文件 (*.xlsx);;CSV 文件 (*.csv)"),
        )[0]

        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 8)
        outer.setSpacing(8)
        outer.addLayout(self._build_header())
        outer.addLayout(self._build_search_row())

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("childrenSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_table())
        self.side = QStackedWidget()
        self.side.setObjectName("childrenSide")
        self.side.setMinimumWidth(420)
        self.side.setFrameShape(QFrame.Shape.StyledPanel)
        self.detail_panel = self._build_detail()
        self.side.addWidget(self.detail_panel)
        self.form = ChildForm(ctx)
        self.form.saved.connect(self._saved)
        self.form.closed.connect(self.close_panel)
        self.side.addWidget(self.form)
        self.follow_up_form = FollowUpForm(ctx)
        self.follow_up_form.saved.connect(self._saved)
        self.follow_up_form.closed.connect(self.close_panel)
        self.side.addWidget(self.follow_up_form)
        self.import_panel = ImportPanel(ctx, children_import_kind())
        self.import_panel.imported.connect(self._imported)
        self.import_panel.closed.connect(self.close_panel)
        self.side.addWidget(self.import_panel)
        self.export_panel = self._build_export_panel()
        self.side.addWidget(self.export_panel)
        self.promote_panel = self._build_promote_panel()
        self.side.addWidget(self.promote_panel)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes(list(SIZES_BROWSE))
        outer.addWidget(self.splitter, 1)
        outer.addLayout(self._build_status_row())

        self.search.installEventFilter(self)
        self.table.installEventFilter(self)
        self._shortcuts()
        self._apply_role()
        self._show_detail(None)

    # ========================================================================================= building

    def _button(self, name: str, text: str, slot: Callable[[], object], tip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        if tip:
            button.setToolTip(tip)
        button.clicked.connect(lambda: slot())
        return button

    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(page_title(self.tr("儿童")))
        self.count_label = QLabel()
        self.count_label.setObjectName("childrenCount")
        self.count_label.setStyleSheet("color: #334155;")
        row.addSpacing(12)
        row.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        row.addStretch(1)
        self.add_button = self._button("childrenAdd", self.tr("登记新儿童  Ctrl+N"), self.open_add)
        self.import_button = self._button(
            "childrenImport", self.tr("导入花名册…"), self.open_import, "Ctrl+I"
        )
        self.export_button = self._button("childrenExport", self.tr("导出花名册…"), self.open_export)
        self.promote_button = self._button(
            "childrenPromote",
            self.tr("全体升一级…"),
            self.open_promote,
            self.tr("新学年开学时：所有在册儿童升一个年级，初三儿童离开"),
        )
        for button in (self.add_button, self.import_button, self.export_button, self.promote_button):
            row.addWidget(button)
        return row

    def _build_search_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        self.search = QLineEdit()
        self.search.setObjectName("childrenSearch")
        self.search.setPlaceholderText(self.tr("姓名、拼音首字母（如 wzh）、班级、借书证号…  Ctrl+F"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(100)
        font = QFont(self.search.font())
        font.setPointSize(font.pointSize() + 3)
        self.search.setFont(font)
        self.search.setMinimumHeight(36)
        self.search.textChanged.connect(lambda _text: self.run_search())
        self.search.returnPressed.connect(self._search_entered)
        row.addWidget(self.search, 3)

        self.class_filter = QComboBox()
        self.class_filter.setObjectName("childrenClassFilter")
        self.class_filter.addItem(self.tr("全部班级"), None)
        self.class_filter.setMinimumContentsLength(7)
        self.class_filter.setMaxVisibleItems(24)
        self.class_filter.currentIndexChanged.connect(lambda _i: self.run_search())
        row.addWidget(self.class_filter, 1)

        self.status_filter = QComboBox()
        self.status_filter.setObjectName("childrenStatusFilter")
        self.status_filter.addItem(self.tr("在册"), dom.ACTIVE)
        self.status_filter.addItem(self.tr("离开"), dom.LEFT)
        self.status_filter.addItem(self.tr("全部"), None)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.run_search())
        row.addWidget(self.status_filter)

        self.special_only = QCheckBox(self.tr("只看重点关注 ★"))
        self.special_only.setObjectName("childrenSpecialOnly")
        self.special_only.toggled.connect(lambda _on: self.run_search())
        row.addWidget(self.special_only)
        return row

    def _build_table(self) -> QTableView:
        self.model = ChildTableModel(self.ctx.actor.role, self)
        self.table = QTableView()
        self.table.setObjectName("childrenTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(False)  # the service's order (grade, class, pinyin) is the order
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        # Sized for the widest usual value (父母均外出, 一年级10班, 11-digit phones) at 1366 pixels.
        widths = {
            "name": 68,
            "special": 26,
            "gender": 40,
            "grade": 58,
            "class": 86,
            "card": 70,
            "left_behind": 84,
            "guardian": 122,
        }
        for key, width in widths.items():
            if key in self.model.columns:
                self.table.setColumnWidth(self.model.column(key), width)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(lambda _index: self.open_edit())
        return self.table

    def _build_detail(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("childDetail")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        self.detail_name = heading("")
        self.detail_name.setObjectName("childDetailName")
        self.detail_name.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.detail_name)
        self.detail_summary = QLabel()
        self.detail_summary.setObjectName("childDetailSummary")
        self.detail_summary.setStyleSheet("color: #334155;")
        self.detail_summary.setWordWrap(True)
        layout.addWidget(self.detail_summary)

        self.actions = QWidget()
        actions = QHBoxLayout(self.actions)
        actions.setContentsMargins(0, 2, 0, 2)
        self.edit_button = self._button("childrenEdit", self.tr("修改档案  Enter"), self.open_edit)
        self.follow_up_button = self._button("childrenFollowUp", self.tr("记录回访"), self.open_follow_up)
        self.card_button = self._button("childrenCard", self.tr("发借书证"), self.card_action)
        self.status_button = self._button("childrenStatus", self.tr("离开…"), self.status_action)
        for button in (self.edit_button, self.follow_up_button, self.card_button, self.status_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addWidget(self.actions)

        # One small inline confirmation for the detail's actions (leave / back on the roll / replace a card).
        self.action_box = QFrame()
        self.action_box.setObjectName("childrenActionBox")
        self.action_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.action_box.setStyleSheet("#childrenActionBox { background: #fefce8; }")
        box = QVBoxLayout(self.action_box)
        box.setContentsMargins(8, 6, 8, 6)
        self.action_text = QLabel()
        self.action_text.setObjectName("childrenActionText")
        self.action_text.setWordWrap(True)
        box.addWidget(self.action_text)
        box_row = QHBoxLayout()
        self.action_date_label = QLabel(self.tr("日期："))
        self.action_date = QLineEdit()
        self.action_date.setObjectName("childrenActionDate")
        self.action_date.setMaxLength(20)
        self.action_date.setMaximumWidth(140)
        self.action_date.returnPressed.connect(self._confirm_action)
        self.action_ok = self._button("childrenActionOk", self.tr("确定"), self._confirm_action)
        self.action_cancel = self._button("childrenActionCancel", self.tr("取消"), self._hide_action)
        box_row.addWidget(self.action_date_label)
        box_row.addWidget(self.action_date)
        box_row.addStretch(1)
        box_row.addWidget(self.action_ok)
        box_row.addWidget(self.action_cancel)
        box.addLayout(box_row)
        self.action_box.hide()
        layout.addWidget(self.action_box)

        self.no_access = QLabel(self.tr("（无权查看其他信息）"))
        self.no_access.setObjectName("childDetailNoAccess")
        self.no_access.setStyleSheet("color: #64748b;")
        layout.addWidget(self.no_access)

        body = QWidget()
        body.setObjectName("childDetailBody")
        sections = QVBoxLayout(body)
        sections.setContentsMargins(0, 0, 6, 0)
        sections.setSpacing(10)
        self.sections: dict[str, QLabel] = {}
        for key in ("Basic", "Family", "Pickups", "Health", "FollowUps"):
            label = QLabel()
            label.setObjectName(f"childDetail{key}")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.sections[key] = label
            sections.addWidget(label)
        sections.addStretch(1)
        self.detail_scroll = QScrollArea()
        self.detail_scroll.setObjectName("childDetailScroll")
        self.detail_scroll.setWidgetResizable(True)
        self.detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detail_scroll.setWidget(body)
        layout.addWidget(self.detail_scroll, 1)

        self.detail_empty = QLabel()
        self.detail_empty.setObjectName("childDetailEmpty")
        self.detail_empty.setWordWrap(True)
        self.detail_empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail_empty.setStyleSheet("color: #64748b;")
        layout.addWidget(self.detail_empty, 1)
        return panel

    def _panel(self, name: str, title: str) -> tuple[QWidget, QVBoxLayout]:
        panel = QWidget()
        panel.setObjectName(name)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(10)
        layout.addWidget(heading(title))
        return panel, layout

    def _build_export_panel(self) -> QWidget:
        panel, layout = self._panel("childrenExportConfirm", self.tr("导出花名册"))
        text = QLabel(
            self.tr(
                "花名册包含儿童的个人信息，导出会记入审计日志（谁、什么时候、多少名儿童、存到哪里）。"
                "导出的文件请妥善保管，用完删除，不要发到群里。"
            )
        )
        text.setObjectName("childrenExportText")
        text.setWordWrap(True)
        layout.addWidget(text)
        self.export_anonymise = QCheckBox(self.tr("匿名导出"))
        self.export_anonymise.setObjectName("childrenExportAnonymise")
        layout.addWidget(self.export_anonymise)
        note = QLabel(
            self.tr(
                "匿名导出：只有统计需要的代号（儿童A、儿童B…，每名儿童一个）、性别、年级、班级、年龄和留守类型；"
                "姓名、出生日期、学校、住址、电话、父母务工地、监护人、健康情况、过敏和备注都不导出 —— "
                "用于统计或交给中心以外的人。"
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #64748b; margin-left: 22px;")
        layout.addWidget(note)
        # Parented before its visibility is set: a parentless widget made visible is a window of its own for a
        # moment, and takes activation (shortcuts, scanner input) from the main window.
        self.export_include_left = QCheckBox(self.tr("包括已离开的儿童"), panel)
        self.export_include_left.setObjectName("childrenExportIncludeLeft")
        layout.addWidget(self.export_include_left)
        self.export_include_left.setVisible(self.sees_profile)
        columns = QLabel(
            self.tr("只导出您有权查看的信息。Excel 或 CSV 文件，可以改好后再用“导入花名册”导回来。")
        )
        columns.setWordWrap(True)
        columns.setStyleSheet("color: #64748b;")
        layout.addWidget(columns)
        buttons = QHBoxLayout()
        self.export_go = self._button("childrenExportGo", self.tr("选择保存位置并导出…"), self.run_export)
        self.export_back = self._button("childrenExportBack", self.tr("不导出"), self.close_panel)
        buttons.addWidget(self.export_go)
        buttons.addWidget(self.export_back)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.export_message = QLabel()
        self.export_message.setObjectName("childrenExportMessage")
        self.export_message.setWordWrap(True)
        layout.addWidget(self.export_message)
        layout.addStretch(1)
        return panel

    def _build_promote_panel(self) -> QWidget:
        panel, layout = self._panel("childrenPromoteConfirm", self.tr("全体升一级"))
        self.promote_summary = QLabel()
        self.promote_summary.setObjectName("childrenPromoteSummary")
        self.promote_summary.setWordWrap(True)
        self.promote_summary.setTextFormat(Qt.TextFormat.RichText)
        self.promote_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.promote_summary)
        self.promote_force = QCheckBox(self.tr("确实需要再升一次"))
        self.promote_force.setObjectName("childrenPromoteForce")
        self.promote_force.toggled.connect(lambda _on: self._update_promote_button())
        layout.addWidget(self.promote_force)
        buttons = QHBoxLayout()
        self.promote_go = self._button("childrenPromoteGo", self.tr("确认全体升一级"), self.run_promote)
        self.promote_back = self._button("childrenPromoteBack", self.tr("不升级"), self.close_panel)
        buttons.addWidget(self.promote_go)
        buttons.addWidget(self.promote_back)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.promote_message = QLabel()
        self.promote_message.setObjectName("childrenPromoteMessage")
        self.promote_message.setWordWrap(True)
        layout.addWidget(self.promote_message)
        layout.addStretch(1)
        return panel

    def _build_status_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.message = QLabel()
        self.message.setObjectName("childrenMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.undo_button = self._button("childrenPromoteUndo", self.tr("撤销升级"), self.undo_promotion)
        self.undo_button.hide()
        row.addWidget(self.message, 1)
        row.addWidget(self.undo_button)
        return row

    def _shortcuts(self) -> None:
        for key, slot in (
            ("Ctrl+N", self.open_add),
            ("Ctrl+I", self.open_import),
            ("Ctrl+F", self.focus_search),
            ("F2", self.open_edit),
            ("Escape", self._escape),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=slot: s())

    def _apply_role(self) -> None:
        """Hide what the role may not do (the services refuse it anyway)."""
        self.add_button.setVisible(self.can_write)
        self.import_button.setVisible(self.can_import)
        self.promote_button.setVisible(self.can_promote)
        self.edit_button.setVisible(self.can_write)
        self.status_button.setVisible(self.can_write and self.sees_profile)
        self.follow_up_button.setVisible(self.can_follow_up)
        self.card_button.setVisible(self.can_card)
        # Filtering by status or by the special-attention mark would reveal them.
        self.status_filter.setVisible(self.sees_profile)
        self.special_only.setVisible(self.sees_profile)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            self.search.setFocus()  # coming to the page means looking someone up: type at once

    # ========================================================================================= list

    def refresh(self) -> None:
        self._fill_classes()
        try:
            self._total = len(service.list_children(self.ctx))
        except DomainError as exc:
            show_message(self.message, exc.message)
        self.run_search()
        if self.side.currentWidget() is self.detail_panel:
            self._show_detail(self.current_id)
        self._update_undo()
        super().refresh()

    def _fill_classes(self) -> None:
        current = self.class_filter.currentData()
        try:
            classes = service.list_classes(self.ctx)
        except DomainError:
            classes = []
        self.class_filter.blockSignals(True)
        self.class_filter.clear()
        self.class_filter.addItem(self.tr("全部班级"), None)
        for name in classes:
            self.class_filter.addItem(name, name)
        index = self.class_filter.findData(current) if current else 0
        self.class_filter.setCurrentIndex(max(index, 0))
        self.class_filter.blockSignals(False)
        self.form.set_classes(classes)

    def _filters_active(self) -> bool:
        return bool(
            self.search.text().strip()
            or self.class_filter.currentData()
            or self.status_filter.currentData() != dom.ACTIVE
            or self.special_only.isChecked()
        )

    def run_search(self) -> None:
        """Search as you type; the selected child stays selected while still listed."""
        status = self.status_filter.currentData() if self.sees_profile else dom.ACTIVE
        try:
            rows = service.list_children(
                self.ctx,
                self.search.text(),
                class_name=self.class_filter.currentData(),
                status=status,
                special_only=self.sees_profile and self.special_only.isChecked(),
            )
        except DomainError as exc:
            rows = []
            show_message(self.message, exc.message)
        self.model.set_rows(rows)
        if self._filters_active():
            self.count_label.setText(self.tr("找到 %1 名").replace("%1", str(len(rows))))
        else:
            self.count_label.setText(self.tr("在册 %1 名").replace("%1", str(self._total)))
        row = self._row_of(self.current_id)
        if row is None and len(rows) == 1:
            row = 0  # exactly one match: show it (Enter then edits)
        if row is not None:
            self._select_row(row)

    def _row_of(self, child_id: int | None) -> int | None:
        if child_id is None:
            return None
        return next((n for n, r in enumerate(self.model.rows) if r.id == child_id), None)

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            self.table.selectionModel().SelectionFlag.ClearAndSelect
            | self.table.selectionModel().SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current)
        if row is None or row.id == self.current_id:
            return
        self.current_id = row.id
        self._hide_action()
        if self.side.currentWidget() is self.detail_panel:
            self._show_detail(row.id)

    def select_child(self, child_id: int) -> None:
        """Show this child (selected in the list when listed; a search that hides them is cleared)."""
        self.current_id = child_id
        if self._row_of(child_id) is None and self.search.text():
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.run_search()
        row = self._row_of(child_id)
        if row is not None:
            self._select_row(row)
        if self.side.currentWidget() is self.detail_panel:
            self._show_detail(child_id)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _search_entered(self) -> None:
        if self.model.rows:
            if self._row_of(self.current_id) is None:
                self._select_row(0)
            self.table.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search and key == Qt.Key.Key_Down and self.model.rows:
                self._search_entered()
                return True
            if watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_edit()
                return True
        return super().eventFilter(watched, event)

    # ========================================================================================= detail

    def _show_detail(self, child_id: int | None) -> None:
        self.detail = None
        if child_id is not None:
            try:
                self.detail = service.get_child(self.ctx, child_id)
            except DomainError as exc:
                show_message(self.message, exc.message)
                self.current_id = None
        d = self.detail
        shown = d is not None
        for widget in (self.detail_name, self.detail_summary, self.actions, self.detail_scroll):
            widget.setVisible(shown)
        self.detail_empty.setVisible(not shown)
        if d is None:
            self.action_box.hide()
            self.no_access.hide()
            self.detail_empty.setText(
                self.tr("在左边的名单中选择一名儿童，查看档案。\n\n输入姓名或拼音首字母（如 wzh）查找。")
                + (self.tr("\n登记新的儿童请按 Ctrl+N。") if self.can_write else "")
            )
            return
        groups = d.visible_groups
        badges = ""
        if d.special_attention:
            special = _esc(self.tr("重点关注"))
            badges += f" <span style='color:#d97706; font-size:small'>{STAR} {special}</span>"
        if d.status == dom.LEFT:
            gone = _esc(self.tr("已离开"))
            badges += f" <span style='color:#64748b; font-size:small'>{gone}</span>"
        self.detail_name.setText(_esc(d.name) + badges)
        summary = [d.class_name or self.tr("未分班"), dom.gender_label(d.gender)]
        if d.grade is not None and dom.class_grade(d.class_name) is None:
            summary.insert(0, d.grade_label)  # "彩虹班" does not say the grade
        if d.age is not None:
            summary.append(self.tr("%1 岁").replace("%1", str(d.age)))
        summary.append(
            self.tr("借书证 %1").replace("%1", d.card_barcode) if d.card_barcode else self.tr("没有借书证")
        )
        self.detail_summary.setText(" · ".join(s for s in summary if s))
        self.no_access.setVisible("child.profile" not in groups)
        self.card_button.setText(self.tr("补办借书证…") if d.card_barcode else self.tr("发借书证"))
        self.status_button.setText(self.tr("恢复在册…") if d.status == dom.LEFT else self.tr("离开…"))
        # The summary line holds what everyone may see; the sections hold the rest.
        self.sections["Basic"].setVisible("child.profile" in groups)
        self.sections["Basic"].setText(self._basic_html(d))
        family = bool(groups & {"child.family", "child.phones"})
        self.sections["Family"].setVisible(family)
        self.sections["Pickups"].setVisible(family)
        if family:
            self.sections["Family"].setText(self._family_html(d))
            self.sections["Pickups"].setText(self._pickups_html(d))
        self.sections["Health"].setVisible("child.health" in groups)
        if "child.health" in groups:
            self.sections["Health"].setText(self._health_html(d))
        self.sections["FollowUps"].setVisible("child.followups" in groups)
        if "child.followups" in groups:
            self.sections["FollowUps"].setText(self._follow_ups_html(d))

    def _section(self, title: str, body: str) -> str:
        return (
            f"<div style='font-weight:600; font-size:large; color:#0f172a'>{_esc(title)}</div>"
            f"<div style='margin-top:2px'>{body}</div>"
        )

    def _table(self, rows: Iterable[tuple[str, str]]) -> str:
        """Label/value lines; values are already HTML. Empty values show a dash (so a gap is seen, not missed)."""
        dash = "<span style='color:#94a3b8'>—</span>"
        cells = "".join(
            f"<tr><td style='color:#64748b; padding:2px 12px 2px 0' width='84'>{_esc(label)}</td>"
            f"<td style='padding:2px 0'>{value or dash}</td></tr>"
            for label, value in rows
        )
        return f"<table cellspacing='0' cellpadding='0'>{cells}</table>"

    def _basic_html(self, d: ChildDetail) -> str:
        rows: list[tuple[str, str]] = []
        if "child.profile" in d.visible_groups:
            birth = format_date(d.birth_date)
            rows += [
                (self.tr("出生日期"), _esc(birth)),
                (self.tr("学校"), _esc(d.school)),
                (self.tr("村/组"), _esc(d.village)),
                (self.tr("家庭住址"), _esc(d.address)),
                (self.tr("留守类型"), _esc(dom.left_behind_label(d.left_behind_type))),
            ]
        if "child.profile" in d.visible_groups:
            status = dom.STATUSES.get(d.status, d.status)
            if d.status == dom.LEFT and d.left_on:
                status += f"（{format_date(d.left_on)}）"
            rows += [
                (self.tr("登记日期"), _esc(format_date(d.enrolled_on))),
                (self.tr("状态"), _esc(status)),
                (self.tr("备注"), _esc(d.notes)),
            ]
        return self._section(self.tr("基本信息"), self._table(rows))

    def _family_html(self, d: ChildDetail) -> str:
        def parent(city: str, phone: str) -> str:
            parts = []
            if city:
                parts.append(_esc(self.tr("%1务工").replace("%1", city)))
            if phone:
                parts.append(_esc(phone))
            return " · ".join(parts)

        rows = [
            (self.tr("父亲"), parent(d.father_work_city, d.father_phone)),
            (self.tr("母亲"), parent(d.mother_work_city, d.mother_phone)),
        ]
        for g in d.guardians:
            who = _esc(g.name)
            about = [x for x in (g.relation, self.tr("主要监护人") if g.is_primary else "") if x]
            if about:
                who += f"（{_esc('，'.join(about))}）"
            extra = [
                _esc(g.phone),
                _esc(self.tr("%1 岁").replace("%1", str(g.age))) if g.age else "",
                _esc(self.tr("身体：%1").replace("%1", g.health)) if g.health else "",
                _esc(self.tr("文化程度：%1").replace("%1", g.literacy)) if g.literacy else "",
            ]
            rows.append((self.tr("监护人"), who + "<br>" + " · ".join(x for x in extra if x)))
        if not d.guardians:
            rows.append((self.tr("监护人"), _esc(self.tr("未登记"))))
        return self._section(self.tr("家庭与监护人"), self._table(rows))

    def _pickups_html(self, d: ChildDetail) -> str:
        rows = [
            (
                _esc(p.relation) or self.tr("接送人"),
                _esc(p.name) + (" · " + _esc(p.phone) if p.phone else ""),
            )
            for p in d.pickup_people
        ]
        if not rows:
            return self._section(self.tr("接送人"), _esc(self.tr("未登记（签退时不核对接送人）")))
        return self._section(self.tr("接送人"), self._table(rows))

    def _health_html(self, d: ChildDetail) -> str:
        rows = [
            (self.tr("健康状况"), _esc(d.health_notes) or _esc(self.tr("无记录"))),
            (self.tr("过敏"), _esc(d.allergy_notes) or _esc(self.tr("无记录"))),
        ]
        return self._section(self.tr("健康与过敏"), self._table(rows))

    def _follow_ups_html(self, d: ChildDetail) -> str:
        if not d.follow_ups:
            return self._section(self.tr("回访记录"), _esc(self.tr("还没有回访记录。")))
        blocks = []
        done, open_ = _esc(self.tr("已处理")), _esc(self.tr("待跟进"))
        for f in d.follow_ups:  # newest first, as the service returns them
            head = [format_date(f.on_date), f.method_label, reason_label(f.reason), f.staff_name]
            state = (
                f"<span style='color:#1e8449'>{done}</span>"
                if f.resolved
                else f"<span style='color:#b45309'>{open_}</span>"
            )
            lines = [f"<b>{_esc(' · '.join(x for x in head if x))}</b> · {state}"]
            for label, text in (
                (self.tr("内容"), f.note),
                (self.tr("结果"), f.outcome),
                (self.tr("下一步"), f.next_step),
            ):
                if text:
                    lines.append(f"<span style='color:#64748b'>{_esc(label)}：</span>{_esc(text)}")
            blocks.append("<br>".join(lines))
        body = "<div style='margin-top:4px'></div>".join(
            f"<p style='margin:0 0 8px 0'>{b}</p>" for b in blocks
        )
        return self._section(self.tr("回访记录（%1 次）").replace("%1", str(len(d.follow_ups))), body)

    # --- inline actions on the shown child ------------------------------------------------------------

    def _ask(self, text: str, ok_text: str, action: Callable[[], None], *, with_date: bool = False) -> None:
        self._pending_action = action
        self.action_text.setText(text)
        self.action_ok.setText(ok_text)
        self.action_date_label.setVisible(with_date)
        self.action_date.setVisible(with_date)
        self.action_date.setText(dt.date.today().isoformat())
        self.action_box.show()
        (self.action_date if with_date else self.action_cancel).setFocus()

    def _hide_action(self) -> None:
        self._pending_action = None
        self.action_box.hide()

    def _confirm_action(self) -> None:
        action = self._pending_action
        if action is not None:
            action()

    def status_action(self) -> None:
        d = self.detail
        if d is None or not self.can_write:
            return
        if d.status == dom.LEFT:
            self._ask(
                self.tr("把 %1 恢复为在册？恢复后重新出现在点名和名单中。").replace("%1", d.name),
                self.tr("恢复在册"),
                lambda: self._set_status(dom.ACTIVE),
            )
        else:
            self._ask(
                self.tr(
                    "%1 离开中心：不再出现在点名和在册名单中，档案保留，可以恢复。请填写离开日期："
                ).replace("%1", d.name),
                self.tr("确认离开"),
                lambda: self._set_status(dom.LEFT),
                with_date=True,
            )

    def _set_status(self, status: str) -> None:
        d = self.detail
        if d is None:
            return
        on_date: dt.date | None = None
        if status == dom.LEFT:
            try:
                on_date = dom.parse_date(self.action_date.text())
            except dom.FieldError as exc:
                show_message(self.message, self.tr("“离开日期”") + exc.reason)
                return
        try:
            service.set_status(self.ctx, d.id, status, on_date)
        except DomainError as exc:
            show_message(self.message, exc.message)
            return
        self._hide_action()
        text = (
            self.tr("%1 已离开中心。").replace("%1", d.name)
            if status == dom.LEFT
            else self.tr("%1 已恢复在册。").replace("%1", d.name)
        )
        show_message(self.message, text, ok=True)
        self._changed()

    def card_action(self) -> None:
        d = self.detail
        if d is None or not self.can_card:
            return
        if d.card_barcode:
            self._ask(
                self.tr("补办借书证：%1 的旧号 %2 作废（以后扫到会提示），发一个新号。")
                .replace("%1", d.name)
                .replace("%2", d.card_barcode),
                self.tr("补办"),
                lambda: self._assign_card(replace=True),
            )
        else:
            self._assign_card(replace=False)

    def _assign_card(self, *, replace: bool) -> None:
        d = self.detail
        if d is None:
            return
        try:
            barcode = service.assign_card_barcode(self.ctx, d.id, replace=replace)
        except DomainError as exc:
            show_message(self.message, exc.message)
            return
        self._hide_action()
        show_message(
            self.message,
            self.tr("%1 的借书证号：%2（可在“图书 → 打印”中打印借书证）")
            .replace("%1", d.name)
            .replace("%2", barcode),
            ok=True,
        )
        self._changed()

    # ========================================================================================= panels

    def _show_panel(self, panel: QWidget, sizes: tuple[int, int] = SIZES_BROWSE) -> None:
        self._hide_action()
        self.side.setCurrentWidget(panel)
        self.splitter.setSizes(list(sizes))

    def close_panel(self) -> None:
        if self.import_panel.busy or self.exporting:
            return
        self.side.setCurrentWidget(self.detail_panel)
        self.splitter.setSizes(list(SIZES_BROWSE))
        self._show_detail(self.current_id)
        self.table.setFocus()

    def _escape(self) -> None:
        current = self.side.currentWidget()
        if current is self.form:
            self.form.escape()
        elif current is not self.detail_panel:
            self.close_panel()
        elif self.action_box.isVisible():
            self._hide_action()
        elif self.search.text():
            self.search.clear()
            self.search.setFocus()

    def open_add(self) -> None:
        if not self.can_write:
            return
        self.form.start_new()
        self._show_panel(self.form, SIZES_FORM)
        self.form.name.setFocus()

    def open_edit(self) -> None:
        if not self.can_write or self.current_id is None:
            return
        try:
            detail = service.get_child(self.ctx, self.current_id)
        except DomainError as exc:
            show_message(self.message, exc.message)
            return
        self.form.start_edit(detail)
        self._show_panel(self.form, SIZES_FORM)
        self.form.name.setFocus()

    def open_follow_up(self) -> None:
        if not self.can_follow_up or self.detail is None:
            return
        self.follow_up_form.start(self.detail.id, self.detail.label)
        self._show_panel(self.follow_up_form)
        self.follow_up_form.note.setFocus()

    def open_import(self) -> None:
        if not self.can_import:
            return
        if self.side.currentWidget() is not self.import_panel:
            self.import_panel.reset()
        self._show_panel(self.import_panel)
        self.import_panel.choose_button.setFocus()

    def open_export(self) -> None:
        if self.exporting:  # the running export's progress and result are on the panel
            self._show_panel(self.export_panel)
            return
        self.export_message.clear()
        self.export_anonymise.setChecked(False)
        self._show_panel(self.export_panel)
        self.export_go.setFocus()

    def open_promote(self) -> None:
        if not self.can_promote:
            return
        try:
            rows = service.list_children(self.ctx)
            pending = service.pending_promotion(self.ctx)
        except DomainError as exc:
            show_message(self.message, exc.message)
            return
        graded = [r for r in rows if r.grade is not None]
        leaving = [r for r in graded if r.grade is not None and r.grade >= dom.GRADE_MAX]
        moving = len(graded) - len(leaving)
        to_check = sum(1 for r in graded if r.grade in (0, 6))
        without = len(rows) - len(graded)
        lines = [
            _esc(
                self.tr(
                    "每学年开学时做一次：所有在册儿童升一个年级，班级名随之改变（三年级2班 → 四年级2班，"
                    "六年级1班 → 初一1班）。"
                )
            ),
            "<b>" + _esc(self.tr("升一个年级：%1 名儿童").replace("%1", str(moving))) + "</b>",
        ]
        if leaving:
            names = "、".join(r.label for r in leaving)
            lines.append(
                "<b>"
                + _esc(self.tr("初三毕业离开：%1 名（设为“已离开”）").replace("%1", str(len(leaving))))
                + "</b><br>"
                + _esc(names)
            )
        else:
            lines.append(_esc(self.tr("没有初三儿童，没有人离开。")))
        if without:
            lines.append(_esc(self.tr("没有填写年级的 %1 名儿童不变。").replace("%1", str(without))))
        if to_check:
            lines.append(
                _esc(
                    self.tr("升入一年级或初一的 %1 名儿童，升级后请核对班级和学校。").replace(
                        "%1", str(to_check)
                    )
                )
            )
        lines.append(_esc(self.tr("升级后可以撤销（在有人修改这些儿童的档案之前）。")))
        self._promote_force_needed = False
        if (
            pending is not None
            and 0 <= (dt.date.today() - pending.on).days < service.PROMOTION_MIN_DAYS_APART
        ):
            self._promote_force_needed = True
            lines.append(
                "<span style='color:#c0392b'>"
                + _esc(
                    self.tr("注意：%1 已经全体升过一次年级（%2 操作）。每学年只需升级一次。")
                    .replace("%1", format_date(pending.on))
                    .replace("%2", pending.by or "—")
                )
                + "</span>"
            )
        self.promote_summary.setText("<br><br>".join(lines))
        self.promote_force.setChecked(False)
        self.promote_force.setVisible(self._promote_force_needed)
        self.promote_message.clear()
        self._update_promote_button()
        self._show_panel(self.promote_panel)
        self.promote_back.setFocus()  # the safe choice is the default

    def _update_promote_button(self) -> None:
        self.promote_go.setEnabled(not self._promote_force_needed or self.promote_force.isChecked())

    # ========================================================================================= actions

    def _changed(self) -> None:
        """After a commit: every page showing children reloads (this one too, keeping the selection)."""
        self.events.data_changed.emit("children")
        if self._stale:  # not visible: the signal only marked it stale
            self.refresh()

    def _saved(self, child_id: int, text: str) -> None:
        self.current_id = child_id
        self.side.setCurrentWidget(self.detail_panel)
        self.splitter.setSizes(list(SIZES_BROWSE))
        show_message(self.message, text, ok=True)
        self._changed()
        self.select_child(child_id)
        self.table.setFocus()

    def _imported(self, _result: object) -> None:
        self._changed()

    @property
    def exporting(self) -> bool:
        return self.export_job is not None and self.export_job.running

    def run_export(self) -> Job | None:
        """Ask where to save, then write the roster on a worker thread; the result shows in the message line."""
        if self.exporting:
            return None
        anonymise = self.export_anonymise.isChecked()
        name = self.tr("花名册_匿名") if anonymise else self.tr("花名册")
        suggested = self.ctx.data_dir.exports / f"{name}_{dt.date.today():%Y%m%d}.xlsx"
        chosen = self.choose_export_file(suggested)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + ".xlsx")
        ctx = self.ctx
        include_left = self.sees_profile and self.export_include_left.isChecked()

        def work(progress: workers.Progress, cancel: threading.Event) -> ExportResult:
            return roster.export_children(
                ctx,
                path,
                confirmed=True,
                anonymise=anonymise,
                include_left=include_left,
                progress=workers.steps(progress),
                cancel=cancel.is_set,
            )

        job = Job(work, name="export:children", logs_dir=ctx.data_dir.logs)
        job.progress.connect(self._export_progress)
        job.finished.connect(self._exported)
        job.failed.connect(self._export_failed)
        job.cancelled.connect(self._export_failed)
        self.export_job = job
        for widget in (self.export_go, self.export_back, self.export_anonymise, self.export_include_left):
            widget.setEnabled(False)
        show_message(self.export_message, self.tr("正在导出…"), ok=True)
        return job.start()

    def _export_progress(self, percent: int, _text: str) -> None:
        if percent >= 0:
            show_message(self.export_message, self.tr("正在导出… %1%").replace("%1", str(percent)), ok=True)

    def _export_ended(self) -> None:
        self.export_job = None
        for widget in (self.export_go, self.export_back, self.export_anonymise, self.export_include_left):
            widget.setEnabled(True)

    def _export_failed(self, exc: BaseException | str) -> None:
        self._export_ended()
        show_message(self.export_message, exc if isinstance(exc, str) else workers.message_for(exc))

    def _exported(self, result: ExportResult) -> None:
        self._export_ended()
        self.close_panel()
        text = (
            self.tr("已导出 %1 名儿童（匿名）到：%2") if result.anonymised else self.tr("已导出 %1 名儿童到：%2")
        )
        show_message(
            self.message, text.replace("%1", str(result.rows)).replace("%2", str(result.path)), ok=True
        )

    def run_promote(self) -> bool:
        if not self.promote_go.isEnabled():
            return False
        try:
            result = service.promote_all(
                self.ctx, force=self._promote_force_needed and self.promote_force.isChecked()
            )
        except DomainError as exc:
            show_message(self.promote_message, exc.message)
            return False
        self.close_panel()
        show_message(self.message, result.message, ok=True)
        self._changed()
        self._update_undo(result.token)
        return True

    def _update_undo(self, token: str | None = None) -> None:
        """Offer "undo" after a promotion, for a while (see UNDO_OFFER_DAYS)."""
        self._undo_token = None
        if self.can_promote:
            try:
                pending = service.pending_promotion(self.ctx)
            except DomainError:
                pending = None
            if pending is not None and (dt.date.today() - pending.on).days <= UNDO_OFFER_DAYS:
                self._undo_token = pending.token
                self.undo_button.setText(self.tr("撤销 %1 的全体升级").replace("%1", format_date(pending.on)))
        if token is not None:
            self._undo_token = token
        self.undo_button.setVisible(self._undo_token is not None)

    def undo_promotion(self) -> bool:
        if self._undo_token is None:
            return False
        try:
            count = service.undo_promotion(self.ctx, self._undo_token)
        except DomainError as exc:
            show_message(self.message, exc.message)
            return False
        show_message(
            self.message,
            self.tr("已撤销全体升级：%1 名儿童恢复了原来的年级、班级和状态。").replace("%1", str(count)),
            ok=True,
        )
        self._changed()
        self._update_undo()
        return True
