"""Attendance: codes and settings, the roll call (a day or a session), check-in/out, the monthly register.

The package's modules follow those use cases — ``codes`` (codes and settings), ``roll_call``, ``check_in``,
``monthly`` (the monthly register) and ``reminders`` (roll not taken, the overview's chart); this ``__init__``
re-exports their public API, so ``from center_app.services import attendance; attendance.save_marks(...)`` is
how pages call it.

Each public function is one use case and one transaction and starts with a permission check (``attendance``:
staff and admin 写; a teacher 仅本人 — only the registers of sessions they lead, via ``ActivityVolunteer``; the
whole-day register belongs to nobody, so only staff take it). Statistics follow ``domain.attendance``.

**Which register counts for what.** The day register (``activity_id`` NULL, one per date) is the centre's
register of record: the monthly register, the rates, the "roll not taken" reminder and the overview chart use it
alone. Session registers record who took part in an activity; they are not daily attendance (a child may skip
the art class and still be at the centre), except that a present mark in any register ends an absence streak
(``early_warning``).

**Who is expected.** Day register: every child on the roll that day — enrolled on or before it (or with no
enrolment date) and not yet left (``left_on`` is the first day away) — plus anyone already marked. Session
register: the children already marked plus the session's regulars (present in any of the last four earlier
sessions of the same timetable slot, or of the same title for one-off activities); for a first session, every
child on the roll. ``RegisterView.scope`` says which, so the page can offer a search to add anyone else.

**Two people, one register.** Each mark carries a ``version`` that counts changes of its code. A save sends, per
child, the version the user saw; a mark whose stored version differs was saved by someone else meanwhile and is
not overwritten but returned as a ``Conflict`` (their code, your code, the version now stored — saving again with
that version overwrites on purpose). A code equal to the stored one is "unchanged" whatever the version (both
people agree), and nothing is rewritten. The rest of the save goes through. Writers queue on ``BEGIN
IMMEDIATE``; the version is also in the UPDATE's WHERE, so a server database with weaker locking refuses rather
than overwrites. The save's ``message`` says once what was saved, what was not and why; ``register_stamp`` (one
indexed query) tells a roll call open on another PC that the register was saved since it was read, by whom and
when; ``SaveResult.absent`` lists who is absent on the register, with the primary guardian's phone where the user
may see it.

**Times.** Instants are stored as naive UTC (the schema's rule) and returned as the PC's local time; a naive
``now`` passed in is local time.
"""

from center_app.domain.attendance import Scope
from center_app.services.attendance.check_in import (
    CheckInResult,
    CheckOutResult,
    PickupName,
    authorised_pickups,
    check_in,
    check_out,
)
from center_app.services.attendance.codes import (
    DEFAULT_CODE_KEY,
    DEFAULT_CONSECUTIVE,
    DEFAULT_MONTH_RATE,
    LATE_AFTER_KEY,
    LATE_CODE_KEY,
    OPEN_WEEKDAYS_KEY,
    WARNING_CONSECUTIVE_KEY,
    WARNING_MONTH_RATE_KEY,
    AttendanceContext,
    AttendanceSettings,
    get_attendance_settings,
    get_codes,
    read_context,
    save_attendance_settings,
    save_codes,
)
from center_app.services.attendance.monthly import (
    DayColumn,
    MonthlyRegister,
    MonthlyRow,
    export_monthly_register_xlsx,
    monthly_register,
    write_monthly_register_pdf,
)
from center_app.services.attendance.reminders import DaySummary, last_open_days_summary, not_taken_days
from center_app.services.attendance.roll_call import (
    AbsentChild,
    Conflict,
    MarkInput,
    RegisterRow,
    RegisterStamp,
    RegisterView,
    SaveResult,
    fill_unmarked,
    open_register,
    register_stamp,
    save_marks,
)

__all__ = [
    "DEFAULT_CODE_KEY",
    "DEFAULT_CONSECUTIVE",
    "DEFAULT_MONTH_RATE",
    "LATE_AFTER_KEY",
    "LATE_CODE_KEY",
    "OPEN_WEEKDAYS_KEY",
    "WARNING_CONSECUTIVE_KEY",
    "WARNING_MONTH_RATE_KEY",
    "AbsentChild",
    "AttendanceContext",
    "AttendanceSettings",
    "CheckInResult",
    "CheckOutResult",
    "Conflict",
    "DayColumn",
    "DaySummary",
    "MarkInput",
    "MonthlyRegister",
    "MonthlyRow",
    "PickupName",
    "RegisterRow",
    "RegisterStamp",
    "RegisterView",
    "SaveResult",
    "Scope",
    "authorised_pickups",
    "check_in",
    "check_out",
    "export_monthly_register_xlsx",
    "fill_unmarked",
    "get_attendance_settings",
    "get_codes",
    "last_open_days_summary",
    "monthly_register",
    "not_taken_days",
    "open_register",
    "read_context",
    "register_stamp",
    "save_attendance_settings",
    "save_codes",
    "save_marks",
    "write_monthly_register_pdf",
]
