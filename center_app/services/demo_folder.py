"""先看看演示中心: the demo centre in a data folder of its own, beside the centre's — never in it.

The first-run wizard offers it once the centre's administrator exists: the demo (the ``--demo`` generator's
4,000 books, 120 children…) goes into ``<data folder>-demo`` next to the centre's data folder, flagged as a demo
folder with its demo administrator (``accounts.ensure_demo_admin``), so that the app opened on it signs in by
itself and shows the 演示数据 banner. Unlike ``--demo`` (a temporary folder deleted on exit) it stays, so the
demo can be opened again. The centre's own folder never gets demo data: the target is always another folder, and
``fill_demo`` refuses any folder that holds data. A demo folder made earlier that still holds nothing but the demo
is reused as it is; a folder of that name holding anything else is left alone and ``-demo-2``, ``-demo-3``… tried.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from center_app.config import DataDir
from center_app.context import AppContext, open_store
from center_app.domain.errors import DomainError, PermissionDenied
from center_app.domain.permissions import WRITE, require
from center_app.services import audit

log = logging.getLogger(__name__)

DEMO_SUFFIX = "-demo"
_TRIES = 9

Progress = Callable[[int, str], None]  # percent, what is being written


@dataclass(frozen=True)
class DemoFolder:
    root: Path
    #: False: a demo folder made earlier (holding nothing but the demo) is used as it is
    created: bool


def demo_folder_for(data_dir: DataDir, n: int = 1) -> DataDir:
    """The ``n``-th candidate demo folder beside ``data_dir``: ``<name>-demo``, then ``<name>-demo-2``…"""
    root = data_dir.root
    return DataDir(root.parent / (f"{root.name}{DEMO_SUFFIX}" + ("" if n == 1 else f"-{n}")))


def create_demo_folder(ctx: AppContext, *, progress: Progress | None = None) -> DemoFolder:
    """Fill a demo centre into a folder beside this centre's (see the module doc) and return it; the app then
    opens it. Administrators only (it makes a folder of made-up children's records on the PC). ``progress``:
    ``progress(percent, text)`` while the demo is written. Audited in this centre's log."""
    require(ctx.actor, "settings", WRITE)
    own = ctx.data_dir.root.resolve()
    for n in range(1, _TRIES + 1):
        folder = demo_folder_for(ctx.data_dir, n)
        if folder.root.resolve() == own:
            continue  # never this centre's own folder
        made = _fill(folder, progress)
        if made is None:
            continue
        with ctx.db.session() as s:
            audit.record(
                s,
                ctx.actor,
                "create",
                "demo",
                "",
                f"{'创建' if made.created else '使用已有的'}演示数据文件夹 {made.root}",
                {"folder": [None, str(made.root)]},
            )
        return made
    raise DomainError(
        f"无法在“{ctx.data_dir.root.parent}”里建立演示数据文件夹：同名的文件夹都已有别的数据。"
        "请先从空白开始，以后用 --demo 打开演示中心。"
    )


def _fill(folder: DataDir, progress: Progress | None) -> DemoFolder | None:
    """The demo in ``folder`` (new or reused), or None when the folder is taken by anything else."""
    from center_app import demo
    from center_app.db.lock import DataFolderLock
    from center_app.domain.actor import Actor
    from center_app.services import accounts

    if folder.root.exists() and not folder.root.is_dir():
        return None
    existed = folder.db_path.exists()
    lock = DataFolderLock(folder.ensure())
    try:
        lock.acquire()  # a copy of the app open on it: leave it alone, try the next name
    except DomainError:
        return None
    try:
        try:
            demo_ctx = open_store(folder, actor=Actor.nobody())
        except DomainError as exc:  # a damaged file, a newer app's data: not ours to touch
            log.info("demo folder %s not used: %s", folder.root, exc.message)
            return None
        try:
            if existed and accounts.is_demo_folder(demo_ctx):
                try:
                    accounts.ensure_demo_admin(demo_ctx)  # no write while it holds nothing but the demo
                except PermissionDenied:
                    return None  # someone made accounts in it: it is somebody's centre now
                return DemoFolder(folder.root, created=False)
            try:
                accounts.refuse_if_has_accounts(demo_ctx)
                demo.fill_demo(demo_ctx, progress=progress)
            except DomainError as exc:
                log.info("demo folder %s not used: %s", folder.root, exc.message)
                return None
            accounts.ensure_demo_admin(demo_ctx)
            return DemoFolder(folder.root, created=True)
        finally:
            demo_ctx.close()
    finally:
        lock.release()
