"""Library-card numbers ``C00001…``: never one used before (lost cards included), never a book's barcode."""

from __future__ import annotations

import json
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import BookCopy, Child, Setting
from center_app.domain import children as dom
from center_app.domain.errors import DomainError, PermissionDenied, ValidationError
from center_app.domain.permissions import WRITE, allowed, denied_message
from center_app.services import audit
from center_app.services.children.common import child_label, load_child

CARD_COUNTER_KEY: Final = "children.card_last_number"


def check_card(s: Session, barcode: str | None, child_id: int | None) -> None:
    """A card number is one child's, and never a book's (the desk would not know which was scanned)."""
    if not barcode:
        return
    other = s.scalars(select(Child).where(Child.card_barcode == barcode, Child.id != (child_id or 0))).first()
    if other is not None:
        raise ValidationError(f"借书证号 {barcode} 已被 {other.class_name} {other.name} 使用，请换一个。")
    if s.scalars(select(BookCopy.id).where(BookCopy.barcode == barcode)).first() is not None:
        raise ValidationError(f"借书证号 {barcode} 与一本图书的条码相同，扫码时会混淆，请换一个。")


def _card_counter(s: Session) -> int:
    row = s.get(Setting, CARD_COUNTER_KEY)
    try:
        return int(json.loads(row.value)) if row is not None and row.value else 0
    except (ValueError, TypeError):
        return 0


def note_card(s: Session, barcode: str | None) -> None:
    """Remember the highest card number ever used, so a number is never handed out twice (lost cards included)."""
    number = dom.card_number(barcode)
    if number is None or number <= _card_counter(s):
        return
    row = s.get(Setting, CARD_COUNTER_KEY)
    if row is None:
        s.add(Setting(key=CARD_COUNTER_KEY, value=json.dumps(number)))
        s.flush()  # the next s.get in this transaction must find it (pending rows are not in the identity map)
    else:
        row.value = json.dumps(number)


def take_card_barcodes(s: Session, count: int) -> list[str]:
    """The next ``count`` free card numbers ``C00001…`` inside the caller's write transaction, past every number
    ever used (the counter in ``setting``, and every C-number on a child now) and past book barcodes of that
    shape (the desk must never confuse a card with a book). The counter moves on, so they are never reused."""
    used = (
        dom.card_number(b) for b in s.scalars(select(Child.card_barcode).where(Child.card_barcode.like("C%")))
    )
    number = max([_card_counter(s), *(n for n in used if n is not None)])
    books = set(s.scalars(select(BookCopy.barcode).where(BookCopy.barcode.like("C%"))))
    taken: list[str] = []
    while len(taken) < count:
        number += 1
        barcode = dom.make_card_barcode(number)
        if barcode not in books:
            taken.append(barcode)
    if taken:
        note_card(s, taken[-1])
    return taken


def assign_card_barcode(ctx: AppContext, child_id: int, *, replace: bool = False) -> str:
    """Give the child the next library-card number ``C00001…`` (never one used before, lost cards included).

    Allowed to whoever may change the child's basic fields or runs the library desk (the librarian issues cards).
    A child who already has a card keeps it unless ``replace`` (a lost card): the old number is then retired.
    """
    if not (allowed(ctx.actor.role, "child.basic", WRITE) or allowed(ctx.actor.role, "circulation", WRITE)):
        raise PermissionDenied(denied_message(ctx.actor.role, "child.basic", WRITE))
    with ctx.db.session() as s:
        return give_card(s, ctx, load_child(s, child_id), replace=replace)


def give_card(s: Session, ctx: AppContext, child: Child, *, replace: bool) -> str:
    if child.card_barcode and not replace:
        raise DomainError(
            f"{child.name} 已有借书证号 {child.card_barcode}。如借书证遗失需要补办，请选择“补办借书证”。"
        )
    old = child.card_barcode
    note_card(s, old)  # a hand-typed C-number of a lost card must not come back either
    barcode = take_card_barcodes(s, 1)[0]
    child.card_barcode = barcode
    audit.record(
        s,
        ctx.actor,
        "update",
        "child",
        child.id,
        f"{'补办' if old else '发放'}借书证 {barcode}：儿童 {child_label(child)}",
        {"card_barcode": [old, barcode]},
    )
    return barcode
