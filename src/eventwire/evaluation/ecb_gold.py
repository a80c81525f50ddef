"""``eventwire eval dedup --gold-mentions``: event coreference of ECB+'s gold event mentions, as the
literature measures it (Cybulska & Vossen 2015; Barhom et al. 2019; Cattan et al. 2021).

The mentions are those of the validated sentences (``ECBplus_coreference_sentences.csv``). Every document
of the chosen topics goes in together: the system never sees a gold topic or sub-topic. It groups the
documents by their words (:mod:`eventwire.coreference.documents`), reads each mention's features from
its sentence (spaCy: the trigger's lemma, its arguments, the sentence's names, other-instance words; the
MiniLM embedding of the trigger in context when the ``[coref]`` extra is installed), and clusters the
mentions of each group with the same model the pipeline and the store use
(:mod:`eventwire.coreference`).

Scores (``coref_scores``, as the reference scorer v8.01 counts them with the whole corpus one document):
MUC, B³, CEAF-e and CoNLL with singletons kept (``*``), and with singleton clusters removed from key and
response (``nosingleton_*``); ``lemma_baseline_conll_f1`` is the same-lemma baseline with no grouping.
``--output FILE`` writes ``{"mention": "<doc>:<m_id>", "cluster": "<id>"}`` per mention.
"""

from __future__ import annotations

import json
import logging
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..coreference.clustering import cluster_mentions
from ..coreference.documents import content_words, document_groups, name_words
from ..coreference.embedding import load_embedder
from ..coreference.features import MentionFeatures, instance_markers
from ..coreference.similarity import EMBEDDING, LEXICAL, load_pair_model
from .coref import coref_scores, group, without_singletons
from .ecb import GoldDocument, document_text, read_corpus, select_topics

log = logging.getLogger(__name__)

_NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "PRODUCT", "WORK_OF_ART"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_SOURCE_DEPS = frozenset({"nsubj", "poss", "compound"})
_TARGET_DEPS = frozenset({"dobj", "nsubjpass", "attr"})


@dataclass(frozen=True, slots=True)
class GoldMentionSet:
    """The gold mentions of a corpus with their features and gold clusters, and each document's words."""

    features: tuple[MentionFeatures, ...]
    gold: dict[str, str]  # mention key "<doc>:<m_id>" -> gold cluster
    words: dict[str, list[str]]  # document -> content words
    names: dict[str, list[str]]  # document -> names and years (coreference.documents.name_words)


def _name(token: Any) -> str | None:
    """A participant's name: its entity's text when it is in one, else a noun's lemma (no pronouns)."""
    if token.ent_type_ in _NAME_TYPES:
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if ent is not None:
            return ent.text.lower()
    if token.pos_ in ("NOUN", "PROPN"):
        return token.lemma_.lower()
    return None


def _arguments(head: Any) -> dict[str, frozenset[str]]:
    source: set[str] = set()
    target: set[str] = set()
    for child in head.children:
        dep = child.dep_
        if dep == "agent":
            for g in child.children:
                if (n := _name(g)) is not None:
                    source.add(n)
        elif dep == "prep" and child.lower_ == "of" and head.pos_ == "NOUN":
            for g in child.children:
                if (n := _name(g)) is not None:
                    target.add(n)
        elif dep in _SOURCE_DEPS and (n := _name(child)) is not None:
            source.add(n)
        elif dep in _TARGET_DEPS and (n := _name(child)) is not None:
            target.add(n)
    return {"source": frozenset(source), "target": frozenset(target)}


def _place(head: Any) -> str | None:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "at", "near", "off", "on"):
            for g in child.children:
                if g.ent_type_ in _PLACE_TYPES:
                    return _name(g)
    return None


def _head(doc: Any, positions: Sequence[int]) -> Any:
    """The mention's head token: the one whose syntactic head lies outside the mention (else the last)."""
    inside = set(positions)
    for p in positions:
        if doc[p].head.i not in inside or doc[p].head.i == p:
            return doc[p]
    return doc[positions[-1]]


def _sentence_words(doc: GoldDocument) -> list[list[str]]:
    by_sentence: dict[int, list[str]] = defaultdict(list)
    for t_id in sorted(doc.tokens):
        sentence, text = doc.tokens[t_id]
        by_sentence[sentence].append(text)
    return [by_sentence[s] for s in sorted(by_sentence)]


def gold_mentions(docs: Sequence[GoldDocument], nlp: Any, *, embed: bool = True) -> GoldMentionSet:
    """Features of every gold mention of ``docs`` (spaCy ``nlp`` with a parser and NER)."""
    from spacy.tokens import Doc

    words = {d.name: content_words(t for _, t in d.tokens.values()) for d in docs}
    names = {d.name: name_words(_sentence_words(d)) for d in docs}
    gold: dict[str, str] = {}
    pending: list[tuple[str, str, int, Any, list[int]]] = []  # key, doc, sentence, spaCy doc, positions
    for d in docs:
        text, spans = document_text(d)
        by_sentence: dict[int, list[int]] = defaultdict(list)
        for t_id in sorted(d.tokens):
            by_sentence[d.tokens[t_id][0]].append(t_id)
        wanted = {g.sentence for g in d.mentions}
        parsed: dict[int, tuple[Any, dict[int, int]]] = {}
        for s in sorted(wanted):
            t_ids = by_sentence[s]
            surface = [text[slice(*spans[t])] for t in t_ids]
            spaces = [spans[t_ids[k + 1]][0] > spans[t_ids[k]][1] for k in range(len(t_ids) - 1)] + [False]
            parsed[s] = (Doc(nlp.vocab, words=surface, spaces=spaces), {t: k for k, t in enumerate(t_ids)})
        for s, doc in zip(parsed, nlp.pipe([p[0] for p in parsed.values()]), strict=True):
            parsed[s] = (doc, parsed[s][1])
        for g in d.mentions:
            key = f"{g.key[0]}:{g.key[1]}"
            gold[key] = g.cluster
            doc, index = parsed[g.sentence]
            pending.append((key, d.name, g.sentence, doc, [index[t] for t in g.tokens if t in index]))
    vectors = None
    if embed:
        embedder = load_embedder()
        if embedder is not None:
            items = []
            for _, _, _, doc, pos in pending:
                start = doc[pos[0]].idx if pos else 0
                end = doc[pos[-1]].idx + len(doc[pos[-1]]) if pos else 0
                items.append((doc.text, (start, end)))
            vectors = embedder.embed(items)
    features = []
    for n, (key, name, sentence, doc, pos) in enumerate(pending):
        head = _head(doc, pos) if pos else None
        modifiers = [c.lower_ for c in head.children if c.dep_ in ("amod", "advmod", "npadvmod")] if head else []
        modifiers += [doc[p].lower_ for p in pos]
        markers, ordinals = instance_markers(modifiers)
        features.append(MentionFeatures(
            key=key, group=name, lemma=head.lemma_.lower() if head is not None else "", sentence_index=sentence,
            arguments=_arguments(head) if head is not None else {},
            participants=frozenset(e.text.lower() for e in doc.ents if e.label_ in _NAME_TYPES),
            place=_place(head) if head is not None else None, markers=markers, ordinals=ordinals,
            vector=vectors[n] if vectors is not None else None,
        ))
    return GoldMentionSet(tuple(features), gold, words, names)


def cluster_gold(mentions: GoldMentionSet, *, embedding: bool, threshold: float | None = None,
                 groups: dict[str, int] | None = None) -> dict[str, str]:
    """Mention key -> our cluster id: documents grouped (``groups``: already done), then each group's
    mentions clustered."""
    model = load_pair_model(EMBEDDING if embedding else LEXICAL)
    groups = document_groups(mentions.words, mentions.names) if groups is None else groups
    blocks: dict[int, list[MentionFeatures]] = defaultdict(list)
    for f in mentions.features:
        blocks[groups[f.group]].append(f)
    out: dict[str, str] = {}
    for g, block in sorted(blocks.items()):
        for f, c in zip(block, cluster_mentions(block, model, threshold), strict=True):
            out[f.key] = f"g{g}c{c}"
    return out


def score(gold: dict[str, str], response: dict[str, str]) -> dict[str, float]:
    """With singletons (plain keys) and without (``nosingleton_*``), rounded to four places."""
    key, resp = group(gold), group(response)
    out = {k: round(v, 4) for k, v in coref_scores(key, resp).items()}
    out.update({f"nosingleton_{k}": round(v, 4)
                for k, v in coref_scores(without_singletons(key), without_singletons(resp)).items()})
    return out


@dataclass(slots=True)
class GoldMentionReport:
    figures: dict[str, Any]

    def to_text(self) -> str:
        f = self.figures
        lines = [(f"Event coreference of ECB+ gold mentions ({f['path']}, topics {f['topics']}: {f['documents']} "
                  f"documents, {f['mentions']} mentions, {f['gold_clusters']} gold clusters; "
                  f"model {f['model']}, {f['document_groups']} document groups, {f['seconds']} s)")]
        for prefix, label in (("", "with singletons"), ("nosingleton_", "without singletons")):
            lines.append(
                f"  {label:19} MUC {f[prefix + 'muc_f1']:.3f}  B3 {f[prefix + 'b3_f1']:.3f}  "
                f"CEAF-e {f[prefix + 'ceafe_f1']:.3f}  CoNLL {f[prefix + 'conll_f1']:.3f}")
        lines.append(f"  same-lemma baseline, no grouping: CoNLL {f['lemma_baseline_conll_f1']:.3f}")
        return "\n".join(lines)


def evaluate_gold_mentions(path: Path, nlp: Any, *, topics: str = "dev", embedding: bool | None = None,
                           output: Path | None = None) -> GoldMentionReport:
    """Cluster and score the gold mentions of ``topics`` (``embedding`` None: when installed)."""
    start = time.perf_counter()
    docs = read_corpus(Path(path), select_topics(topics))
    mentions = gold_mentions(docs, nlp, embed=embedding is not False)
    have_vectors = bool(mentions.features) and mentions.features[0].vector is not None
    use = have_vectors if embedding is None else embedding
    response = cluster_gold(mentions, embedding=use)
    lemma = {f.key: f.lemma for f in mentions.features}
    figures: dict[str, Any] = {
        "path": str(path), "topics": ",".join(sorted({str(d.topic) for d in docs}, key=int)),
        "documents": len(docs), "mentions": len(mentions.features), "gold_clusters": len(set(mentions.gold.values())),
        "model": EMBEDDING if use else LEXICAL, "document_groups": len({v.split("c")[0] for v in response.values()}),
        **score(mentions.gold, response),
        "lemma_baseline_conll_f1": score(mentions.gold, lemma)["conll_f1"],
    }
    figures["seconds"] = round(time.perf_counter() - start, 1)
    if output is not None:
        with Path(output).open("w", encoding="utf-8") as fh:
            fh.writelines(json.dumps({"mention": f.key, "cluster": response[f.key]}) + "\n" for f in mentions.features)
    return GoldMentionReport(figures)
