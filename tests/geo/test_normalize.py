from __future__ import annotations

import pytest

from sitrep.geo.normalize import normalize_name, split_name


@pytest.mark.parametrize(("raw", "key"), [
    ("Mosul", "mosul"),
    ("Al Mawşil", "mawsil"),
    ("al-Mawsil", "mawsil"),
    ("El-Mawsil", "mawsil"),
    ("Tal ʿAfar", "tal afar"),
    ("Tall ‘Afar", "tall afar"),
    ("Ar Ramādī", "ramadi"),
    ("Fallujah", "falluja"),
    ("Qaryat al-Khadra", "khadra"),
    ("Hayy al Quds", "quds"),
    ("Nineveh Governorate", "nineveh"),
    ("Donetsk Oblast", "donetsk"),
    ("Mosul District", "mosul"),
    ("the Gaza Strip", "gaza strip"),
    ("Al", "al"),
    ("Province", "province"),
])
def test_normalize(raw: str, key: str) -> None:
    assert normalize_name(raw) == key


def test_suffix_gives_kind_hint() -> None:
    assert split_name("Kirkuk province") == ("kirkuk", "admin1")
    assert split_name("Sinjar district") == ("sinjar", "admin2")
    assert split_name("Kirkuk") == ("kirkuk", None)
