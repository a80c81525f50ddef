"""The small learning kit of eventwire's learned components (the event scorer, the argument filler): logistic
regression fitted by gradient descent with an L2 penalty (numpy only), grouped cross-validation, and the
threshold that keeps the most positives for the negatives it lets through. Training scripts use it; the
pipeline only reads the fitted weights (JSON), so it needs nothing of this at run time."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

L2 = 1.0
FOLDS = 5


def matrix(rows: Sequence[Mapping[str, float]]) -> tuple[np.ndarray, list[str]]:
    """Feature dicts as a dense matrix, with the feature names in column order."""
    names = sorted({k for r in rows for k in r})
    return np.array([[r.get(k, 0.0) for k in names] for r in rows]), names


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = 3000, rate: float = 0.5) -> tuple[np.ndarray, float]:
    """Logistic regression by full-batch gradient descent; returns (weights, bias)."""
    w = np.zeros(x.shape[1])
    b = 0.0
    n = max(1, len(y))
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        w -= rate * (x.T @ (p - y) / n + l2 * w / n)
        b -= rate * float(np.mean(p - y))
    return w, b


def cross_validated(x: np.ndarray, y: np.ndarray, groups: Sequence[str]) -> np.ndarray:
    """Each row's probability from a model fitted on the other folds' groups (articles)."""
    names = sorted(set(groups))
    fold_of = {g: n % FOLDS for n, g in enumerate(names)}
    folds = np.array([fold_of[g] for g in groups])
    out = np.zeros(len(y))
    for k in range(FOLDS):
        test = folds == k
        if not test.any() or test.all():
            continue
        w, b = fit(x[~test], y[~test])
        out[test] = 1.0 / (1.0 + np.exp(-(x[test] @ w + b)))
    return out


def best_threshold(p: np.ndarray, y: np.ndarray, positive_worth: float) -> float:
    """The threshold that maximises kept positives × worth − kept negatives."""
    best = (0.5, -1e9)
    for t in np.arange(0.05, 0.95, 0.01):
        keep = p >= t
        gain = positive_worth * float(np.sum(y[keep])) - float(np.sum(1 - y[keep]))
        if gain > best[1]:
            best = (float(t), gain)
    return round(best[0], 2)


def best_f1_threshold(p: np.ndarray, y: np.ndarray) -> float:
    """The threshold that maximises F1 of the kept rows: their share of all positives, and their precision."""
    best = (0.5, -1.0)
    total = max(1.0, float(np.sum(y)))
    for t in np.arange(0.05, 0.95, 0.01):
        keep = p >= t
        kept_pos = float(np.sum(y[keep]))
        if not keep.any() or kept_pos == 0:
            continue
        recall, precision = kept_pos / total, kept_pos / float(np.sum(keep))
        f1 = 2 * recall * precision / (recall + precision)
        if f1 > best[1]:
            best = (float(t), f1)
    return round(best[0], 2)


def weights_table(names: Sequence[str], w: np.ndarray) -> dict[str, float]:
    return {k: round(float(v), 5) for k, v in zip(names, w, strict=True) if abs(v) > 1e-6}
