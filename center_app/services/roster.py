"""Exporting the children's roster — personal data, so it is confirmed, redacted to the user's permissions,
optionally anonymised, and always written to the audit log (who, when, how many, where, anonymised or not).

The columns are the roster import's (``services/children_import.py``): a staff member's export imports back with no
changes, so the roster can be edited in Excel and brought back. The privacy rules here apply to every export or
print that contains children's personal data: call ``record_personal_output`` in the same place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from center_app.context import AppContext
from center_app.db.models import Child
from center_app.domain.anonymise import pseudonyms
from center_app.domain.errors import DomainError, ValidationError
from center_app.domain.permissions import allowed, redact_child, require
from center_app.services import audit
from center_app.services.children import primary_guardians, roster_sort_key

GENDER = {"male": "男", "female": "女"}
LEFT_BEHIND = {"both": "父母均外出", "father": "父亲外出", "mother": "母亲外出", "none": "非留守"}

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


class ConfirmationRequired(DomainError):
    """Personal data leaves the program only after the user confirmed it (the UI asks; the CLI needs --yes)."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    anonymised: bool
    columns: tuple[str, ...]


def record_personal_output(
    ctx: AppContext, action: str, what: str, *, rows: int, target: str, anonymised: bool
) -> None:
    """Audit a print or export that contains children's personal data (its own short transaction)."""
    with ctx.db.session() as s:
        audit.record(
            s,
            ctx.actor,
            action,
            "child",
            "",
            f"{what}：{rows} 名儿童{'（已匿名）' if anonymised else ''} → {target}",
            {"rows": [None, rows], "anonymised": [None, anonymised], "target": [None, target]},
        )


def export_children(
    ctx: AppContext,
    path: Path,
    *,
    confirmed: bool,
    anonymise: bool = False,
    include_left: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ExportResult:
    """Write the roster to .xlsx or .csv with only the columns the user may read."""
    require(ctx.actor, "children", "read")
    if not confirmed:
        raise ConfirmationRequired("花名册包含儿童的个人信息。请确认导出（命令行请加 --yes）。")
    path = Path(path)
    if path.suffix.lower() not in (".xlsx", ".csv"):
        raise ValidationError("请选择 .xlsx 或 .csv 文件名。")
    role = ctx.actor.role
    columns = [(key, header) for key, header, group in COLUMNS if allowed(role, group, "read")]
    with ctx.db.read() as s:
        query = select(Child)
        if not include_left:
            query = query.where(Child.status == "active")
        children = sorted(s.scalars(query).all(), key=roster_sort_key)
        primary = primary_guardians(s)  # the primary guardian, else the first entered
    names = pseudonyms(c.name for c in children) if anonymise else {}
    rows = []
    for child in children:
        guardian = primary.get(child.id)
        data = redact_child(
            role,
            {
                "name": child.name,
                "gender": GENDER.get(child.gender, child.gender),
                "grade": child.grade,
                "class_name": child.class_name,
                "card_barcode": child.card_barcode or "",
                "birth_date": child.birth_date,
                "school": child.school,
                "village": child.village,
                "address": child.address,
                "left_behind_type": LEFT_BEHIND.get(child.left_behind_type, child.left_behind_type),
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
            if guardian is not None and allowed(role, "child.family", "read")
            else ""
        )
        data["guardian_phone"] = (
            guardian.phone if guardian is not None and allowed(role, "child.phones", "read") else ""
        )
        if anonymise:
            # Everything that identifies a child is dropped, not just the name (remarks are free text: they go too).
            data.update(
                name=names[child.name],
                card_barcode="",
                birth_date=None,
                village="",
                address="",
                father_phone="",
                mother_phone="",
                guardian="",
                guardian_phone="",
                notes="",
            )
        rows.append([data.get(key) for key, _ in columns])

    from center_app.importing import write_csv, write_xlsx

    headers = [header for _, header in columns]
    if path.suffix.lower() == ".xlsx":
        write_xlsx(
            path, headers, rows, sheet_title="花名册", progress=progress, cancel=cancel, total=len(rows)
        )
    else:
        write_csv(path, headers, rows, progress=progress, cancel=cancel, total=len(rows))
    record_personal_output(
        ctx, "export", "导出花名册", rows=len(rows), target=str(path), anonymised=anonymise
    )
    return ExportResult(path, len(rows), anonymise, tuple(headers))
