"""eventwire: news articles in; a trustworthy, queryable record of political events out.

The library's verbs live in :mod:`eventwire.api` and are offered here too, loaded on first use (importing
the package loads neither spaCy nor a database driver; ``ingest``, ``events`` and ``export`` are
subpackages' names, so they are called from :mod:`eventwire.api`)::

    import eventwire
    for record in eventwire.extract_events(["article.txt"], published="2025-06-17"):
        print(record["type"], record["source"], record["target"])
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any

try:
    __version__ = version("eventwire")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"

# ``ingest``, ``events`` and ``export`` are also subpackage names here: use them from eventwire.api
_API = ("extract", "extract_events", "inspect", "describe", "demo", "build_pipeline", "open_store")
__all__ = [
    "__version__",
    "build_pipeline",
    "demo",
    "describe",
    "extract",
    "extract_events",
    "inspect",
    "open_store",
]


def __getattr__(name: str) -> Any:
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")
