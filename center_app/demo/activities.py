"""Activities: the timetable's slots held on every open day of their term, and the yearly events (读书日, 六一,
the summer camp's opening and show, 写春联…) instead of the slots on their day; who led them and the service hours
they earned."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass
from typing import Any

from center_app.db import models as m
from center_app.demo.calendar import Period, hm, local, periods_of, school_day, spring_festival
from center_app.demo.pools import table_lines
from center_app.demo.pools.activities import ART_THEMES, EVENTS, OUTCOMES, SAFETY_TOPICS, SONGS, TARGET_GRADES
from center_app.demo.pools.books import CLASSICS
from center_app.demo.state import Demo
from center_app.demo.volunteers import Vol, Volunteers


@dataclass(eq=False)
class Act:
    id: int
    title: str
    kind: str
    day: dt.date
    start: int  # minute of day
    end: int
    capacity: int
    grades: tuple[int, int]
    register: bool


class Activities:
    """Writes the activities; keeps each day's (``acts_by_day``) and the service minutes per volunteer."""

    def __init__(self, d: Demo, volunteers: Volunteers) -> None:
        self.d = d
        self.w = d.w
        self.volunteers = volunteers
        self.acts_by_day: dict[dt.date, list[Act]] = {}
        self.minutes: Counter[int] = Counter()  # approved minutes per volunteer, for certificates
        self.pending_minutes: Counter[int] = Counter()

    def write(self) -> None:
        rng = self.d.rng("activities")
        events = self.event_days(rng)
        by_weekday: dict[tuple[Period, int], list[dict[str, Any]]] = {}
        for slot in self.volunteers.slots:
            by_weekday.setdefault((slot["period"], slot["weekday"]), []).append(slot)
        classics = [line[0] for line in table_lines(CLASSICS)]
        for period in self.d.periods:
            for day in self.d.days.open_days(period.start, min(period.end, self.d.yesterday)):
                if day in events:
                    continue
                for slot in by_weekday.get((period, day.isoweekday()), []):
                    self.add_activity(
                        rng,
                        day,
                        slot["course"],
                        slot["kind"],
                        slot["start"],
                        slot["end"],
                        slot["room_id"],
                        slot["id"],
                        [slot["vol"]],
                        slot["group"],
                        classics,
                    )
        for day, (title, kind) in sorted(events.items()):
            active = [v for v in self.volunteers.vols if v.start <= day and (v.end is None or v.end >= day)]
            if not active:
                continue
            team = rng.sample(active, k=min(len(active), rng.randint(2, 4)))
            start = 900 if school_day(day) else 570
            room = self.d.room_ids["操场" if kind == "other" else "活动室"]
            self.add_activity(rng, day, title, kind, start, start + 120, room, None, team, "全体", classics)

    def event_days(self, rng: random.Random) -> dict[dt.date, tuple[str, str]]:
        events: dict[dt.date, tuple[str, str]] = {}
        for year in range(self.d.records_from.year, self.d.today.year + 1):
            dated = [(dt.date(year, mo, d), title, kind) for title, mo, d, kind in EVENTS]
            camp = next(p for p in periods_of(year) if p.kind == "summer")
            dated += [
                (camp.start, "暑期夏令营开营仪式", "other"),
                (camp.end, "暑期夏令营结营汇报演出", "music"),
            ]
            sf = spring_festival(year)
            dated.append((sf - dt.timedelta(days=10), "写春联送祝福", "art"))
            for day, title, kind in dated:
                day = self.d.days.prev_open(day)
                if self.d.records_from <= day <= self.d.yesterday and day not in events:
                    events[day] = (title, kind)
        return events

    def add_activity(
        self,
        rng: random.Random,
        day: dt.date,
        title: str,
        kind: str,
        start: int,
        end: int,
        room_id: int,
        slot_id: int | None,
        team: list[Vol],
        group: str,
        classics: list[str],
    ) -> None:
        act_id = self.w.new_id(m.Activity)
        lead = team[0]
        description = {
            "reading": f"共读《{rng.choice(classics)}》，孩子们轮流朗读并分享感受",
            "homework": "辅导当天家庭作业，检查订正后做口算练习",
            "art": f"主题：{rng.choice(ART_THEMES)}",
            "sports": f"{title}：热身、技能练习、分组比赛",
            "music": f"学唱《{rng.choice(SONGS)}》",
            "other": rng.choice(SAFETY_TOPICS) if title in ("安全教育", "自我保护教育") else title,
        }[kind]
        outcome = rng.choice(OUTCOMES).format(n=rng.randint(8, 30)) if rng.random() < 0.3 else ""
        self.w.add(
            m.Activity,
            {
                "id": act_id,
                "title": title,
                "kind": kind,
                "on_date": day,
                "start_time": hm(start),
                "end_time": hm(end),
                "room_id": room_id,
                "slot_id": slot_id,
                "slot_date": day if slot_id is not None else None,  # held on the day it was planned
                "description": f"{description}（{lead.name}老师带领）",
                "outcome": outcome,
                "created_by": self.d.user_id,
                "created_at": local(day, end + 10),
                "updated_at": local(day, end + 10),
            },
        )
        approved_by = day + dt.timedelta(days=7)
        for i, vol in enumerate(team):
            self.w.add(
                m.ActivityVolunteer,
                {"activity_id": act_id, "volunteer_id": vol.id, "role": "lead" if i == 0 else "assistant"},
            )
            approved = approved_by < self.d.today
            minutes = end - start
            (self.minutes if approved else self.pending_minutes)[vol.id] += minutes
            self.w.add(
                m.ServiceHours,
                {
                    "volunteer_id": vol.id,
                    "activity_id": act_id,
                    "on_date": day,
                    "minutes": minutes,
                    "description": title,
                    # Held as the timetable planned it: the occurrence (session, date) and its planned time.
                    "slot_id": slot_id,
                    "slot_date": day if slot_id is not None else None,
                    "source": "planned",
                    "status": "approved" if approved else "pending",
                    "approved_by": self.d.user_id if approved else None,
                    "approved_at": local(approved_by, 1020) if approved else None,
                    "created_at": local(day, end + 15),
                    "updated_at": local(approved_by if approved else day, 1020),
                },
            )
        grades = TARGET_GRADES.get(group, (0, 9))
        act = Act(
            act_id,
            title,
            kind,
            day,
            start,
            end,
            self.d.room_capacity.get(room_id, 40),
            grades,
            register=slot_id is None or rng.random() < 0.25,
        )
        self.acts_by_day.setdefault(day, []).append(act)
