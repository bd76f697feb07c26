"""A PostgreSQL for the server tests: HERVEST_TEST_POSTGRES_URL if set, else a throwaway
cluster started from Debian's binaries (initdb + pg_ctl on a temp dir, a free port on
127.0.0.1; as root they run as the `postgres` user), else a skip with the reason."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ENV = "HERVEST_TEST_POSTGRES_URL"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    if shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--", *cmd]
    return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(cmd)]


def _binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a PostgreSQL server (session-wide)."""
    if os.environ.get(ENV):
        yield os.environ[ENV]
        return
    bin_dir = _binaries()
    if bin_dir is None:
        pytest.skip(f"no PostgreSQL: set {ENV} or install Debian's postgresql package")
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to run initdb")
    folder = Path(tempfile.mkdtemp(prefix="hervest-pg-"))
    os.chmod(folder, 0o755)
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    port = _free_port()
    run = lambda cmd: subprocess.run(_as_postgres(cmd), check=True, capture_output=True,  # noqa: E731
                                     timeout=120)
    try:
        run([str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
             "--no-sync", "-E", "UTF8"])
        run([str(bin_dir / "pg_ctl"), "-D", str(data), "-w", "-l", str(folder / "log"),
             "-o", f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off",
             "start"])
    except (subprocess.CalledProcessError, OSError) as error:
        shutil.rmtree(folder, ignore_errors=True)
        detail = getattr(error, "stderr", b"") or str(error)
        pytest.skip(f"could not start a throwaway PostgreSQL: {detail!r:.300}")
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast",
                                     "stop"]), capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty database on that server for one test."""
    import psycopg

    name = f"hervest_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    base = postgres_server.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
