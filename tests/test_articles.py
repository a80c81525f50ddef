"""Our 60 original articles (tests/data/articles, hand-coded): every required gold event is found with its type,
source country and target country (one-to-one, as `eventwire eval articles` pairs them), and every must_not
check holds.

What eventwire does not get right yet is listed, one id a line with the reason, in
``tests/data/articles/known_gaps.txt``; those cases are expected failures (``strict``: a gap that gets fixed
fails the suite until its line is removed, so the list only ever shrinks and is always true).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from eventwire.evaluation.articles import assign, check_broken, read_articles, run_articles

FOLDER = Path(__file__).resolve().parent / "data" / "articles"
ARTICLES = read_articles(FOLDER)
GAPS = {line.split()[0] for line in (FOLDER / "known_gaps.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")}


def _cases() -> list[Any]:
    cases = []
    for article in ARTICLES:
        for event in article.gold["events"]:
            if not event.get("optional"):
                key = f"{article.article_id}:{event['id']}"
                marks = [pytest.mark.xfail(strict=True, reason="known gap")] if key in GAPS else []
                cases.append(pytest.param(article.article_id, event["id"], id=key, marks=marks))
        for n, _ in enumerate(article.gold.get("must_not", [])):
            key = f"{article.article_id}:must_not{n + 1}"
            marks = [pytest.mark.xfail(strict=True, reason="known gap")] if key in GAPS else []
            cases.append(pytest.param(article.article_id, f"must_not{n + 1}", id=key, marks=marks))
    return cases


@pytest.fixture(scope="module")
def outcome() -> dict[str, tuple[dict[str, Any], list[dict[str, Any]], dict[str, int]]]:
    """Per article: the gold, our events, and the gold id → matched event index pairs."""
    from eventwire.config import load_settings

    events, rejected = run_articles(ARTICLES, load_settings(environ={}))
    assert not rejected
    out = {}
    for article in ARTICLES:
        ours = events[article.article_id]
        pairs = assign(article.gold["events"], ours)
        out[article.article_id] = (dict(article.gold), ours,
                                   {article.gold["events"][g]["id"]: i for g, i in pairs.items()})
    return out


@pytest.mark.parametrize(("article", "case"), _cases())
def test_article_event(outcome, article: str, case: str) -> None:  # type: ignore[no-untyped-def]
    gold, ours, matched = outcome[article]
    if case.startswith("must_not"):
        check = gold["must_not"][int(case[len("must_not"):]) - 1]
        assert not check_broken(check["check"], ours, matched), check.get("text")
        return
    event = next(e for e in gold["events"] if e["id"] == case)
    found = [(e["type"], (e.get("source") or {}).get("code"), (e.get("target") or {}).get("code")) for e in ours]
    assert case in matched, f"{event['what']} — expected {event['type']} {event['source']}->{event['target']}; we have {found}"


def test_known_gaps_name_real_cases() -> None:
    ids = {f"{a.article_id}:{e['id']}" for a in ARTICLES for e in a.gold["events"] if not e.get("optional")}
    ids |= {f"{a.article_id}:must_not{n + 1}" for a in ARTICLES for n, _ in enumerate(a.gold.get("must_not", []))}
    assert GAPS <= ids
