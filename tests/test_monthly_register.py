"""The printed monthly register: A4 landscape, fonts embedded, the service's figures on paper, header repeated on
every page of a long register."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from center_app.context import AppContext
from center_app.db.models import AuditLog
from center_app.domain.attendance import format_rate
from center_app.domain.errors import ValidationError
from center_app.reports.monthly_register import monthly_register_pdf
from center_app.services import attendance as att
from center_app.services.attendance import MarkInput
from center_app.services.settings import CentreInfo, save_centre
from tests.reports import TextItem, assert_a4, assert_fonts_embedded, text_items
from tests.test_attendance import _small_month, add_child

CENTRE = "古楼村儿童之家"
D = dt.date


def _page_lines(page: object) -> list[str]:
    """The page's printed lines, top to bottom. Cells on one table row may sit a fraction of a point apart (a
    paragraph cell beside plain ones), so baselines within 2 pt are one line (table rows are ~15 pt apart)."""
    rows: list[tuple[float, list[TextItem]]] = []
    for item in sorted(text_items(page), key=lambda i: -i.y):
        if rows and rows[-1][0] - item.y < 2:
            rows[-1][1].append(item)
        else:
            rows.append((item.y, [item]))
    return [" ".join(i.text for i in sorted(items, key=lambda i: i.x)) for _, items in rows]


def _lines(reader: PdfReader) -> list[str]:
    return [line for page in reader.pages for line in _page_lines(page)]


def _child_line(lines: list[str], name: str) -> str:
    """A child's row, without its 序号 (which comes first): ``王子涵 三年级1班 √ …``."""
    for line in lines:
        number, _, rest = line.partition(" ")
        if number.isdigit() and rest.startswith(name):
            return rest
    raise AssertionError(f"no row for {name}")


def _compact(text: str) -> str:
    return text.replace(" ", "").replace("\u3000", "").replace("\n", "")


def test_the_register_prints_on_a4_landscape_with_the_service_figures(
    ctx: AppContext, tmp_path: Path
) -> None:
    _small_month(ctx)
    reg = att.monthly_register(ctx, 2026, 11)
    reader = PdfReader(
        monthly_register_pdf(tmp_path / "考勤.pdf", reg, centre_name=CENTRE, printed_on=D(2026, 11, 30))
    )
    assert len(reader.pages) == 1
    assert_a4(reader, landscape=True)
    assert_fonts_embedded(reader)
    text = reader.pages[0].extract_text()
    assert "2026年11月考勤表" in _compact(text) and CENTRE in text and "第 1 页 / 共 1 页" in text
    assert "√出勤×缺勤迟迟到假请假空白=未点名" in _compact(text)

    lines = _lines(reader)
    # Day numbers and weekday letters: 2 (Mon) … 30 (Mon), 15 Nov (a Sunday event day) included, 11 Nov not.
    days = next(line for line in lines if line.startswith("2 3 4"))
    assert " 10 12 " in days and " 15 " in days and days.endswith(" 30")
    assert "序号 姓名 班级 出勤 缺勤 迟到 请假 出勤率" in lines  # centred over the two header rows
    names = {row.name for row in reg.rows}
    numbers = [int(line.split()[0]) for line in lines if len(line.split()) > 1 and line.split()[1] in names]
    assert numbers == list(range(1, len(reg.rows) + 1))  # 序号 1…n, in register order
    assert next(line for line in lines if line.startswith("一 二 三 四 五 六 一 二 四"))
    for row in reg.rows:  # each child's line ends with the service's totals
        t = row.tally
        line = _child_line(lines, row.name)
        assert line.endswith(f"{t.present} {t.absent} {t.late} {t.excused} {format_rate(t.rate)}"), line
    wang = _child_line(lines, "王子涵")
    assert _compact(wang).startswith("王子涵三年级1班√迟√假√")
    present = next(line for line in lines if line.startswith("出勤人数"))
    assert (
        present.split()[1:]
        == [str(d.tally.present) for d in reg.days if d.taken]
        == ["2", "1", "2", "1", "3"]
    )
    absent = next(line for line in lines if line.startswith("缺勤人数"))
    assert absent.split()[1:] == [str(d.tally.absent) for d in reg.days if d.taken]
    total = next(line for line in lines if line.startswith("合计"))
    assert total.endswith("9 3 1 2 75%") and "开放 25 天，已点名 5 天" in total
    assert "总出勤率 75%" in text


def test_a_long_register_repeats_its_header_on_every_page(ctx: AppContext, tmp_path: Path) -> None:
    kids = [add_child(ctx, f"儿童{i:02d}", f"{1 + i % 3}年级1班", grade=1 + i % 3) for i in range(90)]
    for day in (2, 3, 4):
        att.save_marks(ctx, D(2026, 11, day), None, [MarkInput(k, "A" if k % 7 == 0 else "P") for k in kids])
    reg = att.monthly_register(ctx, 2026, 11)
    reader = PdfReader(monthly_register_pdf(tmp_path / "long.pdf", reg, centre_name=CENTRE))
    pages = len(reader.pages)
    assert pages >= 3
    assert_a4(reader, landscape=True)
    for number, page in enumerate(reader.pages, start=1):
        lines = _page_lines(page)
        assert "序号 姓名 班级 出勤 缺勤 迟到 请假 出勤率" in lines and any(
            line.startswith("2 3 4") for line in lines
        ), number
        assert f"第 {number} 页 / 共 {pages} 页" in page.extract_text()
    rows = [line.split(" ", 1) for line in _lines(reader) if " 儿童" in line and line.split()[0].isdigit()]
    assert [_compact(rest)[:4] for _, rest in rows] == [r.name for r in reg.rows]  # every child once, in order
    assert [int(n) for n, _ in rows] == list(range(1, len(reg.rows) + 1))
    last = _page_lines(reader.pages[-1])
    on_last = [line for line in last if " 儿童" in line and line.split()[0].isdigit()]
    assert len(on_last) >= 2 and any(line.startswith("合计") for line in last)  # no child alone with the totals
    assert any(line.startswith("合计") and line.endswith(format_rate(reg.rate)) for line in _lines(reader))


def test_one_class_register_has_no_class_column_and_empty_is_refused(ctx: AppContext, tmp_path: Path) -> None:
    _small_month(ctx)
    reg = att.monthly_register(ctx, 2026, 11, class_name="三年级1班")
    reader = PdfReader(monthly_register_pdf(tmp_path / "class.pdf", reg, centre_name=CENTRE))
    lines = _lines(reader)
    assert next(line for line in lines if line.startswith("序号")).split()[2] == "出勤"  # no class column
    assert "2026年11月考勤表（三年级1班）" in _compact(reader.pages[0].extract_text())
    assert _child_line(lines, "李明").split()[1:3] == ["×", "×"]
    with pytest.raises(ValidationError, match="没有可以打印的儿童"):
        monthly_register_pdf(
            tmp_path / "none.pdf",
            att.monthly_register(ctx, 2026, 11, class_name="九年级"),
            centre_name=CENTRE,
        )
    assert not (tmp_path / "none.pdf").exists()


def test_printing_through_the_service_uses_the_centre_name_and_is_audited(
    ctx: AppContext, tmp_path: Path
) -> None:
    save_centre(ctx, CentreInfo(name=CENTRE))
    _small_month(ctx)
    reg = att.monthly_register(ctx, 2026, 11)
    path = att.write_monthly_register_pdf(ctx, reg, tmp_path / "out" / "考勤.pdf")
    assert CENTRE in PdfReader(path).pages[0].extract_text()
    with ctx.db.read() as s:
        entry = s.scalars(
            select(AuditLog).where(AuditLog.entity == "child", AuditLog.action == "print")
        ).one()
    assert "打印2026年11月 考勤表：3 名儿童" in entry.summary
