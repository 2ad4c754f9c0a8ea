"""报表: the reports page's tab that prints every report inside the app.

::

    ┌ 报表 [月度工作报告 ▾] ─────────┐┌ [上一页] 第 1 页 共 5 页 [下一页]   [缩小][放大][适合宽度] ┐
    │ what it is for                ││ 2026年11月 月度工作报告 · 5 页                             │
    │ 月份 [2026年11月 ▾]            ││ ┌──────────────┐                                          │
    │  (捐赠方 + 期间 / 课表 + 期间 /  ││ │  the PDF     │  (QtPdf: QPdfDocument + QPdfView)        │
    │   找活动 + the list)            ││ └──────────────┘                                          │
    │ [预览 F5] [打印… Ctrl+P]        ││                                                           │
    │ [另存为 PDF… Ctrl+S] [导出 Excel…]││                                                          │
    └───────────────────────────────┘└───────────────────────────────────────────────────────────┘

The report is chosen from 月度工作报告 / 捐赠方报告 / 学期或暑期总结 / 单次活动报告 with its parameters
(``reports_tab_params``). Every action writes through the report's own service on a worker thread
(``ui/workers.Job``), so every file is audited with its path:

- 预览 (F5): the PDF into ``exports/预览/`` (previews of earlier days are deleted) and shown here
  (``reports_tab_preview``);
- 打印… (Ctrl+P): the preview's PDF (written first if the choice changed) to the printer chosen in the system's
  print dialog, page by page as images at true size (``reports_tab_print``);
- 另存为 PDF… (Ctrl+S): the report's ``write_*_pdf`` at the path chosen (not a copy: the service audits it);
- 导出 Excel… (Ctrl+E): its ``export_*_xlsx``.

A refusal (a month to come, a donor not found) shows the service's sentence. Printing and exporting reports is
``reports`` 写 (administrator, social workers): for anyone else the tab's controls are off and a sentence says why.
Test seams: ``tab.today``, ``tab.choose_printer(title, pages)``, ``tab.choose_pdf_file(suggested)``,
``tab.choose_xlsx_file(suggested)``.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain.errors import DomainError
from center_app.domain.permissions import WRITE, allowed, denied_message
from center_app.ui import workers
from center_app.ui.operations import CannotWrite, Operations, cannot_write_message
from center_app.ui.pages.label_sheets import unique_path
from center_app.ui.pages.reports_tab_params import (
    ACTIVITY,
    DONOR,
    KINDS,
    MONTHLY,
    PROGRAMME,
    ActivityPanel,
    DonorPanel,
    MonthPanel,
    ParamsPanel,
    ProgrammePanel,
    ReportRequest,
    export_xlsx,
    gather,
    write_pdf,
)
from center_app.ui.pages.reports_tab_preview import PdfPreview
from center_app.ui.pages.reports_tab_print import ask_printer, print_pdf, printer_label
from center_app.ui.widgets.forms import bold_heading
from center_app.ui.widgets.messages import show_message
from center_app.ui.workers import Job

AREA = "reports"
T = TypeVar("T")
PREVIEW_FOLDER = "预览"
PREVIEW_KEEP_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Written:
    """A report written: what was asked, its figures (to write it again without gathering), the file, its pages."""

    request: ReportRequest
    data: object
    path: Path
    pages: int


def _writing(path: Path, write: Callable[[], T]) -> T:
    """``write()``, with a file that cannot be written (open in another program, a USB stick pulled) said as a
    refusal naming it instead of an error dialog."""
    try:
        return write()
    except OSError as exc:
        raise CannotWrite(cannot_write_message(path, exc)) from exc


def forget_old_previews(folder: Path) -> None:
    """Delete the previews of earlier days (the tab deletes its own as it replaces them; these were left by a
    window closed meanwhile). One still open elsewhere stays until next time."""
    yesterday = time.time() - PREVIEW_KEEP_SECONDS
    for old in folder.glob("*.pdf"):
        try:
            if old.stat().st_mtime < yesterday:
                old.unlink()
        except OSError:
            continue


class ReportsTab(QWidget):
    """报表 (see the module doc). The reports page's shell sets ``stale`` and calls ``refresh()``."""

    #: this tab takes no scans
    scan_input = None

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsTab")
        self.ctx = ctx
        self.ops = ops
        self.stale = True
        self.can_print = allowed(ctx.actor.role, AREA, WRITE)
        # Seams the tests replace: today, and the three modal dialogs (printer, PDF file, Excel file).
        self.today: Callable[[], dt.date] = dt.date.today
        self.choose_printer: Callable[[str, int], QPrinter | None] = lambda title, pages: ask_printer(
            self, title, pages
        )
        self.choose_pdf_file: Callable[[Path], Path | None] = lambda suggested: self._ask_file(
            suggested, self.tr("另存为 PDF"), self.tr("PDF 文件 (*.pdf)")
        )
        self.choose_xlsx_file: Callable[[Path], Path | None] = lambda suggested: self._ask_file(
            suggested, self.tr("导出 Excel"), self.tr("Excel 文件 (*.xlsx)")
        )
        self.job: Job | None = None
        self.current: Written | None = None  # what the preview shows
        self.last_saved: Path | None = None
        self.last_printed: int = 0  # pages sent to the printer by the last print

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 8)
        outer.setSpacing(8)
        self.denied = QLabel()
        self.denied.setObjectName("reportsDenied")
        self.denied.setWordWrap(True)
        self.denied.setStyleSheet("color: #b45309; font-weight: bold;")
        outer.addWidget(self.denied)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("reportsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_choice())
        self.preview = PdfPreview()
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([360, 720])
        outer.addWidget(self.splitter, 1)
        for key, slot in (
            ("F5", self.preview_report),
            ("Ctrl+P", self.print_report),
            ("Ctrl+S", self.save_pdf),
            ("Ctrl+E", self.export_excel),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=slot: s())

        if self.can_print:
            self.denied.hide()
        else:
            why = denied_message(ctx.actor.role, AREA, WRITE)
            self.denied.setText(self.tr("报表由管理员和社工打印、导出。%1").replace("%1", why))
            self.splitter.setEnabled(False)
            self.splitter.setToolTip(why)
        self._kind_changed()

    # --- building -----------------------------------------------------------------------------------------

    def _build_choice(self) -> QWidget:
        box = QWidget()
        box.setObjectName("reportsChoice")
        box.setMinimumWidth(330)
        box.setMaximumWidth(440)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(8)
        layout.addWidget(bold_heading(self.tr("选择报表"), size=1))
        self.kind = QComboBox()
        self.kind.setObjectName("reportsKind")
        for kind, label in zip(
            KINDS,
            (
                self.tr("月度工作报告"),
                self.tr("捐赠方报告"),
                self.tr("学期或暑期总结"),
                self.tr("单次活动报告"),
            ),
            strict=True,
        ):
            self.kind.addItem(label, kind)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        layout.addWidget(self.kind)
        self.kind_hint = QLabel()
        self.kind_hint.setObjectName("reportsKindHint")
        self.kind_hint.setWordWrap(True)
        self.kind_hint.setStyleSheet("color: #475569;")
        layout.addWidget(self.kind_hint)

        today = lambda: self.today()  # noqa: E731 - the seam may be replaced after the panels are built
        self.month_panel = MonthPanel(self.ctx, today)
        self.donor_panel = DonorPanel(self.ctx, today)
        self.programme_panel = ProgrammePanel(self.ctx, today)
        self.activity_panel = ActivityPanel(self.ctx, today)
        self.panels: dict[str, ParamsPanel] = {
            MONTHLY: self.month_panel,
            DONOR: self.donor_panel,
            PROGRAMME: self.programme_panel,
            ACTIVITY: self.activity_panel,
        }
        self.params = QStackedWidget()
        self.params.setObjectName("reportsParams")
        for panel in self.panels.values():
            self.params.addWidget(panel)
            panel.changed.connect(self._choice_changed)
        layout.addWidget(self.params, 1)

        grid = QGridLayout()
        grid.setSpacing(6)
        self.preview_button = self._button("reportsPreview", self.tr("预览"), "F5", self.preview_report)
        self.print_button = self._button("reportsPrint", self.tr("打印…"), "Ctrl+P", self.print_report)
        self.save_button = self._button("reportsSavePdf", self.tr("另存为 PDF…"), "Ctrl+S", self.save_pdf)
        self.export_button = self._button(
            "reportsExportXlsx", self.tr("导出 Excel…"), "Ctrl+E", self.export_excel
        )
        grid.addWidget(self.preview_button, 0, 0)
        grid.addWidget(self.print_button, 0, 1)
        grid.addWidget(self.save_button, 1, 0)
        grid.addWidget(self.export_button, 1, 1)
        layout.addLayout(grid)
        self.progress = QProgressBar()
        self.progress.setObjectName("reportsProgress")
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(8)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.message = QLabel()
        self.message.setObjectName("reportsMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        return box

    def _button(self, name: str, text: str, key: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(f"{text}  {key}")
        button.setObjectName(name)
        button.clicked.connect(lambda: slot())
        return button

    def _ask_file(self, suggested: Path, title: str, kinds: str) -> Path | None:
        suggested.parent.mkdir(parents=True, exist_ok=True)
        name, _ = QFileDialog.getSaveFileName(self, title, str(suggested), kinds)
        return Path(name) if name else None

    # --- the panel contract --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """The lists the panels offer (donors, timetables, activities), when reports may be printed."""
        self.stale = False
        if not self.can_print:
            return
        for panel in self.panels.values():
            panel.load(self.ops, self.message)
        self._choice_changed()

    def focus_first(self) -> None:
        if self.can_print:
            self.kind.setFocus()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.stale:
            self.refresh()

    @property
    def busy(self) -> bool:
        return self.job is not None and self.job.running

    # --- choosing --------------------------------------------------------------------------------------------

    def choose(self, kind: str) -> ParamsPanel:
        """Show ``kind``'s parameters (``monthly``, ``donor``, ``programme``, ``activity``)."""
        self.kind.setCurrentIndex(self.kind.findData(kind))
        return self.panels[kind]

    def _kind_changed(self) -> None:
        kind = str(self.kind.currentData())
        self.params.setCurrentWidget(self.panels[kind])
        hints = {
            MONTHLY: self.tr(
                "给民政局的月度统计：服务儿童、开放与出勤、活动、图书借阅、器材、志愿服务、回访。只有人数，不含儿童姓名。"
            ),
            DONOR: self.tr("一个捐赠方捐了哪些图书和器材，以及它们在一段时间里借阅、使用的情况。"),
            PROGRAMME: self.tr("一个学期或暑期项目的总结：课表、每周出勤、活动、志愿者和服务时长。"),
            ACTIVITY: self.tr("一次活动的详情、出勤名单、照片、反思和签名栏。名单上有儿童姓名，请妥善保管。"),
        }
        self.kind_hint.setText(hints[kind])
        self.message.clear()
        self._choice_changed()

    def request(self, *, quiet: bool = False) -> ReportRequest | None:
        """What is chosen now; None (with the reason shown, unless ``quiet``) while it is incomplete."""
        try:
            return self.panels[str(self.kind.currentData())].request()
        except DomainError as exc:
            if not quiet:
                show_message(self.message, exc.message)
            return None

    def _choice_changed(self) -> None:
        """The preview's title says when it no longer shows what is chosen."""
        self._update_buttons()
        current = self.current
        if current is None:
            return
        title = self.tr("%1 · %2 页").replace("%1", current.request.title).replace("%2", str(current.pages))
        if self.request(quiet=True) != current.request:
            title += self.tr("（这是之前选的报表；按“预览”看现在选的）")
        self.preview.set_title(title)

    def _update_buttons(self) -> None:
        ready = self.can_print and not self.busy
        for button in (self.preview_button, self.print_button, self.save_button, self.export_button):
            button.setEnabled(ready)
        self.kind.setEnabled(ready)
        self.progress.setVisible(self.busy)

    # --- the work ----------------------------------------------------------------------------------------------

    def _start(
        self,
        name: str,
        work: workers.Work,
        done: Callable[[object], None],
        busy_text: str,
    ) -> Job | None:
        if self.busy or not self.can_print:
            return None
        show_message(self.message, busy_text, ok=True)
        job = Job(work, name=f"reports:{name}", logs_dir=self.ctx.data_dir.logs)
        job.progress.connect(self._progress)
        job.finished.connect(done)
        job.failed.connect(self._failed)
        job.cancelled.connect(self._failed)
        self.job = job
        started = job.start()
        self._update_buttons()
        return started

    def _progress(self, _percent: int, text: str) -> None:
        if text:
            show_message(self.message, text, ok=True)

    def _job_ended(self) -> None:
        self.job = None
        self._update_buttons()

    def _failed(self, error: BaseException | str) -> None:
        self._job_ended()
        text = error if isinstance(error, str) else workers.message_for(error)
        show_message(self.message, text or self.tr("没有完成。"))

    def _data_for(self, request: ReportRequest) -> object | None:
        """The figures already gathered for ``request`` (by the preview), if any."""
        return self.current.data if self.current is not None and self.current.request == request else None

    def preview_report(self, then: Callable[[Written], object] | None = None) -> Job | None:
        """Write the chosen report's PDF into ``exports/预览/`` on a worker and show it (then ``then(written)``)."""
        request = self.request() if self.can_print and not self.busy else None
        if request is None:
            return None
        ctx = self.ctx
        folder = ctx.data_dir.exports / PREVIEW_FOLDER
        known = self._data_for(request)

        def work(_progress: workers.Progress, _cancel: threading.Event) -> Written:
            data = known if known is not None else gather(ctx, request)
            folder.mkdir(parents=True, exist_ok=True)
            forget_old_previews(folder)
            target = unique_path(folder, request.stem)
            path, pages = _writing(target, lambda: write_pdf(ctx, request, data, target))
            return Written(request, data, path, pages)

        def shown(written: object) -> None:
            assert isinstance(written, Written)
            self._job_ended()
            old = self.current
            pages = self.preview.show_pdf(written.path, written.request.title)
            if not pages:
                show_message(
                    self.message, self.tr("生成的 PDF 无法显示：%1").replace("%1", str(written.path))
                )
                return
            self.current = Written(written.request, written.data, written.path, pages)
            if old is not None and old.path != written.path:
                old.path.unlink(missing_ok=True)  # closed by the load above
            self._choice_changed()
            show_message(
                self.message,
                self.tr("已生成预览：%1，共 %2 页。")
                .replace("%1", written.request.title)
                .replace("%2", str(pages)),
                ok=True,
            )
            if then is not None:
                then(self.current)

        return self._start("preview", work, shown, self.tr("正在生成报表…"))

    def print_report(self) -> Job | None:
        """Print the chosen report: the preview's PDF (written first if the choice changed) to the printer the
        print dialog gives (``choose_printer``)."""
        request = self.request() if self.can_print and not self.busy else None
        if request is None:
            return None
        if self.current is not None and self.current.request == request and self.current.path.exists():
            return self._print(self.current)
        return self.preview_report(then=lambda written: self._print(written))

    def _print(self, written: Written) -> Job | None:
        try:
            printer = self.choose_printer(written.request.title, written.pages)
        except DomainError as exc:
            show_message(self.message, exc.message)
            return None
        if printer is None:
            show_message(self.message, self.tr("没有打印。"), ok=True)
            return None
        path = written.path

        def work(progress: workers.Progress, cancel: threading.Event) -> int:
            return print_pdf(path, printer, progress, cancel)

        def printed(pages: object) -> None:
            self._job_ended()
            assert isinstance(pages, int)
            self.last_printed = pages
            show_message(
                self.message,
                self.tr("已送往打印机“%1”：%2，%3 页。")
                .replace("%1", printer_label(printer))
                .replace("%2", written.request.title)
                .replace("%3", str(pages)),
                ok=True,
            )

        return self._start("print", work, printed, self.tr("正在打印…"))

    def save_pdf(self) -> Job | None:
        """另存为 PDF…: the report's service writes it at the path chosen (and audits that path)."""
        request = self.request() if self.can_print and not self.busy else None
        if request is None:
            return None
        target = self.choose_pdf_file(self.ctx.data_dir.exports / f"{request.stem}.pdf")
        if target is None:
            return None
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        ctx, known = self.ctx, self._data_for(request)

        def work(_progress: workers.Progress, _cancel: threading.Event) -> tuple[Path, int]:
            data = known if known is not None else gather(ctx, request)
            return _writing(target, lambda: write_pdf(ctx, request, data, target))

        def saved(result: object) -> None:
            self._job_ended()
            assert isinstance(result, tuple)
            path, pages = result
            self.last_saved = path
            show_message(
                self.message,
                self.tr("已保存 PDF：%1（%2 页）。").replace("%1", str(path)).replace("%2", str(pages)),
                ok=True,
            )

        return self._start("save", work, saved, self.tr("正在保存 PDF…"))

    def export_excel(self) -> Job | None:
        """导出 Excel…: the report's tables, a sheet each, at the path chosen (audited by the service)."""
        request = self.request() if self.can_print and not self.busy else None
        if request is None:
            return None
        target = self.choose_xlsx_file(self.ctx.data_dir.exports / f"{request.stem}.xlsx")
        if target is None:
            return None
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        ctx, known = self.ctx, self._data_for(request)

        def work(_progress: workers.Progress, _cancel: threading.Event) -> int:
            data = known if known is not None else gather(ctx, request)
            return _writing(target, lambda: export_xlsx(ctx, data, target))

        def exported(rows: object) -> None:
            self._job_ended()
            self.last_saved = target
            show_message(
                self.message,
                self.tr("已导出 Excel：%1（%2 行）。").replace("%1", str(target)).replace("%2", str(rows)),
                ok=True,
            )

        return self._start("export", work, exported, self.tr("正在导出 Excel…"))
