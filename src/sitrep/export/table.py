"""A readable terminal table of events (rich), one line per event, fitted to the width."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sitrep.export.streams import Output, text_output
from sitrep.record import Article, Count, EventRecord

MAX_CELL = 48


def _cut(text: str, limit: int = MAX_CELL) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _figure(count: Count | None) -> str:
    if count is None:
        return "–"
    if count.low == count.high:
        return str(count.best)
    return f"{count.best} ({count.low}–{count.high})"


def table_cells(rec: EventRecord, articles: Mapping[str, Article] | None = None) -> list[str]:
    """Date, type, actors, location, killed/injured and source of one event, as text."""
    date = rec.event_date or "–"
    if rec.background:
        date += " *"
    sides = [" + ".join(a.name for a in (main, *assoc) if a is not None)
             for main, assoc in ((rec.actor1, rec.assoc_actor1), (rec.actor2, rec.assoc_actor2))]
    actors = " → ".join(s for s in sides if s) or "–"
    loc = rec.location
    where = ", ".join(p for p in (loc.name, loc.country) if p) if loc else "–"
    article = articles.get(rec.article_id) if articles else None
    att = rec.attribution
    source = (att.source if att and att.source else None) or (article.source if article else None)
    source = ("~" if att and att.hedged else "") + (source or "–")
    return [
        date,
        _cut(f"{rec.sub_event_type} · {rec.event_type}"),
        _cut(actors),
        _cut(where),
        f"{_figure(rec.fatalities)} / {_figure(rec.injuries)}",
        _cut(source, 32),
    ]


HEADERS = ("Date", "Type", "Actors", "Location", "Dead / inj.", "Source")
FIXED = (0, 4)  # columns kept whole: date and figures
RATIOS = {1: 3, 2: 3, 3: 2, 5: 2}  # the others share what is left of the width


def write_table(events: Iterable[EventRecord], out: Output, *,
                articles: Mapping[str, Article] | None = None, width: int | None = None) -> int:
    """Render the events as a table on a text stream; `width` defaults to the terminal's
    (or $COLUMNS, or 80 when not a terminal). Long cells are cut with an ellipsis."""
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    rows = [table_cells(rec, articles) for rec in events]
    background = any(row[0].endswith("*") for row in rows)
    hedged = any(row[5].startswith("~") for row in rows)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, expand=True)
    for i, name in enumerate(HEADERS):
        if i in FIXED:
            fixed = max(len(name), *(len(row[i]) for row in rows)) if rows else len(name)
            table.add_column(name, width=fixed, no_wrap=True,
                             justify="right" if i == 4 else "left")
        else:
            table.add_column(name, ratio=RATIOS[i], min_width=4, no_wrap=True,
                             overflow="ellipsis")
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    notes = [text for flag, text in ((background, "* background: recounted, not news"),
                                     (hedged, "~ hedged claim")) if flag]
    if notes:
        table.caption = "   ".join(notes)
    with text_output(out) as fh:
        console = Console(file=fh, width=width, highlight=False, emoji=False, markup=False,
                          soft_wrap=False)
        if rows:
            console.print(table)
        else:
            console.print("no events")
    return len(rows)
