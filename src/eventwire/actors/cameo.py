"""Readers for the CAMEO/PETRARCH dictionary formats (``.actors.txt`` and ``.agents.txt``).

The formats are those of PETRARCH-2's ``docs/dictionaries.rst`` and the files in
``shared/eval/petrarch2/PETR.Validate.*.txt``:

* actors: a root phrase (words joined by ``_`` or blanks), optional inline ``[CODE]`` codes, then
  ``+synonym`` lines and tab-indented ``[CODE restriction]`` lines where the restriction is
  ``<date``, ``>date`` or ``date-date`` (``YYMMDD`` or ``YYYYMMDD``). Roots without a code share the
  codes of the next block that has one (PETRARCH keeps the code index open until a code arrives).
* agents: ``PHRASE {PLURAL} [~CODE]`` (or ``[CODE~]`` for prefix codes such as ``NGO~``) and
  substitution sets ``!PERSON! = MAN, MEN, …``. Regular plurals are generated unless ``{}`` is given.

Comments: lines starting with ``#`` or ``<!``, XML comments (also over several lines), and
``' #'`` / ``';'`` trailing comments. A line we cannot read raises :class:`ResourceError` naming
``file:line`` (E411–E415), because silently dropping a user's entry changes their coding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import ResourceError

__all__ = [
    "AgentEntry",
    "CameoActorEntry",
    "CodeTerm",
    "load_cameo_actors",
    "load_cameo_agents",
    "parse_cameo_date",
]

_DATE_RE = re.compile(r"^\d{6}(\d{2})?$")
_CODE_RE = re.compile(r"^[A-Za-z0-9+\-/#*]+$")


@dataclass(frozen=True, slots=True)
class CodeTerm:
    """One CAMEO code, valid from ``start`` to ``end`` (inclusive; ``None`` = unbounded)."""

    code: str
    start: date | None = None
    end: date | None = None
    role: str | None = None

    def valid_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def bounded(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True, slots=True)
class CameoActorEntry:
    """A root phrase with its synonyms and its (possibly date-bounded) codes."""

    name: str  # the root phrase, words separated by blanks
    synonyms: tuple[str, ...]
    terms: tuple[CodeTerm, ...]
    line: int  # where the root phrase is in the file


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """An agent phrase (blank-separated words) and its code, e.g. ``("TROOPS", "~MIL")``."""

    phrase: str
    code: str  # with the tilde: "~MIL" (suffix) or "NGO~" (prefix)
    line: int


def parse_cameo_date(text: str) -> date:
    """``YYMMDD`` (years below 30 are 20xx, as in PETRARCH) or ``YYYYMMDD`` → date. ValueError if bad."""
    text = text.strip()
    if not _DATE_RE.match(text):
        raise ValueError(text)
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy < 30 else 1900 + yy
        return date(year, int(text[2:4]), int(text[4:6]))
    return date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def _phrase(raw: str) -> str:
    """A dictionary phrase as blank-separated words (``_`` and blanks are both word separators)."""
    return " ".join(raw.replace("_", " ").split())


def _strip_comment(line: str) -> str:
    for mark in (" #", "\t#", ";"):
        cut = line.find(mark)
        if cut >= 0:
            line = line[:cut]
    return line.rstrip()


def _logical_lines(path: Path, error_code: str) -> list[tuple[int, str]]:
    """(line number, text) of every non-comment line; XML comments removed, even over several lines."""
    try:
        raw = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ResourceError(f"cannot read dictionary: {exc.strerror}", path=str(path), code=error_code) from exc
    out: list[tuple[int, str]] = []
    in_comment = False
    for n, line in enumerate(raw.splitlines(), start=1):
        if in_comment:
            if "-->" in line:
                in_comment = False
                line = line[line.index("-->") + 3:]
            else:
                continue
        while "<!--" in line:
            head, _, tail = line.partition("<!--")
            if "-->" in tail:
                line = head + tail[tail.index("-->") + 3:]
            else:
                line = head
                in_comment = True
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "<!")) or "---STOP---" in stripped:
            continue
        out.append((n, _strip_comment(line)))
    return out


def _parse_term(body: str, where: str) -> CodeTerm | None:
    """The inside of ``[...]``: ``CODE``, ``CODE <date``, ``CODE >date``, ``CODE d1-d2``. None for ``---``."""
    parts = body.split(None, 1)
    if not parts:
        raise ResourceError("empty code '[]': write a CAMEO code such as [USAGOV]", path=where, code="E412")
    code = parts[0].split("/")[0].upper()  # "ELR/GAL": alternatives, the first one is the code
    if not _CODE_RE.match(code):
        raise ResourceError(f"code {parts[0]!r} is not a CAMEO code", path=where, code="E412")
    rest = parts[1].replace(" ", "") if len(parts) > 1 else ""
    if code in {"---", "+++", "###"}:
        return None  # PETRARCH's null codes: the phrase is known but deliberately uncoded
    try:
        if not rest:
            return CodeTerm(code)
        if rest[0] == "<":
            return CodeTerm(code, end=parse_cameo_date(rest[1:]))
        if rest[0] == ">":
            return CodeTerm(code, start=parse_cameo_date(rest[1:]))
        first, sep, second = rest.partition("-")
        if sep:
            start, end = parse_cameo_date(first), parse_cameo_date(second)
            if end < start:
                raise ValueError(rest)
            return CodeTerm(code, start=start, end=end)
    except ValueError:
        pass
    raise ResourceError(
        f"date restriction {rest!r} cannot be read: use <YYMMDD, >YYMMDD or YYMMDD-YYMMDD",
        path=where, code="E413",
    )


def _codes_in(text: str, where: str) -> tuple[list[CodeTerm], str]:
    """All ``[...]`` groups of a line, and the text before the first one."""
    if text.count("[") != text.count("]"):
        raise ResourceError("unbalanced '[' ']' in a code", path=where, code="E412")
    head = text.split("[", 1)[0]
    terms: list[CodeTerm] = []
    for body in re.findall(r"\[([^\]]*)\]", text):
        term = _parse_term(body, where)
        if term is not None:
            terms.append(term)
    return terms, head


def load_cameo_actors(path: str | Path, *, strict: bool = True) -> list[CameoActorEntry]:
    """Read a CAMEO/PETRARCH ``.actors.txt`` file.

    ``strict=False`` skips unreadable code lines instead of raising (used only by the generator of our
    packaged data, whose 2014 sources hold a few broken dates such as ``2004017``).
    """
    path = Path(path)
    entries: list[CameoActorEntry] = []
    pending: list[tuple[str, int]] = []  # roots (with their line) waiting for codes
    synonyms: dict[str, list[str]] = {}
    terms: list[CodeTerm] = []
    has_codes = False

    def flush() -> None:
        nonlocal pending, terms, has_codes
        for root, line in pending:
            entries.append(CameoActorEntry(root, tuple(synonyms.get(root, ())), tuple(terms), line))
        pending, terms, has_codes = [], [], False

    for n, line in _logical_lines(path, "E411"):
        where = f"{path}:{n}"
        try:
            if line[0] in " \t" and line.strip().startswith("["):  # a code line of the current block
                if not pending:
                    raise ResourceError("code line before any actor phrase", path=where, code="E414")
                found, _ = _codes_in(line.strip(), where)
                terms.extend(found)
                has_codes = True
                continue
            stripped = line.strip()
            if stripped.startswith("+"):
                if not pending:
                    raise ResourceError("synonym '+' line before any actor phrase", path=where, code="E414")
                found, head = _codes_in(stripped[1:], where)
                phrase = _phrase(head)
                if phrase:
                    synonyms.setdefault(pending[-1][0], []).append(phrase)
                terms.extend(found)
                has_codes = has_codes or bool(found)
                continue
            if stripped.startswith("["):
                raise ResourceError("code without an actor phrase", path=where, code="E414")
            if has_codes:
                flush()
            found, head = _codes_in(stripped, where)
            phrase = _phrase(head)
            if not phrase:
                raise ResourceError("actor line without a phrase", path=where, code="E414")
            pending.append((phrase, n))
            terms.extend(found)
            has_codes = has_codes or bool(found)
        except ResourceError:
            if strict:
                raise
    if pending:
        flush()
    return entries


def _plurals(word: str) -> list[str]:
    """Regular plurals of the last word, as PETRARCH forms them (S, IES after consonant+Y, ES after S/SH/CH/X)."""
    low = word.lower()
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        return [word[:-1] + ("IES" if word.isupper() else "ies")]
    if low.endswith(("s", "sh", "ch", "x", "z")):
        return [word + ("ES" if word.isupper() else "es")]
    return [word + ("S" if word.isupper() else "s")]


def load_cameo_agents(path: str | Path, *, strict: bool = True) -> list[AgentEntry]:
    """Read a CAMEO/PETRARCH ``.agents.txt`` file, expanding substitution sets and plurals."""
    path = Path(path)
    subst: dict[str, list[str]] = {}
    out: list[AgentEntry] = []
    for n, line in _logical_lines(path, "E411"):
        where = f"{path}:{n}"
        stripped = line.strip()
        try:
            if stripped.startswith("!") and "=" in stripped and "[" not in stripped:
                marker, _, values = stripped.partition("=")
                name = marker.strip().strip("!")
                if not name or not values.strip():
                    raise ResourceError("substitution set needs '!NAME! = A, B'", path=where, code="E415")
                subst[name] = [v.strip() for v in values.split(",") if v.strip()]
                continue
            m = re.match(r"^(?P<phrase>[^{\[]+?)\s*(\{(?P<plural>[^}]*)\})?\s*\[\s*(?P<code>[^\]]*?)\s*\]\s*$",
                         stripped)
            if not m:
                raise ResourceError("agent line must be 'PHRASE {PLURAL} [~CODE]'", path=where, code="E415")
            code = m.group("code").replace(" ", "")
            if "~" not in code or not re.match(r"^~?[A-Za-z0-9]+~?$", code):
                raise ResourceError(f"agent code {code!r} needs a '~' (e.g. [~GOV] or [NGO~])",
                                    path=where, code="E415")
            phrases = [m.group("phrase")]
            if "!" in phrases[0]:
                mk = re.search(r"!([^!]+)!", phrases[0])
                if not mk or mk.group(1) not in subst:
                    raise ResourceError(f"unknown substitution marker in {phrases[0]!r}", path=where, code="E415")
                phrases = [phrases[0].replace(mk.group(0), v) for v in subst[mk.group(1)]]
                plural_given: str | None = ""  # substituted forms get no extra plurals (PETRARCH)
            else:
                plural_given = m.group("plural")
            for raw in phrases:
                words = _phrase(raw).split()
                if not words:
                    raise ResourceError("agent line without a phrase", path=where, code="E415")
                out.append(AgentEntry(" ".join(words), code.upper(), n))
                if plural_given is None:
                    for plural in _plurals(words[-1]):
                        out.append(AgentEntry(" ".join(words[:-1] + [plural]), code.upper(), n))
                elif plural_given:
                    out.append(AgentEntry(_phrase(plural_given), code.upper(), n))
        except ResourceError:
            if strict:
                raise
    return out
