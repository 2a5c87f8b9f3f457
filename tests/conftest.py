"""Shared fixtures: where the bundled seeds and the optional dev corpus live."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "src" / "dnnd" / "_seeds"
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    if not (DEV / "texts").is_dir():
        pytest.skip("../shared/corpus/dev is not here (the project stands alone without it)")
    return DEV
