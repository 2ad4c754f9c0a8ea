"""月度考勤表: the page shows the service's figures, and prints / exports only after an inline confirmation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

from center_app.db.models import AuditLog
from center_app.domain import attendance as rules
from center_app.domain.attendance import format_rate
from center_app.services import attendance
from center_app.services.attendance import MarkInput
from center_app.ui.pages.monthly_register_view import MonthlyRegisterPanel
from tests.gui.test_roll_call import add_child, install_attendance

CODES = "PPPAPLPEPP"


def last_month() -> tuple[int, int]:
    first = dt.date.today().replace(day=1) - dt.timedelta(days=1)
    return first.year, first.month


@pytest.fixture
def marked(window) -> list[int]:
    """Ten children in two classes, marked on every open day of last month (a fixed pattern)."""
    ctx = window.ctx
    ids = [
        add_child(ctx, name, "三年级1班" if n < 6 else "四年级2班", 3 if n < 6 else 4)
        for n, name in enumerate(
            [
                "王子涵",
                "李小明",
                "张浩然",
                "刘梓萱",
                "陈欣怡",
                "杨思远",
                "黄一诺",
                "赵雨桐",
                "吴俊杰",
                "周佳琪",
            ]
        )
    ]
    year, month = last_month()
    first, last = rules.month_bounds(year, month)
    settings = attendance.get_attendance_settings(ctx)
    for k, day in enumerate(rules.open_days(first, last, settings.open_weekdays, set())):
        if k == 3:
            continue  # one open day without a roll call
        marks = [MarkInput(cid, CODES[(n + k) % len(CODES)]) for n, cid in enumerate(ids) if (n + k) % 7]
        attendance.save_marks(ctx, day, None, marks)
    return ids


@pytest.fixture
def monthly(qtbot, window, marked) -> MonthlyRegisterPanel:
    page = install_attendance(window)
    page.tabs.setCurrentIndex(2)
    panel = page.monthly
    year, month = last_month()
    panel.month_edit.setDate(QDate(year, month, 1))
    qtbot.waitUntil(lambda: panel.register is not None and panel.register.month == month, timeout=3000)
    return panel


def cell(panel: MonthlyRegisterPanel, row: int, col: int) -> str:
    return panel.model.data(panel.model.index(row, col))


def test_totals_equal_the_services_monthly_register(window, monthly, marked) -> None:
    year, month = last_month()
    register = attendance.monthly_register(window.ctx, year, month)
    model = monthly.model
    days = len(register.days)
    assert model.rowCount() == len(register.rows) + 3
    assert model.columnCount() == 2 + days + 5
    for n, row in enumerate(register.rows):
        assert cell(monthly, n, 0) == row.name
        t = row.tally
        totals = [cell(monthly, n, 2 + days + i) for i in range(5)]
        assert totals == [str(t.present), str(t.absent), str(t.late), str(t.excused), format_rate(t.rate)]
        assert [cell(monthly, n, 2 + i) for i in range(days)] == [register.codes.symbol(c) for c in row.cells]
    present_row, absent_row, rate_row = len(register.rows), len(register.rows) + 1, len(register.rows) + 2
    for i, day in enumerate(register.days):
        if day.taken:
            assert cell(monthly, present_row, 2 + i) == str(day.tally.present)
            assert cell(monthly, absent_row, 2 + i) == str(day.tally.absent)
            assert cell(monthly, rate_row, 2 + i) == format_rate(day.tally.rate)
        else:
            assert cell(monthly, present_row, 2 + i) == "—"
    t = register.total
    assert [cell(monthly, present_row, 2 + days + i) for i in range(5)] == [
        str(t.present),
        str(t.absent),
        str(t.late),
        str(t.excused),
        format_rate(t.rate),
    ]
    assert monthly.rate.text().startswith(f"出勤率 {format_rate(register.rate)}")
    assert f"出勤 {t.present} 人次" in monthly.rate.text()
    assert {"√", "×", "迟", "假"} <= {cell(monthly, 0, 2 + i) for i in range(days)} | {
        cell(monthly, n, 2 + i) for n in range(len(register.rows)) for i in range(days)
    }
    assert sum(1 for d in register.days if not d.taken) >= 1


def test_class_filter_shows_one_class(window, monthly) -> None:
    year, month = last_month()
    monthly.class_box.setCurrentIndex(monthly.class_box.findData("四年级2班"))
    register = attendance.monthly_register(window.ctx, year, month, class_name="四年级2班")
    assert monthly.register is not None and monthly.register.class_name == "四年级2班"
    assert monthly.model.rowCount() == len(register.rows) + 3 == 4 + 3
    assert monthly.table.isColumnHidden(1)  # the class column says nothing for one class
    assert monthly.rate.text().startswith(f"出勤率 {format_rate(register.rate)}")


def test_print_asks_first_then_writes_the_pdf_with_the_names(qtbot, window, monthly) -> None:
    opened: list[Path] = []
    monthly.open_file = opened.append
    qtbot.mouseClick(monthly.print_button, Qt.MouseButton.LeftButton)
    assert monthly.confirm.isVisible()
    assert "个人信息" in monthly.confirm_text.text() and "10 名儿童" in monthly.confirm_text.text()
    qtbot.mouseClick(monthly.confirm_cancel, Qt.MouseButton.LeftButton)
    assert not monthly.confirm.isVisible() and opened == []
    assert not list(window.ctx.data_dir.exports.glob("*.pdf"))

    qtbot.mouseClick(monthly.print_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(monthly.confirm_ok, Qt.MouseButton.LeftButton)
    (path,) = opened
    assert path.parent == window.ctx.data_dir.exports and path.suffix == ".pdf"
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert "王子涵" in text
    assert str(path) in monthly.message.text()
    with window.ctx.db.read() as s:
        audit = s.scalars(select(AuditLog.summary).where(AuditLog.action == "print")).all()
    assert any("考勤表" in line for line in audit)


def test_export_asks_first_then_writes_the_chosen_xlsx(qtbot, window, monthly, tmp_path) -> None:
    target = tmp_path / "out" / "考勤.xlsx"
    suggested: list[Path] = []

    def choose(path: Path) -> Path:
        suggested.append(path)
        return target

    monthly.choose_file = choose
    qtbot.mouseClick(monthly.export_button, Qt.MouseButton.LeftButton)
    assert monthly.confirm.isVisible() and suggested == []
    qtbot.keyClick(monthly.confirm_ok, Qt.Key.Key_Return)
    assert suggested and suggested[0].suffix == ".xlsx"
    assert target.exists()
    sheet = load_workbook(target).active
    assert "王子涵" in [row[0] for row in sheet.iter_rows(values_only=True)]

    monthly.choose_file = lambda _path: None  # the user closed the file dialog: nothing happens
    qtbot.mouseClick(monthly.export_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(monthly.confirm_ok, Qt.MouseButton.LeftButton)
    assert str(target) in monthly.message.text()


def test_a_demo_centre_shows_the_same_totals_as_the_service(qtbot, window) -> None:
    from center_app.demo import fill_demo

    fill_demo(window.ctx)
    page = install_attendance(window)
    page.tabs.setCurrentIndex(2)
    panel = page.monthly
    qtbot.waitUntil(lambda: panel.register is not None, timeout=5000)
    today = dt.date.today()
    register = attendance.monthly_register(window.ctx, today.year, today.month)
    assert panel.register == register
    assert len(panel.register.rows) > 40
    days = len(register.days)
    totals_row = len(register.rows)
    t = register.total
    assert cell(panel, totals_row, 2 + days) == str(t.present)
    assert cell(panel, totals_row, 2 + days + 4) == format_rate(t.rate)
