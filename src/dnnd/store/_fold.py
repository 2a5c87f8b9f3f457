"""Folding Vietnamese for the full-text indexes: a search finds words with or without diacritics.

SQLite's ``unicode61`` tokenizer with ``remove_diacritics 2`` folds case and
every combining mark (``Nguyễn`` -> ``nguyen``), but not the letter đ/Đ,
which is a letter of its own, not d with a mark. The article index therefore
holds, next to each text, its words that have a đ/Đ written with d/D
(:func:`d_words`: "Đoàn đối ngoại" adds "Doàn dối"), and a query is folded
to plain letters (:func:`match_query`): each of its words then matches
either the text (no đ in it) or the added words. Searches are for all the
words of a query, anywhere in the article (not for a phrase). The names
index holds each name fully folded (:func:`fold`).

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

__all__ = ["d_words", "fold", "fold_d", "match_query"]

_D = str.maketrans({"đ": "d", "Đ": "D"})
_WORD = re.compile(r"\w+")


def fold_d(text: str) -> str:
    """*text* with đ/Đ (and their look-alikes Ð, ð, Ɖ) written d/D; the other diacritics are left to the tokenizer."""
    return fold_eth(text).translate(_D)


def d_words(text: str) -> str:
    """The words of *text* that have a đ/Đ (or a look-alike), with it written d/D, space-separated.

    >>> d_words("Đoàn đại biểu Hội hữu nghị thăm Đà Nẵng")
    'Doàn dại Dà'
    """
    out = []
    for word in text.split():
        folded = fold_d(word)
        if folded != word:
            out.append(folded)
    return " ".join(out)


def fold(text: str) -> str:
    """*text* in lower case without diacritics (đ/Đ folded too)."""
    return strip_diacritics(text).lower()


def match_query(text: str) -> str:
    """An FTS5 ``MATCH`` expression finding rows with every word of *text* (any diacritics, any case).

    Each word is quoted, so user input can never be read as FTS5 syntax.
    """
    return " ".join(f'"{w}"' for w in _WORD.findall(fold(text)))
