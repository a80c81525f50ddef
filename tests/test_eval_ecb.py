"""``eventwire eval dedup``: the ECB+ reader, the coreference metrics and a run of the real pipeline on
a small corpus in the ECB+ format whose sentences we wrote ourselves."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from typer.testing import CliRunner

from eventwire.config import load_settings
from eventwire.errors import EvaluationError
from eventwire.evaluation.coref import _best_assignment, b_cubed, ceaf_e, coref_scores, muc
from eventwire.evaluation.ecb import (
    align,
    document_text,
    evaluate_dedup,
    read_corpus,
    read_document,
    select_topics,
)

# --------------------------------------------------------------------------- fixture corpus

Mention = tuple[str, int, int]  # (m_id, sentence, token number in the sentence)


def write_doc(root: Path, name: str, sentences: list[str], mentions: list[Mention],
              chains: dict[str, list[str]], tag: str = "ACTION_OCCURRENCE") -> Path:
    """A document in the ECB+ (CAT) layout: tokens split on spaces, one markable per event mention,
    a CROSS_DOC_COREF relation per chain (its key the instance id)."""
    topic = name.split("_")[0]
    lines = [f'<Document doc_name="{name}.xml" doc_id="DOC{name}">']
    t_ids: dict[tuple[int, int], int] = {}
    t = 0
    for s, sentence in enumerate(sentences):
        for n, word in enumerate(sentence.split()):
            t += 1
            t_ids[(s, n)] = t
            lines.append(f'<token t_id="{t}" sentence="{s}" number="{n}">{escape(word)}</token>')
    lines.append("<Markables>")
    for m_id, s, n in mentions:
        lines.append(f'<{tag} m_id="{m_id}"><token_anchor t_id="{t_ids[(s, n)]}"/></{tag}>')
    for instance in chains:
        lines.append(f'<{tag} m_id="d{instance}" TAG_DESCRIPTOR="x" instance_id="{instance}"/>')
    lines.append("</Markables>\n<Relations>")
    for r, (instance, members) in enumerate(chains.items()):
        sources = "".join(f'<source m_id="{m}"/>' for m in members)
        lines.append(f'<CROSS_DOC_COREF r_id="{r}" note="{instance}">{sources}<target m_id="d{instance}"/>'
                     "</CROSS_DOC_COREF>")
    lines.append("</Relations>\n</Document>")
    path = root / "ECB+" / topic / f"{name}.xml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Topic 1: one shelling told by two reports (the second tells it twice), and a similar shelling
    months later (the ECB+ 'similar but not the same event' trap)."""
    write_doc(tmp_path, "1_1ecb", [
        "Updated : March 4 , 2025",
        "Russian forces shelled Ukrainian positions near Kharkiv on Monday .",
        "The shelling destroyed two depots , Kyiv said .",
    ], [("1", 1, 2), ("2", 2, 1), ("3", 2, 2), ("4", 2, 7)], {"ACT_MARCH": ["1", "2"]})
    write_doc(tmp_path, "1_2ecb", [
        "Posted : March 4 , 2025",
        "Russian troops shelled Ukrainian positions near Kharkiv on Monday .",
        "Ukraine accused Russia of the attack .",
        "Russian forces shelled Ukrainian positions on Monday , the army said .",
    ], [("1", 1, 2), ("2", 2, 1), ("3", 2, 5), ("4", 3, 2), ("5", 3, 10)],
        {"ACT_MARCH": ["1", "3", "4"], "ACT_ACCUSE": ["2"]})
    write_doc(tmp_path, "1_1ecbplus", [
        "Updated : June 2 , 2025",
        "Russian forces shelled Ukrainian positions near Kharkiv on Sunday .",
        "France condemned the attack .",
    ], [("1", 1, 2), ("2", 2, 1), ("3", 2, 3)], {"ACT_JUNE": ["1", "3"]})
    return tmp_path


# --------------------------------------------------------------------------- reader


def test_eval_ecb_reads_mentions_chains_and_singletons(corpus: Path) -> None:
    doc = read_document(corpus / "ECB+" / "1" / "1_2ecb.xml")
    assert doc.topic == 1 and doc.name == "1_2ecb"
    chains = {g.key[1]: g.cluster for g in doc.mentions}
    assert chains["1"] == chains["3"] == chains["4"] == "ACT_MARCH"
    assert chains["2"] == "ACT_ACCUSE"
    assert chains["5"] == "1_2ecb:5"  # in no relation: a singleton of its own
    text, spans = document_text(doc)
    assert text.splitlines()[2] == "Ukraine accused Russia of the attack."
    first = doc.mentions[0]
    assert text[slice(*spans[first.tokens[0]])] == "shelled"


def test_eval_ecb_keeps_only_annotated_sentences(corpus: Path) -> None:
    (corpus / "ECBplus_coreference_sentences.csv").write_text(
        "Topic,File,Sentence Number\n1,2ecb,1\n1,2ecb,3\n", encoding="utf-8")
    docs = {d.name: d for d in read_corpus(corpus, None)}
    assert sorted(g.key[1] for g in docs["1_2ecb"].mentions) == ["1", "4", "5"]
    assert docs["1_1ecb"].mentions == ()  # not listed: none of its sentences counts


def test_eval_ecb_align_follows_the_cleaned_text() -> None:
    spans = {1: (0, 3), 2: (4, 9), 3: (10, 13)}
    assert align("The quick fox", "The  quick fox", spans) == {1: (0, 3), 2: (5, 10), 3: (11, 14)}


def test_eval_ecb_errors_have_codes(tmp_path: Path, corpus: Path) -> None:
    with pytest.raises(EvaluationError) as err:
        read_corpus(tmp_path / "missing")
    assert err.value.code == "E525"
    with pytest.raises(EvaluationError) as err:
        read_corpus(corpus, {99})
    assert err.value.code == "E525"
    bad = corpus / "ECB+" / "1" / "1_3ecb.xml"
    bad.write_text("<Document><token t_id='1'", encoding="utf-8")
    with pytest.raises(EvaluationError) as err:
        read_corpus(corpus, None)
    assert err.value.code == "E526"
    with pytest.raises(EvaluationError) as err:
        select_topics("dev,x")
    assert err.value.code == "E527"
    assert select_topics("all") is None and select_topics("2, 5") == {2, 5}


# --------------------------------------------------------------------------- metrics

KEY = [frozenset({"a", "b", "c"}), frozenset({"d", "e"})]
RESPONSE = [frozenset({"a", "b"}), frozenset({"c", "d", "e"})]


def test_eval_ecb_metrics_on_a_worked_example() -> None:
    assert muc(KEY, RESPONSE) == pytest.approx((2 / 3, 2 / 3))
    assert b_cubed(KEY, RESPONSE) == pytest.approx((11 / 15, 11 / 15))
    assert ceaf_e(KEY, RESPONSE) == pytest.approx((0.8, 0.8))
    perfect = coref_scores(KEY, KEY)
    assert perfect["conll_f1"] == pytest.approx(1.0)
    alone = [frozenset({m}) for c in KEY for m in c]
    scores = coref_scores(KEY, alone)
    assert scores["muc_r"] == 0.0 and scores["b3_p"] == 1.0 and scores["b3_r"] == pytest.approx(2 / 5)


def test_eval_ecb_assignment_is_optimal() -> None:
    rng = random.Random(7)
    for rows, cols in [(1, 1), (2, 3), (3, 2), (4, 4), (5, 3)]:
        sim = [[rng.choice([0.0, 0.25, 0.5, rng.random()]) for _ in range(cols)] for _ in range(rows)]
        small, big = (rows, cols) if rows <= cols else (cols, rows)
        table = sim if rows <= cols else [list(c) for c in zip(*sim, strict=True)]
        best = max(sum(table[i][p[i]] for i in range(small)) for p in itertools.permutations(range(big), small))
        assert _best_assignment(sim) == pytest.approx(best)


# --------------------------------------------------------------------------- the real pipeline


@pytest.fixture(scope="module")
def settings():  # type: ignore[no-untyped-def]
    return load_settings(environ={})


def test_eval_ecb_scores_our_dedup_and_clusters(corpus: Path, settings) -> None:  # type: ignore[no-untyped-def]
    f = evaluate_dedup(corpus, settings, topics="all").figures
    assert f["documents"] == 3 and f["rejected"] == 0
    assert f["gold_mentions"] == 12
    # the three 'shelled', 'accused' and 'condemned'; nouns ('shelling', 'attack') are not coded
    assert f["matched_mentions"] == 6
    assert f["mention_recall"] == pytest.approx(0.5)
    # the report telling the March shelling twice is one event; both reports join one cluster; June stays apart
    assert f["within_conll_f1"] == pytest.approx(1.0)
    assert f["cross_conll_f1"] == pytest.approx(1.0)
    assert f["cross_singleton_conll_f1"] < 0.9
    assert f["cross_gold_chains"] == f["cross_system_chains"] == 4
    assert f["tune_matched_mentions"] + f["frozen_matched_mentions"] == 6


def test_eval_ecb_reads_the_clusters_after_a_later_article_merged_them(tmp_path: Path, settings) -> None:  # type: ignore[no-untyped-def]
    # Monday 3 March and Wednesday 5 March: two clusters, until a report of Tuesday 4 March bridges them
    for name, published, day in (("7_1ecb", "March 4", "Monday"), ("7_2ecb", "March 6", "Wednesday"),
                                 ("7_3ecb", "March 5", "Tuesday")):
        write_doc(tmp_path, name, [f"Updated : {published} , 2025",
                                   f"Russian forces shelled Ukrainian positions on {day} ."],
                  [("1", 1, 2)], {"ACT_SHELLING": ["1"]})
    f = evaluate_dedup(tmp_path, settings, topics="7").figures
    assert f["matched_mentions"] == 3
    assert f["cross_system_chains"] == 1
    assert f["cross_conll_f1"] == pytest.approx(1.0)


def test_eval_ecb_cli_prints_json(corpus: Path) -> None:
    from eventwire.cli import app

    result = CliRunner().invoke(app, ["eval", "dedup", str(corpus), "--topics", "1", "--format", "json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["topics"] == "1" and figures["matched_mentions"] == 6
