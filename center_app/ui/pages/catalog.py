"""图书: the catalogue — search as you type, the selected book's copies, and the panels to add, import and print.

A :class:`~center_app.ui.pages.list_page.ListPage`: the search box and filters on top, the results table on the
left (``catalog_titles``: the index, the filters, the columns), and on the right one panel at a time: the selected
book (``catalog_detail``), the title form, the import panel or the print panel; the export
(``catalog_export``) shows its progress in the status row. Everything works from the keyboard: Ctrl+F search,
↓ into the table, Enter on a scanned barcode selects its book, Ctrl+N new book, Ctrl+I import, Ctrl+P print,
F2 edit, Esc back to the book / clears the search.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFileDialog, QWidget

from center_app.context import AppContext
from center_app.domain import books, clc
from center_app.domain.permissions import WRITE, allowed, denied_message
from center_app.reports.labels import SpineLabel
from center_app.services.book_import import BookImportResult
from center_app.services.catalog import TitleDetail
from center_app.services.catalog_search import CatalogIndex, TitleRow
from center_app.ui.events import Area, DataEvents
from center_app.ui.models.title_table import TITLE_ID_ROLE, TitleTableModel
from center_app.ui.pages.catalog_detail import TitleDetailPanel
from center_app.ui.pages.catalog_export import CatalogExport
from center_app.ui.pages.catalog_forms import TitleForm
from center_app.ui.pages.catalog_import import book_import_kind
from center_app.ui.pages.catalog_print import PrintPanel
from center_app.ui.pages.catalog_titles import TitleFilters, TitleIndex, fit_columns, size_columns
from center_app.ui.pages.list_page import ListPage, action_button
from center_app.ui.widgets.import_panel import ImportPanel
from center_app.ui.workers import Job


def spine_label(row: TitleRow, barcode: str) -> SpineLabel:
    info = clc.class_info(row.clc_class or row.call_number)
    return SpineLabel(
        title=row.title,
        call_number=row.call_number,
        barcode=barcode,
        clc_top_class=info.letter if info else "",
        band_colour_hex=info.colour if info else "",
    )


class CatalogPage(ListPage):
    areas = (Area.BOOKS, Area.LOANS)
    reloads_on_own_changes = False  # the index is updated title by title after this page's own changes

    def __init__(self, ctx: AppContext, events: DataEvents, parent: QWidget | None = None) -> None:
        super().__init__(ctx, events, prefix="catalog", parent=parent)
        self.title_label.setText(self.tr("图书"))
        self.can_write = allowed(ctx.actor.role, "catalog", WRITE)
        self._pending: set[str] = {Area.BOOKS}  # what changed elsewhere since the index was built
        self._quiet_selection = False  # reselecting the same title after a search: no detail reload
        self.titles = TitleIndex(ctx, self.ops, self.message, self)
        self.titles.loaded.connect(self._index_loaded)
        # Seam the tests replace: the native file dialog is modal.
        self.choose_export_file: Callable[[], str] = lambda: QFileDialog.getSaveFileName(
            self,
            self.tr("导出馆藏图书"),
            str(ctx.data_dir.exports / f"馆藏图书_{dt.date.today():%Y%m%d}.xlsx"),
            self.tr("Excel 文件 (*.xlsx);;CSV 文件 (*.csv)"),
        )[0]

        self._build_header()
        self.search.setPlaceholderText(self.tr("书名、作者、拼音首字母（如 xyj）、ISBN、条码…"))
        self.search.setMaxLength(200)
        self.filters = TitleFilters(self)
        for combo in self.filters.combos:
            self.add_filter(combo, 1)
        self.class_filter, self.grade_filter = self.filters.class_filter, self.filters.grade_filter
        self.status_filter, self.donor_filter = self.filters.status_filter, self.filters.donor_filter
        self.model = TitleTableModel(self)
        self.table.setModel(self.model)
        size_columns(self.table)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(lambda _index: self.open_edit())
        self.table.viewport().installEventFilter(self)
        self._build_panels()
        self.splitter.setSizes([760, 420])
        self.exporter = CatalogExport(
            ctx, lambda: self.choose_export_file(), self.export_button, self.message, self
        )
        self.status_row.addWidget(self.exporter.progress)
        self.status_row.addWidget(self.exporter.cancel_button)

        self.add_shortcuts(
            ("Ctrl+N", self.open_add),
            ("Ctrl+I", self.open_import),
            ("Ctrl+P", self.open_print),
            ("F2", self.open_edit),
        )
        self._show_detail(None)

    # ========================================================================================= building

    def _build_header(self) -> None:
        self.add_button = action_button("catalogAdd", self.tr("新书登记"), self.open_add, key="Ctrl+N")
        self.import_button = action_button(
            "catalogImport", self.tr("导入清单…"), self.open_import, key="Ctrl+I"
        )
        self.export_button = action_button("catalogExport", self.tr("导出…"), self.export)
        self.print_button = action_button(
            "catalogPrint", self.tr("打印书标/借书证…"), self.open_print, key="Ctrl+P"
        )
        self.add_actions(self.add_button, self.import_button, self.export_button, self.print_button)
        if not self.can_write:  # read-only (volunteer teachers): search, look and export, nothing else
            why = denied_message(self.ctx.actor.role, "catalog", WRITE)
            for button in (self.add_button, self.import_button, self.print_button):
                button.setEnabled(False)
                button.setToolTip(why)

    def _build_panels(self) -> None:
        ctx = self.ctx
        self.detail_panel = TitleDetailPanel(ctx, self.ops, self.message)
        self.detail_panel.shown.connect(self._title_shown)
        self.detail_panel.changed.connect(self._changed_here)
        self.detail_panel.copies_added.connect(self._copies_added)
        self.detail_panel.edit_requested.connect(self.open_edit)
        self.detail_panel.print_requested.connect(self.open_print)
        self.add_panel(self.detail_panel, home=True)
        self.form = TitleForm(ctx, isbn_lookup=self._lookup_isbn)
        self.form.saved.connect(self._title_saved)
        self.form.copies_added.connect(self._title_saved)
        self.form.print_requested.connect(self.open_print)
        self.form.closed.connect(self.close_panel)
        self.add_panel(self.form)
        self.import_panel = ImportPanel(ctx, book_import_kind())
        self.import_panel.imported.connect(self._imported)
        self.import_panel.action_requested.connect(self._print_imported)
        self.import_panel.closed.connect(self.close_panel)
        self.add_panel(self.import_panel)
        self.print_panel = PrintPanel(ctx, self.events, self.spine_labels)
        self.print_panel.closed.connect(self.close_panel)
        self.add_panel(self.print_panel)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.ensure_fresh()  # the main window does this too; a page shown on its own needs it
        if self.side.currentWidget() is self.detail_panel:
            self.search.setFocus()

    # ========================================================================================= index

    @property
    def index(self) -> CatalogIndex | None:
        return self.titles.index

    @property
    def loading(self) -> bool:
        """True while a background load runs (tests wait on it)."""
        return self.titles.loading

    @property
    def detail(self) -> TitleDetail | None:
        return self.detail_panel.detail

    def refresh(self) -> None:
        """Build the index on first show; after changes made elsewhere reload it (in the background when big)."""
        pending, self._pending = self._pending, set()
        if self.index is None:
            # A change during the first load: load again, the older is stale.
            if (not self.loading or pending) and self.titles.load():
                self.count_label.setText(self.tr("正在载入图书目录…"))
        elif pending:
            self.titles.reload()
        if Area.BOOKS in pending or self.donor_filter.count() <= 1:
            self.filters.fill_donors(self.ops)
        self.run_search(keep=True)
        if self.detail is not None:
            self._show_detail(self.detail.id)  # its copies' statuses may have changed
        super().refresh()

    def _on_data_changed(self, area: str) -> None:
        if self._announcing:
            return  # our own change: the index was already updated title by title
        if area in self.areas or area == Area.ALL:
            self._pending.add(Area.BOOKS if area in (Area.BOOKS, Area.ALL) else area)
        if area == Area.ALL:
            self.titles.forget()  # a restore replaced the data
        if area in (Area.CHILDREN, Area.ALL):
            self.print_panel.reset_children()  # class lists and card numbers
        super()._on_data_changed(area)

    def _index_loaded(self) -> None:
        self.run_search(keep=True)
        if self.detail is not None:
            self._show_detail(self.detail.id)

    def _changed_here(self, title_id: int | None = None) -> None:
        """After this page changed the catalogue (and announced it): bring the index up to date."""
        if title_id is not None:
            self.titles.refresh_title(title_id)
        self.run_search(keep=True)

    # ========================================================================================= search

    def run_search(self, keep: bool = True) -> list[TitleRow]:
        """Search with the box and the filters; keeps the selected title selected when it is still listed."""
        if self.index is None:
            return []
        rows, copies = self.titles.search(self.search.text(), self.filters.criteria())
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

    def search_entered(self) -> None:
        """Enter in the search box: a scanned barcode selects its book and copy; otherwise the first result."""
        text = self.search.text().strip()
        if not text or self.index is None:
            return
        title_id = self.index.title_for_barcode(text)
        if title_id is not None and self.select_title(title_id):
            self.detail_panel.select_copy(books.clean_barcode(text))
            self.search.selectAll()  # the next scan replaces it
            return
        if self.model.rowCount():
            self.table.setFocus()
            self.select_title(int(self.model.index(0, 0).data(TITLE_ID_ROLE)))

    def table_key(self, key: int) -> bool:
        if key == Qt.Key.Key_Up and self.table.currentIndex().row() <= 0:
            self.focus_search()
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            fit_columns(self.table)  # the viewport's size is final here (the table's own Resize comes first)
        return super().eventFilter(watched, event)

    def escape_home(self) -> bool:
        return self.detail_panel.close_boxes()

    # ========================================================================================= detail

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet_selection:
            return
        title_id = current.data(TITLE_ID_ROLE) if current.isValid() else None
        self._show_detail(int(title_id) if title_id is not None else None, new_selection=True)

    def _show_detail(self, title_id: int | None, *, new_selection: bool = False) -> None:
        self.detail_panel.show_title(title_id, new_selection=new_selection)

    def _title_shown(self, detail: TitleDetail | None) -> None:
        if detail is None:
            self.print_panel.set_selected(None)
        else:
            live = [c.barcode for c in detail.copies if c.status != books.WITHDRAWN]
            self.print_panel.set_selected(detail.title, live)

    # ========================================================================================= panels

    def panel_busy(self) -> bool:
        return (
            self.import_panel.busy
        )  # its progress and Cancel stay in sight until the file is read or imported

    def close_panel(self) -> bool:
        if not super().close_panel():
            return False
        if self.detail is not None:
            self._show_detail(self.detail.id)
        self.focus_search()
        return True

    def open_add(self) -> None:
        if not self.can_write:
            return
        self.show_panel(self.form)
        if self.form.editing is not None:
            self.form.start_new()
        else:
            self.form.isbn.setFocus()  # what was typed before an Esc is still there (the form clears on saving)

    def open_edit(self) -> None:
        if not self.can_write or self.detail is None:
            return
        self.show_panel(self.form)
        self.form.start_edit(self.detail)

    def open_import(self) -> None:
        if not self.can_write:
            return
        if self.import_panel.preview is None:
            self.import_panel.reset()
        self.show_panel(self.import_panel)
        self.import_panel.choose_button.setFocus()

    def open_print(self, barcodes: Sequence[str] | None = None, what: str = "") -> None:
        """The print panel; with ``barcodes``, their spine labels are preselected."""
        if not self.can_write:
            return
        if barcodes:
            self.print_panel.offer(barcodes, what or self.tr("新登记的书"))
        self.show_panel(self.print_panel)
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
        """The title form saved a title or added copies (its service call committed): tell every page."""
        self.announce(Area.BOOKS)
        self._changed_here(title_id)
        self.select_title(title_id)
        self.print_panel.add_unprinted(barcodes)

    def _copies_added(self, barcodes: Sequence[str]) -> None:
        self.print_panel.add_unprinted(barcodes)

    def _imported(self, result: BookImportResult) -> None:
        # Hundreds of new titles: reload (a big catalogue in the background, the old index shown meanwhile).
        self.titles.reload()
        self.filters.fill_donors(self.ops)
        self.announce(Area.BOOKS)
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
        return self.exporter.running

    def export(self) -> Job | None:
        """Ask where to save, then write one row per copy on a worker thread (progress and Cancel below)."""
        return self.exporter.run()
