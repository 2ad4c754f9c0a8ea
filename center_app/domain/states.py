"""Names for the states records go through: the values the database's status-like columns hold.

``StrEnum``: each member *is* its string, so the database keeps the same values (no migration), comparisons with
plain strings work, and JSON and f-strings show the value. Kept in one light module (nothing but ``enum``) because
``db/models.py`` uses them as defaults and is imported at start-up. The areas' modules name them too
(``domain.books.AVAILABLE``, ``domain.children.ACTIVE`` …) beside their labels.
"""

from __future__ import annotations

from enum import StrEnum

# --- children ---------------------------------------------------------------------------------------------------


class ChildStatus(StrEnum):
    """``child.status``: on the centre's roll, or left (``left_on`` says since when)."""

    ACTIVE = "active"
    LEFT = "left"


class LeftBehind(StrEnum):
    """``child.left_behind_type``: which parents work away from home."""

    BOTH = "both"
    FATHER = "father"
    MOTHER = "mother"
    NONE = "none"


class FollowUpMethod(StrEnum):
    """``follow_up.method``: how a social worker followed a child up."""

    PHONE = "phone"
    HOME_VISIT = "home_visit"
    SCHOOL = "school"
    OTHER = "other"


# --- books ------------------------------------------------------------------------------------------------------


class CopyStatus(StrEnum):
    """``book_copy.status``. ``ON_LOAN`` is set only by the desk (the open loan is the truth; the column is a
    cache for the catalogue's lists)."""

    AVAILABLE = "available"
    ON_LOAN = "on_loan"
    LOST = "lost"
    DAMAGED = "damaged"
    WITHDRAWN = "withdrawn"


# --- equipment and stocktakes -------------------------------------------------------------------------------------


class ItemStatus(StrEnum):
    """``equipment_item.status``: still in the collection, or written off (报废). Kept in step with the item's
    ``condition`` by the equipment service (``RETIRED`` exactly when the condition is ``SCRAPPED``), so counts that
    only ask "is it still ours" (the overview) need not know the conditions."""

    IN_USE = "in_use"
    RETIRED = "retired"


class EquipmentCategory(StrEnum):
    """``equipment_item.category`` (labels in ``domain.equipment.CATEGORY_LABELS``)."""

    SPORTS = "sports"  # 体育
    MUSIC = "music"  # 音乐
    ART = "art"  # 美术
    GAMES = "games"  # 棋类
    ELECTRONICS = "electronics"  # 电子
    READING = "reading"  # 阅读角
    OTHER = "other"  # 其他


class Tracking(StrEnum):
    """``equipment_item.tracking``: counted (20 skipping ropes) or one by one, each piece with an asset barcode."""

    QUANTITY = "quantity"
    INDIVIDUAL = "individual"


class Condition(StrEnum):
    """``equipment_item.condition``: the item as a whole. Anything but ``GOOD`` keeps it off the lending desk."""

    GOOD = "good"  # 完好
    DAMAGED = "damaged"  # 损坏
    REPAIR = "repair"  # 维修中
    SCRAPPED = "scrapped"  # 报废


class UnitStatus(StrEnum):
    """``equipment_unit.status``: one tracked piece of an item — its condition and whether it is out."""

    AVAILABLE = "available"  # 完好, in the room
    ON_LOAN = "on_loan"  # set only by the lending desk (the open loan is the truth)
    DAMAGED = "damaged"
    REPAIR = "repair"
    LOST = "lost"
    RETIRED = "retired"  # 报废


class BorrowerKind(StrEnum):
    """``equipment_loan.borrower_kind``: who has it."""

    CHILD = "child"
    VOLUNTEER = "volunteer"
    CLASS = "class"  # a class: 三年级2班
    ACTIVITY = "activity"  # an activity session: 三年级体育课 14:00–15:00


class IncidentKind(StrEnum):
    """``equipment_incident.kind``: the item's log — damage, loss, repairs, stock movements."""

    DAMAGED = "damaged"  # 损坏
    LOST = "lost"  # 遗失
    REPAIR = "repair"  # 送修 (维修中)
    REPAIRED = "repaired"  # 修好 / 保养
    SCRAPPED = "scrapped"  # 报废
    FOUND = "found"  # 找回 / 盘盈
    STOCK_IN = "stock_in"  # 入库
    STOCK_OUT = "stock_out"  # 领用出库


class StocktakeScope(StrEnum):
    """``stocktake.scope``: what is counted."""

    EQUIPMENT = "equipment"
    BOOKS = "books"


class StocktakeFilter(StrEnum):
    """``stocktake.filter_kind``: which part of the scope the expected list holds."""

    ALL = "all"
    LOCATION = "location"
    CATEGORY = "category"


class StocktakeStatus(StrEnum):
    """``stocktake.status``: counting; results applied (``FINISHED``); or given up (``CANCELLED``)."""

    OPEN = "open"
    FINISHED = "finished"
    CANCELLED = "cancelled"


# --- volunteers -----------------------------------------------------------------------------------------------------


class HoursStatus(StrEnum):
    """``service_hours.status``: hours a teacher enters wait for staff's approval."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class HoursSource(StrEnum):
    """``service_hours.source``: how the time was taken — signed in and out at the session, the session's planned
    time confirmed by staff, or entered by hand (an activity outside the timetable)."""

    SIGNED = "signed"
    PLANNED = "planned"
    MANUAL = "manual"


class VolunteerKind(StrEnum):
    """``volunteer.kind``: who the volunteer is (labels in ``domain.volunteers.KIND_LABELS``)."""

    LOCAL = "local"  # 本地教师
    SOCIAL_WORK = "social_work"  # 社工
    STUDENT = "student"  # 大学生
    OTHER = "other"  # 其他


class ProgrammeKind(StrEnum):
    """``timetable.kind``: a term's weekly timetable or a summer programme (labels in ``domain.timetable``)."""

    WEEKLY = "weekly"  # 学期
    SUMMER = "summer"  # 暑期


class SessionKind(StrEnum):
    """``timetable_slot.kind`` and ``activity.kind``: what a session is (labels in ``domain.timetable``)."""

    READING = "reading"
    HOMEWORK = "homework"
    ART = "art"
    MUSIC = "music"
    SPORTS = "sports"
    OTHER = "other"


# --- activities -----------------------------------------------------------------------------------------------------


class ActivityKind(StrEnum):
    """``activity.kind``: what a held session was (labels in ``domain.activities.KIND_LABELS``). The first six are
    ``SessionKind``'s values, so an activity recorded from a timetable session keeps the session's kind."""

    READING = "reading"  # 阅读
    ART = "art"  # 美术
    SPORTS = "sports"  # 体育
    MUSIC = "music"  # 音乐
    HOMEWORK = "homework"  # 作业辅导
    PSYCHOLOGY = "psychology"  # 心理
    SAFETY = "safety"  # 安全教育
    OTHER = "other"  # 其他


class ExceptionKind(StrEnum):
    """``timetable_exception.kind``: one occurrence of a weekly session cancelled, or moved to another time."""

    CANCELLED = "cancelled"
    MOVED = "moved"
