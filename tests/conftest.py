"""Shared fixtures: where the bundled seeds and the optional dev corpus live."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "src" / "dnnd" / "_seeds"


def _shared() -> Path:
    """The workplace's shared folder: DNND_SHARED_DIR, else next to the checkout (or to a worktree's parent)."""
    if os.environ.get("DNND_SHARED_DIR"):
        return Path(os.environ["DNND_SHARED_DIR"])
    for up in (ROOT.parent, ROOT.parent.parent):
        if (up / "shared").is_dir():
            return up / "shared"
    return ROOT.parent / "shared"


SHARED = _shared()
#: the gold corpora (seeds, dev, dev2), when the workplace has them
CORPORA = SHARED / "corpus"
#: the five bundled seed texts
SEED_TEXTS = SEEDS
#: DNND_DEV_DIR points elsewhere (e.g. from a git worktree one level deeper)
DEV = Path(os.environ["DNND_DEV_DIR"]) if os.environ.get("DNND_DEV_DIR") else SHARED / "corpus" / "dev"


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    if not (DEV / "texts").is_dir():
        pytest.skip("../shared/corpus/dev is not here (the project stands alone without it)")
    return DEV


# ---------------------------------------------------------------- slow tests
# Tests marked ``slow`` (the 100,000-example fuzz run) run only when asked
# for: ``pytest -m slow`` or ``DNND_FUZZ=long pytest``.


def _slow_wanted(config: pytest.Config) -> bool:
    import os

    return os.environ.get("DNND_FUZZ") == "long" or "slow" in (config.getoption("-m") or "")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if _slow_wanted(config):
        return
    skip = pytest.mark.skip(reason="slow: run with -m slow or DNND_FUZZ=long")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
