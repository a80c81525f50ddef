"""Actor recognition against the ConfliBERT CAMEO NER spans: does the actors stage see the gold actors?

Reads ``eval/conflibert-cameo-train/cameo_ner_train.txt`` (CoNLL; ``B/I-S`` source, ``B/I-T`` target,
``B/I-R`` reciprocal actor spans) with the reader of ``benchmarks/conflibert_arguments.py`` and runs only
the actors stage (:class:`eventwire.actors.ActorResolver` on the tokenised sentence, as the pipeline runs
it before the parse). For every gold span, the share that gets an overlapping mention

* ``mention``: at all;
* ``country``: that carries a country (its own or a group member's);
* ``sector``: that carries a sector.

Sentences are split into ``tune`` / ``frozen`` halves by ``eventwire.evaluation.plover.record_half`` of
their text. Gold spans are not all state actors ("a car bomb", "the protesters"): each span without a
country is put in one kind, so the misses that the dictionaries could recover (a state word, a proper
name) are told from those no reading could code without guessing:

* ``pronoun``: "he", "they";
* ``state-word``: a country, capital or demonym alias sits inside the span;
* ``name``: a capitalised word (past the span's first word when that word opens the sentence and is a
  determiner or an agent noun: "The agency", "Teachers");
* ``common``: lower-case words only ("a car bomb", "the protesters").

``--errors`` lists the tune half's spans with no country-bearing mention (kind, gold text, our
overlapping mentions). Usage::

    python benchmarks/conflibert_actors.py [--errors] [--kind KIND] [--limit N] [--data PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conflibert_arguments import DEFAULT_DATA, GoldSentence, half_of, read_conll

PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "him", "them", "us", "his", "her", "its", "their",
                      "our"})
# words that open a sentence with a capital without being a name
OPENERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "both", "all", "some", "many", "other",
                     "another", "former", "current", "several", "two", "three", "its", "their", "his", "her"})
KINDS = ("pronoun", "state-word", "name", "common")


def _has_country(actor: Any) -> bool:
    return bool(actor.country or any(m.country for m in actor.members))


def _has_sector(actor: Any) -> bool:
    return bool(actor.sector or any(m.sector for m in actor.members))


def span_kind(lexicon: Any, tokens: list[str], sentence_initial: bool) -> str:
    """Which kind of gold span this is (see the module docstring)."""
    keys = [lexicon.fold(t) for t in tokens]
    if keys and all(k in PRONOUNS for k in keys):
        return "pronoun"
    for i in range(len(keys)):
        for n in lexicon.entities.lengths.get(keys[i], ()):
            for v in lexicon.entities.table.get(tuple(keys[i:i + n]), ()):
                if v.entry.kind in ("country", "capital") and (v.exact is None or tuple(tokens[i:i + n]) == v.exact):
                    return "state-word"
    # a sentence's first word has its capital anyway: a name only if it is no opener and no agent noun
    first = 1 if sentence_initial and keys and (keys[0] in OPENERS or keys[0] in lexicon.agents.maxlen) else 0
    if any(t[:1].isupper() for t in tokens[first:]):
        return "name"
    return "common"


class Tally:
    def __init__(self) -> None:
        self.c: Counter[str] = Counter()

    def add(self, kind: str, mention: bool, country: bool, sector: bool) -> None:
        for key in ("all", kind):
            self.c[f"{key}:n"] += 1
            self.c[f"{key}:mention"] += mention
            self.c[f"{key}:country"] += country
            self.c[f"{key}:sector"] += sector

    def figures(self) -> dict[str, Any]:
        def share(key: str, what: str) -> float:
            n = self.c[f"{key}:n"]
            return round(self.c[f"{key}:{what}"] / n, 3) if n else 0.0

        out: dict[str, Any] = {"spans": self.c["all:n"]}
        for what in ("mention", "country", "sector"):
            out[what] = share("all", what)
        out["by_kind"] = {k: {"n": self.c[f"{k}:n"], "mention": share(k, "mention"), "country": share(k, "country"),
                              "no_country": self.c[f"{k}:n"] - self.c[f"{k}:country"]}
                          for k in KINDS if self.c[f"{k}:n"]}
        return out


def evaluate(sentences: list[GoldSentence], errors: bool, only_kind: str | None) -> tuple[dict[str, Any], list[str]]:
    from eventwire.actors import ActorResolver
    from eventwire.actors.benchmark import build_article
    from eventwire.config import Settings
    from eventwire.parse import load_language

    settings = Settings()
    nlp = load_language(settings.spacy_model)
    resolver = ActorResolver(settings, nlp.vocab)
    tallies = {h: Tally() for h in ("all", "tune", "frozen")}
    lines: list[str] = []
    for sent in sentences:
        half = half_of(sent.text)
        analysed = resolver(build_article(nlp, sent.text))
        mentions = analysed.mentions
        doc = analysed.docs[0]
        for label, s, e in sent.spans:
            over = [m for m in mentions if m.start < e and s < m.end]
            tokens = [t.text for t in doc if t.idx < e and s < t.idx + len(t.text)]
            kind = span_kind(resolver.lexicon, tokens, s == 0)
            country = any(_has_country(m.actor) for m in over)
            sector = any(_has_sector(m.actor) for m in over)
            for h in ("all", half):
                tallies[h].add(kind, bool(over), country, sector)
            if errors and half == "tune" and not country and (only_kind is None or kind == only_kind):
                ours = "; ".join(f"{m.text!r}={m.actor.code or m.actor.sector or '-'}({m.evidence})"
                                 for m in over) or "-"
                lines.append(f"{kind}\t{label}\t{sent.text[s:e]!r}\t{ours}\t| {sent.text}")
    return {h: t.figures() for h, t in tallies.items()}, lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the CoNLL file (cameo_ner_train.txt)")
    ap.add_argument("--errors", action="store_true", help="list the tune half's spans without a country")
    ap.add_argument("--kind", choices=KINDS, help="with --errors: only spans of this kind")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N sentences")
    args = ap.parse_args(argv)
    sentences = read_conll(args.data)
    if args.limit:
        sentences = sentences[: args.limit]
    figures, lines = evaluate(sentences, args.errors, args.kind)
    if lines:
        print("\n".join(lines))
        print()
    json.dump(figures, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
