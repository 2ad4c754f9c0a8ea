"""借还台: the scanner-first circulation desk.

One input always has the focus. A USB scanner types a code and Enter, so the whole desk is driven from it:

- a library card → that child is at the desk; a book's barcode label → lend it to that child;
- with a child at the desk, a book they hold → it comes back (the child stays: the most common visit is "return the
  overdue book, borrow a new one"); a book someone else holds → "回车 = 从 X 还回并借给 Y" (Enter confirms, one
  transaction; anything else scanned or Esc drops the offer);
- a book's barcode with nobody at the desk → take it back (whoever had it);
- a name or pinyin initials ("wzh") → the child, or a short list to pick from with ↑↓ and Enter;
- F5 renews the loan selected in the child's table (never a guess: F5 is the key people press to refresh),
  Ctrl+Z undoes the last action, F8 shows the overdue list, Esc steps back (offer, text, child, list).

Every rule lives in ``services.circulation``; this page only routes the scan and shows what the service said, in
green (done) or red (refused), with a sound and a short history.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain.errors import DomainError, PermissionDenied
from center_app.domain.permissions import READ, WRITE, allowed
from center_app.domain.states import CopyStatus
from center_app.services import circulation
from center_app.services.circulation import BorrowerRow, BorrowerStatus, DeskResult, OverdueRow, ScanKind
from center_app.ui.events import Area, DataEvents
from center_app.ui.pages.base import Page, page_heading
from center_app.ui.pages.desk_child import DeskChildPanel
from center_app.ui.pages.desk_overdue import OverduePanel
from center_app.ui.widgets.fonts import bigger
from center_app.ui.widgets.match_list import MatchList, move_selection
from center_app.ui.widgets.scan_message import MessageKind, ScanHistory, ScanMessage
from center_app.ui.widgets.scanner_input import ScannerInput, looks_like_code
from center_app.ui.widgets.sound import DeskSound

_OFF_THE_SHELF = frozenset({CopyStatus.DAMAGED, CopyStatus.LOST, CopyStatus.WITHDRAWN})
HISTORY_SIZE = 20
UNDO_DEPTH = 20
MATCH_ROWS_SHOWN = 8
#: an offer ("回车 = 从 X 还回并借给 Y") older than this is not taken by Enter: the next person at the desk may press it
OFFER_SECONDS = 60


@dataclasses.dataclass(frozen=True)
class _Offer:
    """What Enter in the empty desk input will do, and since when it is offered."""

    action: Callable[[], DeskResult]
    since: float


class DeskPage(Page):
    areas = (
        Area.LOANS,
        Area.BOOKS,
        Area.CHILDREN,
        Area.SETTINGS,
    )  # settings: loan rules and the sound switch
    reloads_on_own_changes = False  # the desk shows what it did at once

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
        self._undo: list[DeskResult] = []  # newest last
        self._offer: _Offer | None = None
        #: seconds since some fixed point; tests replace it to let an offer grow old
        self.clock: Callable[[], float] = time.monotonic

        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(8)
        keys = self.tr("F5 续借选中的书　Ctrl+Z 撤销　F8 逾期名单　Esc 换人/结束　↑↓ 选书或选人")
        outer.addLayout(page_heading(self.tr("借还台"), keys, "deskKeysHint"))

        self.input = ScannerInput()
        self.input.setObjectName("deskInput")
        self.input.setFont(bigger(self, 9))
        self.input.setMinimumHeight(52)
        self.input.setPlaceholderText(self.tr("扫借书证或图书条码，或输入儿童姓名 / 拼音首字母，按回车"))
        self.input.setClearButtonEnabled(False)
        self.input.scanned.connect(self._on_enter)
        self.input.typed.connect(self._on_enter)
        self.input.textEdited.connect(self._on_text_edited)
        self.input.installEventFilter(self)
        self.input.keep_focus_in(self)
        outer.addWidget(self.input)

        self.message = ScanMessage("deskMessage")
        outer.addWidget(self.message)

        self.body = QStackedWidget()
        self.body.setObjectName("deskBody")
        self.body.addWidget(self._build_main())
        self.overdue_panel = OverduePanel(
            self.ops, lambda exc: self._say(exc.message, "error"), can_read=self.can_read
        )
        self.overdue_panel.print_button.clicked.connect(self.print_slips)
        self.overdue_panel.closed.connect(lambda: self.show_overdue(False))
        # the names tests and scripts use
        self.overdue_class, self.overdue_table = self.overdue_panel.class_box, self.overdue_panel.table
        self.print_button = self.overdue_panel.print_button
        self.body.addWidget(self.overdue_panel)
        outer.addWidget(self.body, 1)
        outer.addLayout(self._build_buttons())

        # The matches list floats under the input (over the page, not in the layout): nothing else moves.
        self.matches = MatchList(
            "deskMatches", self.input, rows_shown=MATCH_ROWS_SHOWN, font_extra=4, floating=True, parent=self
        )
        self.matches.picked.connect(self._picked)

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
        self.child_view = DeskChildPanel()
        # the names tests and scripts use
        self.child_panel, self.loans = self.child_view.frame, self.child_view.loans
        self.child_name, self.child_quota = self.child_view.name, self.child_view.quota
        self.child_overdue = self.child_view.overdue
        row.addWidget(self.child_view, 3)

        right = QVBoxLayout()
        right.setSpacing(4)
        right.addWidget(QLabel(self.tr("最近操作")))
        self.history = ScanHistory("deskHistory", HISTORY_SIZE)
        right.addWidget(self.history, 1)
        row.addLayout(right, 2)
        return main

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
                self.overdue_panel.reload()
        super().refresh()

    @property
    def message_kind(self) -> MessageKind:
        """What the message line says now: "ok", "error" or "info"."""
        return self.message.kind

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        QTimer.singleShot(0, self._shown)

    def _shown(self) -> None:
        if self.isVisible():
            self.ensure_fresh()
            self.focus_input()

    def focus_input(self) -> None:
        self.input.take_focus()

    def scan_target(self) -> ScannerInput | None:
        return self.input if self.can_write else None

    def replay_scan(self, code: str) -> None:
        self.ensure_fresh()
        self.handle_scan(code)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.input and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._input_key(event)
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
            move_selection(self.matches if self.matches.isVisible() else self.loans, step)
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

    # --- the scan ---------------------------------------------------------------------------------------------

    def _on_text_edited(self, _text: str) -> None:
        if self.matches.isVisible():
            self.matches.withdraw()  # typing or scanning something new replaces the list

    def _on_enter(self, text: str) -> None:
        """Enter in the desk input (which has cleared itself): a scan, a typed name, or a pick from the matches."""
        if not self.matches.enter(text) and text.strip():
            self.handle_scan(text)
        self.focus_input()

    def _refuse(self, exc: DomainError) -> None:
        self._refused(exc.message)

    def handle_scan(self, text: str) -> None:
        """What Enter in the desk input does with ``text`` (a scanned code or a typed name)."""
        if not self.can_write:
            return
        self._offer = None  # something new was scanned: the offer is not taken
        classified = self.ops.run(lambda: circulation.classify_scan(self.ctx, text), refused=self._refuse)
        scan = classified.value
        if scan is None:
            pass
        elif scan.kind == "child" and scan.child is not None:
            self.set_child(scan.child)
        elif scan.kind == "copy":
            self._scan_copy(scan)
        elif scan.kind == "unknown":
            self._find_by_name(text, scan)
        elif scan.kind == "empty":
            self._say(scan.message, "info")
        else:  # an ISBN, or a code that is both a card and a book
            self._refused(scan.message)
        self.focus_input()

    def _scan_copy(self, scan: ScanKind) -> None:
        code = scan.code
        if self.child is not None:
            child = self.child
            if scan.holder is not None and scan.holder.id == child.id:
                self._run(lambda: circulation.checkin(self.ctx, code))  # their own book: back, and they stay
            elif scan.holder is not None:
                self._ask(
                    self.tr("《%1》还在 %2 名下。回车 = 从 %2 还回并借给 %3；Esc = 不借。")
                    .replace("%1", scan.title)
                    .replace("%2", scan.holder.name)
                    .replace("%3", child.name),
                    lambda: circulation.return_and_lend(self.ctx, child.id, code),
                )
            else:
                self._run(lambda: circulation.checkout(self.ctx, child.id, code))
        elif scan.holder is not None:
            self._run(lambda: circulation.checkin(self.ctx, code))
        elif scan.copy_status in _OFF_THE_SHELF:
            # Not an error of the person at the desk, and never an invitation to lend it.
            self._notice(
                self.tr("《%1》（%2）%3，没有借出，也不能借出。修好或找回后，请在图书目录中改为“在架”。")
                .replace("%1", scan.title)
                .replace("%2", code)
                .replace("%3", self._off_the_shelf_label(scan.copy_status))
            )
        else:
            self._notice(
                self.tr("《%1》在架上，没有借出，不用还。要借这本书，请先扫借书证或输入儿童姓名。").replace(
                    "%1", scan.title
                )
            )

    def _off_the_shelf_label(self, status: str) -> str:
        labels = {
            CopyStatus.DAMAGED: self.tr("已登记为损坏"),
            CopyStatus.LOST: self.tr("已登记为遗失"),
            CopyStatus.WITHDRAWN: self.tr("已剔除"),
        }
        return labels.get(CopyStatus(status), "")

    # --- the offer Enter takes --------------------------------------------------------------------------------

    def _ask(self, text: str, action: Callable[[], DeskResult]) -> None:
        self._offer = _Offer(action, self.clock())
        self._say(text, "ask")
        self.sound.notice()

    @property
    def offer_open(self) -> bool:
        return self._offer is not None

    def take_offer(self) -> None:
        """Enter in the empty input: do what the yellow line offers (if it is still fresh)."""
        offer, self._offer = self._offer, None
        if offer is None:
            return
        if self.clock() - offer.since > OFFER_SECONDS:
            self._refused(self.tr("这个提示已经过了一分钟，没有办理。请重新扫书。"))
            return
        self._run(offer.action)

    def _drop_offer(self) -> None:
        if self._offer is not None:
            self._offer = None
            self._say(self.tr("没有办理。请继续扫书或扫借书证。"), "info")

    def _find_by_name(self, text: str, scan: ScanKind) -> None:
        done = self.ops.run(lambda: circulation.find_borrower(self.ctx, text), refused=self._refuse)
        if not done.ok:
            return
        found = done.value or []
        if len(found) == 1:
            self.set_child(found[0])
        elif found:
            self.matches.offer(text.strip(), found)
            self._say(
                self.tr("找到 %1 名儿童：按 ↑↓ 选择，回车确定，Esc 取消。").replace("%1", str(len(found))),
                "info",
            )
        elif looks_like_code(text):
            self._refused(scan.message)
        else:
            self._refused(
                self.tr("没有找到姓名或拼音首字母是“%1”的儿童。请检查后重输，或扫借书证。").replace(
                    "%1", text.strip()
                )
            )

    # --- choosing a child from several ------------------------------------------------------------------------

    def _picked(self, chosen: BorrowerRow) -> None:
        self.input.clear()
        self.set_child(chosen)
        self.focus_input()

    # --- the child at the desk --------------------------------------------------------------------------------

    def set_child(self, child: BorrowerRow) -> None:
        self._offer = None
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
        elif status.has_overdue:
            # The overdue book is usually in the child's hand: scanning it takes it back and lending goes on.
            self._refused(status.blocked_reason + self.tr("带来了就扫这本书还书，还书后马上可以借。"))
        else:
            self._refused(status.blocked_reason)  # it names the child already
        self.focus_input()

    def clear_child(self) -> None:
        self._offer = None
        if self.child is not None:
            self._say(
                self.tr("已结束 %1 的借书。没有选人时扫书就是还书。").replace("%1", self.child.name), "info"
            )
        self.child = None
        self.status = None
        self._show_child()
        self.focus_input()

    def escape(self) -> None:
        """Esc steps back one level: the offer, the matches list, the typed text, the child, the overdue list."""
        if self._offer is not None:
            self._drop_offer()
        elif self.matches.isVisible():
            self.matches.withdraw()
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
            child_id = self.child.id
            done = self.ops.run(lambda: circulation.borrower_status(self.ctx, child_id), refused=self._refuse)
            if done.ok:
                self.status = done.value
            else:  # deleted meanwhile, say
                self.child, self.status = None, None
        else:
            self.status = None
        self._show_child()

    def _show_child(self) -> None:
        self.child_view.show_status(self.status)

    def _selected_loan_id(self) -> int | None:
        return self.child_view.selected_loan_id()

    # --- actions ----------------------------------------------------------------------------------------------

    def _run(self, action: Callable[[], DeskResult]) -> DeskResult | None:
        done = self.ops.run(action, changes=Area.LOANS, refused=self._refuse)
        if done.refused:
            self._reload_child()  # the refusal may come from a change made at another desk
        if done.value is None:
            return None
        result = done.value
        if result.undo_token:
            self._undo.append(result)
            del self._undo[:-UNDO_DEPTH]
        self._reload_child()
        self._done(result.message + self._what_next(result))
        if result.kind == "renew":
            self.child_view.select_loan(result.barcode)
        if self.overdue_shown:
            self.overdue_panel.reload()
        self.focus_input()
        return result

    def _what_next(self, result: DeskResult) -> str:
        """After a book came back with the child still at the desk: may they borrow now? (Often: yes, at once.)"""
        status = self.status
        if result.kind != "checkin" or status is None or status.child.id != result.child.id:
            return ""
        if status.can_borrow:
            return (
                self.tr("%1 还可借 %2 本，请扫书。")
                .replace("%1", status.child.name)
                .replace("%2", str(status.may_borrow_more))
            )
        return status.blocked_reason

    def renew_selected(self) -> None:
        """F5: renew the loan the librarian selected in the child's table — nothing else (no guessing)."""
        if not self.can_write:
            return
        self._offer = None
        child = self.child
        if child is None:
            self._refused(self.tr("续借：请先扫借书证，在表格中选中要续借的书（↑↓ 选择），再按 F5。"))
        elif self.overdue_shown:
            self._refused(
                self.tr("续借：请先按 F8 关上逾期名单，在 %1 的表格中选中要续借的书。").replace(
                    "%1", child.name
                )
            )
        elif (loan_id := self._selected_loan_id()) is None:
            self._refused(
                self.tr("续借：请在 %1 的表格中选中要续借的书（↑↓ 选择），再按 F5。").replace(
                    "%1", child.name
                )
            )
        else:
            self._run(lambda: circulation.renew(self.ctx, loan_id, child_id=child.id))
        self.focus_input()

    def undo_last(self) -> None:
        """Ctrl+Z: undo the newest action not undone yet (again for the one before)."""
        if not self.can_write:
            return
        self._offer = None
        if not self._undo:
            self._say(self.tr("没有可以撤销的操作。"), "info")
            self.focus_input()
            return
        token = self._undo.pop().undo_token
        self._run(lambda: circulation.undo(self.ctx, token))

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
        """Nothing to do, and nobody's mistake: a note, in the history too, with the "look" sound (never silence)."""
        self._say(text, "info")
        self.history.add(text, "info")
        self.sound.notice()

    def _sound_toggled(self, on: bool) -> None:
        self.sound.enabled = on
        if allowed(self.ctx.actor.role, "settings", WRITE):

            def save() -> None:
                current = circulation.get_loan_settings(self.ctx)
                circulation.save_loan_settings(self.ctx, dataclasses.replace(current, sound_on=on))

            def refused(exc: DomainError) -> None:
                if not isinstance(exc, PermissionDenied):  # then it is kept for this session only
                    self._say(exc.message, "error")

            if self.ops.run(save, changes=Area.SETTINGS, refused=refused).ok:
                self._sound_choice = None
                self.focus_input()
                return
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
        was_shown = self.overdue_shown
        if show:
            self._offer = None
            self.matches.withdraw()
            self.overdue_panel.reload()
            # The list replaces what was on screen: so does the line (an old red error would look like a new one).
            self._say(self.tr("逾期名单：可按班级筛选、打印催还单。扫书照常还书；F8 或 Esc 关上。"), "info")
        elif was_shown:
            self._say(self.tr("请扫借书证开始借书；不选人时扫书就是还书。"), "info")
        main = self.body.widget(0)
        assert main is not None  # the scanning part, added first
        self.body.setCurrentWidget(self.overdue_panel if show else main)
        self.focus_input()

    def shown_overdue_rows(self) -> list[OverdueRow]:
        return self.overdue_panel.shown_rows()

    def print_slips(self) -> Path | None:
        """One slip per child of the list shown (the class filter applies), to a PDF in exports/, audited."""
        today = dt.date.today()
        path = self.ctx.data_dir.exports / f"逾期催还单-{today:%Y%m%d}.pdf"
        class_name = self.overdue_panel.class_name
        # One use case: the audit entry first, then the PDF (the slips carry children's and guardians' names).
        done = self.ops.run(
            lambda: circulation.print_overdue_slips(self.ctx, path, class_name=class_name, today=today),
            refused=self._refuse,
            writes=path,
        )
        printed = done.value
        if printed is None:
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
