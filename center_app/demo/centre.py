"""The centre itself: its name and rooms, the days it is shut, the loan rules it keeps; donors and their batches."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
from typing import Any

from sqlalchemy import select, update

from center_app.db import models as m
from center_app.demo.calendar import holidays
from center_app.demo.pools import weighted
from center_app.demo.pools.activities import ROOMS
from center_app.demo.pools.people import DONORS, landline, mobile
from center_app.demo.state import Demo
from center_app.demo.writer import Row
from center_app.domain.errors import DomainError

CENTRE_NAME = "古楼村留守儿童关爱活动中心"
CENTRE_ADDRESS = "广西壮族自治区贺州市钟山县古楼村"


def write_reference_data(d: Demo) -> None:
    """Centre, rooms and closed days (kept when already there); read the loan rules; check the attendance codes."""
    rng = d.rng("centre")
    phone = landline(rng, "0774")
    centre_id = d.s.scalar(select(m.Centre.id).order_by(m.Centre.id).limit(1))
    values: dict[str, object] = {"name": CENTRE_NAME, "address": CENTRE_ADDRESS, "phone": phone, "contact_person": "覃丽萍"}
    values["updated_at"] = d.stamp(d.records_from - dt.timedelta(days=3 * 365))
    if centre_id is None:
        d.w.add(m.Centre, {"id": d.w.new_id(m.Centre), "created_at": values["updated_at"], **values})
    else:  # the first-run wizard may have saved a placeholder; the demo centre replaces it
        d.s.execute(update(m.Centre).where(m.Centre.id == centre_id).values(**values))

    existing_rooms = {name: room_id for name, room_id in d.s.execute(select(m.Room.name, m.Room.id))}
    for name, capacity in ROOMS:
        room_id = existing_rooms.get(name)
        if room_id is None:
            room_id = d.w.new_id(m.Room)
            d.w.add(m.Room, {"id": room_id, "name": name, "capacity": capacity})
        d.room_ids[name] = room_id
        d.room_capacity[room_id] = capacity

    existing_days = set(d.s.scalars(select(m.ClosedDay.day)))
    closed = d.days.closed = {day: "" for day in sorted(existing_days)}
    first = d.records_from - dt.timedelta(days=400)
    last = d.today + dt.timedelta(days=200)  # upcoming holidays too: due dates must skip them
    for year in range(first.year, last.year + 1):
        for day, reason in holidays(year, d.rng(f"holidays:{year}")):
            if first <= day <= last and day not in closed:
                closed[day] = reason
                d.w.add(m.ClosedDay, {"day": day, "reason": reason})

    rules = d.s.execute(
        select(
            m.LoanRule.grade_min, m.LoanRule.grade_max, m.LoanRule.max_books, m.LoanRule.loan_days
        ).order_by(m.LoanRule.id)
    ).all()
    d.loan_rules = [(r[0], r[1], r[2], r[3]) for r in rules] or [(0, 12, 2, 14)]
    codes = set(d.s.scalars(select(m.AttendanceCode.code)))
    if not {"P", "A", "L", "E"} <= codes:
        raise DomainError("考勤代码 P/A/L/E 不全，无法生成演示考勤。请先在设置里恢复默认考勤代码。")


class Donations:
    """Donors and their donation batches. Batches are planned first; books and equipment then pick their batch
    (counting what each brings), and only then are the batches written, with a description of what came."""

    def __init__(self, d: Demo) -> None:
        self.d = d
        self.donor_ids: list[int] = []
        self.donor_rows: list[Row] = []
        self.batches: list[dict[str, Any]] = []

    def plan(self) -> None:
        d = self.d
        rng = d.rng("donors")
        first_day = d.records_from - dt.timedelta(days=3 * 365)
        for name, kind, contact, area, notes in DONORS:
            donor_id = d.w.new_id(m.Donor)
            self.donor_ids.append(donor_id)
            phone = landline(rng, area) if area else (mobile(rng) if contact else "")
            self.donor_rows.append(
                {
                    "id": donor_id,
                    "name": name,
                    "kind": kind,
                    "contact": contact,
                    "phone": phone,
                    "notes": notes,
                    "created_at": d.stamp(first_day),
                    "updated_at": d.stamp(first_day),
                }
            )
        years = d.plan.span_days / 365.25
        n = 16 + round(6 * years)
        window = (d.yesterday - dt.timedelta(days=5) - first_day).days
        days = sorted(first_day + dt.timedelta(days=rng.randrange(window)) for _ in range(n))
        # A fresh term usually brings a book donation: make sure one arrives inside the span at scale 1 too.
        days[-1] = max(days[-1], d.plan.span_start + dt.timedelta(days=20))
        days.sort()
        kinds = ["books", "equipment", "both"] + [
            weighted(rng, (("books", 6), ("equipment", 3), ("both", 2))) for _ in range(n - 3)
        ]
        rng.shuffle(kinds)
        for day, kind in zip(days, kinds, strict=True):
            self.batches.append(
                {
                    "id": d.w.new_id(m.DonationBatch),
                    "donor_id": rng.choice(self.donor_ids),
                    "received_on": day,
                    "kind": kind,
                    "weight": rng.lognormvariate(0, 0.7),
                    "copies": 0,
                    "items": 0,
                    "excel": rng.random() < 0.4,
                }
            )

    def write(self) -> None:
        w = self.d.w
        for row in self.donor_rows:
            w.add(m.Donor, row)
        for b in self.batches:
            parts = []
            if b["copies"]:
                parts.append(f"图书 {b['copies']} 册")
            if b["items"]:
                parts.append(f"器材 {b['items']} 种")
            day: dt.date = b["received_on"]
            w.add(
                m.DonationBatch,
                {
                    "id": b["id"],
                    "donor_id": b["donor_id"],
                    "received_on": day,
                    "description": "捐赠" + "、".join(parts or ["物资一批"]),
                    "source_file": f"捐赠清单_{day:%Y%m%d}.xlsx" if b["excel"] and b["copies"] else "",
                    "notes": "",
                    "created_at": self.d.stamp(day, 900),
                    "updated_at": self.d.stamp(day, 900),
                },
            )

    def draw(self, rng: random.Random, kinds: tuple[str, ...], what: str, n: int) -> list[dict[str, Any]]:
        """``n`` batches of ``kinds`` (each as likely as its weight), counting in each the ``what`` ("copies" or
        "items") it brought."""
        chosen = [b for b in self.batches if b["kind"] in kinds]
        cum = list(itertools.accumulate(b["weight"] for b in chosen))
        drawn: list[dict[str, Any]] = []
        for _ in range(n):
            b = chosen[bisect.bisect_left(cum, rng.random() * cum[-1])]
            b[what] += 1
            drawn.append(b)
        return drawn
