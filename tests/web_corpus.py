"""A corpus of our own short articles for the web UI's tests: dyads among a few states, events at places
with coordinates, three outlets telling one meeting (a cluster with three sources), dates from a stray 1984
story to a 2002 peak (a long range), an event dated only to a year, and undated ones. Ingested through the
real pipeline into a real store."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from eventwire import api
from eventwire.config import Settings, load_settings

PEOPLE = {
    "RUS": ("Russian", "Foreign Minister Sergei Lavrov"),
    "CHN": ("Chinese", "Foreign Minister Wang Yi"),
    "IND": ("Indian", "Prime Minister Atal Bihari Vajpayee"),
    "PAK": ("Pakistani", "President Pervez Musharraf"),
    "FRA": ("French", "President Jacques Chirac"),
    "DEU": ("German", "Chancellor Gerhard Schroeder"),
    "USA": ("American", "Secretary of State Colin Powell"),
    "PRK": ("North Korean", "leader Kim Jong Il"),
}
CITIES = ["Moscow", "Beijing", "New Delhi", "Islamabad", "Paris", "Berlin", "Washington", "Pyongyang",
          "Kashmir", "Lahore", "Mumbai", "Shanghai"]
PAIRS = [("RUS", "CHN"), ("IND", "PAK"), ("FRA", "DEU"), ("USA", "PRK"), ("RUS", "IND"), ("CHN", "PAK"),
         ("USA", "FRA"), ("IND", "CHN")]
OUTLETS = ["Wire One", "Daily Two", "Three Times"]


def _meeting(a: str, b: str, city: str) -> str:
    return (f"{PEOPLE[a][0]} {PEOPLE[a][1]} met {PEOPLE[b][0]} {PEOPLE[b][1]} in {city} on Tuesday "
            "to discuss trade and security.")


def _attack(a: str, b: str, city: str) -> str:
    return f"{PEOPLE[a][0]} troops attacked {PEOPLE[b][0]} soldiers near {city} on Monday, killing four."


def _accuse(a: str, b: str, city: str) -> str:
    return f"{PEOPLE[a][0]} {PEOPLE[a][1]} accused {PEOPLE[b][0]} officials of sabotage in {city} on Wednesday."


def corpus_records() -> list[dict[str, Any]]:
    """JSONL records: ids, titles, outlets, publication dates and texts."""
    records: list[dict[str, Any]] = []
    start = date(2002, 1, 9)
    for i in range(36):
        a, b = PAIRS[i % len(PAIRS)]
        city = CITIES[(i * 5) % len(CITIES)]
        kind = (_meeting, _attack, _accuse)[i % 3]
        day = start + timedelta(days=10 * i)
        text = kind(a, b, city)
        records.append({"id": f"c{i:02d}", "title": f"Story {i}", "published": day.isoformat(),
                        "source": OUTLETS[i % 3], "url": f"https://news.example.org/c{i:02d}", "text": text})
    # One meeting told by three outlets: one cluster, three sources.
    for n, outlet in enumerate(OUTLETS):
        text = (f"{PEOPLE['RUS'][0]} {PEOPLE['RUS'][1]} met {PEOPLE['PRK'][0]} {PEOPLE['PRK'][1]} in "
                f"Pyongyang on Tuesday{', officials said' if n else ''}.")
        records.append({"id": f"shared-{n}", "title": f"Lavrov in Pyongyang ({outlet})", "published": "2002-07-03",
                        "source": outlet, "url": f"https://{n}.example.org/lavrov", "text": text})
    # A stray story of 1984 (the long range), a 2001 one, an event dated only to a year, an undated one.
    records.append({"id": "old-1984", "title": "An old story", "published": "1984-03-09", "source": "Archive",
                    "text": _meeting("FRA", "DEU", "Paris")})
    records.append({"id": "y2001", "title": "Late 2001", "published": "2001-12-12", "source": "Wire One",
                    "text": _attack("IND", "PAK", "Kashmir")})
    records.append({"id": "year-only", "title": "A year", "published": "2002-05-05", "source": "Daily Two",
                    "text": "China and Russia signed a border agreement in 1999."})
    records.append({"id": "undated", "title": "No date", "published": "2002-06-06", "source": "Daily Two",
                    "text": "Pakistan has long accused India of backing militants."})
    return records


def fill_corpus(tmp: Path, pipeline: Any, settings: Settings | None = None) -> Settings:
    """The corpus ingested into ``settings`` (default: a new SQLite store in ``tmp``)."""
    settings = settings or load_settings(environ={}, database_url=str(tmp / "corpus.db"))
    path = tmp / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in corpus_records()), encoding="utf-8")
    summary = api.ingest([path], settings=settings, pipeline=pipeline)
    assert summary.stored == len(corpus_records()), summary.as_dict()
    return settings
