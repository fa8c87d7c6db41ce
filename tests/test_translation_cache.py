"""The dictionary translator kept on disk: read back when it was built for the same index, rebuilt otherwise."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from assistant.config import PROJECT_ROOT
from assistant.index import read_manifest
from assistant.translation_cache import CACHE_FILE, cache_key, load_translator

FREQUENCY = {"總部": 1, "花卉": 2}.get
MANIFEST = {"format_version": 2, "tokenizer": "t", "corpus_hash": "abc", "chunker": {"chunk_size": 300}}


def frequency(word: str) -> int:
    return FREQUENCY(word, 0)


def test_a_translator_is_saved_and_read_back_the_same(tmp_path):
    built = load_translator(frequency, 3, MANIFEST, tmp_path)
    assert (tmp_path / CACHE_FILE).is_file()
    loaded = load_translator(frequency, 3, MANIFEST, tmp_path)
    assert loaded == built
    assert loaded.readings == built.readings and loaded.readings["達"] == "da"
    assert built.translate("Where are the flowers and the headquarters?") == ["花卉", "總部"]


def test_a_saved_translator_for_the_same_index_is_used_without_building(tmp_path):
    # A file written for this very index, with a word the dictionary would never give: only reading it yields it.
    saved = {"key": cache_key(MANIFEST, 3), "words": {"flower": ["測試"]}, "foreign_han_names": [],
             "foreign_latin_names": [], "two_character_words": [], "name_glosses": {}, "readings": {}}  # fmt: skip
    (tmp_path / CACHE_FILE).write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")
    assert load_translator(frequency, 3, MANIFEST, tmp_path).translate("flowers") == ["測試"]


@pytest.mark.parametrize(
    "change",
    [{"corpus_hash": "def"}, {"tokenizer": "t2"}, {"chunker": {"chunk_size": 400}}],
    ids=["corpus", "tokenizer", "chunking"],
)
def test_a_translator_saved_for_another_index_is_rebuilt(tmp_path, change):
    load_translator(frequency, 3, MANIFEST, tmp_path)
    saved = json.loads((tmp_path / CACHE_FILE).read_text(encoding="utf-8"))
    saved["words"] = {"flower": ["測試"]}
    (tmp_path / CACHE_FILE).write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")
    assert load_translator(frequency, 3, MANIFEST | change, tmp_path).translate("flowers") == ["花卉"]
    assert load_translator(frequency, 2, MANIFEST, tmp_path).translate("flowers") == ["花卉"]  # another setting


@pytest.mark.parametrize("content", [b"\xff\xfe not json", b'{"key": "x"', b"[]", b'{"key": null, "words": 3}'])
def test_a_damaged_file_is_rebuilt_and_replaced(tmp_path, content):
    (tmp_path / CACHE_FILE).write_bytes(content)
    translator = load_translator(frequency, 3, MANIFEST, tmp_path)
    assert translator.translate("headquarters") == ["總部"]
    assert json.loads((tmp_path / CACHE_FILE).read_text(encoding="utf-8"))["key"] == cache_key(MANIFEST, 3)


def test_a_place_that_cannot_be_written_still_gives_a_translator(tmp_path):
    blocked = tmp_path / "embeddings"
    blocked.write_text("a file where the directory should be", encoding="utf-8")
    assert load_translator(frequency, 3, MANIFEST, blocked).translate("headquarters") == ["總部"]


def test_build_leaves_the_translator_for_the_new_index(small_report):
    settings = small_report
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "build", "--corpus", str(settings.corpus_dir),
         "--embeddings", str(settings.embeddings_dir), "--model", settings.model],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    manifest = read_manifest(settings.index_dir)
    saved = json.loads((settings.embeddings_dir / CACHE_FILE).read_text(encoding="utf-8"))
    assert saved["key"] == cache_key(manifest, settings.translations_per_word)
    # A corpus using no word at all would build an empty translator: this one can only come from the file.
    never_used = load_translator(lambda word: 0, settings.translations_per_word, manifest, settings.embeddings_dir)
    assert "總部" in never_used.translate("Where is Sigfox headquartered?")
