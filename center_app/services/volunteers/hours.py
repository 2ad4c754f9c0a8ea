"""Service hours: signing in and out of a session occurrence, staff confirming the planned time, entries by hand;
pending until staff approve or reject them; totals per volunteer and per organisation for a period; the export.

Each record is one volunteer at one occurrence (``slot_id`` + ``slot_date``, the date it was planned for) or one
entry by hand. Minutes are whole minutes, summed as integers (``domain.volunteers``). Who may do what:

- a teacher (``volunteers`` own) signs themselves in and out, enters their own hours by hand, sees their own;
- staff (write) do all that for anyone, confirm an occurrence's planned time for its volunteers (the paper list
  of a busy day, or someone who forgot to sign out), approve, reject (with a reason) and correct hours — never
  their own (an account linked to a volunteer cannot approve that volunteer's hours).

Every change is audited; an approved record that is corrected afterwards makes any certificate that counted it
fail verification (``certificates.verify_certificate`` recomputes the approved minutes).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import ServiceHours, User, Volunteer, utcnow
from center_app.domain import timetable as tt
from center_app.domain import volunteers as rules
from center_app.domain.errors import PermissionDenied, ValidationError
from center_app.domain.states import HoursSource, HoursStatus
from center_app.services import audit
from center_app.services.volunteers.common import (
    date_text,
    load_slot,
    load_volunteer,
    local_now,
    own_volunteer,
    require_own,
    require_see,
    require_write,
    to_local,
    to_utc,
    visible_volunteer,
    volunteer_label,
    write_audited_file,
)
from center_app.services.volunteers.schedule import load_schedule

SIGN_IN_EARLY = dt.timedelta(hours=2)
DESCRIPTION_MAX = 400

STATUS_LABELS: dict[str, str] = {
    HoursStatus.PENDING: "待审核",
    HoursStatus.APPROVED: "已核定",
    HoursStatus.REJECTED: "未通过",
}
_DONE: dict[str, str] = {HoursStatus.APPROVED: "核定", HoursStatus.REJECTED: "审核未通过"}
SOURCE_LABELS: dict[str, str] = {
    HoursSource.SIGNED: "签到签退",
    HoursSource.PLANNED: "按计划确认",
    HoursSource.MANUAL: "手工登记",
}


@dataclass(frozen=True, slots=True)
class HoursRow:
    id: int
    volunteer_id: int
    volunteer: str
    organisation: str
    on_date: dt.date
    minutes: int
    description: str
    source: str
    status: str
    session_id: int | None
    slot_date: dt.date | None
    signed_in_at: dt.datetime | None  # local time
    signed_out_at: dt.datetime | None
    review_note: str
    reviewed_by: str
    reviewed_at: dt.datetime | None  # local time

    @property
    def hours_text(self) -> str:
        return rules.hours_text(self.minutes)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def source_label(self) -> str:
        return SOURCE_LABELS.get(self.source, self.source)


@dataclass(frozen=True, slots=True)
class VolunteerTotal:
    volunteer_id: int
    name: str
    organisation: str
    kind: str
    approved_minutes: int
    pending_minutes: int
    sessions: int  # approved records


@dataclass(frozen=True, slots=True)
class OrganisationTotal:
    organisation: str
    volunteers: int
    approved_minutes: int
    pending_minutes: int
    sessions: int


@dataclass(frozen=True, slots=True)
class HoursTotals:
    first: dt.date
    last: dt.date
    volunteers: tuple[VolunteerTotal, ...]
    organisations: tuple[OrganisationTotal, ...]

    @property
    def approved_minutes(self) -> int:
        return sum(v.approved_minutes for v in self.volunteers)

    @property
    def pending_minutes(self) -> int:
        return sum(v.pending_minutes for v in self.volunteers)


# --- building blocks --------------------------------------------------------------------------------------------


def _row(s: Session, h: ServiceHours, names: dict[int, tuple[str, str]] | None = None) -> HoursRow:
    if names is not None and h.volunteer_id in names:
        name, organisation = names[h.volunteer_id]
    else:
        v = load_volunteer(s, h.volunteer_id)
        name, organisation = v.name, v.organisation
    reviewer = s.get(User, h.approved_by) if h.approved_by is not None else None
    return HoursRow(
        id=h.id,
        volunteer_id=h.volunteer_id,
        volunteer=name,
        organisation=organisation,
        on_date=h.on_date,
        minutes=h.minutes,
        description=h.description,
        source=h.source,
        status=h.status,
        session_id=h.slot_id,
        slot_date=h.slot_date,
        signed_in_at=to_local(h.signed_in_at) if h.signed_in_at else None,
        signed_out_at=to_local(h.signed_out_at) if h.signed_out_at else None,
        review_note=h.review_note,
        reviewed_by=(reviewer.display_name or reviewer.username) if reviewer else "",
        reviewed_at=to_local(h.approved_at) if h.approved_at else None,
    )


def approved_in(s: Session, volunteer_id: int, first: dt.date, last: dt.date) -> list[ServiceHours]:
    """The approved records of a volunteer held between ``first`` and ``last`` — what a certificate counts."""
    return list(
        s.scalars(
            select(ServiceHours)
            .where(
                ServiceHours.volunteer_id == volunteer_id,
                ServiceHours.status == HoursStatus.APPROVED,
                ServiceHours.on_date >= first,
                ServiceHours.on_date <= last,
            )
            .order_by(ServiceHours.on_date, ServiceHours.id)
        )
    )


def link_to_activity(s: Session, activity_id: int, session_id: int, slot_date: dt.date) -> int:
    """The hook for the activities of a day: an activity recorded for an occurrence (``activity.slot_id`` +
    its date) claims the hours recorded for that occurrence (``service_hours.activity_id``), inside the caller's
    session. Returns how many records it linked; records already linked to another activity are left alone."""
    records = s.scalars(
        select(ServiceHours).where(
            ServiceHours.slot_id == session_id,
            ServiceHours.slot_date == slot_date,
            ServiceHours.activity_id.is_(None),
        )
    ).all()
    for record in records:
        record.activity_id = activity_id
    s.flush()
    return len(records)


def _occurrence(s: Session, session_id: int, slot_date: dt.date) -> tt.Occurrence:
    slot = load_slot(s, session_id)
    schedule = load_schedule(s, programme_ids=[slot.timetable_id])
    session = schedule.sessions[session_id]
    programme = schedule.programmes[slot.timetable_id]
    if not programme.starts_on <= slot_date <= programme.ends_on or not list(
        tt.planned_dates(session, slot_date, slot_date)
    ):
        raise ValidationError(f"“{session.title}”在 {tt.date_label(slot_date)} 没有课。")
    occurrence = tt.expand(session, slot_date, slot_date)[0]
    if occurrence.cancelled:
        raise ValidationError(f"“{session.title}”{occurrence.label} 已停课，不能登记服务时长。")
    return occurrence


def _find(s: Session, volunteer_id: int, session_id: int, slot_date: dt.date) -> ServiceHours | None:
    return s.scalar(
        select(ServiceHours).where(
            ServiceHours.volunteer_id == volunteer_id,
            ServiceHours.slot_id == session_id,
            ServiceHours.slot_date == slot_date,
        )
    )


def _who(ctx: AppContext, volunteer_id: int | None) -> int:
    chosen = volunteer_id if volunteer_id is not None else own_volunteer(ctx.actor)
    if chosen is None:
        raise ValidationError("请选择是哪位志愿者。")
    require_own(ctx.actor, [chosen])
    return chosen


def _in_crew(s: Session, occurrence: tt.Occurrence, volunteer_id: int) -> Volunteer:
    volunteer = load_volunteer(s, volunteer_id)
    if volunteer_id not in occurrence.volunteer_ids:
        raise ValidationError(
            f"{volunteer.name} 不在“{occurrence.title}”{occurrence.label} 的志愿者名单里。代课请先请社工在课表里加上。"
        )
    return volunteer


# --- signing in and out -------------------------------------------------------------------------------------------


def sign_in(
    ctx: AppContext,
    session_id: int,
    slot_date: dt.date,
    *,
    volunteer_id: int | None = None,
    now: dt.datetime | None = None,
) -> HoursRow:
    """Sign a volunteer in to an occurrence (from two hours before it starts until it ends). Signing in twice
    keeps the first time. ``volunteer_id`` defaults to the signed-in teacher's own."""
    require_see(ctx.actor)
    who = _who(ctx, volunteer_id)
    moment = local_now(now)
    with ctx.db.session() as s:
        occurrence = _occurrence(s, session_id, slot_date)
        volunteer = _in_crew(s, occurrence, who)
        row = _find(s, who, session_id, slot_date)
        if row is not None and row.signed_in_at is not None:
            return _row(s, row)
        if moment < occurrence.start - SIGN_IN_EARLY:
            raise ValidationError(
                f"“{occurrence.title}”{occurrence.label} 还没到签到时间（最早提前 2 小时签到）。"
            )
        if moment > occurrence.end:
            raise ValidationError(
                f"“{occurrence.title}”{occurrence.label} 已经结束，不能再签到。请社工按计划时间确认这次服务时长。"
            )
        if row is None:
            row = ServiceHours(
                volunteer_id=who,
                slot_id=session_id,
                slot_date=slot_date,
                on_date=occurrence.start.date(),
                minutes=0,
                description=occurrence.title,
                source=HoursSource.SIGNED,
                status=HoursStatus.PENDING,
                recorded_by=ctx.actor.user_id,
            )
            s.add(row)
        elif row.status != HoursStatus.PENDING:
            raise ValidationError(
                f"{volunteer.name} 这节课的服务时长已经{_DONE.get(row.status, '审核')}，不能再签到。"
            )
        row.signed_in_at = to_utc(moment)
        row.source = HoursSource.SIGNED
        s.flush()
        audit.record(
            s,
            ctx.actor,
            "create",
            "service_hours",
            row.id,
            f"{volunteer_label(volunteer)} 签到“{occurrence.title}”{occurrence.label}：{moment:%H:%M}",
            {"signed_in_at": [None, f"{moment:%Y-%m-%d %H:%M}"]},
        )
        return _row(s, row)


def sign_out(
    ctx: AppContext,
    session_id: int,
    slot_date: dt.date,
    *,
    volunteer_id: int | None = None,
    now: dt.datetime | None = None,
) -> HoursRow:
    """Sign out: the minutes are the whole minutes since signing in (pending until approved)."""
    require_see(ctx.actor)
    who = _who(ctx, volunteer_id)
    moment = local_now(now)
    with ctx.db.session() as s:
        occurrence = _occurrence(s, session_id, slot_date)
        volunteer = load_volunteer(s, who)
        row = _find(s, who, session_id, slot_date)
        if row is None or row.signed_in_at is None:
            raise ValidationError(f"{volunteer.name} 还没有签到“{occurrence.title}”，请先签到。")
        if row.signed_out_at is not None:
            raise ValidationError(
                f"{volunteer.name} 已经在 {to_local(row.signed_out_at):%H:%M} 签退过了。如时间有误，请社工修改。"
            )
        if row.status != HoursStatus.PENDING:
            raise ValidationError(f"{volunteer.name} 这节课的服务时长已经审核过，不能再签退。")
        minutes = rules.signed_minutes(to_local(row.signed_in_at), moment)
        row.signed_out_at = to_utc(moment)
        row.minutes = minutes
        s.flush()
        audit.record(
            s,
            ctx.actor,
            "update",
            "service_hours",
            row.id,
            f"{volunteer_label(volunteer)} 签退“{occurrence.title}”：{moment:%H:%M}，{rules.hours_text(minutes)}",
            {"signed_out_at": [None, f"{moment:%Y-%m-%d %H:%M}"], "minutes": [0, minutes]},
        )
        return _row(s, row)


def confirm_planned(
    ctx: AppContext,
    session_id: int,
    slot_date: dt.date,
    volunteer_ids: Sequence[int] | None = None,
    *,
    now: dt.datetime | None = None,
) -> list[HoursRow]:
    """Staff confirm that an occurrence was held as planned: each of its volunteers (or those named) gets the
    planned minutes, pending approval. Someone who signed in and out keeps their signed time; approved or
    rejected records are left as they are."""
    require_write(ctx.actor)
    moment = local_now(now)
    with ctx.db.session() as s:
        occurrence = _occurrence(s, session_id, slot_date)
        if occurrence.start > moment:
            raise ValidationError(f"“{occurrence.title}”{occurrence.label} 还没开始，不能确认。")
        chosen = list(dict.fromkeys(volunteer_ids if volunteer_ids is not None else occurrence.volunteer_ids))
        if not chosen:
            raise ValidationError(f"“{occurrence.title}”没有安排志愿者。")
        rows = []
        for volunteer_id in chosen:
            volunteer = _in_crew(s, occurrence, volunteer_id)
            row = _find(s, volunteer_id, session_id, slot_date)
            if row is not None and (row.signed_out_at is not None or row.status != HoursStatus.PENDING):
                rows.append(_row(s, row))
                continue
            old = row.minutes if row is not None else None
            if row is None:
                row = ServiceHours(
                    volunteer_id=volunteer_id,
                    slot_id=session_id,
                    slot_date=slot_date,
                    on_date=occurrence.start.date(),
                    description=occurrence.title,
                    status=HoursStatus.PENDING,
                    recorded_by=ctx.actor.user_id,
                )
                s.add(row)
            row.minutes = occurrence.minutes
            row.source = HoursSource.PLANNED
            s.flush()
            audit.record(
                s,
                ctx.actor,
                "create" if old is None else "update",
                "service_hours",
                row.id,
                f"按计划确认 {volunteer_label(volunteer)}“{occurrence.title}”{occurrence.label}："
                f"{rules.hours_text(occurrence.minutes)}",
                {"minutes": [old, occurrence.minutes], "source": [None, HoursSource.PLANNED]},
            )
            rows.append(_row(s, row))
        return rows


def add_hours(
    ctx: AppContext,
    volunteer_id: int,
    on_date: dt.date,
    minutes: int,
    description: str,
    *,
    today: dt.date | None = None,
) -> HoursRow:
    """Hours by hand (an event outside the timetable, a home visit with a social worker), pending approval."""
    require_own(ctx.actor, [volunteer_id])
    rules.check_entry_minutes(minutes)
    text = " ".join((description or "").split())
    if not text:
        raise ValidationError("请写明做了什么（如“六一儿童节游园会”）。")
    if len(text) > DESCRIPTION_MAX:
        raise ValidationError(f"说明太长（最多 {DESCRIPTION_MAX} 个字）。")
    if on_date > (today or dt.date.today()):
        raise ValidationError("不能登记今天以后的服务时长。")
    with ctx.db.session() as s:
        volunteer = load_volunteer(s, volunteer_id)
        row = ServiceHours(
            volunteer_id=volunteer_id,
            on_date=on_date,
            minutes=minutes,
            description=text,
            source=HoursSource.MANUAL,
            status=HoursStatus.PENDING,
            recorded_by=ctx.actor.user_id,
        )
        s.add(row)
        s.flush()
        audit.record(
            s,
            ctx.actor,
            "create",
            "service_hours",
            row.id,
            f"登记 {volunteer_label(volunteer)} {date_text(on_date)}“{text}”：{rules.hours_text(minutes)}",
            {"on_date": [None, on_date.isoformat()], "minutes": [None, minutes], "description": [None, text]},
        )
        return _row(s, row)


# --- review -----------------------------------------------------------------------------------------------------


def _review(ctx: AppContext, hours_ids: Sequence[int], status: HoursStatus, note: str) -> list[HoursRow]:
    require_write(ctx.actor)
    note = " ".join((note or "").split())
    if len(note) > 400:
        raise ValidationError("说明太长（最多 400 个字）。")
    if status == HoursStatus.REJECTED and not note:
        raise ValidationError("请写明不通过的原因（志愿者会看到）。")
    ids = list(dict.fromkeys(hours_ids))
    if not ids:
        raise ValidationError("请先选择要审核的服务时长。")
    verb = "核定" if status == HoursStatus.APPROVED else "不通过"
    with ctx.db.session() as s:
        rows = {h.id: h for h in s.scalars(select(ServiceHours).where(ServiceHours.id.in_(ids)))}
        if missing := [i for i in ids if i not in rows]:
            raise ValidationError(
                f"找不到服务时长记录（编号 {'、'.join(map(str, missing))}），请刷新后再试。"
            )
        mine = own_volunteer(ctx.actor)
        result = []
        for hours_id in ids:
            h = rows[hours_id]
            volunteer = load_volunteer(s, h.volunteer_id)
            if mine is not None and h.volunteer_id == mine:
                raise PermissionDenied("不能审核自己的服务时长，请另一位社工审核。")
            if h.status != HoursStatus.PENDING:
                raise ValidationError(
                    f"{volunteer.name} {date_text(h.on_date)}“{h.description}”已经{_DONE.get(h.status, '审核')}，"
                    "不用再审核。"
                )
            if status == HoursStatus.APPROVED and h.minutes <= 0:
                raise ValidationError(
                    f"{volunteer.name} {date_text(h.on_date)}“{h.description}”还没有签退，没有时长可以核定。"
                    "请让志愿者签退，或按计划时间确认。"
                )
            h.status = status
            h.approved_by = ctx.actor.user_id
            h.approved_at = utcnow()
            h.review_note = note
            audit.record(
                s,
                ctx.actor,
                "update",
                "service_hours",
                h.id,
                f"{verb} {volunteer_label(volunteer)} {date_text(h.on_date)}“{h.description}”"
                f"{rules.hours_text(h.minutes)}" + (f"：{note}" if note else ""),
                {"status": [HoursStatus.PENDING, status], **({"review_note": ["", note]} if note else {})},
            )
            s.flush()
            result.append(_row(s, h))
        return result


def approve_hours(ctx: AppContext, hours_ids: Sequence[int], note: str = "") -> list[HoursRow]:
    """Approve pending hours (all or nothing: one that cannot be approved refuses the lot, saying which)."""
    return _review(ctx, hours_ids, HoursStatus.APPROVED, note)


def reject_hours(ctx: AppContext, hours_ids: Sequence[int], note: str) -> list[HoursRow]:
    """Reject pending hours, with the reason (required)."""
    return _review(ctx, hours_ids, HoursStatus.REJECTED, note)


def correct_hours(ctx: AppContext, hours_id: int, minutes: int, note: str) -> HoursRow:
    """Staff correct the minutes of a record (a wrong sign-out, a paper list misread), with the reason. An approved
    record stays approved; a certificate that counted it no longer verifies (re-issue one)."""
    require_write(ctx.actor)
    rules.check_entry_minutes(minutes)
    note = " ".join((note or "").split())
    if not note:
        raise ValidationError("请写明修改的原因。")
    with ctx.db.session() as s:
        h = s.get(ServiceHours, hours_id)
        if h is None:
            raise ValidationError(f"找不到服务时长记录（编号 {hours_id}），请刷新后再试。")
        volunteer = load_volunteer(s, h.volunteer_id)
        mine = own_volunteer(ctx.actor)
        if mine is not None and h.volunteer_id == mine:
            raise PermissionDenied("不能修改自己的服务时长，请另一位社工修改。")
        old = h.minutes
        if old == minutes:
            return _row(s, h)
        h.minutes = minutes
        h.review_note = note[:400]
        audit.record(
            s,
            ctx.actor,
            "update",
            "service_hours",
            h.id,
            f"修改 {volunteer_label(volunteer)} {date_text(h.on_date)}“{h.description}”的时长："
            f"{rules.hours_text(old)} → {rules.hours_text(minutes)}（{note}）",
            {"minutes": [old, minutes], "review_note": [None, note]},
        )
        s.flush()
        return _row(s, h)


# --- reading -------------------------------------------------------------------------------------------------------


def list_hours(
    ctx: AppContext,
    *,
    status: str | None = None,
    volunteer_id: int | None = None,
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> list[HoursRow]:
    """Hours records, the newest first; a teacher's own only. ``status`` pending/approved/rejected."""
    require_see(ctx.actor)
    only = visible_volunteer(ctx.actor, volunteer_id)
    with ctx.db.read() as s:
        query = select(ServiceHours)
        if only is not None:
            query = query.where(ServiceHours.volunteer_id == only)
        if status is not None:
            query = query.where(ServiceHours.status == status)
        if first is not None:
            query = query.where(ServiceHours.on_date >= first)
        if last is not None:
            query = query.where(ServiceHours.on_date <= last)
        records = list(s.scalars(query.order_by(ServiceHours.on_date.desc(), ServiceHours.id.desc())))
        names = {
            v.id: (v.name, v.organisation)
            for v in s.scalars(select(Volunteer).where(Volunteer.id.in_({r.volunteer_id for r in records})))
        }
        return [_row(s, r, names) for r in records]


def hours_totals(ctx: AppContext, first: dt.date, last: dt.date) -> HoursTotals:
    """Approved and pending minutes per volunteer and per organisation between ``first`` and ``last``; a teacher
    sees their own line only."""
    require_see(ctx.actor)
    only = visible_volunteer(ctx.actor, None)
    if last < first:
        raise ValidationError("结束日期不能早于开始日期。")
    with ctx.db.read() as s:
        query = (
            select(
                ServiceHours.volunteer_id, ServiceHours.status, func.sum(ServiceHours.minutes), func.count()
            )
            .where(ServiceHours.on_date >= first, ServiceHours.on_date <= last)
            .group_by(ServiceHours.volunteer_id, ServiceHours.status)
        )
        if only is not None:
            query = query.where(ServiceHours.volunteer_id == only)
        sums: dict[int, list[int]] = {}
        for volunteer_id, status, minutes, count in s.execute(query):
            entry = sums.setdefault(volunteer_id, [0, 0, 0])
            if status == HoursStatus.APPROVED:
                entry[0] += int(minutes or 0)
                entry[2] += int(count)
            elif status == HoursStatus.PENDING:
                entry[1] += int(minutes or 0)
        people = {v.id: v for v in s.scalars(select(Volunteer).where(Volunteer.id.in_(sums)))}
    volunteers = sorted(
        (
            VolunteerTotal(vid, people[vid].name, people[vid].organisation, people[vid].kind, a, p, n)
            for vid, (a, p, n) in sums.items()
            if a or p
        ),
        key=lambda t: (-t.approved_minutes, t.name, t.volunteer_id),
    )
    organisations: dict[str, list[int]] = {}
    for t in volunteers:
        entry = organisations.setdefault(t.organisation or "（未填单位）", [0, 0, 0, 0])
        entry[0] += 1
        entry[1] += t.approved_minutes
        entry[2] += t.pending_minutes
        entry[3] += t.sessions
    orgs = sorted(
        (OrganisationTotal(name, n, a, p, c) for name, (n, a, p, c) in organisations.items()),
        key=lambda o: (-o.approved_minutes, o.organisation),
    )
    return HoursTotals(first, last, tuple(volunteers), tuple(orgs))


EXPORT_KINDS = ("volunteers", "organisations", "records")


def export_hours_xlsx(
    ctx: AppContext, path: str | Path, first: dt.date, last: dt.date, *, by: str = "volunteers"
) -> int:
    """The period's hours as an Excel sheet: per volunteer (default), per organisation, or every record.
    Audited before it is written (names, organisations and hours of people). Returns the rows written."""
    from center_app.importing import write_xlsx

    require_write(ctx.actor)
    if by not in EXPORT_KINDS:
        raise ValidationError("导出方式只能是：按志愿者、按单位、逐条记录。")
    title = f"志愿服务时长 {date_text(first)}–{date_text(last)}"
    rows: list[list[object]]
    if by == "records":
        records = [r for r in list_hours(ctx, first=first, last=last) if r.status != HoursStatus.REJECTED]
        headers = ["日期", "志愿者", "单位/学校", "内容", "时长(小时)", "分钟", "来源", "状态"]
        rows = [
            [
                r.on_date,
                r.volunteer,
                r.organisation,
                r.description,
                rules.hours_decimal(r.minutes),
                r.minutes,
                r.source_label,
                r.status_label,
            ]
            for r in sorted(records, key=lambda r: (r.on_date, r.volunteer, r.id))
        ]
    else:
        totals = hours_totals(ctx, first, last)
        if by == "volunteers":
            headers = [
                "志愿者",
                "单位/学校",
                "类别",
                "已核定(小时)",
                "已核定(分钟)",
                "待审核(小时)",
                "服务次数",
            ]
            rows = [
                [
                    t.name,
                    t.organisation,
                    rules.kind_label(t.kind),
                    rules.hours_decimal(t.approved_minutes),
                    t.approved_minutes,
                    rules.hours_decimal(t.pending_minutes),
                    t.sessions,
                ]
                for t in totals.volunteers
            ]
        else:
            headers = ["单位/学校", "人数", "已核定(小时)", "已核定(分钟)", "待审核(小时)", "服务次数"]
            rows = [
                [
                    o.organisation,
                    o.volunteers,
                    rules.hours_decimal(o.approved_minutes),
                    o.approved_minutes,
                    rules.hours_decimal(o.pending_minutes),
                    o.sessions,
                ]
                for o in totals.organisations
            ]
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise ValidationError("请保存为 .xlsx 文件。")
    return write_audited_file(
        ctx,
        target,
        lambda p: write_xlsx(p, headers, rows, sheet_title="服务时长", title=title),
        action="export",
        entity="service_hours",
        what=f"导出{title}",
        rows=len(rows),
    )
