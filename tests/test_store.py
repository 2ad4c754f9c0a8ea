"""The data folder and the SQLite settings chosen for power cuts and shared use."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from center_app.config import ENV_DATA_DIR, DataDir, default_data_dir, font_path, resource_path
from center_app.db.models import Centre


def test_data_folder_layout(ctx) -> None:
    root = ctx.data_dir.root
    assert (root / "center.db").is_file()
    for name in ("backups", "logs", "exports"):
        assert (root / name).is_dir()


def test_pragmas(ctx) -> None:
    with ctx.db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_foreign_keys_are_enforced(ctx) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"), ctx.db.session() as s:
        s.execute(text("INSERT INTO guardian (child_id, name, relation, phone, health, literacy, is_primary, "
                       "created_at, updated_at) VALUES (999, 'x', '', '', '', '', 0, '2026-01-01', '2026-01-01')"))


def test_session_rolls_back_on_error(ctx) -> None:
    with pytest.raises(RuntimeError), ctx.db.session() as s:
        s.add(Centre(name="半途而废"))
        s.flush()
        raise RuntimeError("power cut")
    with ctx.db.read() as s:
        assert s.query(Centre).count() == 0


def test_data_dir_override_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "from-env"))
    assert default_data_dir() == tmp_path / "from-env"
    assert DataDir.resolve(tmp_path / "explicit").root == (tmp_path / "explicit").resolve()
    assert DataDir.resolve(None).root == (tmp_path / "from-env").resolve()
    monkeypatch.delenv(ENV_DATA_DIR)
    assert "CenterApp" in str(default_data_dir())


def test_bundled_font_and_licence_exist() -> None:
    assert font_path().stat().st_size > 1_000_000
    assert font_path().read_bytes()[:4] == b"\x00\x01\x00\x00"  # TrueType outlines, usable by ReportLab
    assert (resource_path("fonts") / "LICENSE-DroidSansFallback.txt").is_file()
