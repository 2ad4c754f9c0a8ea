"""The Qt binding must not lose references to None, True or False.

PySide6 6.12.0 lost one reference to ``None`` on every call of a Qt method that returns nothing (``setText``) and
one to ``True``/``False`` on every signal emit. On Python 3.11, where those objects are not immortal, the process
aborts ("Fatal Python error: none_dealloc") after a few thousand calls — a librarian's morning at the desk. The
check runs in a child process, so a broken binding fails this test instead of killing the test run.
"""

from __future__ import annotations

import os
import subprocess
import sys

CHECK = """
import sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication([])
label = QLabel()


class Sender(QObject):
    changed = Signal(int)


sender = Sender()
none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
for _ in range(3000):
    label.setText("x")
    sender.changed.emit(1)
print(sys.getrefcount(None) - none_before, sys.getrefcount(True) - true_before)
"""


def test_void_calls_and_signal_emits_keep_none_and_true_alive() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert done.returncode == 0, f"the Qt binding crashed the process: {done.stderr[-500:]}"
    none_lost, true_lost = (int(n) for n in done.stdout.split())
    assert abs(none_lost) < 100 and abs(true_lost) < 100, done.stdout
