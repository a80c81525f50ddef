"""Sports copy: games told with the words of politics and war.

Sports reports name teams by their cities and countries ("Chicago beat Boston 91-73", "England defeated
India by five wickets") and use verbs that are events elsewhere (beat, defeat, visit, host, sign, attack,
shoot, strike). This module finds sports copy from its words alone (no parse needed) so that the coder
can leave those contest verbs uncoded there:

- a *sports sentence* holds a match result ("a 27-24 loss", "won 77-68", a team's record "(7-7)",
  "by five wickets"), a league or competition name ("NBA", "Premier League", "Super Bowl"), or a word
  that only team sport uses ("touchdown", "quarterback", "innings", "playoff");
- a *sports article* has at least two sports sentences making up a third of its sentences or more
  (or three making up a quarter: game reports tell much of the play in words no list can hold).

Only the verbs of :data:`GAME_VERBS` are affected, so a police arrest, a charge or an expulsion told in
the same sentence still codes ("the World Cup host expelled ..."). The violent senses
(:data:`PLAY_VERBS`: attack, shoot, strike, ...) need a game word in their own sentence; the article
alone is not enough, so "X attacked Y's posts" in a report that also talks of a tournament still codes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..models import AnalysedArticle, Section
from ..vocabulary import words

# The word classes of sports copy (data/lexicon/events.toml, family events_sports), bound once.
# Verbs whose non-political sense is the normal one in sports copy: a sports article is enough for them.
GAME_VERBS = words("events_sports.game_verbs")
# the forms of the game verbs a headline shares with its body ("beat", "beats", "defeated" …)
_GAME_FORMS = frozenset(f for v in words("events_sports.headline_game_verbs")
                        for f in (v, v + "s", v + "ed", v + "d", v + "en", v + "ing"))
# Verbs of a roster ("released running back X"): the police may release a player too, so these need a sports
# sentence of their own.
ROSTER_VERBS = words("events_sports.roster_verbs")
# Violent senses used of play ("attacked down the left", "shot wide"): only in a sentence that tells of the play
# itself (a score, a margin, a half, a kick), never for a sentence that only names a player.
PLAY_VERBS = words("events_sports.play_verbs")
# Compound names of competitions and roles (lower-case token sequences).
_PHRASES = frozenset(tuple(p.split()) for p in words("events_sports.phrases"))
# Phrases of the play itself: with these, even the violent verbs are moves of a game.
_PLAY_PHRASES = frozenset(tuple(p.split()) for p in words("events_sports.play_phrases"))
# "the first half of 2024" is a stretch of time, not of a game.
_HALVES = frozenset(p for p in _PLAY_PHRASES if p[-1] == "half")
# Single words that belong to team sport (lower-case); league names are matched upper-case.
_WORDS = words("events_sports.team_sport_words")
_PLAY_WORDS = words("events_sports.play_words")
# league names match in upper case only ("NBA", not "nba"): the vocabulary lists them lower-case
_LEAGUES = frozenset(w.upper() for w in words("events_sports.leagues"))
# "91-73", "2-1", "7-7": two small numbers joined by a hyphen or an en dash.
_SCORE = re.compile(r"^\d{1,3}[-\u2013]\d{1,3}$")
# Words near a score that make it a game's: "won 77-68", "a 27-24 loss", "by a score of 32-14".
_RESULT_WORDS = words("events_sports.result_words")
# A hyphenated count like "10-15" before these is not a score ("10-15 people", "a 52-48 vote").
_NOT_SCORE_AFTER = words("events_sports.not_score_after")
_SCORE_WINDOW = 4
_RUN_WICKETS = words("events_sports.margin_units")


NO_SPORT, SPORT, PLAY = 0, 1, 2


def sports_level(doc: Doc | Sequence[Token]) -> int:
    """How much a sentence is about a game: :data:`PLAY` (a result, a margin, a move of play),
    :data:`SPORT` (a league, a competition, a word of team sport) or :data:`NO_SPORT`."""
    tokens = list(doc)
    lower = _words(tokens)
    present = set(lower)
    if _tells_play(lower, present):
        return PLAY
    if any(t.text in _LEAGUES for t in tokens) or present & _WORDS:
        return SPORT
    return SPORT if any(p[0] in present and _has_phrase(lower, p) for p in _PHRASES) else NO_SPORT


def _tells_play(lower: list[str], present: set[str]) -> bool:
    """A word or phrase of the play itself, a score next to a result word, or a margin in a game's units."""
    if present & _PLAY_WORDS or any(p[0] in present and _has_phrase(lower, p) for p in _PLAY_PHRASES):
        return True
    return any(w[:1].isdigit() and _is_score(lower, i) for i, w in enumerate(lower)) or (
        "by" in present and _by_margin(lower))


def sports_article(levels: Sequence[int]) -> bool:
    """At least two sports sentences (of their levels) that make up a third of the article or more, or
    three that make up a quarter."""
    hits = sum(level > NO_SPORT for level in levels)
    return (hits >= 2 and 3 * hits >= len(levels)) or (hits >= 3 and 4 * hits >= len(levels))


def dropped_in_sports(lemma: str, level: int, article_is_sports: bool) -> bool:
    """Should a trigger with this lemma, in a sentence of this sports level, stay uncoded?"""
    lemma = lemma.lower()
    if lemma in PLAY_VERBS:
        return level >= PLAY
    if lemma in ROSTER_VERBS:
        return level >= SPORT
    return lemma in GAME_VERBS and (level >= SPORT or article_is_sports)


def headline_sports_levels(analysed: AnalysedArticle, levels: dict[int, int]) -> dict[int, int]:
    """A headline or standfirst tells the body's game in fewer words ("Nigeria beat Ghana in Lagos friendly"
    for the body's "beat Ghana 2-1 in a football friendly"): it takes the sports level of a body sentence that
    uses the same game verb (by its form: headlines are not always parsed)."""
    out = dict(levels)
    body_games: dict[str, int] = {}
    for s in analysed.sentences:
        if s.section == Section.BODY and levels.get(s.index, NO_SPORT) > NO_SPORT and s.index in analysed.docs:
            for t in analysed.docs[s.index]:
                if t.lower_ in _GAME_FORMS:
                    body_games[t.lower_] = max(body_games.get(t.lower_, 0), levels[s.index])
    for s in analysed.sentences:
        if s.section in (Section.HEADLINE, Section.STANDFIRST) and s.index in analysed.docs:
            game = max((body_games.get(t.lower_, NO_SPORT) for t in analysed.docs[s.index]), default=NO_SPORT)
            out[s.index] = max(out.get(s.index, NO_SPORT), game)
    return out


def _words(tokens: Sequence[Token]) -> list[str]:
    """Lower-case words, with a score the tokenizer split ("27", "-", "24") joined back: "27-24"."""
    out: list[str] = []
    glued = False
    for t in tokens:
        if glued or (out and t.text in ("-", "\u2013") and out[-1].isdigit() and not t.whitespace_
                     and t.i > 0 and not t.nbor(-1).whitespace_):
            out[-1] += t.text.lower()
            glued = t.text in ("-", "\u2013")
            continue
        out.append(t.text.lower())
    return out


def _has_phrase(lower: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    if n == 1:  # "No. 5 seed", "the top seed": a seeding, not a plant
        return any(w == phrase[0] and i > 0 and (lower[i - 1].isdigit() or lower[i - 1] in ("top", "no."))
                   for i, w in enumerate(lower))
    return any(tuple(lower[i:i + n]) == phrase and not (phrase in _HALVES and lower[i + n:i + n + 1] == ["of"])
               for i in range(len(lower) - n + 1))


def _is_score(lower: list[str], i: int) -> bool:
    """A score token next to a result word, or a team's record in brackets: "(7-7)"."""
    if not _SCORE.match(lower[i]):
        return False
    after = lower[i + 1] if i + 1 < len(lower) else ""
    if after in _NOT_SCORE_AFTER or "vote" in lower or "voted" in lower:
        return False
    if i > 0 and lower[i - 1] == "(" and after in (")", ","):
        return True
    near = lower[max(0, i - _SCORE_WINDOW):i] + lower[i + 1:i + 1 + 2]
    return any(w in _RESULT_WORDS for w in near)


def _by_margin(lower: list[str]) -> bool:
    """"won by five wickets", "lost by 21 runs": a margin counted in the units of a game."""
    return any(w == "by" and i + 2 < len(lower) and lower[i + 2] in _RUN_WICKETS
               and lower[i + 1] not in ("the", "a") for i, w in enumerate(lower))
