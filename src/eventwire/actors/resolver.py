"""The actors stage: dictionary and title matching on tokenised (unparsed) sentences, then coreference."""

from __future__ import annotations

import dataclasses
import logging
from typing import TYPE_CHECKING

from ..models import AnalysedArticle, Mention, Section
from .candidate import Candidate
from .coref import SentenceCandidates, in_feature_name, resolve_article
from .lexicon import Lexicon
from .sentence import SentenceReader

if TYPE_CHECKING:
    from spacy.vocab import Vocab

    from ..config import Settings

log = logging.getLogger(__name__)


def without_feature_names(reader: SentenceReader, cands: list[Candidate]) -> list[Candidate]:
    """A state's name inside the name of a sea, a gulf or a bay ("the Gulf of Guinea", "Guantanamo Bay", "the
    Sea of Japan") names a place, not the state: no actor, and no state for the sentence's other actors."""
    return [c for c in cands if c.person or not c.actor.country
            or not in_feature_name(reader.keys, reader.caps, c.start, c.end)]


class ActorResolver:
    """Fill ``AnalysedArticle.mentions`` with actor mentions (DESIGN §1 actors).

    Loads our packaged dictionaries (unless ``settings.replace_dictionaries``) and the user's CAMEO
    ``settings.actors`` / ``settings.agents`` files once. Reads only surface tokens, so it runs before
    the parse and its mentions decide which sentences get parsed.
    """

    def __init__(self, settings: Settings, vocab: Vocab) -> None:
        self.lexicon = Lexicon.load(vocab, settings.actors, settings.agents, settings.replace_dictionaries)

    def __call__(self, analysed: AnalysedArticle) -> AnalysedArticle:
        day = analysed.article.published
        sentences: list[SentenceCandidates] = []
        for sentence in analysed.sentences:
            if sentence.section == Section.BOILERPLATE:
                continue
            doc = analysed.docs.get(sentence.index)
            if doc is None or len(doc) == 0:
                continue
            reader = SentenceReader(self.lexicon, doc, day)
            sentences.append(SentenceCandidates(sentence.index, reader, without_feature_names(reader, reader.read())))
        resolve_article(sentences, self.lexicon.country_names)
        by_index = {s.index: s for s in analysed.sentences}
        text = analysed.article.text
        mentions: list[Mention] = []
        for sc in sentences:
            sentence = by_index[sc.index]
            r = sc.reader
            for c in sc.cands:
                if c.end - c.start > 1 and r.keys[c.start] == "the" and c.placeholder is None:
                    c.start += 1  # "the Kremlin": the determiner is not part of the name
                start = sentence.start + r.idx[c.start]
                end = sentence.start + r.idx[c.end - 1] + len(r.texts[c.end - 1])
                surface = text[start:end]
                mentions.append(Mention(
                    sentence=sc.index, start=start, end=end, token_start=c.start, token_end=c.end,
                    text=surface, actor=dataclasses.replace(c.actor, text=surface), evidence=c.evidence,
                    person=c.person,
                ))
        return dataclasses.replace(analysed, mentions=tuple(mentions))
