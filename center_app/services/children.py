"""Children's profiles: the roster list and search, a child's file (guardians, pick-up people, follow-ups), the
library-card number, and the yearly "everyone up one grade" with its undo.

Each public function is one use case and one transaction, starts with a permission check and audits every change
in the same transaction (entity ``child``/``guardian``/``pickup_person``/``follow_up``; ``changes`` holds old → new;
the summary names the child and the *labels* of the changed fields, never health notes or other values — the
log is the administrator's, but a summary is read at a glance over someone's shoulder).

Privacy (docs/permissions.md): whatever leaves this module went through ``redact_child`` for the actor's role, so
a librarian's ``list_children`` row carries name, class, grade, gender and card only (phones, health, guardians
blank/empty), and ``get_child`` gives a librarian the same basic detail rather than an error — the desk needs
the card and the class. ``ChildDetail.visible_groups`` tells a page which sections to show at all (an empty
guardian list then means "none entered", not "hidden"). Filtering by a hidden field would reveal it, so
``special_only`` and statuses other than "active" need ``child.profile`` read.

Writes need ``children`` write (``child.followups`` write for follow-ups). The field groups decide what a role
*sees*; every role that may write ``children`` may write every group (a test keeps the table so), hence no
per-field write check. ``save_child_file`` is the form's one save: the whole file in one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import BookCopy, Child, FollowUp, Guardian, PickupPerson, Setting, User, utcnow
from center_app.domain import children as dom
from center_app.domain.children import ChildInput, FollowUpInput, GuardianInput, PickupInput
from center_app.domain.errors import DomainError, NotFound, PermissionDenied, ValidationError
from center_app.domain.permissions import (
    READ,
    WRITE,
    allowed,
    denied_message,
    redact_child,
    require,
    visible_child_groups,
)
from center_app.domain.pinyin import normalise, person_name_keys
from center_app.services import audit

CARD_COUNTER_KEY: Final = "children.card_last_number"
PROMOTION_KEY: Final = "children.last_promotion"
# A second "everyone up one grade" this soon is almost surely a double click, not a new school year.
PROMOTION_MIN_DAYS_APART: Final = 300

_CHILD_FIELDS: Final[tuple[str, ...]] = tuple(dom.CHILD_LABELS)


# --- results ------------------------------------------------------------------------------------------------


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
class FollowUpRow:
    id: int
    child_id: int
    on_date: dt.date
    method: str
    reason: str
    note: str
    outcome: str
    next_step: str
    resolved: bool
    staff_user_id: int | None
    staff_name: str

    @property
    def method_label(self) -> str:
        return dom.FOLLOW_UP_METHODS.get(self.method, self.method)


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
        return ChildInput.from_values({name: getattr(self, name) for name in _CHILD_FIELDS})


@dataclass(frozen=True)
class PromotionResult:
    token: str  # pass to undo_promotion
    on: dt.date
    promoted: int  # children moved up one grade
    graduated: int  # 初三 children set to "left"
    without_grade: int  # active children with no grade: unchanged
    to_check: tuple[int, ...]  # ids whose class/school probably changed: into 一年级 or 初一

    @property
    def message(self) -> str:
        text = f"已将 {self.promoted} 名儿童升一个年级"
        if self.graduated:
            text += f"，{self.graduated} 名初三儿童已设为“已离开”"
        if self.without_grade:
            text += f"；{self.without_grade} 名儿童没有填写年级，未改动"
        if self.to_check:
            text += f"；{len(self.to_check)} 名儿童升入一年级或初一，请核对他们的班级和学校"
        return text + "。"


@dataclass(frozen=True)
class PendingPromotion:
    """The last promotion, which may still be undone (if none of its children was edited since)."""

    token: str
    on: dt.date
    children: int
    by: str


# --- helpers ------------------------------------------------------------------------------------------------


def _get_child(s: Session, child_id: int) -> Child:
    child = s.get(Child, child_id)
    if child is None:
        raise NotFound(f"找不到这名儿童（编号 {child_id}），可能已被删除。请刷新名单。")
    return child


def _child_values(child: Child) -> dict[str, Any]:
    return {name: getattr(child, name) for name in _CHILD_FIELDS}


def _same(field_name: str, old: Any, new: Any, grade: int | None) -> bool:
    if field_name == "class_name":
        # "七年级2班" stored by an older version and "初一2班" typed now are the same class
        return dom.normalise_class_name(old or "", grade) == dom.normalise_class_name(new or "", grade)
    if field_name in ("health_notes", "allergy_notes", "notes"):
        return dom.clean_note(old) == dom.clean_note(new)
    if isinstance(old, str) or isinstance(new, str):
        return (old or "") == (new or "")
    return bool(old == new)


def _diff(old: Mapping[str, Any], new: Mapping[str, Any], grade: int | None) -> dict[str, list[Any]]:
    changes: dict[str, list[Any]] = {}
    for key, value in new.items():
        if not _same(key, old.get(key), value, grade):
            changes[key] = [_plain(old.get(key)), _plain(value)]
    return changes


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _labels(fields: Iterable[str]) -> str:
    return "、".join(dom.CHILD_LABELS.get(f, f) for f in fields)


def _who(child: Child) -> str:
    return f"#{child.id} {child.class_name} {child.name}".replace("  ", " ")


def _apply(child: Child, values: Mapping[str, Any]) -> None:
    for key, value in values.items():
        setattr(child, key, value)
    if "name" in values:
        child.name_pinyin, child.name_initials = person_name_keys(child.name)


def _check_card(s: Session, barcode: str | None, child_id: int | None) -> None:
    """A card number is one child's, and never a book's (the desk would not know which was scanned)."""
    if not barcode:
        return
    other = s.scalars(select(Child).where(Child.card_barcode == barcode, Child.id != (child_id or 0))).first()
    if other is not None:
        raise ValidationError(f"借书证号 {barcode} 已被 {other.class_name} {other.name} 使用，请换一个。")
    if s.scalars(select(BookCopy.id).where(BookCopy.barcode == barcode)).first() is not None:
        raise ValidationError(f"借书证号 {barcode} 与一本图书的条码相同，扫码时会混淆，请换一个。")


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


def _card_counter(s: Session) -> int:
    row = s.get(Setting, CARD_COUNTER_KEY)
    try:
        return int(json.loads(row.value)) if row is not None and row.value else 0
    except (ValueError, TypeError):
        return 0


def _note_card(s: Session, barcode: str | None) -> None:
    """Remember the highest card number ever used, so a number is never handed out twice (lost cards included)."""
    number = dom.card_number(barcode)
    if number is None or number <= _card_counter(s):
        return
    row = s.get(Setting, CARD_COUNTER_KEY)
    if row is None:
        s.add(Setting(key=CARD_COUNTER_KEY, value=json.dumps(number)))
        s.flush()  # the next s.get in this transaction must find it (pending rows are not in the identity map)
    else:
        row.value = json.dumps(number)


def take_card_barcodes(s: Session, count: int) -> list[str]:
    """The next ``count`` free card numbers ``C00001…`` inside the caller's write transaction, past every number
    ever used (the counter in ``setting``, and every C-number on a child now) and past book barcodes of that
    shape (the desk must never confuse a card with a book). The counter moves on, so they are never reused."""
    used = (
        dom.card_number(b) for b in s.scalars(select(Child.card_barcode).where(Child.card_barcode.like("C%")))
    )
    number = max([_card_counter(s), *(n for n in used if n is not None)])
    books = set(s.scalars(select(BookCopy.barcode).where(BookCopy.barcode.like("C%"))))
    taken: list[str] = []
    while len(taken) < count:
        number += 1
        barcode = dom.make_card_barcode(number)
        if barcode not in books:
            taken.append(barcode)
    if taken:
        _note_card(s, taken[-1])
    return taken


def roster_sort_key(row: ChildRow | Child) -> tuple[Any, ...]:
    pinyin = row.name_pinyin or person_name_keys(row.name)[0]
    return (row.grade is None, row.grade or 0, dom.natural_key(row.class_name), pinyin, row.name, row.id)


# --- redaction ----------------------------------------------------------------------------------------------


def _guardian_dict(g: Guardian) -> dict[str, Any]:
    return {
        "id": g.id,
        "child_id": g.child_id,
        "name": g.name,
        "relation": g.relation,
        "phone": g.phone,
        "age": g.age,
        "health": g.health,
        "literacy": g.literacy,
        "is_primary": g.is_primary,
    }


def _pickup_dict(p: PickupPerson) -> dict[str, Any]:
    return {"id": p.id, "child_id": p.child_id, "name": p.name, "relation": p.relation, "phone": p.phone}


def _follow_up_row(f: FollowUp, staff: Mapping[int, str]) -> FollowUpRow:
    return FollowUpRow(
        id=f.id,
        child_id=f.child_id,
        on_date=f.on_date,
        method=f.method,
        reason=f.reason,
        note=f.note,
        outcome=f.outcome,
        next_step=f.next_step,
        resolved=f.resolved,
        staff_user_id=f.staff_user_id,
        staff_name=staff.get(f.staff_user_id or 0, ""),
    )


def _age(data: Mapping[str, Any], today: dt.date | None = None) -> int | None:
    # Computed from the *redacted* birth date: a role that may not see it gets no age either.
    birth = data.get("birth_date")
    return dom.age_on(birth, today or dt.date.today()) if isinstance(birth, dt.date) else None


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
            "guardians": [_guardian_dict(guardian)] if guardian is not None else [],
        },
    )
    g = (data.pop("guardians") or [{}])[0]
    return ChildRow(
        **data,
        age=_age(data),
        guardian_name=g.get("name") or "",
        guardian_relation=g.get("relation") or "",
        guardian_phone=g.get("phone") or "",
    )


def _detail(s: Session, role: str, child: Child) -> ChildDetail:
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
        follow_ups = _follow_ups(s, child.id)
    data = redact_child(
        role,
        {
            "id": child.id,
            "name_pinyin": child.name_pinyin,
            "photo_path": child.photo_path,
            **_child_values(child),
            "guardians": [_guardian_dict(g) for g in guardians],
            "pickup_people": [_pickup_dict(p) for p in pickups],
            "follow_ups": follow_ups,
        },
    )
    return ChildDetail(
        **{k: v for k, v in data.items() if k not in ("guardians", "pickup_people", "follow_ups")},
        age=_age(data),
        guardians=tuple(GuardianRow(**g) for g in data["guardians"]),
        pickup_people=tuple(PickupRow(**p) for p in data["pickup_people"]),
        follow_ups=tuple(data["follow_ups"]),
        visible_groups=groups,
    )


def _follow_ups(s: Session, child_id: int) -> list[FollowUpRow]:
    rows = s.scalars(
        select(FollowUp)
        .where(FollowUp.child_id == child_id)
        .order_by(FollowUp.on_date.desc(), FollowUp.id.desc())
    ).all()
    ids = {f.staff_user_id for f in rows if f.staff_user_id}
    staff = {u.id: u.display_name or u.username for u in s.scalars(select(User).where(User.id.in_(ids)))}
    return [_follow_up_row(f, staff) for f in rows]


# --- reading ------------------------------------------------------------------------------------------------


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
        return _detail(s, ctx.actor.role, _get_child(s, child_id))


def list_follow_ups(ctx: AppContext, child_id: int) -> list[FollowUpRow]:
    """A child's follow-ups, newest first."""
    require(ctx.actor, "child.followups", READ)
    with ctx.db.read() as s:
        _get_child(s, child_id)
        return _follow_ups(s, child_id)


# --- writing a child's file ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PeopleChanges:
    """What saving a child's file does with one list of people (guardians, or pick-up people): remove these ids,
    update these ``(id, input)``, add these inputs — in that order."""

    remove: Sequence[int] = ()
    update: Sequence[tuple[int, Any]] = ()
    add: Sequence[Any] = ()


NO_CHANGES: Final = PeopleChanges()


@dataclass(frozen=True)
class SavedFile:
    detail: ChildDetail  # the file as saved, redacted for the actor
    created: bool  # a new child was registered
    new_card: str | None  # the library-card number given out, if one was asked for


def _require_file_write(actor: Any) -> None:
    """Changing a child's file needs ``children`` write. There is no per-field-group write check: every role that
    may write ``children`` may write every child field group (tests/test_permissions.py keeps the table so), and
    the groups decide only what a role *sees*. A role allowed to change some groups and not others would need
    per-field checks here and in children_import (see docs/permissions.md)."""
    require(actor, "children", WRITE)


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
    _require_file_write(ctx.actor)
    today = today or dt.date.today()
    problems: list[str] = []
    try:
        cleaned = profile.validated(today)
    except ValidationError as exc:
        cleaned = profile
        problems += exc.problems or [exc.message]
    guardian_adds, found = _people_problems("监护人", guardians.add)
    problems += found
    guardian_updates, found = _people_problems("监护人", (data for _, data in guardians.update))
    problems += found
    pickup_adds, found = _people_problems("接送人", pickup_people.add)
    problems += found
    pickup_updates, found = _people_problems("接送人", (data for _, data in pickup_people.update))
    problems += found
    if problems:
        raise ValidationError("档案有误，没有保存：" + " ".join(problems), problems)
    with ctx.db.session() as s:
        if child_id is None:
            child = _insert_child(s, ctx, cleaned, today)
        else:
            child = _get_child(s, child_id)
            _update_profile(s, ctx, child, cleaned, today)
        for guardian_id in guardians.remove:
            _remove_guardian(s, ctx, child, _guardian_of(s, child, guardian_id))
        for (guardian_id, _), data in zip(guardians.update, guardian_updates, strict=True):
            _update_guardian(s, ctx, child, _guardian_of(s, child, guardian_id), data)
        for data in guardian_adds:
            _add_guardian(s, ctx, child, data)
        for pickup_id in pickup_people.remove:
            _remove_pickup(s, ctx, child, _pickup_of(s, child, pickup_id))
        for (pickup_id, _), data in zip(pickup_people.update, pickup_updates, strict=True):
            _update_pickup(s, ctx, child, _pickup_of(s, child, pickup_id), data)
        for data in pickup_adds:
            _add_pickup(s, ctx, child, data)
        card = _give_card(s, ctx, child, replace=bool(child.card_barcode)) if new_card else None
        s.flush()
        return SavedFile(_detail(s, ctx.actor.role, child), child_id is None, card)


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
    _check_card(s, values["card_barcode"], None)
    child = Child()
    _apply(child, values)
    s.add(child)
    s.flush()
    _note_card(s, child.card_barcode)
    audit.record(
        s,
        ctx.actor,
        "create",
        "child",
        child.id,
        f"登记儿童 {_who(child)}",
        {k: [None, _plain(v)] for k, v in values.items() if v not in (None, "", False)},
    )
    return child


def _update_profile(s: Session, ctx: AppContext, child: Child, cleaned: ChildInput, today: dt.date) -> None:
    old = _child_values(child)
    new = cleaned.values()
    new["enrolled_on"] = new["enrolled_on"] or child.enrolled_on
    if new["status"] == dom.LEFT:
        new["left_on"] = new["left_on"] or child.left_on or today
    changes = _diff(old, new, cleaned.grade)
    if not changes:
        return
    if "name" in changes or "birth_date" in changes:
        _check_duplicate(s, new, child.id)
    if "card_barcode" in changes:
        _check_card(s, new["card_barcode"], child.id)
    _apply(child, {k: new[k] for k in changes})
    _note_card(s, child.card_barcode)
    audit.record(
        s, ctx.actor, "update", "child", child.id, f"修改儿童 {_who(child)}：{_labels(changes)}", changes
    )


def set_status(ctx: AppContext, child_id: int, status: str, on_date: dt.date | None = None) -> ChildDetail:
    """A child leaves the centre (``left``, on ``on_date`` or today) or comes back (``active``)."""
    _require_file_write(ctx.actor)
    try:
        code = dom.parse_status(status)
    except dom.FieldError as exc:
        raise ValidationError(f"“状态”{exc.reason}") from None
    day = on_date or dt.date.today()
    if day > dt.date.today():
        raise ValidationError(f"“离开日期”不能晚于今天（{day.isoformat()}）")
    with ctx.db.session() as s:
        child = _get_child(s, child_id)
        old = {"status": child.status, "left_on": child.left_on}
        new = {"status": code, "left_on": day if code == dom.LEFT else None}
        if code == dom.LEFT and child.status == dom.LEFT:
            new["left_on"] = child.left_on or day  # already gone: keep the day they left
        changes = _diff(old, new, child.grade)
        if changes:
            _apply(child, new)
            verb = "离开中心" if code == dom.LEFT else "重新登记在册"
            audit.record(s, ctx.actor, "update", "child", child.id, f"儿童 {_who(child)} {verb}", changes)
            s.flush()
        return _detail(s, ctx.actor.role, child)


def assign_card_barcode(ctx: AppContext, child_id: int, *, replace: bool = False) -> str:
    """Give the child the next library-card number ``C00001…`` (never one used before, lost cards included).

    Allowed to whoever may change the child's basic fields or runs the library desk (the librarian issues cards).
    A child who already has a card keeps it unless ``replace`` (a lost card): the old number is then retired.
    """
    if not (allowed(ctx.actor.role, "child.basic", WRITE) or allowed(ctx.actor.role, "circulation", WRITE)):
        raise PermissionDenied(denied_message(ctx.actor.role, "child.basic", WRITE))
    with ctx.db.session() as s:
        return _give_card(s, ctx, _get_child(s, child_id), replace=replace)


def _give_card(s: Session, ctx: AppContext, child: Child, *, replace: bool) -> str:
    if child.card_barcode and not replace:
        raise DomainError(
            f"{child.name} 已有借书证号 {child.card_barcode}。如借书证遗失需要补办，请选择“补办借书证”。"
        )
    old = child.card_barcode
    _note_card(s, old)  # a hand-typed C-number of a lost card must not come back either
    barcode = take_card_barcodes(s, 1)[0]
    child.card_barcode = barcode
    audit.record(
        s,
        ctx.actor,
        "update",
        "child",
        child.id,
        f"{'补办' if old else '发放'}借书证 {barcode}：儿童 {_who(child)}",
        {"card_barcode": [old, barcode]},
    )
    return barcode


# --- guardians and pick-up people ---------------------------------------------------------------------------


def _guardian_row(role: str, g: Guardian) -> GuardianRow:
    data = redact_child(role, {"guardians": [_guardian_dict(g)]})["guardians"]
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
        f"儿童 {_who(child)} 的监护人 {guardian.name}（{guardian.relation or '关系未填'}）",
        {
            "child_id": [None, child.id],
            **{k: [None, v] for k, v in data.values().items() if v not in (None, "")},
        },
    )
    return guardian


def _update_guardian(
    s: Session, ctx: AppContext, child: Child, guardian: Guardian, data: GuardianInput
) -> None:
    old = _guardian_dict(guardian)
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
        f"修改儿童 {_who(child)} 的监护人 {guardian.name}：{'、'.join(labels[k] for k in changes)}",
        changes,
    )
    s.flush()


def _remove_guardian(s: Session, ctx: AppContext, child: Child, guardian: Guardian) -> None:
    old = _guardian_dict(guardian)
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
        f"删除儿童 {_who(child)} 的监护人 {old['name']}",
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
        f"儿童 {_who(child)} 的接送人 {person.name}（{person.relation or '关系未填'}）",
        {"child_id": [None, child.id], **{k: [None, v] for k, v in data.values().items() if v}},
    )
    return person


def _update_pickup(
    s: Session, ctx: AppContext, child: Child, person: PickupPerson, data: PickupInput
) -> None:
    """Changed in place (same row, same id): the person stays authorised throughout."""
    old = _pickup_dict(person)
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
        f"修改儿童 {_who(child)} 的接送人 {person.name}：{'、'.join(labels[k] for k in changes)}",
        changes,
    )


def _remove_pickup(s: Session, ctx: AppContext, child: Child, person: PickupPerson) -> None:
    old = _pickup_dict(person)
    s.delete(person)
    s.flush()
    audit.record(
        s,
        ctx.actor,
        "delete",
        "pickup_person",
        old["id"],
        f"删除儿童 {_who(child)} 的接送人 {old['name']}",
        {k: [v, None] for k, v in old.items() if v not in (None, "")},
    )


def add_guardian(ctx: AppContext, child_id: int, data: GuardianInput) -> GuardianRow:
    """Add a guardian. The first one, or one marked primary, becomes the primary guardian (the one on slips)."""
    _require_file_write(ctx.actor)
    cleaned = data.validated()
    with ctx.db.session() as s:
        guardian = _add_guardian(s, ctx, _get_child(s, child_id), cleaned)
        return _guardian_row(ctx.actor.role, guardian)


def update_guardian(ctx: AppContext, guardian_id: int, data: GuardianInput) -> GuardianRow:
    _require_file_write(ctx.actor)
    cleaned = data.validated()
    with ctx.db.session() as s:
        guardian = _guardian_of(s, None, guardian_id)
        _update_guardian(s, ctx, _get_child(s, guardian.child_id), guardian, cleaned)
        return _guardian_row(ctx.actor.role, guardian)


def remove_guardian(ctx: AppContext, guardian_id: int) -> None:
    """Remove a guardian; if they were the primary one, the earliest entered of the others becomes primary."""
    _require_file_write(ctx.actor)
    with ctx.db.session() as s:
        guardian = _guardian_of(s, None, guardian_id)
        _remove_guardian(s, ctx, _get_child(s, guardian.child_id), guardian)


def add_pickup(ctx: AppContext, child_id: int, data: PickupInput) -> PickupRow:
    """Someone allowed to collect the child at check-out."""
    _require_file_write(ctx.actor)
    cleaned = data.validated()
    with ctx.db.session() as s:
        person = _add_pickup(s, ctx, _get_child(s, child_id), cleaned)
        data_out = redact_child(ctx.actor.role, {"pickup_people": [_pickup_dict(person)]})["pickup_people"]
    return PickupRow(**data_out[0])


def remove_pickup(ctx: AppContext, pickup_id: int) -> None:
    _require_file_write(ctx.actor)
    with ctx.db.session() as s:
        person = _pickup_of(s, None, pickup_id)
        _remove_pickup(s, ctx, _get_child(s, person.child_id), person)


# --- follow-ups ---------------------------------------------------------------------------------------------


def add_follow_up(
    ctx: AppContext,
    child_id: int,
    on_date: dt.date | str,
    method: str = "phone",
    reason: str = "",
    note: str = "",
    outcome: str = "",
    next_step: str = "",
    resolved: bool = True,
    *,
    today: dt.date | None = None,
) -> FollowUpRow:
    """Record a social worker's follow-up (回访) on a child; the signed-in user is recorded as who did it."""
    require(ctx.actor, "child.followups", WRITE)
    cleaned = FollowUpInput(on_date, method, reason, note, outcome, next_step, resolved).validated(today)
    with ctx.db.session() as s:
        child = _get_child(s, child_id)
        row = FollowUp(child_id=child.id, staff_user_id=ctx.actor.user_id, **cleaned.values())
        s.add(row)
        s.flush()
        audit.record(
            s,
            ctx.actor,
            "create",
            "follow_up",
            row.id,
            f"回访儿童 {_who(child)}：{dom.FOLLOW_UP_METHODS[row.method]}，{row.on_date.isoformat()}",
            {"child_id": [None, child.id], **{k: [None, _plain(v)] for k, v in cleaned.values().items()}},
        )
        name = ctx.actor.display_name or ctx.actor.username
        return _follow_up_row(row, {ctx.actor.user_id or 0: name})


# --- everyone up one grade ----------------------------------------------------------------------------------


def _stamp() -> dt.datetime:
    return utcnow()


def pending_promotion(ctx: AppContext) -> PendingPromotion | None:
    """The last promotion, if it has not been undone (whether it still *can* be is decided by undo_promotion)."""
    require(ctx.actor, "children", READ)
    with ctx.db.read() as s:
        record = _promotion_record(s)
    if record is None or record.get("undone"):
        return None
    return PendingPromotion(
        record["token"], dt.date.fromisoformat(record["on"]), len(record["children"]), record.get("by", "")
    )


def _promotion_record(s: Session) -> dict[str, Any] | None:
    row = s.get(Setting, PROMOTION_KEY)
    if row is None or not row.value:
        return None
    try:
        value = json.loads(row.value)
    except ValueError:
        return None
    return value if isinstance(value, dict) and "token" in value else None


def promote_all(ctx: AppContext, today: dt.date | None = None, *, force: bool = False) -> PromotionResult:
    """Start of a school year: every active child goes up one grade and their class name follows (三年级2班 →
    四年级2班, 六年级1班 → 初一1班); 初三 children are set to "left" (they leave for senior school or work).
    Children without a grade are not touched. One transaction, one audit entry; ``undo_promotion(token)`` puts
    back exactly the previous grades, classes and statuses while none of those children was edited since.

    A second promotion within ``PROMOTION_MIN_DAYS_APART`` days is refused unless ``force`` (a double click would
    otherwise move everyone up two grades).
    """
    _require_file_write(ctx.actor)
    today = today or dt.date.today()
    with ctx.db.session() as s:
        last = _promotion_record(s)
        if last is not None and not last.get("undone") and not force:
            last_on = dt.date.fromisoformat(last["on"])
            if 0 <= (today - last_on).days < PROMOTION_MIN_DAYS_APART:
                raise DomainError(
                    f"{last_on.year}年{last_on.month}月{last_on.day}日已经全体升过一次年级了。"
                    "每学年只需升级一次；如果确实需要再升一次，请确认后重试。"
                )
        stamp = _stamp()
        token = secrets.token_hex(8)
        entries: list[list[Any]] = []
        promoted = graduated = without_grade = 0
        to_check: list[int] = []
        for child in s.scalars(select(Child).where(Child.status == dom.ACTIVE).order_by(Child.id)):
            if child.grade is None:
                without_grade += 1
                continue
            before = [child.grade, child.class_name, child.status, _plain(child.left_on)]
            if child.grade >= dom.GRADE_MAX:
                # Finished 初三: the grade stays the last one they had here
                child.status, child.left_on = dom.LEFT, today
                graduated += 1
            else:
                new_grade = child.grade + 1
                child.class_name = dom.promoted_class_name(child.class_name, new_grade)
                child.grade = new_grade
                promoted += 1
                if new_grade in (1, 7):
                    to_check.append(child.id)
            child.updated_at = stamp  # explicit, so undo can tell whether anyone edited the child since
            after = [child.grade, child.class_name, child.status, _plain(child.left_on)]
            entries.append([child.id, before, after])
        if not entries:
            raise DomainError("名单中没有填写了年级的在册儿童，无需升级。")
        record = {
            "token": token,
            "on": today.isoformat(),
            "stamp": stamp.isoformat(),
            "by": ctx.actor.display_name or ctx.actor.username,
            "children": entries,
        }
        row = s.get(Setting, PROMOTION_KEY)
        if row is None:
            s.add(Setting(key=PROMOTION_KEY, value=json.dumps(record, ensure_ascii=False)))
        else:
            row.value = json.dumps(record, ensure_ascii=False)
        result = PromotionResult(token, today, promoted, graduated, without_grade, tuple(to_check))
        audit.record(
            s,
            ctx.actor,
            "update",
            "child",
            "",
            f"全体升级：{promoted} 名儿童升一个年级，{graduated} 名初三儿童设为已离开",
            {
                "promotion": [None, token],
                "promoted": [None, promoted],
                "graduated": [None, graduated],
                "children": [None, entries],  # [id, [grade, class, status, left_on] before, … after]
            },
        )
    return result


def undo_promotion(ctx: AppContext, token: str) -> int:
    """Put back the grades, classes and statuses the promotion ``token`` changed. Refused when that is not the
    last promotion, it was already undone, or any of its children was edited since (their edit would be lost).
    Returns how many children were restored."""
    _require_file_write(ctx.actor)
    with ctx.db.session() as s:
        record = _promotion_record(s)
        if record is None or record.get("token") != token or record.get("undone"):
            raise DomainError(
                "这次升级已经无法撤销（已撤销过，或之后又升过级）。如有错误，请逐个修改儿童的年级。"
            )
        stamp = dt.datetime.fromisoformat(record["stamp"])
        ids = [entry[0] for entry in record["children"]]
        children = {c.id: c for c in s.scalars(select(Child).where(Child.id.in_(ids)))}
        edited = [children[i] for i in ids if i in children and children[i].updated_at != stamp]
        missing = [i for i in ids if i not in children]
        if edited or missing:
            names = "、".join(c.name for c in edited[:3]) + ("等" if len(edited) > 3 else "")
            raise DomainError(
                f"升级之后已有 {len(edited) + len(missing)} 名儿童的档案被修改过（{names or '有档案已删除'}），"
                "撤销会覆盖这些修改，所以不能自动撤销。请逐个修改年级和班级。"
            )
        for child_id, before, _after in record["children"]:
            child = children[child_id]
            grade, class_name, status, left_on = before
            child.grade, child.class_name, child.status = grade, class_name, status
            child.left_on = dt.date.fromisoformat(left_on) if left_on else None
        record["undone"] = True
        row = s.get(Setting, PROMOTION_KEY)
        assert row is not None  # read above in this transaction
        row.value = json.dumps(record, ensure_ascii=False)
        audit.record(
            s,
            ctx.actor,
            "update",
            "child",
            "",
            f"撤销全体升级：{len(ids)} 名儿童恢复原来的年级、班级和状态",
            {"promotion_undone": [None, token], "children": [None, len(ids)]},
        )
    return len(ids)
