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

The timing is :class:`BurstDetector`'s, which :class:`KeyBursts` also uses to find a scanner's burst + Enter among
the keys typed into inputs that are not a scanner input (the sign-in screen's fields, a page's search box; see
``ui/scan_router.py``), so every part of the app tells a scan from typing by the same rules.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
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


def monotonic_ms() -> float:
    return time.monotonic() * 1000


#: keys that end what a scanner types
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
#: keys pressed on their own that say nothing about who types (a scanner sends Shift for capital letters)
MODIFIER_KEYS = (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr)


def typed_text(event: QKeyEvent) -> str:
    """The characters a key press types ("" for Enter, arrows, Backspace, a shortcut with Ctrl or Alt)."""
    text = event.text()
    if not text or not text.isprintable():
        return ""
    if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
        return ""
    return text


class BurstDetector:
    """The timing of a scanner: which characters came as one burst of fast keys, and whether Enter ends a scan.

    ``add()`` each typed character as it comes, ``interrupt()`` on a key a person presses (Backspace, an arrow),
    ``restart()`` when a new text begins; ``is_scan(text)`` at Enter. ``clock`` (milliseconds) is replaceable, so
    tests type slowly without waiting.
    """

    def __init__(self, clock: Callable[[], float] | None = None) -> None:
        self.clock: Callable[[], float] = clock or monotonic_ms
        self.stamps: list[float] = []  # when each character of the burst was typed
        self.burst = True  # no pause longer than BURST_GAP_MS and no other key since restart()

    def restart(self) -> None:
        self.stamps, self.burst = [], True

    def interrupt(self) -> None:
        self.burst = False

    def continues(self) -> bool:
        """Whether a character typed now would belong to the burst so far (none yet: it starts one)."""
        return self.burst and (not self.stamps or self.clock() - self.stamps[-1] <= BURST_GAP_MS)

    def add(self, characters: int = 1) -> None:
        now = self.clock()
        if self.stamps and now - self.stamps[-1] > BURST_GAP_MS:
            self.burst = False
        self.stamps += [now] * characters

    def is_scan(self, text: str) -> bool:
        """Whether ``text`` (what the burst typed, at Enter) came from a scanner: every character in one burst,
        long enough, shaped like a code, and Enter at once after the last key."""
        return (
            self.burst
            and bool(self.stamps)
            and len(self.stamps) == len(text)
            and len(normalise(text)) >= MIN_CODE_LENGTH
            and self.clock() - self.stamps[-1] <= BURST_GAP_MS * 2  # Enter follows the last key at once
            and looks_like_code(text)
        )


def _line_edit_of(widget: QWidget) -> QLineEdit | None:
    """The line edit that holds what is typed into ``widget`` (itself, an editable combo's, a spin box's)."""
    if isinstance(widget, QLineEdit):
        return None if widget.isReadOnly() else widget
    if isinstance(widget, QComboBox):
        return widget.lineEdit() if widget.isEditable() else None
    if isinstance(widget, QAbstractSpinBox):
        return None if widget.isReadOnly() else widget.findChild(QLineEdit)
    return None


def text_input_of(widget: QWidget) -> bool:
    """Whether keys typed into ``widget`` become text in it (an editable line edit, combo, spin box or text
    edit) — as opposed to a list, a table, a button, a tab bar, a check box or a combo one picks from."""
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return not widget.isReadOnly()
    return _line_edit_of(widget) is not None


def _snapshot(widget: QWidget) -> Callable[[], None]:
    """What puts ``widget``'s text (and cursor) back as it is now; nothing to do for a widget without text."""
    line = _line_edit_of(widget)
    if line is not None:
        text, cursor = line.text(), line.cursorPosition()

        def restore_line() -> None:
            if line.text() != text:
                line.setText(text)
                line.textEdited.emit(text)  # a page that follows typing (a search) follows this too
            line.setCursorPosition(cursor)

        return restore_line
    if isinstance(widget, QPlainTextEdit) and not widget.isReadOnly():
        plain, position = widget.toPlainText(), widget.textCursor().position()

        def restore_plain() -> None:
            widget.setPlainText(plain)
            cursor = widget.textCursor()
            cursor.setPosition(min(position, len(plain)))
            widget.setTextCursor(cursor)

        return restore_plain
    if isinstance(widget, QTextEdit) and not widget.isReadOnly():
        html, position = widget.toHtml(), widget.textCursor().position()

        def restore_rich() -> None:
            widget.setHtml(html)
            cursor = widget.textCursor()
            cursor.setPosition(min(position, len(widget.toPlainText())))
            widget.setTextCursor(cursor)

        return restore_rich
    return lambda: None


class KeyBursts:
    """Finds a scanner's burst + Enter among the keys typed into widgets that are not a scanner input.

    Call :meth:`key_press` with each key press before the widget gets it. Keys pass on as they are (a person typing
    a password or a search sees every letter), and the widget's text is remembered when a burst starts; when Enter
    ends a burst that :class:`BurstDetector` calls a scan, the widget's text is put back as it was before the burst
    and the code is returned — the caller then swallows the Enter and does something else with the code. A pause,
    another widget, Backspace or an arrow starts afresh, so a slowly typed search followed by a scan still finds
    the scan (the search is what is put back).
    """

    def __init__(
        self, clock: Callable[[], float] | None = None, accepts: Callable[[str], bool] | None = None
    ) -> None:
        self.detector = BurstDetector(clock)
        #: a last word on a code-shaped burst (the sign-in screen takes only the centre's own barcodes)
        self.accepts: Callable[[str], bool] = accepts or (lambda _code: True)
        self._widget: QWidget | None = None
        self._restore: Callable[[], None] = lambda: None
        self._text = ""

    @property
    def clock(self) -> Callable[[], float]:
        return self.detector.clock

    @clock.setter
    def clock(self, clock: Callable[[], float]) -> None:
        self.detector.clock = clock

    def forget(self) -> None:
        self._widget, self._restore, self._text = None, lambda: None, ""
        self.detector.restart()

    def key_press(self, widget: QWidget, event: QKeyEvent) -> str | None:
        """The scanned code if ``event`` is the Enter that ends a scan into ``widget`` (its text is already put back:
        swallow the Enter), else None (let the key through)."""
        key = event.key()
        if key in ENTER_KEYS:
            code: str | None = None
            if widget is self._widget and self.detector.is_scan(self._text):
                code = normalise(self._text)
                if not self.accepts(code):
                    code = None
            restore = self._restore
            self.forget()
            if code is not None:
                restore()
            return code
        text = typed_text(event)
        if text:
            if widget is not self._widget or not self.detector.continues():
                self.forget()
                self._widget, self._restore = widget, _snapshot(widget)
            self.detector.add(len(text))
            self._text += text
        elif key not in MODIFIER_KEYS:
            self.forget()  # Backspace, an arrow, a shortcut: a person at work
        return None

    def watch(self, widget: QWidget, event: QEvent) -> str | None:
        """:meth:`key_press` for an event filter: None for anything but a key press."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self.key_press(widget, event)
        return None


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
        # When each character of the current text was typed, while it is a burst (see ``clock``).
        self._bursts = BurstDetector()
        self._composing = False  # an input method is composing (pinyin shown, not committed yet)
        self._page: QWidget | None = None
        self._other_inputs = OTHER_INPUTS
        self._may_take_focus: Callable[[], bool] = lambda: True
        self.returnPressed.connect(self._enter)

    @property
    def clock(self) -> Callable[[], float]:
        """Milliseconds since some fixed point; tests replace it to type slowly without waiting."""
        return self._bursts.clock

    @clock.setter
    def clock(self, clock: Callable[[], float]) -> None:
        self._bursts.clock = clock

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
        if self._starts_afresh() and not self._composing:
            self._bursts.restart()
        self._bursts.add(characters)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if typed_text(event):
            self._count(len(event.text()))
        elif event.key() not in (*ENTER_KEYS, *MODIFIER_KEYS):
            self._bursts.interrupt()  # Backspace, arrows, a paste: a person at work
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 - Qt override
        commit = event.commitString()
        if event.preeditString():  # the input method is composing: someone is typing a name
            if self._starts_afresh() and not self._composing:
                self._bursts.restart()
            self._composing = True
            self._bursts.interrupt()
        if commit:
            # One character per commit and fast is a scanner going through the IME (digits, Latin letters);
            # a commit of several characters is a word the person chose from the IME's candidates.
            if len(commit) > 1:
                if self._starts_afresh():
                    self._bursts.restart()
                self._bursts.add(len(commit))
                self._bursts.interrupt()
            else:
                self._count(1)
        super().inputMethodEvent(event)
        self._composing = bool(event.preeditString())

    def is_scan(self, text: str) -> bool:
        """Whether ``text`` (the input's text at Enter) came from a scanner."""
        return self._bursts.is_scan(text)

    def _enter(self) -> None:
        text = self.text()
        scan = self.is_scan(text)
        self._bursts.restart()
        self._composing = False
        self.clear()
        if not text.strip():
            return
        if scan:
            self.scanned.emit(normalise(text))
        else:
            self.typed.emit(text)
