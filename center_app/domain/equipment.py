"""The equipment room's rules (文体器材): categories, conditions, asset barcodes, what a new item must say, who can
borrow, when a loan is due, and how many pieces of an item can be lent. Pure: no Qt, no SQLAlchemy.

Two ways of keeping an item:

- **by quantity** (``Tracking.QUANTITY``): 20 跳绳 are one record with ``quantity_total`` 20. Of those, some may be
  damaged (``quantity_damaged``) or away for repair (``quantity_repair``); the open loans say how many are out.
  The item gets one asset barcode for its box or shelf, so a scan finds the kind.
- **one by one** (``Tracking.INDIVIDUAL``): 电子琴, 投影仪 — each piece is a unit with its own asset barcode and
  status; the item's ``quantity_total`` is the number of units still in the collection.

Asset barcodes are ``E`` + 6 digits (``E000123``): never the books' ``T…`` nor a library card's number, so one
scanner input can tell them apart.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Final

from center_app.domain.errors import ValidationError
from center_app.domain.states import (
    BorrowerKind,
    Condition,
    EquipmentCategory,
    IncidentKind,
    Tracking,
    UnitStatus,
)

# --- labels ----------------------------------------------------------------------------------------------------

CATEGORY_LABELS: Final[dict[str, str]] = {
    EquipmentCategory.SPORTS: "体育",
    EquipmentCategory.MUSIC: "音乐",
    EquipmentCategory.ART: "美术",
    EquipmentCategory.GAMES: "棋类",
    EquipmentCategory.ELECTRONICS: "电子",
    EquipmentCategory.READING: "阅读角",
    EquipmentCategory.OTHER: "其他",
}
CONDITION_LABELS: Final[dict[str, str]] = {
    Condition.GOOD: "完好",
    Condition.DAMAGED: "损坏",
    Condition.REPAIR: "维修中",
    Condition.SCRAPPED: "报废",
}
UNIT_STATUS_LABELS: Final[dict[str, str]] = {
    UnitStatus.AVAILABLE: "完好",
    UnitStatus.ON_LOAN: "借出",
    UnitStatus.DAMAGED: "损坏",
    UnitStatus.REPAIR: "维修中",
    UnitStatus.LOST: "遗失",
    UnitStatus.RETIRED: "报废",
}
TRACKING_LABELS: Final[dict[str, str]] = {Tracking.QUANTITY: "按数量", Tracking.INDIVIDUAL: "逐件编号"}
BORROWER_LABELS: Final[dict[str, str]] = {
    BorrowerKind.CHILD: "儿童",
    BorrowerKind.VOLUNTEER: "志愿者",
    BorrowerKind.CLASS: "班级",
    BorrowerKind.ACTIVITY: "活动",
}
INCIDENT_LABELS: Final[dict[str, str]] = {
    IncidentKind.DAMAGED: "损坏",
    IncidentKind.LOST: "遗失",
    IncidentKind.REPAIR: "送修",
    IncidentKind.REPAIRED: "修好",
    IncidentKind.SCRAPPED: "报废",
    IncidentKind.FOUND: "找回",
    IncidentKind.STOCK_IN: "入库",
    IncidentKind.STOCK_OUT: "出库",
}

# Unit statuses that keep a piece off the desk, and why (ON_LOAN is judged by the open loan itself).
OUT_OF_USE_UNIT: Final[dict[str, str]] = {
    UnitStatus.DAMAGED: "已登记为损坏",
    UnitStatus.REPAIR: "正在维修",
    UnitStatus.LOST: "已登记为遗失",
    UnitStatus.RETIRED: "已报废",
}
OUT_OF_USE_ITEM: Final[dict[str, str]] = {
    Condition.DAMAGED: "已登记为损坏",
    Condition.REPAIR: "正在维修",
    Condition.SCRAPPED: "已报废",
}
# Units still part of the collection (counted in quantity_total and expected at a stocktake).
HELD_UNIT_STATUSES: Final[tuple[str, ...]] = (
    UnitStatus.AVAILABLE,
    UnitStatus.ON_LOAN,
    UnitStatus.DAMAGED,
    UnitStatus.REPAIR,
)


def category_label(value: str) -> str:
    return CATEGORY_LABELS.get(value, value or "其他")


def condition_label(value: str) -> str:
    return CONDITION_LABELS.get(value, value)


def unit_status_label(value: str) -> str:
    return UNIT_STATUS_LABELS.get(value, value)


def incident_label(value: str) -> str:
    return INCIDENT_LABELS.get(value, value)


def _key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text or "").casefold().split())


_CATEGORY_WORDS: Final[dict[str, str]] = {
    **{_key(v): v for v in EquipmentCategory},
    **{_key(label): value for value, label in CATEGORY_LABELS.items()},
    **dict.fromkeys(("体育器材", "运动", "运动器材", "球类", "体育用品"), EquipmentCategory.SPORTS),
    **dict.fromkeys(("乐器", "音乐器材", "音体美-音乐"), EquipmentCategory.MUSIC),
    **dict.fromkeys(("美术用品", "美工", "手工", "美术器材", "文具"), EquipmentCategory.ART),
    **dict.fromkeys(
        ("棋", "棋牌", "游戏", "益智", "益智玩具", "玩具", "桌游", "棋类游戏"), EquipmentCategory.GAMES
    ),
    **dict.fromkeys(("电子设备", "电器", "电教", "电教设备", "数码"), EquipmentCategory.ELECTRONICS),
    **dict.fromkeys(("阅读", "图书角", "阅读区", "绘本角"), EquipmentCategory.READING),
    **dict.fromkeys(("", "杂项", "其它", "综合"), EquipmentCategory.OTHER),
}
_CONDITION_WORDS: Final[dict[str, str]] = {
    **{_key(v): v for v in Condition},
    **{_key(label): value for value, label in CONDITION_LABELS.items()},
    **dict.fromkeys(("", "好", "良好", "正常", "全新", "新", "可用", "九成新"), Condition.GOOD),
    **dict.fromkeys(("坏", "坏了", "破损", "已损坏", "损毁"), Condition.DAMAGED),
    **dict.fromkeys(("维修", "在修", "待修", "送修"), Condition.REPAIR),
    **dict.fromkeys(("已报废", "作废", "淘汰"), Condition.SCRAPPED),
}


def parse_category(text: str) -> str:
    """``体育`` / ``sports`` / ``体育器材`` / ``乐器`` → the stored value; blank → ``other``."""
    value = _CATEGORY_WORDS.get(_key(text))
    if value is None:
        allowed = "、".join(CATEGORY_LABELS.values())
        raise ValidationError(f"器材类别“{(text or '').strip()}”不认识，只能是 {allowed}。")
    return value


def parse_condition(text: str) -> str:
    """``完好`` / ``损坏`` / ``维修中`` / ``报废`` (or ``good`` …, ``好``, ``坏了``) → the stored value; blank → good."""
    value = _CONDITION_WORDS.get(_key(text))
    if value is None:
        allowed = "、".join(CONDITION_LABELS.values())
        raise ValidationError(f"器材状况“{(text or '').strip()}”不认识，只能是 {allowed}。")
    return value


# --- asset barcodes ----------------------------------------------------------------------------------------------

BARCODE_PREFIX: Final = "E"
BARCODE_DIGITS: Final = 6
_BARCODE = re.compile(r"^[A-Z0-9][A-Z0-9\-]{1,38}$")


def clean_code(text: str) -> str:
    """A scanned or typed code: NFKC (full-width → ASCII), trimmed, upper case (Caps Lock, or not)."""
    return unicodedata.normalize("NFKC", text or "").strip().upper()


def make_barcode(number: int) -> str:
    return f"{BARCODE_PREFIX}{number:0{BARCODE_DIGITS}d}"


def barcode_number(code: str) -> int | None:
    """``E000123`` → 123; None for any other shape (a code from elsewhere, kept as it is)."""
    digits = code[len(BARCODE_PREFIX) :]
    if code.startswith(BARCODE_PREFIX) and len(digits) == BARCODE_DIGITS and digits.isdigit():
        return int(digits)
    return None


def validate_barcode(text: str) -> str:
    """An asset barcode given by hand or in a file (a donor's own asset tag): letters, digits and ``-``."""
    code = clean_code(text)
    if not _BARCODE.match(code):
        raise ValidationError(
            f"器材编号“{(text or '').strip()}”不能用：只能由英文字母、数字和“-”组成，2 到 39 个字符。"
        )
    return code


# --- an item as entered --------------------------------------------------------------------------------------------

MAX_NAME = 200
MAX_LOCATION = 60
MAX_UNIT = 20
MAX_NOTES = 2000
MAX_QUANTITY = 10_000  # pieces of one item: more is a typo (a price in the quantity column)
MAX_UNITS_AT_ONCE = 200  # pieces registered one by one in one go
MAX_VALUE_FEN = 100_000_000  # ¥1,000,000 a piece


@dataclass(frozen=True)
class ItemInput:
    """What the item form (or an import row) says. Texts as typed; :func:`validate_item` cleans them.

    ``quantity``: pieces of a quantity item, or — for a new one-by-one item — how many units to register (each gets
    the next asset barcode, unless ``barcodes`` gives them). ``value_fen``: the value of one piece, in fen.
    ``donor``: where it came from (a donor's name; a donation batch is made for it), or ``batch_id`` of an
    existing batch. ``low_stock``: list the item for restocking when what is on the shelf falls to this.
    """

    name: str
    category: str = EquipmentCategory.OTHER
    tracking: str = Tracking.QUANTITY
    quantity: int = 1
    unit: str = "个"
    location: str = ""
    condition: str = Condition.GOOD
    consumable: bool = False
    low_stock: int | None = None
    donor: str = ""
    batch_id: int | None = None
    acquired_on: dt.date | None = None
    value_fen: int | None = None
    photo_path: str = ""
    notes: str = ""
    barcodes: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class ItemValues:
    """An :class:`ItemInput` that passed :func:`validate_item`: what gets stored."""

    name: str
    category: str
    tracking: str
    quantity: int
    unit: str
    location: str
    condition: str
    consumable: bool
    low_stock: int | None
    donor: str
    batch_id: int | None
    acquired_on: dt.date | None
    value_fen: int | None
    photo_path: str
    notes: str
    barcodes: tuple[str, ...]


def one_line(text: str) -> str:
    """One space between words (full-width spaces and line breaks too), trimmed; the characters as typed
    (a name keeps its full-width brackets: 篮球（7号）)."""
    return " ".join((text or "").split())


def validate_item(data: ItemInput, *, today: dt.date | None = None) -> ItemValues:
    """Clean and check an item; raise one ValidationError listing every problem (Chinese)."""
    problems: list[str] = []
    name = one_line(data.name)
    if not name:
        problems.append("请填写器材名称。")
    elif len(name) > MAX_NAME:
        problems.append(f"器材名称不能超过{MAX_NAME}个字。")
    category, condition = EquipmentCategory.OTHER.value, Condition.GOOD.value
    try:
        category = parse_category(data.category)
    except ValidationError as exc:
        problems.append(exc.message)
    try:
        condition = parse_condition(data.condition)
    except ValidationError as exc:
        problems.append(exc.message)
    tracking = data.tracking if data.tracking in tuple(Tracking) else ""
    if not tracking:
        problems.append("登记方式只能是“按数量”或“逐件编号”。")
    quantity = data.quantity
    barcodes: list[str] = []
    for code in data.barcodes:
        try:
            barcodes.append(validate_barcode(code))
        except ValidationError as exc:
            problems.append(exc.message)
    if len(set(barcodes)) != len(barcodes):
        problems.append("器材编号有重复。")
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 0 or quantity > MAX_QUANTITY:
        problems.append(f"数量应为 0 到 {MAX_QUANTITY} 之间的整数。")
        quantity = 0
    if tracking == Tracking.INDIVIDUAL:
        if barcodes and quantity not in (0, len(barcodes)):
            problems.append(
                f"数量是 {quantity}，但给了 {len(barcodes)} 个器材编号，两者应一致（每件一个编号）。"
            )
        quantity = len(barcodes) or quantity
        if quantity > MAX_UNITS_AT_ONCE:
            problems.append(f"逐件编号的器材一次最多登记 {MAX_UNITS_AT_ONCE} 件。")
        if data.consumable:
            problems.append("消耗品按数量登记，不能逐件编号。")
    elif barcodes and len(barcodes) > 1:
        problems.append("按数量登记的器材只有一个编号（贴在箱子或柜子上）；要每件一个编号，请选“逐件编号”。")
    unit = one_line(data.unit) or "个"
    if len(unit) > MAX_UNIT:
        problems.append(f"单位不能超过{MAX_UNIT}个字。")
    location = one_line(data.location)
    if len(location) > MAX_LOCATION:
        problems.append(f"存放位置不能超过{MAX_LOCATION}个字。")
    low = data.low_stock
    if low is not None and (
        isinstance(low, bool) or not isinstance(low, int) or not 0 <= low <= MAX_QUANTITY
    ):
        problems.append(f"补货提醒数量应为 0 到 {MAX_QUANTITY} 之间的整数。")
        low = None
    value = data.value_fen
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_VALUE_FEN
    ):
        problems.append("单价应在 0 到 1000000 元之间。")
        value = None
    donor = one_line(data.donor)
    if len(donor) > 200:
        problems.append("来源（捐赠方）不能超过200个字。")
    if data.acquired_on is not None and data.acquired_on > (today or dt.date.today()):
        problems.append("入库日期不能晚于今天。")
    notes = (data.notes or "").strip()
    if len(notes) > MAX_NOTES:
        problems.append(f"备注不能超过{MAX_NOTES}个字。")
    photo = (data.photo_path or "").strip()
    if len(photo) > 400:
        problems.append("照片路径太长（最多400个字符）。")
    if problems:
        raise ValidationError("器材信息有误：" + " ".join(problems), problems)
    return ItemValues(
        name=name,
        category=category,
        tracking=tracking,
        quantity=quantity,
        unit=unit,
        location=location,
        condition=condition,
        consumable=bool(data.consumable),
        low_stock=low,
        donor=donor,
        batch_id=data.batch_id,
        acquired_on=data.acquired_on,
        value_fen=value,
        photo_path=photo,
        notes=notes,
        barcodes=tuple(barcodes),
    )


# --- counts ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    """Pieces of one item: ``total`` in the collection; of them ``out`` on loan, ``damaged`` and ``repair`` in the
    room but not usable; ``available`` what the desk may lend now (0 when the item itself is out of use)."""

    total: int
    out: int
    damaged: int
    repair: int
    available: int


def quantity_counts(total: int, out: int, damaged: int, repair: int, condition: str) -> Counts:
    usable = max(0, total - out - damaged - repair)
    return Counts(total, out, damaged, repair, usable if condition == Condition.GOOD else 0)


# --- lending ------------------------------------------------------------------------------------------------------

MAX_LABEL = 100


@dataclass(frozen=True)
class Borrower:
    """Who takes the equipment: a child (``child_id``, or the card code scanned in ``card``), a volunteer
    (``volunteer_id``, or just a ``label`` with their name), a class or an activity session (``label``: free text
    such as ``三年级体育课``; ``activity_id`` when it is a recorded session)."""

    kind: str
    label: str = ""
    child_id: int | None = None
    card: str = ""
    volunteer_id: int | None = None
    activity_id: int | None = None

    @classmethod
    def child(cls, child_id: int | None = None, *, card: str = "") -> Borrower:
        return cls(BorrowerKind.CHILD, child_id=child_id, card=card)

    @classmethod
    def volunteer(cls, volunteer_id: int | None = None, *, name: str = "") -> Borrower:
        return cls(BorrowerKind.VOLUNTEER, label=name, volunteer_id=volunteer_id)

    @classmethod
    def group(cls, label: str, *, activity_id: int | None = None) -> Borrower:
        """A class (``三年级2班``); with an activity id, that recorded activity session."""
        kind = BorrowerKind.ACTIVITY if activity_id is not None else BorrowerKind.CLASS
        return cls(kind, label=label, activity_id=activity_id)

    @classmethod
    def session(cls, label: str = "", *, activity_id: int | None = None) -> Borrower:
        """An activity session: free text (``三年级体育课 14:00–15:00``) or a recorded activity (its title is the
        label unless one is given; the loan is due when it ends, unless another time is given)."""
        return cls(BorrowerKind.ACTIVITY, label=label, activity_id=activity_id)


def check_group_label(label: str) -> str:
    text = one_line(label)
    if not text:
        raise ValidationError("请写明借给哪个班或哪个活动，例如“三年级体育课”。")
    if len(text) > MAX_LABEL:
        raise ValidationError(f"借用班级或活动的名称不能超过{MAX_LABEL}个字。")
    return text


CLOSING_TIME: Final = dt.time(23, 59)


def end_of_day(day: dt.date) -> dt.datetime:
    """The default due time: the end of the lending day (local time; the desk's "unreturned at closing" list)."""
    return dt.datetime.combine(day, CLOSING_TIME)


def check_quantity(quantity: object, *, what: str = "数量") -> int:
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1 or quantity > MAX_QUANTITY:
        raise ValidationError(f"{what}应为 1 到 {MAX_QUANTITY} 之间的整数。")
    return quantity


def check_reason(text: str, *, limit: int = 200) -> str:
    reason = one_line(text)
    if len(reason) > limit:
        raise ValidationError(f"说明不能超过{limit}个字。")
    return reason
