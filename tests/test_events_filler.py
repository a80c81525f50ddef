"""The learned argument filler (events/filler.py) and the learning kit (learn.py)."""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import pytest

from eventwire.events.filler import ArgumentFiller, FillerModel, candidates, load_model, model_path
from eventwire.learn import best_threshold, cross_validated, fit, matrix
from eventwire.models import RawRecord


@pytest.fixture(scope="module")
def pipeline():  # type: ignore[no-untyped-def]
    """The pipeline up to the filler's stage (the filler itself is run by the tests)."""
    from eventwire.api import build_pipeline

    pipe = build_pipeline()
    stop = [n for n, _ in pipe.after_events].index("fill")
    pipe.after_events = tuple(pipe.after_events[:stop])
    return pipe


TEXT = "Kenya's foreign minister criticised the decision on Monday, days after Uganda closed the border."


def test_candidates_are_the_sentence_actors_for_the_missing_side(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = pipeline.analyse(RawRecord(origin="<t>", text=TEXT, published=date(2025, 3, 1)))
    cands = candidates(a, a.events)
    assert cands, a.events
    assert all(c.side in ("source", "target") for c in cands)
    assert any(c.mention.actor.country == "UGA" and c.side == "target" for c in cands)
    feats = next(c.features for c in cands if c.mention.actor.country == "UGA")
    assert any(k.startswith("target:path=") for k in feats) and "target:type=ACCUSE" in feats


def test_a_model_fills_the_side_it_scores_best(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = pipeline.analyse(RawRecord(origin="<t>", text=TEXT, published=date(2025, 3, 1)))
    model = FillerModel({"target:kind=state": 4.0}, -1.0, 0.5)
    out = ArgumentFiller(model)(a)
    filled = [e for e in out.events if e.target is not None and e.target.country == "UGA"]
    assert filled and "learned filler" in filled[0].evidence
    assert ArgumentFiller(None, use_packaged=False)(a) is a  # no model: nothing filled


def test_the_packaged_model_says_how_it_was_trained() -> None:
    assert load_model() is not None
    raw = json.loads(model_path().read_text(encoding="utf-8"))
    assert raw["trained_on"] and "frozen" not in " ".join(raw["trained_on"]) and 0 < raw["threshold"] < 1


def test_logistic_regression_separates_what_is_separable() -> None:
    x, names = matrix([{"a": 1.0}, {"a": 1.0}, {"b": 1.0}, {"b": 1.0}] * 5)
    y = np.array([1, 1, 0, 0] * 5, dtype=float)
    w, b = fit(x, y)
    p = 1 / (1 + np.exp(-(x @ w + b)))
    assert (p[y == 1] > 0.5).all() and (p[y == 0] < 0.5).all()
    assert names == ["a", "b"]
    groups = [f"g{n % 7}" for n in range(len(y))]
    cv = cross_validated(x, y, groups)
    assert ((cv > 0.5) == (y == 1)).all()
    assert 0.05 <= best_threshold(p, y, 1.0) < 0.95


def test_no_doer_is_filled_for_a_thing_told_as_the_subject() -> None:
    # "international support comes to Taiwan": the subject is told, and it is no party
    from datetime import date

    from eventwire.api import build_pipeline
    from eventwire.models import RawRecord

    text = ("Chinese warships sailed near Taiwan on Monday.\n"
            "The more China bullies Taiwan, the more international support comes to Taiwan, the Taiwanese envoy said.")
    a = build_pipeline().analyse(RawRecord(origin="<t>", text=text, published=date(2025, 4, 1)))
    assert not any(e.trigger == "comes" for e in a.events), [(e.type.value, e.trigger) for e in a.events]
