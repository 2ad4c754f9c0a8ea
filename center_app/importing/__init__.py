"""Spreadsheet/CSV import and export, shared by books, children, equipment and volunteers.

A service defines a :class:`Schema` (columns with header synonyms and parsers), calls :func:`read_table` to get an
:class:`ImportPreview` (good rows + ``第N行: …`` problems; nothing written), then writes
``preview.rows_for_import(skip_invalid=...)`` in one transaction. :func:`write_xlsx` / :func:`write_csv` export
tables atomically with formula-injection escaping. No Qt and no database here.
"""

from center_app.domain.cells import CellError, Date
from center_app.importing.export import ExportCancelled, escape_formula, write_csv, write_xlsx, yuan
from center_app.importing.preview import FromPreview, ImportCancelled, ImportPreview, RowProblem, ValidRow
from center_app.importing.reader import read_table
from center_app.importing.schema import (
    MAX_CELL_CHARS,
    Choice,
    Column,
    Integer,
    Money,
    Schema,
    Text,
    yes_no,
)
from center_app.importing.sources import FILE_DIALOG_FILTER, MAX_DATA_ROWS, SUPPORTED_SUFFIXES

__all__ = [
    "FromPreview",
    "FILE_DIALOG_FILTER",
    "MAX_CELL_CHARS",
    "MAX_DATA_ROWS",
    "SUPPORTED_SUFFIXES",
    "CellError",
    "Choice",
    "Column",
    "Date",
    "ExportCancelled",
    "ImportCancelled",
    "ImportPreview",
    "Integer",
    "Money",
    "RowProblem",
    "Schema",
    "Text",
    "ValidRow",
    "escape_formula",
    "read_table",
    "write_csv",
    "write_xlsx",
    "yes_no",
    "yuan",
]
