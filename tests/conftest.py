"""Shared fixtures: every test gets its own data folder under tmp_path, migrated to head by the app's own code."""

from __future__ import annotations

import os

# Before any QApplication exists (pytest-qt creates it lazily).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import tempfile  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from center_app.config import ENV_DATA_DIR, DataDir  # noqa: E402
from center_app.context import Actor, AppContext, open_store  # noqa: E402

# Real users have Chinese names, so real data folders look like C:\\Users\\张老师\\AppData\\…; some hold spaces, "#",
# "%" or "'". Every tmp_path of the suite lives under such a folder, so every path the app writes (database, backups,
# exports, logs, lock, fonts, URLs handed to SQLite or Alembic) is tested with them.
AWKWARD_FOLDER_NAME = "张老师 的中心 #1 100%'s"


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    # tryfirst: before pytest's tmp_path factory reads --basetemp. A fresh parent per run, so two runs at once
    # (a developer and CI on one machine) never clear each other's folders.
    if not config.option.basetemp:
        parent = Path(tempfile.mkdtemp(prefix=AWKWARD_FOLDER_NAME + " "))
        config.option.basetemp = str(parent / "pytest")
        config._awkward_parent = parent  # type: ignore[attr-defined]


def pytest_unconfigure(config: pytest.Config) -> None:
    parent = getattr(config, "_awkward_parent", None)
    if parent is not None and not os.environ.get("CENTER_APP_KEEP_TEST_FILES"):
        import shutil

        shutil.rmtree(parent, ignore_errors=True)


@pytest.fixture(autouse=True)
def _isolate_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Nothing a test does may reach the real user's data folder.
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "default-data"))


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    return DataDir(tmp_path / "data").ensure()


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A new centre's database, migrated to head once per run by the app's own code. Tests get a copy: running
    every migration for each of ~1,500 tests would cost most of the core suite's time
    (tests/test_migrations.py still migrates from empty, and from every older revision, for real)."""
    template = DataDir(tmp_path_factory.mktemp("template") / "data")
    open_store(template, actor=Actor.command_line()).close()
    return template.db_path.read_bytes()


def _fresh_store(data_dir: DataDir, template: bytes) -> None:
    if not data_dir.db_path.exists():
        data_dir.db_path.write_bytes(template)


@pytest.fixture
def ctx(data_dir: DataDir, migrated_template: bytes) -> Iterator[AppContext]:
    """The store as the command line's administrator — said explicitly: a context without an actor is nobody."""
    _fresh_store(data_dir, migrated_template)
    context = open_store(data_dir, actor=Actor.command_line())
    yield context
    context.close()


@pytest.fixture
def nobody_ctx(data_dir: DataDir, migrated_template: bytes) -> Iterator[AppContext]:
    """The store before anyone has signed in: every permission check refuses."""
    _fresh_store(data_dir, migrated_template)
    context = open_store(data_dir)
    yield context
    context.close()


GUI_FIXTURES = {"qtbot", "qapp", "window", "fresh_window"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Markers that are applied, not just declared: every test that drives Qt is ``gui`` (so ``pytest -m "not gui"``
    runs the core alone in seconds), and the ones that start real processes or build big stores are ``slow``."""
    gui_dir = Path(__file__).resolve().parent / "gui"
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & GUI_FIXTURES or gui_dir in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.gui)
