"""``eventwire eval timex``: our temporal tagger scored on TimeML documents as TempEval-3 scores it.

TempEval-3 (UzZaman et al., SemEval-2013 Task 1) definitions, applied per TIMEX3 (the DCT excluded):

- strict span match: same characters; relaxed match: any overlap (one-to-one, in text order);
- P/R/F1 of spans: matched system timexes / system timexes, matched gold timexes / gold timexes;
- attribute (``value``, ``type``) figures on relaxed matches: P = matches whose attribute is right /
  system timexes, R = the same count / gold timexes, F1 their harmonic mean.

The DCT of a document is its ``functionInDocument="CREATION_TIME"`` TIMEX3 (inside ``<DCT>``). The
figures are given for the whole set and per sub-corpus (the first folder under ``path``: TimeBank,
AQUAINT), so that one can be tuned on while the other stays frozen.
"""

from __future__ import annotations

import dataclasses
import hashlib
import html
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from time import perf_counter
from typing import Any

from ..errors import EvaluationError
from ..time import tag

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DCT = re.compile(r'<TIMEX3\b[^>]*functionInDocument="CREATION_TIME"[^>]*>', re.DOTALL)


# The held-out part while tuning: the AQUAINT files whose name hashes odd. TimeBank and the other
# AQUAINT half were read while writing rules; this half only ever as a figure (see the report).
FROZEN_SUBCORPUS = "AQUAINT"


def is_frozen(subcorpus: str, path: Path) -> bool:
    return subcorpus == FROZEN_SUBCORPUS and int(hashlib.md5(path.stem.encode()).hexdigest(), 16) % 2 == 1


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    path: Path
    subcorpus: str
    dct: date | None
    text: str  # the TEXT element, tags removed, entities decoded
    timexes: tuple[GoldTimex, ...]


def read_timeml(path: Path, subcorpus: str = "") -> TimeMLDocument:
    """One TimeML file → its plain text, gold TIMEX3s (offsets into that text) and DCT."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"cannot read TimeML file: {exc}", path=str(path), code="E530") from exc
    body = _TEXT.search(raw)
    if body is None:
        raise EvaluationError("no <TEXT> element: is this a TimeML file?", path=str(path), code="E531")
    dct: date | None = None
    if (m := _DCT.search(raw)) is not None:
        value = dict(_ATTR.findall(m.group(0))).get("value", "")
        try:
            dct = date.fromisoformat(value[:10])
        except ValueError:
            dct = None
    parts: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[GoldTimex] = []
    pos = 0
    content = body.group(1)
    for t in _TAG.finditer(content):
        chunk = html.unescape(content[pos:t.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = t.end()
        closing, name = t.group(1) == "/", t.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(t.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            timexes.append(GoldTimex(start, length, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    parts.append(html.unescape(content[pos:]))
    return TimeMLDocument(path, subcorpus, dct, "".join(parts), tuple(timexes))


@dataclass(slots=True)
class _Counts:
    documents: int = 0
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def add(self, other: _Counts) -> None:
        for name in ("documents", "gold", "system", "strict", "relaxed", "value", "type"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self, prefix: str = "") -> dict[str, Any]:
        out: dict[str, Any] = {f"{prefix}documents": self.documents, f"{prefix}gold": self.gold,
                               f"{prefix}system": self.system}
        for name, hits in (("strict", self.strict), ("relaxed", self.relaxed), ("value", self.value),
                           ("type", self.type)):
            p = hits / self.system if self.system else 0.0
            r = hits / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out[f"{prefix}{name}_precision"] = round(p, 4)
            out[f"{prefix}{name}_recall"] = round(r, 4)
            out[f"{prefix}{name}_f1"] = round(f, 4)
        return out


@dataclass(frozen=True, slots=True)
class TimexError:
    """A miss, for reading what went wrong: kind is ``missed``, ``spurious``, ``value`` or ``type``."""

    document: str
    kind: str
    text: str
    gold: str | None
    system: str | None


@dataclass(slots=True)
class TimexReport:
    figures: dict[str, Any]
    errors: list[TimexError] = field(default_factory=list)

    def to_text(self) -> str:
        f = self.figures
        lines = [(f"TimeML temporal expressions: {f['documents']} documents, {f['gold']} gold, "
                  f"{f['system']} system timexes ({f['sentences_per_second']:.0f} sentences/s)"
                  + (", documents lower-cased" if f.get("lowercased") else "")),
                 f"{'':14}{'P':>8}{'R':>8}{'F1':>8}"]
        for name in ("strict", "relaxed", "value", "type"):
            lines.append(f"{name:14}{f[name + '_precision']:8.3f}{f[name + '_recall']:8.3f}{f[name + '_f1']:8.3f}")
        for sub in [*f.get("subcorpora", []), *f.get("splits", [])]:
            p = f"{sub}_"
            lines.append(f"{sub:14} docs={f[p + 'documents']} gold={f[p + 'gold']} system={f[p + 'system']} "
                         f"strict F1={f[p + 'strict_f1']:.3f} relaxed F1={f[p + 'relaxed_f1']:.3f} "
                         f"value F1={f[p + 'value_f1']:.3f} type F1={f[p + 'type_f1']:.3f}")
        return "\n".join(lines)


def _score(doc: TimeMLDocument, system: list[tuple[int, int, str, str | None]], errors: list[TimexError]
           ) -> _Counts:
    counts = _Counts(documents=1, gold=len(doc.timexes), system=len(system))
    used: set[int] = set()
    name = doc.path.name
    for g in doc.timexes:
        match = None
        for i, (s, e, typ, value) in enumerate(system):
            if i not in used and s < g.end and e > g.start:
                match = i
                break
        if match is None:
            errors.append(TimexError(name, "missed", doc.text[g.start:g.end], g.value, None))
            continue
        used.add(match)
        s, e, typ, value = system[match]
        counts.relaxed += 1
        counts.strict += (s, e) == (g.start, g.end)
        counts.value += value == g.value
        counts.type += typ == g.type
        if value != g.value:
            errors.append(TimexError(name, "value", doc.text[s:e], f"{g.value} [{doc.text[g.start:g.end]}]", value))
        elif typ != g.type:
            errors.append(TimexError(name, "type", doc.text[s:e], g.type, typ))
    for i, (s, e, _typ, value) in enumerate(system):
        if i not in used:
            errors.append(TimexError(name, "spurious", doc.text[s:e], None, value))
    return counts


SystemTimex = tuple[int, int, str, str | None]  # (start, end, type, value) over TimeMLDocument.text


def score_annotations(pairs: list[tuple[TimeMLDocument, list[SystemTimex]]]) -> dict[str, Any]:
    """TempEval-3 figures of any system's timexes (ours or another tagger's) over gold documents."""
    total = _Counts()
    errors: list[TimexError] = []
    for doc, system in pairs:
        total.add(_score(doc, system, errors))
    return total.figures()


def _timeml_output(doc: TimeMLDocument, system: list[tuple[int, int, str, str | None]]) -> str:
    body: list[str] = []
    pos = 0
    for n, (s, e, typ, value) in enumerate(system, start=1):
        body.append(html.escape(doc.text[pos:s], quote=False))
        attrs = f'tid="t{n}" type="{typ}" value="{html.escape(value or "", quote=True)}"'
        body.append(f"<TIMEX3 {attrs}>{html.escape(doc.text[s:e], quote=False)}</TIMEX3>")
        pos = e
    body.append(html.escape(doc.text[pos:], quote=False))
    dct = doc.dct.isoformat() if doc.dct else ""
    return ('<?xml version="1.0" ?>\n<TimeML>\n'
            f'<DOCID>{html.escape(doc.path.stem)}</DOCID>\n'
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n'
            f"<TEXT>{''.join(body)}</TEXT>\n</TimeML>\n")


def timeml_files(path: str | Path) -> list[tuple[str, Path]]:
    """``(sub-corpus, file)`` for every ``.tml`` under ``path`` (sub-corpus = first folder below it)."""
    root = Path(path)
    if root.is_file():
        return [("", root)]
    if not root.is_dir():
        raise EvaluationError("no such TimeML file or directory", path=str(root), code="E532")
    files = sorted(root.rglob("*.tml"))
    if not files:
        raise EvaluationError("no .tml files found under this directory", path=str(root), code="E533")
    return [(f.relative_to(root).parts[0] if len(f.relative_to(root).parts) > 1 else "", f) for f in files]


def lower_cased(text: str) -> str:
    """``text`` in lower case, character for character (so that gold offsets still hold)."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def evaluate_timex(path: str | Path, *, output: str | Path | None = None, lowercase: bool = False) -> TimexReport:
    """Score :func:`eventwire.time.tag` on the TimeML file(s) at ``path`` (TempEval-3 definitions).

    With ``output``, our annotation of each document is written there as a TimeML file of the same
    name (and sub-folder), so that any TimeML scorer can re-score it. With ``lowercase``, every document
    is lower-cased first, as some feeds deliver news: a test of the lower-case reading on text it was
    never tuned on (figure ``lowercased``).
    """
    total = _Counts()
    per_sub: dict[str, _Counts] = {}
    per_split: dict[str, _Counts] = {}
    errors: list[TimexError] = []
    sentences = 0
    elapsed = 0.0
    out_dir = Path(output) if output is not None else None
    for sub, file in timeml_files(path):
        doc = read_timeml(file, sub)
        if lowercase:
            doc = dataclasses.replace(doc, text=lower_cased(doc.text))
        t0 = perf_counter()
        found = tag(doc.text, doc.dct)
        elapsed += perf_counter() - t0
        sentences += max(1, len(re.findall(r"[.!?](?:\s|$)", doc.text)))
        system = [(t.start, t.end, t.type, t.value) for t in found]
        counts = _score(doc, system, errors)
        total.add(counts)
        per_sub.setdefault(sub or "all", _Counts()).add(counts)
        per_split.setdefault("frozen" if is_frozen(sub, file) else "tune", _Counts()).add(counts)
        if out_dir is not None:
            target = out_dir / sub / file.name if sub else out_dir / file.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(_timeml_output(doc, system), encoding="utf-8")
    figures = total.figures()
    figures["sentences_per_second"] = round(sentences / elapsed, 1) if elapsed else 0.0
    figures["lowercased"] = lowercase
    subs = sorted(per_sub) if len(per_sub) > 1 else []
    figures["subcorpora"] = subs
    for sub in subs:
        figures.update(per_sub[sub].figures(prefix=f"{sub}_"))
    figures["splits"] = sorted(per_split) if "frozen" in per_split else []
    for split in figures["splits"]:
        figures.update(per_split[split].figures(prefix=f"{split}_"))
    return TimexReport(figures=figures, errors=errors)
