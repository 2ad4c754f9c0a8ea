"""Where things live: the per-user data folder and the bundled resources.

The data folder holds ``center.db``, ``backups/``, ``logs/`` and ``exports/``. It is chosen, in order, by the
``--data-dir`` option, the ``CENTER_APP_DATA_DIR`` environment variable, then platformdirs' user data folder.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "CenterApp"
APP_AUTHOR = "CenterApp"
ENV_DATA_DIR = "CENTER_APP_DATA_DIR"
DB_FILENAME = "center.db"


def default_data_dir() -> Path:
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    # Imported lazily: platformdirs is cheap, but start-up time is counted.
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))


@dataclass(frozen=True)
class DataDir:
    """The folders of one centre's data; created on first use."""

    root: Path

    @property
    def db_path(self) -> Path:
        return self.root / DB_FILENAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def exports(self) -> Path:
        return self.root / "exports"

    def ensure(self) -> DataDir:
        for folder in (self.root, self.backups, self.logs, self.exports):
            folder.mkdir(parents=True, exist_ok=True)
        return self

    @classmethod
    def resolve(cls, override: str | os.PathLike[str] | None = None) -> DataDir:
        root = Path(override).expanduser() if override else default_data_dir()
        return cls(root.resolve())


def frozen() -> bool:
    """True inside the PyInstaller bundle (``installer.spec``)."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def app_root() -> Path:
    """The app's own files: the checkout's top folder, or the bundle's ``_internal`` folder (``sys._MEIPASS``).

    The one place that knows where the app is: the fonts, translations and icons (``resources/``), the Alembic
    migrations (``center_app/db/migrations``), ``LICENSE`` and the bundle's baked ``VERSION`` are found from here,
    and ``installer.spec`` puts each at the same relative path in the bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def app_path(*parts: str) -> Path:
    return app_root().joinpath(*parts)


def resource_root() -> Path:
    """The ``resources/`` folder, in a checkout and inside the PyInstaller bundle."""
    return app_path("resources")


def resource_path(*parts: str) -> Path:
    return resource_root().joinpath(*parts)


def migrations_dir() -> Path:
    """Alembic's script folder (``env.py``, ``versions/``): shipped as source files, in the bundle too."""
    return app_path("center_app", "db", "migrations")


FONT_FILE = "DroidSansFallbackFull.ttf"
FONT_FAMILY = "Droid Sans Fallback"


def font_path() -> Path:
    return resource_path("fonts", FONT_FILE)
