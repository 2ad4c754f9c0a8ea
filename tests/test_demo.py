"""The demo centre generator: what it writes at scale 1, that the history is consistent, that it is
deterministic, and that it never writes into a store holding real data.

One scale-1 centre is filled per module (about two seconds) and read by most tests; tests that need their own
store use the ``ctx`` fixture. Scale 25 is a benchmark (bench/), not a test.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from stdnum import isbn as stdnum_isbn

from center_app.config import DataDir
from center_app.context import AppContext, open_store
from center_app.db import models as m
from center_app.demo import CENTRE_NAME, DemoSummary, fill_demo
from center_app.domain.books import match_key
from center_app.domain.errors import DomainError
from center_app.services import accounts, settings

TODAY = dt.date(2026, 11, 29)  # a Sunday; the 90 days before it include the 国庆节 week


class Filled:
    def __init__(self, ctx: AppContext, summary: DemoSummary, progress: list[tuple[int, str]]) -> None:
        self.ctx, self.summary, self.progress = ctx, summary, progress

    def scalar(self, stmt):
        with self.ctx.db.read() as s:
            return s.scalar(stmt)

    def rows(self, stmt) -> list:
        with self.ctx.db.read() as s:
            return list(s.execute(stmt).all())

    def count(self, model: type[m.Base], *where) -> int:
        return int(self.scalar(select(func.count()).select_from(model).where(*where)) or 0)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Filled]:
    ctx = open_store(DataDir(tmp_path_factory.mktemp("demo")))
    progress: list[tuple[int, str]] = []
    summary = fill_demo(ctx, today=TODAY, progress=lambda p, msg: progress.append((p, msg)))
    yield Filled(ctx, summary, progress)
    ctx.close()


def _table_counts(ctx: AppContext) -> dict[str, int]:
    with ctx.db.read() as s:
        return {t.name: s.scalar(select(func.count()).select_from(t)) for t in m.Base.metadata.sorted_tables}


# --- what scale 1 writes ------------------------------------------------------------------------------------


def test_scale_1_meets_the_minimums(demo: Filled) -> None:
    s = demo.summary
    assert s.titles == 1500
    assert s.copies >= 4000
    assert s.children == 120
    assert s.equipment_items >= 200
    assert s.volunteers == 12
    assert s.activities >= 300
    assert s.attendance_marks >= 8000
    assert 1800 <= s.loans <= 2600
    # The summary reports what is really in the database.
    assert demo.count(m.BookTitle) == s.titles
    assert demo.count(m.BookCopy) == s.copies
    assert demo.count(m.Child) == s.children
    assert demo.count(m.EquipmentItem) == s.equipment_items
    assert demo.count(m.Volunteer) == s.volunteers
    assert demo.count(m.Activity) == s.activities
    assert demo.count(m.AttendanceMark) == s.attendance_marks
    assert demo.count(m.Loan) == s.loans


def test_centre_donors_rooms_and_timetables(demo: Filled) -> None:
    centre = demo.rows(select(m.Centre.name, m.Centre.address, m.Centre.phone))
    assert centre == [(CENTRE_NAME, "广西壮族自治区贺州市钟山县古楼村", centre[0][2])] and centre[0][2]
    assert 8 <= demo.count(m.Donor) <= 12
    assert demo.count(m.DonationBatch) >= 8
    assert {name for (name,) in demo.rows(select(m.Room.name))} >= {"阅览室", "活动室", "操场", "美术室"}
    timetables = demo.rows(select(m.Timetable.kind, m.Timetable.starts_on, m.Timetable.ends_on))
    summer = [t for t in timetables if t.kind == "summer"]
    weekly = [t for t in timetables if t.kind == "weekly"]
    assert (
        len(summer) == 1
        and summer[0].starts_on.month == 7
        and (summer[0].ends_on - summer[0].starts_on).days >= 25
    )
    assert weekly and weekly[-1].starts_on <= TODAY <= weekly[-1].ends_on
    assert demo.count(m.ClosedDay, m.ClosedDay.reason == "国庆节") >= 7


def test_loans_open_and_overdue(demo: Filled) -> None:
    open_loans = demo.count(m.Loan, m.Loan.returned_at.is_(None))
    overdue = demo.count(m.Loan, m.Loan.returned_at.is_(None), m.Loan.due_on < TODAY)
    assert 120 <= open_loans <= 170
    assert 10 <= overdue <= 30
    assert demo.count(m.Loan, m.Loan.returned_at.is_not(None)) >= 1700


def test_children_profiles(demo: Filled) -> None:
    children = demo.rows(select(m.Child))
    kids = [c for (c,) in children]
    active = [k for k in kids if k.status == "active"]
    assert 110 <= len(active) < 120 and all(k.left_on for k in kids if k.status == "left")
    assert all(re.fullmatch(r"C\d{5}", k.card_barcode) for k in kids)
    assert all(k.name_pinyin and k.name_initials for k in kids)
    assert {k.gender for k in kids} == {"male", "female"}
    share = {
        t: sum(k.left_behind_type == t for k in kids) / len(kids)
        for t in ("both", "father", "mother", "none")
    }
    assert 0.3 < share["both"] < 0.6 and share["none"] > 0.08 and share["mother"] > 0.03
    for k in kids:
        assert k.grade is not None and 0 <= k.grade <= 9
        assert k.enrolled_on is not None and k.enrolled_on < TODAY
        if k.left_behind_type in ("both", "father"):
            assert k.father_work_city and re.fullmatch(r"1[358]\d{9}", k.father_phone)
        if k.left_behind_type in ("both", "mother"):
            assert k.mother_work_city and re.fullmatch(r"1[358]\d{9}", k.mother_phone)
        # Age matches the grade: a grade-g child turned 5+g or 6+g (a late starter) in the school year.
        age = 2026 - k.birth_date.year - (k.birth_date >= dt.date(k.birth_date.year, 9, 1))
        if k.status == "active":
            assert 5 + k.grade <= age <= 6 + k.grade, (k.name, k.birth_date, k.grade)
    guardians = defaultdict(int)
    for (child_id,) in demo.rows(select(m.Guardian.child_id)):
        guardians[child_id] += 1
    pickups = defaultdict(int)
    for (child_id,) in demo.rows(select(m.PickupPerson.child_id)):
        pickups[child_id] += 1
    assert all(1 <= guardians[k.id] <= 2 and 1 <= pickups[k.id] <= 3 for k in kids)
    grandparents = demo.rows(
        select(m.Guardian.age).where(m.Guardian.relation.in_(("祖父", "祖母", "外祖父", "外祖母")))
    )
    assert grandparents and all(55 <= age <= 78 for (age,) in grandparents)


def test_volunteers_and_equipment(demo: Filled) -> None:
    kinds = dict(demo.rows(select(m.Volunteer.kind, func.count()).group_by(m.Volunteer.kind)))
    assert kinds.keys() == {"local", "social_work", "student"}
    assert (
        demo.count(
            m.Volunteer,
            m.Volunteer.organisation.in_(
                ("广西师范大学", "贺州学院", "广西民族大学", "南宁师范大学", "玉林师范学院")
            ),
        )
        == kinds["student"]
    )
    categories = {c for (c,) in demo.rows(select(m.EquipmentItem.category).distinct())}
    assert categories == {"sports", "music", "art", "games", "electronics", "other"}
    assert demo.count(m.EquipmentItem, m.EquipmentItem.tracking == "individual") >= 5
    assert demo.count(m.EquipmentItem, m.EquipmentItem.consumable.is_(True)) >= 10
    units = [b for (b,) in demo.rows(select(m.EquipmentUnit.barcode))]
    assert units and all(re.fullmatch(r"E\d{6}", b) for b in units)
    assert demo.count(m.EquipmentLoan, m.EquipmentLoan.borrower_kind == "class") >= 5
    assert demo.count(m.EquipmentIncident, m.EquipmentIncident.kind.in_(("damaged", "lost"))) >= 3
    assert demo.count(m.ServiceHours, m.ServiceHours.status == "approved") > 0
    assert demo.count(m.ServiceHours, m.ServiceHours.status == "pending") > 0
    assert demo.count(m.FollowUp) >= 2


def test_progress_is_reported_up_to_100(demo: Filled) -> None:
    percents = [p for p, _ in demo.progress]
    assert percents[0] == 0 and percents[-1] == 100
    assert percents == sorted(percents)
    assert all(msg for _, msg in demo.progress)


# --- the catalogue ------------------------------------------------------------------------------------------


def test_isbns_are_valid_china_isbn13_unique_per_title(demo: Filled) -> None:
    isbns = [i for (i,) in demo.rows(select(m.BookTitle.isbn13))]
    present = [i for i in isbns if i is not None]
    assert all(len(i) == 13 and i.startswith("9787") and stdnum_isbn.is_valid(i) for i in present)
    assert len(set(present)) == len(present)
    missing = (len(isbns) - len(present)) / len(isbns)
    assert 0.08 <= missing <= 0.22  # ~15 % of donated books come without an ISBN
    assert "9787020002207" in present  # 西游记 scans as the real book


def test_titles_are_catalogued_consistently(demo: Filled) -> None:
    titles = demo.rows(select(m.BookTitle))
    names = {t.title for (t,) in titles}
    assert {"西游记", "水浒传", "草房子", "小王子", "夏洛的网", "城南旧事", "十万个为什么·动物卷"} <= names
    for (t,) in titles:
        assert t.call_number.startswith(t.clc_class + "/") and t.call_number.split("/")[1].isdigit()
        assert t.grade_band in ("1-2", "3-4", "5-6")
        # The catalogue's own duplicate key, so a re-imported demo title is recognised.
        assert t.match_key == match_key(t.title, t.author)
        assert t.title_pinyin and t.title_initials
    assert len({t.match_key for (t,) in titles}) == len(titles)
    clc = [t.clc_class for (t,) in titles]
    assert sum(c.startswith("I287") for c in clc) / len(clc) > 0.5


def test_barcodes_are_unique_and_well_formed(demo: Filled) -> None:
    barcodes = [b for (b,) in demo.rows(select(m.BookCopy.barcode))]
    assert len(set(barcodes)) == len(barcodes)
    assert all(re.fullmatch(r"T\d{7}", b) for b in barcodes)
    statuses = dict(demo.rows(select(m.BookCopy.status, func.count()).group_by(m.BookCopy.status)))
    assert statuses["available"] > 0.9 * len(barcodes)
    assert all(statuses.get(s, 0) > 0 for s in ("lost", "damaged", "withdrawn", "on_loan"))
    assert demo.count(m.BookCopy, m.BookCopy.batch_id.is_(None)) == 0
    per_title = demo.rows(select(func.count()).select_from(m.BookCopy).group_by(m.BookCopy.title_id))
    assert all(1 <= n <= 6 for (n,) in per_title)


# --- consistency of the history -----------------------------------------------------------------------------


def test_copy_status_on_loan_exactly_when_open_loan(demo: Filled) -> None:
    open_copy_ids = [c for (c,) in demo.rows(select(m.Loan.copy_id).where(m.Loan.returned_at.is_(None)))]
    assert len(open_copy_ids) == len(set(open_copy_ids))  # at most one open loan per copy
    on_loan = {c for (c,) in demo.rows(select(m.BookCopy.id).where(m.BookCopy.status == "on_loan"))}
    assert on_loan == set(open_copy_ids)


def test_loan_history_is_consistent(demo: Filled) -> None:
    loans = demo.rows(
        select(m.Loan.copy_id, m.Loan.child_id, m.Loan.loaned_at, m.Loan.returned_at, m.Loan.due_on)
    )
    now = dt.datetime.combine(TODAY, dt.time()) - dt.timedelta(hours=8)  # midnight China time, in UTC
    by_copy = defaultdict(list)
    for loan in loans:
        assert loan.loaned_at < now and loan.due_on > (loan.loaned_at + dt.timedelta(hours=8)).date()
        assert loan.returned_at is None or loan.loaned_at < loan.returned_at < now
        by_copy[loan.copy_id].append(loan)
    for copy_loans in by_copy.values():  # a copy is never on two loans at once
        copy_loans.sort(key=lambda loan: loan.loaned_at)
        for before, after in zip(copy_loans, copy_loans[1:], strict=False):
            assert before.returned_at is not None and before.returned_at <= after.loaned_at


def test_children_never_exceed_the_loan_limit(demo: Filled) -> None:
    rules = demo.rows(select(m.LoanRule.grade_min, m.LoanRule.grade_max, m.LoanRule.max_books))
    grade = dict(demo.rows(select(m.Child.id, m.Child.grade)))
    events = defaultdict(list)
    for child_id, start, end in demo.rows(select(m.Loan.child_id, m.Loan.loaned_at, m.Loan.returned_at)):
        events[child_id] += [(start, 1), (end or dt.datetime.max, -1)]
    for child_id, evs in events.items():
        limit = next(mx for lo, hi, mx in rules if lo <= grade[child_id] <= hi)
        held = 0
        for _, step in sorted(evs, key=lambda e: (e[0], e[1])):  # a return at the same instant comes first
            held += step
            assert held <= limit


def test_no_volunteer_or_room_is_double_booked(demo: Filled) -> None:
    slots = demo.rows(select(m.TimetableSlot))
    assert len(slots) >= 40
    by_day = defaultdict(list)
    for (slot,) in slots:
        assert slot.volunteer_id is not None and slot.room_id is not None and 1 <= slot.weekday <= 7
        assert slot.start_time < slot.end_time
        by_day[(slot.timetable_id, slot.weekday)].append(slot)
    for day_slots in by_day.values():
        for i, a in enumerate(day_slots):
            for b in day_slots[i + 1 :]:
                if a.start_time < b.end_time and b.start_time < a.end_time:
                    assert a.volunteer_id != b.volunteer_id, (a.course, b.course)
                    assert a.room_id != b.room_id, (a.course, b.course)


def test_attendance_for_open_days_only(demo: Filled) -> None:
    closed = {d for (d,) in demo.rows(select(m.ClosedDay.day))}
    days = [
        d
        for (d,) in demo.rows(
            select(m.AttendanceRegister.on_date).where(m.AttendanceRegister.activity_id.is_(None))
        )
    ]
    assert len(days) == len(set(days)) >= 60
    assert all(d < TODAY and d.isoweekday() != 7 and d not in closed for d in days)
    assert min(days) >= TODAY - dt.timedelta(days=91)
    activity_days = [d for (d,) in demo.rows(select(m.Activity.on_date))]
    assert all(d < TODAY and d.isoweekday() != 7 and d not in closed for d in activity_days)
    assert demo.count(m.AttendanceRegister, m.AttendanceRegister.activity_id.is_not(None)) > 20
    codes = dict(
        demo.rows(
            select(m.AttendanceMark.code, func.count())
            .join(m.AttendanceRegister)
            .where(m.AttendanceRegister.activity_id.is_(None))
            .group_by(m.AttendanceMark.code)
        )
    )
    absent = codes["A"] / sum(codes.values())
    assert 0.04 <= absent <= 0.12 and codes["P"] > 0.8 * sum(codes.values())


def test_some_children_have_stopped_coming(demo: Filled) -> None:
    """The early warning needs children absent on their last 3+ open days."""
    marks = demo.rows(
        select(m.AttendanceMark.child_id, m.AttendanceRegister.on_date, m.AttendanceMark.code)
        .join(m.AttendanceRegister)
        .where(m.AttendanceRegister.activity_id.is_(None))
        .order_by(m.AttendanceRegister.on_date)
    )
    history = defaultdict(list)
    for child_id, _day, code in marks:
        history[child_id].append(code)
    active = {c for (c,) in demo.rows(select(m.Child.id).where(m.Child.status == "active"))}
    stopped = [c for c in active if history[c][-3:] == ["A", "A", "A"]]
    assert 2 <= len(stopped) <= 6


# --- determinism and refusal --------------------------------------------------------------------------------


def _all_rows(ctx: AppContext) -> dict[str, list[tuple]]:
    """Every row of every table except the audit log (which records when the fill really ran)."""
    with ctx.db.read() as s:
        return {
            t.name: [tuple(r) for r in s.execute(select(t).order_by(*t.primary_key.columns))]
            for t in m.Base.metadata.sorted_tables
            if t.name != "audit_log"
        }


def test_same_seed_gives_the_same_centre(demo: Filled, ctx: AppContext) -> None:
    again = fill_demo(ctx, today=TODAY)
    assert again == demo.summary
    first, second = _all_rows(demo.ctx), _all_rows(ctx)
    for table, rows in first.items():
        assert second[table] == rows, table  # timestamps included: nothing depends on the clock


def test_another_seed_gives_another_centre(demo: Filled, tmp_path: Path) -> None:
    other = open_store(DataDir(tmp_path / "other"))
    try:
        fill_demo(other, seed=7, today=TODAY)
        with other.db.read() as s:
            names = list(s.scalars(select(m.Child.name).order_by(m.Child.id)))
    finally:
        other.close()
    assert names != [n for (n,) in demo.rows(select(m.Child.name).order_by(m.Child.id))]


def test_second_fill_is_refused_and_changes_nothing(demo: Filled) -> None:
    before = _table_counts(demo.ctx)
    with pytest.raises(DomainError) as caught:
        fill_demo(demo.ctx, today=TODAY)
    assert "演示数据" in caught.value.message
    assert _table_counts(demo.ctx) == before


def test_a_real_centre_with_only_children_is_refused(ctx: AppContext) -> None:
    with ctx.db.session() as s:
        s.add(m.Child(name="韦小宝", status="active"))
    with pytest.raises(DomainError):
        fill_demo(ctx, today=TODAY)
    counts = _table_counts(ctx)
    assert counts["child"] == 1 and counts["book_title"] == 0 and counts["donor"] == 0


def test_a_demo_folder_set_up_by_the_first_run_wizard_can_be_filled(ctx: AppContext) -> None:
    """Centre info and the demo admin may exist already: the fill takes the centre over and signs its work."""
    settings.save_centre(ctx, settings.CentreInfo(name="儿童之家", phone="0774-1234567"))
    ctx.actor = accounts.ensure_demo_admin(ctx)
    fill_demo(ctx, today=TODAY)
    assert settings.get_centre(ctx).name == CENTRE_NAME
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Centre)) == 1
        loaned_by = set(s.scalars(select(m.Loan.loaned_by).distinct()))
        audit_rows = list(s.scalars(select(m.AuditLog.summary).where(m.AuditLog.entity == "demo")))
    assert loaned_by == {ctx.actor.user_id}
    assert len(audit_rows) == 1 and "演示数据" in audit_rows[0]


@pytest.mark.parametrize("scale", [0, -1, 101])
def test_scale_out_of_range_is_refused(ctx: AppContext, scale: int) -> None:
    with pytest.raises(DomainError):
        fill_demo(ctx, scale=scale, today=TODAY)
    assert _table_counts(ctx)["book_copy"] == 0


@pytest.mark.slow
def test_scale_2_doubles_the_library_and_stretches_the_records(demo: Filled, ctx: AppContext) -> None:
    summary = fill_demo(ctx, scale=2, today=TODAY)
    assert 1.9 <= summary.copies / demo.summary.copies <= 2.1
    assert summary.titles == 2 * demo.summary.titles
    assert summary.children == 240
    assert summary.equipment_items == 400
    with ctx.db.read() as s:
        first = s.scalar(select(func.min(m.AttendanceRegister.on_date)))
        open_copies = s.scalar(
            select(func.count()).select_from(m.BookCopy).where(m.BookCopy.status == "on_loan")
        )
        open_loans = s.scalar(select(func.count()).select_from(m.Loan).where(m.Loan.returned_at.is_(None)))
    assert first <= TODAY - dt.timedelta(days=250)  # scale/2.5 years of records
    assert open_copies == open_loans > 0
