"""Volunteers' records: the list with pinyin search, one record, create, update, deactivate and reactivate.

A record holds the name, organisation (university, NGO, school), phone, kind, subjects and skills, the service
dates and the weekly availability (``volunteer_availability``), notes, and whether the volunteer is active
(在岗/已停用: nobody is deleted — their hours and certificates stay theirs). A teacher's account is linked to its
record in the accounts tab (``accounts.update_user(volunteer_id=…)``); the record shows which account.

A teacher (``volunteers`` own) sees and changes only their own record; creating, deactivating and the whole list are
staff's. The building blocks ``apply_input`` and ``volunteer_values`` work inside a caller's session: the form, a
university's list (``file_import``) and the demo centre write a record the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import ServiceHours, User, Volunteer, VolunteerAvailability
from center_app.domain import volunteers as rules
from center_app.domain.actor import Actor
from center_app.domain.errors import ValidationError
from center_app.domain.pinyin import normalise, person_name_keys, sort_key
from center_app.domain.states import HoursStatus
from center_app.domain.timetable import Window
from center_app.domain.volunteers import VolunteerInput
from center_app.services import audit
from center_app.services.volunteers.common import (
    load_volunteer,
    require_own,
    require_see,
    require_write,
    sees_all,
    visible_volunteer,
    volunteer_label,
)


@dataclass(frozen=True, slots=True)
class VolunteerRow:
    """One volunteer, as the list and the form show them (``availability`` as one line of text)."""

    id: int
    name: str
    name_pinyin: str
    gender: str
    phone: str
    organisation: str
    kind: str
    subjects: str
    skills: str
    start_on: dt.date | None
    end_on: dt.date | None
    availability: str
    windows: tuple[Window, ...]
    active: bool
    notes: str
    account: str  # the linked user account's name, "" when none
    approved_minutes: int
    pending_minutes: int

    @property
    def kind_label(self) -> str:
        return rules.kind_label(self.kind)

    @property
    def status_label(self) -> str:
        return rules.STATUS_LABELS[self.active]

    @property
    def label(self) -> str:
        return f"{self.name}（{self.organisation}）" if self.organisation else self.name

    def as_input(self) -> VolunteerInput:
        return VolunteerInput(
            name=self.name,
            organisation=self.organisation,
            phone=self.phone,
            kind=self.kind,
            gender=self.gender,
            subjects=self.subjects,
            skills=self.skills,
            start_on=self.start_on,
            end_on=self.end_on,
            availability=self.windows,
            notes=self.notes,
        )


# --- building blocks (inside a caller's session) ------------------------------------------------------------------


def volunteer_values(s: Session, volunteer: Volunteer) -> dict[str, Any]:
    """The record's fields as the audit log compares them (availability as its text)."""
    return {
        "name": volunteer.name,
        "gender": volunteer.gender,
        "phone": volunteer.phone,
        "organisation": volunteer.organisation,
        "kind": volunteer.kind,
        "subjects": volunteer.subjects,
        "skills": volunteer.skills,
        "start_on": volunteer.start_on.isoformat() if volunteer.start_on else None,
        "end_on": volunteer.end_on.isoformat() if volunteer.end_on else None,
        "availability": rules.format_availability(windows_of(s, volunteer.id)),
        "notes": volunteer.notes,
    }


def windows_of(s: Session, volunteer_id: int) -> tuple[Window, ...]:
    rows = s.scalars(
        select(VolunteerAvailability)
        .where(VolunteerAvailability.volunteer_id == volunteer_id)
        .order_by(VolunteerAvailability.weekday, VolunteerAvailability.start_time, VolunteerAvailability.id)
    )
    return tuple(Window(r.weekday, r.start_time, r.end_time, r.valid_from, r.valid_to) for r in rows)


def fill_record(s: Session, target: Volunteer, values: VolunteerInput) -> Volunteer:
    """Copy validated ``values`` onto ``target`` (added to the session if new) and its availability; no audit."""
    full, initials = person_name_keys(values.name)
    target.name = values.name
    target.name_pinyin = full
    target.name_initials = initials
    target.gender = values.gender
    target.phone = values.phone
    target.organisation = values.organisation
    target.kind = values.kind
    target.subjects = values.subjects
    target.skills = values.skills
    target.start_on = values.start_on if isinstance(values.start_on, dt.date) else None
    target.end_on = values.end_on if isinstance(values.end_on, dt.date) else None
    target.notes = values.notes
    if target.id is None:
        target.active = True
        s.add(target)
    s.flush()
    if windows_of(s, target.id) != values.windows:
        set_windows(s, target.id, values.windows)
    return target


def set_windows(s: Session, volunteer_id: int, windows: Sequence[Window]) -> None:
    """Replace a volunteer's weekly availability."""
    s.execute(delete(VolunteerAvailability).where(VolunteerAvailability.volunteer_id == volunteer_id))
    s.add_all(
        VolunteerAvailability(
            volunteer_id=volunteer_id,
            weekday=w.weekday,
            start_time=w.start,
            end_time=w.end,
            valid_from=w.valid_from,
            valid_to=w.valid_to,
        )
        for w in windows
    )
    s.flush()


def apply_input(
    s: Session, actor: Actor, volunteer: Volunteer | None, values: VolunteerInput, *, how: str = ""
) -> Volunteer:
    """Create (``volunteer`` None) or change a record from validated ``values``; audited (old → new). ``how``
    goes into the summary ("导入" for a file's row)."""
    old = volunteer_values(s, volunteer) if volunteer is not None else {}
    target = fill_record(s, volunteer or Volunteer(), values)
    new = volunteer_values(s, target)
    if volunteer is None:
        changes = {k: [None, v] for k, v in new.items() if v not in (None, "")}
        audit.record(
            s, actor, "create", "volunteer", target.id, f"{how}登记志愿者 {volunteer_label(target)}", changes
        )
    else:
        changes = audit.diff(old, new)
        if changes:
            labels = "、".join(rules.LABELS.get(k, k) for k in changes)
            audit.record(
                s,
                actor,
                "update",
                "volunteer",
                target.id,
                f"{how}修改志愿者 {volunteer_label(target)}：{labels}",
                changes,
            )
    return target


def find_same(s: Session, values: VolunteerInput) -> Volunteer | None:
    """A record that is the same person: same name and phone, or (no phone on one side) same name and
    organisation. Used so that a second import of a team's list updates instead of registering twice."""
    candidates = list(
        s.scalars(select(Volunteer).where(Volunteer.name == values.name).order_by(Volunteer.id))
    )
    if values.phone:
        by_phone = [v for v in candidates if v.phone == values.phone]
        if by_phone:
            return by_phone[0]
    same_org = [
        v for v in candidates if v.organisation == values.organisation and (not v.phone or not values.phone)
    ]
    return same_org[0] if len(same_org) == 1 else None


@dataclass
class _Preloaded:
    """What a list of rows needs, read once for all of them (not once per volunteer)."""

    minutes: dict[int, tuple[int, int]]
    windows: dict[int, tuple[Window, ...]]
    accounts: dict[int, str]


def _preload(s: Session, ids: Sequence[int]) -> _Preloaded:
    windows: dict[int, list[Window]] = {}
    for r in s.scalars(
        select(VolunteerAvailability)
        .where(VolunteerAvailability.volunteer_id.in_(ids))
        .order_by(VolunteerAvailability.weekday, VolunteerAvailability.start_time, VolunteerAvailability.id)
    ):
        windows.setdefault(r.volunteer_id, []).append(
            Window(r.weekday, r.start_time, r.end_time, r.valid_from, r.valid_to)
        )
    accounts: dict[int, str] = {}
    for volunteer_id, username in s.execute(
        select(User.volunteer_id, User.username).where(User.volunteer_id.in_(ids)).order_by(User.id)
    ):
        if volunteer_id is not None:
            accounts.setdefault(volunteer_id, username)
    return _Preloaded(_minutes(s, ids), {k: tuple(v) for k, v in windows.items()}, accounts)


def row_of(s: Session, volunteer: Volunteer, *, preloaded: _Preloaded | None = None) -> VolunteerRow:
    if preloaded is None:
        preloaded = _preload(s, [volunteer.id])
    windows = preloaded.windows.get(volunteer.id, ())
    account = preloaded.accounts.get(volunteer.id)
    approved, pending = preloaded.minutes.get(volunteer.id, (0, 0))
    return VolunteerRow(
        id=volunteer.id,
        name=volunteer.name,
        name_pinyin=volunteer.name_pinyin,
        gender=volunteer.gender,
        phone=volunteer.phone,
        organisation=volunteer.organisation,
        kind=volunteer.kind,
        subjects=volunteer.subjects,
        skills=volunteer.skills,
        start_on=volunteer.start_on,
        end_on=volunteer.end_on,
        availability=rules.format_availability(windows),
        windows=windows,
        active=volunteer.active,
        notes=volunteer.notes,
        account=account or "",
        approved_minutes=approved,
        pending_minutes=pending,
    )


def _minutes(s: Session, ids: Sequence[int]) -> dict[int, tuple[int, int]]:
    query = select(ServiceHours.volunteer_id, ServiceHours.status, func.sum(ServiceHours.minutes)).group_by(
        ServiceHours.volunteer_id, ServiceHours.status
    )
    query = query.where(ServiceHours.volunteer_id.in_(ids))
    result: dict[int, tuple[int, int]] = {}
    for volunteer_id, status, total in s.execute(query):
        approved, pending = result.get(volunteer_id, (0, 0))
        if status == HoursStatus.APPROVED:
            approved += int(total or 0)
        elif status == HoursStatus.PENDING:
            pending += int(total or 0)
        result[volunteer_id] = (approved, pending)
    return result


def _matches(query: str, v: Volunteer) -> bool:
    q = normalise(query).replace(" ", "")
    if not q:
        return True
    full, initials = (v.name_pinyin, v.name_initials) if v.name_pinyin else person_name_keys(v.name)
    return (
        q in normalise(v.name)
        or q in full.replace(" ", "")
        or q in initials
        or q in normalise(v.organisation)
        or q in normalise(v.subjects)
        or q in normalise(v.skills)
        or (len(q) >= 4 and q.isdigit() and q in v.phone)
    )


# --- use cases ----------------------------------------------------------------------------------------------------


def list_volunteers(
    ctx: AppContext, query: str = "", *, active: bool | None = True, organisation: str | None = None
) -> list[VolunteerRow]:
    """Volunteers found by name, full pinyin or initials (``wxb`` → 韦小宝), organisation, subject, skill or part of
    the phone number; ``active=None`` lists everyone. Sorted by pinyin. A teacher gets their own record only."""
    require_see(ctx.actor)
    only = None if sees_all(ctx.actor) else visible_volunteer(ctx.actor, None)
    with ctx.db.read() as s:
        stmt = select(Volunteer)
        if only is not None:
            stmt = stmt.where(Volunteer.id == only)
        if active is not None:
            stmt = stmt.where(Volunteer.active.is_(active))
        if organisation:
            stmt = stmt.where(Volunteer.organisation == organisation)
        found = [v for v in s.scalars(stmt) if _matches(query, v)]
        rows = []
        for start in range(0, len(found), 500):
            chunk = found[start : start + 500]
            preloaded = _preload(s, [v.id for v in chunk])
            rows += [row_of(s, v, preloaded=preloaded) for v in chunk]
    rows.sort(key=lambda r: (not r.active, r.name_pinyin or sort_key(r.name), r.name, r.id))
    return rows


def list_organisations(ctx: AppContext) -> list[str]:
    """The organisations of active volunteers (for a filter box), in pinyin order."""
    require_see(ctx.actor)
    only = None if sees_all(ctx.actor) else visible_volunteer(ctx.actor, None)
    with ctx.db.read() as s:
        stmt = select(Volunteer.organisation).where(Volunteer.active.is_(True), Volunteer.organisation != "")
        if only is not None:
            stmt = stmt.where(Volunteer.id == only)
        names = set(s.scalars(stmt.distinct()))
    return sorted(names, key=sort_key)


def get_volunteer(ctx: AppContext, volunteer_id: int) -> VolunteerRow:
    require_see(ctx.actor)
    visible_volunteer(ctx.actor, volunteer_id)
    with ctx.db.read() as s:
        return row_of(s, load_volunteer(s, volunteer_id))


def create_volunteer(ctx: AppContext, data: VolunteerInput) -> VolunteerRow:
    """Register a volunteer. Refused when the same person (same name and phone) is already registered."""
    require_write(ctx.actor)
    values = data.validated()
    with ctx.db.session() as s:
        same = find_same(s, values)
        if same is not None and (values.phone or same.organisation == values.organisation):
            raise ValidationError(
                f"已经登记过 {volunteer_label(same)}"
                + ("（已停用，可以在名单里重新启用）" if not same.active else "")
                + "，请在名单里找到并修改，不要重复登记。"
            )
        volunteer = apply_input(s, ctx.actor, None, values)
        return row_of(s, volunteer)


def update_volunteer(ctx: AppContext, volunteer_id: int, data: VolunteerInput) -> VolunteerRow:
    """Change a record: staff any, a teacher their own (their phone, availability, subjects)."""
    require_own(ctx.actor, [volunteer_id])
    values = data.validated()
    with ctx.db.session() as s:
        volunteer = apply_input(s, ctx.actor, load_volunteer(s, volunteer_id), values)
        return row_of(s, volunteer)


def set_volunteer_active(ctx: AppContext, volunteer_id: int, active: bool) -> VolunteerRow:
    """Deactivate (停用: left the centre; kept with their hours and certificates) or reactivate a volunteer."""
    require_write(ctx.actor)
    with ctx.db.session() as s:
        volunteer = load_volunteer(s, volunteer_id)
        if volunteer.active != active:
            volunteer.active = active
            audit.record(
                s,
                ctx.actor,
                "update",
                "volunteer",
                volunteer.id,
                f"{'重新启用' if active else '停用'}志愿者 {volunteer_label(volunteer)}",
                {"active": [not active, active]},
            )
        s.flush()
        return row_of(s, volunteer)
