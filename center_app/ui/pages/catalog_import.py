"""导入捐赠清单: an Excel/CSV donation list into the catalogue, after a preview that says what it would do.

The preview lists every ``第N行`` problem; the import is refused whole while any remain, unless the user ticks
"skip the rows with problems". The import is one transaction (``book_import.run_import``): cancelling — or a
power cut — leaves nothing written. Afterwards the new copies' spine labels are one click away.

The preview names the sheet read and lists what reading noticed (merged cells filled in, other sheets not read).
A file imported before (the same bytes) is said so in the preview, and importing it again asks first: the same
list picked twice would register every copy twice.
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
    QLineEdit,
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
from center_app.services import book_import
from center_app.services.book_import import BookImportPreview, BookImportResult
from center_app.services.imported_files import EarlierImport
from center_app.ui.i18n import format_date
from center_app.ui.pages.catalog_forms import heading_label
from center_app.ui.widgets.messages import show_message

PROBLEM_COLOUR = QColor("#b91c1c")
WARNING_COLOUR = QColor("#92400e")
MAX_LISTED = 500  # problem lines shown; a file with more is the wrong file


class ImportPanel(QWidget):
    #: the import committed: the page reloads the catalogue
    imported = Signal(object)
    #: print spine labels for these barcodes: (barcodes, what they are)
    print_requested = Signal(object, str)
    closed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPanel")
        self.ctx = ctx
        # Seam the tests replace: the native file dialog is modal.
        self.choose_file: Callable[[], str] = lambda: QFileDialog.getOpenFileName(
            self, self.tr("选择捐赠清单"), "", self.tr(FILE_DIALOG_FILTER)
        )[0]
        self.path: Path | None = None
        self.preview: BookImportPreview | None = None
        self.result: BookImportResult | None = None
        self._busy = False
        self._cancel_requested = False
        self._again_confirmed = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(heading_label(self.tr("导入捐赠清单")), 1)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.setObjectName("importClose")
        self.close_button.clicked.connect(self.closed.emit)
        top.addWidget(self.close_button)
        layout.addLayout(top)

        intro = QLabel(
            self.tr(
                "Excel 或 CSV 表格，每行一种书：书名（必填）、作者、出版社、出版年、ISBN、分类号、适读年级、"
                "定价、数量、捐赠方……列名写法不限（如“题名”“著者”“册数”）。先预览，确认后再导入。"
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #475569;")
        layout.addWidget(intro)

        choose_row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("选择文件(&O)…"))
        self.choose_button.setObjectName("importChoose")
        self.choose_button.clicked.connect(self._choose)
        self.file_label = QLabel()
        self.file_label.setObjectName("importFile")
        self.file_label.setWordWrap(True)
        choose_row.addWidget(self.choose_button)
        choose_row.addWidget(self.file_label, 1)
        layout.addLayout(choose_row)

        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)

        self.problems = QListWidget()
        self.problems.setObjectName("importProblems")
        self.problems.setWordWrap(True)
        self.problems.setMinimumHeight(80)
        layout.addWidget(self.problems, 1)

        self.skip_invalid = QCheckBox(self.tr("跳过有问题的行，其余照常导入"))
        self.skip_invalid.setObjectName("importSkipInvalid")
        self.skip_invalid.toggled.connect(lambda _on: self._update_buttons())
        self.donor = QLineEdit()
        self.donor.setObjectName("importDonor")
        self.donor.setMaxLength(200)
        layout.addWidget(self.skip_invalid)
        donor_row = QHBoxLayout()
        donor_row.addWidget(QLabel(self.tr("捐赠方：")))
        donor_row.addWidget(self.donor, 1)
        layout.addLayout(donor_row)

        run_row = QHBoxLayout()
        self.run_button = QPushButton(self.tr("导入(&I)"))
        self.run_button.setObjectName("importRun")
        self.run_button.clicked.connect(self.run)
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.clicked.connect(self.request_cancel)
        self.cancel_button.hide()
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.cancel_button)
        run_row.addStretch(0)
        layout.addLayout(run_row)

        # Asked before a file imported earlier is imported again (inline, not a modal dialog).
        self.again_box = QWidget(self)
        self.again_box.setObjectName("importAgainBox")
        again_layout = QHBoxLayout(self.again_box)
        again_layout.setContentsMargins(0, 0, 0, 0)
        self.again_text = QLabel()
        self.again_text.setObjectName("importAgainText")
        self.again_text.setWordWrap(True)
        self.again_text.setStyleSheet("color: #92400e;")
        self.again_button = QPushButton(self.tr("仍要再导入(&A)"))
        self.again_button.setObjectName("importAgainConfirm")
        self.again_button.clicked.connect(self.confirm_again)
        self.again_cancel = QPushButton(self.tr("不导入"))
        self.again_cancel.setObjectName("importAgainCancel")
        self.again_cancel.clicked.connect(self._decline_again)
        again_layout.addWidget(self.again_text, 1)
        again_layout.addWidget(self.again_button)
        again_layout.addWidget(self.again_cancel)
        self.again_box.hide()
        layout.addWidget(self.again_box)

        self.message = QLabel()
        self.message.setObjectName("importMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.print_button = QPushButton()
        self.print_button.setObjectName("importPrintLabels")
        self.print_button.clicked.connect(self._print_labels)
        self.print_button.hide()
        layout.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.reset()

    # --- state --------------------------------------------------------------------------------------------

    def reset(self) -> None:
        """Back to "choose a file" (the panel is reopened for another list)."""
        self.path = None
        self.preview = None
        self.file_label.setText(self.tr("还没有选择文件。"))
        self.summary.clear()
        self.problems.clear()
        self.problems.hide()
        self.skip_invalid.setChecked(False)
        self.skip_invalid.setEnabled(False)
        self.donor.clear()
        self.donor.setPlaceholderText(self.tr("这批书的捐赠方（表格里没写时用这个名字）"))
        self.message.clear()
        self.print_button.hide()
        self.again_box.hide()
        self._again_confirmed = False
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
        self.donor.setEnabled(not on)
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
            preview = book_import.preview_import(
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

    def _show_preview(self, p: BookImportPreview) -> None:
        read = p.preview
        lines = [
            self.tr("共 %1 行：可导入 %2 行")
            .replace("%1", str(read.total_rows_seen))
            .replace("%2", str(len(read.rows)))
            + (self.tr("，%1 行有问题").replace("%1", str(len(read.bad_rows))) if read.problems else "")
            + (
                self.tr("，跳过合计行 %1 行").replace("%1", str(len(read.skipped_total_rows)))
                if read.skipped_total_rows
                else ""
            )
            + self.tr("。"),
            self.tr("将新增书目 %1 种，为已有书目 %2 种加复本，共 %3 册。")
            .replace("%1", str(p.new_titles))
            .replace("%2", str(p.matched_titles))
            .replace("%3", str(p.copies)),
        ]
        if p.donors:
            lines.append(self.tr("捐赠方：%1").replace("%1", "、".join(p.donors)))
        if read.sheet_name:
            lines.append(
                self.tr("工作表：%1（第 %2 行是表头）")
                .replace("%1", read.sheet_name)
                .replace("%2", str(read.header_row))
            )
        labels = {key: column.label for key, column in book_import.SCHEMA.by_key.items()}
        # "著者→作者": which header became which column, so a surprising match is seen before importing.
        found = "、".join(
            header if header == labels.get(key, header) else f"{header}→{labels.get(key, key)}"
            for key, header in read.columns.items()
        )
        lines.append(self.tr("识别的列：%1").replace("%1", found))
        if read.ignored_columns:
            lines.append(self.tr("未使用的列：%1").replace("%1", "、".join(read.ignored_columns)))
        self.summary.setText("\n".join(lines))
        self.problems.clear()
        if p.earlier is not None:
            item = QListWidgetItem(
                self.tr("这个文件已在 %1 导入过（%2 行，%3 册），再导入需要确认。")
                .replace("%1", self._when(p.earlier))
                .replace("%2", str(p.earlier.rows))
                .replace("%3", str(p.earlier.items))
            )
            item.setForeground(WARNING_COLOUR)
            self.problems.addItem(item)
        for text in p.preview.problem_lines(MAX_LISTED):
            item = QListWidgetItem(text)
            item.setForeground(PROBLEM_COLOUR)
            self.problems.addItem(item)
        for text in p.warnings:
            item = QListWidgetItem(self.tr("请核对：") + text)
            item.setForeground(WARNING_COLOUR)
            self.problems.addItem(item)
        self.problems.setVisible(self.problems.count() > 0)
        has_donor_column = "donor" in read.columns
        self.donor.setPlaceholderText(
            self.tr("表格中没写捐赠方的行用这个名字")
            if has_donor_column
            else self.tr("这批书的捐赠方（表格里没有“捐赠方”列）")
        )
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

    def _show_error(self, exc: DomainError) -> None:
        show_message(self.message, exc.message)
        if isinstance(exc, ValidationError) and exc.problems:
            self.problems.clear()
            for text in exc.problems[:MAX_LISTED]:
                item = QListWidgetItem(text)
                item.setForeground(PROBLEM_COLOUR)
                self.problems.addItem(item)
            self.problems.show()

    @staticmethod
    def _when(earlier: EarlierImport) -> str:
        return f"{format_date(earlier.at.date())} {earlier.at:%H:%M}"

    # --- import -------------------------------------------------------------------------------------------

    def run(self) -> BookImportResult | None:
        if self.path is None or self.preview is None or not self.run_button.isEnabled():
            return None
        earlier = self.preview.earlier
        if earlier is not None and not self._again_confirmed:
            # The same file again would register every copy again: only if the user says it is meant.
            self.again_text.setText(
                self.tr(
                    "这个文件已在 %1 导入过（%2 行，%3 册）。再导入一次，每一册都会再登记一遍。"
                    "确实又收到了同样的一批书吗？"
                )
                .replace("%1", self._when(earlier))
                .replace("%2", str(earlier.rows))
                .replace("%3", str(earlier.items))
            )
            self.again_box.show()
            self.again_button.setFocus()
            return None
        self.again_box.hide()
        self._set_busy(True)
        self.message.clear()
        self.print_button.hide()
        try:
            result = book_import.run_import(
                self.ctx,
                self.path,
                skip_invalid=self.skip_invalid.isChecked(),
                donor_name=self.donor.text().strip() or None,
                progress=self.progress_callback,
                cancel=self._cancelled,
                preview=self.preview,
                again=self._again_confirmed,
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
        self.preview = None  # imported: running it again would add the copies twice
        self._update_buttons()
        self.skip_invalid.setEnabled(False)
        text = (
            self.tr("已导入“%1”：新书目 %2 种，已有书目 %3 种加复本，共 %4 册。")
            .replace("%1", result.source)
            .replace("%2", str(result.titles_created))
            .replace("%3", str(result.titles_matched))
            .replace("%4", str(result.copies_created))
        )
        if result.skipped_rows:
            text += " " + self.tr("跳过了 %1 行：第 %2 行。").replace(
                "%1", str(len(result.skipped_rows))
            ).replace("%2", "、".join(map(str, result.skipped_rows)))
        show_message(self.message, text, ok=True)
        if result.barcodes:
            self.print_button.setText(self.tr("打印这 %1 册的书标…").replace("%1", str(len(result.barcodes))))
            self.print_button.show()
            self.print_button.setFocus()
        self.imported.emit(result)
        return result

    def confirm_again(self) -> BookImportResult | None:
        """The user confirmed importing a file imported before."""
        self._again_confirmed = True
        self.again_box.hide()
        return self.run()

    def _decline_again(self) -> None:
        self.again_box.hide()
        show_message(self.message, self.tr("没有导入。"))
        self.choose_button.setFocus()

    def _print_labels(self) -> None:
        if self.result is not None:
            self.print_requested.emit(
                list(self.result.barcodes), self.tr("导入的“%1”").replace("%1", self.result.source)
            )
