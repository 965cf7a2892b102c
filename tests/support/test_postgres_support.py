"""Check that the tests can start their own PostgreSQL, as CI needs."""

import os
from pathlib import Path

import psycopg
import pytest

from tests.support.postgres import find_postgres_bin, start_postgres

pytestmark = pytest.mark.postgres


@pytest.fixture
def require_postgres() -> None:
    if find_postgres_bin() is None:
        if os.environ.get("CI") == "true":
            pytest.fail(
                "PostgreSQL binaries missing under CI; `make install-test-deps` installs them"
            )
        pytest.skip("PostgreSQL binaries not installed (make install-test-deps)")


def test_start_postgres_serves_a_database_and_cleans_up(require_postgres: None) -> None:
    with start_postgres() as url:
        assert url.startswith("postgresql+psycopg://postgres@127.0.0.1:")
        assert url.endswith("/feedback_test")
        # psycopg takes a libpq URL, without SQLAlchemy's "+psycopg" driver tag.
        with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
            assert conn.execute("select 1").fetchone() == (1,)
            version = conn.execute("show server_version_num").fetchone()
            assert version is not None and int(version[0]) >= 150000
            assert conn.execute("show fsync").fetchone() == ("off",)
        port = url.rsplit(":", 1)[1].split("/")[0]

    # Stopped: nothing listens on the port any more.
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(f"postgresql://postgres@127.0.0.1:{port}/postgres", connect_timeout=2)


def test_start_postgres_accepts_a_private_base_dir(require_postgres: None, tmp_path: Path) -> None:
    # pytest's tmp_path is private to its user; under root the server runs as
    # postgres, so start_postgres must still find somewhere it can use.
    with start_postgres(tmp_path) as first, start_postgres(tmp_path) as second:
        assert first != second  # two servers side by side, as with pytest-xdist
    assert list(tmp_path.iterdir()) == []  # cleaned up (or never used, as root)
