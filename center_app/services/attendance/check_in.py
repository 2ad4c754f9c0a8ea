"""Check-in and check-out at the door: a scanned library card marks the child present on the day register with the
arrival time; leaving records when and with whom (checked against the guardians and pick-up people)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import AttendanceMark, AttendanceRegister, Child, Guardian, PickupPerson
from center_app.domain import attendance as rules
from center_app.domain.attendance import CodeConfig
from center_app.domain.children import has_left
from center_app.domain.errors import DomainError, NotFound
from center_app.domain.permissions import READ, WRITE, redact_child, require
from center_app.services import audit
from center_app.services.attendance._shared import (
    NOTE_MAX,
    basic_fields,
    find_register,
    moment,
    refuse_future,
    to_local,
)
from center_app.services.attendance.codes import read_context


@dataclass(frozen=True)
class CheckInResult:
    child_id: int
    name: str
    class_name: str
    code: str
    label: str
    check_in_at: dt.datetime  # local time
    late: bool
    already: bool  # was checked in before: nothing changed
    message: str


@dataclass(frozen=True)
class CheckOutResult:
    child_id: int
    name: str
    picked_up_by: str
    check_out_at: dt.datetime  # local time
    authorised: bool | None  # None: went home alone (no name given)
    warning: str  # "" or why staff should check; also stored on the mark and in the audit log
    message: str


PickupKind = Literal["guardian", "pickup"]


@dataclass(frozen=True)
class PickupName:
    name: str
    relation: str
    phone: str  # blank unless the user may read child.phones
    kind: PickupKind


def _clean_code(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").strip()


def _find_child(s: Session, card_or_child: str | int) -> Child | None:
    if isinstance(card_or_child, int):
        return s.get(Child, card_or_child)
    code = _clean_code(card_or_child)
    if not code:
        return None
    # As typed, upper- and lower-cased: a scanner with Caps Lock on still finds the card (on the unique index).
    variants = list(dict.fromkeys((code, code.upper(), code.lower())))
    return s.scalars(select(Child).where(Child.card_barcode.in_(variants))).first()


def _day_mark(
    s: Session, ctx: AppContext, day: dt.date, child_id: int
) -> tuple[AttendanceRegister, AttendanceMark | None]:
    register = find_register(s, day, None)
    if register is None:
        register = AttendanceRegister(on_date=day, activity_id=None, taken_by=ctx.actor.user_id)
        s.add(register)
        s.flush()
        return register, None
    mark = s.scalars(
        select(AttendanceMark).where(
            AttendanceMark.register_id == register.id, AttendanceMark.child_id == child_id
        )
    ).first()
    return register, mark


def _arrival_code(codes: CodeConfig, mark: AttendanceMark | None, late: bool) -> str:
    """The code for a child who is here: keep a present mark; otherwise present, or late when it is past the
    late time or the roll call had already marked them absent (they came after it)."""
    kind = codes.kind(mark.code) if mark is not None else None
    if kind == rules.PRESENT:
        assert mark is not None
        return mark.code
    if codes.late_code and (late or kind == rules.ABSENT):
        return codes.late_code
    return codes.default_code


def _set_code(mark: AttendanceMark, code: str, ctx: AppContext, now: dt.datetime) -> None:
    if (
        mark.code != code
    ):  # the version counts changes of the code only: a roll call open elsewhere stays valid
        mark.code = code
        mark.version += 1
        mark.marked_at = now
        mark.marked_by = ctx.actor.user_id


def _put_mark(
    s: Session,
    ctx: AppContext,
    register: AttendanceRegister,
    child_id: int,
    mark: AttendanceMark | None,
    code: str,
    now: dt.datetime,
) -> AttendanceMark:
    """The child's mark for the day with ``code``: a new one, or the existing one changed (see ``_set_code``)."""
    if mark is None:
        mark = AttendanceMark(
            register_id=register.id,
            child_id=child_id,
            code=code,
            version=1,
            marked_at=now,
            marked_by=ctx.actor.user_id,
        )
        s.add(mark)
    else:
        _set_code(mark, code, ctx, now)
    return mark


def check_in(
    ctx: AppContext, card_or_child: str | int, on_date: dt.date | None = None, now: dt.datetime | None = None
) -> CheckInResult:
    """A scanned library card (or a child picked from the list) arrives: marked present — late if the setting
    ``late_after`` is set and it is later — on the day register, with the arrival time. A second scan changes
    nothing and says when they came."""
    require(ctx.actor, "attendance", WRITE)
    local, utc = moment(now)
    day = on_date or local.date()
    refuse_future(day)
    with ctx.db.session() as s:
        child = _find_child(s, card_or_child)
        if child is None:
            shown = card_or_child if isinstance(card_or_child, str) else f"#{card_or_child}"
            raise NotFound(f"没有找到借书证“{_clean_code(str(shown))}”对应的儿童，请检查借书证。")
        data = basic_fields(ctx.actor.role, child)
        if has_left(child.status, child.left_on, day):
            raise DomainError(f"{data['name']} 已不在中心登记，不能签到。如有疑问请联系社工。")
        c = read_context(s)
        register, mark = _day_mark(s, ctx, day, child.id)
        if mark is not None and mark.check_in_at is not None:
            came = to_local(mark.check_in_at)
            assert came is not None
            return CheckInResult(
                child.id,
                data["name"],
                data["class_name"],
                mark.code,
                c.codes.label(mark.code),
                came,
                late=mark.code == c.codes.late_code,
                already=True,
                message=f"{data['name']} 已经签到过了（{came:%H:%M}）。",
            )
        threshold = rules.parse_hhmm(c.settings.late_after)
        late = threshold is not None and local.time().replace(second=0, microsecond=0) > threshold
        code = _arrival_code(c.codes, mark, late)
        old_code = mark.code if mark is not None else None
        mark = _put_mark(s, ctx, register, child.id, mark, code, utc)
        mark.check_in_at = utc
        register.updated_at = utc
        s.flush()
        is_late = code == c.codes.late_code
        audit.record(
            s,
            ctx.actor,
            "update",
            "attendance_mark",
            mark.id,
            f"签到 {day.isoformat()} 儿童 #{child.id} {local:%H:%M}" + ("（迟到）" if is_late else ""),
            {"code": [old_code, code], "check_in_at": [None, utc.isoformat(sep=" ", timespec="seconds")]},
        )
        return CheckInResult(
            child.id,
            data["name"],
            data["class_name"],
            code,
            c.codes.label(code),
            local,
            late=is_late,
            already=False,
            message=f"{data['name']} 签到 {local:%H:%M}" + ("（迟到）" if is_late else "") + "。",
        )


def _name_key(name: str) -> str:
    """ "王奶奶（祖母）" → "王奶奶": the page's list shows the relation in brackets; spaces and width don't matter."""
    text = unicodedata.normalize("NFKC", name or "")
    text = re.sub(r"\(.*?\)$", "", text.strip())
    return re.sub(r"\s+", "", text).casefold()


def check_out(
    ctx: AppContext,
    child_id: int,
    picked_up_by: str,
    now: dt.datetime | None = None,
    on_date: dt.date | None = None,
) -> CheckOutResult:
    """Record when the child left and who took them (empty = went home alone). Never refused — the child must go
    home — but a name that is none of the child's guardians or pickup people is flagged ``pickup_authorised =
    False`` with a warning, stored on the mark (note) and in the audit log, for staff to check by phone."""
    require(ctx.actor, "attendance", WRITE)
    local, utc = moment(now)
    day = on_date or local.date()
    refuse_future(day)
    who = unicodedata.normalize("NFC", picked_up_by or "").strip()[:100]
    with ctx.db.session() as s:
        child = s.get(Child, child_id)
        if child is None:
            raise NotFound("找不到这名儿童，请刷新后再试。")
        name = basic_fields(ctx.actor.role, child)["name"]
        c = read_context(s)
        register, mark = _day_mark(s, ctx, day, child.id)
        old_code = mark.code if mark is not None else None
        code = _arrival_code(c.codes, mark, late=False)  # leaving means they were here
        mark = _put_mark(s, ctx, register, child.id, mark, code, utc)
        authorised: bool | None = None
        warning = ""
        if who:
            known = {
                _name_key(n): n
                for n in [
                    *s.scalars(select(Guardian.name).where(Guardian.child_id == child.id)),
                    *s.scalars(select(PickupPerson.name).where(PickupPerson.child_id == child.id)),
                ]
            }
            match = known.get(_name_key(who))
            authorised = match is not None
            if match is not None:
                who = match  # "李秀英（祖母）" picked from the list is stored as the person's name
            if not authorised:
                warning = f"{who} 不在授权接送名单中，请核实身份"
                note = mark.note or ""
                if warning not in note:
                    mark.note = ("；".join(p for p in (note, warning) if p))[:NOTE_MAX]
        old_out = mark.check_out_at
        mark.check_out_at = utc
        mark.picked_up_by = who
        mark.pickup_authorised = authorised
        register.updated_at = utc
        s.flush()
        audit.record(
            s,
            ctx.actor,
            "update",
            "attendance_mark",
            mark.id,
            f"签退 {day.isoformat()} 儿童 #{child.id}：{who or '自行回家'}"
            + (f"（{warning}）" if warning else ""),
            {
                "code": [old_code, code],
                "check_out_at": [
                    old_out.isoformat(sep=" ", timespec="seconds") if old_out else None,
                    utc.isoformat(sep=" ", timespec="seconds"),
                ],
                "picked_up_by": [None, who],
                "pickup_authorised": [None, authorised],
            },
        )
    message = f"{name} 已签退 {local:%H:%M}（{'由 ' + who + ' 接走' if who else '自行回家'}）。"
    if warning:
        message += f"注意：{warning}。"
    return CheckOutResult(child_id, name, who, local, authorised, warning, message)


def authorised_pickups(ctx: AppContext, child_id: int) -> list[PickupName]:
    """The child's guardians (primary first) and other pickup people, for the check-out list. Needs
    ``child.family``; phone numbers only with ``child.phones``."""
    require(ctx.actor, "child.family", READ)
    with ctx.db.read() as s:
        if s.get(Child, child_id) is None:
            raise NotFound("找不到这名儿童，请刷新后再试。")
        guardians = s.scalars(
            select(Guardian)
            .where(Guardian.child_id == child_id)
            .order_by(Guardian.is_primary.desc(), Guardian.id)
        ).all()
        pickups = s.scalars(
            select(PickupPerson).where(PickupPerson.child_id == child_id).order_by(PickupPerson.id)
        ).all()
    data = redact_child(
        ctx.actor.role,
        {
            "id": child_id,
            "guardians": [{"name": g.name, "relation": g.relation, "phone": g.phone} for g in guardians],
            "pickup_people": [{"name": p.name, "relation": p.relation, "phone": p.phone} for p in pickups],
        },
    )
    result: list[PickupName] = []
    seen: set[str] = set()
    sources: tuple[tuple[PickupKind, list[dict[str, Any]]], ...] = (
        ("guardian", data["guardians"]),
        ("pickup", data["pickup_people"]),
    )
    for kind, items in sources:
        for item in items:
            key = _name_key(item.get("name") or "")
            if key and key not in seen:
                seen.add(key)
                result.append(
                    PickupName(item["name"], item.get("relation") or "", item.get("phone") or "", kind)
                )
    return result
