"""Coreference scores: MUC, B³, CEAF-e and their CoNLL average, on clusters of hashable mentions.

Key and response are lists of disjoint clusters (frozensets). Written from the metric definitions
(Vilain et al. 1995; Bagga & Baldwin 1998; Luo 2005) and counted as the CoNLL reference scorer v8.01
counts them (Pradhan et al. 2014) when the whole corpus is one document:

- a mention on one side only ("twinless", as after :func:`without_singletons`) is a partition of its own
  for MUC, adds nothing to the B³ numerator while counting in that side's denominator, and is simply
  part of its cluster for CEAF-e;
- CoNLL F1 is the plain mean of the MUC, B³ and CEAF-e F1.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterator, Mapping, Sequence
from typing import TypeVar

M = TypeVar("M", bound=Hashable)
Clusters = Sequence[frozenset[Hashable]]


def _index(clusters: Clusters) -> dict[Hashable, int]:
    return {m: n for n, c in enumerate(clusters) for m in c}


def muc(key: Clusters, response: Clusters) -> tuple[float, float]:
    """MUC recall and precision (Vilain et al. 1995): links kept over links needed."""
    def recall(k: Clusters, r: Clusters) -> float:
        where = _index(r)
        num = den = 0
        for c in k:
            parts = {where.get(m, ("alone", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num / den if den else 0.0
    return recall(key, response), recall(response, key)


def b_cubed(key: Clusters, response: Clusters) -> tuple[float, float]:
    """B³ recall and precision (Bagga & Baldwin 1998), averaged over mentions: recall is
    Σ_K Σ_R |K∩R|² / |K| over all key mentions (a key mention the response lacks adds 0), precision the
    same with the sides swapped."""
    def recall(k: Clusters, r: Clusters) -> float:
        where = _index(r)
        total = 0.0
        n = 0
        for c in k:
            n += len(c)
            for m in c:
                if m in where:
                    total += len(c & r[where[m]]) / len(c)
        return total / n if n else 0.0
    return recall(key, response), recall(response, key)


def ceaf_e(key: Clusters, response: Clusters) -> tuple[float, float]:
    """Entity-based CEAF (Luo 2005, φ4): the best one-to-one alignment of key and response clusters."""
    if not key or not response:
        return 0.0, 0.0
    total = 0.0
    for ks, rs in _components(key, response):
        sim = [[2 * len(key[i] & response[j]) / (len(key[i]) + len(response[j])) for j in rs] for i in ks]
        total += _best_assignment(sim)
    return total / len(key), total / len(response)


def _components(key: Clusters, response: Clusters) -> Iterator[tuple[list[int], list[int]]]:
    """Groups of key and response clusters linked by shared mentions (alignment is independent across)."""
    where = _index(response)
    parent = list(range(len(key)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner: dict[int, int] = {}
    for i, c in enumerate(key):
        for m in c:
            j = where.get(m)
            if j is None:
                continue
            if j in owner:
                parent[find(i)] = find(owner[j])
            else:
                owner[j] = i
    groups: dict[int, tuple[list[int], set[int]]] = {}
    for i in range(len(key)):
        groups.setdefault(find(i), ([], set()))[0].append(i)
    for j, i in owner.items():
        groups[find(i)][1].add(j)
    for ks, rs in groups.values():
        if rs:
            yield ks, sorted(rs)


def _best_assignment(sim: list[list[float]]) -> float:
    """The largest total similarity of a one-to-one assignment of rows to columns (Hungarian method,
    shortest augmenting paths with potentials; rows and columns swapped so that rows ≤ columns)."""
    if len(sim) > len(sim[0]):
        sim = [list(col) for col in zip(*sim, strict=True)]
    n, m = len(sim), len(sim[0])
    cost = [[-v for v in row] for row in sim]
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    row_of = [0] * (m + 1)  # column -> assigned row (1-based; 0 = free)
    for i in range(1, n + 1):
        row_of[0] = i
        col = 0
        min_to = [inf] * (m + 1)
        came = [0] * (m + 1)
        used = [False] * (m + 1)
        while row_of[col] != 0:
            used[col] = True
            r, delta, nxt = row_of[col], inf, 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                reduced = cost[r - 1][j - 1] - u[r] - v[j]
                if reduced < min_to[j]:
                    min_to[j], came[j] = reduced, col
                if min_to[j] < delta:
                    delta, nxt = min_to[j], j
            for j in range(m + 1):
                if used[j]:
                    u[row_of[j]] += delta
                    v[j] -= delta
                else:
                    min_to[j] -= delta
            col = nxt
        while col:
            prev = came[col]
            row_of[col] = row_of[prev]
            col = prev
    return sum(sim[row_of[j] - 1][j - 1] for j in range(1, m + 1) if row_of[j])


def _f1(r: float, p: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def coref_scores(key: Clusters, response: Clusters) -> dict[str, float]:
    """MUC, B³, CEAF-e recall/precision/F1 and the CoNLL F1 (their mean)."""
    out: dict[str, float] = {}
    for name, metric in (("muc", muc), ("b3", b_cubed), ("ceafe", ceaf_e)):
        r, p = metric(key, response)
        out[f"{name}_r"], out[f"{name}_p"], out[f"{name}_f1"] = r, p, _f1(r, p)
    out["conll_f1"] = (out["muc_f1"] + out["b3_f1"] + out["ceafe_f1"]) / 3
    return out


def without_singletons(clusters: Clusters) -> list[frozenset[Hashable]]:
    """The clusters of two mentions or more: the view 'without singletons' removes one-mention clusters
    from key and response alike before scoring (a mention may then be on one side only)."""
    return [c for c in clusters if len(c) > 1]


def group(labels: Mapping[M, str]) -> list[frozenset[M]]:
    """Mentions with the same label as one cluster each, in a stable order."""
    by: dict[str, set[M]] = defaultdict(set)
    for m, label in labels.items():
        by[label].add(m)
    return [frozenset(by[k]) for k in sorted(by)]
