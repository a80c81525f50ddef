"""One vocabulary of word classes for every stage, read from the TOML files of ``data/lexicon/``.

A class is named ``family.key`` ("pronouns.third_plural"); :func:`words` returns it as a frozenset of
lower-case strings. Code and rule files name classes, never copy their words, so a list lives in one place.
Each file holds some families (``words.toml`` the shared ones; a stage may keep its own families in a file
named after it); a family is defined in one file only. The files are validated when first read: a family that
is not a table or is defined twice, a class that is not a non-empty list of strings, or an unknown class name
raises :class:`~eventwire.errors.ResourceError` (E440) naming the file and the class.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from .errors import ResourceError


def _folder() -> Path:
    return Path(str(files("eventwire") / "data" / "lexicon"))


@lru_cache(maxsize=1)
def _classes() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    owner: dict[str, Path] = {}
    for path in sorted(_folder().glob("*.toml")):
        try:
            table: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ResourceError(f"cannot read the word classes: {exc}", path=str(path), code="E440") from exc
        for family in table:
            if family != "version" and family in owner:
                raise ResourceError(f"family [{family}] is also defined in {owner[family].name}", path=str(path),
                                    code="E440")
            owner[family] = path
        out.update(parse_classes(table, str(path)))
    return out


def parse_classes(table: dict[str, Any], where: str) -> dict[str, frozenset[str]]:
    """Validate a loaded vocabulary table and flatten it to ``{"family.key": words}``."""
    out: dict[str, frozenset[str]] = {}
    for family, classes in table.items():
        if family == "version":
            continue
        if not isinstance(classes, dict):
            raise ResourceError(f"[{family}] must be a table of word classes", path=where, code="E440")
        for key, value in classes.items():
            name = f"{family}.{key}"
            if not isinstance(value, list) or not value or not all(isinstance(w, str) and w for w in value):
                raise ResourceError(f"class {name!r} must be a non-empty list of words", path=where, code="E440")
            out[name] = frozenset(w.lower() for w in value)
    return out


def words(name: str) -> frozenset[str]:
    """The words of class ``name`` ("family.key")."""
    classes = _classes()
    try:
        return classes[name]
    except KeyError:
        raise ResourceError(f"unknown word class {name!r}", path=str(_folder()), code="E440") from None


def class_names() -> list[str]:
    """Every class name the vocabulary defines."""
    return sorted(_classes())
