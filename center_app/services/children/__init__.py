"""Children's profiles: the roster list and search, a child's file (profile, guardians, pick-up people), the
library-card number, and the yearly "everyone up one grade" with its undo. Follow-ups (回访) are written and read
by ``services.early_warning`` (one write path for the warning list and the child's file); a child's file shows them.

The package's modules follow those use cases — ``profile`` (reading: roster, classes, a child's file),
``child_file`` (saving a child's file, leaving and coming back), ``people`` (guardians and pick-up people),
``cards`` (library-card numbers), ``promotion`` and ``facts`` (counts-only facts for the reports); this
``__init__`` re-exports their public API, so pages call ``children.save_child_file(...)``.

Each public function is one use case and one transaction, starts with a permission check and audits every change
in the same transaction (entity ``child``/``guardian``/``pickup_person``; ``changes`` holds old → new; the summary
names the child and the *labels* of the changed fields, never health notes or other values — the log is the
administrator's, but a summary is read at a glance over someone's shoulder).

Privacy (docs/permissions.md): whatever leaves this package went through ``redact_child`` for the actor's role, so
a librarian's ``list_children`` row carries name, class, grade, gender and card only (phones, health, guardians
blank/empty), and ``get_child`` gives a librarian the same basic detail rather than an error — the desk needs
the card and the class. ``ChildDetail.visible_groups`` tells a page which sections to show at all (an empty
guardian list then means "none entered", not "hidden"). Filtering by a hidden field would reveal it, so
``special_only`` and statuses other than "active" need ``child.profile`` read.

Writes need ``children`` write. The field groups decide what a role *sees*; every role that may write
``children`` may write every group (a test keeps the table so), hence no per-field write check.
``save_child_file`` is the form's one save: the whole file in one transaction.
"""

from center_app.domain.children import ChildInput, GuardianInput, PickupInput  # the inputs the API takes
from center_app.services.children.cards import CARD_COUNTER_KEY, assign_card_barcode, take_card_barcodes
from center_app.services.children.child_file import (
    SavedFile,
    create_child,
    save_child_file,
    set_status,
    update_child,
)
from center_app.services.children.facts import ChildFacts, child_facts
from center_app.services.children.people import (
    NO_CHANGES,
    GuardianRow,
    PeopleChanges,
    PickupRow,
    add_guardian,
    add_pickup,
    remove_guardian,
    remove_pickup,
    update_guardian,
)
from center_app.services.children.profile import (
    ChildDetail,
    ChildRow,
    get_child,
    list_children,
    list_classes,
    primary_guardians,
    roster_sort_key,
)
from center_app.services.children.promotion import (
    PROMOTION_KEY,
    PROMOTION_MIN_DAYS_APART,
    PendingPromotion,
    PromotionResult,
    pending_promotion,
    promote_all,
    undo_promotion,
)

__all__ = [
    "CARD_COUNTER_KEY",
    "NO_CHANGES",
    "PROMOTION_KEY",
    "PROMOTION_MIN_DAYS_APART",
    "ChildDetail",
    "ChildFacts",
    "ChildInput",
    "ChildRow",
    "GuardianInput",
    "GuardianRow",
    "PendingPromotion",
    "PeopleChanges",
    "PickupInput",
    "PickupRow",
    "PromotionResult",
    "SavedFile",
    "add_guardian",
    "add_pickup",
    "assign_card_barcode",
    "child_facts",
    "create_child",
    "get_child",
    "list_children",
    "list_classes",
    "pending_promotion",
    "primary_guardians",
    "promote_all",
    "remove_guardian",
    "remove_pickup",
    "roster_sort_key",
    "save_child_file",
    "set_status",
    "take_card_barcodes",
    "undo_promotion",
    "update_child",
    "update_guardian",
]
