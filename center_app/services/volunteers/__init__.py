"""Volunteer teachers (issue 12): the roster, programmes and their timetable with clash checks, service hours,
printed timetables, verifiable certificates, and a university team's list in and out.

The package's modules follow those use cases — ``records`` (the list with pinyin search, a record, create, update,
deactivate), ``rooms``, ``programmes`` (terms and summer programmes, their periods), ``sessions`` (check, save,
delete; one occurrence cancelled, moved or restored), ``grid`` (the week grid's data, a programme's clashes, the
occurrences between two dates), ``printing`` (timetables as PDF), ``hours`` (sign in and out, confirm the planned
time, approve, reject, correct, totals, export), ``certificates`` (draft, issue, print, list, verify) and
``transfer`` + ``columns`` (import and export); ``schedule`` and ``common`` hold what they share, including the
building blocks that work inside a caller's session (the demo centre uses them). This ``__init__`` re-exports the
public API, so a page calls ``volunteers.save_session(...)``.

Each public function is one use case and one transaction, starts with a permission check and writes its audit
records in the same transaction. ``volunteers`` read/write is staff's (admin, staff); a teacher (``own``) linked to
a volunteer record sees and changes their own record, the sessions they teach in and their own hours, and signs in
and out; approving hours, overriding a clash, issuing and verifying certificates are staff's (docs/permissions.md).

The rules are pure and live in ``domain/``: ``timetable`` (occurrences, the clash check, availability warnings),
``volunteers`` (the record, availability text, hours arithmetic), ``certificates`` (the verification code).
"""

from center_app.domain.timetable import Period
from center_app.domain.volunteers import VolunteerInput
from center_app.services.volunteers import transfer as file_import  # the ImportService for the import panel
from center_app.services.volunteers.certificates import (
    CertificateDraft,
    IssuedCertificate,
    SummaryLine,
    Verification,
    draft_certificate,
    issue_certificate,
    list_certificates,
    verify_certificate,
    write_certificate_pdf,
)
from center_app.services.volunteers.columns import SCHEMA
from center_app.services.volunteers.grid import (
    GridCell,
    OccurrenceInfo,
    WeekGrid,
    occurrences_between,
    programme_clashes,
    week_grid,
)
from center_app.services.volunteers.hours import (
    HoursRow,
    HoursTotals,
    OrganisationTotal,
    VolunteerTotal,
    add_hours,
    approve_hours,
    confirm_planned,
    correct_hours,
    export_hours_xlsx,
    hours_totals,
    list_hours,
    reject_hours,
    sign_in,
    sign_out,
)
from center_app.services.volunteers.printing import timetable_sheets, write_timetable_pdf
from center_app.services.volunteers.programmes import (
    create_programme,
    current_programme,
    delete_programme,
    get_programme,
    list_programmes,
    update_programme,
)
from center_app.services.volunteers.records import (
    VolunteerRow,
    create_volunteer,
    get_volunteer,
    list_organisations,
    list_volunteers,
    set_volunteer_active,
    update_volunteer,
)
from center_app.services.volunteers.rooms import RoomRow, list_rooms, save_room
from center_app.services.volunteers.schedule import ClashInfo, ClashRefused, OccurrenceRef, ProgrammeInfo
from center_app.services.volunteers.sessions import (
    ExceptionInfo,
    SavedSession,
    SessionCheck,
    SessionInfo,
    SessionInput,
    cancel_occurrence,
    check_session,
    delete_session,
    get_session,
    list_groups,
    list_sessions,
    move_occurrence,
    restore_occurrence,
    save_session,
)
from center_app.services.volunteers.transfer import (
    VolunteerImportPreview,
    VolunteerImportResult,
    export_volunteers,
    preview_import,
    run_import,
)

__all__ = [
    "SCHEMA",
    "CertificateDraft",
    "ClashInfo",
    "ClashRefused",
    "ExceptionInfo",
    "GridCell",
    "HoursRow",
    "HoursTotals",
    "IssuedCertificate",
    "OccurrenceInfo",
    "OccurrenceRef",
    "OrganisationTotal",
    "Period",
    "ProgrammeInfo",
    "RoomRow",
    "SavedSession",
    "SessionCheck",
    "SessionInfo",
    "SessionInput",
    "SummaryLine",
    "Verification",
    "VolunteerImportPreview",
    "VolunteerImportResult",
    "VolunteerInput",
    "VolunteerRow",
    "VolunteerTotal",
    "WeekGrid",
    "add_hours",
    "approve_hours",
    "cancel_occurrence",
    "check_session",
    "confirm_planned",
    "correct_hours",
    "create_programme",
    "create_volunteer",
    "current_programme",
    "delete_programme",
    "delete_session",
    "draft_certificate",
    "export_hours_xlsx",
    "export_volunteers",
    "file_import",
    "get_programme",
    "get_session",
    "get_volunteer",
    "hours_totals",
    "issue_certificate",
    "list_certificates",
    "list_groups",
    "list_hours",
    "list_organisations",
    "list_programmes",
    "list_rooms",
    "list_sessions",
    "list_volunteers",
    "move_occurrence",
    "occurrences_between",
    "preview_import",
    "programme_clashes",
    "reject_hours",
    "restore_occurrence",
    "run_import",
    "save_room",
    "save_session",
    "set_volunteer_active",
    "sign_in",
    "sign_out",
    "timetable_sheets",
    "update_programme",
    "update_volunteer",
    "verify_certificate",
    "week_grid",
    "write_certificate_pdf",
    "write_timetable_pdf",
]
