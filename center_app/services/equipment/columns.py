"""A donor's equipment list (``SCHEMA``): the names such lists give each column (名称/器材名称/物品名称…, 数量/件数…,
类别/分类…, 存放位置/位置…, 来源/捐赠方…) and what a cell of each must hold. Every row that parses is then checked
as a whole by the same rule the item form uses (``domain.equipment.validate_item``), so a row and a typed item are
refused for the same reasons, with the row's number."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

from center_app.domain import equipment as rules
from center_app.domain.cells import Date
from center_app.domain.errors import ValidationError
from center_app.importing import Column, Integer, Money, Schema, Text, yes_no

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

_CODE_SPLIT = re.compile(r"[\s,，、;；]+")


def _category(value: Any) -> str:
    return rules.parse_category(Text(40)(value))


def _condition(value: Any) -> str:
    return rules.parse_condition(Text(20)(value))


def _barcodes(value: Any) -> tuple[str, ...]:
    """One asset number, or several for several pieces ("E000001、E000002")."""
    parts = [p for p in _CODE_SPLIT.split(unicodedata.normalize("NFKC", Text(2000)(value))) if p]
    return tuple(rules.validate_barcode(p) for p in parts)


def item_input(values: Mapping[str, Any]) -> rules.ItemInput:
    """A parsed row as the form's input: several asset numbers, or 逐件编号 是, make a one-by-one item."""
    barcodes = values.get("barcodes") or ()
    individual = bool(values.get("individual")) or len(barcodes) > 1
    return rules.ItemInput(
        name=values["name"],
        category=values.get("category") or "other",
        tracking="individual" if individual else "quantity",
        quantity=int(values["quantity"]) if values.get("quantity") is not None else (len(barcodes) or 1),
        unit=values.get("unit") or "个",
        location=values.get("location") or "",
        condition=values.get("condition") or "good",
        consumable=bool(values.get("consumable")),
        low_stock=values.get("low_stock"),
        donor=values.get("donor") or "",
        acquired_on=values.get("acquired_on"),
        value_fen=values.get("value"),
        notes=values.get("notes") or "",
        barcodes=tuple(barcodes),
    )


def _row_check(values: Mapping[str, Any]) -> list[str] | None:
    try:
        rules.validate_item(item_input(values))
    except ValidationError as exc:
        return [p.rstrip("。") for p in exc.problems] or [exc.message]
    return None


SCHEMA = Schema(
    [
        Column(
            "name",
            "名称",
            (
                "器材名称",
                "物品名称",
                "品名",
                "物品",
                "器材",
                "名称及规格",
                "名称规格",
                "设备名称",
                "name",
                "item",
            ),
            Text(rules.MAX_NAME),
            required=True,
        ),
        Column(
            "quantity",
            "数量",
            ("件数", "个数", "数目", "捐赠数量", "quantity", "qty"),
            Integer(0, rules.MAX_QUANTITY),
        ),
        Column("unit", "单位", ("计量单位", "unit"), Text(rules.MAX_UNIT), default="个"),
        Column(
            "category", "类别", ("分类", "类型", "种类", "器材类别", "category"), _category, default="other"
        ),
        Column(
            "location",
            "存放位置",
            ("位置", "存放地点", "存放处", "放置位置", "存放", "location"),
            Text(rules.MAX_LOCATION),
            default="",
        ),
        Column(
            "donor",
            "来源",
            ("捐赠方", "捐赠单位", "捐赠人", "捐赠者", "来源单位", "捐赠", "donor", "source"),
            Text(200),
            default="",
        ),
        Column(
            "acquired_on",
            "入库日期",
            ("日期", "捐赠日期", "接收日期", "购置日期", "到货日期", "date"),
            Date(),
        ),
        Column(
            "value",
            "单价",
            ("价格", "价值", "单价（元）", "单价元", "price", "value"),
            Money(max_yuan=1_000_000),
        ),
        Column(
            "condition", "状况", ("状态", "完好情况", "新旧程度", "condition"), _condition, default="good"
        ),
        Column("individual", "逐件编号", ("是否逐件编号", "每件编号", "编号管理"), yes_no(), default=False),
        Column(
            "barcodes", "编号", ("资产编号", "器材编号", "条码", "条形码", "barcode"), _barcodes, default=()
        ),
        Column("consumable", "消耗品", ("是否消耗品", "易耗品", "耗材"), yes_no(), default=False),
        Column(
            "low_stock",
            "补货提醒",
            ("最低库存", "库存下限", "安全库存", "补货数量"),
            Integer(0, rules.MAX_QUANTITY),
        ),
        Column("notes", "备注", ("说明", "notes"), Text(rules.MAX_NOTES), default=""),
    ],
    row_check=_row_check,
)
