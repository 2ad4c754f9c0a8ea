"""A real print system for the printing tests: a private CUPS scheduler with CUPS-PDF's printer, whose "paper" is
a PDF file in a folder the test reads.

Debian's ``cups`` and ``printer-driver-cups-pdf`` are installed if they are missing (``apt-get``, as root, with
time limits); ``cupsd`` then runs in the foreground from a configuration of its own in a fresh folder under /tmp —
its own socket, spool, logs and printers, no TCP port — so a CUPS the machine already runs is never touched, and
the queue goes away with the folder. The CUPS-PDF backend reads its settings only from ``/etc/cups``: the queue's
device ``cups-pdf:/<instance>`` makes it read ``/etc/cups/cups-pdf-<instance>.conf``, a file written here (its
``Out`` is the test's folder) and removed again by :meth:`PdfPrinter.stop`.

A client reaches this CUPS through the environment (``CUPS_SERVER`` = the socket): the command-line tools here,
and a process started with :attr:`PdfPrinter.env` — libcups reads ``CUPS_SERVER`` once per thread, so a test
prints from a child process started with it (tests/gui/test_reports_print.py).

Anything that cannot happen raises :class:`Unavailable` with the reason, for the test to skip with: not Linux, not
root (CUPS-PDF's backend runs only as root), no ``apt-get`` or the install failed or timed out (or
``CENTER_APP_NO_APT=1`` forbids installing), ``cupsd`` did not start. Every command has a time limit; nothing
waits for ever.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

QUEUE = "CenterPDF"
BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
PPDS = (
    "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd",
    "/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd",
    "/usr/share/cups/model/CUPS-PDF_opt.ppd",
    "/usr/share/cups/model/CUPS-PDF.ppd",
)
PACKAGES = ("cups", "printer-driver-cups-pdf")
INSTALL_SECONDS = 240
UPDATE_SECONDS = 120
LOCK_SECONDS = 60  # apt waits this long for another apt-get or dpkg to finish
START_SECONDS = 20
COMMAND_SECONDS = 20

#: the environment a child process gets (besides CUPS_SERVER) to find the printer again: :meth:`PdfPrinter.from_env`
ROOT_ENV, QUEUE_ENV, OUT_ENV = "CENTER_APP_CUPS_ROOT", "CENTER_APP_CUPS_QUEUE", "CENTER_APP_CUPS_OUT"


class Unavailable(Exception):
    """CUPS with its PDF printer cannot run here; ``reason`` says why (the test skips with it)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _run(
    args: list[str], timeout: float, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


def _tail(text: str, lines: int = 6) -> str:
    return " | ".join(text.strip().splitlines()[-lines:])


def find_ppd() -> Path | None:
    return next((Path(p) for p in PPDS if Path(p).is_file()), None)


def missing() -> list[str]:
    """What of CUPS and CUPS-PDF is not on this machine (empty: all there)."""
    wanted = {"cupsd": shutil.which("cupsd") or "/usr/sbin/cupsd", "lpadmin": shutil.which("lpadmin") or ""}
    wanted["lpstat"] = shutil.which("lpstat") or ""
    absent = [name for name, path in wanted.items() if not path or not Path(path).exists()]
    if not BACKEND.exists():
        absent.append(str(BACKEND))
    if find_ppd() is None:
        absent.append("CUPS-PDF's PPD")
    return absent


def ensure_installed() -> None:
    """Install Debian's ``cups`` and ``printer-driver-cups-pdf`` when something is missing (see the module doc)."""
    if not sys.platform.startswith("linux"):
        raise Unavailable(f"CUPS-PDF printing is tested on Linux only (this is {sys.platform})")
    if os.geteuid() != 0:
        raise Unavailable("CUPS-PDF's backend runs only as root, and this test is not root (CI runs as root)")
    absent = missing()
    if not absent:
        return
    if os.environ.get("CENTER_APP_NO_APT"):
        raise Unavailable(f"not installed ({', '.join(absent)}) and CENTER_APP_NO_APT forbids apt-get")
    if not shutil.which("apt-get"):
        raise Unavailable(f"not installed ({', '.join(absent)}) and there is no apt-get to install them")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    lock = ["-o", f"DPkg::Lock::Timeout={LOCK_SECONDS}"]
    install = ["apt-get", *lock, "install", "-y", "-qq", "--no-install-recommends", *PACKAGES]
    try:
        done = _run(install, INSTALL_SECONDS, env)
        if done.returncode != 0:  # an old package list: update it once and try again
            updated = _run(["apt-get", *lock, "update", "-qq"], UPDATE_SECONDS, env)
            if updated.returncode != 0:
                raise Unavailable(f"apt-get update failed: {_tail(updated.stderr or updated.stdout)}")
            done = _run(install, INSTALL_SECONDS, env)
    except subprocess.TimeoutExpired as exc:
        raise Unavailable(f"installing {' '.join(PACKAGES)} took longer than {exc.timeout:.0f} s") from None
    if done.returncode != 0:
        raise Unavailable(f"apt-get install {' '.join(PACKAGES)} failed: {_tail(done.stderr or done.stdout)}")
    absent = missing()
    if absent:
        raise Unavailable(f"still missing after apt-get install: {', '.join(absent)}")


@dataclass
class PdfPrinter:
    """The private CUPS and its queue (see the module doc)."""

    root: Path
    queue: str = QUEUE
    process: subprocess.Popen[bytes] | None = None
    conf: Path | None = None  # /etc/cups/cups-pdf-<instance>.conf
    seen: set[str] = field(default_factory=set)

    @property
    def socket(self) -> Path:
        return self.root / "cups.sock"

    @property
    def out(self) -> Path:
        return self.root / "out"

    @property
    def env(self) -> dict[str, str]:
        """For a client: CUPS_SERVER, and what :meth:`from_env` needs."""
        return {
            "CUPS_SERVER": str(self.socket),
            ROOT_ENV: str(self.root),
            QUEUE_ENV: self.queue,
            OUT_ENV: str(self.out),
        }

    @classmethod
    def from_env(cls) -> PdfPrinter:
        """The printer a parent process started (its environment, see :attr:`env`); not stopped from here."""
        return cls(Path(os.environ[ROOT_ENV]), os.environ[QUEUE_ENV])

    def command(self, *args: str) -> subprocess.CompletedProcess[str]:
        return _run(list(args), COMMAND_SECONDS, {**os.environ, "CUPS_SERVER": str(self.socket)})

    def log_tail(self, lines: int = 15) -> str:
        log = self.root / "log" / "error_log"
        if not log.exists():
            return "(no error_log)"
        kept = [line for line in log.read_text(errors="replace").splitlines() if not line.startswith("D ")]
        return "\n".join(kept[-lines:])

    # --- waiting for the paper ------------------------------------------------------------------------------------

    def pending_jobs(self) -> list[str]:
        done = self.command("lpstat", "-o", self.queue)
        return [line for line in done.stdout.splitlines() if line.strip()]

    def completed_jobs(self) -> list[str]:
        done = self.command("lpstat", "-W", "completed", "-o", self.queue)
        return [line for line in done.stdout.splitlines() if line.strip()]

    def printed(self) -> list[Path]:
        return sorted(self.out.glob("*.pdf"), key=lambda p: p.stat().st_mtime)

    def wait_for_pdf(self, timeout: float = 90) -> Path:
        """The PDF of the next job that completes (a new file in ``out`` once no job is pending and its size
        has settled); AssertionError with CUPS's log after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        last_size = -1
        while time.monotonic() < deadline:
            new = [p for p in self.printed() if p.name not in self.seen]
            if new and not self.pending_jobs():
                size = new[-1].stat().st_size
                if size > 0 and size == last_size:
                    self.seen.add(new[-1].name)
                    return new[-1]
                last_size = size
            time.sleep(0.3)
        raise AssertionError(
            f"CUPS-PDF wrote no PDF within {timeout:.0f} s; pending: {self.pending_jobs()}, "
            f"completed: {self.completed_jobs()}; printer: {self.command('lpstat', '-p', self.queue).stdout!r}\n"
            f"{self.log_tail()}"
        )

    # --- stopping ---------------------------------------------------------------------------------------------------

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if self.conf is not None:
            self.conf.unlink(missing_ok=True)
        shutil.rmtree(self.root, ignore_errors=True)


def _write_config(printer: PdfPrinter) -> None:
    root = printer.root
    for folder in ("etc/ppd", "spool/tmp", "cache", "state", "log", "cups-pdf-spool"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    printer.out.mkdir()
    root.chmod(0o755)  # the filters run as the unprivileged ``lp`` user
    printer.out.chmod(0o1777)
    (root / "etc" / "cups-files.conf").write_text(
        "\n".join(
            (
                "SystemGroup root",
                f"ServerRoot {root}/etc",
                f"RequestRoot {root}/spool",
                f"TempDir {root}/spool/tmp",
                f"CacheDir {root}/cache",
                f"StateDir {root}/state",
                f"AccessLog {root}/log/access_log",
                f"ErrorLog {root}/log/error_log",
                f"PageLog {root}/log/page_log",
                "ServerBin /usr/lib/cups",
                "DataDir /usr/share/cups",
                "",
            )
        )
    )
    (root / "etc" / "cupsd.conf").write_text(
        "\n".join(
            (
                "LogLevel info",
                f"Listen {printer.socket}",
                "Browsing No",
                "WebInterface No",
                "DefaultAuthType None",
                "<Location />",
                "  Order allow,deny",
                "  Allow all",
                "</Location>",
                "<Policy default>",
                "  <Limit All>",
                "    Order deny,allow",
                "  </Limit>",
                "</Policy>",
                "",
            )
        )
    )
    instance = f"centerapp{os.getpid()}"
    printer.conf = Path("/etc/cups") / f"cups-pdf-{instance}.conf"
    printer.conf.write_text(
        "\n".join(
            (
                "# written by the center_app printing tests (tests/cups_printer.py); removed when they end",
                f"Out {printer.out}",
                f"AnonDirName {printer.out}",
                f"Spool {root}/cups-pdf-spool",
                f"Log {root}/log",
                "Grp root",
                "",
            )
        )
    )


def start_pdf_printer() -> PdfPrinter:
    """Install if need be, start the private ``cupsd`` and add the CUPS-PDF queue :data:`QUEUE` (A4); raises
    :class:`Unavailable` when any of it cannot happen."""
    ensure_installed()
    ppd = find_ppd()
    assert ppd is not None  # ensure_installed checked
    # A short path: a Unix socket's path has at most 107 bytes (the tests' own tmp folders are long).
    printer = PdfPrinter(Path(tempfile.mkdtemp(prefix="cups-", dir="/tmp")))
    try:
        _write_config(printer)
        etc = printer.root / "etc"
        cupsd = shutil.which("cupsd") or "/usr/sbin/cupsd"
        log = (printer.root / "log" / "cupsd.out").open("wb")
        printer.process = subprocess.Popen(
            [cupsd, "-f", "-c", str(etc / "cupsd.conf"), "-s", str(etc / "cups-files.conf")],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        deadline = time.monotonic() + START_SECONDS
        while True:
            if printer.process.poll() is not None:
                raise Unavailable(
                    f"cupsd exited at once ({printer.process.returncode}): "
                    f"{_tail((printer.root / 'log' / 'cupsd.out').read_text(errors='replace'))}"
                    f" {printer.log_tail()}"
                )
            if printer.socket.exists() and "running" in printer.command("lpstat", "-r").stdout:
                break
            if time.monotonic() > deadline:
                raise Unavailable(f"cupsd did not answer within {START_SECONDS} s: {printer.log_tail()}")
            time.sleep(0.2)
        added = printer.command(
            "lpadmin", "-p", printer.queue, "-E", "-v", f"cups-pdf:/{printer.conf.stem.removeprefix('cups-pdf-')}",
            "-P", str(ppd), "-o", "PageSize=A4",
        )  # fmt: skip
        if added.returncode != 0:
            raise Unavailable(f"lpadmin could not add the CUPS-PDF queue: {_tail(added.stderr)}")
        state = printer.command("lpstat", "-p", printer.queue).stdout
        if "enabled" not in state:
            raise Unavailable(f"the CUPS-PDF queue is not enabled: {state!r}")
        return printer
    except Unavailable:
        printer.stop()
        raise
    except BaseException as exc:
        printer.stop()
        if isinstance(exc, (OSError, subprocess.SubprocessError)):
            raise Unavailable(f"could not start CUPS: {exc}") from exc
        raise
