"""`sitrep eval gva_dedup`: does deduplication group articles as their incidents do?

Every article of the split is extracted and ingested into a fresh store, in file order, so
deduplication runs exactly as in `sitrep ingest`. Each article is then placed in one group:

1. the event of its lead mention (`sitrep.dedup.cluster.lead_mention`: among its news, not
   background, mentions the one with the largest toll, killed then injured, else the first),
   wherever deduplication put that mention: a block match, or a follow-up link by names to an
   earlier event of any type (an arrest report linked to its shooting);
2. an article without events: the event it is linked to in `article_links` (by names), if any;
3. otherwise it stands alone.

When a later report matches two events that are compatible with each other, they are merged
as it arrives (`sitrep.dedup.cluster.mergeable`), so a group may hold reports that did not match
each other directly.

The grouping is scored against the gold incidents with pairwise and B³ precision, recall and
F1, and each merged event's killed/injured figures against its incident's.

Split and gold: the same as `sitrep eval gva_longtail` (`sitrep.eval.gva.load`): articles whose
incident has a structured record, halved by incident id.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path

from sitrep.dedup.cluster import lead_mention
from sitrep.eval import EvalReport, Metric, Options, scorer
from sitrep.eval.gva import Gold, load
from sitrep.pipeline import PipelineConfig, run
from sitrep.record import Article, EventRecord
from sitrep.store import EventQuery, SQLiteStore


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


def group_articles(extracted: Iterable[tuple[Article, list[EventRecord]]],
                   ) -> tuple[dict[str, str], dict[str, EventRecord], dict[str, int]]:
    """Ingest (article, mentions) pairs into a fresh store, in the order given; returns each
    article's group (the event of its lead mention, or ``alone:<id>``), the merged events and
    how often each `dedup_log` action (new, join, follow-up, merge) was taken."""
    main: dict[str, str | None] = {}
    with tempfile.TemporaryDirectory() as tmp, SQLiteStore(Path(tmp) / "eval.sqlite") as store:
        batch: list[tuple[Article, list[EventRecord]]] = []
        for article, records in extracted:
            batch.append((article, records))
            chosen = lead_mention(records)
            main[article.id] = chosen.event_id if chosen else None
            if len(batch) >= 64:
                store.add(batch)
                batch.clear()
        if batch:
            store.add(batch)
        cluster_of = dict(store.conn.execute(
            "SELECT event_id, cluster_id FROM events").fetchall())
        linked = dict(store.conn.execute(
            "SELECT article_id, cluster_id FROM article_links").fetchall())
        events = {e.event_id: e for e in store.events(EventQuery())}
        actions = dict(store.conn.execute(
            "SELECT action, count(*) FROM dedup_log GROUP BY action").fetchall())
    pred: dict[str, str] = {}
    for article_id, mention in main.items():
        cluster = cluster_of.get(mention) if mention else linked.get(article_id)
        pred[article_id] = cluster or f"alone:{article_id}"
    return pred, events, actions


@scorer("gva_dedup")
def score_gva_dedup(opts: Options) -> EvalReport:
    split = opts.split or "test"
    items = load(opts.data, split)[: opts.limit]
    extracted = run((a for a, _ in items), PipelineConfig(), n_process=opts.workers)
    pred, events, actions = group_articles(extracted)
    return report(items, pred, events, split, actions)


def report(items: list[tuple[Article, Gold]], pred: dict[str, str],
           events: dict[str, EventRecord], split: str,
           actions: dict[str, int] | None = None) -> EvalReport:
    """Score a predicted grouping of the articles of `items` against their incidents."""
    incident_of = {article.id: gold.incident for article, gold in items}
    gold_of = {gold.incident: gold for _, gold in items}
    gold = {a: incident_of[a] for a in pred}
    p, r, f = pairwise(gold, pred)
    bp, br, bf = b_cubed(gold, pred)
    killed_ok = injured_ok = judged = 0
    for cluster in set(pred.values()):
        event = events.get(cluster)
        if event is None:
            continue
        members = [a for a, c in pred.items() if c == cluster]
        incident = gold_of[incident_of[members[0]]]
        judged += 1
        killed = event.fatalities.best if event.fatalities else 0
        injured = event.injuries.best if event.injuries else 0
        killed_ok += killed == incident.killed
        injured_ok += injured == incident.injured
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
               "dev/test: as gva_longtail (incidents halved by SHA-1 of their id)",
               "dedup_log actions: " + (", ".join(f"{n} {a}" for a, n in sorted(actions.items()))
                                        if actions else "not counted")],
    )

