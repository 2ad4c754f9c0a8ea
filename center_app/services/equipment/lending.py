"""The equipment desk: lend by quantity or by asset barcode, take back (all, part, or with pieces missing), undo the
last lend or return, and the lists of what is out and what was not back by closing time.

Every rule is checked inside the writing transaction (``BEGIN IMMEDIATE``), so two desks lending the last balls
queue, and the second is refused. Each action is audited in its own transaction; the summary names the item, the
quantity and the borrower's label (a child by class and name — ``child.basic``, which every role with the desk
may see).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Final, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import (
    Activity,
    Child,
    EquipmentIncident,
    EquipmentItem,
    EquipmentLoan,
    EquipmentUnit,
    Volunteer,
)
from center_app.domain import equipment as rules
from center_app.domain.equipment import Borrower
from center_app.domain.errors import DomainError, NotFound, ValidationError
from center_app.domain.permissions import READ, WRITE, require
from center_app.domain.states import BorrowerKind, ChildStatus, Condition, IncidentKind, Tracking, UnitStatus
from center_app.services import audit
from center_app.services.circulation.common import borrower_row, variants
from center_app.services.equipment.common import (
    ItemRow,
    LoanRow,
    due_by,
    find_by_code,
    get_item_for_change,
    held_units,
    item_row,
    loan_row,
    loan_rows,
    moment,
    open_loan_filter,
    outstanding,
    record_incident,
    to_utc,
    usable,
    when_text,
)

DeskKind = Literal["lend", "return", "undo"]
Rest = Literal["open", "lost", "damaged", "used"]
RESTS: Final[dict[str, str]] = {
    "open": "未还的继续借着",
    "lost": "未还的登记为遗失",
    "damaged": "未还的登记为损坏（已扔掉）",
    "used": "未还的已用完（消耗品）",
}


@dataclass(frozen=True)
class DeskResult:
    """What the desk shows after an action; ``undo_token`` undoes exactly this action (keep it in memory)."""

    kind: DeskKind
    message: str
    loan: LoanRow
    item: ItemRow  # the item's counts after the action
    undo_token: str = ""
    incident_ids: tuple[int, ...] = ()


# --- who ------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Who:
    kind: str
    label: str
    child_id: int | None = None
    volunteer_id: int | None = None
    activity_id: int | None = None
    ends: dt.datetime | None = None  # a recorded session's end (local): the default due time that day


def _resolve(s: Session, role: str, who: Borrower) -> _Who:
    if who.kind == BorrowerKind.CHILD:
        child = None
        if who.child_id is not None:
            child = s.get(Child, who.child_id)
        elif rules.clean_code(who.card):
            code = rules.clean_code(who.card)
            child = s.scalars(select(Child).where(Child.card_barcode.in_(variants(code)))).first()
        if child is None:
            raise NotFound("找不到这名儿童，请重新扫描借书证。")
        if child.status != ChildStatus.ACTIVE:
            raise DomainError(f"{child.name} 已不在中心登记，不能借器材。")
        return _Who(BorrowerKind.CHILD, borrower_row(role, child).label[: rules.MAX_LABEL], child_id=child.id)
    if who.kind == BorrowerKind.VOLUNTEER:
        if who.volunteer_id is not None:
            volunteer = s.get(Volunteer, who.volunteer_id)
            if volunteer is None:
                raise NotFound("找不到这位志愿者。")
            if not volunteer.active:
                raise DomainError(f"{volunteer.name} 已不在中心服务，不能借器材。")
            return _Who(BorrowerKind.VOLUNTEER, volunteer.name, volunteer_id=volunteer.id)
        name = rules.check_group_label(who.label)
        found = s.scalars(
            select(Volunteer.id)
            .where(Volunteer.name == name, Volunteer.active.is_(True))
            .order_by(Volunteer.id)
        ).first()
        return _Who(BorrowerKind.VOLUNTEER, name, volunteer_id=found)
    if who.kind in (BorrowerKind.CLASS, BorrowerKind.ACTIVITY):
        activity_id = who.activity_id
        label = rules.one_line(who.label)
        ends = None
        if activity_id is not None:
            activity = s.get(Activity, activity_id)
            if activity is None:
                raise NotFound("找不到这次活动，它可能已被删除。")
            label = label or activity.title
            if activity.end_time is not None:
                ends = dt.datetime.combine(activity.on_date, activity.end_time)
        return _Who(who.kind, rules.check_group_label(label), activity_id=activity_id, ends=ends)
    raise ValidationError("请选择借给谁：儿童、志愿者、班级或活动。")


# --- lend ----------------------------------------------------------------------------------------------------------


def lend(
    ctx: AppContext,
    what: int | str,
    borrower: Borrower,
    quantity: int = 1,
    *,
    due: dt.datetime | None = None,
    note: str = "",
    now: dt.datetime | None = None,
) -> DeskResult:
    """Lend ``quantity`` pieces of an item (``what``: its id, or its box's barcode) or one unit (``what``: the
    unit's asset barcode) to ``borrower``, due at ``due`` (local time; default: the end of the recorded activity
    session it is lent to when that is later today, else the end of today).

    Refused: more than is available now (pieces out, damaged or away for repair do not count); an item or unit
    out of use (损坏/维修中/报废/遗失); a unit already out; a one-by-one item by quantity (scan each piece); a child
    who left; a due time already past.
    """
    require(ctx.actor, "equipment.lend", WRITE)
    quantity = rules.check_quantity(quantity, what="借出数量")
    note = rules.check_reason(note)
    local, instant = moment(now)
    if due is not None and due <= local:
        raise ValidationError("归还时间已经过了，请选一个以后的时间。")
    with ctx.db.session() as s:
        item, unit = _target(s, what)
        who = _resolve(s, ctx.actor.role, borrower)
        due_local = due or rules.end_of_day(local.date())
        if due is None and who.ends is not None and local < who.ends < due_local:
            due_local = who.ends  # "20 跳绳 → 三年级体育课 14:00–15:00": back when the session ends
        n = f"{quantity}{item.unit}"
        if item.condition != Condition.GOOD:
            raise DomainError(f"{item.name}{rules.OUT_OF_USE_ITEM[item.condition]}，不能借出。")
        if unit is not None:
            if quantity != 1:
                raise ValidationError(f"{item.name} 逐件编号，一个编号就是一件，不能借 {n}。")
            if unit.status == UnitStatus.ON_LOAN:
                holder = s.scalar(
                    select(EquipmentLoan.borrower_label).where(
                        EquipmentLoan.unit_id == unit.id, open_loan_filter()
                    )
                )
                raise DomainError(f"{item.name}（{unit.barcode}）已借给 {holder or '别人'}，请先归还。")
            if unit.status in rules.OUT_OF_USE_UNIT:
                raise DomainError(
                    f"{item.name}（{unit.barcode}）{rules.OUT_OF_USE_UNIT[unit.status]}，不能借出。"
                )
        elif item.tracking == Tracking.INDIVIDUAL:
            raise ValidationError(f"{item.name} 逐件编号登记：请逐个扫描要借出的那几件的编号。")
        else:
            free = usable(s, item)
            if quantity > free:
                raise DomainError(_short_message(s, item, quantity, free))
        loan = EquipmentLoan(
            item_id=item.id,
            unit_id=unit.id if unit is not None else None,
            quantity=quantity,
            borrower_kind=who.kind,
            child_id=who.child_id,
            volunteer_id=who.volunteer_id,
            activity_id=who.activity_id,
            borrower_label=who.label,
            lent_at=instant,
            due_at=to_utc(due_local),
            returned_at=None,
            returned_quantity=0,
            lent_by=ctx.actor.user_id,
            notes=note,
        )
        s.add(loan)
        if unit is not None:
            unit.status = UnitStatus.ON_LOAN
        s.flush()
        piece = f"{unit.barcode} " if unit is not None else ""
        audit.record(
            s,
            ctx.actor,
            "create",
            "equipment_loan",
            loan.id,
            f"借出 {item.name} {piece}{n} → {who.label}，{due_local:%Y-%m-%d %H:%M} 前还",
            {
                "item_id": [None, item.id],
                "unit_id": [None, loan.unit_id],
                "quantity": [None, quantity],
                "borrower": [None, who.label],
                "due_at": [None, due_local.isoformat(sep=" ", timespec="minutes")],
            },
        )
        row = loan_row(loan, item.name, item.unit, unit.barcode if unit else None)
        return DeskResult(
            kind="lend",
            message=f"{item.name} {piece}{n} 借给 {who.label}，请在 {when_text(due_local, local.date())} 前归还。",
            loan=row,
            item=item_row(s, item.id),
            undo_token=f"lend:{loan.id}:{instant.isoformat()}",
        )


def _target(s: Session, what: int | str) -> tuple[EquipmentItem, EquipmentUnit | None]:
    if isinstance(what, int) and not isinstance(what, bool):
        return get_item_for_change(s, what), None
    code = rules.clean_code(str(what))
    found = find_by_code(s, code) if code else None
    if found is None:
        raise NotFound(f"没有找到编号为“{code}”的器材，请检查标签。")
    return found


def _short_message(s: Session, item: EquipmentItem, quantity: int, free: int) -> str:
    out = outstanding(s, item.id)
    parts = [f"借出 {out}"] if out else []
    if item.quantity_damaged:
        parts.append(f"损坏 {item.quantity_damaged}")
    if item.quantity_repair:
        parts.append(f"维修中 {item.quantity_repair}")
    why = f"（共 {item.quantity_total}{item.unit}，{'、'.join(parts)}）" if parts else ""
    return f"{item.name} 现在只有 {free}{item.unit} 可借{why}，不能借出 {quantity}{item.unit}。"


# --- return --------------------------------------------------------------------------------------------------------


def return_loan(
    ctx: AppContext,
    loan: int | str,
    quantity: int | None = None,
    *,
    damaged: int = 0,
    rest: Rest = "open",
    note: str = "",
    now: dt.datetime | None = None,
) -> DeskResult:
    """Take back pieces of a loan (``loan``: its id, a unit's asset barcode, or an item's box barcode when that
    item has exactly one open loan).

    ``quantity``: pieces counted back now (default: all still out); ``damaged``: how many of them came back
    damaged (each logged, naming the borrower). What is still out after that follows ``rest``: ``open`` keeps the
    loan open for them (a partial return); ``lost`` closes it and logs them as lost, ``damaged`` as broken and not
    brought back, ``used`` (consumables) as used up — each an incident naming who had them.
    """
    require(ctx.actor, "equipment.lend", WRITE)
    if rest not in RESTS:
        raise ValidationError("未还部分的处理方式只能是：继续借着、遗失、损坏或用完。")
    note = rules.check_reason(note)
    local, instant = moment(now)
    with ctx.db.session() as s:
        found = _loan_for(s, loan)
        item = get_item_for_change(s, found.item_id)
        unit = s.get(EquipmentUnit, found.unit_id) if found.unit_id is not None else None
        out = found.quantity - found.returned_quantity
        back = out if quantity is None else quantity
        if isinstance(back, bool) or not isinstance(back, int) or not 0 <= back <= out:
            raise ValidationError(f"这笔借用还有 {out}{item.unit} 未还，归还数量应在 0 到 {out} 之间。")
        if isinstance(damaged, bool) or not isinstance(damaged, int) or not 0 <= damaged <= back:
            raise ValidationError(f"损坏的数量应在 0 到 {back}（归还的数量）之间。")
        short = out - back
        if short and rest == "used" and not item.consumable:
            raise ValidationError(f"{item.name} 不是消耗品，少了的请登记为遗失或损坏。")
        if unit is not None and short and rest in ("damaged", "used"):
            raise ValidationError(
                f"{item.name}（{unit.barcode}）坏了的请拿回来登记损坏；找不到的登记为遗失。"
            )
        if back == 0 and (rest == "open" or not short):
            raise ValidationError("请填写归还的数量。")
        closes = short == 0 or rest != "open"
        before = {"returned_quantity": found.returned_quantity, "returned_at": None}
        prior = (
            s.scalar(select(func.max(EquipmentIncident.id)).where(EquipmentIncident.loan_id == found.id)) or 0
        )
        found.returned_quantity += back
        if closes:
            found.returned_at = instant
        if unit is not None and back:
            unit.status = UnitStatus.AVAILABLE
        s.flush()
        incidents: list[EquipmentIncident] = []
        day = local.date()
        if damaged:
            incidents.append(
                record_incident(
                    s,
                    ctx.actor,
                    item,
                    IncidentKind.DAMAGED,
                    damaged,
                    unit=unit,
                    loan=found,
                    occurred_on=day,
                    note=note or "归还时损坏",
                    borrower=found.borrower_label,
                    at=instant,
                )
            )
        if short and rest != "open":
            kind = {
                "lost": IncidentKind.LOST,
                "damaged": IncidentKind.DAMAGED,
                "used": IncidentKind.STOCK_OUT,
            }[rest]
            default_note = {"lost": "归还时少了", "damaged": "损坏未拿回", "used": "借用中用完"}[rest]
            incidents.append(
                record_incident(
                    s,
                    ctx.actor,
                    item,
                    kind,
                    short,
                    unit=unit,
                    loan=found,
                    out_on_loan=True,
                    occurred_on=day,
                    note=note or default_note,
                    borrower=found.borrower_label,
                    at=instant,
                )
            )
        if unit is not None:
            item.quantity_total = held_units(s, item.id)
        changes: dict[str, Any] = {
            "returned_quantity": [before["returned_quantity"], found.returned_quantity],
            "returned_at": [None, instant.isoformat(sep=" ")] if closes else None,
        }
        if damaged:
            changes["damaged"] = [None, damaged]
        if short and rest != "open":
            changes[rest] = [None, short]
        piece = f"{unit.barcode} " if unit is not None else ""
        audit.record(
            s,
            ctx.actor,
            "update",
            "equipment_loan",
            found.id,
            f"归还 {item.name} {piece}{back}{item.unit}（{found.borrower_label}）"
            + (f"，损坏 {damaged}" if damaged else "")
            + (f"，{rules.incident_label(incidents[-1].kind)} {short}" if short and rest != "open" else "")
            + (f"，还有 {short} 未还" if short and rest == "open" else ""),
            {k: v for k, v in changes.items() if v is not None},
        )
        token = "return:" + json.dumps(
            {
                "loan": found.id,
                "before": before["returned_quantity"],
                "after": found.returned_quantity,
                "closed": instant.isoformat() if closes else None,
                "damaged": damaged,
                "short": short if rest != "open" else 0,
                "incidents": [i.id for i in incidents],
                "prior": prior,
            },
            separators=(",", ":"),
        )
        row = loan_row(found, item.name, item.unit, unit.barcode if unit else None)
        return DeskResult(
            kind="return",
            message=_return_message(item, unit, found.borrower_label, back, damaged, short, rest),
            loan=row,
            item=item_row(s, item.id),
            undo_token=token,
            incident_ids=tuple(i.id for i in incidents),
        )


def _return_message(
    item: EquipmentItem, unit: EquipmentUnit | None, who: str, back: int, damaged: int, short: int, rest: str
) -> str:
    u = item.unit
    what = f"{item.name}（{unit.barcode}）" if unit is not None else f"{item.name} {back}{u}"
    text = f"{what}已归还（{who}）" if back else f"{item.name}（{who}）"
    if damaged:
        text += f"，其中 {damaged}{u} 损坏，已登记"
    if short:
        text += {
            "open": f"，还有 {short}{u} 未还",
            "lost": f"，{short}{u} 登记为遗失",
            "damaged": f"，{short}{u} 登记为损坏",
            "used": f"，{short}{u} 已用完",
        }[rest]
    return text + "。"


def _loan_for(s: Session, what: int | str) -> EquipmentLoan:
    if isinstance(what, int) and not isinstance(what, bool):
        loan = s.get(EquipmentLoan, what)
        if loan is None:
            raise NotFound("找不到这笔借用记录，它可能已被撤销。")
        if loan.returned_at is not None:
            raise DomainError("这笔借用已经归还了。")
        return loan
    code = rules.clean_code(str(what))
    found = find_by_code(s, code) if code else None
    if found is None:
        raise NotFound(f"没有找到编号为“{code}”的器材，请检查标签。")
    item, unit = found
    where = EquipmentLoan.unit_id == unit.id if unit is not None else EquipmentLoan.item_id == item.id
    loans = list(s.scalars(select(EquipmentLoan).where(where, open_loan_filter()).order_by(EquipmentLoan.id)))
    if not loans:
        piece = f"（{unit.barcode}）" if unit is not None else ""
        raise DomainError(f"{item.name}{piece}没有借出，不用归还。请放回{item.location or '原处'}。")
    if len(loans) > 1:
        who = "、".join(
            f"{loan.borrower_label} {loan.quantity - loan.returned_quantity}{item.unit}" for loan in loans
        )
        raise DomainError(f"{item.name} 有 {len(loans)} 笔借出（{who}），请在借出列表里选择归还哪一笔。")
    return loans[0]


# --- undo ----------------------------------------------------------------------------------------------------------

_UNDO_STALE: Final = "无法撤销：这件器材之后又有了新的借还或登记。"
_UNDO_BAD: Final = "无法撤销：撤销信息无效。"


def undo(ctx: AppContext, undo_token: str) -> DeskResult:
    """Undo the lend or the return the token came from — only if nothing has happened to that loan since (and,
    for a return, the pieces it brought back are still on the shelf)."""
    require(ctx.actor, "equipment.lend", WRITE)
    kind, _, rest = (undo_token or "").partition(":")
    with ctx.db.session() as s:
        if kind == "lend":
            return _undo_lend(s, ctx, rest)
        if kind == "return":
            return _undo_return(s, ctx, rest)
    raise ValidationError(_UNDO_BAD)


def _undo_lend(s: Session, ctx: AppContext, rest: str) -> DeskResult:
    loan_text, _, lent_at = rest.partition(":")
    try:
        loan = s.get(EquipmentLoan, int(loan_text))
    except ValueError:
        raise ValidationError(_UNDO_BAD) from None
    if loan is None or loan.lent_at.isoformat() != lent_at:
        raise DomainError("无法撤销：这笔借用已不存在（可能已经撤销过）。")
    incidents = s.scalar(
        select(func.count()).select_from(EquipmentIncident).where(EquipmentIncident.loan_id == loan.id)
    )
    if loan.returned_at is not None or loan.returned_quantity or incidents:
        raise DomainError(_UNDO_STALE)
    item = get_item_for_change(s, loan.item_id)
    unit = s.get(EquipmentUnit, loan.unit_id) if loan.unit_id is not None else None
    row = loan_row(loan, item.name, item.unit, unit.barcode if unit else None)
    audit.record(
        s,
        ctx.actor,
        "delete",
        "equipment_loan",
        loan.id,
        f"撤销借出 {item.name} {loan.quantity}{item.unit} → {loan.borrower_label}",
        {
            "item_id": [loan.item_id, None],
            "quantity": [loan.quantity, None],
            "borrower": [loan.borrower_label, None],
        },
    )
    s.delete(loan)
    if unit is not None and unit.status == UnitStatus.ON_LOAN:
        unit.status = UnitStatus.AVAILABLE
    s.flush()
    return DeskResult(
        kind="undo",
        message=f"已撤销借出：{item.name} {loan.quantity}{item.unit}（{loan.borrower_label}）。",
        loan=row,
        item=item_row(s, item.id),
    )


def _undo_return(s: Session, ctx: AppContext, rest: str) -> DeskResult:
    try:
        data = json.loads(rest)
        loan_id, before, after = int(data["loan"]), int(data["before"]), int(data["after"])
        closed, damaged, short = data["closed"], int(data["damaged"]), int(data["short"])
        incident_ids = [int(i) for i in data["incidents"]]
        prior = int(data["prior"])
    except (ValueError, KeyError, TypeError):
        raise ValidationError(_UNDO_BAD) from None
    loan = s.get(EquipmentLoan, loan_id)
    if loan is None:
        raise DomainError("无法撤销：这笔借用已不存在。")
    returned_at = loan.returned_at.isoformat() if loan.returned_at is not None else None
    if loan.returned_quantity != after or returned_at != closed:
        raise DomainError(_UNDO_STALE)
    # The incidents this return logged, and none since: a later one (a repair, another return) makes it stale.
    mine = list(
        s.scalars(
            select(EquipmentIncident)
            .where(EquipmentIncident.loan_id == loan.id, EquipmentIncident.id > prior)
            .order_by(EquipmentIncident.id)
        )
    )
    if [i.id for i in mine] != sorted(incident_ids):
        raise DomainError(_UNDO_STALE)
    item = get_item_for_change(s, loan.item_id)
    unit = s.get(EquipmentUnit, loan.unit_id) if loan.unit_id is not None else None
    if unit is not None:
        later = s.scalar(
            select(func.count())
            .select_from(EquipmentLoan)
            .where(EquipmentLoan.unit_id == unit.id, EquipmentLoan.id > loan.id)
        )
        expected: str = UnitStatus.AVAILABLE
        if mine:
            after_return: dict[str, str] = {IncidentKind.DAMAGED: UnitStatus.DAMAGED}
            expected = after_return.get(mine[-1].kind, UnitStatus.LOST)
        if later or unit.status != expected:
            raise DomainError(_UNDO_STALE)
        unit.status = UnitStatus.ON_LOAN
    else:
        if item.quantity_damaged < damaged:
            raise DomainError(_UNDO_STALE)
        item.quantity_damaged -= damaged
        item.quantity_total += short
    for incident in mine:
        audit.record(
            s,
            ctx.actor,
            "delete",
            "equipment_incident",
            incident.id,
            f"撤销登记 {item.name} {incident.quantity}{item.unit} {rules.incident_label(incident.kind)}",
            {"kind": [incident.kind, None], "quantity": [incident.quantity, None]},
        )
        s.delete(incident)
    loan.returned_quantity = before
    loan.returned_at = None
    s.flush()
    if unit is not None:
        item.quantity_total = held_units(s, item.id)
    elif item.quantity_total - outstanding(s, item.id) - item.quantity_damaged - item.quantity_repair < 0:
        raise DomainError("无法撤销：归还的器材已经又借出去了。")
    audit.record(
        s,
        ctx.actor,
        "update",
        "equipment_loan",
        loan.id,
        f"撤销归还 {item.name} {after - before}{item.unit}（{loan.borrower_label}）",
        {"returned_quantity": [after, before], "returned_at": [closed, None]},
    )
    row = loan_row(loan, item.name, item.unit, unit.barcode if unit else None)
    return DeskResult(
        kind="undo",
        message=f"已撤销归还：{item.name} 仍借给 {loan.borrower_label}（{row.out}{item.unit}）。",
        loan=row,
        item=item_row(s, item.id),
    )


# --- lists ---------------------------------------------------------------------------------------------------------


def open_loans(ctx: AppContext, item_id: int | None = None) -> list[LoanRow]:
    """Loans still open (all, or of one item), soonest due first."""
    require(ctx.actor, "equipment", READ)
    with ctx.db.read() as s:
        where = [open_loan_filter()]
        if item_id is not None:
            where.append(EquipmentLoan.item_id == item_id)
        return loan_rows(s, *where)


def unreturned_at_closing(ctx: AppContext, now: dt.datetime | None = None) -> list[LoanRow]:
    """The closing-time list: open loans due today (by the end of the day) or earlier, soonest due first."""
    require(ctx.actor, "equipment", READ)
    local, _ = moment(now)
    with ctx.db.read() as s:
        return loan_rows(s, due_by(to_utc(rules.end_of_day(local.date()))))


def loan_history(ctx: AppContext, item_id: int, limit: int = 200) -> list[LoanRow]:
    """An item's loans, newest first (returned ones too)."""
    require(ctx.actor, "equipment", READ)
    with ctx.db.read() as s:
        rows = loan_rows(s, EquipmentLoan.item_id == item_id)
    return sorted(rows, key=lambda r: (r.lent_at, r.id), reverse=True)[:limit]
