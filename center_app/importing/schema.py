"""Column specs and row validation: what a row of a books/children/equipment/volunteers file must look like.

A :class:`Schema` is a list of :class:`Column` specs. Each column knows the names it may carry in a header (Chinese
or English, with synonyms), whether it is required, and a *parser*: any callable that takes one non-blank cell
value and returns the parsed value or raises :class:`CellError`. Parsers never see blanks: the column handles
"required" and "default" itself, so a parser only answers "is this a valid X?".

Cell values arrive as the readers give them: ``str`` from CSV; ``str``/``int``/``float``/``bool``/``datetime``
from openpyxl. Every parser here accepts all of those, because people type numbers as text and text as numbers.

Messages are Chinese and are built as ``“<column label>”<reason>``, so a parser's reason is phrased to follow the
column's name: ``CellError("不是有效日期（2015-2-30）")`` → ``第5行: “出版日期”不是有效日期（2015-2-30）``.
A domain function used as a parser may instead raise a DomainError (ValidationError) whose message is a whole
sentence; it is kept as is (``第12行: ISBN“…”无效：…``). A bare ValueError (python-stdnum) becomes "格式不正确".
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from center_app.domain.cells import CellError, show  # plain types shared with domain/ (Date lives there too)
from center_app.domain.errors import DomainError
from center_app.importing.preview import RowProblem, ValidRow

# A cell may hold at most this many characters; longer text is almost always a paste accident.
MAX_CELL_CHARS = 2000

# The error values a spreadsheet shows for a broken formula (openpyxl gives them as strings).
EXCEL_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"}
)

# Characters our exporter escapes with a leading apostrophe (see export.escape_formula); the reader undoes it
# so that export → import gives back the same text.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

Parser = Callable[[Any], Any]
RowCheck = Callable[[Mapping[str, Any]], "str | Iterable[str] | None"]


@dataclass(frozen=True, slots=True)
class FormulaWithoutValue:
    """An xlsx formula cell with no cached result (file written by a program that never calculated it)."""

    formula: str


# ---------------------------------------------------------------------------------------------------- helpers

# Zero-width characters that come along when text is pasted from web pages.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)


def clean_cell(value: object) -> object:
    """Normalise one raw cell: trim text (incl. full-width spaces), undo our export's formula escape, blank → None."""
    if isinstance(value, str):
        text = value.translate(_INVISIBLE).strip()
        if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_TRIGGERS:
            text = text[1:]
        return text or None
    return value


def is_blank(value: object) -> bool:
    return clean_cell(value) is None


def _nfkc(text: str) -> str:
    # Full-width digits and letters (３, ＡＢＣ) become ASCII; Chinese characters are unchanged.
    return unicodedata.normalize("NFKC", text)


_BRACKETED = re.compile(r"[(\[{<【〔〈「][^)\]}>】〕〉」]*[)\]}>】〕〉」]")
_BRACKET_CHARS = re.compile(r"[()\[\]{}<>【】〔〕〈〉「」]")
_HEADER_NOISE = re.compile(r"[\s*:_\-.#※★☆•·\"'“”‘’《》?!\u200b\ufeff]")
_HEADER_SPLIT = re.compile(r"[/|\\、]")


def normalize_header(text: object) -> str:
    """``" 书名（必填）* "`` → ``书名``; ``"Title:"`` → ``title``; ``【作者】`` → ``作者``. For headers and synonyms."""
    s = _nfkc(str(text)).casefold()
    # A bracketed note goes ("（必填）", "(元)"), unless the brackets hold the whole name.
    return _HEADER_NOISE.sub("", _BRACKETED.sub("", s)) or _HEADER_NOISE.sub("", _BRACKET_CHARS.sub("", s))


def _header_parts(text: str) -> list[str]:
    """The halves of a combined header such as ``书名/题名`` (empty for a plain header)."""
    parts = _HEADER_SPLIT.split(text)
    return [n for n in map(normalize_header, parts) if n] if len(parts) > 1 else []


# ---------------------------------------------------------------------------------------------------- parsers


@dataclass(frozen=True, slots=True)
class Text:
    """Any text. Numbers become their digits (an ISBN stored as a number 9787104332183 → "9787104332183");
    runs of whitespace (line breaks typed with Alt+Enter) become one space."""

    max_length: int = 500

    def __call__(self, value: Any) -> str:
        text = " ".join(_as_text(value).split())
        if not text:
            raise CellError("不能为空")
        if len(text) > self.max_length:
            raise CellError(f"太长（{len(text)} 个字，最多 {self.max_length} 个字）")
        return text


def _as_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if not math.isfinite(value):
            raise CellError(f"不是有效的值（{show(value)}）")
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise CellError(f"不是有效的值（{show(value)}）")
        return format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
    if isinstance(value, dt.datetime):
        return show(value, limit=64)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


_INT_TEXT = re.compile(r"^([+-]?)(\d+)(?:\.(\d+))?(\D{0,3})$")
_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?")
# Measure words people add after a quantity: "3册", "2本", "5个".
DEFAULT_UNITS = frozenset("册本套个件只把台张盒支副根条块双袋箱包瓶桶卷份部人名次节天岁页") | {"课时", "小时"}


@dataclass(frozen=True, slots=True)
class Integer:
    """A whole number in ``[min_value, max_value]``: 3, 3.0, "3", "３", "3册", "3.0", "1,200" → the int.

    "3.5", "abc", "三" and booleans are refused with a message naming the value.
    """

    min_value: int = 0
    max_value: int = 1_000_000
    units: frozenset[str] = DEFAULT_UNITS

    def __call__(self, value: Any) -> int:
        number = self._to_int(value)
        if number < self.min_value:
            raise CellError(f"不能小于 {self.min_value}（{show(value)}）")
        if number > self.max_value:
            raise CellError(f"不能大于 {self.max_value}（{show(value)}）")
        return number

    def _to_int(self, value: Any) -> int:
        if isinstance(value, bool):
            raise CellError(f"应为整数（{show(value)}）")
        if isinstance(value, int):
            return value
        if isinstance(value, float | Decimal):
            if not (math.isfinite(value) if isinstance(value, float) else value.is_finite()):
                raise CellError(f"不是有效的整数（{show(value)}）")
            if value != int(value):
                raise CellError(f"应为整数，不能有小数（{show(value)}）")
            return int(value)
        if isinstance(value, str):
            text = "".join(_nfkc(value).split())
            if _THOUSANDS.match(text):
                text = text.replace(",", "")
            match = _INT_TEXT.match(text)
            if match and len(match[2]) <= 15:  # more digits than any count could have: refuse before int()
                sign, digits, fraction, unit = match.groups()
                if unit and unit not in self.units:
                    raise CellError(f"不是有效的整数（{show(value)}）")
                if fraction and fraction.strip("0"):
                    raise CellError(f"应为整数，不能有小数（{show(value)}）")
                return int(sign + digits)
            raise CellError(f"不是有效的整数（{show(value)}）")
        raise CellError(f"不是有效的整数（{show(value)}）")


_MONEY_TEXT = re.compile(r"^([+-]?)(\d+)(?:\.(\d*))?$")
_CURRENCY = re.compile(r"^(?:¥|rmb|cny)|(?:元|rmb|cny)$")


@dataclass(frozen=True, slots=True)
class Money:
    """An amount in yuan → integer fen (分), so sums never round: "12.5", "¥12.50", "12.50元", "1,234.5", 12.5.

    More than two decimals in text is refused (a typo, not a price). A float from a formula such as
    0.1+0.2 = 0.30000000000000004 is rounded to the fen, since that noise comes from the spreadsheet.
    """

    max_yuan: int = 100_000_000
    allow_negative: bool = False

    def __call__(self, value: Any) -> int:
        amount = self._to_decimal(value)
        if amount < 0 and not self.allow_negative:
            raise CellError(f"不能为负数（{show(value)}）")
        if abs(amount) > self.max_yuan:
            raise CellError(f"金额太大，不能超过 {self.max_yuan} 元（{show(value)}）")
        return int(amount * 100)

    @staticmethod
    def _to_decimal(value: Any) -> Decimal:
        if isinstance(value, bool):
            raise CellError(f"不是有效的金额（{show(value)}）")
        if isinstance(value, int):
            return Decimal(value)
        if isinstance(value, float | Decimal):
            amount = Decimal(repr(value)) if isinstance(value, float) else value
            if not amount.is_finite():
                raise CellError(f"不是有效的金额（{show(value)}）")
            if amount.adjusted() > 15:  # quantize() cannot hold it, and no price is that big
                raise CellError(f"金额太大（{show(value)}）")
            fen = amount.quantize(Decimal("0.01"))

            if abs(amount - fen) > Decimal("0.000001"):
                raise CellError(f"最多只能有两位小数（{show(value)}）")
            return fen
        if isinstance(value, str):
            text = "".join(_nfkc(value).split()).casefold()
            text = _CURRENCY.sub("", text)
            if _THOUSANDS.match(text.lstrip("+-")):
                text = text.replace(",", "")
            match = _MONEY_TEXT.match(text)
            if not match or len(match[2]) > 15:
                raise CellError(f"不是有效的金额（{show(value)}）")
            if match[3] and len(match[3]) > 2:
                raise CellError(f"最多只能有两位小数（{show(value)}）")
            try:
                return Decimal(text)
            except InvalidOperation:  # pragma: no cover - the regex already shaped the text
                raise CellError(f"不是有效的金额（{show(value)}）") from None
        raise CellError(f"不是有效的金额（{show(value)}）")


def _choice_key(value: object) -> str:
    return "".join(_nfkc(_as_text(value)).casefold().split())


@dataclass(frozen=True, eq=False)
class Choice:
    """One of a fixed set, written in Chinese or English: ``Choice({"男": "male", "女": "female", "m": "male"})``.

    Matching ignores case, spaces and full-width forms. The message lists the allowed (Chinese first) spellings.
    """

    mapping: Mapping[str, Any]
    _lookup: dict[str, Any] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_lookup", {_choice_key(k): v for k, v in self.mapping.items()})

    def allowed(self) -> list[str]:
        names = list(self.mapping)
        chinese = [n for n in names if any("\u4e00" <= ch <= "\u9fff" for ch in n)]
        return (chinese or names)[:12]

    def __call__(self, value: Any) -> Any:
        try:
            key = _choice_key(value)
        except CellError:
            key = ""
        if key in self._lookup:
            return self._lookup[key]
        raise CellError(f"只能填写 {'、'.join(self.allowed())}（{show(value)}）")


def yes_no() -> Choice:
    """是/否 in the ways people write it (是 否 有 无 Y N √ × 1 0 true false); booleans pass through."""
    yes = ["是", "有", "对", "y", "yes", "true", "1", "√", "✓", "✔"]
    no = ["否", "无", "没有", "不是", "错", "n", "no", "false", "0", "×", "✗", "✘"]
    return Choice({**dict.fromkeys(yes, True), **dict.fromkeys(no, False)})


# ---------------------------------------------------------------------------------------------------- schema


@dataclass(frozen=True)
class Column:
    """One column of a file.

    ``label`` is the Chinese name used in messages (and accepted in headers); ``synonyms`` are the other header
    texts that mean this column (Chinese or English). ``required``: the header must have the column and every
    row must fill it. An optional column that is absent or blank gets ``default``.
    """

    key: str
    label: str
    synonyms: Sequence[str] = ()
    parser: Parser = Text()
    required: bool = False
    default: Any = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "synonyms", tuple(self.synonyms))

    @property
    def names(self) -> list[str]:
        """Every header text accepted for this column, label first, each once."""
        seen: list[str] = []
        for name in (self.label, *self.synonyms, self.key):
            if name not in seen:
                seen.append(name)
        return seen

    def describe(self) -> str:
        return f"“{self.label}”可以写作：{'、'.join(self.names)}"


@dataclass(slots=True)
class HeaderMatch:
    """How one row of cells maps onto a schema's columns."""

    positions: dict[str, int] = field(default_factory=dict)  # column key -> 0-based cell index
    texts: dict[str, str] = field(default_factory=dict)  # column key -> header text as written
    ignored: list[str] = field(default_factory=list)  # header texts that are no column of ours
    conflicts: dict[str, list[str]] = field(default_factory=dict)  # key -> 2+ header texts naming it

    @property
    def count(self) -> int:
        return len(self.positions)


class Schema:
    """The columns of one kind of file, plus optional cross-field rules and duplicate keys.

    ``unique``: keys (or tuples of keys) that must not repeat within the file, e.g. ``["barcode"]`` →
    ``第9行: 与第3行重复（“条码”都是 A0001）``. Rows whose key cells are all blank are not compared.

    ``row_check(values)`` runs on a row whose cells all parsed; it returns a message, a list of messages or None
    (or raises CellError) for rules that involve several columns ("借出数量不能大于总数").
    """

    def __init__(
        self,
        columns: Sequence[Column],
        *,
        unique: Sequence[str | Sequence[str]] = (),
        row_check: RowCheck | None = None,
        max_cell_chars: int = MAX_CELL_CHARS,
    ) -> None:
        if not columns:
            raise ValueError("a schema needs at least one column")
        self.columns: tuple[Column, ...] = tuple(columns)
        self.by_key: dict[str, Column] = {}
        self._names: dict[str, str] = {}  # normalised header name -> column key
        for column in self.columns:
            if column.key in self.by_key:
                raise ValueError(f"duplicate column key {column.key!r}")
            self.by_key[column.key] = column
            for name in column.names:
                norm = normalize_header(name)
                if not norm:
                    raise ValueError(f"column {column.key!r}: header name {name!r} is empty once normalised")
                owner = self._names.setdefault(norm, column.key)
                if owner != column.key:
                    raise ValueError(f"header name {name!r} belongs to both {owner!r} and {column.key!r}")
        self.unique: tuple[tuple[str, ...], ...] = tuple(
            (spec,) if isinstance(spec, str) else tuple(spec) for spec in unique
        )
        for spec in self.unique:
            for key in spec:
                if key not in self.by_key:
                    raise ValueError(f"unique key {key!r} is not a column")
        self.row_check = row_check
        self.max_cell_chars = max_cell_chars

    @property
    def required_columns(self) -> list[Column]:
        return [c for c in self.columns if c.required]

    @property
    def header_threshold(self) -> int:
        """How many known names a row needs to count as the header (2, or 1 for a one-column schema)."""
        return min(2, len(self.columns))

    def match_header(self, cells: Sequence[object]) -> HeaderMatch:
        match = HeaderMatch()
        partial: list[tuple[int, str]] = []
        for index, cell in enumerate(cells):
            if is_blank(cell) or isinstance(cell, FormulaWithoutValue):
                continue
            text = str(clean_cell(cell))
            key = self._names.get(normalize_header(text))
            if key is None:
                partial.append((index, text))
            elif key in match.positions:  # two columns with the same meaning: the user must choose
                match.conflicts.setdefault(key, [match.texts[key]]).append(text)
            else:
                match.positions[key] = index
                match.texts[key] = text
        # "书名/题名" only fills a column no header names exactly, so it never makes a conflict.
        for index, text in partial:
            key = next((self._names[n] for n in _header_parts(text) if n in self._names), None)
            if key is None or key in match.positions:
                match.ignored.append(text)
            else:
                match.positions[key] = index
                match.texts[key] = text
        return match

    def missing_columns(self, match: HeaderMatch) -> list[Column]:
        return [c for c in self.required_columns if c.key not in match.positions]

    def is_header_repeat(self, raw: Mapping[str, object]) -> bool:
        """A data row that repeats the header (files printed page by page repeat it)."""
        hits = 0
        for key, value in raw.items():
            if isinstance(value, str) and self._names.get(normalize_header(value)) == key:
                hits += 1
        return hits >= self.header_threshold

    def parse_row(self, row: int, raw: Mapping[str, object]) -> tuple[dict[str, Any], list[RowProblem]]:
        """Parse one row's cells (key -> raw value; a key absent from ``raw`` means the file has no such column).

        Returns the parsed values (complete only when there are no problems) and the problems. Stateless: the
        duplicate check lives in :class:`RowValidator`.
        """
        values: dict[str, Any] = {}
        problems: list[RowProblem] = []
        for column in self.columns:
            try:
                values[column.key] = self._parse_cell(column, raw.get(column.key))
            except CellError as exc:
                problems.append(RowProblem(row, column.label, f"“{column.label}”{exc.message}"))
            except DomainError as exc:  # a domain rule used as parser (isbn.to_isbn13): its own full sentence
                problems.append(RowProblem(row, column.label, exc.message))
        if not problems and self.row_check is not None:
            try:
                outcome = self.row_check(values)
            except (CellError, DomainError) as exc:
                outcome = exc.message
            messages = [outcome] if isinstance(outcome, str) else list(outcome or [])
            problems += [RowProblem(row, "", message) for message in messages]
        return values, problems

    def _parse_cell(self, column: Column, raw: object) -> Any:
        value = clean_cell(raw)
        if isinstance(value, FormulaWithoutValue):
            raise CellError(
                "是公式，但文件里没有保存计算结果。请用 Excel 或 WPS 打开此文件并保存，然后重新导入"
            )
        if isinstance(value, str) and value in EXCEL_ERRORS:
            raise CellError(f"是出错的公式（{value}），请在表格里改正")
        if value is None:
            if column.required:
                raise CellError("不能为空")
            return column.default
        if isinstance(value, str) and len(value) > self.max_cell_chars:
            raise CellError(f"内容太长（{len(value)} 个字，一个单元格最多 {self.max_cell_chars} 个字）")
        try:
            return column.parser(value)
        except CellError:
            raise
        except (ValueError, ArithmeticError):
            # A caller's parser built on a library that raises ValueError (python-stdnum's ISBN checks do).
            raise CellError(f"格式不正确（{show(value)}）") from None

    def validator(self) -> RowValidator:
        return RowValidator(self)

    def validate(
        self, rows: Iterable[tuple[int, Mapping[str, object]]]
    ) -> tuple[list[ValidRow], list[RowProblem]]:
        """Validate (row number, raw cells) pairs from any source, with the duplicate check."""
        validator = self.validator()
        for row, raw in rows:
            validator.check(row, raw)
        return validator.rows, validator.problems


class RowValidator:
    """Validates the rows of ONE file in order; remembers keys already seen for the duplicate check."""

    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        self.rows: list[ValidRow] = []
        self.problems: list[RowProblem] = []
        # per unique key: fingerprint -> (first row, its values as written there)
        self._seen: list[dict[tuple[object, ...], tuple[int, list[Any]]]] = [{} for _ in schema.unique]

    def check(self, row: int, raw: Mapping[str, object]) -> ValidRow | None:
        values, problems = self.schema.parse_row(row, raw)
        for spec, seen in zip(self.schema.unique, self._seen, strict=True):
            if not all(key in values for key in spec):  # a key cell failed to parse: already reported
                continue
            parts = [values[key] for key in spec]
            if all(p is None or p == "" for p in parts):
                continue
            fingerprint = tuple(_fingerprint(p) for p in parts)
            first, first_parts = seen.setdefault(fingerprint, (row, parts))
            if first != row:
                labels = "、".join(f"“{self.schema.by_key[k].label}”" for k in spec)
                shown = " / ".join(show(p) for p in first_parts)
                label = self.schema.by_key[spec[0]].label
                problems.append(RowProblem(row, label, f"与第{first}行重复（{labels}都是 {shown}）"))
        self.problems += problems
        if problems:
            return None
        valid = ValidRow(row, values)
        self.rows.append(valid)
        return valid


def _fingerprint(value: object) -> object:
    # "a0001" and "Ａ0001 " are the same barcode to a person.
    if isinstance(value, str):
        return "".join(_nfkc(value).casefold().split())
    return value
