"""``eval articles``: the scorer on hand-made gold (no spaCy), agreement with the shared reference scorer on
news-dev, and the CLI on a folder of our own."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from eventwire.errors import EvaluationError
from eventwire.evaluation.articles import (
    assign,
    attribute_checks,
    date_agrees,
    matches,
    read_articles,
    score_article,
)


def gold_event(gid: str, types: list[str], source: str | None, target: str | None, **kw: Any) -> dict[str, Any]:
    """A gold event in the seed's format (occurred, certain, dated 2025-06-17 unless given)."""
    return {"id": gid, "what": gid, "type": types, "source": source, "target": target,
            "date": {"value": "2025-06-17", "precision": "day"}, "status": "occurred", "certainty": "certain", **kw}


def system_event(etype: str, source: str | None, target: str | None, day: str | None = "2025-06-17",
                 **kw: Any) -> dict[str, Any]:
    """A system record as ``eventwire extract --format jsonl`` writes it (the fields the scorer reads)."""
    def actor(code: str | None) -> dict[str, Any] | None:
        return None if code is None else {"code": code, "country": code[:3], "sector": code[3:6] or None}

    return {"type": etype, "cameo": kw.pop("cameo", None), "source": actor(source), "target": actor(target),
            "date": {"value": day}, "status": "occurred", "certainty": "certain", **kw}


# ---------------------------------------------------------------- matching
def test_articles_symmetric_gold_matches_either_order() -> None:
    meet = gold_event("E1", ["CONSULT"], "RUSGOV", "PRKGOV", symmetric=True)
    one_way = gold_event("E2", ["CONSULT"], "RUSGOV", "PRKGOV")
    reversed_ = system_event("CONSULT", "PRKGOV", "RUSGOV")
    assert matches(meet, reversed_)
    assert not matches(one_way, reversed_)
    assert matches(one_way, system_event("CONSULT", "RUSMIL", "PRK"))  # countries decide, not sectors


def test_articles_alternative_codes_null_actors_and_cameo() -> None:
    gold = gold_event("E1", ["REQUEST"], "UNO", None, source_alt=["IGO"], cameo=["020"])
    assert matches(gold, system_event("REQUEST", "IGO", None))
    assert not matches(gold, system_event("REQUEST", "IGO", "USA"))  # gold names no target: none allowed
    assert not matches(gold, system_event("REQUEST", "FRA", None))
    assert matches(gold, system_event("APPEAL", "UNO", None, cameo="020"))  # a listed CAMEO code suffices
    assert matches(gold, {**system_event("REQUEST", None, None), "source": "UNOGOV"})  # a bare code string


def test_articles_assignment_is_one_to_one_and_globally_greedy() -> None:
    early = gold_event("E1", ["CONSULT"], "FRA", "DEU", date={"value": "2025-06-01", "precision": "day"})
    late = gold_event("E2", ["CONSULT"], "FRA", "DEU", date={"value": "2025-06-10", "precision": "day"})
    events = [system_event("CONSULT", "FRA", "DEU", "2025-06-10"), system_event("CONSULT", "FRA", "DEU", "2025-06-01")]
    # in order, E1 would take the first event and leave E2 a wrong date; the best-agreeing pairs go first
    assert assign([early, late], events) == {0: 1, 1: 0}
    score = score_article({"events": [early, late]}, events[:1])
    assert (score.found, score.required, score.matched, score.total) == (1, 2, 1, 1)
    assert score.rows[1].system == 0 and score.rows[0].system is None


def test_articles_optional_events_count_for_precision_not_recall() -> None:
    gold = {"events": [gold_event("E1", ["ASSAULT"], "RUSMIL", "UKR"),
                       gold_event("E2", ["CONSULT"], "RUSGOV", "RUSMIL", optional=True)]}
    score = score_article(gold, [system_event("CONSULT", "RUSGOV", "RUSMIL"), system_event("AID", "USA", "UKR")])
    assert (score.found, score.required) == (0, 1)
    assert (score.matched, score.total) == (1, 2)
    assert score.attr_total == 0 and score.attributes_pct == 0  # attributes only over required events found
    assert score.type_required == {"ASSAULT": 1} and not score.type_found


def test_articles_duplicates_are_unmatched_events_that_would_match() -> None:
    gold = {"events": [gold_event("E1", ["AGREE", "SUPPORT"], "FIN", "EST", symmetric=True)]}
    events = [system_event("AGREE", "FIN", "EST"), system_event("SUPPORT", "EST", "FIN"),
              system_event("ACCUSE", "EST", "RUS")]
    score = score_article(gold, events)
    assert (score.found, score.matched, score.total, score.duplicates) == (1, 1, 3, 1)


# ---------------------------------------------------------------- attributes
@pytest.mark.parametrize(("gold_date", "value", "right"), [
    ({"value": "2025-06-17", "precision": "day", "tolerance_days": 3}, "2025-06-19", True),
    ({"value": "2025-06-17", "precision": "day", "tolerance_days": 3}, "2025-06-21", False),
    ({"value": "2025-06-17", "precision": "day"}, "2025-06-18", False),
    ({"value": "2025-06-17", "precision": "day"}, "2025-06", False),
    ({"value": "2025-06", "precision": "month"}, "2025-06-04", True),
    ({"value": "2024", "precision": "year"}, "2024-06", True),
    ({"value": "2024", "precision": "year"}, "2024-06-05", False),  # a day is too fine for 'last year'
    ({"value": "2024", "precision": "year"}, None, False),
    ({"value": None, "precision": "unknown", "before": "2025-06-17"}, None, True),
    ({"value": None, "precision": "unknown", "before": "2025-06-17"}, "2025-06", True),
    ({"value": None, "precision": "unknown", "before": "2025-06-17"}, "2025-06-17", False),  # invented day
    ({"value": None, "precision": "unknown", "before": "2025-06-17"}, "2025-05-30", False),
    ({"value": None, "precision": "unknown", "before": "2025-06-17"}, "2025-07", False),
])
def test_articles_date_tolerance_precision_and_unknown_dates(gold_date: dict[str, Any], value: str | None,
                                                             right: bool) -> None:
    gold = gold_event("E1", ["CONSULT"], "RUS", "PRK", date=gold_date)
    assert date_agrees(gold, system_event("CONSULT", "RUS", "PRK", value)) is right


def test_articles_status_certainty_and_sector_checks() -> None:
    hedged = gold_event("E1", ["AID"], "PRKMIL", "RUSMIL", certainty="unconfirmed", status="ongoing")
    checks = attribute_checks(hedged, system_event("AID", "PRKMIL", "RUS", certainty="reported", status="ongoing"))
    assert checks == {"date": True, "status": True, "certainty": True, "sector": False}
    assert not attribute_checks(hedged, system_event("AID", "PRKMIL", "RUSMIL"))["certainty"]  # certain ≠ hedged
    assert attribute_checks({**hedged, "symmetric": True}, system_event("AID", "PRK", "RUS"))["sector"]
    sure = gold_event("E2", ["CONSULT"], "RUSGOV", "PRK")
    assert attribute_checks(sure, system_event("CONSULT", "RUSGOV", "PRKMIL", certainty="confirmed"))["certainty"]


# ---------------------------------------------------------------- must_not
def test_articles_must_not_event_field_checks() -> None:
    gold = {
        "events": [gold_event("E1", ["CONSULT"], "RUS", "PRK", status="planned", certainty="reported"),
                   gold_event("E2", ["SUPPORT"], "RUS", "PRK", date={"value": "2024", "precision": "year"}),
                   gold_event("E3", ["AID"], "PRK", "RUS")],
        "must_not": [
            {"text": "E1 did not happen yet", "check": {"event": "E1", "field": "status", "not_in": ["Occurred"]}},
            {"text": "E2 is not dated 2025", "check": {"event": "E2", "field": "date", "not_prefix": ["2025"]}},
            {"text": "E3 not found: no violation", "check": {"event": "E3", "field": "status", "not_in": ["occurred"]}},
            {"text": "a plain-English trap without a check is documentation only"},
        ],
    }
    events = [system_event("CONSULT", "RUS", "PRK", status="occurred"),
              system_event("SUPPORT", "RUS", "PRK", "2025-06")]
    assert score_article(gold, events).violations == ["E1 did not happen yet", "E2 is not dated 2025"]
    fixed = [system_event("CONSULT", "RUS", "PRK", status="planned"), system_event("SUPPORT", "RUS", "PRK", "2024")]
    assert score_article(gold, fixed).violations == []


def test_articles_must_not_no_event_filters_with_except() -> None:
    gold = {
        "events": [gold_event("E12", ["CONSULT"], "RUSGOV", "RUSMIL", date={"value": "2022-12-21",
                                                                             "precision": "day"}, optional=True)],
        "must_not": [
            {"text": "caption date", "check": {"no_event": {"date_prefix": "2022-12-21"}, "except": ["E12"]}},
            {"text": "no Ukrainian assault", "check": {"no_event": {"type": ["ASSAULT"], "source_country": "UKR"}}},
        ],
    }
    caption = system_event("CONSULT", "RUSGOV", "RUSMIL", "2022-12-21")
    assert score_article(gold, [caption]).violations == []  # the excepted event itself may carry the date
    leaked = system_event("ACCUSE", "RUS", "USA", "2022-12-21")
    assert score_article(gold, [caption, leaked]).violations == ["caption date"]
    assault = system_event("assault", "UKRMIL", "RUS", None)
    assert score_article(gold, [assault]).violations == ["no Ukrainian assault"]
    assert score_article(gold, [system_event("ASSAULT", "RUS", "UKR", None)]).violations == []


# ---------------------------------------------------------------- reading a gold folder
def write_article(folder: Path, article_id: str, text: str, gold: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{article_id}.txt").write_text(text, encoding="utf-8")
    (folder / f"{article_id}.gold.json").write_text(json.dumps(gold), encoding="utf-8")


def test_articles_reading_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="E550") as missing:
        read_articles(tmp_path / "nowhere")
    assert str(tmp_path / "nowhere") in str(missing.value)
    with pytest.raises(EvaluationError, match=r"E550.*no \*\.gold\.json"):
        read_articles(tmp_path)
    (tmp_path / "a.gold.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"E552.*a\.gold\.json.*not valid JSON"):
        read_articles(tmp_path)
    write_article(tmp_path, "a", "Headline\n-\nBody.\n", {"published": "2025-06-17", "events": [{"id": "E1"}]})
    with pytest.raises(EvaluationError, match=r"E552.*events\[0\] has no 'type'"):
        read_articles(tmp_path)
    (tmp_path / "a.gold.json").write_text(json.dumps({"events": []}), encoding="utf-8")
    with pytest.raises(EvaluationError, match="E552.*no 'published'"):
        read_articles(tmp_path)
    (tmp_path / "a.txt").unlink()
    (tmp_path / "a.gold.json").write_text(json.dumps({"published": "2025-06-17", "events": []}), encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"E551.*a\.txt"):
        read_articles(tmp_path)
    with pytest.raises(EvaluationError, match="E553"):
        read_articles(tmp_path, split="train")


def test_articles_split_json_selects_halves(tmp_path: Path) -> None:
    for aid in ("one", "two", "three"):
        write_article(tmp_path, aid, "Headline\n-\nBody.\n", {"published": "2025-06-17", "events": []})
    assert [a.article_id for a in read_articles(tmp_path, "frozen")] == ["one", "three", "two"]  # no split.json
    (tmp_path / "split.json").write_text(json.dumps({"one": "tune", "two": "frozen", "three": "tune"}))
    assert [a.article_id for a in read_articles(tmp_path, "tune")] == ["one", "three"]
    assert [(a.article_id, a.half) for a in read_articles(tmp_path, "frozen")] == [("two", "frozen")]
    assert len(read_articles(tmp_path)) == 3


# ---------------------------------------------------------------- agreement with the reference scorer
LAST = re.compile(r"seed score: found (\d+)/(\d+) required events, attributes (\d+)% right, "
                  r"precision \d+% \((\d+)/(\d+)\), duplicates (\d+), violations (\d+)")


@pytest.fixture(scope="module")
def pipeline():  # type: ignore[no-untyped-def]
    from eventwire import api
    from eventwire.config import load_settings

    return api.build_pipeline(load_settings(environ={}))


def _reference(shared: Path, gold: Path, events: list[dict[str, Any]], tmp: Path) -> tuple[int, ...]:
    path = tmp / f"{gold.name}.events.jsonl"
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events), encoding="utf-8")
    out = subprocess.run([sys.executable, str(shared / "tools" / "score_events.py"), str(gold), str(path)],
                         capture_output=True, text=True, check=True, timeout=60).stdout
    m = LAST.search(out.strip().splitlines()[-1])
    assert m, out[-500:]
    found, required, attributes, matched, total, duplicates, violations = map(int, m.groups())
    return found, required, matched, total, duplicates, violations, attributes


@pytest.mark.slow
def test_articles_scores_equal_the_reference_scorer(shared_dir: Path, pipeline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from eventwire.config import load_settings
    from eventwire.evaluation.articles import run_articles

    articles = [*read_articles(shared_dir / "eval" / "news-dev"), *read_articles(shared_dir / "seed")]
    events, rejected = run_articles(articles, load_settings(environ={}), pipeline)
    assert not rejected and len(articles) == 28
    tune_differ: list[str] = []
    frozen_differ = 0  # frozen stories are compared but never shown one by one
    for article in articles:
        ours = score_article(article.gold, events[article.article_id], article.article_id)
        mine = (ours.found, ours.required, ours.matched, ours.total, ours.duplicates, len(ours.violations),
                ours.attributes_pct)
        gold_path = article.text_path.with_name(f"{article.article_id}.gold.json")
        theirs = _reference(shared_dir, gold_path, events[article.article_id], tmp_path)
        if mine != theirs and article.half == "frozen":
            frozen_differ += 1
        elif mine != theirs:
            tune_differ.append(f"{article.article_id}: ours {mine} reference {theirs}")
    assert not tune_differ and not frozen_differ, (tune_differ, f"{frozen_differ} frozen articles differ")


@pytest.mark.slow
@pytest.mark.parametrize("half", ["tune", "frozen"])
def test_articles_totals_equal_score_articles(shared_dir: Path, pipeline, tmp_path: Path, half: str) -> None:  # type: ignore[no-untyped-def]
    from eventwire.config import load_settings
    from eventwire.evaluation.articles import evaluate_articles

    news = shared_dir / "eval" / "news-dev"
    out = tmp_path / "events.jsonl"
    report = evaluate_articles(news, load_settings(environ={}), split=half, verbose=True, output=out,
                               pipeline=pipeline)
    reference = subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score_articles.py"), str(out), str(news),
         "--split", str(news / "split.json"), "--part", half],
        capture_output=True, text=True, check=True, timeout=300).stdout.strip().splitlines()[-1]
    assert report.totals_line() == reference
    text = report.to_text()
    assert reference in text
    if half == "frozen":  # totals only: no line names a frozen story
        assert "per_article" not in report.figures and not report.shown
        assert not any(aid in text for aid in json.loads((news / "split.json").read_text()))
    else:
        assert len(report.figures["per_article"]) == report.figures["articles"] == 13


# ---------------------------------------------------------------- CLI
ARTICLE = """Finland and Estonia agree on joint air patrols
-
Finnish President Alexander Stubb arrived in Tallinn on Monday and met Estonian Prime Minister Kristen Michal.
The two countries signed an agreement on joint air patrols.
"""

GOLD = {
    "article": "baltic-patrols.txt",
    "published": "2025-03-11",
    "events": [
        gold_event("E1", ["CONSULT"], "FINGOV", "ESTGOV", cameo=["042", "043", "040"],
                   date={"value": "2025-03-10", "precision": "day"}, location="Tallinn"),
        gold_event("E2", ["SUPPORT", "AGREE", "COOPERATE"], "FIN", "EST", symmetric=True, cameo=["057", "030"],
                   date={"value": None, "precision": "unknown", "before": "2025-03-11"},
                   section=["headline", "body"]),
    ],
    "must_not": [{"text": "The agreement is not dated on the publication day.",
                  "check": {"no_event": {"date_prefix": "2025-03-11"}}}],
}


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "EVENTWIRE_DATABASE_URL": f"sqlite:///{cwd / 'cli.db'}"}
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], check=False, cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def test_cli_eval_articles_json_on_our_own_article(tmp_path: Path) -> None:
    write_article(tmp_path / "gold", "baltic-patrols", ARTICLE, GOLD)
    out = run_cli("eval", "articles", "gold", "--verbose", "--format", "json", "--output", "ours.jsonl",
                  cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    figures = json.loads(out.stdout)
    assert (figures["articles"], figures["found"], figures["required"], figures["violations"]) == (1, 2, 2, 0)
    assert figures["matched"] <= figures["events"] and figures["type_recall"]["CONSULT"]["found"] == 1
    (article,) = figures["per_article"]  # one article with --verbose: its gold events too
    assert [row["id"] for row in article["gold_events"]] == ["E1", "E2"]
    records = [json.loads(line) for line in (tmp_path / "ours.jsonl").read_text().splitlines()]
    assert len(records) == figures["events"] and {r["article_id"] for r in records} == {"baltic-patrols"}


def test_cli_eval_articles_errors_exit_2_naming_the_path(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    out = run_cli("eval", "articles", "empty", cwd=tmp_path)
    assert out.returncode == 2 and "E550" in out.stderr and "empty" in out.stderr
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "x.gold.json").write_text("[]", encoding="utf-8")
    out = run_cli("eval", "articles", "bad", cwd=tmp_path)
    assert out.returncode == 2 and "E552" in out.stderr and "x.gold.json" in out.stderr
