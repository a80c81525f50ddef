"""The place stage (DESIGN §1 place): toponyms resolved with an offline gazetteer; event locations.

- :class:`PlaceResolver` — the pipeline stage (``AnalysedArticle -> AnalysedArticle``).
- :func:`resolve_toponyms` / :class:`ToponymResolver` — recognise and resolve toponyms in any text
  (used by ``eventwire eval geo``).
- :class:`Gazetteer` — the compact GeoNames-derived gazetteer of ``data/places``.
"""

from .gazetteer import Candidate, Gazetteer, name_key
from .locate import event_place
from .stage import PlaceResolver
from .toponyms import ResolvedToponym, ToponymResolver, resolve_toponyms

__all__ = [
    "Candidate",
    "Gazetteer",
    "PlaceResolver",
    "ResolvedToponym",
    "ToponymResolver",
    "event_place",
    "name_key",
    "resolve_toponyms",
]
