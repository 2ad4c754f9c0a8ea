"""图书: the catalogue — search as you type, the selected book's copies, and the panels to add, import and print.

Layout: the search box and filters on top, the results table on the left, and on the right one panel at a time:
the selected book (``catalogDetail``), the title form, the import panel or the print panel. Everything works from
the keyboard: Ctrl+F search, ↓ into the table, Enter on a scanned barcode selects its book, Ctrl+N new book,
Ctrl+I import, Ctrl+P print, F2 edit, Esc back to the book / clears the search.

Search runs on every keystroke against ``CatalogIndex`` (in memory, built once): a few milliseconds even at
40,000 titles, so there is no delay timer. The index is kept up to date title by title after this page's own
changes (``refresh_title``); a change from elsewhere (an import, the desk lending books) reloads it. A big
catalogue is loaded — first and again — on a worker thread (``ui/workers.py``), so the window never waits for it;
so are the import (``ui/widgets/import_panel.py``) and the export (progress and Cancel in the status row).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Sequence
from html import escape
from operator import attrgetter
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain import books, clc
from center_app.domain.errors import DomainError, NotFound
from center_app.domain.permissions import WRITE, allowed, denied_message
from center_app.reports.labels import SpineLabel
from center_app.services import book_import, catalog
from center_app.services.book_import import BookImportResult
from center_app.services.catalog import TitleDetail
from center_app.services.catalog_search import CatalogIndex, TitleRow
from center_app.ui import workers
from center_app.ui.events import DataEvents
from center_app.ui.models.title_table import (
    COLUMN,
    TITLE_ID_ROLE,
    TitleTableModel,
    grade_labels,
    status_labels,
)
from center_app.ui.pages.base import Page, page_title
from center_app.ui.pages.catalog_forms import TitleForm, heading_label
from center_app.ui.pages.catalog_import import book_import_kind
from center_app.ui.pages.catalog_print import PrintPanel
from center_app.ui.widgets.import_panel import ImportPanel
from center_app.ui.widgets.messages import show_message
from center_app.ui.workers import Job

log = logging.getLogger(__name__)

ALL_OUT = "all_out"  # status filter: titles with copies, none of them on the shelf
# From this many titles on the catalogue is loaded (first, and again after a change elsewhere) on a worker thread:
# a load takes ~1 s at 40,000 titles. A smaller one loads in a few dozen ms, sooner than "loading…" could be read.
BACKGROUND_LOAD_AT = 10_000
# Columns the table drops first when it is narrow (the detail panel shows them all), then their widths.
_OPTIONAL_COLUMNS = ("publisher", "isbn13", "pub_year", "grade_band")
_WIDTHS = {
    "author": 96,
    "publisher": 120,
    "pub_year": 56,
    "isbn13": 122,
    "clc": 48,
    "call_number": 92,
    "grade_band": 62,
    "copies": 44,
    "available": 44,
}
MIN_TITLE_WIDTH = 200
_COPIES = attrgetter("copies")


def spine_label(row: TitleRow, barcode: str) -> SpineLabel:
    info = clc.class_info(row.clc_class or row.call_number)
    return SpineLabel(
        title=row.title,
        call_number=row.call_number,
        barcode=barcode,
        clc_top_class=info.letter if info else "",
        band_colour_hex=info.colour if info else "",
    )


class CatalogPage(Page):
    areas = ("books", "loans")

    def __init__(self, ctx: AppContext, events: DataEvents, parent: QWidget | None = None) -> None:
        super().__init__(ctx, events, parent)
        self.setObjectName("catalogPage")
        self.can_write = allowed(ctx.actor.role, "catalog", WRITE)
        self.index: CatalogIndex | None = None
        self.detail: TitleDetail | None = None
        self._pending: set[str] = {"books"}  # what changed elsewhere since the index was built
        self._emitting = False
        self._load_job: Job | None = None  # the background load whose result is awaited (a newer one replaces it)
        self._touched: set[int] = set()  # titles changed here while a background load ran
        self._detail_barcodes: tuple[str, ...] = ()  # new copies of the shown title, for "print their labels"
        self.export_job: Job | None = None
        self._export_path: Path | None = None
        self._quiet_selection = False  # reselecting the same title after a search: no detail reload
        # (index, every title, their copies): the empty search, kept while the index is the same object
        self._everything: tuple[CatalogIndex, list[TitleRow], int] | None = None
        # Seam the tests replace: the native file dialog is modal.
        self.choose_export_file: Callable[[], str] = lambda: QFileDialog.getSaveFileName(
            self,
            self.tr("导出馆藏图书"),
            str(ctx.data_dir.exports / f"馆藏图书_{dt.date.today():%Y%m%d}.xlsx"),
            self.tr("Excel 文件 (*.xlsx);;CSV 文件 (*.csv)"),
        )[0]

        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 8)
        outer.setSpacing(8)
        outer.addLayout(self._build_header())
        outer.addLayout(self._build_search_row())

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("catalogSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_table())
        self.side = QStackedWidget()
        self.side.setObjectName("catalogSide")
        self.side.setMinimumWidth(400)
        self.side.setFrameShape(QFrame.Shape.StyledPanel)
        self.detail_panel = self._build_detail()
        self.side.addWidget(self.detail_panel)
        self.form = TitleForm(ctx, isbn_lookup=self._lookup_isbn)
        self.form.saved.connect(self._title_saved)
        self.form.copies_added.connect(self._copies_added_by_form)
        self.form.print_requested.connect(self.open_print)
        self.form.closed.connect(self.close_panel)
        self.side.addWidget(self.form)
        self.import_panel = ImportPanel(ctx, book_import_kind())
        self.import_panel.imported.connect(self._imported)
        self.import_panel.action_requested.connect(self._print_imported)
        self.import_panel.closed.connect(self.close_panel)
        self.side.addWidget(self.import_panel)
        self.print_panel = PrintPanel(ctx, events, self.spine_labels)
        self.print_panel.closed.connect(self.close_panel)
        self.side.addWidget(self.print_panel)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([760, 420])
        outer.addWidget(self.splitter, 1)
        outer.addLayout(self._build_status_row())

        self.search.installEventFilter(self)  # ↓ into the table (installed once the table exists)
        self._shortcuts()
        self._apply_role()
        self._show_detail(None)

    # ========================================================================================= building

    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(page_title(self.tr("图书")))
        self.count_label = QLabel()
        self.count_label.setObjectName("catalogCount")
        self.count_label.setStyleSheet("color: #334155;")
        row.addSpacing(12)
        row.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        row.addStretch(1)
        self.add_button = self._button("catalogAdd", self.tr("新书登记"), "Ctrl+N", self.open_add)
        self.import_button = self._button("catalogImport", self.tr("导入清单…"), "Ctrl+I", self.open_import)
        self.export_button = self._button("catalogExport", self.tr("导出…"), "", self.export)
        self.print_button = self._button(
            "catalogPrint", self.tr("打印书标/借书证…"), "Ctrl+P", self.open_print
        )
        for button in (self.add_button, self.import_button, self.export_button, self.print_button):
            row.addWidget(button)
        return row

    def _button(self, name: str, text: str, key: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(f"{text}  {key}" if key else text)
        button.setObjectName(name)
        button.clicked.connect(lambda: slot())
        return button

    def _build_search_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        self.search = QLineEdit()
        self.search.setObjectName("catalogSearch")
        self.search.setPlaceholderText(self.tr("书名、作者、拼音首字母（如 xyj）、ISBN、条码…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(200)
        font = QFont(self.search.font())
        font.setPointSize(font.pointSize() + 3)
        self.search.setFont(font)
        self.search.setMinimumHeight(36)
        self.search.textChanged.connect(lambda _text: self.run_search())
        self.search.returnPressed.connect(self._search_entered)
        row.addWidget(self.search, 3)

        self.class_filter = self._combo("catalogClassFilter", self.tr("全部分类"))
        for c in clc.CLASSES:
            self.class_filter.addItem(f"{c.letter} {c.name}", c.letter)
        self.grade_filter = self._combo("catalogGradeFilter", self.tr("全部年级"))
        for band, label in grade_labels().items():
            if band:
                self.grade_filter.addItem(label, band)
        self.status_filter = self._combo("catalogStatusFilter", self.tr("全部状态"))
        labels = status_labels()
        self.status_filter.addItem(self.tr("有在馆"), books.AVAILABLE)
        self.status_filter.addItem(self.tr("全部借出"), ALL_OUT)
        self.status_filter.addItem(self.tr("有借出"), books.ON_LOAN)
        for status in (books.LOST, books.DAMAGED, books.WITHDRAWN):
            self.status_filter.addItem(self.tr("有%1").replace("%1", labels[status]), status)
        self.donor_filter = self._combo("catalogDonorFilter", self.tr("全部捐赠方"))
        for combo in (self.class_filter, self.grade_filter, self.status_filter, self.donor_filter):
            combo.currentIndexChanged.connect(lambda _i: self.run_search())
            row.addWidget(combo, 1)
        return row

    def _combo(self, name: str, everything: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(everything, None)
        # Long entries (class names, donor names) must not widen the search row: the popup shows them whole.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        combo.view().setMinimumWidth(260)
        combo.setMaxVisibleItems(24)
        return combo

    def _build_table(self) -> QTableView:
        self.model = TitleTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("catalogTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(False)  # the index's pinyin order is the order
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row sizing
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COLUMN["title"], QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        for key, width in _WIDTHS.items():
            self.table.setColumnWidth(COLUMN[key], width)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(lambda _index: self.open_edit())
        self.table.installEventFilter(self)
        self.table.viewport().installEventFilter(self)
        return self.table

    def _build_detail(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("catalogDetail")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        self.detail_title = heading_label("")
        self.detail_title.setObjectName("catalogDetailTitle")
        self.detail_title.setWordWrap(True)
        layout.addWidget(self.detail_title)
        self.detail_info = QLabel()
        self.detail_info.setObjectName("catalogDetailInfo")
        self.detail_info.setWordWrap(True)
        self.detail_info.setTextFormat(Qt.TextFormat.RichText)
        self.detail_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_info.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.detail_info)

        self.copies = QTableWidget(0, 4)
        self.copies.setObjectName("catalogCopies")
        self.copies.setHorizontalHeaderLabels(
            [self.tr("条码"), self.tr("位置"), self.tr("状态"), self.tr("捐赠批次")]
        )
        self.copies.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.copies.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.copies.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.copies.setAlternatingRowColors(True)
        self.copies.verticalHeader().hide()
        self.copies.horizontalHeader().setStretchLastSection(True)
        self.copies.setColumnWidth(0, 84)
        self.copies.setColumnWidth(1, 70)
        self.copies.setColumnWidth(2, 48)
        self.copies.itemSelectionChanged.connect(self._copy_selection_changed)
        layout.addWidget(self.copies, 1)

        self.actions = QWidget()
        actions = QHBoxLayout(self.actions)
        actions.setContentsMargins(0, 0, 0, 0)
        self.add_copy_count = QSpinBox()
        self.add_copy_count.setObjectName("catalogAddCopyCount")
        self.add_copy_count.setRange(1, catalog.MAX_COPIES_AT_ONCE)
        self.add_copy_count.setSuffix(self.tr(" 册"))
        self.add_copy_button = QPushButton(self.tr("加册"))
        self.add_copy_button.setObjectName("catalogAddCopy")
        self.add_copy_button.clicked.connect(self.add_copies)
        self.copy_status_button = QPushButton(self.tr("改状态…"))
        self.copy_status_button.setObjectName("catalogCopyStatus")
        self.copy_status_button.setToolTip(self.tr("把选中的一册登记为遗失、损坏、剔除，或找回后改回在馆"))
        self.copy_status_button.clicked.connect(self.open_copy_status)
        self.edit_button = QPushButton(self.tr("修改信息  F2"))
        self.edit_button.setObjectName("catalogEditTitle")
        self.edit_button.clicked.connect(self.open_edit)
        actions.addWidget(self.add_copy_count)
        actions.addWidget(self.add_copy_button)
        actions.addWidget(self.copy_status_button)
        actions.addStretch(1)
        actions.addWidget(self.edit_button)
        layout.addWidget(self.actions)

        # Changing one copy's status: a small inline box (a modal dialog would block the scanner flow).
        self.status_box = QFrame()
        self.status_box.setObjectName("catalogCopyStatusBox")
        self.status_box.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(self.status_box)
        box.setContentsMargins(8, 6, 8, 6)
        self.status_box_label = QLabel()
        box.addWidget(self.status_box_label)
        row = QHBoxLayout()
        self.status_choice = QComboBox()
        self.status_choice.setObjectName("catalogCopyStatusChoice")
        labels = status_labels()
        for status in books.MANUAL_STATUSES:
            self.status_choice.addItem(labels[status], status)
        self.status_note = QLineEdit()
        self.status_note.setObjectName("catalogCopyNote")
        self.status_note.setMaxLength(200)
        self.status_note.setPlaceholderText(self.tr("说明（可不填），如：封面撕破"))
        self.status_note.returnPressed.connect(self.apply_copy_status)
        self.status_ok = QPushButton(self.tr("确定"))
        self.status_ok.setObjectName("catalogCopyStatusOk")
        self.status_ok.clicked.connect(self.apply_copy_status)
        self.status_cancel = QPushButton(self.tr("取消"))
        self.status_cancel.setObjectName("catalogCopyStatusCancel")
        self.status_cancel.clicked.connect(self.status_box.hide)
        row.addWidget(self.status_choice)
        row.addWidget(self.status_note, 1)
        row.addWidget(self.status_ok)
        row.addWidget(self.status_cancel)
        box.addLayout(row)
        self.status_box.hide()
        layout.addWidget(self.status_box)

        self.detail_message = QLabel()
        self.detail_message.setObjectName("catalogDetailMessage")
        self.detail_message.setWordWrap(True)
        self.detail_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail_message)
        self.detail_print = QPushButton()
        self.detail_print.setObjectName("catalogDetailPrint")
        self.detail_print.clicked.connect(
            lambda: self.open_print(
                list(self._detail_barcodes),
                self.tr("《%1》的新书标").replace("%1", self.detail.title if self.detail else ""),
            )
        )
        self.detail_print.hide()
        layout.addWidget(self.detail_print, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(0)  # takes the height when no book is shown (the copies table takes it otherwise)
        return panel

    def _build_status_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.message = QLabel()
        self.message.setObjectName("catalogMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setObjectName("catalogProgress")
        self.progress.setMaximumWidth(260)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setObjectName("catalogCancel")
        self.cancel_button.clicked.connect(self.cancel_export)
        self.cancel_button.hide()
        row.addWidget(self.message, 1)
        row.addWidget(self.progress)
        row.addWidget(self.cancel_button)
        return row

    def _shortcuts(self) -> None:
        for key, slot in (
            ("Ctrl+N", self.open_add),
            ("Ctrl+I", self.open_import),
            ("Ctrl+P", self.open_print),
            ("Ctrl+F", self.focus_search),
            ("F2", self.open_edit),
            ("Escape", self._escape),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=slot: s())

    def _apply_role(self) -> None:
        """Read-only for a role without catalogue write (volunteer teachers): search and look, nothing else."""
        if self.can_write:
            return
        why = denied_message(self.ctx.actor.role, "catalog", WRITE)
        for button in (self.add_button, self.import_button, self.print_button):
            button.setEnabled(False)
            button.setToolTip(why)
        for widget in (self.add_copy_button, self.copy_status_button, self.edit_button, self.add_copy_count):
            widget.setEnabled(False)
        self.actions.hide()

    # ========================================================================================= index

    def refresh(self) -> None:
        """Build the index on first show; after changes made elsewhere reload it (in the background when big)."""
        pending, self._pending = self._pending, set()
        if self.index is None:
            if not self.loading or pending:  # a change during the first load: load again, the older is stale
                self._load_index()
        elif pending:
            self._reload_index()
        if "books" in pending or self.donor_filter.count() <= 1:
            self._fill_donors()
        self.run_search(keep=True)
        if self.detail is not None:
            self._show_detail(self.detail.id)  # its copies' statuses may have changed
        super().refresh()

    def _on_data_changed(self, area: str) -> None:
        if self._emitting:
            return  # our own change: the index was already updated title by title
        if area in self.areas or area == "all":
            self._pending.add("books" if area in ("books", "all") else area)
        if area == "all":
            self.index = None  # a restore replaced the data
            self._everything = None
        if area in ("children", "all"):
            self.print_panel.reset_children()  # class lists and card numbers
        super()._on_data_changed(area)

    def _load_index(self) -> None:
        """The first load: at once for a small catalogue; a big one on a worker thread (the count says
        "loading"; what is typed meanwhile is searched when the index is ready)."""
        try:
            big = CatalogIndex.title_count(self.ctx) >= BACKGROUND_LOAD_AT
        except DomainError as exc:
            self.index = CatalogIndex()
            show_message(self.message, exc.message)
            return
        if big:
            self._load_in_background()
            self.count_label.setText(self.tr("正在载入图书目录…"))
        else:
            self._load_now()

    def _load_now(self) -> None:
        self._forget_load_job()
        try:
            self.index = CatalogIndex.load(self.ctx)
        except DomainError as exc:
            self.index = CatalogIndex()
            show_message(self.message, exc.message)

    def _reload_index(self) -> None:
        if self.index is None or len(self.index) < BACKGROUND_LOAD_AT:
            self._load_now()
            return
        # Keep showing the old index (counts a few seconds stale) while a fresh one is built.
        self._load_in_background()

    def _load_in_background(self) -> None:
        self._forget_load_job()  # a newer load makes an older result stale
        self._touched.clear()
        ctx = self.ctx
        job = Job(lambda _progress, _cancel: CatalogIndex.load(ctx), name="catalog:load", logs_dir=ctx.data_dir.logs)
        job.finished.connect(self._background_loaded)
        job.failed.connect(self._background_failed)
        self._load_job = job
        job.start()

    def _forget_load_job(self) -> None:
        job, self._load_job = self._load_job, None
        if job is not None and job.running:
            job.finished.disconnect(self._background_loaded)
            job.failed.disconnect(self._background_failed)

    def _background_loaded(self, result: CatalogIndex) -> None:
        self._load_job = None
        for title_id in self._touched:  # changed here after the load read them
            result.refresh_title(self.ctx, title_id)
        self._touched.clear()
        self.index = result
        self.run_search(keep=True)
        if self.detail is not None:
            self._show_detail(self.detail.id)

    def _background_failed(self, exc: BaseException) -> None:
        self._load_job = None  # the job logged it (and showed an unexpected error)
        if self.index is None:  # the first load: an empty catalogue and the reason, rather than "loading…" forever
            self.index = CatalogIndex()
            self.run_search(keep=True)
        show_message(self.message, workers.message_for(exc))

    @property
    def loading(self) -> bool:
        """True while a background load runs (tests wait on it)."""
        return self._load_job is not None and self._load_job.running

    def _refresh_title(self, title_id: int) -> None:
        self._everything = None
        if self.index is not None:
            self.index.refresh_title(self.ctx, title_id)
        if self.loading:
            self._touched.add(title_id)

    def _fill_donors(self) -> None:
        current = self.donor_filter.currentData()
        try:
            donors = catalog.list_donors(self.ctx)
        except DomainError:
            donors = []
        self.donor_filter.blockSignals(True)
        while self.donor_filter.count() > 1:
            self.donor_filter.removeItem(1)
        for donor in donors:
            if donor.copies:
                self.donor_filter.addItem(
                    self.tr("%1（%2 册）").replace("%1", donor.name).replace("%2", str(donor.copies)),
                    donor.id,
                )
        at = self.donor_filter.findData(current) if current is not None else 0
        self.donor_filter.setCurrentIndex(max(0, at))
        self.donor_filter.blockSignals(False)

    def _changed_here(self, title_id: int | None = None) -> None:
        """After this page changed the catalogue: update the index and tell the other pages."""
        if title_id is not None:
            self._refresh_title(title_id)
        self.run_search(keep=True)
        self._emitting = True
        try:
            self.events.data_changed.emit("books")
        finally:
            self._emitting = False

    # ========================================================================================= search

    def run_search(self, keep: bool = True) -> list[TitleRow]:
        """Search with the box and the filters; keeps the selected title selected when it is still listed."""
        if self.index is None:
            return []
        text = self.search.text()
        status = self.status_filter.currentData()
        filters = (
            self.class_filter.currentData(),
            self.grade_filter.currentData(),
            status,
            self.donor_filter.currentData(),
        )
        if not text.strip() and filters == (None, None, None, None):
            # An empty box lists every title (Esc, or the box cleared for the next search): the same list until
            # the index changes, with its copy count — 40,000 rows are worth not rebuilding on each clear.
            if self._everything is None or self._everything[0] is not self.index:
                rows = self.index.search("")
                self._everything = (self.index, rows, sum(map(_COPIES, rows)))
            rows, copies = self._everything[1], self._everything[2]
        else:
            rows = self.index.search(
                text,
                clc_class=filters[0],
                grade_band=filters[1],
                status=None if status == ALL_OUT else status,
                donor_id=filters[3],
            )
            if status == ALL_OUT:
                rows = [r for r in rows if r.copies and not r.available]
            copies = sum(map(_COPIES, rows))
        selected = self.detail.id if keep and self.detail is not None else None
        self._quiet_selection = True  # a reset clears the selection; the title is reselected below
        try:
            self.model.set_rows(rows)
        finally:
            self._quiet_selection = False
        self.count_label.setText(
            self.tr("共 %1 种 / %2 册").replace("%1", f"{len(rows):,}").replace("%2", f"{copies:,}")
        )
        if selected is not None and not self.select_title(selected, show=False):
            self._show_detail(None)
        elif selected is None and len(rows) == 1:
            self.select_title(rows[0].id)  # one hit (a scanned ISBN, a full title): show it at once
        return rows

    def select_title(self, title_id: int, *, show: bool = True) -> bool:
        """Select a title's row (fetching rows up to it); False if it is not among the results."""
        row = self.model.position_of(title_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self._quiet_selection = not show
        try:
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            self._quiet_selection = False
        self.table.scrollTo(index)
        if show and (self.detail is None or self.detail.id != title_id):
            self._show_detail(title_id, new_selection=True)
        return True

    def _search_entered(self) -> None:
        """Enter in the search box: a scanned barcode selects its book and copy; otherwise the first result."""
        text = self.search.text().strip()
        if not text or self.index is None:
            return
        title_id = self.index.title_for_barcode(text)
        if title_id is not None and self.select_title(title_id):
            self._select_copy(books.clean_barcode(text))
            self.search.selectAll()  # the next scan replaces it
            return
        if self.model.rowCount():
            self.table.setFocus()
            self.select_title(int(self.model.index(0, 0).data(TITLE_ID_ROLE)))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search and key == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus()
                if not self.table.selectionModel().hasSelection():
                    self.select_title(int(self.model.index(0, 0).data(TITLE_ID_ROLE)))
                return True
            if watched is self.table and key == Qt.Key.Key_Up and self.table.currentIndex().row() <= 0:
                self.focus_search()
                return True
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._fit_columns()  # the viewport's size is final here (the table's own Resize comes first)
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Drop the least needed columns while the table is too narrow for all (the detail panel shows them)."""
        width = self.table.viewport().width()
        needed = MIN_TITLE_WIDTH + sum(_WIDTHS.values())
        hidden = set()
        for key in _OPTIONAL_COLUMNS:
            if needed <= width:
                break
            hidden.add(key)
            needed -= _WIDTHS[key]
        for key in _OPTIONAL_COLUMNS:
            self.table.setColumnHidden(COLUMN[key], key in hidden)

    def _escape(self) -> None:
        if self.side.currentWidget() is not self.detail_panel:
            self.close_panel()
        elif self.status_box.isVisible():
            self.status_box.hide()
        elif self.search.text():
            self.search.clear()
            self.focus_search()
        else:
            self.focus_search()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.ensure_fresh()  # the main window does this too; a page shown on its own needs it
        if self.side.currentWidget() is self.detail_panel:
            self.search.setFocus()

    # ========================================================================================= detail

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet_selection:
            return
        title_id = current.data(TITLE_ID_ROLE) if current.isValid() else None
        self._show_detail(int(title_id) if title_id is not None else None, new_selection=True)

    def _show_detail(self, title_id: int | None, *, new_selection: bool = False) -> None:
        if new_selection:
            self.detail_message.clear()
            self.detail_print.hide()
            self.status_box.hide()
        detail = None
        if title_id is not None:
            try:
                detail = catalog.get_title(self.ctx, title_id)
            except NotFound:
                detail = None
            except DomainError as exc:
                show_message(self.message, exc.message)
        self.detail = detail
        if detail is None:
            self.detail_title.setText(self.tr("没有选中图书"))
            self.detail_info.setText(
                self.tr(
                    "在上面的搜索框输入书名、作者、拼音首字母或扫描条码，"
                    "然后在左边的列表里选一本书，这里会显示它的信息和每一册的状态。"
                )
            )
            self.copies.setRowCount(0)
            self.copies.hide()
            self.actions.setVisible(False)
            self.print_panel.set_selected(None)
            return
        self.detail_title.setText(f"《{detail.title}》")
        self.detail_info.setText(self._info_text(detail))
        self._fill_copies(detail)
        self.copies.show()
        self.actions.setVisible(self.can_write)
        self.copy_status_button.setEnabled(self.can_write and self._current_copy() is not None)
        live = [c.barcode for c in detail.copies if c.status != books.WITHDRAWN]
        self.print_panel.set_selected(detail.title, live)

    def _info_text(self, d: TitleDetail) -> str:
        """The record as a two-column table (half the height of one line per field, so the copies fit)."""
        grade = grade_labels().get(d.grade_band, d.grade_band)
        info = clc.class_info(d.clc_class)
        parts = [
            (self.tr("作者"), d.author),
            (self.tr("出版"), "，".join(p for p in (d.publisher, str(d.pub_year or "")) if p)),
            (self.tr("ISBN"), d.isbn13 or self.tr("无")),
            (self.tr("索书号"), d.call_number),
            (self.tr("分类"), f"{d.clc_class}（{info.name}）" if info else d.clc_class),
            (self.tr("适读"), grade),
            (self.tr("主题词"), d.subjects),
            (self.tr("定价"), f"{d.price_fen / 100:.2f}" if d.price_fen is not None else ""),
        ]
        cells = [f"<td>{escape(label)}：{escape(value)}</td>" for label, value in parts if value]
        rows = ["<tr>" + "".join(cells[n : n + 2]) + "</tr>" for n in range(0, len(cells), 2)]
        if d.notes:
            rows.append(f"<tr><td colspan=2>{escape(self.tr('备注'))}：{escape(d.notes)}</td></tr>")
        counts = (
            self.tr("共 %1 册，在馆 %2，借出 %3")
            .replace("%1", str(d.holdings))
            .replace("%2", str(d.available))
            .replace("%3", str(d.on_loan))
        )
        rows.append(f"<tr><td colspan=2><b>{escape(counts)}</b></td></tr>")
        return '<table cellspacing=0 cellpadding=1 width="100%">' + "".join(rows) + "</table>"

    def _fill_copies(self, detail: TitleDetail) -> None:
        selected = self._current_copy()
        labels = status_labels()
        self.copies.setRowCount(len(detail.copies))
        for row, copy in enumerate(detail.copies):
            # A copy typed in by hand has no donation batch: "—", with the day it came in on the tooltip.
            cells = (
                copy.barcode,
                copy.location,
                labels.get(copy.status, copy.status),
                copy.donor_name or "—",
            )
            tip = "\n".join(
                p
                for p in (
                    self.tr("入藏：%1").replace("%1", copy.acquired_on.isoformat())
                    if copy.acquired_on
                    else "",
                    copy.notes,
                )
                if p
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 2 and copy.status != books.AVAILABLE:
                    item.setForeground(Qt.GlobalColor.darkRed)
                item.setToolTip(tip)
                self.copies.setItem(row, col, item)
        if selected:
            self._select_copy(selected)

    def _select_copy(self, barcode: str) -> None:
        for row in range(self.copies.rowCount()):
            if self.copies.item(row, 0).text() == barcode:
                self.copies.selectRow(row)
                return

    def _current_copy(self) -> str | None:
        rows = self.copies.selectionModel().selectedRows() if self.copies.selectionModel() else []
        return self.copies.item(rows[0].row(), 0).text() if rows else None

    def _copy_selection_changed(self) -> None:
        self.copy_status_button.setEnabled(self.can_write and self._current_copy() is not None)
        if not self._current_copy():
            self.status_box.hide()

    # ========================================================================================= copies

    def add_copies(self) -> list[str]:
        if self.detail is None:
            return []
        detail = self.detail
        n = self.add_copy_count.value()
        # New copies go where the title's other copies stand (the most common location).
        locations = [c.location for c in detail.copies if c.location]
        location = max(set(locations), key=locations.count) if locations else ""
        try:
            barcodes = catalog.add_copies(self.ctx, detail.id, n, location)
        except DomainError as exc:
            show_message(self.detail_message, exc.message)
            return []
        self._changed_here(detail.id)
        self._show_detail(detail.id)
        span = barcodes[0] if len(barcodes) == 1 else f"{barcodes[0]}–{barcodes[-1]}"
        show_message(
            self.detail_message,
            self.tr("已加 %1 册，条码 %2。").replace("%1", str(len(barcodes))).replace("%2", span),
            ok=True,
        )
        self._detail_barcodes = tuple(barcodes)
        self.print_panel.add_unprinted(barcodes)
        self.detail_print.setText(self.tr("打印这 %1 张书标…").replace("%1", str(len(barcodes))))
        self.detail_print.show()
        self.add_copy_count.setValue(1)
        return barcodes

    def open_copy_status(self) -> None:
        barcode = self._current_copy()
        if barcode is None or self.detail is None or not self.can_write:
            return
        copy = next((c for c in self.detail.copies if c.barcode == barcode), None)
        if copy is None:
            return
        self.status_box_label.setText(
            self.tr("%1 现在是“%2”，改为：").replace("%1", barcode).replace("%2", copy.status_label)
        )
        at = self.status_choice.findData(copy.status)
        self.status_choice.setCurrentIndex(max(0, at))
        self.status_note.clear()
        self.status_box.show()
        self.status_choice.setFocus()

    def apply_copy_status(self) -> bool:
        barcode = self._current_copy()
        if barcode is None or self.detail is None:
            return False
        title_id = self.detail.id
        status = self.status_choice.currentData()
        try:
            info = catalog.set_copy_status(self.ctx, barcode, status, self.status_note.text())
        except DomainError as exc:
            show_message(self.detail_message, exc.message)
            return False
        self.status_box.hide()
        self._changed_here(title_id)
        self._show_detail(title_id)
        self._select_copy(barcode)
        show_message(
            self.detail_message,
            self.tr("%1 已改为“%2”。")
            .replace("%1", info.barcode)
            .replace("%2", status_labels()[info.status]),
            ok=True,
        )
        return True

    # ========================================================================================= panels

    def _open_panel(self, panel: QWidget) -> None:
        self.side.setCurrentWidget(panel)

    def close_panel(self) -> None:
        if self.import_panel.busy:
            return  # its progress and Cancel stay in sight until the file is read or imported
        self.side.setCurrentWidget(self.detail_panel)
        if self.detail is not None:
            self._show_detail(self.detail.id)
        self.focus_search()

    def open_add(self) -> None:
        if not self.can_write:
            return
        self._open_panel(self.form)
        if self.form.editing is not None:
            self.form.start_new()
        else:
            self.form.isbn.setFocus()  # what was typed before an Esc is still there (the form clears on saving)

    def open_edit(self) -> None:
        if not self.can_write or self.detail is None:
            return
        self._open_panel(self.form)
        self.form.start_edit(self.detail)

    def open_import(self) -> None:
        if not self.can_write:
            return
        if self.import_panel.preview is None:
            self.import_panel.reset()
        self._open_panel(self.import_panel)
        self.import_panel.choose_button.setFocus()

    def open_print(self, barcodes: Sequence[str] | None = None, what: str = "") -> None:
        """The print panel; with ``barcodes``, their spine labels are preselected."""
        if not self.can_write:
            return
        if barcodes:
            self.print_panel.offer(barcodes, what or self.tr("新登记的书"))
        self._open_panel(self.print_panel)
        self.print_panel.go.setFocus()

    def _lookup_isbn(self, isbn13: str) -> tuple[int, str, int] | None:
        if self.index is None:
            return None
        for row in self.index.search(isbn13):
            if row.isbn13 == isbn13:
                return row.id, row.title, row.copies
        return None

    # --- results from the panels ----------------------------------------------------------------------------

    def _title_saved(self, title_id: int, barcodes: Sequence[str]) -> None:
        self._changed_here(title_id)
        self.select_title(title_id)
        self.print_panel.add_unprinted(barcodes)

    def _copies_added_by_form(self, title_id: int, barcodes: Sequence[str]) -> None:
        self._changed_here(title_id)
        self.select_title(title_id)
        self.print_panel.add_unprinted(barcodes)

    def _imported(self, result: BookImportResult) -> None:
        # Hundreds of new titles: reload (a big catalogue in the background, the old index shown meanwhile).
        self._reload_index()
        self._fill_donors()
        self._changed_here()
        self.print_panel.offer(result.barcodes, self.tr("导入的“%1”").replace("%1", result.source))

    def _print_imported(self, result: BookImportResult) -> None:
        self.open_print(list(result.barcodes), self.tr("导入的“%1”").replace("%1", result.source))

    def spine_labels(self, barcodes: Sequence[str]) -> list[SpineLabel]:
        """Spine labels for these barcodes from the index; barcodes it does not know are left out."""
        if self.index is None:
            return []
        labels = []
        for barcode in barcodes:
            title_id = self.index.title_for_barcode(barcode)
            row = self.index.get(title_id) if title_id is not None else None
            if row is not None:
                labels.append(spine_label(row, books.clean_barcode(barcode)))
        return labels

    # ========================================================================================= export

    @property
    def exporting(self) -> bool:
        return self.export_job is not None and self.export_job.running

    def export(self) -> Job | None:
        """Ask where to save, then write one row per copy on a worker thread (progress and Cancel below)."""
        if self.exporting:
            return None
        chosen = self.choose_export_file()
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + ".xlsx")
        ctx = self.ctx

        def work(progress: workers.Progress, cancel: threading.Event) -> int:
            return book_import.export_books(ctx, path, progress=workers.steps(progress), cancel=cancel.is_set)

        job = Job(work, name="export:books", logs_dir=ctx.data_dir.logs)
        job.progress.connect(self._export_progress)
        job.finished.connect(self._exported)
        job.failed.connect(self._export_failed)
        job.cancelled.connect(self._export_failed)
        self.export_job = job
        self._export_path = path
        self.message.clear()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.export_button.setEnabled(False)
        return job.start()

    def _export_progress(self, percent: int, _text: str) -> None:
        if percent < 0:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 100)
            self.progress.setValue(percent)

    def cancel_export(self) -> None:
        if self.export_job is not None:
            self.export_job.cancel()
            self.cancel_button.setEnabled(False)

    def _export_ended(self) -> None:
        self.export_job = None
        self.progress.hide()
        self.cancel_button.hide()
        self.export_button.setEnabled(True)

    def _export_failed(self, exc: BaseException | str) -> None:
        self._export_ended()
        show_message(self.message, exc if isinstance(exc, str) else workers.message_for(exc))

    def _exported(self, count: int) -> None:
        self._export_ended()
        show_message(
            self.message,
            self.tr("已导出 %1 册到 %2").replace("%1", f"{count:,}").replace("%2", str(self._export_path)),
            ok=True,
        )
