"""The circulation desk: find the borrower, lend, take back, renew, undo; loan rules, closed days, overdue lists.

Each public function is one use case and one transaction, and starts with a permission check. Every change to a
loan is audited in its own transaction ("create" on checkout, "update" on return, renewal and an undone return or
renewal, "delete" when an undone checkout removes the loan); summaries carry the copy barcode and the child's id,
never more about the child.

The desk is scanner-first: a USB scanner types the code and Enter, so codes arrive with stray spaces, full-width
characters from a Chinese input method or the wrong case (Caps Lock). Codes are matched exactly after NFKC and
trimming, trying the code as typed, upper-cased and lower-cased — which keeps the lookup on the unique index.

Concurrency: writers start with ``BEGIN IMMEDIATE`` (``Database.session``), and every rule is checked *inside* the
writing transaction, so a second desk lending the same copy waits for the first and is then refused.

Times: ``loaned_at``/``returned_at`` are naive UTC instants (the schema's rule); ``due_on`` and every ``today`` are
dates in the PC's local time zone. Passing ``today`` (tests, or entering a day's paper slips later) stamps the
action at the current time of day on that day.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal

from sqlalchemy import Row, and_, delete, func, select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import (
    BookCopy,
    BookTitle,
    Child,
    ClosedDay,
    Guardian,
    Loan,
    LoanRule,
    Setting,
    utcnow,
)
from center_app.domain import loan_rules
from center_app.domain.errors import DomainError, NotFound, PermissionDenied, ValidationError
from center_app.domain.loan_rules import GradeRule, grade_label, overdue_days, rule_for_grade
from center_app.domain.permissions import OWN, READ, WRITE, allowed, denied_message, redact_child, require
from center_app.domain.pinyin import normalise, pinyin_keys
from center_app.services import audit
from center_app.services.settings import write_setting

BLOCK_WHEN_OVERDUE_KEY: Final = "block_when_overdue"
SOUND_ON_KEY: Final = "sound_on"
MAX_BORROWER_RESULTS: Final = 20
CLOSED_REASON_MAX: Final = 100

# Copy states that keep a book off the desk. on_loan is judged by the open loan itself (the loan is the truth; the
# status column is a cache for the catalogue's lists).
_NOT_LENDABLE: Final[dict[str, str]] = {
    "lost": "已登记为遗失",
    "damaged": "已登记为损坏",
    "withdrawn": "已剔除",
}

ScanKindName = Literal["child", "copy", "isbn", "conflict", "unknown", "empty"]
DeskKind = Literal["checkout", "checkin", "renew", "undo"]


# --- results ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BorrowerRow:
    """A child as the desk sees it: ``child.basic`` only (the librarian may see nothing more)."""

    id: int
    name: str
    class_name: str
    grade: int | None
    card_barcode: str | None

    @property
    def label(self) -> str:
        """``三年级2班 王子涵`` — how the desk names a child (class first: there are two 王子涵 in most schools)."""
        return f"{self.class_name} {self.name}" if self.class_name else self.name


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


@dataclass(frozen=True)
class LoanSettings:
    rules: tuple[GradeRule, ...]
    block_when_overdue: bool = True  # refuse new loans while a child has an overdue book
    sound_on: bool = True  # the desk beeps on success / refusal


@dataclass(frozen=True)
class ClosedDayRow:
    day: dt.date
    reason: str


@dataclass(frozen=True)
class OverdueRow:
    """One overdue loan, for the list and the per-class slips sent home.

    ``guardian_*`` are the primary guardian's, blank unless the actor may see ``child.family`` (name, relation)
    and ``child.phones`` (phone): a librarian prints slips with the child's name and class only.
    """

    loan_id: int
    child_id: int
    child_name: str
    class_name: str
    grade: int | None
    guardian_name: str
    guardian_relation: str
    guardian_phone: str
    title: str
    barcode: str
    loaned_on: dt.date
    due_on: dt.date
    overdue_days: int


@dataclass
class _Config:
    rules: list[GradeRule] = field(default_factory=list)
    block_when_overdue: bool = True
    sound_on: bool = True


# --- small helpers ------------------------------------------------------------------------------------------


def _clean_code(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").strip()


def _variants(code: str) -> list[str]:
    # IN (as typed, UPPER, lower) stays on the unique index, unlike lower(barcode) = ?, and covers Caps Lock.
    return list(dict.fromkeys((code, code.upper(), code.lower())))


def _moment(today: dt.date | None) -> tuple[dt.date, dt.datetime]:
    """(local date, naive UTC instant) of an action: now, or the current time of day on ``today`` when another
    day is given (a back-dated entry keeps distinct, ordered instants)."""
    local_today = dt.date.today()
    if today is None or today == local_today:
        return local_today, utcnow()
    local = dt.datetime.combine(today, dt.datetime.now().time()).astimezone()  # naive → the PC's local zone
    return today, local.astimezone(dt.UTC).replace(tzinfo=None)


def _local_date(instant: dt.datetime) -> dt.date:
    return instant.replace(tzinfo=dt.UTC).astimezone().date()


def _cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _natural(text: str) -> tuple[Any, ...]:
    """``三年级10班`` after ``三年级2班``: digit runs compare as numbers."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text or ""))


def _child_sort_key(grade: int | None, class_name: str, name: str, name_pinyin: str) -> tuple[Any, ...]:
    return (grade is None, grade or 0, _natural(class_name), name_pinyin or pinyin_keys(name)[0], name)


def _borrower(role: str, child: Child) -> BorrowerRow:
    data = redact_child(
        role,
        {
            "id": child.id,
            "name": child.name,
            "class_name": child.class_name,
            "grade": child.grade,
            "card_barcode": child.card_barcode,
        },
    )
    return BorrowerRow(**data)


def _require_any(actor: Any, *grants: tuple[str, str]) -> None:
    """Allowed when any of (area, level) is granted; the refusal names the first one."""
    if not any(allowed(actor.role, area, level) for area, level in grants):
        raise PermissionDenied(denied_message(actor.role, *grants[0]))


def _read_config(s: Session) -> _Config:
    rules = [
        GradeRule(r.grade_min, r.grade_max, r.max_books, r.loan_days, r.max_renewals)
        for r in s.scalars(select(LoanRule).order_by(LoanRule.grade_min, LoanRule.id))
    ]
    values: dict[str, Any] = {}
    for row in s.scalars(select(Setting).where(Setting.key.in_((BLOCK_WHEN_OVERDUE_KEY, SOUND_ON_KEY)))):
        try:
            values[row.key] = json.loads(row.value) if row.value else None
        except ValueError:
            values[row.key] = None
    return _Config(
        rules=rules,
        block_when_overdue=bool(values.get(BLOCK_WHEN_OVERDUE_KEY, True) is not False),
        sound_on=bool(values.get(SOUND_ON_KEY, True) is not False),
    )


def _due_on(s: Session, start: dt.date, loan_days: int) -> dt.date:
    # Only the closed days at or after the earliest possible due date matter (primary-key range, at most a year).
    earliest = start + dt.timedelta(days=loan_days)
    closed = set(
        s.scalars(select(ClosedDay.day).where(ClosedDay.day >= earliest).order_by(ClosedDay.day).limit(366))
    )
    return loan_rules.due_date(start, loan_days, closed)


_CopyHit = tuple[BookCopy, str, Loan | None, Child | None]


def _find_copy(s: Session, code: str) -> _CopyHit | None:
    """The copy with this barcode, its title, its open loan and that loan's child — one indexed statement."""
    if not code:
        return None
    rows: Sequence[Row[Any]] = s.execute(
        select(BookCopy, BookTitle.title, Loan, Child)
        .join(BookTitle, BookTitle.id == BookCopy.title_id)
        .outerjoin(Loan, and_(Loan.copy_id == BookCopy.id, Loan.returned_at.is_(None)))
        .outerjoin(Child, Child.id == Loan.child_id)
        .where(BookCopy.barcode.in_(_variants(code)))
        .order_by(BookCopy.id, Loan.id)
    ).all()
    if not rows:
        return None
    # "b12" and "B12" could both exist; the exact spelling wins.
    exact = [r for r in rows if r[0].barcode == code]
    row = (exact or rows)[0]
    return row[0], row[1], row[2], row[3]


def _held_loans(s: Session, child_id: int) -> list[Row[Any]]:
    return list(
        s.execute(
            select(Loan, BookCopy.barcode, BookTitle.title)
            .join(BookCopy, BookCopy.id == Loan.copy_id)
            .join(BookTitle, BookTitle.id == BookCopy.title_id)
            .where(Loan.child_id == child_id, Loan.returned_at.is_(None))
            .order_by(Loan.due_on, Loan.id)
        ).all()
    )


def _borrow_refusal(
    child: Child,
    held: Sequence[tuple[dt.date, str]],
    rule: GradeRule,
    block_when_overdue: bool,
    today: dt.date,
) -> str:
    """Why this child may not borrow another book now ("" if they may). ``held`` = (due_on, title) of open loans."""
    if child.status != "active":
        return f"{child.name} 已不在中心登记，不能借书。如有疑问请联系社工。"
    late = sorted(((overdue_days(due, today), title) for due, title in held if due < today), reverse=True)
    if block_when_overdue and late:
        days, title = late[0]
        more = f"等 {len(late)} 本书" if len(late) > 1 else ""
        return f"{child.name} 有书逾期未还（《{title}》{more}逾期 {days} 天），请先还书再借。"
    if len(held) >= rule.max_books:
        who = grade_label(child.grade) if rule.covers(child.grade if child.grade is not None else -1) else ""
        return f"{child.name} 已借 {len(held)} 本，{who}每人最多 {rule.max_books} 本。"
    return ""


def _loan_summary(verb: str, barcode: str, title: str, child_id: int, extra: str = "") -> str:
    return f"{verb} {barcode}《{title}》 儿童 #{child_id}{extra}"


# --- finding the borrower -----------------------------------------------------------------------------------


def find_borrower(ctx: AppContext, text: str) -> list[BorrowerRow]:
    """A scanned card (exact, any case) → that child; otherwise active children whose name contains the text, or
    whose full pinyin / pinyin initials do ("wzh", "wangzihan" → 王子涵). At most 20, by class then pinyin."""
    require(ctx.actor, "circulation", READ)
    require(ctx.actor, "child.basic", READ)
    code = _clean_code(text)
    if not code:
        return []
    role = ctx.actor.role
    with ctx.db.read() as s:
        card = s.scalars(select(Child).where(Child.card_barcode.in_(_variants(code)))).first()
        if card is not None:
            # A card finds its child even after they left: the desk then says why they cannot borrow.
            return [_borrower(role, card)]
        rows = s.execute(
            select(
                Child.id,
                Child.name,
                Child.name_pinyin,
                Child.name_initials,
                Child.class_name,
                Child.grade,
                Child.card_barcode,
            ).where(Child.status == "active")
        ).all()
    # A centre has 100–200 active children: matching in Python handles rows whose pinyin was never filled in and
    # keeps the rule the same as every other list's search (domain.pinyin).
    query = normalise(code).replace(" ", "")
    hits = []
    for r in rows:
        full, initials = (r.name_pinyin, r.name_initials) if r.name_pinyin else pinyin_keys(r.name)
        if query in normalise(r.name) or query in full.replace(" ", "") or query in (initials or ""):
            hits.append((_child_sort_key(r.grade, r.class_name, r.name, full), r))
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
    today, _ = _moment(today)
    with ctx.db.read() as s:
        child = s.get(Child, child_id)
        if child is None:
            raise NotFound("找不到这名儿童，请重新扫描借书证。")
        config = _read_config(s)
        rule = rule_for_grade(config.rules, child.grade)
        held = _held_loans(s, child.id)
        lines = [
            LoanLine(
                loan_id=loan.id,
                barcode=barcode,
                title=title,
                loaned_on=_local_date(loan.loaned_at),
                due_on=loan.due_on,
                overdue_days=overdue_days(loan.due_on, today),
                renewals=loan.renewals,
                renewals_left=max(0, rule.max_renewals - loan.renewals),
            )
            for loan, barcode, title in held
        ]
        reason = _borrow_refusal(
            child, [(line.due_on, line.title) for line in lines], rule, config.block_when_overdue, today
        )
        return BorrowerStatus(
            child=_borrower(ctx.actor.role, child),
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
    code = _clean_code(code)
    if not code:
        return ScanKind(kind="empty", code="", message="请扫描借书证或图书条码。")
    role = ctx.actor.role
    with ctx.db.read() as s:
        card = s.scalars(select(Child).where(Child.card_barcode.in_(_variants(code)))).first()
        hit = _find_copy(s, code)
        if card is not None and hit is not None:
            return ScanKind(
                kind="conflict",
                code=code,
                message=f"条码“{code}”既是借书证又是图书条码，无法区分。请联系管理员更换其中一个条码。",
            )
        if card is not None:
            child = _borrower(role, card)
            return ScanKind(kind="child", code=code, child=child, message=child.label)
        if hit is not None:
            copy, title, loan, holder = hit
            return ScanKind(
                kind="copy",
                code=copy.barcode,
                copy_id=copy.id,
                copy_status=copy.status,
                title=title,
                holder=_borrower(role, holder) if loan is not None and holder is not None else None,
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


# --- the desk actions ---------------------------------------------------------------------------------------


def checkout(ctx: AppContext, child_id: int, barcode: str, today: dt.date | None = None) -> DeskResult:
    """Lend the copy with ``barcode`` to the child, after checking the copy, the child and the loan rule."""
    require(ctx.actor, "circulation", WRITE)
    code = _clean_code(barcode)
    today, now = _moment(today)
    role = ctx.actor.role
    with ctx.db.session() as s:  # BEGIN IMMEDIATE: everything below sees the state no other desk can change
        child = s.get(Child, child_id)
        if child is None:
            raise NotFound("找不到这名儿童，请重新扫描借书证。")
        hit = _find_copy(s, code)
        if hit is None:
            raise NotFound(f"没有找到条码为“{code}”的图书，请检查条码标签。")
        copy, title, open_loan, holder = hit
        if open_loan is not None:
            if open_loan.child_id == child.id:
                raise DomainError(
                    f"{child.name} 已借了《{title}》（应还日期 {_cn_date(open_loan.due_on)}），不用再借。"
                )
            who = _borrower(role, holder).label if holder is not None else "别人"
            raise DomainError(f"《{title}》已借给 {who}，请先还书。")
        if copy.status in _NOT_LENDABLE:
            raise DomainError(
                f"《{title}》（{copy.barcode}）{_NOT_LENDABLE[copy.status]}，不能借出。"
                "如书已找回或修好，请先在图书目录中改为“在架”。"
            )
        config = _read_config(s)
        rule = rule_for_grade(config.rules, child.grade)
        held = [(loan.due_on, t) for loan, _, t in _held_loans(s, child.id)]
        reason = _borrow_refusal(child, held, rule, config.block_when_overdue, today)
        if reason:
            raise DomainError(reason)
        due = _due_on(s, today, rule.loan_days)
        loan = Loan(
            copy_id=copy.id,
            child_id=child.id,
            loaned_at=now,
            due_on=due,
            renewals=0,
            loaned_by=ctx.actor.user_id,
        )
        s.add(loan)
        copy.status = "on_loan"
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
        borrower = _borrower(role, child)
        return DeskResult(
            kind="checkout",
            message=f"《{title}》借给 {borrower.name}，请在 {_cn_date(due)} 前归还。",
            loan_id=loan.id,
            undo_token=f"checkout:{loan.id}:{copy.id}:{child.id}:{now.isoformat()}",
            barcode=copy.barcode,
            title=title,
            child=borrower,
            due_on=due,
        )


def checkin(ctx: AppContext, barcode: str, today: dt.date | None = None) -> DeskResult:
    """Take back the copy, whoever has it; says whose it was and how late."""
    require(ctx.actor, "circulation", WRITE)
    code = _clean_code(barcode)
    today, now = _moment(today)
    with ctx.db.session() as s:
        hit = _find_copy(s, code)
        if hit is None:
            raise NotFound(f"没有找到条码为“{code}”的图书，请检查条码标签。")
        copy, title, loan, holder = hit
        if loan is None or holder is None:
            raise DomainError(f"《{title}》（{copy.barcode}）没有借出记录，不用还。请把书放回书架。")
        late = overdue_days(loan.due_on, today)
        previous_status = copy.status
        loan.returned_at = now
        loan.returned_by = ctx.actor.user_id
        note = ""
        if copy.status in ("on_loan", "lost"):
            # A book marked lost while out and now brought back is on the shelf again.
            copy.status = "available"
            if previous_status == "lost":
                note = "此书原登记为遗失，已改为在架。"
        audit.record(
            s,
            ctx.actor,
            "update",
            "loan",
            loan.id,
            _loan_summary("归还", copy.barcode, title, holder.id, f"，逾期 {late} 天" if late else ""),
            {"returned_at": [None, now.isoformat(sep=" ")], "copy_status": [previous_status, copy.status]},
        )
        borrower = _borrower(ctx.actor.role, holder)
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


def renew(ctx: AppContext, barcode_or_loan_id: str | int, today: dt.date | None = None) -> DeskResult:
    """Extend an open loan by the rule's loan period, at most ``max_renewals`` times.

    A loan not yet due is extended from its due date (renewing early costs the child nothing); an overdue loan is
    renewed too, but its new period counts from today, not from the missed due date.
    """
    require(ctx.actor, "circulation", WRITE)
    today, _ = _moment(today)
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
            code = _clean_code(barcode_or_loan_id)
            hit = _find_copy(s, code)
            if hit is None:
                raise NotFound(f"没有找到条码为“{code}”的图书，请检查条码标签。")
            copy, title, found_loan, found_child = hit
            if found_loan is None or found_child is None:
                raise DomainError(f"《{title}》（{copy.barcode}）没有借出，不能续借。")
            loan, child = found_loan, found_child
        config = _read_config(s)
        rule = rule_for_grade(config.rules, child.grade)
        if loan.renewals >= rule.max_renewals:
            limit = "不能续借" if rule.max_renewals == 0 else f"每本书最多续借 {rule.max_renewals} 次"
            raise DomainError(
                f"《{title}》已续借 {loan.renewals} 次，{grade_label(child.grade)}{limit}。请还书后重新借。"
            )
        late = overdue_days(loan.due_on, today)
        old_due = loan.due_on
        new_due = _due_on(s, max(today, old_due), rule.loan_days)
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
        borrower = _borrower(ctx.actor.role, child)
        note = f"（已逾期 {late} 天，从今天起算）" if late else ""
        return DeskResult(
            kind="renew",
            message=f"《{title}》已续借（{borrower.name}），应还日期改为 {_cn_date(new_due)}{note}。",
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
    # renew:<loan>:<renewals after>:<old due>:<new due>. The timestamps tell a loan from a later one with its id.
    kind, _, rest = (undo_token or "").partition(":")
    parts = rest.split(":", 3 if kind == "checkout" else 2)
    try:
        loan_id = int(parts[0])
    except ValueError:
        raise ValidationError("无法撤销：撤销信息无效。") from None
    if kind not in ("checkout", "checkin", "renew"):
        raise ValidationError("无法撤销：撤销信息无效。")
    with ctx.db.session() as s:
        loan = s.get(Loan, loan_id)
        if loan is None:
            raise DomainError("无法撤销：这条借阅记录已不存在（可能已经撤销过）。")
        copy = s.get(BookCopy, loan.copy_id)
        child = s.get(Child, loan.child_id)
        assert copy is not None and child is not None  # foreign keys (RESTRICT) guarantee both
        title = s.scalar(select(BookTitle.title).where(BookTitle.id == copy.title_id)) or ""
        borrower = _borrower(ctx.actor.role, child)
        if kind == "checkout":
            message = _undo_checkout(s, ctx, loan, copy, title, borrower.name, parts)
        elif kind == "checkin":
            message = _undo_checkin(s, ctx, loan, copy, title, borrower.name, parts)
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
            due_on=loan.due_on if kind != "checkout" else None,
        )


def _undo_checkout(
    s: Session, ctx: AppContext, loan: Loan, copy: BookCopy, title: str, who: str, parts: list[str]
) -> str:
    if len(parts) != 4:
        raise ValidationError("无法撤销：撤销信息无效。")
    if [str(loan.copy_id), str(loan.child_id), loan.loaned_at.isoformat()] != parts[1:]:
        # The loan was undone already and SQLite reused its id for a later loan: never delete someone else's.
        raise DomainError("无法撤销：这条借阅记录已不存在（可能已经撤销过）。")
    if loan.returned_at is not None or loan.renewals != 0 or copy.status != "on_loan":
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
    copy.status = "available"
    return f"已撤销借出：《{title}》（{who}）。"


def _undo_checkin(
    s: Session, ctx: AppContext, loan: Loan, copy: BookCopy, title: str, who: str, parts: list[str]
) -> str:
    if len(parts) != 3 or parts[1] not in ("on_loan", "lost"):
        raise ValidationError("无法撤销：撤销信息无效。")
    previous_status, returned_at = parts[1], parts[2]
    if loan.returned_at is None or loan.returned_at.isoformat() != returned_at or copy.status != "available":
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
            "copy_status": ["available", previous_status],
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
    return f"已撤销续借：《{title}》（{who}）应还日期恢复为 {_cn_date(old_due)}。"


# --- loan rules, desk settings and closed days --------------------------------------------------------------


def get_loan_settings(ctx: AppContext) -> LoanSettings:
    """The rules and desk switches (the desk reads them; the settings page edits them)."""
    _require_any(ctx.actor, ("circulation", READ), ("settings", READ))
    with ctx.db.read() as s:
        config = _read_config(s)
    return LoanSettings(
        rules=tuple(config.rules), block_when_overdue=config.block_when_overdue, sound_on=config.sound_on
    )


def _rules_text(rules: Iterable[GradeRule]) -> str:
    return "；".join(
        f"{loan_rules.grade_range_label(r.grade_min, r.grade_max)}: "
        f"{r.max_books}本/{r.loan_days}天/续借{r.max_renewals}次"
        for r in rules
    )


def save_loan_settings(ctx: AppContext, new: LoanSettings) -> LoanSettings:
    """Validate, then replace every ``loan_rule`` row and the two switches in one transaction."""
    require(ctx.actor, "settings", WRITE)
    rules = loan_rules.validate_rules(new.rules)
    with ctx.db.session() as s:
        old_rules = _read_config(s).rules
        if old_rules != rules:
            s.execute(delete(LoanRule))
            s.add_all(
                LoanRule(
                    grade_min=r.grade_min,
                    grade_max=r.grade_max,
                    max_books=r.max_books,
                    loan_days=r.loan_days,
                    max_renewals=r.max_renewals,
                )
                for r in rules
            )
            audit.record(
                s,
                ctx.actor,
                "update",
                "loan_rule",
                "",
                "借阅规则",
                {"rules": [_rules_text(old_rules), _rules_text(rules)]},
            )
        write_setting(s, ctx, BLOCK_WHEN_OVERDUE_KEY, bool(new.block_when_overdue))
        write_setting(s, ctx, SOUND_ON_KEY, bool(new.sound_on))
    return LoanSettings(tuple(rules), bool(new.block_when_overdue), bool(new.sound_on))


def list_closed_days(ctx: AppContext, year: int) -> list[ClosedDayRow]:
    """The year's closed days. Not sensitive: the desk, the settings page and a teacher's roll call need them."""
    _require_any(ctx.actor, ("circulation", READ), ("settings", READ), ("attendance", OWN))
    with ctx.db.read() as s:
        rows = s.execute(
            select(ClosedDay.day, ClosedDay.reason)
            .where(ClosedDay.day >= dt.date(year, 1, 1), ClosedDay.day <= dt.date(year, 12, 31))
            .order_by(ClosedDay.day)
        ).all()
    return [ClosedDayRow(day, reason) for day, reason in rows]


def set_closed_days(ctx: AppContext, days: Sequence[tuple[dt.date, str]], *, year: int | None = None) -> int:
    """Add the given closed days or change their reason; with ``year``, the year's other closed days are removed
    (the calendar page saves a whole year; ``[]`` with a year clears it). Returns how many days changed.

    Loans already out keep their due dates: a holiday added later does not move them (the desk can renew).
    """
    require(ctx.actor, "settings", WRITE)
    problems: list[str] = []
    wanted: dict[dt.date, str] = {}
    for n, (day, reason) in enumerate(days, start=1):
        reason = (reason or "").strip()
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
            problems.append(f"第{n}项：日期无效。")
            continue
        if year is not None and day.year != year:
            problems.append(f"第{n}项：{_cn_date(day)} 不在 {year} 年。")
        if len(reason) > CLOSED_REASON_MAX:
            problems.append(f"第{n}项：原因不能超过{CLOSED_REASON_MAX}个字。")
        if day in wanted:
            problems.append(f"第{n}项：{_cn_date(day)} 重复了。")
        wanted[day] = reason
    if problems:
        raise ValidationError("闭馆日有误：" + " ".join(problems), problems)
    with ctx.db.session() as s:
        if year is not None:
            where = and_(ClosedDay.day >= dt.date(year, 1, 1), ClosedDay.day <= dt.date(year, 12, 31))
        else:
            where = ClosedDay.day.in_(list(wanted))
        existing = {row.day: row for row in s.scalars(select(ClosedDay).where(where))}
        changes: dict[str, list[Any]] = {}
        for day, row in existing.items():
            if day not in wanted:
                changes[day.isoformat()] = [row.reason, None]
                s.delete(row)
        for day, reason in wanted.items():
            row = existing.get(day)
            if row is None:
                s.add(ClosedDay(day=day, reason=reason))
                changes[day.isoformat()] = [None, reason]
            elif row.reason != reason:
                changes[day.isoformat()] = [row.reason, reason]
                row.reason = reason
        if changes:
            audit.record(
                s,
                ctx.actor,
                "update",
                "closed_day",
                year or "",
                f"闭馆日：{len(changes)} 天有变动",
                dict(sorted(changes.items())),
            )
    return len(changes)


# --- overdue ------------------------------------------------------------------------------------------------


def overdue_loans(
    ctx: AppContext, today: dt.date | None = None, class_name: str | None = None
) -> list[OverdueRow]:
    """Open loans past their due date, by grade, class, child (pinyin) and due date — the desk prints one slip per
    class from this. Guardian name/relation need ``child.family``, the phone ``child.phones``; otherwise blank."""
    require(ctx.actor, "circulation", READ)
    require(ctx.actor, "child.basic", READ)
    today, _ = _moment(today)
    role = ctx.actor.role
    stmt = (
        select(Loan, Child, BookCopy.barcode, BookTitle.title)
        .join(Child, Child.id == Loan.child_id)
        .join(BookCopy, BookCopy.id == Loan.copy_id)
        .join(BookTitle, BookTitle.id == BookCopy.title_id)
        .where(Loan.returned_at.is_(None), Loan.due_on < today)
    )
    if class_name is not None:
        stmt = stmt.where(Child.class_name == class_name)
    with ctx.db.read() as s:
        rows = s.execute(stmt).all()
        guardians: dict[int, Guardian] = {}
        # Skip the query entirely for a role that could not see the result.
        if rows and (allowed(role, "child.family", READ) or allowed(role, "child.phones", READ)):
            child_ids = {child.id for _, child, _, _ in rows}
            for g in s.scalars(
                select(Guardian)
                .where(Guardian.child_id.in_(child_ids))
                .order_by(Guardian.is_primary.desc(), Guardian.id)
            ):
                guardians.setdefault(g.child_id, g)  # the primary guardian, else the first one entered
    result = []
    for loan, child, barcode, title in rows:
        g = guardians.get(child.id)
        data = redact_child(
            role,
            {
                "id": child.id,
                "name": child.name,
                "class_name": child.class_name,
                "grade": child.grade,
                "guardians": [{"name": g.name, "relation": g.relation, "phone": g.phone}] if g else [],
            },
        )
        guardian = data["guardians"][0] if data["guardians"] else {}
        result.append(
            (
                _child_sort_key(child.grade, child.class_name, child.name, child.name_pinyin),
                loan.due_on,
                OverdueRow(
                    loan_id=loan.id,
                    child_id=child.id,
                    child_name=data["name"],
                    class_name=data["class_name"],
                    grade=data["grade"],
                    guardian_name=guardian.get("name", "") or "",
                    guardian_relation=guardian.get("relation", "") or "",
                    guardian_phone=guardian.get("phone", "") or "",
                    title=title,
                    barcode=barcode,
                    loaned_on=_local_date(loan.loaned_at),
                    due_on=loan.due_on,
                    overdue_days=overdue_days(loan.due_on, today),
                ),
            )
        )
    result.sort(key=lambda item: (item[0], item[1], item[2].loan_id))
    return [row for _, _, row in result]


@dataclass(frozen=True)
class SlipsPrinted:
    path: Path
    children: int  # one slip each
    books: int


def print_overdue_slips(
    ctx: AppContext,
    path: str | os.PathLike[str],
    *,
    class_name: str | None = None,
    today: dt.date | None = None,
) -> SlipsPrinted:
    """One overdue slip per child (of ``class_name``, or every class) to a PDF at ``path`` — the children's names,
    their books and (if the actor may see them) their guardians' names. Audited before the PDF is written
    (``roster.write_personal_file``), so the log knows every file of slips there is."""
    from center_app.reports.overdue_slips import OverdueBook, OverdueSlip, overdue_slips_pdf
    from center_app.services.roster import write_personal_file
    from center_app.services.settings import get_centre

    require(ctx.actor, "circulation", READ)
    require(ctx.actor, "child.basic", READ)
    today, _ = _moment(today)
    rows = overdue_loans(ctx, today, class_name)
    per_child: dict[int, list[OverdueRow]] = {}
    for row in rows:  # already in class / child order
        per_child.setdefault(row.child_id, []).append(row)
    slips = [
        OverdueSlip(
            child_name=books[0].child_name,
            class_name=books[0].class_name,
            guardian_name=books[0].guardian_name,
            books=[OverdueBook(b.title, b.barcode, b.due_on, b.overdue_days) for b in books],
        )
        for books in per_child.values()
    ]
    if not slips:  # said before anything is audited
        raise ValidationError("没有逾期未还的图书，不需要打印催还单。")
    centre = get_centre(ctx)
    target = Path(path)
    write_personal_file(
        ctx,
        target,
        lambda out: overdue_slips_pdf(
            out, slips, centre_name=centre.name, centre_phone=centre.phone, today=today
        ),
        action="print",
        what="打印逾期催还单",
        rows=len(slips),
        needs=("circulation", "child.basic"),
    )
    return SlipsPrinted(target, len(slips), len(rows))


def group_by_class(rows: Iterable[OverdueRow]) -> dict[str, list[OverdueRow]]:
    """Rows (already sorted by ``overdue_loans``) per class name, in order — one printed slip per class."""
    groups: dict[str, list[OverdueRow]] = {}
    for row in rows:
        groups.setdefault(row.class_name, []).append(row)
    return groups
