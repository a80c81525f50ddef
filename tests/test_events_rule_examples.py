"""Every example of every rule in ``data/events/rules/*.toml`` (issue 10 "rules as data"), read as the pipeline
reads it: tokenised, actors, parse, document model, then the events stage (no learned scorer).

- ``test_rule_example``: each example gives its expected event ("TYPE SRC TGT" by country, ``-`` for a side not
  named; ``none``: no event at all), and its rule fires on a positive example and not on a negative one;
- ``test_rule_examples_golden``: the whole output of every example (every event and every rule that fired)
  equals ``tests/data/rule_examples.golden.jsonl``, so a review of a rule change shows which other rules it moved;
- the hand-built parses of ``tests/data/rule_docs.jsonl`` (used by ``test_events_rules_by_hand.py``, which needs
  no model) are the parses of these same sentences.

After a deliberate change, rewrite both files with ``EVENTWIRE_UPDATE_GOLDEN=1 pytest tests/test_events_rule_examples.py``
and review their diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from eventwire.events.engine import Rule, load_rulebook

pytestmark = pytest.mark.model

DATA = Path(__file__).resolve().parent / "data"
GOLDEN = DATA / "rule_examples.golden.jsonl"
DOCS = DATA / "rule_docs.jsonl"
UPDATE = os.environ.get("EVENTWIRE_UPDATE_GOLDEN") == "1"
RULES: dict[str, Rule] = {r.name: r for r in load_rulebook().rules()}
CASES = [pytest.param(r.name, n, id=f"{r.name}:{n}") for r in RULES.values() for n, _ in enumerate(r.examples)]


def _country(actor: Any) -> str:
    if actor is None:
        return "-"
    return str(actor.country or (actor.code[:3] if actor.code else None) or "-")


@pytest.fixture(scope="module")
def chain():  # type: ignore[no-untyped-def]
    from eventwire.config import load_settings
    from eventwire.evaluation.plover import SentenceChain

    return SentenceChain(load_settings(environ={}))


@pytest.fixture(scope="module")
def outcomes(chain) -> dict[tuple[str, int], dict[str, Any]]:  # type: ignore[no-untyped-def]
    """Per (rule, example number): the events of the events stage, the rules that fired, and the parse."""
    out = {}
    for rule in RULES.values():
        for n, example in enumerate(rule.examples):
            analysed = chain.prepare(example.text)
            trace: list[str] = []
            codings = []
            if 0 in analysed.parsed:
                codings = chain.events.code_doc(analysed.docs[0], analysed.sentence_mentions(0), trace=trace)
            events = chain.events(analysed).events
            out[(rule.name, n)] = {
                "events": [f"{e.type.value} {_country(e.source)} {_country(e.target)}" for e in events],
                "fired": trace,
                "doc": _hand_built(analysed, codings, trace) if 0 in analysed.parsed else None,
            }
    return out


def _hand_built(analysed: Any, codings: Any, trace: list[str]) -> dict[str, Any]:
    """The parse and mentions of an example as rows a test builds a Doc from, with the codings and rules fired."""
    doc = analysed.docs[0]
    mentions = [[m.token_start, m.token_end, m.actor.code or "", m.actor.country or "", m.actor.sector or "",
                 m.actor.role or "", m.actor.name or ""]
                for m in analysed.sentence_mentions(0) if not m.actor.members]
    return {
        "tokens": [f"{t.text} {t.lemma_} {t.pos_} {t.tag_} {t.dep_} {t.head.i}" for t in doc],
        "mentions": mentions,
        "codings": [[c.cameo, c.source.code if c.source else None, c.target.code if c.target else None]
                    for c in codings],
        "fired": trace,
    }


@pytest.mark.parametrize(("rule", "n"), CASES)
def test_rule_example(outcomes, rule: str, n: int) -> None:  # type: ignore[no-untyped-def]
    example = RULES[rule].examples[n]
    got = outcomes[(rule, n)]
    if example.expect == "none":
        assert got["events"] == [], f"{example.text!r}: expected no event, got {got['events']}"
    else:
        assert example.expect in got["events"], f"{example.text!r}: expected {example.expect}, got {got['events']}"
    assert (rule in got["fired"]) == example.fires, f"{example.text!r}: rules fired {got['fired']}"


def _golden_rows(outcomes: dict[tuple[str, int], dict[str, Any]]) -> list[str]:
    rows = []
    for rule in RULES.values():
        for n, example in enumerate(rule.examples):
            got = outcomes[(rule.name, n)]
            rows.append(json.dumps({"rule": rule.name, "example": n, "text": example.text, "expect": example.expect,
                                    "fires": example.fires, "events": got["events"], "fired": got["fired"]},
                                   ensure_ascii=False))
    return rows


def _doc_rows(outcomes: dict[tuple[str, int], dict[str, Any]]) -> list[str]:
    rows = []
    for rule in RULES.values():
        for n, example in enumerate(rule.examples):
            doc = outcomes[(rule.name, n)]["doc"]
            if doc is not None:
                rows.append(json.dumps({"rule": rule.name, "example": n, "text": example.text, "fires": example.fires,
                                        **doc}, ensure_ascii=False))
    return rows


def test_rule_examples_golden(outcomes) -> None:  # type: ignore[no-untyped-def]
    rows = _golden_rows(outcomes)
    if UPDATE:
        GOLDEN.write_text("\n".join(rows) + "\n", encoding="utf-8")
        DOCS.write_text("\n".join(_doc_rows(outcomes)) + "\n", encoding="utf-8")
    golden = GOLDEN.read_text(encoding="utf-8").splitlines()
    changed = [(old, new) for old, new in zip(golden, rows, strict=False) if old != new]
    assert len(golden) == len(rows) and not changed, (
        f"{len(changed)} rule examples read differently; first: {changed[:1]} "
        "(EVENTWIRE_UPDATE_GOLDEN=1 rewrites tests/data/rule_examples.golden.jsonl)")


def test_rule_docs_are_the_examples_parses(outcomes) -> None:  # type: ignore[no-untyped-def]
    """The hand-built parses are today's parses of the examples (rewritten with the golden file): a change of
    the statistical model shows here, not as a rule failure in ``test_events_rules_by_hand.py``."""
    rows = _doc_rows(outcomes)
    assert DOCS.read_text(encoding="utf-8").splitlines() == rows
