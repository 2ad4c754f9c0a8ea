"""Activities (issue 13): the sessions that were held — recorded freely or from the timetable, with their
volunteers, the children who attended (their roll call), the equipment they used (loans to them), a description,
the teacher's reflection and photos — and the single-activity report.

The package's modules follow those use cases — ``records`` (the list with its filters, one activity, create,
update, delete), ``planned`` (the timetable's occurrences as activities to record, the form prefilled from one),
``photos`` (copied in and resized, the children in each, removed) and ``report`` (the report's content, its PDF,
its tables in Excel); ``_shared`` holds what they share. This ``__init__`` re-exports the public API, so a page
calls ``activities.create_activity(...)``.

Each public function is one use case and one transaction, starts with a permission check and writes its audit
records in the same transaction. ``activities`` read/write is staff's (admin, staff); a teacher (``own``) sees,
records and changes only the activities they lead or help in (``activity_volunteer``), as with the roll call
(docs/permissions.md). Where the parts come from: attendance is the activity's roll call
(``services.attendance``: a register per activity), equipment the loans made to it (``services.equipment``:
``Borrower.group(label, activity_id=...)``), volunteers the timetable's occurrence it was held as
(``services.volunteers``: ``(session id, planned date)``, whose service hours it claims through
``hours.link_to_activity``).

**Photos and consent.** A photo is printed only when someone said who is in it and every child in it has a
guardian's photo consent on file (``child.photo_consent``, set in the child's file); the report leaves the others
out and says how many and why (``domain.activities.photo_verdict``).
"""

from center_app.domain.activities import KIND_LABELS, ActivityInput, PhotoVerdict
from center_app.services.activities._shared import (
    ActivityDetail,
    ActivityRow,
    AttendeeRow,
    EquipmentUse,
    PhotoRow,
    TaggedChild,
    VolunteerRef,
)
from center_app.services.activities.photos import (
    ChildChoice,
    add_photo,
    photo_children_choices,
    remove_photo,
    tag_photo,
)
from center_app.services.activities.planned import PlannedSession, draft_from_session, planned_sessions
from center_app.services.activities.records import (
    create_activity,
    delete_activity,
    get_activity,
    list_activities,
    update_activity,
)
from center_app.services.activities.report import (
    ActivityReport,
    ReportPhoto,
    WrittenReport,
    activity_report,
    export_activity_xlsx,
    write_activity_report,
)

__all__ = [
    "KIND_LABELS",
    "ActivityDetail",
    "ActivityInput",
    "ActivityReport",
    "ActivityRow",
    "AttendeeRow",
    "ChildChoice",
    "EquipmentUse",
    "PhotoRow",
    "PhotoVerdict",
    "PlannedSession",
    "ReportPhoto",
    "TaggedChild",
    "VolunteerRef",
    "WrittenReport",
    "activity_report",
    "add_photo",
    "create_activity",
    "delete_activity",
    "draft_from_session",
    "export_activity_xlsx",
    "get_activity",
    "list_activities",
    "photo_children_choices",
    "planned_sessions",
    "remove_photo",
    "tag_photo",
    "update_activity",
    "write_activity_report",
]
