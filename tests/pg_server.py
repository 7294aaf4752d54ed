"""A real PostgreSQL server for the tests: started from the installed server binaries in a
temporary folder (Unix socket only, no TCP port), one fresh database per test, stopped at the
end of the session. `SITREP_TEST_POSTGRES=postgresql://...` uses a running server instead
(its user must be allowed to create databases)."""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg

ENV_VAR = "SITREP_TEST_POSTGRES"


class ServerUnavailable(RuntimeError):
    """No PostgreSQL server binaries here, or the server would not start."""


def _binaries() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(versions[-1]).parent if versions else None


class PostgresServer:
    """A throwaway PostgreSQL cluster, or an existing server named by $SITREP_TEST_POSTGRES."""

    def __init__(self) -> None:
        self._count = itertools.count()
        self._folder: Path | None = None
        self._as: list[str] = []
        existing = os.environ.get(ENV_VAR)
        if existing:
            self.admin_url = existing
            return
        bin_dir = _binaries()
        if bin_dir is None:
            raise ServerUnavailable("PostgreSQL server binaries (pg_ctl, initdb) not found; "
                                    f"install postgresql or set {ENV_VAR}")
        self._bin = bin_dir
        self._folder = Path(tempfile.mkdtemp(prefix="sitrep-pg-"))
        if os.geteuid() == 0:  # the server refuses to run as root
            shutil.chown(self._folder, "postgres")
            self._as = ["runuser", "-u", "postgres", "--"]
        data = self._folder / "data"
        self._run("initdb", "-D", str(data), "-A", "trust", "-U", "sitrep", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        self._run("pg_ctl", "-D", str(data), "-l", str(self._folder / "server.log"), "-w",
                  "-o", f"-k {self._folder} -c listen_addresses='' -c fsync=off "
                        "-c full_page_writes=off -c synchronous_commit=off", "start")
        self.admin_url = f"postgresql://sitrep@/postgres?host={self._folder}"

    def _run(self, tool: str, *args: str) -> None:
        done = subprocess.run([*self._as, str(self._bin / tool), *args], capture_output=True,
                              text=True, cwd=self._folder)
        if done.returncode != 0:
            raise ServerUnavailable(f"{tool} failed ({done.returncode}): "
                                    f"{(done.stderr or done.stdout).strip()[-500:]}")

    def new_database(self) -> str:
        """The URL of a new, empty database."""
        name = f"sitrep_test_{os.getpid()}_{next(self._count)}"
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name}")
            conn.execute(f"CREATE DATABASE {name}")
        base, _, query = self.admin_url.partition("?")
        return f"{base.rsplit('/', 1)[0]}/{name}" + (f"?{query}" if query else "")

    def stop(self) -> None:
        if self._folder is None:
            return
        self._run("pg_ctl", "-D", str(self._folder / "data"), "-m", "immediate", "stop")
        shutil.rmtree(self._folder, ignore_errors=True)
        self._folder = None
