"""ScannerInput: a scanner's burst + Enter is a scan; typing, a paste or an input method's word is typed text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget

from center_app.ui.widgets.scanner_input import BURST_GAP_MS, ScannerInput, looks_like_code


class Clock:
    """Milliseconds the test moves on by hand (typing slowly without waiting)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def box(qtbot):
    page = QWidget()
    layout = QVBoxLayout(page)
    scanner = ScannerInput(page)
    scanner.setObjectName("scanner")
    other = QLineEdit(page)
    button = QPushButton("按钮", page)
    for widget in (scanner, other, button):
        layout.addWidget(widget)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    scanner.clock = Clock()
    scanner.setFocus()
    heard: list[tuple[str, str]] = []
    scanner.scanned.connect(lambda code: heard.append(("scanned", code)))
    scanner.typed.connect(lambda text: heard.append(("typed", text)))
    return page, scanner, other, button, heard


def commit(widget: QWidget, text: str, preedit: str = "") -> None:
    event = QInputMethodEvent(preedit, [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_looks_like_code() -> None:
    assert looks_like_code("9787020002207") and looks_like_code(" C00001 ") and looks_like_code("Ｃ０００１２")
    assert not looks_like_code("wzh") and not looks_like_code("王小明") and not looks_like_code("C 001")


def test_a_fast_burst_and_enter_is_a_scan(qtbot, box) -> None:
    _page, scanner, _other, _button, heard = box
    qtbot.keyClicks(scanner, "T0000001")  # all at once, as a scanner types
    qtbot.keyClick(scanner, Qt.Key.Key_Return)
    assert heard == [("scanned", "T0000001")]
    assert scanner.text() == ""  # ready for the next scan


def test_slow_typing_is_typed_even_when_it_looks_like_a_code(qtbot, box) -> None:
    _page, scanner, _other, _button, heard = box
    for char in "C00001":
        qtbot.keyClick(scanner, char)
        scanner.clock.now += BURST_GAP_MS * 4  # a person reading the card
    qtbot.keyClick(scanner, Qt.Key.Key_Return)
    assert heard == [("typed", "C00001")]


def test_names_and_initials_are_typed(qtbot, box) -> None:
    _page, scanner, _other, _button, heard = box
    qtbot.keyClicks(scanner, "wzh")  # fast, but not a code
    qtbot.keyClick(scanner, Qt.Key.Key_Return)
    qtbot.keyClicks(scanner, "C0001")
    qtbot.keyClick(scanner, Qt.Key.Key_Backspace)  # corrected by hand
    qtbot.keyClicks(scanner, "2")
    qtbot.keyClick(scanner, Qt.Key.Key_Return)
    qtbot.keyClick(scanner, Qt.Key.Key_Return)  # Enter in an empty box says nothing
    assert heard == [("typed", "wzh"), ("typed", "C0002")]


def test_a_chinese_name_through_an_input_method_is_typed_not_scanned(qtbot, box) -> None:
    _page, scanner, _other, _button, heard = box
    for preedit in ("w", "wa", "wan", "wang"):  # the IME composes the pinyin…
        commit(scanner, "", preedit)
    commit(scanner, "王")  # …and commits the chosen character
    for preedit in ("x", "xm"):
        commit(scanner, "", preedit)
    commit(scanner, "小明")
    qtbot.keyClick(scanner, Qt.Key.Key_Return)
    assert heard == [("typed", "王小明")]


def test_a_scan_while_an_input_method_is_on_still_arrives_as_a_code(qtbot, box) -> None:
    _page, scanner, _other, _button, heard = box
    assert scanner.inputMethodHints() & Qt.InputMethodHint.ImhPreferLatin  # asks the IME not to compose
    assert not scanner.inputMethodHints() & Qt.InputMethodHint.ImhLatinOnly  # Chinese names still possible
    for char in "Ｃ０００１２":  # a Chinese IME in full-width mode passes each key on as its own commit
        commit(scanner, char)
    qtbot.keyClick(scanner, Qt.Key.Key_Return)
    assert heard == [("scanned", "C00012")]


def test_a_scan_replaces_a_selected_search(qtbot, box) -> None:
    _page, scanner, _other, _button, heard = box
    for char in "wzh":
        qtbot.keyClick(scanner, char)
        scanner.clock.now += 300
    scanner.selectAll()  # a page keeps the search shown, selected, while its matches are listed
    qtbot.keyClicks(scanner, "C00001")
    qtbot.keyClick(scanner, Qt.Key.Key_Return)
    assert heard == [("scanned", "C00001")]


def test_the_focus_comes_back_unless_it_went_to_another_input(qtbot, box) -> None:
    page, scanner, other, button, _heard = box
    panel_open = False
    scanner.keep_focus_in(page, unless=lambda: panel_open)
    button.setFocus()  # a click on a table or a button of the page
    qtbot.waitUntil(lambda: scanner.hasFocus(), timeout=2000)
    other.setFocus()  # a filter of the page keeps it
    qtbot.wait(20)
    assert other.hasFocus()
    panel_open = True
    scanner.take_focus()
    assert other.hasFocus()  # a panel of the page is in front: the input does not take the focus
    panel_open = False
    scanner.take_focus()
    assert scanner.hasFocus()
