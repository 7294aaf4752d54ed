"""geo stage: the gazetteer and place resolution."""

from sitrep.geo.gazetteer import Gazetteer, Place, default_path
from sitrep.geo.normalize import normalize_name
from sitrep.geo.resolve import ArticlePlaces, GeoResolver, PlaceMention

__all__ = ["ArticlePlaces", "Gazetteer", "GeoResolver", "Place", "PlaceMention", "default_path",
           "normalize_name"]
