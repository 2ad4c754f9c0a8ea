"""Reading real files: the shared samples, encodings, delimiters, title rows, totals, formulas, broken files."""

from __future__ import annotations

import codecs
import datetime as dt
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest

from center_app.domain.errors import ValidationError
from center_app.importing import (
    Column,
    Date,
    ImportCancelled,
    ImportPreview,
    Integer,
    Schema,
    read_table,
)
from center_app.importing import reader as reader_module

SAMPLES = Path(__file__).resolve().parents[1] / "data"  # copies of shared/samples, kept with the tests


def books_schema(**kwargs: object) -> Schema:
    return Schema(
        [
            Column("title", "书名", ["题名", "图书名称", "title"], required=True),
            Column("author", "作者", ["著者", "责任者", "author"]),
            Column("publisher", "出版社", ["出版单位", "publisher"]),
            Column("isbn", "ISBN", ["ISBN号", "isbn"]),
            Column(
                "quantity", "数量", ["册数", "复本数", "quantity", "qty"], parser=Integer(1, 1000), default=1
            ),
            Column("published", "出版日期", ["出版时间", "published"], parser=Date()),
            Column("barcode", "条码", ["登录号", "barcode"]),
        ],
        **kwargs,  # type: ignore[arg-type]
    )


def make_xlsx(path: Path, rows: Sequence[Sequence[object]], *, title: str = "Sheet1") -> Path:
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = title
    for row in rows:
        ws.append(list(row))
    workbook.save(path)
    return path


def patch_sheet_xml(path: Path, edit: object) -> None:
    """Rewrite xl/worksheets/sheet1.xml with ``edit(xml) -> xml`` (openpyxl cannot write cached formula values)."""
    with zipfile.ZipFile(path) as archive:
        members = {info: archive.read(info) for info in archive.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members.items():
            if info.filename == "xl/worksheets/sheet1.xml":
                data = edit(data.decode()).encode()  # type: ignore[operator]
            archive.writestr(info, data)


def cache_formula(path: Path, ref: str, value: str, *, type_: str | None = None) -> None:
    def edit(xml: str) -> str:
        t = f' t="{type_}"' if type_ else ""
        pattern = rf'<c r="{ref}"(?: t="\w+")?>(<f>.*?</f>)<v\s*/>'
        new, count = re.subn(pattern, rf'<c r="{ref}"{t}>\1<v>{value}</v>', xml)
        assert count == 1, xml
        return new

    patch_sheet_xml(path, edit)


def write_csv_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def titles(preview: ImportPreview) -> list[str]:
    return [r.values["title"] for r in preview.rows]


def numbers(preview: ImportPreview) -> list[int]:
    return [r.row for r in preview.rows]


# ------------------------------------------------------------------------- the donation lists of shared/samples


def test_sample_xlsx() -> None:
    sample = SAMPLES / "donation_sample.xlsx"
    preview = read_table(sample, books_schema())
    assert preview.ok, preview.problem_lines()
    assert (preview.sheet_name, preview.header_row) == ("Sheet1", 2)
    assert numbers(preview) == list(range(3, 33))
    first = preview.rows[0].values
    assert (
        first["title"] == "小马过河"
        and first["author"] == "彭文席"
        and first["publisher"] == "少年儿童出版社"
    )
    assert first["quantity"] == 2 and first["isbn"] == "9787104332183"
    no_isbn = next(r for r in preview.rows if r.row == 15)
    assert no_isbn.values["title"] == "乌鸦喝水（第2辑）" and no_isbn.values["isbn"] is None
    assert sum(r.values["quantity"] for r in preview.rows) == 40
    assert preview.columns["quantity"] == "复本数" and preview.columns["isbn"] == "ISBN号"
    assert preview.ignored_columns == ["编号", "捐赠人"]


def test_sample_gbk_csv() -> None:
    sample = SAMPLES / "donation_sample_gbk.csv"
    preview = read_table(sample, books_schema())
    assert preview.ok, preview.problem_lines()
    assert preview.encoding == "gb18030" and preview.delimiter == ","
    assert preview.header_row == 1 and preview.sheet_name == ""
    assert numbers(preview) == list(range(2, 12))
    assert titles(preview)[:3] == ["小马过河", "丑小鸭", "乌鸦喝水"]
    assert preview.rows[0].values["author"] == "彭文席" and preview.rows[0].values["quantity"] == 1


# ------------------------------------------------------------------------------------------ layout


def test_title_rows_spacers_total_notes_and_repeated_header(tmp_path: Path) -> None:
    path = make_xlsx(
        tmp_path / "list.xlsx",
        [
            ["XX基金会捐赠图书清单"],  # 1
            ["日期：2024年5月1日", None, "经办人：李老师"],  # 2
            [],  # 3 spacer
            ["序号", "书名（必填）", "作者", "册数", "备注"],  # 4 header
            [1, "小马过河", "彭文席", 2],  # 5
            [],  # 6 blank
            [2, "丑小鸭", "安徒生", "3册"],  # 7
            [None, None, None, None, "以下为第二批"],  # 8 a note in an ignored column
            ["序号", "书名", "作者", "册数"],  # 9 header repeated by a page-by-page export
            [3, "  乌鸦喝水 ", None, 1.0],  # 10
            ["合计", None, None, 6],  # 11
        ],
    )
    preview = read_table(path, books_schema())
    assert preview.ok, preview.problem_lines()
    assert preview.header_row == 4
    assert numbers(preview) == [5, 7, 10]
    assert titles(preview) == ["小马过河", "丑小鸭", "乌鸦喝水"]
    assert [r.values["quantity"] for r in preview.rows] == [2, 3, 1]
    assert preview.skipped_total_rows == [11]
    assert preview.total_rows_seen == 4
    assert preview.summary() == "共 4 行：可导入 3 行，跳过合计行 1 行"


@pytest.mark.parametrize(
    "total_row",
    [
        ["合计", None, 6],
        ["总计：", "", 6],
        ["小 计", None, 6],
        ["Total", None, 6],
        [None, "合计", 6],
        ["", "共 3 种", "", "合计"],
    ],
)
def test_total_rows_are_skipped(tmp_path: Path, total_row: list[object]) -> None:
    path = make_xlsx(tmp_path / "t.xlsx", [["书名", "作者", "数量"], ["雷雨", "曹禺", 6], total_row])
    preview = read_table(path, books_schema())
    assert preview.ok and numbers(preview) == [2]
    assert preview.skipped_total_rows == [3]


def test_english_headers(tmp_path: Path) -> None:
    path = write_csv_text(tmp_path / "en.csv", "Title,Author,Publisher,Qty\nThe Cat,Seuss,Random House,2\n")
    preview = read_table(path, books_schema())
    assert preview.ok
    assert preview.rows[0].values == {
        "title": "The Cat",
        "author": "Seuss",
        "publisher": "Random House",
        "isbn": None,
        "quantity": 2,
        "published": None,
        "barcode": None,
    }


def test_missing_required_column(tmp_path: Path) -> None:
    path = write_csv_text(tmp_path / "no_title.csv", "捐书清单\n\n作者,出版社,数量\n曹禺,人民文学出版社,1\n")
    schema = books_schema()
    with pytest.raises(ValidationError) as info:
        read_table(path, schema)
    assert info.value.message == "“no_title.csv”的表头（第3行）缺少必填列：“书名”。"
    assert info.value.problems == ["“书名”可以写作：书名、题名、图书名称、title"]


def test_two_columns_meaning_the_same(tmp_path: Path) -> None:
    path = write_csv_text(tmp_path / "dup.csv", "书名,题名,作者\n雷雨,雷雨,曹禺\n")
    with pytest.raises(ValidationError) as info:
        read_table(path, books_schema())
    assert "重复的列" in info.value.message
    assert info.value.problems == ["“书名”、“题名”都表示“书名”，请删除或改名其中一列"]


def test_no_header(tmp_path: Path) -> None:
    path = write_csv_text(tmp_path / "x.csv", "甲,乙,丙\n1,2,3\n4,5,6\n")
    with pytest.raises(ValidationError) as info:
        read_table(path, books_schema())
    assert "没有在“x.csv”中找到表头" in info.value.message
    assert "“书名”可以写作：书名、题名、图书名称、title" in info.value.problems


def test_title_only(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "title.xlsx", [["XX基金会捐赠图书清单"]])
    with pytest.raises(ValidationError, match="只有标题（“XX基金会捐赠图书清单”），没有表头和数据"):
        read_table(path, books_schema())
    path = write_csv_text(tmp_path / "title.csv", "XX基金会捐赠图书清单\n", "gbk")
    with pytest.raises(ValidationError, match="只有标题"):
        read_table(path, books_schema())


def test_bare_list_under_the_required_column(tmp_path: Path) -> None:
    path = write_csv_text(tmp_path / "list.csv", "书单\n书名\n雷雨\n日出\n")
    preview = read_table(path, books_schema())
    assert preview.header_row == 2 and titles(preview) == ["雷雨", "日出"] and numbers(preview) == [3, 4]
    # one known name that is not the required one is not a header
    with pytest.raises(ValidationError, match="找到表头"):
        read_table(write_csv_text(tmp_path / "a.csv", "作者\n曹禺\n"), books_schema())


def test_header_without_data(tmp_path: Path) -> None:

    path = make_xlsx(tmp_path / "h.xlsx", [["清单"], ["书名", "作者"], [], ["合计", None]])
    with pytest.raises(ValidationError, match=r"表头（第2行）下面没有数据"):
        read_table(path, books_schema())


@pytest.mark.parametrize("content", [b"", b"   \r\n\r\n", codecs.BOM_UTF8, b",,,\n,,\n"])
def test_empty_text_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(ValidationError) as info:
        read_table(path, books_schema())
    assert "空" in info.value.message or "没有任何内容" in info.value.message


def test_empty_workbook(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "empty.xlsx", [])
    with pytest.raises(ValidationError, match="没有任何内容"):
        read_table(path, books_schema())


# ------------------------------------------------------------------------------------------ encodings, delimiters

CSV_TEXT = "书名,作者,数量\r\n小马过河,彭文席,2\r\n丑小鸭,安徒生,1\r\n"


@pytest.mark.parametrize(
    ("encoding", "reported"),
    [
        ("utf-8-sig", "utf-8"),
        ("utf-8", "utf-8"),
        ("gbk", "gb18030"),
        ("gb18030", "gb18030"),
        ("utf-16", "utf-16"),
    ],
)
def test_encodings(tmp_path: Path, encoding: str, reported: str) -> None:
    path = write_csv_text(tmp_path / "e.csv", CSV_TEXT, encoding)
    preview = read_table(path, books_schema())
    assert preview.encoding == reported
    assert titles(preview) == ["小马过河", "丑小鸭"] and numbers(preview) == [2, 3]


def test_excel_unicode_text_is_utf16_tab(tmp_path: Path) -> None:
    # Excel "Unicode 文本 (*.txt)": UTF-16 LE with BOM, tab-delimited; also without BOM.
    text = CSV_TEXT.replace(",", "\t")
    for name, data in [
        ("u.txt", codecs.BOM_UTF16_LE + text.encode("utf-16-le")),
        ("n.txt", text.encode("utf-16-le")),
    ]:
        path = tmp_path / name
        path.write_bytes(data)
        preview = read_table(path, books_schema())
        assert preview.delimiter == "\t" and titles(preview) == ["小马过河", "丑小鸭"]


@pytest.mark.parametrize("delimiter", [",", "\t", ";"])
def test_delimiters(tmp_path: Path, delimiter: str) -> None:
    text = CSV_TEXT.replace(",", delimiter)
    path = write_csv_text(tmp_path / "d.txt", text)
    preview = read_table(path, books_schema())
    assert preview.delimiter == delimiter
    assert [r.values["quantity"] for r in preview.rows] == [2, 1]


def test_commas_inside_cells(tmp_path: Path) -> None:
    text = '书名\t作者\t数量\n小马过河，第2辑\t彭文席, 编\t2\n"甲,乙"\t丙\t1\n'
    preview = read_table(write_csv_text(tmp_path / "tab.csv", text), books_schema())
    assert preview.delimiter == "\t"
    assert titles(preview) == ["小马过河，第2辑", "甲,乙"]
    text = '书名,作者,数量\n"小马过河, 第2辑",彭文席,2\n'
    preview = read_table(write_csv_text(tmp_path / "comma.csv", text), books_schema())
    assert titles(preview) == ["小马过河, 第2辑"]


def test_full_width_comma_is_not_a_delimiter(tmp_path: Path) -> None:
    path = write_csv_text(tmp_path / "fw.csv", "书名，作者，数量\n小马过河，彭文席，2\n")
    with pytest.raises(ValidationError) as info:
        read_table(path, books_schema())
    assert "文件里的列是用中文逗号“，”隔开的" in info.value.message


def test_csv_line_numbers_with_multiline_cell_and_mac_line_ends(tmp_path: Path) -> None:
    text = '书名,作者,数量\n"小马\n过河",彭文席,2\n丑小鸭,安徒生,x\n'
    preview = read_table(write_csv_text(tmp_path / "m.csv", text), books_schema())
    assert numbers(preview) == [2] and titles(preview) == ["小马 过河"]
    assert [str(p) for p in preview.problems] == ["第4行: “数量”不是有效的整数（x）"]
    preview = read_table(
        write_csv_text(tmp_path / "mac.csv", "书名,数量\r雷雨,1\r\r日出,x\r"), books_schema()
    )
    assert numbers(preview) == [2] and [p.row for p in preview.problems] == [4]


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(b"a,b\n\xff\xff\xff\n")  # 0xFF starts no UTF-8 and no GB18030 character

    with pytest.raises(ValidationError, match="“bad.csv”第2行有无法识别的字符（文件编码不是 UTF-8 或 GBK？）"):
        read_table(path, books_schema())


def test_one_stray_byte_in_a_gbk_file_names_its_line(tmp_path: Path) -> None:
    lines = ["书名,作者,数量"] + [f"童话{n},作者{n},1" for n in range(2, 30)]
    data = bytearray("\r\n".join(lines).encode("gbk"))
    at = data.index("童话12,".encode("gbk"))
    data[at + 4 : at + 4] = b"\x81"  # one stray lead byte before the comma on line 12: an invalid GBK pair
    path = tmp_path / "捐赠.csv"
    path.write_bytes(bytes(data))
    with pytest.raises(ValidationError) as info:
        read_table(path, books_schema())
    assert info.value.message.startswith("“捐赠.csv”第12行有无法识别的字符（文件编码不是 UTF-8 或 GBK？），没有导入")


def test_stray_bytes_in_a_utf8_file_name_every_line(tmp_path: Path) -> None:
    text = "书名,作者\n" + "".join(f"故事{n},某某\n" for n in range(2, 9))
    data = text.encode("utf-8").replace("故事4".encode(), b"\xff" + "故事4".encode())
    data = data.replace("故事7".encode(), "故事7".encode() + b"\xfe")
    path = tmp_path / "u.csv"
    path.write_bytes(data)
    with pytest.raises(ValidationError, match="第4、7行有无法识别的字符"):
        read_table(path, books_schema())


def test_the_preview_carries_the_files_sha256(tmp_path: Path) -> None:
    import hashlib

    path = write_csv_text(tmp_path / "l.csv", "书名\n雷雨\n")
    assert read_table(path, books_schema()).sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    workbook = make_xlsx(tmp_path / "l.xlsx", [["书名", "作者"], ["雷雨", "曹禺"]])
    assert read_table(workbook, books_schema()).sha256 == hashlib.sha256(workbook.read_bytes()).hexdigest()


def test_merged_cells_below_the_header_fill_every_row_with_a_notice(tmp_path: Path) -> None:
    schema = Schema([Column("title", "书名", required=True), Column("donor", "捐赠方"), Column("note", "备注")])
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.append(["2026年秋季捐赠清单"])  # a merged title row above the header: not data, not filled into it
    ws.merge_cells("A1:D1")
    ws.append([])
    ws.append(["书名", "捐赠方", "备注", "联系人"])
    for n in range(4, 13):
        ws.append([f"书{n}", "爱心书屋" if n == 5 else None, None, None])
    ws.merge_cells("B5:B9")  # the donor of rows 5–9
    ws["C10"] = "同上"
    ws.merge_cells("C10:C11")
    ws["D4"] = "王老师 13812345678"
    ws.merge_cells("D4:D6")  # an ignored column: filled, but nothing of it is imported, so no notice
    path = tmp_path / "merged.xlsx"
    workbook.save(path)
    preview = read_table(path, schema)
    donors = {r.row: r["donor"] for r in preview.rows}
    assert donors == {4: None, 5: "爱心书屋", 6: "爱心书屋", 7: "爱心书屋", 8: "爱心书屋", 9: "爱心书屋",
                      10: None, 11: None, 12: None}
    assert {r.row: r["note"] for r in preview.rows if r["note"]} == {10: "同上", 11: "同上"}
    assert preview.notices == [
        "第5–9行的“捐赠方”是合并单元格，已按合并的值填入每一行",
        "第10–11行的“备注”是合并单元格，已按合并的值填入每一行",
    ]
    assert preview.header_row == 3 and preview.ignored_columns == ["联系人"]


def test_a_merged_range_across_columns_and_a_blank_row_inside_a_merge(tmp_path: Path) -> None:
    schema = Schema([Column("title", "书名", required=True), Column("author", "作者"), Column("donor", "捐赠方")])
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.append(["书名", "作者", "捐赠方"])
    ws.append(["雷雨", "曹禺", "县图书馆"])
    ws.append([None, None, None])  # a blank spacer row under the merged donor: still skipped, not a bad row
    ws.append(["日出", "曹禺", None])
    ws.merge_cells("C2:C4")
    ws.append(["合订本", None, None])
    ws.merge_cells("A5:B5")
    path = tmp_path / "m.xlsx"
    workbook.save(path)
    preview = read_table(path, schema)
    assert preview.ok
    assert [(r.row, r["title"], r["author"], r["donor"]) for r in preview.rows] == [
        (2, "雷雨", "曹禺", "县图书馆"),
        (4, "日出", "曹禺", "县图书馆"),
        (5, "合订本", "合订本", None),
    ]
    assert preview.notices == [
        "第2–4行的“捐赠方”是合并单元格，已按合并的值填入每一行",
        "第5行的“书名”、“作者”是合并单元格，已按合并的值填入合并的每一格",
    ]


def test_a_hidden_sheet_is_read_only_when_no_visible_sheet_has_a_header(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    old = workbook.active
    old.title = "旧清单"
    old.append(["书名", "作者"])
    old.append(["旧书", "某人"])
    old.sheet_state = "hidden"
    new = workbook.create_sheet("新清单")
    new.append(["书名", "作者"])
    new.append(["新书", "某人"])
    workbook.create_sheet("空白")
    workbook.active = 1
    path = tmp_path / "hidden.xlsx"
    workbook.save(path)
    preview = read_table(path, books_schema())
    assert preview.sheet_name == "新清单" and titles(preview) == ["新书"]
    assert preview.notices == [
        "只读取了工作表“新清单”；工作表“旧清单”（隐藏）也有内容，没有读取（一次只导入一个工作表，需要的话请把它另存为单独的文件再导入）"
    ]

    # The hidden sheet first in the workbook and active: the visible one is still preferred.
    workbook.active = 0
    workbook.save(path)
    assert read_table(path, books_schema()).sheet_name == "新清单"

    # Only the hidden sheet has a header: it is read, and the preview says so.
    del workbook["新清单"]
    workbook["空白"].append(["说明：请填写旧清单"])
    workbook.active = workbook.sheetnames.index("空白")
    workbook.save(path)
    preview = read_table(path, books_schema())
    assert preview.sheet_name == "旧清单" and titles(preview) == ["旧书"]
    assert preview.notices[0] == "工作表“旧清单”是隐藏的工作表：其他工作表里没有找到表头，所以读取了它，请核对"
    assert "工作表“空白”也有内容，没有读取" in preview.notices[1]


def test_binary_content_in_csv(tmp_path: Path) -> None:
    path = tmp_path / "bin.csv"
    path.write_bytes(b"\x00\x01\x02\x03abc\x00" * 50)
    with pytest.raises(ValidationError, match="不是文本表格文件"):
        read_table(path, books_schema())


def test_reader_undoes_export_escape(tmp_path: Path) -> None:
    path = write_csv_text(tmp_path / "esc.csv", "书名,作者\n'=1+1,'-某人\n'普通,作者\n")
    preview = read_table(path, books_schema())
    assert [(r.values["title"], r.values["author"]) for r in preview.rows] == [
        ("=1+1", "-某人"),
        ("'普通", "作者"),
    ]


# ------------------------------------------------------------------------------------------ cell values


def test_dates_and_numbers_in_xlsx(tmp_path: Path) -> None:
    path = make_xlsx(
        tmp_path / "d.xlsx",
        [
            ["书名", "ISBN", "数量", "出版日期"],
            ["甲", 9787104332183, "3册", dt.datetime(2015, 3, 2)],
            ["乙", "9787108013262", 2.0, dt.date(2016, 1, 5)],
            ["丙", None, "３", "2015年3月2日"],
            ["丁", None, 1, "2015-2-30"],
            ["戊", None, "abc", 20150302],
        ],
    )
    preview = read_table(path, books_schema())
    assert [(r.row, r.values["isbn"], r.values["quantity"], r.values["published"]) for r in preview.rows] == [
        (2, "9787104332183", 3, dt.date(2015, 3, 2)),
        (3, "9787108013262", 2, dt.date(2016, 1, 5)),
        (4, None, 3, dt.date(2015, 3, 2)),
    ]
    assert [str(p) for p in preview.problems] == [
        "第5行: “出版日期”不是有效日期（2015-2-30）",
        "第6行: “数量”不是有效的整数（abc）",
    ]
    assert not preview.ok and preview.bad_rows == [5, 6]


def test_huge_cell_is_a_row_problem(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "big.xlsx", [["书名", "作者"], ["长" * 5000, "某"], ["短", "某"]])
    preview = read_table(path, books_schema())
    assert numbers(preview) == [3]
    assert preview.problems[0].row == 2 and "内容太长（5000 个字" in preview.problems[0].message


def test_duplicates_in_file(tmp_path: Path) -> None:
    rows = [["条码", "书名"], ["A0001", "甲"], ["A0002", "乙"], ["a0001", "丙"]]
    preview = read_table(make_xlsx(tmp_path / "dup.xlsx", rows), books_schema(unique=["barcode"]))
    assert [str(p) for p in preview.problems] == ["第4行: 与第2行重复（“条码”都是 A0001）"]


def test_formulas_cached_uncached_and_errors(tmp_path: Path) -> None:
    path = make_xlsx(
        tmp_path / "f.xlsx",
        [["书名", "数量"], ["甲", "=1+1"], ["乙", "=1+2"], ["丙", "=1/0"], ['=CONCAT("丁","戊")', 1]],
    )
    cache_formula(path, "B2", "2")
    cache_formula(path, "B4", "#DIV/0!", type_="e")
    cache_formula(path, "A5", "丁戊", type_="str")
    preview = read_table(path, books_schema())
    assert [(r.row, r.values["title"], r.values["quantity"]) for r in preview.rows] == [
        (2, "甲", 2),
        (5, "丁戊", 1),
    ]
    assert [str(p) for p in preview.problems] == [
        "第3行: “数量”是公式，但文件里没有保存计算结果。请用 Excel 或 WPS 打开此文件并保存，然后重新导入",
        "第4行: “数量”是出错的公式（#DIV/0!），请在表格里改正",
    ]


def test_wrong_stored_dimension(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "dim.xlsx", [["书名", "数量"], ["甲", 1], ["乙", 2]])
    patch_sheet_xml(path, lambda xml: re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1"/>', xml))
    assert titles(read_table(path, books_schema())) == ["甲", "乙"]


def test_sheet_choice(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    notes = workbook.active
    notes.title = "说明"
    notes.append(["请在“图书”表中填写"])
    books = workbook.create_sheet("图书")
    books.append(["书名", "作者"])
    books.append(["雷雨", "曹禺"])
    path = tmp_path / "two.xlsx"
    workbook.save(path)
    preview = read_table(path, books_schema())
    assert preview.sheet_name == "图书" and titles(preview) == ["雷雨"]
    assert read_table(path, books_schema(), sheet="图书").sheet_name == "图书"
    with pytest.raises(ValidationError, match="没有名为“书单”的工作表（现有：“说明”、“图书”）"):
        read_table(path, books_schema(), sheet="书单")
    with pytest.raises(ValidationError, match="只有标题"):
        read_table(path, books_schema(), sheet="说明")


def test_xlsx_content_named_csv_is_read_as_workbook(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "real.xlsx", [["书名", "作者"], ["雷雨", "曹禺"]])
    renamed = tmp_path / "导出.csv"
    renamed.write_bytes(path.read_bytes())
    assert titles(read_table(renamed, books_schema())) == ["雷雨"]


# ------------------------------------------------------------------------------------------ wrong files


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "旧版 Excel 格式（.xls）"),
        ("wps.et", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "旧版 Excel 格式（.et）"),
        ("locked.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "打开密码"),
        ("html.xls", b"<html><table><tr><td>1</td></tr></table></html>", "不是有效的 Excel 工作簿"),
        ("random.xlsx", bytes(range(256)) * 4, "不是有效的 Excel 工作簿"),
        ("text.xlsx", "书名,作者\n雷雨,曹禺\n".encode(), "不是有效的 Excel 工作簿"),
        ("fake.xlsx", b"PK\x03\x04" + b"\x00" * 200, "无法读取“fake.xlsx”"),
        ("report.docx", b"PK\x03\x04", "不能导入“.docx”格式的文件"),
        ("noext", b"abc", "不能导入没有扩展名的文件"),
    ],
)
def test_wrong_files_get_chinese_messages(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ValidationError) as info:
        read_table(path, books_schema())
    assert expected in info.value.message


def _zip(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for member, text in members.items():
            archive.writestr(member, text)
    return path


def test_zips_that_are_not_workbooks(tmp_path: Path) -> None:
    cases = [
        ({"[Content_Types].xml": "<x/>", "word/document.xml": "<w/>"}, "Word 文档"),
        ({"mimetype": "application/vnd.oasis", "content.xml": "<x/>"}, ".ods"),
        ({"[Content_Types].xml": "<x/>", "xl/workbook.bin": "x"}, ".xlsb"),
        ({"photo.jpg": "x"}, "压缩包"),
        ({"[Content_Types].xml": "<x/>", "xl/workbook.xml": "<not-a-workbook/>"}, "无法读取"),
    ]
    for index, (members, expected) in enumerate(cases):
        path = _zip(tmp_path / f"z{index}.xlsx", members)
        with pytest.raises(ValidationError) as info:
            read_table(path, books_schema())
        assert expected in info.value.message


def test_truncated_and_corrupted_workbooks(tmp_path: Path) -> None:
    good = make_xlsx(tmp_path / "good.xlsx", [["书名", "作者"], *[[f"书{i}", "某"] for i in range(200)]])
    data = good.read_bytes()
    truncated = tmp_path / "cut.xlsx"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(ValidationError, match="不是有效的 Excel 工作簿"):
        read_table(truncated, books_schema())
    for offset in range(100, len(data), max(1, len(data) // 25)):
        broken = bytearray(data)
        broken[offset] ^= 0xFF
        path = tmp_path / f"flip{offset}.xlsx"
        path.write_bytes(bytes(broken))
        try:
            read_table(path, books_schema())
        except ValidationError as exc:
            assert exc.message


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="找不到文件"):
        read_table(tmp_path / "gone.xlsx", books_schema())
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    with pytest.raises(ValidationError, match="文件夹"):
        read_table(folder, books_schema())


# ------------------------------------------------------------------------------------------ limits, progress, cancel


def _long_csv(tmp_path: Path, count: int) -> Path:
    lines = ["书名,数量", *(f"书{i},1" for i in range(count))]
    return write_csv_text(tmp_path / "long.csv", "\n".join(lines) + "\n")


def test_row_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader_module, "MAX_DATA_ROWS", 5)
    with pytest.raises(ValidationError, match="超过 5 行"):
        read_table(_long_csv(tmp_path, 6), books_schema())
    assert len(read_table(_long_csv(tmp_path, 5), books_schema()).rows) == 5


def test_progress_and_cancel(tmp_path: Path) -> None:
    path = _long_csv(tmp_path, 1000)
    calls: list[tuple[int, int]] = []
    preview = read_table(path, books_schema(), progress=lambda done, total: calls.append((done, total)))
    assert len(preview.rows) == 1000
    assert len(calls) >= 5 and calls[-1] == (1001, 1001)
    assert all(done <= total for done, total in calls)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)

    asked = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(ImportCancelled) as info:
        read_table(path, books_schema(), cancel=cancel)
    assert info.value.message == "导入已取消，没有导入任何数据。"
    with pytest.raises(ImportCancelled):
        read_table(path, books_schema(), cancel=lambda: True)


def test_progress_in_xlsx(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "p.xlsx", [["书名", "数量"], *[[f"书{i}", 1] for i in range(450)]])
    calls: list[tuple[int, int]] = []
    preview = read_table(path, books_schema(), progress=lambda d, t: calls.append((d, t)))
    assert len(preview.rows) == 450
    assert calls[0] == (200, 451) and calls[-1] == (451, 451)
