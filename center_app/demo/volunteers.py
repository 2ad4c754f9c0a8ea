"""Volunteers and the timetable: local teachers and social workers holding posts term after term, university
students for each summer camp; each term's weekly slots (no room or volunteer booked twice) and the volunteers'
availability; certificates for students whose hours are all approved."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass
from typing import Any

from center_app.db import models as m
from center_app.demo.calendar import hm
from center_app.demo.pools.activities import COURSES, KIND_ROOMS, KIND_SUBJECTS, ROOMS
from center_app.demo.pools.people import (
    BOY_CHARS,
    CHILD_SURNAMES,
    GIRL_CHARS,
    MAJORS,
    MEN,
    UNIVERSITIES,
    WOMEN,
    mobile,
)
from center_app.demo.state import Demo
from center_app.domain.pinyin import person_name_keys


@dataclass(eq=False)
class Vol:
    id: int
    name: str
    kind: str
    subjects: str
    start: dt.date
    end: dt.date | None


class Volunteers:
    """Writes the volunteers, then each term's and summer's timetable; keeps both for the activities."""

    def __init__(self, d: Demo) -> None:
        self.d = d
        self.w = d.w
        self.vols: list[Vol] = []
        self.slots: list[dict[str, Any]] = []  # the timetable's slots, for the activities held in them

    def write(self) -> None:
        rng = self.d.rng("volunteers")
        short = self.d.plan.scale == 1
        positions = (
            ("local", "古楼村小学", "语文;阅读"),
            ("local", "古楼村小学", "数学;作业辅导"),
            ("local", "古楼村小学", "体育"),
            ("local", "古楼村小学", "美术;手工"),
            ("social_work", "深圳市彩虹桥社会工作服务中心", "心理;小组活动"),
            ("social_work", "深圳市彩虹桥社会工作服务中心", "阅读;安全教育"),
            ("social_work", "深圳市彩虹桥社会工作服务中心", "音乐;社区活动"),
        )
        weekly = [p for p in self.d.periods if p.kind == "weekly"]
        for kind, org, subjects in positions:
            # Each post is held by one person after another, changing only between terms, so every term's
            # timetable has a full set of teachers. At scale 1 each post has one holder.
            i = 0
            start = min(weekly[0].start, self.d.records_from) - dt.timedelta(days=rng.randint(30, 900))
            while True:
                terms = len(weekly) if short else rng.randint(3, 10)
                last = i + terms - 1
                end = None if last >= len(weekly) - 1 else weekly[last].end
                self.add_volunteer(rng, kind, org, subjects, start, end)
                if end is None:
                    break
                i = last + 1
                start = weekly[i].start - dt.timedelta(days=rng.randint(3, 20))
        for period in self.d.periods:
            if period.kind != "summer":
                continue
            for _ in range(5):
                major, subjects = rng.choice(MAJORS)
                university = rng.choice(UNIVERSITIES)
                self.add_volunteer(
                    rng,
                    "student",
                    university,
                    subjects,
                    period.start - dt.timedelta(days=1),
                    period.end + dt.timedelta(days=1),
                    notes=f"{period.start.year}年暑期支教，{major}专业",
                )

    def add_volunteer(
        self,
        rng: random.Random,
        kind: str,
        org: str,
        subjects: str,
        start: dt.date,
        end: dt.date | None,
        notes: str = "",
    ) -> None:
        vol_id = self.w.new_id(m.Volunteer)
        gender = rng.choice(("male", "female"))
        surname = rng.choices([s for s, _ in CHILD_SURNAMES], [w for _, w in CHILD_SURNAMES])[0]
        if kind == "student":
            chars = BOY_CHARS if gender == "male" else GIRL_CHARS
            name = surname + "".join(rng.choice(chars) for _ in range(2))
        else:
            name = surname + rng.choice(MEN if gender == "male" else WOMEN)
        full, initials = person_name_keys(name)
        self.w.add(
            m.Volunteer,
            {
                "id": vol_id,
                "name": name,
                "name_pinyin": full,
                "name_initials": initials,
                "gender": gender,
                "phone": mobile(rng),
                "organisation": org,
                "kind": kind,
                "id_number": "",  # never invent identity-card numbers: they could be someone's real one
                "subjects": subjects,
                "start_on": start,
                "end_on": end,
                "active": end is None or end >= self.d.today - dt.timedelta(days=365),
                "notes": notes,
                "created_at": self.d.stamp(start),
                "updated_at": self.d.stamp(end or start),
            },
        )
        self.vols.append(Vol(vol_id, name, kind, subjects, start, end))

    def timetables(self) -> None:
        rng = self.d.rng("timetables")
        weekday_blocks = ((990, 1050), (1050, 1100))  # 16:30–17:30, 17:30–18:20
        saturday_blocks = ((540, 630), (640, 720), (870, 960))
        summer_blocks = ((510, 600), (620, 700), (870, 960), (980, 1050))
        for period in self.d.periods:
            tt_id = self.w.new_id(m.Timetable)
            self.w.add(
                m.Timetable,
                {
                    "id": tt_id,
                    "name": period.name,
                    "kind": period.kind,
                    "starts_on": period.start,
                    "ends_on": period.end,
                    "created_at": self.d.stamp(period.start - dt.timedelta(days=10)),
                    "updated_at": self.d.stamp(period.start - dt.timedelta(days=10)),
                },
            )
            if period.kind == "summer":
                vols = [
                    v
                    for v in self.vols
                    if v.start <= period.start
                    and (v.end is None or v.end >= period.end)
                    and v.kind in ("student", "social_work")
                ]
                plan = [
                    (wd, b, ("homework", "reading") if i == 0 else ())
                    for wd in range(1, 6)
                    for i, b in enumerate(summer_blocks)
                ]
                per_block = 3
            else:
                vols = [
                    v
                    for v in self.vols
                    if v.start <= period.start
                    and (v.end is None or v.end >= period.end)
                    and v.kind != "student"
                ]
                plan = [
                    (wd, b, ("homework", "homework") if i == 0 else ())
                    for wd in range(1, 6)
                    for i, b in enumerate(weekday_blocks)
                ]
                plan += [(6, b, ()) for b in saturday_blocks]
                per_block = 2
            load: Counter[int] = Counter()
            availability: dict[tuple[int, int], list[int]] = {}
            for weekday, (start, end), fixed in plan:
                # One block: distinct rooms and distinct volunteers by construction, so no double booking.
                free_rooms = [name for name, _ in ROOMS]
                free_vols = list(vols)
                rng.shuffle(free_vols)
                if fixed:
                    kinds, want = list(fixed), len(fixed)
                else:
                    kinds = rng.sample(("reading", "art", "sports", "music", "other"), k=5)
                    want = rng.randint(1, 2) if weekday <= 5 and period.kind == "weekly" else per_block
                made = 0
                used_courses: set[str] = set()
                for kind in kinds:
                    if made >= want or not free_vols:
                        break
                    room = next((r for r in KIND_ROOMS[kind] if r in free_rooms), None)
                    if room is None:
                        continue
                    options = [c for c in COURSES[kind] if c[0] + c[1] not in used_courses]
                    course, group = options[0] if kind == "homework" else rng.choice(options)
                    used_courses.add(course + group)
                    matching = [v for v in free_vols if any(s in v.subjects for s in KIND_SUBJECTS[kind])]
                    vol = min(matching or free_vols, key=lambda v: load[v.id])
                    free_vols.remove(vol)
                    free_rooms.remove(room)
                    load[vol.id] += 1
                    made += 1
                    slot_id = self.w.new_id(m.TimetableSlot)
                    room_id = self.d.room_ids[room]
                    self.w.add(
                        m.TimetableSlot,
                        {
                            "id": slot_id,
                            "timetable_id": tt_id,
                            "weekday": weekday,
                            "start_time": hm(start),
                            "end_time": hm(end),
                            "course": course,
                            "kind": kind,
                            "room_id": room_id,
                            "volunteer_id": vol.id,
                            "target_group": group,
                        },
                    )
                    self.slots.append(
                        {
                            "id": slot_id,
                            "period": period,
                            "weekday": weekday,
                            "start": start,
                            "end": end,
                            "course": course,
                            "kind": kind,
                            "room_id": room_id,
                            "vol": vol,
                            "group": group,
                        }
                    )
                    span = availability.setdefault((vol.id, weekday), [start, end])
                    span[0], span[1] = min(span[0], start), max(span[1], end)
            for (vol_id, weekday), (start, end) in sorted(availability.items()):
                self.w.add(
                    m.VolunteerAvailability,
                    {
                        "volunteer_id": vol_id,
                        "weekday": weekday,
                        "start_time": hm(start),
                        "end_time": hm(end),
                        "valid_from": period.start,
                        "valid_to": period.end,
                    },
                )

    def certificates(self, rng: random.Random, minutes: Counter[int], pending_minutes: Counter[int]) -> None:
        """Certificates for summer students whose hours are all approved (``minutes`` approved per volunteer)."""
        for vol in self.vols:
            if vol.kind != "student" or vol.end is None or vol.end >= self.d.today - dt.timedelta(days=3):
                continue
            if pending_minutes[vol.id] or not minutes[vol.id]:
                continue
            issued = min(vol.end + dt.timedelta(days=rng.randint(10, 20)), self.d.yesterday)
            self.w.add(
                m.Certificate,
                {
                    "volunteer_id": vol.id,
                    "issued_on": issued,
                    "period_from": vol.start,
                    "period_to": vol.end,
                    "minutes": minutes[vol.id],
                    "verification_code": f"GL{vol.start.year}-{vol.id:05d}-{rng.randrange(16**6):06X}",
                },
            )
