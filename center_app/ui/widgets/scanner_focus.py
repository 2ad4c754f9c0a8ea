"""Scanner-first pages keep their one input focused: a USB scanner types into whatever has the focus."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget


def should_take_focus_back(page: QWidget, scanner_input: QWidget, other_inputs: tuple[type, ...]) -> bool:
    """After ``scanner_input`` lost the focus: take it back, unless the focus went to another input of the page
    (a filter, a form field — ``other_inputs``) or left the page (the navigation, a dialog, another window)."""
    widget = QApplication.focusWidget()
    if widget is scanner_input:
        return False
    if widget is None:
        return page.window().isActiveWindow()
    return page.isAncestorOf(widget) and not isinstance(widget, other_inputs)
