"""One path from a page to a use case, in the spirit of Anki's ``CollectionOp``.

A user action runs one service call (one use case, one transaction) through :meth:`Operations.run`::

    done = self.ops.run(
        lambda: accounts.create_user(self.ctx, ...),
        changes=Area.ACCOUNTS,      # announced after the commit, so every page showing accounts reloads
        refused=self.message,       # a DomainError's sentence goes here (a QLabel, or a callable taking the error)
    )
    if not done.ok:
        return None
    user = done.value

- success: the areas in ``changes`` are announced (``DataEvents.data_changed``), once each, unless ``changed``
  says the result changed nothing (a child already checked in);
- a ``DomainError`` (a rule said no, bad input): its message is shown where the page shows refusals
  (``widgets.messages.show_message`` on a label, or the page's own callable) and nothing is announced;
- anything else is a bug: logged with its traceback and shown in the error dialog (``errors.show_error``), and
  nothing is announced. The page just returns — it never sees a traceback.

``writes=path`` turns an ``OSError`` (the file is open in Excel, the USB stick was pulled) into a refusal naming
the file. Long work (imports, backups) runs on a worker thread instead: ``ui/workers.py``.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from center_app.domain.errors import DomainError
from center_app.ui.events import Area
from center_app.ui.widgets.messages import show_message

if TYPE_CHECKING:
    from center_app.context import AppContext

log = logging.getLogger(__name__)

T = TypeVar("T")
#: how a change is announced: ``DataEvents.announce``, or a page's own (``Page.announce``)
Announce = Callable[[Area], object]
#: where a refusal is shown: a message label, or a callable given the error (``problem_text``, a sound…)
Refusal = QLabel | Callable[[DomainError], object]


class CannotWrite(DomainError):
    """A file could not be written (``run(..., writes=path)``): said like any refusal, naming the file."""


def cannot_write_message(path: Path, exc: OSError) -> str:
    return (
        QCoreApplication.translate(
            "Operations", "无法写入 %1（%2）。如果这个文件正在别的程序中打开，请先关闭再试。"
        )
        .replace("%1", str(path))
        .replace("%2", exc.strerror or str(exc))
    )


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What became of one run: ``ok`` with the call's ``value``, or the ``error`` (already shown)."""

    value: T | None = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def refused(self) -> bool:
        """A rule said no (the page may want to do more, e.g. reload what another desk changed)."""
        return isinstance(self.error, DomainError)


def _areas(changes: Area | Iterable[Area]) -> list[Area]:
    if isinstance(changes, str):  # one Area (a StrEnum is a str)
        return [changes]
    return list(dict.fromkeys(changes))  # each once, in order


def show_refusal(refused: Refusal, exc: DomainError) -> None:
    if isinstance(refused, QLabel):
        show_message(refused, exc.message)
    else:
        refused(exc)


def run_op(
    call: Callable[[], T],
    *,
    refused: Refusal,
    logs_dir: Path,
    changes: Area | Iterable[Area] = (),
    announce: Announce | None = None,
    changed: Callable[[T], bool] | None = None,
    writes: Path | None = None,
) -> Outcome[T]:
    """Run ``call`` (see the module doc). ``changed(value)`` False: nothing is announced after all."""
    try:
        try:
            value = call()
        except OSError as exc:
            if writes is None:
                raise
            raise CannotWrite(cannot_write_message(writes, exc)) from exc
    except DomainError as exc:
        log.info("refused: %s", exc.message)
        show_refusal(refused, exc)
        return Outcome(error=exc)
    except Exception as exc:  # a bug: the dialog and the log, never a half-done page
        details = traceback.format_exc()
        log.error("unexpected error\n%s", details)
        from center_app.ui.errors import show_error

        show_error(exc, logs_dir, details=details)
        return Outcome(error=exc)
    if announce is not None and (changed is None or changed(value)):
        for area in _areas(changes):
            announce(area)
    return Outcome(value=value)


class Operations:
    """``run_op`` bound to what stays the same for a page: the data folder's logs and how it announces."""

    def __init__(self, ctx: AppContext, announce: Announce | None = None) -> None:
        self.ctx = ctx
        self.announce = announce

    def run(
        self,
        call: Callable[[], T],
        *,
        refused: Refusal,
        changes: Area | Iterable[Area] = (),
        changed: Callable[[T], bool] | None = None,
        writes: Path | None = None,
    ) -> Outcome[T]:
        if changes and self.announce is None:
            raise TypeError("changes need an announce (this Operations cannot tell the other pages)")
        return run_op(
            call,
            refused=refused,
            logs_dir=self.ctx.data_dir.logs,
            changes=changes,
            announce=self.announce,
            changed=changed,
            writes=writes,
        )
