"""What the activities modules share: the permission checks (``activities`` read or write; a teacher's ``own``),
the plain rows they return, reading an activity's volunteers, roll call, equipment and photos inside a caller's
session, and where its photos live in the data folder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import (
    Activity,
    ActivityPhoto,
    ActivityPhotoChild,
    ActivityVolunteer,
    AttendanceCode,
    AttendanceMark,
    AttendanceRegister,
    Child,
    EquipmentItem,
    EquipmentLoan,
    EquipmentUnit,
    Room,
    User,
    Volunteer,
)
from center_app.domain import activities as rules
from center_app.domain import timetable as tt
from center_app.domain.activities import ActivityInput, PhotoVerdict
from center_app.domain.actor import Actor
from center_app.domain.children import roll_order
from center_app.domain.errors import NotFound, PermissionDenied, ValidationError
from center_app.domain.permissions import (
    OWN,
    READ,
    allowed,
    can_write_owned,
    require_any,
    require_owned,
    role_label,
)
from center_app.services.volunteers.schedule import load_schedule

AREA: Final = "activities"
PHOTOS_FOLDER: Final = ("photos", "activities")


# --- permissions ------------------------------------------------------------------------------------------------


def require_see(actor: Actor) -> None:
    """Staff read every activity; a teacher (``own``) the ones they led or helped in."""
    require_any(actor, (AREA, READ), (AREA, OWN))


def sees_all(actor: Actor) -> bool:
    return allowed(actor.role, AREA, READ)


def require_change(actor: Actor, owners: Iterable[int | None]) -> None:
    """Write on any activity, or ``own`` on one whose volunteers include the actor's."""
    require_owned(actor, AREA, owners)


def may_change(actor: Actor, owners: Iterable[int | None]) -> bool:
    return can_write_owned(actor, AREA, owners)


def own_volunteer(actor: Actor) -> int | None:
    """A teacher's volunteer record (None for staff); a teacher without one owns nothing and is told why."""
    if sees_all(actor):
        return None
    if actor.volunteer_id is None:
        raise PermissionDenied("这个账号还没有关联志愿者信息，请联系管理员在“用户账号”里关联。")
    return actor.volunteer_id


def require_see_one(actor: Actor, owners: Sequence[int]) -> None:
    """Staff see any activity; a teacher only one they led or helped in."""
    require_see(actor)
    if sees_all(actor):
        return
    mine = own_volunteer(actor)
    if mine not in owners:
        raise PermissionDenied(f"{role_label(actor.role)} 只能查看自己负责的活动。如需查看，请联系社工。")


# --- rows ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VolunteerRef:
    volunteer_id: int
    name: str
    organisation: str
    role: str  # lead | assistant

    @property
    def role_label(self) -> str:
        return "负责" if self.role == rules.ROLE_LEAD else "协助"


@dataclass(frozen=True)
class AttendeeRow:
    """A child on the activity's roll call."""

    child_id: int
    name: str
    class_name: str
    grade: int | None
    code: str
    label: str  # 出勤, 缺勤, 迟到, 请假…
    present: bool

    @property
    def display(self) -> str:
        return f"{self.class_name} {self.name}".strip()


@dataclass(frozen=True)
class EquipmentUse:
    """Equipment lent to the activity (one loan)."""

    loan_id: int
    item_id: int
    name: str
    quantity: int
    unit: str  # the measure word: 根, 个
    piece: str  # a one-by-one item's asset barcode
    returned: bool
    returned_quantity: int

    @property
    def text(self) -> str:
        return (
            f"{self.name} {self.piece}".strip() if self.piece else f"{self.name} {self.quantity}{self.unit}"
        )


@dataclass(frozen=True)
class TaggedChild:
    child_id: int
    name: str
    class_name: str
    consent: bool  # a guardian's photo consent is on file

    @property
    def display(self) -> str:
        return f"{self.class_name} {self.name}".strip()


@dataclass(frozen=True)
class PhotoRow:
    id: int
    activity_id: int
    path: Path  # absolute, in the data folder
    caption: str
    width: int
    height: int
    children: tuple[TaggedChild, ...]
    children_checked: bool
    verdict: PhotoVerdict

    @property
    def printable(self) -> bool:
        return self.verdict == PhotoVerdict.PRINTABLE

    @property
    def verdict_label(self) -> str:
        return rules.VERDICT_LABELS[self.verdict]


@dataclass(frozen=True)
class ActivityRow:
    """One line of the list."""

    id: int
    on_date: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    kind: str
    title: str
    volunteers: tuple[str, ...]  # lead first
    room: str
    present: int  # children marked present in its roll call
    roll_taken: bool
    photos: int
    session_id: int | None
    may_edit: bool

    @property
    def kind_label(self) -> str:
        return rules.kind_label(self.kind)

    @property
    def times(self) -> str:
        return rules.time_range_text(self.start_time, self.end_time)

    @property
    def volunteers_text(self) -> str:
        return "、".join(self.volunteers)


@dataclass(frozen=True)
class ActivityDetail:
    """An activity with everything recorded about it, as the detail panel and the report show it."""

    id: int
    title: str
    kind: str
    on_date: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    room_id: int | None
    room: str
    session_id: int | None
    slot_date: dt.date | None
    description: str
    reflection: str
    volunteers: tuple[VolunteerRef, ...]
    roll_taken: bool
    attendance: tuple[AttendeeRow, ...]
    equipment: tuple[EquipmentUse, ...]
    photos: tuple[PhotoRow, ...]
    recorded_by: str
    may_edit: bool
    totals: dict[str, int] = field(default_factory=dict)  # the roll call's count per mark label

    @property
    def kind_label(self) -> str:
        return rules.kind_label(self.kind)

    @property
    def times(self) -> str:
        return rules.time_range_text(self.start_time, self.end_time)

    @property
    def present(self) -> tuple[AttendeeRow, ...]:
        return tuple(a for a in self.attendance if a.present)

    @property
    def volunteer_ids(self) -> tuple[int, ...]:
        return tuple(v.volunteer_id for v in self.volunteers)

    def as_input(self) -> ActivityInput:
        """The record as the form's starting point."""
        return ActivityInput(
            title=self.title,
            on_date=self.on_date,
            kind=self.kind,
            start_time=self.start_time,
            end_time=self.end_time,
            room_id=self.room_id,
            volunteer_ids=self.volunteer_ids,
            description=self.description,
            reflection=self.reflection,
            session_id=self.session_id,
            slot_date=self.slot_date,
        )


# --- reading inside a session -------------------------------------------------------------------------------------


def load_activity(s: Session, activity_id: int) -> Activity:
    activity = s.get(Activity, activity_id)
    if activity is None:
        raise NotFound(f"找不到这次活动（编号 {activity_id}），可能已被删除。请刷新后再试。")
    return activity


def owners_of(s: Session, activity_id: int) -> list[int]:
    return list(
        s.scalars(select(ActivityVolunteer.volunteer_id).where(ActivityVolunteer.activity_id == activity_id))
    )


def volunteers_of(s: Session, activity_id: int) -> tuple[VolunteerRef, ...]:
    rows = s.execute(
        select(Volunteer.id, Volunteer.name, Volunteer.organisation, ActivityVolunteer.role)
        .join(Volunteer, Volunteer.id == ActivityVolunteer.volunteer_id)
        .where(ActivityVolunteer.activity_id == activity_id)
        .order_by(ActivityVolunteer.role != rules.ROLE_LEAD, Volunteer.id)
    )
    return tuple(VolunteerRef(vid, name, organisation or "", role) for vid, name, organisation, role in rows)


def roll_call_of(s: Session, activity_id: int) -> tuple[bool, tuple[AttendeeRow, ...]]:
    """Whether the activity's roll was taken, and its marks in the order of a paper register."""
    register_id = s.scalar(select(AttendanceRegister.id).where(AttendanceRegister.activity_id == activity_id))
    if register_id is None:
        return False, ()
    codes = {c.code: c for c in s.scalars(select(AttendanceCode))}
    rows = s.execute(
        select(Child.id, Child.name, Child.name_pinyin, Child.class_name, Child.grade, AttendanceMark.code)
        .join(Child, Child.id == AttendanceMark.child_id)
        .where(AttendanceMark.register_id == register_id)
    ).all()
    ordered = sorted(rows, key=lambda r: roll_order(r.grade, r.class_name, r.name, r.name_pinyin))
    return True, tuple(
        AttendeeRow(
            r.id,
            r.name,
            r.class_name,
            r.grade,
            r.code,
            codes[r.code].label if r.code in codes else r.code,
            bool(codes[r.code].counts_present) if r.code in codes else False,
        )
        for r in ordered
    )


def equipment_of(s: Session, activity_id: int) -> tuple[EquipmentUse, ...]:
    rows = s.execute(
        select(EquipmentLoan, EquipmentItem.name, EquipmentItem.unit, EquipmentUnit.barcode)
        .join(EquipmentItem, EquipmentItem.id == EquipmentLoan.item_id)
        .outerjoin(EquipmentUnit, EquipmentUnit.id == EquipmentLoan.unit_id)
        .where(EquipmentLoan.activity_id == activity_id)
        .order_by(EquipmentLoan.lent_at, EquipmentLoan.id)
    ).all()
    return tuple(
        EquipmentUse(
            loan.id,
            loan.item_id,
            name,
            loan.quantity,
            unit or "",
            barcode or "",
            loan.returned_at is not None,
            loan.returned_quantity,
        )
        for loan, name, unit, barcode in rows
    )


def photos_root(ctx: AppContext) -> Path:
    return ctx.data_dir.root.joinpath(*PHOTOS_FOLDER)


def photo_file(ctx: AppContext, relative: str) -> Path:
    return ctx.data_dir.root / Path(relative)


def photos_of(ctx: AppContext, s: Session, activity_ids: Sequence[int]) -> dict[int, list[PhotoRow]]:
    """The photos of these activities (in the order they were added), each with its children and verdict."""
    if not activity_ids:
        return {}
    photos = list(
        s.scalars(
            select(ActivityPhoto)
            .where(ActivityPhoto.activity_id.in_(list(activity_ids)))
            .order_by(ActivityPhoto.id)
        )
    )
    tagged: dict[int, list[TaggedChild]] = {}
    ids = [p.id for p in photos]
    if ids:
        for photo_id, child_id, name, class_name, consent in s.execute(
            select(ActivityPhotoChild.photo_id, Child.id, Child.name, Child.class_name, Child.photo_consent)
            .join(Child, Child.id == ActivityPhotoChild.child_id)
            .where(ActivityPhotoChild.photo_id.in_(ids))
            .order_by(Child.class_name, Child.name_pinyin, Child.id)
        ):
            tagged.setdefault(photo_id, []).append(TaggedChild(child_id, name, class_name, bool(consent)))
    result: dict[int, list[PhotoRow]] = {}
    for p in photos:
        path = photo_file(ctx, p.path)
        children = tuple(tagged.get(p.id, ()))
        verdict = rules.photo_verdict(
            p.children_checked, (c.consent for c in children), file_exists=path.is_file()
        )
        result.setdefault(p.activity_id, []).append(
            PhotoRow(
                p.id, p.activity_id, path, p.caption, p.width, p.height, children, p.children_checked, verdict
            )
        )
    return result


def detail_of(ctx: AppContext, s: Session, activity: Activity) -> ActivityDetail:
    volunteers = volunteers_of(s, activity.id)
    roll_taken, attendance = roll_call_of(s, activity.id)
    totals: dict[str, int] = {}
    for a in attendance:
        totals[a.label] = totals.get(a.label, 0) + 1
    room = s.get(Room, activity.room_id) if activity.room_id is not None else None
    recorder = s.get(User, activity.created_by) if activity.created_by is not None else None
    return ActivityDetail(
        id=activity.id,
        title=activity.title,
        kind=activity.kind,
        on_date=activity.on_date,
        start_time=activity.start_time,
        end_time=activity.end_time,
        room_id=activity.room_id,
        room=room.name if room is not None else "",
        session_id=activity.slot_id,
        slot_date=activity.slot_date,
        description=activity.description,
        reflection=activity.outcome,
        volunteers=volunteers,
        roll_taken=roll_taken,
        attendance=attendance,
        equipment=equipment_of(s, activity.id),
        photos=tuple(photos_of(ctx, s, [activity.id]).get(activity.id, [])),
        recorded_by=(recorder.display_name or recorder.username) if recorder is not None else "",
        may_edit=may_change(ctx.actor, [v.volunteer_id for v in volunteers]),
        totals=totals,
    )


def occurrence_of(s: Session, session_id: int, slot_date: dt.date) -> tuple[tt.Occurrence, str]:
    """The timetable occurrence an activity is recorded as, and its programme's name."""
    schedule = load_schedule(s, first=slot_date, last=slot_date)
    session = schedule.sessions.get(session_id)
    if session is None:
        raise NotFound("找不到课表上的这节课，它可能已被删除。请刷新后再试。")
    found = tt.expand(session, slot_date, slot_date)
    if not found:
        raise ValidationError(f"“{session.title}”在 {rules.date_text(slot_date)} 没有课。")
    occurrence = found[0]
    if occurrence.cancelled:
        raise ValidationError(f"“{session.title}”{rules.date_text(slot_date)} 的课已停课，不能记录为活动。")
    programme = schedule.programmes.get(session.programme_id)
    return occurrence, programme.name if programme is not None else ""
