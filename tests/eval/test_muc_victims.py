"""MUC-4 victim figures: pairing NUMBER and EFFECT lines by target, on hand-made templates."""

from __future__ import annotations

from sitrep.eval.muc_victims import gold_figures, our_figures
from sitrep.record import Count, EventRecord, Evidence, Span


def test_numbers_pair_with_effects_by_target() -> None:
    template = {
        "HUM TGT: NUMBER": ['4: "BUS PASSENGERS"', '1: "DRIVER"', '2: "GUARDS"'],
        "HUM TGT: EFFECT OF INCIDENT": ['DEATH: "BUS PASSENGERS"', 'INJURY: "DRIVER"',
                                        'NO INJURY: "GUARDS"'],
    }
    second = {"HUM TGT: NUMBER": ['3 - 5: "FARMERS"'],
              "HUM TGT: EFFECT OF INCIDENT": ['DEATH: "FARMERS"']}
    assert gold_figures([template]) == {"killed": 4, "injured": 1}
    assert gold_figures([template, second]) == {"killed": 7, "injured": 1}


def test_effect_without_a_figure_is_unknown() -> None:
    template = {"HUM TGT: NUMBER": ['PLURAL: "VILLAGERS"'],
                "HUM TGT: EFFECT OF INCIDENT": ['DEATH: "VILLAGERS"']}
    assert gold_figures([template]) == {"killed": None, "injured": 0}
    assert gold_figures([]) == {"killed": 0, "injured": 0}


def _record(killed: int, background: bool = False, cumulative: bool = False) -> EventRecord:
    return EventRecord(article_id="a", event_type="Violence against civilians",
                       sub_event_type="Attack",
                       evidence=Evidence(sentences=[Span(0, 5, "Shots")]),
                       fatalities=Count(killed, killed, killed, None, str(killed),
                                        cumulative=cumulative),
                       background=background)


def test_our_figures_leave_out_history_and_running_tolls() -> None:
    records = [_record(3), _record(2), _record(40, background=True),
               _record(900, cumulative=True)]
    assert our_figures(records) == {"killed": 5, "injured": 0}
