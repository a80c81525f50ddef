"""The certainty stage as a pipeline stage: several events, scope across clauses and sentences, unparsed
sentences, the evidence note, the lexicon's errors, and the seed article end to end."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from test_certainty import build_event, build_mentions, tagger

from eventwire.certainty import CertaintyTagger, load_lexicon
from eventwire.config import Settings
from eventwire.errors import ResourceError
from eventwire.models import AnalysedArticle, Certainty, Event, RawRecord, Status


def _tag(analysed: AnalysedArticle, *events: Event) -> dict[str, Event]:
    out = tagger()(dataclasses.replace(analysed, events=events))
    return {e.trigger: e for e in out.events}


def test_certainty_unconfirmed_scope_covers_both_conjuncts(parsed_article) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("Reports suggest that the militia has seized the mine and has been taxing the miners, "
                       "although these claims remain unconfirmed.")
    got = _tag(a, build_event(a, "seized"), build_event(a, "taxing"))
    assert (got["seized"].status, got["seized"].certainty) == (Status.OCCURRED, Certainty.UNCONFIRMED)
    assert (got["taxing"].status, got["taxing"].certainty) == (Status.ONGOING, Certainty.UNCONFIRMED)


def test_certainty_next_sentence_governs_only_reported_events(parsed_article) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("The envoy arrived in Juba as rebels said they captured a barracks.\n"
                       "The claim could not be verified.")
    got = _tag(a, build_event(a, "arrived"), build_event(a, "captured"))
    assert got["captured"].certainty is Certainty.UNCONFIRMED
    assert got["captured"].attribution == "rebels"
    assert got["arrived"].certainty is Certainty.CERTAIN  # the writer's own statement is not the claim


def test_certainty_unrelated_previous_sentence_is_not_touched(parsed_article) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("The envoy arrived in Juba.\nThe ministry said the talks would resume.")
    got = _tag(a, build_event(a, "arrived"), build_event(a, "resume"))
    assert (got["arrived"].status, got["arrived"].certainty) == (Status.OCCURRED, Certainty.CERTAIN)
    assert (got["resume"].status, got["resume"].certainty) == (Status.PLANNED, Certainty.REPORTED)


def test_certainty_expressed_occurs_while_its_content_is_intended(parsed_article) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("Both delegations voiced their intent to reopen the embassies, state television reported.")
    got = _tag(a, build_event(a, "voiced"), build_event(a, "reopen"))
    assert got["voiced"].status is Status.OCCURRED
    assert got["reopen"].status is Status.INTENDED
    assert {got["voiced"].certainty, got["reopen"].certainty} == {Certainty.REPORTED}
    assert got["voiced"].attribution == "state television"


def test_certainty_dyad_records_of_one_event_agree(parsed_article) -> None:  # type: ignore[no-untyped-def]
    from eventwire.models import Actor

    a = parsed_article("The Kenyan foreign ministry said Kenya and Uganda signed a border pact.")
    a = dataclasses.replace(a, mentions=build_mentions(a, ("Kenyan foreign ministry/KEN/GOV",)))
    base = build_event(a, "signed")
    one = dataclasses.replace(base, id="1", source=Actor("Kenya", country="KEN"), target=Actor("Uganda", country="UGA"))
    two = dataclasses.replace(base, id="2", source=Actor("Uganda", country="UGA"), target=Actor("Kenya", country="KEN"))
    three = dataclasses.replace(base, id="3", source=Actor("Uganda", country="UGA"), target=None)
    out = tagger()(dataclasses.replace(a, events=(one, two, three))).events
    assert {(e.certainty, e.attribution) for e in out} == {(Certainty.CERTAIN, "The Kenyan foreign ministry")}


def test_certainty_double_embedding_denial_wins(parsed_article) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("Reuters reported that the navy denied that its ships entered the strait.")
    got = _tag(a, build_event(a, "entered"))
    assert (got["entered"].certainty, got["entered"].attribution) == (Certainty.DENIED, "the navy")


def test_certainty_evidence_note_and_new_objects(parsed_article) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("The minister was expected to visit Tunis, officials said.")
    event = build_event(a, "visit")
    before = dataclasses.replace(a, events=(event,))
    after = tagger()(before)
    assert after is not before and before.events[0].status is None  # a new article, inputs untouched
    (out,) = after.events
    assert out.evidence.startswith("test; status: 'expected'")
    assert "→ planned" in out.evidence and "→ reported" in out.evidence
    assert out.attribution == "officials"


def test_certainty_unparsed_sentence_keeps_defaults_and_reads_hedges(parsed_article) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("Gunmen allegedly torched a police post.\nThe navy seized a tanker.")
    events = (build_event(a, "torched"), build_event(a, "seized"))
    unparsed = dataclasses.replace(a, parsed=frozenset(), events=events)
    got = {e.trigger: e for e in tagger()(unparsed).events}
    assert got["torched"].certainty is Certainty.UNCONFIRMED
    assert (got["seized"].status, got["seized"].certainty) == (Status.OCCURRED, Certainty.CERTAIN)
    assert "not parsed" in got["seized"].evidence


def test_certainty_no_events_returns_article_unchanged(parsed_article) -> None:  # type: ignore[no-untyped-def]
    a = parsed_article("Nothing happened here.")
    assert tagger()(a) is a


def test_certainty_lexicon_errors_have_codes(tmp_path: Path) -> None:
    with pytest.raises(ResourceError) as missing:
        load_lexicon(tmp_path / "absent.toml")
    assert missing.value.code == "E470"
    bad = tmp_path / "bad.toml"
    bad.write_text("version = 1\n[status]\nfuture_modals = 'will'\n", encoding="utf-8")
    with pytest.raises(ResourceError) as wrong:
        load_lexicon(bad)
    assert wrong.value.code == "E471" and "future_modals" in wrong.value.message
    old = tmp_path / "old.toml"
    old.write_text("version = 0\n", encoding="utf-8")
    with pytest.raises(ResourceError) as version:
        load_lexicon(old)
    assert version.value.code == "E472"


def test_certainty_custom_lexicon_changes_the_reading(parsed_article, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    packaged = load_lexicon()
    text = Path(packaged.source).read_text(encoding="utf-8").replace('"allegedly", ', "")
    custom = tmp_path / "lexicon.toml"
    custom.write_text(text, encoding="utf-8")
    a = parsed_article("Gunmen allegedly torched a police post.")
    event = build_event(a, "torched")
    default = tagger()(dataclasses.replace(a, events=(event,))).events[0]
    changed = CertaintyTagger(Settings(), lexicon=load_lexicon(custom))(dataclasses.replace(a, events=(event,)))
    assert default.certainty is Certainty.UNCONFIRMED
    assert changed.events[0].certainty is Certainty.CERTAIN


# --------------------------------------------------------------------------- the seed article, end to end


def test_certainty_seed_article(shared_dir: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    from eventwire.actors import ActorResolver
    from eventwire.clean import clean_record
    from eventwire.events import EventCoder
    from eventwire.parse import Parser
    from eventwire.segment import segment

    settings = Settings()
    text = (shared_dir / "seed" / "shoigu-pyongyang.txt").read_text(encoding="utf-8")
    article = clean_record(RawRecord(origin="seed", text=text, published=date(2025, 6, 17)), settings)
    sentences = segment(article)
    parser = Parser(nlp)
    analysed = ActorResolver(settings, nlp.vocab)(
        AnalysedArticle(article=article, sentences=sentences, docs=parser.tokenize(sentences)))
    order = sorted(analysed.docs)
    docs = dict(zip(order, parser.parse(analysed.docs[i] for i in order), strict=True))
    analysed = dataclasses.replace(analysed, docs=docs, parsed=frozenset(order))
    events = tagger()(EventCoder(settings, nlp.vocab)(analysed)).events

    def find(trigger: str, word: str) -> Event:
        found = [e for e in events if e.trigger == trigger and word in e.sentence]
        assert found, f"no {trigger!r} event in a sentence with {word!r}: {[e.trigger for e in events]}"
        return found[0]

    meet = find("meet", "expected")
    assert (meet.status, meet.certainty, meet.attribution) == (Status.PLANNED, Certainty.REPORTED,
                                                               "Russian news agencies")
    troops, arms = find("sent", "troops"), find("providing", "arms")
    assert troops.certainty is Certainty.UNCONFIRMED and arms.certainty is Certainty.UNCONFIRMED
    assert troops.status is Status.OCCURRED and arms.status is Status.ONGOING
    putin = find("visit", "Putin")
    assert (putin.status, putin.certainty, putin.attribution) == (Status.OCCURRED, Certainty.CERTAIN, None)
    headline = [e for e in events if e.section.value == "headline"]
    assert headline and all(e.status is Status.OCCURRED for e in headline)


@pytest.mark.parametrize(("text", "status"), [
    ("Gondor wants Rohan to end the sanctions on its farmers.", Status.INTENDED),
    ("Gondor expects Rohan to release the prisoners.", Status.PLANNED),  # DESIGN: expected = planned
    ("Rohan ended the sanctions on Gondor's farmers.", Status.OCCURRED),
])
def test_certainty_a_wish_that_another_party_act_has_not_happened(parsed_article, text: str,  # type: ignore[no-untyped-def]
                                                                  status: Status) -> None:
    a = parsed_article(text)
    trigger = next(t.text for t in a.docs[0] if t.lemma_ in ("end", "release"))
    assert _tag(a, build_event(a, trigger))[trigger].status is status
