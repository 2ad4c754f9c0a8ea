"""Printing against a real print system: the monthly report printed through the 报表 tab's 打印… reaches CUPS, whose
CUPS-PDF printer writes the paper as a PDF, and what is on that paper is checked.

The fixture (``tests/cups_printer.py``) installs Debian's ``cups`` and ``printer-driver-cups-pdf`` if need be,
starts a private ``cupsd`` and adds the queue; where that cannot happen (not Linux, not root, no apt-get, no
package registry, a timeout) the test is skipped with the reason. The printing itself runs in a child pytest
process started with ``CUPS_SERVER`` pointing at that CUPS: libcups reads it once per thread, and Qt's CUPS support
may have been loaded (or failed to load, before libcups was installed) by an earlier test of this process.

What is checked: the job completes; the paper has every page of the report, A4 (595×842 pt); and — because the app
prints each page as an image at true size (``reports_tab_print``), the paper's PDF has pixels, not text — each
figure that the report's own text holds (the centre's name, the title, the children on the roll counted with plain
SQL) is found with its box in the report's PDF (QtPdf's text positions) and the same box on the printed page shows
the same ink: not blank, and the same to within anti-aliasing. A page printed shifted, scaled or blank fails.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import cups_printer

IN_CHILD = os.environ.get(cups_printer.QUEUE_ENV) is not None
CHILD_SECONDS = 300

if not IN_CHILD:

    @pytest.fixture(scope="module")
    def pdf_printer():
        try:
            printer = cups_printer.start_pdf_printer()
        except cups_printer.Unavailable as exc:
            pytest.skip(f"CUPS with its PDF printer cannot run here: {exc.reason}")
        try:
            yield printer
        finally:
            printer.stop()

    def test_the_monthly_report_printed_through_cups(qapp, pdf_printer: cups_printer.PdfPrinter) -> None:
        env = {**os.environ, **pdf_printer.env, "QT_QPA_PLATFORM": "offscreen"}
        args = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", __file__]
        try:
            child = subprocess.run(
                args,
                cwd=Path(__file__).resolve().parents[2],
                env=env,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                timeout=CHILD_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            out = exc.stdout.decode(errors="replace") if isinstance(exc.stdout, bytes) else exc.stdout or ""
            pytest.fail(
                f"the printing child ran longer than {CHILD_SECONDS} s\n{out[-4000:]}\n{pdf_printer.log_tail()}"
            )
        report = (child.stdout + child.stderr)[-6000:]
        assert child.returncode == 0 and "1 passed" in child.stdout, report
        assert len(pdf_printer.completed_jobs()) == 1, pdf_printer.log_tail()

else:
    from PIL import Image, ImageChops, ImageStat
    from pypdf import PdfReader
    from PySide6.QtCore import QRectF, QSize, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication

    from center_app.app import open_main_window
    from center_app.config import DataDir
    from center_app.context import Actor, open_store
    from center_app.services import accounts
    from tests.reports.demo_centre import DEMO_TODAY, ON_ROLL, Sql, demo_centre, pdf_text

    CENTRE = "古楼村留守儿童关爱活动中心"
    TITLE = "2026年11月 月度工作报告"
    NOV_FIRST, NOV_LAST = dt.date(2026, 11, 1), dt.date(2026, 11, 30)
    DPI = 300  # the resolution the app prints at: the paper's pixels are looked at one for one
    SHIFT = 3  # pixels at 300 dpi: 0.25 mm
    Box = tuple[int, int, int, int]

    def grey(document: QPdfDocument, page: int, size: tuple[int, int] | None = None) -> Image.Image:
        """Page ``page`` in grey on white at DPI (or at ``size``: the paper's PDF says 595×842 pt for A4)."""
        points = document.pagePointSize(page)
        width, height = size or (round(points.width() * DPI / 72), round(points.height() * DPI / 72))
        image = document.render(page, QSize(width, height))
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(Qt.GlobalColor.white)
        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        flat = flat.convertToFormat(QImage.Format.Format_Grayscale8)
        return Image.frombytes("L", (width, height), bytes(flat.constBits()), "raw", "L", flat.bytesPerLine())

    def difference(a: Image.Image, b: Image.Image) -> float:
        """The mean difference of two grey images of one size (0: the same; 255: black for white)."""
        return float(ImageStat.Stat(ImageChops.difference(a, b)).mean[0])

    def moved(box: Box, dx: int, dy: int) -> Box:
        return box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy

    def nudges() -> list[tuple[int, int]]:
        return [(SHIFT, 0), (-SHIFT, 0), (0, SHIFT), (0, -SHIFT)]

    def same_place(source: Image.Image, paper: Image.Image, box: Box) -> tuple[float, float]:
        """How far the paper is from the source in ``box`` — at its best within a pixel (0.08 mm: the print system
        may centre A4's 595.28 pt on its 595 pt paper) — and how far it would be a quarter millimetre off."""
        want = source.crop(box)
        here = min(difference(want, paper.crop(moved(box, dx, dy))) for dx in (-1, 0, 1) for dy in (-1, 0, 1))
        off = min(difference(want, paper.crop(moved(box, dx, dy))) for dx, dy in nudges())
        return here, off

    def box_of(document: QPdfDocument, page: int, text: str, after: str = "") -> Box:
        """Where ``text`` (the first after ``after``) is on ``page`` — QtPdf's text positions — in pixels at DPI,
        widened by a millimetre."""
        all_text = document.getAllText(page).text()
        start = all_text.index(text, all_text.index(after) if after else 0)
        found = document.getSelectionAtIndex(page, start, len(text))
        assert found.text().replace("\n", "") == text, (found.text(), text)
        rect: QRectF = found.boundingRectangle()
        scale, pad = DPI / 72, 12
        return (
            int(rect.left() * scale) - pad,
            int(rect.top() * scale) - pad,
            int(rect.right() * scale) + pad,
            int(rect.bottom() * scale) + pad,
        )

    def test_print_the_monthly_report_on_the_cups_pdf_printer(qtbot, data_dir: DataDir) -> None:
        here = cups_printer.PdfPrinter.from_env()
        demo_centre(data_dir.root).close()
        ctx = open_store(data_dir, actor=Actor.command_line())
        accounts.create_first_admin(ctx, "admin", "韦管理员", "gulou2026")
        sql = Sql(ctx)
        on_roll = len(sql.ids(ON_ROLL, NOV_LAST, NOV_FIRST, NOV_FIRST, NOV_LAST))
        sql.close()
        ctx.close()
        win = open_main_window(data_dir, user="admin")
        qtbot.addWidget(win)
        qtbot.waitExposed(win)
        page = win.show_page("reportsPage")
        page.tabs.setCurrentWidget(page.reports)
        tab = page.reports
        tab.today = lambda: DEMO_TODAY
        tab.refresh()
        assert tab.month_panel.month.currentText() == "2026年11月"

        chosen: list[QPrinter] = []

        def the_cups_printer(title: str, _pages: int) -> QPrinter:
            """What the print dialog gives when the user picks the CUPS-PDF queue."""
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setPrinterName(here.queue)
            assert printer.isValid() and printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
            printer.setDocName(title)
            chosen.append(printer)
            return printer

        tab.choose_printer = the_cups_printer
        qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)  # writes the PDF first, then prints it
        qtbot.waitUntil(lambda: bool(chosen) and not tab.busy, timeout=120_000)
        assert tab.current is not None
        source, pages = tab.current.path, tab.current.pages
        assert tab.message.text() == f"已送往打印机“{here.queue}”：{TITLE}，{pages} 页。", tab.message.text()
        assert tab.last_printed == pages
        assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [win]
        win.close()

        paper_path = here.wait_for_pdf(timeout=120)
        paper_pdf = PdfReader(paper_path)
        assert len(paper_pdf.pages) == pages
        for sheet in paper_pdf.pages:
            assert round(float(sheet.mediabox.width)) == 595 and round(float(sheet.mediabox.height)) == 842

        # The report's figures as its own text has them …
        text = pdf_text(source)
        assert CENTRE in text and TITLE in text and f"在册儿童 {on_roll} 名" in text
        original, copy = QPdfDocument(), QPdfDocument()
        original.load(str(source))
        copy.load(str(paper_path))
        assert copy.status() == QPdfDocument.Status.Ready and copy.pageCount() == pages
        try:
            # … every page on paper where it is in the report: nearer to it than to the same page 0.25 mm off,
            # with as much ink …
            for index in range(pages):
                want = grey(original, index)
                paper = grey(copy, index, want.size)
                whole = (SHIFT, SHIFT, want.width - SHIFT, want.height - SHIFT)
                here_, off = same_place(want, paper, whole)
                assert here_ < off / 2, (
                    f"page {index + 1} is not where it should be: {here_:.2f} vs {off:.2f}"
                )
                ink, inked = 255 - ImageStat.Stat(want).mean[0], 255 - ImageStat.Stat(paper).mean[0]
                assert abs(inked - ink) < 0.1 * ink, f"page {index + 1}: ink {inked:.2f} on paper, {ink:.2f}"
            # … and each figure's own box on the first page: inked, and in its place.
            want = grey(original, 0)
            paper = grey(copy, 0, want.size)
            for what, after in ((CENTRE, ""), (TITLE, ""), (f"{on_roll} 名", "在册儿童")):
                box = box_of(original, 0, what, after)
                assert paper.crop(box).getextrema()[0] < 100, f"{what!r} is blank on the paper"
                here_, off = same_place(want, paper, box)
                assert here_ < off / 3, f"{what!r} is not in its place on the paper: {here_:.2f} vs {off:.2f}"
        finally:
            original.close()
            copy.close()
