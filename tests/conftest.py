"""Shared fixtures: every test gets its own data folder under tmp_path, migrated to head by the app's own code."""

from __future__ import annotations

import os

# Before any QApplication exists (pytest-qt creates it lazily).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from center_app.config import ENV_DATA_DIR, DataDir  # noqa: E402
from center_app.context import AppContext, open_store  # noqa: E402


@pytest.fixture(autouse=True)
def _isolate_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Nothing a test does may reach the real user's data folder.
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "default-data"))


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    return DataDir(tmp_path / "data").ensure()


@pytest.fixture
def ctx(data_dir: DataDir) -> Iterator[AppContext]:
    context = open_store(data_dir)
    yield context
    context.close()
