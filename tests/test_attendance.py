"""Attendance on a real SQLite file: codes and statistics, open days and streaks, the roll call (reopening, two
people on one register, teachers' own sessions), check-in/out at the door, the monthly register and reminders."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from center_app.config import DataDir
from center_app.context import Actor, AppContext, open_store
from center_app.db.models import (
    Activity,
    ActivityVolunteer,
    AttendanceMark,
    AttendanceRegister,
    AuditLog,
    Child,
    ClosedDay,
    Guardian,
    PickupPerson,
    Setting,
    Timetable,
    TimetableSlot,
    User,
    Volunteer,
)
from center_app.domain import attendance as rules
from center_app.domain.attendance import CodeConfig, CodeDef
from center_app.domain.errors import DomainError, NotFound, PermissionDenied, ValidationError
from center_app.domain.pinyin import pinyin_keys
from center_app.services import accounts
from center_app.services import attendance as att
from center_app.services.attendance import MarkInput

D = dt.date
STAFF = Actor(username="sw", role="staff", display_name="李社工")
LIBRARIAN = Actor(username="lib", role="librarian")
SEEDED = CodeConfig(
    (
        CodeDef("P", "出勤", True, False, "1", 1),
        CodeDef("A", "缺勤", False, True, "2", 2),
        CodeDef("L", "迟到", True, False, "3", 3),
        CodeDef("E", "请假", False, False, "4", 4),
    )
)


# --- helpers ------------------------------------------------------------------------------------------------


def as_(ctx: AppContext, actor: Actor) -> AppContext:
    return AppContext(data_dir=ctx.data_dir, db=ctx.db, actor=actor)


def add_user(
    ctx: AppContext, username: str, role: str, display: str, volunteer_id: int | None = None
) -> Actor:
    with ctx.db.session() as s:
        user = User(username=username, display_name=display, role=role, volunteer_id=volunteer_id)
        s.add(user)
        s.flush()
        return Actor(username, role, user.id, display, volunteer_id)


def add_child(
    ctx: AppContext,
    name: str,
    class_name: str = "三年级1班",
    grade: int = 3,
    *,
    card: str | None = None,
    status: str = "active",
    enrolled_on: dt.date | None = None,
    left_on: dt.date | None = None,
    guardians: Iterable[tuple[str, str, str]] = (),
    pickups: Iterable[tuple[str, str]] = (),
) -> int:
    full, initials = pinyin_keys(name)
    with ctx.db.session() as s:
        child = Child(
            name=name,
            name_pinyin=full,
            name_initials=initials,
            grade=grade,
            class_name=class_name,
            card_barcode=card,
            status=status,
            enrolled_on=enrolled_on,
            left_on=left_on,
        )
        s.add(child)
        s.flush()
        for n, (gname, relation, phone) in enumerate(guardians):
            s.add(Guardian(child_id=child.id, name=gname, relation=relation, phone=phone, is_primary=n == 0))
        for pname, relation in pickups:
            s.add(PickupPerson(child_id=child.id, name=pname, relation=relation, phone="13900000000"))
        return child.id


def add_activity(
    ctx: AppContext,
    title: str,
    on_date: dt.date,
    volunteer_ids: Iterable[int] = (),
    slot_id: int | None = None,
) -> int:
    with ctx.db.session() as s:
        activity = Activity(title=title, on_date=on_date, slot_id=slot_id)
        s.add(activity)
        s.flush()
        for vid in volunteer_ids:
            s.add(ActivityVolunteer(activity_id=activity.id, volunteer_id=vid))
        return activity.id


def add_volunteer(ctx: AppContext, name: str) -> int:
    with ctx.db.session() as s:
        v = Volunteer(name=name)
        s.add(v)
        s.flush()
        return v.id


def roll(
    ctx: AppContext, day: dt.date, codes: dict[int, str], activity_id: int | None = None
) -> att.SaveResult:
    """Take (or correct) a roll as the user would: open, change, save with the versions seen."""
    view = att.open_register(ctx, day, activity_id)
    versions = {row.child_id: row.version for row in view.rows}
    return att.save_marks(
        ctx, day, activity_id, [MarkInput(cid, code, versions.get(cid, 0)) for cid, code in codes.items()]
    )


def set_setting(ctx: AppContext, key: str, value: object) -> None:
    with ctx.db.session() as s:
        s.merge(Setting(key=key, value=json.dumps(value)))


def audit_rows(ctx: AppContext, entity: str) -> list[AuditLog]:
    with ctx.db.read() as s:
        return list(s.scalars(select(AuditLog).where(AuditLog.entity == entity).order_by(AuditLog.id)))


# --- domain: codes, statistics, open days, streaks ----------------------------------------------------------


def test_codes_give_statistics_and_the_rate_excludes_excused() -> None:
    t = rules.tally(["P", "P", "L", "A", "E", "E", None], SEEDED)
    assert (t.present, t.absent, t.excused, t.late, t.marked) == (3, 1, 2, 1, 6)
    assert t.by_code == {"P": 2, "L": 1, "A": 1, "E": 2}
    assert t.rate == 0.75  # 3 ÷ (3 + 1): the two excused days are on neither side
    assert rules.tally(["E", "E"], SEEDED).rate is None  # only excused: no rate, not 0 %
    assert rules.format_rate(0.75) == "75%" and rules.format_rate(6 / 7) == "85.7%"
    assert rules.format_rate(None) == "—"
    assert [SEEDED.kind(c) for c in ("P", "A", "L", "E", None)] == [
        "present",
        "absent",
        "present",
        "excused",
        None,
    ]


def test_code_symbols_and_shortcuts() -> None:
    assert [SEEDED.symbol(c) for c in ("P", "A", "L", "E", None)] == ["√", "×", "迟", "假", ""]
    assert SEEDED.by_shortcut("２").code == "A"  # full-width digit from a Chinese input method
    assert SEEDED.legend() == [("√", "出勤"), ("×", "缺勤"), ("迟", "迟到"), ("假", "请假")]


def test_code_configuration_is_validated() -> None:
    fixed = rules.validate_codes(
        CodeConfig(
            (CodeDef(" p", "出勤", True, False, "１", 5), CodeDef("a", "缺勤", False, True, "2", 9)), "p", ""
        )
    )
    assert [(c.code, c.shortcut, c.sort_order) for c in fixed.codes] == [("P", "1", 1), ("A", "2", 2)]
    assert fixed.default_code == "P" and fixed.late_code == ""

    bad = CodeConfig(
        (
            CodeDef("P", "出勤", True, False, "1", 1),
            CodeDef("X", "出勤", True, True, "1", 2),
            CodeDef("Y", "病假", False, False, "12", 3),
        ),
        default_code="Q",
        late_code="Y",
    )
    with pytest.raises(ValidationError) as err:
        rules.validate_codes(bad)
    text = " ".join(err.value.problems)
    for expected in (
        "不能同时算作出勤和缺勤",
        "快捷键只能是一个键",
        "名称重复：出勤",
        "快捷键重复：1",
        "默认",
        "迟到代码",
    ):
        assert expected in text
    with pytest.raises(ValidationError, match="至少要有一个算作缺勤"):
        rules.validate_codes(CodeConfig((CodeDef("P", "出勤", True, False, "1", 1),), "P", ""))
    with pytest.raises(ValidationError, match="显示相同的符号"):
        rules.validate_codes(CodeConfig((*SEEDED.codes, CodeDef("S", "迟来", True, False, "5", 5)), "P", "L"))


def test_open_days_skip_sundays_and_closed_days() -> None:
    days = rules.open_days(
        D(2026, 9, 28), D(2026, 10, 12), rules.DEFAULT_OPEN_WEEKDAYS, {D(2026, 10, i) for i in range(1, 8)}
    )
    # Mon 28 – Wed 30 Sep, (1–7 Oct 国庆), Thu 8 – Sat 10, (Sun 11), Mon 12
    assert days == [
        D(2026, 9, 28),
        D(2026, 9, 29),
        D(2026, 9, 30),
        D(2026, 10, 8),
        D(2026, 10, 9),
        D(2026, 10, 10),
        D(2026, 10, 12),
    ]
    assert rules.open_days(D(2026, 1, 2), D(2026, 1, 1), (1,), ()) == []
    assert rules.month_bounds(2026, 12) == (D(2026, 12, 1), D(2026, 12, 31))
    assert rules.parse_hhmm("15：30") == dt.time(15, 30) and rules.parse_hhmm("") is None
    with pytest.raises(ValidationError):
        rules.parse_hhmm("25:00")


def test_streak_counts_open_days_across_a_sunday() -> None:
    def is_open(day: dt.date) -> bool:
        return rules.is_open_day(day, rules.DEFAULT_OPEN_WEEKDAYS, set())

    # Present Thu 19 Nov; absent Fri 20, Sat 21, (Sun 22 closed), Mon 23 → 3 consecutive.
    marks = [
        (D(2026, 11, 19), "present"),
        (D(2026, 11, 20), "absent"),
        (D(2026, 11, 21), "absent"),
        (D(2026, 11, 23), "absent"),
    ]
    streak = rules.absence_streak(marks, is_open)
    assert streak.length == 3 and streak.start == D(2026, 11, 20) and streak.last_present == D(2026, 11, 19)
    # A day without a register (Tue 24 nothing) does not count either way; an excused day neither breaks nor extends.
    more = [*marks, (D(2026, 11, 25), "excused"), (D(2026, 11, 26), "absent")]
    assert rules.absence_streak(more, is_open).length == 4
    # Present again ends it; present in a session beats absent at the day register on the same day.
    assert rules.absence_streak([*more, (D(2026, 11, 27), "present")], is_open).length == 0
    assert rules.absence_streak([*more, (D(2026, 11, 26), "present")], is_open).length == 0
    # ``until`` looks at the past only.
    assert rules.absence_streak(more, is_open, until=D(2026, 11, 21)).length == 2
    assert rules.absence_streak([], is_open) == rules.Streak()


def test_streak_skips_national_day_holiday_and_absences_on_closed_days() -> None:
    closed = {D(2026, 10, i) for i in range(1, 8)}

    def is_open(day: dt.date) -> bool:
        return rules.is_open_day(day, rules.DEFAULT_OPEN_WEEKDAYS, closed)

    marks = [
        (D(2026, 9, 28), "present"),
        (D(2026, 9, 29), "absent"),
        (D(2026, 9, 30), "absent"),
        (D(2026, 10, 3), "absent"),  # a register taken on a holiday by mistake: not an open day, ignored
        (D(2026, 10, 8), "absent"),
    ]
    streak = rules.absence_streak(marks, is_open)
    assert streak.absences == (D(2026, 9, 29), D(2026, 9, 30), D(2026, 10, 8))


def test_follow_up_handles_absences_up_to_its_date() -> None:
    streak = rules.Streak((D(2026, 11, 2), D(2026, 11, 3), D(2026, 11, 4), D(2026, 11, 5)), None)
    assert rules.absences_after_follow_up(streak, []) == streak.absences
    assert rules.absences_after_follow_up(streak, [D(2026, 10, 1)]) == streak.absences  # before the streak
    assert rules.absences_after_follow_up(streak, [D(2026, 11, 3)]) == (D(2026, 11, 4), D(2026, 11, 5))
    assert rules.absences_after_follow_up(streak, [D(2026, 11, 3), D(2026, 11, 6)]) == ()


# --- codes and settings through the service ------------------------------------------------------------------


def test_codes_are_seeded_and_can_be_configured(ctx: AppContext) -> None:
    codes = att.get_codes(ctx)
    assert [(c.code, c.label, c.kind, c.shortcut) for c in codes.codes] == [
        ("P", "出勤", "present", "1"),
        ("A", "缺勤", "absent", "2"),
        ("L", "迟到", "present", "3"),
        ("E", "请假", "excused", "4"),
    ]
    assert (codes.default_code, codes.late_code) == ("P", "L")
    # Staff read the codes but may not change them.
    assert att.get_codes(as_(ctx, STAFF)) == codes
    with pytest.raises(PermissionDenied):
        att.save_codes(as_(ctx, STAFF), codes)

    new = CodeConfig(
        (
            *codes.codes[:3],
            CodeDef("E", "病事假", False, False, "4", 4),
            CodeDef("H", "回家", False, False, "5", 5),
        )
    )
    saved = att.save_codes(ctx, new)
    assert att.get_codes(ctx) == saved and saved.label("E") == "病事假" and saved.symbol("H") == "回"
    assert len(audit_rows(ctx, "attendance_code")) == 1

    child = add_child(ctx, "王子涵")
    roll(ctx, D(2026, 11, 2), {child: "H"})
    with pytest.raises(ValidationError, match="已用于 1 条考勤记录"):
        att.save_codes(ctx, CodeConfig(codes.codes))
    assert att.get_codes(ctx).get("H") is not None  # nothing changed


def test_attendance_settings_round_trip(ctx: AppContext) -> None:
    assert att.get_attendance_settings(ctx) == att.AttendanceSettings()
    saved = att.save_attendance_settings(ctx, att.AttendanceSettings((1, 2, 3, 4, 5, 6, 7), "15:30", 5, 70))
    assert att.get_attendance_settings(as_(ctx, STAFF)) == saved
    with pytest.raises(ValidationError):
        att.save_attendance_settings(ctx, att.AttendanceSettings((), "", 3, 60))
    with pytest.raises(ValidationError):
        att.save_attendance_settings(ctx, att.AttendanceSettings((1,), "", 0, 160))


# --- the roll call ------------------------------------------------------------------------------------------


def test_day_register_lists_the_children_on_the_roll_and_reopens_with_saved_marks(ctx: AppContext) -> None:
    day = D(2026, 11, 20)
    staff = add_user(ctx, "lisw", "staff", "李社工")
    a = add_child(ctx, "王子涵", "三年级10班", enrolled_on=D(2026, 9, 1))
    b = add_child(ctx, "李明", "三年级2班", card="C001")
    c = add_child(ctx, "欧阳诗琪", "一年级1班", grade=1)
    add_child(ctx, "新来的", enrolled_on=D(2026, 11, 25))  # not yet enrolled on the 20th
    add_child(ctx, "转学了", status="left", left_on=D(2026, 11, 1))
    leaving = add_child(ctx, "下周走", status="left", left_on=D(2026, 11, 27))  # still here on the 20th

    view = att.open_register(as_(ctx, staff), day)
    assert view.register_id is None and view.unmarked == 4 and view.may_edit and view.is_open_day
    assert [r.name for r in view.rows] == [
        "欧阳诗琪",
        "下周走",
        "李明",
        "王子涵",
    ]  # grade, class (1, 2, 10), pinyin
    assert view.rows[0].version == 0 and view.rows[0].code is None

    result = att.save_marks(
        as_(ctx, staff),
        day,
        None,
        [MarkInput(a, "P"), MarkInput(b, "A"), MarkInput(c, "E"), MarkInput(leaving, "L")],
    )
    assert (result.added, result.changed, result.conflicts) == (4, 0, ())
    assert result.versions == {a: 1, b: 1, c: 1, leaving: 1} and result.message == "已保存 4 人的考勤。"

    again = att.open_register(ctx, day)
    assert again.register_id == result.register_id
    assert {r.child_id: (r.code, r.label, r.version) for r in again.rows} == {
        a: ("P", "出勤", 1),
        b: ("A", "缺勤", 1),
        c: ("E", "请假", 1),
        leaving: ("L", "迟到", 1),
    }
    assert (again.totals.present, again.totals.absent, again.totals.excused, again.totals.late) == (
        2,
        1,
        1,
        1,
    )
    assert again.totals.by_code == {"P": 1, "A": 1, "E": 1, "L": 1} and again.unmarked == 0
    assert again.taken_by == "李社工" and again.last_saved_by == "李社工" and again.taken_at is not None
    assert all(r.marked_by == "李社工" for r in again.rows)


def test_saving_again_rewrites_only_what_changed_and_audits_once_per_save(ctx: AppContext) -> None:
    day = D(2026, 11, 20)
    kids = [add_child(ctx, f"孩子{i}") for i in range(5)]
    first = att.save_marks(ctx, day, None, att.fill_unmarked(att.open_register(ctx, day)))
    assert first.added == 5

    view = att.open_register(ctx, day)
    marks = [MarkInput(r.child_id, "A" if r.child_id == kids[0] else r.code, r.version) for r in view.rows]
    second = att.save_marks(ctx, day, None, marks, note="下大雨")
    assert (second.added, second.changed, second.unchanged) == (0, 1, 4)
    assert second.versions[kids[0]] == 2 and second.versions[kids[1]] == 1

    with ctx.db.read() as s:
        rows = {m.child_id: m for m in s.scalars(select(AttendanceMark))}
        register = s.scalars(select(AttendanceRegister)).one()
    assert rows[kids[0]].code == "A" and rows[kids[0]].version == 2
    assert all(rows[k].version == 1 for k in kids[1:])  # unchanged marks were not rewritten
    assert register.note == "下大雨"

    entries = audit_rows(ctx, "attendance_register")
    assert [e.action for e in entries] == ["create", "update"]  # one per save, not per child
    changes = json.loads(entries[1].changes)
    assert changes["changed"] == [None, 1] and changes[f"child#{kids[0]}"] == ["P", "A"]
    assert "出勤 4 缺勤 1" in entries[1].summary

    nothing = att.save_marks(
        ctx, day, None, [MarkInput(r.child_id, r.code, r.version) for r in att.open_register(ctx, day).rows]
    )
    assert nothing.saved == 0 and nothing.message == "没有需要保存的改动。"
    assert len(audit_rows(ctx, "attendance_register")) == 2


def test_two_people_on_one_register_never_overwrite_each_other(ctx: AppContext, data_dir: DataDir) -> None:
    day = D(2026, 11, 20)
    a, b, c = (add_child(ctx, n) for n in ("王子涵", "李明", "覃小燕"))
    att.save_marks(ctx, day, None, [MarkInput(k, "P") for k in (a, b, c)])
    staff_a = add_user(ctx, "a", "staff", "社工甲")
    other = open_store(
        data_dir, migrate=False, actor=add_user(ctx, "b", "staff", "社工乙")
    )  # a second connection
    try:
        ctx_a = as_(ctx, staff_a)
        view_a = att.open_register(ctx_a, day)
        view_b = att.open_register(other, day)
        va = {r.child_id: r.version for r in view_a.rows}
        vb = {r.child_id: r.version for r in view_b.rows}

        saved_a = att.save_marks(ctx_a, day, None, [MarkInput(a, "A", va[a])])
        assert saved_a.changed == 1 and saved_a.versions[a] == 2

        # B still holds version 1 of a's mark: a different code for a is refused, B's other changes go through.
        saved_b = att.save_marks(other, day, None, [MarkInput(a, "E", vb[a]), MarkInput(b, "L", vb[b])])
        assert saved_b.changed == 1 and saved_b.codes[b] == "L"
        (conflict,) = saved_b.conflicts
        assert (conflict.child_id, conflict.their_code, conflict.your_code, conflict.version) == (
            a,
            "A",
            "E",
            2,
        )
        assert conflict.marked_by == "社工甲" and conflict.child_name == "王子涵"
        assert saved_b.message == (
            "已保存 1 人的考勤。另有 1 人（王子涵）的考勤刚被社工甲改过，没有覆盖：请看下面的名单，核对后决定用谁的。"
        )
        assert saved_b.versions[a] == 2 and saved_b.codes[a] == "A"

        final = {r.child_id: r.code for r in att.open_register(ctx, day).rows}
        assert final == {a: "A", b: "L", c: "P"}  # A's mark kept

        # The same code with an old version is no conflict: both agree.
        agree = att.save_marks(other, day, None, [MarkInput(a, "A", 1)])
        assert agree.conflicts == () and agree.unchanged == 1
        # Overwriting on purpose: save again with the version the conflict reported.
        forced = att.save_marks(other, day, None, [MarkInput(a, "E", conflict.version)])
        assert forced.changed == 1 and forced.versions[a] == 3
    finally:
        other.close()


def test_a_roll_taken_meanwhile_is_a_conflict_for_someone_starting_from_empty(ctx: AppContext) -> None:
    day = D(2026, 11, 21)
    a, b = add_child(ctx, "王子涵"), add_child(ctx, "李明")
    stale = att.open_register(ctx, day)  # both open the empty register
    att.save_marks(ctx, day, None, [MarkInput(a, "P", 0)])
    result = att.save_marks(ctx, day, None, [MarkInput(a, "A", stale.rows[1].version), MarkInput(b, "A", 0)])
    assert [c.child_id for c in result.conflicts] == [a] and result.added == 1
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(AttendanceRegister)) == 1  # one register per day


def test_a_mark_can_be_removed_and_bad_input_is_refused_whole(ctx: AppContext) -> None:
    day = D(2026, 11, 20)
    a, b = add_child(ctx, "王子涵"), add_child(ctx, "李明")
    gone = add_child(ctx, "转学了", status="left", left_on=D(2026, 11, 1))
    att.save_marks(ctx, day, None, [MarkInput(a, "P"), MarkInput(b, "P")])
    removed = att.save_marks(ctx, day, None, [MarkInput(a, None, 1)])
    assert removed.removed == 1 and removed.versions[a] == 0
    assert {r.child_id: r.code for r in att.open_register(ctx, day).rows} == {a: None, b: "P"}

    for marks, message in (
        ([MarkInput(a, "X")], "^没有保存（2 人的考勤都还没有保存）：王子涵：没有考勤代码“X”"),
        ([MarkInput(99999, "P")], "^没有保存（2 人的考勤都还没有保存）：找不到编号为 99999"),
        ([MarkInput(gone, "P")], "^没有保存（2 人的考勤都还没有保存）：转学了 这一天已不在中心登记，请清除"),
        ([MarkInput(a, "P"), MarkInput(a, "A")], "出现了两次"),
    ):
        with pytest.raises(ValidationError, match=message):
            att.save_marks(ctx, day, None, [MarkInput(b, "A", 1), *marks])
    assert {r.child_id: r.code for r in att.open_register(ctx, day).rows}[b] == "P"  # nothing saved
    with pytest.raises(ValidationError, match="还没到"):
        att.save_marks(ctx, dt.date.today() + dt.timedelta(days=1), None, [MarkInput(a, "P")])


def test_a_save_that_meets_conflicts_says_once_what_was_saved_what_was_not_and_why(ctx: AppContext) -> None:
    day = D(2026, 11, 20)
    kids = [add_child(ctx, f"孩子{n}") for n in range(10)]
    colleague = as_(ctx, add_user(ctx, "lls", "staff", "李老师"))
    seen = att.open_register(ctx, day)  # this desk opens the empty register…
    att.save_marks(colleague, day, None, [MarkInput(k, "A", 0) for k in kids[:3]])  # …the other desk saves 3

    mine = att.save_marks(ctx, day, None, [MarkInput(r.child_id, "P", r.version) for r in seen.rows])
    assert (mine.saved, len(mine.conflicts), mine.unchanged) == (7, 3, 0)
    assert mine.message == (
        "已保存 7 人的考勤。另有 3 人（孩子0、孩子1、孩子2）的考勤刚被李老师改过，没有覆盖："
        "请看下面的名单，核对后决定用谁的。"
    )
    assert "没有需要保存的改动" not in mine.message

    # Everything this desk sends conflicts: nothing saved, and it says so (never "no changes").
    all_theirs = att.save_marks(ctx, day, None, [MarkInput(k, "E", 0) for k in kids[:3]])
    assert (all_theirs.saved, len(all_theirs.conflicts)) == (0, 3)
    assert all_theirs.message == (
        "没有保存：这 3 人（孩子0、孩子1、孩子2）的考勤刚被李老师改过，你的没有覆盖。"
        "请看下面的名单，核对后决定用谁的。"
    )
    # More than three names: the first three and 等; two people's changes: 别人.
    att.save_marks(ctx, day, None, [MarkInput(kids[3], "A", 1)])
    mixed = att.save_marks(ctx, day, None, [MarkInput(k, "L", 0) for k in kids[:4]])
    assert mixed.message.startswith("没有保存：这 4 人（孩子0、孩子1、孩子2等）的考勤刚被别人改过")

    # Someone cleared the mark this desk wanted to change.
    view = att.open_register(ctx, day)
    version = {r.child_id: r.version for r in view.rows}
    att.save_marks(colleague, day, None, [MarkInput(kids[4], None, version[kids[4]])])
    cleared = att.save_marks(ctx, day, None, [MarkInput(kids[4], "L", version[kids[4]])])
    assert cleared.message.startswith(
        "没有保存：这 1 人（孩子4）的考勤刚被别人清除"
    )  # who removed is not stored

    # The other desk saved the same code meanwhile: nothing to write, and not a conflict.
    att.save_marks(colleague, day, None, [MarkInput(kids[5], "E", version[kids[5]])])
    agree = att.save_marks(ctx, day, None, [MarkInput(kids[5], "E", version[kids[5]])])
    assert (agree.saved, agree.agreed, agree.conflicts) == (0, 1, ())
    assert agree.message == "不用保存：你记的 1 人，别人刚保存的和你记的一样。"
    assert att.save_marks(ctx, day, None, []).message == "没有需要保存的改动。"
    assert att.save_marks(ctx, day, None, [], note="下大雨").message == "已保存备注。"


def test_a_save_after_the_session_was_deleted_elsewhere_says_nothing_was_saved(ctx: AppContext) -> None:
    day = D(2026, 11, 20)
    a, b = add_child(ctx, "王子涵"), add_child(ctx, "李明")
    art = add_activity(ctx, "美术课", day)
    att.save_marks(ctx, day, art, [MarkInput(a, "P")])
    with ctx.db.session() as s:  # the other PC deletes the session (its register goes with it)
        s.delete(s.get(Activity, art))
    with pytest.raises(NotFound, match="^没有保存（2 人的考勤都还没有保存）：这次活动刚被删除了"):
        att.save_marks(ctx, day, art, [MarkInput(a, "A", 1), MarkInput(b, "P")])
    moved = add_activity(ctx, "书法课", D(2026, 11, 19))
    with pytest.raises(ValidationError, match="^没有保存：活动“书法课”的日期是 2026年11月19日"):
        att.save_marks(ctx, day, moved, [MarkInput(a, "P")])


def test_register_stamp_says_when_and_by_whom_the_register_was_last_saved(ctx: AppContext) -> None:
    from sqlalchemy import event

    day = D(2026, 11, 20)
    a, b = add_child(ctx, "王子涵"), add_child(ctx, "李明")
    me = as_(ctx, add_user(ctx, "wsg", "staff", "王社工"))
    colleague = as_(ctx, add_user(ctx, "lls", "staff", "李老师"))
    assert att.register_stamp(me, day) == att.RegisterStamp(None, None, "", None)

    att.save_marks(me, day, None, [MarkInput(a, "P")])
    view = att.open_register(me, day)
    stamp = att.register_stamp(me, day)
    assert stamp.register_id == view.register_id and stamp.saved_by == "王社工"
    assert stamp.saved_at is not None and stamp.saved_at == view.saved_at  # what a page compares
    assert stamp.saved_by_id == me.actor.user_id

    att.save_marks(colleague, day, None, [MarkInput(b, "A")])
    later = att.register_stamp(me, day)
    assert later.saved_by == "李老师" and later.saved_at is not None and later.saved_at > stamp.saved_at
    att.save_marks(colleague, day, None, [MarkInput(b, None, 1)])  # a removal stamps no mark: who is unknown
    removed = att.register_stamp(me, day)
    assert removed.saved_by == "" and removed.saved_by_id is None
    assert removed.saved_at is not None and removed.saved_at > later.saved_at
    assert att.register_stamp(me, day, add_activity(ctx, "美术课", day)).saved_at is None  # another register

    # Polled every few seconds: one indexed query.
    statements: list[tuple[str, object]] = []

    def count(_conn: object, _cursor: object, statement: str, parameters: object, *_args: object) -> None:
        if statement != "BEGIN":
            statements.append((statement, parameters))

    engine = ctx.db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        att.register_stamp(me, day)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len(statements) == 1
    ((statement, parameters),) = statements
    with ctx.db.read() as s:
        plan = s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
    steps = " / ".join(str(step[-1]) for step in plan)
    assert "INDEX" in steps and "SCAN attendance_register" not in steps, steps
    assert "SCAN attendance_mark" not in steps, steps


def test_register_stamp_is_refused_like_the_register(ctx: AppContext) -> None:
    day = D(2026, 11, 20)
    mine, theirs = add_volunteer(ctx, "张老师"), add_volunteer(ctx, "刘老师")
    teacher = as_(ctx, add_user(ctx, "zhang", "teacher", "张老师", volunteer_id=mine))
    own = add_activity(ctx, "绘本阅读", day, [mine])
    other = add_activity(ctx, "篮球", day, [theirs])
    kid = add_child(ctx, "王子涵")
    att.save_marks(teacher, day, own, [MarkInput(kid, "P")])
    assert att.register_stamp(teacher, day, own).saved_by == "张老师"
    for activity_id in (other, None):
        with pytest.raises(PermissionDenied):
            att.register_stamp(teacher, day, activity_id)
    with pytest.raises(PermissionDenied):
        att.register_stamp(as_(ctx, LIBRARIAN), day)


def test_a_save_lists_who_is_absent_with_the_primary_guardians_phone(ctx: AppContext) -> None:
    day = D(2026, 11, 20)
    a = add_child(
        ctx, "王子涵", guardians=[("王秀英", "奶奶", "13800000001"), ("王建国", "爷爷", "13800000002")]
    )
    b = add_child(ctx, "欧阳诗琪", "一年级1班", grade=1, guardians=[("欧阳华", "外公", "13800000003")])
    c = add_child(ctx, "李明")  # no guardian on file
    here, excused, late = (add_child(ctx, n) for n in ("覃小燕", "黄浩然", "韦康"))
    with ctx.db.session() as s:  # the primary guardian need not be the first one listed
        s.add(Guardian(child_id=c, name="李大伯", relation="伯父", phone="13800000009", is_primary=False))
        s.add(Guardian(child_id=c, name="张桂兰", relation="外婆", phone="13800000004", is_primary=True))
    staff = as_(ctx, STAFF)
    result = att.save_marks(
        staff,
        day,
        None,
        [
            MarkInput(a, "A"),
            MarkInput(b, "A"),
            MarkInput(c, "A"),
            MarkInput(here, "P"),
            MarkInput(excused, "E"),
            MarkInput(late, "L"),
        ],
    )
    assert [(x.name, x.class_name, x.label, x.guardian, x.relation, x.phone) for x in result.absent] == [
        ("欧阳诗琪", "一年级1班", "缺勤", "欧阳华", "外公", "13800000003"),  # register order: grade first
        ("李明", "三年级1班", "缺勤", "张桂兰", "外婆", "13800000004"),
        ("王子涵", "三年级1班", "缺勤", "王秀英", "奶奶", "13800000001"),
    ]
    # It is the register as stored: the next save (by anyone) lists marks saved earlier too.
    again = att.save_marks(staff, day, None, [MarkInput(here, "A", 1)])
    assert [x.name for x in again.absent] == ["欧阳诗琪", "李明", "覃小燕", "王子涵"]
    assert again.absent[2].guardian == "" and again.absent[2].phone == ""  # no guardian on file

    # A teacher (no right to family details or phones) sees the names only.
    volunteer = add_volunteer(ctx, "张老师")
    teacher = as_(ctx, add_user(ctx, "zhang", "teacher", "张老师", volunteer_id=volunteer))
    art = add_activity(ctx, "美术课", day, [volunteer])
    session = att.save_marks(teacher, day, art, [MarkInput(a, "A"), MarkInput(b, "P")])
    assert [(x.name, x.guardian, x.relation, x.phone) for x in session.absent] == [("王子涵", "", "", "")]


def test_fill_unmarked_uses_the_default_code_for_children_not_yet_marked(ctx: AppContext) -> None:
    day = D(2026, 11, 20)
    a, b, c = (add_child(ctx, n) for n in ("王子涵", "李明", "覃小燕"))
    att.save_marks(ctx, day, None, [MarkInput(b, "A")])
    fill = att.fill_unmarked(att.open_register(ctx, day))
    assert sorted(fill, key=lambda m: m.child_id) == [MarkInput(a, "P", 0), MarkInput(c, "P", 0)]
    att.save_marks(ctx, day, None, fill)
    assert {r.child_id: r.code for r in att.open_register(ctx, day).rows} == {a: "P", b: "A", c: "P"}


def test_teacher_takes_the_roll_of_their_own_session_only(ctx: AppContext) -> None:
    day = D(2026, 11, 20)
    mine, theirs = add_volunteer(ctx, "张老师"), add_volunteer(ctx, "刘老师")
    teacher = add_user(ctx, "zhang", "teacher", "张老师", volunteer_id=mine)
    own = add_activity(ctx, "绘本阅读", day, [mine])
    other = add_activity(ctx, "篮球", day, [theirs])
    kid = add_child(ctx, "王子涵")
    t = as_(ctx, teacher)

    view = att.open_register(t, day, own)
    assert view.may_edit and view.activity_title == "绘本阅读" and view.scope == "all"
    assert att.save_marks(t, day, own, [MarkInput(kid, "P")]).added == 1
    assert att.open_register(t, day, own).rows[0].code == "P"

    for activity_id in (other, None):  # another's session, and the day register (it belongs to nobody)
        with pytest.raises(PermissionDenied, match="只能为自己负责的课程点名"):
            att.save_marks(t, day, activity_id, [MarkInput(kid, "P")])
        with pytest.raises(PermissionDenied):
            att.open_register(t, day, activity_id)
    unlinked = as_(ctx, Actor("guest", "teacher"))  # an account with no volunteer record owns nothing
    with pytest.raises(PermissionDenied):
        att.save_marks(unlinked, day, own, [MarkInput(kid, "A", 1)])
    # Staff may read and correct any register; the librarian none.
    assert att.open_register(as_(ctx, STAFF), day, other).may_edit
    with pytest.raises(PermissionDenied):
        att.open_register(as_(ctx, LIBRARIAN), day)
    with pytest.raises(ValidationError, match="活动“绘本阅读”的日期是"):
        att.open_register(ctx, D(2026, 11, 21), own)


def test_a_teacher_account_linked_by_the_administrator_owns_its_volunteers_sessions(ctx: AppContext) -> None:
    """The accounts tab's edit form links a teacher's account to a volunteer (``accounts.update_user``); signing in
    again, the teacher takes the roll of the sessions that volunteer leads."""
    day = D(2026, 11, 20)
    mine = add_volunteer(ctx, "张老师")
    own = add_activity(ctx, "绘本阅读", day, [mine])
    add_child(ctx, "王子涵")
    user = accounts.create_user(ctx, "zhang", "张老师", "teacher", "jiaoshu-77")
    with pytest.raises(PermissionDenied):
        att.open_register(as_(ctx, accounts.sign_in_as(ctx, "zhang")), day, own)  # not linked: owns nothing
    accounts.update_user(ctx, user.id, volunteer_id=mine)
    teacher = accounts.sign_in_as(ctx, "zhang")
    assert teacher.volunteer_id == mine
    assert att.open_register(as_(ctx, teacher), day, own).may_edit


def test_a_centre_that_records_no_lateness(ctx: AppContext) -> None:
    """The codes tab removes the late code (or unticks it): the centre then records no lateness."""
    codes = att.get_codes(ctx)
    saved = att.save_codes(
        ctx, CodeConfig(tuple(c for c in codes.codes if c.code != "L"), default_code="P", late_code="")
    )
    assert saved.late_code == "" and saved.get("L") is None
    assert att.get_codes(ctx) == saved
    assert "迟到 -" in audit_rows(ctx, "attendance_code")[-1].changes


def test_a_recurring_session_lists_its_regulars(ctx: AppContext) -> None:
    with ctx.db.session() as s:
        table = Timetable(name="秋季", starts_on=D(2026, 9, 1), ends_on=D(2027, 1, 20))
        s.add(table)
        s.flush()
        slot = TimetableSlot(
            timetable_id=table.id, weekday=5, start_time=dt.time(16), end_time=dt.time(17), course="书法"
        )
        s.add(slot)
        s.flush()
        slot_id = slot.id
    kids = [add_child(ctx, n) for n in ("王子涵", "李明", "覃小燕", "陆小凤")]
    first = add_activity(ctx, "书法", D(2026, 11, 13), slot_id=slot_id)
    assert att.open_register(ctx, D(2026, 11, 13), first).scope == "all"
    att.save_marks(ctx, D(2026, 11, 13), first, [MarkInput(kids[0], "P"), MarkInput(kids[1], "A")])
    second = add_activity(ctx, "书法", D(2026, 11, 20), slot_id=slot_id)
    view = att.open_register(ctx, D(2026, 11, 20), second)
    assert view.scope == "regulars" and [r.child_id for r in view.rows] == [kids[0]]  # present last time
    att.save_marks(ctx, D(2026, 11, 20), second, [MarkInput(kids[3], "P")])  # anyone may be added
    assert {r.child_id for r in att.open_register(ctx, D(2026, 11, 20), second).rows} == {kids[0], kids[3]}


# --- check-in and check-out ---------------------------------------------------------------------------------


def test_check_in_by_card(ctx: AppContext) -> None:
    day = D(2026, 11, 20)
    kid = add_child(ctx, "王子涵", card="C00012")
    result = att.check_in(ctx, " c00012 ", now=dt.datetime(2026, 11, 20, 15, 40))
    assert (result.code, result.late, result.already) == ("P", False, False)
    assert result.message == "王子涵 签到 15:40。" and result.check_in_at == dt.datetime(2026, 11, 20, 15, 40)
    again = att.check_in(ctx, "C00012", now=dt.datetime(2026, 11, 20, 15, 45))
    assert again.already and "已经签到过了（15:40）" in again.message
    row = att.open_register(ctx, day).rows[0]
    assert (row.child_id, row.code, row.version, row.check_in_at) == (
        kid,
        "P",
        1,
        dt.datetime(2026, 11, 20, 15, 40),
    )

    with pytest.raises(NotFound, match="没有找到借书证“X999”"):
        att.check_in(ctx, "X999", now=dt.datetime(2026, 11, 20, 15, 40))
    add_child(ctx, "转学了", card="C00099", status="left", left_on=D(2026, 11, 1))
    with pytest.raises(DomainError, match="转学了 已不在中心登记"):
        att.check_in(ctx, "C00099", now=dt.datetime(2026, 11, 20, 15, 40))
    with pytest.raises(PermissionDenied):
        att.check_in(as_(ctx, Actor("t", "teacher", volunteer_id=1)), "C00012")
    assert len(audit_rows(ctx, "attendance_mark")) == 1


def test_check_in_after_the_late_time_or_after_being_marked_absent_is_late(ctx: AppContext) -> None:
    day = D(2026, 11, 20)
    early, late, absent = (
        add_child(ctx, n, card=f"C{i}") for i, n in enumerate(("王子涵", "李明", "覃小燕"))
    )
    att.save_attendance_settings(ctx, att.AttendanceSettings(late_after="15:30"))
    att.save_marks(ctx, day, None, [MarkInput(absent, "A")])
    view = att.open_register(ctx, day)  # a roll call page left open

    assert att.check_in(ctx, "C0", now=dt.datetime(2026, 11, 20, 15, 30)).code == "P"
    assert att.check_in(ctx, "C1", now=dt.datetime(2026, 11, 20, 15, 31)).late
    came = att.check_in(ctx, absent, now=dt.datetime(2026, 11, 20, 15, 10))
    assert came.code == "L" and came.message == "覃小燕 签到 15:10（迟到）。"

    rows = {r.child_id: r for r in att.open_register(ctx, day).rows}
    assert (rows[early].code, rows[late].code, rows[absent].code) == ("P", "L", "L")
    assert rows[absent].version == 2  # the code changed: a page still showing "absent" gets a conflict
    stale = {r.child_id: r.version for r in view.rows}
    result = att.save_marks(ctx, day, None, [MarkInput(absent, "E", stale[absent])])
    assert [c.their_code for c in result.conflicts] == ["L"]


def test_check_out_records_who_and_warns_about_an_unauthorised_name(ctx: AppContext) -> None:
    day = D(2026, 11, 20)
    kid = add_child(
        ctx, "王子涵", guardians=[("王建国", "祖父", "13800000001")], pickups=[("李秀英", "祖母")]
    )
    att.check_in(ctx, kid, now=dt.datetime(2026, 11, 20, 15, 40))

    ok = att.check_out(ctx, kid, "李秀英（祖母）", now=dt.datetime(2026, 11, 20, 18, 5))
    assert (
        ok.authorised is True and ok.warning == "" and ok.message == "王子涵 已签退 18:05（由 李秀英 接走）。"
    )

    odd = att.check_out(ctx, kid, " 王奶奶 ", now=dt.datetime(2026, 11, 20, 18, 10))
    assert odd.authorised is False and odd.warning == "王奶奶 不在授权接送名单中，请核实身份"
    assert "注意：王奶奶 不在授权接送名单中，请核实身份" in odd.message
    row = att.open_register(ctx, day).rows[0]
    assert (row.picked_up_by, row.pickup_authorised) == ("王奶奶", False)
    assert row.check_out_at == dt.datetime(2026, 11, 20, 18, 10) and odd.warning in row.note
    assert odd.warning in audit_rows(ctx, "attendance_mark")[-1].summary

    alone = att.check_out(ctx, add_child(ctx, "李明", grade=5), "", now=dt.datetime(2026, 11, 20, 18, 0))
    assert alone.authorised is None and "自行回家" in alone.message
    # Leaving without having checked in: they were here, so the mark says present.
    assert {r.name: r.code for r in att.open_register(ctx, day).rows}["李明"] == "P"
    assert att.open_register(as_(ctx, STAFF), day).rows[0].picked_up_by == "王奶奶"


def test_authorised_pickups_follow_permissions(ctx: AppContext) -> None:
    kid = add_child(
        ctx,
        "王子涵",
        guardians=[("王建国", "祖父", "13800000001"), ("李秀英", "祖母", "13800000002")],
        pickups=[("李秀英", "祖母"), ("王小红", "姑姑")],
    )
    names = att.authorised_pickups(as_(ctx, STAFF), kid)
    assert [(p.name, p.relation, p.kind) for p in names] == [
        ("王建国", "祖父", "guardian"),
        ("李秀英", "祖母", "guardian"),
        ("王小红", "姑姑", "pickup"),
    ]
    assert names[0].phone == "13800000001"
    for role in ("teacher", "librarian"):
        with pytest.raises(PermissionDenied):
            att.authorised_pickups(as_(ctx, Actor("x", role)), kid)
    with pytest.raises(NotFound):
        att.authorised_pickups(ctx, 4242)


# --- the monthly register and reminders ---------------------------------------------------------------------


def _small_month(ctx: AppContext) -> tuple[int, int, int]:
    """November 2026 (Sundays 1, 8, 15, 22, 29 closed; 11 Nov a closed day), rolls taken on five days."""
    with ctx.db.session() as s:
        s.add(ClosedDay(day=D(2026, 11, 11), reason="停电"))
    a = add_child(ctx, "王子涵", "三年级1班")
    b = add_child(ctx, "李明", "三年级1班")
    c = add_child(ctx, "覃小燕", "一年级1班", grade=1)
    add_child(ctx, "新来的", "一年级1班", grade=1, enrolled_on=D(2026, 12, 1))  # not in November
    rolls = {
        D(2026, 11, 2): {a: "P", b: "A", c: "P"},
        D(2026, 11, 3): {a: "L", b: "A", c: "E"},
        D(2026, 11, 4): {a: "P", b: "P", c: "A"},
        D(2026, 11, 5): {a: "E", b: "P"},  # c not marked
        D(2026, 11, 15): {a: "P", b: "P", c: "P"},  # a Sunday event day
    }
    for day, codes in rolls.items():
        att.save_marks(ctx, day, None, [MarkInput(k, v) for k, v in codes.items()])
    return a, b, c


def test_monthly_register_totals_by_hand(ctx: AppContext) -> None:
    a, b, c = _small_month(ctx)
    session = add_activity(ctx, "绘本", D(2026, 11, 6))
    att.save_marks(ctx, D(2026, 11, 6), session, [MarkInput(b, "P")])  # sessions are not the day register

    reg = att.monthly_register(ctx, 2026, 11)
    # 30 days − 5 Sundays − 11 Nov + the Sunday event day 15 Nov = 25 columns
    assert len(reg.days) == 25 and D(2026, 11, 11) not in [d.day for d in reg.days]
    event = next(d for d in reg.days if d.day == D(2026, 11, 15))
    assert event.taken and not event.is_open
    assert reg.title == "2026年11月 考勤表"
    assert [r.name for r in reg.rows] == ["覃小燕", "李明", "王子涵"]
    rows = {r.child_id: r for r in reg.rows}
    col = {d.day: i for i, d in enumerate(reg.days)}
    assert rows[a].cells[col[D(2026, 11, 3)]] == "L" and rows[c].cells[col[D(2026, 11, 5)]] is None
    assert rows[b].cells[col[D(2026, 11, 6)]] is None  # the session mark is not a day mark

    # by hand: a = P L P E P → present 4 (late 1), absent 0, excused 1, rate 100 %
    #          b = A A P P P → present 3, absent 2, rate 60 %
    #          c = P E A – P → present 2, absent 1, excused 1, rate 2/3
    assert [
        (r.tally.present, r.tally.absent, r.tally.late, r.tally.excused) for r in (rows[a], rows[b], rows[c])
    ] == [
        (4, 0, 1, 1),
        (3, 2, 0, 0),
        (2, 1, 0, 1),
    ]
    assert (rows[a].rate, rows[b].rate, rows[c].rate) == (1.0, 0.6, 2 / 3)
    by_day = {d.day: d for d in reg.days}
    assert (by_day[D(2026, 11, 3)].tally.present, by_day[D(2026, 11, 3)].tally.absent) == (1, 1)
    assert by_day[D(2026, 11, 5)].tally.marked == 2 and by_day[D(2026, 11, 5)].expected == 3
    assert not by_day[D(2026, 11, 6)].taken and by_day[D(2026, 11, 6)].tally.marked == 0
    assert (reg.total.present, reg.total.absent, reg.total.excused, reg.total.late) == (9, 3, 2, 1)
    assert reg.rate == 9 / 12

    one_class = att.monthly_register(ctx, 2026, 11, class_name="三年级1班")
    assert [r.name for r in one_class.rows] == [
        "李明",
        "王子涵",
    ] and one_class.title == "2026年11月 考勤表（三年级1班）"
    assert one_class.total.present == 7
    with pytest.raises(PermissionDenied):
        att.monthly_register(as_(ctx, LIBRARIAN), 2026, 11)


def test_monthly_register_exports_to_excel_and_is_audited(ctx: AppContext, tmp_path: Path) -> None:
    _small_month(ctx)
    reg = att.monthly_register(ctx, 2026, 11)
    path = att.export_monthly_register_xlsx(ctx, reg, tmp_path / "考勤.xlsx")
    sheet = load_workbook(path).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][0] == reg.title  # a title row, then the header
    # Prints right from Excel/WPS: A4 landscape, every column on the page's width, title and header on every page.
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == ("landscape", 9, 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.print_title_rows == "$1:$2"
    assert sheet.freeze_panes == "A3"
    values = values[1:]
    assert values[0][:4] == ["姓名", "班级", "2日(一)", "3日(二)"] and values[0][-5:] == [
        "出勤",
        "缺勤",
        "迟到",
        "请假",
        "出勤率(%)",
    ]
    wang = next(v for v in values if v[0] == "王子涵")
    assert wang[2:6] == ["√", "迟", "√", "假"] and wang[-5:] == [4, 0, 1, 1, 100]
    li = next(v for v in values if v[0] == "李明")
    assert li[-5:] == [3, 2, 0, 0, 60]
    totals = next(v for v in values if v[0] == "出勤人次")
    assert totals[2] == 2 and totals[-5] == 9
    assert next(v for v in values if v[0] == "出勤率(%)")[-1] == 75
    (entry,) = [e for e in audit_rows(ctx, "child") if e.action == "export"]
    assert "2026年11月 考勤表" in entry.summary and "3 名儿童" in entry.summary
    with pytest.raises(ValidationError):
        att.export_monthly_register_xlsx(ctx, reg, tmp_path / "考勤.csv")


def test_not_taken_days_and_the_overview_summary(ctx: AppContext) -> None:
    a, b, c = _small_month(ctx)
    missing = att.not_taken_days(ctx, D(2026, 11, 1), D(2026, 11, 10))
    # open days 2–7, 9, 10; rolls on 2–5
    assert missing == [D(2026, 11, 6), D(2026, 11, 7), D(2026, 11, 9), D(2026, 11, 10)]
    assert att.not_taken_days(ctx, D(2026, 11, 10), D(2026, 11, 9)) == []
    assert att.not_taken_days(as_(ctx, LIBRARIAN), D(2026, 11, 11), D(2026, 11, 12)) == [
        D(2026, 11, 12)
    ]  # reports 读

    summary = att.last_open_days_summary(ctx, n=5, today=D(2026, 11, 6))
    assert summary == [
        att.DaySummary(D(2026, 11, 2), 2, 3),
        att.DaySummary(D(2026, 11, 3), 1, 3),  # late counts as present
        att.DaySummary(D(2026, 11, 4), 2, 3),
        att.DaySummary(D(2026, 11, 5), 1, 3),
        att.DaySummary(D(2026, 11, 6), None, 3),  # no roll taken: a gap in the chart, not zero
    ]
    assert att.last_open_days_summary(ctx, n=2, today=D(2026, 11, 2))[0].day == D(2026, 10, 31)
    with pytest.raises(PermissionDenied):
        att.last_open_days_summary(as_(ctx, Actor("t", "teacher")))
