"""The roster's columns (``SCHEMA``): the names rosters give each column (出生日期/生日, 村/组, 留守情况…) and the
domain parsers (``domain.children``) behind them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from center_app.domain import children as dom
from center_app.domain.cells import CellError, Date
from center_app.domain.children import FieldError
from center_app.importing import (
    Column,
    Schema,
    Text,
    yes_no,
)

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


def _cell(parser: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A domain parser as a column parser: its FieldError reason follows the column label, as CellError's does."""

    def parse(value: Any) -> Any:
        try:
            return parser(value)
        except FieldError as exc:
            raise CellError(exc.reason) from None

    return parse


def _note(value: Any) -> str:
    # Health notes and remarks keep their line breaks (Text() would fold them into one line, and a re-import of
    # our own export would then "change" every multi-line note).
    text = dom.clean_note(value if isinstance(value, str) else Text(dom.NOTE_MAX)(value))
    if len(text) > dom.NOTE_MAX:
        raise CellError(f"太长（{len(text)} 个字，最多 {dom.NOTE_MAX} 个字）")
    return text


GUARDIAN_KEYS = ("guardian_name", "guardian_relation", "guardian_phone")

SCHEMA = Schema(
    [
        Column(
            "name", "姓名", ("儿童姓名", "学生姓名", "孩子姓名", "name"), Text(dom.NAME_MAX), required=True
        ),
        Column("gender", "性别", ("gender", "sex"), _cell(dom.parse_gender)),
        Column(
            "birth_date",
            "出生日期",
            ("生日", "出生年月日", "出生时间", "出生日", "birth date", "birthday"),
            Date(),
        ),
        Column("grade", "年级", ("所在年级", "就读年级", "grade"), _cell(dom.parse_grade)),
        Column("class_name", "班级", ("班别", "所在班级", "就读班级", "class"), Text(dom.CLASS_MAX)),
        Column("school", "学校", ("就读学校", "所在学校", "学校名称", "school"), Text(dom.SCHOOL_MAX)),
        Column(
            "village",
            "村/组",
            ("村", "组", "村组", "所在村", "村名", "村民小组", "village"),
            Text(dom.VILLAGE_MAX),
        ),
        Column(
            "address", "家庭住址", ("住址", "地址", "家庭地址", "现住址", "address"), Text(dom.ADDRESS_MAX)
        ),
        Column(
            "left_behind_type",
            "留守类型",
            ("留守情况", "留守类别", "是否留守", "留守儿童类型", "留守状况"),
            _cell(dom.parse_left_behind),
        ),
        Column(
            "father_work_city",
            "父亲务工地",
            ("父亲外出地", "父亲务工地点", "父亲工作地", "父亲打工地", "父亲外出务工地"),
            Text(dom.CITY_MAX),
        ),
        Column(
            "father_phone", "父亲电话", ("父亲联系电话", "父亲手机", "父亲手机号"), _cell(dom.normalise_phone)
        ),
        Column(
            "mother_work_city",
            "母亲务工地",
            ("母亲外出地", "母亲务工地点", "母亲工作地", "母亲打工地", "母亲外出务工地"),
            Text(dom.CITY_MAX),
        ),
        Column(
            "mother_phone", "母亲电话", ("母亲联系电话", "母亲手机", "母亲手机号"), _cell(dom.normalise_phone)
        ),
        Column("guardian_name", "监护人", ("监护人姓名", "主要监护人", "guardian"), Text(dom.NAME_MAX + 20)),
        Column(
            "guardian_relation",
            "与儿童关系",
            ("监护人关系", "与孩子关系", "监护人与儿童关系", "关系"),
            _cell(dom.parse_relation),
        ),
        Column(
            "guardian_phone",
            "监护人电话",
            ("监护人联系电话", "监护人手机", "联系电话", "家长电话"),
            _cell(dom.normalise_phone),
        ),
        Column("health_notes", "健康状况", ("健康情况", "健康", "身体状况", "疾病史"), _note),
        Column("allergy_notes", "过敏", ("过敏史", "过敏情况", "过敏源", "过敏物"), _note),
        Column("special_attention", "重点关注", ("是否重点关注", "特别关注"), yes_no()),
        Column(
            "card_barcode",
            "借书证号",
            ("借书证", "读者证号", "借阅证号", "卡号", "card"),
            _cell(dom.parse_card_barcode),
        ),
        Column("notes", "备注", ("说明", "notes"), _note),
    ],
    unique=["card_barcode"],
)

CHILD_KEYS: tuple[str, ...] = tuple(c.key for c in SCHEMA.columns if c.key not in GUARDIAN_KEYS)
