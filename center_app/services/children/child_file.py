"""Saving a child's file: the profile, the guardians, the pick-up people and a new library card in one transaction
(``save_child_file``, what the form's 保存 does), and a child leaving or coming back (``set_status``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import Child
from center_app.domain import children as dom
from center_app.domain.children import ChildInput, GuardianInput
from center_app.domain.errors import ValidationError
from center_app.domain.pinyin import person_name_keys
from center_app.services import audit
from center_app.services.children.cards import check_card, give_card, note_card
from center_app.services.children.common import (
    child_label,
    child_values,
    load_child,
    plain,
    require_file_write,
)
from center_app.services.children.people import NO_CHANGES, PeopleChanges, check_people, write_people
from center_app.services.children.profile import ChildDetail, detail_of


@dataclass(frozen=True)
class SavedFile:
    detail: ChildDetail  # the file as saved, redacted for the actor
    created: bool  # a new child was registered
    new_card: str | None  # the library-card number given out, if one was asked for


def save_child_file(
    ctx: AppContext,
    child_id: int | None,
    profile: ChildInput,
    guardians: PeopleChanges = NO_CHANGES,
    pickup_people: PeopleChanges = NO_CHANGES,
    *,
    new_card: bool = False,
    today: dt.date | None = None,
) -> SavedFile:
    """Save a child's whole file — what the form's 保存 does: register a child (``child_id`` None) or save an
    edited one; the profile, the guardians and the pick-up people, and (``new_card``) the next library-card
    number (a replacement when the child has one: the old number is retired).

    Everything that can be checked without the database is checked first, all problems at once (one
    ``ValidationError``). Then ONE transaction writes it all with its audit rows: a refusal anywhere (a card number
    another child has, a person someone else removed meanwhile, the card numbers used up) rolls everything back, so
    nothing of the file is saved — never a half-saved file, never a pick-up person removed and not put back.
    Only changed profile fields are written and audited; a blank ``enrolled_on`` keeps the stored date.
    """
    require_file_write(ctx.actor)
    today = today or dt.date.today()
    problems: list[str] = []
    try:
        cleaned = profile.validated(today)
    except ValidationError as exc:
        cleaned = profile
        problems += exc.problems or [exc.message]
    guardians, pickup_people, found = check_people(guardians, pickup_people)
    problems += found
    if problems:
        raise ValidationError("档案有误，没有保存：" + " ".join(problems), problems)
    with ctx.db.session() as s:
        if child_id is None:
            child = _insert_child(s, ctx, cleaned, today)
        else:
            child = load_child(s, child_id)
            _update_profile(s, ctx, child, cleaned, today)
        write_people(s, ctx, child, guardians, pickup_people)
        card = give_card(s, ctx, child, replace=bool(child.card_barcode)) if new_card else None
        s.flush()
        return SavedFile(detail_of(s, ctx.actor.role, child), child_id is None, card)


def create_child(
    ctx: AppContext,
    data: ChildInput,
    guardians: Sequence[GuardianInput] = (),
    *,
    today: dt.date | None = None,
) -> ChildDetail:
    """Register a child (and their guardians, in the same transaction). Refuses a second child with the same
    name and birth date, and a card number already used by another child or a book."""
    return save_child_file(ctx, None, data, PeopleChanges(add=tuple(guardians)), today=today).detail


def update_child(
    ctx: AppContext, child_id: int, data: ChildInput, *, today: dt.date | None = None
) -> ChildDetail:
    """Save a child's edited profile (the whole form). Only changed fields are written and audited (old → new).
    A blank ``enrolled_on`` keeps the stored date."""
    return save_child_file(ctx, child_id, data, today=today).detail


def _insert_child(s: Session, ctx: AppContext, cleaned: ChildInput, today: dt.date) -> Child:
    values = cleaned.values()
    values["enrolled_on"] = values["enrolled_on"] or today
    if values["status"] == dom.LEFT:
        values["left_on"] = values["left_on"] or today
    _check_duplicate(s, values, None)
    check_card(s, values["card_barcode"], None)
    child = Child()
    apply_values(child, values)
    s.add(child)
    s.flush()
    note_card(s, child.card_barcode)
    audit.record(
        s,
        ctx.actor,
        "create",
        "child",
        child.id,
        f"登记儿童 {child_label(child)}",
        {k: [None, plain(v)] for k, v in values.items() if v not in (None, "", False)},
    )
    return child


def _update_profile(s: Session, ctx: AppContext, child: Child, cleaned: ChildInput, today: dt.date) -> None:
    old = child_values(child)
    new = cleaned.values()
    new["enrolled_on"] = new["enrolled_on"] or child.enrolled_on
    if new["status"] == dom.LEFT:
        new["left_on"] = new["left_on"] or child.left_on or today
    # cleaned came from validated(): its grade is parsed to an int (or None), never the text typed.
    changes = diff_values(old, new, cast(int | None, cleaned.grade))
    if not changes:
        return
    if "name" in changes or "birth_date" in changes:
        _check_duplicate(s, new, child.id)
    if "card_barcode" in changes:
        check_card(s, new["card_barcode"], child.id)
    apply_values(child, {k: new[k] for k in changes})
    note_card(s, child.card_barcode)
    audit.record(
        s,
        ctx.actor,
        "update",
        "child",
        child.id,
        f"修改儿童 {child_label(child)}：{field_labels(changes)}",
        changes,
    )


def set_status(ctx: AppContext, child_id: int, status: str, on_date: dt.date | None = None) -> ChildDetail:
    """A child leaves the centre (``left``, on ``on_date`` or today) or comes back (``active``)."""
    require_file_write(ctx.actor)
    try:
        code = dom.parse_status(status)
    except dom.FieldError as exc:
        raise ValidationError(f"“状态”{exc.reason}") from None
    day = on_date or dt.date.today()
    if day > dt.date.today():
        raise ValidationError(f"“离开日期”不能晚于今天（{day.isoformat()}）")
    with ctx.db.session() as s:
        child = load_child(s, child_id)
        old = {"status": child.status, "left_on": child.left_on}
        new = {"status": code, "left_on": day if code == dom.LEFT else None}
        if code == dom.LEFT and child.status == dom.LEFT:
            new["left_on"] = child.left_on or day  # already gone: keep the day they left
        changes = diff_values(old, new, child.grade)
        if changes:
            apply_values(child, new)
            verb = "离开中心" if code == dom.LEFT else "重新登记在册"
            audit.record(
                s, ctx.actor, "update", "child", child.id, f"儿童 {child_label(child)} {verb}", changes
            )
            s.flush()
        return detail_of(s, ctx.actor.role, child)


def _same(field_name: str, old: Any, new: Any, grade: int | None) -> bool:
    if field_name == "class_name":
        # "七年级2班" stored by an older version and "初一2班" typed now are the same class
        return dom.normalise_class_name(old or "", grade) == dom.normalise_class_name(new or "", grade)
    if field_name in ("health_notes", "allergy_notes", "notes"):
        return dom.clean_note(old) == dom.clean_note(new)
    if isinstance(old, str) or isinstance(new, str):
        return (old or "") == (new or "")
    return bool(old == new)


def diff_values(old: Mapping[str, Any], new: Mapping[str, Any], grade: int | None) -> dict[str, list[Any]]:
    changes: dict[str, list[Any]] = {}
    for key, value in new.items():
        if not _same(key, old.get(key), value, grade):
            changes[key] = [plain(old.get(key)), plain(value)]
    return changes


def field_labels(fields: Iterable[str]) -> str:
    return "、".join(dom.CHILD_LABELS.get(f, f) for f in fields)


def apply_values(child: Child, values: Mapping[str, Any]) -> None:
    for key, value in values.items():
        setattr(child, key, value)
    if "name" in values:
        child.name_pinyin, child.name_initials = person_name_keys(child.name)


def _check_duplicate(s: Session, values: Mapping[str, Any], child_id: int | None) -> None:
    """Same name and birth date is the same child entered twice (twins have different names)."""
    if values.get("birth_date") is None:
        return
    other = s.scalars(
        select(Child).where(
            Child.name == values["name"],
            Child.birth_date == values["birth_date"],
            Child.id != (child_id or 0),
        )
    ).first()
    if other is not None:
        state = "，已离开" if other.status == dom.LEFT else ""
        raise ValidationError(
            f"名单中已有{other.name}（{other.birth_date:%Y-%m-%d} 出生，{other.class_name or '未分班'}{state}），"
            "请不要重复登记；如需修改请打开已有的档案。"
        )
