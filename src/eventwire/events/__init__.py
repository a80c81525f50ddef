"""Event coding (pipeline stage ``events``): triggers, arguments and PLOVER/CAMEO codes.

``EventCoder(settings, vocab)`` loads the trigger data once; ``coder(analysed)`` returns the article
with one :class:`~eventwire.models.Event` per coded source–target pair.
"""

from .coder import Coding, EventCoder

__all__ = ["Coding", "EventCoder"]
