"""活动与报表 (Ctrl+8) and its 报表 tab, driven like a user on the demo centre: the monthly report for last month
previewed inside the app (pages, 第 x 页 共 y 页, PgUp/PgDn), saved as PDF through the service (its text has the
centre's name and the figures recomputed with plain SQL; the path is audited), its tables exported to Excel, printed
through a QPrinter writing a PDF (A4 pages at true size); the donor report for a demo donor found by pinyin
initials; the service's sentence for a donor not found and for a period to come; an activity's report; a teacher
sees the tab off and why. The page fits 1280×720 and opens no window of its own."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from center_app.app import open_main_window
from center_app.config import DataDir
from center_app.context import Actor, open_store
from center_app.services import accounts
from center_app.ui.pages.reports_tab import ReportsTab
from tests.reports.demo_centre import DEMO_TODAY, ON_ROLL, Sql, demo_centre, figure, pdf_text
from tests.uitools import ime_type, layout_problems

CENTRE = "古楼村留守儿童关爱活动中心"
DONOR = "深圳市春晖公益基金会"
NOV_FIRST, NOV_LAST = dt.date(2026, 11, 1), dt.date(2026, 11, 30)


@pytest.fixture
def demo_window(qtbot, data_dir: DataDir) -> Iterator:
    """The demo centre (as of DEMO_TODAY) with its administrator signed in."""
    demo_centre(data_dir.root).close()
    ctx = open_store(data_dir, actor=Actor.command_line())
    try:
        accounts.create_first_admin(ctx, "admin", "韦管理员", "gulou2026")
    finally:
        ctx.close()
    win = open_main_window(data_dir, user="admin")
    qtbot.addWidget(win)
    qtbot.waitExposed(win)
    yield win
    win.close()


def open_reports(qtbot, win) -> ReportsTab:
    """Ctrl+8, then Ctrl+Tab to the 报表 tab, as a user would; the tab's clock set to the demo's today."""
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=3000)
    qtbot.keyClick(win, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    page = win.stack.currentWidget()
    assert page.objectName() == "reportsPage"
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == ["活动记录", "报表"]
    qtbot.waitUntil(lambda: page.isAncestorOf(QApplication.focusWidget()), timeout=3000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.currentWidget() is page.reports
    tab: ReportsTab = page.reports
    tab.today = lambda: DEMO_TODAY
    tab.refresh()
    return tab


def wait_done(qtbot, tab: ReportsTab, timeout: int = 20_000) -> None:
    qtbot.waitUntil(lambda: not tab.busy, timeout=timeout)


def only_window(win) -> None:
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert shown == [win], [w.objectName() or type(w).__name__ for w in shown]


def test_the_monthly_report_previewed_saved_exported_and_printed(qtbot, demo_window, tmp_path: Path) -> None:
    win = demo_window
    tab = open_reports(qtbot, win)
    assert tab.kind.currentText() == "月度工作报告"
    assert tab.month_panel.month.currentText() == "2026年11月"  # last month, the one to report
    assert not tab.preview.prev_button.isEnabled() and tab.preview.page_label.text() == ""
    assert layout_problems(win) == []

    # 预览 (F5): a worker writes the PDF into exports/预览 and the tab shows it.
    qtbot.keyClick(tab.kind, Qt.Key.Key_F5)
    assert tab.busy and not tab.preview_button.isEnabled()
    wait_done(qtbot, tab)
    written = tab.current
    assert written is not None and written.path.parent == win.ctx.data_dir.exports / "预览"
    pages = len(PdfReader(written.path).pages)
    assert pages >= 3 and written.pages == pages and tab.preview.pages == pages
    assert tab.preview.page_label.text() == f"第 1 页 共 {pages} 页"
    assert "2026年11月 月度工作报告" in tab.preview.title.text() and f"共 {pages} 页" in tab.message.text()
    qtbot.mouseClick(tab.preview.next_button, Qt.MouseButton.LeftButton)
    assert tab.preview.page_label.text() == f"第 2 页 共 {pages} 页"
    qtbot.keyClick(tab.preview.view, Qt.Key.Key_End)
    assert (
        tab.preview.page_label.text() == f"第 {pages} 页 共 {pages} 页"
        and not tab.preview.next_button.isEnabled()
    )
    qtbot.keyClick(tab.preview.view, Qt.Key.Key_PageUp)
    assert tab.preview.page == pages - 1
    qtbot.mouseClick(tab.preview.zoom_in_button, Qt.MouseButton.LeftButton)
    assert not tab.preview.fit_button.isChecked()
    qtbot.mouseClick(tab.preview.fit_button, Qt.MouseButton.LeftButton)
    assert tab.preview.fit_button.isChecked()
    assert layout_problems(win) == []
    only_window(win)

    # 另存为 PDF…: the service writes it at the chosen path (not a copy) and audits that path.
    suggested: list[Path] = []
    target = tmp_path / "民政局 月报.pdf"
    tab.choose_pdf_file = lambda s: suggested.append(s) or target
    qtbot.keyClick(tab.kind, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_done(qtbot, tab)
    assert suggested == [win.ctx.data_dir.exports / "月度工作报告_2026-11.pdf"]
    assert target.exists() and tab.last_saved == target and str(target) in tab.message.text()
    text = pdf_text(target)
    sql = Sql(win.ctx)
    try:
        on_roll = len(sql.ids(ON_ROLL, NOV_LAST, NOV_FIRST, NOV_FIRST, NOV_LAST))
        printed = sql.all(
            "SELECT changes FROM audit_log WHERE entity = 'report' AND action = 'print' ORDER BY id"
        )
    finally:
        sql.close()
    assert CENTRE in text and figure(text, "在册儿童") == str(on_roll)
    assert [json.loads(c)["target"][1] for (c,) in printed] == [
        str(written.path.resolve()),
        str(target.resolve()),
    ]

    # 导出 Excel…: the report's tables, a sheet each.
    book_path = tmp_path / "月报.xlsx"
    tab.choose_xlsx_file = lambda _s: book_path
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, tab)
    book = load_workbook(book_path)
    assert book.sheetnames[0] == "概况" and "按年级" in book.sheetnames
    grades = book["按年级"]
    total = [r for r in grades.iter_rows(values_only=True) if r[0] == "合计"][0]
    assert total[1] == on_roll
    assert "已导出 Excel" in tab.message.text() and "行" in tab.message.text()

    # 打印…: the printer the dialog gives — here one that writes a PDF — gets every page, A4, at true size.
    printed_pdf = tmp_path / "打印.pdf"
    asked: list[tuple[str, int]] = []

    def printer(title: str, count: int) -> QPrinter:
        asked.append((title, count))
        chosen = QPrinter(QPrinter.PrinterMode.HighResolution)
        chosen.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        chosen.setOutputFileName(str(printed_pdf))
        return chosen

    tab.choose_printer = printer
    qtbot.keyClick(tab.kind, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    wait_done(qtbot, tab)
    assert asked == [("2026年11月 月度工作报告", pages)] and tab.last_printed == pages
    paper = PdfReader(printed_pdf)
    assert len(paper.pages) == pages
    for page in paper.pages:
        assert round(float(page.mediabox.width)) == 595 and round(float(page.mediabox.height)) == 842
        assert len(page.images) == 1  # the page rendered once, at true size
    assert "已送往打印机" in tab.message.text()

    # Closing the print dialog prints nothing.
    tab.choose_printer = lambda _t, _n: None
    qtbot.keyClick(tab.kind, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert not tab.busy and tab.message.text() == "没有打印。"
    only_window(win)


def test_a_page_range_prints_those_pages(qtbot, demo_window, tmp_path: Path) -> None:
    tab = open_reports(qtbot, demo_window)
    out = tmp_path / "第二三页.pdf"

    def printer(_title: str, _count: int) -> QPrinter:
        chosen = QPrinter(QPrinter.PrinterMode.HighResolution)
        chosen.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        chosen.setOutputFileName(str(out))
        chosen.setPrintRange(QPrinter.PrintRange.PageRange)
        chosen.setFromTo(2, 3)
        return chosen

    tab.choose_printer = printer
    qtbot.mouseClick(
        tab.print_button, Qt.MouseButton.LeftButton
    )  # no preview yet: written first, then printed
    qtbot.waitUntil(lambda: not tab.busy and out.exists(), timeout=20_000)
    assert tab.current is not None and tab.preview.pages == tab.current.pages
    assert len(PdfReader(out).pages) == 2 and tab.last_printed == 2


def test_a_computer_without_printers_is_told_so(qtbot, demo_window, monkeypatch) -> None:
    from center_app.ui.pages import reports_tab_print

    class NoPrinters:
        @staticmethod
        def availablePrinters() -> list[object]:  # noqa: N802 - Qt's name
            return []

    monkeypatch.setattr(reports_tab_print, "QPrinterInfo", NoPrinters)
    tab = open_reports(
        qtbot, demo_window
    )  # the real choose_printer: the print dialog, when there is a printer
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.busy and tab.current is not None, timeout=20_000)
    assert tab.message.text().startswith("这台电脑还没有安装打印机。") and tab.last_printed == 0
    only_window(demo_window)


def test_the_donor_report_and_the_services_refusals(qtbot, demo_window, tmp_path: Path) -> None:
    win = demo_window
    tab = open_reports(qtbot, win)
    panel = tab.choose("donor")
    assert tab.params.currentWidget() is panel and panel.donor.count() > 3
    qtbot.keyClicks(panel.search, "chgy")  # 深圳市春晖公益基金会 by its pinyin initials
    assert panel.donor.currentText() == DONOR and panel.donor.count() == 1
    panel.period.set_period(dt.date(2026, 9, 1), dt.date(2026, 11, 30))
    assert layout_problems(win) == []
    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, tab)
    written = tab.current
    assert written is not None and written.request.kind == "donor"
    assert tab.preview.pages == len(PdfReader(written.path).pages) >= 2
    assert tab.preview.page_label.text() == f"第 1 页 共 {tab.preview.pages} 页"
    target = tmp_path / "春晖.pdf"
    tab.choose_pdf_file = lambda _s: target
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, tab)
    text = pdf_text(target)
    loans = written.data.reading.loans  # type: ignore[attr-defined]
    assert DONOR in text and CENTRE in text and f"借出 {loans} 册次" in text

    # A donor nobody registered: the service's sentence, and the preview stays as it was.
    panel.search.clear()
    ime_type(panel.search, "不存在的基金会")
    assert panel.donor.currentData() is None
    assert "之前选的报表" in tab.preview.title.text()
    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, tab)
    assert tab.message.text().startswith("找不到捐赠方“不存在的基金会”。已登记的捐赠方有：")
    assert tab.current is written

    # A period to come: refused by the service, in its words.
    programme = tab.choose("programme")
    programme.period.set_period(dt.date(2027, 1, 1), dt.date(2027, 1, 31))
    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, tab)
    assert tab.message.text() == "2027年1月1日还没有到，没有可以统计的数字。"
    only_window(win)


def test_the_programme_summary_and_an_activity_report(qtbot, demo_window, tmp_path: Path) -> None:
    tab = open_reports(qtbot, demo_window)
    programme = tab.choose("programme")
    assert programme.programme.currentData() is not None  # the timetable running on the demo's today
    first, last = programme.period.period()
    assert first <= DEMO_TODAY <= last
    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, tab)
    assert tab.current is not None and tab.current.request.kind == "programme" and tab.preview.pages >= 2
    qtbot.wait(50)  # the new texts laid out, as the next paint shows them
    assert layout_problems(demo_window) == []

    activity = tab.choose("activity")
    assert activity.list.count() > 10
    qtbot.keyClicks(activity.search, "kq")  # 口琴
    assert activity.list.count() >= 1 and "口琴" in activity.list.item(0).text()
    assert "之前选的报表" in tab.preview.title.text()  # the preview still shows the summary
    qtbot.wait(50)
    assert layout_problems(demo_window) == []
    activity.list.setCurrentRow(0)
    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, tab)
    assert tab.current is not None and tab.current.request.kind == "activity"
    text = pdf_text(tab.current.path)
    assert "口琴" in text and CENTRE in text
    book = tmp_path / "活动.xlsx"
    tab.choose_xlsx_file = lambda _s: book
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, tab)
    assert load_workbook(book).active.max_row > 5


def test_a_teacher_sees_the_reports_tab_off_and_why(qtbot, data_dir: DataDir, admin_account: str) -> None:
    ctx = open_store(data_dir, actor=Actor.command_line())
    accounts.create_user(ctx, "laoshi", "李老师", "teacher", "laoshi2026")
    ctx.actor = accounts.sign_in_as(ctx, "laoshi")
    accounts.change_own_password(ctx, "laoshi2026", "jiaoshu-2027")  # no first-sign-in dialog
    ctx.close()
    win = open_main_window(data_dir, user="laoshi")
    qtbot.addWidget(win)
    qtbot.waitExposed(win)
    page = win.show_page("reportsPage")
    tab: ReportsTab = page.reports
    page.tabs.setCurrentWidget(tab)
    assert tab.denied.isVisible()
    assert (
        tab.denied.text()
        == "报表由管理员和社工打印、导出。志愿者教师 无权导出报表数据。如确有需要，请联系管理员。"
    )
    assert not tab.splitter.isEnabled() and not tab.preview_button.isEnabled()
    assert page.tabs.tabToolTip(page.tabs.indexOf(tab)) == tab.denied.text()
    assert tab.preview_report() is None and tab.save_pdf() is None and not tab.busy
    assert page.activities.isEnabled()  # their own activities and their reports stay theirs
    assert layout_problems(win) == []
    win.close()
