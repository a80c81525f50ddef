"""The coreference scorer on tiny keys and responses whose values were worked out by hand (the working is
in each test's comments), with and without singletons, as the reference scorer v8.01 counts them."""

from __future__ import annotations

import pytest

from eventwire.evaluation.coref import b_cubed, ceaf_e, coref_scores, muc, without_singletons

# key {a b c} {d} {e f}; response {a b} {c d} {e} {f}
KEY = [frozenset("abc"), frozenset("d"), frozenset("ef")]
RESPONSE = [frozenset("ab"), frozenset("cd"), frozenset("e"), frozenset("f")]


def test_eval_coref_muc_with_singletons() -> None:
    # recall: {a b c} falls in 2 parts -> 3-2 = 1; {d} 0; {e f} in 2 parts -> 0; links needed 2+0+1 = 3
    # precision: {a b} one key part -> 1; {c d} two -> 0; singletons 0; links made 1+1 = 2
    assert muc(KEY, RESPONSE) == pytest.approx((1 / 3, 1 / 2))
    assert coref_scores(KEY, RESPONSE)["muc_f1"] == pytest.approx(0.4)


def test_eval_coref_b_cubed_with_singletons() -> None:
    # recall per mention: a 2/3, b 2/3, c 1/3, d 1, e 1/2, f 1/2 = 11/3 over 6 mentions
    # precision per mention: a 1, b 1, c 1/2, d 1/2, e 1, f 1 = 5 over 6
    assert b_cubed(KEY, RESPONSE) == pytest.approx((11 / 18, 5 / 6))
    assert coref_scores(KEY, RESPONSE)["b3_f1"] == pytest.approx(55 / 78)


def test_eval_coref_ceaf_e_with_singletons() -> None:
    # phi4: {abc}-{ab} 4/5, {abc}-{cd} 2/5, {d}-{cd} 2/3, {ef}-{e} 2/3, {ef}-{f} 2/3
    # best one-to-one: 4/5 + 2/3 + 2/3 = 32/15; recall over 3 key entities, precision over 4
    assert ceaf_e(KEY, RESPONSE) == pytest.approx((32 / 45, 8 / 15))
    scores = coref_scores(KEY, RESPONSE)
    assert scores["ceafe_f1"] == pytest.approx(64 / 105)
    assert scores["conll_f1"] == pytest.approx((0.4 + 55 / 78 + 64 / 105) / 3)


def test_eval_coref_without_singletons() -> None:
    key, response = without_singletons(KEY), without_singletons(RESPONSE)
    assert key == [frozenset("abc"), frozenset("ef")]
    assert response == [frozenset("ab"), frozenset("cd")]
    # MUC: twinless e, f, d are parts of their own: recall (1 + 0) / 3, precision (1 + 0) / 2
    assert muc(key, response) == pytest.approx((1 / 3, 1 / 2))
    # B3 recall: {abc}: |∩{ab}|²/3 + |∩{cd}|²/3 = 4/3 + 1/3; {ef}: nothing in the response -> 0; over 5
    # B3 precision: {ab}: 4/2; {cd}: 1/2; over 4 mentions
    assert b_cubed(key, response) == pytest.approx((1 / 3, 5 / 8))
    # CEAF-e: only {abc}-{ab} aligns (4/5) out of two entities each side
    assert ceaf_e(key, response) == pytest.approx((2 / 5, 2 / 5))
    scores = coref_scores(key, response)
    assert scores["b3_f1"] == pytest.approx(10 / 23)
    assert scores["conll_f1"] == pytest.approx((0.4 + 10 / 23 + 0.4) / 3)


def test_eval_coref_everything_alone_and_everything_together() -> None:
    alone = [frozenset(m) for m in "abcdef"]
    # all singletons: no links made (MUC precision 0/0 -> 0), B3 precision 1, recall (1/3*3 + 1 + 1/2*2) / 6
    scores = coref_scores(KEY, alone)
    assert scores["muc_r"] == 0.0 and scores["muc_p"] == 0.0
    assert scores["b3_p"] == 1.0 and scores["b3_r"] == pytest.approx(0.5)
    # CEAF-e: each key entity takes one of its own mentions: 2/4 + 1 + 2/3 = 13/6 over 3 key, 6 response
    assert scores["ceafe_r"] == pytest.approx(13 / 18) and scores["ceafe_p"] == pytest.approx(13 / 36)
    one = [frozenset("abcdef")]
    # one cluster: MUC recall 3/3, precision 3/5; B3 precision (3*3/6 + 1/6 + 2*2/6) / 6 = 14/36
    scores = coref_scores(KEY, one)
    assert (scores["muc_r"], scores["muc_p"]) == pytest.approx((1.0, 3 / 5))
    assert (scores["b3_r"], scores["b3_p"]) == pytest.approx((1.0, 14 / 36))
    # CEAF-e: best is {abc} (2*3/9 = 2/3): recall 2/3 / 3, precision 2/3 / 1
    assert (scores["ceafe_r"], scores["ceafe_p"]) == pytest.approx((2 / 9, 2 / 3))
