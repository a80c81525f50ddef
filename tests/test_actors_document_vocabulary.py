"""The document model's word classes (data/lexicon/actors_document.toml) load and are bound as the code reads
them: lemmas and dependency labels in lower case, sector codes in upper case."""

from __future__ import annotations

from eventwire.actors import document, introduced
from eventwire.vocabulary import class_names


def test_actors_document_classes_load_and_bind() -> None:
    assert {n for n in class_names() if n.startswith("actors_document.")} == {
        "actors_document.expletive_head_lemmas", "actors_document.phrase_dependencies",
        "actors_document.people_sectors", "actors_document.not_domestic", "actors_document.state_kind_nouns",
        "actors_document.body_kind_nouns", "actors_document.heading_titles", "actors_document.collective_heads"}
    assert "seem" in document.EXPLETIVE_HEADS and "appos" in document.PHRASE_DEPS
    assert "CVL" in document.PEOPLE_SECTORS and all(c.isupper() for c in document.PEOPLE_SECTORS)
    assert "international" in document.NOT_DOMESTIC
    assert "secretary general" in introduced.HEADING_TITLES
