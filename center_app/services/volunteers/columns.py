"""A volunteers' list's columns (``SCHEMA``): the names a university team's list or a centre's roster gives each
column (手机/联系电话, 学校/院校, 可服务时间…) and the domain parsers behind them. The export writes these same
headers, so a list exported, edited in Excel and imported again changes only what was edited.

No ID-card number column: the centre has no use for one, and a list that has it keeps it out (reported as a column
not imported)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from center_app.domain import volunteers as rules
from center_app.domain.cells import CellError, Date
from center_app.domain.children import normalise_phone, parse_gender
from center_app.domain.children.vocabulary import FieldError
from center_app.importing import Column, Schema, Text


def _cell(parser: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A domain parser as a column parser: its FieldError reason follows the column label, as CellError's does."""

    def parse(value: Any) -> Any:
        try:
            return parser(value)
        except FieldError as exc:
            raise CellError(exc.reason) from None

    return parse


def _note(value: Any) -> str:
    from center_app.domain.children.vocabulary import clean_note

    text = clean_note(value if isinstance(value, str) else Text(rules.NOTE_MAX)(value))
    if len(text) > rules.NOTE_MAX:
        raise CellError(f"太长（{len(text)} 个字，最多 {rules.NOTE_MAX} 个字）")
    return text


SCHEMA = Schema(
    [
        Column("name", "姓名", ("志愿者姓名", "名字", "name"), Text(rules.NAME_MAX), required=True),
        Column("gender", "性别", ("gender", "sex"), _cell(parse_gender)),
        Column(
            "phone",
            "电话",
            ("手机", "手机号", "手机号码", "联系电话", "联系方式", "phone", "mobile"),
            _cell(normalise_phone),
        ),
        Column(
            "organisation",
            "单位/学校",
            (
                "学校",
                "院校",
                "大学",
                "高校",
                "单位",
                "所在单位",
                "工作单位",
                "所在学校",
                "organisation",
                "school",
            ),
            Text(rules.ORGANISATION_MAX),
        ),
        Column("kind", "类别", ("身份", "志愿者类别", "类型", "kind"), _cell(rules.parse_kind)),
        Column(
            "subjects",
            "任教科目",
            ("科目", "学科", "教学科目", "授课内容", "subjects"),
            Text(rules.SUBJECTS_MAX),
        ),
        Column("skills", "特长", ("专长", "兴趣特长", "技能", "skills"), Text(rules.SKILLS_MAX)),
        Column("start_on", "服务开始", ("开始日期", "到岗日期", "服务开始日期", "起始日期", "start"), Date()),
        Column("end_on", "服务结束", ("结束日期", "离开日期", "服务结束日期", "截止日期", "end"), Date()),
        Column(
            "availability",
            "空闲时间",
            ("可服务时间", "服务时间", "时间安排", "可上课时间", "availability"),
            _cell(rules.parse_availability),
        ),
        Column("notes", "备注", ("说明", "notes"), _note),
    ],
)

KEYS: tuple[str, ...] = tuple(c.key for c in SCHEMA.columns)
HEADERS: tuple[str, ...] = tuple(c.label for c in SCHEMA.columns)
