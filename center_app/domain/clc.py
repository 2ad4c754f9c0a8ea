"""中图法 (Chinese Library Classification): the 22 top classes, their spine-label colours, and call numbers.

Colours. Children shelve by colour long before they read a class number, so every top class gets a colour band on
its spine label. The 22 colours are Kenneth Kelly's "22 colours of maximum contrast" (Kelly 1965, Color
Engineering 3(6); hex values as commonly published from the ISCC-NBS centroids): the one published set of exactly
22 colours chosen to stay apart from each other, also for people with weak colour vision, made of ordinary named
colours that any colour toner reproduces and a child can name. A few of Kelly's colours are near neighbours
(purple/violet, yellow/greenish yellow/orange yellow, orange/orange yellow, black/olive green); each such pair is
split between a class a children's library holds many books of and one it hardly holds (V 航空航天, X, U, S), so
the thirteen common classes (``COMMON_CLASSES``) stay clearly apart. Some colours follow meaning where that was
free: red for literature, green for biology, blue for science, black for astronomy. Kelly's white goes to A, which
such a library almost never holds; a label draws every band with a thin black outline, so a white band still
shows. ``text_colour`` says whether the class letter printed on the band should be black or white to stay
readable. On a black-and-white laser printer the bands print as greys, which is why the label always prints the
class letter as well.

Call numbers (索书号) are ``<CLC number>/<sequence>``, e.g. ``I287.5/12``: the sequence (种次号) counts the titles
within the same CLC number, so the next one is the largest sequence already used for that number plus one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from center_app.domain.errors import ValidationError


@dataclass(frozen=True, slots=True)
class ClcClass:
    letter: str
    name: str
    colour: str  # "#RRGGBB" for the spine-label band
    colour_name: str  # for the printed colour key on the shelf ("红")
    text_colour: str  # "#000000" or "#FFFFFF": the class letter printed on the band


def _text_on(colour: str) -> str:
    # Relative luminance (sRGB, WCAG formula): black text on light bands, white text on dark ones.
    def channel(hex2: str) -> float:
        c = int(hex2, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#000000" if luminance > 0.179 else "#FFFFFF"


def _cls(letter: str, name: str, colour: str, colour_name: str) -> ClcClass:
    return ClcClass(letter, name, colour, colour_name, _text_on(colour))


# In CLC order. The comment gives the colour's rank in Kelly's list (1 = white, 2 = black, 3 = yellow …).
CLASSES: tuple[ClcClass, ...] = (
    _cls("A", "马克思主义、列宁主义、毛泽东思想、邓小平理论", "#F2F3F4", "白"),  # 1 white
    _cls("B", "哲学、宗教", "#C2B280", "米黄"),  # 8 buff
    _cls("C", "社会科学总论", "#882D17", "红棕"),  # 18 reddish brown
    _cls("D", "政治、法律", "#B3446C", "紫红"),  # 16 purplish red
    _cls("E", "军事", "#654522", "黄褐"),  # 20 yellowish brown
    _cls("F", "经济", "#E25822", "橘红"),  # 21 reddish orange
    _cls("G", "文化、科学、教育、体育", "#F3C300", "黄"),  # 3 yellow
    _cls("H", "语言、文字", "#F38400", "橙"),  # 5 orange
    _cls("I", "文学", "#BE0032", "红"),  # 7 red
    _cls("J", "艺术", "#875692", "紫"),  # 4 purple
    _cls("K", "历史、地理", "#A1CAF1", "浅蓝"),  # 6 light blue
    _cls("N", "自然科学总论", "#0067A5", "蓝"),  # 12 blue
    _cls("O", "数理科学和化学", "#E68FAC", "粉红"),  # 11 purplish pink
    _cls("P", "天文学、地球科学", "#222222", "黑"),  # 2 black
    _cls("Q", "生物科学", "#008856", "绿"),  # 10 green
    _cls("R", "医药、卫生", "#F99379", "肉粉"),  # 13 yellowish pink
    _cls("S", "农业科学", "#2B3D26", "墨绿"),  # 22 olive green
    _cls("T", "工业技术", "#8DB600", "黄绿"),  # 19 yellow green
    _cls("U", "交通运输", "#F6A600", "橙黄"),  # 15 orange yellow
    _cls("V", "航空、航天", "#604E97", "紫罗兰"),  # 14 violet
    _cls("X", "环境科学、安全科学", "#DCD300", "柠檬黄"),  # 17 greenish yellow
    _cls("Z", "综合性图书", "#848482", "灰"),  # 9 grey
)

# The classes a village children's library holds nearly all its books in; their colours are pairwise at least
# ΔE*ab 30 apart (CIELAB), a difference children see at a glance. tests/test_clc.py checks it.
COMMON_CLASSES: frozenset[str] = frozenset("BGHIJKNOPQRTZ")

BY_LETTER: dict[str, ClcClass] = {c.letter: c for c in CLASSES}

MAX_LENGTH = 40  # book_title.clc_class

# One class letter (two for the T subclasses TB…TV, the only two-letter classes), then the number: digits with
# dots and hyphens between them (I287.5, TP3, I712.45-49). Anything else (W, I287..5, 287) is a typo.
_CLC = re.compile(r"^(?:T[A-Z]|[A-Z])(?:\d+(?:[.\-]\d+)*)?$")
_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """``' ｉ２８７．５ '`` → ``'I287.5'``: full-width forms, case and spaces as people type them."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text or "")).upper()


def top_class(clc: str) -> str | None:
    """``'I287.5'`` → ``'I'``; None when the text starts with no known class letter."""
    value = clean(clc)
    return value[0] if value and value[0] in BY_LETTER else None


def class_info(clc: str) -> ClcClass | None:
    letter = top_class(clc)
    return None if letter is None else BY_LETTER[letter]


def is_valid(clc: str) -> bool:
    value = clean(clc)
    return bool(value) and len(value) <= MAX_LENGTH and bool(_CLC.match(value)) and value[0] in BY_LETTER


def validate(clc: str) -> str:
    """The cleaned CLC number, or a ValidationError saying what a CLC number looks like."""
    value = clean(clc)
    if not is_valid(value):
        shown = (clc or "").strip()
        if value and value[0] not in BY_LETTER and value[0].isalpha():
            raise ValidationError(f"分类号“{shown}”无效：中图法没有“{value[0]}”类。")
        raise ValidationError(
            f"分类号“{shown}”无效：应为一个大类字母加数字，如 I287.5、TP3、K82（不超过{MAX_LENGTH}个字符）。"
        )
    return value


def call_number(clc: str, sequence: int) -> str:
    """``('I287.5', 12)`` → ``'I287.5/12'``."""
    if sequence < 1:
        raise ValueError(f"sequence must be >= 1, got {sequence}")
    return f"{clean(clc)}/{sequence}"


def split_call_number(text: str) -> tuple[str, int | None]:
    """``'I287.5/12'`` → ``('I287.5', 12)``; a call number without a numeric sequence gives ``(class, None)``."""
    value = clean(text)
    cls, sep, seq = value.partition("/")
    return cls, int(seq) if sep and seq.isdigit() else None


def next_sequence(existing_call_numbers: Iterable[str], clc: str) -> int:
    """The next 种次号 for ``clc``: the largest sequence among call numbers of exactly that CLC number, plus one."""
    wanted = clean(clc)
    used = [seq for cls, seq in map(split_call_number, existing_call_numbers) if cls == wanted and seq]
    return max(used, default=0) + 1
