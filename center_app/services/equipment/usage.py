"""How the equipment was used in a period — the monthly report's and the donor report's figures — and what a donor
gave. Counts, item names and activities only: no borrower is named.

Definitions (the reports quote them):

- **A use** (借用) is one loan made in the period (by the local date it was lent), whoever borrowed it; its
  **pieces** are the quantity lent (one for a numbered piece). An undone loan is deleted and never counts.
- **Activities that used it** are the activities a loan of the period was made to (``equipment_loan.activity_id``).
- **Incidents** are the log's entries dated in the period (损坏, 遗失, 报废…), in pieces.
- With ``donor_id``, only items from that donor's donation batches count.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import ColumnElement, select

from center_app.context import AppContext
from center_app.db.models import Activity, DonationBatch, EquipmentIncident, EquipmentItem, EquipmentLoan
from center_app.domain.equipment import (
    BORROWER_LABELS,
    CATEGORY_LABELS,
    INCIDENT_LABELS,
    category_label,
    condition_label,
)
from center_app.domain.errors import ValidationError
from center_app.domain.permissions import READ, require
from center_app.domain.pinyin import sort_key
from center_app.domain.states import IncidentKind
from center_app.services.equipment.common import to_utc

# What happened to pieces that a report counts: the log's stock movements and repairs are housekeeping.
REPORTED_INCIDENTS = (IncidentKind.DAMAGED, IncidentKind.LOST, IncidentKind.SCRAPPED, IncidentKind.REPAIRED)


@dataclass(frozen=True, slots=True)
class ItemUse:
    item_id: int
    name: str
    category: str
    unit: str  # measure word: 个, 根, 套
    loans: int
    pieces: int
    activities: int  # distinct activities its loans were made to

    @property
    def category_label(self) -> str:
        return category_label(self.category)


@dataclass(frozen=True, slots=True)
class ActivityUse:
    """An activity that used the equipment: which items (names, ``跳绳×10``)."""

    activity_id: int
    on_date: dt.date
    title: str
    kind: str  # activity.kind
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EquipmentUsage:
    first: dt.date
    last: dt.date
    donor_id: int | None
    loans: int
    pieces: int
    items: tuple[ItemUse, ...]  # items lent in the period, most loans first
    by_category: tuple[
        tuple[str, int, int], ...
    ]  # (category label, loans, pieces), categories in their order
    by_borrower: tuple[tuple[str, int], ...]  # (borrower kind label, loans), zeros kept
    activities: tuple[ActivityUse, ...]  # by date
    incidents: tuple[tuple[str, int], ...]  # (kind label, pieces) of REPORTED_INCIDENTS, zeros kept


@dataclass(frozen=True, slots=True)
class DonatedItem:
    """An item registered from a donor's batch, as it is now."""

    batch_id: int
    received_on: dt.date
    batch_description: str
    item_id: int
    name: str
    category: str
    quantity: int  # pieces in the collection now
    unit: str
    condition: str

    @property
    def category_label(self) -> str:
        return category_label(self.category)

    @property
    def condition_label(self) -> str:
        return condition_label(self.condition)


def _start(day: dt.date) -> dt.datetime:
    return to_utc(dt.datetime.combine(day, dt.time()))


def _donor_items(donor_id: int) -> ColumnElement[bool]:
    batches = select(DonationBatch.id).where(DonationBatch.donor_id == donor_id)
    return EquipmentItem.batch_id.in_(batches.scalar_subquery())


def equipment_usage(
    ctx: AppContext, first: dt.date, last: dt.date, *, donor_id: int | None = None
) -> EquipmentUsage:
    """Uses of the equipment from ``first`` to ``last`` (inclusive local dates): loans and pieces per item, per
    category and per kind of borrower, the activities that used it, and the damage and losses logged."""
    require(ctx.actor, "equipment", READ)
    if last < first:
        raise ValidationError("结束日期不能早于开始日期。")
    where = [
        EquipmentLoan.lent_at >= _start(first),
        EquipmentLoan.lent_at < _start(last + dt.timedelta(days=1)),
    ]
    incident_where = [
        EquipmentIncident.occurred_on >= first,
        EquipmentIncident.occurred_on <= last,
        EquipmentIncident.kind.in_(REPORTED_INCIDENTS),
    ]
    if donor_id is not None:
        where.append(_donor_items(donor_id))
        incident_where.append(_donor_items(donor_id))
    with ctx.db.read() as s:
        loans = s.execute(
            select(
                EquipmentLoan.item_id,
                EquipmentLoan.quantity,
                EquipmentLoan.borrower_kind,
                EquipmentLoan.activity_id,
                EquipmentItem.name,
                EquipmentItem.name_pinyin,
                EquipmentItem.category,
                EquipmentItem.unit,
            )
            .join(EquipmentItem, EquipmentItem.id == EquipmentLoan.item_id)
            .where(*where)
        ).all()
        activity_ids = sorted({row.activity_id for row in loans if row.activity_id is not None})
        activities = {
            a.id: a
            for a in s.execute(
                select(Activity.id, Activity.on_date, Activity.title, Activity.kind).where(
                    Activity.id.in_(activity_ids)
                )
            )
        }
        incidents = s.execute(
            select(EquipmentIncident.kind, EquipmentIncident.quantity)
            .join(EquipmentItem, EquipmentItem.id == EquipmentIncident.item_id)
            .where(*incident_where)
        ).all()
    per_item: dict[int, list[int]] = {}
    item_info: dict[int, tuple[str, str, str, str]] = {}
    item_activities: dict[int, set[int]] = {}
    used_in: dict[int, Counter[str]] = {}
    for row in loans:
        entry = per_item.setdefault(row.item_id, [0, 0])
        entry[0] += 1
        entry[1] += row.quantity
        item_info[row.item_id] = (row.name, row.name_pinyin, row.category, row.unit)
        if row.activity_id is not None:
            item_activities.setdefault(row.item_id, set()).add(row.activity_id)
            used_in.setdefault(row.activity_id, Counter())[row.name] += row.quantity
    items = sorted(
        (
            ItemUse(
                item_id,
                item_info[item_id][0],
                item_info[item_id][2],
                item_info[item_id][3],
                loans_n,
                pieces,
                len(item_activities.get(item_id, ())),
            )
            for item_id, (loans_n, pieces) in per_item.items()
        ),
        key=lambda i: (-i.loans, -i.pieces, item_info[i.item_id][1] or sort_key(i.name), i.item_id),
    )
    categories: dict[str, list[int]] = {}
    for item in items:
        entry = categories.setdefault(item.category, [0, 0])
        entry[0] += item.loans
        entry[1] += item.pieces
    order = list(CATEGORY_LABELS)
    by_category = tuple(
        (category_label(c), n, p)
        for c, (n, p) in sorted(
            categories.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99
        )
    )
    borrowers = Counter(row.borrower_kind for row in loans)
    incident_pieces: Counter[str] = Counter()
    for kind, quantity in incidents:
        incident_pieces[kind] += quantity
    used = sorted(
        (
            ActivityUse(
                a.id,
                a.on_date,
                a.title,
                a.kind,
                tuple(
                    f"{name}×{n}" if n > 1 else name
                    for name, n in sorted(used_in[a.id].items(), key=lambda kv: kv[0])
                ),
            )
            for a in activities.values()
        ),
        key=lambda u: (u.on_date, u.title, u.activity_id),
    )
    return EquipmentUsage(
        first=first,
        last=last,
        donor_id=donor_id,
        loans=len(loans),
        pieces=sum(row.quantity for row in loans),
        items=tuple(items),
        by_category=by_category,
        by_borrower=tuple((label, borrowers.get(kind, 0)) for kind, label in BORROWER_LABELS.items()),
        activities=tuple(used),
        incidents=tuple((INCIDENT_LABELS[kind], incident_pieces.get(kind, 0)) for kind in REPORTED_INCIDENTS),
    )


def donated_items(ctx: AppContext, donor_id: int) -> list[DonatedItem]:
    """The equipment registered from the donor's batches, by batch (oldest first) and name, as it is now."""
    require(ctx.actor, "equipment", READ)
    with ctx.db.read() as s:
        rows = s.execute(
            select(
                DonationBatch.id,
                DonationBatch.received_on,
                DonationBatch.description,
                EquipmentItem.id,
                EquipmentItem.name,
                EquipmentItem.name_pinyin,
                EquipmentItem.category,
                EquipmentItem.quantity_total,
                EquipmentItem.unit,
                EquipmentItem.condition,
            )
            .join(EquipmentItem, EquipmentItem.batch_id == DonationBatch.id)
            .where(DonationBatch.donor_id == donor_id)
        ).all()
    rows = sorted(rows, key=lambda r: (r[1], r[0], r[5] or sort_key(r[4]), r[3]))
    return [DonatedItem(r[0], r[1], r[2], r[3], r[4], r[6], r[7], r[8], r[9]) for r in rows]
