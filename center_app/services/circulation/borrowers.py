"""Who is at the desk and what was scanned: finding the borrower (card, name or pinyin), their loans and whether
they may borrow more, and telling a library card from a copy's barcode or an ISBN."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final, Literal

from sqlalchemy import select

from center_app.context import AppContext
from center_app.db.models import BookTitle, Child
from center_app.domain.children import roll_order
from center_app.domain.errors import NotFound
from center_app.domain.loan_rules import GradeRule, overdue_days, rule_for_grade
from center_app.domain.permissions import READ, redact_child, require
from center_app.domain.pinyin import normalise, pinyin_keys
from center_app.domain.states import ChildStatus
from center_app.services.circulation.common import (
    BorrowerRow,
    borrow_refusal,
    borrower_row,
    clean_code,
    find_copy,
    held_loans,
    local_date,
    moment,
    variants,
)
from center_app.services.circulation.loan_settings import read_config

MAX_BORROWER_RESULTS: Final = 20


ScanKindName = Literal["child", "copy", "isbn", "conflict", "unknown", "empty"]


@dataclass(frozen=True)
class LoanLine:
    loan_id: int
    barcode: str
    title: str
    loaned_on: dt.date  # local date
    due_on: dt.date
    overdue_days: int
    renewals: int
    renewals_left: int


@dataclass(frozen=True)
class BorrowerStatus:
    child: BorrowerRow
    loans: list[LoanLine]
    rule: GradeRule
    may_borrow_more: int  # how many more books the rule allows (0 when the limit is reached)
    has_overdue: bool
    can_borrow: bool
    blocked_reason: str  # why not, as the checkout would say it; "" when ``can_borrow``


@dataclass(frozen=True)
class ScanKind:
    """What a scanned code is. ``copy_*`` and ``holder`` are filled for a copy; ``child`` for a library card."""

    kind: ScanKindName
    code: str
    message: str = ""
    child: BorrowerRow | None = None
    copy_id: int | None = None
    copy_status: str = ""
    title: str = ""
    holder: BorrowerRow | None = None  # who has the copy now (an open loan), if anyone


def find_borrower(ctx: AppContext, text: str) -> list[BorrowerRow]:
    """A scanned card (exact, any case) → that child; otherwise active children whose name contains the text, or
    whose full pinyin / pinyin initials do ("wzh", "wangzihan" → 王子涵). At most 20, by class then pinyin."""
    require(ctx.actor, "circulation", READ)
    require(ctx.actor, "child.basic", READ)
    code = clean_code(text)
    if not code:
        return []
    role = ctx.actor.role
    with ctx.db.read() as s:
        card = s.scalars(select(Child).where(Child.card_barcode.in_(variants(code)))).first()
        if card is not None:
            # A card finds its child even after they left: the desk then says why they cannot borrow.
            return [borrower_row(role, card)]
        rows = s.execute(
            select(
                Child.id,
                Child.name,
                Child.name_pinyin,
                Child.name_initials,
                Child.class_name,
                Child.grade,
                Child.card_barcode,
            ).where(Child.status == ChildStatus.ACTIVE)
        ).all()
    # A centre has 100–200 active children: matching in Python handles rows whose pinyin was never filled in and
    # keeps the rule the same as every other list's search (domain.pinyin).
    query = normalise(code).replace(" ", "")
    hits = []
    for r in rows:
        full, initials = (r.name_pinyin, r.name_initials) if r.name_pinyin else pinyin_keys(r.name)
        if query in normalise(r.name) or query in full.replace(" ", "") or query in (initials or ""):
            hits.append((roll_order(r.grade, r.class_name, r.name, full), r))
    hits.sort(key=lambda h: h[0])
    return [
        BorrowerRow(
            **redact_child(
                role,
                {
                    "id": r.id,
                    "name": r.name,
                    "class_name": r.class_name,
                    "grade": r.grade,
                    "card_barcode": r.card_barcode,
                },
            )
        )
        for _, r in hits[:MAX_BORROWER_RESULTS]
    ]


def borrower_status(ctx: AppContext, child_id: int, today: dt.date | None = None) -> BorrowerStatus:
    """The child at the desk: their open loans, their rule, how many more they may take, and whether they may."""
    require(ctx.actor, "circulation", READ)
    require(ctx.actor, "child.basic", READ)
    today, _ = moment(today)
    with ctx.db.read() as s:
        child = s.get(Child, child_id)
        if child is None:
            raise NotFound("找不到这名儿童，请重新扫描借书证。")
        config = read_config(s)
        rule = rule_for_grade(config.rules, child.grade)
        held = held_loans(s, child.id)
        lines = [
            LoanLine(
                loan_id=loan.id,
                barcode=barcode,
                title=title,
                loaned_on=local_date(loan.loaned_at),
                due_on=loan.due_on,
                overdue_days=overdue_days(loan.due_on, today),
                renewals=loan.renewals,
                renewals_left=max(0, rule.max_renewals - loan.renewals),
            )
            for loan, barcode, title in held
        ]
        reason = borrow_refusal(
            child, [(line.due_on, line.title) for line in lines], rule, config.block_when_overdue, today
        )
        return BorrowerStatus(
            child=borrower_row(ctx.actor.role, child),
            loans=lines,
            rule=rule,
            may_borrow_more=max(0, rule.max_books - len(lines)),
            has_overdue=any(line.overdue_days > 0 for line in lines),
            can_borrow=not reason,
            blocked_reason=reason,
        )


def classify_scan(ctx: AppContext, code: str) -> ScanKind:
    """Is the scanned code a library card, a copy's barcode label, an ISBN (refused: several copies share one), or
    nothing we know?"""
    require(ctx.actor, "circulation", READ)
    code = clean_code(code)
    if not code:
        return ScanKind(kind="empty", code="", message="请扫描借书证或图书条码。")
    role = ctx.actor.role
    with ctx.db.read() as s:
        card = s.scalars(select(Child).where(Child.card_barcode.in_(variants(code)))).first()
        hit = find_copy(s, code)
        if card is not None and hit is not None:
            return ScanKind(
                kind="conflict",
                code=code,
                message=f"条码“{code}”既是借书证又是图书条码，无法区分。请联系管理员更换其中一个条码。",
            )
        if card is not None:
            child = borrower_row(role, card)
            return ScanKind(kind="child", code=code, child=child, message=child.label)
        if hit is not None:
            copy, title, loan, holder = hit
            return ScanKind(
                kind="copy",
                code=copy.barcode,
                copy_id=copy.id,
                copy_status=copy.status,
                title=title,
                holder=borrower_row(role, holder) if loan is not None and holder is not None else None,
                message=f"《{title}》",
            )
        isbn13 = _as_isbn13(code)
        if isbn13:
            titles = list(s.scalars(select(BookTitle.title).where(BookTitle.isbn13 == isbn13).limit(2)))
            which = f"（《{titles[0]}》）" if len(titles) == 1 else ""
            return ScanKind(
                kind="isbn",
                code=code,
                title=titles[0] if len(titles) == 1 else "",
                message=f"这是书号 ISBN{which}，不是图书条码。请扫描贴在书上的条码标签。",
            )
    return ScanKind(
        kind="unknown", code=code, message=f"没有找到条码“{code}”对应的借书证或图书，请检查条码标签。"
    )


def _as_isbn13(code: str) -> str:
    """The ISBN-13 a scanned code stands for ("" if it is not a valid ISBN). A book's EAN bar code is its ISBN."""
    compact = code.replace("-", "").replace(" ", "")
    if len(compact) not in (10, 13):
        return ""
    from stdnum import isbn  # small, but only the rare ISBN scan needs it

    if not isbn.is_valid(compact):
        return ""
    return isbn.compact(isbn.to_isbn13(compact))
