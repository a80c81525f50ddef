"""The rule engine (events/engine.py) and its rule files, on hand-built Docs (no statistical model): loading and
validation (E443-E449), DependencyMatcher-syntax patterns, word classes, programs and finders, the hooks table."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc

from eventwire.errors import ResourceError
from eventwire.events.engine import (
    CLAUSE_EDGES,
    Context,
    Scene,
    compile_pattern,
    load_rulebook,
    match,
    parse_rulebook,
    rules_folder,
)
from eventwire.events.hooks import HOOKS
from eventwire.vocabulary import words

VOCAB = spacy.blank("en").vocab


def doc_of(rows: str) -> Doc:
    """A Doc from ``word lemma POS TAG dep head`` lines."""
    cols = [line.split() for line in rows.strip().splitlines()]
    return Doc(VOCAB, words=[c[0] for c in cols], lemmas=[c[1] for c in cols], pos=[c[2] for c in cols],
               tags=[c[3] for c in cols], deps=[c[4] for c in cols], heads=[int(c[5]) for c in cols])


# "Turkey refused to lift its embargo on Armenia ."
REFUSED = doc_of("""
Turkey Turkey PROPN NNP nsubj 1
refused refuse VERB VBD ROOT 1
to to PART TO aux 3
lift lift VERB VB xcomp 1
its its PRON PRP$ poss 5
embargo embargo NOUN NN dobj 3
on on ADP IN prep 5
Armenia Armenia PROPN NNP pobj 6
. . PUNCT . punct 1
""")


def rule(**fields: Any) -> dict[str, Any]:
    """A valid rule table, with ``fields`` replacing its keys (None removes one)."""
    base: dict[str, Any] = {
        "name": "test-rule", "program": "p", "priority": 1, "why": "a reason",
        "pattern": [{"RIGHT_ID": "trigger"}], "assign": "source", "take": "trigger", "resolve": "actors",
        "examples": [{"text": "A.", "expect": "none", "fires": True}, {"text": "B.", "expect": "none", "fires": False}],
    }
    base.update(fields)
    return {k: v for k, v in base.items() if v is not None}


def load(*rules: dict[str, Any], mode: str = "all") -> Any:
    return parse_rulebook([("x.toml", {"programs": {"p": {"mode": mode, "why": "w"}}, "rule": list(rules)})])


# ------------------------------------------------------------------------------------------ the rule files


def test_engine_rule_files_load_and_every_rule_has_both_examples() -> None:
    book = load_rulebook()
    rules = book.rules()
    assert len(rules) >= 60
    assert {p for p in book.programs} >= {"absorb", "ruled-out", "verb-arguments", "noun-arguments",
                                          "participle-arguments", "agreement-arguments", "common-arguments"}
    for r in rules:
        assert r.why and any(e.fires for e in r.examples) and any(not e.fires for e in r.examples), r.name


def test_engine_priorities_order_each_program() -> None:
    for program in load_rulebook().programs.values():
        priorities = [r.priority for r in program.rules]
        assert priorities == sorted(priorities, reverse=True), program.name


def test_engine_every_hook_is_named_by_a_rule_or_the_engine() -> None:
    """One table of Python, and every entry of it is used by the data."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(rules_folder().glob("*.toml")))
    for name, hook in HOOKS.items():
        assert hook.kind in ("repair", "finder", "predicate", "effect") and hook.why, name
        assert re.search(rf'"{name}"|{name}\(', text), f"hook {name} is named by no rule"


def _spacy_pattern(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A rule pattern as spaCy's DependencyMatcher takes it: word classes expanded, the engine's '_' attributes
    left out, every node with its RIGHT_ATTRS."""
    out = []
    for node in nodes:
        attrs = {}
        for key, spec in node.get("RIGHT_ATTRS", {}).items():
            if key == "_":
                continue
            if isinstance(spec, dict):
                op, values = next(iter(spec.items()))
                values = values if isinstance(values, list) else [values]
                spec = {op: sorted({w for v in values for w in (words(v[1:]) if v.startswith("@") else {v})})}
            attrs[key] = spec
        out.append({**node, "RIGHT_ATTRS": attrs})
    return out


def test_engine_patterns_are_dependency_matcher_patterns() -> None:
    """Every pattern of the rule files is accepted by spaCy's own DependencyMatcher (so the syntax is spaCy's)."""
    import tomllib

    matcher = DependencyMatcher(VOCAB)
    n = 0
    for path in sorted(rules_folder().glob("*.toml")):
        for raw in tomllib.loads(path.read_text(encoding="utf-8")).get("rule", []):
            for k, nodes in enumerate(raw.get("patterns", [raw.get("pattern")])):
                matcher.add(f"{raw['name']}:{k}", [_spacy_pattern(nodes)])
                n += 1
    assert n == len(matcher) and n >= 60


# ------------------------------------------------------------------------------------------ validation


@pytest.mark.parametrize(("fields", "code", "problem"), [
    ({"why": None}, "E443", "'why'"),
    ({"priority": "high"}, "E443", "priority"),
    ({"colour": "red"}, "E443", "unknown keys"),
    ({"pattern": [{"RIGHT_ID": "verb"}]}, "E444", "anchor"),
    ({"pattern": [{"RIGHT_ID": "trigger"}, {"LEFT_ID": "nowhere", "REL_OP": ">", "RIGHT_ID": "x"}]}, "E444", "LEFT_ID"),
    ({"pattern": [{"RIGHT_ID": "trigger"}, {"LEFT_ID": "trigger", "REL_OP": "~", "RIGHT_ID": "x"}]}, "E444", "REL_OP"),
    ({"pattern": [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"SHAPE": "Xxx"}}]}, "E444", "RIGHT_ATTRS"),
    ({"pattern": [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": {"IN": ["@events_verbs.no_such"]}}}]}, "E445",
     "unknown word class"),
    ({"resolve": "mind-reading"}, "E446", "unknown resolver"),
    ({"program": "q"}, "E446", "unknown program"),
    ({"require": ["telepathy(trigger)"]}, "E446", "unknown predicate"),
    ({"repair": "glue"}, "E446", "unknown repair"),
    ({"examples": [{"text": "A.", "expect": "none", "fires": True}]}, "E447", "negative"),
    ({"examples": [{"text": "A.", "expect": "maybe", "fires": True}, {"text": "B.", "expect": "none", "fires": False}]},
     "E447", "expectation"),
    ({"examples": None}, "E447", "examples"),
    ({"when": {"trigger.colour": "red"}}, "E449", "condition"),
    ({"assign": "victim"}, "E449", "assign"),
    ({"take": "nowhere"}, "E449", "take"),
    ({"assign": None, "take": None, "resolve": None}, "E449", "'assign'"),
    ({"assign": None, "take": None, "resolve": None, "effects": [{"absorb": "everyone"}]}, "E449", "absorb"),
    ({"assign": None, "take": None, "resolve": None, "effects": [{"code": "mystery"}]}, "E449", "code map"),
    ({"role": "{nowhere.lower}"}, "E449", "template"),
])
def test_engine_rejects_a_bad_rule_with_its_code(fields: dict[str, Any], code: str, problem: str) -> None:
    with pytest.raises(ResourceError) as err:
        load(rule(**fields))
    assert err.value.code == code and problem in err.value.message and "'test-rule'" in err.value.message
    assert err.value.path == "x.toml"


def test_engine_rejects_two_rules_with_one_name() -> None:
    with pytest.raises(ResourceError) as err:
        load(rule(), rule())
    assert err.value.code == "E448"


def test_engine_rejects_an_unknown_chain() -> None:
    with pytest.raises(ResourceError) as err:
        load(rule(resolve="chain:nowhere"))
    assert err.value.code == "E446" and "chain" in err.value.message


def test_engine_rejects_an_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.events import engine

    (tmp_path / "broken.toml").write_text("[[rule]\nname = ", encoding="utf-8")
    monkeypatch.setattr(engine, "rules_folder", lambda: tmp_path)
    engine.load_rulebook.cache_clear()
    try:
        with pytest.raises(ResourceError) as err:
            engine.load_rulebook()
        assert err.value.code == "E443" and "broken.toml" in str(err.value.path)
    finally:
        engine.load_rulebook.cache_clear()


# ------------------------------------------------------------------------------------------ matching


def nodes(*spec: dict[str, Any]) -> Any:
    return compile_pattern(list(spec), "x.toml", "t")


def test_engine_match_walks_children_in_text_order() -> None:
    pattern = nodes({"RIGHT_ID": "trigger"}, {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "c"})
    bound = [b["c"].text for b in match(pattern, {"trigger": REFUSED[1]}, None)]
    assert bound == ["Turkey", "lift", "."]


def test_engine_match_relations() -> None:
    lift, embargo = REFUSED[3], REFUSED[5]
    for op, anchor, expected in [
        ("<", embargo, ["lift"]), (">>", lift, ["to", "its", "embargo", "on", "Armenia"]),
        ("<<", embargo, ["lift", "refused"]), (">--", lift, ["to"]), (">++", lift, ["embargo"]),
        (".", lift, ["its"]), (";", lift, ["to"]), ("$--", lift, ["Turkey"]), ("$++", lift, ["."]),
    ]:
        pattern = nodes({"RIGHT_ID": "trigger"}, {"LEFT_ID": "trigger", "REL_OP": op, "RIGHT_ID": "c"})
        assert [b["c"].text for b in match(pattern, {"trigger": anchor}, None)] == expected, op


def test_engine_match_attributes_and_word_classes() -> None:
    pattern = nodes({"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": {"IN": ["@events_verbs.refusal"]}}},
                    {"LEFT_ID": "trigger", "REL_OP": ">>", "RIGHT_ID": "c",
                     "RIGHT_ATTRS": {"DEP": {"IN": ["pobj", "dobj"]}, "POS": {"NOT_IN": ["PRON"]}}})
    assert [b["c"].text for b in match(pattern, {"trigger": REFUSED[1]}, None)] == ["embargo", "Armenia"]
    assert list(match(pattern, {"trigger": REFUSED[3]}, None)) == []  # "lift" is no verb of refusal


def test_engine_match_keeps_an_anchored_node_fixed() -> None:
    pattern = nodes({"RIGHT_ID": "governor"}, {"LEFT_ID": "governor", "REL_OP": ">>", "RIGHT_ID": "content"})
    assert len(list(match(pattern, {"governor": REFUSED[1], "content": REFUSED[5]}, None))) == 1
    assert list(match(pattern, {"governor": REFUSED[5], "content": REFUSED[1]}, None)) == []


def test_engine_clause_edges_are_the_vocabulary_class() -> None:
    assert CLAUSE_EDGES == words("events_dependencies.clause_edges")


# ------------------------------------------------------------------------------------------ programs and finders


class _Index:
    """A mention index stand-in for rules that resolve with a finder of their own."""

    def __init__(self) -> None:
        self.by_token: dict[int, Any] = {}

    def at(self, i: int) -> None:
        return None


def _scene(book: Any, trigger: Any, trace: list[str]) -> Scene:
    ctx = Context(_Index(), {}, lambda cameo: None, None, book, HOOKS, trace)
    return Scene({"trigger": trigger}, {"trigger": trigger.tok}, ctx)


def test_engine_first_mode_stops_at_the_first_rule_that_applies() -> None:
    from eventwire.events.lexicon import Reading
    from eventwire.events.trigger import Trigger

    t = Trigger(REFUSED[1], "verb", Reading("120", 0, 0, 0, "refuse", "verb", "*", "test"), "120")
    effects = [{"reverse": "none"}]
    book = load(rule(name="a", priority=2, assign=None, take=None, resolve=None, effects=effects),
                rule(name="b", priority=1, assign=None, take=None, resolve=None, effects=effects), mode="first")
    trace: list[str] = []
    book.run("p", _scene(book, t, trace))
    assert trace == ["a"]
    book = load(rule(name="a", priority=2, assign=None, take=None, resolve=None, effects=effects),
                rule(name="b", priority=1, assign=None, take=None, resolve=None, effects=effects), mode="all")
    trace = []
    book.run("p", _scene(book, t, trace))
    assert trace == ["a", "b"]


def test_engine_conditions_read_the_trigger_state() -> None:
    from eventwire.events.lexicon import Reading
    from eventwire.events.trigger import Trigger

    t = Trigger(REFUSED[1], "verb", Reading("120", 0, 0, 0, "refuse", "verb", "* to", "test"), "120")
    effects = [{"reverse": "none"}]
    book = load(rule(name="verbs", assign=None, take=None, resolve=None, effects=effects,
                     when={"trigger.kind": "verb", "trigger.lemma": "@events_verbs.refusal", "trigger.source": "none",
                           "trigger.pattern": "* t*", "not trigger.note": "some"}),
                rule(name="nouns", priority=0, assign=None, take=None, resolve=None, effects=effects,
                     when={"trigger.kind": "noun"}))
    trace: list[str] = []
    book.run("p", _scene(book, t, trace))
    assert trace == ["verbs"]
