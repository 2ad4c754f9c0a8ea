"""Export: formula escaping, BOM, real dates, atomic writes, cancel, and export → import round trips."""

from __future__ import annotations

import codecs
import datetime as dt
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from center_app.domain.errors import DomainError
from center_app.importing import (
    Column,
    Date,
    ExportCancelled,
    Integer,
    Money,
    Schema,
    escape_formula,
    read_table,
    write_csv,
    write_xlsx,
    yes_no,
    yuan,
)

HEADERS = ["书名", "作者", "数量", "入库日期", "备注"]
DANGEROUS = ["=1+1", "+86 138", "-5", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://x","点我")']


def only_file(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("a=1", "a=1"),
        ("小马过河", "小马过河"),
        ("", ""),
    ],
)
def test_escape_formula(text: str, expected: str) -> None:
    assert escape_formula(text) == expected


def test_csv_bom_crlf_escaping_and_values(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    rows = [
        ["小马过河", "彭文席", 2, dt.date(2024, 5, 1), None],
        *[[text, "某", -3, dt.datetime(2024, 5, 1, 8, 30), True] for text in DANGEROUS],
        ['逗号,引号"换行\n', "x", 2.5, None, False],
        ["浮点", "x", 3.0, None, Decimal("12.50")],
    ]
    assert write_csv(path, HEADERS, rows) == len(rows)
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    text = data[len(codecs.BOM_UTF8) :].decode("utf-8")
    lines = text.split("\r\n")
    assert lines[0] == "书名,作者,数量,入库日期,备注"
    assert lines[1] == "小马过河,彭文席,2,2024-05-01,"
    assert lines[2] == "'=1+1,某,-3,2024-05-01 08:30:00,是"  # numbers are numbers: -3 is not escaped
    assert (
        lines[3].startswith("'+86 138,") and lines[4].startswith("'-5,") and lines[5].startswith("'@SUM(A1),")
    )
    assert lines[6].startswith("'\t=1,")
    assert '"\'\r=1"' in text  # quoted because it holds a CR, and escaped
    assert '"\'=HYPERLINK(""http://x"",""点我"")"' in text
    assert '"逗号,引号""换行\n",x,2.5,,否' in text
    assert "浮点,x,3,,12.50" in text
    assert only_file(tmp_path) == ["out.csv"]


def test_xlsx_header_widths_freeze_dates_and_escaping(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    rows = [
        ["小马过河（第二辑）图书馆珍藏版本", "彭文席", 2, dt.date(2024, 5, 1), None],
        *[[text, "某", 1, dt.datetime(2024, 5, 1, 8, 30), True] for text in DANGEROUS],
        ["控制\x00字符\x07", "x", Decimal("2.5"), None, 1.5],
    ]
    assert write_xlsx(path, HEADERS, rows, sheet_title="图书/清单[2024]") == len(rows)
    workbook = openpyxl.load_workbook(path)
    ws = workbook.active
    assert ws.title == "图书清单2024"
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:E{len(rows) + 1}"
    assert [c.value for c in ws[1]] == HEADERS and all(c.font.b for c in ws[1])
    assert ws.column_dimensions["A"].width == 2 * 16 + 2  # 16 wide characters, plus padding
    assert ws.column_dimensions["B"].width == 2 * 3 + 2

    assert 6 <= ws.column_dimensions["C"].width <= 10
    assert ws["D2"].is_date and ws["D2"].value == dt.datetime(2024, 5, 1)
    assert ws["D3"].is_date and ws["D3"].value == dt.datetime(2024, 5, 1, 8, 30)
    assert ws["C2"].value == 2 and ws["C2"].data_type == "n"
    assert ws["E3"].value == "是"
    for row, text in enumerate(DANGEROUS, start=3):
        cell = ws.cell(row=row, column=1)
        # (XML turns a stored CR into LF on reading; the apostrophe is what matters)
        assert cell.data_type == "s" and cell.value == "'" + text.replace("\r", "\n"), text

    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    assert ws.cell(row=len(rows) + 1, column=1).value == "控制字符"


def test_timezone_aware_datetimes_become_local(tmp_path: Path) -> None:
    moment = dt.datetime(2024, 5, 1, 0, 30, tzinfo=dt.UTC)
    local = moment.astimezone().replace(tzinfo=None)
    write_xlsx(tmp_path / "tz.xlsx", ["时间"], [[moment]])
    assert openpyxl.load_workbook(tmp_path / "tz.xlsx").active["A2"].value == local
    write_csv(tmp_path / "tz.csv", ["时间"], [[moment]])
    assert local.isoformat(sep=" ") in (tmp_path / "tz.csv").read_text(encoding="utf-8-sig")


def test_yuan() -> None:
    assert yuan(1250) == Decimal("12.50") and str(yuan(5)) == "0.05"


# ------------------------------------------------------------------------------------------ atomic


def failing_rows(after: int) -> Iterator[Sequence[object]]:
    for i in range(after):
        yield [f"书{i}", "某", 1, None, None]
    raise RuntimeError("disk pulled out")


@pytest.mark.parametrize("writer", [write_csv, write_xlsx])
def test_failure_leaves_no_file_and_keeps_the_old_one(tmp_path: Path, writer: object) -> None:
    path = tmp_path / ("out.csv" if writer is write_csv else "out.xlsx")
    with pytest.raises(RuntimeError):
        writer(path, HEADERS, failing_rows(500))  # type: ignore[operator]
    assert only_file(tmp_path) == []
    path.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        writer(path, HEADERS, failing_rows(10))  # type: ignore[operator]
    assert path.read_bytes() == b"old"
    assert only_file(tmp_path) == [path.name]


@pytest.mark.parametrize("writer", [write_csv, write_xlsx])
def test_cancel_and_progress(tmp_path: Path, writer: object) -> None:
    path = tmp_path / ("out.csv" if writer is write_csv else "out.xlsx")
    rows = [[f"书{i}", "某", i, None, None] for i in range(1000)]
    calls: list[tuple[int, int]] = []
    count = writer(path, HEADERS, rows, progress=lambda d, t: calls.append((d, t)))  # type: ignore[operator]
    assert count == 1000 and calls[-1] == (1000, 1000) and calls[0] == (200, 1000)
    path.unlink()
    asked: list[int] = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(ExportCancelled) as info:
        writer(path, HEADERS, iter(rows), cancel=cancel)  # type: ignore[operator]
    assert info.value.message == "导出已取消，没有生成文件。"
    assert only_file(tmp_path) == []


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="不存在"):
        write_csv(tmp_path / "nope" / "out.csv", ["a"], [])


def test_target_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "out.csv").mkdir()
    with pytest.raises(DomainError):
        write_csv(tmp_path / "out.csv", ["a"], [["x"]])
    assert only_file(tmp_path) == ["out.csv"]


def test_empty_table(tmp_path: Path) -> None:
    assert write_xlsx(tmp_path / "e.xlsx", HEADERS, []) == 0
    assert [c.value for c in openpyxl.load_workbook(tmp_path / "e.xlsx").active[1]] == HEADERS
    assert write_csv(tmp_path / "e.csv", HEADERS, []) == 0


# ------------------------------------------------------------------------------------------ round trip

SCHEMA = Schema(
    [
        Column("title", "书名", ["title"], required=True),
        Column("author", "作者", ["author"]),
        Column("quantity", "数量", ["qty"], parser=Integer(0, 1000), default=0),
        Column("received", "入库日期", parser=Date()),
        Column("price", "单价", parser=Money()),
        Column("new", "是否新书", parser=yes_no()),
    ]
)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_round_trip(tmp_path: Path, suffix: str) -> None:
    headers = ["书名", "作者", "数量", "入库日期", "单价", "是否新书"]
    source = [
        ["小马过河", "彭文席", 2, dt.date(2024, 5, 1), yuan(1250), True],
        ["=1+1", "-某人", 0, dt.date(2000, 2, 29), yuan(5), False],
        ["@home", "+86", 1000, None, None, None],
        ['书名,带逗号"引号"', "  ", 3, dt.date(2024, 12, 31), Decimal("0"), True],
    ]
    path = tmp_path / f"round{suffix}"
    writer = write_xlsx if suffix == ".xlsx" else write_csv
    writer(path, headers, source)
    preview = read_table(path, SCHEMA)
    assert preview.ok, preview.problem_lines()
    assert preview.header_row == 1
    got = [r.values for r in preview.rows]
    assert got == [
        {
            "title": "小马过河",
            "author": "彭文席",
            "quantity": 2,
            "received": dt.date(2024, 5, 1),
            "price": 1250,
            "new": True,
        },
        {
            "title": "=1+1",
            "author": "-某人",
            "quantity": 0,
            "received": dt.date(2000, 2, 29),
            "price": 5,
            "new": False,
        },
        {"title": "@home", "author": "+86", "quantity": 1000, "received": None, "price": None, "new": None},
        {
            "title": '书名,带逗号"引号"',
            "author": None,
            "quantity": 3,
            "received": dt.date(2024, 12, 31),
            "price": 0,
            "new": True,
        },
    ]
