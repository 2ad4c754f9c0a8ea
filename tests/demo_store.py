"""A small real centre (children, books, loans) written by the app's own demo generator, for tests that need a
database of many pages — e.g. to damage some of them."""

from __future__ import annotations

from pathlib import Path

from center_app.config import DataDir
from center_app.context import Actor, open_store

_TEMPLATE: dict[str, bytes] = {}


def small_centre(folder: Path) -> DataDir:
    """A demo centre in ``folder``; built once per test run, then copied (the generator takes seconds)."""
    data_dir = DataDir(folder)
    data_dir.ensure()
    if "db" not in _TEMPLATE:
        from center_app import demo

        ctx = open_store(data_dir, actor=Actor.command_line())
        try:
            demo.fill_demo(ctx)
        finally:
            ctx.close()
        _TEMPLATE["db"] = data_dir.db_path.read_bytes()
    else:
        data_dir.db_path.write_bytes(_TEMPLATE["db"])
    return data_dir
