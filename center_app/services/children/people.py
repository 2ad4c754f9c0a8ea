"""A child's guardians and pick-up people: one at a time, or a whole list's changes inside the save of a child's
file (``check_people`` before the transaction, ``write_people`` inside it)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import Child, Guardian, PickupPerson
from center_app.domain import children as dom
from center_app.domain.children import GuardianInput, PickupInput
from center_app.domain.errors import NotFound, PermissionDenied, ValidationError
from center_app.domain.permissions import READ, denied_message, redact_child
from center_app.services import audit
from center_app.services.children.common import (
    child_label,
    guardian_dict,
    load_child,
    pickup_dict,
    require_file_write,
)


@dataclass(frozen=True)
class GuardianRow:
    id: int
    child_id: int
    name: str
    relation: str
    phone: str
    age: int | None
    health: str
    literacy: str
    is_primary: bool | None


@dataclass(frozen=True)
class PickupRow:
    id: int
    child_id: int
    name: str
    relation: str
    phone: str


@dataclass(frozen=True)
class PeopleChanges:
    """What saving a child's file does with one list of people (guardians, or pick-up people): remove these ids,
    update these ``(id, input)``, add these inputs — in that order."""

    remove: Sequence[int] = ()
    update: Sequence[tuple[int, Any]] = ()
    add: Sequence[Any] = ()


NO_CHANGES: Final = PeopleChanges()


def _people_problems(kind: str, inputs: Iterable[Any]) -> tuple[list[Any], list[str]]:
    """Each input validated; problems prefixed with whose they are (two grandmothers are told apart)."""
    cleaned: list[Any] = []
    problems: list[str] = []
    for data in inputs:
        try:
            cleaned.append(data.validated())
        except ValidationError as exc:
            who = f"{kind} {dom.clean_name(data.name)}".strip()
            problems += [f"{who}：{line}" for line in (exc.problems or [exc.message])]
            cleaned.append(data)
    return cleaned, problems


def check_people(
    guardians: PeopleChanges, pickup_people: PeopleChanges
) -> tuple[PeopleChanges, PeopleChanges, list[str]]:
    """Both lists' changes with every input validated (nothing asked of the database yet), and all their problems:
    the guardians' additions and updates first, then the pick-up people's."""
    guardian_adds, problems = _people_problems("监护人", guardians.add)
    guardian_updates, found = _people_problems("监护人", (data for _, data in guardians.update))
    problems += found
    pickup_adds, found = _people_problems("接送人", pickup_people.add)
    problems += found
    pickup_updates, found = _people_problems("接送人", (data for _, data in pickup_people.update))
    problems += found
    return (
        PeopleChanges(
            guardians.remove,
            tuple(zip((i for i, _ in guardians.update), guardian_updates, strict=True)),
            tuple(guardian_adds),
        ),
        PeopleChanges(
            pickup_people.remove,
            tuple(zip((i for i, _ in pickup_people.update), pickup_updates, strict=True)),
            tuple(pickup_adds),
        ),
        problems,
    )


def write_people(
    s: Session, ctx: AppContext, child: Child, guardians: PeopleChanges, pickup_people: PeopleChanges
) -> None:
    """Apply checked changes (``check_people``) inside the caller's transaction, each audited: the guardians
    removed, updated, added, then the pick-up people likewise. A person someone else removed meanwhile is
    ``NotFound``, which rolls the caller's whole transaction back."""
    for guardian_id in guardians.remove:
        _remove_guardian(s, ctx, child, _guardian_of(s, child, guardian_id))
    for guardian_id, data in guardians.update:
        _update_guardian(s, ctx, child, _guardian_of(s, child, guardian_id), data)
    for data in guardians.add:
        _add_guardian(s, ctx, child, data)
    for pickup_id in pickup_people.remove:
        _remove_pickup(s, ctx, child, _pickup_of(s, child, pickup_id))
    for pickup_id, data in pickup_people.update:
        _update_pickup(s, ctx, child, _pickup_of(s, child, pickup_id), data)
    for data in pickup_people.add:
        _add_pickup(s, ctx, child, data)


def _guardian_row(role: str, g: Guardian) -> GuardianRow:
    data = redact_child(role, {"guardians": [guardian_dict(g)]})["guardians"]
    if not data:
        raise PermissionDenied(denied_message(role, "child.family", READ))
    return GuardianRow(**data[0])


def _guardian_of(s: Session, child: Child | None, guardian_id: int) -> Guardian:
    guardian = s.get(Guardian, guardian_id)
    if guardian is None or (child is not None and guardian.child_id != child.id):
        raise NotFound("找不到这位监护人，可能已被删除。请刷新。")
    return guardian


def _pickup_of(s: Session, child: Child | None, pickup_id: int) -> PickupPerson:
    person = s.get(PickupPerson, pickup_id)
    if person is None or (child is not None and person.child_id != child.id):
        raise NotFound("找不到这位接送人，可能已被删除。请刷新。")
    return person


def _add_guardian(s: Session, ctx: AppContext, child: Child, data: GuardianInput) -> Guardian:
    others = s.scalars(select(Guardian).where(Guardian.child_id == child.id)).all()
    primary = data.is_primary or not others  # the first guardian is the primary one until told otherwise
    if primary:
        for other in others:
            other.is_primary = False
    guardian = Guardian(child_id=child.id, **{**data.values(), "is_primary": primary})
    s.add(guardian)
    s.flush()
    audit.record(
        s,
        ctx.actor,
        "create",
        "guardian",
        guardian.id,
        f"儿童 {child_label(child)} 的监护人 {guardian.name}（{guardian.relation or '关系未填'}）",
        {
            "child_id": [None, child.id],
            **{k: [None, v] for k, v in data.values().items() if v not in (None, "")},
        },
    )
    return guardian


def _update_guardian(
    s: Session, ctx: AppContext, child: Child, guardian: Guardian, data: GuardianInput
) -> None:
    old = guardian_dict(guardian)
    new = data.values()
    if not new["is_primary"] and guardian.is_primary:
        new["is_primary"] = True  # there is always one primary: make another one primary instead
    changes = {k: [old[k], v] for k, v in new.items() if old[k] != v}
    if not changes:
        return
    if new["is_primary"] and not guardian.is_primary:
        for other in s.scalars(
            select(Guardian).where(Guardian.child_id == child.id, Guardian.id != guardian.id)
        ):
            other.is_primary = False
    for key in changes:
        setattr(guardian, key, new[key])
    labels = {"name": "姓名", "relation": "关系", "phone": "电话", "age": "年龄", "health": "健康状况"}
    labels |= {"literacy": "文化程度", "is_primary": "主要监护人"}
    audit.record(
        s,
        ctx.actor,
        "update",
        "guardian",
        guardian.id,
        f"修改儿童 {child_label(child)} 的监护人 {guardian.name}：{'、'.join(labels[k] for k in changes)}",
        changes,
    )
    s.flush()


def _remove_guardian(s: Session, ctx: AppContext, child: Child, guardian: Guardian) -> None:
    old = guardian_dict(guardian)
    was_primary = guardian.is_primary
    s.delete(guardian)
    s.flush()
    if was_primary:
        successor = s.scalars(
            select(Guardian).where(Guardian.child_id == child.id).order_by(Guardian.id)
        ).first()
        if successor is not None:
            successor.is_primary = True
    audit.record(
        s,
        ctx.actor,
        "delete",
        "guardian",
        old["id"],
        f"删除儿童 {child_label(child)} 的监护人 {old['name']}",
        {k: [v, None] for k, v in old.items() if v not in (None, "")},
    )


def _add_pickup(s: Session, ctx: AppContext, child: Child, data: PickupInput) -> PickupPerson:
    person = PickupPerson(child_id=child.id, **data.values())
    s.add(person)
    s.flush()
    audit.record(
        s,
        ctx.actor,
        "create",
        "pickup_person",
        person.id,
        f"儿童 {child_label(child)} 的接送人 {person.name}（{person.relation or '关系未填'}）",
        {"child_id": [None, child.id], **{k: [None, v] for k, v in data.values().items() if v}},
    )
    return person


def _update_pickup(
    s: Session, ctx: AppContext, child: Child, person: PickupPerson, data: PickupInput
) -> None:
    """Changed in place (same row, same id): the person stays authorised throughout."""
    old = pickup_dict(person)
    changes = {k: [old[k], v] for k, v in data.values().items() if old[k] != v}
    if not changes:
        return
    for key in changes:
        setattr(person, key, data.values()[key])
    labels = {"name": "姓名", "relation": "关系", "phone": "电话"}
    audit.record(
        s,
        ctx.actor,
        "update",
        "pickup_person",
        person.id,
        f"修改儿童 {child_label(child)} 的接送人 {person.name}：{'、'.join(labels[k] for k in changes)}",
        changes,
    )


def _remove_pickup(s: Session, ctx: AppContext, child: Child, person: PickupPerson) -> None:
    old = pickup_dict(person)
    s.delete(person)
    s.flush()
    audit.record(
        s,
        ctx.actor,
        "delete",
        "pickup_person",
        old["id"],
        f"删除儿童 {child_label(child)} 的接送人 {old['name']}",
        {k: [v, None] for k, v in old.items() if v not in (None, "")},
    )


def add_guardian(ctx: AppContext, child_id: int, data: GuardianInput) -> GuardianRow:
    """Add a guardian. The first one, or one marked primary, becomes the primary guardian (the one on slips)."""
    require_file_write(ctx.actor)
    cleaned = data.validated()
    with ctx.db.session() as s:
        guardian = _add_guardian(s, ctx, load_child(s, child_id), cleaned)
        return _guardian_row(ctx.actor.role, guardian)


def update_guardian(ctx: AppContext, guardian_id: int, data: GuardianInput) -> GuardianRow:
    require_file_write(ctx.actor)
    cleaned = data.validated()
    with ctx.db.session() as s:
        guardian = _guardian_of(s, None, guardian_id)
        _update_guardian(s, ctx, load_child(s, guardian.child_id), guardian, cleaned)
        return _guardian_row(ctx.actor.role, guardian)


def remove_guardian(ctx: AppContext, guardian_id: int) -> None:
    """Remove a guardian; if they were the primary one, the earliest entered of the others becomes primary."""
    require_file_write(ctx.actor)
    with ctx.db.session() as s:
        guardian = _guardian_of(s, None, guardian_id)
        _remove_guardian(s, ctx, load_child(s, guardian.child_id), guardian)


def add_pickup(ctx: AppContext, child_id: int, data: PickupInput) -> PickupRow:
    """Someone allowed to collect the child at check-out."""
    require_file_write(ctx.actor)
    cleaned = data.validated()
    with ctx.db.session() as s:
        person = _add_pickup(s, ctx, load_child(s, child_id), cleaned)
        data_out = redact_child(ctx.actor.role, {"pickup_people": [pickup_dict(person)]})["pickup_people"]
    return PickupRow(**data_out[0])


def remove_pickup(ctx: AppContext, pickup_id: int) -> None:
    require_file_write(ctx.actor)
    with ctx.db.session() as s:
        person = _pickup_of(s, None, pickup_id)
        _remove_pickup(s, ctx, load_child(s, person.child_id), person)
