"""Modality rules of the coder, after the CAMEO 1.1b3 codebook: an intended cooperative act is AGREE
(03), an intended conflictual one THREATEN (13), a refused one REJECT (12), one a third party says
another *must* do REQUEST (10). These tables map the CAMEO root of the act to the code of the frame.
"""

from __future__ import annotations

COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "AGREE"})
SPEECH_ACTS = frozenset({"AGREE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
# verbs whose complement says what is intended: its type decides between AGREE and THREATEN
INTENT_VERBS = frozenset({"promise", "pledge", "vow", "swear", "offer", "agree", "threaten", "plan",
                          "intend", "commit", "warn"})
INTENT_ADJECTIVES = frozenset({"willing", "ready", "prepared", "determined", "eager", "keen", "poised",
                               "committed"})
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})
# "cannot / can't accept": an ability denied in the present is a refusal, like "will not"
INABILITY_AUX = frozenset({"can", "ca"})
DEONTIC_AUX = frozenset({"must", "should", "ought"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})

# CAMEO root of the intended act → the code of "express intent to …" (03) / "threaten to …" (13) /
# "refuse to …" (12) / "demand that … " (10), after the CAMEO 1.1b3 codebook
INTENT_CODE = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "03": "030"}
INTENT_SUB = {"071": "0331", "072": "0332", "073": "0333", "074": "0334", "061": "0311", "062": "0312",
              "063": "0313", "064": "0314", "081": "0351", "0841": "0353", "085": "0354", "086": "0355",
              "087": "0356", "0871": "0356"}
THREAT_CODE = {"14": "133", "15": "138", "16": "131", "17": "132", "18": "138", "19": "138", "20": "138",
               "163": "1312", "166": "136", "161": "1313", "164": "134", "1723": "1323", "1724": "1324",
               "191": "1381", "192": "1382", "172": "132", "1722": "1322"}
REFUSE_CODE = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124", "02": "120",
               "10": "120"}
DEMAND_CODE = {"03": "100", "04": "106", "05": "102", "06": "101", "07": "103", "08": "105", "12": "105",
               "16": "1056", "17": "105", "18": "1056", "19": "1056", "20": "1056"}


def intent_code(cameo: str) -> str:
    """The CAMEO 03x code for the intent to do ``cameo`` ("will provide aid" → 033)."""
    for k in (cameo, cameo[:3]):
        if k in INTENT_SUB:
            return INTENT_SUB[k]
    return INTENT_CODE.get(cameo[:2], "030")


def threat_code(cameo: str) -> str:
    """The CAMEO 13x code for threatening to do ``cameo`` ("will blockade" → 131)."""
    for k in (cameo, cameo[:3], cameo[:2]):
        if k in THREAT_CODE:
            return THREAT_CODE[k]
    return "130"
