"""Distances between points on the Earth, in kilometres."""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088  # the mean radius
KM_PER_DEGREE = EARTH_RADIUS_KM * math.pi / 180


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def approx_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """A flat-earth approximation, close enough within a few hundred kilometres and cheaper
    (for ranking gazetteer candidates)."""
    dx = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 111.2 * math.hypot(lat2 - lat1, dx)
