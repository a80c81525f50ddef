"""The certainty lexicon: word lists from ``data/certainty/lexicon.toml``, loaded once per tagger.

The file's format is documented in ``data/certainty/README.md``; every list becomes a frozenset of
lower-case strings so that the rules only ever ask "is this lemma in that class?".
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..errors import ResourceError
from ..models import Status

LEXICON_VERSION = 1


@dataclass(frozen=True, slots=True)
class StatusWords:
    future_modals: frozenset[str]
    hypothetical_modals: frozenset[str]
    reported_future_modals: frozenset[str]
    planned_governors: frozenset[str]
    complement_only_governors: frozenset[str]
    intended_governors: frozenset[str]
    negated_governors: frozenset[str]
    hypothetical_governors: frozenset[str]
    ongoing_governors: frozenset[str]
    assembly_governors: frozenset[str]
    speech_progressives: frozenset[str]
    yet_auxiliaries: frozenset[str]
    obligation_governors: frozenset[str]
    ongoing_predicates: frozenset[str]
    negated_phrasal: frozenset[str]
    planned_phrasal: frozenset[str]
    planned_modifiers: frozenset[str]
    intended_modifiers: frozenset[str]
    hypothetical_modifiers: frozenset[str]
    ongoing_modifiers: frozenset[str]
    occurred_modifiers: frozenset[str]
    time_nouns: frozenset[str]
    possessive_time_words: frozenset[str]
    negated_modifiers: frozenset[str]
    negating_determiners: frozenset[str]
    negating_adverbs: frozenset[str]
    future_time_words: frozenset[str]
    calendar_words: frozenset[str]
    conditional_markers: frozenset[str]
    conditional_phrases: frozenset[str]
    circumstance_prepositions: frozenset[str]
    historical_present_sections: frozenset[str]
    circumstance_status: MappingProxyType[str, Status]

    def governor_class(self, lemma: str) -> Status | None:
        """The status a governing word gives its complement ("vow" → intended), or None."""
        # Order matters where a word sits in two lists: a refusal outranks an intent.
        if lemma in self.negated_governors:
            return Status.NEGATED
        if lemma in self.hypothetical_governors:
            return Status.HYPOTHETICAL
        if lemma in self.planned_governors:
            return Status.PLANNED
        if lemma in self.intended_governors:
            return Status.INTENDED
        if lemma in self.ongoing_governors:
            return Status.ONGOING
        return None

    def modifier_class(self, word: str) -> Status | None:
        """The status a modifier gives a nominal event ("planned visit" → planned), or None."""
        if word in self.negated_modifiers:
            return Status.NEGATED
        if word in self.planned_modifiers:
            return Status.PLANNED
        if word in self.intended_modifiers:
            return Status.INTENDED
        if word in self.hypothetical_modifiers:
            return Status.HYPOTHETICAL
        if word in self.ongoing_modifiers:
            return Status.ONGOING
        if word in self.occurred_modifiers:
            return Status.OCCURRED
        return None


@dataclass(frozen=True, slots=True)
class CertaintyWords:
    reporting_verbs: frozenset[str]
    assertive_verbs: frozenset[str]
    doubtful_verbs: frozenset[str]
    accusation_verbs: frozenset[str]
    source_object_verbs: frozenset[str]
    non_speaker_subjects: frozenset[str]
    accusation_prepositions: frozenset[str]
    addressee_object_verbs: frozenset[str]
    evidential_nouns: frozenset[str]
    source_prepositions: frozenset[str]
    content_prepositions: frozenset[str]
    report_quantifiers: frozenset[str]
    generic_evidential_nouns: frozenset[str]
    doubtful_nouns: frozenset[str]
    denial_verbs: frozenset[str]
    denial_of_report_verbs: frozenset[str]
    denial_nouns: frozenset[str]
    refusal_objects: frozenset[str]
    reported_adverbs: frozenset[str]
    unconfirmed_adverbs: frozenset[str]
    reported_modifiers: frozenset[str]
    unconfirmed_modifiers: frozenset[str]
    unconfirmed_adjectives: frozenset[str]
    confirmation_verbs: frozenset[str]
    confirmation_correlatives: frozenset[str]
    negative_subjects: frozenset[str]
    negative_subject_determiners: frozenset[str]
    evidence_nouns: frozenset[str]
    anaphoric_subjects: frozenset[str]
    claim_nouns: frozenset[str]
    pointing_determiners: frozenset[str]
    media_words: frozenset[str]
    media_sectors: frozenset[str]
    headline_tag_separators: frozenset[str]
    headline_tag_words: frozenset[str]
    anonymous_words: frozenset[str]
    self_reference_words: frozenset[str]
    reporting_prefixes: frozenset[str]


@dataclass(frozen=True, slots=True)
class CertaintyLexicon:
    status: StatusWords
    certainty: CertaintyWords
    source: str  # where it was read from, for messages


def default_lexicon_path() -> Any:
    """The packaged lexicon (a Traversable, readable from a wheel or a zip)."""
    return files("eventwire") / "data" / "certainty" / "lexicon.toml"


def _word_set(table: dict[str, Any], key: str, where: str) -> frozenset[str]:
    value = table.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ResourceError(
            f"certainty lexicon {where}: [{key}] must be a list of strings; see data/certainty/README.md",
            code="E471",
        )
    return frozenset(v.strip().lower() for v in value)


def _build(cls: type, table: dict[str, Any], section: str, where: str, **extra: Any) -> Any:
    values = {f.name: _word_set(table, f.name, f"{where} [{section}]") for f in fields(cls) if f.name not in extra}
    return cls(**values, **extra)


def load_lexicon(path: str | Path | None = None) -> CertaintyLexicon:
    """Read and check the lexicon (the packaged one unless ``path`` is given)."""
    source = default_lexicon_path() if path is None else Path(path)
    where = str(source)
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except (OSError, FileNotFoundError) as exc:
        raise ResourceError(
            f"cannot read the certainty lexicon {where}: reinstall eventwire (pip install -e .)", code="E470"
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ResourceError(f"certainty lexicon {where} is not valid TOML: {exc}", code="E471") from exc
    if data.get("version") != LEXICON_VERSION:
        raise ResourceError(
            f"certainty lexicon {where} has version {data.get('version')!r}, expected {LEXICON_VERSION}",
            code="E472",
        )
    status_table = data.get("status") or {}
    raw_circ = status_table.get("circumstance_status") or {}
    try:
        circumstance = MappingProxyType({str(k).lower(): Status(v) for k, v in raw_circ.items()})
    except ValueError as exc:
        raise ResourceError(f"certainty lexicon {where}: bad [status.circumstance_status]: {exc}", code="E471") from exc
    status = _build(StatusWords, status_table, "status", where, circumstance_status=circumstance)
    certainty = _build(CertaintyWords, data.get("certainty") or {}, "certainty", where)
    return CertaintyLexicon(status=status, certainty=certainty, source=where)
