"""Importing a donation list (Excel/CSV) into the catalogue, and exporting the catalogue, one row per copy.

Reading, header detection, encodings and the ``第N行: …`` problems come from the shared framework
(``center_app.importing``); this module adds what is particular to books:

- the column spec (``SCHEMA``): the many names donation lists give the same column (书名/题名/图书名称…);
- checks only the database can answer (a barcode already on another book) and within-file barcode repeats;
- the *plan*: which rows are new titles and which add copies to a title already catalogued (same ISBN, or for a
  book without ISBN the same title and author — ``books.match_key``), so importing the same list twice adds
  copies instead of duplicate records. Several rows of one book in the file make one title;
- the same FILE again: every import records the SHA-256 of the file's bytes (``imported_files``). The preview says
  when a file was imported before, and ``run_import`` refuses it (``AlreadyImported``) unless the caller passes
  ``again=True`` — the user confirmed it is a second, identical donation, not the same list picked twice.

The package's modules: ``columns`` (``SCHEMA``), ``plan``, ``run`` (``preview_import``, ``run_import``) and
``export`` (``export_books``); this ``__init__`` re-exports their public API.

``run_import`` is all or nothing: ONE transaction for the whole file. A bad row refuses the file (every problem
listed) unless the user chose to skip bad rows; cancelling writes nothing. The file is read before the write
transaction begins, so a slow read never holds the database's write lock. Titles and copies are written with
Core bulk inserts (a 4,000-row list in about a second on the target PC), barcodes and call numbers come from the
same allocators the catalogue form uses, and one audit entry records the counts.
"""

from center_app.services.book_import.columns import MAX_QUANTITY, SCHEMA, Cancel, Progress
from center_app.services.book_import.export import EXPORT_HEADERS, export_books
from center_app.services.book_import.run import (
    AlreadyImported,
    BookImportPreview,
    BookImportResult,
    already_imported,
    preview_import,
    run_import,
)

__all__ = [
    "EXPORT_HEADERS",
    "MAX_QUANTITY",
    "SCHEMA",
    "AlreadyImported",
    "BookImportPreview",
    "BookImportResult",
    "Cancel",
    "Progress",
    "already_imported",
    "export_books",
    "preview_import",
    "run_import",
]
