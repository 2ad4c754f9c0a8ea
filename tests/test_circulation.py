"""The circulation desk on a real SQLite file: lending rules, returns, renewals, undo, search, permissions, the
overdue list, settings and closed days, and two desks racing for the same copy."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import threading
import time

import pytest
from sqlalchemy import event, select

from center_app.context import Actor, AppContext
from center_app.db.models import AuditLog, BookCopy, BookTitle, Child, Guardian, Loan, LoanRule, User
from center_app.db.session import Database
from center_app.domain.errors import DomainError, NotFound, PermissionDenied, ValidationError
from center_app.domain.loan_rules import GradeRule
from center_app.domain.pinyin import pinyin_keys
from center_app.services import circulation as circ
from center_app.services.circulation import lending

D = dt.date
TODAY = D(2026, 3, 2)  # a Monday
LIBRARIAN = Actor(username="lib", role="librarian")
TEACHER = Actor(username="t", role="teacher")


# --- helpers: the test writes its own children and books with the ORM --------------------------------------


def add_child(
    ctx: AppContext,
    name: str,
    grade: int | None = 3,
    class_name: str = "三年级2班",
    card: str | None = None,
    *,
    status: str = "active",
    guardian: tuple[str, str, str] | None = None,
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
            father_phone="13800000001",
            health_notes="哮喘，随身带药",
        )
        s.add(child)
        s.flush()
        if guardian:
            gname, relation, phone = guardian
            s.add(Guardian(child_id=child.id, name="外公", relation="外祖父", phone="13600000000"))
            s.add(Guardian(child_id=child.id, name=gname, relation=relation, phone=phone, is_primary=True))
        return child.id


def add_title(
    ctx: AppContext, title: str, *barcodes: str, isbn13: str | None = None, status: str = "available"
) -> int:
    full, initials = pinyin_keys(title)
    with ctx.db.session() as s:
        row = BookTitle(title=title, title_pinyin=full, title_initials=initials, isbn13=isbn13)
        s.add(row)
        s.flush()
        s.add_all(BookCopy(title_id=row.id, barcode=b, status=status) for b in barcodes)
        return row.id


def copy_status(ctx: AppContext, barcode: str) -> str:
    with ctx.db.read() as s:
        return s.scalars(select(BookCopy.status).where(BookCopy.barcode == barcode)).one()


def loans(ctx: AppContext) -> list[Loan]:
    with ctx.db.read() as s:
        rows = list(s.scalars(select(Loan).order_by(Loan.id)))
        s.expunge_all()
        return rows


def audit_rows(ctx: AppContext, entity: str = "loan") -> list[AuditLog]:
    with ctx.db.read() as s:
        rows = list(s.scalars(select(AuditLog).where(AuditLog.entity == entity).order_by(AuditLog.id)))
        s.expunge_all()
        return rows


@pytest.fixture
def wzh(ctx: AppContext) -> int:
    return add_child(ctx, "王子涵", 3, "三年级2班", "C00001", guardian=("李秀英", "祖母", "13912345678"))


@pytest.fixture
def books(ctx: AppContext) -> None:
    add_title(ctx, "西游记", "B0001", "B0002", isbn13="9787020002207")
    add_title(ctx, "草房子", "B0003")
    add_title(ctx, "小王子", "B0004")


# --- checkout -----------------------------------------------------------------------------------------------


def test_checkout_lends_the_copy_and_audits_without_personal_details(ctx, wzh, books) -> None:
    result = circ.checkout(ctx, wzh, " b0001 ", today=TODAY)  # stray spaces and Caps Lock from the scanner
    assert result.kind == "checkout"
    assert result.due_on == TODAY + dt.timedelta(days=14)
    assert result.title == "西游记" and result.barcode == "B0001"
    assert result.child.label == "三年级2班 王子涵"
    assert "2026年3月16日" in result.message
    assert result.undo_token.startswith(f"checkout:{result.loan_id}:")
    assert copy_status(ctx, "B0001") == "on_loan"
    (loan,) = loans(ctx)
    assert (loan.child_id, loan.due_on, loan.renewals, loan.returned_at) == (wzh, result.due_on, 0, None)
    (entry,) = audit_rows(ctx)
    assert entry.action == "create" and entry.entity_id == str(loan.id)
    assert "B0001" in entry.summary and f"#{wzh}" in entry.summary
    assert "哮喘" not in entry.summary + entry.changes and "138" not in entry.summary + entry.changes


def test_full_width_barcode_from_a_chinese_input_method_is_found(ctx, wzh, books) -> None:
    assert circ.checkout(ctx, wzh, "Ｂ０００３", today=TODAY).barcode == "B0003"


def test_due_date_skips_closed_days_but_not_weekends(ctx, wzh, books) -> None:
    # TODAY + 14 is a Monday; Saturday/Sunday before it are open days and irrelevant anyway.
    circ.set_closed_days(ctx, [(D(2026, 3, 16), "清明调休"), (D(2026, 3, 17), "教研活动")])
    assert circ.checkout(ctx, wzh, "B0001", today=TODAY).due_on == D(2026, 3, 18)
    # Lent on Friday 6 March: due on Friday the 20th; lent on a Saturday: due on a Saturday.
    assert circ.checkout(ctx, wzh, "B0003", today=D(2026, 3, 7)).due_on == D(2026, 3, 21)


def test_grade_limits_follow_the_seeded_rules(ctx, books) -> None:
    first_grader = add_child(ctx, "李小明", 1, "一年级1班", "C00002")
    third_grader = add_child(ctx, "王子涵", 3, "三年级2班", "C00003")
    circ.checkout(ctx, first_grader, "B0001", today=TODAY)
    with pytest.raises(DomainError, match="李小明 已借 1 本，一年级每人最多 1 本"):
        circ.checkout(ctx, first_grader, "B0002", today=TODAY)
    circ.checkout(ctx, third_grader, "B0002", today=TODAY)
    circ.checkout(ctx, third_grader, "B0003", today=TODAY)
    with pytest.raises(DomainError, match="王子涵 已借 2 本，三年级每人最多 2 本"):
        circ.checkout(ctx, third_grader, "B0004", today=TODAY)
    assert copy_status(ctx, "B0004") == "available"


def test_a_child_without_a_grade_gets_the_strictest_rule(ctx, books) -> None:
    child = add_child(ctx, "韦小宝", None, "", "C00009")
    circ.checkout(ctx, child, "B0001", today=TODAY)
    with pytest.raises(DomainError, match="韦小宝 已借 1 本，每人最多 1 本"):
        circ.checkout(ctx, child, "B0003", today=TODAY)


def test_overdue_books_block_new_loans_unless_switched_off(ctx, wzh, books) -> None:
    circ.checkout(ctx, wzh, "B0001", today=TODAY - dt.timedelta(days=17))  # due 3 days ago
    with pytest.raises(DomainError, match="王子涵 有书逾期未还（《西游记》逾期 3 天），请先还书再借"):
        circ.checkout(ctx, wzh, "B0003", today=TODAY)
    status = circ.borrower_status(ctx, wzh, today=TODAY)
    assert status.has_overdue and not status.can_borrow and "逾期" in status.blocked_reason

    settings = circ.get_loan_settings(ctx)
    circ.save_loan_settings(ctx, circ.LoanSettings(settings.rules, block_when_overdue=False))
    assert circ.checkout(ctx, wzh, "B0003", today=TODAY).kind == "checkout"


def test_a_copy_on_loan_to_someone_else_is_refused(ctx, wzh, books) -> None:
    other = add_child(ctx, "黄小燕", 4, "四年级1班", "C00002")
    circ.checkout(ctx, wzh, "B0001", today=TODAY)
    with pytest.raises(DomainError, match="《西游记》已借给 三年级2班 王子涵，还没还。只还书：按 Esc 后扫这本书"):
        circ.checkout(ctx, other, "B0001", today=TODAY)
    with pytest.raises(DomainError, match="王子涵 已借了《西游记》"):
        circ.checkout(ctx, wzh, "B0001", today=TODAY)
    assert len(loans(ctx)) == 1


@pytest.mark.parametrize(
    ("status", "fragment"), [("lost", "已登记为遗失"), ("damaged", "已登记为损坏"), ("withdrawn", "已剔除")]
)
def test_copies_off_the_shelf_cannot_be_lent(ctx, wzh, status, fragment) -> None:
    add_title(ctx, "山海经", "B0100", status=status)
    with pytest.raises(DomainError, match=f"《山海经》（B0100）{fragment}，不能借出"):
        circ.checkout(ctx, wzh, "B0100", today=TODAY)


def test_unknown_barcode_unknown_child_and_a_child_who_left(ctx, wzh, books) -> None:
    with pytest.raises(NotFound, match="没有找到条码为“X999”的图书"):
        circ.checkout(ctx, wzh, "X999", today=TODAY)
    with pytest.raises(NotFound, match="找不到这名儿童"):
        circ.checkout(ctx, 9999, "B0001", today=TODAY)
    gone = add_child(ctx, "覃丽", 5, "五年级1班", "C00005", status="left")
    with pytest.raises(DomainError, match="覃丽 已不在中心登记"):
        circ.checkout(ctx, gone, "B0001", today=TODAY)
    assert loans(ctx) == []


# --- checkin and renew --------------------------------------------------------------------------------------


def test_checkin_names_the_borrower_and_the_lateness(ctx, wzh, books) -> None:
    circ.checkout(ctx, wzh, "B0001", today=TODAY)
    circ.checkout(ctx, wzh, "B0003", today=TODAY)
    late = circ.checkin(ctx, "B0001", today=TODAY + dt.timedelta(days=17))
    assert late.message == "《西游记》已还（王子涵，逾期 3 天）"
    assert late.overdue_days == 3 and late.child.id == wzh
    on_time = circ.checkin(ctx, "b0003", today=TODAY + dt.timedelta(days=14))
    assert on_time.message == "《草房子》已还（王子涵）"
    assert copy_status(ctx, "B0001") == copy_status(ctx, "B0003") == "available"
    assert all(loan.returned_at is not None for loan in loans(ctx))
    assert [e.action for e in audit_rows(ctx)] == ["create", "create", "update", "update"]


def test_checkin_of_a_copy_not_on_loan_is_refused(ctx, books) -> None:
    with pytest.raises(DomainError, match="《西游记》（B0001）没有借出记录，不用还"):
        circ.checkin(ctx, "B0001", today=TODAY)
    with pytest.raises(NotFound):
        circ.checkin(ctx, "NOPE", today=TODAY)


def test_a_book_marked_lost_while_out_comes_back_to_the_shelf(ctx, wzh, books) -> None:
    circ.checkout(ctx, wzh, "B0001", today=TODAY)
    with ctx.db.session() as s:
        s.scalars(select(BookCopy).where(BookCopy.barcode == "B0001")).one().status = "lost"
    result = circ.checkin(ctx, "B0001", today=TODAY)
    assert "原登记为遗失" in result.message
    assert copy_status(ctx, "B0001") == "available"
    circ.undo(ctx, result.undo_token)
    assert copy_status(ctx, "B0001") == "lost"  # undo restores exactly what was there


def test_renew_extends_from_the_due_date_and_stops_at_the_limit(ctx, wzh, books) -> None:
    lent = circ.checkout(ctx, wzh, "B0001", today=TODAY)
    renewed = circ.renew(ctx, "B0001", today=TODAY + dt.timedelta(days=3))
    assert renewed.due_on == lent.due_on + dt.timedelta(days=14)
    assert "应还日期改为 2026年3月30日" in renewed.message
    with pytest.raises(DomainError, match="《西游记》已续借 1 次，三年级每本书最多续借 1 次"):
        circ.renew(ctx, lent.loan_id, today=TODAY + dt.timedelta(days=4))
    (loan,) = loans(ctx)
    assert loan.renewals == 1 and loan.due_on == renewed.due_on


def test_an_overdue_loan_is_not_renewed_while_overdue_books_block_lending(ctx, wzh, books) -> None:
    # Renewing it would lift the block without the book coming back (F5 by habit, at the desk).
    lent = circ.checkout(ctx, wzh, "B0001", today=TODAY)
    later = lent.due_on + dt.timedelta(days=5)
    assert circ.get_loan_settings(ctx).renew_when_overdue is False
    with pytest.raises(DomainError, match="已逾期 5 天，不能续借：请 王子涵 先还书"):
        circ.renew(ctx, lent.loan_id, today=later)
    (loan,) = loans(ctx)
    assert (loan.due_on, loan.renewals) == (lent.due_on, 0)


@pytest.mark.parametrize("switch", ["renew_when_overdue", "no_block"])
def test_an_overdue_loan_is_renewed_from_today_where_the_settings_allow(ctx, wzh, books, switch) -> None:
    settings = circ.get_loan_settings(ctx)
    if switch == "renew_when_overdue":
        changed = dataclasses.replace(settings, renew_when_overdue=True)
    else:
        changed = dataclasses.replace(settings, block_when_overdue=False)
    circ.save_loan_settings(ctx, changed)
    assert circ.get_loan_settings(ctx) == changed
    lent = circ.checkout(ctx, wzh, "B0001", today=TODAY)
    later = lent.due_on + dt.timedelta(days=5)
    renewed = circ.renew(ctx, lent.loan_id, today=later)
    assert renewed.due_on == later + dt.timedelta(days=14)
    assert renewed.overdue_days == 5 and "从今天起算" in renewed.message


def test_a_loan_made_today_is_not_renewed(ctx, wzh, books) -> None:
    lent = circ.checkout(ctx, wzh, "B0001", today=TODAY)
    with pytest.raises(DomainError, match="今天才借出.*不用续借"):
        circ.renew(ctx, lent.loan_id, today=TODAY)
    assert loans(ctx)[0].renewals == 0


def test_renewing_for_the_child_at_the_desk_refuses_another_childs_loan(ctx, wzh, books) -> None:
    other = add_child(ctx, "黄小燕", 4, "四年级1班", "C00002")
    lent = circ.checkout(ctx, wzh, "B0001", today=TODAY)
    with pytest.raises(DomainError, match="不是这名儿童借的"):
        circ.renew(ctx, lent.loan_id, today=TODAY + dt.timedelta(days=1), child_id=other)
    renewed = circ.renew(ctx, lent.loan_id, today=TODAY + dt.timedelta(days=1), child_id=wzh)
    assert renewed.kind == "renew"


def test_renewing_a_copy_that_is_not_out_is_refused(ctx, books) -> None:
    with pytest.raises(DomainError, match="没有借出，不能续借"):
        circ.renew(ctx, "B0001", today=TODAY)
    with pytest.raises(DomainError, match="不能续借"):
        circ.renew(ctx, 12345, today=TODAY)


# --- return and lend (one scan at the desk) ---------------------------------------------------------------


def test_return_and_lend_moves_the_copy_in_one_step_and_says_how_late(ctx, wzh, books) -> None:
    other = add_child(ctx, "黄小燕", 4, "四年级1班", "C00002")
    first = circ.checkout(ctx, other, "B0001", today=TODAY)
    later = first.due_on + dt.timedelta(days=3)
    moved = circ.return_and_lend(ctx, wzh, "b0001", today=later)
    assert moved.kind == "return_and_lend" and moved.child.id == wzh
    assert "已从 黄小燕 还回，逾期 3 天，借给 王子涵" in moved.message
    assert moved.overdue_days == 3 and moved.due_on == later + dt.timedelta(days=14)
    old, new = loans(ctx)
    assert old.returned_at is not None and old.returned_at == new.loaned_at
    assert (new.child_id, new.returned_at) == (wzh, None)
    assert copy_status(ctx, "B0001") == "on_loan"
    assert [(e.action, e.entity_id) for e in audit_rows(ctx)] == [
        ("create", str(old.id)),
        ("update", str(old.id)),
        ("create", str(new.id)),
    ]


def test_return_and_lend_refused_for_the_new_child_leaves_the_first_loan_open(ctx, wzh, books) -> None:
    other = add_child(ctx, "黄小燕", 4, "四年级1班", "C00002")
    circ.checkout(ctx, wzh, "B0002", today=TODAY)
    circ.checkout(ctx, wzh, "B0003", today=TODAY)  # grade 3: two books, the limit
    circ.checkout(ctx, other, "B0001", today=TODAY)
    with pytest.raises(DomainError, match="已借 2 本"):
        circ.return_and_lend(ctx, wzh, "B0001", today=TODAY)
    assert [(loan.child_id, loan.returned_at) for loan in loans(ctx)][-1] == (other, None)
    assert len(audit_rows(ctx)) == 3  # nothing of the refused step was written


def test_return_and_lend_of_a_copy_on_the_shelf_or_already_held_is_refused(ctx, wzh, books) -> None:
    with pytest.raises(DomainError, match="已经还了"):
        circ.return_and_lend(ctx, wzh, "B0001", today=TODAY)
    circ.checkout(ctx, wzh, "B0001", today=TODAY)
    with pytest.raises(DomainError, match="就在 王子涵 名下"):
        circ.return_and_lend(ctx, wzh, "B0001", today=TODAY)


def test_undo_return_and_lend_gives_the_book_back_to_the_first_child(ctx, wzh, books) -> None:
    other = add_child(ctx, "黄小燕", 4, "四年级1班", "C00002")
    first = circ.checkout(ctx, other, "B0001", today=TODAY)
    moved = circ.return_and_lend(ctx, wzh, "B0001", today=TODAY)
    undone = circ.undo(ctx, moved.undo_token)
    assert "不再借给 王子涵" in undone.message and "仍在 黄小燕 名下" in undone.message
    (loan,) = loans(ctx)
    assert (loan.id, loan.child_id, loan.returned_at, loan.returned_by) == (first.loan_id, other, None, None)
    assert copy_status(ctx, "B0001") == "on_loan"
    with pytest.raises(DomainError, match="无法撤销"):
        circ.undo(ctx, moved.undo_token)


def test_undo_return_and_lend_is_refused_after_a_later_action(ctx, wzh, books) -> None:
    other = add_child(ctx, "黄小燕", 4, "四年级1班", "C00002")
    circ.checkout(ctx, other, "B0001", today=TODAY)
    moved = circ.return_and_lend(ctx, wzh, "B0001", today=TODAY)
    circ.checkin(ctx, "B0001", today=TODAY)
    with pytest.raises(DomainError, match="之后又有了新的借还操作"):
        circ.undo(ctx, moved.undo_token)


# --- undo ---------------------------------------------------------------------------------------------------


def test_undo_checkout_removes_the_loan(ctx, wzh, books) -> None:
    lent = circ.checkout(ctx, wzh, "B0001", today=TODAY)
    undone = circ.undo(ctx, lent.undo_token)
    assert undone.kind == "undo" and "已撤销借出" in undone.message and undone.undo_token == ""
    assert loans(ctx) == [] and copy_status(ctx, "B0001") == "available"
    assert [e.action for e in audit_rows(ctx)] == ["create", "delete"]
    assert "B0001" in audit_rows(ctx)[-1].summary
    with pytest.raises(DomainError, match="已不存在"):
        circ.undo(ctx, lent.undo_token)


def test_undo_checkin_reopens_the_loan(ctx, wzh, books) -> None:
    lent = circ.checkout(ctx, wzh, "B0001", today=TODAY)
    back = circ.checkin(ctx, "B0001", today=TODAY)
    undone = circ.undo(ctx, back.undo_token)
    assert "仍借给 王子涵" in undone.message
    (loan,) = loans(ctx)
    assert loan.id == lent.loan_id and loan.returned_at is None and loan.returned_by is None
    assert copy_status(ctx, "B0001") == "on_loan"
    with pytest.raises(DomainError, match="无法撤销"):
        circ.undo(ctx, back.undo_token)  # once only: the loan is open again


def test_undo_renew_restores_the_due_date(ctx, wzh, books) -> None:
    lent = circ.checkout(ctx, wzh, "B0001", today=TODAY)
    renewed = circ.renew(ctx, "B0001", today=TODAY + dt.timedelta(days=1))
    undone = circ.undo(ctx, renewed.undo_token)
    assert undone.due_on == lent.due_on
    (loan,) = loans(ctx)
    assert (loan.due_on, loan.renewals) == (lent.due_on, 0)
    with pytest.raises(DomainError, match="无法撤销"):
        circ.undo(ctx, renewed.undo_token)


def test_undo_is_refused_after_a_later_action_on_the_same_copy(ctx, wzh, books) -> None:
    other = add_child(ctx, "黄小燕", 4, "四年级1班", "C00002")
    lent = circ.checkout(ctx, wzh, "B0001", today=TODAY)
    circ.renew(ctx, "B0001", today=TODAY + dt.timedelta(days=1))
    with pytest.raises(DomainError, match="之后又有了新的借还操作"):
        circ.undo(ctx, lent.undo_token)  # renewed since
    back = circ.checkin(ctx, "B0001", today=TODAY)
    with pytest.raises(DomainError, match="之后又有了新的借还操作"):
        circ.undo(ctx, lent.undo_token)  # returned since
    circ.checkout(ctx, other, "B0001", today=TODAY)
    with pytest.raises(DomainError, match="之后又有了新的借还操作"):
        circ.undo(ctx, back.undo_token)  # lent to someone else since
    assert [loan.returned_at is None for loan in loans(ctx)] == [False, True]


def test_a_stale_checkout_token_never_undoes_a_later_loan_with_the_same_id(ctx, wzh, books) -> None:
    first = circ.checkout(ctx, wzh, "B0001", today=TODAY)
    circ.undo(ctx, first.undo_token)
    other = add_child(ctx, "黄小燕", 4, "四年级1班", "C00002")
    second = circ.checkout(ctx, other, "B0001", today=TODAY)
    assert second.loan_id == first.loan_id  # SQLite hands the freed id out again
    with pytest.raises(DomainError, match="已不存在"):
        circ.undo(ctx, first.undo_token)
    assert copy_status(ctx, "B0001") == "on_loan" and len(loans(ctx)) == 1


@pytest.mark.parametrize(
    "token", ["", "checkout", "checkout:abc", "checkout:1", "delete:1", "renew:1:x", "checkin:1:gone:t"]
)
def test_a_garbled_undo_token_is_refused(ctx, wzh, books, token) -> None:
    lent = circ.checkout(ctx, wzh, "B0001", today=TODAY)
    token = token.replace(":1", f":{lent.loan_id}")
    with pytest.raises(ValidationError, match="撤销信息无效"):
        circ.undo(ctx, token)


# --- finding the borrower and classifying scans -------------------------------------------------------------


def test_find_borrower_by_card_name_pinyin_and_initials(ctx, wzh) -> None:
    add_child(ctx, "王梓萱", 1, "一年级1班", "C00010")
    add_child(ctx, "王子豪", 5, "五年级1班", None, status="left")
    assert [r.id for r in circ.find_borrower(ctx, "c00001")] == [wzh]  # a scanned card, any case
    assert [r.name for r in circ.find_borrower(ctx, "子涵")] == ["王子涵"]
    assert [r.name for r in circ.find_borrower(ctx, "wzh")] == ["王子涵"]
    assert [r.name for r in circ.find_borrower(ctx, "WangZiHan")] == ["王子涵"]
    # By class (grade first), then pinyin; children who left are not offered.
    assert [r.name for r in circ.find_borrower(ctx, "王")] == ["王梓萱", "王子涵"]
    assert circ.find_borrower(ctx, "  ") == []
    row = circ.find_borrower(ctx, "wzh")[0]
    assert (row.class_name, row.grade, row.card_barcode) == ("三年级2班", 3, "C00001")


def test_find_borrower_returns_at_most_twenty_sorted_by_class(ctx) -> None:
    for i in range(25):
        add_child(ctx, f"李{'一二三四五六七八九十'[i % 10]}{i}", 2 + i % 3, f"{2 + i % 3}年级{1 + i % 2}班")
    rows = circ.find_borrower(ctx, "李")
    assert len(rows) == 20
    keys = [(r.grade, r.class_name) for r in rows]
    assert keys == sorted(keys)


def test_find_borrower_works_when_pinyin_was_never_stored(ctx) -> None:
    with ctx.db.session() as s:
        s.add(Child(name="陆小凤", grade=2, class_name="二年级1班"))
    assert [r.name for r in circ.find_borrower(ctx, "lxf")] == ["陆小凤"]


def test_borrower_status_lists_loans_and_what_is_left(ctx, wzh, books) -> None:
    circ.checkout(ctx, wzh, "B0001", today=TODAY)
    status = circ.borrower_status(ctx, wzh, today=TODAY + dt.timedelta(days=16))
    assert status.child.label == "三年级2班 王子涵"
    assert status.rule.max_books == 2 and status.may_borrow_more == 1
    (line,) = status.loans
    assert (line.barcode, line.title, line.overdue_days, line.renewals, line.renewals_left) == (
        "B0001",
        "西游记",
        2,
        0,
        1,
    )
    assert line.loaned_on == TODAY
    assert status.has_overdue and not status.can_borrow


def test_classify_scan(ctx, wzh, books) -> None:
    assert circ.classify_scan(ctx, "C00001").kind == "child"
    assert circ.classify_scan(ctx, "C00001").child.id == wzh
    free = circ.classify_scan(ctx, "b0001")
    assert (free.kind, free.title, free.copy_status, free.holder) == ("copy", "西游记", "available", None)
    circ.checkout(ctx, wzh, "B0001", today=TODAY)
    out = circ.classify_scan(ctx, "B0001")
    assert out.copy_status == "on_loan" and out.holder.id == wzh
    isbn = circ.classify_scan(ctx, "9787020002207")
    assert isbn.kind == "isbn" and "《西游记》" in isbn.message and "条码标签" in isbn.message
    assert circ.classify_scan(ctx, "7-02-000220-X").kind == "isbn"  # an old ISBN-10 too
    assert circ.classify_scan(ctx, "ZZZ").kind == "unknown"
    assert circ.classify_scan(ctx, " ").kind == "empty"
    add_title(ctx, "重号书", "C00001")
    assert circ.classify_scan(ctx, "C00001").kind == "conflict"


# --- permissions and the overdue list -----------------------------------------------------------------------


def test_librarian_lends_and_the_overdue_list_hides_family_details(ctx, wzh, books) -> None:
    with ctx.db.session() as s:
        user = User(username="lib", display_name="韦老师", role="librarian")
        s.add(user)
        s.flush()
        user_id = user.id
    ctx.actor = Actor(username="lib", role="librarian", user_id=user_id)
    circ.checkout(ctx, wzh, "B0001", today=TODAY - dt.timedelta(days=20))
    assert loans(ctx)[0].loaned_by == user_id
    (row,) = circ.overdue_loans(ctx, today=TODAY)
    assert (row.child_name, row.class_name, row.title, row.overdue_days) == (
        "王子涵",
        "三年级2班",
        "西游记",
        6,
    )
    assert row.guardian_name == row.guardian_relation == row.guardian_phone == ""

    ctx.actor = Actor(username="sw", role="staff")
    (row,) = circ.overdue_loans(ctx, today=TODAY)
    assert (row.guardian_name, row.guardian_relation, row.guardian_phone) == ("李秀英", "祖母", "13912345678")


def test_teacher_may_not_use_the_desk(ctx, wzh, books) -> None:
    ctx.actor = TEACHER
    with pytest.raises(PermissionDenied, match="志愿者教师 无权办理借书还书"):
        circ.checkout(ctx, wzh, "B0001", today=TODAY)
    for call in (
        lambda: circ.checkin(ctx, "B0001"),
        lambda: circ.find_borrower(ctx, "wzh"),
        lambda: circ.overdue_loans(ctx),
        lambda: circ.classify_scan(ctx, "B0001"),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert loans(ctx) == []


def test_overdue_list_is_sorted_by_class_and_filterable(ctx, books) -> None:
    a = add_child(ctx, "张三", 4, "四年级1班", "C1")
    b = add_child(ctx, "李四", 2, "二年级10班", "C2")
    c = add_child(ctx, "王五", 2, "二年级2班", "C3")
    add_title(ctx, "安徒生童话", "B0005")
    long_ago = TODAY - dt.timedelta(days=30)
    circ.checkout(ctx, a, "B0005", today=TODAY)  # not overdue (lent first: the overdue one would block it)
    circ.checkout(ctx, a, "B0001", today=long_ago)
    circ.checkout(ctx, b, "B0003", today=long_ago)
    circ.checkout(ctx, c, "B0004", today=long_ago)
    rows = circ.overdue_loans(ctx, today=TODAY)
    assert [r.class_name for r in rows] == ["二年级2班", "二年级10班", "四年级1班"]
    assert list(circ.group_by_class(rows)) == ["二年级2班", "二年级10班", "四年级1班"]
    assert [r.child_name for r in circ.overdue_loans(ctx, today=TODAY, class_name="四年级1班")] == ["张三"]
    assert circ.overdue_loans(ctx, today=long_ago) == []


# --- settings and closed days -------------------------------------------------------------------------------


def test_loan_settings_round_trip_replace_the_rules_and_are_audited(ctx) -> None:
    settings = circ.get_loan_settings(ctx)
    assert settings.rules == (GradeRule(0, 2, 1, 14, 1), GradeRule(3, 12, 2, 14, 1))
    assert settings.block_when_overdue and settings.sound_on
    new_rules = (GradeRule(3, 9, 3, 21, 2), GradeRule(0, 2, 1, 7, 0))
    saved = circ.save_loan_settings(
        ctx, circ.LoanSettings(new_rules, block_when_overdue=False, sound_on=False)
    )
    assert saved.rules == (GradeRule(0, 2, 1, 7, 0), GradeRule(3, 9, 3, 21, 2))
    assert circ.get_loan_settings(ctx) == saved
    with ctx.db.read() as s:
        assert s.scalar(select(LoanRule).where(LoanRule.grade_min == 3)).loan_days == 21
        assert len(s.scalars(select(LoanRule)).all()) == 2
    (entry,) = audit_rows(ctx, "loan_rule")
    assert "三年级至初三: 3本/21天/续借2次" in json.loads(entry.changes)["rules"][1]
    assert {e.entity_id for e in audit_rows(ctx, "setting")} == {"block_when_overdue", "sound_on"}


def test_bad_loan_settings_change_nothing(ctx) -> None:
    before = circ.get_loan_settings(ctx)
    bad = circ.LoanSettings((GradeRule(0, 3, 1, 14, 1), GradeRule(3, 12, 2, 14, 1)), block_when_overdue=False)
    with pytest.raises(ValidationError, match="重叠"):
        circ.save_loan_settings(ctx, bad)
    assert circ.get_loan_settings(ctx) == before


def test_only_the_administrator_changes_loan_rules_but_the_desk_reads_them(ctx) -> None:
    ctx.actor = LIBRARIAN
    settings = circ.get_loan_settings(ctx)
    with pytest.raises(PermissionDenied, match="图书管理员 无权修改系统设置"):
        circ.save_loan_settings(ctx, settings)
    with pytest.raises(PermissionDenied):
        circ.set_closed_days(ctx, [(D(2026, 10, 1), "国庆节")])
    ctx.actor = TEACHER
    with pytest.raises(PermissionDenied):
        circ.get_loan_settings(ctx)
    assert circ.list_closed_days(ctx, 2026) == []  # a teacher taking the roll needs them


def test_closed_days_add_change_and_replace_a_year(ctx) -> None:
    assert circ.set_closed_days(ctx, [(D(2026, 10, 1), "国庆节"), (D(2026, 10, 2), "国庆节")]) == 2
    assert circ.set_closed_days(ctx, [(D(2026, 10, 2), " 国庆节假期 "), (D(2027, 1, 1), "元旦")]) == 2
    assert [(r.day, r.reason) for r in circ.list_closed_days(ctx, 2026)] == [
        (D(2026, 10, 1), "国庆节"),
        (D(2026, 10, 2), "国庆节假期"),
    ]
    assert circ.set_closed_days(ctx, [(D(2026, 5, 1), "劳动节")], year=2026) == 3
    assert [r.day for r in circ.list_closed_days(ctx, 2026)] == [D(2026, 5, 1)]
    assert [r.day for r in circ.list_closed_days(ctx, 2027)] == [D(2027, 1, 1)]
    assert circ.set_closed_days(ctx, [], year=2026) == 1
    assert circ.list_closed_days(ctx, 2026) == []
    assert circ.set_closed_days(ctx, [(D(2027, 1, 1), "元旦")]) == 0  # nothing changed, nothing audited
    assert len(audit_rows(ctx, "closed_day")) == 4


def test_bad_closed_days_are_refused_whole(ctx) -> None:
    with pytest.raises(ValidationError) as err:
        circ.set_closed_days(
            ctx, [(D(2026, 1, 1), "元旦"), (D(2026, 1, 1), "元旦"), (D(2027, 2, 1), "x" * 101)], year=2026
        )
    assert err.value.problems == [
        "第2项：2026年1月1日 重复了。",
        "第3项：2027年2月1日 不在 2026 年。",
        "第3项：原因不能超过100个字。",
    ]
    assert circ.list_closed_days(ctx, 2026) == []


# --- concurrency and cost -----------------------------------------------------------------------------------


def test_two_desks_lending_the_same_copy_the_second_is_refused(ctx, books, monkeypatch) -> None:
    first = add_child(ctx, "王子涵", 3, "三年级2班", "C1")
    second = add_child(ctx, "黄小燕", 4, "四年级1班", "C2")
    other_desk = AppContext(
        data_dir=ctx.data_dir, db=Database.for_file(ctx.data_dir.db_path), actor=ctx.actor
    )
    original = lending.compute_due_on

    def slow_due_on(*args, **kwargs):
        # Hold the transaction open between reading the copy and writing the loan: without BEGIN IMMEDIATE and
        # the check inside the transaction, both desks would see the copy on the shelf here.
        time.sleep(0.3)
        return original(*args, **kwargs)

    monkeypatch.setattr(lending, "compute_due_on", slow_due_on)
    barrier = threading.Barrier(2)
    outcomes: dict[str, object] = {}

    def desk(name: str, context: AppContext, child_id: int) -> None:
        barrier.wait()
        try:
            outcomes[name] = circ.checkout(context, child_id, "B0001", today=TODAY)
        except DomainError as exc:
            outcomes[name] = exc

    threads = [
        threading.Thread(target=desk, args=("a", ctx, first)),
        threading.Thread(target=desk, args=("b", other_desk, second)),
    ]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(15)
    finally:
        other_desk.close()
    refused = [o for o in outcomes.values() if isinstance(o, DomainError)]
    lent = [o for o in outcomes.values() if isinstance(o, circ.DeskResult)]
    assert len(lent) == 1 and len(refused) == 1, outcomes
    assert "已借给" in refused[0].message and lent[0].child.label in refused[0].message
    assert len(loans(ctx)) == 1


def test_a_checkout_is_a_handful_of_indexed_statements(ctx, wzh, books) -> None:
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(ctx.db.engine, "before_cursor_execute", count)
    try:
        circ.checkout(ctx, wzh, "B0001", today=TODAY)
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", count)
    assert len(statements) <= 12, statements
    with ctx.db.read() as s:
        plan = s.connection().exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT * FROM book_copy WHERE barcode IN ('B0001', 'b0001')"
        )
        assert any("USING INDEX" in str(row) for row in plan)
