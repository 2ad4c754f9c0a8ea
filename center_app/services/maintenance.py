"""``check``: is the database file sound, and is its schema the one this version expects?"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text

from center_app.config import DataDir
from center_app.db.migrate import HEAD_REVISION, current_revision
from center_app.db.session import Database


@dataclass
class CheckReport:
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check(data_dir: DataDir) -> CheckReport:
    """Integrity, foreign keys and migration state, read only (``check`` never migrates or creates anything)."""
    report = CheckReport()
    path = data_dir.db_path
    report.lines.append(f"数据文件：{path}")
    if not path.exists():
        report.problems.append("数据库文件不存在。请先打开一次程序，或检查 --data-dir 是否正确。")
        return report
    db = Database.for_file(path)
    try:
        with db.engine.connect() as conn:
            integrity = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
            if integrity == ["ok"]:
                report.lines.append("完整性检查：正常")
            else:
                report.problems.append("完整性检查发现问题：" + "；".join(integrity[:10]))
            conn.rollback()
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                tables = sorted({row[0] for row in broken})
                report.problems.append(
                    f"有 {len(broken)} 条记录引用了不存在的记录（表：{', '.join(tables)}）。"
                )
            else:
                report.lines.append("引用检查：正常")
            conn.rollback()
            revision = current_revision(conn)
            conn.rollback()
            if revision == HEAD_REVISION:
                report.lines.append(f"数据库版本：{revision}（最新）")
            elif revision is None:
                report.problems.append("数据库尚未初始化（没有版本记录）。打开一次程序即可初始化。")
            else:
                report.problems.append(
                    f"数据库版本 {revision} 与程序需要的 {HEAD_REVISION} 不一致。打开程序会先备份再自动升级。"
                )
            try:
                children = conn.execute(text("SELECT count(*) FROM child")).scalar()
                copies = conn.execute(text("SELECT count(*) FROM book_copy")).scalar()
                report.lines.append(f"记录：儿童 {children}，图书 {copies} 册")
            except Exception:
                conn.rollback()
    except Exception as exc:  # not a database at all, or unreadable
        report.problems.append(f"无法读取数据库：{exc}")
    finally:
        db.dispose()
    return report
