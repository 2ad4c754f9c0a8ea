"""The shape every list page shares (children, books; equipment and volunteers next): a header with the page's title,
the count and the actions; the search box and the filters; the table beside a side panel; a message line.

::

    图书  共 1,234 种 / 5,678 册                     [新书登记] [导入清单…] [导出…]
    [search as you type…                    ] [filter] [filter]
    ┌ table ───────────────────────┐┌ side: one panel at a time ┐
    │                              ││ the selected row (home),   │
    │                              ││ a form, an import…         │
    └──────────────────────────────┘└───────────────────────────┘
    message                                                      [status-row widgets]

A page subclasses :class:`ListPage`, sets the table's model, adds its actions (``add_actions(action_button(...), …)``),
its filters (``add_filter``), its side panels (``add_panel``; the first, ``home=True``, shows the selected row) and
implements ``run_search``. objectNames are the page's prefix + ``Page``, ``Count``, ``Search``, ``Table``,
``Splitter``, ``Side`` and ``Message`` (``childrenSearch``, ``catalogTable``…).

Keys every list page has: Ctrl+F the search, ↓ from the search into the table, Esc closes the open panel, then what
the home panel has open (``escape_home``), then clears the search. A page adds its own with ``add_shortcuts``.

Exports of a list (``ListExport``): ask where to save, write on a worker thread, one at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.ui import workers
from center_app.ui.events import DataEvents
from center_app.ui.pages.base import Page, page_title
from center_app.ui.workers import Job

SPREADSHEET_SUFFIXES = (".xlsx", ".csv")


def action_button(
    name: str, text: str, slot: Callable[[], object], *, key: str = "", tip: str = ""
) -> QPushButton:
    """A button that calls ``slot`` (without the clicked flag); ``key`` is shown after the text."""
    button = QPushButton(f"{text}  {key}" if key else text)
    button.setObjectName(name)
    if tip:
        button.setToolTip(tip)
    button.clicked.connect(lambda: slot())
    return button


class ListPage(Page):
    """The skeleton (see the module doc). ``row_padding``: the table's row height over the font's;
    ``side_width``: the side panel's least width."""

    def __init__(
        self,
        ctx: AppContext,
        events: DataEvents,
        *,
        prefix: str,
        row_padding: int = 10,
        side_width: int = 400,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, events, parent)
        self.prefix = prefix
        self.setObjectName(prefix + "Page")
        #: the side's resting panel: the selected row (``add_panel(..., home=True)``)
        self.home = QWidget()

        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 8)
        outer.setSpacing(8)

        self.header = QHBoxLayout()
        # The page sets the title's text (its ``self.tr`` works only once this __init__ has run).
        self.title_label = page_title("")
        self.header.addWidget(self.title_label)
        self.count_label = QLabel()
        self.count_label.setObjectName(prefix + "Count")
        self.count_label.setStyleSheet("color: #334155;")
        self.header.addSpacing(12)
        self.header.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        self.header.addStretch(1)
        outer.addLayout(self.header)

        self.filter_row = QHBoxLayout()
        self.filter_row.setSpacing(6)
        self.search = QLineEdit()
        self.search.setObjectName(prefix + "Search")
        self.search.setClearButtonEnabled(True)
        font = QFont(self.search.font())
        font.setPointSize(font.pointSize() + 3)
        self.search.setFont(font)
        self.search.setMinimumHeight(36)
        self.search.textChanged.connect(lambda _text: self.run_search())
        self.search.returnPressed.connect(lambda: self.search_entered())
        self.filter_row.addWidget(self.search, 3)
        outer.addLayout(self.filter_row)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName(prefix + "Splitter")
        self.splitter.setChildrenCollapsible(False)
        self.table = QTableView()
        self.table.setObjectName(prefix + "Table")
        self._set_up_table(row_padding)
        self.splitter.addWidget(self.table)
        self.side = QStackedWidget()
        self.side.setObjectName(prefix + "Side")
        self.side.setMinimumWidth(side_width)
        self.side.setFrameShape(QFrame.Shape.StyledPanel)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        outer.addWidget(self.splitter, 1)

        self.status_row = QHBoxLayout()
        self.message = QLabel()
        self.message.setObjectName(prefix + "Message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_row.addWidget(self.message, 1)
        outer.addLayout(self.status_row)

        self.search.installEventFilter(self)
        self.table.installEventFilter(self)
        self.add_shortcuts(("Ctrl+F", self.focus_search), ("Escape", self.escape))

    def _set_up_table(self, row_padding: int) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setSortingEnabled(False)  # the service's (or the index's) order is the order
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + row_padding)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row sizing
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)

    # ========================================================================================= building

    def add_actions(self, *buttons: QWidget) -> None:
        """The header's actions, right of the count."""
        for button in buttons:
            self.header.addWidget(button)

    def add_filter(self, widget: QComboBox | QCheckBox, stretch: int = 0) -> None:
        """A filter after the search box: changing it searches again (fill a combo before adding it)."""
        if isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _i: self.run_search())
        else:
            widget.toggled.connect(lambda _on: self.run_search())
        self.filter_row.addWidget(widget, stretch)

    def add_panel(self, panel: QWidget, *, home: bool = False) -> None:
        """A panel of the side; the ``home`` one shows the selected row and is where Esc and ``close_panel`` lead."""
        self.side.addWidget(panel)
        if home:
            self.home = panel
            self.side.setCurrentWidget(panel)

    def add_shortcuts(self, *keys: tuple[str, Callable[[], object]]) -> None:
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=slot: s())

    # ========================================================================================= the side

    def show_panel(self, panel: QWidget) -> None:
        self.side.setCurrentWidget(panel)

    def panel_busy(self) -> bool:
        """True while the open panel's work (an import) must stay in sight: ``close_panel`` waits."""
        return False

    def close_panel(self) -> bool:
        """Back to the home panel; False (nothing done) while ``panel_busy``."""
        if self.panel_busy():
            return False
        self.side.setCurrentWidget(self.home)
        return True

    def escape_panel(self, panel: QWidget) -> None:
        """Esc while ``panel`` (not the home panel) is open."""
        self.close_panel()

    def escape_home(self) -> bool:
        """Esc on the home panel: close what it has open (an inline box) and say True, else False."""
        return False

    def escape(self) -> None:
        current = self.side.currentWidget()
        if current is not None and current is not self.home:
            self.escape_panel(current)
        elif self.escape_home():
            return
        else:
            self.search.clear()
            self.focus_search()

    # ========================================================================================= searching

    def run_search(self) -> object:
        """Search with the box and the filters; keep the selected row selected while it is still listed."""
        raise NotImplementedError

    def search_entered(self) -> None:
        """Enter in the search box: into the table."""
        self.enter_table()

    def enter_table(self) -> None:
        """From the search into the table, on the first row unless one is selected."""
        if not self.has_rows():
            return
        self.table.setFocus()
        if not self.table.selectionModel().hasSelection():
            self.select_row(0)

    def has_rows(self) -> bool:
        model = self.table.model()
        return model is not None and model.rowCount() > 0

    def select_row(self, row: int) -> None:
        index = self.table.model().index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def table_key(self, key: int) -> bool:
        """A key pressed in the table; True if the page acted on it."""
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.search and event.key() == Qt.Key.Key_Down and self.has_rows():
                self.enter_table()
                return True
            if watched is self.table and self.table_key(event.key()):
                return True
        return super().eventFilter(watched, event)


def spreadsheet_path(chosen: str) -> Path | None:
    """The file a save dialog chose as an Excel or CSV file (a name without either gets .xlsx); None: no file."""
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() not in SPREADSHEET_SUFFIXES:
        path = path.with_name(path.name + ".xlsx")
    return path


class ListExport(QObject):
    """One export of a list at a time, written on a worker thread (``ui/workers.py``).

    ``progress(percent)`` (-1: length unknown), then ``finished(result)`` or ``failed(message)`` (an error, or
    the cancel's message), then ``ended``.
    """

    progress = Signal(int)
    finished = Signal(object)
    failed = Signal(str)
    ended = Signal()

    def __init__(self, name: str, logs_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.logs_dir = logs_dir
        self.job: Job | None = None

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def start(self, work: workers.Work) -> Job | None:
        if self.running:
            return None
        job = Job(work, name=self.name, logs_dir=self.logs_dir)
        # Bound methods, not lambdas: a page deleted meanwhile (a language switch) is disconnected, not called.
        job.progress.connect(self._progress)
        job.finished.connect(self._finished)
        job.failed.connect(self._error)
        job.cancelled.connect(self._failed)
        self.job = job
        return job.start()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _progress(self, percent: int, _text: str) -> None:
        self.progress.emit(percent)

    def _error(self, exc: BaseException) -> None:
        self._failed(workers.message_for(exc))

    def _finished(self, result: object) -> None:
        self.job = None
        self.ended.emit()
        self.finished.emit(result)

    def _failed(self, text: str) -> None:
        self.job = None
        self.ended.emit()
        self.failed.emit(text)


class ExportControls(QObject):
    """The progress bar and the cancel button of a page's ``ListExport``: shown by :meth:`begin`, following the
    export's progress (a moving bar when its length is unknown), hidden again when it ends. The page puts
    ``bar`` and ``cancel`` in its status row and keeps its own export button's state."""

    def __init__(
        self, export: ListExport, prefix: str, cancel_text: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setObjectName(f"{prefix}Progress")
        self.bar.setMaximumWidth(260)
        self.bar.hide()
        self.cancel = QPushButton(cancel_text)
        self.cancel.setObjectName(f"{prefix}Cancel")
        self.cancel.hide()
        self.cancel.clicked.connect(export.cancel)
        export.progress.connect(self._progress)
        export.ended.connect(self._ended)

    def begin(self) -> None:
        self.bar.setRange(0, 100)
        self.bar.setValue(0)
        self.bar.show()
        self.cancel.setEnabled(True)
        self.cancel.show()

    def _progress(self, percent: int) -> None:
        if percent < 0:
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, 100)
            self.bar.setValue(percent)

    def _ended(self) -> None:
        self.bar.hide()
        self.cancel.hide()
