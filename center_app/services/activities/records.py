"""Activity records: the list with its filters, one activity with everything recorded about it, recording one
(freely, or as a timetable session's occurrence: its volunteers prefilled, its service hours linked), changing and
deleting one."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import shutil
from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import (
    Activity,
    ActivityPhoto,
    ActivityVolunteer,
    AttendanceMark,
    AttendanceRegister,
    Room,
    Volunteer,
)
from center_app.domain import activities as rules
from center_app.domain.activities import ActivityInput
from center_app.domain.errors import DomainError, NotFound
from center_app.domain.pinyin import matches, normalise, person_name_keys
from center_app.services import audit
from center_app.services.activities._shared import (
    ActivityDetail,
    ActivityRow,
    detail_of,
    load_activity,
    may_change,
    occurrence_of,
    own_volunteer,
    owners_of,
    photos_root,
    require_change,
    require_see,
    require_see_one,
    sees_all,
)
from center_app.services.volunteers.hours import link_to_activity

log = logging.getLogger(__name__)

LIST_LIMIT = 5000


# --- reading ------------------------------------------------------------------------------------------------------


def _matches(query: str, title: str, description: str, volunteers: Sequence[str]) -> bool:
    """The title (its text, full pinyin or initials: hbgd → 绘本共读), the description's text, a volunteer's name."""
    if matches(query, title):
        return True
    if normalise(query).replace(" ", "") in normalise(description).replace(" ", ""):
        return True
    return any(matches(query, name, *person_name_keys(name)) for name in volunteers)


def list_activities(
    ctx: AppContext,
    *,
    first: dt.date | None = None,
    last: dt.date | None = None,
    kind: str | None = None,
    volunteer_id: int | None = None,
    text: str = "",
    limit: int = LIST_LIMIT,
) -> list[ActivityRow]:
    """The activities between ``first`` and ``last`` (newest first), of one kind, led or helped by one volunteer,
    matching ``text`` (title, description, pinyin initials of the title, a volunteer's name). A teacher gets only
    their own, whatever ``volunteer_id`` says."""
    actor = ctx.actor
    require_see(actor)
    mine = own_volunteer(actor)
    with ctx.db.read() as s:
        query = select(Activity)
        if first is not None:
            query = query.where(Activity.on_date >= first)
        if last is not None:
            query = query.where(Activity.on_date <= last)
        if kind:
            query = query.where(Activity.kind == rules.parse_kind(kind))
        for who in {v for v in (volunteer_id if sees_all(actor) else None, mine) if v is not None}:
            query = query.where(
                Activity.id.in_(
                    select(ActivityVolunteer.activity_id).where(ActivityVolunteer.volunteer_id == who)
                )
            )
        query = query.order_by(Activity.on_date.desc(), Activity.start_time.desc(), Activity.id.desc())
        activities = list(s.scalars(query))
        ids = [a.id for a in activities]
        crews = _crews(s, ids)
        rooms = {k: v for k, v in s.execute(select(Room.id, Room.name))}
        present, taken = _present_counts(s, ids)
        photos = _photo_counts(s, ids)
    rows: list[ActivityRow] = []
    for a in activities:
        crew = crews.get(a.id, [])
        names = tuple(name for _, name in crew)
        if text and not _matches(text, a.title, a.description, names):
            continue
        rows.append(
            ActivityRow(
                id=a.id,
                on_date=a.on_date,
                start_time=a.start_time,
                end_time=a.end_time,
                kind=a.kind,
                title=a.title,
                volunteers=names,
                room=rooms.get(a.room_id, "") if a.room_id is not None else "",
                present=present.get(a.id, 0),
                roll_taken=a.id in taken,
                photos=photos.get(a.id, 0),
                session_id=a.slot_id,
                may_edit=may_change(actor, [vid for vid, _ in crew]),
            )
        )
        if len(rows) >= limit:
            break
    return rows


def _chunks(ids: Sequence[int], size: int = 500) -> list[list[int]]:
    return [list(ids[i : i + size]) for i in range(0, len(ids), size)]


def _crews(s: Session, ids: Sequence[int]) -> dict[int, list[tuple[int, str]]]:
    crews: dict[int, list[tuple[int, str]]] = {}
    for chunk in _chunks(ids):
        for activity_id, volunteer_id, name in s.execute(
            select(ActivityVolunteer.activity_id, Volunteer.id, Volunteer.name)
            .join(Volunteer, Volunteer.id == ActivityVolunteer.volunteer_id)
            .where(ActivityVolunteer.activity_id.in_(chunk))
            .order_by(ActivityVolunteer.role != rules.ROLE_LEAD, Volunteer.id)
        ):
            crews.setdefault(activity_id, []).append((volunteer_id, name))
    return crews


def _present_counts(s: Session, ids: Sequence[int]) -> tuple[dict[int, int], set[int]]:
    from center_app.db.models import AttendanceCode

    present: dict[int, int] = {}
    taken: set[int] = set()
    for chunk in _chunks(ids):
        taken.update(
            a
            for a in s.scalars(
                select(AttendanceRegister.activity_id).where(AttendanceRegister.activity_id.in_(chunk))
            )
            if a is not None
        )
        for activity_id, count in s.execute(
            select(AttendanceRegister.activity_id, func.count(AttendanceMark.id))
            .join(AttendanceMark, AttendanceMark.register_id == AttendanceRegister.id)
            .join(AttendanceCode, AttendanceCode.code == AttendanceMark.code)
            .where(AttendanceRegister.activity_id.in_(chunk), AttendanceCode.counts_present.is_(True))
            .group_by(AttendanceRegister.activity_id)
        ):
            if activity_id is not None:
                present[activity_id] = count
    return present, taken


def _photo_counts(s: Session, ids: Sequence[int]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for chunk in _chunks(ids):
        for activity_id, count in s.execute(
            select(ActivityPhoto.activity_id, func.count(ActivityPhoto.id))
            .where(ActivityPhoto.activity_id.in_(chunk))
            .group_by(ActivityPhoto.activity_id)
        ):
            counts[activity_id] = count
    return counts


def get_activity(ctx: AppContext, activity_id: int) -> ActivityDetail:
    """One activity: details, volunteers, its roll call, the equipment lent to it, its photos."""
    require_see(ctx.actor)
    with ctx.db.read() as s:
        activity = load_activity(s, activity_id)
        require_see_one(ctx.actor, owners_of(s, activity_id))
        return detail_of(ctx, s, activity)


# --- writing ------------------------------------------------------------------------------------------------------


def _check_occurrence_free(s: Session, session_id: int, slot_date: dt.date, activity_id: int | None) -> None:
    taken = s.scalar(
        select(Activity).where(
            Activity.slot_id == session_id, Activity.slot_date == slot_date, Activity.id != (activity_id or 0)
        )
    )
    if taken is not None:
        raise DomainError(
            f"课表上的这节课（{rules.date_text(slot_date)}）已经记录过了：活动“{taken.title}”（编号 {taken.id}）。"
            "请在列表里打开它修改。"
        )


def _check_references(s: Session, data: ActivityInput) -> None:
    if data.room_id is not None and s.get(Room, data.room_id) is None:
        raise NotFound("找不到这个教室，它可能已被删除。请刷新后再选。")
    if data.volunteer_ids:
        found = set(s.scalars(select(Volunteer.id).where(Volunteer.id.in_(list(data.volunteer_ids)))))
        if missing := [v for v in data.volunteer_ids if v not in found]:
            raise NotFound(
                f"找不到志愿者（编号 {'、'.join(map(str, missing))}），可能已被删除。请刷新后再选。"
            )


def _write_crew(s: Session, activity_id: int, volunteer_ids: Sequence[int]) -> None:
    s.execute(delete(ActivityVolunteer).where(ActivityVolunteer.activity_id == activity_id))
    for i, volunteer_id in enumerate(volunteer_ids):
        s.add(
            ActivityVolunteer(
                activity_id=activity_id,
                volunteer_id=volunteer_id,
                role=rules.ROLE_LEAD if i == 0 else rules.ROLE_ASSISTANT,
            )
        )


def _values(data: ActivityInput) -> dict[str, Any]:
    return {
        "title": data.title,
        "kind": str(data.kind),
        "on_date": data.on_date,
        "start_time": data.start_time,
        "end_time": data.end_time,
        "room_id": data.room_id,
        "slot_id": data.session_id,
        "slot_date": data.slot_date,
        "description": data.description,
        "outcome": data.reflection,
    }


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def _prefilled(s: Session, ctx: AppContext, data: ActivityInput) -> ActivityInput:
    """A session's occurrence fills what the form left blank: its volunteers (lead first), times, room, kind."""
    if data.session_id is None or data.slot_date is None:
        if not data.volunteer_ids and (mine := own_volunteer(ctx.actor)) is not None:
            return dataclasses.replace(data, volunteer_ids=(mine,))
        return data
    occurrence, _programme = occurrence_of(s, data.session_id, data.slot_date)
    changes: dict[str, Any] = {}
    if not data.volunteer_ids:
        changes["volunteer_ids"] = occurrence.volunteer_ids
    if data.start_time is None and data.end_time is None and occurrence.start.date() == occurrence.end.date():
        changes["start_time"], changes["end_time"] = occurrence.start.time(), occurrence.end.time()
    if data.room_id is None and occurrence.room_id is not None:
        changes["room_id"] = occurrence.room_id
    return dataclasses.replace(data, **changes) if changes else data


def create_activity(ctx: AppContext, data: ActivityInput, *, today: dt.date | None = None) -> ActivityDetail:
    """Record an activity. Given a timetable occurrence (``session_id`` + ``slot_date``), what the form left
    blank comes from it — its volunteers (lead first), times and room — and the service hours recorded for it
    are linked to the activity (``volunteers.hours.link_to_activity``); an occurrence is recorded once. A teacher
    records only activities they lead or help in (with no volunteers given, they are its lead)."""
    require_see(ctx.actor)
    cleaned = data.validated(today or dt.date.today())
    with ctx.db.session() as s:
        cleaned = _prefilled(s, ctx, cleaned)
        require_change(ctx.actor, cleaned.volunteer_ids)
        _check_references(s, cleaned)
        if cleaned.session_id is not None and cleaned.slot_date is not None:
            _check_occurrence_free(s, cleaned.session_id, cleaned.slot_date, None)
        activity = Activity(**_values(cleaned), created_by=ctx.actor.user_id)
        s.add(activity)
        s.flush()
        _write_crew(s, activity.id, cleaned.volunteer_ids)
        linked = 0
        if cleaned.session_id is not None and cleaned.slot_date is not None:
            linked = link_to_activity(s, activity.id, cleaned.session_id, cleaned.slot_date)
        values = {k: _plain(v) for k, v in _values(cleaned).items() if v not in (None, "")}
        values["volunteer_ids"] = list(cleaned.volunteer_ids)
        audit.record(
            s,
            ctx.actor,
            "create",
            "activity",
            activity.id,
            f"记录活动 {rules.date_text(activity.on_date)} {activity.title}"
            + (f"（关联服务时长 {linked} 条）" if linked else ""),
            {k: [None, v] for k, v in values.items()},
        )
        s.flush()
        return detail_of(ctx, s, activity)


def update_activity(
    ctx: AppContext, activity_id: int, data: ActivityInput, *, today: dt.date | None = None
) -> ActivityDetail:
    """Save an edited activity (the whole form). Its roll call moves with it to a new date. A teacher changes only
    their own activities, and stays among its volunteers."""
    require_see(ctx.actor)
    cleaned = data.validated(today or dt.date.today())
    with ctx.db.session() as s:
        activity = load_activity(s, activity_id)
        old_crew = owners_of(s, activity_id)
        require_change(ctx.actor, old_crew)
        cleaned = _prefilled(s, ctx, cleaned) if cleaned.session_id != activity.slot_id else cleaned
        require_change(ctx.actor, cleaned.volunteer_ids)
        _check_references(s, cleaned)
        new_occurrence = (cleaned.session_id, cleaned.slot_date) != (activity.slot_id, activity.slot_date)
        if new_occurrence and cleaned.session_id is not None and cleaned.slot_date is not None:
            occurrence_of(s, cleaned.session_id, cleaned.slot_date)
            _check_occurrence_free(s, cleaned.session_id, cleaned.slot_date, activity_id)
        old = {k: getattr(activity, k) for k in _values(cleaned)}
        new = _values(cleaned)
        changes = {k: [_plain(old[k]), _plain(v)] for k, v in new.items() if old[k] != v}
        if list(cleaned.volunteer_ids) != old_crew:
            changes["volunteer_ids"] = [old_crew, list(cleaned.volunteer_ids)]
        if not changes:
            return detail_of(ctx, s, activity)
        for key, value in new.items():
            setattr(activity, key, value)
        if "on_date" in changes:
            for register in s.scalars(
                select(AttendanceRegister).where(AttendanceRegister.activity_id == activity_id)
            ):
                register.on_date = cleaned.on_date  # type: ignore[assignment]  # validated: not None
        _write_crew(s, activity_id, cleaned.volunteer_ids)
        if new_occurrence and cleaned.session_id is not None and cleaned.slot_date is not None:
            link_to_activity(s, activity_id, cleaned.session_id, cleaned.slot_date)
        audit.record(
            s,
            ctx.actor,
            "update",
            "activity",
            activity_id,
            f"修改活动 {rules.date_text(activity.on_date)} {activity.title}：{'、'.join(_labels(changes))}",
            changes,
        )
        s.flush()
        return detail_of(ctx, s, activity)


_FIELD_LABELS = {
    "title": "活动名称",
    "kind": "类型",
    "on_date": "日期",
    "start_time": "开始时间",
    "end_time": "结束时间",
    "room_id": "地点",
    "slot_id": "课表课程",
    "slot_date": "课表日期",
    "description": "活动内容",
    "outcome": "活动反思",
    "volunteer_ids": "志愿者",
}


def _labels(changes: dict[str, Any]) -> list[str]:
    return [_FIELD_LABELS.get(k, k) for k in changes]


def delete_activity(ctx: AppContext, activity_id: int) -> None:
    """Delete an activity recorded by mistake, with its photos. Refused once its roll was taken: the marks are
    attendance records, and deleting the activity would delete them."""
    require_see(ctx.actor)
    with ctx.db.session() as s:
        activity = load_activity(s, activity_id)
        require_change(ctx.actor, owners_of(s, activity_id))
        marks = s.scalar(
            select(func.count(AttendanceMark.id))
            .join(AttendanceRegister, AttendanceRegister.id == AttendanceMark.register_id)
            .where(AttendanceRegister.activity_id == activity_id)
        )
        if marks:
            raise DomainError(
                f"活动“{activity.title}”已经点过名（{marks} 名儿童的记录），不能删除：删除会连同考勤记录一起删掉。"
                "如果记错了，请修改它。"
            )
        photos = s.scalar(
            select(func.count(ActivityPhoto.id)).where(ActivityPhoto.activity_id == activity_id)
        )
        audit.record(
            s,
            ctx.actor,
            "delete",
            "activity",
            activity_id,
            f"删除活动 {rules.date_text(activity.on_date)} {activity.title}"
            + (f"（连同 {photos} 张照片）" if photos else ""),
            {"title": [activity.title, None], "on_date": [activity.on_date.isoformat(), None]},
        )
        s.delete(activity)
    folder = photos_root(ctx) / str(activity_id)
    if (
        folder.is_dir()
    ):  # after the commit: a failure here leaves files nobody lists, never a record without them
        shutil.rmtree(folder, ignore_errors=True)
