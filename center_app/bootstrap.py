"""Start-up helpers shared by the window (``app``), the command line (``cli``) and the self-test (``ui/selftest``),
so that none of them imports another's private functions. Cheap to import: Qt is imported only when asked for.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from center_app.config import DataDir

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication


def qapplication() -> QApplication:
    """The running QApplication, created (with the app's names) if there is none yet."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("CenterApp")
        app.setOrganizationName("CenterApp")
    return app  # type: ignore[return-value]


def demo_data_dir() -> DataDir:
    """A throw-away centre in the temp folder: the demo never touches the real data folder."""
    root = Path(tempfile.mkdtemp(prefix="center-demo-"))
    return DataDir(root)
