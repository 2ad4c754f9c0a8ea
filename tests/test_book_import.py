"""Importing donation lists into the catalogue (the shared samples and made-up files) and exporting it again."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Sequence
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from center_app.config import DataDir
from center_app.context import Actor, open_store
from center_app.db.models import AuditLog, BookCopy, BookTitle, DonationBatch, Donor
from center_app.domain.books import TitleInput
from center_app.domain.errors import PermissionDenied, ValidationError
from center_app.importing import ImportCancelled
from center_app.services import book_import, catalog

SAMPLES = Path(__file__).resolve().parent / "data"  # copies of shared/samples, kept with the tests
SAMPLE_XLSX = SAMPLES / "donation_sample.xlsx"
SAMPLE_CSV = SAMPLES / "donation_sample_gbk.csv"

HEADER = ["书名", "作者", "出版社", "出版日期", "ISBN", "分类号", "数量", "条码", "捐赠单位"]


def make_xlsx(path: Path, rows: Sequence[Sequence[object]]) -> Path:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(list(row))
    workbook.save(path)
    return path


def counts(ctx) -> tuple[int, int, int, int, int]:
    with ctx.db.read() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(m))
            for m in (BookTitle, BookCopy, Donor, DonationBatch, AuditLog)
        )


# --- the donation lists of shared/samples ---------------------------------------------------------------------------------------


def test_sample_with_a_bad_isbn_is_refused_whole(ctx) -> None:
    preview = book_import.preview_import(ctx, SAMPLE_XLSX)
    assert preview.problems == ["第10行: ISBN 9787034131642 校验位错误"]
    assert (preview.new_titles, preview.matched_titles, preview.copies) == (29, 0, 39)
    assert preview.donors == ("王老师",)
    assert counts(ctx) == (0, 0, 0, 0, 0)  # a preview writes nothing
    with pytest.raises(ValidationError) as info:
        book_import.run_import(ctx, SAMPLE_XLSX)
    assert info.value.problems == ["第10行: ISBN 9787034131642 校验位错误"]
    assert "没有导入任何数据" in info.value.message
    assert counts(ctx) == (0, 0, 0, 0, 0)


def test_sample_skipping_the_bad_row(ctx) -> None:
    result = book_import.run_import(ctx, SAMPLE_XLSX, skip_invalid=True)
    assert (result.titles_created, result.titles_matched, result.copies_created) == (29, 0, 39)
    assert result.skipped_rows == (10,)
    assert result.donors == ("王老师",)
    assert result.barcodes == tuple(f"T{n:07d}" for n in range(1, 40))
    with ctx.db.read() as s:
        # 复本数 = 2 → two copies; the book without ISBN (row 15) is in, with no ISBN.
        xmgh = s.scalars(select(BookTitle).where(BookTitle.title == "小马过河")).one()
        assert (xmgh.isbn13, xmgh.author, xmgh.publisher) == ("9787104332183", "彭文席", "少年儿童出版社")
        assert (xmgh.title_pinyin, xmgh.title_initials) == ("xiao ma guo he", "xmgh")
        assert s.scalar(select(func.count(BookCopy.id)).where(BookCopy.title_id == xmgh.id)) == 2
        no_isbn = s.scalars(select(BookTitle).where(BookTitle.title == "乌鸦喝水（第2辑）")).one()
        assert no_isbn.isbn13 is None and no_isbn.match_key == "乌鸦喝水第2辑|伊索"
        assert s.scalar(select(func.count(BookTitle.id)).where(BookTitle.title == "孔融让梨")) == 0
        batch = s.scalars(select(DonationBatch)).one()
        assert (batch.source_file, batch.received_on) == ("donation_sample.xlsx", dt.date.today())
        assert s.get(Donor, batch.donor_id).name == "王老师"
        entry = s.scalars(select(AuditLog).where(AuditLog.action == "import")).one()
    assert entry.entity == "book_title"
    changes = json.loads(entry.changes)
    assert changes["titles_created"] == [None, 29] and changes["copies_created"] == [None, 39]
    assert changes["skipped_rows"] == [None, [10]]


def test_gbk_csv_sample_and_donor_name(ctx) -> None:
    preview = book_import.preview_import(ctx, SAMPLE_CSV)
    assert preview.ok and preview.preview.encoding == "gb18030"
    result = book_import.run_import(ctx, SAMPLE_CSV, donor_name="某基金会")
    assert (result.titles_created, result.copies_created, result.donors) == (10, 10, ("某基金会",))
    with ctx.db.read() as s:
        assert s.scalars(select(BookTitle.author).where(BookTitle.title == "数学家的故事")).one() == "李毓佩"


def test_donor_defaults_to_unknown(ctx) -> None:
    assert book_import.run_import(ctx, SAMPLE_CSV).donors == ("未注明",)


def test_reimporting_adds_copies_not_duplicates(ctx) -> None:
    book_import.run_import(ctx, SAMPLE_XLSX, skip_invalid=True)
    preview = book_import.preview_import(ctx, SAMPLE_XLSX)
    assert (preview.new_titles, preview.matched_titles, preview.copies) == (0, 29, 39)
    assert "为已有书目 29 种加复本" in preview.summary()
    # The very same file: only when the user confirms it is a second, identical donation.
    again = book_import.run_import(ctx, SAMPLE_XLSX, skip_invalid=True, again=True)
    assert (again.titles_created, again.titles_matched, again.copies_created) == (0, 29, 39)
    assert again.barcodes[0] == "T0000040"
    titles, copies, donors, batches, _ = counts(ctx)
    assert (titles, copies, donors, batches) == (29, 78, 1, 2)


# --- made-up files ---------------------------------------------------------------------------------------------


def test_title_rows_spacers_totals_quantity_and_call_numbers(ctx, tmp_path: Path) -> None:
    path = make_xlsx(
        tmp_path / "list.xlsx",
        [
            ["2026年六一爱心捐书清单"],
            [],
            HEADER,
            [
                "西游记",
                "吴承恩",
                "人民文学出版社",
                "2015年3月",
                "978-7-02-000220-7",
                "I242.4",
                "3",
                None,
                "爱心公司",
            ],
            [],
            ["草房子", "曹文轩", "江苏少儿", dt.datetime(2016, 5, 1), None, "i287.5", 2, None, None],
            ["城南旧事", "林海音", "", "2018.3", "无", "I287.5", "1册", None, "爱心公司"],
            ["合计", None, None, None, None, None, 6],
        ],
    )
    preview = book_import.preview_import(ctx, path)
    assert preview.ok and preview.preview.skipped_total_rows == [8]
    assert (preview.new_titles, preview.copies) == (3, 6)
    result = book_import.run_import(ctx, path, donor_name="王老师")
    assert result.copies_created == 6
    assert result.donors == ("爱心公司", "王老师")
    assert len(result.batch_ids) == 2
    with ctx.db.read() as s:
        rows = s.execute(
            select(BookTitle.title, BookTitle.pub_year, BookTitle.call_number).order_by(BookTitle.id)
        )
        assert rows.all() == [
            ("西游记", 2015, "I242.4/1"),
            ("草房子", 2016, "I287.5/1"),
            ("城南旧事", 2018, "I287.5/2"),
        ]


@pytest.mark.parametrize(
    ("cell", "year"),
    [("2015", 2015), (2015, 2015), ("2015.3", 2015), (2015.3, 2015), ("2015-03", 2015), ("2015年3月", 2015),
     ("2015年", 2015), ("2015/03/02", 2015), (dt.datetime(2015, 3, 2), 2015), ("201503", 2015),
     ("2015-03-02 00:00:00", 2015)],
)  # fmt: skip
def test_publication_year_spellings(ctx, tmp_path: Path, cell: object, year: int) -> None:
    path = make_xlsx(tmp_path / "y.xlsx", [["书名", "出版年"], ["西游记", cell]])
    preview = book_import.preview_import(ctx, path)
    assert preview.ok, preview.problems
    assert preview.preview.rows[0]["year"] == year


def test_row_problems_are_all_listed(ctx, tmp_path: Path) -> None:
    next_year = dt.date.today().year + 2
    path = make_xlsx(
        tmp_path / "bad.xlsx",
        [
            HEADER,
            ["好书", "", "", "2015", "9787020002208", "", 1, None, None],
            ["", "无名氏", "", "", "", "", 1, None, None],
            ["好书二", "", "", str(next_year), "", "W1", 0, None, None],
            ["好书三", "", "", "去年", "", "", 500, None, None],
            ["好书四", "", "", "", "", "", 3, "A001、A002", None],
        ],
    )
    preview = book_import.preview_import(ctx, path)
    lines = preview.problems
    assert "第2行: ISBN 9787020002208 校验位错误" in lines
    assert "第3行: “书名”不能为空" in lines
    assert any(line.startswith("第4行: 出版年") for line in lines)
    assert any(line.startswith("第4行: 分类号“W1”无效") for line in lines)
    assert any(line.startswith("第4行: “数量”不能小于 1") for line in lines)
    assert any(line.startswith("第5行: “出版年”不是有效的年份") for line in lines)
    assert any(line.startswith("第5行: “数量”不能大于 200") for line in lines)
    assert any(line.startswith("第6行: “数量”是 3，但“条码”有 2 个") for line in lines)
    assert preview.preview.bad_rows == [2, 3, 4, 5, 6]
    with pytest.raises(ValidationError) as info:
        book_import.run_import(ctx, path)
    assert len(info.value.problems) == len(lines)
    with pytest.raises(ValidationError, match="没有可以导入的行"):
        book_import.run_import(ctx, path, skip_invalid=True)
    assert counts(ctx) == (0, 0, 0, 0, 0)


def test_given_barcodes_are_kept_and_checked(ctx, tmp_path: Path) -> None:
    catalog.add_title(ctx, TitleInput("旧书"), copies=1)  # T0000001
    path = make_xlsx(
        tmp_path / "codes.xlsx",
        [
            ["书名", "条码", "数量"],
            ["甲", "A-0001", None],
            ["乙", "a-0002，a-0003", None],
            ["丙", "T0000001", None],
            ["丁", "A-0001", None],
            ["戊", "T0000050", 1],
            ["己", None, 2],
        ],
    )
    preview = book_import.preview_import(ctx, path)
    assert preview.problems == ["第4行: 条码 T0000001 已被《旧书》使用", "第5行: 条码 A-0001 与第2行重复"]
    with pytest.raises(ValidationError):
        book_import.run_import(ctx, path)
    result = book_import.run_import(ctx, path, skip_invalid=True)
    # Given barcodes stay (upper case); new ones continue after the largest number in use.
    assert result.barcodes == ("A-0001", "A-0002", "A-0003", "T0000050", "T0000051", "T0000052")
    assert result.skipped_rows == (4, 5)


def test_rows_of_one_book_make_one_title(ctx, tmp_path: Path) -> None:
    catalog.add_title(ctx, TitleInput("西游记", author="吴承恩"), copies=1)
    path = make_xlsx(
        tmp_path / "dups.xlsx",
        [
            ["书名", "作者", "ISBN", "数量"],
            ["草房子", "曹文轩", "9787534620300", 1],
            ["草房子", "曹文轩", "9787534620300", 2],
            ["《西游记》", "吴承恩", "", 1],
            ["水浒传", "施耐庵", "", 1],
            ["水浒传", "施耐庵", None, 1],
            ["另一本书", "某人", "9787534620300", 1],
        ],
    )
    preview = book_import.preview_import(ctx, path)
    assert (preview.new_titles, preview.matched_titles, preview.copies) == (2, 1, 7)
    assert preview.warnings == (
        "第7行: ISBN 9787534620300 已用于《草房子》，本行的《另一本书》将作为它的复本导入，请核对",
    )
    result = book_import.run_import(ctx, path)
    assert (result.titles_created, result.titles_matched, result.copies_created) == (2, 1, 7)
    assert counts(ctx)[:2] == (3, 8)


def _cancel_at(n: int) -> Callable[[], bool]:
    """A cancel button pressed just before the n-th check."""
    seen: list[int] = []

    def cancel() -> bool:
        seen.append(1)
        return len(seen) >= n

    return cancel


def test_cancel_writes_nothing(ctx, tmp_path: Path) -> None:
    rows = [["书名", "作者", "数量"]] + [[f"书{i}", "某人", 2] for i in range(600)]
    path = make_xlsx(tmp_path / "big.xlsx", rows)
    calls: list[int] = []

    def count_calls() -> bool:
        calls.append(1)
        return False

    book_import.preview_import(ctx, path, cancel=count_calls)
    reading = len(calls)
    calls.clear()
    progress: list[tuple[int, int]] = []
    result = book_import.run_import(
        ctx, path, cancel=count_calls, progress=lambda d, t: progress.append((d, t))
    )
    every_call = len(calls)
    assert every_call > reading + 1 and progress
    assert result.copies_created == 1200

    for stop_at in range(
        reading + 1, every_call + 1
    ):  # cancel at each check after reading, up to the very last
        other = open_store(DataDir(tmp_path / f"fresh{stop_at}").ensure(), actor=Actor.command_line())
        try:
            with pytest.raises(ImportCancelled):
                book_import.run_import(other, path, cancel=_cancel_at(stop_at))
            assert counts(other) == (0, 0, 0, 0, 0)
        finally:
            other.close()


def test_unreadable_file_is_a_message(ctx, tmp_path: Path) -> None:
    bad = tmp_path / "list.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(ValidationError, match="旧版 Excel"):
        book_import.run_import(ctx, bad)


def test_teacher_cannot_import_but_can_export(ctx, tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "l.xlsx", [["书名", "作者"], ["西游记", "吴承恩"]])
    ctx.actor = Actor("xiaoli", role="teacher")
    with pytest.raises(PermissionDenied):
        book_import.run_import(ctx, path)
    with pytest.raises(PermissionDenied):
        book_import.preview_import(ctx, path)
    assert book_import.export_books(ctx, tmp_path / "out.csv") == 0


# --- export ----------------------------------------------------------------------------------------------------


@pytest.fixture
def catalogued(ctx) -> None:
    donor = catalog.find_or_create_donor(ctx, "爱心公司")
    batch = catalog.create_batch(ctx, donor.id, dt.date(2026, 6, 1))
    catalog.add_title(
        ctx,
        TitleInput(
            "西游记", author="吴承恩", isbn="7-02-000220-X", clc="I242.4", pub_year=2015, price="25.8"
        ),
        copies=2,
        location="书架A",
        batch_id=batch.id,
    )
    catalog.add_title(ctx, TitleInput('=HYPERLINK("x")', author="某人"), copies=1)
    catalog.set_copy_status(ctx, "T0000002", "damaged")


def test_export_xlsx(ctx, catalogued, tmp_path: Path) -> None:
    target = tmp_path / "books.xlsx"
    assert book_import.export_books(ctx, target) == 3
    rows = list(openpyxl.load_workbook(target, read_only=True).active.iter_rows(values_only=True))
    assert rows[0] == book_import.EXPORT_HEADERS
    by_barcode = {r[0]: r for r in rows[1:]}
    assert by_barcode["T0000001"][1:8] == (
        "9787020002207",
        "西游记",
        "吴承恩",
        None,
        2015,
        "I242.4",
        "I242.4/1",
    )
    assert by_barcode["T0000001"][10:] == ("在馆", "书架A", "爱心公司")
    assert by_barcode["T0000002"][10] == "损坏"
    assert float(by_barcode["T0000001"][9]) == 25.8
    assert by_barcode["T0000003"][2] == '\'=HYPERLINK("x")'  # shown as text, never run
    with ctx.db.read() as s:
        assert (
            s.scalars(select(AuditLog.summary).where(AuditLog.action == "export"))
            .one()
            .startswith("导出馆藏图书 3 册")
        )


def test_export_csv_has_bom_and_reimports(ctx, catalogued, tmp_path: Path) -> None:
    target = tmp_path / "books.csv"
    assert book_import.export_books(ctx, target) == 3
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert rows[0] == list(book_import.EXPORT_HEADERS)
    assert ["T0000001", "9787020002207", "西游记"] in [r[:3] for r in rows[1:]]
    # The export is a valid import file; its barcodes are all taken here, so it is refused row by row.
    preview = book_import.preview_import(ctx, target)
    assert preview.preview.bad_rows == [2, 3, 4]
    assert all("已被" in line for line in preview.problems)


def test_export_refuses_other_suffixes(ctx, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=".xlsx 或 .csv"):
        book_import.export_books(ctx, tmp_path / "books.pdf")


def test_run_with_the_confirmed_preview_does_not_read_again(ctx, tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "l.xlsx", [["书名", "条码"], ["西游记", "B001"], ["红楼梦", "B002"]])
    preview = book_import.preview_import(ctx, path)
    assert preview.ok
    path.unlink()  # what the user confirmed is what gets imported
    # Meanwhile someone catalogued a copy with one of the file's barcodes: checked again at import time.
    title = catalog.add_title(ctx, TitleInput("水浒传"), copies=0)
    with ctx.db.session() as s:
        s.add(BookCopy(title_id=title.title_id, barcode="B002"))
    with pytest.raises(ValidationError) as info:
        book_import.run_import(ctx, path, preview=preview)
    assert info.value.problems == ["第3行: 条码 B002 已被《水浒传》使用"]
    result = book_import.run_import(ctx, path, preview=preview, skip_invalid=True)
    assert (result.titles_created, result.barcodes, result.skipped_rows) == (1, ("B001",), (3,))
    assert preview.ok  # the caller's preview is not changed


# --- the same file twice, merged cells, hidden sheets ----------------------------------------------------------


def test_the_same_file_again_is_recognised_and_refused_unless_confirmed(ctx, tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "捐赠.xlsx", [HEADER, ["西游记", "吴承恩", "", "", "", "", 2, "", "爱心书屋"]])
    first = book_import.preview_import(ctx, path)
    assert first.earlier is None
    book_import.run_import(ctx, path, preview=first)
    before = counts(ctx)

    preview = book_import.preview_import(ctx, path)
    assert preview.earlier is not None
    assert (preview.earlier.file_name, preview.earlier.rows, preview.earlier.items) == ("捐赠.xlsx", 1, 2)
    assert abs((preview.earlier.at - dt.datetime.now()).total_seconds()) < 60  # local time, not UTC
    with pytest.raises(book_import.AlreadyImported) as info:
        book_import.run_import(ctx, path, preview=preview)
    assert info.value.message == (
        f"“捐赠.xlsx”已在 {preview.earlier.when} 导入过（1 行，2 册）。再导入一次会把每一册再登记一遍，所以没有导入。"
    )
    assert counts(ctx) == before  # nothing written, not even an audit entry

    # A copy under another name is the same file; the user confirms a second identical donation.
    copy = tmp_path / "捐赠 (1).xlsx"
    copy.write_bytes(path.read_bytes())
    with pytest.raises(book_import.AlreadyImported):
        book_import.run_import(ctx, copy)
    result = book_import.run_import(ctx, copy, again=True)
    assert result.copies_created == 2 and counts(ctx)[1] == 4
    third = book_import.preview_import(ctx, path)
    assert third.earlier is not None and third.earlier.times == 2
    assert book_import.already_imported(third.earlier).endswith("（1 行，2 册，共导入过 2 次）。")
    with ctx.db.read() as s:
        entry = s.scalars(select(AuditLog).where(AuditLog.action == "import").order_by(AuditLog.id.desc())).first()
    assert "已导入过，确认再次导入" in entry.summary
    assert json.loads(entry.changes)["sha256"][1] == third.preview.sha256


def test_a_changed_file_is_a_new_file(ctx, tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "a.xlsx", [["书名"], ["西游记"]])
    book_import.run_import(ctx, path)
    make_xlsx(path, [["书名"], ["西游记"], ["水浒传"]])
    assert book_import.preview_import(ctx, path).earlier is None


def test_a_merged_donor_cell_gives_every_row_its_donor(ctx, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.append(["古楼村儿童之家 捐赠图书清单"])
    ws.append(["书名", "作者", "数量", "捐赠方"])
    ws.append(["小马过河", "彭文席", 1, "县图书馆"])
    for title in ("西游记", "水浒传", "红楼梦", "三国演义"):
        ws.append([title, "某人", 1, None])
    ws.append(["雷雨", "曹禺", 2, "王老师"])
    ws.merge_cells("D3:D7")
    path = tmp_path / "merged.xlsx"
    workbook.save(path)
    preview = book_import.preview_import(ctx, path)
    assert preview.donors == ("县图书馆", "王老师")  # not 未注明 for rows 4–7
    assert "第3–7行的“捐赠方”是合并单元格，已按合并的值填入每一行" in preview.warnings
    result = book_import.run_import(ctx, path, preview=preview)
    assert result.donors == ("县图书馆", "王老师")
    with ctx.db.read() as s:
        by_donor = dict(
            s.execute(
                select(Donor.name, func.count(BookCopy.id))
                .join(DonationBatch, DonationBatch.donor_id == Donor.id)
                .join(BookCopy, BookCopy.batch_id == DonationBatch.id)
                .group_by(Donor.name)
            ).all()
        )
    assert by_donor == {"县图书馆": 5, "王老师": 2}


def test_the_preview_names_a_hidden_sheet_it_did_not_read(ctx, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    hidden = workbook.active
    hidden.title = "去年"
    hidden.append(["书名", "数量"])
    hidden.append(["旧书", 50])
    hidden.sheet_state = "hidden"
    this_year = workbook.create_sheet("今年")
    this_year.append(["书名", "数量"])
    this_year.append(["新书", 1])
    workbook.active = 1
    path = tmp_path / "两年.xlsx"
    workbook.save(path)
    preview = book_import.preview_import(ctx, path)
    assert preview.preview.sheet_name == "今年" and preview.copies == 1
    assert any("“去年”（隐藏）也有内容，没有读取" in w for w in preview.warnings)
