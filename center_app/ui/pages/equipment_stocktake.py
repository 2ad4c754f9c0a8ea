"""盘点: the equipment page's stocktake tab (Follett Destiny's inventory, with the missing list at the end).

- **No stocktake open**: choose what to count — all the equipment, one storage place or one category — and open
  one (``equipment.open_stocktake`` freezes the expected list); the past stocktakes are listed below, each with its
  result (``equipment_stocktake_start``).
- **A stocktake open** (also after the app was closed or the power went: ``current_stocktake`` resumes it, every
  scan having been its own transaction): the big scanner input. Each scan (``record_scan``) says found (green),
  already counted (blue) or not on the list (yellow), with the desk's sounds; a quantity item is counted by typing
  a number for the chosen line (``record_count``). ``已清点 123 / 200`` above, and the lines below with what is
  counted so far — filterable to 还没找到 (``equipment_stocktake_count``, on a table model, so a scan on 2,000
  lines changes one row).
- **The result**: found / missing / unexpected in the same table (a past stocktake's read-only), exported to Excel
  or PDF on a worker thread (``choose_file`` is the seam for the save dialog); applied only after a question that
  says exactly what will change (``3 件标为遗失，2 种数量改正``) → ``apply_stocktake(confirmed=True)``, audited;
  cancelled after its own question.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from center_app.context import AppContext
from center_app.domain import equipment as rules
from center_app.domain.errors import DomainError
from center_app.domain.permissions import WRITE, allowed
from center_app.domain.states import StocktakeFilter, StocktakeStatus, Tracking
from center_app.services import equipment
from center_app.services.equipment import ItemRow, ScanResult, StocktakeInfo, StocktakeResult
from center_app.ui.events import Area
from center_app.ui.operations import Operations
from center_app.ui.pages.equipment_stocktake_count import OTHER_INPUTS, StocktakeCounting
from center_app.ui.pages.equipment_stocktake_finish import StocktakeFinish
from center_app.ui.pages.equipment_stocktake_model import StocktakeLine
from center_app.ui.pages.equipment_stocktake_start import StocktakeStart
from center_app.ui.widgets.messages import show_message
from center_app.ui.widgets.scan_message import MessageKind
from center_app.ui.widgets.scanner_input import ScannerInput, normalise
from center_app.ui.widgets.sound import DeskSound

#: how each scan's outcome is said: colour of the line, and the sound
SAID: dict[str, tuple[MessageKind, str]] = {
    "found": ("ok", "ok"),
    "again": ("info", "notice"),
    "unexpected": ("ask", "notice"),
    "unknown": ("ask", "notice"),
}


class EquipmentStocktakeTab(QWidget):
    """The 盘点 tab (the panel contract of the equipment page). Seams: ``sound.player``, ``choose_file``."""

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("equipmentStocktakeTab")
        self.ctx = ctx
        self.ops = ops
        self.stale = True
        self.sound = DeskSound()
        #: where to save an export: (suggested path, ".xlsx" or ".pdf") → the chosen path, "" for none
        self.choose_file: Callable[[Path, str], str] = lambda suggested, suffix: self.finish.ask_file_name(
            suggested, suffix
        )
        role = ctx.actor.role
        self.can_count = allowed(role, "equipment.lend", WRITE)
        self.can_manage = allowed(role, "equipment.stocktake", WRITE)
        #: the stocktake the counting view shows (open, or a past one's result)
        self.info: StocktakeInfo | None = None
        self.items: dict[int, ItemRow] = {}
        self._reload_code: str | None = None
        self._said: MessageKind | None = None  # the colours the message line has
        self.finish = StocktakeFinish(self)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        self.stack.setObjectName("equipmentStocktakeStack")
        self.start = StocktakeStart()
        self.start.open_requested.connect(self.open_stocktake)
        self.start.show_requested.connect(self.show_past)
        self.counting = StocktakeCounting()
        self.stack.addWidget(self.start)
        self.stack.addWidget(self.counting)
        outer.addWidget(self.stack)

        view = self.counting
        self.input: ScannerInput = view.input
        self.scan_input: ScannerInput | None = view.input
        self.message = view.message
        self.confirm = view.confirm
        self.input.scanned.connect(self._scanned)
        self.input.typed.connect(self._typed)
        self.input.keep_focus_in(view, other_inputs=OTHER_INPUTS, unless=self.confirm.isVisible)
        self.confirm.answered.connect(self.focus_first)
        view.count_button.clicked.connect(lambda: self.count_chosen(view.count.value()))
        view.count.editingFinished.connect(self._count_entered)
        view.chosen.connect(lambda _line: self.enable())
        view.export_xlsx.clicked.connect(lambda: self.finish.export_result(".xlsx"))
        view.export_pdf.clicked.connect(lambda: self.finish.export_result(".pdf"))
        view.back.clicked.connect(self.show_start)
        view.apply.clicked.connect(self.finish.ask_apply)
        view.cancel.clicked.connect(self.finish.ask_cancel)

    # --- the panel contract --------------------------------------------------------------------------------

    @property
    def counting_open(self) -> bool:
        """An open stocktake is shown (scans count)."""
        return self.info is not None and self.info.status == StocktakeStatus.OPEN

    def refresh(self) -> None:
        """The open stocktake (resumed where it was left), a past one's result being looked at, or the start."""
        self.stale = False
        done = self.ops.run(lambda: equipment.current_stocktake(self.ctx), refused=self.start.message)
        if not done.ok:
            return
        current = done.value
        if current is not None:
            self.show_stocktake(current)
        elif self.info is not None and self.stack.currentWidget() is self.counting and not self.counting_open:
            self.show_stocktake(self.info)  # a past result being looked at: its lines again
        else:
            self.show_start()

    def focus_first(self) -> None:
        if self.stack.currentWidget() is self.counting:
            if self.confirm.isVisible():
                self.confirm.ok.setFocus(Qt.FocusReason.OtherFocusReason)
            elif self.input.isEnabled():
                self.input.take_focus()
            else:
                self.counting.back.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.start.focus_first()

    def handle_scan(self, code: str) -> None:
        """A code as if scanned into the input (a scan kept by the lock screen, or routed here)."""
        if not self.counting_open:
            self._refused(self.tr("还没有开始盘点：请先选择盘点范围，按“开始盘点”。"))
            return
        if not self.can_count:
            self._refused(self.tr("当前账号不能清点器材。"))
            return
        self._scan(code)

    # --- the two views ---------------------------------------------------------------------------------------

    def show_start(self) -> None:
        places = self.ops.run(lambda: equipment.locations(self.ctx), refused=self.start.message).value
        past = self.ops.run(lambda: equipment.list_stocktakes(self.ctx), refused=self.start.message).value
        self.info = None
        self.start.fill(places or [], past or [])
        self.start.allow_open(
            self.can_manage,
            self.tr("当前账号不能开始盘点（需要“开始、确认或取消盘点”的权限），可以查看以往的盘点。"),
        )
        self.input.setEnabled(False)
        self.stack.setCurrentWidget(self.start)
        self.focus_first()

    def show_past(self, info: StocktakeInfo) -> None:
        self.show_stocktake(info)
        self.say(self.tr("这是以往一次盘点的结果，只能查看和导出。"), "info")

    def show_stocktake(self, info: StocktakeInfo) -> None:
        """The counting view for ``info``: counting if it is open, its result read-only if not."""
        opened = (
            self.info is None or self.info.id != info.id or self.stack.currentWidget() is not self.counting
        )
        self.info = info
        view = self.counting
        is_open = info.status == StocktakeStatus.OPEN
        view.set_finished(not is_open)
        if opened:
            view.current = None
            view.filter.setCurrentIndex(0)
            self._fill_places(info)
        if is_open:
            items = self.ops.run(lambda: equipment.list_items(self.ctx), refused=self.message).value
            self.items = {row.id: row for row in items or []}
        self.load_lines()
        for widget in (view.place_label, view.place, view.count_label, view.count, view.count_button):
            widget.setVisible(is_open)
        view.chosen_text.setVisible(is_open)
        view.input.setVisible(is_open)
        view.apply.setVisible(is_open)
        view.cancel.setVisible(is_open)
        view.back.setVisible(not is_open)
        self.stack.setCurrentWidget(view)
        if opened and is_open:
            if self.can_count:
                self.say(
                    self.tr("请扫描器材上的编号。按数量的器材：扫描它的标签，再输入点到的数目。"), "info"
                )
            else:
                self.say(self.tr("当前账号不能清点器材（需要“借出或归还器材”的权限），只能查看。"), "error")
        self.enable()
        self.focus_first()

    def _fill_places(self, info: StocktakeInfo) -> None:
        place = self.counting.place
        places = self.ops.run(lambda: equipment.locations(self.ctx), refused=lambda _exc: None).value or []
        place.clear()
        place.addItems(places)
        # Counting one place: the scans are made there (what belongs elsewhere is noted where it was found).
        place.setCurrentText(info.filter_value if info.filter_kind == StocktakeFilter.LOCATION else "")

    def load_lines(self, select_code: str | None = None) -> StocktakeResult | None:
        info = self.info
        if info is None:
            return None
        result = self.ops.run(
            lambda: equipment.stocktake_result(self.ctx, info.id), refused=self.message
        ).value
        if result is None:
            return None
        self.info = result.info
        quantity = {item_id for item_id, row in self.items.items() if row.tracking == Tracking.QUANTITY}
        lines = [
            StocktakeLine.of(line, line.item_id in quantity)  # units belong to one-by-one items only
            for group in (result.missing, result.unexpected, result.found)
            for line in group
        ]
        view = self.counting
        view.set_lines(lines, result.info.counted)
        if select_code is not None:
            view.choose(view.model.line_for_code(select_code))
        self._show_progress(result.info)
        view.show_tally()
        return result

    def _show_progress(self, info: StocktakeInfo, counted: int | None = None) -> None:
        view = self.counting
        started = f"{info.started_at:%Y-%m-%d %H:%M}"
        scope = self.start.scope_text(info)
        if info.status == StocktakeStatus.OPEN:
            view.title.setText(self.tr("盘点中：%1（%2 开始）").replace("%1", scope).replace("%2", started))
        else:
            state = self.tr("已确认") if info.status == StocktakeStatus.FINISHED else self.tr("已取消")
            view.title.setText(
                self.tr("盘点结果：%1（%2 开始，%3）")
                .replace("%1", scope)
                .replace("%2", started)
                .replace("%3", state)
            )
        view.progress.setText(
            self.tr("已清点 %1 / %2")
            .replace("%1", str(info.counted if counted is None else counted))
            .replace("%2", str(info.lines))
        )

    def enable(self) -> None:
        view = self.counting
        is_open = self.counting_open
        busy = self.finish.exporting
        self.input.setEnabled(is_open and self.can_count)
        line = view.current
        counts = is_open and self.can_count and line is not None and line.by_quantity
        view.count.setEnabled(counts)
        view.count_button.setEnabled(counts)
        view.apply.setEnabled(is_open and self.can_manage and not busy)
        view.cancel.setEnabled(is_open and self.can_manage and not busy)
        view.export_xlsx.setEnabled(not busy)
        view.export_pdf.setEnabled(not busy)
        if is_open and not self.can_manage:
            view.rights.setText(self.tr("当前账号可以清点，但不能确认或取消盘点。"))
        else:
            view.rights.setText("")

    # --- opening -------------------------------------------------------------------------------------------------

    def open_stocktake(self, location: str | None, category: str | None, note: str) -> None:
        done = self.ops.run(
            lambda: equipment.open_stocktake(self.ctx, location=location, category=category, note=note),
            changes=Area.EQUIPMENT,
            refused=self.start.message,
        )
        info = done.value
        if info is None:
            return
        self.start.note.clear()
        self.start.message.clear()
        self.show_stocktake(info)
        self.say(
            self.tr(
                "盘点开始：应清点 %1 项。请扫描器材上的编号；按数量的器材扫描标签后输入点到的数目。"
            ).replace("%1", str(info.lines)),
            "info",
        )

    # --- scans and counts ------------------------------------------------------------------------------------

    def _scanned(self, code: str) -> None:
        self._scan(code)
        self.input.take_focus()

    def _typed(self, text: str) -> None:
        """Typed into the input: a number counts the chosen quantity item; anything else is a code typed by hand."""
        text = normalise(text)
        line = self.counting.current
        if text.isdigit() and int(text) <= rules.MAX_QUANTITY:
            if line is not None and line.by_quantity:
                self.count_chosen(int(text))
            else:
                self._refused(
                    self.tr("要输入数目，请先扫描按数量的器材的标签（或在表中点选它），再输入点到的数目。")
                )
        elif text.isascii() and " " not in text:
            self._scan(text)  # a code typed by hand (a label the scanner cannot read)
        elif text:
            self._refused(
                self.tr("“%1”不是器材编号：请扫描器材上的编号，或输入编号后按回车。").replace("%1", text)
            )
        self.input.take_focus()

    def _scan(self, code: str) -> None:
        info = self.info
        if info is None:
            return
        self.confirm.answer("cancel")  # the figures it asked about are changing
        place = self.counting.place.currentText().strip()
        done = self.ops.run(
            lambda: equipment.record_scan(self.ctx, info.id, code, location=place), refused=self.refuse
        )
        result = done.value
        if result is None:
            if done.refused:
                self._check_still_open(info.id)
            return
        clean = rules.clean_code(code)
        view = self.counting
        line = view.model.line_for_code(clean)
        if result.outcome == "unknown":
            if line is None:
                line = StocktakeLine(None, self.tr("（未知编号）"), clean, place, "件", 0, 0, "", False)
                view.model.add_line(line)
            line.location = place
        elif line is None:
            # Ours, but on no list: its line (with why it is unexpected) comes from the service, once this scan
            # has been answered.
            self._reload_code = clean
            QTimer.singleShot(0, self, self._reload_after_scan)
        elif place and place != line.location and "在" not in line.note:
            line.note = (line.note + " " if line.note else "") + f"在“{place}”找到"  # as the service notes it
        if line is not None:
            view.record(line, result.counted)
            view.choose(line, scroll=False)
        self._answered(result)

    def _check_still_open(self, stocktake_id: int) -> None:
        """After a refusal: if the stocktake was confirmed or cancelled meanwhile (on another PC), say so where
        a stocktake is started, instead of refusing every scan."""
        current = self.ops.run(lambda: equipment.current_stocktake(self.ctx), refused=lambda _exc: None)
        if not current.ok or (current.value is not None and current.value.id == stocktake_id):
            return
        said = self.message.text()
        if current.value is not None:
            self.show_stocktake(current.value)
            self.say(said, "error")
        else:
            self.show_start()
            show_message(self.start.message, said)

    def _reload_after_scan(self) -> None:
        code, self._reload_code = self._reload_code, None
        if code is not None and self.counting_open:
            self.load_lines(select_code=code)
            self.enable()

    def count_chosen(self, quantity: int) -> None:
        info, line = self.info, self.counting.current
        if info is None or line is None or line.item_id is None or not self.counting_open:
            return
        item_id = line.item_id
        place = self.counting.place.currentText().strip()
        self.confirm.answer("cancel")
        done = self.ops.run(
            lambda: equipment.record_count(self.ctx, info.id, item_id, quantity, location=place),
            refused=self.refuse,
        )
        result = done.value
        if result is None:
            if done.refused:
                self._check_still_open(info.id)
            return
        self.counting.record(line, result.counted)
        self._answered(result)
        self.input.take_focus()

    def _count_entered(self) -> None:
        # Enter in the count box (not a focus change) records it.
        view = self.counting
        if view.count.hasFocus() and view.count_button.isEnabled():
            self.count_chosen(view.count.value())

    def _answered(self, result: ScanResult) -> None:
        kind, sound = SAID.get(result.outcome, ("info", "notice"))
        self.say(result.message, kind)
        self.sound.ok() if sound == "ok" else self.sound.notice()
        model = self.counting.model
        if model.counted_lines_known:
            if self.info is not None:
                self._show_progress(self.info, model.counted_lines)
        else:  # lines counted to 0 before they were loaded: the service knows which
            progress = self.ops.run(
                lambda: equipment.current_stocktake(self.ctx), refused=lambda _exc: None
            ).value
            if progress is not None and self.info is not None and progress.id == self.info.id:
                self.info = progress
                self._show_progress(progress)
        self.counting.show_tally()

    # --- feedback --------------------------------------------------------------------------------------------

    @property
    def message_kind(self) -> MessageKind:
        return self.message.kind

    def say(self, text: str, kind: MessageKind) -> None:
        if kind == self._said:
            self.message.setText(text)  # the same colours: no new style sheet (a scan's time)
        else:
            self.message.say(text, kind)
            self._said = kind

    def _refused(self, text: str) -> None:
        if self.stack.currentWidget() is self.start:
            show_message(self.start.message, text)  # the scan line is not shown
        else:
            self.say(text, "error")
        self.sound.refused()

    def refuse(self, exc: DomainError) -> None:
        self._refused(exc.message)
