"""借还台: the scanner-first circulation desk.

One input always has the focus. A USB scanner types a code and Enter, so the whole desk is driven from it:

- a library card → that child is at the desk; a book's barcode label → lend it to that child;
- a book's barcode with nobody at the desk → take it back (whoever had it);
- a name or pinyin initials ("wzh") → the child, or a short list to pick from with ↑↓ and Enter;
- F5 renews, Ctrl+Z undoes the last action, F8 shows the overdue list, Esc ends with the current child.

Every rule lives in ``services.circulation``; this page only routes the scan and shows what the service said, in
green (done) or red (refused), with a sound and a short history.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTime, QTimer, QUrl
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain.errors import DomainError, NotFound, PermissionDenied
from center_app.domain.permissions import READ, WRITE, allowed
from center_app.services import circulation
from center_app.services.circulation import BorrowerRow, BorrowerStatus, DeskResult, OverdueRow, ScanKind
from center_app.ui.events import DataEvents
from center_app.ui.i18n import format_date
from center_app.ui.pages.base import Page, page_title
from center_app.ui.widgets.scanner_focus import should_take_focus_back
from center_app.ui.widgets.sound import DeskSound

MessageKind = Literal["ok", "error", "info"]

HISTORY_SIZE = 20
UNDO_DEPTH = 20
MATCH_ROWS_SHOWN = 8

_BANNER = "border-radius: 6px; padding: 8px 14px;"
MESSAGE_STYLES: dict[str, str] = {
    "ok": f"color: #14532d; background: #dcfce7; border: 1px solid #86efac; {_BANNER}",
    "error": f"color: #991b1b; background: #fee2e2; border: 1px solid #fca5a5; {_BANNER}",
    "info": f"color: #1e3a5f; background: #e8f0fa; border: 1px solid #b6cce8; {_BANNER}",
}
HISTORY_COLOURS: dict[str, str] = {"ok": "#15803d", "error": "#b91c1c", "info": "#334155"}
RED = QColor("#c0392b")

# Widgets that may keep the focus instead of the desk input (a class filter, a field of a dialog…).
_INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QTextEdit, QPlainTextEdit)


def _looks_like_code(text: str) -> bool:
    """A barcode (ASCII with a digit) rather than a name or pinyin initials: decides which "not found" to say."""
    text = unicodedata.normalize("NFKC", text).strip()  # full-width digits from a Chinese input method
    return bool(text) and text.isascii() and any(c.isdigit() for c in text) and " " not in text


def _font(widget: QWidget, extra: int, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSize(max(1, font.pointSize()) + extra)
    font.setBold(bold)
    return font


def _item(text: str, *, data: object = None, red: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    if red:
        item.setForeground(RED)
        item.setFont(_font_bold(item.font()))
    return item


def _font_bold(font: QFont) -> QFont:
    font = QFont(font)
    font.setBold(True)
    return font


def _read_only_table(table: QTableWidget, headers: list[str]) -> None:
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    # A click selects a row but leaves the focus in the desk input (the next scan must land there).
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)


class DeskPage(Page):
    areas = ("loans", "books", "children", "settings")  # settings: loan rules and the sound switch

    def __init__(self, ctx: AppContext, events: DataEvents, parent: QWidget | None = None) -> None:
        super().__init__(ctx, events, parent)
        self.setObjectName("deskPage")
        role = ctx.actor.role
        self.can_write = allowed(role, "circulation", WRITE)
        self.can_read = allowed(role, "circulation", READ) and allowed(role, "child.basic", READ)
        # Seam the tests replace: opening a PDF starts another program.
        self.open_file: Callable[[Path], object] = lambda path: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(path))
        )
        self.sound = DeskSound()
        # The sound switch as chosen this session when it could not be saved (no settings write), else None.
        self._sound_choice: bool | None = None
        self.child: BorrowerRow | None = None
        self.status: BorrowerStatus | None = None
        self.message_kind: MessageKind = "info"
        self._undo: list[DeskResult] = []  # newest last
        self._last_checkout: DeskResult | None = None
        self._matches: list[BorrowerRow] = []
        self._matches_text = ""
        self._overdue_rows: list[OverdueRow] = []
        self._emitting = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(8)
        heading = QHBoxLayout()
        heading.addWidget(page_title(self.tr("借还台")))
        heading.addStretch(1)
        keys = QLabel(self.tr("F5 续借　Ctrl+Z 撤销　F8 逾期名单　Esc 换人/结束　↑↓ 选书或选人"))
        keys.setObjectName("deskKeysHint")
        keys.setStyleSheet("color: #555;")
        heading.addWidget(keys)
        outer.addLayout(heading)

        self.input = QLineEdit()
        self.input.setObjectName("deskInput")
        self.input.setFont(_font(self, 9))
        self.input.setMinimumHeight(52)
        self.input.setMaxLength(100)
        self.input.setPlaceholderText(self.tr("扫借书证或图书条码，或输入儿童姓名 / 拼音首字母，按回车"))
        self.input.setClearButtonEnabled(False)
        self.input.returnPressed.connect(self._on_enter)
        self.input.textEdited.connect(self._on_text_edited)
        self.input.installEventFilter(self)
        outer.addWidget(self.input)

        self.message = QLabel()
        self.message.setObjectName("deskMessage")
        self.message.setWordWrap(True)
        self.message.setFont(_font(self, 4, bold=True))
        self.message.setMinimumHeight(46)
        outer.addWidget(self.message)

        self.body = QStackedWidget()
        self.body.setObjectName("deskBody")
        self.body.addWidget(self._build_main())
        self.overdue_panel = self._build_overdue_panel()
        self.body.addWidget(self.overdue_panel)
        outer.addWidget(self.body, 1)
        outer.addLayout(self._build_buttons())

        # The matches list floats under the input (over the page, not in the layout): nothing else moves.
        self.matches = QListWidget(self)
        self.matches.setObjectName("deskMatches")
        self.matches.setFont(_font(self, 4))
        self.matches.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # ↑↓ and Enter stay in the desk input
        self.matches.setStyleSheet("QListWidget { border: 2px solid #2563eb; background: white; }")
        self.matches.itemClicked.connect(lambda _item: self._pick_match())
        self.matches.hide()

        if not self.can_write:
            self.input.setEnabled(False)
            self.input.setPlaceholderText(self.tr("当前账号不能办理借还。"))
            for button in (self.renew_button, self.undo_button, self.clear_button, self.sound_box):
                button.setEnabled(False)
            self.overdue_button.setEnabled(self.can_read)
            self.print_button.setEnabled(self.can_read)
            self._say(self.tr("当前账号不能办理借还。"), "error")
        else:
            self._say(self.tr("请扫借书证开始借书；不选人时扫书就是还书。"), "info")
        self._show_child()

    # --- building ---------------------------------------------------------------------------------------------

    def _build_main(self) -> QWidget:
        main = QWidget()
        main.setObjectName("deskMain")
        row = QHBoxLayout(main)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)

        left = QVBoxLayout()
        left.setSpacing(8)
        self.child_panel = QFrame()
        self.child_panel.setObjectName("deskChild")
        self.child_panel.setStyleSheet(
            "QFrame#deskChild { background: #f8fafc; border: 1px solid #cbd5e1; border-radius: 6px; }"
        )
        grid = QGridLayout(self.child_panel)
        grid.setContentsMargins(14, 10, 14, 10)
        grid.setHorizontalSpacing(16)
        self.child_name = QLabel()
        self.child_name.setObjectName("deskChildName")
        self.child_name.setFont(_font(self, 11, bold=True))
        self.child_info = QLabel()
        self.child_info.setObjectName("deskChildInfo")
        self.child_info.setFont(_font(self, 2))
        self.child_quota = QLabel()
        self.child_quota.setObjectName("deskChildQuota")
        self.child_quota.setFont(_font(self, 5, bold=True))
        self.child_quota.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.child_overdue = QLabel(self.tr("有逾期图书"))
        self.child_overdue.setObjectName("deskChildOverdue")
        self.child_overdue.setFont(_font(self, 3, bold=True))
        self.child_overdue.setStyleSheet(
            "color: white; background: #c0392b; border-radius: 4px; padding: 2px 10px;"
        )
        self.child_overdue.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.child_blocked = QLabel()
        self.child_blocked.setObjectName("deskChildBlocked")
        self.child_blocked.setWordWrap(True)
        self.child_blocked.setStyleSheet("color: #b91c1c;")
        grid.addWidget(self.child_name, 0, 0)
        grid.addWidget(self.child_overdue, 0, 1, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.child_quota, 0, 2)
        grid.addWidget(self.child_info, 1, 0, 1, 3)
        grid.addWidget(self.child_blocked, 2, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        left.addWidget(self.child_panel)

        self.loans = QTableWidget(0, 5)
        self.loans.setObjectName("deskLoans")
        _read_only_table(
            self.loans,
            [self.tr("书名"), self.tr("条码"), self.tr("应还日期"), self.tr("逾期天数"), self.tr("续借次数")],
        )
        self.loans.setFont(_font(self, 2))
        header = self.loans.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        left.addWidget(self.loans, 1)
        row.addLayout(left, 3)

        right = QVBoxLayout()
        right.setSpacing(4)
        right.addWidget(QLabel(self.tr("最近操作")))
        self.history = QListWidget()
        self.history.setObjectName("deskHistory")
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.history.setWordWrap(True)
        self.history.setAlternatingRowColors(True)
        right.addWidget(self.history, 1)
        row.addLayout(right, 2)
        return main

    def _build_overdue_panel(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("deskOverduePanel")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        bar = QHBoxLayout()
        title = QLabel(self.tr("逾期未还"))
        title.setFont(_font(self, 4, bold=True))
        bar.addWidget(title)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("班级：")))
        self.overdue_class = QComboBox()
        self.overdue_class.setObjectName("deskOverdueClass")
        self.overdue_class.setMinimumWidth(150)
        self.overdue_class.currentIndexChanged.connect(lambda _i: self._fill_overdue_table())
        bar.addWidget(self.overdue_class)
        self.overdue_count = QLabel()
        self.overdue_count.setObjectName("deskOverdueCount")
        bar.addWidget(self.overdue_count)
        bar.addStretch(1)
        self.print_button = QPushButton(self.tr("打印催还单"))
        self.print_button.setObjectName("deskPrintSlips")
        self.print_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.print_button.clicked.connect(self.print_slips)
        bar.addWidget(self.print_button)
        close = QPushButton(self.tr("返回借还"))
        close.setObjectName("deskOverdueClose")
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.clicked.connect(lambda: self.show_overdue(False))
        bar.addWidget(close)
        layout.addLayout(bar)

        self.overdue_table = QTableWidget(0, 7)
        self.overdue_table.setObjectName("deskOverdueTable")
        _read_only_table(
            self.overdue_table,
            [
                self.tr("班级"),
                self.tr("姓名"),
                self.tr("书名"),
                self.tr("条码"),
                self.tr("应还日期"),
                self.tr("逾期天数"),
                self.tr("监护人/电话"),
            ],
        )
        header = self.overdue_table.horizontalHeader()
        for col in range(7):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.overdue_table, 1)
        return panel

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)

        def button(
            object_name: str, text: str, key: QKeySequence | str, slot: Callable[[], object]
        ) -> QPushButton:
            b = QPushButton(text)
            b.setObjectName(object_name)
            if key:
                # A QShortcut runs the slot at once; a button's own shortcut clicks it 100 ms later (animateClick),
                # after which a fast scanner may already have typed the next code.
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # only while this page is shown
                shortcut.activated.connect(slot)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click must not take the focus from the desk input
            b.setMinimumHeight(36)
            b.clicked.connect(slot)
            row.addWidget(b)
            return b

        self.renew_button = button("deskRenew", self.tr("续借 (F5)"), "F5", self.renew_selected)
        self.undo_button = button("deskUndo", self.tr("撤销 (Ctrl+Z)"), "Ctrl+Z", self.undo_last)
        self.clear_button = button("deskClearChild", self.tr("换人/结束 (Esc)"), "", self.clear_child)
        self.overdue_button = button(
            "deskOverdue", self.tr("逾期名单 (F8)"), "F8", lambda: self.show_overdue(not self.overdue_shown)
        )
        row.addStretch(1)
        self.sound_box = QCheckBox(self.tr("提示音"))
        self.sound_box.setObjectName("deskSound")
        self.sound_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sound_box.setChecked(True)
        self.sound_box.toggled.connect(self._sound_toggled)
        row.addWidget(self.sound_box)
        return row

    # --- page life --------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.can_read:
            if self._sound_choice is None:
                sound_on = circulation.get_loan_settings(self.ctx).sound_on
                self.sound.enabled = sound_on
                self.sound_box.blockSignals(True)
                self.sound_box.setChecked(sound_on)
                self.sound_box.blockSignals(False)
            self._reload_child()
            if self.overdue_shown:
                self._reload_overdue()
        super().refresh()

    def _on_data_changed(self, area: str) -> None:
        if not self._emitting:  # this page already shows its own change
            super()._on_data_changed(area)

    def _changed(self) -> None:
        self._emitting = True
        try:
            self.events.data_changed.emit("loans")
        finally:
            self._emitting = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        QTimer.singleShot(0, self._shown)

    def _shown(self) -> None:
        if self.isVisible():
            self.ensure_fresh()
            self.focus_input()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.matches.isVisible():
            self._place_matches()

    def focus_input(self) -> None:
        if self.input.isEnabled() and self.isVisible():
            self.input.setFocus(Qt.FocusReason.OtherFocusReason)

    def _refocus_if_lost(self) -> None:
        """After the input lost the focus: take it back unless it went to another input of the page (the class
        filter) or outside the page (the navigation, a dialog, another window)."""
        if self.isVisible() and self.input.isEnabled() and should_take_focus_back(self, self.input, _INPUTS):
            self.focus_input()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.input:
            if event.type() == QEvent.Type.FocusOut:
                QTimer.singleShot(0, self._refocus_if_lost)
            elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                return self._input_key(event)
        return super().eventFilter(watched, event)

    def _input_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_last()  # the desk's undo, not the line edit's text undo
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if key == Qt.Key.Key_Up else 1
            self._move_selection(self.matches if self.matches.isVisible() else self.loans, step)
            return True
        if key == Qt.Key.Key_Escape:
            self.escape()
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:  # the focus was on the class filter, say
            self.escape()
            return
        super().keyPressEvent(event)

    @staticmethod
    def _move_selection(view: QListWidget | QTableWidget, step: int) -> None:
        count = view.count() if isinstance(view, QListWidget) else view.rowCount()
        if count == 0:
            return
        current = view.currentRow()
        row = 0 if current < 0 else min(max(current + step, 0), count - 1)
        if isinstance(view, QListWidget):
            view.setCurrentRow(row)
        else:
            view.selectRow(row)
        view.scrollToItem(view.item(row) if isinstance(view, QListWidget) else view.item(row, 0))

    # --- the scan ---------------------------------------------------------------------------------------------

    def _on_text_edited(self, _text: str) -> None:
        if self.matches.isVisible():
            self._hide_matches()  # typing or scanning something new replaces the list

    def _on_enter(self) -> None:
        text = self.input.text()
        if self.matches.isVisible() and text == self._matches_text:
            self._pick_match()
            return
        self._hide_matches()
        self.input.clear()
        if text.strip():
            self.handle_scan(text)
        self.focus_input()

    def handle_scan(self, text: str) -> None:
        """What Enter in the desk input does with ``text`` (a scanned code or a typed name)."""
        if not self.can_write:
            return
        try:
            scan = circulation.classify_scan(self.ctx, text)
            if scan.kind == "child" and scan.child is not None:
                self.set_child(scan.child)
            elif scan.kind == "copy":
                self._scan_copy(scan)
            elif scan.kind == "unknown":
                self._find_by_name(text, scan)
            elif scan.kind == "empty":
                self._say(scan.message, "info")
            else:  # an ISBN, or a code that is both a card and a book
                self._refused(scan.message)
        except DomainError as exc:
            self._refused(exc.message)
        self.focus_input()

    def _scan_copy(self, scan: ScanKind) -> None:
        if self.child is not None:
            if scan.holder is not None and scan.holder.id == self.child.id:
                # Most likely the child wants to renew or return it: select it so F5 renews this one.
                self._select_loan(scan.code)
                self._say(
                    self.tr("%1 已借了《%2》，不用再借。续借请按 F5；还书请先按 Esc 再扫书。")
                    .replace("%1", self.child.name)
                    .replace("%2", scan.title),
                    "info",
                )
                return
            child_id = self.child.id
            self._run(lambda: circulation.checkout(self.ctx, child_id, scan.code))
        elif scan.holder is not None:
            self._run(lambda: circulation.checkin(self.ctx, scan.code))
        else:
            self._refused(
                self.tr("《%1》没有借出。").replace("%1", scan.title)
                + self.tr("请先扫借书证，或输入儿童姓名。")
            )

    def _find_by_name(self, text: str, scan: ScanKind) -> None:
        found = circulation.find_borrower(self.ctx, text)
        if len(found) == 1:
            self.set_child(found[0])
        elif found:
            self._show_matches(text.strip(), found)
        elif _looks_like_code(text):
            self._refused(scan.message)
        else:
            self._refused(
                self.tr("没有找到姓名或拼音首字母是“%1”的儿童。请检查后重输，或扫借书证。").replace(
                    "%1", text.strip()
                )
            )

    # --- choosing a child from several ------------------------------------------------------------------------

    def _show_matches(self, text: str, rows: list[BorrowerRow]) -> None:
        self._matches = rows
        self._matches_text = text
        self.matches.clear()
        for row in rows:
            card = f"　{row.card_barcode}" if row.card_barcode else ""
            self.matches.addItem(QListWidgetItem(f"{row.class_name or '—'}　{row.name}{card}"))
        self.matches.setCurrentRow(0)
        self.input.setText(text)
        self.input.selectAll()  # the next scan replaces the search instead of being appended to it
        self._place_matches()
        self.matches.show()
        self.matches.raise_()
        self._say(
            self.tr("找到 %1 名儿童：按 ↑↓ 选择，回车确定，Esc 取消。").replace("%1", str(len(rows))), "info"
        )

    def _place_matches(self) -> None:
        top_left = self.input.mapTo(self, QPoint(0, self.input.height() + 2))
        rows = min(max(self.matches.count(), 1), MATCH_ROWS_SHOWN)
        row_height = self.matches.sizeHintForRow(0) if self.matches.count() else 30
        frame = 2 * self.matches.frameWidth() + 4
        self.matches.setGeometry(top_left.x(), top_left.y(), self.input.width(), rows * row_height + frame)

    def _hide_matches(self) -> None:
        self.matches.hide()
        self._matches = []
        self._matches_text = ""

    def _pick_match(self) -> None:
        row = self.matches.currentRow()
        chosen = self._matches[row] if 0 <= row < len(self._matches) else None
        self._hide_matches()
        self.input.clear()
        if chosen is not None:
            self.set_child(chosen)
        self.focus_input()

    # --- the child at the desk --------------------------------------------------------------------------------

    def set_child(self, child: BorrowerRow) -> None:
        self.child = child
        self.show_overdue(False)
        self._reload_child()
        status = self.status
        if status is None:
            return
        if status.can_borrow:
            self._say(
                self.tr("%1：还可借 %2 本，请扫书。")
                .replace("%1", status.child.label)
                .replace("%2", str(status.may_borrow_more)),
                "info",
            )
        else:
            self._refused(status.blocked_reason)  # it names the child already
        self.focus_input()

    def clear_child(self) -> None:
        if self.child is not None:
            self._say(
                self.tr("已结束 %1 的借书。没有选人时扫书就是还书。").replace("%1", self.child.name), "info"
            )
        self.child = None
        self.status = None
        self._show_child()
        self.focus_input()

    def escape(self) -> None:
        """Esc steps back one level: the matches list, then the typed text, then the child, then the overdue list."""
        if self.matches.isVisible():
            self._hide_matches()
            self.input.clear()
        elif self.input.text():
            self.input.clear()
        elif self.child is not None:
            self.clear_child()
        elif self.overdue_shown:
            self.show_overdue(False)
        self.focus_input()

    def _reload_child(self) -> None:
        if self.child is not None:
            try:
                self.status = circulation.borrower_status(self.ctx, self.child.id)
            except NotFound as exc:  # deleted meanwhile
                self.child, self.status = None, None
                self._refused(exc.message)
        else:
            self.status = None
        self._show_child()

    def _show_child(self) -> None:
        status = self.status
        selected = self._selected_loan_id()
        self.loans.setRowCount(0)
        if status is None:
            self.child_name.setText(self.tr("还没有选人"))
            self.child_name.setStyleSheet("color: #64748b;")
            self.child_info.setText(
                self.tr("扫借书证，或输入姓名 / 拼音首字母（如 wzh）后按回车。没有选人时，扫书就是还书。")
            )
            self.child_quota.setText("")
            self.child_overdue.hide()
            self.child_blocked.hide()
            return
        child = status.child
        self.child_name.setText(child.name)
        self.child_name.setStyleSheet("")
        card = (
            self.tr("借书证 %1").replace("%1", child.card_barcode)
            if child.card_barcode
            else self.tr("没有借书证")
        )
        self.child_info.setText(
            f"{child.class_name or '—'}　·　{card}　·　"
            + self.tr("在借 %1 本").replace("%1", str(len(status.loans)))
        )
        self.child_quota.setText(self.tr("还可借 %1 本").replace("%1", str(status.may_borrow_more)))
        self.child_quota.setStyleSheet("color: #15803d;" if status.can_borrow else "color: #b91c1c;")
        self.child_overdue.setVisible(status.has_overdue)
        self.child_blocked.setVisible(not status.can_borrow)
        self.child_blocked.setText(status.blocked_reason)
        self.loans.setRowCount(len(status.loans))
        for row, line in enumerate(status.loans):
            late = line.overdue_days > 0
            self.loans.setItem(row, 0, _item(line.title, data=line.loan_id))
            self.loans.setItem(row, 1, _item(line.barcode))
            self.loans.setItem(row, 2, _item(format_date(line.due_on), red=late))
            self.loans.setItem(row, 3, _item(str(line.overdue_days) if late else "—", red=late))
            self.loans.setItem(row, 4, _item(str(line.renewals)))
            if line.loan_id == selected:
                self.loans.selectRow(row)

    def _selected_loan_id(self) -> int | None:
        rows = self.loans.selectionModel().selectedRows() if self.loans.selectionModel() else []
        if not rows:
            return None
        item = self.loans.item(rows[0].row(), 0)
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _select_loan(self, barcode: str) -> None:
        for row in range(self.loans.rowCount()):
            item = self.loans.item(row, 1)
            if item is not None and item.text() == barcode:
                self.loans.selectRow(row)
                return

    # --- actions ----------------------------------------------------------------------------------------------

    def _run(self, action: Callable[[], DeskResult]) -> DeskResult | None:
        try:
            result = action()
        except DomainError as exc:
            self._refused(exc.message)
            self._reload_child()  # the refusal may come from a change made at another desk
            return None
        if result.undo_token:
            self._undo.append(result)
            del self._undo[:-UNDO_DEPTH]
        if result.kind == "checkout":
            self._last_checkout = result
        elif result.kind == "undo" and self._last_checkout and self._last_checkout.loan_id == result.loan_id:
            self._last_checkout = None
        self._done(result.message)
        self._reload_child()
        if result.kind == "renew":
            self._select_loan(result.barcode)
        if self.overdue_shown:
            self._reload_overdue()
        self._changed()
        self.focus_input()
        return result

    def renew_selected(self) -> None:
        """F5: renew the loan selected in the table, else the book lent last."""
        if not self.can_write:
            return
        loan_id = self._selected_loan_id()
        last = self._last_checkout
        # With a child at the desk, only their own last book (not the previous child's).
        if loan_id is None and last is not None and (self.child is None or last.child.id == self.child.id):
            loan_id = last.loan_id
        if loan_id is None:
            self._refused(self.tr("请先扫借书证，在表格中选中要续借的书（↑↓ 选择），再按 F5。"))
            self.focus_input()
            return
        chosen = loan_id
        self._run(lambda: circulation.renew(self.ctx, chosen))

    def undo_last(self) -> None:
        """Ctrl+Z: undo the newest action not undone yet (again for the one before)."""
        if not self.can_write:
            return
        if not self._undo:
            self._say(self.tr("没有可以撤销的操作。"), "info")
            self.focus_input()
            return
        token = self._undo.pop().undo_token
        self._run(lambda: circulation.undo(self.ctx, token))

    # --- feedback ---------------------------------------------------------------------------------------------

    def _say(self, text: str, kind: MessageKind) -> None:
        self.message_kind = kind
        self.message.setStyleSheet(MESSAGE_STYLES[kind])
        self.message.setText(text)

    def _done(self, text: str) -> None:
        self._say(text, "ok")
        self._add_history(text, "ok")
        self.sound.ok()

    def _refused(self, text: str) -> None:
        self._say(text, "error")
        self._add_history(text, "error")
        self.sound.refused()

    def _add_history(self, text: str, kind: MessageKind) -> None:
        item = QListWidgetItem(f"{QTime.currentTime().toString('HH:mm')}　{text}")
        item.setForeground(QColor(HISTORY_COLOURS[kind]))
        self.history.insertItem(0, item)
        while self.history.count() > HISTORY_SIZE:
            self.history.takeItem(self.history.count() - 1)

    def _sound_toggled(self, on: bool) -> None:
        self.sound.enabled = on
        if allowed(self.ctx.actor.role, "settings", WRITE):
            try:
                current = circulation.get_loan_settings(self.ctx)
                circulation.save_loan_settings(
                    self.ctx,
                    circulation.LoanSettings(current.rules, current.block_when_overdue, on),
                )
                self._sound_choice = None
                self.events.data_changed.emit("settings")
                self.focus_input()
                return
            except PermissionDenied:
                pass
            except DomainError as exc:
                self._say(exc.message, "error")
        self._sound_choice = on  # kept for this session only: the switch is a centre setting
        self.focus_input()

    # --- overdue ----------------------------------------------------------------------------------------------

    @property
    def overdue_shown(self) -> bool:
        return self.body.currentWidget() is self.overdue_panel

    def show_overdue(self, show: bool = True) -> None:
        """F8: the overdue list replaces the child's loans; the desk input keeps working (returns are taken)."""
        if show and not self.can_read:
            return
        if show:
            self._hide_matches()
            self._reload_overdue()
        self.body.setCurrentWidget(self.overdue_panel if show else self.body.widget(0))
        self.focus_input()

    def _reload_overdue(self) -> None:
        try:
            self._overdue_rows = circulation.overdue_loans(self.ctx)
        except DomainError as exc:
            self._overdue_rows = []
            self._say(exc.message, "error")
        chosen = self.overdue_class.currentData()
        classes = list(dict.fromkeys(row.class_name for row in self._overdue_rows))
        self.overdue_class.blockSignals(True)
        self.overdue_class.clear()
        self.overdue_class.addItem(self.tr("全部"), None)
        for name in classes:
            self.overdue_class.addItem(name or self.tr("（未填班级）"), name)
        index = self.overdue_class.findData(chosen) if chosen is not None else 0
        self.overdue_class.setCurrentIndex(max(index, 0))
        self.overdue_class.blockSignals(False)
        self._fill_overdue_table()

    def shown_overdue_rows(self) -> list[OverdueRow]:
        chosen = self.overdue_class.currentData()
        if chosen is None:
            return list(self._overdue_rows)
        return [row for row in self._overdue_rows if row.class_name == chosen]

    def _fill_overdue_table(self) -> None:
        rows = self.shown_overdue_rows()
        table = self.overdue_table
        table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            guardian = row.guardian_name
            if guardian and row.guardian_relation:
                guardian += f"（{row.guardian_relation}）"
            contact = "　".join(part for part in (guardian, row.guardian_phone) if part)
            cells = [
                row.class_name,
                row.child_name,
                row.title,
                row.barcode,
                format_date(row.due_on),
                str(row.overdue_days),
                contact,
            ]
            for col, text in enumerate(cells):
                table.setItem(n, col, _item(text, data=row.loan_id if col == 0 else None, red=col == 5))
        # The service leaves guardians blank for a role that may not see them: no empty column then.
        table.setColumnHidden(6, not any(r.guardian_name or r.guardian_phone for r in rows))
        children = len({row.child_id for row in rows})
        self.overdue_count.setText(
            self.tr("共 %1 名儿童、%2 本书逾期").replace("%1", str(children)).replace("%2", str(len(rows)))
        )
        self.print_button.setEnabled(bool(rows) and self.can_read)

    def print_slips(self) -> Path | None:
        """One slip per child of the list shown (the class filter applies), to a PDF in exports/, audited."""
        today = dt.date.today()
        path = self.ctx.data_dir.exports / f"逾期催还单-{today:%Y%m%d}.pdf"
        try:
            # One use case: the audit entry first, then the PDF (the slips carry children's and guardians' names).
            printed = circulation.print_overdue_slips(
                self.ctx, path, class_name=self.overdue_class.currentData(), today=today
            )
        except DomainError as exc:
            self._refused(exc.message)
            return None
        except OSError as exc:
            self._refused(
                self.tr("无法写入 %1（%2）。如果这个文件正在别的程序中打开，请先关闭再试。")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or str(exc))
            )
            return None
        self._say(
            self.tr("已生成 %1 名儿童的催还单：%2")
            .replace("%1", str(printed.children))
            .replace("%2", str(printed.path)),
            "ok",
        )
        self.open_file(path)
        self.focus_input()
        return path
