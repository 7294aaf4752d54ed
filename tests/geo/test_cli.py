from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from sitrep.geo import Gazetteer
from sitrep.geo.cli import gazetteer


def test_lookup_and_info(gaz: Gazetteer) -> None:
    runner = CliRunner()
    res = runner.invoke(gazetteer, ["lookup", "Mawsil", "--path", str(gaz.path)])
    assert res.exit_code == 0, res.output
    assert "Mosul" in res.output and "IQ" in res.output
    res = runner.invoke(gazetteer, ["lookup", "Nowhereville Qqq", "--path", str(gaz.path)])
    assert res.exit_code != 0
    res = runner.invoke(gazetteer, ["info", "--path", str(gaz.path)])
    assert res.exit_code == 0 and "country: " in res.output


def test_import_command(gaz_copy: Gazetteer, tmp_path: Path) -> None:
    csv = tmp_path / "p.csv"
    csv.write_text("name,kind,country_code,lat,lon\nCamp Vesper,other,IQ,36.1,43.2\n",
                   encoding="utf-8")
    res = CliRunner().invoke(gazetteer, ["import", str(csv), "--path", str(gaz_copy.path)])
    assert res.exit_code == 0, res.output
    assert Gazetteer(gaz_copy.path).lookup("Camp Vesper")[0].source == "user"


def test_help_has_examples() -> None:
    for cmd in ("build", "lookup", "import", "info"):
        res = CliRunner().invoke(gazetteer, [cmd, "--help"])
        assert res.exit_code == 0 and "Example" in res.output
