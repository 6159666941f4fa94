"""Test seams: every test reads a copy of the data, with a pinned terminal environment."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO_DATA = Path(__file__).resolve().parent.parent / "data"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="Rewrite tests/golden/* from the current output."
    )


@pytest.fixture(scope="session")
def data_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A session-wide copy of data/ (tests that change data make their own copy)."""
    target = tmp_path_factory.mktemp("dataset") / "data"
    shutil.copytree(REPO_DATA, target)
    return target


@pytest.fixture(autouse=True)
def _environment(monkeypatch: pytest.MonkeyPatch, data_copy: Path) -> None:
    """Point qmonth at the copy and pin what Rich reads from the environment."""
    monkeypatch.setenv("QMONTH_DATA_DIR", str(data_copy))
    for name in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "CLICOLOR_FORCE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("LINES", "50")
    monkeypatch.setenv("TERM", "xterm-256color")
    return
