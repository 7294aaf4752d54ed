from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.geo import Gazetteer
from sitrep.geo.gazetteer import default_path


def test_default_path_honours_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SITREP_GAZETTEER", str(tmp_path / "g.sqlite"))
    assert default_path() == tmp_path / "g.sqlite"
    monkeypatch.delenv("SITREP_GAZETTEER")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_path() == tmp_path / "sitrep" / "gazetteer-v4.sqlite"


def test_build_counts(gaz: Gazetteer) -> None:
    info = gaz.info()
    kinds = info["kinds"]
    assert isinstance(kinds, dict)
    assert kinds["country"] >= 240
    assert kinds["city"] + kinds["neighbourhood"] >= 234_000
    assert kinds["admin1"] > 3_000 and kinds["admin2"] > 40_000
    assert info["schema_version"] == "1"


@pytest.mark.parametrize("name", ["Mosul", "Mawsil", "al-Mawsil", "Mossoul", "MOSUL", "الموصل"])
def test_mosul_variants(gaz: Gazetteer, name: str) -> None:
    best = gaz.lookup(name)[0]
    assert (best.name, best.kind, best.country_code) == ("Mosul", "city", "IQ")
    assert best.admin1 == "Nīnawá"
    assert best.lat == pytest.approx(36.34, abs=0.05)


def test_city_section_ranked_below_city(gaz: Gazetteer) -> None:
    section = next(p for p in gaz.lookup("Al Mawsil al Jadidah") if p.country_code == "IQ")
    mosul = gaz.lookup("Mosul")[0]
    assert section.kind == "neighbourhood" and section.parent_id == mosul.id
    assert section.population > mosul.population  # population alone would mislead


def test_admin1_and_country(gaz: Gazetteer) -> None:
    nineveh = gaz.lookup("Nineveh province")[0]
    assert (nineveh.kind, nineveh.country_code, nineveh.name) == ("admin1", "IQ", "Nīnawá")
    assert nineveh.lat is not None  # mean of its places
    iraq = gaz.lookup("Iraq")[0]
    assert (iraq.kind, iraq.country_code) == ("country", "IQ")
    assert gaz.lookup("Syrian Arab Republic")[0].country_code == "SY"


def test_bare_name_prefers_city_over_governorate(gaz: Gazetteer) -> None:
    assert gaz.lookup("Kirkuk")[0].kind == "city"
    assert gaz.lookup("Kirkuk governorate")[0].kind == "admin1"
    assert gaz.lookup("Mosul district")[0].kind == "admin2"


def test_country_filter(gaz: Gazetteer) -> None:
    assert all(p.country_code == "SY" for p in gaz.lookup("Karama", "SY"))
    assert gaz.lookup("Mosul", "FR") == []
    assert gaz.lookup("Reuters") == []
    assert gaz.lookup("") == []


def test_lookup_is_cached(gaz: Gazetteer) -> None:
    first = gaz.lookup("Baghdad")
    assert gaz.lookup("Baghdad") is first
