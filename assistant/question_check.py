"""What a question and its options must be before any work: text of a bounded length, with words in it."""

from __future__ import annotations

import json
import re

from .config import MODES, Settings
from .text.normalize import normalize_query

EMPTY_QUESTION = "問題是空的，請輸入關於報告的問題。The question is empty — type a question about the report."
NO_LANGUAGE_WORDS_NOTICE = (
    "問題看來是路徑、資料、標記或程式碼，不是文字。"
    "The question looks like a path, data, markup or code, not words of the report's languages."
)

_TAG_RE = re.compile(r"<[^<>]{0,2000}>")  # markup tags, comments, doctypes
_ENTITY_RE = re.compile(r"&#?\w{1,32};")
_URL_RE = re.compile(r"\b[a-z][a-z0-9+.-]*://\S*", re.IGNORECASE)
_PATH_START_RE = re.compile(r"^(?:~|\.{1,2})?[/\\]|^[A-Za-z]:[/\\]")
_CODE_CHARS = frozenset('{}[]<>=;"`$|\\/_@#^')  # in an ASCII token: syntax, not prose
_CALL_RE = re.compile(r"[A-Za-z_][\w.]*\(")  # alert(, os.system(
_DOTTED_RE = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+")  # os.path, window.location
_WORD_RE = re.compile(r"[^\W\d_]{2,}")  # two letters in a row, any script
# An abbreviation written with dots (A.S.O., U.S.): a name, not a dotted path.
_ACRONYM_RE = re.compile(r"(?:[A-Z]\.){2,}[A-Z]?|(?:[A-Z]\.)+[A-Z]")


class QuestionError(ValueError):
    """The question or its options cannot be answered as given (empty, bad mode, top-k out of range)."""


class ArgumentError(ValueError):
    """A question or option of the wrong type or out of range; the message is meant for the user."""


def question_problem(question: str, max_chars: int) -> str | None:
    """Return why `question` cannot be asked (longer than `max_chars`, or empty), or None; nothing is loaded.

    >>> question_problem("  ", 100)
    '問題是空的，請輸入關於報告的問題。The question is empty — type a question about the report.'
    """
    if len(question) > max_chars:
        return (
            f"the question is {len(question):,} characters long; the limit is {max_chars:,} "
            "(setting max_question_input_chars)"
        )
    if not normalize_query(question):
        return EMPTY_QUESTION
    return None


def has_report_language_words(text: str) -> bool:
    """Return False when `text` has no word of prose once paths, URLs, JSON, markup and code are set aside.

    Han characters and runs of two or more letters are words; a JSON object or array is data.

    >>> has_report_language_words("../../../../etc/passwd"), has_report_language_words('{"a": 1}')
    (False, False)
    >>> has_report_language_words("<b>When was the port founded?</b>"), has_report_language_words("那 A.S.O. 呢？")
    (True, True)
    """
    if _is_json_container(text):
        return False
    text = _URL_RE.sub(" ", _ENTITY_RE.sub(" ", _TAG_RE.sub(" ", text)))
    return any(_WORD_RE.search(token) or _is_acronym(token) for token in text.split() if not _is_path_or_code(token))


def _is_acronym(token: str) -> bool:
    return bool(_ACRONYM_RE.fullmatch(token.strip(",:;!?()'\"？，、。")))


def _is_json_container(text: str) -> bool:
    stripped = text.strip()
    if stripped[:1] not in ("{", "["):
        return False
    try:
        return isinstance(json.loads(stripped), dict | list)
    except ValueError:
        return False


def _is_path_or_code(token: str) -> bool:
    if _PATH_START_RE.match(token):
        return True
    if not token.isascii():
        return False  # prose in the report's scripts; code chars around Han words do not hide them
    if _is_acronym(token):
        return False
    bare = token.strip(".,:;!?()'\"")
    return bool(_CODE_CHARS.intersection(token) or _CALL_RE.search(token) or _DOTTED_RE.fullmatch(bare))


def checked_arguments(question: object, top_k: object, mode: object, settings: Settings) -> tuple[str, int, str]:
    """Return (question, top_k, mode) as an API caller passed them, checked before any work.

    Raises:
        ArgumentError: a value of the wrong type or out of range, with the message to show.
    """
    if not isinstance(question, str):
        raise ArgumentError(f"question must be text, got {_shown(question)}")
    problem = question_problem(question, settings.max_question_input_chars)
    if problem:
        raise ArgumentError(problem)
    whole = isinstance(top_k, int) or (isinstance(top_k, float) and top_k.is_integer())
    if isinstance(top_k, bool) or not whole or not 1 <= top_k <= settings.max_top_k:
        raise ArgumentError(f"top_k must be a whole number from 1 to {settings.max_top_k}, got {_shown(top_k)}")
    if not isinstance(mode, str) or mode not in MODES:
        raise ArgumentError(f"mode must be one of {', '.join(MODES)}, got {_shown(mode)}")
    return question, int(top_k), mode


def checked_reports(reports: object, limit: int) -> list[str] | None:
    """Return the report names an API caller limited a question to (None: every report), checked for type.

    Whether each name is an indexed report is checked by `Assistant.ask`, which lists the known ones.

    Raises:
        ArgumentError: not a list of at most `limit` names (texts).
    """
    if reports is None or reports == []:
        return None
    if not isinstance(reports, list) or not all(isinstance(name, str) and name.strip() for name in reports):
        raise ArgumentError(f"reports must be a list of report names (file names), got {_shown(reports)}")
    if len(reports) > limit:
        raise ArgumentError(
            f"reports lists {len(reports)} reports; at most {limit} may be chosen (setting max_chosen_reports)"
        )
    return [name.strip() for name in reports]


def _shown(value: object) -> str:
    """Return a short, printable description of a value a caller sent."""
    text = json.dumps(value, ensure_ascii=True, default=lambda v: type(v).__name__)
    return text if len(text) <= 40 else text[:37] + "..."
