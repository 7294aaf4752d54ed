"""The extract stage: events and their fields from a parsed article.

The package is also the top-level Python API's `sitrep.extract`: calling it,
`sitrep.extract(text, published=...)`, runs the whole pipeline on one text and returns
`EventRecord`s (see `sitrep.api.extract`). A package and a function cannot share the name
`sitrep.extract` otherwise, because importing a submodule sets the package attribute.
"""

from __future__ import annotations

import sys
import types
from typing import Any


class _CallablePackage(types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from sitrep.api import extract

        return extract(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
