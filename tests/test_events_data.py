"""The event trigger data: the CAMEO verbs-format reader, our TSV tables, the lexicon and user verbs."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.errors import ResourceError
from eventwire.events.cameo_format import read_verb_dictionary, read_word_tsv, split_code
from eventwire.events.lexicon import load_lexicon, norm, read_codes
from eventwire.models import Actor, Mention

VERBS = """\
<!-- a small verbs file in the CAMEO format, written for these tests -->
&WARES_
+GRAIN
+SALT

--- TICKLE  [173]  ---
TICKLE  # a default code from the block
NUDGE {NUDGED NUDGING} [051]
+HAND_OVER {+HANDED_OVER} [070]
- * &WARES  [071]   # a synset (its name has a trailing underscore)
- * (TO BORDER) [154:043]
- * FEATHER [---]

--- WOBBLE  [---]  ---
WOBBLE
- * LOUDLY [140]
"""


@pytest.fixture()
def verbs_file(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.verbs.txt"
    path.write_text(VERBS, encoding="utf-8")
    return path


def test_cameo_format_reads_words_patterns_and_synsets(verbs_file: Path) -> None:
    d = read_verb_dictionary(verbs_file)
    words = {w.lemma: w for w in d.words}
    assert words["tickle"].cameo == "173" and words["nudge"].cameo == "051"
    assert words["nudge"].forms == ("nudged", "nudging")
    assert words["hand"].post == ((("over",),),) and words["hand"].cameo == "070"
    assert words["wobble"].cameo is None
    by_code = {p.cameo: p for p in d.patterns}
    assert by_code["071"].post == ((("grain",), ("salt",)),)
    assert by_code["154:043"].post == ((("to",),), (("border",),))
    assert None in by_code  # "[---]": the pattern codes no event
    assert d.synsets["&WARES"] == (("grain",), ("salt",))


def test_cameo_format_split_code() -> None:
    assert split_code("042:043") == ("042", "043")
    assert split_code("190") == ("190", None)


def test_cameo_format_errors(tmp_path: Path) -> None:
    with pytest.raises(ResourceError) as missing:
        read_verb_dictionary(tmp_path / "absent.txt")
    assert missing.value.code == "E431"
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing here\n", encoding="utf-8")
    with pytest.raises(ResourceError) as no_block:
        read_verb_dictionary(empty)
    assert no_block.value.code == "E432"
    bad = tmp_path / "bad.tsv"
    bad.write_text("kind\tlemma\nverb\tvisit\n", encoding="utf-8")
    with pytest.raises(ResourceError) as columns:
        read_word_tsv(bad)
    assert columns.value.code == "E433" and "columns" in columns.value.message


def test_code_table_plover_readings() -> None:
    codes = read_codes()
    assert (codes["042"].plover_type, codes["042"].mode) == ("CONSULT", "visit")
    assert codes["057"].plover_type == "SUPPORT" and codes["057"].goldstein == 8.0
    assert codes["163"].plover_type == "SANCTION"
    assert codes["1823"].plover_type == "ASSAULT" and codes["190"].quad_class == 4
    assert codes["0211"].plover_type == "REQUEST"  # CAMEO appeals are PLOVER requests
    assert codes["010"].plover_type is None  # statements are no events


def test_lexicon_readings_prefer_specific_and_curated() -> None:
    lex = load_lexicon()
    visit = lex.read("verb", "arrive", [], ["in", "pyongyang"])
    assert visit is not None and visit.cameo == "042" and "curated" in visit.origin
    sign = lex.read("verb", "sign", [], [norm(w) for w in ["a", "peace", "treaty"]])
    assert sign is not None and sign.cameo == "057:057"  # mutual: both parties sign
    deploy = lex.read("verb", "deploy", [], ["troop"])
    assert deploy is not None and deploy.cameo == "154"  # not CAMEO's one-word "&MILITARY" → 062
    said = lex.lemmas("said", "say", "verb")
    assert said and all(lex.is_never(lemma) for lemma in said)
    assert "visited" in lex.trigger_forms and "talks" in lex.trigger_forms
    assert "said" not in lex.trigger_forms and "was" not in lex.trigger_forms


def test_lexicon_user_verbs_add_or_replace(verbs_file: Path) -> None:
    added = load_lexicon([str(verbs_file)], replace=False)
    assert added.read("verb", "tickle", [], []).cameo == "173"
    assert added.read("verb", "visit", [], []).cameo == "042"
    replaced = load_lexicon([str(verbs_file)], replace=True)
    assert replaced.read("verb", "visit", [], []) is None
    assert replaced.read("verb", "tickle", [], ["grain"]).cameo == "071"
    assert replaced.read("verb", "tickle", [], ["feather"]).cameo is None


def _mention(doc, start: int, end: int, code: str) -> Mention:  # type: ignore[no-untyped-def]
    span = doc[start:end]
    return Mention(0, span.start_char, span.end_char, start, end, span.text,
                   Actor(span.text, code=code, country=code[:3]), "test")


def test_user_verb_dictionary_codes_events(verbs_file: Path, parsed_article) -> None:  # type: ignore[no-untyped-def]
    from eventwire.events import EventCoder

    analysed = parsed_article("Chile tickled Peru.")
    doc = analysed.docs[0]
    ready = dataclasses.replace(analysed, mentions=(_mention(doc, 0, 1, "CHL"), _mention(doc, 2, 3, "PER")))
    assert EventCoder(Settings()).__call__(ready).events == ()  # "tickle" is no event of ours
    coder = EventCoder(Settings(verbs=(str(verbs_file),)))
    (event,) = coder(ready).events
    assert (event.type.value, event.cameo, event.source.code, event.target.code) == ("COERCE", "173", "CHL", "PER")
    assert "tiny.verbs.txt" in event.evidence


def test_hand_built_mentions_visit_and_metonym(parsed_article) -> None:  # type: ignore[no-untyped-def]
    from eventwire.events import EventCoder

    analysed = parsed_article("The envoy of Chile arrived in Lima on Sunday.")
    doc = analysed.docs[0]
    ready = dataclasses.replace(analysed, mentions=(_mention(doc, 3, 4, "CHL"), _mention(doc, 6, 7, "PER")))
    (event,) = EventCoder(Settings())(ready).events
    assert (event.type.value, event.mode, event.source.code, event.target.code) == ("CONSULT", "visit", "CHL", "PER")
    assert "pobj:in" in event.evidence


def test_every_event_noun_reads_a_verb_of_the_lexicon() -> None:
    # nominalisations.tsv: each noun takes its verb's readings; a verb the lexicon lacks would silently give none
    from pathlib import Path

    from eventwire.events.lexicon import NOMINALISATIONS, _data_dir, load_lexicon, read_nominalisations

    rows = read_nominalisations(Path(str(_data_dir() / NOMINALISATIONS)))
    lexicon = load_lexicon()
    assert rows
    for noun, verb, needs in rows:
        assert lexicon.lemmas(verb, verb, "verb") == [verb], verb
        assert needs, noun
        assert lexicon.lemmas(noun, noun, "noun"), noun


def test_event_nouns_file_errors_name_the_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from eventwire.errors import ResourceError
    from eventwire.events.lexicon import read_nominalisations

    bad = tmp_path / "nouns.tsv"
    bad.write_text("noun\tverb\tneeds\twhy\nexpulsion\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="line 2"):
        read_nominalisations(bad)
