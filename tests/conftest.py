"""Shared fixtures: where the bundled seeds and the optional dev corpus live."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "src" / "dnnd" / "_seeds"
SHARED = ROOT.parent / "shared"
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
