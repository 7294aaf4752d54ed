"""People hit told in a condition that is not grave are alive when told, not among the
killed told elsewhere."""

from __future__ import annotations

from sitrep.eval.gva import article_figures
from sitrep.extract.counts import find_casualties


def test_serious_condition_is_alive(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Three men were killed in the house on Dorrance Street. A woman was hospitalized "
              "in serious condition with a gunshot wound.")
    assert article_figures(find_casualties(doc)) == (3, 1)
