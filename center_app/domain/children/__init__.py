"""Children's profiles: the vocabularies (grades, classes, genders, left-behind types, relations), phone numbers,
and the validated inputs the children service writes.

The package's modules: ``vocabulary`` (limits, vocabularies, ``FieldError``, text clean-up), ``grades`` (grades,
classes, the roll and its order), ``fields`` (the other field parsers) and ``inputs`` (``ChildInput`` …); this
``__init__`` re-exports their public names, so ``from center_app.domain import children as dom; dom.parse_grade``.

Pure domain code (no Qt, no SQLAlchemy). Every ``parse_*`` function accepts what people type in a form or a
spreadsheet cell (Chinese or English, full-width digits, stray spaces) and returns the stored code, or raises
:class:`FieldError` whose reason is phrased to follow the field's label, as the import framework's messages are:
``“父亲电话”不是有效的电话号码（12345）…``. The ``*Input.validated()`` methods collect *every* problem of a form
into one :class:`ValidationError`, so the user fixes them all in one go.

Decisions worth knowing:

- Grades are 0 学前班, 1–6 一年级…六年级, 7–9 初一…初三. ``七年级``/``7年级``/``初中一年级`` are read as 7 too, but the
  label (and a normalised class name) is ``初一``.
- A class name is normalised when it names a grade and a class number: ``3年级2班``, ``三（2）班``, ``三年级二班`` →
  ``三年级2班``; with a known grade a bare ``2`` or ``2班`` becomes ``三年级2班`` (school rosters often split 年级
  and 班级). Anything else (``彩虹班``) is kept as typed.
- Left-behind type: both / father / mother / none. ``双留守``, ``父母都在外`` → both; ``父亲外出``, ``爸爸打工`` →
  father; ``非留守``, ``否``, ``父母在家`` → none. ``单亲外出``, ``单留守``, ``留守``, ``是`` do not say *which*
  parent is away, so they are refused with a message asking for 父亲外出 or 母亲外出 rather than guessed.
- Phones: an 11-digit mobile starting with 1 (``+86``/``86`` prefix, spaces and dashes dropped: ``13812345678``), or a
  landline with its area code (``0774-8881234``). One number per field.
- Age: 2–18 on ``today`` for a child on the roster; a child who has left is only checked for "not born in the
  future" (their record stays while they grow up).
"""

from center_app.domain.children.fields import (
    CARD_DIGITS,
    CARD_PREFIX,
    LEFT_BEHIND_HINT,
    age_on,
    card_number,
    gender_label,
    left_behind_label,
    make_card_barcode,
    normalise_phone,
    parse_card_barcode,
    parse_date,
    parse_gender,
    parse_left_behind,
    parse_relation,
    parse_status,
    split_name_relation,
)
from center_app.domain.children.grades import (
    class_grade,
    class_name_for,
    grade_label,
    has_left,
    natural_key,
    normalise_class_name,
    on_roll,
    parse_class_name,
    parse_grade,
    promoted_class_name,
    roll_order,
)
from center_app.domain.children.inputs import (
    CHILD_LABELS,
    ChildInput,
    FollowUpInput,
    GuardianInput,
    PickupInput,
    parse_follow_up_method,
)
from center_app.domain.children.vocabulary import (
    ACTIVE,
    ADDRESS_MAX,
    AGE_MAX,
    AGE_MIN,
    BOTH,
    CARD_MAX,
    CITY_MAX,
    CLASS_MAX,
    FATHER,
    FOLLOW_UP_METHODS,
    FOLLOW_UP_REASON_MAX,
    GENDERS,
    GRADE_MAX,
    GRADE_MIN,
    GRADES,
    GUARDIAN_AGE_RANGE,
    GUARDIAN_HEALTH_MAX,
    LEFT,
    LEFT_BEHIND_TYPES,
    LITERACY_LEVELS,
    LITERACY_MAX,
    MOTHER,
    NAME_MAX,
    NOT_LEFT_BEHIND,
    NOTE_MAX,
    RELATIONS,
    SCHOOL_MAX,
    STATUSES,
    VILLAGE_MAX,
    FieldError,
    Gender,
    clean_name,
    clean_note,
    clean_text,
)

__all__ = [
    "ACTIVE",
    "ADDRESS_MAX",
    "AGE_MAX",
    "AGE_MIN",
    "BOTH",
    "CARD_DIGITS",
    "CARD_MAX",
    "CARD_PREFIX",
    "CHILD_LABELS",
    "CITY_MAX",
    "CLASS_MAX",
    "FATHER",
    "FOLLOW_UP_METHODS",
    "FOLLOW_UP_REASON_MAX",
    "GENDERS",
    "GRADES",
    "GRADE_MAX",
    "GRADE_MIN",
    "GUARDIAN_AGE_RANGE",
    "GUARDIAN_HEALTH_MAX",
    "LEFT",
    "LEFT_BEHIND_HINT",
    "LEFT_BEHIND_TYPES",
    "LITERACY_LEVELS",
    "LITERACY_MAX",
    "MOTHER",
    "NAME_MAX",
    "NOTE_MAX",
    "NOT_LEFT_BEHIND",
    "RELATIONS",
    "SCHOOL_MAX",
    "STATUSES",
    "VILLAGE_MAX",
    "ChildInput",
    "FieldError",
    "FollowUpInput",
    "Gender",
    "GuardianInput",
    "PickupInput",
    "age_on",
    "card_number",
    "class_grade",
    "class_name_for",
    "clean_name",
    "clean_note",
    "clean_text",
    "gender_label",
    "grade_label",
    "has_left",
    "left_behind_label",
    "make_card_barcode",
    "natural_key",
    "normalise_class_name",
    "normalise_phone",
    "on_roll",
    "parse_card_barcode",
    "parse_class_name",
    "parse_date",
    "parse_follow_up_method",
    "parse_gender",
    "parse_grade",
    "parse_left_behind",
    "parse_relation",
    "parse_status",
    "promoted_class_name",
    "roll_order",
    "split_name_relation",
]
