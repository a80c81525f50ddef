"""The rule engine of the event coder: argument roles and transformations read from ``data/events/rules/``.

A rule file (TOML) declares *programs* and *rules* (the format is documented in ``data/events/README.md``):

- a **program** is an ordered list of rules run on one trigger: ``mode = "all"`` runs every rule that applies,
  in priority order (the argument programs: each rule fills a role the rules before it left empty), ``"first"``
  stops at the first rule that applies (transformations, and *finders*: a finder is a program whose rules
  return a role, called by name from other rules with ``resolve = "chain:NAME"``);
- a **rule** has a dependency pattern in spaCy ``DependencyMatcher`` syntax anchored at a named node
  (``trigger``; ``content``/``governor`` for transformations; ``source``/``target`` for the token an argument was
  found at), conditions on the trigger's state (``when``/``any``/``require``), and an effect: the role it fills
  (``assign`` with ``take``/``resolve``/``role``) or a list of ``effects``.

Word classes in patterns and conditions are written ``"@family.key"`` and expanded from the vocabulary
(:func:`eventwire.vocabulary.words`) when the file is loaded. Python the rules may name (parse repairs, the
recursive finders, predicates over entities) is registered in one table, :data:`eventwire.events.hooks.HOOKS`.

Loading validates every rule; a problem raises :class:`~eventwire.errors.ResourceError` naming the file and the
rule: E443 unreadable file or bad schema, E444 bad pattern, E445 unknown word class, E446 unknown hook, program or
chain, E447 missing examples, E448 duplicate rule name, E449 bad condition or effect.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ResourceError
from ..vocabulary import words
from .arguments import Found, actors_of, role_only_of
from .modality import CODE_MAPS, recode
from .statements import circumstance_clause

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .trigger import Trigger

# ------------------------------------------------------------------------------------------ schema

ANCHORS = frozenset({"trigger", "content", "governor", "source", "target", "node"})
SLOTS = frozenset({"source", "target"})
RULE_KEYS = frozenset({
    "name", "program", "priority", "why", "pattern", "patterns", "absent", "when", "any", "require", "governor",
    "assign", "take", "resolve", "role", "sector_role", "shallow", "with_by", "first", "final", "stop", "effects",
    "repair", "examples",
})
RESOLVERS = frozenset({"actors", "sector-only", "actors-or-sector-only"})
EXTENSIONS = frozenset({"mention"})
RELATIONS = frozenset({">", "<", ">>", "<<", ">--", ">++", ".", ";", "$++", "$--"})
# the attributes of a trigger's reading (tested once per reading and program, see Rulebook._candidates)
READING_ATTRS = frozenset({"kind", "type", "lemma", "cameo", "pattern", "pattern_word", "dep"})
# the attributes of a trigger's state: its reading's, and what the rules before have set
STATE_ATTRS = READING_ATTRS | {"note", "source", "target"}
GOVERNORS = frozenset({"governing", "head"})
EXAMPLE_RE = re.compile(r"^(none|[A-Z]+ (?:[A-Z]{3}|-) (?:[A-Z]{3}|-))$")
TEMPLATE_RE = re.compile(r"\{([a-z_]+)(?:\.([a-z_]+))?\}")
PREDICATE_RE = re.compile(r"^(not )?([a-z-]+)\(([a-z_., ]*)\)$")

Bindings = dict[str, "Token"]


class RuleError(ResourceError):
    """A rule file that cannot be used (E443–E449)."""


def _fail(code: str, where: str, rule: str, problem: str) -> RuleError:
    return RuleError(f"rule {rule!r}: {problem}", path=where, code=code)


# ------------------------------------------------------------------------------------------ compiled parts


@dataclass(frozen=True, slots=True)
class Node:
    """One node of a dependency pattern: its name, how it hangs on an earlier node, and its token test."""

    name: str
    left: str | None
    op: str | None
    test: Callable[[Token, Any], bool]


@dataclass(frozen=True, slots=True)
class Template:
    """A role label or note with ``{node.attr}``, ``{role}`` and ``{code}`` fields."""

    parts: tuple[tuple[str, str | None, str | None], ...]  # (literal, field, attr)

    def render(self, bindings: Mapping[str, Token], role: str = "", code: str = "") -> str:
        out = []
        for literal, name, attr in self.parts:
            out.append(literal)
            if name is not None:
                out.append(_field(bindings, name, attr, role, code))
        return "".join(out)


def _field(bindings: Mapping[str, Token], name: str, attr: str | None, role: str, code: str) -> str:
    if name == "role":
        return role
    if name == "code":
        return code
    tok = bindings[name]
    return {"lower": tok.lower_, "lemma": tok.lemma_, "dep": tok.dep_, "text": tok.text}[attr or "text"]


@dataclass(frozen=True, slots=True)
class Condition:
    """A test of one role's state (``trigger.target = "none"``); ``negated`` for a ``not`` key; ``hit`` tells
    whether a trigger's state is among the values."""

    role: str
    attr: str
    values: frozenset[str]
    negated: bool
    hit: Callable[[Any, Any], bool]


@dataclass(frozen=True, slots=True)
class Predicate:
    """A named Python test (:data:`~eventwire.events.hooks.HOOKS`) over roles and slots."""

    name: str
    args: tuple[str, ...]
    negated: bool


@dataclass(frozen=True, slots=True)
class Effect:
    """One change a transformation makes (``absorb``, ``set``, ``code``, ``reverse``, ``note``, ``call``)."""

    op: str
    target: str
    value: str = ""
    template: Template | None = None
    guard: Predicate | None = None


@dataclass(frozen=True, slots=True)
class Example:
    """An original sentence, the event it gives ("TYPE SRC TGT", countries or "-"; "none": no event), and whether
    the rule fires on it (a positive example) or not (a negative one)."""

    text: str
    expect: str
    fires: bool


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule of a program (see the module docstring and ``data/events/README.md``)."""

    name: str
    program: str
    priority: int
    why: str
    where: str
    patterns: tuple[tuple[Node, ...], ...]
    absent: tuple[Node, ...] = ()
    when: tuple[Condition, ...] = ()
    any_of: tuple[tuple[tuple[Condition, ...], tuple[Predicate, ...]], ...] = ()
    require: tuple[Predicate, ...] = ()
    governor: str = "governing"
    assign: str | None = None
    take: str | None = None
    resolve: str | None = None
    role: Template | None = None
    sector_role: Template | None = None
    shallow: bool = False
    with_by: bool = False
    first: bool = False
    final: bool = False
    stop: bool = False
    effects: tuple[Effect, ...] = ()
    repair: str | None = None
    examples: tuple[Example, ...] = ()
    # set when loaded (parse_rule): a pattern anchored at the token a role was found at (``source``/``target``);
    # the pattern is the bare anchor (no relation, no attribute, nothing absent, no repair)
    slot_anchored: bool = False
    anchor_only: bool = False
    gate: Callable[[Any], bool] | None = None  # the conditions compiled (``when``, ``any``, ``require``) …
    static: tuple[Condition, ...] = ()  # … but those on the trigger's reading, tested apart
    anchor_tests: tuple[tuple[str, Callable[[Token, Any], bool]], ...] = ()  # first nodes that test their token


@dataclass(frozen=True, slots=True)
class Program:
    name: str
    mode: str  # "all" | "first"
    why: str
    rules: tuple[Rule, ...] = ()


@dataclass(slots=True)
class Context:
    """What the rules of one sentence share: its mentions, its triggers by token, and the coder's lookups."""

    index: Any  # arguments.MentionIndex
    by_tok: dict[int, Trigger]
    type_of: Callable[[str], str | None]
    lexicon: Any  # lexicon.Lexicon
    book: Rulebook
    hooks: Mapping[str, Any]
    trace: list[str] | None = None
    # (program, trigger reading) -> the program's rules whose conditions on the reading hold: kept by the caller
    # across sentences (the reading's kind, code, lemma, pattern and dependency do not change in an argument program)
    memo: dict[tuple[str, ...], tuple[Rule, ...]] | None = None


@dataclass(slots=True)
class Scene:
    """What a rule is applied to: the triggers in their roles, the anchored tokens, and the context."""

    roles: dict[str, Trigger]
    anchors: dict[str, Token]
    ctx: Any
    outer: Mapping[str, Token] = field(default_factory=dict)


# ------------------------------------------------------------------------------------------ loading


def rules_folder() -> Path:
    return Path(str(files("eventwire") / "data" / "events" / "rules"))


@lru_cache(maxsize=1)
def load_rulebook() -> Rulebook:
    """Every rule file of ``data/events/rules/``, validated (cached: the files are read once)."""
    tables = []
    for path in sorted(rules_folder().glob("*.toml")):
        try:
            tables.append((str(path), tomllib.loads(path.read_text(encoding="utf-8"))))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise RuleError(f"cannot read the rule file: {exc}", path=str(path), code="E443") from exc
    return parse_rulebook(tables)


def parse_rulebook(tables: Sequence[tuple[str, dict[str, Any]]]) -> Rulebook:
    """Validate loaded rule tables (``(where, table)`` pairs) and build the rulebook."""
    from .hooks import HOOKS

    declared: dict[str, tuple[str, str]] = {}
    raw_rules: list[tuple[str, dict[str, Any]]] = []
    for where, table in tables:
        for name, prog in (table.get("programs") or {}).items():
            if not isinstance(prog, dict) or prog.get("mode") not in ("all", "first") or not prog.get("why"):
                raise RuleError(f"program {name!r} needs a mode ('all' or 'first') and a 'why'", path=where,
                                code="E443")
            declared[name] = (str(prog["mode"]), str(prog["why"]))
        raw_rules += [(where, raw) for raw in table.get("rule", [])]
    rules: list[Rule] = []
    seen: set[str] = set()
    for where, raw in raw_rules:
        rule = parse_rule(raw, where, declared, HOOKS)
        if rule.name in seen:
            raise _fail("E448", where, rule.name, "the name is used by another rule")
        seen.add(rule.name)
        rules.append(rule)
    _check_chains(rules, declared)
    programs = {name: Program(name, mode, why, tuple(sorted((r for r in rules if r.program == name),
                                                            key=lambda r: -r.priority)))
                for name, (mode, why) in declared.items()}
    return Rulebook(programs)


def _check_chains(rules: Sequence[Rule], declared: Mapping[str, tuple[str, str]]) -> None:
    for r in rules:
        if r.resolve and r.resolve.startswith("chain:"):
            chain = r.resolve.removeprefix("chain:")
            if chain not in declared or declared[chain][0] != "first":
                raise _fail("E446", r.where, r.name, f"unknown chain {chain!r} (a program with mode 'first')")


def parse_rule(raw: dict[str, Any], where: str, programs: Mapping[str, tuple[str, str]],
               hooks: Mapping[str, Any]) -> Rule:
    """One rule, validated (see the module docstring for the error codes)."""
    name = str(raw.get("name") or "?")
    _check_header(raw, where, name, programs)
    examples = _examples(raw, where, name)
    patterns = _patterns(raw, where, name)
    fields = _semantics(raw, where, name, hooks, patterns)
    fields.update(_shortcuts(fields, patterns))
    return Rule(name=name, program=str(raw["program"]), priority=int(raw["priority"]), why=str(raw["why"]),
                where=where, patterns=patterns, examples=examples, **fields)


def _check_header(raw: dict[str, Any], where: str, name: str, programs: Mapping[str, tuple[str, str]]) -> None:
    """Fail unless the rule uses only known keys, has a name, an integer priority and a why, and belongs to a
    declared program."""
    unknown = set(raw) - RULE_KEYS
    if unknown:
        raise _fail("E443", where, name, f"unknown keys {sorted(unknown)}")
    if not isinstance(raw.get("name"), str) or not isinstance(raw.get("priority"), int) or not raw.get("why"):
        raise _fail("E443", where, name, "needs a 'name', an integer 'priority' and a 'why'")
    if raw.get("program") not in programs:
        raise _fail("E446", where, name, f"unknown program {raw.get('program')!r}")


def _shortcuts(fields: dict[str, Any], patterns: tuple[tuple[Node, ...], ...]) -> dict[str, Any]:
    """What lets the engine try a rule cheaply: whether it is anchored at a found source or target, whether its
    anchor alone decides it, the tests of its anchors, its conditions on the trigger's reading (tested once per
    reading), and one gate of its other conditions."""
    out: dict[str, Any] = {"slot_anchored": any(p[0].name in SLOTS for p in patterns),
                           "anchor_only": _anchor_only(fields, patterns)}
    if all(p[0].test is not _ANY for p in patterns):
        out["anchor_tests"] = tuple((p[0].name, p[0].test) for p in patterns)
    out["static"] = tuple(c for c in fields["when"] if c.role == "trigger" and c.attr in READING_ATTRS)
    dynamic = tuple(c for c in fields["when"] if c not in out["static"])
    if dynamic or fields["any_of"] or fields["require"]:
        out["gate"] = _gate(dynamic, fields["any_of"], fields["require"])
    return out


def _anchor_only(fields: dict[str, Any], patterns: tuple[tuple[Node, ...], ...]) -> bool:
    """Does the rule apply wherever its anchor is: one pattern of one untested node, nothing that must be absent,
    and no parse repair?"""
    return len(patterns) == 1 and len(patterns[0]) == 1 and patterns[0][0].test is _ANY \
        and not fields["absent"] and fields["repair"] is None


def _examples(raw: dict[str, Any], where: str, name: str) -> tuple[Example, ...]:
    items = raw.get("examples")
    if not isinstance(items, list) or not all(isinstance(e, dict) and set(e) == {"text", "expect", "fires"}
                                              and isinstance(e["fires"], bool) for e in items):
        raise _fail("E447", where, name, "needs 'examples': a list of {text, expect, fires}")
    out = tuple(Example(str(e["text"]), str(e["expect"]), bool(e["fires"])) for e in items)
    for e in out:
        if not EXAMPLE_RE.match(e.expect):
            raise _fail("E447", where, name, f"example expectation {e.expect!r} is not 'none' or 'TYPE SRC TGT'")
    if not any(e.fires for e in out) or all(e.fires for e in out):
        raise _fail("E447", where, name, "needs a positive (fires = true) and a negative (fires = false) example")
    return out


def _patterns(raw: dict[str, Any], where: str, name: str) -> tuple[tuple[Node, ...], ...]:
    if "pattern" in raw and "patterns" in raw:
        raise _fail("E444", where, name, "give 'pattern' or 'patterns', not both")
    alternatives = raw.get("patterns") if "patterns" in raw else [raw.get("pattern")]
    if not isinstance(alternatives, list) or not alternatives or any(not isinstance(p, list) or not p
                                                                     for p in alternatives):
        raise _fail("E444", where, name, "needs a 'pattern': a list of DependencyMatcher nodes")
    return tuple(compile_pattern(p, where, name) for p in alternatives)


def compile_pattern(nodes: list[Any], where: str, name: str, *, anchored: bool = True,
                    known: frozenset[str] = frozenset()) -> tuple[Node, ...]:
    """DependencyMatcher node dicts → :class:`Node` tuple. The first node of an ``anchored`` pattern names an
    anchor (``trigger``, ``content``, ``governor``, ``source`` or ``target``) and has no ``LEFT_ID``."""
    out: list[Node] = []
    names = set(known)
    for k, raw in enumerate(nodes):
        if not isinstance(raw, dict) or not isinstance(raw.get("RIGHT_ID"), str):
            raise _fail("E444", where, name, f"node {k + 1} needs a RIGHT_ID")
        right = raw["RIGHT_ID"]
        if right in names and right not in ANCHORS:
            raise _fail("E444", where, name, f"node {right!r} is named twice")
        test = _node_test(raw.get("RIGHT_ATTRS", {}), where, name)
        if k == 0 and anchored:
            if right not in ANCHORS or "LEFT_ID" in raw:
                raise _fail("E444", where, name, f"the first node must be an anchor {sorted(ANCHORS)}")
            out.append(Node(right, None, None, test))
        else:
            left, op = raw.get("LEFT_ID"), raw.get("REL_OP")
            if left not in names or op not in RELATIONS:
                raise _fail("E444", where, name, f"node {right!r}: LEFT_ID must name an earlier node and REL_OP be "
                                                 f"one of {sorted(RELATIONS)}")
            out.append(Node(right, left, op, test))
        names.add(right)
    return tuple(out)


def _expand(values: Any, where: str, name: str) -> frozenset[str]:
    """A list of values, or a word class ``"@family.key"`` (also as a list member), expanded."""
    items = values if isinstance(values, list) else [values]
    out: set[str] = set()
    for v in items:
        if not isinstance(v, str):
            raise _fail("E444", where, name, f"value {v!r} is not a string")
        if v.startswith("@"):
            try:
                out |= words(v[1:])
            except ResourceError:
                raise _fail("E445", where, name, f"unknown word class {v!r}") from None
        else:
            out.add(v)
    return frozenset(out)


def _ANY(tok: Token, ctx: Any) -> bool:
    """The test of a pattern node with no attributes: any token."""
    return True


def _node_test(attrs: Any, where: str, name: str) -> Callable[[Token, Any], bool]:
    if not isinstance(attrs, dict) or set(attrs) - (set(_GETTERS) | {"_"}):
        raise _fail("E444", where, name, f"RIGHT_ATTRS keys must be among {sorted(_GETTERS)} or '_'")
    checks: list[Callable[[Token, Any], bool]] = []
    for key, spec in attrs.items():
        if key == "_":
            checks += [_extension_check(ext, value, where, name) for ext, value in spec.items()]
        else:
            checks.append(_attr_check(key, spec, where, name))
    if not checks:
        return _ANY
    if len(checks) == 1:
        return checks[0]
    return _all_of(checks)


_GETTERS: dict[str, Callable[[Token], str]] = {
    "ORTH": attrgetter("text"), "LOWER": attrgetter("lower_"), "LEMMA": lambda t: t.lemma_.lower(),
    "DEP": attrgetter("dep_"), "TAG": attrgetter("tag_"), "POS": attrgetter("pos_"),
}


def _attr_check(key: str, spec: Any, where: str, name: str) -> Callable[[Token, Any], bool]:
    get = _GETTERS[key]
    if isinstance(spec, str) and not spec.startswith("@"):
        return lambda tok, ctx: get(tok) == spec
    if isinstance(spec, dict) and len(spec) == 1 and next(iter(spec)) in ("IN", "NOT_IN"):
        op, values = next(iter(spec.items()))
        allowed = _expand(values, where, name)
        if op == "IN":
            return lambda tok, ctx: get(tok) in allowed
        return lambda tok, ctx: get(tok) not in allowed
    raise _fail("E444", where, name, f"{key}: a value or {{IN/NOT_IN: [...]}} expected, not {spec!r}")


def _all_of(checks: Sequence[Callable[[Token, Any], bool]]) -> Callable[[Token, Any], bool]:
    """One token test from several (all must pass), with no generator per token."""
    if len(checks) == 2:
        a, b = checks
        return lambda tok, ctx: a(tok, ctx) and b(tok, ctx)

    def test(tok: Token, ctx: Any) -> bool:
        for check in checks:
            if not check(tok, ctx):
                return False
        return True

    return test


def _extension_check(ext: str, value: Any, where: str, name: str) -> Callable[[Token, Any], bool]:
    if ext not in EXTENSIONS or not isinstance(value, bool):
        raise _fail("E444", where, name, f"'_' attributes: {sorted(EXTENSIONS)} with true/false")
    return lambda tok, ctx: (ctx.index.at(tok.i) is not None) == value


def _conditions(spec: Any, where: str, name: str) -> tuple[Condition, ...]:
    if not isinstance(spec, dict):
        raise _fail("E449", where, name, "conditions must be a table of 'role.attr' = value(s)")
    out = []
    for key, value in spec.items():
        negated = key.startswith("not ")
        role, _, attr = key.removeprefix("not ").partition(".")
        if role not in ANCHORS or attr not in STATE_ATTRS:
            raise _fail("E449", where, name, f"condition {key!r}: role.attr with attr in {sorted(STATE_ATTRS)}")
        values = frozenset(v.lower() for v in _expand(value, where, name))
        out.append(Condition(role, attr, values, negated, _state_test(attr, values, where, name)))
    return tuple(out)


SLOT_STATES = frozenset({"none", "some", "sector-only", "group"})


def _text_test(values: frozenset[str]) -> Callable[[str], bool]:
    """Equal to a value, or starting with a value's text before its final ``*``."""
    prefixes = tuple(v[:-1] for v in values if v.endswith("*"))
    return lambda text: text in values or (bool(prefixes) and text.startswith(prefixes))


def _state_test(attr: str, values: frozenset[str], where: str, name: str) -> Callable[[Any, Any], bool]:
    """The test of one attribute of a trigger's state against a condition's values."""
    if attr in SLOTS:
        return _slot_test(attr, values, where, name)
    if attr == "cameo":
        if any(len(v) < 2 or not v.isdigit() for v in values):
            raise _fail("E449", where, name, "cameo conditions are code prefixes of two digits or more")
        prefixes = tuple(values)
        return lambda t, ctx: t.cameo.startswith(prefixes)
    if attr == "type":
        return lambda t, ctx: (ctx.type_of(t.cameo) or "none").lower() in values
    if attr == "pattern_word":
        return lambda t, ctx: any(w.lower() in values for w in t.reading.pattern.split())
    test = _text_test(values)
    getter: dict[str, Callable[[Any], str]] = {
        "kind": lambda t: t.kind, "lemma": lambda t: t.reading.lemma, "note": lambda t: t.note or "none",
        "pattern": lambda t: t.reading.pattern, "dep": lambda t: t.tok.dep_}
    get = getter[attr]
    return lambda t, ctx: test(get(t).lower())


def _slot_test(attr: str, values: frozenset[str], where: str, name: str) -> Callable[[Any, Any], bool]:
    """A test of a found argument: ``none``, ``some``, ``sector-only`` (named by its sector alone), ``group``, or
    its role label (``role:LABEL``, ``role:PREFIX*``)."""
    roles = frozenset(v.removeprefix("role:") for v in values if v.startswith("role:"))
    if values - SLOT_STATES - {v for v in values if v.startswith("role:")}:
        raise _fail("E449", where, name, f"{attr} is one of {sorted(SLOT_STATES)} or 'role:LABEL'")
    if values == {"none"}:
        return (lambda t, ctx: t.source is None) if attr == "source" else (lambda t, ctx: t.target is None)
    if values == {"some"}:
        return (lambda t, ctx: t.source is not None) if attr == "source" else (lambda t, ctx: t.target is not None)
    role_test = _text_test(roles)
    none, some = "none" in values, "some" in values
    sector, group = "sector-only" in values, "group" in values

    def test(t: Any, ctx: Any) -> bool:
        found = getattr(t, attr)
        if found is None:
            return none
        return some or (sector and "sector only" in found.role) or (group and found.group) or (
            bool(roles) and role_test(found.role.lower()))

    return test


def _group(spec: Any, where: str, name: str, hooks: Mapping[str, Any]) -> tuple[tuple[Condition, ...],
                                                                         tuple[Predicate, ...]]:
    """One alternative of ``any``: conditions, and predicates under its ``require`` key."""
    if not isinstance(spec, dict):
        raise _fail("E449", where, name, "each alternative of 'any' is a table of conditions")
    conditions = {k: v for k, v in spec.items() if k != "require"}
    return _conditions(conditions, where, name), tuple(_predicate(p, where, name, hooks)
                                                       for p in spec.get("require", []))


def _predicate(text: Any, where: str, name: str, hooks: Mapping[str, Any]) -> Predicate:
    m = PREDICATE_RE.match(str(text))
    if m is None or m.group(2) not in hooks or hooks[m.group(2)].kind != "predicate":
        raise _fail("E446", where, name, f"unknown predicate {text!r}")
    args = tuple(a.strip() for a in m.group(3).split(",") if a.strip())
    return Predicate(m.group(2), args, bool(m.group(1)))


def _template(text: Any, where: str, name: str, nodes: frozenset[str] | None) -> Template | None:
    if text is None:
        return None
    parts: list[tuple[str, str | None, str | None]] = []
    pos = 0
    for m in TEMPLATE_RE.finditer(str(text)):
        field_name, attr = m.group(1), m.group(2)
        if nodes is not None and field_name not in nodes | ANCHORS | {"role", "code"}:
            raise _fail("E449", where, name, f"template field {m.group(0)} names no node of the pattern")
        parts.append((str(text)[pos:m.start()], field_name, attr))
        pos = m.end()
    parts.append((str(text)[pos:], None, None))
    return Template(tuple(parts))


def _semantics(raw: dict[str, Any], where: str, name: str, hooks: Mapping[str, Any],
               patterns: tuple[tuple[Node, ...], ...]) -> dict[str, Any]:
    nodes = frozenset(n.name for p in patterns for n in p)
    # a finder's rule (assign = "result") may also name the nodes of the rule that calls it
    fields = nodes if raw.get("assign") != "result" else None
    out: dict[str, Any] = {
        "when": _conditions(raw.get("when", {}), where, name),
        "any_of": tuple(_group(c, where, name, hooks) for c in raw.get("any", [])),
        "require": tuple(_predicate(p, where, name, hooks) for p in raw.get("require", [])),
        "absent": compile_pattern(raw.get("absent", []), where, name, anchored=False, known=nodes),
        "role": _template(raw.get("role"), where, name, fields),
        "sector_role": _template(raw.get("sector_role"), where, name, fields),
    }
    for flag in ("shallow", "with_by", "first", "final", "stop"):
        out[flag] = bool(raw.get(flag, False))
    out["governor"] = str(raw.get("governor", "governing"))
    if out["governor"] not in GOVERNORS:
        raise _fail("E449", where, name, f"governor must be one of {sorted(GOVERNORS)}")
    out.update(_finding(raw, where, name, hooks, nodes))
    out["effects"] = tuple(_effect(e, where, name, hooks, nodes) for e in raw.get("effects", []))
    if out["assign"] is None and not out["effects"]:
        raise _fail("E449", where, name, "needs an 'assign' (the role it fills) or 'effects'")
    return out


def _finding(raw: dict[str, Any], where: str, name: str, hooks: Mapping[str, Any],
             nodes: frozenset[str]) -> dict[str, Any]:
    assign, take, resolve, repair = raw.get("assign"), raw.get("take"), raw.get("resolve"), raw.get("repair")
    if assign is not None and assign not in SLOTS | {"result"}:
        raise _fail("E449", where, name, "assign must be 'source', 'target' or 'result'")
    if (take is None) != (resolve is None) or (assign is not None and resolve is None):
        raise _fail("E449", where, name, "'take' (a node) and 'resolve' go together, and 'assign' needs them")
    if take is not None and take not in nodes:
        raise _fail("E449", where, name, f"take {take!r} names no node of the pattern")
    if resolve is not None:
        _check_resolver(str(resolve), raw, where, name, hooks)
    if repair is not None and (repair not in hooks or hooks[repair].kind != "repair"):
        raise _fail("E446", where, name, f"unknown repair {repair!r}")
    return {"assign": assign, "take": take, "resolve": resolve, "repair": repair}


def _check_resolver(resolve: str, raw: dict[str, Any], where: str, name: str, hooks: Mapping[str, Any]) -> None:
    known = resolve in RESOLVERS or resolve.startswith("chain:") or (
        resolve in hooks and hooks[resolve].kind == "finder")
    if not known:
        raise _fail("E446", where, name, f"unknown resolver {resolve!r}")
    if resolve == "actors-or-sector-only" and raw.get("sector_role") is None:
        raise _fail("E449", where, name, "'actors-or-sector-only' needs a 'sector_role'")


EFFECT_OPS = frozenset({"absorb", "set", "code", "reverse", "note", "call", "keep"})
# the values an effect may give, for the effects with a closed set
EFFECT_VALUES = {"absorb": frozenset({"content", "governor"}), "reverse": frozenset({"none"}),
                 "keep": frozenset({"both"})}


def _effect(raw: Any, where: str, name: str, hooks: Mapping[str, Any], nodes: frozenset[str]) -> Effect:
    if not isinstance(raw, dict) or len(set(raw) & EFFECT_OPS) != 1:
        raise _fail("E449", where, name, f"an effect has exactly one of {sorted(EFFECT_OPS)}: {raw!r}")
    op = next(k for k in raw if k in EFFECT_OPS)
    target = str(raw[op])
    if set(raw) - {op, "from", "role", "if"}:
        raise _fail("E449", where, name, f"unknown keys in effect {raw!r}")
    if op in EFFECT_VALUES and target not in EFFECT_VALUES[op]:
        raise _fail("E449", where, name, f"{op} names one of {sorted(EFFECT_VALUES[op])}, not {target!r}")
    _check_effect(op, target, str(raw.get("from", "")), where, name, hooks)
    guard = _predicate(raw["if"], where, name, hooks) if "if" in raw else None
    template = _template(raw["note"] if op == "note" else raw.get("role"), where, name, nodes)
    return Effect(op, target, str(raw.get("from", "")), template, guard)


def _check_effect(op: str, target: str, source: str, where: str, name: str, hooks: Mapping[str, Any]) -> None:
    if op == "set":
        _check_set(target, source, where, name)
    elif op == "code" and target not in code_map_names():
        raise _fail("E449", where, name, f"unknown code map {target!r}")
    elif op == "call" and (target not in hooks or hooks[target].kind != "effect"):
        raise _fail("E446", where, name, f"unknown effect hook {target!r}")


def code_map_names() -> frozenset[str]:
    return frozenset(CODE_MAPS)


def _check_set(target: str, source: str, where: str, name: str) -> None:
    role, _, slot = target.partition(".")
    if role not in ANCHORS or slot not in SLOTS:
        raise _fail("E449", where, name, f"set {target!r}: role.source or role.target")
    if source not in ("found", "none"):
        r2, _, s2 = source.partition(".")
        if r2 not in ANCHORS or s2 not in SLOTS:
            raise _fail("E449", where, name, f"from {source!r}: 'found', 'none' or role.slot")


# ------------------------------------------------------------------------------------------ matching


def _related(op: str, tok: Token) -> Iterable[Token]:
    """Tokens in relation ``op`` to ``tok`` (DependencyMatcher semantics), in document order."""
    if op == ">":
        return tok.children
    if op == "<":
        return (tok.head,) if tok.head.i != tok.i else ()
    if op == ">--":
        return tok.lefts
    if op == ">++":
        return tok.rights
    if op == ">>":
        return [t for t in tok.subtree if t.i != tok.i]
    return _related_far(op, tok)


def _related_far(op: str, tok: Token) -> list[Token]:
    if op == "<<":
        return list(tok.ancestors)
    if op == ".":
        return [tok.doc[tok.i + 1]] if tok.i + 1 < len(tok.doc) else []
    if op == ";":
        return [tok.doc[tok.i - 1]] if tok.i > 0 else []
    if tok.head.i == tok.i:  # "$++", "$--": siblings
        return []
    return [s for s in tok.head.children if (s.i > tok.i if op == "$++" else s.i < tok.i)]


def match(nodes: Sequence[Node], anchors: Mapping[str, Token], ctx: Any) -> list[Bindings]:
    """Every binding of ``nodes`` (depth first in node order, candidates in document order); a node named like an
    anchor is that anchored token."""
    first = nodes[0]
    out: list[Bindings] = []
    bound = dict(anchors)
    if first.left is None:
        tok = anchors.get(first.name)
        if tok is None or not first.test(tok, ctx):
            return out
        bound[first.name] = tok
        _extend(nodes, 1, bound, anchors, ctx, out)
    else:
        _extend(nodes, 0, bound, anchors, ctx, out)
    return out


def _extend(nodes: Sequence[Node], k: int, bound: dict[str, Token], anchors: Mapping[str, Token], ctx: Any,
            out: list[Bindings]) -> None:
    """Bind node ``k`` and the nodes after it (``bound`` is extended and restored), each full binding to ``out``."""
    if k == len(nodes):
        out.append(dict(bound))
        return
    node = nodes[k]
    left = bound[str(node.left)]
    fixed = anchors.get(node.name)
    if fixed is not None:
        # an anchored node: test the relation to it, not every token in that relation
        if _related_to(str(node.op), left, fixed) and node.test(fixed, ctx):
            _extend(nodes, k + 1, bound, anchors, ctx, out)
        return
    for cand in _related(str(node.op), left):
        if node.test(cand, ctx):
            bound[node.name] = cand
            _extend(nodes, k + 1, bound, anchors, ctx, out)
    bound.pop(node.name, None)


def _related_to(op: str, left: Token, right: Token) -> bool:
    """Is ``right`` in relation ``op`` to ``left``?"""
    if op == ">":
        return right.head.i == left.i and right.i != left.i
    if op == ">>":
        return right.i != left.i and any(a.i == left.i for a in right.ancestors)
    return any(t.i == right.i for t in _related(op, left))


def bindings(rule: Rule, anchors: Mapping[str, Token], ctx: Any) -> list[Bindings]:
    """The rule's bindings over its alternative patterns, in order, without those an ``absent`` node allows."""
    repair = ctx.hooks[rule.repair].fn if rule.repair else None
    out = []
    for nodes in rule.patterns:
        for b in match(nodes, anchors, ctx):
            if rule.absent and _exists(rule.absent, b, ctx):
                continue
            if repair is not None and not repair(b, ctx):
                continue
            out.append(b)
    return out


def _exists(nodes: Sequence[Node], bound: Bindings, ctx: Any) -> bool:
    """Do ``nodes`` (hanging on the bound ones) match at all?"""
    found: list[Bindings] = []
    _extend(nodes, 0, dict(bound), bound, ctx, found)
    return bool(found)


# ------------------------------------------------------------------------------------------ state conditions


def _holds(c: Condition, scene: Scene) -> bool:
    trigger = scene.roles.get(c.role)
    if trigger is None:
        return c.negated
    return c.hit(trigger, scene.ctx) != c.negated


def _arg(scene: Scene, arg: str) -> Any:
    role, _, slot = arg.partition(".")
    trigger = scene.roles.get(role)
    if not slot:
        return trigger
    return None if trigger is None else getattr(trigger, slot)


def test_predicate(p: Predicate, scene: Scene) -> bool:
    value = scene.ctx.hooks[p.name].fn(*(_arg(scene, a) for a in p.args), scene.ctx)
    return bool(value) != p.negated


def applies(rule: Rule, scene: Scene) -> bool:
    """Do the rule's conditions on the triggers' state hold (before its pattern is matched)?"""
    return _all_hold(rule.static, (), scene) and (rule.gate is None or rule.gate(scene))


def _gate(when: Sequence[Condition], any_of: Sequence[tuple[tuple[Condition, ...], tuple[Predicate, ...]]],
          require: Sequence[Predicate]) -> Callable[[Scene], bool]:
    """The rule's conditions as one test of a scene (looked up for every trigger: kept to few calls). Whether the
    trigger has a source or a target is read directly."""
    presence = tuple((c.attr == "source", (c.values == {"none"}) != c.negated, c.negated) for c in when
                     if c.role == "trigger" and c.attr in SLOTS and c.values in ({"none"}, {"some"}))
    checks = tuple((c.role, c.hit, c.negated) for c in when
                   if not (c.role == "trigger" and c.attr in SLOTS and c.values in ({"none"}, {"some"})))

    def gate(scene: Scene) -> bool:
        roles, ctx = scene.roles, scene.ctx
        if presence:
            t = roles.get("trigger")
            for is_source, want_none, negated in presence:
                if (negated if t is None else ((t.source if is_source else t.target) is None) == want_none) is False:
                    return False
        for role, hit, negated in checks:
            trigger = roles.get(role)
            if (negated if trigger is None else hit(trigger, ctx) != negated) is False:
                return False
        if require and not _all_hold((), require, scene):
            return False
        return not any_of or any(_all_hold(conds, preds, scene) for conds, preds in any_of)

    return gate


def _all_hold(conditions: Sequence[Condition], predicates: Sequence[Predicate], scene: Scene) -> bool:
    for c in conditions:
        if not _holds(c, scene):
            return False
    for p in predicates:
        if not test_predicate(p, scene):
            return False
    return True


# ------------------------------------------------------------------------------------------ resolving


def relabel(found: Found | None, role: str) -> Found | None:
    return None if found is None else Found(found.actors, role, found.group, found.token)


def resolve(rule: Rule, b: Bindings, scene: Scene) -> Found | None:
    """The actors of the rule's ``take`` node, by its resolver, labelled by its ``role`` template."""
    tok = b[str(rule.take)]
    ctx = scene.ctx
    how = str(rule.resolve)
    if how in ("actors", "actors-or-sector-only"):
        role = rule.role.render(b) if rule.role else tok.dep_
        found = actors_of(tok, ctx.index, role, with_by=rule.with_by, shallow=rule.shallow)
        if found is None and how == "actors-or-sector-only" and rule.sector_role is not None:
            found = role_only_of(tok, ctx.index, rule.sector_role.render(b))
        return found
    if how == "sector-only":
        return role_only_of(tok, ctx.index, rule.role.render(b) if rule.role else tok.dep_)
    if how.startswith("chain:"):
        inner = Scene(scene.roles, {"node": tok}, ctx, b)
        return ctx.book.find(how.removeprefix("chain:"), inner)
    found = ctx.hooks[how].fn(tok, ctx)
    return relabel(found, rule.role.render(b, found.role)) if found is not None and rule.role else found


def _anchor_may_match(rule: Rule, scene: Scene) -> bool:
    """A cheap test first: does an anchored first node of one of the rule's patterns accept its token?"""
    for name, test in rule.anchor_tests:
        tok = scene.anchors.get(name)
        if tok is None or test(tok, scene.ctx):
            return True
    return False


def _anchors(scene: Scene) -> Mapping[str, Token]:
    """The scene's anchored tokens, with the tokens the trigger's source and target were found at."""
    trigger = scene.roles.get("trigger")
    if trigger is None:
        return scene.anchors
    out = dict(scene.anchors)
    doc = trigger.tok.doc
    for slot in ("source", "target"):
        found = getattr(trigger, slot)
        if found is not None and 0 <= found.token < len(doc):
            out[slot] = doc[found.token]
    return out


def find(rule: Rule, scene: Scene) -> tuple[Bindings | None, Found | None]:
    """(binding, found): the binding that found actors (else the first binding; None: no binding at all) and
    the actors of its ``take`` node (only the first binding is tried with ``first``)."""
    if rule.anchor_only and rule.patterns[0][0].name in scene.anchors:
        full = {**scene.outer, **scene.anchors} if scene.outer else scene.anchors
        return full, (resolve(rule, full, scene) if rule.take is not None else None)
    first: Bindings | None = None
    anchors = _anchors(scene) if rule.slot_anchored else scene.anchors
    for b in bindings(rule, anchors, scene.ctx):
        full = {**scene.outer, **b}
        first = first or full
        if rule.take is None:
            return full, None
        found = resolve(rule, full, scene)
        if found is not None or rule.first:
            return full, found
    return first, None


# ------------------------------------------------------------------------------------------ effects


def _set(e: Effect, scene: Scene, found: Found | None, b: Bindings) -> None:
    role, _, slot = e.target.partition(".")
    if e.value == "found":
        value = found
    elif e.value == "none":
        value = None
    else:
        value = _arg(scene, e.value)
    if value is not None and e.template is not None:
        value = relabel(value, e.template.render(b, value.role))
    setattr(scene.roles[role], slot, value)


def apply_effects(rule: Rule, scene: Scene, found: Found | None, b: Bindings) -> None:
    trigger = scene.roles.get("trigger") or scene.roles.get("content")
    for e in rule.effects:
        if e.guard is not None and not test_predicate(e.guard, scene):
            continue
        if e.op == "absorb":
            scene.roles[e.target].absorbed = True
        elif e.op == "set":
            _set(e, scene, found, b)
        elif e.op == "code" and trigger is not None:
            trigger.cameo = recode(e.target, trigger.cameo)
        elif e.op == "reverse" and trigger is not None:
            trigger.reverse = None
        elif e.op == "note" and trigger is not None and e.template is not None:
            trigger.note = e.template.render(b, code=trigger.cameo)
        elif e.op == "call":
            scene.ctx.hooks[e.target].fn(scene, scene.ctx)


# ------------------------------------------------------------------------------------------ running


@dataclass(frozen=True, slots=True)
class Rulebook:
    """The loaded programs, by name."""

    programs: dict[str, Program]

    def rules(self) -> list[Rule]:
        return [r for p in self.programs.values() for r in p.rules]

    def run(self, program: str, scene: Scene) -> None:
        """Run a program of argument rules or transformations on one scene."""
        prog = self.programs[program]
        first = prog.mode == "first"
        for rule in self._candidates(prog, scene):
            # (the cheap tests inline: this loop runs for every trigger)
            if rule.anchor_tests and not _anchor_may_match(rule, scene):
                continue
            if rule.gate is not None and not rule.gate(scene):
                continue
            if self._apply(rule, scene) and (first or rule.stop):
                return

    @staticmethod
    def _candidates(prog: Program, scene: Scene) -> Sequence[Rule]:
        """The program's rules whose conditions on the trigger's reading hold (remembered per reading in the
        context's memo, when there is one)."""
        trigger = scene.roles.get("trigger")
        memo = scene.ctx.memo
        if trigger is None:
            return prog.rules
        key = (prog.name, trigger.kind, trigger.cameo, trigger.reading.lemma, trigger.reading.pattern, trigger.tok.dep_)
        rules = memo.get(key) if memo is not None else None
        if rules is None:
            rules = tuple(r for r in prog.rules if _all_hold(r.static, (), scene))
            if memo is not None:
                memo[key] = rules
        return rules

    def find(self, program: str, scene: Scene) -> Found | None:
        """Run a finder chain: the first rule that finds actors (or a ``final`` rule that matched) answers."""
        for rule in self.programs[program].rules:
            if not applies(rule, scene):
                continue
            b, found = find(rule, scene)
            if found is not None or (b is not None and rule.final):
                _trace(scene, rule)
                return found
        return None

    def transform(self, program: str, content: Trigger, ctx: Context) -> None:
        """Run a program of transformations on one trigger as the ``content`` of the trigger that governs it
        (the nearest trigger above through clause edges, or for ``governor = "head"`` the trigger at its head)."""
        scenes: dict[str, Scene | None] = {}
        for rule in self.programs[program].rules:
            if rule.governor not in scenes:
                gov = governor_of(content, rule.governor, ctx)
                scenes[rule.governor] = None if gov is None else Scene(
                    {"content": content, "governor": gov}, {"content": content.tok, "governor": gov.tok}, ctx)
            scene = scenes[rule.governor]
            if scene is not None and self._try(rule, scene):
                return

    def arguments(self, program: str, trigger: Trigger, ctx: Context) -> None:
        """Run an argument program on one trigger (its found roles are anchors too: ``source``, ``target``)."""
        self.run(program, Scene({"trigger": trigger}, {"trigger": trigger.tok}, ctx))

    def _try(self, rule: Rule, scene: Scene) -> bool:
        """Apply ``rule`` if it applies; True if it did."""
        if (rule.anchor_tests and not _anchor_may_match(rule, scene)) or not applies(rule, scene):
            return False
        return self._apply(rule, scene)

    def _apply(self, rule: Rule, scene: Scene) -> bool:
        """Apply ``rule``, whose conditions hold, if its pattern matches (and, for a role, finds actors)."""
        b, found = find(rule, scene)
        if b is None or (rule.assign is not None and found is None):
            return False
        if rule.assign in SLOTS:
            setattr(scene.roles["trigger"], str(rule.assign), found)
        apply_effects(rule, scene, found, b)
        _trace(scene, rule)
        return True


# the dependencies a content clause hangs on its governing trigger by ("urged X *to withdraw*", "signed *a treaty*")
CLAUSE_EDGES = frozenset(words("events_dependencies.clause_edges"))


def governor_of(content: Trigger, how: str, ctx: Context) -> Trigger | None:
    """The trigger that governs ``content``: at its head (``head``), or the nearest one above it through clause
    edges, crossing no conjunction or relative clause and no circumstance clause (``governing``)."""
    if how == "head":
        return ctx.by_tok.get(content.tok.head.i)
    cur = content.tok
    if _shares_infinitive(cur):
        cur = cur.head  # "urged Russia to withdraw and hold talks": one complement, whatever its first verb is
    crossed: list[str] = []
    for _ in range(6):
        if cur.dep_ not in CLAUSE_EDGES or cur.head.i == cur.i or circumstance_clause(cur):
            return None  # "…, as Tehran rejected the offer": a circumstance, no content of what is above
        crossed.append(cur.dep_)
        cur = cur.head
        if cur.i in ctx.by_tok:
            return None if "conj" in crossed or "relcl" in crossed else ctx.by_tok[cur.i]
    return None


def _shares_infinitive(tok: Token) -> bool:
    """A bare verb coordinated with a to-infinitive complement ("to lift the ban and establish a dialogue") is part
    of that complement: it has no subject, tense or "to" of its own."""
    head = tok.head
    return (tok.dep_ == "conj" and tok.tag_ == "VB" and head.dep_ in ("xcomp", "advcl", "ccomp")
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in tok.children)
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children))


def _trace(scene: Scene, rule: Rule) -> None:
    if scene.ctx.trace is not None:
        scene.ctx.trace.append(rule.name)
