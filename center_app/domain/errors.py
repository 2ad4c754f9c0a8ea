"""Errors the user can cause. Each carries a message fit to show as it is (Chinese; the UI translates)."""

from __future__ import annotations


class DomainError(Exception):
    """A rule said no. ``message`` is shown to the user; no traceback."""

    def __init__(self, message: str, *, details: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class ValidationError(DomainError):
    """Input refused; ``problems`` lists each problem (e.g. ``第3行: ISBN 校验位错误``)."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message, details="\n".join(problems or []))
        self.problems = problems or []


class NotFound(DomainError):
    pass


class PermissionDenied(DomainError):
    pass


class StoreLocked(DomainError):
    """Another copy of the app is using this data folder."""
