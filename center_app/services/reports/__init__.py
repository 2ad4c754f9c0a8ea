"""Printed reports: the monthly work report for the civil-affairs bureau (``monthly``), the donor report
(``donor``) and the term / summer programme summary (``programme``). The single-activity report is the activities
area's (``services.activities``).

Each report is one function that gathers its figures into a plain dataclass (``monthly_report(ctx, 2026, 11)``),
from the same service functions the pages show them with (``_figures`` lists which); ``write_*_pdf`` prints it
(``center_app.reports.*_report``) and ``export_*_xlsx`` writes its tables to Excel, both audited with the file's
path. Printing or exporting a report needs ``reports`` 写 — the administrator and social workers; each figure's
own service checks its area too, so nothing is shown that its page would not show the same user.
"""

from center_app.services.reports._common import (
    Chart,
    Figure,
    ReportLayout,
    ReportTable,
    Section,
    WrittenReport,
)
from center_app.services.reports.donor import (
    DonorReport,
    donor_report,
    export_donor_report_xlsx,
    find_donor,
    write_donor_report_pdf,
)
from center_app.services.reports.monthly import (
    MonthlyReport,
    export_monthly_report_xlsx,
    monthly_report,
    parse_month,
    write_monthly_report_pdf,
)
from center_app.services.reports.programme import (
    ProgrammeReport,
    export_programme_report_xlsx,
    programme_report,
    write_programme_report_pdf,
)

__all__ = [
    "Chart",
    "DonorReport",
    "Figure",
    "MonthlyReport",
    "ProgrammeReport",
    "ReportLayout",
    "ReportTable",
    "Section",
    "WrittenReport",
    "donor_report",
    "export_donor_report_xlsx",
    "export_monthly_report_xlsx",
    "export_programme_report_xlsx",
    "find_donor",
    "monthly_report",
    "parse_month",
    "programme_report",
    "write_donor_report_pdf",
    "write_monthly_report_pdf",
    "write_programme_report_pdf",
]
