"""The plan of an import: which rows are new titles and which add copies to a title already catalogued, and the
barcode checks only the database can answer (see the package doc)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from center_app.db.models import BookCopy, BookTitle
from center_app.domain import books
from center_app.importing import (
    ImportPreview,
    RowProblem,
    ValidRow,
)
from center_app.services.catalog.common import (
    UNKNOWN_DONOR,
    clean_name,
)

CHUNK = 500  # values per IN (...) query: well under SQLite's variable limit


@dataclass(slots=True)
class NewTitle:
    values: dict[str, Any]
    match_key: str
    row: int
    id: int | None = None


@dataclass(slots=True)
class NewCopy:
    title: int | NewTitle  # an existing title's id, or a title this import creates
    barcode: str | None
    location: str
    donor: str
    notes: str
    row: int


@dataclass(slots=True)
class Plan:
    titles: list[NewTitle] = field(default_factory=list)
    copies: list[NewCopy] = field(default_factory=list)
    matched: set[int] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)

    @property
    def donors(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.donor for c in self.copies))


def chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _similar(a: str, b: str) -> bool:
    x, y = books.compact(a), books.compact(b)
    return x in y or y in x


def make_plan(s: Session, rows: list[ValidRow], donor_name: str | None) -> Plan:
    isbns = sorted({r["isbn"] for r in rows if r["isbn"]})
    keys = sorted({books.match_key(r["title"], r["author"]) for r in rows})
    # Existing titles for the file's ISBNs and title/author keys (first catalogued wins when several match).
    by_isbn: dict[str, tuple[int, str] | NewTitle] = {}
    by_key: dict[str, tuple[int, str] | NewTitle] = {}
    cols = (BookTitle.id, BookTitle.title, BookTitle.isbn13, BookTitle.match_key)
    for chunk in chunks(isbns):
        for row in s.execute(select(*cols).where(BookTitle.isbn13.in_(chunk)).order_by(BookTitle.id.desc())):
            by_isbn[row.isbn13] = (row.id, row.title)
    for chunk in chunks(keys):
        for row in s.execute(
            select(*cols).where(BookTitle.match_key.in_(chunk)).order_by(BookTitle.id.desc())
        ):
            by_key[row.match_key] = (row.id, row.title)
    default_donor = clean_name(donor_name or "") or UNKNOWN_DONOR
    plan = Plan()
    for r in rows:
        values = r.values
        key = books.match_key(values["title"], values["author"])
        found = by_isbn.get(values["isbn"]) if values["isbn"] else by_key.get(key)
        if found is None:
            new = NewTitle(values, key, r.row)
            plan.titles.append(new)
            if values["isbn"]:
                by_isbn[values["isbn"]] = new
            by_key.setdefault(key, new)
            target: int | NewTitle = new
        else:
            existing_title = found.values["title"] if isinstance(found, NewTitle) else found[1]
            if not _similar(existing_title, values["title"]):
                plan.warnings.append(
                    f"第{r.row}行: ISBN {values['isbn']} 已用于《{existing_title}》，"
                    f"本行的《{values['title']}》将作为它的复本导入，请核对"
                )
            if isinstance(found, NewTitle):
                target = found
            else:
                target = found[0]
                plan.matched.add(found[0])
        barcodes = values["barcode"] or (None,) * (values["quantity"] or 1)
        donor = clean_name(values["donor"]) or default_donor
        for barcode in barcodes:
            plan.copies.append(NewCopy(target, barcode, values["location"], donor, values["notes"], r.row))
    return plan


def check_barcodes(s: Session, preview: ImportPreview) -> ImportPreview:
    """A copy of the preview with rows whose barcode is already in the catalogue, or repeats an earlier row's,
    moved to the problems."""
    first_row: dict[str, int] = {}
    problems: list[RowProblem] = []
    for r in preview.rows:
        for barcode in r["barcode"]:
            earlier = first_row.setdefault(barcode, r.row)
            if earlier != r.row:
                problems.append(RowProblem(r.row, "条码", f"条码 {barcode} 与第{earlier}行重复"))
    wanted = sorted(first_row)
    for chunk in chunks(wanted):
        query = (
            select(BookCopy.barcode, BookTitle.title)
            .join(BookTitle, BookTitle.id == BookCopy.title_id)
            .where(BookCopy.barcode.in_(chunk))
        )
        for barcode, title in s.execute(query):
            problems.append(RowProblem(first_row[barcode], "条码", f"条码 {barcode} 已被《{title}》使用"))
    bad = {p.row for p in problems}
    return dataclasses.replace(
        preview,
        rows=[r for r in preview.rows if r.row not in bad],
        problems=sorted([*preview.problems, *problems], key=lambda p: p.row),
    )
