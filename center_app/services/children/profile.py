"""Reading children's profiles: the roster list and search, the class list, a child's file as the actor may see
it (see the package doc for what each role sees)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import Child, Guardian, PickupPerson
from center_app.domain import children as dom
from center_app.domain.children import ChildInput
from center_app.domain.permissions import READ, allowed, redact_child, require, visible_child_groups
from center_app.domain.pinyin import normalise, person_name_keys
from center_app.services.children.common import (
    CHILD_FIELDS,
    age_of,
    child_values,
    guardian_dict,
    load_child,
    pickup_dict,
)
from center_app.services.children.people import GuardianRow, PickupRow
from center_app.services.early_warning import FollowUpRow, read_follow_ups


@dataclass(frozen=True)
class ChildRow:
    """One line of the roster. Fields the actor may not see are ``""``/None (see the module doc)."""

    id: int
    name: str
    name_pinyin: str
    gender: str  # male | female | ""
    grade: int | None
    class_name: str
    card_barcode: str | None
    birth_date: dt.date | None
    age: int | None
    school: str
    village: str
    left_behind_type: str  # both | father | mother | none | "" (hidden)
    special_attention: bool | None
    status: str  # active | left | "" (hidden)
    health_notes: str
    allergy_notes: str
    guardian_name: str  # the primary guardian's
    guardian_relation: str
    guardian_phone: str

    @property
    def grade_label(self) -> str:
        return dom.grade_label(self.grade)

    @property
    def gender_label(self) -> str:
        return dom.gender_label(self.gender)

    @property
    def left_behind_label(self) -> str:
        return dom.left_behind_label(self.left_behind_type)

    @property
    def label(self) -> str:
        """``三年级2班 王子涵`` — class first: most schools have two 王子涵."""
        return f"{self.class_name} {self.name}" if self.class_name else self.name


@dataclass(frozen=True)
class ChildDetail:
    """A child's whole file as the actor may see it; ``visible_groups`` says which sections to show."""

    id: int
    name: str
    name_pinyin: str
    gender: str
    birth_date: dt.date | None
    age: int | None
    grade: int | None
    class_name: str
    school: str
    village: str
    address: str
    left_behind_type: str
    father_work_city: str
    father_phone: str
    mother_work_city: str
    mother_phone: str
    health_notes: str
    allergy_notes: str
    special_attention: bool | None
    photo_path: str
    photo_consent: bool | None  # None: not the actor's to see (child.profile)
    card_barcode: str | None
    status: str
    enrolled_on: dt.date | None
    left_on: dt.date | None
    notes: str
    guardians: tuple[GuardianRow, ...] = ()
    pickup_people: tuple[PickupRow, ...] = ()
    follow_ups: tuple[FollowUpRow, ...] = ()
    visible_groups: frozenset[str] = field(default_factory=frozenset)

    @property
    def grade_label(self) -> str:
        return dom.grade_label(self.grade)

    @property
    def label(self) -> str:
        return f"{self.class_name} {self.name}" if self.class_name else self.name

    def as_input(self) -> ChildInput:
        """The profile as a form's starting point (for a role that sees everything, i.e. one that may write)."""
        return ChildInput.from_values({name: getattr(self, name) for name in CHILD_FIELDS})


def roster_sort_key(row: ChildRow | Child) -> tuple[Any, ...]:
    pinyin = row.name_pinyin or person_name_keys(row.name)[0]
    return (row.grade is None, row.grade or 0, dom.natural_key(row.class_name), pinyin, row.name, row.id)


def primary_guardians(s: Session, child_ids: Sequence[int] | None = None) -> dict[int, Guardian]:
    """Each child's primary guardian, else the first entered."""
    query = select(Guardian).order_by(Guardian.child_id, Guardian.is_primary.desc(), Guardian.id)
    if child_ids is not None:
        query = query.where(Guardian.child_id.in_(child_ids))
    result: dict[int, Guardian] = {}
    for g in s.scalars(query):
        result.setdefault(g.child_id, g)
    return result


def _row(role: str, child: Child, guardian: Guardian | None) -> ChildRow:
    data = redact_child(
        role,
        {
            "id": child.id,
            "name": child.name,
            "name_pinyin": child.name_pinyin,
            "gender": child.gender,
            "grade": child.grade,
            "class_name": child.class_name,
            "card_barcode": child.card_barcode,
            "birth_date": child.birth_date,
            "school": child.school,
            "village": child.village,
            "left_behind_type": child.left_behind_type,
            "special_attention": child.special_attention,
            "status": child.status,
            "health_notes": child.health_notes,
            "allergy_notes": child.allergy_notes,
            "guardians": [guardian_dict(guardian)] if guardian is not None else [],
        },
    )
    g = (data.pop("guardians") or [{}])[0]
    return ChildRow(
        **data,
        age=age_of(data),
        guardian_name=g.get("name") or "",
        guardian_relation=g.get("relation") or "",
        guardian_phone=g.get("phone") or "",
    )


def detail_of(s: Session, role: str, child: Child) -> ChildDetail:
    groups = visible_child_groups(role)
    sees_family = bool(groups & {"child.family", "child.phones"})
    guardians = (
        s.scalars(
            select(Guardian)
            .where(Guardian.child_id == child.id)
            .order_by(Guardian.is_primary.desc(), Guardian.id)
        ).all()
        if sees_family
        else []
    )
    pickups = (
        s.scalars(
            select(PickupPerson).where(PickupPerson.child_id == child.id).order_by(PickupPerson.id)
        ).all()
        if sees_family
        else []
    )
    follow_ups: list[FollowUpRow] = []
    if "child.followups" in groups:
        follow_ups = read_follow_ups(s, child.id)
    data = redact_child(
        role,
        {
            "id": child.id,
            "name_pinyin": child.name_pinyin,
            "photo_path": child.photo_path,
            **child_values(child),
            "guardians": [guardian_dict(g) for g in guardians],
            "pickup_people": [pickup_dict(p) for p in pickups],
            "follow_ups": follow_ups,
        },
    )
    return ChildDetail(
        **{k: v for k, v in data.items() if k not in ("guardians", "pickup_people", "follow_ups")},
        age=age_of(data),
        guardians=tuple(GuardianRow(**g) for g in data["guardians"]),
        pickup_people=tuple(PickupRow(**p) for p in data["pickup_people"]),
        follow_ups=tuple(data["follow_ups"]),
        visible_groups=groups,
    )


def _matches(query: str, child: Child) -> bool:
    q = normalise(query).replace(" ", "")
    if not q:
        return True
    full, initials = (
        (child.name_pinyin, child.name_initials) if child.name_pinyin else person_name_keys(child.name)
    )
    if q in normalise(child.name) or q in full.replace(" ", "") or q in initials:
        return True
    if child.card_barcode and q in normalise(child.card_barcode):
        return True
    class_name = normalise(child.class_name)
    if class_name and (q in class_name or dom.normalise_class_name(query) == child.class_name):
        return True
    if any(ch in q for ch in "年级初学前"):  # "3年级" finds the whole grade, whatever the class is called
        try:
            return child.grade == dom.parse_grade(q)
        except dom.FieldError:
            return False
    return False


def list_children(
    ctx: AppContext,
    query: str = "",
    *,
    class_name: str | None = None,
    grade: int | None = None,
    status: str | None = dom.ACTIVE,
    special_only: bool = False,
) -> list[ChildRow]:
    """The roster, searched by name, full pinyin, pinyin initials (``wzh``), class or card number, sorted by grade,
    class (2班 before 10班) and pinyin. ``status=None`` lists everyone (left children too)."""
    require(ctx.actor, "children", READ)
    if status != dom.ACTIVE or special_only:
        require(ctx.actor, "child.profile", READ)
    role = ctx.actor.role
    wanted_class = dom.normalise_class_name(class_name, grade) if class_name else None
    with ctx.db.read() as s:
        stmt = select(Child)
        if status is not None:
            stmt = stmt.where(Child.status == status)
        if grade is not None:
            stmt = stmt.where(Child.grade == grade)
        if special_only:
            stmt = stmt.where(Child.special_attention.is_(True))
        children = [
            c
            for c in s.scalars(stmt)
            if (wanted_class is None or dom.normalise_class_name(c.class_name, c.grade) == wanted_class)
            and _matches(query, c)
        ]
        guardians = (
            primary_guardians(s)
            if allowed(role, "child.family", READ) or allowed(role, "child.phones", READ)
            else {}
        )
        rows = [_row(role, c, guardians.get(c.id)) for c in children]
    rows.sort(key=roster_sort_key)
    return rows


def list_classes(ctx: AppContext) -> list[str]:
    """The class names of the children on the roster, in grade and natural order (for a filter box)."""
    require(ctx.actor, "children", READ)
    with ctx.db.read() as s:
        query = select(Child.grade, Child.class_name).where(Child.status == dom.ACTIVE)
        pairs = {(grade, name) for grade, name in s.execute(query)}
    ordered = sorted(pairs, key=lambda p: (p[0] is None, p[0] or 0, dom.natural_key(p[1])))
    return list(dict.fromkeys(name for _, name in ordered if name))


def get_child(ctx: AppContext, child_id: int) -> ChildDetail:
    """A child's file, redacted: a librarian or teacher gets the basic fields and empty lists, not an error."""
    require(ctx.actor, "children", READ)
    with ctx.db.read() as s:
        return detail_of(s, ctx.actor.role, load_child(s, child_id))
