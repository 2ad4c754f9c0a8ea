"""The catalogue (图书编目): titles, their copies and barcodes, copy status, donors and donation batches.

Each public function is one use case in one transaction, checks the ``catalog`` permission first, writes its audit
records in the same transaction, and returns frozen dataclasses (never ORM objects, so a page cannot lazy-load
outside a session). The building blocks in ``common`` work *inside* a caller's session; the spreadsheet import
uses them so that a typed title and an imported one get their barcodes, call numbers and duplicate check from
the same code. The package's modules: ``titles``, ``copies``, ``donors`` and ``common``; this ``__init__``
re-exports their public API (``catalog.add_title``).

Rules kept here:

- A title is one edition. The same ISBN twice, or — for a book without ISBN — the same title and author
  (:func:`~center_app.domain.books.match_key`), is refused with :class:`DuplicateTitle`, whose message offers to add
  a copy to the existing title instead (the usual case: a second copy of a donated book).
- Every copy has a barcode. The app assigns ``<prefix><7 digits>`` (setting ``barcode_prefix``, default ``T``):
  the next number is the largest in use plus one, so numbers never repeat even after a copy is deleted from the
  middle. Barcodes are stored upper case (see ``books.clean_barcode``).
- Copy status is set by hand only to 在馆/遗失/损坏/剔除; 借出 belongs to the desk, and a copy out on loan cannot be
  changed here (it must come back — or be closed as lost — at the desk first).
"""

from center_app.services.catalog.common import (
    BARCODE_PREFIX_KEY,
    MAX_COPIES_AT_ONCE,
    MAX_LOCATION_CHARS,
    UNKNOWN_DONOR,
    BarcodeAllocator,
    CallNumberer,
    CopyInfo,
    DuplicateTitle,
    barcode_prefix,
    clean_name,
    donor_id_for,
    find_duplicate,
)
from center_app.services.catalog.copies import delete_copy, find_copy, set_copy_status, withdraw_copy
from center_app.services.catalog.donors import (
    BatchInfo,
    BookBatch,
    DonorInfo,
    create_batch,
    donor_book_batches,
    find_or_create_donor,
    list_donors,
)
from center_app.services.catalog.titles import (
    TitleDetail,
    TitleResult,
    add_copies,
    add_title,
    delete_title,
    get_title,
    update_title,
)

__all__ = [
    "BARCODE_PREFIX_KEY",
    "MAX_COPIES_AT_ONCE",
    "MAX_LOCATION_CHARS",
    "UNKNOWN_DONOR",
    "BarcodeAllocator",
    "BatchInfo",
    "BookBatch",
    "CallNumberer",
    "CopyInfo",
    "DonorInfo",
    "DuplicateTitle",
    "TitleDetail",
    "TitleResult",
    "add_copies",
    "add_title",
    "barcode_prefix",
    "clean_name",
    "create_batch",
    "delete_copy",
    "delete_title",
    "donor_book_batches",
    "donor_id_for",
    "find_copy",
    "find_duplicate",
    "find_or_create_donor",
    "get_title",
    "list_donors",
    "set_copy_status",
    "update_title",
    "withdraw_copy",
]
