"""``eventwire eval articles``: score eventwire against hand-coded articles.

A gold folder holds, per article, ``<id>.txt`` (line 1 the headline, a line ``-``, then the body) and
``<id>.gold.json`` (the seed's format: ``published`` and the hand-coded ``events``, see the README's
"Coding your own articles"), and optionally ``split.json`` mapping each id to ``tune`` or ``frozen``.
Each text is read as ``eventwire extract <id>.txt --published <gold published>`` reads it (with ``<id>``
as the article id), run through one pipeline, and scored by the rules of the shared reference scorer
(``shared/tools/score_events.py``):

- a system event *matches* a gold event when its PLOVER type is one of the gold's types (or its CAMEO
  code one of the gold's codes) and its source and target countries are the gold's (or listed
  alternatives; a null gold actor only matches an unknown one), in either order where the gold event is
  ``symmetric``;
- pairs are assigned one to one, globally greedy: the pairs agreeing on most attributes first, then by
  gold order, then by system order;
- attributes (date, status, certainty, sector) are checked on each matched required event;
- ``found`` counts matched required (not ``optional``) events; ``precision`` is matched system events
  over all system events (a match of an optional event counts as correct); ``duplicates`` are
  unmatched system events that would have matched some gold event; ``violations`` are broken
  ``must_not`` checks.

Totals add the articles up as ``shared/tools/score_articles.py`` does; the attribute figure is the mean,
over articles with at least one find, of each article's attribute percentage rounded as the reference
prints it. ``type_recall`` adds required events found per gold type (the first listed type).

Frozen-half hygiene: the ``frozen`` stories of ``split.json`` are reported as totals only, never per
article or per event (whatever the split asked), so that they stay an honest estimate of unseen news.

Error codes: E550 the folder is missing or holds no ``*.gold.json``; E551 a gold or text file cannot
be read; E552 a gold file is not valid (not JSON, or a missing or malformed field); E553 a split that
cannot be used (an unknown split name, an invalid ``split.json``, or no article in the half asked).
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Settings, load_settings
from ..errors import EvaluationError, InputError
from ..ingest import parse_published, read_inputs
from ..models import AnalysedArticle, RawRecord, Rejection, event_to_record

if TYPE_CHECKING:
    from ..pipeline import Pipeline

log = logging.getLogger(__name__)

GOLD_SUFFIX = ".gold.json"
SPLITS = ("all", "tune", "frozen")
ATTRIBUTES = ("date", "status", "certainty", "sector")
# certainty classes: a certain gold event needs one of these; a hedged one needs a hedged reading
CERTAIN = frozenset({"certain", "confirmed", "asserted"})
HEDGED = frozenset({"reported", "unconfirmed", "alleged"})
# must_not fields compared upper-case (codes); every other field is compared lower-case
UPPER_FIELDS = ("type", "source_country", "target_country")
BATCH_ARTICLES = 16

Record = Mapping[str, Any]


# ---------------------------------------------------------------- what a record says
def actor_country(actor: Any) -> str | None:
    """The country of an event actor: its ``country``, else the first 3 letters of its ``code``
    (an actor may also be given as a bare code string)."""
    if not actor:
        return None
    if isinstance(actor, str):
        return actor[:3].upper()
    country = actor.get("country") or (actor.get("code") or "")[:3]
    return country.upper() if country else None


def actor_sector(actor: Any) -> str | None:
    """The sector of an event actor: its ``sector``, else letters 4–6 of its ``code``."""
    if not actor:
        return None
    if isinstance(actor, str):
        return actor[3:6].upper() or None
    sector = actor.get("sector") or (actor.get("code") or "")[3:6]
    return sector.upper() if sector else None


def event_date(event: Record) -> Any:
    """The date value of an event record (``date.value``; a bare value is accepted too)."""
    d = event.get("date") or {}
    return d.get("value") if isinstance(d, dict) else d


def gold_types(gold: Record) -> list[str]:
    """The PLOVER types a gold event accepts (``type`` may be one string or a list)."""
    return gold["type"] if isinstance(gold["type"], list) else [gold["type"]]


# ---------------------------------------------------------------- matching
def type_agrees(gold: Record, event: Record) -> bool:
    """The event's PLOVER type is one of the gold's types, or its CAMEO code one of the gold's codes."""
    if (event.get("type") or "").upper() in gold_types(gold):
        return True
    return str(event.get("cameo") or "") in gold.get("cameo", [])


def _countries(code: str | None, alternatives: Iterable[str | None]) -> set[str | None]:
    return {c[:3] if c else None for c in [code, *alternatives]}


def actors_agree(gold: Record, event: Record) -> bool:
    """Source and target countries are the gold's or listed alternatives (``source_alt``/``target_alt``);
    a null gold actor matches only an unknown one; either order where the gold is ``symmetric``."""
    sources = _countries(gold["source"], gold.get("source_alt", []))
    targets = _countries(gold["target"], gold.get("target_alt", []))
    source, target = actor_country(event.get("source")), actor_country(event.get("target"))
    if source in sources and target in targets:
        return True
    return bool(gold.get("symmetric", False)) and source in targets and target in sources


def matches(gold: Record, event: Record) -> bool:
    """A system event matches a gold event: type and actor countries agree."""
    return type_agrees(gold, event) and actors_agree(gold, event)


# ---------------------------------------------------------------- attributes
def _unknown_date_agrees(before: str | None, value: Any) -> bool:
    """A date the text does not give: none is right, and so is a date coarser than a day that lies
    before ``before`` (the publication date); a day-precise date is invented."""
    if value is None or before is None:
        return True
    text = str(value)
    return text[: len(before)] < before and len(text) < 10


def _days_apart(a: str, b: str) -> int | None:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return None


def date_agrees(gold: Record, event: Record) -> bool:
    """The event's date agrees with the gold date: within ``tolerance_days`` where both are days, else
    the same prefix at the gold's precision (a year-precision gold date accepts a month, not a day)."""
    g = gold["date"]
    value = event_date(event)
    if g.get("value") is None:
        return _unknown_date_agrees(g.get("before"), value)
    if value is None:
        return False
    v, gv = str(value), str(g["value"])
    tolerance = g.get("tolerance_days")
    if tolerance and len(v) >= 10 and len(gv) >= 10:
        apart = _days_apart(v, gv)
        return apart is not None and apart <= tolerance
    return v[: len(gv)] == gv and (len(v) <= len(gv) + 3 or g.get("precision") != "year")


def certainty_agrees(gold_certainty: str, certainty: str) -> bool:
    """Same certainty class (certain or not); a hedged gold event accepts any hedged reading."""
    if (certainty in CERTAIN) != (gold_certainty in CERTAIN):
        return False
    return gold_certainty in CERTAIN or certainty == gold_certainty or certainty in HEDGED


def sector_agrees(gold: Record, event: Record) -> bool:
    """Each gold actor with a sector (a code longer than 3 letters) has it on the event's same side;
    always right for a symmetric gold event (the sides are not told apart)."""
    if gold.get("symmetric", False):
        return True
    return all(
        (actor_sector(event.get(side)) or "") == gold[side][3:6]
        for side in ("source", "target")
        if len(gold[side] or "") > 3
    )


def attribute_checks(gold: Record, event: Record) -> dict[str, bool]:
    """The four attribute checks of a matched pair: date, status, certainty, sector."""
    return {
        "date": date_agrees(gold, event),
        "status": (event.get("status") or "").lower() == gold["status"],
        "certainty": certainty_agrees(gold["certainty"], (event.get("certainty") or "").lower()),
        "sector": sector_agrees(gold, event),
    }


def assign(gold_events: Sequence[Record], events: Sequence[Record]) -> dict[int, int]:
    """One-to-one pairs (gold index → system index), globally greedy: all matching pairs sorted by
    (most agreeing attributes, gold index, system index) and taken in that order."""
    pairs = sorted(
        (-sum(attribute_checks(g, e).values()), gi, i)
        for gi, g in enumerate(gold_events)
        for i, e in enumerate(events)
        if matches(g, e)
    )
    taken: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, i in pairs:
        if gi not in taken and i not in used:
            taken[gi] = i
            used.add(i)
    return taken


# ---------------------------------------------------------------- must_not checks
def field_value(event: Record, name: str) -> str:
    """The value a must_not check compares: the date as text, an actor's country, the type upper-case,
    any other field lower-case ("" where absent)."""
    if name == "date":
        return str(event_date(event) or "")
    if name in ("source_country", "target_country"):
        return actor_country(event.get(name.split("_")[0])) or ""
    value = event.get(name)
    return (value or "").upper() if name == "type" else (value or "").lower()


def _as_compared(name: str, values: Iterable[str]) -> list[str]:
    return [v if name in UPPER_FIELDS else v.lower() for v in values]


def _event_check_broken(check: Record, matched: Mapping[str, Record]) -> bool:
    event = matched.get(check["event"])
    if event is None:
        return False  # not found: counted as a miss, not as a violation
    value = field_value(event, check["field"])
    if "not_in" in check and value in _as_compared(check["field"], check["not_in"]):
        return True
    return any(value.startswith(p) for p in check.get("not_prefix", []))


def _satisfies(event: Record, spec: Mapping[str, Any]) -> bool:
    for key, want in spec.items():
        if key == "date_prefix":
            if not field_value(event, "date").startswith(want):
                return False
        elif field_value(event, key) not in _as_compared(key, want if isinstance(want, list) else [want]):
            return False
    return True


def check_broken(check: Record, events: Sequence[Record], matched: Mapping[str, int]) -> bool:
    """Whether the system output breaks a must_not check: an ``{event, field, not_in|not_prefix}`` rule
    on the event matched to a gold event, or a ``no_event`` filter that no system event may satisfy
    (the events matched to the gold ids in ``except`` are exempt)."""
    if "event" in check:
        return _event_check_broken(check, {gid: events[i] for gid, i in matched.items()})
    exempt = {matched[gid] for gid in check.get("except", []) if gid in matched}
    return any(i not in exempt and _satisfies(e, check["no_event"]) for i, e in enumerate(events))


# ---------------------------------------------------------------- one article
@dataclass(frozen=True, slots=True)
class GoldRow:
    """One gold event's outcome: the system event matched to it (index) and its attribute checks."""

    gold: Record
    system: int | None
    checks: Mapping[str, bool]

    def to_text(self) -> str:
        g = self.gold
        actors = f"{(g['source'] or '?')[:3]}>{(g['target'] or '?')[:3]}"
        found = "yes" if self.system is not None else "no"
        marks = " ".join(f"{name}={'ok' if self.checks[name] else 'WRONG'}" for name in self.checks)
        optional = " (optional)" if g.get("optional") else ""
        return (f"    {g['id']:5} {'/'.join(gold_types(g))[:17]:17} {actors:8} {found:3} {marks:48} "
                f"{g.get('what', '')}{optional}").rstrip()


@dataclass(slots=True)
class ArticleScore:
    """One article scored as ``score_events.py`` scores it."""

    article_id: str
    required: int = 0
    found: int = 0
    matched: int = 0
    total: int = 0
    duplicates: int = 0
    attr_ok: int = 0
    attr_total: int = 0
    violations: list[str] = field(default_factory=list)
    rows: list[GoldRow] = field(default_factory=list)
    type_found: Counter[str] = field(default_factory=Counter)
    type_required: Counter[str] = field(default_factory=Counter)

    @property
    def attributes(self) -> float:
        """Share of attribute checks right over matched required events (0.0 with none)."""
        return self.attr_ok / self.attr_total if self.attr_total else 0.0

    @property
    def attributes_pct(self) -> int:
        """The attribute percentage rounded as the reference prints it (``{:.0%}``)."""
        return int(format(self.attributes, ".0%").rstrip("%"))

    def line(self) -> str:
        """The per-article line (as ``score_articles.py --verbose`` prints it)."""
        return (f"{self.article_id}: found {self.found}/{self.required}, precision {self.matched}/{self.total}, "
                f"attributes {self.attributes_pct}%, duplicates {self.duplicates}, "
                f"violations {len(self.violations)}")

    def figures(self, rows: bool = False) -> dict[str, Any]:
        """JSON-ready figures of the article (with the gold rows and violation texts if ``rows``)."""
        out: dict[str, Any] = {
            "id": self.article_id, "found": self.found, "required": self.required, "matched": self.matched,
            "events": self.total, "attributes": self.attributes, "attributes_pct": self.attributes_pct,
            "duplicates": self.duplicates, "violations": len(self.violations),
        }
        if rows:
            out["gold_events"] = [
                {"id": r.gold["id"], "found": r.system is not None, **r.checks} for r in self.rows
            ]
            out["violated"] = list(self.violations)
        return out


def _count_rows(score: ArticleScore) -> None:
    for row in score.rows:
        if row.gold.get("optional"):
            continue
        kind = gold_types(row.gold)[0] if gold_types(row.gold) else "?"
        score.type_required[kind] += 1
        if row.system is not None:
            score.type_found[kind] += 1
            score.attr_total += len(row.checks)
            score.attr_ok += sum(row.checks.values())


def score_article(gold: Record, events: Sequence[Record], article_id: str = "") -> ArticleScore:
    """Score one article's system event records against its gold (the ``*.gold.json`` object)."""
    gold_events = gold["events"]
    taken = assign(gold_events, events)
    matched = {gold_events[gi]["id"]: i for gi, i in taken.items()}
    score = ArticleScore(article_id=article_id, matched=len(taken), total=len(events))
    score.rows = [
        GoldRow(g, taken.get(gi), attribute_checks(g, events[taken[gi]]) if gi in taken else {})
        for gi, g in enumerate(gold_events)
    ]
    required = [g for g in gold_events if not g.get("optional")]
    score.required = len(required)
    score.found = sum(g["id"] in matched for g in required)
    _count_rows(score)
    used = set(taken.values())
    score.duplicates = sum(
        i not in used and any(matches(g, e) for g in gold_events) for i, e in enumerate(events)
    )
    for rule in gold.get("must_not", []):
        if isinstance(rule, dict) and "check" in rule and check_broken(rule["check"], events, matched):
            score.violations.append(rule.get("text") or json.dumps(rule["check"]))
    return score


# ---------------------------------------------------------------- reading a gold folder
@dataclass(frozen=True, slots=True)
class GoldArticle:
    """A hand-coded article: its id, text file, publication date and gold object."""

    article_id: str
    text_path: Path
    published: date
    gold: Mapping[str, Any]
    half: str | None = None


def _invalid(path: Path, message: str) -> EvaluationError:
    return EvaluationError(message, path=str(path), code="E552")


def _check_event(path: Path, n: int, event: Any) -> None:
    if not isinstance(event, dict):
        raise _invalid(path, f"events[{n}] is not an object")
    for key in ("id", "type", "source", "target", "date", "status", "certainty"):
        if key not in event:
            raise _invalid(path, f"events[{n}] has no {key!r} (see the README, 'Coding your own articles')")
    types = event["type"] if isinstance(event["type"], list) else [event["type"]]
    if not types or not all(isinstance(t, str) for t in types):
        raise _invalid(path, f"events[{n}] ({event['id']}): 'type' must be a PLOVER type or a list of them")
    if not isinstance(event["date"], dict):
        raise _invalid(path, f"events[{n}] ({event['id']}): 'date' must be an object with a 'value'")
    for side in ("source", "target"):
        if event[side] is not None and not isinstance(event[side], str):
            raise _invalid(path, f"events[{n}] ({event['id']}): {side!r} must be an actor code or null")


def _check_rules(path: Path, rules: Any) -> None:
    if not isinstance(rules, list):
        raise _invalid(path, "'must_not' must be a list")
    for n, rule in enumerate(rules):
        check = rule.get("check") if isinstance(rule, dict) else None
        if check is None:
            continue  # a plain-English trap: documentation only
        if not isinstance(check, dict) or not (
            ("event" in check and "field" in check) or isinstance(check.get("no_event"), dict)
        ):
            raise _invalid(path, f"must_not[{n}].check must be {{event, field, not_in|not_prefix}} "
                                 "or {no_event: {...}, except: [...]}")


def read_gold(path: Path) -> dict[str, Any]:
    """Read and check one ``*.gold.json`` (E551 unreadable, E552 invalid)."""
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvaluationError(f"cannot read the gold file: {exc.strerror}", path=str(path), code="E551") from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise _invalid(path, f"not valid JSON: {exc}") from exc
    if not isinstance(gold, dict) or not isinstance(gold.get("events"), list):
        raise _invalid(path, "a gold file is a JSON object with an 'events' list")
    for n, event in enumerate(gold["events"]):
        _check_event(path, n, event)
    _check_rules(path, gold.get("must_not", []))
    return gold


def _published(path: Path, gold: Mapping[str, Any]) -> date:
    value = gold.get("published")
    if not isinstance(value, str) or not value.strip():
        raise _invalid(path, "no 'published' date (ISO, e.g. 2025-06-17): the date a user would pass")
    try:
        return parse_published(value, origin=f"{path} 'published'")
    except InputError as exc:
        raise _invalid(path, f"'published' {value!r} is not a date (ISO, e.g. 2025-06-17)") from exc


def _text_path(path: Path, article_id: str, gold: Mapping[str, Any]) -> Path:
    text = path.with_name(article_id + ".txt")
    named = gold.get("article")
    if not text.is_file() and isinstance(named, str) and path.with_name(Path(named).name).is_file():
        text = path.with_name(Path(named).name)
    if not text.is_file():
        raise EvaluationError(f"no text for this gold file: expected {text.name} beside it",
                              path=str(path), code="E551")
    return text


def read_split(folder: Path) -> dict[str, str] | None:
    """``split.json`` of the folder (id → ``tune``/``frozen``), or None where there is none."""
    path = folder / "split.json"
    if not path.is_file():
        return None
    try:
        halves = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise EvaluationError(f"cannot read the split: {exc}", path=str(path), code="E553") from exc
    if not isinstance(halves, dict) or not all(v in ("tune", "frozen") for v in halves.values()):
        raise EvaluationError("split.json must map each article id to 'tune' or 'frozen'",
                              path=str(path), code="E553")
    return {str(k): v for k, v in halves.items()}


def gold_files(folder: Path) -> list[Path]:
    """The ``*.gold.json`` files of a folder, sorted (E550 where there is none)."""
    if not folder.is_dir():
        raise EvaluationError("no such folder of hand-coded articles", path=str(folder), code="E550")
    files = sorted(folder.glob("*" + GOLD_SUFFIX))
    if not files:
        raise EvaluationError(f"no *{GOLD_SUFFIX} file here: give a folder of <id>.txt + <id>{GOLD_SUFFIX}",
                              path=str(folder), code="E550")
    return files


def read_articles(folder: str | Path, split: str = "all") -> list[GoldArticle]:
    """The hand-coded articles of ``folder`` in the half ``split`` (all where there is no split.json)."""
    if split not in SPLITS:
        raise EvaluationError(f"split must be one of {', '.join(SPLITS)}, not {split!r}", code="E553")
    folder = Path(folder)
    files = gold_files(folder)
    halves = read_split(folder)
    articles: list[GoldArticle] = []
    for path in files:
        article_id = path.name.removesuffix(GOLD_SUFFIX)
        half = halves.get(article_id) if halves is not None else None
        if halves is not None and split != "all" and half != split:
            continue
        gold = read_gold(path)
        articles.append(GoldArticle(article_id, _text_path(path, article_id, gold), _published(path, gold),
                                    gold, half))
    if not articles:
        raise EvaluationError(f"no article is marked {split!r} in split.json", path=str(folder), code="E553")
    return articles


# ---------------------------------------------------------------- running eventwire
def _records(articles: Sequence[GoldArticle], settings: Settings) -> Iterator[RawRecord | Rejection]:
    """Each text read as ``eventwire extract <id>.txt --published DATE`` reads it, with ``<id>`` as its
    article id (as the JSONL corpus of the same stories would give it)."""
    for article in articles:
        for item in read_inputs([article.text_path], settings, published=article.published):
            yield item if isinstance(item, Rejection) else dataclasses.replace(item, record_id=article.article_id)


def run_articles(
    articles: Sequence[GoldArticle], settings: Settings, pipeline: Pipeline | None = None
) -> tuple[dict[str, list[dict[str, Any]]], list[Rejection]]:
    """Our event records per article id (one pipeline for all), and the inputs the pipeline rejected."""
    from ..runners.local import batches

    if pipeline is None:
        from ..api import build_pipeline

        pipeline = build_pipeline(settings)
    events: dict[str, list[dict[str, Any]]] = {a.article_id: [] for a in articles}
    rejected: list[Rejection] = []
    for batch in batches(_records(articles, settings), BATCH_ARTICLES):
        for item in pipeline.run(batch):
            if isinstance(item, AnalysedArticle):
                events.setdefault(item.article.id, []).extend(event_to_record(e) for e in item.events)
            else:
                log.warning("rejected %s: [%s] %s", item.origin, item.code, item.reason)
                rejected.append(item)
    return events, rejected


# ---------------------------------------------------------------- totals and report
def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f}%" if b else "n/a"


@dataclass(slots=True)
class ArticlesReport:
    """Totals over the articles (``figures``) and the per-article scores that may be shown."""

    figures: dict[str, Any]
    shown: list[ArticleScore] = field(default_factory=list)
    rows: bool = False
    notes: list[str] = field(default_factory=list)

    def totals_line(self) -> str:
        """The totals line, worded as ``score_articles.py`` prints it."""
        f = self.figures
        return (f"articles {f['articles']}, found {f['found']}/{f['required']} required "
                f"({_pct(f['found'], f['required'])}), precision {f['matched']}/{f['events']} "
                f"({_pct(f['matched'], f['events'])}), attributes {f['attributes_pct']:.0f}%, "
                f"duplicates {f['duplicates']}, violations {f['violations']}")

    def to_text(self) -> str:
        f = self.figures
        lines = [f"Hand-coded articles in {f['path']} (split {f['split']})"]
        for score in self.shown:
            lines.append(score.line())
            if self.rows:
                lines.extend(row.to_text() for row in score.rows)
                lines.extend(f"    violated: {v}" for v in score.violations)
        lines.append(self.totals_line())
        by_type = ", ".join(f"{t} {c['found']}/{c['required']}" for t, c in f["type_recall"].items())
        lines.append(f"found by gold type: {by_type or 'none'}")
        lines.extend(f"note: {n}" for n in self.notes)
        return "\n".join(lines)


def totals(scores: Sequence[ArticleScore]) -> dict[str, Any]:
    """Sum the articles up as ``score_articles.py`` does, plus recall by gold type."""
    attrs = [s.attributes_pct for s in scores if s.found]
    found, required = sum(s.found for s in scores), sum(s.required for s in scores)
    matched, total = sum(s.matched for s in scores), sum(s.total for s in scores)
    type_found: Counter[str] = sum((s.type_found for s in scores), Counter())
    type_required: Counter[str] = sum((s.type_required for s in scores), Counter())
    return {
        "articles": len(scores), "found": found, "required": required,
        "recall": found / required if required else 0.0,
        "matched": matched, "events": total, "precision": matched / total if total else 0.0,
        "attributes": sum(attrs) / len(attrs) / 100 if attrs else 0.0,
        "attributes_pct": sum(attrs) / len(attrs) if attrs else 0.0,
        "duplicates": sum(s.duplicates for s in scores),
        "violations": sum(len(s.violations) for s in scores),
        "type_recall": {
            t: {"found": type_found[t], "required": n, "recall": type_found[t] / n}
            for t, n in sorted(type_required.items(), key=lambda kv: (-kv[1], kv[0]))
        },
    }


def _write_output(output: str | Path, articles: Sequence[GoldArticle], events: Mapping[str, list[Any]]) -> None:
    with Path(output).open("w", encoding="utf-8") as out:
        for article in articles:
            out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in events.get(article.article_id, []))


def _shown(articles: Sequence[GoldArticle], scores: Sequence[ArticleScore], split: str,
           verbose: bool, notes: list[str]) -> list[ArticleScore]:
    """The per-article scores that may be shown: none for the frozen half."""
    if not verbose:
        return []
    if split == "frozen":
        notes.append("per-article and per-event lines are never shown for the frozen half: totals only")
        return []
    hidden = sum(a.half == "frozen" for a in articles)
    if hidden:
        notes.append(f"{hidden} frozen articles are counted in the totals only, not shown one by one")
    return [s for a, s in zip(articles, scores, strict=True) if a.half != "frozen"]


def evaluate_articles(
    path: str | Path,
    settings: Settings | None = None,
    *,
    split: str = "all",
    verbose: bool = False,
    rows: bool = False,
    output: str | Path | None = None,
    pipeline: Pipeline | None = None,
) -> ArticlesReport:
    """Run eventwire on a folder of hand-coded articles and score it (see the module docstring).

    ``split``: ``all`` (default), ``tune`` or ``frozen`` (by ``split.json``; all where it is absent).
    ``verbose``: one line per article; ``rows`` (or a single article with ``verbose``) adds a row per gold
    event and the must_not texts broken. Frozen articles are never shown one by one. ``output``: write our
    event records there as JSON Lines (as ``eventwire extract --format jsonl`` writes them).
    """
    settings = settings if settings is not None else load_settings()
    articles = read_articles(path, split)
    events, rejected = run_articles(articles, settings, pipeline)
    if output is not None:
        _write_output(output, articles, events)
    scores = [score_article(a.gold, events.get(a.article_id, []), a.article_id) for a in articles]
    notes: list[str] = []
    if split != "all" and all(a.half is None for a in articles):
        notes.append(f"no split.json in {path}: every article is scored (asked: {split})")
    shown = _shown(articles, scores, split, verbose, notes)
    show_rows = bool(shown) and (rows or len(articles) == 1)
    figures: dict[str, Any] = {"path": str(path), "split": split, **totals(scores), "rejected": len(rejected)}
    if shown:
        figures["per_article"] = [s.figures(show_rows) for s in shown]
    if rejected:
        notes.append(f"{len(rejected)} texts were rejected by the reader or the pipeline (scored as no events)")
    return ArticlesReport(figures=figures, shown=shown, rows=show_rows, notes=notes)
