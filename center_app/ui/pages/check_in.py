"""签到签退: the attendance page's door tab.

One input keeps the focus like the library desk — scan a library card (or type a name / pinyin initials + Enter) to
check a child in; choose a child in the list and press F9 to check them out, naming who picks them up. An
unauthorised name does not stop the child going home (they must), but it is shown in red and stored on the mark for
staff to check. Every rule is in ``services.attendance``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut
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
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain.errors import DomainError
from center_app.domain.permissions import READ, WRITE, allowed
from center_app.services import attendance, children
from center_app.services.attendance import RegisterRow
from center_app.services.children import ChildRow
from center_app.ui.events import Area
from center_app.ui.operations import Operations
from center_app.ui.widgets.fonts import bigger
from center_app.ui.widgets.forms import line_of
from center_app.ui.widgets.match_list import MatchList, move_selection
from center_app.ui.widgets.scan_message import MessageKind, ScanMessage
from center_app.ui.widgets.scanner_input import ScannerInput, looks_like_code
from center_app.ui.widgets.sound import DeskSound

WARNING_COLOUR = QColor("#b91c1c")
MATCH_ROWS_SHOWN = 6
# Widgets of the panel that may hold the focus instead of the scanner input (the pickup name, say).
_INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox)


class CheckInOutPanel(QWidget):
    """The 签到签退 tab. ``ops`` runs its use cases (and says attendance changed); ``sound.player`` is a seam."""

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkInTab")
        self.ctx = ctx
        self.ops = ops
        self.stale = True
        self.sound = DeskSound()
        self.rows: list[RegisterRow] = []
        self._checking_out: RegisterRow | None = None
        role = ctx.actor.role
        self.can_write = allowed(role, "attendance", WRITE)
        self.sees_family = allowed(role, "child.family", READ)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 8, 0, 0)
        outer.setSpacing(8)
        self.input = ScannerInput()
        self.input.setObjectName("checkInInput")
        self.input.setFont(bigger(self, 8))
        self.input.setMinimumHeight(50)
        self.input.setPlaceholderText(self.tr("扫借书证签到，或输入儿童姓名 / 拼音首字母后按回车"))
        self.input.scanned.connect(self._on_enter)
        self.input.typed.connect(self._on_enter)
        self.matches: MatchList  # created below, used only once the window runs
        self.input.textEdited.connect(lambda _t: self.matches.withdraw())
        self.input.installEventFilter(self)
        self.input.keep_focus_in(self, other_inputs=_INPUTS, unless=self.checkout_open)
        outer.addWidget(self.input)

        self.matches = MatchList("checkInMatches", self.input, rows_shown=MATCH_ROWS_SHOWN, font_extra=3)
        self.matches.picked.connect(self._picked)
        outer.addWidget(self.matches)

        self.message = ScanMessage("checkInMessage")
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
        line_of(self.pickup).setPlaceholderText(self.tr("接送人姓名；空着表示自行回家"))
        line_of(self.pickup).returnPressed.connect(self.confirm_check_out)
        self.pickup.installEventFilter(self)
        line_of(self.pickup).installEventFilter(self)
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

    def checkout_open(self) -> bool:
        return self.checkout_panel.isVisible()

    @property
    def scan_input(self) -> ScannerInput:
        return self.input

    def focus_first(self) -> None:
        self.focus_input()

    def focus_input(self) -> None:
        if self.isVisible():
            self.input.take_focus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.input:
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
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
            move_selection(view, -1 if key == Qt.Key.Key_Up else 1)
            return True
        if key == Qt.Key.Key_Escape:
            self.matches.withdraw()
            self.input.clear()
            return True
        return False

    # --- check-in ---------------------------------------------------------------------------------------------

    def _on_enter(self, text: str) -> None:
        """Enter in the input (which has cleared itself): a scanned card, a typed name, or a pick from the matches."""
        if not self.matches.enter(text) and text.strip():
            self.handle_scan(text)
        self.focus_input()

    def handle_scan(self, text: str) -> None:
        """Enter in the input: a card barcode checks in at once; a name or initials finds the child first."""
        if not self.can_write:
            return
        if looks_like_code(text):
            self._check_in(text.strip())
            return
        done = self.ops.run(lambda: children.list_children(self.ctx, text.strip()), refused=self._refuse)
        if not done.ok:
            return
        found = done.value or []
        if len(found) == 1:
            self._check_in(found[0].id)
        elif found:
            self.matches.offer(text.strip(), found)
            self._say(
                self.tr("找到 %1 名儿童：按 ↑↓ 选择，回车签到，Esc 取消。").replace("%1", str(len(found))),
                "info",
            )
        else:
            self._refused(
                self.tr("没有找到姓名或拼音首字母是“%1”的儿童。请检查后重输，或扫借书证。").replace(
                    "%1", text.strip()
                )
            )

    def _check_in(self, card_or_child: str | int) -> None:
        done = self.ops.run(
            lambda: attendance.check_in(self.ctx, card_or_child),
            changes=Area.ATTENDANCE,
            changed=lambda result: not result.already,  # a second scan changes nothing
            refused=self._refuse,
        )
        result = done.value
        if result is None:
            return
        self._say(result.message, "info" if result.already else "ok")
        self.sound.ok()
        self.reload(select_child=result.child_id)

    def _picked(self, chosen: ChildRow) -> None:
        self.input.clear()
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
            done = self.ops.run(
                lambda: attendance.authorised_pickups(self.ctx, row.child_id),
                refused=lambda exc: self._say(exc.message, "error"),
            )
            for person in done.value or []:
                shown = f"{person.name}（{person.relation}）" if person.relation else person.name
                self.pickup.addItem(shown, person.name)
        self.pickup.setCurrentIndex(0 if self.pickup.count() else -1)
        self.checkout_who.setText(self.tr("%1 由谁接走？").replace("%1", row.name))
        self.checkout_panel.show()
        self.pickup.setFocus(Qt.FocusReason.OtherFocusReason)
        line_of(self.pickup).selectAll()  # typing replaces the suggested name
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
        done = self.ops.run(
            lambda: attendance.check_out(self.ctx, row.child_id, who),
            changes=Area.ATTENDANCE,
            refused=self._refuse,
        )
        result = done.value
        if result is None:
            self.focus_input()
            return
        if result.warning:
            # The child still goes home; the warning is stored on the mark and in the audit log.
            self._say(result.message, "error")
            self.sound.refused()
        else:
            self._say(result.message, "ok")
            self.sound.ok()
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
        done = self.ops.run(
            lambda: attendance.open_register(self.ctx, dt.date.today()),
            refused=lambda exc: self._say(exc.message, "error") if self.can_write else None,
        )
        view = done.value
        if view is None:
            self.rows = []
            self.checked_in.clear()
            self.checked_out.clear()
            return
        self.rows = [r for r in view.rows if r.check_in_at is not None]
        # `or dt.datetime.min` only for the type checker: the times are never None here (filtered above)
        inside = sorted(
            (r for r in self.rows if r.check_out_at is None),
            key=lambda r: r.check_in_at or dt.datetime.min,
            reverse=True,
        )
        gone = sorted(
            (r for r in self.rows if r.check_out_at is not None),
            key=lambda r: r.check_out_at or dt.datetime.min,
            reverse=True,
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

    @property
    def message_kind(self) -> MessageKind:
        return self.message.kind

    def _say(self, text: str, kind: MessageKind) -> None:
        self.message.say(text, kind)

    def _refused(self, text: str) -> None:
        self._say(text, "error")
        self.sound.refused()

    def _refuse(self, exc: DomainError) -> None:
        """A refusal from a service: said in red, with the refusal sound."""
        self._refused(exc.message)
