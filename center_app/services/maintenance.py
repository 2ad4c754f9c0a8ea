"""``check``: is the database file sound, and is its schema the one this version expects?

Read only: the file is opened with ``mode=ro``, so checking never changes, migrates or creates anything.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from center_app.config import DataDir
from center_app.db import health
from center_app.db.migrate import HEAD_REVISION, KNOWN_REVISIONS


@dataclass
class CheckReport:
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)  # SQLite's own words about a damage, for support

    @property
    def ok(self) -> bool:
        return not self.problems


def check(data_dir: DataDir) -> CheckReport:
    """Integrity, foreign keys and migration state of the centre's SQLite file, reported in Chinese.

    A damaged file's integrity-check text may quote its damaged bytes (not valid UTF-8): it is read with a tolerant
    decoder, and the report leads with one sentence that says what to do."""
    report = CheckReport()
    path = data_dir.db_path
    report.lines.append(f"数据文件：{path}")
    if not data_dir.root.is_dir():
        report.problems.append(f"数据文件夹“{data_dir.root}”不存在或不是文件夹。请检查 --data-dir 是否正确。")
        return report
    if not path.exists():
        report.problems.append("数据库文件不存在。请先打开一次程序，或检查 --data-dir 是否正确。")
        return report
    try:
        health.check_db_file(path)
        conn = health.open_read_only(path)
    except health.StoreProblem as exc:
        report.problems.append(exc.message)
        return report
    except (sqlite3.Error, OSError) as exc:
        report.problems.append(_unreadable(path, exc))
        return report
    try:
        integrity = [str(row[0]) for row in conn.execute("PRAGMA integrity_check(20)").fetchall()]
        if integrity == ["ok"]:
            report.lines.append("完整性检查：正常")
        else:
            report.problems.append(
                f"{health.damaged_message(path)}（完整性检查发现 {len(integrity)} 处问题，详情见下）"
            )
            report.details.extend(integrity[:10])
            return report  # the rest would only repeat the damage
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            tables = sorted({str(row[0]) for row in broken})
            report.problems.append(f"有 {len(broken)} 条记录引用了不存在的记录（表：{', '.join(tables)}）。")
        else:
            report.lines.append("引用检查：正常")
        try:
            row = conn.execute("SELECT version_num FROM alembic_version LIMIT 1").fetchone()
            revision = row[0] if row else None
        except sqlite3.OperationalError:
            revision = None
        if revision == HEAD_REVISION:
            report.lines.append(f"数据库版本：{revision}（最新）")
        elif revision is None:
            report.problems.append("数据库尚未初始化（没有版本记录）。打开一次程序即可初始化。")
        elif revision not in KNOWN_REVISIONS:
            report.problems.append(health.too_new_message(revision))
        else:
            report.problems.append(
                f"数据库版本 {revision} 比程序需要的 {HEAD_REVISION} 旧。打开程序时会先备份再自动升级。"
            )
        try:
            children = conn.execute("SELECT count(*) FROM child").fetchone()[0]
            copies = conn.execute("SELECT count(*) FROM book_copy").fetchone()[0]
            report.lines.append(f"记录：儿童 {children}，图书 {copies} 册")
        except sqlite3.Error:
            pass
    except sqlite3.Error as exc:  # not a database at all, or damaged beyond reading
        report.problems.append(_unreadable(path, exc))
    finally:
        conn.close()
    return report


def _unreadable(path: Path, exc: BaseException) -> str:
    if health.is_damage(exc):
        return health.damaged_message(path)
    return f"无法读取数据库文件“{path}”。请检查文件是否被其他程序占用，或文件夹是否有读取权限。"
