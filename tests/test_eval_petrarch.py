"""The PETRARCH-2 unit-test evaluation: a small records file of our own, and floors on the shared
suite (measured root F1 0.728, full F1 0.577; floors sit below to catch regressions)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.errors import EvaluationError
from eventwire.evaluation.petrarch import evaluate_petrarch, read_records

RECORDS = """<Validation>
<!-- written for these tests -->
<Sentences>
<Sentence date="20200102" id="OWN-1" category="DEMO" sentence="true">
<EventCoding sourcecode="ZEM" targetcode="QUR" eventcode="173"></EventCoding>
<Text>Zembla tickled Qurac on Monday.</Text>
</Sentence>
<Sentence date="20200103" id="OWN-2" category="DEMO" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>The weather in Zembla was mild.</Text>
</Sentence>
<Sentence date="20200104" id="OWN-3" category="ERROR" sentence="true">
<EventCoding error="dateline"></EventCoding>
<Text>ZEMBLA, Jan 4</Text>
</Sentence>
</Sentences>
</Validation>
"""


@pytest.fixture()
def own_files(tmp_path: Path) -> dict[str, Path]:
    files = {
        "records": tmp_path / "records.xml",
        "actors": tmp_path / "own.actors.txt",
        "agents": tmp_path / "own.agents.txt",
        "verbs": tmp_path / "own.verbs.txt",
    }
    files["records"].write_text(RECORDS, encoding="utf-8")
    files["actors"].write_text("ZEMBLA [ZEM]\nQURAC [QUR]\n", encoding="utf-8")
    files["agents"].write_text("MINISTER [~GOV]\n", encoding="utf-8")
    files["verbs"].write_text("--- TICKLE [173] ---\nTICKLE\n", encoding="utf-8")
    return files


def test_eval_petrarch_reads_records(own_files: dict[str, Path]) -> None:
    recs = read_records(own_files["records"])
    assert [r.id for r in recs] == ["OWN-1", "OWN-2", "OWN-3"]
    assert recs[0].triples == (("ZEM", "QUR", "173"),) and recs[1].noevents and recs[2].error
    assert recs[0].published is not None and recs[0].published.day == 2


def test_eval_petrarch_scores_own_records(own_files: dict[str, Path]) -> None:
    report = evaluate_petrarch(own_files["records"], Settings(), actors=[str(own_files["actors"])],
                               agents=[str(own_files["agents"])], verbs=[str(own_files["verbs"])])
    f = report.figures
    assert (f["n_records"], f["n_skipped"], f["n_gold"]) == (2, 1, 1)
    assert f["full_f1"] == 1.0 and f["root_f1"] == 1.0 and f["noevent_accuracy"] == 1.0
    assert "root" in report.to_text()


def test_eval_petrarch_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError) as exc:
        read_records(tmp_path / "absent.xml")
    assert exc.value.code == "E520"


def test_eval_petrarch_shared_suite_floors(shared_dir: Path) -> None:
    base = shared_dir / "eval" / "petrarch2"
    if not (base / "PETR.UnitTest.records.xml").exists():
        pytest.skip("PETRARCH-2 records not in shared data")
    report = evaluate_petrarch(base / "PETR.UnitTest.records.xml", Settings(),
                               actors=[str(base / "PETR.Validate.actors.txt")],
                               agents=[str(base / "PETR.Validate.agents.txt")],
                               verbs=[str(base / "PETR.Validate.verbs.txt")], replace=True)
    f = report.figures
    assert f["root_f1"] >= 0.71, f
    assert f["full_f1"] >= 0.55, f
    assert f["root_precision"] >= 0.75, f
