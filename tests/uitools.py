"""Helpers to drive widgets as users do: typing Chinese through an input method, scanning barcodes."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def ime_type(widget: QWidget, text: str) -> None:
    """Type Chinese as an input method does (QTest.keyClicks aborts the process on non-ASCII text)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def scan(qtbot, widget: QWidget, code: str) -> None:
    """A USB barcode scanner is a keyboard that types fast and presses Enter."""
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def clipped_controls(window: QWidget) -> list[str]:
    """The visible buttons, inputs and tables of ``window`` that a user could not see whole at its size: what a
    screenshot test asserts is empty (a picture alone proves nothing)."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit

    inside = QRect(QPoint(0, 0), window.size())
    clipped = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView)):
            continue
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if _inside_scroll_area(widget) or _scrolls_whole_into_view(widget):
            continue  # reachable by scrolling
        top_left = widget.mapTo(window, QPoint(0, 0))
        if not inside.contains(QRect(top_left, widget.size())):
            clipped.append(widget.objectName() or type(widget).__name__)
    return clipped


def _scrolls_whole_into_view(view: QWidget) -> bool:
    """A table (or list) on a scrolled page, such as a long form: the user scrolls the page to it, so it need not be
    in the window now — but it must fit the page's viewport, or it is never seen whole."""
    from PySide6.QtWidgets import QAbstractScrollArea

    if not isinstance(view, QAbstractScrollArea):
        return False
    parent = view.parentWidget()
    while parent is not None:
        owner = parent.parentWidget()
        if isinstance(owner, QAbstractScrollArea) and owner.viewport() is parent:
            return view.width() <= parent.width() and view.height() <= parent.height()
        parent = owner
    return False


def _inside_scroll_area(widget: QWidget) -> bool:
    from PySide6.QtWidgets import QAbstractScrollArea

    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(widget, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


# --- does the page fit its window? -----------------------------------------------------------------------------


def floats_on_purpose(widget: QWidget) -> bool:
    """A widget placed over the page on purpose (the desk's list of matching children): it may cover others."""
    return getattr(widget, "floating", False) is True or widget.property("floats") is True


def describe(widget: QWidget) -> str:
    """``objectName`` (or the class) and the start of its text, for a message a person can find on screen."""
    name = widget.objectName() or type(widget).__name__
    text = getattr(widget, "text", None)
    shown = text() if callable(text) else None
    if isinstance(shown, str) and shown:
        short = shown if len(shown) <= 20 else shown[:19] + "…"
        return f"{name} “{short}”"
    return name


def overlapping_widgets(root: QWidget) -> list[str]:
    """Visible widgets under ``root`` that cover part of a visible sibling (children of one parent compared by their
    geometries): a layout squeezed below its minimum paints one control over another. Widgets that float on
    purpose (:func:`floats_on_purpose`), windows, and hidden pages of stacks and tabs are left out."""
    found = []
    for parent in [root, *root.findChildren(QWidget)]:
        if not parent.isVisible():
            continue
        children = [
            child
            for child in QObject.children(parent)  # unbound: a page may name an attribute ``children``
            if isinstance(child, QWidget)
            and child.isVisible()
            and not child.isWindow()
            and not floats_on_purpose(child)
            and not child.geometry().isEmpty()
        ]
        for i, first in enumerate(children):
            for second in children[i + 1 :]:
                common = first.geometry().intersected(second.geometry())
                if not common.isEmpty():
                    found.append(
                        f"{describe(parent)}: {describe(first)} and {describe(second)} overlap"
                        f" ({common.width()}×{common.height()} px)"
                    )
    return found


def clipped_labels(root: QWidget) -> list[str]:
    """Visible labels under ``root`` whose text does not fit: narrower or lower than their size hint (for a
    word-wrapped label: lower than the height its text needs at its width), or reaching outside a parent (up to the
    window, or to a scroll area, whose content is reached by scrolling)."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QLabel

    found = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or label.hasScaledContents():
            continue
        size = label.size()
        if label.wordWrap():
            need = label.heightForWidth(size.width())
            if need > size.height():
                found.append(
                    f"{describe(label)}: needs {need} px of height at its width, has {size.height()}"
                )
        else:
            hint = label.sizeHint()
            if hint.width() > size.width() or hint.height() > size.height():
                found.append(
                    f"{describe(label)}: needs {hint.width()}×{hint.height()} px, has {size.width()}×{size.height()}"
                )
        # Inside every parent up to the window (or the scroll area that scrolls it into view).
        rect = QRect(label.geometry())
        widget: QWidget = label
        parent = label.parentWidget()
        while parent is not None and not widget.isWindow():
            if _is_viewport(parent):
                break
            if not QRect(0, 0, parent.width(), parent.height()).contains(rect):
                found.append(f"{describe(label)}: reaches outside {describe(parent)}")
                break
            rect.translate(parent.pos())
            widget, parent = parent, parent.parentWidget()
    return found


def _is_viewport(widget: QWidget) -> bool:
    from PySide6.QtWidgets import QAbstractScrollArea

    owner = widget.parentWidget()
    return isinstance(owner, QAbstractScrollArea) and owner.viewport() is widget


def layout_problems(window: QWidget) -> list[str]:
    """Everything that says a page does not fit ``window`` at its current size: overlapping widgets, clipped labels,
    and controls a user cannot see whole (:func:`clipped_controls`)."""
    problems = overlapping_widgets(window) + clipped_labels(window)
    problems += [f"{name}: not inside the window" for name in clipped_controls(window)]
    return problems
