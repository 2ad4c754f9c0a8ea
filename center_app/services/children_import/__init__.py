"""Importing a children's roster (花名册) from Excel/CSV: new children are registered, children already on the
roster are updated, never duplicated.

Reading, header detection (a title row above the header is fine), encodings (GBK CSV from Chinese Excel) and the
``第N行: …`` problems come from the shared framework (``center_app.importing``); this module adds:

- the column spec (``SCHEMA``) with the names rosters give each column (出生日期/生日, 村/组, 留守情况…) and the
  domain parsers (``domain.children``) for grades, genders, left-behind types, relations and phone numbers;
- matching a row to a child already on the roster: the same library-card number (the name must agree), else the
  same name and birth date; a row without a birth date matches the one child of that name (in that class, if
  given); a row with a birth date also matches the one child of that name whose birth date was never entered.
  Several candidates is a row problem ("请填写出生日期或借书证号以便区分"), never a guess;
- **a blank cell never erases**: an update writes only the cells the file fills (a school's list with just 姓名 and
  班级 must not wipe the guardians' phones). Clearing a field is done in the child's profile form;
- the guardian columns (监护人, 与儿童关系, 监护人电话) describe the *primary* guardian: one of that name is updated
  (and made primary), otherwise a new primary guardian is added. ``王奶奶（祖母）`` in the 监护人 column — how the
  roster export writes it — is read as name + relation, so export → import changes nothing.

The same FILE again (same bytes, ``imported_files``) is imported without asking: matching makes a second import an
update, never a second registration. The preview says when it was imported before, and that cells which differ from
the profiles now (changed in the app since) would be written back — the updated count shows how many children.

The package's modules: ``columns`` (``SCHEMA``), ``plan`` (matching rows to children) and ``run``
(``preview_import``, ``run_import``); this ``__init__`` re-exports their public API.

``run_import`` is all or nothing: ONE transaction for the whole file; a bad row refuses the file (every problem
listed) unless the user chose to skip bad rows; cancelling writes nothing. The file is read before the write
transaction begins. Each created/updated child and guardian is audited (old → new) and one entry records the
counts; the writes use the children service's own helpers (``services/children/``), so a form and an import store,
compare (``七年级2班`` is ``初一2班``) and audit a child the same way. Needs ``children`` write and write on every
child field group the file can fill (staff, admin).
"""

from center_app.services.children_import.columns import CHILD_KEYS, GUARDIAN_KEYS, SCHEMA, Cancel, Progress
from center_app.services.children_import.run import (
    ChildImportPreview,
    ChildImportResult,
    preview_import,
    run_import,
)

__all__ = [
    "CHILD_KEYS",
    "GUARDIAN_KEYS",
    "SCHEMA",
    "Cancel",
    "ChildImportPreview",
    "ChildImportResult",
    "Progress",
    "preview_import",
    "run_import",
]
