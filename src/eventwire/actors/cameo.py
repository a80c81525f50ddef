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
from dataclasses import dataclass, field
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


@dataclass(slots=True)
class _ActorBlocks:
    """An actors file as it is read: roots waiting for their codes, their synonyms, the codes so far, and the
    entries closed. PETRARCH keeps a block open until a code arrives, so code-less roots share the codes of
    the next block that has one."""

    entries: list[CameoActorEntry] = field(default_factory=list)
    pending: list[tuple[str, int]] = field(default_factory=list)  # roots (with their line) waiting for codes
    synonyms: dict[str, list[str]] = field(default_factory=dict)
    terms: list[CodeTerm] = field(default_factory=list)
    has_codes: bool = False

    def flush(self) -> None:
        """Close the open block: every pending root becomes an entry with the block's codes."""
        for root, line in self.pending:
            synonyms = tuple(self.synonyms.get(root, ()))
            self.entries.append(CameoActorEntry(root, synonyms, tuple(self.terms), line))
        self.pending, self.terms, self.has_codes = [], [], False

    def read(self, line: str, n: int, where: str) -> None:
        """One logical line: a tab-indented code line, a ``+synonym`` line or a root phrase."""
        if line[0] in " \t" and line.strip().startswith("["):
            self._code_line(line.strip(), where)
            return
        stripped = line.strip()
        if stripped.startswith("+"):
            self._synonym_line(stripped, where)
            return
        if stripped.startswith("["):
            raise ResourceError("code without an actor phrase", path=where, code="E414")
        self._root_line(stripped, n, where)

    def _code_line(self, stripped: str, where: str) -> None:
        """``[CODE restriction]`` under a root: one more code of the open block."""
        if not self.pending:
            raise ResourceError("code line before any actor phrase", path=where, code="E414")
        found, _ = _codes_in(stripped, where)
        self.terms.extend(found)
        self.has_codes = True

    def _synonym_line(self, stripped: str, where: str) -> None:
        """``+SYNONYM [CODE]``: a synonym of the last root (and any codes it carries)."""
        if not self.pending:
            raise ResourceError("synonym '+' line before any actor phrase", path=where, code="E414")
        found, head = _codes_in(stripped[1:], where)
        phrase = _phrase(head)
        if phrase:
            self.synonyms.setdefault(self.pending[-1][0], []).append(phrase)
        self.terms.extend(found)
        self.has_codes = self.has_codes or bool(found)

    def _root_line(self, stripped: str, n: int, where: str) -> None:
        """A root phrase: it closes a block that has its codes, and waits for its own."""
        if self.has_codes:
            self.flush()
        found, head = _codes_in(stripped, where)
        phrase = _phrase(head)
        if not phrase:
            raise ResourceError("actor line without a phrase", path=where, code="E414")
        self.pending.append((phrase, n))
        self.terms.extend(found)
        self.has_codes = self.has_codes or bool(found)


def load_cameo_actors(path: str | Path, *, strict: bool = True) -> list[CameoActorEntry]:
    """Read a CAMEO/PETRARCH ``.actors.txt`` file.

    ``strict=False`` skips unreadable code lines instead of raising (used only by the generator of our
    packaged data, whose 2014 sources hold a few broken dates such as ``2004017``).
    """
    path = Path(path)
    blocks = _ActorBlocks()
    for n, line in _logical_lines(path, "E411"):
        try:
            blocks.read(line, n, f"{path}:{n}")
        except ResourceError:
            if strict:
                raise
    if blocks.pending:
        blocks.flush()
    return blocks.entries


def _plurals(word: str) -> list[str]:
    """Regular plurals of the last word, as PETRARCH forms them (S, IES after consonant+Y, ES after S/SH/CH/X)."""
    low = word.lower()
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        return [word[:-1] + ("IES" if word.isupper() else "ies")]
    if low.endswith(("s", "sh", "ch", "x", "z")):
        return [word + ("ES" if word.isupper() else "es")]
    return [word + ("S" if word.isupper() else "s")]


_AGENT_LINE = re.compile(
    r"^(?P<phrase>[^{\[]+?)\s*(\{(?P<plural>[^}]*)\})?\s*\[\s*(?P<code>[^\]]*?)\s*\]\s*$")
_AGENT_CODE = re.compile(r"^~?[A-Za-z0-9]+~?$")
_SUBSTITUTION_MARKER = re.compile(r"!([^!]+)!")


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
                name, values = _substitution_set(stripped, where)
                subst[name] = values
                continue
            _add_agents(out, stripped, subst, n, where)
        except ResourceError:
            if strict:
                raise
    return out


def _substitution_set(stripped: str, where: str) -> tuple[str, list[str]]:
    """``!PERSON! = MAN, MEN, …`` → ("PERSON", ["MAN", "MEN", …])."""
    marker, _, values = stripped.partition("=")
    name = marker.strip().strip("!")
    if not name or not values.strip():
        raise ResourceError("substitution set needs '!NAME! = A, B'", path=where, code="E415")
    return name, [v.strip() for v in values.split(",") if v.strip()]


def _agent_code(code: str, where: str) -> str:
    """The code of an agent line, upper case; it must carry a tilde (``~GOV`` or ``NGO~``)."""
    code = code.replace(" ", "")
    if "~" not in code or not _AGENT_CODE.match(code):
        raise ResourceError(f"agent code {code!r} needs a '~' (e.g. [~GOV] or [NGO~])", path=where,
                            code="E415")
    return code.upper()


def _agent_phrases(phrase: str, plural: str | None, subst: dict[str, list[str]],
                   where: str) -> tuple[list[str], str | None]:
    """The phrases of an agent line and its plural (None: the regular plurals; "": none). A substitution
    marker gives one phrase per value of its set, and those get no extra plurals (PETRARCH)."""
    if "!" not in phrase:
        return [phrase], plural
    mk = _SUBSTITUTION_MARKER.search(phrase)
    if not mk or mk.group(1) not in subst:
        raise ResourceError(f"unknown substitution marker in {phrase!r}", path=where, code="E415")
    return [phrase.replace(mk.group(0), v) for v in subst[mk.group(1)]], ""


def _add_agents(out: list[AgentEntry], stripped: str, subst: dict[str, list[str]], n: int,
                where: str) -> None:
    """The entries of one ``PHRASE {PLURAL} [~CODE]`` line, appended to ``out`` as they are read."""
    m = _AGENT_LINE.match(stripped)
    if not m:
        raise ResourceError("agent line must be 'PHRASE {PLURAL} [~CODE]'", path=where, code="E415")
    code = _agent_code(m.group("code"), where)
    phrases, plural_given = _agent_phrases(m.group("phrase"), m.group("plural"), subst, where)
    for raw in phrases:
        words = _phrase(raw).split()
        if not words:
            raise ResourceError("agent line without a phrase", path=where, code="E415")
        out.append(AgentEntry(" ".join(words), code, n))
        if plural_given is None:
            for plural in _plurals(words[-1]):
                out.append(AgentEntry(" ".join(words[:-1] + [plural]), code, n))
        elif plural_given:
            out.append(AgentEntry(_phrase(plural_given), code, n))
