"""打印课表: the whole centre's timetable, or one page per volunteer, room or class, or the one the grid is filtered
to — the service's PDFs (A4 landscape, the centre's name on top), written on a worker thread to the data folder's
exports and opened in the PDF reader. A teacher prints their own timetable only."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from center_app.context import AppContext
from center_app.services import volunteers
from center_app.services.volunteers import ProgrammeInfo
from center_app.ui import workers
from center_app.ui.pages.label_sheets import safe_file_part, unique_path
from center_app.ui.workers import Job

#: what to print: (view, key) as ``volunteers.write_timetable_pdf`` takes them
Choice = tuple[str, int | str | None]


class PrintBar(QWidget):
    """The print choice and its button. ``said(text, ok)`` reports to the tab's message line; ``open_file`` is the
    seam tests replace (opening a PDF starts another program)."""

    said = Signal(str, bool)
    printed = Signal(object)  # the PDF's path

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.programme: ProgrammeInfo | None = None
        self.job: Job | None = None
        self.last_pdf: Path | None = None
        self.open_file: Callable[[Path], object] = lambda path: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(path))
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.what = QComboBox()
        self.what.setObjectName("volunteersTimetablePrintWhat")
        self.what.setMinimumWidth(150)
        row.addWidget(self.what)
        self.button = QPushButton(self.tr("打印课表 PDF"))
        self.button.setObjectName("volunteersTimetablePrint")
        self.button.clicked.connect(self.print_now)
        row.addWidget(self.button)

    def set_choices(
        self, programme: ProgrammeInfo | None, shown: tuple[Choice, str] | None, own: int | None
    ) -> None:
        """``shown``: the grid's filter (a volunteer, room or class) and its label; ``own``: a teacher's own
        volunteer id (they print only their own)."""
        self.programme = programme
        chosen = self.what.currentData()
        self.what.clear()
        if own is not None:
            self.what.addItem(self.tr("我的课表"), ("volunteer", own))
        else:
            self.what.addItem(self.tr("全中心"), ("centre", None))
            if shown is not None:
                self.what.addItem(self.tr("当前显示的：%1").replace("%1", shown[1]), shown[0])
            self.what.addItem(self.tr("每位志愿者一页"), ("volunteer", None))
            self.what.addItem(self.tr("每间教室一页"), ("room", None))
            self.what.addItem(self.tr("每个班级一页"), ("class", None))
        index = self.what.findData(chosen) if chosen is not None else -1
        self.what.setCurrentIndex(max(index, 0))
        self._enable()

    def _enable(self) -> None:
        running = self.job is not None and self.job.running
        self.button.setEnabled(self.programme is not None and not running)

    def print_now(self) -> Job | None:
        programme = self.programme
        choice = self.what.currentData()
        if programme is None or choice is None or (self.job is not None and self.job.running):
            return None
        view, key = choice
        label = self.what.currentText().replace(self.tr("当前显示的："), "")
        path = unique_path(
            self.ctx.data_dir.exports, f"课表-{safe_file_part(programme.name)}-{safe_file_part(label)}"
        )
        ctx, pid = self.ctx, programme.id

        def work(_progress: workers.Progress, _cancel: threading.Event) -> Path:
            path.parent.mkdir(parents=True, exist_ok=True)
            return volunteers.write_timetable_pdf(ctx, pid, path, view, key)

        job = Job(work, name="打印课表", logs_dir=ctx.data_dir.logs)
        job.finished.connect(self._written)
        job.failed.connect(lambda exc: self.said.emit(workers.message_for(exc), False))
        job.done.connect(self._enable)
        self.job = job
        self.said.emit(self.tr("正在生成课表 PDF……"), True)
        job.start()
        self._enable()
        return job

    def _written(self, path: object) -> None:
        assert isinstance(path, Path)
        self.last_pdf = path
        self.said.emit(self.tr("已生成课表：%1").replace("%1", str(path)), True)
        self.printed.emit(path)
        self.open_file(path)
