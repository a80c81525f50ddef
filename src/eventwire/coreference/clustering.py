"""Average-link agglomerative clustering of mentions (the usual closing step of event coreference since
Barhom et al. 2019 and Cattan et al. 2021): start from every mention alone, repeatedly merge the two
clusters whose mean pair probability is highest, stop when none reaches the model's threshold. A pair the
similarity calls apart (other-instance words) forbids the merge of the clusters holding it."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .features import MentionFeatures
from .similarity import PairModel, apart


def probabilities(mentions: Sequence[MentionFeatures], model: PairModel) -> np.ndarray:
    """The pair probability matrix (NaN on pairs that are apart; the diagonal 0)."""
    n = len(mentions)
    p = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            a, b = mentions[i], mentions[j]
            p[i, j] = p[j, i] = np.nan if apart(a, b) else model.probability(a, b)
    return p


def cluster_mentions(mentions: Sequence[MentionFeatures], model: PairModel,
                     threshold: float | None = None) -> list[int]:
    """Each mention's cluster number (0, 1, …, in order of first mention)."""
    limit = model.threshold if threshold is None else threshold
    return agglomerate(probabilities(mentions, model), limit)


def agglomerate(p: np.ndarray, threshold: float) -> list[int]:
    """Average link over the matrix ``p`` (NaN: never together); clusters numbered by first member."""
    n = p.shape[0]
    if n == 0:
        return []
    blocked = np.isnan(p)
    total = np.where(blocked, 0.0, p)  # sum of pair probabilities between clusters
    veto = blocked.copy()  # clusters holding a pair that is apart
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    label = list(range(n))
    while True:
        mean = total / np.outer(size, size)
        mean[veto | ~alive[:, None] | ~alive[None, :]] = -1.0
        np.fill_diagonal(mean, -1.0)
        flat = int(np.argmax(mean))
        i, j = divmod(flat, n)
        if mean[i, j] < threshold:
            break
        # j joins i
        total[i, :] += total[j, :]
        total[:, i] = total[i, :]
        veto[i, :] |= veto[j, :]
        veto[:, i] = veto[i, :]
        size[i] += size[j]
        alive[j] = False
        total[j, :] = total[:, j] = 0.0
        for m in range(n):
            if label[m] == j:
                label[m] = i
    first: dict[int, int] = {}
    return [first.setdefault(x, len(first)) for x in label]
