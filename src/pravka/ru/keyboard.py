"""The ЙЦУКЕН keyboard: which keys a finger slips between.

Each key gets a position (column shifted by the row's stagger, row); two keys are neighbours when they
are at most one row and one key-width apart.
"""

from __future__ import annotations

KEYBOARD_ROWS = ("йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю")
ROW_SHIFT = (0.0, 0.3, 0.8)
_POSITIONS = {ch: (col + ROW_SHIFT[row], row) for row, keys in enumerate(KEYBOARD_ROWS) for col, ch in enumerate(keys)}


def are_keyboard_neighbours(a: str, b: str) -> bool:
    pa, pb = _POSITIONS.get(a), _POSITIONS.get(b)
    if pa is None or pb is None:
        return False
    return abs(pa[1] - pb[1]) <= 1 and abs(pa[0] - pb[0]) <= 1.0
