"""Volunteers and the timetable: local teachers and social workers holding posts term after term, university
students for each summer camp; each term's weekly slots (no room or volunteer booked twice) and the volunteers'
availability; certificates for students whose hours are all approved.

Written through the volunteers service's building blocks (``services/volunteers``), inside the fill's session:
records as the form writes them, programmes with their periods, each term's sessions laid out by ``write_sessions``
— which runs the same clash check as the timetable page and raises on any clash, so the demo is clash-free by
construction *and* by check — and certificates with real verification codes (``issue_in``), so ``verify`` works on
the demo centre's. The fill is audited as a whole (``fill_demo``), so these write no entries of their own."""

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
from center_app.domain.actor import Actor
from center_app.domain.permissions import ADMIN
from center_app.domain.timetable import Window
from center_app.domain.volunteers import VolunteerInput
from center_app.services.volunteers.certificates import demo_secret, issue_in
from center_app.services.volunteers.programmes import add_programme
from center_app.services.volunteers.records import fill_record, set_windows
from center_app.services.volunteers.sessions import SessionInput, write_sessions


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
        # Who the building blocks record as acting (issued_by): the fill's user; no audit entries are written.
        self.actor = Actor(username="demo", role=ADMIN, user_id=d.user_id)

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
        gender = rng.choice(("male", "female"))
        surname = rng.choices([s for s, _ in CHILD_SURNAMES], [w for _, w in CHILD_SURNAMES])[0]
        if kind == "student":
            chars = BOY_CHARS if gender == "male" else GIRL_CHARS
            name = surname + "".join(rng.choice(chars) for _ in range(2))
        else:
            name = surname + rng.choice(MEN if gender == "male" else WOMEN)
        values = VolunteerInput(
            name=name,
            organisation=org,
            phone=mobile(rng),
            kind=kind,
            gender=gender,
            subjects=subjects,
            start_on=start,
            end_on=end,
            notes=notes,
        ).validated()
        volunteer = fill_record(self.d.s, m.Volunteer(), values)
        volunteer.active = end is None or end >= self.d.today - dt.timedelta(days=365)
        volunteer.created_at = self.d.stamp(start)
        volunteer.updated_at = self.d.stamp(end or start)
        vol_id = volunteer.id
        self.vols.append(Vol(vol_id, name, kind, subjects, start, end))

    def timetables(self) -> None:
        rng = self.d.rng("timetables")
        weekday_blocks = ((990, 1050), (1050, 1100))  # 16:30–17:30, 17:30–18:20
        saturday_blocks = ((540, 630), (640, 720), (870, 960))
        summer_blocks = ((510, 600), (620, 700), (870, 960), (980, 1050))
        self.w.flush()  # the rooms (written in bulk) must be in the table before sessions name them
        windows: dict[int, list[Window]] = {}
        for period in self.d.periods:
            programme = add_programme(self.d.s, period.name, period.kind, period.start, period.end)
            programme.created_at = programme.updated_at = self.d.stamp(period.start - dt.timedelta(days=10))
            tt_id = programme.id
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
            inputs: list[SessionInput] = []
            planned: list[dict[str, Any]] = []
            for weekday, (start, end), fixed in plan:
                # One block: distinct rooms and distinct volunteers by construction, so no double booking (and
                # write_sessions checks it again, as the timetable page would).
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
                    room_id = self.d.room_ids[room]
                    inputs.append(
                        SessionInput(
                            programme_id=tt_id,
                            title=course,
                            start=hm(start),
                            end=hm(end),
                            weekday=weekday,
                            volunteer_ids=(vol.id,),
                            room_id=room_id,
                            group=group,
                            kind=kind,
                        )
                    )
                    planned.append(
                        {
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
            ids = write_sessions(self.d.s, self.actor, inputs, record=False)
            self.slots.extend({"id": slot_id, **slot} for slot_id, slot in zip(ids, planned, strict=True))
            for (vol_id, weekday), (start, end) in sorted(availability.items()):
                windows.setdefault(vol_id, []).append(
                    Window(weekday, hm(start), hm(end), period.start, period.end)
                )
        for vol_id, free in sorted(windows.items()):
            set_windows(self.d.s, vol_id, free)

    def certificates(self, rng: random.Random, minutes: Counter[int], pending_minutes: Counter[int]) -> None:
        """Certificates for summer students whose hours are all approved (``minutes`` approved per volunteer),
        issued as the certificate dialog issues them: numbered, with a verification code ``verify`` accepts."""
        self.w.flush()  # the hours (written in bulk) are what a certificate counts
        demo_secret(self.d.s, str(self.d.seed), self.d.stamp(self.d.records_from))
        for vol in self.vols:
            if vol.kind != "student" or vol.end is None or vol.end >= self.d.today - dt.timedelta(days=3):
                continue
            if pending_minutes[vol.id] or not minutes[vol.id]:
                continue
            issued = min(vol.end + dt.timedelta(days=rng.randint(10, 20)), self.d.yesterday)
            issue_in(
                self.d.s,
                self.actor,
                vol.id,
                vol.start,
                vol.end,
                issued,
                record=False,
                issued_at=self.d.stamp(issued),
            )
