"""What the volunteers modules share: the permission checks (``volunteers`` read or write; a teacher's ``own``),
loading records with a Chinese "not found", local ↔ UTC time, and writing a file that leaves the program (audited
first, like every export of personal data)."""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import Room, Timetable, TimetableSlot, Volunteer, utcnow
from center_app.domain.actor import Actor
from center_app.domain.errors import NotFound, PermissionDenied
from center_app.domain.permissions import OWN, READ, WRITE, allowed, require, require_any, require_owned
from center_app.services import audit

log = logging.getLogger(__name__)
T = TypeVar("T")

AREA = "volunteers"


# --- permissions ------------------------------------------------------------------------------------------------


def require_see(actor: Actor) -> None:
    """Staff read everything; a teacher (``own``) their own record, sessions and hours."""
    require_any(actor, (AREA, READ), (AREA, OWN))


def sees_all(actor: Actor) -> bool:
    return allowed(actor.role, AREA, READ)


def require_write(actor: Actor) -> None:
    require(actor, AREA, WRITE)


def require_own(actor: Actor, owners: Iterable[int | None]) -> None:
    """Write on anything, or ``own`` on a record one of ``owners`` (volunteer ids) is the actor's volunteer."""
    require_owned(actor, AREA, owners)


def own_volunteer(actor: Actor) -> int | None:
    """The volunteer a teacher's account is linked to (None: staff, or a teacher not linked — who owns nothing)."""
    return actor.volunteer_id


def visible_volunteer(actor: Actor, volunteer_id: int | None) -> int | None:
    """The volunteer whose records a list may show: any (``volunteer_id``, None = all) for staff; a teacher only
    their own — asking for someone else's is refused, asking for all gives their own."""
    if sees_all(actor):
        return volunteer_id
    mine = own_volunteer(actor)
    if mine is None:
        raise PermissionDenied("这个账号还没有关联志愿者信息，请联系管理员在“用户账号”里关联。")
    if volunteer_id not in (None, mine):
        require_own(actor, [volunteer_id])
    return mine


# --- loading ---------------------------------------------------------------------------------------------------


def load_volunteer(s: Session, volunteer_id: int) -> Volunteer:
    volunteer = s.get(Volunteer, volunteer_id)
    if volunteer is None:
        raise NotFound(f"找不到这名志愿者（编号 {volunteer_id}），可能已被删除。请刷新名单。")
    return volunteer


def load_room(s: Session, room_id: int) -> Room:
    room = s.get(Room, room_id)
    if room is None:
        raise NotFound(f"找不到这间教室（编号 {room_id}）。请刷新后再试。")
    return room


def load_programme(s: Session, programme_id: int) -> Timetable:
    programme = s.get(Timetable, programme_id)
    if programme is None:
        raise NotFound(f"找不到这个课表（编号 {programme_id}），可能已被删除。请刷新后再试。")
    return programme


def load_slot(s: Session, session_id: int) -> TimetableSlot:
    slot = s.get(TimetableSlot, session_id)
    if slot is None:
        raise NotFound(f"找不到这节课（编号 {session_id}），可能已被删除。请刷新课表。")
    return slot


def volunteer_label(volunteer: Volunteer) -> str:
    return f"#{volunteer.id} {volunteer.name}" + (
        f"（{volunteer.organisation}）" if volunteer.organisation else ""
    )


# --- time ----------------------------------------------------------------------------------------------------------


def to_utc(local: dt.datetime) -> dt.datetime:
    """A naive local time (the PC's zone) → the naive UTC instant the schema stores."""
    return local.astimezone(dt.UTC).replace(tzinfo=None)


def to_local(instant: dt.datetime) -> dt.datetime:
    return instant.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)


def local_now(now: dt.datetime | None = None) -> dt.datetime:
    return now if now is not None else to_local(utcnow())


def date_text(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


# --- files leaving the program ------------------------------------------------------------------------------------


def write_audited_file(
    ctx: AppContext,
    target: str | os.PathLike[str],
    write: Callable[[Path], T],
    *,
    action: str,
    entity: str,
    what: str,
    rows: int,
) -> T:
    """Write a file that holds volunteers' data (phones, hours) — audited *before* it is written, and a second
    entry if it then could not be (the reasoning is ``services.roster.write_personal_file``'s). The callers check
    what the file needs; this refuses at least anyone who may not see volunteers at all, so it is no way for just
    anyone to write audit rows."""
    require_see(ctx.actor)
    path = Path(target)
    where = str(path.resolve())
    with ctx.db.session() as s:
        audit.record(
            s,
            ctx.actor,
            action,
            entity,
            "",
            f"{what}：{rows} 行 → {where}",
            {"rows": [None, rows], "target": [None, where]},
        )
    try:
        return write(path)
    except BaseException as exc:
        reason = getattr(exc, "message", "") or type(exc).__name__
        try:
            with ctx.db.session() as s:
                audit.record(
                    s,
                    ctx.actor,
                    action,
                    entity,
                    "",
                    f"{what}未完成，没有生成文件（{reason}）→ {where}",
                    {"written": [None, False], "target": [None, where]},
                )
        except Exception:  # the first entry stands; the user sees the original error
            log.exception("could not record that %s was not written", path)
        raise
