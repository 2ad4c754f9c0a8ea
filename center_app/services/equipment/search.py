"""Search as you type over the equipment list: the items in memory, one search string each, filtered per keystroke.

The same approach as the catalogue's (``services/catalog_search``): :meth:`EquipmentIndex.load` reads the items with
their counts once (three statements), and builds per item a *blob* — name, location, source, asset barcodes (the
box's and every unit's), notes, then the name's full pinyin without spaces and its initials — reduced by
``books.compact``, so ``跳绳``, ``tiaosheng``, ``ts``, ``A柜`` and ``E000123`` are plain substring tests. Entries
are kept in pinyin order of the name. Every word typed must match. A scanned asset barcode finds its item exactly.

The index is a snapshot: after a change, :meth:`load` again (250 items load in a few milliseconds).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import select

from center_app.context import AppContext
from center_app.db.models import EquipmentUnit
from center_app.domain import books
from center_app.domain import equipment as rules
from center_app.domain.permissions import READ, require
from center_app.domain.pinyin import normalise
from center_app.domain.states import Condition
from center_app.services.equipment.common import ItemRow, item_rows

_SEP = "\x1f"


@dataclass(frozen=True, slots=True)
class _Entry:
    blob: str
    row: ItemRow


class EquipmentIndex:
    """The equipment list in memory. Build with :meth:`load`; not thread-safe (one page)."""

    def __init__(self, rows: Iterable[ItemRow] = (), unit_codes: dict[int, list[str]] | None = None) -> None:
        codes = unit_codes or {}
        entries = [_Entry(_blob(row, codes.get(row.id, ())), row) for row in rows]
        entries.sort(key=lambda e: (e.row.name_pinyin or normalise(e.row.name), e.row.name, e.row.id))
        self._entries = entries
        self._blobs = [e.blob for e in entries]
        self._by_code: dict[str, int] = {}
        for position, entry in enumerate(entries):
            for code in (entry.row.barcode, *codes.get(entry.row.id, ())):
                if code:
                    self._by_code[code] = position

    @classmethod
    def load(cls, ctx: AppContext) -> EquipmentIndex:
        """Read every item with its counts, and the units' asset barcodes."""
        require(ctx.actor, "equipment", READ)
        with ctx.db.read() as s:
            rows = item_rows(s)
            codes: dict[int, list[str]] = {}
            for item_id, code in s.execute(select(EquipmentUnit.item_id, EquipmentUnit.barcode)):
                codes.setdefault(item_id, []).append(code)
        return cls(rows, codes)

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def rows(self) -> list[ItemRow]:
        return [e.row for e in self._entries]

    def locations(self) -> list[str]:
        """The storage places of the items loaded, in the list's order of first appearance, each once."""
        return list(dict.fromkeys(e.row.location for e in self._entries if e.row.location))

    def search(
        self,
        query: str = "",
        *,
        category: str | None = None,
        location: str | None = None,
        condition: str | None = None,
        restock: bool = False,
        limit: int | None = None,
    ) -> list[ItemRow]:
        """Items matching every word of ``query`` (pinyin order), narrowed by the filters.

        ``condition``: ``good`` — items in use without a damaged piece; ``damaged`` / ``repair`` — the item, or
        some of its pieces, damaged / away for repair; ``scrapped`` — written off. ``restock``: only what is on the
        restock list. A scanned asset barcode gives exactly its item.
        """
        code = rules.clean_code(query)
        exact = self._by_code.get(code) if code else None
        positions: Iterable[int]
        if exact is not None:
            positions = [exact]
        else:
            terms = [t for t in (books.compact(word) for word in normalise(query).split()) if t]
            if terms:
                blobs = self._blobs
                found = [i for i, blob in enumerate(blobs) if terms[0] in blob]
                for term in terms[1:]:
                    found = [i for i in found if term in blobs[i]]
                positions = found
            else:
                positions = range(len(self._entries))
        rows: Iterable[ItemRow] = (self._entries[i].row for i in positions)
        for test in _filters(category, location, condition, restock):
            rows = filter(test, rows)
        if limit is not None:
            rows = itertools.islice(rows, limit)
        return list(rows)


def _blob(row: ItemRow, unit_codes: Iterable[str]) -> str:
    text = _SEP.join((row.name, row.location, row.donor, row.barcode, *unit_codes, row.notes[:200]))
    return f"{books.compact(text.replace(_SEP, ' '))}{_SEP}{row.name_pinyin.replace(' ', '')}{_SEP}{row.name_initials}"


def _filters(
    category: str | None, location: str | None, condition: str | None, restock: bool
) -> list[Callable[[ItemRow], bool]]:
    tests: list[Callable[[ItemRow], bool]] = []
    if category:
        wanted = rules.parse_category(category)
        tests.append(lambda r: r.category == wanted)
    if location:
        tests.append(lambda r: r.location == location)
    if condition:
        state = rules.parse_condition(condition)
        if state == Condition.GOOD:
            tests.append(lambda r: r.condition == Condition.GOOD and not r.damaged and not r.repair)
        elif state == Condition.DAMAGED:
            tests.append(lambda r: r.condition == Condition.DAMAGED or r.damaged > 0)
        elif state == Condition.REPAIR:
            tests.append(lambda r: r.condition == Condition.REPAIR or r.repair > 0)
        else:
            tests.append(lambda r: r.condition == Condition.SCRAPPED)
    if restock:
        tests.append(lambda r: r.needs_restock)
    return tests


def list_items(
    ctx: AppContext,
    query: str = "",
    *,
    category: str | None = None,
    location: str | None = None,
    condition: str | None = None,
    restock: bool = False,
) -> list[ItemRow]:
    """One search without keeping an index (the command line, a report): :meth:`EquipmentIndex.search`'s rules."""
    return EquipmentIndex.load(ctx).search(
        query, category=category, location=location, condition=condition, restock=restock
    )
