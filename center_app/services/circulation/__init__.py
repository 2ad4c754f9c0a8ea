"""The circulation desk: find the borrower, lend, take back, renew, undo; loan rules, closed days, overdue lists.

The package's modules follow those use cases — ``borrowers`` (who is at the desk, what was scanned), ``lending``
(check out, check in, return-and-lend, renew, undo), ``loan_settings`` (rules, desk settings, closed days) and ``overdue`` (the list
and the slips); ``common`` holds what they share. This ``__init__`` re-exports their public API, so the desk calls
``circulation.checkout(...)``.

Each public function is one use case and one transaction, and starts with a permission check. Every change to a
loan is audited in its own transaction ("create" on checkout, "update" on return, renewal and an undone return or
renewal, "delete" when an undone checkout removes the loan); summaries carry the copy barcode and the child's id,
never more about the child.

The desk is scanner-first: a USB scanner types the code and Enter, so codes arrive with stray spaces, full-width
characters from a Chinese input method or the wrong case (Caps Lock). Codes are matched exactly after NFKC and
trimming, trying the code as typed, upper-cased and lower-cased — which keeps the lookup on the unique index.

Concurrency: writers start with ``BEGIN IMMEDIATE`` (``Database.session``), and every rule is checked *inside* the
writing transaction, so a second desk lending the same copy waits for the first and is then refused.

Times: ``loaned_at``/``returned_at`` are naive UTC instants (the schema's rule); ``due_on`` and every ``today`` are
dates in the PC's local time zone. Passing ``today`` (tests, or entering a day's paper slips later) stamps the
action at the current time of day on that day.
"""

from center_app.services.circulation.borrowers import (
    MAX_BORROWER_RESULTS,
    BorrowerStatus,
    LoanLine,
    ScanKind,
    ScanKindName,
    borrower_status,
    classify_scan,
    find_borrower,
)
from center_app.services.circulation.common import BorrowerRow
from center_app.services.circulation.lending import (
    DeskKind,
    DeskResult,
    checkin,
    checkout,
    renew,
    return_and_lend,
    undo,
)
from center_app.services.circulation.loan_settings import (
    BLOCK_WHEN_OVERDUE_KEY,
    CLOSED_REASON_MAX,
    RENEW_OVERDUE_KEY,
    SOUND_ON_KEY,
    ClosedDayRow,
    LoanSettings,
    get_loan_settings,
    list_closed_days,
    save_loan_settings,
    set_closed_days,
)
from center_app.services.circulation.overdue import (
    OverdueRow,
    SlipsPrinted,
    group_by_class,
    overdue_loans,
    print_overdue_slips,
)

__all__ = [
    "BLOCK_WHEN_OVERDUE_KEY",
    "CLOSED_REASON_MAX",
    "MAX_BORROWER_RESULTS",
    "RENEW_OVERDUE_KEY",
    "SOUND_ON_KEY",
    "BorrowerRow",
    "BorrowerStatus",
    "ClosedDayRow",
    "DeskKind",
    "DeskResult",
    "LoanLine",
    "LoanSettings",
    "OverdueRow",
    "ScanKind",
    "ScanKindName",
    "SlipsPrinted",
    "borrower_status",
    "checkin",
    "checkout",
    "classify_scan",
    "find_borrower",
    "get_loan_settings",
    "group_by_class",
    "list_closed_days",
    "overdue_loans",
    "print_overdue_slips",
    "renew",
    "return_and_lend",
    "save_loan_settings",
    "set_closed_days",
    "undo",
]
