"""The learned event scorer (events/scorer.py) and its packaged model."""

from __future__ import annotations

import json

from eventwire.events.scorer import (
    EventScorer,
    ScorerModel,
    event_features,
    featurize,
    load_model,
    model_path,
)
from eventwire.models import Actor, AnalysedArticle, Article, Event, EventType, Section, Sentence

IRN = Actor(text="Iran", name="Iran", code="IRN", country="IRN")
USA = Actor(text="Washington", name="United States", code="USAGOV", country="USA", sector="GOV")


def _article(*events: Event) -> AnalysedArticle:
    article = Article(id="a", content_hash="a", text="x" * 200, raw="", origin="<test>")
    sentences = (Sentence(index=0, start=0, end=100, text="x" * 100, section=Section.BODY),)
    return AnalysedArticle(article=article, sentences=sentences, events=events)


def _event(kind: EventType, evidence: str) -> Event:
    return Event(id=f"{kind}{evidence}", article_id="a", type=kind, sentence_index=0, sentence="s", span=(0, 1),
                 trigger="t", trigger_span=(0, 1), trigger_token=0, evidence=evidence, source=USA, target=IRN)


def test_the_packaged_model_loads_and_says_how_it_was_trained() -> None:
    model = load_model()
    assert model is not None and 0.0 < model.threshold < 1.0 and model.weights
    raw = json.loads(model_path().read_text(encoding="utf-8"))
    assert raw["trained_on"] and "frozen" not in " ".join(raw["trained_on"])
    # no feature is a word of an article: only ways of finding an event
    assert all("=" not in k or k.split("=")[0] in {"type", "section", "status", "certainty", "trigger", "source_role",
                                                   "target_role", "source_evidence", "target_evidence", "source_kind",
                                                   "target_kind"} for k in model.weights)


def test_features_tell_how_a_record_was_found() -> None:
    e = _event(EventType.ACCUSE, "verb 'accuse' → CAMEO 112 (curated; pattern '*'), source=nsubj, target=dobj")
    (f,) = featurize(_article(e))
    assert f["type=ACCUSE"] == 1.0 and f["source_role=nsubj"] == 1.0 and f["target_role=dobj"] == 1.0
    assert f["trigger=verb"] == 1.0 and f["lead"] == 1.0


def test_the_stage_drops_what_the_model_scores_low_and_notes_the_score() -> None:
    good = _event(EventType.ACCUSE, "verb 'accuse' (x), source=nsubj, target=dobj")
    bad = _event(EventType.CONSULT, "noun 'visit' (x), source=poss, target=none")
    model = ScorerModel({"type=ACCUSE": 3.0, "type=CONSULT": -3.0}, 0.0, 0.5)
    out = EventScorer(model)(_article(good, bad))
    assert [e.type for e in out.events] == [EventType.ACCUSE]
    assert "scorer 0.95" in out.events[0].evidence


def test_without_a_model_every_record_stays() -> None:
    e = _event(EventType.ACCUSE, "x")
    assert EventScorer(None, use_packaged=False)(_article(e)).events == (e,)
    assert event_features(e, __import__("eventwire.events.scorer", fromlist=["_Context"])._Context(_article(e)))
