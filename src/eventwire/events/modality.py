"""Modality rules of the coder, after the CAMEO 1.1b3 codebook: an intended cooperative act is AGREE
(03), an intended conflictual one THREATEN (13), a refused one REJECT (12), one a third party says
another *must* do REQUEST (10). The code maps (``data/events/modality.toml``) take the CAMEO code of the act
to the code of the frame; the word classes are the vocabulary's (``data/lexicon/events.toml``).
"""

from __future__ import annotations

import tomllib
from importlib.resources import files
from pathlib import Path
from typing import Any

from ..certainty.lexicon import load_lexicon as load_certainty_lexicon
from ..errors import ResourceError
from ..vocabulary import words

COOPERATIVE = words("events_types.cooperative")
SPEECH_ACTS = words("events_types.speech_acts")
# verbs whose complement says what is intended: its type decides between AGREE and THREATEN
INTENT_VERBS = words("events_verbs.intent")
INTENT_ADJECTIVES = words("events_words.intent_adjectives")
# "cannot / can't accept": an ability denied in the present is a refusal, like "will not"
INABILITY_AUX = words("events_words.inability_auxiliaries")
DEONTIC_AUX = words("events_words.deontic_auxiliaries")
NEGATIONS = words("events_words.negations")


def _future_auxiliaries() -> frozenset[str]:
    """"will provide", "would provide": the certainty lexicon's future modals and the future-in-the-past "would"
    (``data/certainty/lexicon.toml``: one list of the future auxiliaries; not time.toml's
    ``time_tense.future_auxiliaries``, which also counts the conditional "'d" when it dates an act)."""
    status = load_certainty_lexicon().status
    return status.future_modals | status.reported_future_modals


FUTURE_AUX = _future_auxiliaries()


def _read_code_maps() -> dict[str, tuple[str, dict[str, str]]]:
    path = Path(str(files("eventwire") / "data" / "events" / "modality.toml"))
    try:
        table: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ResourceError(f"cannot read the CAMEO code maps: {exc}", path=str(path), code="E443") from exc
    out: dict[str, tuple[str, dict[str, str]]] = {}
    for name, spec in table.items():
        if name == "version":
            continue
        if not isinstance(spec, dict) or not isinstance(spec.get("default"), str) or not isinstance(
                spec.get("codes"), dict) or not spec.get("why"):
            raise ResourceError(f"code map [{name}] needs a 'why', a 'default' code and a table of 'codes'",
                                path=str(path), code="E443")
        out[name] = (spec["default"], {str(k): str(v) for k, v in spec["codes"].items()})
    return out


CODE_MAPS = _read_code_maps()


def recode(map_name: str, cameo: str) -> str:
    """The code of map ``map_name`` ("intent", "threat", "refuse", "demand") for the act coded ``cameo``: looked
    up whole, then by its first three and two digits."""
    default, codes = CODE_MAPS[map_name]
    for key in (cameo, cameo[:3], cameo[:2]):
        if key in codes:
            return codes[key]
    return default


def intent_code(cameo: str) -> str:
    """The CAMEO 03x code for the intent to do ``cameo`` ("will provide aid" → 033)."""
    return recode("intent", cameo)


def threat_code(cameo: str) -> str:
    """The CAMEO 13x code for threatening to do ``cameo`` ("will blockade" → 131)."""
    return recode("threat", cameo)
