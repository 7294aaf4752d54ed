"""`sitrep eval gva_dedup`: does deduplication group articles as their incidents do?

Every article of the split is extracted and ingested into a fresh store, so deduplication runs
exactly as in `sitrep ingest`. Each article is then placed in the event of its main mention
(the violent event with the largest toll, else its first mention); articles with no event stand
alone. The grouping is scored against the gold incidents with pairwise and B³ precision,
recall and F1, and each merged event's killed/injured figures against its incident's.

Split: an incident is in the dev half when the SHA-256 of its id is even, else in test.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path
from typing import Any

from sitrep.eval import EvalReport, Metric, Options, scorer
from sitrep.pipeline import PipelineConfig, run
from sitrep.read import parse_published
from sitrep.record import Article, EventRecord
from sitrep.store import EventQuery, SQLiteStore

VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}


def in_split(incident_id: str, split: str) -> bool:
    """dev: incidents whose id hashes even; test: odd."""
    even = hashlib.sha256(incident_id.encode()).digest()[-1] % 2 == 0
    return even if split == "dev" else not even


def gva_articles(folder: Path, split: str, limit: int | None) -> Iterator[tuple[str, Article]]:
    """(incident id, article) for the split, in file order."""
    n = 0
    with (folder / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row: dict[str, Any] = json.loads(line)
            if not in_split(str(row["incident_id"]), split):
                continue
            text = row.get("content") or ""
            if not text.strip():
                continue
            yield str(row["incident_id"]), Article(
                text=text, title=row.get("title") or "", id=str(row["doc_id"]),
                published=parse_published(row["dct"]) if row.get("dct") else None,
                source=row.get("url"),
            )
            n += 1
            if limit is not None and n >= limit:
                return


def gva_incidents(folder: Path) -> dict[str, dict[str, Any]]:
    out = {}
    with (folder / "gva_incidents.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            out[str(row["incident_uri"])] = row
    return out


def main_mention(records: list[EventRecord]) -> EventRecord | None:
    """The mention that stands for the article's incident."""
    violent = [r for r in records if r.event_type in VIOLENT_TYPES and not r.background]
    if not violent:
        return records[0] if records else None

    def toll(r: EventRecord) -> int:
        return (r.fatalities.best if r.fatalities else 0) + (r.injuries.best if r.injuries else 0)

    return max(violent, key=toll)


def pairwise(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    """Precision, recall, F1 over pairs of items put together."""
    def pairs(assign: dict[str, str]) -> set[tuple[str, ...]]:
        groups: dict[str, list[str]] = defaultdict(list)
        for item, label in assign.items():
            groups[label].append(item)
        return {tuple(sorted(p)) for g in groups.values() for p in combinations(g, 2)}

    g, p = pairs(gold), pairs(pred)
    tp = len(g & p)
    precision = tp / len(p) if p else 1.0
    recall = tp / len(g) if g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def b_cubed(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    """B³ precision, recall and F1, averaged over items."""
    by_gold: dict[str, set[str]] = defaultdict(set)
    by_pred: dict[str, set[str]] = defaultdict(set)
    for item in gold:
        by_gold[gold[item]].add(item)
        by_pred[pred[item]].add(item)
    p_sum = r_sum = 0.0
    for item in gold:
        same = len(by_gold[gold[item]] & by_pred[pred[item]])
        p_sum += same / len(by_pred[pred[item]])
        r_sum += same / len(by_gold[gold[item]])
    n = len(gold) or 1
    precision, recall = p_sum / n, r_sum / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@scorer("gva_dedup")
def score_gva_dedup(opts: Options) -> EvalReport:
    split = opts.split or "test"
    folder = opts.data / "gva_longtail"
    pairs = list(gva_articles(folder, split, opts.limit))
    incident_of = {article.id: incident for incident, article in pairs}
    gold_incidents = gva_incidents(folder)
    pred: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp, SQLiteStore(Path(tmp) / "eval.sqlite") as store:
        batch: list[tuple[Article, list[EventRecord]]] = []
        main: dict[str, str | None] = {}
        config = PipelineConfig()
        for article, records in run((a for _, a in pairs), config, n_process=opts.workers):
            batch.append((article, records))
            chosen = main_mention(records)
            main[article.id] = chosen.event_id if chosen else None
            if len(batch) >= 64:
                store.add(batch)
                batch.clear()
        if batch:
            store.add(batch)
        cluster_of = dict(store.conn.execute(
            "SELECT event_id, cluster_id FROM events").fetchall())
        events = {e.event_id: e for e in store.events(EventQuery())}
    for article_id, mention in main.items():
        cluster = cluster_of.get(mention) if mention else None
        pred[article_id] = cluster or f"alone:{article_id}"
    gold = {a: incident_of[a] for a in pred}
    p, r, f = pairwise(gold, pred)
    bp, br, bf = b_cubed(gold, pred)
    killed_ok = injured_ok = judged = 0
    for cluster in set(pred.values()):
        event = events.get(cluster)
        if event is None:
            continue
        members = [a for a, c in pred.items() if c == cluster]
        incident = gold_incidents.get(incident_of[members[0]])
        if incident is None:
            continue
        judged += 1
        killed = event.fatalities.best if event.fatalities else 0
        injured = event.injuries.best if event.injuries else 0
        killed_ok += killed == int(incident.get("num_killed") or 0)
        injured_ok += injured == int(incident.get("num_injured") or 0)
    n_incidents = len(set(gold.values()))
    return EvalReport(
        dataset="gva_dedup", split=split,
        metrics=[
            Metric("pairwise precision", p, len(gold)),
            Metric("pairwise recall", r, len(gold)),
            Metric("pairwise F1", f, len(gold), target=0.90),
            Metric("B³ precision", bp, len(gold)),
            Metric("B³ recall", br, len(gold)),
            Metric("B³ F1", bf, len(gold)),
            Metric("merged event killed exact", killed_ok / judged if judged else 0.0, judged),
            Metric("merged event injured exact", injured_ok / judged if judged else 0.0, judged),
        ],
        notes=[f"{len(gold)} articles of {n_incidents} incidents; "
               f"{len(set(pred.values()))} predicted groups",
               "dev/test: incidents split by the parity of SHA-256(incident id)"],
    )

