"""导出花名册 (``childrenExportConfirm``): says first that the roster holds children's personal data and that the export
is audited, offers the anonymised export (codes instead of names, for statistics and for people outside the centre),
then asks where to save and writes the file on a worker thread (progress in the panel's message line).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from center_app.context import AppContext
from center_app.services import roster
from center_app.services.roster import ExportResult
from center_app.ui import workers
from center_app.ui.pages.list_page import ListExport, action_button, spreadsheet_path
from center_app.ui.widgets.forms import bold_heading as heading
from center_app.ui.widgets.messages import show_message
from center_app.ui.workers import Job


class ChildrenExportPanel(QWidget):
    """``closed``: 不导出. ``exported(text)``: the file is written; the page closes the panel and says ``text``.
    ``choose_file(suggested)`` returns the file chosen ("" for none): the page's seam for the modal dialog."""

    closed = Signal()
    exported = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        choose_file: Callable[[Path], str],
        *,
        sees_profile: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("childrenExportConfirm")
        self.ctx = ctx
        self.choose_file = choose_file
        self.sees_profile = sees_profile
        self.export = ListExport("export:children", ctx.data_dir.logs, self)
        self.export.progress.connect(self._progress)
        self.export.ended.connect(self._ended)
        self.export.finished.connect(self._exported)
        self.export.failed.connect(self._failed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(10)
        layout.addWidget(heading(self.tr("导出花名册")))
        text = QLabel(
            self.tr(
                "花名册包含儿童的个人信息，导出会记入审计日志（谁、什么时候、多少名儿童、存到哪里）。"
                "导出的文件请妥善保管，用完删除，不要发到群里。"
            )
        )
        text.setObjectName("childrenExportText")
        text.setWordWrap(True)
        layout.addWidget(text)
        self.anonymise = QCheckBox(self.tr("匿名导出"))
        self.anonymise.setObjectName("childrenExportAnonymise")
        layout.addWidget(self.anonymise)
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
        self.include_left = QCheckBox(self.tr("包括已离开的儿童"), self)
        self.include_left.setObjectName("childrenExportIncludeLeft")
        layout.addWidget(self.include_left)
        self.include_left.setVisible(sees_profile)
        columns = QLabel(
            self.tr("只导出您有权查看的信息。Excel 或 CSV 文件，可以改好后再用“导入花名册”导回来。")
        )
        columns.setWordWrap(True)
        columns.setStyleSheet("color: #64748b;")
        layout.addWidget(columns)
        buttons = QHBoxLayout()
        self.go = action_button("childrenExportGo", self.tr("选择保存位置并导出…"), self.run)
        self.back = action_button("childrenExportBack", self.tr("不导出"), self.closed.emit)
        buttons.addWidget(self.go)
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("childrenExportMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addStretch(1)

    @property
    def exporting(self) -> bool:
        return self.export.running

    def start(self) -> None:
        """Shown again: a fresh question (the running export's progress and result stay)."""
        if self.exporting:
            return
        self.message.clear()
        self.anonymise.setChecked(False)
        self.go.setFocus()

    def run(self) -> Job | None:
        """Ask where to save, then write the roster on a worker thread."""
        if self.exporting:
            return None
        anonymise = self.anonymise.isChecked()
        name = self.tr("花名册_匿名") if anonymise else self.tr("花名册")
        path = spreadsheet_path(
            self.choose_file(self.ctx.data_dir.exports / f"{name}_{dt.date.today():%Y%m%d}.xlsx")
        )
        if path is None:
            return None
        ctx = self.ctx
        include_left = self.sees_profile and self.include_left.isChecked()

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

        for widget in (self.go, self.back, self.anonymise, self.include_left):
            widget.setEnabled(False)
        show_message(self.message, self.tr("正在导出…"), ok=True)
        return self.export.start(work)

    def _progress(self, percent: int) -> None:
        if percent >= 0:
            show_message(self.message, self.tr("正在导出… %1%").replace("%1", str(percent)), ok=True)

    def _ended(self) -> None:
        for widget in (self.go, self.back, self.anonymise, self.include_left):
            widget.setEnabled(True)

    def _failed(self, text: str) -> None:
        show_message(self.message, text)

    def _exported(self, result: ExportResult) -> None:
        text = (
            self.tr("已导出 %1 名儿童（匿名）到：%2")
            if result.anonymised
            else self.tr("已导出 %1 名儿童到：%2")
        )
        self.exported.emit(text.replace("%1", str(result.rows)).replace("%2", str(result.path)))
