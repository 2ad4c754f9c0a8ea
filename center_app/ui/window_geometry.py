"""Where the main window opens, and at what size.

The school PC's screen is 1366×768 (1366×728 above the taskbar): there the window opens maximized, because a
1280×720 window plus its title bar leaves the pages squeezed and a strip of desktop around them. On a bigger
screen it opens where it was when the app was last closed — position, size and whether it was maximized — kept in
``window.ini`` in the data folder. A damaged file, or a place no screen shows any more (a second monitor gone, a
projector unplugged), opens at 1280×720 in the middle of the screen instead.

The choice is :func:`choose_placement`: plain rectangles in, a :class:`Placement` out, so tests give it any screen
without having one. :func:`show_main_window` applies it, shows the window, and installs the event filter that saves
the window's place when it closes.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from center_app.config import DataDir

log = logging.getLogger(__name__)

SETTINGS_FILE = "window.ini"
#: screens up to this size (above the taskbar) open the window maximized
SMALL_SCREEN = QSize(1366, 768)
#: the window's size when nothing (usable) is remembered
DEFAULT_SIZE = QSize(1280, 720)
#: how much of a remembered window must still be on a screen (a title bar's worth to drag it by)
MIN_VISIBLE = QSize(200, 40)
_GROUP = "mainWindow"


@dataclass(frozen=True)
class Remembered:
    """The window's place at the last close: its normal (not maximized) geometry and whether it was maximized."""

    geometry: QRect
    maximized: bool


@dataclass(frozen=True)
class Placement:
    """Where to open: ``geometry`` is the normal geometry (what un-maximizing returns to)."""

    geometry: QRect
    maximized: bool


def is_small_screen(available: QRect) -> bool:
    """A screen no wider than 1366 or no taller than 768 (above the taskbar): the window opens maximized there."""
    return available.width() <= SMALL_SCREEN.width() or available.height() <= SMALL_SCREEN.height()


def default_geometry(available: QRect) -> QRect:
    """1280×720 (less on a smaller screen) in the middle of ``available``."""
    size = DEFAULT_SIZE.boundedTo(available.size())
    rect = QRect(QPoint(0, 0), size)
    rect.moveCenter(available.center())
    return rect


def choose_placement(remembered: Remembered | None, screens: Sequence[QRect]) -> Placement:
    """Where the window opens, given what was remembered and the screens' available geometries (the primary
    screen first). Pure: no Qt screen or file is touched."""
    if not screens:
        return Placement(QRect(QPoint(0, 0), DEFAULT_SIZE), maximized=False)
    primary = screens[0]
    screen = primary
    geometry: QRect | None = None
    if remembered is not None:
        found = _screen_showing(remembered.geometry, screens)
        if found is not None:
            screen = found
            geometry = _fitted(remembered.geometry, screen)
    if is_small_screen(screen):
        return Placement(geometry or default_geometry(screen), maximized=True)
    if geometry is None or remembered is None:
        return Placement(default_geometry(screen), maximized=False)
    return Placement(geometry, maximized=remembered.maximized)


def _screen_showing(rect: QRect, screens: Sequence[QRect]) -> QRect | None:
    """The screen that shows the most of ``rect``'s top strip (its title bar), if enough of it to grab."""
    if rect.width() <= 0 or rect.height() <= 0:
        return None
    top = QRect(rect.left(), rect.top(), rect.width(), MIN_VISIBLE.height())
    best: QRect | None = None
    best_area = 0
    for screen in screens:
        seen = top.intersected(screen)
        area = seen.width() * seen.height() if not seen.isEmpty() else 0
        if seen.width() >= MIN_VISIBLE.width() and seen.height() >= MIN_VISIBLE.height() and area > best_area:
            best, best_area = screen, area
    return best


def _fitted(rect: QRect, screen: QRect) -> QRect:
    """``rect`` no bigger than ``screen``, moved onto it if it hung over an edge."""
    fitted = QRect(rect.topLeft(), rect.size().boundedTo(screen.size()))
    if fitted.right() > screen.right():
        fitted.moveRight(screen.right())
    if fitted.bottom() > screen.bottom():
        fitted.moveBottom(screen.bottom())
    if fitted.left() < screen.left():
        fitted.moveLeft(screen.left())
    if fitted.top() < screen.top():
        fitted.moveTop(screen.top())
    return fitted


# --- the file --------------------------------------------------------------------------------------------------


def settings_path(data_dir: DataDir) -> Path:
    return data_dir.root / SETTINGS_FILE


def _settings(data_dir: DataDir) -> QSettings:
    # A file path, never a URL or a configparser string: Chinese, spaces, '#', '%' and "'" are all fine.
    return QSettings(str(settings_path(data_dir)), QSettings.Format.IniFormat)


def load(data_dir: DataDir) -> Remembered | None:
    """What the last close saved, or None when there is nothing usable (no file, a damaged one, nonsense sizes)."""
    if not settings_path(data_dir).is_file():
        return None
    try:
        settings = _settings(data_dir)
        if settings.status() != QSettings.Status.NoError:
            return None
        settings.beginGroup(_GROUP)
        values = [_int(settings.value(key)) for key in ("x", "y", "width", "height")]
        maximized = _bool(settings.value("maximized"))
        settings.endGroup()
    except Exception:  # a settings file is never worth a crash at start-up
        log.warning("window.ini could not be read", exc_info=True)
        return None
    x, y, width, height = values
    if x is None or y is None or width is None or height is None or maximized is None:
        return None
    if width <= 0 or height <= 0 or max(abs(x), abs(y), width, height) > 100_000:
        return None
    return Remembered(QRect(x, y, width, height), maximized)


def save(data_dir: DataDir, window: QWidget) -> None:
    """Remember the window's normal geometry and whether it is maximized. A failure is logged, never shown."""
    maximized = window.isMaximized()
    rect = window.normalGeometry() if maximized else window.geometry()
    if not rect.isValid():
        rect = window.geometry()
    try:
        settings = _settings(data_dir)
        settings.beginGroup(_GROUP)
        settings.setValue("x", rect.x())
        settings.setValue("y", rect.y())
        settings.setValue("width", rect.width())
        settings.setValue("height", rect.height())
        settings.setValue("maximized", maximized)
        settings.endGroup()
        settings.sync()
        if settings.status() != QSettings.Status.NoError:
            log.warning("window.ini could not be written (status %s)", settings.status())
    except Exception:
        log.warning("window.ini could not be written", exc_info=True)


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None


def _bool(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


# --- the window ------------------------------------------------------------------------------------------------


def available_geometries() -> list[QRect]:
    """Each screen's area above the taskbar, the primary screen first."""
    primary = QGuiApplication.primaryScreen()
    screens = [primary] if primary is not None else []
    screens += [s for s in QGuiApplication.screens() if s is not primary]
    return [s.availableGeometry() for s in screens]


class GeometryKeeper(QObject):
    """Saves the window's place when it is closed (an event filter on the window: the window's own code is not
    touched)."""

    def __init__(self, window: QWidget, data_dir: DataDir) -> None:
        super().__init__(window)
        self.target = window
        self.data_dir = data_dir
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.target and event.type() == QEvent.Type.Close:
            save(self.data_dir, self.target)
        return False


def show_main_window(window: QWidget, data_dir: DataDir, screens: Sequence[QRect] | None = None) -> Placement:
    """Place ``window`` (maximized on a small screen, else where it was last closed) and show it; its place is
    saved when it closes. ``screens``: the screens' available geometries, primary first (tests pass their own)."""
    placement = choose_placement(load(data_dir), available_geometries() if screens is None else screens)
    window.setGeometry(placement.geometry)
    if placement.maximized:
        window.showMaximized()
    else:
        window.show()
    GeometryKeeper(window, data_dir)
    return placement
