"""Exporting the catalogue, one row per copy, under the import's own column names (so the file imports back)."""

from __future__ import annotations

from os import PathLike
from pathlib import Path

from sqlalchemy import select

from center_app.context import AppContext
from center_app.db.models import BookCopy, BookTitle, DonationBatch, Donor
from center_app.domain import books
from center_app.domain.errors import ValidationError
from center_app.domain.permissions import READ, require
from center_app.importing import write_csv, write_xlsx, yuan
from center_app.services import audit
from center_app.services.book_import.columns import Cancel, Progress

EXPORT_HEADERS = (
    "条码",
    "ISBN",
    "书名",
    "作者",
    "出版社",
    "出版年",
    "中图法分类号",
    "索书号",
    "适读年级",
    "定价",
    "状态",
    "馆藏位置",
    "捐赠方",
)


def export_books(
    ctx: AppContext,
    path: str | PathLike[str],
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> int:
    """Write every copy (one row each) to ``.xlsx`` or ``.csv`` (by the file's suffix). Returns the row count.

    The headers are the import's own column names, so the file can be edited and imported elsewhere.
    """
    require(ctx.actor, "catalog", READ)
    target = Path(path).resolve()  # the audit log names the folder too, not just the name as typed
    suffix = target.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ValidationError(f"只能导出为 .xlsx 或 .csv 文件（现为“{target.name}”）。")
    query = (
        select(
            BookCopy.barcode,
            BookTitle.isbn13,
            BookTitle.title,
            BookTitle.author,
            BookTitle.publisher,
            BookTitle.pub_year,
            BookTitle.clc_class,
            BookTitle.call_number,
            BookTitle.grade_band,
            BookTitle.price_fen,
            BookCopy.status,
            BookCopy.location,
            Donor.name,
        )
        .join(BookTitle, BookTitle.id == BookCopy.title_id)
        .outerjoin(DonationBatch, DonationBatch.id == BookCopy.batch_id)
        .outerjoin(Donor, Donor.id == DonationBatch.donor_id)
        .order_by(BookTitle.title_pinyin, BookTitle.id, BookCopy.barcode)
    )
    with ctx.db.read() as s:
        rows = [
            (
                barcode,
                isbn13 or "",
                title,
                author,
                publisher,
                year,
                clc_class,
                call_number,
                grade,
                yuan(price) if price is not None else None,
                books.status_label(status),
                location,
                donor or "",
            )
            for (
                barcode,
                isbn13,
                title,
                author,
                publisher,
                year,
                clc_class,
                call_number,
                grade,
                price,
                status,
                location,
                donor,
            ) in s.execute(query)
        ]
    if suffix == ".xlsx":
        count = write_xlsx(
            target,
            EXPORT_HEADERS,
            rows,
            sheet_title="馆藏图书",
            progress=progress,
            cancel=cancel,
            total=len(rows),
        )
    else:
        count = write_csv(target, EXPORT_HEADERS, rows, progress=progress, cancel=cancel, total=len(rows))
    with ctx.db.session() as s:
        audit.record(
            s,
            ctx.actor,
            "export",
            "book_copy",
            "",
            f"导出馆藏图书 {count} 册 → {target}",
            {"rows": [None, count], "target": [None, str(target)]},
        )
    return count
