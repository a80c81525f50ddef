"""Which named places lie near one another: points on a grid of ``NEAR_DEGREES`` cells."""

from __future__ import annotations

import math
from collections.abc import Iterable

NEAR_DEGREES = 1.4  # about 150 km


class NearIndex:
    """Points of named places on a grid of ``NEAR_DEGREES`` cells: which other names lie near a point."""

    def __init__(self, points: Iterable[tuple[str, float, float]]) -> None:
        self._cells: dict[tuple[int, int], list[tuple[str, float, float]]] = {}
        for key, lat, lon in points:
            self._cells.setdefault(_cell(lat, lon), []).append((key, lat, lon))

    def count(self, lat: float, lon: float, own_key: str) -> int:
        """How many other names (not ``own_key``) have a point within about 150 km of (lat, lon)."""
        if not self._cells:
            return 0
        k = math.cos(math.radians(lat))
        ci, cj = _cell(lat, lon)
        names: set[str] = set()
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                for key, plat, plon in self._cells.get((ci + di, cj + dj), ()):
                    if key != own_key and (plat - lat) ** 2 + ((plon - lon) * k) ** 2 < NEAR_DEGREES ** 2:
                        names.add(key)
        return len(names)


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / NEAR_DEGREES), math.floor(lon / NEAR_DEGREES)
