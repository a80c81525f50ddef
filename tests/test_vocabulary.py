"""The shared vocabulary (vocabulary.py, data/lexicon/*.toml)."""

from __future__ import annotations

import pytest

from eventwire.errors import ResourceError
from eventwire.vocabulary import class_names, parse_classes, words


def test_classes_load_and_are_lower_case() -> None:
    assert "he" in words("pronouns.third_singular_person")
    assert all(w == w.lower() for name in class_names() for w in words(name))


def test_unknown_class_fails_loudly() -> None:
    with pytest.raises(ResourceError) as err:
        words("pronouns.no_such_class")
    assert err.value.code == "E440" and "pronouns.no_such_class" in err.value.message


@pytest.mark.parametrize(("table", "problem"), [
    ({"fam": ["a"]}, "must be a table"),
    ({"fam": {"key": []}}, "non-empty list"),
    ({"fam": {"key": ["a", 3]}}, "non-empty list"),
])
def test_bad_vocabulary_fails_loudly(table: dict[str, object], problem: str) -> None:
    with pytest.raises(ResourceError) as err:
        parse_classes(table, "x.toml")  # type: ignore[arg-type]
    assert err.value.code == "E440" and problem in err.value.message and err.value.path == "x.toml"
