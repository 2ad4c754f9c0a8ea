"""导出馆藏图书: one row per copy to Excel or CSV, written on a worker thread with a progress bar and 取消 in the
catalogue's status row (``catalogProgress``, ``catalogCancel``); the export button waits meanwhile.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton

from center_app.context import AppContext
from center_app.services import book_import
from center_app.ui import workers
from center_app.ui.pages.list_page import ListExport, spreadsheet_path
from center_app.ui.widgets.messages import show_message
from center_app.ui.workers import Job


class CatalogExport(QObject):
    """``progress`` and ``cancel_button`` go in the page's status row; ``button`` is the page's 导出…"""

    def __init__(
        self,
        ctx: AppContext,
        choose_file: Callable[[], str],
        button: QPushButton,
        message: QLabel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.choose_file = choose_file
        self.button = button
        self.message = message
        self.path: Path | None = None
        self.progress = QProgressBar()
        self.progress.setObjectName("catalogProgress")
        self.progress.setMaximumWidth(260)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setObjectName("catalogCancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.export = ListExport("export:books", ctx.data_dir.logs, self)
        self.export.progress.connect(self._progress)
        self.export.ended.connect(self._ended)
        self.export.finished.connect(self._exported)
        self.export.failed.connect(self._failed)

    @property
    def running(self) -> bool:
        return self.export.running

    def run(self) -> Job | None:
        """Ask where to save, then write one row per copy on a worker thread."""
        if self.running:
            return None
        path = spreadsheet_path(self.choose_file())
        if path is None:
            return None
        ctx = self.ctx

        def work(progress: workers.Progress, cancel: threading.Event) -> int:
            return book_import.export_books(ctx, path, progress=workers.steps(progress), cancel=cancel.is_set)

        self.path = path
        self.message.clear()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.button.setEnabled(False)
        return self.export.start(work)

    def _progress(self, percent: int) -> None:
        if percent < 0:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 100)
            self.progress.setValue(percent)

    def cancel(self) -> None:
        if self.running:
            self.export.cancel()
            self.cancel_button.setEnabled(False)

    def _ended(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.button.setEnabled(True)

    def _failed(self, text: str) -> None:
        show_message(self.message, text)

    def _exported(self, count: int) -> None:
        show_message(
            self.message,
            self.tr("已导出 %1 册到 %2").replace("%1", f"{count:,}").replace("%2", str(self.path)),
            ok=True,
        )
