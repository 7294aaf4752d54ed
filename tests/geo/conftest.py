"""The gazetteer, built once (into the default path, or $SITREP_GAZETTEER) per machine."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitrep.geo import Gazetteer, GeoResolver


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.open()


@pytest.fixture(scope="session")
def resolver(gaz: Gazetteer) -> GeoResolver:
    return GeoResolver(gaz)


@pytest.fixture()
def gaz_copy(gaz: Gazetteer, tmp_path: Path) -> Gazetteer:
    """A private copy that a test may change."""
    target = tmp_path / "gazetteer.sqlite"
    shutil.copyfile(gaz.path, target)
    return Gazetteer(target)
