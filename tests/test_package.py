"""The package itself: its version, and the library's verbs at the top level, loaded on first use."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

import eventwire
from eventwire import api


def test_version_is_the_installed_distribution() -> None:
    assert eventwire.__version__ == version("eventwire")


def test_top_level_verbs_are_the_api() -> None:
    for name in ("extract", "extract_events", "inspect", "describe", "demo", "build_pipeline", "open_store"):
        assert getattr(eventwire, name) is getattr(api, name)
    with pytest.raises(AttributeError, match="no attribute 'frobnicate'"):
        eventwire.frobnicate  # noqa: B018


def test_importing_the_package_loads_no_spacy() -> None:
    out = subprocess.run([sys.executable, "-c", "import sys, eventwire; print('spacy' in sys.modules)"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_extract_events_from_the_top_level(tmp_path: Path) -> None:
    article = tmp_path / "note.txt"
    article.write_text("Mali and Niger sign a border security pact\n\n"
                       "The foreign ministers of Mali and Niger signed a border security agreement in Niamey "
                       "on Tuesday.\n", encoding="utf-8")
    records = list(eventwire.extract_events([article], published="2025-03-04"))
    assert records, "no event"
    assert {r["source"]["country"] for r in records} <= {"MLI", "NER"}, records


@pytest.mark.parametrize("module", [
    "eventwire.coreference", "eventwire.coreference.similarity", "eventwire.store", "eventwire.store.batch",
    "eventwire.dedup", "eventwire.pipeline", "eventwire.actors.document", "eventwire.events.coder",
])
def test_every_module_imports_first_in_a_fresh_interpreter(module: str) -> None:
    # an import cycle shows only when the module is the first one imported (the suite's order hides it)
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr[-2000:]
