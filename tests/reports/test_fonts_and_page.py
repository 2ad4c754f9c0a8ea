"""The shared page: fonts embedded, A4, header/footer with "第 N 页 / 共 M 页", atomic writing."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from center_app.domain.errors import ValidationError
from center_app.reports import fonts
from center_app.reports.page import build_pdf, data_table, format_date, para, styles
from tests.reports import all_text, assert_a4, assert_fonts_embedded, font_report, text_items

CENTRE = "古楼村留守儿童关爱活动中心"
DAY = dt.date(2026, 11, 29)


def _story(rows: int = 60) -> list:
    s = styles()
    table_rows = [[f"西游记（第{i}册）", f"ISBN 978-7-02-000220-{i}", i] for i in range(1, rows + 1)]
    return [
        para("2026年11月 借阅统计", s.title),
        para("本月共借出图书 60 册。", s.body),
        data_table(["书名", "ISBN", "册数"], table_rows, weights=[3, 3, 1], numeric=[2]),
    ]


def test_register_returns_the_cjk_name_once() -> None:
    from reportlab.pdfbase import pdfmetrics

    assert fonts.register() == "CJK"
    assert fonts.register() == "CJK"
    assert pdfmetrics.getFont("CJK").face.name  # registered with ReportLab


def test_latin_runs_use_the_latin_companion() -> None:
    # The bundled CJK font has no Latin glyphs, so digits and letters must go to the Latin font.
    assert fonts.runs("第 12 页") == (("CJK", "第 "), ("CJK-Latin", "12 "), ("CJK", "页"))
    assert fonts.runs("I287.5/12") == (("CJK-Latin", "I287.5/12"),)
    assert (
        fonts.markup("A&B 书<")
        == '<font face="CJK-Latin">A&amp;B </font>书<font face="CJK-Latin">&lt;</font>'
    )


def test_fit_text_ellipsises_to_the_width() -> None:
    title = "十万个为什么（少儿彩图版）第三册 动物世界的秘密"
    short = fonts.fit_text(title, 10, 60)
    assert short.endswith("…") and len(short) < len(title)
    assert fonts.string_width(short, 10) <= 60
    assert fonts.fit_text("西游记", 10, 60) == "西游记"
    assert fonts.fit_size("I287.45/1234", 20, 40) < 20


def test_format_date_is_written_the_chinese_way() -> None:
    assert format_date(dt.date(2026, 11, 29)) == "2026年11月29日"
    assert format_date(dt.date(2026, 1, 5)) == "2026年1月5日"


def test_report_is_a4_with_embedded_fonts_and_page_numbers(tmp_path: Path) -> None:
    path = build_pdf(
        tmp_path / "report.pdf", _story(), title="月度借阅统计", centre_name=CENTRE, printed_on=DAY
    )
    reader = PdfReader(path)
    assert len(reader.pages) == 2
    assert_a4(reader)
    assert_fonts_embedded(reader)
    text = all_text(path)
    for expected in ("2026年11月 借阅统计", "西游记（第60册）", "978-7-02-000220-60", CENTRE, "月度借阅统计"):
        assert expected in text
    first, second = (page.extract_text() for page in reader.pages)
    assert "第 1 页 / 共 2 页" in first and "第 2 页 / 共 2 页" in second
    assert "打印日期：2026年11月29日" in first
    assert "书名" in second  # the table's header row repeats on the next page
    assert reader.metadata.title == "月度借阅统计"
    assert reader.metadata.author == CENTRE


def test_no_font_outside_the_embedded_ones(tmp_path: Path) -> None:
    path = build_pdf(tmp_path / "r.pdf", _story(5), title="t", centre_name=CENTRE, printed_on=DAY)
    names = font_report(PdfReader(path))
    assert all(embedded for embedded in names.values()), names
    assert not any("Helvetica" in name for name in names)


def test_landscape_swaps_the_page(tmp_path: Path) -> None:
    path = build_pdf(tmp_path / "wide.pdf", _story(10), title="宽表", centre_name=CENTRE, landscape=True)
    reader = PdfReader(path)
    assert_a4(reader, landscape=True)
    assert "第 1 页 / 共 1 页" in reader.pages[0].extract_text()
    # The table spreads over the wider frame (column widths are shares of the frame, not of a portrait page).
    header_x = {item.text: item.x for item in text_items(reader.pages[0])}
    assert header_x["册数"] > 595.28 - 15 * 72 / 25.4


def test_pdfs_ask_to_print_at_actual_size_with_their_title(tmp_path: Path) -> None:
    path = build_pdf(tmp_path / "r.pdf", _story(3), title="月度借阅统计", centre_name=CENTRE)
    prefs = PdfReader(path).trailer["/Root"]["/ViewerPreferences"]
    assert prefs["/PrintScaling"] == "/None"
    assert prefs["/DisplayDocTitle"] is True or str(prefs["/DisplayDocTitle"]).lower() == "true"


def test_ink_stays_inside_the_printable_margins(tmp_path: Path) -> None:
    path = build_pdf(tmp_path / "r.pdf", _story(), title="月度借阅统计", centre_name=CENTRE, printed_on=DAY)
    for page in PdfReader(path).pages:
        for item in text_items(page):
            assert 12 * 72 / 25.4 <= item.x <= 595.28 - 12 * 72 / 25.4, item
            assert 12 * 72 / 25.4 <= item.y <= 841.89 - 12 * 72 / 25.4, item


def test_failed_build_leaves_no_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    from reportlab.platypus import Flowable

    class Broken(Flowable):
        def wrap(self, *_args: object) -> tuple[float, float]:
            return (10, 10)

        def draw(self) -> None:
            raise RuntimeError("boom")

    target = tmp_path / "out.pdf"
    with pytest.raises(RuntimeError):
        build_pdf(target, [para("第一段"), Broken()], title="t", centre_name=CENTRE)
    assert list(tmp_path.iterdir()) == []

    target.write_bytes(b"old report")
    with pytest.raises(RuntimeError):
        build_pdf(target, [Broken()], title="t", centre_name=CENTRE)
    assert target.read_bytes() == b"old report"
    assert list(tmp_path.iterdir()) == [target]


def test_empty_story_is_refused_in_chinese(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="没有可以打印的内容"):
        build_pdf(tmp_path / "x.pdf", [], title="t", centre_name=CENTRE)
    assert not (tmp_path / "x.pdf").exists()


def test_reports_do_not_import_reportlab_until_a_pdf_is_built() -> None:
    code = (
        "import sys\n"
        "import center_app.reports, center_app.reports.labels, center_app.reports.cards\n"
        "import center_app.reports.overdue_slips, center_app.reports.fonts, center_app.domain.label_grid\n"
        "assert not [m for m in sys.modules if m.startswith('reportlab')], 'reportlab imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[2])
