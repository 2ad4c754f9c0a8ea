"""Stocktakes (盘点): open one (all equipment, one location or one category), scan or count, resume after a
crash or another day, see found / missing / unexpected, export the result, apply it on confirmation — or cancel.

- **The expected list is frozen when the stocktake opens**: a line per unit that should be in the room (完好 or
  损坏; units out on loan or away for repair are not expected there) and a line per quantity item with the pieces
  that should be in the room (its total less what is out and what is away for repair). Lending goes on meanwhile;
  the result compares with the frozen list, and applying it works in differences, so a loan made during the count
  is never undone by it.
- **Each scan or count is its own small transaction** (and audited): a power cut loses at most the scan in flight,
  and :func:`current_stocktake` finds the open one to carry on with. A unit scanned twice counts once; each scan of
  a quantity item's box label counts one piece; :func:`record_count` sets the count of a quantity item.
- **Applying needs ``confirmed=True``** (the page asks first), ``equipment.stocktake``, and writes everything in one
  audited transaction: missing units → 遗失; missing pieces → 遗失 (at most what is still in the room); pieces more
  than expected → 找回 (added to the total); a unit registered lost that turned up → 找回. Units found that the
  records say are out on loan are listed for the desk, not changed.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal

from sqlalchemy import ColumnElement, func, insert, select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import (
    EquipmentItem,
    EquipmentLoan,
    EquipmentUnit,
    Stocktake,
    StocktakeLine,
    table_of,
)
from center_app.domain import equipment as rules
from center_app.domain.errors import DomainError, NotFound, ValidationError
from center_app.domain.permissions import READ, WRITE, require
from center_app.domain.states import (
    IncidentKind,
    ItemStatus,
    StocktakeFilter,
    StocktakeScope,
    StocktakeStatus,
    Tracking,
    UnitStatus,
)
from center_app.services import audit
from center_app.services.equipment.common import find_by_code, moment, record_incident, to_local

ScanOutcome = Literal["found", "again", "unexpected", "unknown"]
MAX_LINES_IN_ERROR: Final = 20


@dataclass(frozen=True)
class StocktakeInfo:
    """A stocktake and how far it has got: ``lines`` expected, ``counted`` of them counted so far."""

    id: int
    status: str
    filter_kind: str
    filter_value: str
    started_at: dt.datetime  # local
    finished_at: dt.datetime | None
    lines: int
    counted: int
    note: str

    @property
    def scope_label(self) -> str:
        if self.filter_kind == StocktakeFilter.LOCATION:
            return f"存放位置：{self.filter_value}"
        if self.filter_kind == StocktakeFilter.CATEGORY:
            return f"类别：{rules.category_label(self.filter_value)}"
        return "全部器材"

    @property
    def status_label(self) -> str:
        labels: dict[str, str] = {
            StocktakeStatus.OPEN: "盘点中",
            StocktakeStatus.FINISHED: "已确认",
            StocktakeStatus.CANCELLED: "已取消",
        }
        return labels.get(self.status, self.status)


@dataclass(frozen=True)
class ScanResult:
    """What one scan or count did: ``found`` (an expected thing), ``again`` (a unit already counted), ``unexpected``
    (ours, but not on the list — another place, out on loan, registered lost), ``unknown`` (no equipment has it)."""

    outcome: ScanOutcome
    message: str
    item_name: str = ""
    counted: int = 0
    expected: int = 0


@dataclass(frozen=True)
class ResultLine:
    item_id: int | None
    name: str
    barcode: str  # the unit's, the box's, or the unknown code scanned
    location: str
    unit: str  # measure word
    expected: int
    counted: int
    note: str

    @property
    def difference(self) -> int:
        return self.counted - self.expected


@dataclass(frozen=True)
class StocktakeResult:
    """Found (counted as expected), missing (fewer than expected, ``difference`` < 0) and unexpected (more than
    expected, or not expected at all) lines; ``not_counted``: expected lines nobody has counted yet."""

    info: StocktakeInfo
    found: tuple[ResultLine, ...]
    missing: tuple[ResultLine, ...]
    unexpected: tuple[ResultLine, ...]
    expected_pieces: int
    counted_pieces: int
    not_counted: int

    @property
    def summary(self) -> str:
        return (
            f"应有 {self.expected_pieces} 件，清点到 {self.counted_pieces} 件：相符 {len(self.found)} 项，"
            f"短缺 {len(self.missing)} 项，多出或不在清单 {len(self.unexpected)} 项。"
        )


@dataclass(frozen=True)
class ApplyResult:
    lost_units: int
    lost_pieces: int
    found_units: int
    found_pieces: int
    left_alone: tuple[str, ...] = field(default=())  # what the records had moved on from, said in words


# --- opening ---------------------------------------------------------------------------------------------------------


def open_stocktake(
    ctx: AppContext, *, location: str | None = None, category: str | None = None, note: str = ""
) -> StocktakeInfo:
    """Open a stocktake of all equipment, or of one ``location`` or one ``category``, freezing the expected list.
    Refused while another stocktake is open (carry on with it, or cancel it)."""
    require(ctx.actor, "equipment.stocktake", WRITE)
    if location and category:
        raise ValidationError("一次盘点只能按一个存放位置或一个类别，不能两个都选。")
    note = rules.check_reason(note)
    kind, value = StocktakeFilter.ALL.value, ""
    if location:
        kind, value = StocktakeFilter.LOCATION.value, rules.one_line(location)
    elif category:
        kind, value = StocktakeFilter.CATEGORY.value, rules.parse_category(category)
    _, instant = moment(None)
    with ctx.db.session() as s:
        running = _open_one(s)
        if running is not None:
            raise DomainError(
                f"已有一次盘点还没有结束（{to_local(running.started_at):%Y-%m-%d %H:%M} 开始）。请继续那次盘点，或先取消它。"
            )
        take = Stocktake(
            scope=StocktakeScope.EQUIPMENT,
            filter_kind=kind,
            filter_value=value,
            started_at=instant,
            status=StocktakeStatus.OPEN,
            note=note,
            by_user=ctx.actor.user_id,
        )
        s.add(take)
        s.flush()
        lines = _expected_lines(s, take)
        if not lines:
            raise DomainError("这个范围里没有器材，不用盘点。")
        s.execute(insert(table_of(StocktakeLine)), lines)
        info = _info(s, take)
        audit.record(
            s,
            ctx.actor,
            "create",
            "stocktake",
            take.id,
            f"开始盘点（{info.scope_label}），应清点 {len(lines)} 项",
            {"filter_kind": [None, kind], "filter_value": [None, value], "lines": [None, len(lines)]},
        )
        return info


def _open_one(s: Session) -> Stocktake | None:
    return s.scalars(
        select(Stocktake)
        .where(Stocktake.status == StocktakeStatus.OPEN, Stocktake.scope == StocktakeScope.EQUIPMENT)
        .order_by(Stocktake.id)
        .limit(1)
    ).first()


def _in_scope(take: Stocktake) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [EquipmentItem.status != ItemStatus.RETIRED]
    if take.filter_kind == StocktakeFilter.LOCATION:
        where.append(EquipmentItem.location == take.filter_value)
    elif take.filter_kind == StocktakeFilter.CATEGORY:
        where.append(EquipmentItem.category == take.filter_value)
    return where


def _expected_lines(s: Session, take: Stocktake) -> list[dict[str, object]]:
    where = _in_scope(take)
    out = dict(
        s.execute(
            select(EquipmentLoan.item_id, func.sum(EquipmentLoan.quantity - EquipmentLoan.returned_quantity))
            .where(EquipmentLoan.returned_at.is_(None), EquipmentLoan.unit_id.is_(None))
            .group_by(EquipmentLoan.item_id)
        ).all()
    )
    lines: list[dict[str, object]] = []
    base = {
        "stocktake_id": take.id,
        "copy_id": None,
        "barcode": "",
        "counted_qty": 0,
        "counted_at": None,
        "note": "",
    }
    items = s.execute(
        select(
            EquipmentItem.id,
            EquipmentItem.tracking,
            EquipmentItem.quantity_total,
            EquipmentItem.quantity_repair,
            EquipmentItem.location,
        ).where(*where)
    ).all()
    for item_id, tracking, total, repair, location in items:
        if tracking == Tracking.QUANTITY:
            lines.append(
                {
                    **base,
                    "item_id": item_id,
                    "unit_id": None,
                    "location": location,
                    "expected_qty": max(0, total - int(out.get(item_id) or 0) - repair),
                }
            )
    units = s.execute(
        select(EquipmentUnit.id, EquipmentUnit.item_id, EquipmentItem.location)
        .join(EquipmentItem, EquipmentItem.id == EquipmentUnit.item_id)
        .where(EquipmentUnit.status.in_((UnitStatus.AVAILABLE, UnitStatus.DAMAGED)), *where)
    ).all()
    for unit_id, item_id, location in units:
        lines.append(
            {**base, "item_id": item_id, "unit_id": unit_id, "location": location, "expected_qty": 1}
        )
    return lines


def _info(s: Session, take: Stocktake) -> StocktakeInfo:
    lines, counted = s.execute(
        select(
            func.count().filter(StocktakeLine.expected_qty > 0),
            func.count().filter(StocktakeLine.expected_qty > 0, StocktakeLine.counted_at.is_not(None)),
        ).where(StocktakeLine.stocktake_id == take.id)
    ).one()
    return StocktakeInfo(
        id=take.id,
        status=take.status,
        filter_kind=take.filter_kind,
        filter_value=take.filter_value,
        started_at=to_local(take.started_at),
        finished_at=to_local(take.finished_at) if take.finished_at is not None else None,
        lines=int(lines or 0),
        counted=int(counted or 0),
        note=take.note,
    )


def current_stocktake(ctx: AppContext) -> StocktakeInfo | None:
    """The stocktake still open (to carry on with after a break or a crash), or None."""
    require(ctx.actor, "equipment", READ)
    with ctx.db.read() as s:
        take = _open_one(s)
        return None if take is None else _info(s, take)


def list_stocktakes(ctx: AppContext, limit: int = 50) -> list[StocktakeInfo]:
    """Stocktakes, newest first."""
    require(ctx.actor, "equipment", READ)
    with ctx.db.read() as s:
        takes = s.scalars(
            select(Stocktake)
            .where(Stocktake.scope == StocktakeScope.EQUIPMENT)
            .order_by(Stocktake.id.desc())
            .limit(limit)
        )
        return [_info(s, t) for t in takes]


# --- counting ------------------------------------------------------------------------------------------------------


def _open_for_counting(s: Session, stocktake_id: int) -> Stocktake:
    take = s.get(Stocktake, stocktake_id)
    if take is None or take.scope != StocktakeScope.EQUIPMENT:
        raise NotFound("找不到这次盘点。")
    if take.status != StocktakeStatus.OPEN:
        raise DomainError("这次盘点已经结束（已确认或已取消），不能再清点。")
    return take


def record_scan(ctx: AppContext, stocktake_id: int, code: str, *, location: str = "") -> ScanResult:
    """Count what a scanned code names: a unit (once, however often it is scanned) or one piece of a quantity item
    (its box label). ``location``: where it was found, noted when it differs from where it belongs. One small
    transaction, audited."""
    require(ctx.actor, "equipment.lend", WRITE)
    code = rules.clean_code(code)
    if not code:
        raise ValidationError("请扫描器材上的编号。")
    place = rules.one_line(location)[: rules.MAX_LOCATION]
    local, instant = moment(None)
    with ctx.db.session() as s:
        take = _open_for_counting(s, stocktake_id)
        found = find_by_code(s, code)
        if found is None:
            line = s.scalars(
                select(StocktakeLine).where(
                    StocktakeLine.stocktake_id == take.id,
                    StocktakeLine.item_id.is_(None),
                    StocktakeLine.barcode == code,
                )
            ).first()
            if line is None:
                line = StocktakeLine(
                    stocktake_id=take.id, barcode=code, expected_qty=0, counted_qty=0, note=""
                )
                s.add(line)
            line.counted_qty += 1
            line.counted_at = instant
            line.location = place
            result = ScanResult(
                "unknown", f"编号“{code}”不是本中心的器材编号，已记下。", counted=line.counted_qty
            )
        else:
            item, unit = found
            result = _count(s, take, item, unit, place, instant, add=1)
        audit.record(s, ctx.actor, "update", "stocktake", take.id, f"盘点扫描 {code}：{result.message}"[:400])
        return result


def record_count(
    ctx: AppContext, stocktake_id: int, item_id: int, quantity: int, *, location: str = ""
) -> ScanResult:
    """Set how many pieces of a quantity item were counted (a count typed in, replacing earlier scans of it)."""
    require(ctx.actor, "equipment.lend", WRITE)
    if isinstance(quantity, bool) or not isinstance(quantity, int) or not 0 <= quantity <= rules.MAX_QUANTITY:
        raise ValidationError(f"清点数量应为 0 到 {rules.MAX_QUANTITY} 之间的整数。")
    place = rules.one_line(location)[: rules.MAX_LOCATION]
    _, instant = moment(None)
    with ctx.db.session() as s:
        take = _open_for_counting(s, stocktake_id)
        item = s.get(EquipmentItem, item_id)
        if item is None:
            raise NotFound("找不到这件器材，它可能已被删除。")
        if item.tracking == Tracking.INDIVIDUAL:
            raise ValidationError(f"{item.name} 逐件编号登记，请逐件扫描编号。")
        result = _count(s, take, item, None, place, instant, set_to=quantity)
        audit.record(
            s,
            ctx.actor,
            "update",
            "stocktake",
            take.id,
            f"盘点计数 {item.name} {quantity}{item.unit}：{result.message}"[:400],
            {"item_id": [None, item.id], "counted": [None, quantity]},
        )
        return result


def _count(
    s: Session,
    take: Stocktake,
    item: EquipmentItem,
    unit: EquipmentUnit | None,
    place: str,
    instant: dt.datetime,
    *,
    add: int = 0,
    set_to: int | None = None,
) -> ScanResult:
    where = [StocktakeLine.stocktake_id == take.id, StocktakeLine.item_id == item.id]
    where.append(StocktakeLine.unit_id == unit.id if unit is not None else StocktakeLine.unit_id.is_(None))
    line = s.scalars(select(StocktakeLine).where(*where)).first()
    name = f"{item.name}（{unit.barcode}）" if unit is not None else item.name
    if line is None:  # ours, but not on the frozen list
        line = StocktakeLine(
            stocktake_id=take.id,
            item_id=item.id,
            unit_id=unit.id if unit is not None else None,
            barcode=unit.barcode if unit is not None else (item.barcode or ""),
            location=place or item.location,
            expected_qty=0,
            counted_qty=0,
            note=_why_unexpected(s, take, item, unit),
        )
        s.add(line)
    again = unit is not None and line.counted_qty > 0
    if unit is not None:
        line.counted_qty = 1
    elif set_to is not None:
        line.counted_qty = set_to
    else:
        line.counted_qty += add
    line.counted_at = instant
    if place and place != line.location and "在" not in line.note:
        line.note = (line.note + " " if line.note else "") + f"在“{place}”找到"
    counted, expected = line.counted_qty, line.expected_qty
    if again:
        return ScanResult("again", f"{name} 已经清点过了。", item.name, counted, expected)
    if expected == 0:
        return ScanResult(
            "unexpected", f"{name} 不在这次盘点的清单上：{line.note}", item.name, counted, expected
        )
    if unit is not None:
        return ScanResult("found", f"{name} ✓", item.name, counted, expected)
    return ScanResult("found", f"{name}：已点 {counted}/{expected}{item.unit}", item.name, counted, expected)


def _why_unexpected(s: Session, take: Stocktake, item: EquipmentItem, unit: EquipmentUnit | None) -> str:
    if unit is not None and unit.status != UnitStatus.AVAILABLE and unit.status != UnitStatus.DAMAGED:
        if unit.status == UnitStatus.ON_LOAN:
            who = s.scalar(
                select(EquipmentLoan.borrower_label).where(
                    EquipmentLoan.unit_id == unit.id, EquipmentLoan.returned_at.is_(None)
                )
            )
            return f"记录上借给了 {who or '别人'}，请在借还台办理归还"
        return f"记录上是“{rules.unit_status_label(unit.status)}”"
    if item.status == ItemStatus.RETIRED:
        return "记录上已报废"
    if take.filter_kind == StocktakeFilter.LOCATION and item.location != take.filter_value:
        return f"应放在“{item.location or '未填写'}”"
    if take.filter_kind == StocktakeFilter.CATEGORY and item.category != take.filter_value:
        return f"类别是“{rules.category_label(item.category)}”"
    return "盘点开始后才登记"


# --- the result ------------------------------------------------------------------------------------------------------


def stocktake_result(ctx: AppContext, stocktake_id: int) -> StocktakeResult:
    """Found / missing / unexpected lines of a stocktake (open or finished), in the order of place and name."""
    require(ctx.actor, "equipment", READ)
    with ctx.db.read() as s:
        return _result(s, stocktake_id)


def _result(s: Session, stocktake_id: int) -> StocktakeResult:
    take = s.get(Stocktake, stocktake_id)
    if take is None or take.scope != StocktakeScope.EQUIPMENT:
        raise NotFound("找不到这次盘点。")
    rows = s.execute(
        select(
            StocktakeLine.item_id,
            EquipmentItem.name,
            EquipmentItem.name_pinyin,
            EquipmentItem.unit,
            EquipmentItem.barcode,
            EquipmentUnit.barcode,
            StocktakeLine.barcode,
            StocktakeLine.location,
            StocktakeLine.expected_qty,
            StocktakeLine.counted_qty,
            StocktakeLine.counted_at,
            StocktakeLine.note,
        )
        .outerjoin(EquipmentItem, EquipmentItem.id == StocktakeLine.item_id)
        .outerjoin(EquipmentUnit, EquipmentUnit.id == StocktakeLine.unit_id)
        .where(StocktakeLine.stocktake_id == take.id)
    ).all()
    found: list[tuple[tuple[str, str, str], ResultLine]] = []
    missing: list[tuple[tuple[str, str, str], ResultLine]] = []
    unexpected: list[tuple[tuple[str, str, str], ResultLine]] = []
    expected_pieces = counted_pieces = not_counted = 0
    for item_id, name, pinyin, unit, item_code, unit_code, code, place, expected, counted, at, note in rows:
        line = ResultLine(
            item_id,
            name or "（未知编号）",
            unit_code or code or item_code or "",
            place,
            unit or "件",
            expected,
            counted,
            note,
        )
        key = (place, pinyin or "", line.barcode)
        expected_pieces += expected
        counted_pieces += counted
        if expected and at is None:
            not_counted += 1
        if counted == expected and expected:
            found.append((key, line))
        elif counted < expected:
            missing.append((key, line))
        elif counted > expected:
            unexpected.append((key, line))
    return StocktakeResult(
        info=_info(s, take),
        found=tuple(line for _, line in sorted(found, key=lambda p: p[0])),
        missing=tuple(line for _, line in sorted(missing, key=lambda p: p[0])),
        unexpected=tuple(line for _, line in sorted(unexpected, key=lambda p: p[0])),
        expected_pieces=expected_pieces,
        counted_pieces=counted_pieces,
        not_counted=not_counted,
    )


# --- applying, cancelling -----------------------------------------------------------------------------------------------


def apply_stocktake(ctx: AppContext, stocktake_id: int, *, confirmed: bool = False) -> ApplyResult:
    """Apply a stocktake's result (see the module doc) in one audited transaction and close it. Refused unless
    ``confirmed`` — the user has seen the result and said yes."""
    require(ctx.actor, "equipment.stocktake", WRITE)
    if not confirmed:
        raise ValidationError("盘点结果要确认后才能写入：请先查看结果，再确认。")
    local, instant = moment(None)
    day = local.date()
    with ctx.db.session() as s:
        take = _open_for_counting(s, stocktake_id)
        lines = list(s.scalars(select(StocktakeLine).where(StocktakeLine.stocktake_id == take.id)))
        lost_units = lost_pieces = found_units = found_pieces = 0
        left: list[str] = []
        note = f"盘点 #{take.id}"
        for line in lines:
            if line.item_id is None:
                left.append(f"不认识的编号 {line.barcode}（{line.counted_qty} 次）")
                continue
            item = s.get(EquipmentItem, line.item_id)
            if item is None:
                continue
            unit = s.get(EquipmentUnit, line.unit_id) if line.unit_id is not None else None
            diff = line.counted_qty - line.expected_qty
            if unit is not None:
                if diff < 0:
                    if unit.status in (UnitStatus.AVAILABLE, UnitStatus.DAMAGED):
                        record_incident(
                            s,
                            ctx.actor,
                            item,
                            IncidentKind.LOST,
                            1,
                            unit=unit,
                            stocktake_id=take.id,
                            occurred_on=day,
                            note=f"{note}：没有找到",
                            at=instant,
                            audited=False,
                        )
                        lost_units += 1
                    else:
                        left.append(
                            f"{item.name}（{unit.barcode}）没有找到，但现在是“{rules.unit_status_label(unit.status)}”"
                        )
                elif diff > 0 and line.expected_qty == 0:
                    if unit.status == UnitStatus.LOST:
                        record_incident(
                            s,
                            ctx.actor,
                            item,
                            IncidentKind.FOUND,
                            1,
                            unit=unit,
                            stocktake_id=take.id,
                            occurred_on=day,
                            note=f"{note}：找到了",
                            at=instant,
                            audited=False,
                        )
                        found_units += 1
                    elif unit.status not in (UnitStatus.AVAILABLE, UnitStatus.DAMAGED):
                        left.append(f"{item.name}（{unit.barcode}）在器材室，{line.note}")
                continue
            if diff < 0:
                in_room = max(0, item.quantity_total - _out(s, item.id) - item.quantity_repair)
                take_off = min(-diff, in_room)
                if take_off:
                    record_incident(
                        s,
                        ctx.actor,
                        item,
                        IncidentKind.LOST,
                        take_off,
                        stocktake_id=take.id,
                        occurred_on=day,
                        note=f"{note}：应有 {line.expected_qty}，点到 {line.counted_qty}",
                        at=instant,
                        audited=False,
                    )
                    lost_pieces += take_off
                if take_off < -diff:
                    left.append(f"{item.name} 少了 {-diff}{item.unit}，器材室里已只剩 {in_room}{item.unit}")
            elif diff > 0 and item.status != ItemStatus.RETIRED:
                record_incident(
                    s,
                    ctx.actor,
                    item,
                    IncidentKind.FOUND,
                    diff,
                    stocktake_id=take.id,
                    occurred_on=day,
                    note=f"{note}：应有 {line.expected_qty}，点到 {line.counted_qty}",
                    at=instant,
                    audited=False,
                )
                found_pieces += diff
        take.status = StocktakeStatus.FINISHED
        take.finished_at = instant
        result = ApplyResult(lost_units, lost_pieces, found_units, found_pieces, tuple(left))
        audit.record(
            s,
            ctx.actor,
            "update",
            "stocktake",
            take.id,
            f"确认盘点结果：遗失 {lost_units} 件编号器材、{lost_pieces} 件按数量的器材；"
            f"找回 {found_units} 件编号器材、{found_pieces} 件按数量的器材",
            {
                "status": [StocktakeStatus.OPEN, StocktakeStatus.FINISHED],
                "lost_units": [None, lost_units],
                "lost_pieces": [None, lost_pieces],
                "found_units": [None, found_units],
                "found_pieces": [None, found_pieces],
                "left_alone": [None, list(left)[:MAX_LINES_IN_ERROR]],
            },
        )
        return result


def _out(s: Session, item_id: int) -> int:
    return int(
        s.scalar(
            select(
                func.coalesce(func.sum(EquipmentLoan.quantity - EquipmentLoan.returned_quantity), 0)
            ).where(EquipmentLoan.item_id == item_id, EquipmentLoan.returned_at.is_(None))
        )
        or 0
    )


def cancel_stocktake(ctx: AppContext, stocktake_id: int) -> None:
    """Give up a stocktake: nothing is applied; its counts stay for the record."""
    require(ctx.actor, "equipment.stocktake", WRITE)
    _, instant = moment(None)
    with ctx.db.session() as s:
        take = _open_for_counting(s, stocktake_id)
        take.status = StocktakeStatus.CANCELLED
        take.finished_at = instant
        audit.record(
            s,
            ctx.actor,
            "update",
            "stocktake",
            take.id,
            "取消盘点（结果未写入）",
            {"status": [StocktakeStatus.OPEN, StocktakeStatus.CANCELLED]},
        )


# --- export ----------------------------------------------------------------------------------------------------------

EXPORT_HEADERS: Final = ("结果", "名称", "编号", "存放位置", "应有", "清点", "差数", "单位", "说明")


def export_stocktake(ctx: AppContext, stocktake_id: int, path: str | os.PathLike[str]) -> Path:
    """Write a stocktake's result to ``.xlsx`` (one sheet, every line) or ``.pdf`` (A4, missing first, with the
    centre's name and page numbers), by the file's suffix. Audited."""
    require(ctx.actor, "equipment", READ)
    target = Path(path).resolve()
    suffix = target.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise ValidationError(f"盘点结果只能导出为 .xlsx 或 .pdf 文件（现为“{target.name}”）。")
    from center_app.services.settings import get_centre

    with ctx.db.read() as s:
        result = _result(s, stocktake_id)
    rows = [
        (
            label,
            line.name,
            line.barcode,
            line.location,
            line.expected,
            line.counted,
            line.difference,
            line.unit,
            line.note,
        )
        for label, lines in (("短缺", result.missing), ("多出", result.unexpected), ("相符", result.found))
        for line in lines
    ]
    info = result.info
    title = f"器材盘点结果（{info.scope_label}，{info.started_at:%Y-%m-%d} 开始，{info.status_label}）"
    if suffix == ".xlsx":
        from center_app.importing import write_xlsx

        write_xlsx(target, EXPORT_HEADERS, rows, sheet_title="盘点结果", title=title)
    else:
        from center_app.reports.stocktake import StocktakeSheet, stocktake_pdf

        stocktake_pdf(
            target,
            StocktakeSheet(title=title, summary=result.summary, headers=EXPORT_HEADERS, rows=rows),
            centre_name=get_centre(ctx).name,
        )
    with ctx.db.session() as s:
        audit.record(
            s,
            ctx.actor,
            "export" if suffix == ".xlsx" else "print",
            "stocktake",
            stocktake_id,
            f"导出盘点结果 {len(rows)} 行 → {target}",
            {"rows": [None, len(rows)], "target": [None, str(target)]},
        )
    return target
