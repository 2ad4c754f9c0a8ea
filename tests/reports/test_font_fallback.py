"""Font safety: a rare character of a name (𠮷, CJK Extension B; 赟) prints with a real glyph, never a box or a blank.

Three proofs: the runs pick a font that has each character; every character shown in the PDF (read from the content
stream: the font selected, the code shown, what the code stands for) is in the cmap of the font it is shown in, so
no ``.notdef`` glyph is drawn; and the page rendered to an image (poppler's pdftoppm)
has ink where 𠮷 is — and none where the same page without the fallback has it — that differs from the box a
``.notdef`` glyph draws.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from center_app.context import AppContext
from center_app.reports import fonts
from center_app.reports.page import A4_PORTRAIT, build_canvas_pdf, build_pdf, data_table, para, styles
from tests.reports import all_text, assert_fonts_embedded, font_report

NAME = "王𠮷 李赟"


def test_each_character_goes_to_a_font_that_has_it() -> None:
    assert fonts.runs(NAME) == (("CJK", "王"), ("CJK-Han", "𠮷"), ("CJK", " 李赟"))
    assert fonts.font_for("赟") == fonts.CJK  # in Droid already
    assert fonts.font_for("𠮷") == fonts.FALLBACK
    assert fonts.font_for("7") == fonts.LATIN
    assert fonts.missing(NAME + "12") == ""
    # A space after a fallback run is not drawn in the fallback font (it has no space).
    assert fonts.runs("𠮷 A") == (("CJK-Han", "𠮷"), ("CJK", " "), ("CJK-Latin", "A"))
    assert fonts.markup("𠮷<") == '<font face="CJK-Han">𠮷</font><font face="CJK-Latin">&lt;</font>'


def test_a_character_no_font_has_prints_as_the_missing_mark_and_invisible_ones_vanish(
    caplog: pytest.LogCaptureFixture,
) -> None:
    assert fonts.missing("小明😀") == "😀"
    assert fonts.runs("小明😀") == (("CJK", "小明〓"),)
    # A variation selector and a zero-width joiner only shape the character before them: nothing to print.
    assert fonts.runs("葛\U000e0100\u200d") == (("CJK", "葛"),)
    assert fonts.missing("葛\U000e0100\u200d") == ""


def test_without_the_fallback_file_a_rare_character_prints_as_the_mark(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    saved = fonts._cmaps.pop(fonts.FALLBACK, None)
    monkeypatch.setattr(fonts, "fallback_font_path", lambda: tmp_path / "HanFallback.ttf")
    fonts.runs.cache_clear()
    try:
        assert fonts.runs("王𠮷") == (
            ("CJK", "王〓"),
        )  # the report still prints; the log says the file is missing
    finally:
        fonts._cmaps.pop(fonts.FALLBACK, None)
        if saved is not None:
            fonts._cmaps[fonts.FALLBACK] = saved
        fonts.runs.cache_clear()


FONT_FILES = {
    "DroidSansFallback": "DroidSansFallbackFull.ttf",
    "BitstreamVeraSans-Roman": "Vera.ttf",
    "CenterHanFallback-Regular": "HanFallback.ttf",
}


def _to_unicode(font: Any) -> dict[int, str]:
    """Code → text of a font's ToUnicode map (``<01> <D842DFB7>``: UTF-16BE)."""
    data = font["/ToUnicode"].get_object().get_data().decode("ascii")
    pairs = re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", data.split("beginbfchar", 1)[1])
    return {int(code, 16): bytes.fromhex(text).decode("utf-16-be") for code, text in pairs}


def _shown_characters(path: Path) -> Iterator[tuple[str, str]]:
    """(font file, character) of every character shown on every page: the font selected (Tf) when it was shown
    (Tj/TJ), and the character its code stands for in that font's ToUnicode map."""
    reader = PdfReader(path)
    for page in reader.pages:
        fonts_on_page: dict[str, tuple[str, dict[int, str]]] = {}
        for key, ref in page["/Resources"].get_object()["/Font"].get_object().items():
            font = ref.get_object()
            base = str(font["/BaseFont"]).split("+", 1)[-1]
            fonts_on_page[key] = (FONT_FILES[base], _to_unicode(font))
        current = ""
        for operands, op in ContentStream(page.get_contents(), reader).operations:
            if op == b"Tf":
                current = str(operands[0])
            elif op in (b"Tj", b"TJ"):
                file, chars = fonts_on_page[current]
                for piece in operands[0] if op == b"TJ" else [operands[0]]:
                    if isinstance(piece, str | bytes):
                        for code in bytes(getattr(piece, "original_bytes", piece)):
                            yield file, chars[code]


def _font_has(file: str, char: str) -> bool:
    from reportlab.pdfbase.ttfonts import TTFont

    from center_app.config import resource_path

    path = resource_path("fonts", file)
    if not path.is_file():  # Vera comes with ReportLab
        import reportlab

        path = Path(reportlab.__file__).parent / "fonts" / file
    if file not in _CMAPS:
        _CMAPS[file] = set(TTFont(file, str(path)).face.charToGlyph)
    return ord(char) in _CMAPS[file]


_CMAPS: dict[str, set[int]] = {}


def _not_in_their_font(path: Path) -> list[tuple[str, str]]:
    """Characters shown in a font that lacks them. ReportLab shows such a character as code 0 of the font's subset,
    its ``.notdef`` slot, which the ToUnicode map gives as U+0000."""
    return [
        (file, char)
        for file, char in _shown_characters(path)
        if char == "\x00" or (char != " " and not _font_has(file, char))
    ]


def _rare_story() -> list:
    s = styles()
    return [
        para(f"学员：{NAME}", s.title),
        para(f"{NAME}（三年级2班）本月到中心 12 天。", s.body),
        data_table(["姓名", "班级"], [["王𠮷", "三年级2班"], ["李赟", "四年级1班"]]),
    ]


def test_every_character_shown_is_in_the_font_it_is_shown_in(tmp_path: Path) -> None:
    path = build_pdf(tmp_path / "r.pdf", _rare_story(), title="点名册", centre_name="古楼村儿童之家")
    shown = list(_shown_characters(path))
    assert ("HanFallback.ttf", "𠮷") in shown and ("DroidSansFallbackFull.ttf", "赟") in shown
    assert not _not_in_their_font(path), "shown in a font without the glyph: .notdef"
    assert_fonts_embedded(PdfReader(path))
    assert all(font_report(PdfReader(path)).values())
    text = all_text(path)
    # ReportLab's ToUnicode map is fixed for characters beyond U+FFFF, so 𠮷 can be searched and copied.
    assert "王𠮷" in text and "李赟" in text


def test_the_check_sees_notdef_where_plain_reportlab_would_print_it(tmp_path: Path) -> None:
    from reportlab.platypus import Paragraph

    # What ReportLab does with the name given as it is: the whole text in the paragraph's (CJK) font.
    naive = Paragraph(NAME, styles().body)
    path = build_pdf(tmp_path / "r.pdf", [naive], title="点名册", centre_name="古楼村儿童之家")
    # What the test above guards against: 𠮷 shown as Droid's .notdef.
    assert _not_in_their_font(path) == [("DroidSansFallbackFull.ttf", "\x00")]


# --- rendered to an image -------------------------------------------------------------------------------------

SIZE = 96.0
CELLS = {"𠮷": 60.0, "赟": 240.0, "box": 420.0}  # left edges of three glyph cells on one line
BASELINE = 650.0
DPI = 36


def _draw(canvas: object) -> None:
    fonts.draw_string(canvas, CELLS["𠮷"], BASELINE, "𠮷", SIZE)  # type: ignore[arg-type]
    fonts.draw_string(canvas, CELLS["赟"], BASELINE, "赟", SIZE)  # type: ignore[arg-type]
    # The fallback font's own .notdef glyph (a private-use code it lacks): what a failed look-up would print.
    fonts.font_for("𠮷")  # registers the fallback font
    canvas.setFont(fonts.FALLBACK, SIZE)  # type: ignore[attr-defined]
    canvas.drawString(CELLS["box"], BASELINE, "\ue000")  # type: ignore[attr-defined]
    canvas.showPage()  # type: ignore[attr-defined]


def _render(path: Path) -> object:
    from PIL import Image

    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed (Debian: apt-get install poppler-utils)")
    prefix = path.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-gray", "-png", "-singlefile", str(path), str(prefix)], check=True
    )
    return Image.open(prefix.with_suffix(".png")).convert("L")


def _cell(image: object, name: str) -> list[int]:
    """The pixels (0 black … 255 white) of a glyph cell: SIZE points wide, from the baseline up."""
    scale = DPI / 72
    height = A4_PORTRAIT[1]
    left, top = CELLS[name] * scale, (height - BASELINE - SIZE * 0.9) * scale
    box = (int(left), int(top), int(left + SIZE * scale), int((height - BASELINE + SIZE * 0.15) * scale))
    return list(image.crop(box).get_flattened_data())  # type: ignore[attr-defined]


def _ink(pixels: list[int]) -> int:
    return sum(1 for p in pixels if p < 128)


def test_the_rendered_page_shows_the_rare_character_not_a_box(tmp_path: Path) -> None:
    path = build_canvas_pdf(tmp_path / "rare.pdf", _draw, title="生僻字", centre_name="古楼村儿童之家")
    image = _render(path)
    rare, common, box = (_cell(image, name) for name in ("𠮷", "赟", "box"))
    assert _ink(common) > 150, "赟 did not print"
    assert _ink(box) > 50, (
        "the .notdef box of the reference did not print: the comparison would prove nothing"
    )
    assert _ink(rare) > 150, "𠮷 printed blank"
    differing = sum(1 for a, b in zip(rare, box, strict=True) if (a < 128) != (b < 128))
    assert differing > _ink(box) // 2, "𠮷 printed as the .notdef box"


def test_the_rendered_page_drawn_naively_is_blank_where_the_character_is(tmp_path: Path) -> None:
    def draw(canvas: object) -> None:
        # Plain ReportLab: the text in the CJK font, as a report without the per-character runs would draw it.
        canvas.setFont(fonts.CJK, SIZE)  # type: ignore[attr-defined]
        canvas.drawString(CELLS["𠮷"], BASELINE, "𠮷")  # type: ignore[attr-defined]
        canvas.drawString(CELLS["赟"], BASELINE, "赟")  # type: ignore[attr-defined]
        canvas.showPage()  # type: ignore[attr-defined]

    path = build_canvas_pdf(tmp_path / "rare.pdf", draw, title="生僻字", centre_name="古楼村儿童之家")
    image = _render(path)
    assert _ink(_cell(image, "赟")) > 150
    assert _ink(_cell(image, "𠮷")) < 5  # Droid's .notdef is empty: the name would silently lose a character


# --- every report draws its text the same way -------------------------------------------------------------------

RARE = "𠮷"
DAY = dt.date(2026, 11, 29)
CENTRE = "古楼村儿童之家"


def _cards(path: Path, _ctx: AppContext) -> None:
    from center_app.reports.cards import LibraryCard, library_cards_pdf

    library_cards_pdf(path, [LibraryCard(f"王{RARE}", "三年级2班", "C2026001")], centre_name=CENTRE)


def _spine_labels(path: Path, _ctx: AppContext) -> None:
    from center_app.domain.label_grid import SPINE_24
    from center_app.reports.labels import SpineLabel, spine_labels_pdf

    label = SpineLabel(f"{RARE}祥如意", "I287/12", "T0000001", "I", "#D32F2F")
    spine_labels_pdf(path, [label], SPINE_24, centre_name=CENTRE)


def _asset_labels(path: Path, _ctx: AppContext) -> None:
    from center_app.domain.label_grid import SPINE_24
    from center_app.reports.asset_labels import AssetLabel, asset_labels_pdf

    asset_labels_pdf(
        path, [AssetLabel(f"{RARE}他（木）", "E000123", "器材室A柜")], SPINE_24, centre_name=CENTRE
    )


def _overdue_slips(path: Path, _ctx: AppContext) -> None:
    from center_app.reports.overdue_slips import OverdueSlip, overdue_slips_pdf

    slip = OverdueSlip(f"王{RARE}", "三年级2班", f"王{RARE}的奶奶", [("西游记", "T0000001", DAY, 3)])
    overdue_slips_pdf(path, [slip], centre_name=CENTRE, centre_phone="0774-1234567", today=DAY)


def _timetable(path: Path, _ctx: AppContext) -> None:
    from center_app.reports.timetable import GridRow, TimetableSheet, timetable_pdf

    sheet = TimetableSheet(
        f"暑期课表 · 李{RARE}", "每周", ("周一",), (GridRow("上午一", ((f"绘本共读\n李{RARE}",),)),)
    )
    timetable_pdf(path, [sheet], title="暑期课表", centre_name=CENTRE)


def _stocktake(path: Path, _ctx: AppContext) -> None:
    from center_app.reports.stocktake import StocktakeSheet, stocktake_pdf

    headers = ("结果", "名称", "编号", "存放位置", "应有", "清点", "差数", "单位", "说明")
    sheet = StocktakeSheet(
        "盘点结果", "已清点 1 / 1", headers, [["找到", f"{RARE}他", "E000123", "A柜", 1, 1, 0, "把", ""]]
    )
    stocktake_pdf(path, sheet, centre_name=CENTRE)


def _monthly_register(path: Path, ctx: AppContext) -> None:
    from center_app.domain.children import ChildInput
    from center_app.services import attendance, children

    child = children.create_child(ctx, ChildInput(f"王{RARE}", grade=3, class_name="三年级2班")).id
    attendance.save_attendance_settings(
        ctx, attendance.AttendanceSettings(open_weekdays=(1, 2, 3, 4, 5, 6, 7))
    )
    yesterday = dt.date.today() - dt.timedelta(days=1)
    attendance.save_marks(ctx, yesterday, None, [attendance.MarkInput(child, "P")])
    register = attendance.monthly_register(ctx, yesterday.year, yesterday.month)
    attendance.write_monthly_register_pdf(ctx, register, path)


def _certificate(path: Path, ctx: AppContext) -> None:
    from center_app.services import volunteers
    from center_app.services.volunteers import SessionInput, VolunteerInput

    person = volunteers.create_volunteer(ctx, VolunteerInput(f"李{RARE}", organisation="广西师范大学")).id
    held = dt.date.today() - dt.timedelta(days=dt.date.today().weekday() + 7)  # last week's Monday
    programme = volunteers.create_programme(ctx, "暑期", "summer", held, held + dt.timedelta(days=27)).id
    session = volunteers.save_session(
        ctx, SessionInput(programme, "绘本共读", "08:30", "10:00", weekday=1, volunteer_ids=(person,))
    ).session.id
    volunteers.approve_hours(ctx, [volunteers.confirm_planned(ctx, session, held)[0].id])
    issued = volunteers.issue_certificate(ctx, person, held, held + dt.timedelta(days=6))
    volunteers.write_certificate_pdf(ctx, issued.id, path)


def _summary(path: Path, _ctx: AppContext) -> None:
    from center_app.reports.summary import layout_pdf
    from center_app.services.reports import Chart, Figure, ReportLayout, ReportTable, Section

    section = Section(
        "一、捐赠概况",
        figures=(Figure("捐赠方", f"{RARE}祥公益"),),
        charts=(Chart("各类活动", "bar", (f"{RARE}祥", "阅读"), (3.0, 5.0), unit="次"),),
        tables=(ReportTable("图书", ("书名", "册数"), ((f"{RARE}祥的故事", 2),), numeric=(1,)),),
    )
    layout_pdf(path, ReportLayout(f"捐赠报告：{RARE}祥公益", "2026年", CENTRE, (section,)))


REPORTS = {
    "library cards": _cards,
    "spine labels": _spine_labels,
    "asset labels": _asset_labels,
    "overdue slips": _overdue_slips,
    "timetable": _timetable,
    "stocktake": _stocktake,
    "monthly register": _monthly_register,
    "certificate": _certificate,
    "monthly/donor/programme reports": _summary,
}


@pytest.mark.parametrize("kind", sorted(REPORTS))
def test_every_report_prints_a_rare_character_from_the_fallback(
    kind: str, ctx: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / f"{kind}.pdf"
    REPORTS[kind](path, ctx)
    shown = list(_shown_characters(path))
    assert ("HanFallback.ttf", RARE) in shown, f"{kind}: 𠮷 not drawn from the Han fallback"
    assert not _not_in_their_font(path), f"{kind}: a character shown in a font without it"
