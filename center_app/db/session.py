"""The only place that creates the database engine and the session factory.

SQLite is the embedded default; a ``postgresql+psycopg://`` URL works the same way for a centre that outgrows one PC.
Pragmas chosen for the field: WAL so readers never block the writer, ``synchronous=FULL`` because power cuts are
common (a committed loan must survive one), foreign keys on, and a busy timeout so a CLI command and the app wait
for each other briefly instead of failing at once.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

BUSY_TIMEOUT_MS = 5000


def sqlite_url(path: Path) -> URL:
    """The URL of a SQLite file, built from its parts: a path with Chinese, spaces, ``#``, ``%``, ``?`` or ``'`` in it
    (``C:\\Users\\张老师\\…``) is kept exactly, never percent-encoded or parsed as a query string."""
    return URL.create("sqlite", database=str(path))


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
    # pysqlite's own transaction handling is disabled so that SQLAlchemy's BEGIN is the real one (the documented
    # recipe); otherwise SAVEPOINTs and DDL inside migrations misbehave.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # Opened read-only (mode=ro, ``stats``): the journal mode is the file's business.
    with contextlib.suppress(dbapi_connection.OperationalError):
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    # IMMEDIATE takes the write lock at BEGIN, so two writers queue on the busy timeout instead of one failing
    # half-way with "database is locked" when it upgrades a read lock. Read-only sessions begin deferred.
    if conn.get_execution_options().get("read_only"):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str | URL, *, echo: bool = False) -> Engine:
    url = make_url(url)
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, echo=echo, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


class Database:
    """An engine plus its session factory; services receive one and open their own transactions."""

    def __init__(self, url: str | URL, *, echo: bool = False) -> None:
        self.url = make_url(url)
        self.engine = make_engine(url, echo=echo)
        self._factory = sessionmaker(self.engine, expire_on_commit=False)
        self._read_factory = sessionmaker(
            self.engine.execution_options(read_only=True), expire_on_commit=False
        )

    @classmethod
    def for_file(cls, path: Path, *, read_only: bool = False) -> Database:
        """``read_only``: opened with ``mode=ro`` (commands that only read, e.g. ``stats``, on a read-only folder)."""
        if read_only:
            # A file: URI keeps Chinese, "#", "%" and "?" in the path intact (as_uri percent-encodes them).
            from center_app.db.health import read_only_uri

            return cls(URL.create("sqlite", database=read_only_uri(Path(path)), query={"uri": "true"}))
        return cls(sqlite_url(path))

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error, always closes."""
        session = self._factory()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session (no commit); reads on SQLite don't take the write lock."""
        session = self._read_factory()
        try:
            yield session
        finally:
            # close() ends the transaction and detaches the objects with their loaded state (a rollback would
            # expire them, making any use after the block fail).
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()
