"""Which files have been imported: each import records the SHA-256 of the file's bytes, so the same file is
recognised when it comes again (a donation list imported twice registers every copy twice).

Used inside the import services' own sessions; the record commits with the import or not at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from center_app.db.models import ImportedFile
from center_app.domain.actor import Actor

BOOKS = "books"
CHILDREN = "children"


@dataclass(frozen=True, slots=True)
class EarlierImport:
    """The latest earlier import of the same file (same bytes), and how often it was imported."""

    file_name: str
    at: dt.datetime  # local time
    rows: int
    items: int
    actor: str
    times: int

    @property
    def when(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M}"


def earlier_import(s: Session, kind: str, sha256: str) -> EarlierImport | None:
    if not sha256:
        return None
    found = s.scalars(
        select(ImportedFile)
        .where(ImportedFile.kind == kind, ImportedFile.sha256 == sha256)
        .order_by(ImportedFile.imported_at.desc(), ImportedFile.id.desc())
        .limit(1)
    ).first()
    if found is None:
        return None
    times = s.scalar(select(func.count()).where(ImportedFile.kind == kind, ImportedFile.sha256 == sha256))
    local = found.imported_at.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)
    return EarlierImport(found.file_name, local, found.rows, found.items, found.actor, times or 1)


def record_import(
    s: Session, actor: Actor, kind: str, sha256: str, file_name: str, *, rows: int, items: int
) -> None:
    if sha256:
        s.add(
            ImportedFile(
                kind=kind,
                sha256=sha256,
                file_name=file_name[:400],
                rows=rows,
                items=items,
                actor=actor.username[:120],
            )
        )
