"""借还 (the equipment page's desk tab): lend and take back balls, ropes and keyboards with the scanner.

Shaped like the library desk (``desk.py``): one input keeps the focus and a scanner drives it.

- **Who borrows**: scan a library card (a child), or type a child's name / pinyin initials into the input; or type a
  class or an activity (``三年级体育课``) — or pick a volunteer or one of today's sessions — in the 借给 box. A name
  typed into the input that is no child's is offered as a class/activity label (Enter takes it).
- **What**: scan an asset barcode. A one-by-one piece (电子琴 E000123) is lent at once; a quantity item's box label
  asks how many (a spin box, Enter confirms). Or find the item by name in 找器材 and give the quantity.
- **Until when**: the end of the day (or of the recorded session), or the time set in 归还时间.
- **Returns**: with nobody chosen, a piece's asset barcode brings it back (F7 first: it came back damaged). A
  quantity loan is returned from the open-loans list (select it, F6): the counted quantity, how many came back
  damaged, and what the shortfall is (``equipment.RESTS``: still out, lost, broken, used up) — the service logs it
  naming who had it, and the message says so.
- Ctrl+Z undoes the last lend or return, Esc steps back (a question, a list, the text, the borrower), ↑↓ choose in
  the open-loans list (or a list of names). The open-loans list shows overdue loans in red; 到闭馆还没还 shows
  ``equipment.unreturned_at_closing``.

Every rule is in ``services.equipment``; this tab routes the scan and shows what the service said, in green (done),
red (refused), blue (a note) or yellow (a question), with a sound and a short history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTime
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain import equipment as rules
from center_app.domain.errors import DomainError
from center_app.domain.permissions import READ, WRITE, allowed
from center_app.domain.states import Condition, Tracking
from center_app.services import circulation, equipment
from center_app.services.circulation import BorrowerRow
from center_app.services.equipment import Borrower, DeskResult, EquipmentIndex, ItemRow, LoanRow, ScanHit
from center_app.ui.events import Area
from center_app.ui.operations import Operations
from center_app.ui.widgets.fonts import bigger
from center_app.ui.widgets.forms import line_of
from center_app.ui.widgets.match_list import MatchList, move_selection
from center_app.ui.widgets.scan_message import MessageKind, ScanHistory, ScanMessage
from center_app.ui.widgets.scanner_input import ScannerInput, looks_like_code
from center_app.ui.widgets.sound import DeskSound
from center_app.ui.widgets.tables import read_only_table, table_item

HISTORY_SIZE = 20
UNDO_DEPTH = 20
MATCH_ROWS_SHOWN = 6
ITEM_MATCHES = 30
#: the shortfall choices of a return, in the order offered (``equipment.RESTS``: the service's names for them)
REST_KEYS: tuple[str, ...] = ("open", "lost", "damaged", "used")
assert set(REST_KEYS) == set(equipment.RESTS)


@dataclass(frozen=True)
class _ItemChoice:
    """An item as the floating list of matches shows it (the list shows ``class_name　name　card_barcode``)."""

    row: ItemRow
    name: str
    class_name: str
    card_barcode: str | None


@dataclass(frozen=True)
class _Who:
    """A choice of the 借给 box: who, the label loans will carry, and a recorded session's end (its due time)."""

    borrower: Borrower
    label: str
    ends: dt.time | None = None


class EquipmentDeskTab(QWidget):
    """The 借还 tab (panel contract: ``stale``, ``refresh``, ``focus_first``, ``scan_input``, ``handle_scan``).

    Seams for tests: ``sound.player`` (records instead of beeping) and ``now`` (what "overdue" is measured by)."""

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("equipmentDeskTab")
        self.ctx = ctx
        self.ops = ops
        self.stale = True
        self.sound = DeskSound()
        self.now: Callable[[], dt.datetime] = dt.datetime.now
        role = ctx.actor.role
        self.can_lend = allowed(role, "equipment.lend", WRITE)
        self.can_read = allowed(role, "equipment", READ)
        self.finds_children = allowed(role, "circulation", READ) and allowed(role, "child.basic", READ)
        self.borrower: Borrower | None = None
        self.borrower_label = ""
        self.loans: list[LoanRow] = []
        self.index: EquipmentIndex | None = (
            None  # the item search's, loaded on the first search after a change
        )
        self._undo: list[DeskResult] = []  # newest last
        self._offer: Callable[[], None] | None = (
            None  # what Enter in the empty input does (the yellow question)
        )
        self._lending: ItemRow | None = None  # the item the quantity panel asks about
        self._returning: LoanRow | None = None  # the loan the return panel counts
        self.damage_next = False  # F7: the next piece scanned back came back damaged
        self._due_set = False  # the due time was changed by hand (else the service's default)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 8, 0, 0)
        outer.setSpacing(6)
        self.input = ScannerInput()
        self.input.setObjectName("equipmentDeskInput")
        self.input.setFont(bigger(self, 8))
        self.input.setMinimumHeight(48)
        self.input.setPlaceholderText(self.tr("扫借书证或器材编号；也可输入儿童姓名 / 拼音首字母，按回车"))
        self.input.setClearButtonEnabled(False)
        self.input.scanned.connect(self._on_enter)
        self.input.typed.connect(self._on_enter)
        self.input.textEdited.connect(self._on_text_edited)
        self.input.installEventFilter(self)
        self.input.keep_focus_in(self, unless=self.panel_open)
        outer.addWidget(self.input)
        self.scan_input: ScannerInput | None = self.input

        self.message = ScanMessage("equipmentDeskMessage")
        outer.addWidget(self.message)
        outer.addWidget(self._build_quantity_panel())
        outer.addWidget(self._build_return_panel())

        body = QHBoxLayout()
        body.setSpacing(12)
        body.addLayout(self._build_loans(), 3)
        body.addLayout(self._build_side(), 2)
        outer.addLayout(body, 1)

        # Lists of matches float under their input (over the tab, not in the layout): nothing else moves.
        self.matches = MatchList(
            "equipmentDeskMatches",
            self.input,
            rows_shown=MATCH_ROWS_SHOWN,
            font_extra=3,
            floating=True,
            parent=self,
        )
        self.matches.picked.connect(self._picked_child)
        self.item_matches = MatchList(
            "equipmentDeskItemMatches",
            self.item_search,
            rows_shown=MATCH_ROWS_SHOWN,
            font_extra=2,
            floating=True,
            parent=self,
        )
        self.item_matches.picked.connect(self._picked_item)

        for key, slot in (
            ("F6", self.start_return),
            ("F7", self.toggle_damaged),
            (QKeySequence.StandardKey.Undo, self.undo_last),
            ("Esc", self.escape),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        if not self.can_lend:
            for widget in (
                self.input,
                self.who,
                self.item_search,
                self.due,
                self.return_button,
                self.damaged_button,
                self.undo_button,
                self.clear_button,
            ):
                widget.setEnabled(False)
            self.input.setPlaceholderText(self.tr("当前账号不能借出或归还器材。"))
            self._say(self.tr("当前账号不能借出或归还器材，只能查看借出情况。"), "error")
        else:
            self._say(self.tr("请扫借书证，或在“借给”里填写班级、活动；不选人时扫器材就是归还。"), "info")
        self._show_borrower()

    # --- building ---------------------------------------------------------------------------------------------

    def _panel_frame(self, name: str) -> QFrame:
        frame = QFrame()
        frame.setObjectName(name)
        frame.setStyleSheet(
            f"QFrame#{name} {{ background: #eff6ff; border: 2px solid #2563eb; border-radius: 6px; }}"
        )
        frame.hide()
        return frame

    def _build_quantity_panel(self) -> QFrame:
        self.quantity_panel = self._panel_frame("equipmentDeskQuantityPanel")
        row = QHBoxLayout(self.quantity_panel)
        row.setContentsMargins(12, 6, 12, 6)
        self.quantity_text = QLabel()
        self.quantity_text.setObjectName("equipmentDeskQuantityText")
        self.quantity_text.setFont(bigger(self, 2, bold=True))
        self.quantity_text.setWordWrap(True)
        row.addWidget(self.quantity_text, 1)
        self.quantity = QSpinBox()
        self.quantity.setObjectName("equipmentDeskQuantity")
        self.quantity.setRange(1, rules.MAX_QUANTITY)  # more than is available: the service says why not
        self.quantity.setFont(bigger(self, 3))
        self.quantity.setMinimumWidth(100)
        self.quantity.installEventFilter(self)
        row.addWidget(self.quantity)
        self.quantity_unit = QLabel()
        self.quantity_unit.setObjectName("equipmentDeskQuantityUnit")
        self.quantity_unit.setFont(bigger(self, 2))
        row.addWidget(self.quantity_unit)
        self.quantity_ok = QPushButton(self.tr("借出 (Enter)"))
        self.quantity_ok.setObjectName("equipmentDeskQuantityOk")
        self.quantity_ok.clicked.connect(self.confirm_quantity)
        self.quantity_cancel = QPushButton(self.tr("取消 (Esc)"))
        self.quantity_cancel.setObjectName("equipmentDeskQuantityCancel")
        self.quantity_cancel.clicked.connect(self.cancel_panels)
        for button in (self.quantity_ok, self.quantity_cancel):
            button.setMinimumHeight(34)
            row.addWidget(button)
        return self.quantity_panel

    def _build_return_panel(self) -> QFrame:
        self.return_panel = self._panel_frame("equipmentDeskReturnPanel")
        column = QVBoxLayout(self.return_panel)
        column.setContentsMargins(12, 6, 12, 6)
        column.setSpacing(4)
        self.return_text = QLabel()
        self.return_text.setObjectName("equipmentDeskReturnText")
        self.return_text.setFont(bigger(self, 2, bold=True))
        self.return_text.setWordWrap(True)
        column.addWidget(self.return_text)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(QLabel(self.tr("数回")))
        self.return_count = QSpinBox()
        self.return_count.setObjectName("equipmentDeskReturnCount")
        self.return_count.setFont(bigger(self, 2))
        self.return_count.setMinimumWidth(90)
        self.return_count.valueChanged.connect(self._count_changed)
        row.addWidget(self.return_count)
        row.addWidget(QLabel(self.tr("其中损坏")))
        self.return_damaged = QSpinBox()
        self.return_damaged.setObjectName("equipmentDeskReturnDamaged")
        self.return_damaged.setFont(bigger(self, 2))
        self.return_damaged.setMinimumWidth(80)
        row.addWidget(self.return_damaged)
        row.addWidget(QLabel(self.tr("少了的")))
        self.return_rest = QComboBox()
        self.return_rest.setObjectName("equipmentDeskReturnRest")
        labels = {
            "open": self.tr("还没还完（继续借着）"),
            "lost": self.tr("丢失"),
            "damaged": self.tr("损坏（没拿回来）"),
            "used": self.tr("用完了（消耗品）"),
        }
        for key in REST_KEYS:
            self.return_rest.addItem(labels[key], key)
        row.addWidget(self.return_rest, 1)
        self.return_ok = QPushButton(self.tr("确定归还 (Enter)"))
        self.return_ok.setObjectName("equipmentDeskReturnOk")
        self.return_ok.clicked.connect(self.confirm_return)
        self.return_cancel = QPushButton(self.tr("取消 (Esc)"))
        self.return_cancel.setObjectName("equipmentDeskReturnCancel")
        self.return_cancel.clicked.connect(self.cancel_panels)
        for button in (self.return_ok, self.return_cancel):
            button.setMinimumHeight(32)
            row.addWidget(button)
        column.addLayout(row)
        for widget in (self.return_count, self.return_damaged, self.return_rest):
            widget.installEventFilter(self)
        return self.return_panel

    def _build_loans(self) -> QVBoxLayout:
        left = QVBoxLayout()
        left.setSpacing(4)
        header = QHBoxLayout()
        self.loans_title = QLabel()
        self.loans_title.setObjectName("equipmentDeskLoansTitle")
        self.loans_title.setFont(bigger(self, 2, bold=True))
        header.addWidget(self.loans_title)
        header.addStretch(1)
        self.closing_filter = QCheckBox(self.tr("到闭馆还没还"))
        self.closing_filter.setObjectName("equipmentDeskClosingFilter")
        self.closing_filter.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.closing_filter.toggled.connect(lambda _on: self.reload_loans())
        header.addWidget(self.closing_filter)
        left.addLayout(header)

        self.loans_table = QTableWidget()
        self.loans_table.setObjectName("equipmentDeskLoans")
        read_only_table(
            self.loans_table, [self.tr("借用人"), self.tr("器材"), self.tr("未还"), self.tr("应还时间")]
        )
        self.loans_table.setFont(bigger(self, 2))
        self.loans_table.setWordWrap(False)
        head = self.loans_table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.loans_table.doubleClicked.connect(lambda _index: self.start_return())
        left.addWidget(self.loans_table, 1)

        buttons = QHBoxLayout()
        buttons.setSpacing(8)

        def button(name: str, text: str, slot: Callable[[], object]) -> QPushButton:
            b = QPushButton(text)
            b.setObjectName(name)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click must not take the focus from the scanner input
            b.setMinimumHeight(34)
            b.clicked.connect(lambda _checked=False: slot())
            buttons.addWidget(b)
            return b

        self.return_button = button(
            "equipmentDeskReturnSelected", self.tr("归还选中的 (F6)"), self.start_return
        )
        self.damaged_button = button("equipmentDeskDamaged", self.tr("下一件损坏 (F7)"), self.toggle_damaged)
        self.damaged_button.setCheckable(True)
        self.undo_button = button("equipmentDeskUndo", self.tr("撤销 (Ctrl+Z)"), self.undo_last)
        self.clear_button = button("equipmentDeskClear", self.tr("换人/结束 (Esc)"), self.clear_borrower)
        buttons.addStretch(1)
        left.addLayout(buttons)
        return left

    def _build_side(self) -> QVBoxLayout:
        side = QVBoxLayout()
        side.setSpacing(6)
        self.borrower_view = QLabel()
        self.borrower_view.setObjectName("equipmentDeskBorrower")
        self.borrower_view.setFont(bigger(self, 3, bold=True))
        self.borrower_view.setWordWrap(True)
        side.addWidget(self.borrower_view)

        grid = QVBoxLayout()
        grid.setSpacing(4)
        self.who = QComboBox()
        self.who.setObjectName("equipmentDeskWho")
        self.who.setEditable(True)
        self.who.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.who.setFont(bigger(self, 2))
        self.who.setMaxVisibleItems(12)
        line_of(self.who).setPlaceholderText(self.tr("借给：班级、活动或志愿者，回车"))
        line_of(self.who).setMaxLength(rules.MAX_LABEL)
        line_of(self.who).returnPressed.connect(self.choose_who)
        self.who.activated.connect(self._who_activated)
        self.who.installEventFilter(self)
        line_of(self.who).installEventFilter(self)
        grid.addWidget(self.who)

        self.item_search = QLineEdit()
        self.item_search.setObjectName("equipmentDeskItemSearch")
        self.item_search.setFont(bigger(self, 2))
        self.item_search.setPlaceholderText(self.tr("找器材：名称或拼音首字母，回车"))
        self.item_search.returnPressed.connect(self.search_items)
        self.item_search.textEdited.connect(lambda _t: self.item_matches.withdraw())
        self.item_search.installEventFilter(self)
        grid.addWidget(self.item_search)

        due_row = QHBoxLayout()
        due_label = QLabel(self.tr("今天几点前归还"))
        due_row.addWidget(due_label)
        self.due = QTimeEdit()
        self.due.setObjectName("equipmentDeskDue")
        self.due.setDisplayFormat("HH:mm")
        self.due.setFont(bigger(self, 2))
        self.due.timeChanged.connect(self._due_changed)
        self.due.installEventFilter(self)
        due_row.addWidget(self.due)
        self.due_hint = QLabel()
        self.due_hint.setObjectName("equipmentDeskDueHint")
        self.due_hint.setStyleSheet("color: #555;")
        due_row.addWidget(self.due_hint, 1)
        grid.addLayout(due_row)
        side.addLayout(grid)
        self._reset_due()

        recent = QLabel(self.tr("最近操作"))
        side.addWidget(recent)
        self.history = ScanHistory("equipmentDeskHistory", HISTORY_SIZE)
        side.addWidget(self.history, 1)
        return side

    # --- panel contract ---------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the open loans, the 借给 choices and (on the next search) the items."""
        self.stale = False
        self.index = None
        if self.can_read:
            self.reload_loans()
        if self.can_lend:
            self._load_sound_setting()
            self._load_who_choices()

    def focus_first(self) -> None:
        if self.panel_open():
            (self.quantity if self.quantity_panel.isVisible() else self.return_count).setFocus()
        else:
            self.input.take_focus()

    def focus_input(self) -> None:
        self.input.take_focus()

    def panel_open(self) -> bool:
        """The quantity or the return panel is open (its fields keep the focus, not the scanner input)."""
        return self.quantity_panel.isVisible() or self.return_panel.isVisible()

    @property
    def message_kind(self) -> MessageKind:
        return self.message.kind

    @property
    def offer_open(self) -> bool:
        return self._offer is not None

    def _load_sound_setting(self) -> None:
        if allowed(self.ctx.actor.role, "circulation", READ):
            done = self.ops.run(lambda: circulation.get_loan_settings(self.ctx), refused=lambda _exc: None)
            if done.value is not None:
                self.sound.enabled = (
                    done.value.sound_on
                )  # the desk's switch (设置 → 借阅规则) counts here too

    def _load_who_choices(self) -> None:
        """Today's recorded sessions, the active volunteers (for roles that see them) and the labels out now."""
        choices: list[tuple[str, _Who]] = []
        role = self.ctx.actor.role
        if allowed(role, "attendance", READ):
            from center_app.services import activities_query

            today = self.now().date()
            sessions = self.ops.run(
                lambda: activities_query.sessions_on(self.ctx, today), refused=lambda _e: None
            )
            for session in sessions.value or []:
                who = _Who(Borrower.session(activity_id=session.activity_id), session.title, session.end_time)
                choices.append((self.tr("活动：%1").replace("%1", session.label), who))
        if allowed(role, "volunteers", READ):
            choices += self._volunteer_choices()
        groups = dict.fromkeys(
            loan.borrower for loan in self.loans if loan.borrower_kind in ("class", "activity")
        )
        for label in groups:
            choices.append((label, _Who(Borrower.group(label), label)))
        typed = self.who.currentText()
        self.who.blockSignals(True)
        self.who.clear()
        for text, who in choices:
            self.who.addItem(text, who)
        self.who.setCurrentIndex(-1)
        self.who.setEditText(typed)
        self.who.blockSignals(False)

    def _volunteer_choices(self) -> list[tuple[str, _Who]]:
        try:
            from center_app.services import volunteers
        except ImportError:  # a build without the volunteers' services (issue 12): a name is typed instead
            return []
        people = self.ops.run(lambda: volunteers.list_volunteers(self.ctx), refused=lambda _e: None)
        return [
            (
                self.tr("志愿者：%1").replace("%1", person.name),
                _Who(Borrower.volunteer(person.id), person.name),
            )
            for person in people.value or []
        ]

    # --- keys -------------------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if watched is self.input:
                return self._input_key(event)
            if watched is self.quantity and enter:
                self.quantity.interpretText()
                self.confirm_quantity()
                return True
            if watched in (self.return_count, self.return_damaged, self.return_rest) and enter:
                self.return_count.interpretText()
                self.return_damaged.interpretText()
                self.confirm_return()
                return True
            if watched is self.item_search and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                move_selection(self.item_matches, -1 if key == Qt.Key.Key_Up else 1)
                return True
            if watched is self.due and enter:
                self.due.interpretText()
                self.focus_input()
                return True
        return super().eventFilter(watched, event)

    def _input_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.input.text() and self._offer is not None:
            self.take_offer()
            return True
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_last()  # the desk's undo, not the line edit's text undo
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if key == Qt.Key.Key_Up else 1
            move_selection(self.matches if self.matches.isVisible() else self.loans_table, step)
            return True
        if key == Qt.Key.Key_Escape:
            self.escape()
            return True
        return False

    def escape(self) -> None:
        """Esc steps back one level: a panel, the question, a list, the typed text, F7, the borrower."""
        if self.panel_open():
            self.cancel_panels()
        elif self._offer is not None:
            self._offer = None
            self._say(self.tr("好的，没有选人。请扫借书证，或在“借给”里填写班级、活动。"), "info")
        elif self.matches.isVisible():
            self.matches.withdraw()
            self.input.clear()
        elif self.item_matches.isVisible() or self.item_search.text():
            self.item_matches.withdraw()
            self.item_search.clear()
        elif self.who.currentText():
            self.who.setEditText("")
        elif self.input.text():
            self.input.clear()
        elif self.damage_next:
            self.toggle_damaged()
        elif self.borrower is not None:
            self.clear_borrower()
        self.focus_input()

    # --- the scan ---------------------------------------------------------------------------------------------

    def _on_text_edited(self, _text: str) -> None:
        if self.matches.isVisible():
            self.matches.withdraw()  # typing or scanning something new replaces the list

    def _on_enter(self, text: str) -> None:
        """Enter in the input (which has cleared itself): a scan, a typed name, or a pick from the matches."""
        if not self.matches.enter(text) and text.strip():
            self.handle_scan(text)
        self.focus_input()

    def handle_scan(self, code: str) -> None:
        """What Enter in the input does with ``code`` (a scanned code, or a typed name)."""
        if not self.can_lend:
            return
        self._offer = None
        if self.panel_open():  # a scan instead of the number asked for: that question is dropped
            self._close_panels()
        text = code.strip()
        if not text:
            return
        if looks_like_code(text):
            self._scan_code(text)
        else:
            self._typed_name(text)
        if not self.panel_open():
            self.focus_input()

    def _refuse(self, exc: DomainError) -> None:
        self._refused(exc.message)

    def _scan_code(self, code: str) -> None:
        found = self.ops.run(lambda: equipment.lookup(self.ctx, code), refused=self._refuse)
        if not found.ok:
            return
        if found.value is not None:
            self._scan_equipment(found.value)
            return
        if self.finds_children:
            children = self.ops.run(lambda: circulation.find_borrower(self.ctx, code), refused=self._refuse)
            if not children.ok:
                return
            cards = [c for c in children.value or [] if (c.card_barcode or "").upper() == code.upper()]
            if cards:
                self.set_child(cards[0])
                return
        self._refused(
            self.tr("没有找到编号为“%1”的器材或借书证。请检查标签，或输入器材名称找器材。").replace(
                "%1", code
            )
        )

    def _scan_equipment(self, hit: ScanHit) -> None:
        if hit.unit is not None:
            loan = hit.open_loan
            if loan is not None and (self.borrower is None or loan.borrower == self.borrower_label):
                self._return_piece(hit.code)  # nobody chosen, or it is theirs: it comes back
            elif self.borrower is None:
                self._notice(
                    hit.message
                    + self.tr("：没有借出，不用归还。要借出，请先扫借书证或在“借给”里填写班级、活动。")
                )
            else:
                self._lend(hit.code, 1)
            return
        if self.borrower is None:
            self._return_of_item(hit.item)
        else:
            self._ask_quantity(hit.item)

    def _typed_name(self, text: str) -> None:
        if self.finds_children:
            done = self.ops.run(lambda: circulation.find_borrower(self.ctx, text), refused=self._refuse)
            if not done.ok:
                return
            found = done.value or []
            if len(found) == 1:
                self.set_child(found[0])
                return
            if found:
                self.matches.offer(text, found)
                self._say(
                    self.tr("找到 %1 名儿童：按 ↑↓ 选择，回车确定，Esc 取消。").replace(
                        "%1", str(len(found))
                    ),
                    "info",
                )
                return
        label = rules.one_line(text)
        self._offer = lambda: self._set_who(_Who(Borrower.group(label), label))
        self._say(
            self.tr("没有叫“%1”的儿童。回车 = 借给班级或活动“%1”；Esc = 不用。").replace("%1", label), "ask"
        )
        self.sound.notice()

    def take_offer(self) -> None:
        offer, self._offer = self._offer, None
        if offer is not None:
            offer()

    # --- who ----------------------------------------------------------------------------------------------------

    def _picked_child(self, chosen: BorrowerRow) -> None:
        self.input.clear()
        self.set_child(chosen)
        self.focus_input()

    def set_child(self, child: BorrowerRow) -> None:
        self._set_who(_Who(Borrower.child(child.id), child.label))

    def choose_who(self) -> None:
        """Enter in the 借给 box (or a choice from its list): a listed session or volunteer, else a class/activity."""
        if not self.can_lend:
            return
        text = self.who.currentText().strip()
        if not text:
            return
        index = self.who.findText(text)
        chosen = self.who.itemData(index) if index >= 0 else None
        who = chosen if isinstance(chosen, _Who) else _Who(Borrower.group(text), rules.one_line(text))
        self.who.blockSignals(True)
        self.who.setCurrentIndex(-1)
        self.who.setEditText("")
        self.who.blockSignals(False)
        self._set_who(who)
        self.focus_input()

    def _who_activated(self, index: int) -> None:
        """A choice from the 借给 box's list (Enter on a typed text is ``choose_who``'s, and may come here too)."""
        who = self.who.itemData(index) if index >= 0 else None
        if not isinstance(who, _Who) or (who.borrower == self.borrower and who.label == self.borrower_label):
            return
        self.who.blockSignals(True)
        self.who.setCurrentIndex(-1)
        self.who.setEditText("")
        self.who.blockSignals(False)
        self._set_who(who)

    def _set_who(self, who: _Who) -> None:
        self._offer = None
        self._close_panels()
        self.borrower = who.borrower
        self.borrower_label = who.label
        self._reset_due(who.ends)
        self._show_borrower()
        self._say(self.tr("借给 %1：请扫器材编号，或在“找器材”里输入名称。").replace("%1", who.label), "info")
        self.focus_input()

    def clear_borrower(self) -> None:
        self._offer = None
        self._close_panels()
        if self.borrower is not None:
            self._say(
                self.tr("已结束 %1 的借用。没有选人时扫器材就是归还。").replace("%1", self.borrower_label),
                "info",
            )
        self.borrower = None
        self.borrower_label = ""
        self._reset_due()
        self._show_borrower()
        self.focus_input()

    def _show_borrower(self) -> None:
        if self.borrower is None:
            self.borrower_view.setText(self.tr("借给：还没选（扫器材 = 归还）"))
            self.borrower_view.setStyleSheet("color: #555;")
        else:
            kind = rules.BORROWER_LABELS.get(self.borrower.kind, "")
            self.borrower_view.setText(
                self.tr("借给：%1（%2）")
                .replace("%1", self.borrower_label)
                .replace("%2", self._kind_label(kind))
            )
            self.borrower_view.setStyleSheet("color: #1d4ed8;")

    def _kind_label(self, kind: str) -> str:
        labels = {
            "儿童": self.tr("儿童"),
            "志愿者": self.tr("志愿者"),
            "班级": self.tr("班级"),
            "活动": self.tr("活动"),
        }
        return labels.get(kind, kind)

    # --- due time ---------------------------------------------------------------------------------------------

    def _reset_due(self, ends: dt.time | None = None) -> None:
        """The default due time: the end of a recorded session, else the end of the day (the service's rules)."""
        shown = ends or rules.CLOSING_TIME
        self.due.blockSignals(True)
        self.due.setTime(QTime(shown.hour, shown.minute))
        self.due.blockSignals(False)
        self._due_set = False
        self.due_hint.setText(self.tr("（活动结束时）") if ends is not None else self.tr("（今天结束前）"))

    def _due_changed(self, _time: QTime) -> None:
        self._due_set = True
        self.due_hint.setText("")

    def due_time(self) -> dt.datetime | None:
        """The due time to lend with: today at the time set by hand, or None (the service's default)."""
        if not self._due_set:
            return None
        time = self.due.time()
        return dt.datetime.combine(self.now().date(), dt.time(time.hour(), time.minute()))

    # --- lend -------------------------------------------------------------------------------------------------

    def _lend(self, what: int | str, quantity: int) -> DeskResult | None:
        borrower = self.borrower
        if borrower is None:
            return None
        due = self.due_time()
        return self._act(lambda: equipment.lend(self.ctx, what, borrower, quantity, due=due))

    def _ask_quantity(self, item: ItemRow) -> None:
        """A quantity item chosen for the borrower: how many? (A one-by-one item or one out of use: why not.)"""
        if item.tracking == Tracking.INDIVIDUAL:
            self._refused(self.tr("%1 逐件编号：请逐个扫描要借出的那几件的编号。").replace("%1", item.name))
            return
        if item.condition != Condition.GOOD:
            reason = rules.OUT_OF_USE_ITEM.get(item.condition, item.condition_label)
            self._refused(self.tr("%1%2，不能借出。").replace("%1", item.name).replace("%2", reason))
            return
        if item.available <= 0:
            self._refused(
                self.tr("%1 现在没有可借的（共 %2%3，借出 %4%3）。")
                .replace("%1", item.name)
                .replace("%2", str(item.total))
                .replace("%3", item.unit)
                .replace("%4", str(item.out))
            )
            return
        self._lending = item
        self.return_panel.hide()
        self.quantity_text.setText(
            self.tr("%1：可借 %2%3。借给 %4 多少？")
            .replace("%1", item.name)
            .replace("%2", str(item.available))
            .replace("%3", item.unit)
            .replace("%4", self.borrower_label)
        )
        self.quantity_unit.setText(item.unit)
        self.quantity.setValue(1)
        self.quantity_panel.show()
        self._say(self.tr("输入数量，回车借出；Esc 不借。"), "ask")
        self.sound.notice()
        self.quantity.setFocus(Qt.FocusReason.OtherFocusReason)
        self.quantity.selectAll()

    def confirm_quantity(self) -> None:
        item = self._lending
        if item is None or self.borrower is None:
            return
        quantity = self.quantity.value()
        result = self._lend(item.id, quantity)
        if result is not None:
            self._close_panels()
            self.focus_input()
        else:  # refused: the number can be corrected
            self.quantity.setFocus(Qt.FocusReason.OtherFocusReason)
            self.quantity.selectAll()

    # --- items by name ----------------------------------------------------------------------------------------

    def search_items(self) -> None:
        """Enter in 找器材: one match is chosen, several are listed (↑↓, Enter), none is said."""
        text = self.item_search.text()
        if self.item_matches.enter(text) or not text.strip():
            return
        if self.index is None:
            loaded = self.ops.run(lambda: EquipmentIndex.load(self.ctx), refused=self._refuse)
            if loaded.value is None:
                return
            self.index = loaded.value
        rows = [r for r in self.index.search(text, limit=ITEM_MATCHES) if r.in_use]
        if not rows:
            self._refused(self.tr("没有找到“%1”。请换个名称或拼音首字母再试。").replace("%1", text.strip()))
            return
        if len(rows) == 1:
            self.item_search.clear()
            self._choose_item(rows[0])
            return
        available = self.tr("可借 %1%2")
        choices = [
            _ItemChoice(
                r, r.name, r.category_label, available.replace("%1", str(r.available)).replace("%2", r.unit)
            )
            for r in rows
        ]
        self.item_matches.offer(text, choices)
        self._say(self.tr("找到 %1 种器材：按 ↑↓ 选择，回车确定。").replace("%1", str(len(rows))), "info")

    def _picked_item(self, chosen: _ItemChoice) -> None:
        self.item_search.clear()
        self._choose_item(chosen.row)

    def _choose_item(self, row: ItemRow) -> None:
        """An item found by name: as if its box label were scanned (with its counts as they are now)."""
        fresh = self.ops.run(lambda: equipment.get_item(self.ctx, row.id).item, refused=self._refuse)
        item = fresh.value
        if item is None:
            return
        if self.borrower is None:
            self._return_of_item(item)
        else:
            self._ask_quantity(item)
        if not self.panel_open():
            self.focus_input()

    # --- return -----------------------------------------------------------------------------------------------

    def _return_piece(self, code: str) -> None:
        damaged = 1 if self.damage_next else 0
        if self._act(lambda: equipment.return_loan(self.ctx, code, damaged=damaged)) is not None:
            self._set_damaged(False)

    def _return_of_item(self, item: ItemRow) -> None:
        """A quantity item's box label with nobody chosen: return its loan (or choose which of its loans)."""
        done = self.ops.run(lambda: equipment.open_loans(self.ctx, item.id), refused=self._refuse)
        if not done.ok:
            return
        loans = done.value or []
        if not loans:
            self._notice(
                self.tr(
                    "%1 没有借出，不用归还（可借 %2%3）。要借出，请先扫借书证或在“借给”里填写班级、活动。"
                )
                .replace("%1", item.name)
                .replace("%2", str(item.available))
                .replace("%3", item.unit)
            )
        elif len(loans) == 1:
            self.start_return(loans[0])
        else:
            if self.closing_filter.isChecked():
                self.closing_filter.setChecked(False)  # show every open loan, to choose among them
            self.select_loan(loans[0].id)
            who = "、".join(f"{loan.borrower} {loan.out}{loan.unit}" for loan in loans)
            self._say(
                self.tr("%1 有 %2 笔借出（%3）：请在借出列表中选中要归还的一笔（↑↓），按 F6。")
                .replace("%1", item.name)
                .replace("%2", str(len(loans)))
                .replace("%3", who),
                "ask",
            )
            self.sound.notice()

    def selected_loan(self) -> LoanRow | None:
        row = self.loans_table.currentRow()
        selected = self.loans_table.selectionModel().selectedRows()
        if not selected or not 0 <= row < len(self.loans):
            return None
        return self.loans[row]

    def select_loan(self, loan_id: int) -> None:
        for row, loan in enumerate(self.loans):
            if loan.id == loan_id:
                self.loans_table.selectRow(row)
                return

    def start_return(self, loan: LoanRow | None = None) -> None:
        """F6: count what came back of the loan selected in the list."""
        if not self.can_lend:
            return
        self._offer = None
        loan = loan or self.selected_loan()
        if loan is None:
            self._refused(self.tr("请先在借出列表中选中要归还的一笔（↑↓ 选择），再按 F6。"))
            self.focus_input()
            return
        self._returning = loan
        self.quantity_panel.hide()
        piece = f" {loan.unit_barcode}" if loan.unit_barcode else ""
        self.return_text.setText(
            self.tr("归还 %1%2（%3）：借出 %4%5，未还 %6%5。数一数还回来多少？")
            .replace("%1", loan.item_name)
            .replace("%2", piece)
            .replace("%3", loan.borrower)
            .replace("%4", str(loan.quantity))
            .replace("%5", loan.unit)
            .replace("%6", str(loan.out))
        )
        self.return_count.setRange(0, loan.out)
        self.return_count.setValue(loan.out)
        self.return_damaged.setRange(0, loan.out)
        self.return_damaged.setValue(min(1, loan.out) if self.damage_next else 0)
        self.return_rest.setCurrentIndex(0)
        self._count_changed(loan.out)
        self.return_panel.show()
        self._say(self.tr("填好数量，回车归还；少了的请选怎么处理。Esc 不还。"), "ask")
        self.return_count.setFocus(Qt.FocusReason.OtherFocusReason)
        self.return_count.selectAll()

    def _count_changed(self, value: int) -> None:
        loan = self._returning
        short = loan is not None and value < loan.out
        self.return_rest.setEnabled(short)

    def confirm_return(self) -> None:
        loan = self._returning
        if loan is None:
            return
        back = self.return_count.value()
        damaged = self.return_damaged.value()
        rest = str(self.return_rest.currentData()) if back < loan.out else "open"
        result = self._act(
            lambda: equipment.return_loan(self.ctx, loan.id, back, damaged=damaged, rest=rest)  # type: ignore[arg-type]
        )
        if result is not None:
            self._set_damaged(False)
            self._close_panels()
            self.focus_input()
        else:
            self.return_count.setFocus(Qt.FocusReason.OtherFocusReason)

    def toggle_damaged(self) -> None:
        """F7: the next piece scanned back (or the next return counted) came back damaged."""
        if not self.can_lend:
            return
        self._set_damaged(not self.damage_next)
        if self.damage_next:
            self._say(self.tr("下一件扫描归还的器材将登记为损坏。再按 F7 取消。"), "ask")
        else:
            self._say(self.tr("已取消：下一件归还的器材不登记损坏。"), "info")
        if not self.panel_open():
            self.focus_input()

    def _set_damaged(self, on: bool) -> None:
        self.damage_next = on
        self.damaged_button.setChecked(on)

    # --- panels -----------------------------------------------------------------------------------------------

    def _close_panels(self) -> None:
        self._lending = None
        self._returning = None
        self.quantity_panel.hide()
        self.return_panel.hide()

    def cancel_panels(self) -> None:
        lending = self.quantity_panel.isVisible()
        if not self.panel_open():
            return
        self._close_panels()
        self._say(self.tr("没有借出。") if lending else self.tr("没有归还。"), "info")
        self.focus_input()

    # --- actions ----------------------------------------------------------------------------------------------

    def _act(self, action: Callable[[], DeskResult]) -> DeskResult | None:
        done = self.ops.run(action, changes=Area.EQUIPMENT, refused=self._refuse)
        self.index = None  # the counts changed (or another desk changed them): the next search reloads
        if done.refused:
            self.reload_loans()  # the refusal may come from a change made at another desk
        result = done.value
        if result is None:
            return None
        if result.undo_token:
            self._undo.append(result)
            del self._undo[:-UNDO_DEPTH]
        self.reload_loans(select=result.loan.id if result.kind == "lend" else None)
        self._done(result.message)
        return result

    def undo_last(self) -> None:
        """Ctrl+Z: undo the newest lend or return not undone yet (again for the one before)."""
        if not self.can_lend:
            return
        self._offer = None
        self._close_panels()
        if not self._undo:
            self._say(self.tr("没有可以撤销的操作。"), "info")
        else:
            token = self._undo.pop().undo_token
            self._act(lambda: equipment.undo(self.ctx, token))
        self.focus_input()

    # --- the open loans ---------------------------------------------------------------------------------------

    def reload_loans(self, select: int | None = None) -> None:
        closing = self.closing_filter.isChecked()
        current = self.selected_loan()
        keep = select if select is not None else (current.id if current is not None else None)
        call = equipment.unreturned_at_closing if closing else equipment.open_loans
        done = self.ops.run(lambda: call(self.ctx), refused=self._refuse)
        self.loans = list(done.value or [])
        now = self.now()
        table = self.loans_table
        table.setRowCount(len(self.loans))
        for row, loan in enumerate(self.loans):
            late = loan.overdue(now)
            piece = f" {loan.unit_barcode}" if loan.unit_barcode else ""
            out = f"{loan.out}{loan.unit}"
            if loan.returned:
                out = self.tr("%1（借 %2）").replace("%1", out).replace("%2", str(loan.quantity))
            due = self._when(loan.due_at, now.date())
            if late:
                due = self.tr("%1 已过").replace("%1", due)
            cells = (loan.borrower, loan.item_name + piece, out, due)
            for column, text in enumerate(cells):
                table.setItem(row, column, table_item(text, data=loan.id, red=late))
        table.clearSelection()
        if keep is not None:
            self.select_loan(keep)
        title = self.tr("到闭馆还没还：%1 笔") if closing else self.tr("借出中：%1 笔")
        self.loans_title.setText(title.replace("%1", str(len(self.loans))))

    def _when(self, due: dt.datetime | None, today: dt.date) -> str:
        if due is None:
            return "—"
        clock = f"{due:%H:%M}"
        if due.date() == today:
            return self.tr("今天 %1").replace("%1", clock)
        if due.date() == today + dt.timedelta(days=1):
            return self.tr("明天 %1").replace("%1", clock)
        return (
            self.tr("%1月%2日 %3")
            .replace("%1", str(due.month))
            .replace("%2", str(due.day))
            .replace("%3", clock)
        )

    # --- feedback ---------------------------------------------------------------------------------------------

    def _say(self, text: str, kind: MessageKind) -> None:
        self.message.say(text, kind)

    def _done(self, text: str) -> None:
        self._say(text, "ok")
        self.history.add(text, "ok")
        self.sound.ok()

    def _refused(self, text: str) -> None:
        self._say(text, "error")
        self.history.add(text, "error")
        self.sound.refused()

    def _notice(self, text: str) -> None:
        """Nothing to do, and nobody's mistake: a note, in the history too, with the "look" sound."""
        self._say(text, "info")
        self.history.add(text, "info")
        self.sound.notice()
