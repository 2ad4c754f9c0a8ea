"""Equipment: what each donation batch brought (balls, paints, tablets; some barcoded one by one, some used up),
damage and losses — registered and logged through the equipment service's building blocks, so the demo's items,
units, asset barcodes and counts are the service's own — and lending day by day — a class borrows balls for an hour, an art session its paints, a
volunteer a tablet for a few days — never more than is on the shelf."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from center_app.db import models as m
from center_app.demo.activities import Act
from center_app.demo.calendar import NEVER, UTC_OFFSET, local, school_day
from center_app.demo.centre import Donations
from center_app.demo.children import Kid
from center_app.demo.pools.equipment import ACTIVITY_GEAR, BORROWER_GEAR, EQUIPMENT, EQUIPMENT_DAMAGE
from center_app.demo.state import Demo
from center_app.demo.volunteers import Vol
from center_app.demo.writer import Row
from center_app.domain.actor import Actor
from center_app.domain.children import grade_label
from center_app.domain.equipment import ItemInput, validate_item
from center_app.domain.states import Condition, IncidentKind, Tracking, UnitStatus
from center_app.services.equipment.common import AssetBarcodes, add_item, item_row, record_incident


@dataclass(eq=False)
class Item:
    id: int
    category: str
    qty: int
    available_from: int
    units: list[int]
    out: list[tuple[int, int]] = field(default_factory=list)  # (return ordinal, quantity) of loans out


class Equipment:
    """Writes the equipment and its incidents, then lends it day by day."""

    def __init__(self, d: Demo, actor: Actor) -> None:
        self.d = d
        self.w = d.w
        self.actor = actor
        self.written = 0  # items registered (the writer does not see them: the service writes them)
        self.entries = 0  # log entries written
        self.items_by_category: dict[str, list[Item]] = {}  # what can be lent (not consumable, not retired)
        self.unit_free: dict[int, int] = {}  # equipment unit id → ordinal from which it can be lent again
        self.out_now: list[tuple[Row, Item, int | None]] = []  # loans still out today: (row, item, unit id)
        self.lost_on_loan: list[tuple[Row, Item]] = []  # loans that came back short

    def plan(self, donations: Donations) -> list[dict[str, Any]]:
        """The donation batch of each equipment row (one row per kind; past ~180 kinds, repeats from new batches)."""
        rng = self.d.rng("equipment-batches")
        return donations.draw(rng, ("equipment", "both"), "items", self.d.plan.equipment_items)

    def write(self, item_batches: list[dict[str, Any]]) -> None:
        """Each item through the equipment service's own building blocks (``services.equipment.common``): the item
        and its units with their asset barcodes, then its log — units found damaged or lost, consumables stocked in
        and used up, damage and repairs — each entry changing the counts as the desk's would."""
        rng = self.d.rng("equipment")
        kinds = [(cat, loc, spec) for cat, loc, specs in EQUIPMENT for spec in specs]
        s, actor = self.d.s, self.actor
        self.w.flush()  # the donation batches the items come from
        allocator = AssetBarcodes(s)
        for n, batch in enumerate(item_batches):
            category, location, (name, unit, value, lo, hi, flags) = kinds[n % len(kinds)]
            day: dt.date = batch["received_on"]
            individual, consumable = "i" in flags, "c" in flags
            qty = rng.randint(lo, hi)
            retired = not consumable and rng.random() < 0.02
            values = validate_item(
                ItemInput(
                    name=name,
                    category=category,
                    tracking=Tracking.INDIVIDUAL if individual else Tracking.QUANTITY,
                    quantity=0 if consumable else qty,  # consumables arrive by their stock-in entry below
                    unit=unit,
                    location=location,
                    condition=Condition.SCRAPPED if retired else Condition.GOOD,
                    consumable=consumable,
                    low_stock=max(1, qty // 4) if consumable else None,
                    acquired_on=day,
                    value_fen=value * 100,
                    notes="多次损坏，已报废" if retired else "",
                ),
                today=self.d.today,
            )
            item, _codes = add_item(
                s, actor, values, batch_id=batch["id"], allocator=allocator, at=self.d.stamp(day, 930)
            )
            self.written += 1
            if individual:
                for piece in s.scalars(select(m.EquipmentUnit).where(m.EquipmentUnit.item_id == item.id)):
                    r = rng.random()
                    if r < 0.08:
                        kind = IncidentKind.DAMAGED if r < 0.06 else IncidentKind.LOST
                        self.incident(rng, item, kind, 1, self.random_day(rng, day), category, unit=piece)
            elif consumable:
                # Stock in when donated, then used up in art classes: the total is what is left.
                self.incident(rng, item, IncidentKind.STOCK_IN, qty, day, category, "捐赠入库")
                for _ in range(rng.randint(1, 3)):
                    used = rng.randint(1, max(1, qty // 4))
                    if qty - used < 1:
                        break
                    qty -= used
                    when = self.random_day(rng, day)
                    self.incident(rng, item, IncidentKind.STOCK_OUT, used, when, category, "活动领用")
            elif not retired and rng.random() < 0.12:
                damaged = rng.random() < 0.7
                kind = IncidentKind.DAMAGED if damaged else IncidentKind.LOST
                when = self.random_day(rng, day)
                self.incident(rng, item, kind, 1, when, category)
                if damaged and rng.random() < 0.3:
                    self.incident(
                        rng, item, IncidentKind.REPAIRED, 1, when, category, "已修好", action="已修好"
                    )
            row = item_row(s, item.id)
            if not consumable and not retired and row.available > 0:
                units = [
                    u
                    for u in s.scalars(
                        select(m.EquipmentUnit.id).where(
                            m.EquipmentUnit.item_id == item.id, m.EquipmentUnit.status == UnitStatus.AVAILABLE
                        )
                    )
                ]
                lendable = Item(item.id, category, row.available, day.toordinal() + 1, units)
                self.items_by_category.setdefault(category, []).append(lendable)

    def random_day(self, rng: random.Random, after: dt.date) -> dt.date:
        first = max(after + dt.timedelta(days=1), self.d.records_from)
        if first >= self.d.yesterday:
            return self.d.yesterday
        return first + dt.timedelta(days=rng.randrange((self.d.yesterday - first).days + 1))

    def incident(
        self,
        rng: random.Random,
        item: m.EquipmentItem,
        kind: str,
        qty: int,
        day: dt.date,
        category: str,
        note: str = "",
        *,
        unit: m.EquipmentUnit | None = None,
        loan: m.EquipmentLoan | None = None,
        action: str = "",
    ) -> None:
        """An entry of the item's log through the service's ``record_incident`` (counts change with it)."""
        if not note and kind == IncidentKind.DAMAGED:
            note = rng.choice(EQUIPMENT_DAMAGE[category])
        elif not note and kind == IncidentKind.LOST:
            note = "找不到了"
        record_incident(
            self.d.s,
            self.actor,
            item,
            kind,
            qty,
            occurred_on=day,
            unit=unit,
            loan=loan,
            out_on_loan=loan is not None,
            note=note,
            borrower=loan.borrower_label if loan is not None else "",
            action=action,
            # A second apart: an entry stamping the item with the time it already has would leave updated_at to
            # the clock (onupdate), and the same seed would no longer give the same centre.
            at=self.d.stamp(day, 1020) + dt.timedelta(seconds=self.entries),
            audited=False,  # the fill's one audit entry covers the demo's history
        )
        self.entries += 1

    def lend(
        self,
        rng: random.Random,
        day: dt.date,
        present: list[Kid],
        day_acts: list[Act],
        all_vols: list[Vol],
        *,
        last: bool,
    ) -> None:
        """A class borrows balls for an hour, an art session its paints, a volunteer a tablet for a few days.
        ``present``: the children there that day; ``day_acts``: that day's activities; ``last``: the last open day
        (leaves a few loans out)."""
        ordinal = day.toordinal()
        n = (1 if rng.random() < 0.7 else 0) + (1 if rng.random() < 0.2 else 0) + (2 if last else 0)
        acts = [a for a in day_acts if a.kind in ACTIVITY_GEAR]
        vols = [v for v in all_vols if v.start <= day and (v.end is None or v.end >= day)]
        for i in range(n):
            kind = rng.choices(("class", "activity", "volunteer", "child"), (45, 25, 20, 10))[0]
            if (
                (kind == "activity" and not acts)
                or (kind == "child" and not present)
                or (kind == "volunteer" and not vols)
            ):
                kind = "class"
            act = rng.choice(acts) if kind == "activity" else None
            categories = ACTIVITY_GEAR[act.kind] if act else BORROWER_GEAR[kind]
            pool = self.items_by_category.get(rng.choice(categories), [])
            if not pool:
                continue
            item = rng.choice(pool)
            if item.available_from > ordinal or (item.units and kind != "volunteer"):
                continue
            item.out = [(r, q) for r, q in item.out if r >= ordinal]
            free_qty = item.qty - sum(q for _, q in item.out)
            unit_id = None
            if item.units:
                free_units = [u for u in item.units if self.unit_free.get(u, 0) <= ordinal]
                if not free_units:
                    continue
                unit_id, qty = rng.choice(free_units), 1
            elif free_qty < 1:
                continue
            else:
                qty = (
                    1
                    if kind == "child"
                    else rng.randint(1, min(10 if kind in ("class", "activity") else 3, free_qty))
                )
            row: Row = {
                "id": self.w.new_id(m.EquipmentLoan),
                "item_id": item.id,
                "unit_id": unit_id,
                "quantity": qty,
                "borrower_kind": kind,
                "child_id": None,
                "volunteer_id": None,
                "activity_id": None,
                "borrower_label": "",
                "lent_by": self.d.user_id,
                "notes": "",
            }
            start = (995 if school_day(day) else 545) + rng.randint(0, 30)
            days_out = 0
            if kind == "class":
                grade = rng.randint(1, 6)
                row["borrower_label"] = grade_label(grade) + (
                    f"{rng.randint(1, 2)}班" if rng.random() < 0.6 else ""
                )
            elif act is not None:
                row["activity_id"], row["borrower_label"] = act.id, act.title
                start = act.start - 5
            elif kind == "volunteer":
                vol = rng.choice(vols)
                row["volunteer_id"], row["borrower_label"] = vol.id, vol.name
                days_out = rng.randint(0, 4) if unit_id is not None else 0
            else:
                kid = rng.choice(present)
                row["child_id"], row["borrower_label"] = kid.id, kid.name
                days_out = 1
            back_day = self.d.days.next_open(day + dt.timedelta(days=days_out)) if days_out else day
            row["lent_at"] = local(day, start)
            row["due_at"] = local(back_day, 1080 if days_out else start + 90)
            if (last and i >= n - 2) or back_day >= self.d.today:
                row["returned_at"], row["returned_quantity"] = None, 0
                self.out_now.append((row, item, unit_id))
                ret = NEVER
            else:
                late = rng.random() < 0.08
                back = row["due_at"] + dt.timedelta(
                    minutes=rng.randint(5, 40) if late else -rng.randint(0, 30)
                )
                row["returned_at"] = max(back, row["lent_at"] + dt.timedelta(minutes=20))
                row["returned_quantity"] = qty
                if late:
                    row["notes"] = "晚还了一会儿"
                if qty >= 3 and rng.random() < 0.03:
                    row["returned_quantity"] = qty - 1
                    row["notes"] = "归还时少了1个"
                    self.lost_on_loan.append((row, item))
                    item.qty -= 1  # gone: later loans see one fewer (the entry is written at the end)
                ret = back_day.toordinal()
            item.out.append((ret, qty))
            if unit_id is not None:
                self.unit_free[unit_id] = NEVER if ret == NEVER else ret + 1
            self.w.add(m.EquipmentLoan, row)

    def finish(self, rng: random.Random) -> None:
        """Losses of loans that came back short (through the service: the pieces leave the collection, the entry
        names who had them); status on_loan for the units out now."""
        self.w.flush()
        for row, item in self.lost_on_loan:
            loan = self.d.s.get(m.EquipmentLoan, row["id"])
            record = self.d.s.get(m.EquipmentItem, item.id)
            assert loan is not None and record is not None
            self.incident(
                rng,
                record,
                IncidentKind.LOST,
                row["quantity"] - row["returned_quantity"],
                (row["returned_at"] + UTC_OFFSET).date(),
                item.category,
                "借用归还时少了1个",
                loan=loan,
            )
        self.d.s.flush()
        # Statuses of what is out now; updated_at is the lending time (not the clock, so fills are repeatable).
        units_out = [{"b_id": u, "b_at": row["lent_at"]} for row, _item, u in self.out_now if u is not None]
        if units_out:
            self.w.mark_on_loan(m.EquipmentUnit, units_out)
