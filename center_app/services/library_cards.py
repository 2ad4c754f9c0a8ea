"""Library cards (借书证): which children of a class get one, and their card numbers.

A card carries the child's name, class and card number (``child.basic``: what the librarian may see). Printing
cards for a class gives a child without a card number the next free one — ``C`` and five digits, the largest
``C#####`` in use plus one, so numbers are never reused — all in one transaction with one audit entry per child.
The print itself is personal data leaving the program: ``print_cards`` is the one use case that gives out the numbers,
audits the print and then writes the PDF (``roster.write_personal_file``: the log entry comes before the file).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, select

from center_app.context import AppContext
from center_app.db.models import Child
from center_app.domain.children import natural_key
from center_app.domain.errors import ValidationError
from center_app.domain.permissions import READ, WRITE, redact_child, require
from center_app.domain.pinyin import person_name_keys
from center_app.domain.states import ChildStatus
from center_app.services import audit
from center_app.services.children import take_card_barcodes

if TYPE_CHECKING:
    from center_app.domain.label_grid import LabelGrid
    from center_app.reports.labels import SheetResult

MAX_CARDS_AT_ONCE = 500
NO_CLASS = ""  # children whose class is not filled in


@dataclass(frozen=True, slots=True)
class ClassGroup:
    """A class of active children: for the class chooser (``三年级2班（32 人，3 人还没有借书证）``)."""

    class_name: str
    grade: int | None
    children: int
    without_card: int


@dataclass(frozen=True, slots=True)
class CardHolder:
    id: int
    name: str
    class_name: str
    grade: int | None
    card_barcode: str | None  # None: gets a number when the card is printed


def _holder(role: str, child: Any) -> CardHolder:
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
    return CardHolder(**data)


def _order(child: Any) -> tuple[Any, ...]:
    full = child.name_pinyin or person_name_keys(child.name)[0]
    return (full, child.name, child.id)


_COLUMNS = (Child.id, Child.name, Child.name_pinyin, Child.class_name, Child.grade, Child.card_barcode)


def _active() -> ColumnElement[bool]:
    return Child.status == ChildStatus.ACTIVE


def list_classes(ctx: AppContext) -> list[ClassGroup]:
    """The classes of the active children, youngest grade first, with how many still lack a card number."""
    require(ctx.actor, "child.basic", READ)
    groups: dict[str, list[Any]] = {}
    with ctx.db.read() as s:
        for child in s.execute(select(Child.class_name, Child.grade, Child.card_barcode).where(_active())):
            groups.setdefault(child.class_name or NO_CLASS, []).append(child)
    result = [
        ClassGroup(
            name,
            min((c.grade for c in rows if c.grade is not None), default=None),
            len(rows),
            sum(1 for c in rows if not c.card_barcode),
        )
        for name, rows in groups.items()
    ]
    result.sort(
        key=lambda g: (g.class_name == NO_CLASS, g.grade is None, g.grade or 0, natural_key(g.class_name))
    )
    return result


def children_of_class(ctx: AppContext, class_name: str) -> list[CardHolder]:
    """The active children of a class in pinyin order of their names (``""``: those without a class)."""
    require(ctx.actor, "child.basic", READ)
    with ctx.db.read() as s:
        rows = s.execute(select(*_COLUMNS).where(_active(), Child.class_name == class_name)).all()
    return [_holder(ctx.actor.role, r) for r in sorted(rows, key=_order)]


def issue_cards(ctx: AppContext, child_ids: Sequence[int]) -> list[CardHolder]:
    """The children to print cards for, each with a card number: those without one get the next free
    ``C#####`` (one transaction, audited per child). Returned in the order of ``child_ids``.

    Giving out a card number is library work: it needs circulation write as well as reading the names.
    """
    return _issue_cards(ctx, child_ids)[0]


def _issue_cards(ctx: AppContext, child_ids: Sequence[int]) -> tuple[list[CardHolder], int]:
    """``issue_cards``, and how many numbers it gave out."""
    require(ctx.actor, "child.basic", READ)
    require(ctx.actor, "circulation", WRITE)
    wanted = list(dict.fromkeys(child_ids))
    if not wanted:
        raise ValidationError("请先选择要打印借书证的儿童。")
    if len(wanted) > MAX_CARDS_AT_ONCE:
        raise ValidationError(f"一次最多打印 {MAX_CARDS_AT_ONCE} 张借书证。")
    with ctx.db.session() as s:
        children = {c.id: c for c in s.scalars(select(Child).where(Child.id.in_(wanted)))}
        missing = [i for i in wanted if i not in children]
        if missing:
            raise ValidationError("有的儿童已被删除，请重新选择班级。")
        without = [child_id for child_id in wanted if not children[child_id].card_barcode]
        # The one card-number allocator (children service): never reuses a lost card's number.
        for child_id, code in zip(without, take_card_barcodes(s, len(without)), strict=True):
            child = children[child_id]
            child.card_barcode = code
            audit.record(
                s,
                ctx.actor,
                "update",
                "child",
                child.id,
                f"{child.class_name} {child.name} 借书证号 {code}".strip(),
                {"card_barcode": [None, code]},
            )
        s.flush()
        return [_holder(ctx.actor.role, children[i]) for i in wanted], len(without)


@dataclass(frozen=True)
class CardsPrinted:
    holders: list[CardHolder]  # in the order asked, each with its card number
    new_numbers: int  # children who had none and got one now
    sheet: SheetResult


def print_cards(
    ctx: AppContext,
    child_ids: Sequence[int],
    path: str | os.PathLike[str],
    grid: LabelGrid,
    start_position: int = 1,
    *,
    centre_name: str,
    guides: bool = False,
) -> CardsPrinted:
    """Print library cards for ``child_ids`` to a PDF: those without a card number get one (``issue_cards``:
    one transaction, audited per child), then the print is audited and only then the PDF written
    (``roster.write_personal_file``). The numbers stay given out if the PDF fails: they are the children's now,
    recorded, and the next print shows them; what never happens is a PDF of names the log does not know."""
    from center_app.reports.cards import LibraryCard, library_cards_pdf
    from center_app.services.roster import write_personal_file

    require(ctx.actor, "child.basic", READ)
    require(ctx.actor, "circulation", WRITE)
    holders, new_numbers = _issue_cards(ctx, child_ids)
    cards = [LibraryCard(h.name, h.class_name, h.card_barcode or "") for h in holders]
    sheet = write_personal_file(
        ctx,
        path,
        lambda target: library_cards_pdf(
            target, cards, grid, start_position, centre_name=centre_name, guides=guides
        ),
        action="print",
        what="打印借书证",
        rows=len(cards),
        needs=("child.basic",),
    )
    return CardsPrinted(holders, new_numbers, sheet)
