"""The spaCy models' matrix products on numpy's BLAS, one thread while a batch is parsed.

Most of the parse's time is matrix products (thinc's ``NumpyOps.gemm``: tok2vec's maxout layers, the
tagger's and the parser's input layers). thinc hands them to the blis package, whose wheel runs its generic
kernel on CPUs it does not know (it does so on this project's machines: about a third of the speed of
numpy's OpenBLAS on the same product). :func:`install` gives every layer of the pipeline's models thinc's
own ``NumpyOps(use_blis=False)`` (numpy's ``dot``), and :func:`one_thread` pins numpy's BLAS to one thread
while a batch is parsed: the pipeline scales by processes, and on two cores OpenBLAS's threads only wait on each other.

Numpy's kernel adds the same products in another order, so the tensors can differ in the last bits; the
tags, lemmas and parses read from them are the same. Without threadpoolctl, or without a BLAS it can pin,
nothing changes (blis stays).
"""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)


@functools.cache
def _controller() -> Any | None:
    """threadpoolctl's controller of numpy's BLAS, if threadpoolctl is installed and finds one; else None."""
    try:
        import numpy  # noqa: F401 - the BLAS to find is numpy's, loaded with it
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return None
    controller = ThreadpoolController().select(user_api="blas")
    return controller if controller.lib_controllers else None


def install(nlp: Language) -> bool:
    """Give every layer of ``nlp``'s models ``NumpyOps(use_blis=False)`` where numpy's BLAS can be pinned to
    one thread (:func:`one_thread`); whether it did."""
    if _controller() is None:
        return False
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for layer in model.walk():
                layer.ops = ops
    log.debug("numpy's BLAS for the matrix products of %s", nlp.pipe_names)
    return True


@contextlib.contextmanager
def one_thread() -> Iterator[None]:
    """Numpy's BLAS on one thread inside the block, as many as before after it (nothing without it)."""
    controller = _controller()
    if controller is None:
        yield
        return
    with controller.limit(limits=1):
        yield
