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
    """``equipment_item.status``."""

    IN_USE = "in_use"
    RETIRED = "retired"


class UnitStatus(StrEnum):
    """``equipment_unit.status``: one tracked piece of an item."""

    AVAILABLE = "available"
    ON_LOAN = "on_loan"
    DAMAGED = "damaged"
    LOST = "lost"
    RETIRED = "retired"


class StocktakeScope(StrEnum):
    """``stocktake.scope``: what is counted."""

    EQUIPMENT = "equipment"
    BOOKS = "books"


class StocktakeStatus(StrEnum):
    """``stocktake.status``."""

    OPEN = "open"
    FINISHED = "finished"
    CANCELLED = "cancelled"


# --- volunteers -----------------------------------------------------------------------------------------------------


class HoursStatus(StrEnum):
    """``service_hours.status``: hours a teacher enters wait for staff's approval."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
