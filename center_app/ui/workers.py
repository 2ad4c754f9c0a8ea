"""Long work off the GUI thread: imports, exports, backups, a restore, the catalogue's load.

A :class:`Job` runs one plain Python callable — usually one service call, which opens its own session as it always
does — on a worker thread, and reports back on the GUI thread through Qt signals::

    job = Job(lambda progress, cancel: book_import.run_import(ctx, path, progress=steps(progress),
                                                              cancel=cancel.is_set),
              name="导入图书", logs_dir=ctx.data_dir.logs)
    job.progress.connect(bar.setValue)      # (percent, text); percent -1 = length unknown
    job.finished.connect(show_result)       # (the callable's return value)
    job.failed.connect(show_error)          # (the exception) — DomainError: the page shows exc.message
    job.cancelled.connect(say_cancelled)    # (a message) — the user pressed Cancel and the work stopped
    job.start()

The callable gets ``progress(percent, text="")`` and ``cancel`` (a :class:`threading.Event` that Cancel sets; a
service takes ``cancel.is_set``). Nothing it raises escapes the worker: a :class:`DomainError` (a rule said no, a
bad file) is handed to ``failed`` for the page to show in its message line; anything else is logged with its
traceback and shown in the error dialog (``errors.error_dialog``), then handed to ``failed`` too so the page leaves
its busy state. Exactly one of ``finished``, ``failed`` or ``cancelled`` is emitted, then ``done``.

While a job runs the window stays live — timers fire, the user may switch pages — so a page disables what must not
happen meanwhile (a second import, the navigation during a restore: ``MainWindow.set_busy``). The work must not
touch widgets; it gets everything it needs as arguments before it starts.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal

from center_app.domain.errors import DomainError

log = logging.getLogger(__name__)

#: what the work gets to report with: ``progress(percent, text="")``; percent -1 = length unknown (a busy bar)
Progress = Callable[..., None]
Work = Callable[[Progress, threading.Event], Any]

_FINISHED, _FAILED, _ERROR, _CANCELLED = "finished", "failed", "error", "cancelled"

_pool: QThreadPool | None = None
_active: set[Job] = set()  # running jobs; also keeps each one alive until its outcome is delivered


def pool() -> QThreadPool:
    """The jobs' own thread pool (not the global one, so waiting for jobs waits for nothing else)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setObjectName("centerJobs")
        # An import and an export may overlap a catalogue reload; more would only share the old PC's two cores.
        _pool.setMaxThreadCount(4)
    return _pool


def steps(progress: Progress, text: str = "") -> Callable[[int, int], None]:
    """A service's ``progress(done, total)`` (total 0 = unknown) as ``progress(percent, text)``."""

    def report(done: int, total: int) -> None:
        progress(min(100, max(0, done * 100 // total)) if total > 0 else -1, text)

    return report


def message_for(exc: BaseException) -> str:
    """What a page says in its message line when a job failed: the rule's own sentence, or that it did not finish
    (the error dialog with the details is open already)."""
    if isinstance(exc, DomainError):
        return exc.message
    return QCoreApplication.translate("Job", "操作没有完成：程序遇到一个意外错误（详细信息见提示窗口）。")


class Job(QObject):
    """One piece of long work on a worker thread; its signals arrive on the GUI thread (see the module doc)."""

    progress = Signal(int, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal(str)
    #: after finished, failed or cancelled
    done = Signal()

    # From the worker thread to this object (which lives in the GUI thread): always queued.
    _reported = Signal(int, str)
    _ended = Signal(str, object)

    def __init__(self, work: Work, *, name: str, logs_dir: Path | None = None) -> None:
        # No parent: the page that started the job may be deleted (a language switch rebuilds the pages) while the
        # work runs; the job lives on in ``_active`` until its outcome is delivered, to whoever is still connected.
        super().__init__()
        self.setObjectName(f"job:{name}")
        self.name = name
        self.logs_dir = logs_dir
        self.cancel_event = threading.Event()
        self.error_dialog: QObject | None = None  # the dialog shown for an unexpected error (tests look at it)
        self._work = work
        self._running = False
        self._last_report: tuple[int, str] | None = None  # touched by the worker thread only
        self._reported.connect(self._deliver_progress, Qt.ConnectionType.QueuedConnection)
        self._ended.connect(self._deliver_end, Qt.ConnectionType.QueuedConnection)

    # --- GUI thread -----------------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        """From start() until the outcome has been delivered."""
        return self._running

    def start(self) -> Job:
        if self._running:
            raise RuntimeError(f"job {self.name} is already running")
        self._running = True
        self.cancel_event.clear()
        self._last_report = None
        _active.add(self)
        pool().start(self._run)
        return self

    def cancel(self) -> None:
        """Ask the work to stop; it stops at its next check (``cancelled`` follows), or finishes if it was past
        the point of no return (``finished`` follows)."""
        self.cancel_event.set()

    def _deliver_progress(self, percent: int, text: str) -> None:
        if self._running:
            self.progress.emit(percent, text)

    def _deliver_end(self, kind: str, payload: object) -> None:
        self._running = False
        _active.discard(self)
        try:
            if kind == _FINISHED:
                self.finished.emit(payload)
            elif kind == _CANCELLED:
                self.cancelled.emit(payload.message if isinstance(payload, DomainError) else "")
            else:
                if kind == _ERROR:
                    assert isinstance(payload, tuple)  # _run sends (exc, details) for an unexpected error
                    exc, details = payload
                    self._show_error(exc, details)
                    self.failed.emit(exc)
                else:
                    self.failed.emit(payload)
        finally:
            self.done.emit()

    def _show_error(self, exc: BaseException, details: str) -> None:
        from center_app.ui.errors import show_error

        logs = self.logs_dir or Path("logs")
        self.error_dialog = show_error(exc, logs, details=details)

    # --- worker thread --------------------------------------------------------------------------------------

    def _report(self, percent: int, text: str = "") -> None:
        report = (int(percent), str(text))
        if report != self._last_report:  # a service may call back every few rows: only changes cross threads
            self._last_report = report
            self._reported.emit(*report)

    def _run(self) -> None:
        try:
            result = self._work(self._report, self.cancel_event)
        except DomainError as exc:
            if self.cancel_event.is_set():
                log.info("%s cancelled: %s", self.name, exc.message)
                self._ended.emit(_CANCELLED, exc)
            else:
                log.info("%s refused: %s", self.name, exc.message)
                self._ended.emit(_FAILED, exc)
        except BaseException as exc:  # noqa: BLE001 - nothing may escape a worker thread
            details = traceback.format_exc()
            log.error("%s failed\n%s", self.name, details)
            self._ended.emit(_ERROR, (exc, details))
        else:
            self._ended.emit(_FINISHED, result)


def active_jobs() -> list[Job]:
    return list(_active)


def cancel_all() -> None:
    for job in list(_active):
        job.cancel()


def wait_for_all(msecs: int = 30_000) -> bool:
    """Block until every job's work has returned (its outcome is then queued for the event loop); False on
    timeout. For shutting down and for drivers without an event loop (selftest)."""
    return pool().waitForDone(msecs) if _pool is not None else True
