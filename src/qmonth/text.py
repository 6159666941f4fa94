"""Normalising Chinese text for matching, and mapping hits back to the original.

Matching happens on a *key*: NFKC (full width to half width), no white space at all (the sources
break sentences across lines and put stray spaces between characters), one form for the bracket
pairs 〔〕［］【】[] and for quotes and dashes, and casefolded Latin. Every key character remembers
the index of the original character it came from, so hits are reported and highlighted in the
original text. Offsets are Python string (code point) offsets.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# NFKC leaves 〔〕【】 and the curly quotes alone; fold them to one form each.
_FOLD = str.maketrans(
    {
        "〔": "[",
        "〕": "]",
        "【": "[",
        "】": "]",
        "〖": "[",
        "〗": "]",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "‘": "'",
        "’": "'",
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
    }
)
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """Return the key form of one character (possibly empty, possibly several characters)."""
    if char.isspace() or char in _INVISIBLE:
        return ""
    folded = unicodedata.normalize("NFKC", char).translate(_FOLD).casefold()
    return "".join(c for c in folded if not c.isspace() and c not in _INVISIBLE)


def key(text: str) -> str:
    """Return the matching key of `text` (see the module docstring)."""
    if text.isascii():
        return "".join(text.split()).casefold()
    return "".join(_fold_char(c) for c in text)


def key_with_offsets(text: str) -> tuple[str, list[int]]:
    """Return the key of `text` and, for each key character, its index in `text`."""
    parts: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        folded = _fold_char(char)
        if folded:
            parts.append(folded)
            offsets.extend([index] * len(folded))
    return "".join(parts), offsets


def find_spans(text: str, terms: list[str]) -> list[tuple[int, int]] | None:
    """Return the merged `[start, end)` spans in `text` of every occurrence of every term.

    Returns None when some term does not occur (all terms must match). Terms are keyed here;
    empty keys are ignored by the caller's validation, never matched.
    """
    haystack, offsets = key_with_offsets(text)
    spans: list[tuple[int, int]] = []
    for term in terms:
        needle = key(term)
        start = haystack.find(needle)
        if not needle or start < 0:
            return None
        while start >= 0:
            end = start + len(needle)
            spans.append((offsets[start], offsets[end - 1] + 1))
            start = haystack.find(needle, start + 1)
    return merge_spans(spans)


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return sorted spans with overlapping or touching ones merged."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


_MARKDOWN = re.compile(r"\*\*|^\s*#+\s*|^\s*-{3,}\s*$|^\s*-\s+", re.MULTILINE)


def strip_markdown(text: str) -> str:
    """Return source text without the Markdown markers a PDF conversion left in it."""
    return _MARKDOWN.sub("", text)
