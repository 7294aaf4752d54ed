"""Coreference metrics on hand-made clusterings, text rebuilding, and the two scorers."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest

from sitrep.eval import Options
from sitrep.eval.coref import (
    GoldDoc,
    GoldMention,
    Token,
    align,
    b_cubed,
    ceaf_e,
    conll,
    max_assignment,
    muc,
    rebuild_text,
    score_ecb_plus,
    score_meantime,
)
from sitrep.record import Article, EventRecord, Evidence, Span

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"

# key {a,b,c} {d,e}; response {a,b} {c,d,e}
KEY = {"a": "K1", "b": "K1", "c": "K1", "d": "K2", "e": "K2"}
RESPONSE = {"a": "R1", "b": "R1", "c": "R2", "d": "R2", "e": "R2"}


def close(value: tuple[float, ...], expected: tuple[float, ...]) -> bool:
    return all(v == pytest.approx(e) for v, e in zip(value, expected, strict=True))


def test_identical_clusterings_score_one() -> None:
    for fn in (muc, b_cubed, ceaf_e):
        assert close(fn(KEY, KEY), (1.0, 1.0, 1.0))
    assert conll(KEY, KEY) == pytest.approx(1.0)


def test_worked_example() -> None:
    # MUC: recall (3-2 + 2-1) / (2 + 1); precision (2-1 + 3-2) / (1 + 2)
    assert close(muc(KEY, RESPONSE), (2 / 3, 2 / 3, 2 / 3))
    # B³: per mention P = 1, 1, 1/3, 2/3, 2/3; R = 2/3, 2/3, 1/3, 1, 1
    assert close(b_cubed(KEY, RESPONSE), (11 / 15, 11 / 15, 11 / 15))
    # CEAF-e: φ4(K1,R1) = 4/5, φ4(K2,R2) = 4/5 -> 8/5 over 2 clusters each side
    assert close(ceaf_e(KEY, RESPONSE), (0.8, 0.8, 0.8))
    assert conll(KEY, RESPONSE) == pytest.approx((2 / 3 + 11 / 15 + 0.8) / 3)


def test_singletons_against_one_cluster() -> None:
    key = {"a": "K", "b": "K", "c": "K"}
    response = {"a": "a", "b": "b", "c": "c"}
    assert close(muc(key, response), (0.0, 0.0, 0.0))  # no response links
    assert close(b_cubed(key, response), (1.0, 1 / 3, 0.5))
    # one key cluster matched to one singleton: φ4 = 2/4; R = 0.5/1, P = 0.5/3
    assert close(ceaf_e(key, response), (1 / 6, 0.5, 0.25))
    # the other way round: everything merged against singletons
    assert close(b_cubed(response, key), (1 / 3, 1.0, 0.5))
    assert close(ceaf_e(response, key), (0.5, 1 / 6, 0.25))


def test_ceaf_needs_the_optimal_alignment() -> None:
    # Greedy matching takes K1-R1 (φ4 = 0.8) and is left with K2-R2 (0); the best alignment
    # is K1-R2 plus K2-R1.
    key = {"a": "K1", "b": "K1", "c": "K1", "d": "K1", "e": "K2"}
    response = {"a": "R1", "b": "R1", "c": "R1", "d": "R2", "e": "R1"}
    # φ4(K1,R1) = 6/8, φ4(K1,R2) = 2/5, φ4(K2,R1) = 2/5, φ4(K2,R2) = 0
    assert close(ceaf_e(key, response), (0.4, 0.4, 0.4))


def test_max_assignment_matches_brute_force() -> None:
    rng = random.Random(7)
    for _ in range(60):
        n, m = rng.randint(1, 5), rng.randint(1, 5)
        weights = [[rng.choice([0.0, rng.random()]) for _ in range(m)] for _ in range(n)]
        rows, cols = (n, m) if n <= m else (m, n)
        table = weights if n <= m else [list(c) for c in zip(*weights, strict=True)]
        best = max(sum(table[i][j] for i, j in zip(range(rows), perm, strict=False))
                   for perm in itertools.permutations(range(cols), rows))
        assert max_assignment(weights) == pytest.approx(best)
    assert max_assignment([]) == 0.0


def test_metrics_refuse_different_mentions() -> None:
    with pytest.raises(ValueError):
        muc({"a": "x"}, {"b": "x"})


def test_rebuild_text_keeps_token_offsets() -> None:
    words = ["Rebels", "stormed", "the", "town", "(", "early", ")", ",", "officials",
             "said", "."]
    tokens = [Token(str(i), 0, w) for i, w in enumerate(words)]
    tokens.append(Token("x", 1, "``"))
    tokens.append(Token("y", 1, "Calm"))
    tokens.append(Token("z", 1, "''"))
    text, offsets, sentences = rebuild_text(tokens)
    assert text == 'Rebels stormed the town (early), officials said.\n"Calm"'
    for tok in tokens[:-3]:
        start, end = offsets[tok.tid]
        assert text[start:end] == tok.text
    assert text[slice(*sentences[1])] == '"Calm"'


def _record(article: Article, start: int, end: int) -> EventRecord:
    trigger = Span(start, end, article.text[start:end])
    return EventRecord(article_id=article.id, event_type="Battles",
                       sub_event_type="Armed clash",
                       evidence=Evidence([Span(0, len(article.text), article.text)],
                                         {"trigger": trigger}))


def test_align_by_trigger_overlap() -> None:
    text = "Troops clashed with rebels and later shelled the hills."
    article = Article(text=text, id="doc")
    clash, shell = text.index("clashed"), text.index("shelled")
    mentions = [GoldMention("doc#1", 0, [(clash, clash + 7)], "c1"),
                GoldMention("doc#2", 0, [(shell, shell + 7)], "c2"),
                GoldMention("doc#3", 0, [(0, 6)], "c3")]
    doc = GoldDoc("t", article, mentions, {0: (0, len(text))})
    records = [_record(article, clash, clash + 7), _record(article, shell - 6, shell + 7)]
    aligned = align(doc, records)
    assert aligned["doc#1"] is records[0]
    assert aligned["doc#2"] is records[1]
    assert "doc#3" not in aligned


@pytest.mark.skipif(not (DATA / "ecb_plus").is_dir(),
                    reason="ECB+ gold set not present (../shared/data/ecb_plus)")
def test_ecb_plus_scorer_runs() -> None:
    report = score_ecb_plus(Options(data=DATA, split="test", limit=6))
    values = {m.name: m.value for m in report.metrics}
    assert values["gold event mentions"] > 0
    assert 0.0 <= values["alignment rate (aligned / gold mentions)"] <= 1.0
    assert 0.0 <= values["Sitrep CoNLL F1"] <= 1.0


@pytest.mark.skipif(not (DATA / "meantime_newsreader").is_dir(),
                    reason="MEANTIME gold set not present (../shared/data/meantime_newsreader)")
def test_meantime_scorer_runs() -> None:
    report = score_meantime(Options(data=DATA, split="dev", limit=4))
    values = {m.name: m.value for m in report.metrics}
    assert values["gold event mentions"] > 0
    assert report.markdown().startswith("### meantime_coref (dev)")
