"""Lending at the desk: check out, check in, renew, and undo the last of those. Every rule is checked inside the
writing transaction (see the package doc)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import BookCopy, BookTitle, Child, Loan
from center_app.domain.errors import DomainError, NotFound, ValidationError
from center_app.domain.loan_rules import grade_label, overdue_days, rule_for_grade
from center_app.domain.permissions import WRITE, require
from center_app.domain.states import CopyStatus
from center_app.services import audit
from center_app.services.circulation.common import (
    BorrowerRow,
    CopyHit,
    borrow_refusal,
    borrower_row,
    clean_code,
    cn_date,
    find_copy,
    held_loans,
    local_date,
    moment,
)
from center_app.services.circulation.loan_settings import compute_due_on, may_renew_overdue, read_config

# Copy states that keep a book off the desk. on_loan is judged by the open loan itself (the loan is the truth; the
# status column is a cache for the catalogue's lists).
_NOT_LENDABLE: Final[dict[str, str]] = {
    CopyStatus.LOST: "已登记为遗失",
    CopyStatus.DAMAGED: "已登记为损坏",
    CopyStatus.WITHDRAWN: "已剔除",
}


DeskKind = Literal["checkout", "checkin", "return_and_lend", "renew", "undo"]


@dataclass(frozen=True)
class DeskResult:
    """What the desk shows after an action; ``undo_token`` undoes exactly this action (keep it in memory)."""

    kind: DeskKind
    message: str
    loan_id: int
    undo_token: str
    barcode: str
    title: str
    child: BorrowerRow
    due_on: dt.date | None = None
    overdue_days: int = 0


def _loan_summary(verb: str, barcode: str, title: str, child_id: int, extra: str = "") -> str:
    return f"{verb} {barcode}《{title}》 儿童 #{child_id}{extra}"


def checkout(ctx: AppContext, child_id: int, barcode: str, today: dt.date | None = None) -> DeskResult:
    """Lend the copy with ``barcode`` to the child, after checking the copy, the child and the loan rule."""
    require(ctx.actor, "circulation", WRITE)
    code = clean_code(barcode)
    today, now = moment(today)
    role = ctx.actor.role
    with ctx.db.session() as s:  # BEGIN IMMEDIATE: everything below sees the state no other desk can change
        child = _child(s, child_id)
        copy, title, open_loan, holder = _copy(s, code)
        if open_loan is not None:
            if open_loan.child_id == child.id:
                raise DomainError(
                    f"{child.name} 已借了《{title}》（应还日期 {cn_date(open_loan.due_on)}），不用再借。"
                )
            who = borrower_row(role, holder).label if holder is not None else "别人"
            raise DomainError(
                f"《{title}》已借给 {who}，还没还。只还书：按 Esc 后扫这本书；"
                "还回并借给这名儿童：扫这本书后按回车确认。"
            )
        loan = _lend(s, ctx, child, copy, title, today, now)
        borrower = borrower_row(role, child)
        return DeskResult(
            kind="checkout",
            message=f"《{title}》借给 {borrower.name}，请在 {cn_date(loan.due_on)} 前归还。",
            loan_id=loan.id,
            undo_token=f"checkout:{loan.id}:{copy.id}:{child.id}:{now.isoformat()}",
            barcode=copy.barcode,
            title=title,
            child=borrower,
            due_on=loan.due_on,
        )


def return_and_lend(ctx: AppContext, child_id: int, barcode: str, today: dt.date | None = None) -> DeskResult:
    """The desk's most common visit in one step: the copy comes back from whoever had it and goes to this child —
    one transaction, so a refusal (the child's limit, a damaged copy) leaves the first loan as it was."""
    require(ctx.actor, "circulation", WRITE)
    code = clean_code(barcode)
    today, now = moment(today)
    role = ctx.actor.role
    with ctx.db.session() as s:
        child = _child(s, child_id)
        copy, title, old_loan, holder = _copy(s, code)
        if old_loan is None or holder is None:
            raise DomainError(f"《{title}》已经还了，不用再还。请重新扫这本书借出。")
        if old_loan.child_id == child.id:
            raise DomainError(f"《{title}》就在 {child.name} 名下，不用转借。")
        previous_status = copy.status
        late = _take_back(s, ctx, old_loan, copy, title, holder, today, now)
        loan = _lend(s, ctx, child, copy, title, today, now)
        previous = borrower_row(role, holder)
        borrower = borrower_row(role, child)
        lateness = f"，逾期 {late} 天" if late else ""
        return DeskResult(
            kind="return_and_lend",
            message=(
                f"《{title}》已从 {previous.name} 还回{lateness}，借给 {borrower.name}，"
                f"请在 {cn_date(loan.due_on)} 前归还。"
            ),
            loan_id=loan.id,
            undo_token=f"return_and_lend:{loan.id}:{old_loan.id}:{previous_status}:{now.isoformat()}",
            barcode=copy.barcode,
            title=title,
            child=borrower,
            due_on=loan.due_on,
            overdue_days=late,
        )


def _child(s: Session, child_id: int) -> Child:
    child = s.get(Child, child_id)
    if child is None:
        raise NotFound("找不到这名儿童，请重新扫描借书证。")
    return child


def _copy(s: Session, code: str) -> CopyHit:
    hit = find_copy(s, code)
    if hit is None:
        raise NotFound(f"没有找到条码为“{code}”的图书，请检查条码标签。")
    return hit


def _lend(
    s: Session, ctx: AppContext, child: Child, copy: BookCopy, title: str, today: dt.date, now: dt.datetime
) -> Loan:
    """Check the copy, the child and the rule, then write the loan and its audit row (the copy is free)."""
    if copy.status in _NOT_LENDABLE:
        raise DomainError(
            f"《{title}》（{copy.barcode}）{_NOT_LENDABLE[copy.status]}，不能借出。"
            "如书已找回或修好，请先在图书目录中改为“在架”。"
        )
    config = read_config(s)
    rule = rule_for_grade(config.rules, child.grade)
    held = [(loan.due_on, t) for loan, _, t in held_loans(s, child.id)]
    reason = borrow_refusal(child, held, rule, config.block_when_overdue, today)
    if reason:
        raise DomainError(reason)
    due = compute_due_on(s, today, rule.loan_days)
    loan = Loan(
        copy_id=copy.id,
        child_id=child.id,
        loaned_at=now,
        due_on=due,
        renewals=0,
        loaned_by=ctx.actor.user_id,
    )
    s.add(loan)
    copy.status = CopyStatus.ON_LOAN
    s.flush()
    audit.record(
        s,
        ctx.actor,
        "create",
        "loan",
        loan.id,
        _loan_summary("借出", copy.barcode, title, child.id, f"，应还 {due.isoformat()}"),
        {"copy_id": [None, copy.id], "child_id": [None, child.id], "due_on": [None, due.isoformat()]},
    )
    return loan


def _take_back(
    s: Session,
    ctx: AppContext,
    loan: Loan,
    copy: BookCopy,
    title: str,
    holder: Child,
    today: dt.date,
    now: dt.datetime,
) -> int:
    """Close the open loan and audit it; returns how many days late it came back."""
    late = overdue_days(loan.due_on, today)
    previous_status = copy.status
    loan.returned_at = now
    loan.returned_by = ctx.actor.user_id
    if copy.status in (CopyStatus.ON_LOAN, CopyStatus.LOST):
        # A book marked lost while out and now brought back is on the shelf again.
        copy.status = CopyStatus.AVAILABLE
    audit.record(
        s,
        ctx.actor,
        "update",
        "loan",
        loan.id,
        _loan_summary("归还", copy.barcode, title, holder.id, f"，逾期 {late} 天" if late else ""),
        {"returned_at": [None, now.isoformat(sep=" ")], "copy_status": [previous_status, copy.status]},
    )
    return late


def checkin(ctx: AppContext, barcode: str, today: dt.date | None = None) -> DeskResult:
    """Take back the copy, whoever has it; says whose it was and how late."""
    require(ctx.actor, "circulation", WRITE)
    code = clean_code(barcode)
    today, now = moment(today)
    with ctx.db.session() as s:
        copy, title, loan, holder = _copy(s, code)
        if loan is None or holder is None:
            raise DomainError(f"《{title}》（{copy.barcode}）没有借出记录，不用还。请把书放回书架。")
        previous_status = copy.status
        late = _take_back(s, ctx, loan, copy, title, holder, today, now)
        note = "此书原登记为遗失，已改为在架。" if previous_status == CopyStatus.LOST else ""
        borrower = borrower_row(ctx.actor.role, holder)
        lateness = f"，逾期 {late} 天" if late else ""
        return DeskResult(
            kind="checkin",
            message=f"《{title}》已还（{borrower.name}{lateness}）" + (f"。{note}" if note else ""),
            loan_id=loan.id,
            undo_token=f"checkin:{loan.id}:{previous_status}:{now.isoformat()}",
            barcode=copy.barcode,
            title=title,
            child=borrower,
            due_on=loan.due_on,
            overdue_days=late,
        )


def renew(
    ctx: AppContext,
    barcode_or_loan_id: str | int,
    today: dt.date | None = None,
    *,
    child_id: int | None = None,
) -> DeskResult:
    """Extend an open loan by the rule's loan period, at most ``max_renewals`` times.

    A loan not yet due is extended from its due date (renewing early costs the child nothing). A loan made today is
    not renewed (at the desk that is a stray F5, not a wish). An overdue loan is renewed only where the loan settings
    allow it (see ``LoanSettings.may_renew_overdue``: renewing it would lift the overdue block without the book
    coming back), and its new period counts from today, not from the missed due date. With ``child_id`` (the child
    at the desk) the loan must be theirs.
    """
    require(ctx.actor, "circulation", WRITE)
    today, _ = moment(today)
    with ctx.db.session() as s:
        if isinstance(barcode_or_loan_id, int):
            loan = s.get(Loan, barcode_or_loan_id)
            if loan is None or loan.returned_at is not None:
                raise DomainError("这条借阅记录已经还书或不存在，不能续借。")
            copy = s.get(BookCopy, loan.copy_id)
            child = s.get(Child, loan.child_id)
            assert copy is not None and child is not None  # foreign keys (RESTRICT) guarantee both
            title = s.scalar(select(BookTitle.title).where(BookTitle.id == copy.title_id)) or ""
        else:
            code = clean_code(barcode_or_loan_id)
            copy, title, found_loan, found_child = _copy(s, code)
            if found_loan is None or found_child is None:
                raise DomainError(f"《{title}》（{copy.barcode}）没有借出，不能续借。")
            loan, child = found_loan, found_child
        if child_id is not None and child.id != child_id:
            raise DomainError(f"《{title}》不是这名儿童借的，不能替他/她续借。请重新选择。")
        if local_date(loan.loaned_at) >= today:
            raise DomainError(f"《{title}》今天才借出，应还日期是 {cn_date(loan.due_on)}，不用续借。")
        config = read_config(s)
        rule = rule_for_grade(config.rules, child.grade)
        if loan.renewals >= rule.max_renewals:
            limit = "不能续借" if rule.max_renewals == 0 else f"每本书最多续借 {rule.max_renewals} 次"
            raise DomainError(
                f"《{title}》已续借 {loan.renewals} 次，{grade_label(child.grade)}{limit}。请还书后重新借。"
            )
        late = overdue_days(loan.due_on, today)
        if late and not may_renew_overdue(config.block_when_overdue, config.renew_when_overdue):
            raise DomainError(
                f"《{title}》已逾期 {late} 天，不能续借：请 {child.name} 先还书，还书后可以再借。"
                "（允许续借逾期的书，在“设置 → 借阅规则与闭馆日”中打开。）"
            )
        old_due = loan.due_on
        new_due = compute_due_on(s, max(today, old_due), rule.loan_days)
        loan.due_on = new_due
        loan.renewals += 1
        audit.record(
            s,
            ctx.actor,
            "update",
            "loan",
            loan.id,
            _loan_summary("续借", copy.barcode, title, child.id, f"，应还 {new_due.isoformat()}"),
            {
                "due_on": [old_due.isoformat(), new_due.isoformat()],
                "renewals": [loan.renewals - 1, loan.renewals],
            },
        )
        borrower = borrower_row(ctx.actor.role, child)
        note = f"（已逾期 {late} 天，从今天起算）" if late else ""
        return DeskResult(
            kind="renew",
            message=f"《{title}》已续借（{borrower.name}），应还日期改为 {cn_date(new_due)}{note}。",
            loan_id=loan.id,
            undo_token=f"renew:{loan.id}:{loan.renewals}:{old_due.isoformat()}:{new_due.isoformat()}",
            barcode=copy.barcode,
            title=title,
            child=borrower,
            due_on=new_due,
            overdue_days=late,
        )


_UNDO_STALE: Final = "无法撤销：这本书之后又有了新的借还操作。"


def undo(ctx: AppContext, undo_token: str) -> DeskResult:
    """Undo the checkout, checkin or renewal the token came from — only if nothing has happened to the copy since."""
    require(ctx.actor, "circulation", WRITE)
    # checkout:<loan>:<copy>:<child>:<loaned_at> · checkin:<loan>:<previous copy status>:<returned_at> ·
    # renew:<loan>:<renewals after>:<old due>:<new due> ·
    # return_and_lend:<new loan>:<old loan>:<previous copy status>:<the instant of both>.
    # The timestamps tell a loan from a later one with its id.
    kind, _, rest = (undo_token or "").partition(":")
    parts = rest.split(":", 3 if kind in ("checkout", "return_and_lend") else 2)
    try:
        loan_id = int(parts[0])
    except ValueError:
        raise ValidationError("无法撤销：撤销信息无效。") from None
    if kind not in ("checkout", "checkin", "renew", "return_and_lend"):
        raise ValidationError("无法撤销：撤销信息无效。")
    with ctx.db.session() as s:
        loan = s.get(Loan, loan_id)
        if loan is None:
            raise DomainError("无法撤销：这条借阅记录已不存在（可能已经撤销过）。")
        copy = s.get(BookCopy, loan.copy_id)
        child = s.get(Child, loan.child_id)
        assert copy is not None and child is not None  # foreign keys (RESTRICT) guarantee both
        title = s.scalar(select(BookTitle.title).where(BookTitle.id == copy.title_id)) or ""
        borrower = borrower_row(ctx.actor.role, child)
        if kind == "checkout":
            message = _undo_checkout(s, ctx, loan, copy, title, borrower.name, parts)
        elif kind == "checkin":
            message = _undo_checkin(s, ctx, loan, copy, title, borrower.name, parts)
        elif kind == "return_and_lend":
            message = _undo_return_and_lend(s, ctx, loan, copy, title, borrower.name, parts)
        else:
            message = _undo_renew(s, ctx, loan, copy, title, borrower.name, parts)
        return DeskResult(
            kind="undo",
            message=message,
            loan_id=loan_id,
            undo_token="",
            barcode=copy.barcode,
            title=title,
            child=borrower,
            due_on=loan.due_on if kind not in ("checkout", "return_and_lend") else None,
        )


def _undo_checkout(
    s: Session, ctx: AppContext, loan: Loan, copy: BookCopy, title: str, who: str, parts: list[str]
) -> str:
    if len(parts) != 4:
        raise ValidationError("无法撤销：撤销信息无效。")
    if [str(loan.copy_id), str(loan.child_id), loan.loaned_at.isoformat()] != parts[1:]:
        # The loan was undone already and SQLite reused its id for a later loan: never delete someone else's.
        raise DomainError("无法撤销：这条借阅记录已不存在（可能已经撤销过）。")
    if loan.returned_at is not None or loan.renewals != 0 or copy.status != CopyStatus.ON_LOAN:
        raise DomainError(_UNDO_STALE)
    audit.record(
        s,
        ctx.actor,
        "delete",
        "loan",
        loan.id,
        _loan_summary("撤销借出", copy.barcode, title, loan.child_id),
        {"copy_id": [loan.copy_id, None], "child_id": [loan.child_id, None]},
    )
    s.delete(loan)
    copy.status = CopyStatus.AVAILABLE
    return f"已撤销借出：《{title}》（{who}）。"


def _undo_checkin(
    s: Session, ctx: AppContext, loan: Loan, copy: BookCopy, title: str, who: str, parts: list[str]
) -> str:
    if len(parts) != 3 or parts[1] not in (CopyStatus.ON_LOAN, CopyStatus.LOST):
        raise ValidationError("无法撤销：撤销信息无效。")
    previous_status, returned_at = parts[1], parts[2]
    if (
        loan.returned_at is None
        or loan.returned_at.isoformat() != returned_at
        or copy.status != CopyStatus.AVAILABLE
    ):
        raise DomainError(_UNDO_STALE)
    later = s.scalar(select(func.count()).select_from(Loan).where(Loan.copy_id == copy.id, Loan.id > loan.id))
    if later:
        raise DomainError(_UNDO_STALE)
    audit.record(
        s,
        ctx.actor,
        "update",
        "loan",
        loan.id,
        _loan_summary("撤销归还", copy.barcode, title, loan.child_id),
        {
            "returned_at": [loan.returned_at.isoformat(sep=" "), None],
            "copy_status": [CopyStatus.AVAILABLE, previous_status],
        },
    )
    loan.returned_at = None
    loan.returned_by = None
    copy.status = previous_status
    return f"已撤销还书：《{title}》仍借给 {who}。"


def _undo_renew(
    s: Session, ctx: AppContext, loan: Loan, copy: BookCopy, title: str, who: str, parts: list[str]
) -> str:
    if len(parts) != 3:
        raise ValidationError("无法撤销：撤销信息无效。")
    try:
        renewals = int(parts[1])
        old_due, new_due = (dt.date.fromisoformat(p) for p in parts[2].split(":"))
    except ValueError:
        raise ValidationError("无法撤销：撤销信息无效。") from None
    if loan.returned_at is not None or loan.renewals != renewals or loan.due_on != new_due:
        raise DomainError(_UNDO_STALE)
    audit.record(
        s,
        ctx.actor,
        "update",
        "loan",
        loan.id,
        _loan_summary("撤销续借", copy.barcode, title, loan.child_id, f"，应还 {old_due.isoformat()}"),
        {"due_on": [new_due.isoformat(), old_due.isoformat()], "renewals": [renewals, renewals - 1]},
    )
    loan.due_on = old_due
    loan.renewals = renewals - 1
    return f"已撤销续借：《{title}》（{who}）应还日期恢复为 {cn_date(old_due)}。"


def _undo_return_and_lend(
    s: Session, ctx: AppContext, loan: Loan, copy: BookCopy, title: str, who: str, parts: list[str]
) -> str:
    """Both halves back: the new loan goes, the earlier one is open again — only if nothing happened since."""
    if len(parts) != 4 or parts[2] not in (CopyStatus.ON_LOAN, CopyStatus.LOST):
        raise ValidationError("无法撤销：撤销信息无效。")
    try:
        old_id = int(parts[1])
    except ValueError:
        raise ValidationError("无法撤销：撤销信息无效。") from None
    if loan.loaned_at.isoformat() != parts[3]:
        raise DomainError("无法撤销：这条借阅记录已不存在（可能已经撤销过）。")
    old = s.get(Loan, old_id)
    if (
        old is None
        or old.copy_id != loan.copy_id
        or old.returned_at != loan.loaned_at
        or loan.returned_at is not None
        or loan.renewals != 0
        or copy.status != CopyStatus.ON_LOAN
    ):
        raise DomainError(_UNDO_STALE)
    later = s.scalar(select(func.count()).select_from(Loan).where(Loan.copy_id == copy.id, Loan.id > loan.id))
    if later:
        raise DomainError(_UNDO_STALE)
    previous = s.get(Child, old.child_id)
    previous_name = previous.name if previous is not None else ""
    audit.record(
        s,
        ctx.actor,
        "delete",
        "loan",
        loan.id,
        _loan_summary("撤销还回并转借", copy.barcode, title, loan.child_id, f"，仍借给儿童 #{old.child_id}"),
        {"copy_id": [loan.copy_id, None], "child_id": [loan.child_id, None], "reopened_loan": [None, old.id]},
    )
    s.delete(loan)
    s.flush()  # one open loan per copy (a unique index): the new one goes before the old one reopens
    old.returned_at = None
    old.returned_by = None
    copy.status = parts[2]
    return f"已撤销还回并转借：《{title}》不再借给 {who}，仍在 {previous_name} 名下。"
