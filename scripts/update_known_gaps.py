"""Rewrite tests/data/articles/known_gaps.txt: the cases of tests/test_articles.py eventwire gets wrong today.

    python scripts/update_known_gaps.py

Run it after a change that fixes (or, knowingly, breaks) cases, and read the diff: a line that goes is a fixed
case, a line that comes is a regression to justify in the commit message.
"""

from __future__ import annotations

from pathlib import Path

from eventwire.config import load_settings
from eventwire.evaluation.articles import assign, check_broken, read_articles, run_articles

FOLDER = Path(__file__).resolve().parents[1] / "tests" / "data" / "articles"
HEADER = [
    "# Known gaps: cases of tests/test_articles.py that eventwire does not get right yet (strict expected",
    "# failures). One case a line: <article>:<gold event id or must_notN>, then what is expected. Remove a line",
    "# when its case passes (the suite fails until you do); scripts/update_known_gaps.py rewrites the file.",
]


def main() -> int:
    articles = read_articles(FOLDER)
    events, _ = run_articles(articles, load_settings(environ={}))
    lines = list(HEADER)
    for article in articles:
        ours = events[article.article_id]
        pairs = assign(article.gold["events"], ours)
        matched = {article.gold["events"][g]["id"]: i for g, i in pairs.items()}
        for e in article.gold["events"]:
            if not e.get("optional") and e["id"] not in matched:
                lines.append(f"{article.article_id}:{e['id']}  {'/'.join(e['type'])} {e['source']}->{e['target']}: "
                             f"{e['what'][:90]}")
        for n, rule in enumerate(article.gold.get("must_not", [])):
            if check_broken(rule["check"], ours, matched):
                lines.append(f"{article.article_id}:must_not{n + 1}  {rule.get('text', '')[:110]}")
    (FOLDER / "known_gaps.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - len(HEADER)} known gaps")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
