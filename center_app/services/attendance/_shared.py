"""Helpers the attendance modules share (not part of the package's API)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from center_app.db.models import (
    Activity,
    ActivityVolunteer,
    AttendanceMark,
    AttendanceRegister,
    Child,
    User,
    table_of,
)
from center_app.domain.errors import NotFound, ValidationError
from center_app.domain.permissions import redact_child

NOTE_MAX: Final = 200

MARK = table_of(AttendanceMark)


def to_local(instant: dt.datetime | None) -> dt.datetime | None:
    if instant is None:
        return None
    return instant.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)


def moment(now: dt.datetime | None) -> tuple[dt.datetime, dt.datetime]:
    """(local naive, naive UTC) of ``now``; naive means the PC's local time."""
    if now is None:
        local = dt.datetime.now()
    elif now.tzinfo is not None:
        local = now.astimezone().replace(tzinfo=None)
    else:
        local = now
    return local, local.astimezone(dt.UTC).replace(tzinfo=None)


CHILD_COLUMNS = (
    Child.id,
    Child.name,
    Child.name_pinyin,
    Child.class_name,
    Child.grade,
    Child.status,
    Child.enrolled_on,
    Child.left_on,
)


def basic_fields(role: str, row: Any) -> dict[str, Any]:
    return redact_child(
        role, {"id": row.id, "name": row.name, "class_name": row.class_name, "grade": row.grade}
    )


def user_names(s: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return {
        uid: display or username
        for uid, display, username in s.execute(
            select(User.id, User.display_name, User.username).where(User.id.in_(wanted))
        )
    }


def find_activity(s: Session, activity_id: int, on_date: dt.date) -> Activity:
    activity = s.get(Activity, activity_id)
    if activity is None:
        raise NotFound("找不到这次活动，可能已被删除。请刷新后再试。")
    if activity.on_date != on_date:
        raise ValidationError(
            f"活动“{activity.title}”的日期是 {cn_date(activity.on_date)}，不是 {cn_date(on_date)}。"
        )
    return activity


def volunteers_of(s: Session, activity_id: int | None) -> list[int]:
    if activity_id is None:
        return []  # the day register belongs to nobody: only 写 may take it
    return list(
        s.scalars(select(ActivityVolunteer.volunteer_id).where(ActivityVolunteer.activity_id == activity_id))
    )


def find_register(s: Session, on_date: dt.date, activity_id: int | None) -> AttendanceRegister | None:
    where = (
        AttendanceRegister.activity_id.is_(None)
        if activity_id is None
        else AttendanceRegister.activity_id == activity_id
    )
    return s.scalars(select(AttendanceRegister).where(AttendanceRegister.on_date == on_date, where)).first()


def cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def register_title(on_date: dt.date, title: str) -> str:
    return f"{on_date.isoformat()} {title or '全天'}"


def refuse_future(day: dt.date) -> None:
    if day > dt.date.today():
        raise ValidationError(f"{cn_date(day)} 还没到，不能点名。")
