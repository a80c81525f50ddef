"""Actor resolution: mentions of states, organisations and people, with country, sector and role.

Public API: :class:`ActorResolver` (the pipeline stage) and the CAMEO/PETRARCH dictionary readers
:func:`load_cameo_actors` / :func:`load_cameo_agents`.
"""

from .cameo import AgentEntry, CameoActorEntry, CodeTerm, load_cameo_actors, load_cameo_agents
from .resolver import ActorResolver

__all__ = [
    "ActorResolver",
    "AgentEntry",
    "CameoActorEntry",
    "CodeTerm",
    "load_cameo_actors",
    "load_cameo_agents",
]
