"""The one input of a scanner-first page (the desk, check-in; later the equipment desk and the stocktake).

A USB barcode scanner is a keyboard that types a code very fast and presses Enter; staff type a name or pinyin
initials into the same box. On Enter the input clears itself and says which it was:

- ``scanned(code)``: a burst of fast keys that looks like a code (:func:`looks_like_code`), the code normalised
  (full-width digits from a Chinese input method become ASCII);
- ``typed(text)``: anything else — a name, initials, a card number typed by hand, a pasted text.

It keeps the focus (a scanner types into whatever has it): when the focus leaves it for something that is not
another input of the same page — a button, a table — it takes it back (:meth:`ScannerInput.keep_focus_in`).

Its input-method hints ask an input method to prefer Latin letters and not to predict, so a scanner's letters are
not composed into Chinese while the IME is on; typing a Chinese name through the IME still works (its commit
string counts as typed, never as a burst of keys).
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

#: at most this many milliseconds between two keys of a scan (scanners: 2–30 ms; fast typists: 80 ms and more)
BURST_GAP_MS = 50
#: the fewest characters a scanned code has
MIN_CODE_LENGTH = 3
#: widgets of the page that may keep the focus instead of the scanner input (a class filter, a form field…)
OTHER_INPUTS: tuple[type, ...] = (QLineEdit, QComboBox, QAbstractSpinBox, QTextEdit, QPlainTextEdit)


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()  # full-width digits from a Chinese input method


def looks_like_code(text: str) -> bool:
    """A barcode (ASCII with a digit, no space) rather than a name or pinyin initials."""
    text = normalise(text)
    return bool(text) and text.isascii() and any(c.isdigit() for c in text) and " " not in text


def should_take_focus_back(page: QWidget, scanner_input: QWidget, other_inputs: tuple[type, ...]) -> bool:
    """After ``scanner_input`` lost the focus: take it back, unless the focus went to another input of the page
    (a filter, a form field — ``other_inputs``) or left the page (the navigation, a dialog, another window)."""
    widget = QApplication.focusWidget()
    if widget is scanner_input:
        return False
    if widget is None:
        return page.window().isActiveWindow()
    return page.isAncestorOf(widget) and not isinstance(widget, other_inputs)


class ScannerInput(QLineEdit):
    scanned = Signal(str)
    typed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxLength(100)
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhPreferLatin
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhNoAutoUppercase
        )
        #: milliseconds since some fixed point; tests replace it to type slowly without waiting
        self.clock: Callable[[], float] = lambda: time.monotonic() * 1000
        self._stamps: list[float] = []  # when each character of the current text was typed, while it is a burst
        self._burst = True
        self._composing = False  # an input method is composing (pinyin shown, not committed yet)
        self._page: QWidget | None = None
        self._other_inputs = OTHER_INPUTS
        self._may_take_focus: Callable[[], bool] = lambda: True
        self.returnPressed.connect(self._enter)

    # --- focus ------------------------------------------------------------------------------------------------

    def keep_focus_in(
        self,
        page: QWidget,
        *,
        other_inputs: tuple[type, ...] = OTHER_INPUTS,
        unless: Callable[[], bool] | None = None,
    ) -> None:
        """Take the focus back whenever it leaves for a widget of ``page`` that is not one of ``other_inputs``
        (or for nothing while the window is active) — not while ``unless()`` (a panel of its own is open)."""
        self._page = page
        self._other_inputs = other_inputs
        self._may_take_focus = (lambda: not unless()) if unless is not None else (lambda: True)

    def take_focus(self) -> None:
        """Focus the input, if it may have it (enabled, shown, no panel of the page in front of it)."""
        if self.isEnabled() and self.isVisible() and self._may_take_focus():
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        if self._page is not None:
            QTimer.singleShot(0, self._refocus_if_lost)

    def _refocus_if_lost(self) -> None:
        page = self._page
        if page is None or not self.isVisible() or not self.isEnabled() or not self._may_take_focus():
            return
        if should_take_focus_back(page, self, self._other_inputs):
            self.take_focus()

    # --- telling a scan from typing ---------------------------------------------------------------------------

    def _starts_afresh(self) -> bool:
        """The next character replaces the whole text (empty, or all selected: a scan after a list of names)."""
        return not self.text() or self.selectedText() == self.text()

    def _count(self, characters: int) -> None:
        now = self.clock()
        if self._starts_afresh() and not self._composing:
            self._stamps, self._burst = [], True
        elif self._stamps and now - self._stamps[-1] > BURST_GAP_MS:
            self._burst = False
        self._stamps += [now] * characters

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        text = event.text()
        typing = bool(text) and text.isprintable() and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if typing:
            self._count(len(text))
        elif event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Shift):
            self._burst = False  # Backspace, arrows, a paste: a person at work
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 - Qt override
        commit = event.commitString()
        if event.preeditString():  # the input method is composing: someone is typing a name
            if self._starts_afresh() and not self._composing:
                self._stamps = []
            self._composing, self._burst = True, False
        if commit:
            # One character per commit and fast is a scanner going through the IME (digits, Latin letters);
            # a commit of several characters is a word the person chose from the IME's candidates.
            if len(commit) > 1:
                if self._starts_afresh():
                    self._stamps = []
                self._burst = False
                self._stamps += [self.clock()] * len(commit)
            else:
                self._count(1)
        super().inputMethodEvent(event)
        self._composing = bool(event.preeditString())

    def is_scan(self, text: str) -> bool:
        """Whether ``text`` (the input's text at Enter) came from a scanner."""
        return (
            self._burst
            and len(self._stamps) == len(text)
            and len(normalise(text)) >= MIN_CODE_LENGTH
            and self.clock() - self._stamps[-1] <= BURST_GAP_MS * 2  # Enter follows the last key at once
            and looks_like_code(text)
        )

    def _enter(self) -> None:
        text = self.text()
        scan = bool(self._stamps) and self.is_scan(text)
        self._stamps, self._burst, self._composing = [], True, False
        self.clear()
        if not text.strip():
            return
        if scan:
            self.scanned.emit(normalise(text))
        else:
            self.typed.emit(text)
