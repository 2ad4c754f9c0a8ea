"""The catalogue's titles: the search index kept in memory (:class:`TitleIndex`), the filters beside the search box
(:class:`TitleFilters`) and the results table's columns (``size_columns``, ``fit_columns``).

Search runs on every keystroke against ``CatalogIndex`` (built once): a few milliseconds even at 40,000 titles, so
there is no delay timer. The index is kept up to date title by title after the page's own changes
(``refresh_title``); a change from elsewhere (an import, the desk lending books) reloads it. A big catalogue is
loaded — first and again — on a worker thread (``ui/workers.py``), so the window never waits for it.
"""

from __future__ import annotations

from operator import attrgetter

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QLabel, QTableView

from center_app.context import AppContext
from center_app.domain import books, clc
from center_app.services import catalog
from center_app.services.catalog_search import CatalogIndex, TitleRow
from center_app.ui import workers
from center_app.ui.models.title_table import COLUMN, grade_labels, status_labels
from center_app.ui.operations import Operations
from center_app.ui.widgets.messages import show_message
from center_app.ui.workers import Job

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

#: the filters' values: (CLC class, grade band, status or ALL_OUT, donor id); None = any
Criteria = tuple[str | None, str | None, str | None, int | None]


class TitleIndex(QObject):
    """The catalogue's search index. ``index`` is None until the first load (and after a restore, ``forget``).

    ``loaded``: a background load has finished (or failed: the index is then at least empty, the reason shown in
    ``message``); the page searches again.
    """

    loaded = Signal()

    def __init__(
        self, ctx: AppContext, ops: Operations, message: QLabel, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ops = ops
        self.message = message
        self.index: CatalogIndex | None = None
        self._job: Job | None = None  # the background load whose result is awaited (a newer one replaces it)
        self._touched: set[int] = set()  # titles changed here while a background load ran
        # (index, every title, their copies): the empty search, kept while the index is the same object
        self._everything: tuple[CatalogIndex, list[TitleRow], int] | None = None

    @property
    def loading(self) -> bool:
        """True while a background load runs."""
        return self._job is not None and self._job.running

    def load(self) -> bool:
        """The first load: at once for a small catalogue; True when a big one is being loaded on a worker thread
        (what is typed meanwhile is searched when the index is ready)."""
        count = self.ops.run(lambda: CatalogIndex.title_count(self.ctx), refused=self.message).value
        if count is None:
            self.index = CatalogIndex()
            return False
        if count >= BACKGROUND_LOAD_AT:
            self._load_in_background()
            return True
        self._load_now()
        return False

    def reload(self) -> None:
        """After changes made elsewhere; a big catalogue keeps showing the old index (counts a few seconds stale)
        while a fresh one is built."""
        if self.index is None or len(self.index) < BACKGROUND_LOAD_AT:
            self._load_now()
        else:
            self._load_in_background()

    def forget(self) -> None:
        """The data was replaced (a restore): the next refresh loads afresh."""
        self.index = None
        self._everything = None

    def _load_now(self) -> None:
        self._forget_job()
        ctx = self.ctx
        self.index = (
            self.ops.run(lambda: CatalogIndex.load(ctx), refused=self.message).value or CatalogIndex()
        )

    def _load_in_background(self) -> None:
        self._forget_job()  # a newer load makes an older result stale
        self._touched.clear()
        ctx = self.ctx
        job = Job(
            lambda _progress, _cancel: CatalogIndex.load(ctx), name="catalog:load", logs_dir=ctx.data_dir.logs
        )
        job.finished.connect(self._background_loaded)
        job.failed.connect(self._background_failed)
        self._job = job
        job.start()

    def _forget_job(self) -> None:
        job, self._job = self._job, None
        if job is not None and job.running:
            job.finished.disconnect(self._background_loaded)
            job.failed.disconnect(self._background_failed)

    def _background_loaded(self, result: CatalogIndex) -> None:
        self._job = None
        for title_id in self._touched:  # changed here after the load read them
            result.refresh_title(self.ctx, title_id)
        self._touched.clear()
        self.index = result
        self.loaded.emit()

    def _background_failed(self, exc: BaseException) -> None:
        self._job = None  # the job logged it (and showed an unexpected error)
        if (
            self.index is None
        ):  # the first load: an empty catalogue and the reason, rather than "loading…" forever
            self.index = CatalogIndex()
        show_message(self.message, workers.message_for(exc))
        self.loaded.emit()

    def refresh_title(self, title_id: int) -> None:
        """One title changed here (or was deleted): bring it up to date without a reload."""
        self._everything = None
        if self.index is not None:
            self.index.refresh_title(self.ctx, title_id)
        if self.loading:
            self._touched.add(title_id)

    def search(self, text: str, criteria: Criteria) -> tuple[list[TitleRow], int]:
        """The titles found and their copies."""
        if self.index is None:
            return [], 0
        if not text.strip() and criteria == (None, None, None, None):
            # An empty box lists every title (Esc, or the box cleared for the next search): the same list until
            # the index changes, with its copy count — 40,000 rows are worth not rebuilding on each clear.
            if self._everything is None or self._everything[0] is not self.index:
                rows = self.index.search("")
                self._everything = (self.index, rows, sum(map(_COPIES, rows)))
            return self._everything[1], self._everything[2]
        class_, grade, status, donor = criteria
        rows = self.index.search(
            text,
            clc_class=class_,
            grade_band=grade,
            status=None if status == ALL_OUT else status,
            donor_id=donor,
        )
        if status == ALL_OUT:
            rows = [r for r in rows if r.copies and not r.available]
        return rows, sum(map(_COPIES, rows))


class TitleFilters(QObject):
    """The class, grade, status and donor filters (``catalogClassFilter``…); the page adds ``combos`` to its row."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
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
        self.combos = (self.class_filter, self.grade_filter, self.status_filter, self.donor_filter)

    @staticmethod
    def _combo(name: str, everything: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(everything, None)
        # Long entries (class names, donor names) must not widen the search row: the popup shows them whole.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        combo.view().setMinimumWidth(260)
        combo.setMaxVisibleItems(24)
        return combo

    def criteria(self) -> Criteria:
        return (
            self.class_filter.currentData(),
            self.grade_filter.currentData(),
            self.status_filter.currentData(),
            self.donor_filter.currentData(),
        )

    def fill_donors(self, ops: Operations) -> None:
        """The donors who gave copies, with how many (the chosen one stays chosen)."""
        donor_filter = self.donor_filter
        current = donor_filter.currentData()
        donors = ops.run(lambda: catalog.list_donors(ops.ctx), refused=lambda _exc: None).value or []
        donor_filter.blockSignals(True)
        while donor_filter.count() > 1:
            donor_filter.removeItem(1)
        for donor in donors:
            if donor.copies:
                donor_filter.addItem(
                    self.tr("%1（%2 册）").replace("%1", donor.name).replace("%2", str(donor.copies)),
                    donor.id,
                )
        at = donor_filter.findData(current) if current is not None else 0
        donor_filter.setCurrentIndex(max(0, at))
        donor_filter.blockSignals(False)


def size_columns(table: QTableView) -> None:
    """The title takes what the other columns leave."""
    table.horizontalHeader().setSectionResizeMode(COLUMN["title"], QHeaderView.ResizeMode.Stretch)
    for key, width in _WIDTHS.items():
        table.setColumnWidth(COLUMN[key], width)


def fit_columns(table: QTableView) -> None:
    """Drop the least needed columns while the table is too narrow for all (the detail panel shows them)."""
    width = table.viewport().width()
    needed = MIN_TITLE_WIDTH + sum(_WIDTHS.values())
    hidden = set()
    for key in _OPTIONAL_COLUMNS:
        if needed <= width:
            break
        hidden.add(key)
        needed -= _WIDTHS[key]
    for key in _OPTIONAL_COLUMNS:
        table.setColumnHidden(COLUMN[key], key in hidden)
