"""The monthly work report (月度工作报告) for the civil-affairs bureau, on paper: A4, the centre's name on every page,
"第 N 页 / 共 M 页", the print date, key figures, charts and tables — counts only, never a child's name.

The figures are ``services.reports.monthly``'s; the page is :mod:`center_app.reports.summary`'s.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from center_app.services.reports.monthly import MonthlyReport


def monthly_report_pdf(path: str | os.PathLike[str], report: MonthlyReport) -> tuple[Path, int]:
    """Write the report to ``path`` (atomically); returns the path and its page count."""
    from center_app.reports.summary import layout_pdf

    return layout_pdf(path, report.layout())
