"""Log to ``logs/center.log`` in the data folder: the user never sees a traceback, the log keeps it."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

_configured: list[Path] = []


def configured_paths() -> list[Path]:
    return list(_configured)


def setup_logging(logs_dir: Path, *, level: int = logging.INFO) -> Path:
    logs_dir.mkdir(parents=True, exist_ok=True)
    path = logs_dir / "center.log"
    if path in _configured:
        return path
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    _configured.append(path)
    return path


def ensure_some_log() -> Path | None:
    """Where a traceback goes when the data folder itself is unusable: a log in the temp folder, never the
    console (Python's last-resort handler would print it there)."""
    if _configured:
        return _configured[-1]
    import tempfile

    try:
        return setup_logging(Path(tempfile.gettempdir()) / "center-app-logs")
    except OSError:
        logging.getLogger().addHandler(logging.NullHandler())
        return None
