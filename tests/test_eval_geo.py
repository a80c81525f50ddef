"""``eventwire eval geo``: a small gold file of our own, and the shared LGL file (skipped if absent)."""

from __future__ import annotations

import json

import pytest

from eventwire.errors import EvaluationError
from eventwire.evaluation.geo import evaluate_geo, haversine_km, split_half

OWN_GOLD = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="a1">
    <text><![CDATA[Volunteers from Dayton, Ohio, rebuilt a bridge near Kyiv.]]></text>
    <toponyms>
      <toponym><start>16</start><end>22</end><phrase>Dayton</phrase>
        <gaztag geonameid="4509884"><name>Dayton</name><lat>39.75895</lat><lon>-84.19161</lon>
          <country geonameid="6252001">United States</country></gaztag></toponym>
      <toponym><start>24</start><end>28</end><phrase>Ohio</phrase>
        <gaztag geonameid="5165418"><name>Ohio</name><lat>40.25034</lat><lon>-83.00018</lon>
          <country geonameid="6252001">United States</country></gaztag></toponym>
      <toponym><start>52</start><end>56</end><phrase>Kyiv</phrase>
        <gaztag geonameid="703448"><name>Kyiv</name><lat>50.45466</lat><lon>30.5238</lon>
          <country geonameid="690791">Ukraine</country></gaztag></toponym>
    </toponyms>
  </article>
  <article docid="a2">
    <text><![CDATA[A ferry left Zqxvillebrook for Oslo.]]></text>
    <toponyms>
      <toponym><start>13</start><end>26</end><phrase>Zqxvillebrook</phrase>
        <gaztag geonameid="1"><name>Zqxvillebrook</name><lat>10</lat><lon>10</lon>
          <country geonameid="3144096">Norway</country></gaztag></toponym>
      <toponym><start>31</start><end>35</end><phrase>Oslo</phrase></toponym>
    </toponyms>
  </article>
</articles>
"""


def test_eval_geo_haversine():
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.5)
    assert haversine_km(51.5, -0.13, 48.86, 2.35) == pytest.approx(343, abs=5)


def test_eval_geo_split_is_stable_and_two_sided():
    halves = {split_half(str(i)) for i in range(50)}
    assert halves == {"tune", "frozen"}
    assert split_half("40450848") == split_half("40450848")


def test_eval_geo_on_our_own_gold(tmp_path):
    gold = tmp_path / "gold.xml"
    gold.write_text(OWN_GOLD, encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    report = evaluate_geo(gold, output=out)
    f = report.figures
    assert f["n"] == 4 and f["documents"] == 2 and f["offset_mismatches"] == 0
    assert f["acc_161km"] == 0.75  # the made-up village cannot be found
    assert f["country_accuracy"] == 0.75 and f["unresolved"] == 1
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 5  # every gold toponym, with or without coordinates
    assert {k: rows[0][k] for k in ("doc", "start", "end", "name")} == {
        "doc": "a1", "start": 16, "end": 22, "name": "Dayton"}
    assert rows[3]["name"] is None and rows[3]["lat"] is None
    assert rows[4]["name"] == "Oslo"
    assert "acc@161km" in report.to_text()


NO_COUNTRY_GOLD = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="b1">
    <text><![CDATA[Two freighters sank in the Black Sea near Odesa.]]></text>
    <toponyms>
      <toponym><start>27</start><end>36</end><phrase>Black Sea</phrase>
        <gaztag geonameid="630673"><name>Black Sea</name><lat>43</lat><lon>34</lon></gaztag></toponym>
      <toponym><start>42</start><end>47</end><phrase>Odesa</phrase>
        <gaztag geonameid="698740"><name>Odesa</name><lat>46.47747</lat><lon>30.73262</lon>
          <country geonameid="690791">Ukraine</country></gaztag></toponym>
    </toponyms>
  </article>
</articles>
"""


def test_eval_geo_place_in_no_country(tmp_path):
    # a sea has no country in gold: a reading in no country is the right one, a country reading is not
    gold = tmp_path / "gold.xml"
    gold.write_text(NO_COUNTRY_GOLD, encoding="utf-8")
    f = evaluate_geo(gold).figures
    assert f["n"] == 2 and f["country_accuracy"] == 1.0 and f["acc_161km"] == 1.0
    gold.write_text(NO_COUNTRY_GOLD.replace("<start>27</start><end>36</end>", "<start>42</start><end>47</end>"),
                    encoding="utf-8")
    f = evaluate_geo(gold).figures  # Odesa (in Ukraine) scored against the sea's gold: no country hit
    assert f["country_accuracy"] == 0.5


def test_eval_geo_bad_file(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<articles><article>", encoding="utf-8")
    with pytest.raises(EvaluationError) as exc:
        evaluate_geo(bad)
    assert exc.value.code == "E541"
    with pytest.raises(EvaluationError):
        evaluate_geo(tmp_path / "missing.xml")


def test_eval_geo_lgl(shared_dir, tmp_path):
    path = shared_dir / "eval" / "lgl" / "lgl.xml"
    if not path.is_file():
        pytest.skip("LGL gold not staged")
    out = tmp_path / "lgl.jsonl"
    f = evaluate_geo(path, output=out).figures
    assert f["offset_mismatches"] == 0  # gold offsets index <text> as it stands
    assert f["n"] > 4000
    # floors just below the figures measured when this was written (see the places report)
    # (measured: acc@161km 0.858, accuracy 0.837, country 0.961, frozen half acc@161km 0.842 and
    # country 0.950, F1 0.647)
    assert f["acc_161km"] >= 0.85
    assert f["accuracy"] >= 0.83
    assert f["country_accuracy"] >= 0.955
    assert f["frozen_acc_161km"] >= 0.835
    assert f["frozen_country_accuracy"] >= 0.945
    assert f["median_error_km"] <= 10
    assert f["recognition_f1"] >= 0.64
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert set(first) >= {"doc", "start", "end", "name", "lat", "lon", "geonameid"}
