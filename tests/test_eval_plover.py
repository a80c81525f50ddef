"""The PLOVER gold-record evaluation: scoring logic on a small file of our own, and floors on the
shared dev file (measured: type accuracy tune 0.94 / frozen 0.74, macro-F1 0.95 / 0.68, source country 0.87 / 0.76,
target country 0.82 / 0.74; floors sit just below to catch regressions)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.errors import EvaluationError
from eventwire.evaluation.plover import best_event, evaluate_plover, read_gold, record_half

OWN_RECORDS = [
    {"id": "DOC-1", "event": "DOCUMENT", "eventText": "notes"},
    {"id": "T-1", "event": "DEMAND", "eventText": "urged", "text": "Pakistan urged India to resume the dialogue.",
     "source": [{"actorText": "Pakistan", "code": "PAK"}], "target": [{"actorText": "India", "code": "IND"}],
     "date": "2001-05-01"},
    {"id": "T-2", "event": "FIGHT", "eventText": "invaded", "text": "Russia invaded Ukraine in February.",
     "source": [{"actorText": "Russia", "code": "RUS", "sector": "MIL"}],
     "target": [{"actorText": "Ukraine", "code": "UKR"}], "date": "2022-03-01"},
    {"id": "T-3", "event": "AGREE", "eventText": "praised", "text": "France praised Senegal for its election.",
     "source": [{"actorText": "France", "code": "FRA"}], "target": "", "date": "2020-01-01"},
]


@pytest.fixture(scope="module")
def own_report(tmp_path_factory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("plover") / "gold.json"
    path.write_text(json.dumps(OWN_RECORDS), encoding="utf-8")
    return evaluate_plover(path, Settings(), errors=True)


def test_eval_plover_reads_and_maps_old_names(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(OWN_RECORDS), encoding="utf-8")
    records = read_gold(path)
    assert [r.type for r in records] == ["REQUEST", "ASSAULT", "AGREE"]  # DOCUMENT skipped
    assert records[1].sources == (("RUS", "MIL"),) and records[2].targets == ()


def test_eval_plover_scores_own_records(own_report) -> None:  # type: ignore[no-untyped-def]
    f = own_report.figures
    assert f["n"] == 3 and f["coverage"] == 1.0
    assert f["type_accuracy"] == pytest.approx(2 / 3, abs=1e-3)  # praise is SUPPORT, not AGREE
    assert f["source_country_accuracy"] == 1.0 and f["n_source"] == 3
    assert f["target_country_accuracy"] == 1.0 and f["n_target"] == 2
    assert f["confusion"]["AGREE"] == {"SUPPORT": 1}
    assert own_report.per_type["REQUEST"]["f1"] == 1.0
    assert [e["id"] for e in own_report.errors] == ["T-3"]
    json.dumps(f)  # the figures are JSON-serialisable
    text = own_report.to_text()
    assert "type accuracy" in text and "T-3" in text


def test_eval_plover_split_halves_partition() -> None:
    ids = [f"R-{i}" for i in range(200)]
    halves = [record_half(i) for i in ids]
    assert set(halves) == {"tune", "frozen"} and halves == [record_half(i) for i in ids]
    assert 70 < halves.count("tune") < 130


def test_eval_plover_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(EvaluationError) as exc:
        read_gold(bad)
    assert exc.value.code == "E511"
    with pytest.raises(EvaluationError):
        evaluate_plover(bad, Settings(), split="half")  # type: ignore[arg-type]


def test_eval_plover_best_event_prefers_gold_trigger() -> None:
    assert best_event((), "anything") is None


@pytest.mark.parametrize(("split", "floors"), [
    ("tune", {"type_accuracy": 0.92, "macro_f1": 0.92, "source_country_accuracy": 0.84,
              "target_country_accuracy": 0.79, "coverage": 0.93}),
    ("frozen", {"type_accuracy": 0.72, "macro_f1": 0.65, "source_country_accuracy": 0.73,
                "target_country_accuracy": 0.71, "coverage": 0.88}),
])
def test_eval_plover_shared_dev_floors(shared_dir: Path, split: str, floors: dict[str, float]) -> None:
    path = shared_dir / "eval" / "plover-gsr-dev.json"
    if not path.exists():
        pytest.skip("plover-gsr-dev.json not in shared data")
    f = evaluate_plover(path, Settings(), split=split).figures  # type: ignore[arg-type]
    for key, floor in floors.items():
        assert f[key] >= floor, (key, f[key])
