"""导入捐赠清单: an Excel/CSV donation list into the catalogue — the books' :class:`ImportKind` for the one import
panel (``ui/widgets/import_panel.py``).

What is particular to books: the preview counts new titles and copies added to titles already catalogued and names
the donors; a donor typed in the panel names the donor of rows that name none; a list imported before (the same
bytes) is said so in the preview, and importing it again asks first — the same list picked twice would register
every copy twice; afterwards the new copies' spine labels are one click away (``importPrintLabels``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from center_app.services import book_import
from center_app.services.book_import import BookImportPreview, BookImportResult
from center_app.services.imported_files import EarlierImport
from center_app.ui.widgets.import_panel import ImportKind, ResultAction, TextOption, when

translate = QCoreApplication.translate


def _preview_lines(p: BookImportPreview) -> list[str]:
    lines = [
        translate("ImportPanel", "将新增书目 %1 种，为已有书目 %2 种加复本，共 %3 册。")
        .replace("%1", str(p.new_titles))
        .replace("%2", str(p.matched_titles))
        .replace("%3", str(p.copies))
    ]
    if p.donors:
        lines.append(translate("ImportPanel", "捐赠方：%1").replace("%1", "、".join(p.donors)))
    return lines


def _result_text(result: BookImportResult) -> str:
    return (
        translate("ImportPanel", "已导入“%1”：新书目 %2 种，已有书目 %3 种加复本，共 %4 册。")
        .replace("%1", result.source)
        .replace("%2", str(result.titles_created))
        .replace("%3", str(result.titles_matched))
        .replace("%4", str(result.copies_created))
    )


def _earlier_notice(earlier: EarlierImport) -> str:
    return (
        translate("ImportPanel", "这个文件已在 %1 导入过（%2 行，%3 册），再导入需要确认。")
        .replace("%1", when(earlier))
        .replace("%2", str(earlier.rows))
        .replace("%3", str(earlier.items))
    )


def _again_question(earlier: EarlierImport) -> str:
    return (
        translate(
            "ImportPanel",
            "这个文件已在 %1 导入过（%2 行，%3 册）。再导入一次，每一册都会再登记一遍。"
            "确实又收到了同样的一批书吗？",
        )
        .replace("%1", when(earlier))
        .replace("%2", str(earlier.rows))
        .replace("%3", str(earlier.items))
    )


def _donor_placeholder(p: Any) -> str:
    if p is None:
        return translate("ImportPanel", "这批书的捐赠方（表格里没写时用这个名字）")
    if "donor" in p.preview.columns:
        return translate("ImportPanel", "表格中没写捐赠方的行用这个名字")
    return translate("ImportPanel", "这批书的捐赠方（表格里没有“捐赠方”列）")


def _labels_text(result: BookImportResult) -> str | None:
    if not result.barcodes:
        return None
    return translate("ImportPanel", "打印这 %1 册的书标…").replace("%1", str(len(result.barcodes)))


def book_import_kind() -> ImportKind:
    """The books' import (translated now: call it when the panel is built, after the language is installed)."""
    return ImportKind(
        names="import",
        title=translate("ImportPanel", "导入捐赠清单"),
        intro=translate(
            "ImportPanel",
            "Excel 或 CSV 表格，每行一种书：书名（必填）、作者、出版社、出版年、ISBN、分类号、适读年级、"
            "定价、数量、捐赠方……列名写法不限（如“题名”“著者”“册数”）。先预览，确认后再导入。",
        ),
        choose_title=translate("ImportPanel", "选择捐赠清单"),
        service=book_import,
        describe_preview=_preview_lines,
        describe_result=_result_text,
        again_question=_again_question,
        earlier_notice=_earlier_notice,
        option=TextOption(
            name="Donor",
            label=translate("ImportPanel", "捐赠方："),
            keyword="donor_name",
            placeholder=_donor_placeholder,
        ),
        result_action=ResultAction(name="PrintLabels", text=_labels_text),
    )
