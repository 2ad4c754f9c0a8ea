"""The end of a stocktake, for the 盘点 tab: the question that says exactly what applying will change, applying
(``apply_stocktake(confirmed=True)``) or cancelling after its own question, and the result exported to Excel or
PDF on a worker thread (like the catalogue's exports; ``tab.choose_file`` is the save dialog's seam)."""

from __future__ import annotations

import functools
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from center_app.services import equipment
from center_app.services.equipment import ApplyResult
from center_app.ui import workers
from center_app.ui.events import Area
from center_app.ui.pages.equipment_stocktake_model import Plan, plan_of
from center_app.ui.pages.list_page import ListExport
from center_app.ui.widgets.messages import show_message
from center_app.ui.workers import Job

if TYPE_CHECKING:
    from center_app.ui.pages.equipment_stocktake import EquipmentStocktakeTab

MAX_LEFT_SHOWN = 5


class StocktakeFinish(QObject):
    """Confirm, cancel and export for ``tab`` (which shows the stocktake and its lines)."""

    def __init__(self, tab: EquipmentStocktakeTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.export = ListExport("export:stocktake", tab.ctx.data_dir.logs, self)
        self.export.finished.connect(self._exported)
        self.export.failed.connect(self._export_failed)
        self.export.ended.connect(self._export_ended)

    # --- applying ----------------------------------------------------------------------------------------------

    def plan(self) -> Plan | None:
        """What applying would change now: the lines fresh from the service, the items and units as they are."""
        tab = self.tab
        result = tab.load_lines()
        if result is None:
            return None
        items = tab.ops.run(lambda: equipment.list_items(tab.ctx), refused=tab.message).value
        if items is None:
            return None
        tab.items = {row.id: row for row in items}
        lines = tab.counting.model.lines
        unit_items = {
            line.item_id
            for line in lines
            if line.item_id is not None and not line.by_quantity and line.difference
        }
        status: dict[str, str] = {}

        def units_of(item_id: int) -> equipment.ItemDetail:
            return equipment.get_item(tab.ctx, item_id)

        for item_id in sorted(unit_items):
            detail = tab.ops.run(functools.partial(units_of, item_id), refused=lambda _exc: None).value
            if detail is not None:
                status.update((unit.barcode, unit.status) for unit in detail.units)
        return plan_of(lines, tab.items, status, not_counted=result.not_counted)

    def plan_text(self, plan: Plan) -> str:
        """``3 件标为遗失，2 种数量改正（少的 5 件记为遗失）`` — what the question says will change."""
        parts: list[str] = []
        if plan.lost_units:
            parts.append(self.tr("%1 件标为遗失").replace("%1", str(plan.lost_units)))
        if plan.fixed_items:
            how: list[str] = []
            if plan.lost_pieces:
                how.append(self.tr("少的 %1 件记为遗失").replace("%1", str(plan.lost_pieces)))
            if plan.found_pieces:
                how.append(self.tr("多出的 %1 件加入总数").replace("%1", str(plan.found_pieces)))
            parts.append(
                self.tr("%1 种数量改正（%2）")
                .replace("%1", str(plan.fixed_items))
                .replace("%2", "，".join(how))
            )
        if plan.found_units:
            parts.append(self.tr("%1 件遗失的找回").replace("%1", str(plan.found_units)))
        if plan.changes_nothing:
            parts.append(self.tr("清点结果与记录相符，器材记录不用改动"))
        text = "，".join(parts)
        if plan.left_alone:
            text += self.tr("；%1 项不改动（不认识的编号、现在借出或送修的器材）").replace(
                "%1", str(plan.left_alone)
            )
        return text

    def ask_apply(self) -> None:
        tab = self.tab
        info = tab.info
        if info is None or not tab.counting_open or not tab.can_manage:
            return
        plan = self.plan()
        if plan is None:
            return
        not_counted = (
            self.tr("还有 %1 项没有清点，会按没找到处理。").replace("%1", str(plan.not_counted))
            if plan.not_counted
            else ""
        )
        tab.confirm.ask(
            self.tr("确认盘点结果：%1。%2确认后这次盘点结束，不能再清点；改动记入审计日志。")
            .replace("%1", self.plan_text(plan))
            .replace("%2", not_counted),
            ok=(self.tr("确认并写入"), lambda: self.apply_result(info.id)),
            cancel=(self.tr("再看看"), None),
        )

    def apply_result(self, stocktake_id: int) -> ApplyResult | None:
        tab = self.tab
        done = tab.ops.run(
            lambda: equipment.apply_stocktake(tab.ctx, stocktake_id, confirmed=True),
            changes=Area.EQUIPMENT,
            refused=tab.refuse,
        )
        applied = done.value
        if applied is None:
            return None
        text = (
            self.tr(
                "盘点结果已写入：%1 件编号器材标为遗失，按数量的器材遗失 %2 件；"
                "找回编号器材 %3 件，按数量的器材 %4 件。"
            )
            .replace("%1", str(applied.lost_units))
            .replace("%2", str(applied.lost_pieces))
            .replace("%3", str(applied.found_units))
            .replace("%4", str(applied.found_pieces))
        )
        if applied.left_alone:
            left = applied.left_alone
            text += self.tr("没有改动：%1").replace("%1", "；".join(left[:MAX_LEFT_SHOWN]))
            if len(left) > MAX_LEFT_SHOWN:
                text += self.tr(" 等 %1 项").replace("%1", str(len(left)))
        tab.sound.ok()
        tab.show_start()
        show_message(tab.start.message, text, ok=True)
        return applied

    # --- cancelling --------------------------------------------------------------------------------------------

    def ask_cancel(self) -> None:
        tab = self.tab
        info = tab.info
        if info is None or not tab.counting_open or not tab.can_manage:
            return
        tab.confirm.ask(
            self.tr("取消这次盘点？已点的记录会留在以往的盘点里，但结果不会写入器材记录。"),
            ok=(self.tr("取消盘点"), lambda: self.cancel_stocktake(info.id)),
            cancel=(self.tr("继续盘点"), None),
        )

    def cancel_stocktake(self, stocktake_id: int) -> None:
        tab = self.tab
        done = tab.ops.run(
            lambda: equipment.cancel_stocktake(tab.ctx, stocktake_id),
            changes=Area.EQUIPMENT,
            refused=tab.refuse,
        )
        if not done.ok:
            return
        tab.show_start()
        show_message(tab.start.message, self.tr("这次盘点已取消，器材记录没有改动。"), ok=True)

    # --- export ----------------------------------------------------------------------------------------------

    @property
    def exporting(self) -> bool:
        return self.export.running

    def export_result(self, suffix: str) -> Job | None:
        """Write the result (open or past) to ``.xlsx`` or ``.pdf`` on a worker thread."""
        tab = self.tab
        info = tab.info
        if info is None or self.export.running:
            return None
        name = self.tr("盘点结果")
        suggested = tab.ctx.data_dir.exports / f"{name}_{info.started_at:%Y%m%d}_{info.id}{suffix}"
        chosen = tab.choose_file(suggested, suffix)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        ctx, stocktake_id = tab.ctx, info.id

        def work(_progress: workers.Progress, _cancel: threading.Event) -> Path:
            path.parent.mkdir(parents=True, exist_ok=True)
            return equipment.export_stocktake(ctx, stocktake_id, path)

        job = self.export.start(work)
        tab.say(self.tr("正在导出…"), "info")
        tab.enable()
        return job

    def _exported(self, path: object) -> None:
        self.tab.say(self.tr("已导出：%1").replace("%1", str(path)), "ok")

    def _export_failed(self, text: str) -> None:
        self.tab.say(text, "error")

    def _export_ended(self) -> None:
        self.tab.enable()

    def ask_file_name(self, suggested: Path, suffix: str) -> str:
        """Where to save (the native dialog; tests replace ``tab.choose_file``)."""
        suggested.parent.mkdir(parents=True, exist_ok=True)
        kinds = self.tr("Excel 文件 (*.xlsx)") if suffix == ".xlsx" else self.tr("PDF 文件 (*.pdf)")
        name, _ = QFileDialog.getSaveFileName(self.tab, self.tr("导出盘点结果"), str(suggested), kinds)
        return name
