"""The map's places and the actor network, counted by the database for the current filter.

- :func:`places`: every distinct place events happened at (coordinates, name, country) with its number of
  events, per quad class, and its mean Goldstein score. Clustering points at low zoom is the browser's job
  (it depends on the zoom); the places are few next to the events.
- :func:`network`: actors as nodes, dyads as edges (either direction is one edge), each edge weighted by
  its events and coloured by mean Goldstein score or by its most frequent quad class. Actors are coded
  actors (``RUSGOV``) or, with ``level="country"``, countries; an event whose side is not coded draws no
  edge (it is counted in ``uncoded``). The ``limit`` heaviest edges are kept.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from ..store import Store

QUADS = ("1", "2", "3", "4")


def _mean(total: float | None, n: int) -> float | None:
    return round(float(total) / n, 2) if n and total is not None else None


def places(store: Store, filters: dict[str, Any]) -> dict[str, Any]:
    rows = store.aggregate(["location_lat", "location_lon", "location_name", "location_country", "quad_class"],
                           ["count", "goldstein_sum", "goldstein_n"], **filters)
    found: dict[tuple[float, float, str | None, str | None], dict[str, Any]] = {}
    total = located = 0
    for row in rows:
        total += row["count"]
        if row["location_lat"] is None or row["location_lon"] is None:
            continue
        located += row["count"]
        key = (round(row["location_lat"], 4), round(row["location_lon"], 4), row["location_name"],
               row["location_country"])
        place = found.setdefault(key, {"lat": key[0], "lon": key[1], "name": key[2], "country": key[3],
                                       "count": 0, "quad_classes": Counter(), "_g": 0.0, "_gn": 0})
        place["count"] += row["count"]
        place["quad_classes"][str(row["quad_class"]) if row["quad_class"] else "unknown"] += row["count"]
        place["_g"] += row["goldstein_sum"] or 0.0
        place["_gn"] += row["goldstein_n"]
    out = []
    for place in sorted(found.values(), key=lambda p: (-p["count"], p["name"] or "")):
        g, gn = place.pop("_g"), place.pop("_gn")
        place["goldstein_mean"] = _mean(g, gn)
        place["quad_classes"] = dict(sorted(place["quad_classes"].items()))
        out.append(place)
    return {"total": total, "located": located, "places": out}


def network(store: Store, filters: dict[str, Any], level: str = "actor", limit: int = 150) -> dict[str, Any]:
    side = "code" if level == "actor" else "country"
    rows = store.aggregate([f"source_{side}", f"target_{side}", "quad_class"],
                           ["count", "goldstein_sum", "goldstein_n"], **filters)
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    total = uncoded = 0
    for row in rows:
        total += row["count"]
        a, b = row[f"source_{side}"], row[f"target_{side}"]
        if not a or not b:
            uncoded += row["count"]
            continue
        pair = (a, b) if a <= b else (b, a)
        edge = edges.setdefault(pair, {"source": pair[0], "target": pair[1], "events": 0,
                                       "quad_classes": Counter(), "_g": 0.0, "_gn": 0})
        edge["events"] += row["count"]
        edge["quad_classes"][str(row["quad_class"]) if row["quad_class"] else "unknown"] += row["count"]
        edge["_g"] += row["goldstein_sum"] or 0.0
        edge["_gn"] += row["goldstein_n"]
    kept = sorted(edges.values(), key=lambda e: (-e["events"], e["source"], e["target"]))[:limit]
    degree: Counter[str] = Counter()
    for edge in kept:
        g, gn = edge.pop("_g"), edge.pop("_gn")
        edge["goldstein_mean"] = _mean(g, gn)
        quads = edge["quad_classes"]
        edge["quad_class"] = int(max(QUADS, key=lambda q: (quads.get(q, 0), -int(q)))) if any(
            quads.get(q) for q in QUADS) else None
        edge["quad_classes"] = dict(sorted(quads.items()))
        degree[edge["source"]] += edge["events"]
        degree[edge["target"]] += edge["events"]
    names = _names(store, filters, side, set(degree)) if level == "actor" else {}
    nodes = [{"id": node, "events": n, "names": names.get(node, [])} for node, n in sorted(degree.items())]
    return {"level": level, "total": total, "uncoded": uncoded, "edges_total": len(edges),
            "nodes": nodes, "edges": kept}


def _names(store: Store, filters: dict[str, Any], side: str, codes: set[str]) -> dict[str, list[str]]:
    """The three names each actor code is most often told by (for the node's label and tooltip)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for which in ("source", "target"):
        for row in store.aggregate([f"{which}_{side}", f"{which}_name"], ["count"], **filters):
            code, name = row[f"{which}_{side}"], row[f"{which}_name"]
            if code in codes and name:
                counts[code][name] += row["count"]
    return {code: [n for n, _ in c.most_common(3)] for code, c in counts.items()}
