"""``eventwire eval geo``: toponym resolution (and recognition) on the LGL / TR-News XML format.

Gold: ``<article docid><text>…</text><toponyms><toponym><start><end><phrase><gaztag geonameid>
<lat><lon><country geonameid>…``; ``start``/``end`` are offsets into ``<text>`` exactly as it stands
(checked: ``text[start:end] == phrase`` is counted in ``offset_mismatches``).

Resolution is scored on the gold toponyms that have a gazetteer entry, given their gold spans (the
whole article is the context). Figures (flat keys of :attr:`GeoReport.figures`):

- ``n``: gold toponyms with coordinates scored; ``accuracy``: share resolved to the gold GeoNames id or
  to a point within ``ACCURACY_KM`` (25 km: the same town or the same small area, since our points for
  regions are approximate); ``acc_161km``: share within 161 km (100 miles, the usual geocoding cut);
  ``country_accuracy``: share in the gold country (for a gold place in no country — a sea, a continent,
  the EU — a resolved reading in no country); ``mean_error_km`` / ``median_error_km``: distance
  to the gold point (a toponym left unresolved counts as ``MISS_KM``, half the Earth's circumference —
  the worst possible, so that leaving names out is not rewarded); ``unresolved``.
- Recognition, end to end on the bare text: ``recognition_precision`` / ``_recall`` / ``_f1``
  (exact span match against every gold toponym, with or without a gazetteer entry).
- The same resolution figures for each half of a fixed hash split of the documents
  (``tune_*``: the half we looked at while tuning; ``frozen_*``: the half we did not).
"""

from __future__ import annotations

import json
import math
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EvaluationError
from ..ids import content_hash
from ..places.toponyms import ResolvedToponym, ToponymResolver

ACCURACY_KM = 25.0
ACC_KM = 161.0
MISS_KM = 20037.5


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    docid: str
    text: str
    toponyms: tuple[GoldToponym, ...]


@dataclass(slots=True)
class GeoReport:
    figures: dict[str, Any] = field(default_factory=dict)

    def to_text(self) -> str:
        f = self.figures
        lines = [
            f"Toponym resolution on {f['path']} ({f['documents']} documents, {f['n']} toponyms with coordinates)",
            f"  accuracy (same GeoNames id or within {ACCURACY_KM:.0f} km): {f['accuracy']:.3f}",
            f"  acc@161km:          {f['acc_161km']:.3f}",
            f"  country accuracy:   {f['country_accuracy']:.3f}",
            (f"  mean / median error: {f['mean_error_km']:.0f} km / {f['median_error_km']:.1f} km"
             f" (unresolved: {f['unresolved']})"),
        ]
        for half in ("tune", "frozen"):
            lines.append(
                f"  {half:6} half: n={f[half + '_n']} acc={f[half + '_accuracy']:.3f} "
                f"acc@161km={f[half + '_acc_161km']:.3f} country={f[half + '_country_accuracy']:.3f}"
            )
        lines.append(
            f"Toponym recognition (exact spans, {f['recognition_gold']} gold): "
            f"P={f['recognition_precision']:.3f} R={f['recognition_recall']:.3f} F1={f['recognition_f1']:.3f}"
        )
        if f["offset_mismatches"]:
            lines.append(f"  warning: {f['offset_mismatches']} gold offsets do not match their phrase")
        return "\n".join(lines)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text else None
    except ValueError:
        return None


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        return None


def read_gold(path: str | Path) -> list[GoldArticle]:
    """Read an LGL / TR-News style XML file."""
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except OSError as exc:
        raise EvaluationError(f"cannot read the gold file: {exc.strerror}", path=str(path), code="E540") from exc
    except ET.ParseError as exc:
        raise EvaluationError(f"not well-formed XML ({exc}): give an LGL or TR-News file", path=str(path),
                              code="E541") from exc
    articles: list[GoldArticle] = []
    for art in root.iter("article"):
        text = art.findtext("text")
        if text is None:
            continue
        tops: list[GoldToponym] = []
        for t in art.iter("toponym"):
            start, end = _int(t.findtext("start")), _int(t.findtext("end"))
            if start is None or end is None:
                continue
            gaz = t.find("gaztag")
            if gaz is None:
                tops.append(GoldToponym(start, end, t.findtext("phrase") or ""))
                continue
            country = gaz.find("country")
            tops.append(GoldToponym(
                start, end, t.findtext("phrase") or "",
                geonameid=_int(gaz.get("geonameid")),
                lat=_float(gaz.findtext("lat")), lon=_float(gaz.findtext("lon")),
                country_geonameid=_int(country.get("geonameid")) if country is not None else None,
            ))
        articles.append(GoldArticle(art.get("docid") or str(len(articles)), text, tuple(tops)))
    if not articles:
        raise EvaluationError("no <article> with a <text> found: give an LGL or TR-News file", path=str(path),
                              code="E542")
    return articles


def split_half(docid: str) -> str:
    """A fixed split of the documents: "tune" or "frozen", from a hash of the docid."""
    return "tune" if int(content_hash("geo-split", docid), 16) % 2 == 0 else "frozen"


def _scores(rows: list[dict[str, Any]], prefix: str = "") -> dict[str, Any]:
    n = len(rows)
    errors = [r["error_km"] if r["error_km"] is not None else MISS_KM for r in rows]
    return {
        prefix + "n": n,
        prefix + "accuracy": round(sum(r["hit"] for r in rows) / n, 4) if n else 0.0,
        prefix + "acc_161km": round(sum(e <= ACC_KM for e in errors) / n, 4) if n else 0.0,
        prefix + "country_accuracy": round(sum(r["country_hit"] for r in rows) / n, 4) if n else 0.0,
        prefix + "mean_error_km": round(statistics.fmean(errors), 1) if n else 0.0,
        prefix + "median_error_km": round(statistics.median(errors), 1) if n else 0.0,
    }


def evaluate_geo(path: str | Path, *, output: str | Path | None = None) -> GeoReport:
    """Score toponym resolution (gold spans) and recognition (bare text) on an LGL-format file.

    With ``output``, write one JSON line per gold toponym: ``doc``, ``start``, ``end``, ``name``,
    ``lat``, ``lon``, ``geonameid`` (plus ``country``, ``precision`` and the gold point).
    """
    articles = read_gold(path)
    resolver = ToponymResolver()
    g = resolver.gazetteer
    country_by_gid = {g.geonameid[row]: iso2 for iso2, row in g.country_row.items()}
    rows: list[dict[str, Any]] = []
    mismatches = 0
    rec_tp = rec_pred = rec_gold = 0
    out_lines: list[str] = []
    for art in articles:
        spans = [(t.start, t.end) for t in art.toponyms]
        mismatches += sum(art.text[t.start:t.end] != t.phrase for t in art.toponyms)
        resolved = resolver.resolve(art.text, spans, include_demonyms=True)
        half = split_half(art.docid)
        for gold, res in zip(art.toponyms, resolved, strict=True):
            out_lines.append(json.dumps(_output_row(art.docid, res, gold), ensure_ascii=False))
            if gold.lat is None or gold.lon is None:
                continue
            rows.append(_score_row(gold, res, country_by_gid, g.iso2_of, half))
        predicted = set(resolver.recognise(art.text))
        gold_spans = set(spans)
        rec_tp += len(predicted & gold_spans)
        rec_pred += len(predicted)
        rec_gold += len(gold_spans)
    figures: dict[str, Any] = {"path": str(path), "documents": len(articles)}
    figures |= _scores(rows)
    figures["unresolved"] = sum(r["error_km"] is None for r in rows)
    for half in ("tune", "frozen"):
        figures |= _scores([r for r in rows if r["half"] == half], half + "_")
    precision = rec_tp / rec_pred if rec_pred else 0.0
    recall = rec_tp / rec_gold if rec_gold else 0.0
    figures |= {
        "recognition_gold": rec_gold,
        "recognition_precision": round(precision, 4),
        "recognition_recall": round(recall, 4),
        "recognition_f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "offset_mismatches": mismatches,
        "accuracy_km": ACCURACY_KM,
    }
    if output is not None:
        Path(output).write_text("\n".join(out_lines) + ("\n" if out_lines else ""), encoding="utf-8")
    return GeoReport(figures)


def _score_row(gold: GoldToponym, res: ResolvedToponym, country_by_gid: dict[int, str],
               iso2_of: dict[str, str], half: str) -> dict[str, Any]:
    place = res.place
    error = None
    if place is not None and place.lat is not None and place.lon is not None:
        error = haversine_km(gold.lat or 0.0, gold.lon or 0.0, place.lat, place.lon)
    same_id = place is not None and place.geonameid is not None and place.geonameid == gold.geonameid
    gold_iso2 = country_by_gid.get(gold.country_geonameid or -1)
    pred_iso2 = iso2_of.get(place.country or "") if place is not None else None
    return {
        "half": half,
        "error_km": error,
        "hit": same_id or (error is not None and error <= ACCURACY_KM),
        # a gold place in no country (a sea, a continent, the EU) is matched by a reading in none
        "country_hit": pred_iso2 == gold_iso2 if gold_iso2 is not None
        else gold.country_geonameid is None and place is not None and place.country is None,
    }


def _output_row(docid: str, res: ResolvedToponym, gold: GoldToponym) -> dict[str, Any]:
    place = res.place
    return {
        "doc": docid,
        "start": res.start,
        "end": res.end,
        "name": place.name if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "geonameid": place.geonameid if place else None,
        "country": place.country if place else None,
        "precision": place.precision if place else None,
        "gold_geonameid": gold.geonameid,
        "gold_lat": gold.lat,
        "gold_lon": gold.lon,
    }
