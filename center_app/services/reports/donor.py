"""The donor report (捐赠方报告): what a donor gave — book batches, equipment — and how it was used over a period:
checkouts of their books, uses of their equipment, the activities that used it. Counts, titles and item names:
no child is named.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from center_app.context import AppContext
from center_app.domain.errors import ValidationError
from center_app.domain.pinyin import normalise
from center_app.services import catalog, equipment, library_stats
from center_app.services.catalog import BookBatch, DonorInfo
from center_app.services.equipment import DonatedItem, EquipmentUsage
from center_app.services.library_stats import DonorReading
from center_app.services.reports import _figures as f
from center_app.services.reports._common import (
    Chart,
    Figure,
    ReportLayout,
    ReportTable,
    Section,
    WrittenReport,
    check_period,
    count_text,
    date_text,
    export_xlsx,
    period_text,
    require_reports,
    write_pdf,
)
from center_app.services.settings import get_centre

KIND = "donor"
DONOR_KINDS = {"organisation": "机构", "company": "企业", "person": "个人"}


@dataclass(frozen=True)
class DonorReport:
    centre_name: str
    donor: DonorInfo
    first: dt.date
    last: dt.date
    book_batches: tuple[BookBatch, ...]
    equipment: tuple[DonatedItem, ...]
    reading: DonorReading
    usage: EquipmentUsage

    @property
    def title(self) -> str:
        return f"捐赠物资使用情况报告：{self.donor.name}"

    @property
    def batches(self) -> int:
        return len({b.id for b in self.book_batches} | {i.batch_id for i in self.equipment})

    @property
    def copies(self) -> int:
        return sum(b.copies for b in self.book_batches)

    @property
    def pieces(self) -> int:
        return sum(i.quantity for i in self.equipment)

    def layout(self) -> ReportLayout:
        r, u = self.reading, self.usage
        period = period_text(self.first, self.last)
        gave = [
            Figure("捐赠批次", count_text(self.batches, "批")),
            Figure("图书", f"{self.copies} 册（{r.titles} 种）"),
            Figure("图书仍在馆", count_text(r.on_shelves, "册")),
            Figure("器材", f"{len(self.equipment)} 种 {self.pieces} 件"),
        ]
        books = ReportTable(
            "图书批次",
            ("接收日期", "批次说明", "册数", "种数", "仍在馆（册）"),
            tuple(
                (date_text(b.received_on), b.description, b.copies, b.titles, b.on_shelves)
                for b in self.book_batches
            ),
            numeric=(2, 3, 4),
            weights=(1.6, 3.4, 0.9, 0.9, 1.3),
        )
        items = ReportTable(
            "器材",
            ("接收日期", "器材", "类别", "现有数量", "状况"),
            tuple(
                (
                    date_text(i.received_on),
                    i.name,
                    i.category_label,
                    f"{i.quantity} {i.unit}",
                    i.condition_label,
                )
                for i in self.equipment
            ),
            numeric=(3,),
            weights=(1.6, 3, 1, 1.2, 1),
        )
        reading = Section(
            f"三、图书借阅（{period}）",
            figures=(
                Figure("借出", count_text(r.loans, "册次")),
                Figure("读者", count_text(r.readers, "名")),
                Figure("被借阅的书", count_text(r.titles_lent, "种")),
                Figure("借出的书占捐赠图书", f"{r.titles_lent} / {r.titles} 种"),
            ),
            charts=(
                Chart(
                    "每月借出（册次）",
                    "bar",
                    tuple(f"{int(m.month[5:])}月" for m in r.months),
                    tuple(float(m.loans) for m in r.months),
                    unit="册次",
                ),
            )
            if len(r.months) > 1
            else (),
            tables=(
                ReportTable(
                    "借阅最多的捐赠图书",
                    ("名次", "书名", "作者", "借出（次）", "读者（名）"),
                    tuple((i, t.title, t.author, t.loans, t.readers) for i, t in enumerate(r.top, start=1)),
                    numeric=(0, 3, 4),
                    weights=(0.7, 4, 2.2, 1.1, 1.1),
                ),
            ),
            notes=("借出：期间办理的借书次数；读者：借过这些书的儿童人数（不列姓名）。",),
        )
        use = Section(
            f"四、器材使用（{period}）",
            figures=(
                Figure("借用", count_text(u.loans, "次")),
                Figure("借出件次", count_text(u.pieces, "件次")),
                Figure("用到这些器材的活动", count_text(len(u.activities), "次")),
            ),
            tables=(
                ReportTable(
                    "各器材的使用",
                    ("器材", "类别", "借用（次）", "件次", "用于活动（次）"),
                    tuple((i.name, i.category_label, i.loans, i.pieces, i.activities) for i in u.items),
                    numeric=(2, 3, 4),
                    weights=(3, 1.2, 1.1, 1, 1.3),
                ),
                ReportTable(
                    "用到捐赠器材的活动",
                    ("日期", "活动", "类型", "用到的器材"),
                    tuple(
                        (date_text(a.on_date), a.title, f.activity_kind_label(a.kind), "、".join(a.items))
                        for a in u.activities
                    ),
                    weights=(1.5, 2.6, 1, 2.6),
                ),
            ),
        )
        kind = DONOR_KINDS.get(self.donor.kind, "")
        return ReportLayout(
            title=self.title,
            subtitle=period,
            centre_name=self.centre_name,
            intro=(
                f"感谢{self.donor.name}{'（' + kind + '）' if kind else ''}对{self.centre_name}的捐赠。"
                f"以下是您捐赠的图书和器材的情况，以及它们在{period}的使用情况。",
            ),
            sections=(
                Section("一、捐赠概况", figures=tuple(gave)),
                Section("二、捐赠的物资", tables=(books, items)),
                reading,
                use,
            ),
            notes=("本报告只含统计数字和书名、器材名，不含儿童姓名。",),
        )


def find_donor(ctx: AppContext, name: str) -> DonorInfo:
    """The donor called ``name``: the exact name, else the one whose name contains it. Refused (with the names
    that match, or some that exist) when none or several do."""
    require_reports(ctx)
    wanted = normalise(name).replace(" ", "")
    if not wanted:
        raise ValidationError("请写出捐赠方的名称。")
    donors = catalog.list_donors(ctx)
    exact = [d for d in donors if normalise(d.name).replace(" ", "") == wanted]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [d for d in donors if wanted in normalise(d.name).replace(" ", "")]
    if len(partial) == 1:
        return partial[0]
    if partial:
        names = "、".join(d.name for d in partial[:6]) + ("等" if len(partial) > 6 else "")
        raise ValidationError(f"有 {len(partial)} 个捐赠方的名称含“{name}”：{names}。请写出完整的名称。")
    known = "、".join(d.name for d in donors[:6]) + ("等" if len(donors) > 6 else "")
    hint = f"已登记的捐赠方有：{known}。" if donors else "还没有登记任何捐赠方。"
    raise ValidationError(f"找不到捐赠方“{name}”。{hint}")


def donor_report(
    ctx: AppContext, donor: str | int, first: dt.date, last: dt.date, *, today: dt.date | None = None
) -> DonorReport:
    """Gather what ``donor`` (an id, or a name as :func:`find_donor` finds it) gave and how it was used between
    ``first`` and ``last`` (cut to today)."""
    require_reports(ctx)
    first, last = check_period(first, last, today or dt.date.today())
    if isinstance(donor, int):
        found = [d for d in catalog.list_donors(ctx) if d.id == donor]
        if not found:
            raise ValidationError("找不到这个捐赠方，它可能已被删除。")
        info = found[0]
    else:
        info = find_donor(ctx, donor)
    return DonorReport(
        centre_name=get_centre(ctx).name,
        donor=info,
        first=first,
        last=last,
        book_batches=tuple(catalog.donor_book_batches(ctx, info.id)),
        equipment=tuple(equipment.donated_items(ctx, info.id)),
        reading=library_stats.donor_reading(ctx, info.id, first, last),
        usage=equipment.equipment_usage(ctx, first, last, donor_id=info.id),
    )


def write_donor_report_pdf(
    ctx: AppContext, report: DonorReport, path: str | os.PathLike[str]
) -> WrittenReport:
    """Print the donor report (A4, the centre's name on each page, page numbers); audited with the file's path."""
    from center_app.reports.donor_report import donor_report_pdf

    return write_pdf(ctx, report.layout(), path, lambda p: donor_report_pdf(p, report), kind=KIND)


def export_donor_report_xlsx(ctx: AppContext, report: DonorReport, path: str | os.PathLike[str]) -> int:
    """The donor report's tables in one workbook, a sheet each; audited. Returns rows written."""
    return export_xlsx(ctx, report.layout(), path, kind=KIND)
