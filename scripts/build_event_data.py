#!/usr/bin/env python3
"""Generate the event coder's data tables under ``src/eventwire/data/events/`` from ``../shared``.

    python scripts/build_event_data.py [--shared ../shared]

Writes
* ``cameo_words.tsv`` / ``cameo_patterns.tsv`` — the CAMEO verb dictionary (``dictionaries/CAMEO.2.0.txt``,
  MIT) in our trigger format (see ``data/events/README.md``);
* ``cameo_codes.tsv`` — every CAMEO code with its name, Goldstein score, quad class and PLOVER type,
  mode and contexts (``ontology/CAMEO_eventtypes_goldstein.csv``, ``CAMEO_root_codes_quad_goldstein.csv``,
  ``CAMEO2PLOVER-2021.txt``; PLOVER material CC BY-SA 4.0, Open Event Data Alliance).

The curated lexicon ``curated.tsv`` is hand-written and not touched here.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventwire.events.cameo_format import (
    BlockPattern,
    parse_pattern,
    read_verb_dictionary,
    write_pattern_tsv,
    write_word_tsv,
)

OUT = ROOT / "src" / "eventwire" / "data" / "events"

# CAMEO 02 (APPEAL) is "dropped" in the crosswalk table, but PLOVER's REQUEST covers "all requests,
# demands, and orders" (PLOVER manual §REQUEST), so appeals are requests; the modes follow the
# REQUEST modes of the matching CAMEO 10 codes (101–108).
APPEAL_MODES = {
    "020": "", "021": "assist", "022": "assist", "023": "assist", "024": "change", "025": "yield",
    "026": "meet", "027": "meet", "028": "meet",
}
APPEAL_NOTE = "02x APPEAL → REQUEST (PLOVER manual §REQUEST: all requests)"

# Where the 2021 crosswalk predates the PLOVER 2.0 manual, the manual wins (each with its reason).
OVERRIDES = {
    "163": ("SANCTION", "discontinue", "economic",
            "PLOVER 2.0 modes table: international sanctions are SANCTION 'discontinue'"),
    "040": ("CONSULT", "meet", "", "CONSULT without visit/phone/third-party: a meeting (mode 'meet')"),
}


# CAMEO patterns that name a cooperative act without its partner: on real news they read ordinary
# operations as joint ones ("combing operations carried out in Surat" → 062 military cooperation; police
# operations are no cooperation). Each is rewritten to need the partner that makes the act joint (a
# "joint" modifier or a "with" phrase); the origin keeps the CAMEO line. Keyed by (block, CAMEO pattern).
NEEDS_PARTNER = {
    ("PERPETUATE", "* OPERATIONS"): ("* joint operation", "* operation with"),
    ("OVERSEE_MANAGE", "* TRAINING"): ("* joint training", "* training with"),
}
# CAMEO patterns dropped: keeping a situation in hand ("monitoring / controlling / handling the situation")
# is no investigation of human rights abuses (092), whoever does it.
DROPPED = {("OVERSEE_MANAGE", "* SITUATION")}


def amend_patterns(patterns: list[BlockPattern]) -> list[BlockPattern]:
    """``patterns`` with each :data:`NEEDS_PARTNER` pattern replaced by its partnered forms, and
    :data:`DROPPED` ones left out."""
    out: list[BlockPattern] = []
    for p in patterns:
        block = p.block.rsplit(":", 1)[-1]
        cameo_text = p.origin.split(" pattern ", 1)[-1].strip("'")
        if (block, cameo_text) in DROPPED:
            continue
        rewrites = NEEDS_PARTNER.get((block, cameo_text))
        if rewrites is None:
            out.append(p)
            continue
        for text in rewrites:
            pre, post = parse_pattern(text)
            out.append(BlockPattern(p.block, pre, post, p.cameo, f"{p.origin}, needs a partner: '{text}'"))
    return out


def read_crosswalk(path: Path) -> dict[str, tuple[str, str, str]]:
    """CAMEO code → (PLOVER type, mode, contexts ';'-separated)."""
    out: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not m:
            continue
        code, rest = m.groups()
        parts = [p.strip() for p in rest.split(",")]
        ptype = parts[0].upper()
        mode = parts[1] if len(parts) > 1 else ""
        contexts = ";".join(c.strip() for c in (parts[2] if len(parts) > 2 else "").split(";") if c.strip())
        if code not in out:  # the file lists 175 twice with the same reading
            out[code] = (ptype, mode, contexts)
    return out


def build_codes(shared: Path) -> str:
    onto = shared / "ontology"
    cross = read_crosswalk(onto / "CAMEO2PLOVER-2021.txt")
    quad = {r["cameo_root"]: r["gdelt_quadclass"]
            for r in csv.DictReader((onto / "CAMEO_root_codes_quad_goldstein.csv").open(encoding="utf-8"))}
    rows = []
    for r in csv.DictReader((onto / "CAMEO_eventtypes_goldstein.csv").open(encoding="utf-8")):
        code = r["code"].strip()
        ptype, mode, contexts = "", "", ""
        source = ""
        for key in (code, code[:3], code[:2]):
            if key in OVERRIDES:
                ptype, mode, contexts, source = OVERRIDES[key]
                break
            if key in cross:
                ptype, mode, contexts = cross[key]
                source = f"CAMEO2PLOVER-2021.txt {key}"
                break
        if not ptype and code.startswith("02"):
            ptype, mode, source = "REQUEST", APPEAL_MODES.get(code[:3], ""), APPEAL_NOTE
        if not ptype:
            source = "no PLOVER type (CAMEO 01 statements are dropped by PLOVER)"
        name = " ".join(r["name"].split())
        rows.append("\t".join([code, name, r["goldstein"].strip(), quad.get(code[:2], ""), ptype,
                               mode.strip(), contexts, source]))
    header = [
        "# CAMEO codes with their PLOVER reading. Generated by scripts/build_event_data.py; do not edit.",
        "# Sources: CAMEO_eventtypes_goldstein.csv (names, Goldstein), CAMEO_root_codes_quad_goldstein.csv",
        "# (gdelt_quadclass), CAMEO2PLOVER-2021.txt (type, mode, contexts; PLOVER, CC BY-SA 4.0, OEDA).",
        "cameo\tname\tgoldstein\tquad_class\tplover_type\tmode\tcontexts\tsource",
    ]
    return "\n".join(header + rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args(argv)
    shared: Path = args.shared
    OUT.mkdir(parents=True, exist_ok=True)
    verbs = read_verb_dictionary(shared / "dictionaries" / "CAMEO.2.0.txt")
    note = ("CAMEO verb dictionary CAMEO.2.0.txt (PETRARCH-2, MIT, (c) 2015 Open Event Data Alliance) in "
            "eventwire's trigger format.\nGenerated by scripts/build_event_data.py; do not edit. "
            "See README.md for the columns.")
    (OUT / "cameo_words.tsv").write_text(write_word_tsv(verbs.words, note), encoding="utf-8")
    patterns = amend_patterns(list(verbs.patterns))
    (OUT / "cameo_patterns.tsv").write_text(write_pattern_tsv(patterns, note), encoding="utf-8")
    (OUT / "cameo_codes.tsv").write_text(build_codes(shared), encoding="utf-8")
    print(f"wrote {len(verbs.words)} words, {len(patterns)} patterns and the code table to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
