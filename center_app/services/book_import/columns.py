"""The donation list's columns (``SCHEMA``): the many names lists give the same column (书名/题名/图书名称…) and
what a cell of each must hold."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

from center_app.domain import books, clc
from center_app.domain.cells import CellError, show
from center_app.importing import (
    Column,
    Integer,
    Money,
    Schema,
    Text,
)

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

MAX_QUANTITY = 200  # copies of one book on one row; more is a typo (a price or a year in the wrong column)


def _text(value: Any) -> str:
    return Text(max_length=2000)(value)


def _isbn(value: Any) -> str | None:
    return books.parse_isbn(_text(value))


def _clc(value: Any) -> str:
    return clc.validate(_text(value))


def _grade(value: Any) -> str:
    return books.parse_grade_band(_text(value))


_YEAR_TEXT = re.compile(
    r"^(\d{4})\s*(?:年|[-./])?\s*(?:(\d{1,2})\s*(?:月|[-./])?\s*(?:\d{1,2}\s*日?)?)?"
    r"(?:[ T]+\d{1,2}:\d{2}(?::\d{2})?)?$"  # "2015-03-02 00:00:00", as databases export dates
)


def _year(value: Any) -> int:
    """2015, "2015", "2015.3", "2015-03", "2015年3月", "2015年3月2日", 201503, a real date → 2015."""
    if isinstance(value, dt.date | dt.datetime):
        year = value.year
    elif isinstance(value, bool):
        raise CellError(f"不是有效的年份（{show(value)}）")
    elif isinstance(value, int | float):
        # A number: 2015, 2015.3 (typed "2015.3", Excel keeps it as a number), 201503, 20150302.
        digits = str(int(value)) if value == value else ""
        if len(digits) not in (4, 6, 8):
            raise CellError(f"不是有效的年份（{show(value)}），请写成 2015 或 2015年3月")
        year = int(digits[:4])
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip()
        match = _YEAR_TEXT.match(text) or re.match(r"^(\d{4})(\d{2})(?:\d{2})?$", text)
        if not match or (match[2] and not 1 <= int(match[2]) <= 12):
            raise CellError(f"不是有效的年份（{show(value)}），请写成 2015 或 2015年3月")
        year = int(match[1])
    return books.check_year(year)


_BARCODE_SPLIT = re.compile(r"[\s,，、;；]+")


def _barcodes(value: Any) -> tuple[str, ...]:
    """One barcode, or several for several copies ("T0000001、T0000002")."""
    parts = [p for p in _BARCODE_SPLIT.split(unicodedata.normalize("NFKC", _text(value))) if p]
    return tuple(books.validate_barcode(p) for p in parts)


def _row_check(values: Mapping[str, Any]) -> str | None:
    barcodes, quantity = values.get("barcode") or (), values.get("quantity")
    if barcodes and quantity is not None and quantity != len(barcodes):
        return f"“数量”是 {quantity}，但“条码”有 {len(barcodes)} 个，两者应一致（每册一个条码）"
    if len(barcodes) > MAX_QUANTITY:
        return f"一行最多 {MAX_QUANTITY} 个条码"
    return None


SCHEMA = Schema(
    [
        Column(
            "title",
            "书名",
            ("题名", "图书名称", "书目名称", "正题名", "书刊名称", "title"),
            Text(400),
            required=True,
        ),
        Column("author", "作者", ("著者", "责任者", "编著者", "author"), Text(200), default=""),
        Column("publisher", "出版社", ("出版单位", "出版者", "出版机构", "publisher"), Text(200), default=""),
        Column("year", "出版年", ("出版日期", "出版时间", "出版年份", "出版年月", "year"), _year),
        Column("isbn", "ISBN", ("ISBN号", "书号", "国际标准书号", "ISBN13", "isbn"), _isbn),
        Column("clc", "中图法分类号", ("分类号", "中图分类号", "中图法分类", "CLC"), _clc, default=""),
        Column("call_number", "索书号", ("索取号", "call number"), Text(60), default=""),
        Column("grade_band", "适读年级", ("年级", "适合年级", "阅读年级", "grade"), _grade, default=""),
        Column("subjects", "主题词", ("主题", "关键词", "subjects"), Text(400), default=""),
        Column("price", "定价", ("单价", "价格", "price"), Money(max_yuan=books.MAX_PRICE_YUAN)),
        Column("quantity", "数量", ("册数", "复本数", "复本", "本数", "quantity"), Integer(1, MAX_QUANTITY)),
        Column("barcode", "条码", ("登录号", "条形码", "条码号", "barcode"), _barcodes, default=()),
        Column("location", "馆藏位置", ("书架", "架位", "位置", "location"), Text(60), default=""),
        Column("donor", "捐赠方", ("捐赠单位", "捐赠人", "捐赠者", "捐书人", "donor"), Text(200), default=""),
        Column("notes", "备注", ("说明", "notes"), Text(2000), default=""),
    ],
    row_check=_row_check,
)
