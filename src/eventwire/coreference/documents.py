"""Documents grouped by their words, so that only mentions of one group are compared: the system's own
topics and sub-topics, in two steps (TF-IDF over content words, cosine, average link):

1. topics, with word weights from the whole corpus;
2. within each topic, sub-topics with word weights from the topic's documents alone: the words every
   report of the topic shares ("earthquake", "magnitude") weigh nothing there, and what sets one
   event apart from a similar one (its place, its date, its people) decides. The names and years of
   each document (:func:`name_words`: capitalised words inside a sentence, four-digit years) count a
   second time, at half the weight of the words: two reports of one kind of event ("the Interior
   Department changed the species rule", told of Bush's Kempthorne and of Obama's Salazar) share their
   common words and differ in their names.

Thresholds and the names' weight were chosen on the ECB+ training topics (sub-topic B³ F1 0.92 -> 0.94,
mention CoNLL F1 76.96 -> 77.32 with the shipped pair model). Cost: quadratic in the documents of one
call, meant for a corpus evaluated at once; the store blocks by date and actors instead."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from .clustering import agglomerate

TOPIC_THRESHOLD = 0.08  # mean cosine at which two groups of documents still join (chosen on train topics)
SUBTOPIC_THRESHOLD = 0.08
NAME_WEIGHT = 0.5  # the names' TF-IDF block against the words' (each of unit length), chosen on train topics


def content_words(tokens: Iterable[str]) -> list[str]:
    """Lower-cased words of three letters or more that are not stop words (numbers kept: dates, tolls)."""
    out = []
    for t in tokens:
        w = t.lower()
        if len(w) >= 3 and w not in STOP_WORDS and (w.isalpha() or w.isdigit()):
            out.append(w)
    return out


def name_words(sentences: Iterable[Sequence[str]]) -> list[str]:
    """The names and years of a document, lower-cased: capitalised alphabetic words that are not a
    sentence's first word nor a stop word, and four-digit years (19xx, 20xx)."""
    out = []
    for words in sentences:
        for i, w in enumerate(words):
            if i > 0 and w[:1].isupper() and w.isalpha() and len(w) > 1 and w.lower() not in STOP_WORDS:
                out.append(w.lower())
            elif len(w) == 4 and w.isdigit() and w[:2] in ("19", "20"):
                out.append(w)
    return out


def tfidf(docs: Mapping[str, list[str]]) -> tuple[list[str], np.ndarray]:
    """Unit TF-IDF rows ((1 + log tf) · log((N + 1) / df)) over the words that two documents or more share
    (smoothed: two documents that share only words every document has are still alike)."""
    names = list(docs)
    counts = {n: Counter(docs[n]) for n in names}
    df: Counter[str] = Counter()
    for c in counts.values():
        df.update(c.keys())
    vocab = {w: i for i, w in enumerate(sorted(w for w, k in df.items() if k >= 2))}
    x = np.zeros((len(names), len(vocab)), dtype=np.float32)
    total = len(names)
    for r, n in enumerate(names):
        for w, k in counts[n].items():
            if w in vocab:
                x[r, vocab[w]] = (1 + math.log(k)) * math.log((total + 1) / df[w])
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return names, x / np.where(norms == 0, 1.0, norms)


def _groups(docs: Mapping[str, list[str]], threshold: float,
            names: Mapping[str, list[str]] | None = None, name_weight: float = 0.0) -> dict[str, int]:
    order, x = tfidf(docs)
    if names is not None and name_weight > 0:
        _, y = tfidf({n: names.get(n, []) for n in order})
        x = np.hstack([x, name_weight * y])
        x = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
    return dict(zip(order, agglomerate((x @ x.T).astype(np.float64), threshold), strict=True))


def document_groups(docs: Mapping[str, list[str]], names: Mapping[str, list[str]] | None = None, *,
                    topic_threshold: float = TOPIC_THRESHOLD, subtopic_threshold: float = SUBTOPIC_THRESHOLD,
                    name_weight: float = NAME_WEIGHT) -> dict[str, int]:
    """Each document's sub-topic number (module docstring), from its content words (:func:`content_words`)
    and, for the sub-topics, its names (:func:`name_words`; None: words alone)."""
    if not docs:
        return {}
    topics: dict[int, list[str]] = {}
    for name, topic in _groups(docs, topic_threshold).items():
        topics.setdefault(topic, []).append(name)
    out: dict[str, int] = {}
    for members in topics.values():
        inner = (_groups({n: docs[n] for n in members}, subtopic_threshold, names, name_weight)
                 if len(members) > 1 else {members[0]: 0})
        base = len(set(out.values()))
        out.update({n: base + g for n, g in inner.items()})
    return out
