"""No scan is ever lost: while the desk (or check-in) is shown, a scanner's burst reaches its scanner input wherever
the focus is — after a click on the navigation, on the overdue list's class filter, in a search box.

A USB scanner types into whatever has the keyboard focus, so these tests type each key into
``QApplication.focusWidget()`` as it is at that key, all at once, then Enter.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout, QWidget
from sqlalchemy import update

from center_app.db.models import Loan
from center_app.services import circulation
from center_app.ui.main_window import PageSpec
from center_app.ui.pages.base import Page
from center_app.ui.widgets.scanner_input import BURST_GAP_MS, ScannerInput
from tests.gui.test_desk import add_child, add_title, install_desk, open_loans


class Clock:
    """Milliseconds the test moves on by hand (typing slowly without waiting)."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def scan_into_focus(qtbot, code: str) -> None:
    """A scanner: every key goes to whatever has the focus when it arrives, then Enter."""
    for char in code:
        qtbot.keyClick(focus(), char)
    qtbot.keyClick(focus(), Qt.Key.Key_Return)


@pytest.fixture
def library(window) -> dict[str, int]:
    ctx = window.ctx
    ids = {
        "wzh": add_child(ctx, "王子涵", 3, "三年级2班", "C00001"),
        "lxm": add_child(ctx, "李小明", 1, "一年级1班", "C00002"),
    }
    add_title(ctx, "西游记", "T0000001", "T0000002")
    add_title(ctx, "草房子", "T0000003")
    return ids


@pytest.fixture
def desk(qtbot, window, library):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    page = install_desk(window)
    page.sounds = []  # type: ignore[attr-defined]
    page.sound.player = page.sounds.append  # type: ignore[attr-defined]
    # A scanner's keys come 2–30 ms apart; a loaded test machine may take longer between two key clicks, so the
    # router's clock stands still unless a test moves it (typing slowly).
    window.scan_router.clock = Clock()
    page.input.clock = window.scan_router.clock
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.input, timeout=2000)
    return page


# --- the desk ---------------------------------------------------------------------------------------------------


def test_a_scan_after_a_click_on_the_navigation_returns_the_book(qtbot, window, desk, library) -> None:
    circulation.checkout(window.ctx, library["wzh"], "T0000001")
    row = window.stack.indexOf(desk)
    item = window.nav.item(row)
    qtbot.mouseClick(
        window.nav.viewport(), Qt.MouseButton.LeftButton, pos=window.nav.visualItemRect(item).center()
    )
    qtbot.wait(20)  # the desk input would take the focus back by now if it were going to
    assert focus() is window.nav  # the librarian clicked 借还台 in the navigation: the focus stayed there

    scan_into_focus(qtbot, "T0000001")
    assert open_loans(window.ctx) == []  # returned
    assert desk.message_kind == "ok" and "已还" in desk.message.text()
    assert window.current_page() is desk and window.nav.currentRow() == row  # the navigation did not jump
    assert focus() is desk.input and desk.input.text() == ""

    scan_into_focus(qtbot, "C00002")  # and the next scans go on as usual
    scan_into_focus(qtbot, "T0000003")
    assert open_loans(window.ctx) == [(library["lxm"], "T0000003", 0)]
    assert desk.sounds == ["ok", "ok"]  # type: ignore[attr-defined]


def test_a_scan_after_a_click_on_the_overdue_class_filter_returns_the_book(
    qtbot, window, desk, library
) -> None:
    circulation.checkout(window.ctx, library["wzh"], "T0000001")
    circulation.checkout(window.ctx, library["wzh"], "T0000003")
    circulation.checkout(window.ctx, library["lxm"], "T0000002")
    with window.ctx.db.session() as s:  # all three books are late
        s.execute(update(Loan).values(due_on=dt.date.today() - dt.timedelta(days=10)))
    qtbot.keyClick(desk.input, Qt.Key.Key_F8)
    assert desk.overdue_shown and desk.overdue_table.rowCount() == 3
    combo = desk.overdue_class
    combo.setCurrentIndex(combo.findText("三年级2班"))
    assert desk.overdue_table.rowCount() == 2

    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)  # the drop-down opens…
    qtbot.keyClick(focus(), Qt.Key.Key_Escape)  # …and closes: the focus stays on the filter
    qtbot.waitUntil(lambda: not combo.view().isVisible(), timeout=2000)
    combo.setFocus()
    assert focus() is combo

    scan_into_focus(qtbot, "T0000002")  # 一年级1班's book, scanned while the focus is on the filter
    assert [barcode for _child, barcode, _renewals in open_loans(window.ctx)] == ["T0000001", "T0000003"]
    assert desk.message_kind == "ok" and "已还" in desk.message.text()
    assert combo.currentText() == "三年级2班"  # the filter did not change
    assert desk.overdue_shown and focus() is desk.input

    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)  # a scan while the drop-down is open
    qtbot.waitUntil(combo.view().isVisible, timeout=2000)
    scan_into_focus(qtbot, "T0000001")
    assert [barcode for _child, barcode, _renewals in open_loans(window.ctx)] == ["T0000003"]
    assert combo.currentText() == "三年级2班" and not combo.view().isVisible()
    assert desk.overdue_table.rowCount() == 1


def test_keys_a_person_presses_stay_where_they_are(qtbot, window, desk, library) -> None:
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)  # arrows still move through the navigation
    assert window.current_page() is not desk
    window.show_page("deskPage")
    desk.clear_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    desk.clear_button.setFocus()
    qtbot.keyClick(desk.clear_button, Qt.Key.Key_Space)  # a person pressing a button with Space
    assert QApplication.focusWidget() is not None


def test_a_page_without_a_scanner_input_keeps_its_keys(qtbot, window, library) -> None:
    window.show_page("overviewPage")
    window.nav.setFocus()
    scan_into_focus(qtbot, "T0000001")
    assert focus() is window.nav  # nothing to send it to: nothing moved


def test_a_modal_dialog_keeps_its_keys(qtbot, window, desk, library) -> None:
    circulation.checkout(window.ctx, library["wzh"], "T0000001")
    dialog = QDialog(window)
    box = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(box)
    dialog.setModal(True)
    dialog.show()
    try:
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
        box.setFocus()
        scan_into_focus(qtbot, "T0000001")
        assert box.text() == "T0000001"
        assert len(open_loans(window.ctx)) == 1
    finally:
        dialog.close()


# --- a search box on a page that takes scans --------------------------------------------------------------------


class SearchPage(Page):
    """A page with a scanner input and a search box (the desk has none; later pages will)."""

    def __init__(self, ctx, events) -> None:
        super().__init__(ctx, events)
        layout = QVBoxLayout(self)
        self.input = ScannerInput(self)
        self.input.setObjectName("testScannerInput")
        self.search = QLineEdit(self)
        self.search.setObjectName("testSearch")
        layout.addWidget(self.input)
        layout.addWidget(self.search)
        self.heard: list[tuple[str, str]] = []
        self.searched: list[str] = []
        self.edited: list[str] = []  # what a page that searches as one types would search for
        self.search.textEdited.connect(self.edited.append)
        self.input.scanned.connect(lambda code: self.heard.append(("scanned", code)))
        self.input.typed.connect(lambda text: self.heard.append(("typed", text)))
        self.search.returnPressed.connect(lambda: self.searched.append(self.search.text()))

    def scan_target(self) -> QLineEdit | None:
        return self.input


@pytest.fixture
def search_page(qtbot, window) -> SearchPage:
    row = 1
    window.specs[row] = PageSpec("searchTestPage", "搜索", lambda: SearchPage(window.ctx, window.events))
    window.pages.pop(row, None)
    page = window.show_page("searchTestPage")
    assert isinstance(page, SearchPage)
    window.scan_router.clock = Clock()
    page.input.clock = window.scan_router.clock
    return page


def test_a_burst_in_a_search_box_goes_to_the_scanner_input(qtbot, window, search_page) -> None:
    page, clock = search_page, window.scan_router.clock
    page.search.setFocus()
    for char in "xyj":  # a person searching
        qtbot.keyClick(page.search, char)
        clock.now += BURST_GAP_MS * 4
    clock.now += 1000
    qtbot.keyClicks(page.search, "T0000001")  # then a child scans a book: all at once…
    assert page.search.text() == "xyjT0000001"  # (the keys were shown as they came)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # …and Enter at once
    assert page.heard == [("scanned", "T0000001")]
    assert page.search.text() == "xyj" and page.search.cursorPosition() == 3  # the search is as it was
    assert page.edited[-1] == "xyj"  # and a page searching as one types searches for it again
    assert page.searched == []  # its Enter was the scan's

    clock.now += 1000
    for char in "C00001":  # slow typing, even of a code, stays in the search box
        qtbot.keyClick(page.search, char)
        clock.now += BURST_GAP_MS * 4
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.search.text() == "xyjC00001" and page.searched == ["xyjC00001"]
    assert page.heard == [("scanned", "T0000001")]

    page.search.clear()
    qtbot.keyClicks(page.search, "wzh")  # fast, but not shaped like a code
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.searched[-1] == "wzh" and len(page.heard) == 1


def test_a_burst_on_a_list_goes_to_the_scanner_input_even_with_text_in_it(qtbot, window, search_page) -> None:
    page = search_page
    page.input.setText("wz")  # half-typed name left in the input
    window.nav.setFocus()
    scan_into_focus(qtbot, "C00002")
    assert page.heard == [("scanned", "C00002")]
    assert window.current_page() is page
