"""Desk sounds: a short "done", a different "refused" and a "notice" (look at the screen: a question, a book that
needs nothing) so the librarian can keep their eyes on the children.

PySide6-Essentials has no QtMultimedia (QSoundEffect lives in PySide6-Addons), and the app adds no dependency for
a beep. On Windows the stdlib ``winsound`` plays the system's own asynchronous sounds, which differ for success
and refusal; elsewhere ``QApplication.beep()`` (once for done, twice for refused).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Literal

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

SoundKind = Literal["ok", "refused", "notice"]


def _play_windows(kind: SoundKind) -> bool:
    if sys.platform != "win32":  # the caller checks already; this tells type checkers winsound is there
        return False
    try:
        import winsound  # Windows only

        # MessageBeep returns at once (asynchronous): a scan never waits for the sound.
        tone = {"ok": winsound.MB_OK, "refused": winsound.MB_ICONHAND, "notice": winsound.MB_ICONASTERISK}
        winsound.MessageBeep(tone[kind])
        return True
    except Exception:  # no sound device, or a locked-down PC: the desk works silently
        log.debug("winsound failed", exc_info=True)
        return False


def play_system_sound(kind: SoundKind) -> None:
    if sys.platform == "win32" and _play_windows(kind):
        return
    QApplication.beep()
    if kind == "refused":
        QTimer.singleShot(180, QApplication.beep)  # a second beep tells a refusal from a success by ear


class DeskSound:
    """On/off switch plus ``ok()`` / ``refused()`` / ``notice()``. ``player`` is a seam: tests record instead of beeping."""

    def __init__(self, enabled: bool = True, player: Callable[[SoundKind], None] = play_system_sound) -> None:
        self.enabled = enabled
        self.player = player

    def ok(self) -> None:
        self._play("ok")

    def refused(self) -> None:
        self._play("refused")

    def notice(self) -> None:
        self._play("notice")

    def _play(self, kind: SoundKind) -> None:
        if self.enabled:
            self.player(kind)
