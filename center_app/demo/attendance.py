"""Attendance: a roll call on every open day (absences, late arrivals, who picked each child up), registers for
some activities, a few children who stopped coming lately (for the early warning) and one earlier case resolved by a
home visit; follow-ups for those and for the children flagged for special attention or who left."""

from __future__ import annotations

import datetime as dt
import random

from center_app.db import models as m
from center_app.demo.activities import Act
from center_app.demo.calendar import NEVER, date_of, local, school_day
from center_app.demo.children import Children, Kid
from center_app.demo.pools.people import SURNAMES_COMMON
from center_app.demo.state import Demo
from center_app.demo.writer import Row


class Attendance:
    """Registers and marks, one day at a time (called by the day-by-day simulation), then follow-ups."""

    def __init__(self, d: Demo, children: Children) -> None:
        self.d = d
        self.w = d.w
        self.children = children
        self.resolved_kid: Kid | None = None  # the child whose absences a home visit resolved
        self.resolved_streak = d.today  # the last day of that child's absences

    def pick_streaks(self, rng: random.Random, days: list[dt.date]) -> dict[int, set[int]]:
        """Children who stopped coming in the last week (for the early warning), and one earlier, resolved case
        (``resolved_kid``): child id → ordinals of the days they are absent."""
        # Regulars: enrolled well before the streaks (the resolved one starts ~35 open days ago).
        cutoff = days[max(0, len(days) - 45)].toordinal() if days else 0
        active = [k for k in self.children.kids if k.end == NEVER and k.enrol < cutoff]
        chosen = rng.sample(active, k=min(len(active), 2 * min(self.d.plan.scale, 4) + 1))
        streaks: dict[int, set[int]] = {}
        stopped = chosen[:-1]
        for kid in stopped:
            streaks[kid.id] = {d.toordinal() for d in days[-rng.randint(4, 6) :]}
        resolved = chosen[-1] if chosen and len(days) > 40 else None
        if resolved is not None:
            start = len(days) - 35
            streaks[resolved.id] = {d.toordinal() for d in days[start : start + 4]}
            self.resolved_streak = days[start + 3]
        self.resolved_kid = resolved
        return streaks

    def day_register(self, rng: random.Random, day: dt.date, streaks: dict[int, set[int]]) -> list[Kid]:
        ordinal = day.toordinal()
        term = school_day(day)
        opens, closes = (975, 1110) if term else (520, 990)
        taken = local(day, opens + 20)
        note = "下大雨，部分孩子没来" if rng.random() < 0.02 else ""
        reg_id = self.register(day, None, taken, note)
        present: list[Kid] = []
        extra_absence = 0.15 if note else 0.0
        for kid in self.children.kids:
            if not kid.enrol <= ordinal < kid.end:
                continue
            r = rng.random()
            if ordinal in streaks.get(kid.id, ()) or r < kid.absent_p + extra_absence:
                code = "A"
            elif r < kid.absent_p + extra_absence + 0.02:
                code = "E"
            elif r < kid.absent_p + extra_absence + 0.05:
                code = "L"
            else:
                code = "P"
            row = self.mark(reg_id, kid.id, code, taken)
            if code == "E":
                row["note"] = rng.choice(("生病请假", "家里有事", "去镇上看病", "随奶奶走亲戚"))
            elif code in ("P", "L"):
                arrive = opens + rng.randint(-10, 15) if code == "P" else opens + rng.randint(25, 60)
                row["check_in_at"] = local(day, arrive)
                if code == "L":
                    row["marked_at"] = row["check_in_at"]
                    row["version"] = 2  # first marked absent at roll call, corrected on arrival
                row["check_out_at"] = local(day, closes + rng.randint(-15, 20))
                if kid.walks_home:
                    row["note"] = "自行回家"
                elif rng.random() < 0.002:
                    row["picked_up_by"] = f"邻居{rng.choice(SURNAMES_COMMON)}阿姨"
                    row["pickup_authorised"] = False
                    row["note"] = "不在接送名单，已电话联系监护人确认"
                else:
                    row["picked_up_by"] = rng.choice(kid.pickups)
                    row["pickup_authorised"] = True
                present.append(kid)
            self.w.add(m.AttendanceMark, row)
        return present

    def activity_register(self, rng: random.Random, act: Act, pool: list[Kid]) -> None:
        lo, hi = act.grades
        eligible = [k for k in pool if lo <= k.grade <= hi]
        if not eligible:
            return
        n = min(len(eligible), act.capacity, rng.randint(8, 30))
        chosen = sorted(rng.sample(eligible, n), key=lambda k: k.id)
        taken = local(act.day, act.start + 5)
        reg_id = self.register(act.day, act.id, taken, "")
        for kid in chosen:
            late = rng.random() < 0.04
            self.w.add(m.AttendanceMark, self.mark(reg_id, kid.id, "L" if late else "P", taken))

    def register(self, day: dt.date, activity_id: int | None, taken: dt.datetime, note: str) -> int:
        """Write a register (the day's roll call, or an activity's) and return its id."""
        reg_id = self.w.new_id(m.AttendanceRegister)
        self.w.add(
            m.AttendanceRegister,
            {
                "id": reg_id,
                "on_date": day,
                "activity_id": activity_id,
                "taken_by": self.d.user_id,
                "note": note,
                "created_at": taken,
                "updated_at": taken,
            },
        )
        return reg_id

    def mark(self, reg_id: int, child_id: int, code: str, taken: dt.datetime) -> Row:
        """A mark as taken at roll call, without check-in or pick-up (the caller adds those)."""
        return {
            "register_id": reg_id,
            "child_id": child_id,
            "code": code,
            "version": 1,
            "marked_at": taken,
            "marked_by": self.d.user_id,
            "check_in_at": None,
            "check_out_at": None,
            "picked_up_by": "",
            "pickup_authorised": None,
            "note": "",
        }

    def follow_ups(self, rng: random.Random) -> None:
        rows: list[Row] = []
        span_start = self.d.plan.span_start
        for kid in self.children.special:
            for _ in range(rng.randint(1, 2)):
                day = span_start + dt.timedelta(days=rng.randrange(max(1, self.d.plan.span_days - 7)))
                rows.append(
                    {
                        "child_id": kid.id,
                        "on_date": day,
                        "method": rng.choice(("home_visit", "phone", "school")),
                        "reason": "special_attention",
                        "note": "了解孩子近况和在家学习情况",
                        "outcome": rng.choice(
                            (
                                "奶奶说孩子最近情绪好一些",
                                "和班主任沟通了孩子的在校表现",
                                "与在外务工的妈妈通了视频电话",
                            )
                        ),
                        "next_step": "一个月后再回访",
                        "resolved": rng.random() < 0.6,
                    }
                )
        if self.resolved_kid is not None:
            day = self.resolved_streak + dt.timedelta(days=1)
            rows.append(
                {
                    "child_id": self.resolved_kid.id,
                    "on_date": day,
                    "method": "home_visit",
                    "reason": "absent_streak",
                    "note": "连续多日未到中心，上门家访",
                    "outcome": "奶奶生病住院，孩子在家照顾；已联系村委帮忙，孩子下周回来",
                    "next_step": "",
                    "resolved": True,
                }
            )
        for left in (k for k in self.children.kids if k.end != NEVER):
            rows.append(
                {
                    "child_id": left.id,
                    "on_date": date_of(left.end),
                    "method": "phone",
                    "reason": "left",
                    "note": "确认孩子离开中心的去向",
                    "outcome": "已转学，家长表示孩子适应良好",
                    "next_step": "",
                    "resolved": True,
                }
            )
        for row in sorted(rows, key=lambda r: (r["on_date"], r["child_id"])):
            row.update(
                staff_user_id=self.d.user_id,
                created_at=self.d.stamp(row["on_date"], 1080),
                updated_at=self.d.stamp(row["on_date"], 1080),
            )
            self.w.add(m.FollowUp, row)
