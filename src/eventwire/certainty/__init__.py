"""Status · certainty · attribution (DESIGN §2): did the event happen, how do we know, who says so.

``CertaintyTagger(settings)(analysed)`` is the pipeline stage; :mod:`.status` and :mod:`.attribution`
hold the rules, :mod:`.lexicon` the word lists of ``data/certainty/lexicon.toml``; the closed classes the
stage shares with others (pronouns, modals, dependency relations) are in ``data/lexicon/certainty.toml``.
"""

from __future__ import annotations

from .attribution import AttributionReader, CertaintyReading, Frame
from .lexicon import CertaintyLexicon, load_lexicon
from .status import StatusReading, StatusResolver
from .tagger import CertaintyTagger

__all__ = [
    "AttributionReader",
    "CertaintyLexicon",
    "CertaintyReading",
    "CertaintyTagger",
    "Frame",
    "StatusReading",
    "StatusResolver",
    "load_lexicon",
]
