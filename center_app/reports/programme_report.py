"""The term / summer programme summary (学期/暑期项目总结) on paper: A4, the centre's name on every page,
"第 N 页 / 共 M 页", the print date, key figures, charts (attendance week by week, activities by kind, books per
month) and tables; children are counted, never named.

The figures are ``services.reports.programme``'s; the page is :mod:`center_app.reports.summary`'s.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from center_app.services.reports.programme import ProgrammeReport


def programme_report_pdf(path: str | os.PathLike[str], report: ProgrammeReport) -> tuple[Path, int]:
    """Write the summary to ``path`` (atomically); returns the path and its page count."""
    from center_app.reports.summary import layout_pdf

    return layout_pdf(path, report.layout())
