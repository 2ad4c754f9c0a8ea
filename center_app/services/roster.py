"""Exporting the children's roster — personal data, so it is confirmed, redacted to the user's permissions,
optionally anonymised, and always written to the audit log (who, when, how many, where, anonymised or not).

The columns are the roster import's (``services/children_import/``): a staff member's export imports back with no
changes, so the roster can be edited in Excel and brought back. The privacy rules here apply to every export or
print that contains children's personal data: write it through ``write_personal_file``, which audits it first.

An anonymised export is built from its own ALLOW-LIST (``ANONYMISED_COLUMNS``), never by blanking columns of the
full roster: only what a statistic needs leaves the centre, and a column added to ``COLUMNS`` later stays out of
anonymised files unless someone adds it to the allow-list on purpose. Free text (health, allergies, remarks), the
school, the village, the parents' places of work and the birth date (the age in years is given instead) can all
point at one child, so none of them is in it.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select

from center_app.context import AppContext
from center_app.db.models import Child, Guardian
from center_app.domain.anonymise import pseudonyms
from center_app.domain.children import GENDERS, LEFT_BEHIND_TYPES, age_on
from center_app.domain.errors import DomainError, ValidationError
from center_app.domain.permissions import READ, allowed, redact_child, require
from center_app.domain.states import ChildStatus
from center_app.services import audit
from center_app.services.children import primary_guardians, roster_sort_key

log = logging.getLogger(__name__)
T = TypeVar("T")


#: (key, Chinese header, field group that must be readable for the column to be exported). The headers are the
#: roster import's own column names (``children_import.SCHEMA``), so an exported roster imports back unchanged.
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("name", "姓名", "child.basic"),
    ("gender", "性别", "child.basic"),
    ("grade", "年级", "child.basic"),
    ("class_name", "班级", "child.basic"),
    ("card_barcode", "借书证号", "child.basic"),
    ("birth_date", "出生日期", "child.profile"),
    ("school", "学校", "child.profile"),
    ("village", "村/组", "child.profile"),
    ("address", "家庭住址", "child.profile"),
    ("left_behind_type", "留守类型", "child.profile"),
    ("special_attention", "重点关注", "child.profile"),
    ("father_work_city", "父亲务工地", "child.family"),
    ("father_phone", "父亲电话", "child.phones"),
    ("mother_work_city", "母亲务工地", "child.family"),
    ("mother_phone", "母亲电话", "child.phones"),
    ("guardian", "监护人", "child.family"),
    ("guardian_phone", "监护人电话", "child.phones"),
    ("health_notes", "健康情况", "child.health"),
    ("allergy_notes", "过敏", "child.health"),
    ("notes", "备注", "child.profile"),
)

#: The anonymised export's columns — an ALLOW-LIST, (key, Chinese header, field group needed to export it). Nothing
#: else is ever written to an anonymised file. Add a column here only if a statistic needs it and it cannot point
#: at one child (no free text, no places, no dates, no numbers of any kind that belong to a person).
ANONYMISED_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("label", "代号", "child.basic"),
    ("gender", "性别", "child.basic"),
    ("grade", "年级", "child.basic"),
    ("class_name", "班级", "child.basic"),
    ("age", "年龄", "child.profile"),  # completed years on the day of the export, never the birth date
    ("left_behind_type", "留守类型", "child.profile"),
)


class ConfirmationRequired(DomainError):
    """Personal data leaves the program only after the user confirmed it (the UI asks; the CLI needs --yes)."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    anonymised: bool
    columns: tuple[str, ...]


def record_personal_output(
    ctx: AppContext,
    action: str,
    what: str,
    *,
    rows: int,
    target: str | os.PathLike[str],
    anonymised: bool,
    columns: Sequence[str] = (),
    needs: Sequence[str] = ("child.basic",),
) -> None:
    """Audit a print or export that contains children's personal data (its own short transaction).

    ``target`` is the file written: the log keeps its absolute path (``cha2.csv`` as typed says nothing a month
    later about which folder — or which USB stick — the children's data went to). ``needs``: the areas and child
    field groups whose data the output holds; the actor must be allowed to read each (every such output holds
    children's names, hence ``child.basic`` at least), so this is no way for anyone to write audit rows.
    """
    _require_reading(ctx, needs)
    where = str(Path(target).resolve())
    changes: dict[str, list[object]] = {
        "rows": [None, rows],
        "anonymised": [None, anonymised],
        "target": [None, where],
    }
    if columns:
        changes["columns"] = [None, list(columns)]
    with ctx.db.session() as s:
        audit.record(
            s,
            ctx.actor,
            action,
            "child",
            "",
            f"{what}：{rows} 名儿童{'（已匿名）' if anonymised else ''} → {where}",
            changes,
        )


def _require_reading(ctx: AppContext, needs: Sequence[str]) -> None:
    if not needs:
        raise ValueError("say which data the output holds (the areas or child field groups to read)")
    for area in needs:
        require(ctx.actor, area, READ)


def write_personal_file(
    ctx: AppContext,
    target: str | os.PathLike[str],
    write: Callable[[Path], T],
    *,
    action: str,
    what: str,
    rows: int,
    needs: Sequence[str],
    anonymised: bool = False,
    columns: Sequence[str] = (),
) -> T:
    """Write a file holding children's personal data (``write(target)``), audited *before* it is written.

    The log must know every such file the program made. Audit first, then write: a failure or a power cut in
    between leaves at worst a log entry for a file that was never made, never a file the log does not know. (The
    other order — write under a temporary name, audit, rename — leaves the temporary file of names behind, unaudited,
    when the power goes between the write and the commit.) The writers (``reports.page.atomic_output``,
    ``importing.export``) write to a temporary name and rename, so a failed write leaves no new file; a second entry
    then says it was not made. Returns what ``write`` returns.
    """
    _require_reading(ctx, needs)
    path = Path(target)
    record_personal_output(
        ctx, action, what, rows=rows, target=path, anonymised=anonymised, columns=columns, needs=needs
    )
    try:
        return write(path)
    except BaseException as exc:
        _record_not_written(ctx, action, what, path, exc)
        raise


def _record_not_written(ctx: AppContext, action: str, what: str, path: Path, exc: BaseException) -> None:
    reason = getattr(exc, "message", "") or type(exc).__name__
    try:
        with ctx.db.session() as s:
            audit.record(
                s,
                ctx.actor,
                action,
                "child",
                "",
                f"{what}未完成，没有生成文件（{reason}）→ {path.resolve()}",
                {"written": [None, False], "target": [None, str(path.resolve())]},
            )
    except Exception:  # the first entry stands; the user sees the original error
        log.exception("could not record that %s was not written", path)


def export_children(
    ctx: AppContext,
    path: Path,
    *,
    confirmed: bool,
    anonymise: bool = False,
    include_left: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    today: dt.date | None = None,
) -> ExportResult:
    """Write the roster to .xlsx or .csv with only the columns the user may read.

    ``anonymise``: only the ``ANONYMISED_COLUMNS`` the user may read, each child labelled by id (儿童A, 儿童B…)
    and aged in completed years on ``today``.
    """
    require(ctx.actor, "children", READ)
    if not confirmed:
        raise ConfirmationRequired("花名册包含儿童的个人信息。请确认导出（命令行请加 --yes）。")
    path = Path(path).resolve()
    if path.suffix.lower() not in (".xlsx", ".csv"):
        raise ValidationError("请选择 .xlsx 或 .csv 文件名。")
    role = ctx.actor.role
    spec = ANONYMISED_COLUMNS if anonymise else COLUMNS
    columns = [(key, header) for key, header, group in spec if allowed(role, group, READ)]
    with ctx.db.read() as s:
        query = select(Child)
        if not include_left:
            query = query.where(Child.status == ChildStatus.ACTIVE)
        children = sorted(s.scalars(query).all(), key=roster_sort_key)
        primary = primary_guardians(s)  # the primary guardian, else the first entered
    if anonymise:
        labels = pseudonyms(c.id for c in children)
        on = today or dt.date.today()
        records = [_anonymised(child, labels[child.id], on) for child in children]
    else:
        records = [_full(role, child, primary.get(child.id)) for child in children]
    # Only the chosen columns' keys are read from a record: whatever else a record holds never reaches the file.
    rows = [[record.get(key) for key, _ in columns] for record in records]

    from center_app.importing import write_csv, write_xlsx

    headers = [header for _, header in columns]

    def write(target: Path) -> None:
        if target.suffix.lower() == ".xlsx":
            write_xlsx(
                target, headers, rows, sheet_title="花名册", progress=progress, cancel=cancel, total=len(rows)
            )
        else:
            write_csv(target, headers, rows, progress=progress, cancel=cancel, total=len(rows))

    write_personal_file(
        ctx,
        path,
        write,
        action="export",
        what="导出花名册",
        rows=len(rows),
        needs=("children",),
        anonymised=anonymise,
        columns=headers,
    )
    return ExportResult(path, len(rows), anonymise, tuple(headers))


def _anonymised(child: Child, label: str, today: dt.date) -> dict[str, object]:
    """The values an anonymised row may draw from (the allow-list picks from these; nothing else is here)."""
    return {
        "label": label,
        "gender": GENDERS.get(child.gender, child.gender),
        "grade": child.grade,
        "class_name": child.class_name,
        "age": age_on(child.birth_date, today) if child.birth_date else None,
        "left_behind_type": LEFT_BEHIND_TYPES.get(child.left_behind_type, child.left_behind_type),
    }


def _full(role: str, child: Child, guardian: Guardian | None) -> dict[str, object]:
    """Every roster value, redacted to what ``role`` may read."""
    data = redact_child(
        role,
        {
            "name": child.name,
            "gender": GENDERS.get(child.gender, child.gender),
            "grade": child.grade,
            "class_name": child.class_name,
            "card_barcode": child.card_barcode or "",
            "birth_date": child.birth_date,
            "school": child.school,
            "village": child.village,
            "address": child.address,
            "left_behind_type": LEFT_BEHIND_TYPES.get(child.left_behind_type, child.left_behind_type),
            "special_attention": child.special_attention,
            "father_work_city": child.father_work_city,
            "father_phone": child.father_phone,
            "mother_work_city": child.mother_work_city,
            "mother_phone": child.mother_phone,
            "health_notes": child.health_notes,
            "allergy_notes": child.allergy_notes,
            "notes": child.notes,
        },
    )
    # "王奶奶（祖母）": the import reads it back as name + relation; no empty "（）" when the relation is unknown.
    data["guardian"] = (
        (f"{guardian.name}（{guardian.relation}）" if guardian.relation else guardian.name)
        if guardian is not None and allowed(role, "child.family", READ)
        else ""
    )
    data["guardian_phone"] = (
        guardian.phone if guardian is not None and allowed(role, "child.phones", READ) else ""
    )
    return data
