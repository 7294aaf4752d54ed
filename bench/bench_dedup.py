"""Time and memory of cross-article deduplication at 10k, 100k and 1M mentions.

For each size, generated mentions (about three reports per incident, with the dates, places,
tolls and wording varying as real reports do, each naming a victim so that name keys are
stored and looked up, and under a headline of one of three forms so that title words are too;
one in ten a later report of an arrest, which names no one, so that arrests look for the
violent event they follow)
are stored in a fresh SQLite file twice, each in its own process: once as plain mentions (the
baseline: `SQLiteStore(dedup=False)`) and once with deduplication. Prints mentions/s, peak
memory, the ratio to the baseline, CPU time per mention and how the time per mention grows
with size (flat means linear time).

    python bench/bench_dedup.py [--sizes 10000,100000,1000000]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import resource
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from sitrep.record import Article, Count, EventRecord, Evidence, Location, Span
from sitrep.store import SQLiteStore

CITIES = [
    ("Mosul", "Iraq", "IQ", 36.34, 43.13), ("Kirkuk", "Iraq", "IQ", 35.47, 44.39),
    ("Aleppo", "Syria", "SY", 36.20, 37.16), ("Idlib", "Syria", "SY", 35.93, 36.63),
    ("Maiduguri", "Nigeria", "NG", 11.85, 13.16), ("Kaduna", "Nigeria", "NG", 10.52, 7.44),
    ("Gao", "Mali", "ML", 16.27, -0.04), ("Khartoum", "Sudan", "SD", 15.55, 32.53),
    ("Kharkiv", "Ukraine", "UA", 49.99, 36.23), ("Gondar", "Ethiopia", "ET", 12.60, 37.47),
]
KINDS = [
    ("Violence against civilians", "Attack", "gunmen attacked"),
    ("Explosions/Remote violence", "Air/drone strike", "an air strike hit"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", "a roadside bomb struck"),
    ("Battles", "Armed clash", "troops clashed with fighters near"),
]
ARREST = ("Strategic developments", "Arrests")
ARREST_SHARE = 0.1  # reports of an arrest days after the incident
PLACES = ["market", "checkpoint", "mosque", "school", "bus station", "farm", "convoy", "camp"]
NAMES = ["Amina", "Yusuf", "Halima", "Omar", "Fatima", "Ali", "Musa", "Zainab", "Idris", "Aisha"]
SYLLABLES = ["ba", "ko", "ri", "la", "mu", "de", "sa", "ni", "to", "ge", "wa", "zu", "fe", "po",
             "ha", "di", "lo", "ke", "ma", "ru"]


def mentions(n: int, seed: int = 3) -> Iterator[tuple[Article, list[EventRecord]]]:
    """`n` one-mention articles reporting about n/3 incidents."""
    rng = random.Random(seed)
    start = date(2000, 1, 1)
    incidents = max(1, n // 3)
    span = max(1500, n // 10)  # days: as many incidents a day per city at every size
    for i in range(n):
        k = rng.randrange(incidents)
        irng = random.Random(k)  # the incident's own facts
        city, country, cc, lat, lon = irng.choice(CITIES)
        typ, sub, verb = irng.choice(KINDS)
        day = start + timedelta(days=irng.randrange(span))
        killed = irng.randrange(1, 30)
        place, name = irng.choice(PLACES), irng.choice(NAMES)
        # a victim's surname: thousands of them, so a name recurs across a few incidents
        surname = "".join(irng.choice(SYLLABLES) for _ in range(4)).capitalize()
        reported = day + timedelta(days=rng.choice([0, 0, 1]))
        toll = killed if rng.random() < 0.8 else killed + rng.randrange(1, 4)
        text = (f"{verb.capitalize()} a {place} in {city}, killing {toll} people including "
                f"{name} {surname}, {18 + k % 60}, officials said. {surname} was a farmer.")
        # a headline in one of a few forms, so reports of one incident share some title words
        title = rng.choice([f"{toll} killed in {city} {place} attack",
                            f"{name} {surname} among dead in {city}",
                            f"{verb.capitalize()} {place} in {city}"])
        if rng.random() < ARREST_SHARE:
            # a later report of an arrest, which names no one and is its own event type
            reported = day + timedelta(days=rng.randrange(2, 20))
            text = f"Police arrested a suspect on {reported:%B %d} in {city}, officials said."
            title, typ, sub, day = f"Suspect arrested in {city}", *ARREST, reported
        article = Article(text=text, title=title, published=reported,
                          source=f"outlet {rng.randrange(20)}", id=f"a{i}")
        rec = EventRecord(
            article_id=article.id, event_type=typ, sub_event_type=sub,
            evidence=Evidence([Span(0, len(text), text)], {"trigger": Span(0, 6, text[:6])}),
            event_date=day.isoformat(), date_precision="day",
            location=Location(city, country, cc, lat, lon, "city", city),
            fatalities=Count(toll, toll, toll, "people", str(toll)),
        )
        yield article, [rec]


Timing = tuple[float, float, float, int]  # wall s, CPU s, peak MiB, events


def _store_all(n: int, dedup: bool, queue: mp.Queue[Timing]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "bench.sqlite", dedup=dedup)
        started, cpu_started = time.perf_counter(), time.process_time()
        batch: list[tuple[Article, list[EventRecord]]] = []
        for item in mentions(n):
            batch.append(item)
            if len(batch) == 1000:
                store.add(batch)
                batch.clear()
        if batch:
            store.add(batch)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        events = store.conn.execute("SELECT count(*) FROM clusters").fetchone()[0]
        store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put((elapsed, cpu, peak, events))


def _run(n: int, dedup: bool) -> Timing:
    ctx = mp.get_context("fork")
    queue: mp.Queue[Timing] = ctx.Queue()
    proc = ctx.Process(target=_store_all, args=(n, dedup, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'mentions':>9} {'store only/s':>13} {'dedup/s':>9} {'ratio':>6} "
          f"{'µs/mention':>11} {'CPU µs: store':>14} {'dedup':>6} {'peak MiB':>9} {'events':>8}")
    for n in sizes:
        base_s, base_cpu, _, _ = _run(n, dedup=False)
        dedup_s, dedup_cpu, peak, events = _run(n, dedup=True)
        print(f"{n:9d} {n / base_s:13.0f} {n / dedup_s:9.0f} {base_s / dedup_s:6.2f} "
              f"{dedup_s / n * 1e6:11.0f} {base_cpu / n * 1e6:14.0f} {dedup_cpu / n * 1e6:6.0f} "
              f"{peak:9.0f} {events:8d}")
    print("ratio = dedup throughput / plain storing throughput, same process tree; "
          "flat µs/mention across sizes = near-linear time; CPU µs (process time) are steadier "
          "than wall-clock time on a shared machine")


if __name__ == "__main__":
    main()
