"""Children and their families: profiles (some already left), guardians — mostly grandparents when both parents
work away — and the people allowed to pick a child up."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from center_app.db import models as m
from center_app.demo.calendar import NEVER, school_year
from center_app.demo.pools import weighted
from center_app.demo.pools.people import (
    ALLERGIES,
    BOY_CHARS,
    CARERS_BOTH_AWAY,
    CHILD_NOTES,
    CHILD_SURNAMES,
    GIRL_CHARS,
    GRANDPARENT_HEALTH,
    HEALTH_NOTES,
    LEFT_REASONS,
    MEN,
    OLD_MEN,
    OLD_WOMEN,
    SPECIAL_NOTES,
    SURNAMES_COMMON,
    WOMEN,
    WORK_CITIES,
    mobile,
)
from center_app.demo.state import Demo
from center_app.domain.children import grade_label
from center_app.domain.pinyin import person_name_keys


@dataclass(eq=False)
class Kid:
    id: int
    name: str
    grade: int
    enrol: int  # ordinal of the first day at the centre
    end: int  # ordinal of the day they left (exclusive), or NEVER
    absent_p: float
    borrow_p: float
    max_books: int
    loan_days: int
    pickups: list[str]
    walks_home: bool
    loans: list[int] = field(default_factory=list)  # return ordinals of the loans out now


class Children:
    """Writes the children with their guardians and pick-up people; keeps them as ``Kid``s for the days."""

    def __init__(self, d: Demo) -> None:
        self.d = d
        self.w = d.w
        self.kids: list[Kid] = []
        self.special: list[Kid] = []  # active children flagged for special attention (for follow-ups)

    def write(self) -> None:
        rng = self.d.rng("children")
        plan = self.d.plan
        surnames = [s for s, _ in CHILD_SURNAMES]
        surname_w = [w for _, w in CHILD_SURNAMES]
        n_left = max(1, round(plan.children * plan.left_share))
        used_names: set[str] = set()
        grades = (0, 1, 2, 3, 4, 5, 6, 7, 8, 9)
        grade_w = (4, 15, 15, 15, 15, 14, 14, 3, 3, 2)
        span_start, yesterday = plan.span_start, self.d.yesterday
        for n in range(plan.children):
            child_id = self.w.new_id(m.Child)
            gender = "male" if rng.random() < 0.52 else "female"
            surname = rng.choices(surnames, surname_w)[0]
            chars = BOY_CHARS if gender == "male" else GIRL_CHARS
            while True:
                name = surname + "".join(rng.choice(chars) for _ in range(1 if rng.random() < 0.25 else 2))
                if name not in used_names:
                    used_names.add(name)
                    break
            left = n >= plan.children - n_left
            if left:
                lo, hi = span_start + dt.timedelta(days=14), yesterday - dt.timedelta(days=3)
                left_on = lo + dt.timedelta(days=rng.randrange((hi - lo).days + 1))
                reason = rng.choice(LEFT_REASONS)
                if reason == "到县城读初中" and left_on.month in (7, 8, 9):
                    # Finished grade 6 at the start of July and moved on to the county junior school.
                    grade, as_of = 6, dt.date(left_on.year, 7, 5)
                else:
                    if reason == "到县城读初中":
                        reason = "转学到镇中心小学"
                    grade, as_of = rng.randint(1, 6), left_on - dt.timedelta(days=1)
            else:
                left_on, reason, as_of = None, "", yesterday
                grade = rng.choices(grades, grade_w)[0]
            year = school_year(as_of)
            born_from = dt.date(year - 6 - grade, 9, 1)
            if rng.random() < 0.08:  # started school a year late
                born_from = born_from.replace(year=born_from.year - 1)
            birth = born_from + dt.timedelta(days=rng.randrange(365))
            # First came at 4½ or older and stayed up to six years (those who left: until they left).
            until = left_on or self.d.today
            earliest = max(birth + dt.timedelta(days=int(4.5 * 365)), until - dt.timedelta(days=6 * 365))
            latest = (left_on - dt.timedelta(days=120)) if left_on else yesterday - dt.timedelta(days=7)
            if earliest >= latest:
                earliest = latest - dt.timedelta(days=30)
            enrolled = earliest + dt.timedelta(days=rng.randrange((latest - earliest).days + 1))
            class_no = rng.randint(1, 2)
            class_name = "学前班" if grade == 0 else f"{grade_label(grade)}{class_no}班"
            school = "古楼村幼儿园" if grade == 0 else ("古楼村小学" if grade <= 6 else "钟山县第三中学")
            group = rng.randint(1, 12)
            lbt = rng.choices(("both", "father", "mother", "none"), (45, 25, 10, 20))[0]
            f_city = m_city = f_phone = m_phone = ""
            cities = [c for c, _ in WORK_CITIES]
            city_w = [w for _, w in WORK_CITIES]
            if lbt in ("both", "father"):
                f_city, f_phone = rng.choices(cities, city_w)[0], mobile(rng)
            if lbt in ("both", "mother"):
                m_city = f_city if lbt == "both" and rng.random() < 0.7 else rng.choices(cities, city_w)[0]
                m_phone = mobile(rng)
            if not f_phone and rng.random() < 0.7:
                f_phone = mobile(rng)
            if not m_phone and rng.random() < 0.8:
                m_phone = mobile(rng)
            special = rng.random() < 0.06
            notes = (
                rng.choice(SPECIAL_NOTES)
                if special
                else (rng.choice(CHILD_NOTES) if rng.random() < 0.15 else "")
            )
            if left:
                notes = (notes + "；" if notes else "") + reason
            full, initials = person_name_keys(name)
            self.w.add(
                m.Child,
                {
                    "id": child_id,
                    "name": name,
                    "name_pinyin": full,
                    "name_initials": initials,
                    "gender": gender,
                    "birth_date": birth,
                    "grade": grade,
                    "class_name": class_name,
                    "school": school,
                    "village": f"古楼村{group}组",
                    "address": f"钟山县古楼村{group}组{rng.randint(1, 80)}号",
                    "left_behind_type": lbt,
                    "father_work_city": f_city,
                    "father_phone": f_phone,
                    "mother_work_city": m_city,
                    "mother_phone": m_phone,
                    "health_notes": rng.choice(HEALTH_NOTES) if rng.random() < 0.08 else "",
                    "allergy_notes": rng.choice(ALLERGIES) if rng.random() < 0.05 else "",
                    "special_attention": special,
                    "photo_path": "",
                    "card_barcode": f"C{child_id:05d}",
                    "status": "left" if left else "active",
                    "enrolled_on": enrolled,
                    "left_on": left_on,
                    "notes": notes,
                    "created_at": self.d.stamp(enrolled),
                    "updated_at": self.d.stamp(left_on or enrolled),
                },
            )
            pickups = self.guardians(rng, child_id, surname, lbt, enrolled)
            max_books, loan_days = self.d.rule_for(grade)
            reader = rng.random()
            self.kids.append(
                Kid(
                    id=child_id,
                    name=name,
                    grade=grade,
                    enrol=enrolled.toordinal(),
                    end=left_on.toordinal() if left_on else NEVER,
                    absent_p=rng.choice((0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.10, 0.15)),
                    borrow_p=0.05 if reader < 0.1 else (0.6 if reader < 0.55 else 0.95),
                    max_books=max_books,
                    loan_days=loan_days,
                    pickups=pickups,
                    walks_home=grade >= 4 and rng.random() < 0.6,
                )
            )
            if special and not left:
                self.special.append(self.kids[-1])

    def guardians(
        self, rng: random.Random, child_id: int, surname: str, lbt: str, since: dt.date
    ) -> list[str]:
        """Write 1–2 guardians and 1–3 pickup people; return the pickup names (for check-out records)."""
        mother_surname = rng.choice([s for s, _ in CHILD_SURNAMES if s != surname])
        if lbt == "both":
            first = weighted(rng, CARERS_BOTH_AWAY)
            spouse = {"祖母": "祖父", "祖父": "祖母", "外祖母": "外祖父", "外祖父": "外祖母"}.get(first)
            second = spouse if spouse and rng.random() < 0.6 else None
        elif lbt == "father":
            first, second = "母亲", ("祖母" if rng.random() < 0.5 else None)
        elif lbt == "mother":
            first, second = "父亲", ("祖母" if rng.random() < 0.6 else None)
        else:
            first, second = rng.choice(("母亲", "父亲")), None
            if rng.random() < 0.4:
                second = "父亲" if first == "母亲" else "母亲"
        relations = [first] + ([second] if second else [])
        names: list[str] = []
        for i, relation in enumerate(relations):
            older = relation in ("祖父", "祖母", "外祖父", "外祖母")
            male = relation in ("祖父", "外祖父", "父亲", "舅舅")
            # Father's side shares the child's surname, mother's side the mother's; grandmothers kept their own.
            if relation in ("祖父", "父亲", "姑姑"):
                family = surname
            elif relation in ("外祖父", "舅舅", "母亲"):
                family = mother_surname
            else:
                family = rng.choice(SURNAMES_COMMON)
            pool = (OLD_MEN if male else OLD_WOMEN) if older else (MEN if male else WOMEN)
            name = family + rng.choice(pool)
            names.append(name)
            if older:
                age = rng.randint(58, 78) if male else rng.randint(55, 76)
                literacy = rng.choices(("不识字", "小学", "初中"), (35, 45, 20))[0]
                health = weighted(rng, GRANDPARENT_HEALTH)
                phone = mobile(rng) if rng.random() < 0.8 else ""
            else:
                age = rng.randint(28, 48)
                literacy = rng.choices(("小学", "初中", "高中", "中专"), (10, 60, 25, 5))[0]
                health, phone = "良好", mobile(rng)
            self.w.add(
                m.Guardian,
                {
                    "child_id": child_id,
                    "name": name,
                    "relation": relation,
                    "phone": phone,
                    "age": age,
                    "health": health,
                    "literacy": literacy,
                    "is_primary": i == 0,
                    "created_at": self.d.stamp(since),
                    "updated_at": self.d.stamp(since),
                },
            )
            self.w.add(
                m.PickupPerson, {"child_id": child_id, "name": name, "relation": relation, "phone": phone}
            )
        if rng.random() < 0.35:
            relation = rng.choice(("邻居", "哥哥", "姐姐", "叔叔"))
            if relation in ("哥哥", "姐姐"):
                chars = BOY_CHARS if relation == "哥哥" else GIRL_CHARS
                name = surname + rng.choice(chars) + rng.choice(chars)
            elif relation == "叔叔":
                name = surname + rng.choice(MEN)
            else:
                name = rng.choice(SURNAMES_COMMON) + rng.choice(MEN + WOMEN)
            phone = "" if relation in ("哥哥", "姐姐") else mobile(rng)
            self.w.add(
                m.PickupPerson, {"child_id": child_id, "name": name, "relation": relation, "phone": phone}
            )
            names.append(name)
        return names
