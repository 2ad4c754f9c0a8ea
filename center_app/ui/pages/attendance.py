"""考勤: the roll call, check-in/out at the door and the monthly register, one tab each.

- 点名 (``roll_call.RollCallPanel``): one key per child, Ctrl+S saves, conflicts shown and never overwritten.
- 签到签退 (``CheckInOutPanel`` below): one input keeps the focus like the library desk — scan a library card (or
  type a name / pinyin initials + Enter) to check a child in; choose a child in the list and press F9 to check
  them out, naming who picks them up. An unauthorised name does not stop the child going home (they must), but it
  is shown in red and stored on the mark for staff to check.
- 月度考勤表 (``monthly_register_view.MonthlyRegisterPanel``): children × open days, print and Excel.

Every rule is in ``services.attendance``; this page routes keys and shows what the service said.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from typing import Literal

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain.errors import DomainError
from center_app.domain.permissions import READ, WRITE, allowed
from center_app.services import attendance, children
from center_app.services.attendance import RegisterRow
from center_app.services.children import ChildRow
from center_app.ui.events import DataEvents
from center_app.ui.pages.base import Page, page_title
from center_app.ui.pages.monthly_register_view import MonthlyRegisterPanel
from center_app.ui.pages.roll_call import RollCallPanel, bigger
from center_app.ui.widgets.scanner_focus import should_take_focus_back
from center_app.ui.widgets.sound import DeskSound

MessageKind = Literal["ok", "error", "info"]
_BANNER = "border-radius: 6px; padding: 8px 14px;"
MESSAGE_STYLES: dict[str, str] = {
    "ok": f"color: #14532d; background: #dcfce7; border: 1px solid #86efac; {_BANNER}",
    "error": f"color: #991b1b; background: #fee2e2; border: 1px solid #fca5a5; {_BANNER}",
    "info": f"color: #1e3a5f; background: #e8f0fa; border: 1px solid #b6cce8; {_BANNER}",
}
WARNING_COLOUR = QColor("#b91c1c")
MATCH_ROWS_SHOWN = 6
# Widgets of the panel that may hold the focus instead of the scanner input (the pickup name, say).
_INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox)


def _looks_like_code(text: str) -> bool:
    """A card barcode (ASCII with a digit) rather than a name or pinyin initials."""
    text = unicodedata.normalize("NFKC", text).strip()  # full-width digits from a Chinese input method
    return bool(text) and text.isascii() and any(c.isdigit() for c in text) and " " not in text


class CheckInOutPanel(QWidget):
    """The 签到签退 tab. ``notify`` says attendance changed; ``sound.player`` is a seam for tests."""

    def __init__(self, ctx: AppContext, notify: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkInTab")
        self.ctx = ctx
        self.notify = notify
        self.stale = True
        self.sound = DeskSound()
        self.message_kind: MessageKind = "info"
        self.rows: list[RegisterRow] = []
        self._matches: list[ChildRow] = []
        self._matches_text = ""
        self._checking_out: RegisterRow | None = None
        role = ctx.actor.role
        self.can_write = allowed(role, "attendance", WRITE)
        self.sees_family = allowed(role, "child.family", READ)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 8, 0, 0)
        outer.setSpacing(8)
        self.input = QLineEdit()
        self.input.setObjectName("checkInInput")
        self.input.setFont(bigger(self, 8))
        self.input.setMinimumHeight(50)
        self.input.setMaxLength(100)
        self.input.setPlaceholderText(self.tr("扫借书证签到，或输入儿童姓名 / 拼音首字母后按回车"))
        self.input.returnPressed.connect(self._on_enter)
        self.input.textEdited.connect(lambda _t: self._hide_matches())
        self.input.installEventFilter(self)
        outer.addWidget(self.input)

        self.matches = QListWidget()
        self.matches.setObjectName("checkInMatches")
        self.matches.setFont(bigger(self, 3))
        self.matches.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # ↑↓ and Enter stay in the input
        self.matches.setStyleSheet("QListWidget { border: 2px solid #2563eb; }")
        self.matches.itemClicked.connect(lambda _item: self._pick_match())
        self.matches.hide()
        outer.addWidget(self.matches)

        self.message = QLabel()
        self.message.setObjectName("checkInMessage")
        self.message.setWordWrap(True)
        self.message.setFont(bigger(self, 4, bold=True))
        self.message.setMinimumHeight(46)
        outer.addWidget(self.message)

        body = QHBoxLayout()
        body.setSpacing(12)
        left = QVBoxLayout()
        self.in_count = QLabel()
        self.in_count.setObjectName("checkedInCount")
        self.in_count.setFont(bigger(self, 2, bold=True))
        left.addWidget(self.in_count)
        self.checked_in = QListWidget()
        self.checked_in.setObjectName("checkedInList")
        self.checked_in.setFont(bigger(self, 4))
        self.checked_in.setAlternatingRowColors(True)
        self.checked_in.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click chooses; the keys stay in the input
        self.checked_in.setStyleSheet("QListWidget::item { padding: 4px; }")
        left.addWidget(self.checked_in, 1)
        left.addWidget(self._build_checkout_panel())
        buttons = QHBoxLayout()
        self.check_out_button = QPushButton(self.tr("签退 (F9)"))
        self.check_out_button.setObjectName("checkOutButton")
        self.check_out_button.setFont(bigger(self, 2, bold=True))
        self.check_out_button.setMinimumHeight(40)
        self.check_out_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.check_out_button.clicked.connect(self.start_check_out)
        buttons.addWidget(self.check_out_button)
        hint = QLabel(self.tr("↑↓ 选择儿童　F9 签退　Esc 取消"))
        hint.setObjectName("checkInKeysHint")
        hint.setStyleSheet("color: #555;")
        buttons.addWidget(hint)
        buttons.addStretch(1)
        left.addLayout(buttons)
        body.addLayout(left, 3)

        right = QVBoxLayout()
        self.out_count = QLabel()
        self.out_count.setObjectName("checkedOutCount")
        self.out_count.setFont(bigger(self, 2, bold=True))
        right.addWidget(self.out_count)
        self.checked_out = QListWidget()
        self.checked_out.setObjectName("checkedOutList")
        self.checked_out.setFont(bigger(self, 2))
        self.checked_out.setWordWrap(True)
        self.checked_out.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        right.addWidget(self.checked_out, 1)
        body.addLayout(right, 2)
        outer.addLayout(body, 1)

        f9 = QShortcut(QKeySequence(Qt.Key.Key_F9), self)
        f9.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        f9.activated.connect(self.start_check_out)

        if not self.can_write:
            self.input.setEnabled(False)
            self.check_out_button.setEnabled(False)
            self._say(self.tr("当前账号不能办理签到签退。"), "error")
        else:
            self._say(self.tr("请扫借书证签到。孩子回家时，在左边选中他，按 F9 签退。"), "info")

    def _build_checkout_panel(self) -> QFrame:
        self.checkout_panel = QFrame()
        self.checkout_panel.setObjectName("checkOutPanel")
        self.checkout_panel.setStyleSheet(
            "QFrame#checkOutPanel { background: #eff6ff; border: 2px solid #2563eb; border-radius: 6px; }"
        )
        row = QHBoxLayout(self.checkout_panel)
        row.setContentsMargins(12, 8, 12, 8)
        self.checkout_who = QLabel()
        self.checkout_who.setObjectName("checkOutChild")
        self.checkout_who.setFont(bigger(self, 3, bold=True))
        row.addWidget(self.checkout_who)
        self.pickup = QComboBox()
        self.pickup.setObjectName("checkOutPickup")
        self.pickup.setEditable(True)
        self.pickup.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # a typed name is not added to the list
        self.pickup.setFont(bigger(self, 3))
        self.pickup.setMinimumWidth(260)
        self.pickup.lineEdit().setPlaceholderText(self.tr("接送人姓名；空着表示自行回家"))
        self.pickup.lineEdit().returnPressed.connect(self.confirm_check_out)
        self.pickup.installEventFilter(self)
        self.pickup.lineEdit().installEventFilter(self)
        row.addWidget(self.pickup, 1)
        self.checkout_ok = QPushButton(self.tr("确定签退 (Enter)"))
        self.checkout_ok.setObjectName("checkOutConfirm")
        self.checkout_ok.clicked.connect(self.confirm_check_out)
        self.checkout_cancel = QPushButton(self.tr("取消 (Esc)"))
        self.checkout_cancel.setObjectName("checkOutCancel")
        self.checkout_cancel.clicked.connect(self.cancel_check_out)
        for button in (self.checkout_ok, self.checkout_cancel):
            button.setMinimumHeight(36)
            row.addWidget(button)
        self.checkout_panel.hide()
        return self.checkout_panel

    # --- focus ------------------------------------------------------------------------------------------------

    def focus_input(self) -> None:
        if self.isVisible() and self.input.isEnabled() and not self.checkout_panel.isVisible():
            self.input.setFocus(Qt.FocusReason.OtherFocusReason)

    def _refocus_if_lost(self) -> None:
        """Take the focus back unless it went to another input of the panel or left the panel."""
        if not self.isVisible() or not self.input.isEnabled() or self.checkout_panel.isVisible():
            return
        if should_take_focus_back(self, self.input, _INPUTS):
            self.focus_input()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.input:
            if event.type() == QEvent.Type.FocusOut:
                QTimer.singleShot(0, self._refocus_if_lost)
            elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                return self._input_key(event)
        elif (
            watched in (self.pickup, self.pickup.lineEdit())
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self.cancel_check_out()
            return True
        return super().eventFilter(watched, event)

    def _input_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            view = self.matches if self.matches.isVisible() else self.checked_in
            count = view.count()
            if count:
                step = -1 if key == Qt.Key.Key_Up else 1
                current = view.currentRow()
                view.setCurrentRow(0 if current < 0 else min(max(current + step, 0), count - 1))
                view.scrollToItem(view.currentItem())
            return True
        if key == Qt.Key.Key_Escape:
            if self.matches.isVisible():
                self._hide_matches()
            self.input.clear()
            return True
        return False

    # --- check-in ---------------------------------------------------------------------------------------------

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
        """Enter in the input: a card barcode checks in at once; a name or initials finds the child first."""
        if not self.can_write:
            return
        if _looks_like_code(text):
            self._check_in(text.strip())
            return
        try:
            found = children.list_children(self.ctx, text.strip())
        except DomainError as exc:
            self._refused(exc.message)
            return
        if len(found) == 1:
            self._check_in(found[0].id)
        elif found:
            self._show_matches(text.strip(), found)
        else:
            self._refused(
                self.tr("没有找到姓名或拼音首字母是“%1”的儿童。请检查后重输，或扫借书证。").replace(
                    "%1", text.strip()
                )
            )

    def _check_in(self, card_or_child: str | int) -> None:
        try:
            result = attendance.check_in(self.ctx, card_or_child)
        except DomainError as exc:
            self._refused(exc.message)
            return
        if result.already:
            self._say(result.message, "info")
            self.sound.ok()
        else:
            self._say(result.message, "ok")
            self.sound.ok()
            self.notify()
        self.reload(select_child=result.child_id)

    def _show_matches(self, text: str, rows: list[ChildRow]) -> None:
        self._matches = rows
        self._matches_text = text
        self.matches.clear()
        for row in rows:
            card = f"　{row.card_barcode}" if row.card_barcode else ""
            self.matches.addItem(QListWidgetItem(f"{row.class_name or '—'}　{row.name}{card}"))
        self.matches.setCurrentRow(0)
        shown = min(len(rows), MATCH_ROWS_SHOWN)
        self.matches.setFixedHeight(shown * max(self.matches.sizeHintForRow(0), 24) + 8)
        self.matches.show()
        self.input.setText(text)
        self.input.selectAll()  # the next scan replaces the search
        self._say(
            self.tr("找到 %1 名儿童：按 ↑↓ 选择，回车签到，Esc 取消。").replace("%1", str(len(rows))), "info"
        )

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
            self._check_in(chosen.id)
        self.focus_input()

    # --- check-out --------------------------------------------------------------------------------------------

    def selected_row(self) -> RegisterRow | None:
        item = self.checked_in.currentItem()
        if item is None:
            return None
        child_id = item.data(Qt.ItemDataRole.UserRole)
        return next((r for r in self.rows if r.child_id == child_id), None)

    def start_check_out(self) -> None:
        """F9: ask who picks the selected child up (the authorised names to choose from, or type one)."""
        if not self.can_write:
            return
        row = self.selected_row()
        if row is None:
            self._refused(self.tr("请先在左边的名单中选中要签退的儿童（↑↓ 选择），再按 F9。"))
            self.focus_input()
            return
        self._checking_out = row
        self.pickup.clear()
        if self.sees_family:
            try:
                for person in attendance.authorised_pickups(self.ctx, row.child_id):
                    shown = f"{person.name}（{person.relation}）" if person.relation else person.name
                    self.pickup.addItem(shown, person.name)
            except DomainError as exc:
                self._say(exc.message, "error")
        self.pickup.setCurrentIndex(0 if self.pickup.count() else -1)
        self.checkout_who.setText(self.tr("%1 由谁接走？").replace("%1", row.name))
        self.checkout_panel.show()
        self.pickup.setFocus(Qt.FocusReason.OtherFocusReason)
        self.pickup.lineEdit().selectAll()  # typing replaces the suggested name
        self._say(self.tr("选择或输入接送人，按回车签退；没有人接就清空后按回车。"), "info")

    def cancel_check_out(self) -> None:
        self._checking_out = None
        self.checkout_panel.hide()
        self._say(self.tr("已取消签退。"), "info")
        self.focus_input()

    def confirm_check_out(self) -> None:
        row = self._checking_out
        if row is None:
            return
        text = self.pickup.currentText().strip()
        index = self.pickup.findText(text)
        who = str(self.pickup.itemData(index)) if index >= 0 else text  # "李秀英（祖母）" → "李秀英"
        self._checking_out = None
        self.checkout_panel.hide()
        try:
            result = attendance.check_out(self.ctx, row.child_id, who)
        except DomainError as exc:
            self._refused(exc.message)
            self.focus_input()
            return
        if result.warning:
            # The child still goes home; the warning is stored on the mark and in the audit log.
            self._say(result.message, "error")
            self.sound.refused()
        else:
            self._say(result.message, "ok")
            self.sound.ok()
        self.notify()
        self.reload()
        self.focus_input()

    # --- lists ------------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.reload()

    def reload(self, select_child: int | None = None) -> None:
        self.stale = False
        keep = select_child
        if keep is None:
            current = self.selected_row()
            keep = current.child_id if current is not None else None
        try:
            view = attendance.open_register(self.ctx, dt.date.today())
        except DomainError as exc:
            self.rows = []
            self.checked_in.clear()
            self.checked_out.clear()
            if self.can_write:
                self._say(exc.message, "error")
            return
        self.rows = [r for r in view.rows if r.check_in_at is not None]
        inside = sorted(
            (r for r in self.rows if r.check_out_at is None), key=lambda r: r.check_in_at, reverse=True
        )
        gone = sorted(
            (r for r in self.rows if r.check_out_at is not None), key=lambda r: r.check_out_at, reverse=True
        )
        self.checked_in.clear()
        for r in inside:
            late = self.tr("（迟到）") if r.code == view.codes.late_code else ""
            item = QListWidgetItem(f"{r.check_in_at:%H:%M}　{r.name}　{r.class_name}{late}")
            item.setData(Qt.ItemDataRole.UserRole, r.child_id)
            self.checked_in.addItem(item)
            if r.child_id == keep:
                self.checked_in.setCurrentItem(item)
        if self.checked_in.currentRow() < 0 and self.checked_in.count():
            self.checked_in.setCurrentRow(0)
        self.checked_out.clear()
        for r in gone:
            who = r.picked_up_by or (self.tr("自行回家") if self.sees_family else "")
            text = f"{r.check_out_at:%H:%M}　{r.name}" + (f"　← {who}" if who else "")
            item = QListWidgetItem(text)
            if r.pickup_authorised is False:
                item.setForeground(WARNING_COLOUR)
                item.setText(text + self.tr("　（未授权，请核实）"))
            self.checked_out.addItem(item)
        self.in_count.setText(self.tr("在中心：%1 人（已签到、未签退）").replace("%1", str(len(inside))))
        self.out_count.setText(self.tr("今天已签退：%1 人").replace("%1", str(len(gone))))

    # --- feedback ---------------------------------------------------------------------------------------------

    def _say(self, text: str, kind: MessageKind) -> None:
        self.message_kind = kind
        self.message.setStyleSheet(MESSAGE_STYLES[kind])
        self.message.setText(text)

    def _refused(self, text: str) -> None:
        self._say(text, "error")
        self.sound.refused()


class AttendancePage(Page):
    areas = ("attendance", "children")

    def __init__(self, ctx: AppContext, events: DataEvents, parent: QWidget | None = None) -> None:
        super().__init__(ctx, events, parent)
        self.setObjectName("attendancePage")
        self._emitting = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 10, 16, 10)
        outer.setSpacing(6)
        heading = QHBoxLayout()
        heading.addWidget(page_title(self.tr("考勤")))
        heading.addStretch(1)
        hint = QLabel(self.tr("Ctrl+Tab 切换页签"))
        hint.setObjectName("attendanceKeysHint")
        hint.setStyleSheet("color: #555;")
        heading.addWidget(hint)
        outer.addLayout(heading)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("attendanceTabs")
        self.roll_call = RollCallPanel(ctx, self._changed)
        self.check_in = CheckInOutPanel(ctx, self._changed)
        self.monthly = MonthlyRegisterPanel(ctx)
        self.tabs.addTab(self.roll_call, self.tr("点名"))
        self.tabs.addTab(self.check_in, self.tr("签到签退"))
        self.tabs.addTab(self.monthly, self.tr("月度考勤表"))
        outer.addWidget(self.tabs, 1)
        # Connected after the tabs are added: adding the first one would load it before the page is shown.
        self.tabs.currentChanged.connect(lambda _i: self._tab_shown())

    @property
    def panels(self) -> tuple[RollCallPanel, CheckInOutPanel, MonthlyRegisterPanel]:
        return (self.roll_call, self.check_in, self.monthly)

    def refresh(self) -> None:
        for panel in self.panels:
            panel.stale = True
        self._tab_shown()
        super().refresh()

    def _tab_shown(self) -> None:
        panel = self.tabs.currentWidget()
        if getattr(panel, "stale", False):
            panel.refresh()  # type: ignore[union-attr]
        self._focus_current()

    def _focus_current(self) -> None:
        panel = self.tabs.currentWidget()
        if panel is self.roll_call:
            self.roll_call.focus_grid()
        elif panel is self.check_in:
            self.check_in.focus_input()

    def _on_data_changed(self, area: str) -> None:
        if not self._emitting:  # this page already shows its own change
            super()._on_data_changed(area)

    def _changed(self) -> None:
        # The other tabs show the same registers: reload them when next shown.
        current = self.tabs.currentWidget()
        for panel in self.panels:
            if panel is not current:
                panel.stale = True
        self._emitting = True
        try:
            self.events.data_changed.emit("attendance")
        finally:
            self._emitting = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        QTimer.singleShot(0, self._shown)

    def _shown(self) -> None:
        if self.isVisible():
            self.ensure_fresh()
            self._focus_current()
