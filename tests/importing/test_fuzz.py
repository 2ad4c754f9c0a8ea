"""Property tests: whatever a file or a cell holds, reading gives a preview or a ValidationError, never a traceback.

Each property uses its own temporary folder (hypothesis runs many examples per test, so pytest's per-test
``tmp_path`` would be shared; that is fine, each example overwrites its own file).
"""

from __future__ import annotations

import datetime as dt
import io
import string
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from center_app.domain.errors import ValidationError
from center_app.importing import (
    CellError,
    Choice,
    Column,
    Date,
    ImportCancelled,
    ImportPreview,
    Integer,
    Money,
    Schema,
    Text,
    read_table,
    write_csv,
    write_xlsx,
    yes_no,
)
from center_app.importing.schema import normalize_header
from center_app.importing.sources import TOTAL_WORDS

pytestmark = pytest.mark.slow  # hundreds of generated files / a whole type check: -m "not slow" skips it

FAST = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

SCHEMA = Schema(
    [
        Column("title", "书名", ["题名", "title"], required=True),
        Column("author", "作者", ["著者", "author"]),
        Column("quantity", "数量", ["册数", "qty"], parser=Integer(0, 10_000), default=1),
        Column("date", "日期", ["date"], parser=Date()),
        Column("price", "单价", ["price"], parser=Money()),
        Column(
            "kind", "类别", ["kind"], parser=Choice({"图书": "book", "器材": "equipment", "book": "book"})
        ),
        Column("new", "新书", ["new"], parser=yes_no()),
    ],
    unique=["title"],
)
# Building a workbook with openpyxl costs ~20 ms, so the properties that build one run fewer examples.
WORKBOOK = settings(FAST, max_examples=60)
HEADER_NAMES = [name for column in SCHEMA.columns for name in column.names]

# Text as people paste it: Chinese, ASCII, full-width forms, the delimiters, quotes, line breaks, formula starts.
CHARS = st.sampled_from(
    list("书名作者数量日期合计小马过河丑鸭，。、；：（）【】“”０１２３ＡＢ")
    + list(string.ascii_letters + string.digits + string.punctuation)
    + [" ", "\t", "\n", "\r", "\u3000", "\ufeff", "\u200b", "'", '"', "=", "+", "-", "@", "\x00", "\x07"]
)
TEXT = st.text(CHARS, max_size=40)
CLEAN_TEXT = st.text(
    st.sampled_from(list("书名作者小马过河丑鸭（）０１Ａ,;\"'=+-@ ") + list(string.ascii_letters)),
    max_size=30,
)
CELL_TEXTS = st.one_of(
    TEXT,
    st.sampled_from(HEADER_NAMES + sorted(TOTAL_WORDS)),
    st.sampled_from(
        ["2015-2-30", "2015-13-1", "20150230", "2015年2月29日", "0000-00-00", "9999-99-99", "2015.3.2"]
    ),
    st.sampled_from(
        ["3", "３", "3册", "3.0", "3.5", "-1", "abc", "1,200", "1e5", "NaN", "¥12.50", "12.345", "9" * 50]
    ),
    st.sampled_from(["=1+1", "=SUM(A1:A3)", "#DIV/0!", "#N/A", "'=1+1"]),
    st.builds(lambda n: "长" * n, st.integers(1990, 2100)),  # around the 2,000-character cap
)
VALUES = st.one_of(
    st.none(),
    CELL_TEXTS,
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.timedeltas(),
)
ENCODINGS = st.sampled_from(
    ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be", "latin-1"]
)


def _read(path: Path, **kwargs: Any) -> ImportPreview | None:
    """The property itself: a preview, a ValidationError or ImportCancelled; anything else fails the test."""
    try:
        preview = read_table(path, SCHEMA, **kwargs)
    except (ValidationError, ImportCancelled) as exc:
        assert exc.message and isinstance(exc.message, str)
        return None
    assert isinstance(preview, ImportPreview)
    for problem in preview.problems:
        assert str(problem).startswith(f"第{problem.row}行: ")
    bad = set(preview.bad_rows)
    assert all(row.row not in bad for row in preview.rows)
    return preview


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path


# ------------------------------------------------------------------------------------------ whole files


@FAST
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".csv", ".txt", ".xlsx", ".xls"]))
def test_random_bytes(folder: Path, data: bytes, suffix: str) -> None:
    path = folder / f"random{suffix}"
    path.write_bytes(data)
    _read(path)


@FAST
@given(
    data=st.binary(max_size=2000), magic=st.sampled_from([b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"])
)
def test_random_bytes_with_real_magic(folder: Path, data: bytes, magic: bytes) -> None:
    path = folder / "magic.xlsx"
    path.write_bytes(magic + data)
    _read(path)


@st.composite
def csv_documents(draw: st.DrawFn) -> str:
    delimiter = draw(st.sampled_from([",", "\t", ";", "，", "|"]))
    lines = [draw(TEXT) for _ in range(draw(st.integers(0, 3)))]  # title rows
    if draw(st.booleans()):
        lines.append(delimiter.join(draw(st.lists(st.sampled_from(HEADER_NAMES), min_size=1, max_size=8))))
    for _ in range(draw(st.integers(0, 12))):
        cells = draw(st.lists(CELL_TEXTS, max_size=9))
        if draw(st.booleans()):
            cells = ['"' + c.replace('"', '""') + '"' for c in cells]
        lines.append(delimiter.join(cells))
    return draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)


@FAST
@given(document=csv_documents(), encoding=ENCODINGS)
def test_random_text_in_random_encodings(folder: Path, document: str, encoding: str) -> None:
    path = folder / "text.csv"
    path.write_bytes(document.encode(encoding, errors="replace"))
    _read(path)


@st.composite
def workbooks(draw: st.DrawFn) -> bytes:
    workbook = openpyxl.Workbook()
    ws = workbook.active
    for _ in range(draw(st.integers(0, 2))):
        ws.append([draw(CLEAN_TEXT)])
    if draw(st.booleans()):
        ws.append(draw(st.lists(st.sampled_from(HEADER_NAMES), min_size=1, max_size=8)))
    xlsx_values = st.one_of(
        st.none(),
        CELL_TEXTS.map(lambda s: "".join(ch for ch in s if ch >= " " or ch in "\t\n")),
        st.integers(-(10**15), 10**15),
        st.floats(allow_nan=False, allow_infinity=False),
        st.booleans(),
        st.dates(min_value=dt.date(1900, 3, 1)),
        st.datetimes(min_value=dt.datetime(1900, 3, 1)),
    )
    for _ in range(draw(st.integers(0, 10))):
        ws.append(draw(st.lists(xlsx_values, max_size=9)))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@WORKBOOK
@given(data=workbooks(), suffix=st.sampled_from([".xlsx", ".csv"]))
def test_random_workbooks(folder: Path, data: bytes, suffix: str) -> None:
    path = folder / f"book{suffix}"
    path.write_bytes(data)
    _read(path)


@WORKBOOK
@given(data=workbooks(), cuts=st.lists(st.tuples(st.integers(0, 10**6), st.integers(1, 255)), max_size=6))
def test_damaged_workbooks(folder: Path, data: bytes, cuts: list[tuple[int, int]]) -> None:
    broken = bytearray(data)
    for offset, flip in cuts:
        broken[offset % len(broken)] ^= flip
    path = folder / "damaged.xlsx"
    path.write_bytes(bytes(broken))
    _read(path)


@WORKBOOK
@given(data=workbooks(), keep=st.floats(0, 1))
def test_truncated_workbooks(folder: Path, data: bytes, keep: float) -> None:
    path = folder / "cut.xlsx"
    path.write_bytes(data[: int(len(data) * keep)])
    _read(path)


@WORKBOOK
@given(sheet_xml=st.text(st.sampled_from(list('<>/="cfrvt AB12 isx')), max_size=300))
def test_workbook_with_garbage_sheet_xml(folder: Path, sheet_xml: str) -> None:
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    path = folder / "garbage.xlsx"
    with zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = f"<worksheet><sheetData>{sheet_xml}</sheetData></worksheet>".encode()
            target.writestr(info, content)
    _read(path)


@FAST
@given(document=csv_documents(), stop_after=st.integers(0, 5))
def test_cancel_at_any_point(folder: Path, document: str, stop_after: int) -> None:
    """Cancel answers "no" ``stop_after`` times, then "yes": the read stops there with ImportCancelled, asking no
    more — it never goes on to give a preview (or another error) after the user said stop."""
    path = folder / "cancel.csv"
    path.write_text(
        "书名,数量\n" + "\n".join(f"书{i},1" for i in range(600)) + "\n" + document, encoding="utf-8"
    )
    answers: list[bool] = []

    def cancel() -> bool:
        answers.append(len(answers) >= stop_after)
        return answers[-1]

    try:
        read_table(path, SCHEMA, cancel=cancel, progress=lambda d, t: None)
    except ImportCancelled as exc:
        assert exc.message and answers[-1] and answers.count(True) == 1
    except ValidationError as exc:
        assert exc.message and True not in answers, "cancel() said yes, but the read went on"
    else:
        assert True not in answers, "cancel() said yes, but the read went on to the end"
    if stop_after == 0:
        assert answers == [True]  # asked before anything is read


# ------------------------------------------------------------------------------------------ cells


PARSERS = [
    Text(),
    Text(max_length=5),
    Integer(),
    Integer(-10, 10),
    Money(),
    Money(allow_negative=True, max_yuan=10),
    Date(),
    Date(2000, 2030),
    Choice({"男": "m", "女": "f"}),
    yes_no(),
]


@FAST
@given(value=VALUES.filter(lambda v: v is not None))
def test_every_parser_returns_or_raises_cell_error(value: object) -> None:
    for parse in PARSERS:
        try:
            result = parse(value)
        except CellError as exc:
            assert exc.message and "\n" not in exc.message
            continue
        if isinstance(parse, Integer):
            assert isinstance(result, int) and parse.min_value <= result <= parse.max_value
        elif isinstance(parse, Money):
            assert isinstance(result, int) and abs(result) <= parse.max_yuan * 100
        elif isinstance(parse, Date):
            assert isinstance(result, dt.date) and parse.min_year <= result.year <= parse.max_year
        elif isinstance(parse, Text):
            assert isinstance(result, str) and 0 < len(result) <= parse.max_length


@FAST
@given(
    raw=st.dictionaries(st.sampled_from([c.key for c in SCHEMA.columns]), VALUES), row=st.integers(1, 10**6)
)
def test_parse_row_never_raises(raw: dict[str, object], row: int) -> None:
    values, problems = SCHEMA.parse_row(row, raw)
    assert all(p.row == row and str(p).startswith(f"第{row}行: ") for p in problems)
    if not problems:
        assert set(values) == {c.key for c in SCHEMA.columns}


@FAST
@given(text=st.text(max_size=60))
def test_impossible_and_random_dates(text: str) -> None:
    try:
        day = Date()(text)
    except CellError as exc:
        assert exc.message.startswith(("不是有效日期", "的年份应在"))
    else:
        assert isinstance(day, dt.date)


@FAST
@given(
    year=st.integers(1900, 2100), month=st.integers(1, 12), day=st.integers(1, 31), sep=st.sampled_from("-./")
)
def test_dates_valid_iff_calendar_says_so(year: int, month: int, day: int, sep: str) -> None:
    try:
        expected: dt.date | None = dt.date(year, month, day)
    except ValueError:
        expected = None
    for text in (
        f"{year}{sep}{month}{sep}{day}",
        f"{year}年{month}月{day}日",
        f"{year:04d}{month:02d}{day:02d}",
    ):
        try:
            assert Date()(text) == expected
        except CellError:
            assert expected is None


@FAST
@given(
    number=st.integers(0, 10**6),
    unit=st.sampled_from(["", "册", "本", " 个", ".0", ".00"]),
    wide=st.booleans(),
)
def test_integers_written_as_text(number: int, unit: str, wide: bool) -> None:
    text = f"{number}{unit}"
    if wide:
        text = text.translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
    assert Integer()(text) == number


@FAST
@given(fen=st.integers(0, 10**10))
def test_money_text_round_trip(fen: int) -> None:
    assert Money()(f"{Decimal(fen) / 100:.2f}") == fen
    assert Money()(f"¥{Decimal(fen) / 100:,.2f}") == fen


# ------------------------------------------------------------------------------------------ export → import


@WORKBOOK
@given(texts=st.lists(CLEAN_TEXT, min_size=1, max_size=5), suffix=st.sampled_from([".xlsx", ".csv"]))
def test_export_import_round_trip_of_any_text(folder: Path, texts: list[str], suffix: str) -> None:
    for text in texts:
        stripped = text.strip()
        assume(stripped and not stripped.startswith("'") and normalize_header(stripped) not in TOTAL_WORDS)
    path = folder / f"round{suffix}"
    rows = [[text, "某", i] for i, text in enumerate(texts)]
    (write_xlsx if suffix == ".xlsx" else write_csv)(path, ["书名", "作者", "数量"], rows)
    preview = read_table(
        path, Schema([SCHEMA.by_key["title"], SCHEMA.by_key["author"], SCHEMA.by_key["quantity"]])
    )
    assert preview.ok, preview.problem_lines()
    assert [r.values["title"] for r in preview.rows] == [" ".join(t.split()) for t in texts]
    assert [r.values["quantity"] for r in preview.rows] == list(range(len(texts)))


@WORKBOOK
@given(values=st.lists(VALUES, min_size=1, max_size=6))
def test_export_accepts_any_cell_value(folder: Path, values: list[object]) -> None:
    for writer, name in ((write_xlsx, "any.xlsx"), (write_csv, "any.csv")):
        assert writer(folder / name, [f"列{i}" for i in range(len(values))], [values, values]) == 2
        workbook_or_text = folder / name
        assert workbook_or_text.stat().st_size > 0
    assert sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp")) == []
