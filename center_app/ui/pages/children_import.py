"""导入花名册: a school's or the centre's roster (Excel/CSV) into the children's profiles, after a preview.

The preview says how many children would be new, updated or unchanged and lists every ``第N行`` problem; the import
is refused whole while any remain, unless the user ticks "skip the rows with problems". The import is one
transaction (``children_import.run_import``): cancelling — or a power cut — leaves nothing written. A child already
on the roster is updated, never registered twice, and a blank cell never erases what the profile holds.

The preview names the sheet read and lists what reading noticed (merged cells filled in, other sheets not read).
A roster imported before (the same bytes) is imported again without a confirmation — it updates, it never
duplicates — but the preview says when it was imported and that its cells would overwrite later edits.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain.errors import DomainError, ValidationError
from center_app.importing import FILE_DIALOG_FILTER, ImportCancelled
from center_app.services import children_import as import_service
from center_app.services.children_import import ChildImportPreview, ChildImportResult
from center_app.ui.pages.child_form import heading
from center_app.ui.widgets.messages import show_message

PROBLEM_COLOUR = QColor("#b91c1c")
WARNING_COLOUR = QColor("#92400e")
MAX_LISTED = 500  # problem lines shown; a file with more is the wrong file


class ChildrenImportPanel(QWidget):
    #: the import committed (a ChildImportResult): the page reloads the roster
    imported = Signal(object)
    closed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("childrenImportPanel")
        self.ctx = ctx
        # Seam the tests replace: the native file dialog is modal.
        self.choose_file: Callable[[], str] = lambda: QFileDialog.getOpenFileName(
            self, self.tr("选择花名册"), "", self.tr(FILE_DIALOG_FILTER)
        )[0]
        self.path: Path | None = None
        self.preview: ChildImportPreview | None = None
        self.result: ChildImportResult | None = None
        self._busy = False
        self._cancel_requested = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("导入花名册")), 1)
        self.close_button = QPushButton(self.tr("关闭  Esc"))
        self.close_button.setObjectName("childrenImportClose")
        self.close_button.clicked.connect(self.closed.emit)
        top.addWidget(self.close_button)
        layout.addLayout(top)

        intro = QLabel(
            self.tr(
                "Excel 或 CSV 表格，每行一名儿童：姓名（必填）、性别、出生日期、年级、班级、学校、村/组、留守类型、"
                "父母务工地和电话、监护人、健康状况……列名写法不限（如“生日”“班别”）。已在名单中的儿童会更新，"
                "不会重复登记；表格里空着的格子不会清除已有信息。先预览，确认后再导入。"
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #475569;")
        layout.addWidget(intro)

        choose_row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("选择文件(&O)…"))
        self.choose_button.setObjectName("childrenImportChoose")
        self.choose_button.clicked.connect(self._choose)
        self.file_label = QLabel()
        self.file_label.setObjectName("childrenImportFile")
        self.file_label.setWordWrap(True)
        choose_row.addWidget(self.choose_button)
        choose_row.addWidget(self.file_label, 1)
        layout.addLayout(choose_row)

        self.summary = QLabel()
        self.summary.setObjectName("childrenImportSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)

        self.problems = QListWidget()
        self.problems.setObjectName("childrenImportProblems")
        self.problems.setWordWrap(True)
        self.problems.setMinimumHeight(80)
        layout.addWidget(self.problems, 10)

        self.skip_invalid = QCheckBox(self.tr("跳过有问题的行，其余照常导入"))
        self.skip_invalid.setObjectName("childrenImportSkipInvalid")
        self.skip_invalid.toggled.connect(lambda _on: self._update_buttons())
        layout.addWidget(self.skip_invalid)

        run_row = QHBoxLayout()
        self.run_button = QPushButton(self.tr("导入(&I)"))
        self.run_button.setObjectName("childrenImportRun")
        self.run_button.clicked.connect(lambda: self.run())
        self.progress = QProgressBar()
        self.progress.setObjectName("childrenImportProgress")
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setObjectName("childrenImportCancel")
        self.cancel_button.clicked.connect(self.request_cancel)
        self.cancel_button.hide()
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.cancel_button)
        run_row.addStretch(0)
        layout.addLayout(run_row)

        self.message = QLabel()
        self.message.setObjectName("childrenImportMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        layout.addStretch(1)  # keeps the controls together at the top while there is no problem list
        self.reset()

    # --- state --------------------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    def reset(self) -> None:
        """Back to "choose a file" (the panel is reopened for another roster)."""
        self.path = None
        self.preview = None
        self.file_label.setText(self.tr("还没有选择文件。"))
        self.summary.clear()
        self.problems.clear()
        self.problems.hide()
        self.skip_invalid.setChecked(False)
        self.skip_invalid.setEnabled(False)
        self.message.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        preview = self.preview
        can_run = (
            not self._busy
            and preview is not None
            and bool(preview.preview.rows)
            and (preview.ok or self.skip_invalid.isChecked())
        )
        self.run_button.setEnabled(can_run)
        self.choose_button.setEnabled(not self._busy)
        self.close_button.setEnabled(not self._busy)

    def _set_busy(self, on: bool) -> None:
        self._busy = on
        self._cancel_requested = False
        self.progress.setVisible(on)
        self.progress.setValue(0)
        self.cancel_button.setVisible(on)
        self.skip_invalid.setEnabled(not on and self.preview is not None and not self.preview.ok)
        self._update_buttons()

    def progress_callback(self, done: int, total: int) -> None:
        """Called by the service while it reads and writes; keeps the window painted and Cancel clickable."""
        if total:
            self.progress.setRange(0, 100)
            self.progress.setValue(int(done * 100 / total))
        else:
            self.progress.setRange(0, 0)  # unknown length: a busy bar
        QApplication.processEvents()

    def request_cancel(self) -> None:
        self._cancel_requested = True

    def _cancelled(self) -> bool:
        return self._cancel_requested

    # --- preview ------------------------------------------------------------------------------------------

    def _choose(self) -> None:
        chosen = self.choose_file()
        if chosen:
            self.load(Path(chosen))

    def load(self, path: Path) -> bool:
        """Read the file and show what importing it would do (nothing is written)."""
        self.reset()
        self.path = path
        self.file_label.setText(path.name)
        self.file_label.setToolTip(str(path))
        self._set_busy(True)
        try:
            preview = import_service.preview_import(
                self.ctx, path, progress=self.progress_callback, cancel=self._cancelled
            )
        except DomainError as exc:
            self.path = None
            self._set_busy(False)
            self._show_error(exc)
            return False
        self.preview = preview
        self._set_busy(False)
        self._show_preview(preview)
        return True

    def _show_preview(self, p: ChildImportPreview) -> None:
        read = p.preview
        lines = [
            self.tr("共 %1 行：可导入 %2 行")
            .replace("%1", str(read.total_rows_seen))
            .replace("%2", str(len(read.rows)))
            + (self.tr("，%1 行有问题").replace("%1", str(len(read.bad_rows))) if read.problems else "")
            + self.tr("。"),
            self.tr("将新增 %1 名儿童，更新 %2 名，%3 名没有变化。")
            .replace("%1", str(p.new))
            .replace("%2", str(p.updated))
            .replace("%3", str(p.unchanged)),
        ]
        if read.sheet_name:
            lines.append(
                self.tr("工作表：%1（第 %2 行是表头）")
                .replace("%1", read.sheet_name)
                .replace("%2", str(read.header_row))
            )
        labels = {key: column.label for key, column in import_service.SCHEMA.by_key.items()}
        # "生日→出生日期": which header became which column, so a surprising match is seen before importing.
        found = "、".join(
            header if header == labels.get(key, header) else f"{header}→{labels.get(key, key)}"
            for key, header in read.columns.items()
        )
        lines.append(self.tr("识别的列：%1").replace("%1", found))
        if read.ignored_columns:
            lines.append(self.tr("未使用的列：%1").replace("%1", "、".join(read.ignored_columns)))
        self.summary.setText("\n".join(lines))
        self.problems.clear()
        for text in read.problem_lines(MAX_LISTED):
            item = QListWidgetItem(text)
            item.setForeground(PROBLEM_COLOUR)
            self.problems.addItem(item)
        for text in p.warnings:
            item = QListWidgetItem(self.tr("请核对：") + text)
            item.setForeground(WARNING_COLOUR)
            self.problems.addItem(item)
        self.problems.setVisible(self.problems.count() > 0)
        self.skip_invalid.setEnabled(not p.ok)
        if not read.rows:
            show_message(self.message, self.tr("这个文件里没有可以导入的行。"))
        elif not p.ok:
            show_message(
                self.message,
                self.tr(
                    "有问题的行请在表格里改正后重新选择文件；或勾选“跳过有问题的行”，只导入没有问题的行。"
                ),
            )
        else:
            show_message(self.message, self.tr("没有发现问题，可以导入。"), ok=True)
        self._update_buttons()
        if self.run_button.isEnabled():
            self.run_button.setFocus()

    def _show_error(self, exc: DomainError) -> None:
        show_message(self.message, exc.message)
        if isinstance(exc, ValidationError) and exc.problems:
            self.problems.clear()
            for text in exc.problems[:MAX_LISTED]:
                item = QListWidgetItem(text)
                item.setForeground(PROBLEM_COLOUR)
                self.problems.addItem(item)
            self.problems.show()

    # --- import -------------------------------------------------------------------------------------------

    def run(self) -> ChildImportResult | None:
        if self.path is None or self.preview is None or not self.run_button.isEnabled():
            return None
        self._set_busy(True)
        self.message.clear()
        try:
            result = import_service.run_import(
                self.ctx,
                self.path,
                skip_invalid=self.skip_invalid.isChecked(),
                progress=self.progress_callback,
                cancel=self._cancelled,
                preview=self.preview,
            )
        except ImportCancelled as exc:
            self._set_busy(False)
            show_message(self.message, exc.message)
            return None
        except DomainError as exc:
            self._set_busy(False)
            self._show_error(exc)
            return None
        self._set_busy(False)
        self.result = result
        self.preview = None  # imported: the button stays off until another file is chosen
        self._update_buttons()
        self.skip_invalid.setEnabled(False)
        text = (
            self.tr("已导入“%1”：新增 %2 名儿童，更新 %3 名，%4 名没有变化。")
            .replace("%1", result.source)
            .replace("%2", str(result.created))
            .replace("%3", str(result.updated))
            .replace("%4", str(result.unchanged))
        )
        if result.skipped_rows:
            text += " " + self.tr("跳过了 %1 行：第 %2 行。").replace(
                "%1", str(len(result.skipped_rows))
            ).replace("%2", "、".join(map(str, result.skipped_rows)))
        show_message(self.message, text, ok=True)
        self.close_button.setFocus()  # the run button is off now; Enter or Esc closes the panel
        self.imported.emit(result)
        return result
