"""The read functions the reports added to the areas that own their figures, on hand-made data whose answers are
worked out by hand: children's facts, follow-ups, a donor's books and equipment, equipment use, the most borrowed
titles up to a date, and a workbook of several sheets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from center_app.context import Actor, AppContext
from center_app.db.models import (
    Activity,
    AttendanceMark,
    AttendanceRegister,
    BookCopy,
    BookTitle,
    Child,
    DonationBatch,
    Donor,
    EquipmentIncident,
    EquipmentItem,
    EquipmentLoan,
    FollowUp,
    Loan,
)
from center_app.domain.errors import PermissionDenied, ValidationError
from center_app.importing.export import Sheet, write_xlsx_sheets
from center_app.services import catalog, children, early_warning, equipment, library_stats

D = dt.date


def at(day: dt.date, hour: int = 12) -> dt.datetime:
    """Local ``hour`` of ``day`` as the naive UTC instant the schema stores (true in any time zone)."""
    return dt.datetime.combine(day, dt.time(hour)).astimezone().astimezone(dt.UTC).replace(tzinfo=None)


@pytest.fixture
def centre(ctx: AppContext) -> dict[str, int]:
    """Two children, a donor with a batch of 3 copies (2 titles) and a box of ropes, another donor's ball; loans,
    an activity with a roll call, equipment loans and incidents, follow-ups — in November 2026 and around it."""
    ids: dict[str, int] = {}
    with ctx.db.session() as s:

        def add(key: str, row: object) -> int:
            s.add(row)
            s.flush()
            ids[key] = row.id  # type: ignore[attr-defined]
            return ids[key]

        add(
            "A", Child(name="王子涵", gender="male", grade=3, class_name="三年级1班", left_behind_type="both")
        )
        add(
            "B",
            Child(
                name="黄小燕", gender="female", grade=1, class_name="一年级1班", enrolled_on=D(2026, 11, 10)
            ),
        )
        add("donor", Donor(name="深圳市春晖公益基金会"))
        add("other", Donor(name="陈建华", kind="person"))
        add(
            "batch",
            DonationBatch(donor_id=ids["donor"], received_on=D(2026, 3, 1), description="图书3册、跳绳"),
        )
        add("batch2", DonationBatch(donor_id=ids["other"], received_on=D(2026, 4, 1)))
        add("T1", BookTitle(title="西游记", title_pinyin="xi you ji"))
        add("T2", BookTitle(title="草房子", title_pinyin="cao fang zi"))
        add("c1", BookCopy(title_id=ids["T1"], barcode="T1", batch_id=ids["batch"]))
        add("c2", BookCopy(title_id=ids["T1"], barcode="T2", batch_id=ids["batch"], status="lost"))
        add("c3", BookCopy(title_id=ids["T2"], barcode="T3", batch_id=ids["batch"]))
        add("c4", BookCopy(title_id=ids["T2"], barcode="T4"))  # not the donor's
        for child, copy, day in [
            ("A", "c1", D(2026, 10, 30)),  # October: outside the period
            ("A", "c1", D(2026, 11, 3)),
            ("B", "c1", D(2026, 11, 20)),
            ("B", "c3", D(2026, 11, 21)),
            ("A", "c4", D(2026, 11, 22)),  # not the donor's copy
            ("A", "c3", D(2026, 12, 1)),  # December: outside
        ]:
            s.add(
                Loan(
                    copy_id=ids[copy], child_id=ids[child], loaned_at=at(day), due_on=day, returned_at=at(day)
                )
            )
        add(
            "rope",
            EquipmentItem(
                name="跳绳", category="sports", quantity_total=20, unit="根", batch_id=ids["batch"]
            ),
        )
        add("ball", EquipmentItem(name="篮球", category="sports", quantity_total=5, batch_id=ids["batch2"]))
        add("act", Activity(title="跳绳比赛", kind="sports", on_date=D(2026, 11, 12)))
        add("act2", Activity(title="绘本共读", kind="reading", on_date=D(2026, 11, 13)))
        add("act3", Activity(title="十月的课", kind="art", on_date=D(2026, 10, 13)))
        for item, quantity, day, kind, activity in [
            ("rope", 10, D(2026, 11, 12), "activity", "act"),
            ("rope", 4, D(2026, 11, 14), "class", None),
            ("ball", 2, D(2026, 11, 12), "activity", "act"),
            ("rope", 6, D(2026, 10, 2), "class", None),  # October
        ]:
            s.add(
                EquipmentLoan(
                    item_id=ids[item],
                    quantity=quantity,
                    borrower_kind=kind,
                    activity_id=ids[activity] if activity else None,
                    lent_at=at(day, 15),
                    returned_at=at(day, 16),
                    returned_quantity=quantity,
                )
            )
        s.add(EquipmentIncident(item_id=ids["rope"], kind="damaged", quantity=2, occurred_on=D(2026, 11, 14)))
        s.add(EquipmentIncident(item_id=ids["ball"], kind="lost", quantity=1, occurred_on=D(2026, 11, 15)))
        s.add(
            EquipmentIncident(item_id=ids["rope"], kind="stock_in", quantity=5, occurred_on=D(2026, 11, 15))
        )
        register = AttendanceRegister(on_date=D(2026, 11, 12), activity_id=ids["act"])
        s.add(register)
        s.flush()
        s.add(AttendanceMark(register_id=register.id, child_id=ids["A"], code="P"))
        s.add(AttendanceMark(register_id=register.id, child_id=ids["B"], code="A"))
        for child, day, method, reason, resolved in [
            ("A", D(2026, 11, 5), "phone", "absent_streak", True),
            ("A", D(2026, 11, 9), "home_visit", "", False),
            ("B", D(2026, 11, 30), "school", "low_rate", True),
            ("B", D(2026, 12, 1), "phone", "", True),  # December
        ]:
            s.add(FollowUp(child_id=ids[child], on_date=day, method=method, reason=reason, resolved=resolved))
    return ids


NOV = (D(2026, 11, 1), D(2026, 11, 30))


def test_child_facts_name_no_one(ctx: AppContext, centre: dict[str, int]) -> None:
    facts = children.child_facts(ctx, [centre["A"], centre["B"], 999])
    assert set(facts) == {centre["A"], centre["B"]}
    a = facts[centre["A"]]
    assert (a.grade, a.gender, a.left_behind_type) == (3, "male", "both")
    assert facts[centre["B"]].enrolled_on == D(2026, 11, 10)
    assert not hasattr(a, "name")
    assert children.child_facts(ctx, []) == {}


def test_follow_up_summary_counts_the_period(ctx: AppContext, centre: dict[str, int]) -> None:
    summary = early_warning.follow_up_summary(ctx, *NOV)
    assert (summary.follow_ups, summary.children, summary.resolved, summary.after_warning) == (3, 2, 2, 2)
    assert dict(summary.by_method) == {"电话": 1, "家访": 1, "到校了解": 1, "其他": 0}
    with pytest.raises(ValidationError):
        early_warning.follow_up_summary(ctx, D(2026, 11, 30), D(2026, 11, 1))


def test_donor_reading_counts_checkouts_of_the_donors_copies(ctx: AppContext, centre: dict[str, int]) -> None:
    reading = library_stats.donor_reading(ctx, centre["donor"], *NOV)
    assert (reading.copies, reading.on_shelves, reading.titles) == (3, 2, 2)
    assert (reading.loans, reading.readers, reading.titles_lent) == (3, 2, 2)
    assert [(t.title, t.loans, t.readers) for t in reading.top] == [("西游记", 2, 2), ("草房子", 1, 1)]
    assert [(m.month, m.loans) for m in reading.months] == [("2026-11", 3)]
    autumn = library_stats.donor_reading(ctx, centre["donor"], D(2026, 10, 1), D(2026, 12, 31))
    assert [(m.month, m.loans) for m in autumn.months] == [("2026-10", 1), ("2026-11", 3), ("2026-12", 1)]
    assert library_stats.donor_reading(ctx, centre["other"], *NOV).loans == 0


def test_most_borrowed_until_a_date(ctx: AppContext, centre: dict[str, int]) -> None:
    november = library_stats.most_borrowed(ctx, since=NOV[0], until=NOV[1])
    assert [(t.title, t.loans) for t in november] == [("草房子", 2), ("西游记", 2)]  # ties by pinyin
    assert sum(t.loans for t in library_stats.most_borrowed(ctx)) == 6


def test_donor_book_batches(ctx: AppContext, centre: dict[str, int]) -> None:
    (batch,) = catalog.donor_book_batches(ctx, centre["donor"])
    assert (batch.received_on, batch.copies, batch.titles, batch.on_shelves) == (D(2026, 3, 1), 3, 2, 2)
    assert catalog.donor_book_batches(ctx, centre["other"]) == []


def test_equipment_usage_of_a_period_and_of_a_donor(ctx: AppContext, centre: dict[str, int]) -> None:
    usage = equipment.equipment_usage(ctx, *NOV)
    assert (usage.loans, usage.pieces) == (3, 16)
    assert [(i.name, i.loans, i.pieces, i.activities) for i in usage.items] == [
        ("跳绳", 2, 14, 1),
        ("篮球", 1, 2, 1),
    ]
    assert usage.by_category == (("体育", 3, 16),)
    assert dict(usage.by_borrower) == {"儿童": 0, "志愿者": 0, "班级": 1, "活动": 2}
    (used,) = usage.activities
    assert (used.title, used.items) == ("跳绳比赛", ("篮球×2", "跳绳×10"))
    assert dict(usage.incidents) == {
        "损坏": 2,
        "遗失": 1,
        "报废": 0,
        "修好": 0,
    }  # stock movements are not use
    theirs = equipment.equipment_usage(ctx, *NOV, donor_id=centre["donor"])
    assert (theirs.loans, theirs.pieces, [i.name for i in theirs.items]) == (2, 14, ["跳绳"])
    assert theirs.activities[0].items == ("跳绳×10",)
    assert dict(theirs.incidents)["遗失"] == 0
    (item,) = equipment.donated_items(ctx, centre["donor"])
    assert (item.name, item.quantity, item.unit, item.category_label) == ("跳绳", 20, "根", "体育")


@pytest.mark.parametrize("role", ["librarian", "teacher"])
def test_the_new_reads_refuse_roles_without_the_area(
    ctx: AppContext, centre: dict[str, int], role: str
) -> None:
    ctx.actor = Actor("someone", role=role)
    with pytest.raises(PermissionDenied):
        children.child_facts(ctx, [centre["A"]])
    with pytest.raises(PermissionDenied):
        early_warning.follow_up_summary(ctx, *NOV)


def test_a_workbook_of_several_sheets(tmp_path: Path) -> None:
    target = tmp_path / "报表.xlsx"
    rows = write_xlsx_sheets(
        target,
        [
            Sheet(
                "概况",
                ("项目", "数值"),
                [("在册儿童", "120 名"), ("=1+1", 3)],
                title="2026年11月 月度工作报告",
            ),
            Sheet("按年级", ("年级", "人数"), [("一年级", 17)]),
            Sheet("按年级", ("年级", "人数"), [("二年级", 14)]),  # the same name twice: made unique
        ],
    )
    assert rows == 4
    book = load_workbook(target)
    assert book.sheetnames == ["概况", "按年级", "按年级(2)"]
    first = book["概况"]
    assert first["A1"].value == "2026年11月 月度工作报告"
    assert [c.value for c in first[2]] == ["项目", "数值"]
    assert first["A4"].value == "'=1+1"  # escaped, never a formula
    assert book["按年级(2)"]["A2"].value == "二年级"
    with pytest.raises(Exception, match="没有可以导出的表格"):
        write_xlsx_sheets(tmp_path / "空.xlsx", [])
