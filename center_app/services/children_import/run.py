"""Previewing and running a roster import: the file read outside the transaction, then all or nothing in one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import Child, Guardian
from center_app.domain.errors import ValidationError
from center_app.domain.permissions import WRITE, require
from center_app.importing import (
    FromPreview,
    ImportCancelled,
    ImportPreview,
    read_table,
)
from center_app.services import audit, imported_files
from center_app.services.children.cards import note_card
from center_app.services.children.child_file import apply_values, field_labels
from center_app.services.children.common import child_label, guardian_dict
from center_app.services.children_import.columns import SCHEMA, Cancel, Progress
from center_app.services.children_import.plan import GuardianPlan, Plan, make_plan, with_problems
from center_app.services.imported_files import EarlierImport


@dataclass(frozen=True, slots=True)
class ChildImportPreview(FromPreview):
    """What importing the file would do. ``preview`` holds the rows and the ``第N行`` problems."""

    preview: ImportPreview
    new: int
    updated: int
    unchanged: int
    warnings: tuple[str, ...] = ()
    read: ImportPreview | None = field(default=None, repr=False)  # the file as read, for run_import
    earlier: EarlierImport | None = None  # this very file was imported before (see the warnings)

    def summary(self) -> str:
        return (
            f"{self.preview.summary()}。将新增 {self.new} 名儿童，更新 {self.updated} 名，"
            f"{self.unchanged} 名没有变化。"
        )


@dataclass(frozen=True, slots=True)
class ChildImportResult:
    source: str
    created: int
    updated: int
    unchanged: int
    child_ids: tuple[int, ...]  # created or updated, in file order
    skipped_rows: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()


def _check_cancel(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise ImportCancelled()


def _require(ctx: AppContext) -> None:
    # The file can fill any field group; ``children`` write is enough because every role that may write children
    # may write every child field group (tests/test_permissions.py keeps the table so; see services/children/).
    require(ctx.actor, "children", WRITE)


def preview_import(
    ctx: AppContext,
    path: str | PathLike[str],
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    today: dt.date | None = None,
) -> ChildImportPreview:
    """Read the file and say what importing it would do (new / updated / unchanged). Writes nothing."""
    _require(ctx)
    read = read_table(path, SCHEMA, progress=progress, cancel=cancel)
    with ctx.db.read() as s:
        outcome = make_plan(s, read.rows, today or dt.date.today())
        earlier = imported_files.earlier_import(s, imported_files.CHILDREN, read.sha256)
    new, updated, unchanged = outcome.counts()
    notices = list(read.notices)
    if earlier is not None:
        # Not refused: a second import updates, it never registers a child twice. But say so — a list imported
        # again after profiles were changed in the app writes the list's older values back.
        notices.insert(
            0,
            f"这个文件已在 {earlier.when} 导入过（{earlier.rows} 行）。再导入不会重复登记儿童；"
            f"表中与现在的档案不同的内容会写回档案（本次将更新 {updated} 名），请核对",
        )
    return ChildImportPreview(
        preview=with_problems(read, outcome.problems),
        new=new,
        updated=updated,
        unchanged=unchanged,
        warnings=(*notices, *outcome.warnings),
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
    preview: ChildImportPreview | None = None,
    today: dt.date | None = None,
) -> ChildImportResult:
    """Import the file in one transaction (see the module doc).

    ``preview``: the :func:`preview_import` of this file the user just confirmed; its rows are used instead of
    reading the file again. Matching against the roster runs again inside the transaction either way.
    Raises ValidationError (bad rows, unless ``skip_invalid``; an unreadable file) or ImportCancelled.
    """
    _require(ctx)
    today = today or dt.date.today()
    source = Path(path).name
    read = (
        preview.read
        if preview is not None and preview.read is not None
        else read_table(path, SCHEMA, progress=progress, cancel=cancel)
    )
    _check_cancel(cancel)
    with ctx.db.session() as s:
        outcome = make_plan(s, read.rows, today)
        checked = with_problems(read, outcome.problems)
        rows = checked.rows_for_import(skip_invalid=skip_invalid)
        if not rows:
            raise ValidationError(f"“{source}”里没有可以导入的行。", checked.problem_lines(200))
        _check_cancel(cancel)
        ids = _write(s, ctx, outcome.plans, progress, cancel)
        created, updated, unchanged = outcome.counts()
        result = ChildImportResult(
            source=source,
            created=created,
            updated=updated,
            unchanged=unchanged,
            child_ids=tuple(ids),
            skipped_rows=tuple(checked.bad_rows) if skip_invalid else (),
            warnings=tuple(outcome.warnings),
        )
        imported_files.record_import(
            s,
            ctx.actor,
            imported_files.CHILDREN,
            read.sha256,
            source,
            rows=len(rows),
            items=created + updated,
        )
        audit.record(
            s,
            ctx.actor,
            "import",
            "child",
            "",
            f"导入花名册“{source}”：新增 {created} 名儿童，更新 {updated} 名，{unchanged} 名没有变化"
            + (f"，跳过 {len(result.skipped_rows)} 行" if result.skipped_rows else ""),
            {
                "file": [None, source],
                "sha256": [None, read.sha256],
                "created": [None, created],
                "updated": [None, updated],
                "unchanged": [None, unchanged],
                "skipped_rows": [None, list(result.skipped_rows)],
            },
        )
    return result


def _write(
    s: Session, ctx: AppContext, plans: list[Plan], progress: Progress | None, cancel: Cancel | None
) -> list[int]:
    ids: list[int] = []
    total = len(plans)
    for i, plan in enumerate(plans, start=1):
        if plan.changed:
            child = plan.child
            if child is None:
                child = Child()
                apply_values(child, plan.values)
                s.add(child)
                s.flush()
                audit.record(
                    s,
                    ctx.actor,
                    "create",
                    "child",
                    child.id,
                    f"导入登记儿童 {child_label(child)}",
                    plan.changes,
                )
            elif plan.changes:
                apply_values(child, plan.values)
                audit.record(
                    s,
                    ctx.actor,
                    "update",
                    "child",
                    child.id,
                    f"导入修改儿童 {child_label(child)}：{field_labels(plan.changes)}",
                    plan.changes,
                )
            note_card(s, child.card_barcode)
            if plan.guardian is not None and plan.guardian.changes:
                _write_guardian(s, ctx, child, plan.guardian)
            ids.append(child.id)
        if i % 50 == 0:
            _check_cancel(cancel)
            if progress is not None:
                progress(i, total)
    s.flush()
    if progress is not None:
        progress(total, total)
    return ids


def _write_guardian(s: Session, ctx: AppContext, child: Child, plan: GuardianPlan) -> None:
    others = s.scalars(select(Guardian).where(Guardian.child_id == child.id)).all()
    for other in others:
        if other is not plan.existing and other.is_primary:
            other.is_primary = False
    if plan.existing is None:
        guardian = Guardian(
            child_id=child.id,
            name=plan.name,
            relation=plan.relation or "",
            phone=plan.phone or "",
            is_primary=True,
        )
        s.add(guardian)
        s.flush()
        action, summary = "create", f"导入儿童 {child_label(child)} 的监护人 {guardian.name}"
        changes = {"child_id": [None, child.id], **{k: v for k, v in plan.changes.items() if v[1]}}
    else:
        guardian = plan.existing
        old = guardian_dict(guardian)
        for key, (_, new) in plan.changes.items():
            setattr(guardian, key, new)
        action, summary = "update", f"导入修改儿童 {child_label(child)} 的监护人 {guardian.name}"
        changes = {k: [old[k], v[1]] for k, v in plan.changes.items()}
    audit.record(s, ctx.actor, action, "guardian", guardian.id, summary, changes)
