"""One import panel for every spreadsheet import (books, children, equipment; volunteers next).

The flow is the same for each kind: choose a file → a preview that says what importing it would do, lists every
``第N行`` problem and what reading noticed (the sheet read and its header row, the columns recognised and the ones
not used, merged cells filled in, other sheets left unread) → confirm (a file imported before asks first where the
kind says so) → progress with Cancel → the result. Reading and importing run on a worker thread
(``ui/workers.py``): the window stays live, and while the panel works its own buttons wait — one import at a time,
in this panel and in any other.

The import is refused whole while any row has a problem, unless the user ticks "skip the rows with problems"; it is
one transaction in the service, so cancelling — or a power cut — leaves nothing written.

What differs per kind is an :class:`ImportKind`: which service to call (its ``preview_import`` / ``run_import`` /
``SCHEMA``), how to describe the preview and the result, whether importing the same file again must be confirmed,
an optional free-text choice passed to the import (the donor of a donation list) and an optional button offered
afterwards (print the new copies' labels). objectNames are the kind's prefix + a fixed suffix: ``importRun`` for
books (prefix ``import``), ``childrenImportRun`` for children (prefix ``childrenImport``); see docs/ui-names.md.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
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
from center_app.domain.errors import ValidationError
from center_app.importing import FILE_DIALOG_FILTER, ImportPreview, Schema
from center_app.services.imported_files import EarlierImport
from center_app.ui import workers
from center_app.ui.i18n import format_date
from center_app.ui.widgets.headings import heading
from center_app.ui.widgets.messages import show_message
from center_app.ui.workers import Job

PROBLEM_COLOUR = QColor("#b91c1c")
WARNING_COLOUR = QColor("#92400e")
MAX_LISTED = 500  # problem lines shown; a file with more is the wrong file

_import_jobs: set[Job] = set()  # imports running in any panel: one at a time


class ImportService(Protocol):
    """What a service module offers for an import (``services/book_import.py``, ``services/children_import.py``).

    ``preview_import(ctx, path, *, progress, cancel)`` returns a preview object with ``preview`` (an
    :class:`ImportPreview`), ``ok``, ``warnings`` and ``earlier`` (an :class:`EarlierImport` or None);
    ``run_import(ctx, path, *, skip_invalid, progress, cancel, preview, **options)`` returns a result with
    ``source`` and ``skipped_rows``.
    """

    SCHEMA: Schema

    # Read-only properties of any callable: each service has its own keyword options (donor_name, today…).
    @property
    def preview_import(self) -> Callable[..., Any]: ...

    @property
    def run_import(self) -> Callable[..., Any]: ...


@dataclass(frozen=True)
class TextOption:
    """One free-text choice passed to ``run_import`` (the donor of a donation list)."""

    name: str  # objectName suffix: "Donor" → importDonor
    label: str  # "捐赠方："
    keyword: str  # run_import's keyword argument: "donor_name"
    placeholder: Callable[[Any], str]  # the preview (None before one) → the hint in the empty field
    max_length: int = 200


@dataclass(frozen=True)
class ResultAction:
    """A button offered after an import (print the new copies' labels); clicking emits ``action_requested``."""

    name: str  # objectName suffix: "PrintLabels" → importPrintLabels
    text: Callable[[Any], str | None]  # the result → the button's text; None: not offered for this result


@dataclass(frozen=True)
class ImportKind:
    """What differs between importing books, children, equipment or volunteers (texts already translated)."""

    names: str  # objectName prefix: the panel is f"{names}Panel", its run button f"{names}Run", …
    title: str  # the panel's heading
    intro: str  # what the file should hold
    choose_title: str  # the file dialog's title
    service: ImportService  # looked up at each call, so a test may replace a function of the module
    describe_preview: Callable[[Any], Sequence[str]]  # what importing would do (after the row counts)
    describe_result: Callable[[Any], str]  # what the import did
    #: importing a file imported before (the same bytes) asks this first, then runs with ``again=True``;
    #: None: importing it again needs no confirmation (the service notes it in the preview's warnings)
    again_question: Callable[[EarlierImport], str] | None = None
    #: the preview's first line when the file was imported before (with ``again_question``)
    earlier_notice: Callable[[EarlierImport], str] | None = None
    option: TextOption | None = None
    result_action: ResultAction | None = None


def when(earlier: EarlierImport) -> str:
    """``2026年11月29日 14:05``: when a file was imported before."""
    return f"{format_date(earlier.at.date())} {earlier.at:%H:%M}"


class ImportPanel(QWidget):
    #: the import committed (the service's result): the page reloads what it shows
    imported = Signal(object)
    #: the kind's result button was clicked (the result)
    action_requested = Signal(object)
    closed = Signal()

    def __init__(self, ctx: AppContext, kind: ImportKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        names = kind.names
        self.setObjectName(f"{names}Panel")
        # Seam the tests replace: the native file dialog is modal.
        self.choose_file: Callable[[], str] = lambda: QFileDialog.getOpenFileName(
            self, kind.choose_title, "", self.tr(FILE_DIALOG_FILTER)
        )[0]
        self.path: Path | None = None
        self.preview: Any = None
        self.result: Any = None
        self.job: Job | None = None  # reading or importing, while it runs
        self._again_confirmed = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(heading(kind.title), 1)
        self.close_button = self._button("Close", self.tr("关闭  Esc"), self.closed.emit)
        top.addWidget(self.close_button)
        layout.addLayout(top)

        # What the file should hold; once a file is read its preview takes this place (on a 1366×768 screen the
        # two together leave too little height for the problem list), and the choose button keeps it as a tooltip.
        self.intro = QLabel(kind.intro)
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet("color: #475569;")
        layout.addWidget(self.intro)

        choose_row = QHBoxLayout()
        self.choose_button = self._button("Choose", self.tr("选择文件(&O)…"), self._choose)
        self.choose_button.setToolTip(kind.intro)
        self.file_label = self._label("File")
        choose_row.addWidget(self.choose_button)
        choose_row.addWidget(self.file_label, 1)
        layout.addLayout(choose_row)

        self.summary = self._label("Summary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)

        self.problems = QListWidget()
        self.problems.setObjectName(f"{names}Problems")
        self.problems.setWordWrap(True)
        self.problems.setMinimumHeight(80)
        layout.addWidget(self.problems, 10)

        self.skip_invalid = QCheckBox(self.tr("跳过有问题的行，其余照常导入"))
        self.skip_invalid.setObjectName(f"{names}SkipInvalid")
        self.skip_invalid.toggled.connect(lambda _on: self._update_buttons())
        layout.addWidget(self.skip_invalid)

        self.option: QLineEdit | None = None
        if kind.option is not None:
            self.option = QLineEdit()
            self.option.setObjectName(f"{names}{kind.option.name}")
            self.option.setMaxLength(kind.option.max_length)
            option_row = QHBoxLayout()
            option_row.addWidget(QLabel(kind.option.label))
            option_row.addWidget(self.option, 1)
            layout.addLayout(option_row)

        run_row = QHBoxLayout()
        self.run_button = self._button("Run", self.tr("导入(&I)"), self.run)
        self.progress = QProgressBar()
        self.progress.setObjectName(f"{names}Progress")
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.cancel_button = self._button("Cancel", self.tr("取消"), self.request_cancel)
        self.cancel_button.hide()
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.cancel_button)
        run_row.addStretch(0)
        layout.addLayout(run_row)

        # Asked before a file imported earlier is imported again (inline, not a modal dialog).
        self.again_box = QWidget(self)
        self.again_box.setObjectName(f"{names}AgainBox")
        again_layout = QHBoxLayout(self.again_box)
        again_layout.setContentsMargins(0, 0, 0, 0)
        self.again_text = self._label("AgainText")
        self.again_text.setStyleSheet("color: #92400e;")
        self.again_button = self._button("AgainConfirm", self.tr("仍要再导入(&A)"), self.confirm_again)
        self.again_cancel = self._button("AgainCancel", self.tr("不导入"), self._decline_again)
        again_layout.addWidget(self.again_text, 1)
        again_layout.addWidget(self.again_button)
        again_layout.addWidget(self.again_cancel)
        self.again_box.hide()
        layout.addWidget(self.again_box)

        self.message = self._label("Message")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.action_button: QPushButton | None = None
        if kind.result_action is not None:
            self.action_button = self._button(kind.result_action.name, "", self._action)
            self.action_button.hide()
            layout.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)  # keeps the controls together at the top while there is no problem list
        self.reset()

    def _button(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(f"{self.kind.names}{name}")
        button.clicked.connect(lambda: slot())
        return button

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"{self.kind.names}{name}")
        label.setWordWrap(True)
        return label

    # --- state --------------------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """Reading or importing (the panel cannot be closed and takes no other file meanwhile)."""
        return self.job is not None and self.job.running

    def reset(self) -> None:
        """Back to "choose a file" (the panel is reopened for another file)."""
        if self.busy:
            return
        self.path = None
        self.preview = None
        self.intro.show()
        self.file_label.setText(self.tr("还没有选择文件。"))
        self.file_label.setToolTip("")
        self.summary.clear()
        self.problems.clear()
        self.problems.hide()
        self.skip_invalid.setChecked(False)
        self.skip_invalid.setEnabled(False)
        if self.option is not None and self.kind.option is not None:
            self.option.clear()
            self.option.setPlaceholderText(self.kind.option.placeholder(None))
        self.message.clear()
        if self.action_button is not None:
            self.action_button.hide()
        self.again_box.hide()
        self._again_confirmed = False
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.busy
        preview = self.preview
        self.run_button.setEnabled(
            not busy
            and preview is not None
            and bool(preview.preview.rows)
            and (preview.ok or self.skip_invalid.isChecked())
        )
        self.choose_button.setEnabled(not busy)
        self.close_button.setEnabled(not busy)
        self.skip_invalid.setEnabled(not busy and preview is not None and not preview.ok)
        if self.option is not None:
            self.option.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)

    def _start(self, work: workers.Work, name: str, on_finished: Callable[[Any], None], busy_text: str) -> Job:
        job = Job(work, name=name, logs_dir=self.ctx.data_dir.logs)
        job.progress.connect(self._progress)
        job.finished.connect(on_finished)
        job.failed.connect(self._failed)
        job.cancelled.connect(self._cancelled)
        self.job = job
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setFormat(busy_text + " %p%")
        self.cancel_button.setEnabled(True)
        job.start()
        self._update_buttons()
        return job

    def _progress(self, percent: int, _text: str) -> None:
        if percent < 0:
            self.progress.setRange(0, 0)  # unknown length: a busy bar
        else:
            self.progress.setRange(0, 100)
            self.progress.setValue(percent)

    def request_cancel(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
            self.cancel_button.setEnabled(False)  # once is enough; the work stops at its next check

    def _ended(self) -> None:
        self.job = None
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        reading = self.preview is None
        self._ended()
        if reading:
            self.path = None
        show_message(self.message, workers.message_for(exc))
        if isinstance(exc, ValidationError) and exc.problems:
            self._list([(text, PROBLEM_COLOUR) for text in exc.problems[:MAX_LISTED]])
        self.choose_button.setFocus()

    def _cancelled(self, text: str) -> None:
        if self.preview is None:
            self.path = None
        self._ended()
        show_message(self.message, text or self.tr("导入已取消，没有导入任何数据。"))
        (self.run_button if self.run_button.isEnabled() else self.choose_button).setFocus()

    def _list(self, lines: Sequence[tuple[str, QColor]]) -> None:
        self.problems.clear()
        for text, colour in lines:
            item = QListWidgetItem(text)
            item.setForeground(colour)
            self.problems.addItem(item)
        self.problems.setVisible(self.problems.count() > 0)

    # --- preview ------------------------------------------------------------------------------------------

    def _choose(self) -> None:
        if self.busy:
            return
        chosen = self.choose_file()
        if chosen:
            self.load(Path(chosen))

    def load(self, path: Path) -> Job | None:
        """Start reading the file; the preview shows what importing it would do (nothing is written)."""
        if self.busy:
            return None
        self.reset()
        self.path = path
        self.file_label.setText(path.name)
        self.file_label.setToolTip(str(path))
        ctx, service = self.ctx, self.kind.service

        def work(progress: workers.Progress, cancel: threading.Event) -> Any:
            return service.preview_import(ctx, path, progress=workers.steps(progress), cancel=cancel.is_set)

        return self._start(work, f"{self.kind.names}:preview", self._show_preview, self.tr("正在读取文件…"))

    def _show_preview(self, p: Any) -> None:
        self._ended()
        self.preview = p
        self.intro.hide()
        read: ImportPreview = p.preview
        first = (
            self.tr("共 %1 行：可导入 %2 行")
            .replace("%1", str(read.total_rows_seen))
            .replace("%2", str(len(read.rows)))
        )
        if read.problems:
            first += self.tr("，%1 行有问题").replace("%1", str(len(read.bad_rows)))
        if read.skipped_total_rows:
            first += self.tr("，跳过合计行 %1 行").replace("%1", str(len(read.skipped_total_rows)))
        lines = [first + self.tr("。"), *self.kind.describe_preview(p)]
        if read.sheet_name:
            lines.append(
                self.tr("工作表：%1（第 %2 行是表头）")
                .replace("%1", read.sheet_name)
                .replace("%2", str(read.header_row))
            )
        labels = {key: column.label for key, column in self.kind.service.SCHEMA.by_key.items()}
        # "著者→作者": which header became which column, so a surprising match is seen before importing.
        found = "、".join(
            header if header == labels.get(key, header) else f"{header}→{labels.get(key, key)}"
            for key, header in read.columns.items()
        )
        lines.append(self.tr("识别的列：%1").replace("%1", found))
        if read.ignored_columns:
            lines.append(self.tr("未使用的列：%1").replace("%1", "、".join(read.ignored_columns)))
        self.summary.setText("\n".join(lines))

        listed: list[tuple[str, QColor]] = []
        if p.earlier is not None and self.kind.earlier_notice is not None:
            listed.append((self.kind.earlier_notice(p.earlier), WARNING_COLOUR))
        listed += [(text, PROBLEM_COLOUR) for text in read.problem_lines(MAX_LISTED)]
        listed += [(self.tr("请核对：") + text, WARNING_COLOUR) for text in p.warnings]
        self._list(listed)
        if self.option is not None and self.kind.option is not None:
            self.option.setPlaceholderText(self.kind.option.placeholder(p))
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
        (self.run_button if self.run_button.isEnabled() else self.choose_button).setFocus()

    # --- import -------------------------------------------------------------------------------------------

    def run(self) -> Job | None:
        """Start the import of the previewed file (after asking, for a file imported before, where the kind says
        so). Returns the running job, or None when nothing was started."""
        if self.path is None or self.preview is None or not self.run_button.isEnabled():
            return None
        if any(job.running for job in _import_jobs):
            show_message(self.message, self.tr("另一个导入还没有完成，请等它完成后再导入。"))
            return None
        earlier = self.preview.earlier
        asks = self.kind.again_question
        if earlier is not None and asks is not None and not self._again_confirmed:
            self.again_text.setText(asks(earlier))
            self.again_box.show()
            self.again_button.setFocus()
            return None
        self.again_box.hide()
        self.message.clear()
        if self.action_button is not None:
            self.action_button.hide()
        ctx, service, path, preview = self.ctx, self.kind.service, self.path, self.preview
        options: dict[str, Any] = {"skip_invalid": self.skip_invalid.isChecked(), "preview": preview}
        if asks is not None:
            options["again"] = self._again_confirmed
        if self.option is not None and self.kind.option is not None:
            options[self.kind.option.keyword] = self.option.text().strip() or None

        def work(progress: workers.Progress, cancel: threading.Event) -> Any:
            return service.run_import(ctx, path, progress=workers.steps(progress), cancel=cancel.is_set, **options)

        job = self._start(work, f"{self.kind.names}:import", self._imported, self.tr("正在导入…"))
        _import_jobs.add(job)
        job.done.connect(lambda: _import_jobs.discard(job))
        return job

    def _imported(self, result: Any) -> None:
        self._ended()
        self.result = result
        self.preview = None  # imported: running it again would import it twice; another file is chosen first
        self._again_confirmed = False
        self._update_buttons()
        text = self.kind.describe_result(result)
        if result.skipped_rows:
            text += " " + self.tr("跳过了 %1 行：第 %2 行。").replace(
                "%1", str(len(result.skipped_rows))
            ).replace("%2", "、".join(map(str, result.skipped_rows)))
        show_message(self.message, text, ok=True)
        focus: QWidget = self.close_button  # the run button is off now; Enter or Esc closes the panel
        action = self.kind.result_action
        if self.action_button is not None and action is not None:
            label = action.text(result)
            if label:
                self.action_button.setText(label)
                self.action_button.show()
                focus = self.action_button
        focus.setFocus()
        self.imported.emit(result)

    def confirm_again(self) -> Job | None:
        """The user confirmed importing a file imported before."""
        self._again_confirmed = True
        self.again_box.hide()
        return self.run()

    def _decline_again(self) -> None:
        self.again_box.hide()
        show_message(self.message, self.tr("没有导入。"))
        self.choose_button.setFocus()

    def _action(self) -> None:
        if self.result is not None:
            self.action_requested.emit(self.result)


# --- the equipment kind (a donor's list of 文体器材: services/equipment/transfer.py) ------------------------------


translate = QCoreApplication.translate


def _equipment_preview_lines(p: Any) -> list[str]:
    lines = [
        translate("EquipmentImportPanel", "将登记器材 %1 种，共 %2 件。").replace("%1", str(p.items)).replace("%2", str(p.pieces))
    ]
    if p.donors:
        lines.append(translate("EquipmentImportPanel", "来源：%1").replace("%1", "、".join(p.donors)))
    return lines


def _equipment_result_text(result: Any) -> str:
    return (
        translate("EquipmentImportPanel", "已导入“%1”：器材 %2 种，共 %3 件，编号 %4 个。")
        .replace("%1", result.source)
        .replace("%2", str(result.items_created))
        .replace("%3", str(result.pieces))
        .replace("%4", str(len(result.barcodes)))
    )


def _equipment_earlier_notice(earlier: EarlierImport) -> str:
    return (
        translate("EquipmentImportPanel", "这个文件已在 %1 导入过（%2 行，%3 件），再导入需要确认。")
        .replace("%1", when(earlier))
        .replace("%2", str(earlier.rows))
        .replace("%3", str(earlier.items))
    )


def _equipment_again_question(earlier: EarlierImport) -> str:
    return (
        translate("EquipmentImportPanel",
            "这个文件已在 %1 导入过（%2 行，%3 件）。再导入一次，每件器材都会再登记一遍。"
            "确实又收到了同样的一批器材吗？"
        )
        .replace("%1", when(earlier))
        .replace("%2", str(earlier.rows))
        .replace("%3", str(earlier.items))
    )


def _equipment_donor_placeholder(p: Any) -> str:
    if p is None:
        return translate("EquipmentImportPanel", "这批器材的来源（表格里没写时用这个名字）")
    if "donor" in p.preview.columns:
        return translate("EquipmentImportPanel", "表格中没写来源的行用这个名字")
    return translate("EquipmentImportPanel", "这批器材的来源（表格里没有“来源”列）")


def _equipment_labels_text(result: Any) -> str | None:
    if not result.barcodes:
        return None
    return translate("EquipmentImportPanel", "打印这 %1 张器材标签…").replace("%1", str(len(result.barcodes)))


def equipment_import_kind() -> ImportKind:
    """A donor's equipment list (``import equipment FILE``) for the equipment list's import panel: the preview
    counts items and pieces and names the sources; the same file again asks first; afterwards the new asset
    labels are one click away (``equipmentImportPrintLabels``). Translated now: call it when the panel is built."""
    from center_app.services import equipment

    return ImportKind(
        names="equipmentImport",
        title=translate("EquipmentImportPanel", "导入器材清单"),
        intro=translate("EquipmentImportPanel",
            "捐赠方给的 Excel 或 CSV 清单，每行一种器材：名称（必填）、数量、单位、类别、存放位置、来源、"
            "入库日期、单价、状况、逐件编号、编号、消耗品、补货提醒、备注……列名写法不限（如“物品名称”"
            "“件数”“捐赠方”），表格上方的标题行、GBK 编码的 CSV 都可以。先预览，确认后再导入。"
        ),
        choose_title=translate("EquipmentImportPanel", "选择器材清单"),
        service=equipment,
        describe_preview=_equipment_preview_lines,
        describe_result=_equipment_result_text,
        again_question=_equipment_again_question,
        earlier_notice=_equipment_earlier_notice,
        option=TextOption(
            name="Donor",
            label=translate("EquipmentImportPanel", "来源："),
            keyword="donor_name",
            placeholder=_equipment_donor_placeholder,
        ),
        result_action=ResultAction(name="PrintLabels", text=_equipment_labels_text),
    )
