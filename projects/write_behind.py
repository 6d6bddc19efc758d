"""Writes that run behind: a second thread executes a bulk load's INSERT statements on this
thread's database connection, in order, while this thread prepares the next ones.

A bulk load alternates Python work (comparing, validating, building rows) with statements the
database server spends most of its time on (long multi-row INSERTs). A connection runs one
statement at a time, but psycopg2 releases the GIL while it waits for the server: with the
inserts queued in a second thread, Python works on one core while PostgreSQL works on another,
inside the same transaction.

Only writes whose results the caller does not wait for go behind. Any read, and any write that
sends model signals (deletes, saves), first calls wait(). On SQLite (no server process to overlap
with) queued tasks simply run at once.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from django.db import DEFAULT_DB_ALIAS, connections


class WriteBehind:
    """with WriteBehind() as behind: ... behind.submit(task, *args) ... behind.wait() ..."""

    def __init__(self, using: str = DEFAULT_DB_ALIAS, *, enabled: bool = True):
        """enabled=False (one batch: nothing to overlap) runs every task at once."""
        self.connection = connections[using]
        self.threaded = enabled and self.connection.vendor == "postgresql"
        self._executor: ThreadPoolExecutor | None = None
        self._pending: list[Future] = []
        self._failed = False

    def __enter__(self) -> WriteBehind:
        if self.threaded:
            # The worker uses this very connection (and so this transaction), as Django's live
            # server threads do; this thread leaves it alone until wait() returns.
            self.connection.inc_thread_sharing()
            self._executor = ThreadPoolExecutor(
                max_workers=1, thread_name_prefix="write-behind", initializer=self._share
            )
        return self

    def _share(self) -> None:
        connections[self.connection.alias] = self.connection

    def submit(self, task: Callable[..., None], *args) -> None:
        if self._executor is None:
            task(*args)
        else:
            self._pending.append(self._executor.submit(self._run, task, args))

    def _run(self, task: Callable[..., None], args) -> None:
        if self._failed:  # the transaction is lost after a failure: run nothing more
            return
        try:
            task(*args)
        except BaseException:
            self._failed = True
            raise

    def wait(self) -> None:
        """Return when every queued task has run; raise the first one's error, if any."""
        pending, self._pending = self._pending, []
        errors = [error for future in pending if (error := future.exception()) is not None]
        if errors:
            raise errors[0]

    def __exit__(self, exc_type, exc, traceback) -> None:
        try:
            if exc_type is None:
                self.wait()
            else:
                self._failed = True
                for future in self._pending:
                    future.exception()  # let the running task finish; the caller's error wins
        finally:
            if self._executor is not None:
                self._executor.shutdown(wait=True)
                self._executor = None
                self.connection.dec_thread_sharing()
