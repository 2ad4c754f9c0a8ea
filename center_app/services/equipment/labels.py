"""Asset labels: a PDF sheet of labels (item name + Code128 of the asset barcode) for chosen items or codes, on the
label sheet the library last used for spine labels and from where it left off.

The library's label memory is the ``label_printing`` setting (``{"spine": {"grid": "a4-24", "start": 5}}``,
written by the catalogue's print panel): asset labels go on the same sheets, so by default they use that sheet and
start position, and the result says where the next label goes — the page remembers it the way the catalogue's
panel does (``settings.set_setting``, for whoever may write settings)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from sqlalchemy import select

from center_app.context import AppContext
from center_app.db.models import EquipmentItem, EquipmentUnit, Setting
from center_app.domain import equipment as rules
from center_app.domain.errors import ValidationError
from center_app.domain.label_grid import PRESETS, SPINE_24, LabelGrid
from center_app.domain.permissions import READ, require
from center_app.domain.states import Tracking
from center_app.reports.labels import SheetResult
from center_app.services import audit
from center_app.services.equipment.common import find_by_code

LABEL_SETTING: Final = (
    "label_printing"  # the catalogue's print panel's memory (ui/pages/label_sheets.SETTING_KEY)
)
SHEET_KIND: Final = "spine"  # asset labels share the spine labels' sheets
MAX_LABELS: Final = 2000


@dataclass(frozen=True)
class LabelSheet:
    """The sheet and the start position to print on next."""

    grid: LabelGrid
    start_position: int


@dataclass(frozen=True)
class AssetLabelsPrinted:
    path: Path
    labels: int
    grid: LabelGrid
    start_position: int
    sheet: SheetResult  # positions used, pages, and ``next_start_position``


def label_sheet(ctx: AppContext) -> LabelSheet:
    """The sheet the library last printed spine labels on and where its next label goes (A4 24 格 from position 1
    when nothing is remembered)."""
    require(ctx.actor, "equipment", READ)
    import json

    with ctx.db.read() as s:
        row = s.get(Setting, LABEL_SETTING)
        try:
            memory = json.loads(row.value) if row is not None and row.value else {}
        except ValueError:
            memory = {}
    spine = memory.get(SHEET_KIND) if isinstance(memory, dict) else None
    grid, start = SPINE_24, 1
    if isinstance(spine, dict):
        grid = PRESETS.get(str(spine.get("grid")), SPINE_24)
        value = spine.get("start")
        start = value if isinstance(value, int) and 1 <= value <= grid.per_page else 1
    return LabelSheet(grid, start)


def print_asset_labels(
    ctx: AppContext,
    path: str | os.PathLike[str],
    *,
    item_ids: Sequence[int] = (),
    barcodes: Sequence[str] = (),
    grid: LabelGrid | None = None,
    start_position: int | None = None,
    guides: bool = False,
) -> AssetLabelsPrinted:
    """Print labels to a PDF: for each of ``item_ids`` its box label (quantity items) or one label per piece still
    in the collection (one-by-one items), then one per code in ``barcodes``. ``grid`` and ``start_position``
    default to :func:`label_sheet`. Audited (what was printed, not who for: labels carry no personal data)."""
    from center_app.reports.asset_labels import AssetLabel, asset_labels_pdf
    from center_app.services.settings import get_centre

    require(ctx.actor, "equipment", READ)
    remembered = label_sheet(ctx) if grid is None or start_position is None else None
    grid = grid or (remembered.grid if remembered else SPINE_24)
    start = start_position if start_position is not None else (remembered.start_position if remembered else 1)
    labels: list[AssetLabel] = []
    unknown: list[str] = []
    with ctx.db.read() as s:
        for item_id in item_ids:
            item = s.get(EquipmentItem, item_id)
            if item is None:
                raise ValidationError("要打印标签的器材有一件已被删除，请重新选择。")
            detail = item.location or rules.category_label(item.category)
            if item.tracking == Tracking.INDIVIDUAL:
                units = s.scalars(
                    select(EquipmentUnit.barcode)
                    .where(
                        EquipmentUnit.item_id == item.id, EquipmentUnit.status.in_(rules.HELD_UNIT_STATUSES)
                    )
                    .order_by(EquipmentUnit.barcode)
                )
                labels += [AssetLabel(item.name, code, detail) for code in units]
            elif item.barcode:
                labels.append(AssetLabel(item.name, item.barcode, detail))
        for code in barcodes:
            found = find_by_code(s, code)
            if found is None:
                unknown.append(rules.clean_code(code))
                continue
            item, unit = found
            labels.append(
                AssetLabel(
                    item.name,
                    unit.barcode if unit else item.barcode or "",
                    item.location or rules.category_label(item.category),
                )
            )
    if unknown:
        raise ValidationError(f"没有找到这些编号的器材：{'、'.join(unknown[:20])}。没有生成标签。")
    if len(labels) > MAX_LABELS:
        raise ValidationError(f"一次最多打印 {MAX_LABELS} 张器材标签，请少选一些。")
    target = Path(path).resolve()
    sheet = asset_labels_pdf(target, labels, grid, start, centre_name=get_centre(ctx).name, guides=guides)
    with ctx.db.session() as s:
        audit.record(
            s,
            ctx.actor,
            "print",
            "equipment_item",
            "",
            f"打印器材标签 {len(labels)} 张（{grid.describe()}，从第 {start} 格起）→ {target}"
            + ("，试印" if guides else ""),
            {"labels": [None, len(labels)], "target": [None, str(target)]},
        )
    return AssetLabelsPrinted(target, len(labels), grid, start, sheet)
