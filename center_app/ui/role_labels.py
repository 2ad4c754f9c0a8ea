"""Role names for the UI, translated. Literal strings in one fixed context ("AccountsTab", where they were first
translated) so lupdate finds them and every caller gets the same words; ``domain.permissions.ROLE_LABELS`` is
plain data for services and documents."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from center_app.domain.permissions import ADMIN, LIBRARIAN, STAFF, TEACHER


def role_labels() -> dict[str, str]:
    return {
        ADMIN: QCoreApplication.translate("AccountsTab", "管理员"),
        STAFF: QCoreApplication.translate("AccountsTab", "社工"),
        LIBRARIAN: QCoreApplication.translate("AccountsTab", "图书管理员"),
        TEACHER: QCoreApplication.translate("AccountsTab", "志愿者教师"),
    }
