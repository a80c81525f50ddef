"""Title Case headlines are tagged and parsed from a sentence-cased copy; records keep the original text."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire import api
from eventwire.config import Settings, load_settings
from eventwire.evaluation.plover import SentenceChain
from eventwire.models import AnalysedArticle, Section
from eventwire.parse import known_names, sentence_cased, title_cased


def _words(text: str) -> list[str]:
    return text.split()


@pytest.fixture(scope="module")
def chain() -> SentenceChain:
    return SentenceChain(Settings())


@pytest.fixture(scope="module")
def pipeline():  # type: ignore[no-untyped-def]
    return api.build_pipeline(load_settings(environ={}))


def test_title_case_is_most_long_words_capitalised() -> None:
    assert title_cased(_words("Norway Expels Two Envoys Over Spying"))
    assert not title_cased(_words("Norway expelled two envoys over spying"))
    assert not title_cased(["Chile", "says"])


def test_sentence_cased_lowers_capitalised_words_but_names_acronyms_first_word_and_weekdays() -> None:
    words = _words("Rebels Free Twelve Hostages In Mali On Monday , UN Says")
    mali = words.index("Mali")
    assert sentence_cased(words, {mali}) == _words("Rebels free twelve hostages in Mali on Monday , UN says")
    # every word keeps its length: the copy's tokens map 1:1 onto the original's characters
    assert [len(w) for w in sentence_cased(words, {mali}) or []] == [len(w) for w in words]


def test_sentence_cased_leaves_ordinary_sentences_alone() -> None:
    assert sentence_cased(_words("Norway expelled two Russian envoys on Monday"), {0, 3}) is None
    assert sentence_cased(_words("UN SAYS TALKS FAIL")) is None  # all capitals: nothing to lower


def test_known_names_are_dictionary_names_not_the_verb_after_them(chain: SentenceChain) -> None:
    analysed = chain.prepare("Bolivia Expels Envoys Of Paraguay After Border Clash")
    words = [t.text for t in analysed.docs[0]]
    kept = {words[i] for i in known_names(analysed, 0, chain.actors.lexicon)}
    assert {"Bolivia", "Paraguay"} <= kept
    assert not kept & {"Expels", "Envoys", "Border", "Clash"}


@pytest.mark.parametrize(("headline", "trigger", "etype"), [
    ("Bolivia Expels Envoys Of Paraguay After Border Clash", "Expels", "SANCTION"),
    ("Kenya Accuses Uganda Of Arming Rebels", "Accuses", "ACCUSE"),
    ("Chile Recalls Ambassador From Peru Over Fishing Row", "Recalls", "SANCTION"),
])
def test_a_title_case_headline_gets_its_verb_event(chain: SentenceChain, headline: str, trigger: str,
                                                   etype: str) -> None:
    analysed = chain.run(headline)
    assert [(e.type.value, e.trigger) for e in analysed.events][:1] == [(etype, trigger)]


def test_the_parsed_doc_keeps_the_original_tokens(chain: SentenceChain) -> None:
    headline = "Bolivia Expels Envoys Of Paraguay After Border Clash"
    doc = chain.prepare(headline).docs[0]
    assert doc.text == headline
    assert [t.text for t in doc] == headline.split()
    assert [t.idx for t in doc] == [headline.index(w) for w in headline.split()]
    expels = doc[1]
    assert (expels.pos_, expels.dep_, expels.lemma_) == ("VERB", "ROOT", "expel")
    assert doc[0].head.i == 1 and doc[0].dep_ == "nsubj"


def test_parser_without_names_parses_the_text_as_written(chain: SentenceChain) -> None:
    headline = "Bolivia Expels Envoys Of Paraguay After Border Clash"
    (doc,) = chain.parser.parse([chain.parser.nlp.make_doc(headline)])
    (cased,) = chain.parser.parse([chain.parser.nlp.make_doc(headline)], [frozenset({0, 4})])
    assert [t.text for t in doc] == [t.text for t in cased]
    assert cased[1].pos_ == "VERB"
    assert [t.tag_ for t in doc] != [t.tag_ for t in cased]


def test_pipeline_headline_event_keeps_the_article_text(pipeline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.txt"
    path.write_text("Bolivia Expels Envoys Of Paraguay After Border Clash\n"
                    "Officials in La Paz spoke on Monday.\n-\nThe weather was mild.\n", encoding="utf-8")
    (item,) = list(api.extract([path], published="2025-06-17", pipeline=pipeline))
    assert isinstance(item, AnalysedArticle)
    headline = [e for e in item.events if e.section is Section.HEADLINE]
    assert [(e.type.value, e.trigger, e.source and e.source.country) for e in headline][:1] == [
        ("SANCTION", "Expels", "BOL")]
    event = headline[0]
    assert event.sentence == "Bolivia Expels Envoys Of Paraguay After Border Clash"
    index = next(s.index for s in item.sentences if s.section is Section.HEADLINE)
    assert [t.text for t in item.docs[index]] == event.sentence.split()
