"""Column specs, cell parsers and row validation (no files involved)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from center_app.domain.errors import ValidationError
from center_app.importing import (
    CellError,
    Choice,
    Column,
    Date,
    ImportPreview,
    Integer,
    Money,
    RowProblem,
    Schema,
    Text,
    ValidRow,
    yes_no,
)
from center_app.importing.schema import FormulaWithoutValue, clean_cell, normalize_header


def books_schema(**kwargs: object) -> Schema:
    return Schema(
        [
            Column("title", "书名", ["题名", "图书名称", "title"], required=True),
            Column("author", "作者", ["著者", "责任者", "author"]),
            Column("publisher", "出版社", ["出版单位", "publisher"]),
            Column(
                "quantity", "数量", ["册数", "复本数", "quantity", "qty"], parser=Integer(1, 1000), default=1
            ),
            Column("published", "出版日期", ["出版时间", "published"], parser=Date()),
            Column("barcode", "条码", ["登录号", "barcode"]),
        ],
        **kwargs,  # type: ignore[arg-type]
    )


# ------------------------------------------------------------------------------------------ headers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("书名", "书名"),
        (" 书名（必填） ", "书名"),
        ("*书名:", "书名"),
        ("书名：", "书名"),
        ("书　名", "书名"),  # full-width space
        ("数量(册)", "数量"),
        ("【作者】", "作者"),
        ("（元）", "元"),
        ("Title", "title"),
        ("Book_Title", "booktitle"),
        ("ＩＳＢＮ号", "isbn号"),
    ],
)
def test_normalize_header(text: str, expected: str) -> None:
    assert normalize_header(text) == expected


def test_match_header_synonyms_english_and_slash() -> None:
    schema = books_schema()
    match = schema.match_header(
        ["编号", "题名", "Author", "出版单位 ", "复本数(册)", "书名/题名 备注", None, "捐赠人"]
    )
    assert match.positions == {"title": 1, "author": 2, "publisher": 3, "quantity": 4}
    assert match.texts["quantity"] == "复本数(册)"
    assert "编号" in match.ignored and "捐赠人" in match.ignored
    assert not match.conflicts


def test_match_header_half_of_slash_name() -> None:
    match = books_schema().match_header(["书名/题名", "著者、责任者", "【出版社】"])
    assert match.positions == {"title": 0, "author": 1, "publisher": 2}


def test_match_header_conflict() -> None:
    match = books_schema().match_header(["书名", "题名", "作者"])
    assert match.conflicts == {"title": ["书名", "题名"]}


def test_header_threshold_one_column_schema() -> None:
    assert Schema([Column("name", "姓名")]).header_threshold == 1
    assert books_schema().header_threshold == 2


def test_schema_refuses_programming_mistakes() -> None:
    with pytest.raises(ValueError, match="duplicate column key"):
        Schema([Column("a", "甲"), Column("a", "乙")])
    with pytest.raises(ValueError, match="belongs to both"):
        Schema([Column("a", "书名"), Column("b", "题名", ["书名"])])
    with pytest.raises(ValueError, match="not a column"):
        Schema([Column("a", "甲")], unique=["zzz"])
    with pytest.raises(ValueError):
        Schema([])


# ------------------------------------------------------------------------------------------ parsers


def test_text_parser() -> None:
    parse = Text(max_length=13)
    assert parse(" 小马\n过河 ") == "小马 过河"
    assert parse(9787104332183) == "9787104332183"
    assert parse(9787104332183.0) == "9787104332183"
    assert parse(3.25) == "3.25"
    assert parse(True) == "是"
    assert parse(dt.datetime(2015, 3, 2)) == "2015-03-02"
    assert parse(dt.date(2015, 3, 2)) == "2015-03-02"
    assert parse(Decimal("12.50")) == "12.50"
    with pytest.raises(CellError, match="太长"):
        parse("一" * 14)
    with pytest.raises(CellError):
        parse(float("nan"))


@pytest.mark.parametrize(
    "value",
    [3, 3.0, "3", "３", "3册", "3 本", "3.0", " 3 ", "+3", "003", Decimal("3")],
)
def test_integer_accepts_the_ways_people_write_three(value: object) -> None:
    assert Integer()(value) == 3


def test_integer_thousands() -> None:
    assert Integer()("1,200") == 1200
    assert Integer()("１，２００") == 1200


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("abc", "不是有效的整数（abc）"),
        ("3.5", "应为整数，不能有小数（3.5）"),
        (3.5, "应为整数，不能有小数（3.5）"),
        ("-1", "不能小于 0（-1）"),
        (-1, "不能小于 0（-1）"),
        ("3kg", "不是有效的整数（3kg）"),
        ("三", "不是有效的整数（三）"),
        (True, "应为整数（True）"),
        ("9" * 40, "不是有效的整数"),
        (float("inf"), "不是有效的整数"),
        (dt.date(2015, 1, 1), "不是有效的整数"),
    ],
)
def test_integer_refuses(value: object, reason: str) -> None:
    with pytest.raises(CellError) as info:
        Integer()(value)
    assert info.value.message.startswith(reason)


def test_integer_limits_and_units() -> None:
    with pytest.raises(CellError, match="不能大于 10"):
        Integer(0, 10)(11)
    with pytest.raises(CellError, match="不能小于 1"):
        Integer(1, 10)(0)
    assert Integer(units=frozenset({"kg"}))("3kg") == 3


@pytest.mark.parametrize(
    ("value", "fen"),
    [
        ("12.5", 1250),
        ("¥12.50", 1250),
        ("￥12.50", 1250),
        ("12.50元", 1250),
        ("1,234.56", 123456),
        ("RMB 8", 800),
        (12.5, 1250),
        (0.1 + 0.2, 30),
        (12, 1200),
        (Decimal("0.01"), 1),
        ("０.５", 50),
    ],
)
def test_money_to_fen(value: object, fen: int) -> None:
    assert Money()(value) == fen


@pytest.mark.parametrize(
    "value", ["12.345", "abc", "1e5", "NaN", "-3", -3, True, 12.345, float("nan"), "12..5"]
)
def test_money_refuses(value: object) -> None:
    with pytest.raises(CellError):
        Money()(value)


def test_money_negative_allowed_and_max() -> None:
    assert Money(allow_negative=True)("-3") == -300
    with pytest.raises(CellError, match="金额太大"):
        Money(max_yuan=100)("100.01")


@pytest.mark.parametrize(
    "value",
    [
        dt.date(2015, 3, 2),
        dt.datetime(2015, 3, 2, 14, 30),
        "2015-3-2",
        "2015-03-02",
        "2015.3.2",
        "2015/03/02",
        "2015/3/2",
        "2015年3月2日",
        "2015 年 3 月 2 日",
        "20150302",
        20150302,
        20150302.0,
        "２０１５－３－２",
        "2015-03-02 00:00:00",
        "2015-03-02T08:15",
    ],
)
def test_date_formats(value: object) -> None:
    assert Date()(value) == dt.date(2015, 3, 2)


@pytest.mark.parametrize(
    "value", ["2015-2-30", "2015-13-01", "2015.0.1", "20150230", "2015年2月29日", "0000-01-01", 20151301]
)
def test_impossible_dates(value: object) -> None:
    with pytest.raises(CellError) as info:
        Date()(value)
    assert info.value.message.startswith("不是有效日期（")


@pytest.mark.parametrize("value", ["abc", "3/2/2015", "15-3-2", "2015年3月", "", True, dt.time(8, 0), 42064])
def test_date_refuses_other_things(value: object) -> None:
    with pytest.raises(CellError, match="不是有效日期"):
        Date()(value)


def test_date_serial_number_gets_a_hint_and_year_range() -> None:
    with pytest.raises(CellError, match="日期格式"):
        Date()(42064.0)
    with pytest.raises(CellError, match="年份应在 2000 到 2030"):
        Date(min_year=2000, max_year=2030)("1999-01-01")
    assert Date()("2000-02-29") == dt.date(2000, 2, 29)


def test_choice_and_yes_no() -> None:
    gender = Choice(
        {"男": "male", "女": "female", "M": "male", "F": "female", "male": "male", "female": "female"}
    )
    assert gender("男") == "male"
    assert gender(" Female ") == "female"
    assert gender("ｍ") == "male"
    with pytest.raises(CellError) as info:
        gender("未知")
    assert info.value.message == "只能填写 男、女（未知）"
    flag = yes_no()
    assert flag("是") is True and flag("否") is False and flag("Y") is True and flag(0) is False
    assert flag(True) is True and flag("√") is True and flag("×") is False
    with pytest.raises(CellError, match="只能填写 是"):
        flag("也许")


# ------------------------------------------------------------------------------------------ rows


def test_parse_row_message_names_row_and_column() -> None:
    _values, problems = books_schema().parse_row(5, {"title": "雷雨", "published": "2015-2-30"})
    assert [str(p) for p in problems] == ["第5行: “出版日期”不是有效日期（2015-2-30）"]
    assert problems[0].column == "出版日期"


def test_parse_row_required_default_and_absent_columns() -> None:
    schema = books_schema()
    values, problems = schema.parse_row(3, {"title": "雷雨", "quantity": None})
    assert not problems
    assert values == {
        "title": "雷雨",
        "author": None,
        "publisher": None,
        "quantity": 1,
        "published": None,
        "barcode": None,
    }
    _values, problems = schema.parse_row(4, {"title": "  ", "quantity": "abc"})
    assert [str(p) for p in problems] == ["第4行: “书名”不能为空", "第4行: “数量”不是有效的整数（abc）"]


def test_parse_row_cell_specials() -> None:
    schema = books_schema(max_cell_chars=100)
    _v, problems = schema.parse_row(7, {"title": "x" * 101})
    assert "内容太长（101 个字" in problems[0].message
    _v, problems = schema.parse_row(8, {"title": FormulaWithoutValue("=A1")})
    assert "是公式，但文件里没有保存计算结果" in problems[0].message
    _v, problems = schema.parse_row(9, {"title": "#DIV/0!"})
    assert problems[0].message == "“书名”是出错的公式（#DIV/0!），请在表格里改正"


def test_clean_cell_undoes_export_escape_only() -> None:
    assert clean_cell("'=1+1") == "=1+1"
    assert clean_cell("'-3") == "-3"
    assert clean_cell("'abc") == "'abc"
    assert clean_cell("\u200b 书名 \ufeff") == "书名"
    assert clean_cell("   ") is None
    assert clean_cell(0) == 0


def test_callers_parser_raising_value_error_becomes_a_problem() -> None:
    def isbn(value: object) -> str:
        raise ValueError("The number's checksum or check digit is invalid.")

    schema = Schema([Column("title", "书名", required=True), Column("isbn", "ISBN", parser=isbn)])
    _v, problems = schema.parse_row(12, {"title": "雷雨", "isbn": "9787104332184"})
    assert str(problems[0]) == "第12行: “ISBN”格式不正确（9787104332184）"

    def isbn_strict(value: object) -> str:
        raise CellError("校验位错误（9787104332184）")

    schema = Schema([Column("title", "书名"), Column("isbn", "ISBN", parser=isbn_strict)])
    _v, problems = schema.parse_row(12, {"isbn": "9787104332184"})
    assert str(problems[0]) == "第12行: “ISBN”校验位错误（9787104332184）"

    def isbn_domain(value: object) -> str:  # a domain helper refusing with its own whole sentence
        raise ValidationError(f"ISBN“{value}”无效：请检查最后一位校验位。")

    schema = Schema([Column("title", "书名"), Column("isbn", "ISBN", parser=isbn_domain)])
    _v, problems = schema.parse_row(12, {"isbn": "9787104332184"})
    assert str(problems[0]) == "第12行: ISBN“9787104332184”无效：请检查最后一位校验位。"
    assert problems[0].column == "ISBN"


def test_row_check_returns_or_raises() -> None:
    def check(values: dict[str, object]) -> list[str]:
        out = []
        if values["lent"] > values["total"]:  # type: ignore[operator]
            out.append("借出数量不能大于总数")
        return out

    columns = [
        Column("total", "总数", parser=Integer(), required=True),
        Column("lent", "借出", parser=Integer()),
    ]
    schema = Schema(columns, row_check=check)
    assert schema.parse_row(2, {"total": 3, "lent": 1})[1] == []
    assert [str(p) for p in schema.parse_row(3, {"total": 3, "lent": 5})[1]] == [
        "第3行: 借出数量不能大于总数"
    ]
    # not run when a cell already failed
    assert len(schema.parse_row(4, {"total": "x", "lent": 5})[1]) == 1

    def raising(values: dict[str, object]) -> None:
        raise CellError("总数和借出都为 0")

    schema = Schema(columns, row_check=raising)
    assert schema.parse_row(5, {"total": 0, "lent": 0})[1][0].message == "总数和借出都为 0"

    def domain_rule(values: dict[str, object]) -> None:
        raise ValidationError("借出数量超过库存")

    assert (
        Schema(columns, row_check=domain_rule).parse_row(5, {"total": 0})[1][0].message == "借出数量超过库存"
    )
    schema = Schema(columns, row_check=lambda v: "单个问题")

    assert schema.parse_row(6, {"total": 0})[1][0].message == "单个问题"


def test_duplicates_within_file() -> None:
    schema = books_schema(unique=["barcode"])
    rows, problems = schema.validate(
        [
            (3, {"title": "甲", "barcode": "A0001"}),
            (4, {"title": "乙", "barcode": "A0002"}),
            (5, {"title": "丙", "barcode": None}),
            (6, {"title": "丁", "barcode": None}),  # blank keys are never duplicates
            (9, {"title": "戊", "barcode": "ａ0001 "}),  # same barcode to a person
        ]
    )
    assert [r.row for r in rows] == [3, 4, 5, 6]
    assert [str(p) for p in problems] == ["第9行: 与第3行重复（“条码”都是 A0001）"]
    assert str(problems[0]).startswith("第9行: 与第3行重复")


def test_duplicates_on_composite_key() -> None:
    schema = books_schema(unique=[("title", "author")])
    _rows, problems = schema.validate(
        [
            (2, {"title": "雷雨", "author": "曹禺"}),
            (3, {"title": "雷雨", "author": "别人"}),
            (4, {"title": "雷雨", "author": "曹禺"}),
        ]
    )
    assert [str(p) for p in problems] == ["第4行: 与第2行重复（“书名”、“作者”都是 雷雨 / 曹禺）"]


# ------------------------------------------------------------------------------------------ preview


def test_row_problem_str() -> None:
    assert str(RowProblem(12, "ISBN", "ISBN 校验位错误")) == "第12行: ISBN 校验位错误"


def test_preview_policy() -> None:
    preview = ImportPreview(source="捐书.xlsx", sheet_name="Sheet1", header_row=2)
    preview.rows = [ValidRow(3, {"title": "甲"})]
    preview.total_rows_seen = 3
    preview.skipped_total_rows = [5]
    assert preview.ok
    assert preview.rows_for_import() == preview.rows
    assert preview.rows[0]["title"] == "甲"
    preview.problems = [
        RowProblem(4, "书名", "“书名”不能为空"),
        RowProblem(4, "数量", "“数量”不能小于 1（0）"),
    ]
    assert not preview.ok
    assert preview.bad_rows == [4]
    assert preview.summary() == "共 3 行：可导入 1 行，1 行有问题，跳过合计行 1 行"
    with pytest.raises(ValidationError) as info:
        preview.rows_for_import()
    assert "没有导入任何数据" in info.value.message
    assert info.value.problems == ["第4行: “书名”不能为空", "第4行: “数量”不能小于 1（0）"]
    assert preview.rows_for_import(skip_invalid=True) == preview.rows
    assert preview.problem_lines(limit=1) == ["第4行: “书名”不能为空", "……还有 1 个问题未列出"]
