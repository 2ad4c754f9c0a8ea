"""What reading a file gives back: the rows that passed, the problems found, and where they were.

Nothing here writes anywhere. A service takes an :class:`ImportPreview`, shows it (or not), and then writes
``preview.rows_for_import(...)`` in ONE transaction. The default policy is "bad input is refused whole": if any
row has a problem nothing is imported, unless the user explicitly chose to skip the bad rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from center_app.domain.errors import DomainError, ValidationError

# Long reads and writes report ``progress(done, total)`` (total 0 = unknown) and stop when ``cancel()`` is True.
Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

# How many problem lines go into one ValidationError; the preview keeps them all.
MAX_PROBLEMS_IN_ERROR = 200


class ImportCancelled(DomainError):
    """The user pressed Cancel while a file was being read. Nothing was written (reading never writes)."""

    def __init__(self, message: str = "导入已取消，没有导入任何数据。") -> None:
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class RowProblem:
    """One problem on one row. ``str()`` is exactly ``第N行: reason`` (ASCII colon + space)."""

    row: int
    column: str  # the column's label as the schema names it ("出版日期"); "" for a whole-row problem
    message: str  # the reason, already naming the column: “出版日期”不是有效日期（2015-2-30）

    def __str__(self) -> str:
        return f"第{self.row}行: {self.message}"


@dataclass(frozen=True, slots=True)
class ValidRow:
    """A row that passed every check: its sheet row number and the parsed value of every schema column."""

    row: int
    values: dict[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.values[key]


@dataclass(slots=True)
class ImportPreview:
    """The outcome of reading one file against one schema.

    ``rows`` only holds rows without problems; a row with several problems appears once per problem in
    ``problems``. Row numbers are the ones the user sees: Excel's row number, or the line number in a CSV file.
    """

    source: str  # file name, for messages
    sheet_name: str  # the worksheet read ("" for CSV)
    header_row: int
    rows: list[ValidRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    total_rows_seen: int = 0  # non-blank rows below the header, including total rows and bad rows
    skipped_total_rows: list[int] = field(default_factory=list)  # row numbers of 合计/总计/小计/total rows
    columns: dict[str, str] = field(default_factory=dict)  # schema key -> header text found in the file
    ignored_columns: list[str] = field(default_factory=list)  # header texts that matched no schema column
    encoding: str = ""  # CSV only: "utf-8", "gb18030", "utf-16"
    delimiter: str = ""  # CSV only
    sha256: str = ""  # of the file's bytes: a service recognises a file it has imported before
    # What reading did that the user should know before importing: merged cells filled in, the sheet read being
    # hidden, other sheets with content left unread. Plain Chinese sentences, shown with the warnings.
    notices: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no row has a problem, i.e. the whole file may be imported."""
        return not self.problems

    @property
    def bad_rows(self) -> list[int]:
        """Row numbers with at least one problem, in order, each once."""
        return sorted({p.row for p in self.problems})

    def problem_lines(self, limit: int | None = None) -> list[str]:
        lines = [str(p) for p in self.problems]
        if limit is not None and len(lines) > limit:
            lines = [*lines[:limit], f"……还有 {len(lines) - limit} 个问题未列出"]
        return lines

    def summary(self) -> str:
        """One line for the preview dialog, e.g. ``共 30 行：可导入 28 行，2 行有问题，跳过合计行 1 行``."""
        parts = [f"可导入 {len(self.rows)} 行"]
        if self.problems:
            parts.append(f"{len(self.bad_rows)} 行有问题")
        if self.skipped_total_rows:
            parts.append(f"跳过合计行 {len(self.skipped_total_rows)} 行")
        return f"共 {self.total_rows_seen} 行：" + "，".join(parts)

    def raise_if_problems(self) -> None:
        """Raise a ValidationError listing every bad row (the default all-or-nothing policy)."""
        if self.problems:
            raise ValidationError(
                f"“{self.source}”中有 {len(self.bad_rows)} 行有问题，没有导入任何数据。请改正后重新导入，"
                "或选择“跳过有问题的行”。",
                self.problem_lines(MAX_PROBLEMS_IN_ERROR),
            )

    def rows_for_import(self, *, skip_invalid: bool = False) -> list[ValidRow]:
        """The rows a service should write.

        Default: all rows, or a ValidationError if any row is bad. With ``skip_invalid`` only the good rows
        (the user has seen the problems and chose to leave those rows out).
        """
        if not skip_invalid:
            self.raise_if_problems()
        return self.rows


class FromPreview:
    """For a service's import plan that wraps the file as read (``preview``): whether it can be imported whole and
    its ``第N行`` problems, said once for every kind of import."""

    __slots__ = ()
    preview: ImportPreview

    @property
    def ok(self) -> bool:
        return self.preview.ok

    @property
    def problems(self) -> list[str]:
        return self.preview.problem_lines()
