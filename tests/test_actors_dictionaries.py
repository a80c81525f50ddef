"""CAMEO/PETRARCH dictionary formats: our readers, user dictionaries on top of or instead of ours."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.actors import ActorResolver, load_cameo_actors, load_cameo_agents
from eventwire.actors.benchmark import build_article
from eventwire.actors.titles import split_cameo_code
from eventwire.config import Settings
from eventwire.errors import ResourceError

ACTORS = """\
<!-- a small dictionary of our own, in the PETRARCH format -->
FREEDONIA_  [FRD]
+FREEDONIAN
+FREEDONIANS

SYLVANIA [SYL] # a comment
BARTOLO_MENDEZ_
+PRESIDENT_MENDEZ
\t[FRDELI <950101]
\t[FRDGOV 950101-991231]
\t[FRDOPP >20000101]
RUFUS_T._FIREFLY
\t[---]
"""
AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN
HARBOUR_PILOT [~BUS]
MILITIA!PERSON! [~PRM]
SHEEP {} [~AGR]
GOOSE {GEESE} [~AGR]
BANKER [~BUS]
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_actors_cameo_actor_reader(tmp_path: Path) -> None:
    entries = {e.name: e for e in load_cameo_actors(write(tmp_path, "a.actors.txt", ACTORS))}
    assert entries["FREEDONIA"].synonyms == ("FREEDONIAN", "FREEDONIANS")
    assert [t.code for t in entries["FREEDONIA"].terms] == ["FRD"]
    mendez = entries["BARTOLO MENDEZ"]
    assert [t.code for t in mendez.terms] == ["FRDELI", "FRDGOV", "FRDOPP"]
    assert mendez.terms[0].end == date(1995, 1, 1)
    assert mendez.terms[1].valid_on(date(1997, 5, 1))
    assert mendez.terms[2].start == date(2000, 1, 1)
    assert entries["RUFUS T. FIREFLY"].terms == ()  # [---]: known, deliberately uncoded


def test_actors_cameo_agent_reader(tmp_path: Path) -> None:
    agents = {(a.phrase, a.code) for a in load_cameo_agents(write(tmp_path, "a.agents.txt", AGENTS))}
    assert ("HARBOUR PILOTS", "~BUS") in agents  # regular plural
    assert ("MILITIAMEN", "~PRM") in agents and ("MILITIAWOMAN", "~PRM") in agents  # substitution set
    assert ("SHEEPS", "~AGR") not in agents  # {} = no plural
    assert ("GEESE", "~AGR") in agents


@pytest.mark.parametrize(
    ("text", "code", "where"),
    [
        ("FREEDONIA [FRD]\n\t[FRDGOV 95010-991231]\n", "E413", ":2"),
        ("FREEDONIA [FRD\n", "E412", ":1"),
        ("+FREEDONIAN\n", "E414", ":1"),
        ("FREEDONIA [FRD]\n\t[FRDGOV 991231-950101]\n", "E413", ":2"),
    ],
)
def test_actors_malformed_actor_lines_name_file_and_line(tmp_path: Path, text: str, code: str, where: str) -> None:
    path = write(tmp_path, "bad.actors.txt", text)
    with pytest.raises(ResourceError) as err:
        load_cameo_actors(path)
    assert err.value.code == code
    assert f"bad.actors.txt{where}" in str(err.value)


@pytest.mark.parametrize("line", ["BANKER ~BUS", "BANKER [BUS]", "BANKER [~ENV}", "!NOPE!_MEN [~BUS]"])
def test_actors_malformed_agent_lines(tmp_path: Path, line: str) -> None:
    path = write(tmp_path, "bad.agents.txt", "BROKER [~BUS]\n" + line + "\n")
    with pytest.raises(ResourceError) as err:
        load_cameo_agents(path)
    assert err.value.code == "E415" and "bad.agents.txt:2" in str(err.value)


def test_actors_missing_dictionary_file(tmp_path: Path) -> None:
    with pytest.raises(ResourceError) as err:
        load_cameo_actors(tmp_path / "nope.txt")
    assert err.value.code == "E411"


def test_actors_split_cameo_codes() -> None:
    assert split_cameo_code("RUSGOVMIL")[:2] == ("RUS", "GOV")
    assert split_cameo_code("IGOUNOIAE")[:2] == ("UNO", None)
    assert split_cameo_code("USAMED")[:2] == ("USA", "JRN")  # CAMEO media is PLOVER JRN
    assert split_cameo_code("USAHLH")[:2] == ("USA", "MED")  # CAMEO health is PLOVER MED
    assert split_cameo_code("CIV")[:2] == ("CIV", None)  # Ivory Coast, not CAMEO "civilian"
    assert split_cameo_code("~CIV")[:2] == (None, "CVL")
    assert split_cameo_code("KSV")[:2] == ("KOS", None)


def test_actors_user_dictionary_on_top_of_ours(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(actors=(str(write(tmp_path, "fr.actors.txt", ACTORS)),),
                        agents=(str(write(tmp_path, "fr.agents.txt", AGENTS)),))
    resolver = ActorResolver(settings, nlp.vocab)
    text = "Bartolo Mendez met Freedonian bankers and Russian militiamen."
    ms = {m.text: m for m in resolver(build_article(nlp, text, date(1997, 1, 1))).mentions}
    assert ms["Bartolo Mendez"].actor.code == "FRDGOV"
    assert ms["Bartolo Mendez"].evidence == "user:fr.actors.txt"
    assert ms["Freedonian bankers"].actor.code == "FRDBUS"
    assert ms["Russian militiamen"].actor.code == "RUSPRM"  # our country, the user's agent
    later = {m.text: m for m in resolver(build_article(nlp, text, date(2003, 1, 1))).mentions}
    assert later["Bartolo Mendez"].actor.code == "FRDOPP"


def test_actors_user_dictionary_replaces_ours(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(actors=(str(write(tmp_path, "fr.actors.txt", ACTORS)),), replace_dictionaries=True)
    resolver = ActorResolver(settings, nlp.vocab)
    ms = resolver(build_article(nlp, "Freedonia and Russia met.", None)).mentions
    assert [m.text for m in ms] == ["Freedonia"]


def test_actors_malformed_user_dictionary_fails_at_load(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = write(tmp_path, "bad.actors.txt", "FREEDONIA [FRD]\n\t[FRDGOV 9501-991231]\n")
    with pytest.raises(ResourceError) as err:
        ActorResolver(Settings(actors=(str(bad),)), nlp.vocab)
    assert "bad.actors.txt:2" in str(err.value)


# --------------------------------------------------------------------------- PETRARCH validation files

@pytest.fixture(scope="module")
def petrarch(nlp, shared_dir):  # type: ignore[no-untyped-def]
    d = shared_dir / "eval" / "petrarch2"
    settings = Settings(actors=(str(d / "PETR.Validate.actors.txt"),), agents=(str(d / "PETR.Validate.agents.txt"),),
                        replace_dictionaries=True)
    return ActorResolver(settings, nlp.vocab)


def test_actors_petrarch_validation_dictionaries_load(shared_dir) -> None:  # type: ignore[no-untyped-def]
    d = shared_dir / "eval" / "petrarch2"
    actors = {e.name: e for e in load_cameo_actors(d / "PETR.Validate.actors.txt")}
    assert {"ARNOR", "GONDOR", "DAGOLATH", "GOLLUM"} <= set(actors)
    assert len(load_cameo_agents(d / "PETR.Validate.agents.txt")) > 100


@pytest.mark.parametrize(
    ("sentence", "day", "mention", "code"),
    [
        ("Arnor will restore ties with Gondor.", date(1995, 1, 1), "Arnor", "ARN"),
        ("Arnor will restore ties with Gondor.", date(1995, 1, 1), "Gondor", "GON"),
        ("Envoys met in Minas Tirith.", date(1995, 1, 1), "Minas Tirith", "GON"),
        ("Gollum was seen.", date(1994, 1, 1), "Gollum", "HOB"),
        ("Gollum was seen.", date(1997, 1, 1), "Gollum", "HOBGOV"),
        ("Smeagol was seen.", date(2001, 1, 1), "Smeagol", "HOBREB"),
        ("Dagolath police fired.", date(2000, 1, 1), "Dagolath police", "DAGCOP"),
        ("The Arnor foreign minister left.", date(2000, 1, 1), "Arnor foreign minister", "ARNGOV"),
    ],
)
def test_actors_petrarch_fictional_actors(petrarch, nlp, sentence: str, day: date, mention: str, code: str) -> None:  # type: ignore[no-untyped-def]
    ms = {m.text: m for m in petrarch(build_article(nlp, sentence, day)).mentions}
    assert ms[mention].actor.code == code


def test_one_office_held_in_several_states_is_coded_with_the_principal_state() -> None:
    # France's president is also co-prince of Andorra; a monarch reigns over several realms at once: the most
    # populous state is the principal one (and the order of the terms in the data does not matter)
    from datetime import date

    from eventwire.actors.lexicon import Entry

    for terms, day in (((("ANDGOV", "2017-01-01", None, "co-prince"), ("FRAGOV", "2017-01-01", None, "president")),
                        date(2024, 5, 1)),
                       ((("FRAGOV", "2017-01-01", None, "president"), ("ANDGOV", "2017-01-01", None, "co-prince")),
                        None)):
        entry = Entry(kind="person", name="A President", terms=terms, source="dictionary:person")
        term = entry.term_on(day)
        assert term is not None and term[0] == "FRAGOV"
