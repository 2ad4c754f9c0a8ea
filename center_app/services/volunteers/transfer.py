"""A volunteers' list in and out: a university team's list (Excel or CSV, a title row above the header is fine,
GBK CSV too) imported all or nothing; the volunteers exported to .xlsx or .csv with the same columns.

Importing: each row is a volunteer; one already registered (same name and phone, or same name and organisation
when a phone is missing) is updated — only with the cells the row fills (a blank cell never erases) — else a new
one is registered. Bad rows are refused with their row numbers and nothing is written, unless the user chose to
skip them. The same file imported again only updates (it never registers anyone twice). Needs ``volunteers`` write.

Exporting writes everyone (active first) with their availability as text (``周一至周五 16:00-18:00``); audited
before it is written — phones are personal data. This module is the ``ImportService`` the import panel uses.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import Volunteer
from center_app.domain import volunteers as rules
from center_app.domain.errors import ValidationError
from center_app.domain.volunteers import VolunteerInput
from center_app.importing import FromPreview, ImportCancelled, ImportPreview, RowProblem, ValidRow, read_table
from center_app.services import audit, imported_files
from center_app.services.imported_files import EarlierImport
from center_app.services.volunteers.columns import HEADERS, KEYS, SCHEMA
from center_app.services.volunteers.common import require_write, write_audited_file
from center_app.services.volunteers.records import apply_input, find_same, list_volunteers, row_of

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
IMPORT_KIND = "volunteers"

__all__ = ["SCHEMA", "export_volunteers", "preview_import", "run_import"]


@dataclass(frozen=True, slots=True)
class VolunteerImportPreview(FromPreview):
    preview: ImportPreview
    new: int
    updated: int
    unchanged: int
    warnings: tuple[str, ...] = ()
    read: ImportPreview | None = field(default=None, repr=False)
    earlier: EarlierImport | None = None

    def summary(self) -> str:
        return f"{self.preview.summary()}。将新增 {self.new} 名志愿者，更新 {self.updated} 名，{self.unchanged} 名没有变化。"


@dataclass(frozen=True, slots=True)
class VolunteerImportResult:
    source: str
    created: int
    updated: int
    unchanged: int
    volunteer_ids: tuple[int, ...]
    skipped_rows: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Plan:
    row: int
    volunteer: Volunteer | None
    values: VolunteerInput
    changed: bool


def _plan(s: Session, rows: list[ValidRow]) -> tuple[list[_Plan], list[RowProblem]]:
    plans: list[_Plan] = []
    problems: list[RowProblem] = []
    seen: dict[tuple[str, str], int] = {}
    seen_ids: dict[int, int] = {}
    for r in rows:
        given = {k: r.values[k] for k in KEYS if r.values.get(k) not in (None, "", ())}
        try:
            fresh = VolunteerInput(**{"name": r.values["name"], **given}).validated()
        except ValidationError as exc:
            problems += [RowProblem(r.row, "", line) for line in exc.problems]
            continue
        key = (fresh.name, fresh.phone or "org:" + fresh.organisation)
        first = seen.setdefault(key, r.row)
        if first != r.row:
            problems.append(
                RowProblem(r.row, "", f"与第{first}行是同一名志愿者（{fresh.name}），请合并为一行")
            )
            continue
        existing = find_same(s, fresh)
        if existing is None:
            plans.append(_Plan(r.row, None, fresh, True))
            continue
        earlier = seen_ids.setdefault(existing.id, r.row)
        if earlier != r.row:
            problems.append(
                RowProblem(r.row, "", f"与第{earlier}行是同一名志愿者（{existing.name}），请合并为一行")
            )
            continue
        current = row_of(s, existing).as_input()
        merged = dataclasses.replace(
            current, **{k: getattr(fresh, k) for k in given if k != "name"}
        ).validated()
        changed = merged != current.validated()
        plans.append(_Plan(r.row, existing, merged, changed))
    return plans, problems


def _with_problems(preview: ImportPreview, problems: list[RowProblem]) -> ImportPreview:
    bad = {p.row for p in problems}
    return dataclasses.replace(
        preview,
        rows=[r for r in preview.rows if r.row not in bad],
        problems=sorted([*preview.problems, *problems], key=lambda p: p.row),
    )


def _counts(plans: list[_Plan]) -> tuple[int, int, int]:
    new = sum(1 for p in plans if p.volunteer is None)
    updated = sum(1 for p in plans if p.volunteer is not None and p.changed)
    return new, updated, len(plans) - new - updated


def preview_import(
    ctx: AppContext,
    path: str | PathLike[str],
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> VolunteerImportPreview:
    """Read the file and say what importing it would do (new / updated / unchanged). Writes nothing."""
    require_write(ctx.actor)
    read = read_table(path, SCHEMA, progress=progress, cancel=cancel)
    with ctx.db.read() as s:
        plans, problems = _plan(s, read.rows)
        earlier = imported_files.earlier_import(s, IMPORT_KIND, read.sha256)
    new, updated, unchanged = _counts(plans)
    notices = list(read.notices)
    if earlier is not None:
        notices.insert(
            0,
            f"这个文件已在 {earlier.when} 导入过（{earlier.rows} 行）。再导入不会重复登记志愿者；"
            f"表中与现在的信息不同的内容会写回（本次将更新 {updated} 名），请核对",
        )
    return VolunteerImportPreview(
        preview=_with_problems(read, problems),
        new=new,
        updated=updated,
        unchanged=unchanged,
        warnings=tuple(notices),
        read=read,
        earlier=earlier,
    )


def run_import(
    ctx: AppContext,
    path: str | PathLike[str],
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    preview: VolunteerImportPreview | None = None,
) -> VolunteerImportResult:
    """Import the file in one transaction (all or nothing; see the module doc). Raises ValidationError listing
    every bad row (unless ``skip_invalid``) or ImportCancelled."""
    require_write(ctx.actor)
    source = Path(path).name
    read = (
        preview.read
        if preview is not None and preview.read is not None
        else read_table(path, SCHEMA, progress=progress, cancel=cancel)
    )
    if cancel is not None and cancel():
        raise ImportCancelled()
    with ctx.db.session() as s:
        plans, problems = _plan(s, read.rows)
        checked = _with_problems(read, problems)
        rows = checked.rows_for_import(skip_invalid=skip_invalid)
        if not rows:
            raise ValidationError(f"“{source}”里没有可以导入的行。", checked.problem_lines(200))
        ids: list[int] = []
        for n, plan in enumerate(plans, start=1):
            if plan.changed:
                volunteer = apply_input(s, ctx.actor, plan.volunteer, plan.values, how="导入")
                ids.append(volunteer.id)
            if n % 50 == 0:
                if cancel is not None and cancel():
                    raise ImportCancelled()
                if progress is not None:
                    progress(n, len(plans))
        created, updated, unchanged = _counts(plans)
        imported_files.record_import(
            s, ctx.actor, IMPORT_KIND, read.sha256, source, rows=len(rows), items=created + updated
        )
        skipped = tuple(checked.bad_rows) if skip_invalid else ()
        audit.record(
            s,
            ctx.actor,
            "import",
            "volunteer",
            "",
            f"导入志愿者名单“{source}”：新增 {created} 名，更新 {updated} 名，{unchanged} 名没有变化"
            + (f"，跳过 {len(skipped)} 行" if skipped else ""),
            {
                "file": [None, source],
                "sha256": [None, read.sha256],
                "created": [None, created],
                "updated": [None, updated],
                "skipped_rows": [None, list(skipped)],
            },
        )
    if progress is not None:
        progress(len(plans), len(plans))
    return VolunteerImportResult(source, created, updated, unchanged, tuple(ids), skipped)


def export_volunteers(
    ctx: AppContext, path: str | PathLike[str], *, progress: Progress | None = None, active_only: bool = False
) -> int:
    """Every volunteer (or the active ones) to .xlsx or .csv with the import's columns; audited first."""
    from center_app.importing import write_csv, write_xlsx

    require_write(ctx.actor)
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ValidationError("请保存为 .xlsx 或 .csv 文件。")
    people = list_volunteers(ctx, active=True if active_only else None)

    def cells(v: Any) -> list[object]:
        return [
            v.name,
            {"male": "男", "female": "女"}.get(v.gender, ""),
            v.phone,
            v.organisation,
            rules.kind_label(v.kind),
            v.subjects,
            v.skills,
            v.start_on,
            v.end_on,
            v.availability,
            v.notes,
        ]

    rows = [cells(v) for v in people]

    def write(p: Path) -> int:
        if suffix == ".xlsx":
            return write_xlsx(
                p, list(HEADERS), rows, sheet_title="志愿者", progress=progress, total=len(rows)
            )
        return write_csv(p, list(HEADERS), rows, progress=progress, total=len(rows))

    return write_audited_file(
        ctx, target, write, action="export", entity="volunteer", what="导出志愿者名单", rows=len(rows)
    )
