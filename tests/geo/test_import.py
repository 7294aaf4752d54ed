from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.geo import Gazetteer

CSV = (
    "name,kind,country_code,lat,lon,admin1,parent,aliases\n"
    "Camp Tarnak Ridge,other,IQ,36.281,43.089,,Mosul,Tarnak base|Tarnak Ridge base\n"
    "Zahrat al-Wadi,neighbourhood,IQ,,,,Mosul,\n"
)


def test_import_csv(gaz_copy: Gazetteer, tmp_path: Path) -> None:
    path = tmp_path / "places.csv"
    path.write_text(CSV, encoding="utf-8")
    before = gaz_copy.info()["places"]
    assert gaz_copy.import_csv(path) == 2
    assert gaz_copy.info()["places"] == before + 2  # type: ignore[operator]
    base = gaz_copy.lookup("Tarnak base")[0]
    mosul = gaz_copy.lookup("Mosul")[0]
    assert (base.name, base.kind, base.source) == ("Camp Tarnak Ridge", "other", "user")
    assert base.admin1 == "Nīnawá" and base.parent_id == mosul.id
    assert base.lat == pytest.approx(36.281)
    hood = gaz_copy.lookup("Zahrat al Wadi", "IQ")[0]
    assert (hood.lat, hood.lon) == (mosul.lat, mosul.lon)  # placed at its parent city


def test_import_rejects_bad_rows(gaz_copy: Gazetteer, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("name,kind,country_code\nSomewhere,castle,IQ\n", encoding="utf-8")
    with pytest.raises(ValueError, match="kind"):
        gaz_copy.import_csv(path)
    path.write_text("name,lat\nSomewhere,1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="missing column"):
        gaz_copy.import_csv(path)
