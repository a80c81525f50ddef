"""Helpers for the actor test modules: pick mentions out of what the actors stage found."""

from __future__ import annotations

from eventwire.models import Mention


def only(mentions: tuple[Mention, ...], text: str) -> Mention:
    """The one mention with this text (fails, listing all mentions, when there is none or several)."""
    found = [m for m in mentions if m.text == text]
    assert len(found) == 1, [(m.text, m.actor.code) for m in mentions]
    return found[0]


def codes(mentions: tuple[Mention, ...]) -> dict[str, str | None]:
    """Mention text → actor code."""
    return {m.text: m.actor.code for m in mentions}
