"""Word's automatic list numbers (壹、 一、 (一) 1.) written out, as Word shows them, before a paragraph's text."""

from __future__ import annotations

from docx.oxml.ns import qn

_LEGAL = "零壹貳參肆伍陸柒捌玖"
_CHINESE = "零一二三四五六七八九"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip


def _chinese(n: int, digits: str, ten: str) -> str:
    """Return 1..99 in Chinese counting (十一, 二十, 二十一); larger numbers digit by digit."""
    if not 0 < n < 100:
        return "".join(digits[int(d)] for d in str(n))
    tens, ones = divmod(n, 10)
    return (digits[tens] if tens > 1 else "") + (ten if tens else "") + (digits[ones] if ones else "")


def chinese_counting(n: int) -> str:
    """Return `n` (1..99) as Chinese counts it (三, 十二): how a report numbers its days (第三天) and items."""
    return _chinese(n, _CHINESE, "十")


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """Return counter `n` in Word's number format `fmt` (w:numFmt); an unknown format as a decimal."""
    formats = {
        "decimal": str,
        "decimalFullWidth": lambda k: "".join(chr(ord(d) + 0xFEE0) for d in str(k)),
        "taiwaneseCountingThousand": lambda k: _chinese(k, _CHINESE, "十"),
        "taiwaneseCounting": lambda k: _chinese(k, _CHINESE, "十"),
        "chineseCounting": lambda k: _chinese(k, _CHINESE, "十"),
        "chineseCountingThousand": lambda k: _chinese(k, _CHINESE, "十"),
        "ideographLegalTraditional": lambda k: _chinese(k, _LEGAL, "拾"),
        "chineseLegalSimplified": lambda k: _chinese(k, _LEGAL, "拾"),
        "ideographTraditional": lambda k: _STEMS[(k - 1) % 10],
        "upperRoman": lambda k: _roman(k).upper(),
        "lowerRoman": _roman,
        "upperLetter": lambda k: _letters(k).upper(),
        "lowerLetter": _letters,
    }
    return formats.get(fmt, str)(n)


class Numbering:
    """The list numbers of one Word document, counted paragraph by paragraph in reading order."""

    def __init__(self, document) -> None:
        self._abstract_of: dict[str, str] = {}
        self._levels: dict[tuple[str, int], tuple[str, str, int, str]] = {}  # fmt, text, start, suffix
        self._counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return  # no numbering part: no paragraph is numbered
        for num in root.findall(qn("w:num")):
            abstract = num.find(qn("w:abstractNumId"))
            if abstract is not None:
                self._abstract_of[num.get(qn("w:numId"))] = abstract.get(qn("w:val"))
        for abstract in root.findall(qn("w:abstractNum")):
            aid = abstract.get(qn("w:abstractNumId"))
            for lvl in abstract.findall(qn("w:lvl")):
                self._levels[(aid, int(lvl.get(qn("w:ilvl"), "0")))] = (
                    _val(lvl, "w:numFmt", "decimal"),
                    _val(lvl, "w:lvlText", ""),
                    int(_val(lvl, "w:start", "1")),
                    _val(lvl, "w:suff", "tab"),
                )

    def label(self, paragraph) -> str:
        """Return the number Word shows before `paragraph` (with what follows it), or "" when it has none.

        Call once per paragraph, in document order: each call advances the list's counters.
        """
        num_id, level = _num_pr(paragraph)
        abstract = self._abstract_of.get(num_id or "")
        if abstract is None or (abstract, level) not in self._levels:
            return ""
        fmt, text, start, suffix = self._levels[(abstract, level)]
        counters = self._counters.setdefault(abstract, [])
        while len(counters) <= level:
            counters.append(self._levels.get((abstract, len(counters)), ("", "", 1, ""))[2] - 1)
        counters[level] += 1
        for deeper in range(level + 1, len(counters)):  # a higher level restarts the levels under it
            counters[deeper] = self._levels.get((abstract, deeper), ("", "", 1, ""))[2] - 1
        if fmt in ("bullet", "none"):
            return ""
        for i, count in enumerate(counters[: level + 1]):
            level_fmt = self._levels.get((abstract, i), ("decimal",))[0]
            text = text.replace(f"%{i + 1}", format_number(count, level_fmt))
        # A tab after the number would read as a table cell; a text export writes it as a space, or nothing
        # after CJK punctuation (壹、).
        after = "" if suffix == "nothing" or text[-1:] in "、．。：" else " "
        return text + after if text else ""


def _val(element, tag: str, default: str) -> str:
    child = element.find(qn(tag))
    return child.get(qn("w:val"), default) if child is not None else default


def _num_pr(paragraph) -> tuple[str | None, int]:
    """Return (numId, level) of a paragraph's numbering, set on it or on its style."""
    for holder in (paragraph._p, getattr(paragraph.style, "element", None)):
        ppr = holder.find(qn("w:pPr")) if holder is not None else None
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if num_pr is not None:
            num_id = num_pr.find(qn("w:numId"))
            ilvl = num_pr.find(qn("w:ilvl"))
            value = num_id.get(qn("w:val")) if num_id is not None else None
            return (None if value == "0" else value), int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0
    return None, 0
