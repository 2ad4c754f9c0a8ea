"""The catalogue service on a real SQLite store: titles, duplicates, barcodes, copy status, donors, permissions."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from center_app.context import Actor
from center_app.db.models import AuditLog, BookCopy, BookTitle, Child, Loan
from center_app.domain.books import TitleInput
from center_app.domain.errors import DomainError, NotFound, PermissionDenied, ValidationError
from center_app.services import catalog, settings

XIYOUJI = TitleInput(
    "西游记", author="吴承恩", publisher="人民文学出版社", isbn="9787020002207", clc="I242.4"
)


def count(ctx, model) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_add_title_with_copies(ctx) -> None:
    result = catalog.add_title(ctx, XIYOUJI, copies=3, location="书架A-1")
    assert result.barcodes == ("T0000001", "T0000002", "T0000003")
    assert result.call_number == "I242.4/1"
    detail = catalog.get_title(ctx, result.title_id)
    assert (detail.title, detail.author, detail.isbn13) == ("西游记", "吴承恩", "9787020002207")
    assert (detail.title_pinyin, detail.title_initials) == ("xi you ji", "xyj")
    assert [c.barcode for c in detail.copies] == list(result.barcodes)
    assert {c.status_label for c in detail.copies} == {"在馆"}
    assert {c.location for c in detail.copies} == {"书架A-1"}
    assert detail.available == 3 and detail.on_loan == 0 and detail.holdings == 3
    with ctx.db.read() as s:
        title = s.get(BookTitle, result.title_id)
        assert title.match_key == "西游记|吴承恩"
        actions = s.execute(select(AuditLog.action, AuditLog.entity)).all()
    assert actions.count(("create", "book_title")) == 1
    assert actions.count(("create", "book_copy")) == 3


def test_isbn10_is_stored_as_isbn13_and_fullwidth_is_cleaned(ctx) -> None:
    a = catalog.add_title(ctx, TitleInput("西游记", isbn="7-02-000220-X"), copies=0)
    assert catalog.get_title(ctx, a.title_id).isbn13 == "9787020002207"
    b = catalog.add_title(ctx, TitleInput("红楼梦", isbn="９７８－７－０２－００２６７６－０"), copies=0)
    assert catalog.get_title(ctx, b.title_id).isbn13 == "9787020026760"


def test_invalid_title_is_refused_whole(ctx) -> None:
    with pytest.raises(ValidationError) as info:
        catalog.add_title(ctx, TitleInput("", isbn="9787020002208", clc="W1"), copies=2)
    assert len(info.value.problems) == 3
    assert count(ctx, BookTitle) == 0 and count(ctx, BookCopy) == 0


def test_duplicate_isbn_offers_to_add_a_copy_and_writes_nothing(ctx) -> None:
    first = catalog.add_title(ctx, XIYOUJI, copies=1)
    before = (count(ctx, BookTitle), count(ctx, BookCopy), count(ctx, AuditLog))
    with pytest.raises(catalog.DuplicateTitle) as info:
        catalog.add_title(ctx, TitleInput("西游记（新版）", isbn="7-02-000220-X"), copies=2)
    assert info.value.title_id == first.title_id
    assert info.value.by == "isbn"
    assert info.value.message == "已有《西游记》（ISBN 9787020002207），要为它再加一册吗？"
    assert (count(ctx, BookTitle), count(ctx, BookCopy), count(ctx, AuditLog)) == before
    # The answer "yes": one more copy of the existing title.
    assert catalog.add_copies(ctx, info.value.title_id, 1) == ["T0000002"]


def test_duplicate_without_isbn_by_title_and_author(ctx) -> None:
    first = catalog.add_title(ctx, TitleInput("小马过河", author="彭文席"), copies=1)
    with pytest.raises(catalog.DuplicateTitle) as info:
        catalog.add_title(ctx, TitleInput("《小马过河》", author=" 彭文席 "), copies=1)
    assert info.value.title_id == first.title_id
    assert info.value.by == "match_key"
    assert "已有《小马过河》" in info.value.message
    assert count(ctx, BookTitle) == 1 and count(ctx, BookCopy) == 1
    # Another author is another book; and a real second edition can be forced.
    catalog.add_title(ctx, TitleInput("小马过河", author="佚名"), copies=0)
    catalog.add_title(ctx, TitleInput("小马过河", author="彭文席"), copies=0, allow_duplicate=True)
    assert count(ctx, BookTitle) == 3


def test_book_without_isbn_matches_one_catalogued_with_it(ctx) -> None:
    first = catalog.add_title(ctx, XIYOUJI, copies=1)
    with pytest.raises(catalog.DuplicateTitle) as info:
        catalog.add_title(ctx, TitleInput("西游记", author="吴承恩"))
    assert info.value.title_id == first.title_id


def test_same_title_with_another_isbn_is_another_edition(ctx) -> None:
    catalog.add_title(ctx, XIYOUJI, copies=1)
    catalog.add_title(ctx, TitleInput("西游记", author="吴承恩", isbn="9787530212004"), copies=1)
    assert count(ctx, BookTitle) == 2


def test_barcodes_are_sequential_unique_and_follow_the_prefix_setting(ctx) -> None:
    a = catalog.add_title(ctx, TitleInput("书一"), copies=2)
    b = catalog.add_copies(ctx, a.title_id, 3)
    assert list(a.barcodes) + b == [f"T{n:07d}" for n in range(1, 6)]
    # A deleted copy's number is never handed out again while a larger one exists.
    catalog.delete_copy(ctx, "T0000003")
    assert catalog.add_copies(ctx, a.title_id, 1) == ["T0000006"]
    settings.set_setting(ctx, catalog.BARCODE_PREFIX_KEY, "lib")
    assert catalog.add_copies(ctx, a.title_id, 2) == ["LIB0000001", "LIB0000002"]
    settings.set_setting(ctx, catalog.BARCODE_PREFIX_KEY, "T")
    assert catalog.add_copies(ctx, a.title_id, 1) == ["T0000007"]
    with ctx.db.read() as s:
        barcodes = s.scalars(select(BookCopy.barcode)).all()
    assert len(barcodes) == len(set(barcodes)) == 8


def test_foreign_barcodes_do_not_confuse_numbering(ctx) -> None:
    a = catalog.add_title(ctx, TitleInput("书一"), copies=1)
    with ctx.db.session() as s:
        s.add_all(
            [
                BookCopy(title_id=a.title_id, barcode="T000012A"),  # same length, not ours
                BookCopy(title_id=a.title_id, barcode="T00000099"),  # longer
                BookCopy(title_id=a.title_id, barcode="T0000041"),  # ours, from an old import
            ]
        )
    assert catalog.add_copies(ctx, a.title_id, 1) == ["T0000042"]


def test_bad_prefix_setting_falls_back_to_default(ctx) -> None:
    settings.set_setting(ctx, catalog.BARCODE_PREFIX_KEY, "书")
    assert catalog.add_title(ctx, TitleInput("书一"), copies=1).barcodes == ("T0000001",)


def test_copy_count_limits(ctx) -> None:
    title = catalog.add_title(ctx, TitleInput("书一"), copies=0)
    assert title.barcodes == ()
    for bad in (0, -1, 201):
        with pytest.raises(ValidationError, match="册数"):
            catalog.add_copies(ctx, title.title_id, bad)
    with pytest.raises(NotFound):
        catalog.add_copies(ctx, 999, 1)


def test_call_numbers_count_per_clc_number(ctx) -> None:
    a = catalog.add_title(ctx, TitleInput("甲", clc="I287.5"), copies=0)
    b = catalog.add_title(ctx, TitleInput("乙", clc="I287.5"), copies=0)
    c = catalog.add_title(ctx, TitleInput("丙", clc="K82"), copies=0)
    d = catalog.add_title(ctx, TitleInput("丁", clc="I287.5", call_number="I287.5/20"), copies=0)
    e = catalog.add_title(ctx, TitleInput("戊", clc="i287.5"), copies=0)
    f = catalog.add_title(ctx, TitleInput("己"), copies=0)
    assert [x.call_number for x in (a, b, c, d, e, f)] == [
        "I287.5/1",
        "I287.5/2",
        "K82/1",
        "I287.5/20",
        "I287.5/21",
        "",
    ]


def test_update_title(ctx) -> None:
    a = catalog.add_title(ctx, TitleInput("西游计", author="吴承恩", clc="I242.4"), copies=1)
    other = catalog.add_title(ctx, TitleInput("水浒传", isbn="9787020008735"), copies=0)
    detail = catalog.update_title(
        ctx, a.title_id, TitleInput("西游记", author="吴承恩", clc="I242.4", price="30")
    )
    assert (detail.title, detail.title_initials, detail.call_number, detail.price_fen) == (
        "西游记",
        "xyj",
        "I242.4/1",
        3000,
    )
    # A new CLC number numbers the title in its new class; an explicit call number wins.
    assert catalog.update_title(ctx, a.title_id, TitleInput("西游记", clc="I287.5")).call_number == "I287.5/1"
    assert catalog.update_title(
        ctx, a.title_id, TitleInput("西游记", call_number="I287.5/9")
    ).call_number == ("I287.5/9")
    # Taking another title's ISBN is a duplicate; keeping one's own is not.
    with pytest.raises(catalog.DuplicateTitle) as info:
        catalog.update_title(ctx, a.title_id, TitleInput("西游记", isbn="9787020008735"))
    assert info.value.title_id == other.title_id
    catalog.update_title(ctx, other.title_id, TitleInput("水浒传", author="施耐庵", isbn="9787020008735"))
    with ctx.db.read() as s:
        updates = s.scalars(select(AuditLog).where(AuditLog.action == "update")).all()
    assert json.loads(updates[0].changes)["title"] == ["西游计", "西游记"]
    with pytest.raises(NotFound):
        catalog.update_title(ctx, 999, TitleInput("x"))


def test_find_copy_is_case_and_width_insensitive(ctx) -> None:
    donor = catalog.find_or_create_donor(ctx, "爱心公司")
    batch = catalog.create_batch(ctx, donor.id, dt.date(2026, 6, 1), "六一捐书")
    a = catalog.add_title(ctx, XIYOUJI, copies=1, batch_id=batch.id)
    found = catalog.find_copy(ctx, " ｔ0000001 ")
    assert found is not None
    assert (found.title_id, found.title, found.call_number, found.donor_name) == (
        a.title_id,
        "西游记",
        "I242.4/1",
        "爱心公司",
    )
    assert found.acquired_on == dt.date(2026, 6, 1)
    assert catalog.find_copy(ctx, "T9999999") is None
    assert catalog.find_copy(ctx, "") is None


@pytest.fixture
def lent(ctx) -> str:
    """A title with copies T0000001 (out on loan) and T0000002 (on the shelf)."""
    a = catalog.add_title(ctx, XIYOUJI, copies=2)
    with ctx.db.session() as s:
        child = Child(name="王子涵", card_barcode="C00001")
        s.add(child)
        s.flush()
        copy = s.scalars(select(BookCopy).where(BookCopy.barcode == "T0000001")).one()
        copy.status = "on_loan"
        s.add(Loan(copy_id=copy.id, child_id=child.id, due_on=dt.date.today()))
    return a.barcodes[0]


def test_copy_status_rules(ctx, lent: str) -> None:
    damaged = catalog.set_copy_status(ctx, "T0000002", "damaged", "封面破损")
    assert (damaged.status, damaged.status_label) == ("damaged", "损坏")
    assert "损坏：封面破损" in damaged.notes
    lost = catalog.set_copy_status(ctx, "t0000002", "lost")
    assert lost.status == "lost"
    found_again = catalog.set_copy_status(ctx, "T0000002", "available", "找到了")
    assert found_again.status == "available" and found_again.withdrawn_on is None
    withdrawn = catalog.withdraw_copy(ctx, "T0000002", "太旧")
    assert withdrawn.status == "withdrawn" and withdrawn.withdrawn_on == dt.date.today()
    assert catalog.get_title(ctx, withdrawn.title_id).holdings == 1
    # Out on loan: nothing can be set here.
    for status in ("lost", "damaged", "withdrawn", "available"):
        with pytest.raises(DomainError, match="正在借出"):
            catalog.set_copy_status(ctx, lent, status)
    with pytest.raises(ValidationError, match="借还书台"):
        catalog.set_copy_status(ctx, "T0000002", "on_loan")
    with pytest.raises(ValidationError, match="未知"):
        catalog.set_copy_status(ctx, "T0000002", "stolen")
    with pytest.raises(NotFound):
        catalog.set_copy_status(ctx, "T404", "lost")
    with ctx.db.read() as s:
        entries = s.scalars(
            select(AuditLog).where(AuditLog.entity == "book_copy", AuditLog.action == "update")
        )
        changes = [json.loads(e.changes) for e in entries]
    assert [c["status"] for c in changes] == [
        ["available", "damaged"],
        ["damaged", "lost"],
        ["lost", "available"],
        ["available", "withdrawn"],
    ]
    assert changes[0]["note"] == [None, "封面破损"]


def test_open_loan_blocks_even_if_status_disagrees(ctx, lent: str) -> None:
    with ctx.db.session() as s:
        s.scalars(select(BookCopy).where(BookCopy.barcode == lent)).one().status = "available"
    with pytest.raises(DomainError, match="正在借出"):
        catalog.withdraw_copy(ctx, lent)


def test_lent_copies_and_titles_cannot_be_deleted(ctx, lent: str) -> None:
    title_id = catalog.find_copy(ctx, lent).title_id
    with pytest.raises(DomainError, match="借出过"):
        catalog.delete_copy(ctx, lent)
    with pytest.raises(DomainError, match="借出过"):
        catalog.delete_title(ctx, title_id)
    catalog.delete_copy(ctx, "T0000002")
    assert catalog.find_copy(ctx, "T0000002") is None


def test_delete_title_removes_its_copies(ctx) -> None:
    a = catalog.add_title(ctx, XIYOUJI, copies=2)
    catalog.delete_title(ctx, a.title_id)
    assert count(ctx, BookTitle) == 0 and count(ctx, BookCopy) == 0
    with ctx.db.read() as s:
        deletes = s.execute(select(AuditLog.entity).where(AuditLog.action == "delete")).scalars().all()
    assert sorted(deletes) == ["book_copy", "book_copy", "book_title"]
    with pytest.raises(NotFound):
        catalog.get_title(ctx, a.title_id)


def test_donors_and_batches(ctx) -> None:
    a = catalog.find_or_create_donor(ctx, "  深圳 爱心公司 ")
    b = catalog.find_or_create_donor(ctx, "深圳　爱心公司")  # ideographic space
    assert a.id == b.id and a.name == "深圳 爱心公司"
    c = catalog.find_or_create_donor(ctx, "阿里")
    batch = catalog.create_batch(ctx, a.id, dt.date(2026, 3, 1), "第一批", "list.xlsx")
    assert (batch.donor_name, batch.source_file) == ("深圳 爱心公司", "list.xlsx")
    catalog.add_title(ctx, XIYOUJI, copies=2, batch_id=batch.id)
    donors = catalog.list_donors(ctx)
    assert [(d.name, d.copies) for d in donors] == [("阿里", 0), ("深圳 爱心公司", 2)]
    assert donors[0].id == c.id
    with pytest.raises(ValidationError):
        catalog.find_or_create_donor(ctx, "  ")
    with pytest.raises(ValidationError, match="晚于今天"):
        catalog.create_batch(ctx, a.id, dt.date.today() + dt.timedelta(days=1))
    with pytest.raises(NotFound):
        catalog.create_batch(ctx, 999, dt.date.today())
    with pytest.raises(NotFound):
        catalog.add_title(ctx, TitleInput("书"), copies=1, batch_id=999)


def test_results_are_plain_frozen_dataclasses(ctx) -> None:
    a = catalog.add_title(ctx, XIYOUJI, copies=1)
    detail = catalog.get_title(ctx, a.title_id)
    with pytest.raises(AttributeError):
        detail.title = "x"  # type: ignore[misc]
    assert type(detail.copies) is tuple


def test_teacher_reads_but_cannot_write(ctx) -> None:
    a = catalog.add_title(ctx, XIYOUJI, copies=1)
    ctx.actor = Actor("xiaoli", role="teacher", user_id=None, display_name="李老师")
    assert catalog.get_title(ctx, a.title_id).title == "西游记"
    assert catalog.find_copy(ctx, "T0000001") is not None
    with pytest.raises(PermissionDenied):
        catalog.add_title(ctx, TitleInput("红楼梦"))
    with pytest.raises(PermissionDenied):
        catalog.add_copies(ctx, a.title_id, 1)
    with pytest.raises(PermissionDenied):
        catalog.withdraw_copy(ctx, "T0000001")
    with pytest.raises(PermissionDenied):
        catalog.find_or_create_donor(ctx, "某公司")
    assert count(ctx, BookTitle) == 1 and count(ctx, BookCopy) == 1
    ctx.actor = Actor("librarian", role="librarian")
    catalog.add_copies(ctx, a.title_id, 1)
