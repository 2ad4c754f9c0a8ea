"""The selected book beside the catalogue (``catalogDetail``): its record, each copy's barcode, place, status and
donation batch, and what staff do with them — add copies, mark one lost / damaged / withdrawn or back on the shelf
(a small inline box: a modal dialog would block the scanner flow), edit the record (the page opens the form).

Administrators may also delete a title or a copy entered by mistake, after an inline question that says what goes;
the service refuses a book that was ever lent (its loans refer to it: withdraw it instead) and audits the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain import books, clc
from center_app.domain.errors import DomainError, NotFound
from center_app.domain.permissions import ADMIN, WRITE, allowed
from center_app.services import catalog
from center_app.services.catalog import TitleDetail
from center_app.ui.events import Area
from center_app.ui.models.title_table import grade_labels, status_labels
from center_app.ui.operations import Operations
from center_app.ui.pages.list_page import action_button
from center_app.ui.widgets.forms import bold_heading
from center_app.ui.widgets.inline_question import InlineQuestion
from center_app.ui.widgets.messages import show_message

#: barcodes named in the question before deleting a title (more are counted, not listed)
NAMED_BARCODES = 5


class TitleDetailPanel(QWidget):
    """``shown(detail or None)``: the title shown changed. ``changed(title_id)``: a copy or the title was changed
    (or deleted) here and announced; the page brings its index up to date. ``copies_added(barcodes)``: their
    labels are still to print. ``edit_requested``, ``print_requested(barcodes, what)``: the page's panels."""

    shown = Signal(object)
    changed = Signal(int)
    copies_added = Signal(object)
    edit_requested = Signal()
    print_requested = Signal(object, str)

    def __init__(
        self, ctx: AppContext, ops: Operations, message: QLabel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("catalogDetail")
        self.ctx = ctx
        self.ops = ops
        self.page_message = message  # the page's message line: a title that cannot be read
        role = ctx.actor.role
        self.can_write = allowed(role, "catalog", WRITE)
        self.can_delete = self.can_write and role == ADMIN
        self.detail: TitleDetail | None = None
        self.new_barcodes: tuple[str, ...] = ()  # new copies of the shown title, for "print their labels"

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        self.title = bold_heading("")
        self.title.setObjectName("catalogDetailTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.info = QLabel()
        self.info.setObjectName("catalogDetailInfo")
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.info)
        self.title_actions = QWidget()
        row = QHBoxLayout(self.title_actions)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit_button = action_button(
            "catalogEditTitle", self.tr("修改信息  F2"), self.edit_requested.emit
        )
        self.delete_title_button = action_button(
            "catalogDeleteTitle", self.tr("删除这本书…"), self.ask_delete_title
        )
        self.delete_title_button.setToolTip(self.tr("只用于登记错了的书：连同它的每一册一起删除"))
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_title_button)
        row.addStretch(1)
        layout.addWidget(self.title_actions)

        layout.addWidget(self._build_copies(), 1)
        layout.addWidget(self._build_copy_actions())
        layout.addWidget(self._build_status_box())
        self.question = InlineQuestion("catalogDeleteConfirm", parent=self)
        # The page's Esc answers it (``close_boxes``): a second Esc shortcut inside the page would make the key
        # ambiguous, and Qt would then fire neither.
        for shortcut in self.question.findChildren(QShortcut):
            shortcut.setEnabled(False)
        self.question.answered.connect(lambda: self.copies.setFocus() if self.copies.isVisible() else None)
        layout.addWidget(self.question)

        self.message = QLabel()
        self.message.setObjectName("catalogDetailMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.print_button = QPushButton()
        self.print_button.setObjectName("catalogDetailPrint")
        self.print_button.clicked.connect(
            lambda: self.print_requested.emit(
                list(self.new_barcodes),
                self.tr("《%1》的新书标").replace("%1", self.detail.title if self.detail else ""),
            )
        )
        self.print_button.hide()
        layout.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(0)  # takes the height when no book is shown (the copies table takes it otherwise)

        self.delete_title_button.setVisible(self.can_delete)
        self.delete_copy_button.setVisible(self.can_delete)
        if not self.can_write:  # read-only (volunteer teachers): search and look, nothing else
            for widget in (self.add_copy_button, self.status_button, self.edit_button, self.add_copy_count):
                widget.setEnabled(False)
            self.copy_actions.hide()

    def _build_copies(self) -> QTableWidget:
        self.copies = QTableWidget(0, 4)
        self.copies.setObjectName("catalogCopies")
        self.copies.setHorizontalHeaderLabels(
            [self.tr("条码"), self.tr("位置"), self.tr("状态"), self.tr("捐赠批次")]
        )
        self.copies.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.copies.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.copies.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.copies.setAlternatingRowColors(True)
        self.copies.verticalHeader().hide()
        self.copies.horizontalHeader().setStretchLastSection(True)
        self.copies.setColumnWidth(0, 84)
        self.copies.setColumnWidth(1, 70)
        self.copies.setColumnWidth(2, 48)
        self.copies.itemSelectionChanged.connect(self._copy_selection_changed)
        return self.copies

    def _build_copy_actions(self) -> QWidget:
        self.copy_actions = QWidget()
        actions = QHBoxLayout(self.copy_actions)
        actions.setContentsMargins(0, 0, 0, 0)
        self.add_copy_count = QSpinBox()
        self.add_copy_count.setObjectName("catalogAddCopyCount")
        self.add_copy_count.setRange(1, catalog.MAX_COPIES_AT_ONCE)
        self.add_copy_count.setSuffix(self.tr(" 册"))
        self.add_copy_button = action_button("catalogAddCopy", self.tr("加册"), self.add_copies)
        self.status_button = action_button(
            "catalogCopyStatus",
            self.tr("改状态…"),
            self.open_copy_status,
            tip=self.tr("把选中的一册登记为遗失、损坏、剔除，或找回后改回在馆"),
        )
        self.delete_copy_button = action_button(
            "catalogDeleteCopy", self.tr("删除这一册…"), self.ask_delete_copy
        )
        self.delete_copy_button.setToolTip(self.tr("只用于登记错了的一册；不再要的书请“剔除”"))
        for widget in (
            self.add_copy_count,
            self.add_copy_button,
            self.status_button,
            self.delete_copy_button,
        ):
            actions.addWidget(widget)
        actions.addStretch(1)
        return self.copy_actions

    def _build_status_box(self) -> QFrame:
        """Changing one copy's status: a small inline box."""
        self.status_box = QFrame()
        self.status_box.setObjectName("catalogCopyStatusBox")
        self.status_box.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(self.status_box)
        box.setContentsMargins(8, 6, 8, 6)
        self.status_box_label = QLabel()
        box.addWidget(self.status_box_label)
        row = QHBoxLayout()
        self.status_choice = QComboBox()
        self.status_choice.setObjectName("catalogCopyStatusChoice")
        labels = status_labels()
        for status in books.MANUAL_STATUSES:
            self.status_choice.addItem(labels[status], status)
        self.status_note = QLineEdit()
        self.status_note.setObjectName("catalogCopyNote")
        self.status_note.setMaxLength(200)
        self.status_note.setPlaceholderText(self.tr("说明（可不填），如：封面撕破"))
        self.status_note.returnPressed.connect(self.apply_copy_status)
        self.status_ok = action_button("catalogCopyStatusOk", self.tr("确定"), self.apply_copy_status)
        self.status_cancel = action_button("catalogCopyStatusCancel", self.tr("取消"), self.status_box.hide)
        row.addWidget(self.status_choice)
        row.addWidget(self.status_note, 1)
        row.addWidget(self.status_ok)
        row.addWidget(self.status_cancel)
        box.addLayout(row)
        self.status_box.hide()
        return self.status_box

    # ========================================================================================= the title

    def show_title(self, title_id: int | None, *, new_selection: bool = False) -> None:
        if new_selection:
            self.message.clear()
            self.print_button.hide()
            self.close_boxes()
        detail = None
        if title_id is not None:
            detail = self.ops.run(
                lambda: catalog.get_title(self.ctx, title_id), refused=self._unreadable
            ).value
        self.detail = detail
        if detail is None:
            self.title.setText(self.tr("没有选中图书"))
            self.info.setText(
                self.tr(
                    "在上面的搜索框输入书名、作者、拼音首字母或扫描条码，"
                    "然后在左边的列表里选一本书，这里会显示它的信息和每一册的状态。"
                )
            )
            self.copies.setRowCount(0)
            self.copies.hide()
            self.copy_actions.setVisible(False)
            self.title_actions.setVisible(False)
            self.question.answer("cancel")
            self.shown.emit(None)
            return
        self.title.setText(f"《{detail.title}》")
        self.info.setText(self._info_text(detail))
        self._fill_copies(detail)
        self.copies.show()
        self.copy_actions.setVisible(self.can_write)
        self.title_actions.setVisible(self.can_write)
        self._copy_selection_changed()
        self.shown.emit(detail)

    def _unreadable(self, exc: DomainError) -> None:
        if not isinstance(exc, NotFound):  # deleted meanwhile: simply nothing to show
            show_message(self.page_message, exc.message)

    def _info_text(self, d: TitleDetail) -> str:
        """The record as a two-column table (half the height of one line per field, so the copies fit)."""
        grade = grade_labels().get(d.grade_band, d.grade_band)
        info = clc.class_info(d.clc_class)
        parts = [
            (self.tr("作者"), d.author),
            (self.tr("出版"), "，".join(p for p in (d.publisher, str(d.pub_year or "")) if p)),
            (self.tr("ISBN"), d.isbn13 or self.tr("无")),
            (self.tr("索书号"), d.call_number),
            (self.tr("分类"), f"{d.clc_class}（{info.name}）" if info else d.clc_class),
            (self.tr("适读"), grade),
            (self.tr("主题词"), d.subjects),
            (self.tr("定价"), f"{d.price_fen / 100:.2f}" if d.price_fen is not None else ""),
        ]
        cells = [f"<td>{escape(label)}：{escape(value)}</td>" for label, value in parts if value]
        rows = ["<tr>" + "".join(cells[n : n + 2]) + "</tr>" for n in range(0, len(cells), 2)]
        if d.notes:
            notes = self.tr("备注")  # outside the f-string, where lupdate finds it
            rows.append(f"<tr><td colspan=2>{escape(notes)}：{escape(d.notes)}</td></tr>")
        counts = (
            self.tr("共 %1 册，在馆 %2，借出 %3")
            .replace("%1", str(d.holdings))
            .replace("%2", str(d.available))
            .replace("%3", str(d.on_loan))
        )
        rows.append(f"<tr><td colspan=2><b>{escape(counts)}</b></td></tr>")
        return '<table cellspacing=0 cellpadding=1 width="100%">' + "".join(rows) + "</table>"

    def _fill_copies(self, detail: TitleDetail) -> None:
        selected = self.current_copy()
        labels = status_labels()
        self.copies.setRowCount(len(detail.copies))
        for row, copy in enumerate(detail.copies):
            # A copy typed in by hand has no donation batch: "—", with the day it came in on the tooltip.
            cells = (
                copy.barcode,
                copy.location,
                labels.get(copy.status, copy.status),
                copy.donor_name or "—",
            )
            acquired = (
                self.tr("入藏：%1").replace("%1", copy.acquired_on.isoformat()) if copy.acquired_on else ""
            )
            tip = "\n".join(p for p in (acquired, copy.notes) if p)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 2 and copy.status != books.AVAILABLE:
                    item.setForeground(Qt.GlobalColor.darkRed)
                item.setToolTip(tip)
                self.copies.setItem(row, col, item)
        if selected:
            self.select_copy(selected)

    def _barcode_at(self, row: int) -> str:
        item = self.copies.item(row, 0)
        return item.text() if item is not None else ""

    def select_copy(self, barcode: str) -> None:
        for row in range(self.copies.rowCount()):
            if self._barcode_at(row) == barcode:
                self.copies.selectRow(row)
                return

    def current_copy(self) -> str | None:
        rows = self.copies.selectionModel().selectedRows() if self.copies.selectionModel() else []
        return (self._barcode_at(rows[0].row()) or None) if rows else None

    def _copy_selection_changed(self) -> None:
        chosen = self.current_copy() is not None
        self.status_button.setEnabled(self.can_write and chosen)
        self.delete_copy_button.setEnabled(self.can_delete and chosen)
        if not chosen:
            self.status_box.hide()

    def close_boxes(self) -> bool:
        """Close the status box or the delete question (Esc); False if neither was open."""
        if self.question.isVisible():
            self.question.answer("cancel")
            return True
        if self.status_box.isVisible():
            self.status_box.hide()
            return True
        return False

    def _changed(self, title_id: int) -> None:
        """After a change here (already announced): the page's index, then this title again."""
        self.changed.emit(title_id)
        self.show_title(title_id)

    # ========================================================================================= copies

    def add_copies(self) -> list[str]:
        if self.detail is None:
            return []
        detail = self.detail
        n = self.add_copy_count.value()
        # New copies go where the title's other copies stand (the most common location).
        locations = [c.location for c in detail.copies if c.location]
        location = max(set(locations), key=locations.count) if locations else ""
        barcodes = self.ops.run(
            lambda: catalog.add_copies(self.ctx, detail.id, n, location),
            changes=Area.BOOKS,
            refused=self.message,
        ).value
        if not barcodes:
            return []
        self._changed(detail.id)
        span = barcodes[0] if len(barcodes) == 1 else f"{barcodes[0]}–{barcodes[-1]}"
        show_message(
            self.message,
            self.tr("已加 %1 册，条码 %2。").replace("%1", str(len(barcodes))).replace("%2", span),
            ok=True,
        )
        self.new_barcodes = tuple(barcodes)
        self.copies_added.emit(barcodes)
        self.print_button.setText(self.tr("打印这 %1 张书标…").replace("%1", str(len(barcodes))))
        self.print_button.show()
        self.add_copy_count.setValue(1)
        return barcodes

    def open_copy_status(self) -> None:
        barcode = self.current_copy()
        if barcode is None or self.detail is None or not self.can_write:
            return
        copy = next((c for c in self.detail.copies if c.barcode == barcode), None)
        if copy is None:
            return
        self.question.answer("cancel")
        self.status_box_label.setText(
            self.tr("%1 现在是“%2”，改为：").replace("%1", barcode).replace("%2", copy.status_label)
        )
        at = self.status_choice.findData(copy.status)
        self.status_choice.setCurrentIndex(max(0, at))
        self.status_note.clear()
        self.status_box.show()
        self.status_choice.setFocus()

    def apply_copy_status(self) -> bool:
        barcode = self.current_copy()
        if barcode is None or self.detail is None:
            return False
        title_id = self.detail.id
        status = self.status_choice.currentData()
        note = self.status_note.text()
        info = self.ops.run(
            lambda: catalog.set_copy_status(self.ctx, barcode, status, note),
            changes=Area.BOOKS,
            refused=self.message,
        ).value
        if info is None:
            return False
        self.status_box.hide()
        self._changed(title_id)
        self.select_copy(barcode)
        show_message(
            self.message,
            self.tr("%1 已改为“%2”。")
            .replace("%1", info.barcode)
            .replace("%2", status_labels()[info.status]),
            ok=True,
        )
        return True

    # ========================================================================================= deleting

    def _ask(self, text: str, delete: Callable[[], None]) -> None:
        self.status_box.hide()
        self.message.clear()
        text += self.tr("删除后不能恢复。只删除登记错了的书；不再要的书请“剔除”。")
        self.question.ask(text, ok=(self.tr("确认删除"), delete), cancel=(self.tr("不删除"), None))
        self.question.cancel.setFocus()  # the safe choice is the default

    def ask_delete_title(self) -> None:
        d = self.detail
        if d is None or not self.can_delete:
            return
        if d.copies:
            barcodes = [c.barcode for c in d.copies]
            named = "、".join(barcodes[:NAMED_BARCODES]) + ("…" if len(barcodes) > NAMED_BARCODES else "")
            text = (
                self.tr("删除《%1》和它的 %2 册（%3）？")
                .replace("%1", d.title)
                .replace("%2", str(len(barcodes)))
                .replace("%3", named)
            )
        else:
            text = self.tr("删除《%1》？").replace("%1", d.title)
        self._ask(text, lambda: self.delete_title(d.id, d.title))

    def ask_delete_copy(self) -> None:
        d, barcode = self.detail, self.current_copy()
        if d is None or barcode is None or not self.can_delete:
            return
        text = self.tr("删除《%1》的这一册（条码 %2）？").replace("%1", d.title).replace("%2", barcode)
        self._ask(text, lambda: self.delete_copy(d.id, barcode))

    def delete_title(self, title_id: int, title: str) -> None:
        done = self.ops.run(
            lambda: catalog.delete_title(self.ctx, title_id), changes=Area.BOOKS, refused=self.message
        )
        self._deleted(done.ok, title_id, self.tr("已删除《%1》。").replace("%1", title))

    def delete_copy(self, title_id: int, barcode: str) -> None:
        done = self.ops.run(
            lambda: catalog.delete_copy(self.ctx, barcode), changes=Area.BOOKS, refused=self.message
        )
        self._deleted(done.ok, title_id, self.tr("已删除 %1。").replace("%1", barcode))

    def _deleted(self, ok: bool, title_id: int, text: str) -> None:
        if ok:
            self._changed(title_id)  # a deleted title leaves the list and the panel
            show_message(self.message, text, ok=True)
