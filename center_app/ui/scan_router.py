"""No scan is ever lost: while a page that takes scans is shown, a scanner's burst reaches its scanner input
wherever the focus is.

A USB scanner types into whatever has the keyboard focus. After a click on the navigation list, a table, a button
or the desk's class filter, a scan used to do nothing (or jump the navigation, or change the filter) and the return
was not recorded. The router is an application event filter the main window installs. While the workspace is shown
and the current page's ``scan_target()`` (``pages/base.py``) is an input, for a key press in the main window:

- on a widget keys do not type into — a list, a table, a button, a tab bar, a check box, a combo box one picks
  from (or its open drop-down) — a typed character goes to the scanner input: the focus moves there and the key is
  delivered, and so is the Enter that ends the burst. The navigation and the filter never see them. Space, arrows,
  Tab, Enter after a pause and shortcuts stay where they are (a person pressing a button);
- on another text input of the page (a search box, a name field) keys stay there, but a burst that ends in Enter
  and looks like a code (``widgets.scanner_input.KeyBursts``, the same timing as the scanner input's) is taken back
  out — the input's text is put back as it was — and delivered to the scanner input as one scan. Slow typing and
  Enter after it stay in the input;
- keys already on the scanner input, and anything while a modal dialog is open, are left alone.

``clock`` (milliseconds) is the seam tests move by hand to type slowly without waiting.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget

from center_app.ui.widgets.scanner_input import (
    BURST_GAP_MS,
    ENTER_KEYS,
    MODIFIER_KEYS,
    BurstDetector,
    KeyBursts,
    text_input_of,
    typed_text,
)


def _key_of(char: str) -> Qt.Key:
    """The key a scanner presses for ``char`` (ASCII: Qt's key codes are the upper-case character codes)."""
    try:
        return Qt.Key(ord(char.upper()))
    except ValueError:
        return Qt.Key.Key_unknown


def type_code(target: QLineEdit, code: str) -> None:
    """Type ``code`` and Enter into ``target`` as a scanner does, replacing what it holds (a scan starts afresh)."""
    target.selectAll()
    for char in code:
        key = _key_of(char)
        QApplication.sendEvent(
            target, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, char)
        )
        QApplication.sendEvent(
            target, QKeyEvent(QEvent.Type.KeyRelease, key, Qt.KeyboardModifier.NoModifier, char)
        )
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(
            target, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
        )


class ScanRouter(QObject):
    """Install with ``QApplication.instance().installEventFilter(router)``; ``target()`` says where scans go now
    (None: nowhere — the lock screen, a page without a scanner input)."""

    def __init__(
        self, window: QWidget, target: Callable[[], QLineEdit | None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.target = target
        #: keys typed into another text input of the page
        self.bursts = KeyBursts()
        #: keys taken from a widget that does not type, delivered to the target
        self.redirected = BurstDetector()
        self._delivering = False

    @property
    def clock(self) -> Callable[[], float]:
        return self.bursts.clock

    @clock.setter
    def clock(self, clock: Callable[[], float]) -> None:
        self.bursts.clock = clock
        self.redirected.clock = clock

    # --- where a key landed -------------------------------------------------------------------------------------

    def _in_window(self, widget: QWidget) -> QWidget | None:
        """The widget of the main window a key press on ``widget`` belongs to: itself, or for an open drop-down
        (a popup window of its own) the combo box it drops down from; None for another window."""
        if widget.window() is self.window:
            return widget
        popup = widget.window()
        if popup.windowType() != Qt.WindowType.Popup:
            return None
        owner = popup.parentWidget()
        while owner is not None and not isinstance(owner, QComboBox):
            owner = owner.parentWidget()
        return owner if owner is not None and owner.window() is self.window else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or self._delivering or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QWidget):
            return False
        target = self.target()
        if target is None or not target.isEnabled() or not target.isVisible():
            return False
        if QApplication.activeModalWidget() is not None:
            return False  # a dialog keeps its keys
        owner = self._in_window(watched)
        if owner is None or watched is target or watched.isAncestorOf(target):
            return False  # another window; the scanner input itself, or a key it passed on to its parents
        if owner is watched and text_input_of(watched):
            code = self.bursts.key_press(watched, event)
            if code is None:
                return False
            self._deliver(lambda: type_code(target, code))
            return True
        return self._redirect(owner, target, event)

    # --- keys on a widget that does not type ----------------------------------------------------------------------

    def _redirect(self, owner: QWidget, target: QLineEdit, event: QKeyEvent) -> bool:
        text = typed_text(event)
        if text and not text.isspace():
            if isinstance(owner, QComboBox) and owner.view().isVisible():
                owner.hidePopup()  # the drop-down closes as it was: the filter does not change
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.redirected.stamps or not self.redirected.continues():
                self.redirected.restart()
                target.selectAll()  # a new burst replaces what the input holds, as a scan in it would
            self.redirected.add(len(text))
            self._deliver(lambda: QApplication.sendEvent(target, _copy(event)))
            return True
        if event.key() in ENTER_KEYS and self._burst_just_typed():
            self.redirected.restart()
            self._deliver(lambda: QApplication.sendEvent(target, _copy(event)))
            return True
        if event.key() not in MODIFIER_KEYS:
            self.redirected.restart()
        return False

    def _burst_just_typed(self) -> bool:
        stamps = self.redirected.stamps
        return bool(stamps) and self.redirected.clock() - stamps[-1] <= BURST_GAP_MS * 2

    def _deliver(self, send: Callable[[], object]) -> None:
        self._delivering = True
        try:
            send()
        finally:
            self._delivering = False


def _copy(event: QKeyEvent) -> QKeyEvent:
    return QKeyEvent(
        event.type(), event.key(), event.modifiers(), event.text(), event.isAutoRepeat(), event.count()
    )
