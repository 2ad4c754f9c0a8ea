"""Opening another data folder (the demo centre the wizard made) in a window of its own: the same app, started
again as its own process with ``--data-dir``, so it has its own folder lock, its own automatic backups and its
own sign-in — and the centre's window stays as it is."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: from a source checkout or an installed package: the same entry point as ``main.py``
_SOURCE_ENTRY = "from center_app.app import main; raise SystemExit(main())"


def app_command(data_root: Path, *extra: str) -> list[str]:
    """The command line that opens the app on ``data_root`` (inside the PyInstaller bundle: its executable)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--data-dir", str(data_root), *extra]
    return [sys.executable, "-c", _SOURCE_ENTRY, "--data-dir", str(data_root), *extra]


def _source_root() -> Path:
    """The folder holding the ``center_app`` package (so ``-c`` finds it without an installed package)."""
    import center_app

    return Path(center_app.__file__).resolve().parent.parent


def open_in_new_window(data_root: Path) -> None:
    """Start the app on ``data_root`` and return at once (it runs on after this window closes). Raises OSError
    when it cannot be started."""
    options: dict[str, Any] = {
        "stdin": subprocess.DEVNULL,
        "stdout": subprocess.DEVNULL,
        "stderr": subprocess.DEVNULL,
        "close_fds": True,
    }
    if not getattr(sys, "frozen", False):
        options["cwd"] = str(_source_root())
    if sys.platform == "win32":
        options["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.DETACHED_PROCESS
    else:
        options["start_new_session"] = True
    command = app_command(data_root)
    log.info("opening %s in a new window", data_root)
    subprocess.Popen(command, **options)  # noqa: S603 - our own executable and a folder path, no shell
