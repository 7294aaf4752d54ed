"""How the article's names hold together: which divisions its names can stand for, which
divisions hold a place one of its names can stand for, and which names stand for towns close
to each other (`Links`). "Paris ... Texas", "Paris and Henry County", "Gainesville" beside
Whitesboro: the namesakes that fit together are read together."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitrep.geo.gazetteer import Place

if TYPE_CHECKING:
    pass


DivisionKey = tuple[str | None, str | None, str | None]  # (country, admin1, admin2 or None)
NEAR_CELL_DEG = 0.5  # grid cell for names that stand for towns close together


@dataclass(slots=True)
class Links:
    """Which divisions the article's names can stand for, and which divisions hold a place
    that one of its names can stand for (by the names, so repeats do not link to themselves).
    "Paris ... Texas", "Paris and Henry County", "Dublin ... Ohio": the namesake that lies in
    a named division, and the division that holds a named place, are read together."""

    named: dict[DivisionKey, set[str]] = field(default_factory=dict)
    holding: dict[DivisionKey, set[str]] = field(default_factory=dict)
    cells: dict[tuple[int, int], set[str]] = field(default_factory=dict)
    local: str | None = None  # the country a local story's own words point to, when they decide
    state: str | None = None  # the focus country's first-level division the names agree on

    @staticmethod
    def _cell(lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / NEAR_CELL_DEG), math.floor(lon / NEAR_CELL_DEG)

    def near(self, p: Place, key: str) -> int:
        """How many other names of the article can stand for a town close to `p` (within one
        grid cell, about 50 km): towns named together lie together ("Gainesville" beside
        Whitesboro)."""
        if p.lat is None or p.lon is None or not p.primary:
            return 0
        y, x = self._cell(p.lat, p.lon)
        found: set[str] = set()
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                found |= self.cells.get((y + dy, x + dx), set())
        found.discard(key)
        return len(found)

    def add(self, key: str, places: list[Place]) -> None:
        """The divisions a name can stand for, and those that hold a place it can stand for
        (its own names only: "Washington" is not the town in New York once so called)."""
        for p in places:
            if not p.primary:
                continue
            if p.kind == "admin1":
                self.named.setdefault((p.country_code, p.name, None), set()).add(key)
            elif p.kind == "admin2":
                self.named.setdefault((p.country_code, p.admin1, p.name), set()).add(key)
            self.hold(key, p)

    def hold(self, key: str, p: Place) -> None:
        """The divisions that hold a place the name can stand for, and where it lies."""
        if p.kind in ("city", "neighbourhood") and p.lat is not None and p.lon is not None:
            self.cells.setdefault(self._cell(p.lat, p.lon), set()).add(key)
        if p.kind in ("city", "admin2", "neighbourhood") and p.admin1:
            self.holding.setdefault((p.country_code, p.admin1, None), set()).add(key)
            if p.kind != "admin2" and p.admin2:
                self.holding.setdefault((p.country_code, p.admin1, p.admin2), set()).add(key)

    def in_named_division(self, p: Place, key: str) -> bool:
        """Whether another name of the article is the first-level division that holds the
        town `p` by its own name ("Dublin ... the State of Ohio")."""
        return (p.primary and p.kind in ("city", "neighbourhood") and p.admin1 is not None
                and bool(self.named.get((p.country_code, p.admin1, None), set()) - {key}))

    def in_named_county(self, p: Place, key: str) -> bool:
        """Whether another name of the article is the second-level division that holds `p`
        ("JACKSONVILLE, ONSLOW COUNTY")."""
        return p.admin2 is not None and bool(
            self.named.get((p.country_code, p.admin1, p.admin2), set()) - {key})

    def linked(self, p: Place, key: str) -> bool:
        """Whether another name of the article is a division that holds `p`, or names a
        place that `p` (a division) holds. Only a place's own name links."""
        if not p.primary:
            return False
        keys: list[DivisionKey] = []
        if p.admin1 and p.kind != "admin1" and p.kind != "country":
            keys.append((p.country_code, p.admin1, None))
            if p.kind != "admin2" and p.admin2:
                keys.append((p.country_code, p.admin1, p.admin2))
        if any(self.named.get(k, set()) - {key} for k in keys):
            return True
        if p.kind == "admin1":
            return bool(self.holding.get((p.country_code, p.name, None), set()) - {key})
        if p.kind == "admin2":
            return bool(self.holding.get((p.country_code, p.admin1, p.name), set()) - {key})
        return False
