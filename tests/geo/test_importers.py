"""Imports of GeoNames dumps, GeoNames alternate names and Who's On First TSV files."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.geo import Gazetteer
from sitrep.geo.cli import gazetteer
from sitrep.geo.importers import detect_format


def _gn(gid: int, name: str, alt: str, lat: float, lon: float, fclass: str, fcode: str,
        a1: str = "15", a2: str = "", pop: int = 0) -> str:
    cols = [str(gid), name, name, alt, str(lat), str(lon), fclass, fcode, "IQ", "", a1, a2,
            "", "", str(pop), "", "300", "Asia/Baghdad", "2024-01-01"]
    return "\t".join(cols) + "\n"


GEONAMES = (
    _gn(990000001, "Tall Zarqun", "Tell Zarqoun,تل زرقون", 36.41, 42.95, "P", "PPL")
    + _gn(990000002, "Hayy al Sukkar", "Sukkar", 36.37, 43.14, "P", "PPLX")
    + _gn(990000003, "Wadi Qasab", "", 36.5, 42.9, "H", "WAD")  # not a place for events
    + _gn(990000004, "Qaidat Tarnak", "Tarnak Airbase", 36.2, 43.3, "S", "MILB")
    + _gn(99072, "Mosul", "Mossul Alt Spelling", 36.335, 43.119, "P", "PPLA", pop=1_000_000)
)

WOF_HEADER = ("wof_id\tname\tplacetype\tplacetype_local\tlat\tlon\tregion_id\tcounty_id\t"
              "locality_id\tgeonames_id\tpopulation\tnames_eng\tnames_ara\tnames_und\t"
              "names_ukr_or_kur\tnames_rus\n")
WOF = WOF_HEADER + (
    "700001\tZummar Qadim\tlocality\t\t36.62\t42.51\t\t\t700001\t\t\tOld Zummar\t"
    "زمار القديمة\tZumar Qadim\t\t\n"
    "700002\tHayy Warda\tneighbourhood\t\t36.62\t42.52\t\t\t700001\t\t\t\t\t\t\t\n"
    "700003\tRadwa Airfield\tcampus\t\t36.7\t42.6\t\t\t\t\t\tRadwa air base\t\t\t\t\n"
    "700004\tMosul\tlocality\t\t36.34\t43.13\t\t\t700004\t99072\t\t\tالموصل\tMawsil Test\t\t\n"
)


def test_detect_format(tmp_path: Path) -> None:
    (tmp_path / "IQ.txt").write_text(GEONAMES, encoding="utf-8")
    (tmp_path / "wof_iq.tsv").write_text(WOF, encoding="utf-8")
    (tmp_path / "alt.txt").write_text("1\t99072\tar\tX\t1\t\t\t\t\t\n", encoding="utf-8")
    (tmp_path / "p.csv").write_text("name,kind,country_code\nA,city,IQ\n", encoding="utf-8")
    (tmp_path / "junk.txt").write_text("hello world\n", encoding="utf-8")
    assert detect_format(tmp_path / "IQ.txt") == "geonames"
    assert detect_format(tmp_path / "wof_iq.tsv") == "wof"
    assert detect_format(tmp_path / "alt.txt") == "alternatenames"
    assert detect_format(tmp_path / "p.csv") == "csv"
    with pytest.raises(ValueError, match=r"junk\.txt: unrecognised format"):
        detect_format(tmp_path / "junk.txt")


def test_import_geonames_zip(gaz_copy: Gazetteer, tmp_path: Path) -> None:
    path = tmp_path / "IQ.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "about the file\n")
        zf.writestr("IQ.txt", GEONAMES)
    before = gaz_copy.info()["places"]
    stats = gaz_copy.import_file(path)
    assert (stats.format, stats.added, stats.merged, stats.skipped) == ("geonames", 3, 1, 1)
    assert gaz_copy.info()["places"] == before + 3  # type: ignore[operator]
    village = gaz_copy.lookup("تل زرقون")[0]
    assert (village.name, village.kind, village.geonameid) == ("Tall Zarqun", "city", 990000001)
    assert village.admin1 == "Nīnawá" and village.country_code == "IQ"
    hood = gaz_copy.lookup("Hayy al Sukkar")[0]
    assert hood.kind == "neighbourhood" and hood.parent_id == 99072
    assert gaz_copy.lookup("Tarnak Airbase")[0].kind == "other"
    assert not gaz_copy.lookup("Wadi Qasab", "IQ")
    # the known city is not duplicated; its new spelling now finds it
    assert [p.id for p in gaz_copy.lookup("Mossul Alt Spelling")] == [99072]


def test_import_alternate_names(gaz_copy: Gazetteer, tmp_path: Path) -> None:
    path = tmp_path / "alternateNamesV2.txt"
    path.write_text("1\t99072\tar\tموصل الحدباء\t\t\t\t\t\t\n"
                    "2\t99072\tlink\thttps://example.org/Mosul\t\t\t\t\t\t\n"
                    "3\t123456789\ten\tNowhere Known\t\t\t\t\t\t\n", encoding="utf-8")
    stats = gaz_copy.import_file(path)
    assert stats.format == "alternatenames" and stats.names == 1
    assert gaz_copy.lookup("موصل الحدباء")[0].id == 99072
    assert not gaz_copy.lookup("Nowhere Known")


def test_import_wof_gz(gaz_copy: Gazetteer, tmp_path: Path) -> None:
    path = tmp_path / "wof_iq.tsv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(WOF)
    stats = gaz_copy.import_file(path)
    assert (stats.format, stats.added, stats.merged) == ("wof", 3, 1)
    town = gaz_copy.lookup("زمار القديمة")[0]
    assert (town.name, town.kind, town.country_code, town.source) == (
        "Zummar Qadim", "city", "IQ", "wof")
    hood = gaz_copy.lookup("Hayy Warda", "IQ")[0]
    assert hood.kind == "neighbourhood" and hood.parent_id == town.id
    assert gaz_copy.lookup("Radwa air base")[0].kind == "other"
    assert [p.id for p in gaz_copy.lookup("Mawsil Test")] == [99072]


def test_bad_files_name_the_file(gaz_copy: Gazetteer, tmp_path: Path) -> None:
    bad = tmp_path / "broken_iq.tsv"
    bad.write_text(WOF_HEADER.replace("placetype\t", "kind\t", 1) + "1\tX\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken_iq\.tsv"):
        gaz_copy.import_file(bad, "wof")
    short = tmp_path / "IQ.txt"
    short.write_text(GEONAMES + "12\tToo\tfew\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"IQ.txt:6: expected 19"):
        gaz_copy.import_file(short)
    nocc = tmp_path / "places.tsv"
    nocc.write_text(WOF, encoding="utf-8")
    with pytest.raises(ValueError, match="--country"):
        gaz_copy.import_file(nocc)
    res = CliRunner().invoke(gazetteer, ["import", str(short), "--path", str(gaz_copy.path)])
    assert res.exit_code != 0 and "IQ.txt" in res.output


def test_import_command_wof(gaz_copy: Gazetteer, tmp_path: Path) -> None:
    path = tmp_path / "places.tsv"
    path.write_text(WOF, encoding="utf-8")
    res = CliRunner().invoke(gazetteer, ["import", str(path), "--country", "IQ", "--quiet",
                                         "--path", str(gaz_copy.path)])
    assert res.exit_code == 0, res.output
    assert "3 places added" in res.output
    assert Gazetteer(gaz_copy.path).lookup("Old Zummar")[0].country_code == "IQ"
