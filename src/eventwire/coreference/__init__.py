"""Event coreference: when do two event mentions tell one real-world event? (issue 11)

One mention-similarity model, used by every place that groups mentions: the article's dedup stage, the
store's cross-article clusters and ``eventwire eval dedup --gold-mentions`` on ECB+, so that the figure
we measure is the behaviour users get.

- :mod:`.features`: what is known of one mention (:class:`MentionFeatures`);
- :mod:`.similarity`: a pair's evidence and its probability of coreference (a logistic model whose
  weights are data, ``data/coreference/weights.json``, refit by ``scripts/train_event_coref.py``);
- :mod:`.clustering`: average-link agglomerative clustering of mentions over those probabilities;
- :mod:`.embedding`: the optional contextual embedding of a trigger (extra ``[coref]``); without it the
  model's no-embedding weights are used (a documented fallback, not a silent degradation);
- :mod:`.documents`: clustering of documents by their words, to block mention pairs (own topics; the
  system never sees ECB+'s gold topics);
- :mod:`.records`: the features of a pipeline event record (trigger lemma, actor codes in the roles,
  the sentence's actors, date, place, instance words), for the dedup stage (``dedup.EventMerger``).
"""

from .clustering import cluster_mentions
from .features import MentionFeatures
from .similarity import PairModel, load_pair_model

__all__ = ["MentionFeatures", "PairModel", "cluster_mentions", "load_pair_model"]
