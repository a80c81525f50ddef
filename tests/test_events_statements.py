"""Statement rules (data/events/statements.toml): every rule's own examples, and the file's validation."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.errors import ResourceError
from eventwire.events.statements import load_rules, parse_rules
from eventwire.models import RawRecord

EXAMPLES = [(rule.name, text, expect) for rule in load_rules() for text, expect in rule.examples]


@pytest.fixture(scope="module")
def pipeline():  # type: ignore[no-untyped-def]
    """The pipeline without the learned scorer: these tests are of the rules (the scorer has tests of its own)."""
    from eventwire.api import build_pipeline

    pipe = build_pipeline()
    pipe.after_events = tuple((name, stage) for name, stage in pipe.after_events if name != "scorer")
    return pipe


def _events(pipeline, text: str, statements_only: bool) -> list[str]:  # type: ignore[no-untyped-def]
    """The events of ``text`` as "TYPE SOURCE TARGET" (countries); only the statement rules' with
    ``statements_only`` (a trigger of the sentence may say the same first: "we urge" is a trigger)."""
    analysed = pipeline.analyse(RawRecord(origin="<test>", text=text, published=date(2025, 3, 1)))
    return [f"{e.type.value} {e.source.country if e.source else None} {e.target.country if e.target else None}"
            for e in analysed.events if not statements_only or "statements.toml" in e.evidence]


@pytest.mark.parametrize(("rule", "text", "expect"), EXAMPLES, ids=[f"{r}:{n}" for n, (r, _, _) in enumerate(EXAMPLES)])
def test_statement_rule_examples(pipeline, rule: str, text: str, expect: str) -> None:  # type: ignore[no-untyped-def]
    if expect == "none":
        found = _events(pipeline, text, statements_only=True)
        assert found == [], f"rule {rule}: {text!r} gave {found}"
    else:
        found = _events(pipeline, text, statements_only=False)
        assert expect in found, f"rule {rule}: {text!r} gave {found}, expected {expect}"


def test_rules_are_ordered_by_priority() -> None:
    rules = load_rules()
    assert [r.priority for r in rules] == sorted((r.priority for r in rules), reverse=True)


GOOD = {"name": "x", "type": "ACCUSE", "cameo": "111", "priority": 1, "cue": "statements.negative_lemmas",
        "target": "content", "why": "CAMEO 11",
        "examples": [{"text": "A said B lied.", "expect": "ACCUSE A B"}, {"text": "A slept.", "expect": "none"}]}


@pytest.mark.parametrize(("field", "value", "problem"), [
    ("type", "SHOUT", "unknown type"),
    ("cue", "statements.no_such_class", "unknown cue class"),
    ("target", "elsewhere", "target must be"),
    ("examples", [{"text": "A said B lied.", "expect": "ACCUSE A B"}], "positive and one 'none'"),
    ("cameo", "x1", "numeric 'cameo'"),
])
def test_bad_rules_fail_loudly(field: str, value: object, problem: str) -> None:
    raw = dict(GOOD, **{field: value})
    with pytest.raises(ResourceError) as err:
        parse_rules({"rule": [raw]}, "statements.toml")
    assert err.value.code == "E441" and problem in err.value.message and "'x'" in err.value.message


def test_a_good_rule_loads() -> None:
    (rule,) = parse_rules({"rule": [GOOD]}, "statements.toml")
    assert rule.type.value == "ACCUSE" and "illegal" in rule.cue


def test_a_verb_of_naming_judges_its_object(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "Police in Hanoi arrested a Vietnamese blogger on Monday.\n"
                              "Amnesty International called the arrest \"shameful\" on Tuesday.", statements_only=True)
    assert any(f.startswith("ACCUSE NGO VNM") for f in found), found


def test_a_judged_act_told_before_gives_the_target(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "The European Union imposed new sanctions on Belarus on Monday.\n"
                              "Minsk said the sanctions were illegal.", statements_only=True)
    assert "ACCUSE BLR EUR" in found, found


def test_the_two_leaders_are_the_two_last_named_in_office(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "Kenya's president spoke by phone with Uganda's president on Friday.\n"
                              "The two leaders agreed to reopen the border crossing at Busia.", statements_only=False)
    assert "AGREE KEN UGA" in found or "AGREE UGA KEN" in found, found


@pytest.mark.parametrize("text", [
    "Thailand accused Vietnam of moving troops to the border.\nHanoi said the accusations were unfounded.",
    "Thailand accused Vietnam of smuggling.\nVietnam's foreign ministry called the allegations false and politically motivated.",
])
def test_criticism_of_a_claim_rejects_it(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, text, statements_only=True)
    assert "REJECT VNM THA" in found and not any(f.startswith("ACCUSE VNM") for f in found), found


def test_criticism_of_a_threat_is_no_rejection(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "Vietnam's foreign ministry called China's threats irresponsible.", statements_only=True)
    assert not any(f.startswith("REJECT") for f in found), found



def test_who_may_address_their_own_state() -> None:
    # one who speaks for a state (or comments on it: scholars, the press) has it on their side; a former official,
    # the opposition or a citizen may address it as a party
    from eventwire.events.statements import _of_the_state
    from eventwire.models import Actor

    def actor(sector: str | None) -> Actor:
        return Actor(text="x", code="KEN" + (sector or ""), country="KEN", sector=sector)

    assert _of_the_state(actor(None)) and _of_the_state(actor("GOV")) and _of_the_state(actor("MIL"))
    assert _of_the_state(actor("EDU")) and _of_the_state(actor("JRN"))
    assert not _of_the_state(actor("OPP")) and not _of_the_state(actor("ELI")) and not _of_the_state(actor("CVL"))
