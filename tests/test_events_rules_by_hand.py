"""The rules of ``data/events/rules/*.toml`` on hand-built Docs (no statistical model): each rule example's parse
and mentions are written out in ``tests/data/rule_docs.jsonl`` (one token a row: ``word lemma POS TAG dep head``;
mentions ``[start, end, code, country, sector, role, name]``), a Doc is built from them with
``spacy.tokens.Doc(vocab, words=…, heads=…, deps=…, lemmas=…, pos=…, tags=…)``, and the event coder must give the
recorded codings, firing the rule on a positive example and not on a negative one. A rule change that moves another
rule's example fails here whatever the parser does (the file is rewritten, with the golden file, by
``EVENTWIRE_UPDATE_GOLDEN=1 pytest tests/test_events_rule_examples.py``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from eventwire.config import Settings
from eventwire.events import EventCoder
from eventwire.events.engine import load_rulebook
from eventwire.models import Actor, Mention

DOCS = Path(__file__).resolve().parent / "data" / "rule_docs.jsonl"
ROWS = [json.loads(line) for line in DOCS.read_text(encoding="utf-8").splitlines() if line.strip()]
VOCAB = spacy.blank("en").vocab


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(Settings())


def build(tokens: list[str], mentions: list[list[Any]]) -> tuple[Doc, list[Mention]]:
    """A Doc from ``word lemma POS TAG dep head`` rows, and the mentions of its actors."""
    cols = [t.split(" ") for t in tokens]
    doc = Doc(VOCAB, words=[c[0] for c in cols], lemmas=[c[1] for c in cols], pos=[c[2] for c in cols],
              tags=[c[3] for c in cols], deps=[c[4] for c in cols], heads=[int(c[5]) for c in cols])
    out = []
    for start, end, code, country, sector, role, name in mentions:
        span = doc[start:end]
        actor = Actor(text=span.text, name=name or None, code=code or None, country=country or None,
                      sector=sector or None, role=role or None)
        out.append(Mention(0, span.start_char, span.end_char, start, end, span.text, actor, "test:hand-built"))
    return doc, out


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['rule']}:{r['example']}" for r in ROWS])
def test_rule_on_hand_built_doc(coder: EventCoder, row: dict[str, Any]) -> None:
    doc, mentions = build(row["tokens"], row["mentions"])
    trace: list[str] = []
    codings = coder.code_doc(doc, mentions, trace=trace)
    got = [[c.cameo, c.source.code if c.source else None, c.target.code if c.target else None] for c in codings]
    assert (row["rule"] in trace) == row["fires"], f"{row['text']!r}: fired {trace}"
    assert got == row["codings"], row["text"]
    assert trace == row["fired"], row["text"]


def test_every_rule_example_has_a_hand_built_doc() -> None:
    have = {(r["rule"], r["example"]) for r in ROWS}
    for rule in load_rulebook().rules():
        for n, _ in enumerate(rule.examples):
            assert (rule.name, n) in have, f"no hand-built doc for {rule.name} example {n}"


def test_hand_built_docs_cover_positive_and_negative_examples() -> None:
    for rule in load_rulebook().rules():
        fires = {r["fires"] for r in ROWS if r["rule"] == rule.name}
        assert fires == {True, False}, rule.name
