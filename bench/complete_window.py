"""Start the app like `main.py --data-dir D --quit-when-ready`, but quit only when the first page's deferred
details (the overview's charts and warnings) are filled too: the "fully drawn" time beside the "ready" one."""

import sys

from center_app import app as center


def _prepare(*args, **kwargs):
    window = original(*args, **kwargs)
    from PySide6.QtCore import QCoreApplication, QTimer

    page = window.current_page()
    signal = getattr(page, "details_filled", None)
    if signal is not None:
        signal.connect(lambda: QTimer.singleShot(0, QCoreApplication.quit))
    return window


original = center.prepare_window
center.prepare_window = _prepare
sys.exit(center.main(["--data-dir", sys.argv[1]]))
