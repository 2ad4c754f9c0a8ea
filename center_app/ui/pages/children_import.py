"""导入花名册: a school's or the centre's roster (Excel/CSV) into the children's profiles — the children's
:class:`ImportKind` for the one import panel (``ui/widgets/import_panel.py``).

What is particular to children: the preview says how many children would be new, updated or unchanged. A child
already on the roster is updated, never registered twice, and a blank cell never erases what the profile holds, so
a roster imported before (the same bytes) is imported again without a confirmation — but the preview says when it
was imported and that its cells would overwrite later edits (the service's notice among the warnings).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from center_app.services import children_import
from center_app.services.children_import import ChildImportPreview, ChildImportResult
from center_app.ui.widgets.import_panel import ImportKind

translate = QCoreApplication.translate


def _preview_lines(p: ChildImportPreview) -> list[str]:
    return [
        translate("ChildrenImportPanel", "将新增 %1 名儿童，更新 %2 名，%3 名没有变化。")
        .replace("%1", str(p.new))
        .replace("%2", str(p.updated))
        .replace("%3", str(p.unchanged))
    ]


def _result_text(result: ChildImportResult) -> str:
    return (
        translate("ChildrenImportPanel", "已导入“%1”：新增 %2 名儿童，更新 %3 名，%4 名没有变化。")
        .replace("%1", result.source)
        .replace("%2", str(result.created))
        .replace("%3", str(result.updated))
        .replace("%4", str(result.unchanged))
    )


def children_import_kind() -> ImportKind:
    """The roster's import (translated now: call it when the panel is built, after the language is installed)."""
    return ImportKind(
        names="childrenImport",
        title=translate("ChildrenImportPanel", "导入花名册"),
        intro=translate(
            "ChildrenImportPanel",
            "Excel 或 CSV 表格，每行一名儿童：姓名（必填）、性别、出生日期、年级、班级、学校、村/组、留守类型、"
            "父母务工地和电话、监护人、健康状况……列名写法不限（如“生日”“班别”）。已在名单中的儿童会更新，"
            "不会重复登记；表格里空着的格子不会清除已有信息。先预览，确认后再导入。",
        ),
        choose_title=translate("ChildrenImportPanel", "选择花名册"),
        service=children_import,
        describe_preview=_preview_lines,
        describe_result=_result_text,
    )
