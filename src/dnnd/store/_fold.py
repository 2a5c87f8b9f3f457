"""Folding Vietnamese for the full-text indexes: a search finds words with or without diacritics.

SQLite's ``unicode61`` tokenizer with ``remove_diacritics 2`` folds case and
every combining mark (``Nguyễn`` -> ``nguyen``), but not the letter đ/Đ,
which is a letter of its own, not d with a mark. The indexes therefore hold
each text also with đ/Đ written d/D (:func:`fold_d`), and a query is folded
the same way (:func:`match_query`).

>>> fold_d("Đoàn Thanh niên đối ngoại")
'Doàn Thanh niên dối ngoại'
>>> fold("Hội hữu nghị Việt Nam - Đức")
'hoi huu nghi viet nam - duc'
>>> match_query('Nguyen Van "Doanh"')
'"nguyen" "van" "doanh"'
"""

from __future__ import annotations

import re

from ..normalise import fold_eth, strip_diacritics

__all__ = ["fold", "fold_d", "match_query"]

_D = str.maketrans({"đ": "d", "Đ": "D"})
_WORD = re.compile(r"\w+")


def fold_d(text: str) -> str:
    """*text* with đ/Đ (and their look-alikes Ð, ð, Ɖ) written d/D; the other diacritics are left to the tokenizer."""
    return fold_eth(text).translate(_D)


def fold(text: str) -> str:
    """*text* in lower case without diacritics (đ/Đ folded too)."""
    return strip_diacritics(text).lower()


def match_query(text: str) -> str:
    """An FTS5 ``MATCH`` expression finding rows with every word of *text* (any diacritics, any case).

    Each word is quoted, so user input can never be read as FTS5 syntax.
    """
    return " ".join(f'"{w}"' for w in _WORD.findall(fold(text)))
