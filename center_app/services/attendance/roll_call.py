"""The roll call: a day's or a session's register, and saving its marks (see the package doc for who is expected
and for what happens when two people save the same register).

A save says once what happened (``SaveResult.message``: how many were saved, how many were not and why), and
lists who is absent on the register as it is stored now, with their primary guardian's phone where the user may
see it (``SaveResult.absent``: whom to call). ``register_stamp`` is the cheap question a roll call open on
another PC polls: when this register was last saved, and by whom."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, cast

from sqlalchemy import CursorResult, bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import Activity, AttendanceMark, AttendanceRegister, Child, Guardian, User
from center_app.domain import attendance as rules
from center_app.domain.actor import Actor
from center_app.domain.attendance import CodeConfig, Scope, Tally
from center_app.domain.children import has_left, on_roll, roll_order
from center_app.domain.errors import DomainError, NotFound, ValidationError
from center_app.domain.permissions import (
    OWN,
    READ,
    allowed,
    can_mark_register,
    require_any,
    require_owned,
)
from center_app.services import audit
from center_app.services.attendance._shared import (
    CHILD_COLUMNS,
    MARK,
    NOTE_MAX,
    basic_fields,
    find_activity,
    find_register,
    moment,
    refuse_future,
    register_title,
    to_local,
    user_names,
    volunteers_of,
)
from center_app.services.attendance.codes import read_context

REGULARS_SESSIONS: Final = 4


@dataclass(frozen=True)
class MarkInput:
    """One child's mark as the user wants it. ``code`` None removes the mark; ``expected_version`` is the version
    the user saw (0 = there was no mark)."""

    child_id: int
    code: str | None
    expected_version: int = 0


@dataclass(frozen=True)
class RegisterRow:
    child_id: int
    name: str
    class_name: str
    grade: int | None
    code: str | None  # None = not marked
    label: str
    version: int  # 0 = no mark yet
    marked_at: dt.datetime | None  # local time
    marked_by: str
    check_in_at: dt.datetime | None
    check_out_at: dt.datetime | None
    picked_up_by: str  # blank unless the user may read child.family
    pickup_authorised: bool | None
    note: str


@dataclass(frozen=True)
class RegisterView:
    register_id: int | None  # None: no roll taken yet
    on_date: dt.date
    activity_id: int | None
    activity_title: str
    scope: Scope
    rows: tuple[RegisterRow, ...]
    totals: Tally
    unmarked: int
    codes: CodeConfig
    taken_by: str  # who first saved it
    taken_at: dt.datetime | None  # local time
    last_saved_by: str
    last_saved_at: dt.datetime | None
    note: str
    is_open_day: bool  # False: a closed day or a weekday the centre does not open (the page may say so)
    may_edit: bool
    saved_at: dt.datetime | None = None  # the register's last save (local): what ``register_stamp`` compares


@dataclass(frozen=True)
class Conflict:
    """A mark someone else saved after you opened the register; yours was not written."""

    child_id: int
    child_name: str
    their_code: str | None
    their_label: str
    your_code: str | None
    your_label: str
    version: int  # stored now: save with this version to overwrite on purpose
    marked_by: str
    marked_at: dt.datetime | None


@dataclass(frozen=True)
class AbsentChild:
    """A child marked absent (a code that ``counts_absent``) on the register, and whom to call: the primary
    guardian (or the first one listed). ``guardian``/``relation`` are blank unless the user may read child.family,
    ``phone`` unless child.phones."""

    child_id: int
    name: str
    class_name: str
    label: str
    guardian: str
    relation: str
    phone: str


@dataclass(frozen=True)
class RegisterStamp:
    """When a register was last saved and by whom (``saved_at`` None: nobody has saved it yet)."""

    register_id: int | None
    saved_at: dt.datetime | None  # local time; equals ``RegisterView.saved_at`` of a view read since
    saved_by: str  # display name; "" when not known (the last save only removed marks or changed the note)
    saved_by_id: int | None


@dataclass(frozen=True)
class SaveResult:
    register_id: int | None
    added: int
    changed: int
    removed: int
    unchanged: int
    conflicts: tuple[Conflict, ...]
    versions: Mapping[int, int]  # child_id → version stored now (0 = no mark), for every child sent
    codes: Mapping[int, str | None]  # child_id → code stored now
    message: str  # what happened, said once: saved, not saved and why
    agreed: int = 0  # of ``unchanged``: someone else had saved the same code meanwhile
    absent: tuple[AbsentChild, ...] = ()  # absent on the register as stored now, in register order

    @property
    def saved(self) -> int:
        return self.added + self.changed + self.removed


def _require_register(actor: Actor, volunteer_ids: Sequence[int], *, write: bool) -> None:
    if not write and allowed(actor.role, "attendance", READ):
        return
    require_owned(actor, "attendance", volunteer_ids)


def _regulars(s: Session, activity: Activity, codes: CodeConfig) -> set[int]:
    same = (
        Activity.slot_id == activity.slot_id
        if activity.slot_id is not None
        else Activity.title == activity.title
    )
    earlier = (
        select(AttendanceRegister.id)
        .join(Activity, Activity.id == AttendanceRegister.activity_id)
        .where(same, AttendanceRegister.on_date < activity.on_date)
        .order_by(AttendanceRegister.on_date.desc())
        .limit(REGULARS_SESSIONS)
        .scalar_subquery()
    )
    present = [c.code for c in codes.codes if c.counts_present]
    return set(
        s.scalars(
            select(AttendanceMark.child_id)
            .where(AttendanceMark.register_id.in_(earlier), AttendanceMark.code.in_(present))
            .distinct()
        )
    )


def open_register(ctx: AppContext, on_date: dt.date, activity_id: int | None = None) -> RegisterView:
    """The register of a day (``activity_id`` None) or a session, with every expected child and their saved mark.

    Opening does not create anything: ``register_id`` stays None until the first save.
    """
    require_any(ctx.actor, ("attendance", READ), ("attendance", OWN))
    role = ctx.actor.role
    with ctx.db.read() as s:
        activity = find_activity(s, activity_id, on_date) if activity_id is not None else None
        volunteer_ids = volunteers_of(s, activity_id)
        _require_register(ctx.actor, volunteer_ids, write=False)
        c = read_context(s, on_date, on_date)
        register = find_register(s, on_date, activity_id)
        marks = (
            {
                m.child_id: m
                for m in s.scalars(select(AttendanceMark).where(AttendanceMark.register_id == register.id))
            }
            if register is not None
            else {}
        )
        children = s.execute(select(*CHILD_COLUMNS)).all()
        scope = Scope.DAY
        wanted: set[int] | None = None  # None = everyone on the roll
        if activity is not None:
            regulars = _regulars(s, activity, c.codes)
            scope = Scope.REGULARS if regulars else Scope.ALL
            wanted = regulars or None
        rows_data = [
            r
            for r in children
            if r.id in marks
            or (
                on_roll(r.status, r.enrolled_on, r.left_on, on_date, on_date)
                and not has_left(r.status, r.left_on, on_date)
                and (wanted is None or r.id in wanted)
            )
        ]
        users = user_names(
            s, [m.marked_by for m in marks.values()] + ([register.taken_by] if register is not None else [])
        )
    rows_data.sort(key=lambda r: roll_order(r.grade, r.class_name, r.name, r.name_pinyin))
    family = allowed(role, "child.family", READ)
    rows = []
    for r in rows_data:
        data = basic_fields(role, r)
        m = marks.get(r.id)
        rows.append(
            RegisterRow(
                child_id=r.id,
                name=data["name"],
                class_name=data["class_name"],
                grade=data["grade"],
                code=m.code if m else None,
                label=c.codes.label(m.code) if m else "",
                version=m.version if m else 0,
                marked_at=to_local(m.marked_at) if m else None,
                marked_by=users.get(m.marked_by, "") if m and m.marked_by else "",
                check_in_at=to_local(m.check_in_at) if m else None,
                check_out_at=to_local(m.check_out_at) if m else None,
                picked_up_by=(m.picked_up_by if family else "") if m else "",
                pickup_authorised=m.pickup_authorised if m and family else None,
                note=m.note if m else "",
            )
        )
    last = max(marks.values(), key=lambda m: m.marked_at, default=None)
    return RegisterView(
        register_id=register.id if register is not None else None,
        on_date=on_date,
        activity_id=activity_id,
        activity_title=activity.title if activity is not None else "",
        scope=scope,
        rows=tuple(rows),
        totals=rules.tally((row.code for row in rows), c.codes),
        unmarked=sum(1 for row in rows if row.code is None),
        codes=c.codes,
        taken_by=users.get(register.taken_by, "") if register is not None and register.taken_by else "",
        taken_at=to_local(register.created_at) if register is not None else None,
        last_saved_by=users.get(last.marked_by, "") if last is not None and last.marked_by else "",
        last_saved_at=to_local(last.marked_at) if last is not None else None,
        note=register.note if register is not None else "",
        is_open_day=c.is_open(on_date),
        may_edit=can_mark_register(ctx.actor, volunteer_ids),
        saved_at=to_local(register.updated_at) if register is not None else None,
    )


def register_stamp(ctx: AppContext, on_date: dt.date, activity_id: int | None = None) -> RegisterStamp:
    """When the register of ``on_date`` (``activity_id`` None: the day's) was last saved, and by whom: what a roll
    call open on another PC polls every few seconds, so it is one indexed query (a teacher's ownership of the
    session is one more). Read only; refused like ``open_register``."""
    require_any(ctx.actor, ("attendance", READ), ("attendance", OWN))
    reg = AttendanceRegister
    which = reg.activity_id.is_(None) if activity_id is None else reg.activity_id == activity_id
    # The save that set the register's stamp also stamped the marks it wrote: their marker is who saved.
    saver = (
        select(MARK.c.marked_by)
        .where(MARK.c.register_id == reg.id, MARK.c.marked_at == reg.updated_at)
        .order_by(MARK.c.id.desc())
        .limit(1)
        .correlate(reg)
        .scalar_subquery()
    )
    with ctx.db.read() as s:
        if not allowed(ctx.actor.role, "attendance", READ):
            _require_register(ctx.actor, volunteers_of(s, activity_id), write=False)
        row = s.execute(
            select(reg.id, reg.updated_at, User.id.label("user_id"), User.display_name, User.username)
            .select_from(reg)
            .outerjoin(User, User.id == saver)
            .where(reg.on_date == on_date, which)
        ).first()
    if row is None:
        return RegisterStamp(None, None, "", None)
    return RegisterStamp(
        register_id=row.id,
        saved_at=to_local(row.updated_at),
        saved_by=(row.display_name or row.username or "") if row.user_id is not None else "",
        saved_by_id=row.user_id,
    )


def fill_unmarked(view: RegisterView, code: str | None = None) -> list[MarkInput]:
    """The "全部出勤" button: the default present code (or ``code``) for every child not yet marked."""
    fill = code or view.codes.default_code
    return [MarkInput(row.child_id, fill, row.version) for row in view.rows if row.code is None]


def save_marks(
    ctx: AppContext,
    on_date: dt.date,
    activity_id: int | None,
    marks: Sequence[MarkInput],
    *,
    note: str | None = None,
) -> SaveResult:
    """Save a roll call in one transaction (see the module doc for conflicts). ``note`` (if given) replaces the
    register's note ("下大雨，部分孩子没来"). The register is created by the first save that writes a mark."""
    require_any(ctx.actor, ("attendance", OWN))
    refuse_future(on_date)
    if note is not None and len(note.strip()) > NOTE_MAX:
        raise ValidationError(f"备注不能超过{NOTE_MAX}个字。")
    counted: dict[int, int] = {}
    for m in marks:
        counted[m.child_id] = counted.get(m.child_id, 0) + 1
    twice = sorted(child_id for child_id, n in counted.items() if n > 1)
    if twice:
        raise ValidationError(f"同一名儿童出现了两次（编号 {'、'.join(map(str, twice))}），请刷新后再保存。")
    _, now = moment(None)
    with ctx.db.session() as s:  # BEGIN IMMEDIATE: no other writer until commit
        try:
            activity = find_activity(s, activity_id, on_date) if activity_id is not None else None
        except NotFound:  # deleted on another PC since this register was opened
            raise NotFound(
                f"{_nothing_saved(marks)}这次活动刚被删除了（在别的电脑上），它的点名表也没有了。请选别的点名表。"
            ) from None
        except ValidationError as exc:  # moved to another day meanwhile
            raise ValidationError(f"{_nothing_saved(marks)}{exc.message}请重新选择日期和点名表。") from None
        require_owned(ctx.actor, "attendance", volunteers_of(s, activity_id))
        codes = read_context(s).codes
        children = {
            r.id: r
            for r in s.execute(
                select(Child.id, Child.name, Child.status, Child.left_on).where(
                    Child.id.in_([m.child_id for m in marks])
                )
            )
        }
        register = find_register(s, on_date, activity_id)
        existing = (
            {
                r.child_id: r
                for r in s.execute(
                    select(
                        MARK.c.id,
                        MARK.c.child_id,
                        MARK.c.code,
                        MARK.c.version,
                        MARK.c.marked_by,
                        MARK.c.marked_at,
                    ).where(MARK.c.register_id == register.id)
                )
            }
            if register is not None
            else {}
        )
        problems = []
        for m in marks:
            child = children.get(m.child_id)
            if child is None:
                problems.append(f"找不到编号为 {m.child_id} 的儿童（可能刚被删除）。")
            elif m.code is not None and codes.get(m.code) is None:
                problems.append(f"{child.name}：没有考勤代码“{m.code}”（可能刚在设置里改过）。")
            elif (
                m.child_id not in existing
                and m.code is not None
                and has_left(child.status, child.left_on, on_date)
            ):
                problems.append(f"{child.name} 这一天已不在中心登记，请清除他/她的考勤（⌫）。")
        if problems:
            raise ValidationError(
                f"{_nothing_saved(marks)}" + " ".join(problems) + "改正后再保存。", problems
            )

        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        removes: list[int] = []
        conflicts: list[tuple[MarkInput, Any]] = []
        versions: dict[int, int] = {}
        stored: dict[int, str | None] = {}
        changes: dict[str, list[Any]] = {}
        unchanged = agreed = 0
        for m in marks:
            old = existing.get(m.child_id)
            current_version = old.version if old is not None else 0
            current_code = old.code if old is not None else None
            versions[m.child_id], stored[m.child_id] = current_version, current_code
            if m.code == current_code:
                unchanged += 1  # also when the versions differ: both people agree
                agreed += m.expected_version != current_version
                continue
            if m.expected_version != current_version:
                conflicts.append((m, old))
                continue
            if old is None:
                inserts.append(
                    {
                        "register_id": None,
                        "child_id": m.child_id,
                        "code": m.code,
                        "version": 1,
                        "marked_at": now,
                        "marked_by": ctx.actor.user_id,
                    }
                )
                versions[m.child_id], stored[m.child_id] = 1, m.code
            elif m.code is None:
                removes.append(old.id)
                changes[f"child#{m.child_id}"] = [old.code, None]
                versions[m.child_id], stored[m.child_id] = 0, None
            else:
                updates.append(
                    {
                        "b_id": old.id,
                        "b_old_version": old.version,
                        "b_code": m.code,
                        "b_version": old.version + 1,
                        "b_at": now,
                        "b_by": ctx.actor.user_id,
                    }
                )
                changes[f"child#{m.child_id}"] = [old.code, m.code]
                versions[m.child_id], stored[m.child_id] = old.version + 1, m.code

        note_changed = note is not None and note.strip() != (register.note if register is not None else "")
        created = False
        if register is None and (inserts or note_changed):
            register = AttendanceRegister(
                on_date=on_date, activity_id=activity_id, taken_by=ctx.actor.user_id
            )
            s.add(register)
            try:
                s.flush()
            except IntegrityError:  # only a server database without BEGIN IMMEDIATE can get here
                raise DomainError("别人刚刚也建立了这张点名表。请重新打开点名表再保存。") from None
            created = True
        if inserts:
            assert register is not None
            for row in inserts:
                row["register_id"] = register.id
            s.execute(insert(MARK), inserts)
        if updates:
            # A Core UPDATE returns a CursorResult (Session.execute is typed Result for every statement).
            result = cast(
                CursorResult[Any],
                s.execute(
                    update(MARK)
                    .where(MARK.c.id == bindparam("b_id"), MARK.c.version == bindparam("b_old_version"))
                    .values(
                        code=bindparam("b_code"),
                        version=bindparam("b_version"),
                        marked_at=bindparam("b_at"),
                        marked_by=bindparam("b_by"),
                    ),
                    updates,
                ),
            )
            if result.supports_sane_multi_rowcount() and result.rowcount != len(updates):
                raise DomainError("别人同时修改了这张点名表。请重新打开点名表再保存。")
        if removes:
            s.execute(delete(MARK).where(MARK.c.id.in_(removes)))
        if register is not None and note_changed:
            changes["note"] = [register.note, note.strip() if note else ""]
            register.note = note.strip() if note else ""
        saved = len(inserts) + len(updates) + len(removes)
        if register is not None and (saved or note_changed):
            register.updated_at = now
            # The register's totals after this save, for the audit line (the counts, not who).
            after = rules.tally(
                [stored.get(cid, row.code) for cid, row in existing.items()]
                + [row["code"] for row in inserts],
                codes,
            )
            audit.record(
                s,
                ctx.actor,
                "create" if created else "update",
                "attendance_register",
                register.id,
                f"点名 {register_title(on_date, activity.title if activity else '')}：新增 {len(inserts)}，"
                f"修改 {len(updates)}，删除 {len(removes)}，冲突未覆盖 {len(conflicts)}；"
                f"出勤 {after.present} 缺勤 {after.absent} 请假 {after.excused}",
                {
                    "added": [None, len(inserts)],
                    "changed": [None, len(updates)],
                    "removed": [None, len(removes)],
                    "conflicts": [None, len(conflicts)],
                    **changes,
                },
            )
        users = user_names(s, [old.marked_by for _, old in conflicts if old is not None])
        conflict_rows = tuple(
            Conflict(
                child_id=m.child_id,
                child_name=children[m.child_id].name,
                their_code=old.code if old is not None else None,
                their_label=codes.label(old.code) if old is not None else "（未点名）",
                your_code=m.code,
                your_label=codes.label(m.code) if m.code else "（未点名）",
                version=old.version if old is not None else 0,
                marked_by=users.get(old.marked_by, "") if old is not None and old.marked_by else "",
                marked_at=to_local(old.marked_at) if old is not None else None,
            )
            for m, old in conflicts
        )
        register_id = register.id if register is not None else None
        absent = _absent(s, ctx.actor.role, register_id, codes)
    return SaveResult(
        register_id=register_id,
        added=len(inserts),
        changed=len(updates),
        removed=len(removes),
        unchanged=unchanged,
        conflicts=conflict_rows,
        versions=versions,
        codes=stored,
        message=_save_message(saved, agreed, bool(note_changed), conflict_rows),
        agreed=agreed,
        absent=absent,
    )


def _absent(s: Session, role: str, register_id: int | None, codes: CodeConfig) -> tuple[AbsentChild, ...]:
    """Who is absent on the register as stored now, with the primary guardian where the role may see them."""
    absent_codes = [c.code for c in codes.codes if c.counts_absent]
    if register_id is None or not absent_codes:
        return ()
    rows = sorted(
        s.execute(
            select(*CHILD_COLUMNS, MARK.c.code)
            .join(MARK, MARK.c.child_id == Child.id)
            .where(MARK.c.register_id == register_id, MARK.c.code.in_(absent_codes))
        ),
        key=lambda r: roll_order(r.grade, r.class_name, r.name, r.name_pinyin),
    )
    family = allowed(role, "child.family", READ)
    phones = allowed(role, "child.phones", READ)
    guardians: dict[int, Any] = {}
    if rows and (family or phones):
        for row in s.execute(
            select(Guardian.child_id, Guardian.name, Guardian.relation, Guardian.phone)
            .where(Guardian.child_id.in_([r.id for r in rows]))
            .order_by(Guardian.is_primary.desc(), Guardian.id)
        ):
            guardians.setdefault(row.child_id, row)  # the primary one, else the first listed
    result = []
    for r in rows:
        data = basic_fields(role, r)
        g = guardians.get(r.id)
        result.append(
            AbsentChild(
                child_id=r.id,
                name=data["name"],
                class_name=data["class_name"],
                label=codes.label(r.code),
                guardian=g.name if g is not None and family else "",
                relation=g.relation if g is not None and family else "",
                phone=g.phone if g is not None and phones else "",
            )
        )
    return tuple(result)


def _nothing_saved(marks: Sequence[MarkInput]) -> str:
    return f"没有保存（{len(marks)} 人的考勤都还没有保存）：" if len(marks) > 1 else "没有保存："


def _names(conflicts: Sequence[Conflict]) -> str:
    names = "、".join(c.child_name for c in conflicts[:3])
    return names + ("等" if len(conflicts) > 3 else "")


def _save_message(saved: int, agreed: int, note_changed: bool, conflicts: Sequence[Conflict]) -> str:
    """What a save did, said once: what was saved, what was not and why."""
    if saved and note_changed:
        done = f"已保存 {saved} 人的考勤和备注。"
    elif saved:
        done = f"已保存 {saved} 人的考勤。"
    else:
        done = "已保存备注。" if note_changed else ""
    if conflicts:
        markers = {c.marked_by for c in conflicts}
        who = markers.pop() if len(markers) == 1 and "" not in markers else "别人"
        what = "清除" if all(c.their_code is None for c in conflicts) else "改过"
        n = len(conflicts)
        if done:
            return (
                f"{done}另有 {n} 人（{_names(conflicts)}）的考勤刚被{who}{what}，没有覆盖："
                "请看下面的名单，核对后决定用谁的。"
            )
        return (
            f"没有保存：这 {n} 人（{_names(conflicts)}）的考勤刚被{who}{what}，你的没有覆盖。"
            "请看下面的名单，核对后决定用谁的。"
        )
    if agreed:
        if done:
            return f"{done}另有 {agreed} 人别人刚保存的和你记的一样，不用再保存。"
        return f"不用保存：你记的 {agreed} 人，别人刚保存的和你记的一样。"
    return done or "没有需要保存的改动。"
