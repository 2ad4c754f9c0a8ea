"""``check``: is the database file sound, and is its schema the one this version expects?

Read only: the file is opened with ``mode=ro``, so checking never changes, migrates or creates anything.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from center_app.config import DataDir
from center_app.db.migrate import HEAD_REVISION


@dataclass
class CheckReport:
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check(data_dir: DataDir) -> CheckReport:
    """Integrity, foreign keys and migration state of the centre's SQLite file."""
    from center_app.services.backup import _describe_sqlite_error, _open_ro

    report = CheckReport()
    path = data_dir.db_path
    report.lines.append(f"数据文件：{path}")
    if not path.exists():
        report.problems.append("数据库文件不存在。请先打开一次程序，或检查 --data-dir 是否正确。")
        return report
    try:
        conn = _open_ro(path)
    except (sqlite3.Error, OSError) as exc:
        report.problems.append(f"无法读取数据库：{_describe_sqlite_error(exc)}")
        return report
    try:
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check(20)").fetchall()]
        if integrity == ["ok"]:
            report.lines.append("完整性检查：正常")
        else:
            report.problems.append("完整性检查发现问题：" + "；".join(map(str, integrity[:10])))
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            tables = sorted({row[0] for row in broken})
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
        else:
            report.problems.append(
                f"数据库版本 {revision} 与程序需要的 {HEAD_REVISION} 不一致。打开程序会先备份再自动升级。"
            )
        try:
            children = conn.execute("SELECT count(*) FROM child").fetchone()[0]
            copies = conn.execute("SELECT count(*) FROM book_copy").fetchone()[0]
            report.lines.append(f"记录：儿童 {children}，图书 {copies} 册")
        except sqlite3.Error:
            pass
    except sqlite3.Error as exc:  # not a database at all, or damaged beyond reading
        report.problems.append(f"无法读取数据库：{_describe_sqlite_error(exc)}")
    finally:
        conn.close()
    return report
