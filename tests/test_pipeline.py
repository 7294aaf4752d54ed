"""`pipeline.run` gives the same records, in input order, in one process, several, or on a
Dask cluster (a real local one: a scheduler and worker processes on this machine)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from distributed import LocalCluster

from sitrep import scaleout
from sitrep.pipeline import PipelineConfig, run
from sitrep.record import Article
from sitrep.scaleout import ClusterError
from sitrep.schema import validate_event
from support import invoke

PARAGRAPHS = [
    ("Saraqib", "Government warplanes carried out an air strike on a market in Saraqib on "
                "Tuesday, killing seven civilians and wounding 12, rescuers said."),
    ("Tsafe", "Gunmen abducted 23 villagers from Tsafe in Zamfara state on Sunday, police "
              "said."),
    ("Kherson", "Russian forces shelled residential areas of Kherson on Thursday, killing two "
                "people and injuring five, the regional governor said."),
    ("Nairobi", "Thousands of protesters marched through central Nairobi on Friday against new "
                "taxes, witnesses said."),
    ("Kirkuk", "A roadside bomb struck an army patrol near Kirkuk on Monday, killing three "
               "soldiers, a military statement said."),
    ("Bamako", "Traders in Bamako said on Tuesday that the prices of rice and millet rose "
               "sharply this month."),
    ("Mogadishu", "Security forces arrested 12 suspected al-Shabaab members in Mogadishu on "
                  "Wednesday, the interior ministry said."),
    ("Kabul", "A suicide bomber blew himself up at an education centre in Kabul on Friday, "
              "killing 19 students, police said."),
    ("Mosul", "Iraqi forces clashed with Islamic State fighters in eastern Mosul on Monday, "
              "killing six militants, a military statement said.\n\nIslamic State fighters "
              "overran the city in June 2014."),
    ("Omdurman", "Heavy fighting broke out between the Sudanese army and the Rapid Support "
                 "Forces in Omdurman on Wednesday, killing at least 14 fighters, residents "
                 "said."),
    ("Kharkiv", "Russian missiles struck an apartment block in Kharkiv on Friday, killing "
                "three civilians, the regional governor said."),
]


def _articles() -> list[Article]:
    return [Article(text=text, title=f"Report from {town}", published=date(2024, 3, 8 + i),
                    id=f"p-{i:02d}-{town.lower()}")
            for i, (town, text) in enumerate(PARAGRAPHS)]


@pytest.fixture(scope="module")
def single() -> list[tuple[str, list[dict[str, object]]]]:
    results = [(a.id, [r.to_dict() for r in recs]) for a, recs in run(_articles(), n_process=1)]
    for _, recs in results:
        for rec in recs:
            validate_event(rec)
    return results


def test_single_process_keeps_input_order(
        single: list[tuple[str, list[dict[str, object]]]]) -> None:
    assert [aid for aid, _ in single] == [a.id for a in _articles()]
    assert sum(len(recs) for _, recs in single) >= len(PARAGRAPHS) - 1
    assert dict(single)["p-05-bamako"] == []
    for aid, recs in single:
        assert all(r["article_id"] == aid for r in recs)


@pytest.mark.slow
@pytest.mark.parametrize("batch_size", [2, 16])
def test_two_processes_give_the_same_records_in_order(
        single: list[tuple[str, list[dict[str, object]]]], batch_size: int) -> None:
    multi = [(a.id, [r.to_dict() for r in recs])
             for a, recs in run(iter(_articles()), n_process=2, batch_size=batch_size)]
    assert multi == single


def test_generator_input_and_config_without_geo() -> None:
    config = PipelineConfig(geo=False)
    out = list(run((a for a in _articles()[:3]), config, n_process=1, batch_size=1))
    assert [a.id for a, _ in out] == [a.id for a in _articles()[:3]]
    assert all(r.location is None for _, recs in out for r in recs)
    assert all(recs for _, recs in out)


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a real Dask scheduler with one worker process running two threads, so
    that tasks share a worker's pipeline the way they do on a cluster."""
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=True,
                      dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.mark.slow
def test_dask_cluster_gives_the_same_records_in_order(
        single: list[tuple[str, list[dict[str, object]]]], scheduler: str) -> None:
    on_cluster = [(a.id, [r.to_dict() for r in recs])
                  for a, recs in run(iter(_articles()), batch_size=2, scheduler=scheduler)]
    assert on_cluster == single


@pytest.mark.slow
def test_worker_that_cannot_build_the_pipeline_fails_at_start(scheduler: str) -> None:
    config = PipelineConfig(model="no_such_spacy_model")
    with pytest.raises(ClusterError, match="could not build the pipeline"):
        list(run(_articles()[:1], config, scheduler=scheduler))


def test_unreachable_scheduler_is_a_clear_error(monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    monkeypatch.setattr(scaleout, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(ClusterError, match=r"cannot reach the Dask scheduler.*dask scheduler"):
        list(run(_articles()[:1], scheduler="tcp://127.0.0.1:9"))
    story = tmp_path / "story.txt"
    story.write_text("Gunmen killed two farmers in Tsafe on Sunday, police said.\n")
    result = invoke(["ingest", str(story), "--db", str(tmp_path / "x.sqlite"), "--dask",
                     "tcp://127.0.0.1:9", "--published", "2024-03-10", "-q"])
    assert result.exit_code == 1
    assert "cannot reach the Dask scheduler at 'tcp://127.0.0.1:9'" in result.stderr


@pytest.mark.slow
def test_ingest_on_a_cluster_stores_what_a_local_run_stores(scheduler: str,
                                                           tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for article in _articles():
        (folder / f"{article.id}.txt").write_text(
            f"{article.title}\nPublished: {article.published}\nid: {article.id}\n\n"
            f"{article.text}\n", encoding="utf-8")
    listed = {}
    for name, extra in (("local", []), ("cluster", ["--dask", scheduler])):
        db = str(tmp_path / f"{name}.sqlite")
        stored = invoke(["ingest", str(folder), "--db", db, "-q", *extra])
        assert stored.exit_code == 0, stored.stderr
        assert f"{len(PARAGRAPHS)} articles stored" in stored.stderr
        listed[name] = [json.loads(line) for line in
                        invoke(["events", "--db", db, "--format", "jsonl"]).stdout.splitlines()]
    assert listed["cluster"] == listed["local"]
    assert len(listed["local"]) >= len(PARAGRAPHS) - 1
