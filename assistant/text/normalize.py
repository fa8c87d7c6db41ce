"""Folding for matching: NFKC, case, Taiwan variants, Simplified to Traditional.

Normalization here is for matching only; nothing it produces is shown to users.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

# Han characters (CJK unified ideographs, extension A and B, compatibility), as a regex class body.
HAN_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_HAN_RE = re.compile(rf"[{HAN_CHARS}]")
# A run of Han characters: a stretch of Chinese between Latin letters, digits, spaces and punctuation.
HAN_RUN_RE = re.compile(rf"[{HAN_CHARS}]+")
# Variants OpenCC leaves alone but the report spells one way.
_VARIANTS = str.maketrans({"台": "臺", "裏": "裡", "着": "著", "綫": "線"})


def fold(text: str) -> str:
    """Return `text` folded for matching: NFKC, case-folded, Taiwan variants unified.

    Folding is character by character; it feeds BM25 and never reaches what users see.
    """
    return "".join(_fold_char(ch) for ch in text)


@lru_cache(maxsize=65536)
def _fold_char(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch).casefold().translate(_VARIANTS)


@lru_cache(maxsize=2)
def _opencc(config: str):
    import opencc

    return opencc.OpenCC(config)


def to_traditional(text: str) -> str:
    """Return `text` in Traditional characters when it is written in Simplified ones, else unchanged.

    Converting Traditional text again is not harmless: 里 and 占 are also Simplified for 裡 and 佔,
    so 奧里諾 would become 奧裡諾, which a report naming that town never writes. Text counts as Simplified when
    converting it to Traditional changes more characters than converting it to Simplified does.
    """
    traditional = _opencc("s2tw").convert(text)
    simplified = _opencc("t2s").convert(text)
    changed_to_traditional = sum(a != b for a, b in zip(text, traditional))
    changed_to_simplified = sum(a != b for a, b in zip(text, simplified))
    return traditional if changed_to_traditional > changed_to_simplified else text


def has_han(text: str) -> bool:
    """Return True when `text` contains a Han character."""
    return bool(_HAN_RE.search(text))


def normalize_query(question: str, respell: Callable[[str, str], str] | None = None) -> str:
    """Return the question as matched: NFKC, Simplified converted to Traditional, spaces collapsed.

    `respell(asked, converted)` may correct the conversion character by character (text/spelling.py: as the
    reports write it); it sees the question before and after conversion, of equal length.
    """
    text = unicodedata.normalize("NFKC", question)
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    text = re.sub(r"\s+", " ", text).strip()
    if has_han(text):
        converted = to_traditional(text)
        if respell is not None and converted != text and len(converted) == len(text):
            converted = respell(text, converted)
        text = converted
    return text.translate(_VARIANTS)
