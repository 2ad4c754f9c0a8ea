"""Copies: find one by barcode, set its status by hand (not 借出: that is the desk's), withdraw, delete."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import BookCopy, BookTitle, Loan
from center_app.domain import books
from center_app.domain.errors import DomainError, NotFound, ValidationError
from center_app.domain.permissions import READ, WRITE, require
from center_app.services import audit
from center_app.services.catalog.common import CopyInfo, copy_info, copy_query


def find_copy(ctx: AppContext, barcode: str) -> CopyInfo | None:
    """The copy a scanned (or typed) barcode names, or None."""
    require(ctx.actor, "catalog", READ)
    value = books.clean_barcode(barcode)
    if not value:
        return None
    with ctx.db.read() as s:
        row = s.execute(copy_query().where(BookCopy.barcode == value)).first()
        return None if row is None else CopyInfo(**{**row._asdict(), "donor_name": row.donor_name or ""})


def _copy_for_change(s: Session, barcode: str) -> tuple[BookCopy, BookTitle]:
    value = books.clean_barcode(barcode)
    copy = s.scalars(select(BookCopy).where(BookCopy.barcode == value)).first() if value else None
    if copy is None:
        raise NotFound(f"找不到条码为“{(barcode or '').strip()}”的图书。")
    title = s.get(BookTitle, copy.title_id)
    assert title is not None  # a foreign key guarantees it
    return copy, title


def _on_loan(s: Session, copy: BookCopy) -> bool:
    # The status says so, or an open loan does (belt and braces: the desk sets both in one transaction).
    if copy.status == books.ON_LOAN:
        return True
    open_loan = select(Loan.id).where(Loan.copy_id == copy.id, Loan.returned_at.is_(None)).limit(1)
    return s.scalar(open_loan) is not None


def set_copy_status(ctx: AppContext, barcode: str, status: str, note: str = "") -> CopyInfo:
    """Mark a copy 在馆/遗失/损坏/剔除 (with an optional note, appended to the copy's notes with the date)."""
    require(ctx.actor, "catalog", WRITE)
    if status == books.ON_LOAN:
        raise ValidationError("“借出”只能在借还书台办理。")
    if status not in books.MANUAL_STATUSES:
        raise ValidationError(f"未知的图书状态：{status}")
    note = " ".join((note or "").split())
    if len(note) > 200:
        raise ValidationError("说明不能超过200个字。")
    with ctx.db.session() as s:
        copy, title = _copy_for_change(s, barcode)
        if _on_loan(s, copy):
            raise DomainError(
                f"《{title.title}》（{copy.barcode}）正在借出，不能改为“{books.status_label(status)}”。"
                "请先在借还书台还书（借出后丢失的，在借还书台按“遗失”处理）。"
            )
        if copy.status == status and not note:
            return copy_info(s, copy.id)
        old = {"status": copy.status, "withdrawn_on": copy.withdrawn_on}
        copy.status = status
        copy.withdrawn_on = dt.date.today() if status == books.WITHDRAWN else None
        if note:
            line = f"{dt.date.today().isoformat()} {books.status_label(status)}：{note}"
            copy.notes = f"{copy.notes}\n{line}" if copy.notes else line
        changes = audit.diff(old, {"status": copy.status, "withdrawn_on": copy.withdrawn_on})
        if note:
            changes["note"] = [None, note]
        audit.record(
            s,
            ctx.actor,
            "update",
            "book_copy",
            copy.id,
            f"《{title.title}》{copy.barcode} → {books.status_label(status)}",
            changes,
        )
        s.flush()
        return copy_info(s, copy.id)


def withdraw_copy(ctx: AppContext, barcode: str, note: str = "") -> CopyInfo:
    """剔除: the copy leaves the collection (worn out, given away). Its record and loan history stay."""
    return set_copy_status(ctx, barcode, books.WITHDRAWN, note)


def delete_copy(ctx: AppContext, barcode: str) -> None:
    """Remove a copy entered by mistake. One that was ever lent is withdrawn instead, never deleted."""
    require(ctx.actor, "catalog", WRITE)
    with ctx.db.session() as s:
        copy, title = _copy_for_change(s, barcode)
        if s.scalar(select(func.count(Loan.id)).where(Loan.copy_id == copy.id)):
            raise DomainError(f"《{title.title}》（{copy.barcode}）借出过，不能删除。不再要的书请“剔除”。")
        audit.record(s, ctx.actor, "delete", "book_copy", copy.id, f"《{title.title}》{copy.barcode}")
        s.delete(copy)
