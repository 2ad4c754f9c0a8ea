"""Printing a report's PDF through the system's printers (the 报表 tab's 打印…).

The report is already a PDF (ReportLab, A4, fonts embedded); Qt cannot hand a PDF to a printer as it is, so each page
is rendered by QtPdf (``QPdfDocument.render``, the same engine as the preview) to an image at up to
:data:`PRINT_DPI` and drawn on the printer's page at its true size: the paper's top-left corner is the PDF page's
(``QPrinter.setFullPage``), one PDF point is 1/72 inch on paper, never "fit to page". The report's own margins are
wider than any printer's unprintable edge, so nothing is cut and nothing shrinks.

:func:`print_pdf` runs on a worker thread (``ui/workers.Job``): QPainter may paint on a QPrinter outside the GUI
thread, and the worker opens its own ``QPdfDocument``. It renders one page at a time — an A4 page at 300 dpi is an
image of about 35 MB, which the old 4 GB PC can afford once, not for every page at once — and checks ``cancel``
between pages. :func:`ask_printer` is the tab's default ``choose_printer``: the system's print dialog (QPrintDialog)
on an A4 printer set up for the report.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

from center_app.domain.errors import DomainError
from center_app.ui.workers import Progress

#: the resolution pages are rendered at for the printer (less if the printer's is lower): sharp on a laser printer,
#: and one page's image stays about 35 MB
PRINT_DPI = 300


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportsPrint", text)


def ask_printer(parent: QWidget, title: str, pages: int) -> QPrinter | None:
    """The system's print dialog for a report of ``pages`` pages: A4 portrait, the report's title as the job's
    name; the printer as the user set it up, or None if they closed the dialog. Refused (a sentence, not a dialog
    that cannot print) when the computer has no printer at all."""
    if not QPrinterInfo.availablePrinters():
        raise DomainError(
            _tr(
                "这台电脑还没有安装打印机。请先在系统的“打印机”设置里添加打印机；"
                "也可以用“另存为 PDF…”保存，拿到有打印机的电脑上打印。"
            )
        )
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setDocName(title)
    printer.setFromTo(1, max(1, pages))
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("reportsPrintDialog")
    dialog.setWindowTitle(_tr("打印报表"))
    dialog.setMinMax(1, max(1, pages))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
    return printer if accepted else None


def printer_label(printer: QPrinter) -> str:
    """What the message calls the printer: its name, or the file a PDF printer writes."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        return printer.outputFileName()
    return printer.printerName()


def page_range(printer: QPrinter, pages: int) -> range:
    """The pages (0-based) the print dialog asked for: all, or 从 x 到 y within the document."""
    first, last = 0, pages - 1
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(0, printer.fromPage() - 1)
        last = min(pages - 1, max(first, printer.toPage() - 1))
    return range(first, last + 1)


def page_image(document: QPdfDocument, index: int, dpi: int) -> QImage:
    """Page ``index`` as an opaque white-backed image at ``dpi`` (QtPdf renders on a transparent background, and a
    printer driver treats transparency slowly or badly)."""
    points = document.pagePointSize(index)
    size = QSize(max(1, round(points.width() * dpi / 72)), max(1, round(points.height() * dpi / 72)))
    rendered = document.render(index, size)
    if rendered.isNull():
        raise DomainError(_tr("报表的第 %1 页无法转换成打印的图像。").replace("%1", str(index + 1)))
    image = QImage(rendered.size(), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return image


def print_pdf(path: Path, printer: QPrinter, progress: Progress, cancel: threading.Event) -> int:
    """Print the PDF at ``path`` on ``printer`` (see the module doc); returns the pages printed. A refusal (the
    file cannot be read, the printer cannot start) is a DomainError with a sentence; ``cancel`` stops between
    pages and the printer drops the job."""
    document = QPdfDocument()
    try:
        document.load(str(path))
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            raise DomainError(_tr("报表文件 %1 无法读取，没有打印。").replace("%1", path.name))
        pages = page_range(printer, document.pageCount())
        dpi = max(72, min(printer.resolution(), PRINT_DPI))
        printer.setFullPage(True)  # (0, 0) is the paper's corner, as it is the PDF page's
        painter = QPainter()
        if not painter.begin(printer):
            raise DomainError(
                _tr("打印机“%1”没有开始打印。请检查打印机是否开机、是否连好，再试一次。").replace(
                    "%1", printer_label(printer)
                )
            )
        done = 0
        try:
            scale = printer.resolution() / 72  # device pixels per PDF point
            for n, index in enumerate(pages):
                if cancel.is_set():
                    printer.abort()
                    raise DomainError(_tr("已取消打印。"))
                progress(
                    n * 100 // len(pages),
                    _tr("正在打印第 %1 页，共 %2 页")
                    .replace("%1", str(n + 1))
                    .replace("%2", str(len(pages))),
                )
                if n:
                    printer.newPage()
                points = document.pagePointSize(index)
                target = QRectF(0, 0, points.width() * scale, points.height() * scale)
                painter.drawImage(target, page_image(document, index, dpi))
                done += 1
        finally:
            painter.end()
        progress(100, "")
        return done
    finally:
        document.close()
