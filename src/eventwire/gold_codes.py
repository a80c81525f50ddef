"""How the PLOVER gold-standard records (``eval/plover-gsr-dev.json``, 2016) write actor countries.

Shared by the event evaluation (``evaluation/plover.py``) and the actors stage's benchmark
(``actors/benchmark.py``), which must not import the evaluation package (a stage sits below it). The GSR
file codes every international organisation IGO (sometimes NGO), where PLOVER 2.0 and our actor data
distinguish UNO, EUR, NGO, …; and it has three non-ISO country codes.
"""

from __future__ import annotations

UMBRELLA = {"IGO": {"IGO", "UNO", "NGO", "EUR", "NGM", "AFR", "ASN"}, "NGO": {"IGO", "UNO", "NGO", "NGM"}}
GOLD_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def lenient_codes(code: str) -> set[str]:
    """The country codes the PLOVER evaluation accepts for a gold code ("IGO" → UNO, EUR, NGO …)."""
    code = GOLD_ALIASES.get(code, code)
    return UMBRELLA.get(code, {code})
