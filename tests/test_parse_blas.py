"""eventwire.blas: the models' matrix products on numpy's BLAS, pinned to one thread while parsing."""

from __future__ import annotations

import pytest

from eventwire import blas


def test_models_use_numpy_blas_where_it_can_be_pinned(nlp) -> None:  # type: ignore[no-untyped-def]
    """With threadpoolctl every layer of every model has NumpyOps without blis; without it, thinc's default."""
    uses_blis = {getattr(layer.ops, "use_blis", None)
                 for _, component in nlp.pipeline if hasattr(getattr(component, "model", None), "walk")
                 for layer in component.model.walk()}
    assert uses_blis == ({False} if blas._controller() is not None else {True})


def test_one_thread_pins_and_restores() -> None:
    controller = blas._controller()
    if controller is None:
        pytest.skip("threadpoolctl is not installed or finds no BLAS: blis stays, nothing to pin")
    before = [lib.num_threads for lib in controller.lib_controllers]
    with blas.one_thread():
        from threadpoolctl import ThreadpoolController

        inside = ThreadpoolController().select(user_api="blas")
        assert {lib.num_threads for lib in inside.lib_controllers} == {1}
    assert [lib.num_threads for lib in controller.lib_controllers] == before
