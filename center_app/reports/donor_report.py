"""The donor report (捐赠方报告) on paper: a word of thanks, what the donor gave and how it was used — A4, the
centre's name on every page, "第 N 页 / 共 M 页", the print date, a chart and tables; no child is named.

The figures are ``services.reports.donor``'s; the page is :mod:`center_app.reports.summary`'s.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from center_app.services.reports.donor import DonorReport


def donor_report_pdf(path: str | os.PathLike[str], report: DonorReport) -> tuple[Path, int]:
    """Write the report to ``path`` (atomically); returns the path and its page count."""
    from center_app.reports.summary import layout_pdf

    return layout_pdf(path, report.layout(), subject=f"{report.donor.name} 捐赠物资使用情况")
