"""The question tokenizer's cut vocabulary: the whole vocabulary's ids for every question, in a fraction of the pieces."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import numpy as np
import pytest
from tokenizers import Tokenizer, models, pre_tokenizers

from assistant.evaluation import DEFAULT_QUESTIONS, load_questions
from assistant.query_tokenizer import (
    COMMON_RANGES,
    CUT_FILE,
    IDS_FILE,
    QueryTokenizer,
    fingerprint,
    question_ids,
    write_cut,
)


def whole(path: Path) -> Tokenizer:
    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.enable_truncation(512)
    tokenizer.no_padding()
    return tokenizer


@pytest.fixture(scope="module")
def model_tokenizer(model_dir, tmp_path_factory) -> Path:
    """A copy of the default model's tokenizer.json in a folder of its own (its cut is made there)."""
    path = tmp_path_factory.mktemp("tokenizer") / "tokenizer.json"
    shutil.copy(model_dir / "tokenizer.json", path)
    return path


@pytest.fixture(scope="module")
def cut(model_tokenizer) -> QueryTokenizer:
    return QueryTokenizer(model_tokenizer, 512)


def test_every_eval_question_and_report_line_gets_the_whole_vocabularys_ids(cut, model_tokenizer, report_text):
    texts = [q.question for q in load_questions(DEFAULT_QUESTIONS).questions]
    texts += ["query: " + t for t in texts[:500]] + [line for line in report_text.splitlines() if line.strip()]
    expected = [e.ids for e in whole(model_tokenizer).encode_batch(texts)]
    assert cut.encode(texts) == expected
    assert cut.cut_loaded and not cut.full_loaded  # every one went through the cut


def test_random_text_in_the_common_scripts_gets_the_whole_vocabularys_ids(cut, model_tokenizer):
    rng = random.Random(7)
    alphabet = [chr(c) for a, b in COMMON_RANGES for c in range(a, min(b, a + 4000) + 1)]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(3000)]
    texts += ["a" * 2000, "市長" * 600]  # truncated at the same token
    assert cut.encode(texts) == [e.ids for e in whole(model_tokenizer).encode_batch(texts)]


def test_a_question_in_another_script_goes_through_the_whole_vocabulary(model_tokenizer):
    tokenizer = QueryTokenizer(model_tokenizer, 512)
    questions = ["Кто возглавлял делегацию?", "代表団を率いたのは誰ですか", "Who met them in Αθήνα?"]
    assert tokenizer.encode(questions) == [e.ids for e in whole(model_tokenizer).encode_batch(questions)]
    assert tokenizer.full_loaded


def test_the_cut_keeps_about_half_the_pieces_and_the_special_tokens_ids(cut, model_tokenizer):
    spec = json.loads((model_tokenizer.parent / CUT_FILE).read_text("utf-8"))
    assert len(spec["model"]["vocab"]) < 0.6 * whole(model_tokenizer).get_vocab_size()
    full = whole(model_tokenizer)
    for token in ("<s>", "</s>", "<pad>", "<unk>", "<mask>", "▁Москва"):  # the last one the cut dropped
        assert cut.token_id(token) == full.token_to_id(token)
    encode, pad = question_ids(model_tokenizer, 512, "<pad>")
    assert pad == full.token_to_id("<pad>") and encode(["<mask> 出國報告"]) == [full.encode("<mask> 出國報告").ids]


def small_unigram(path: Path, pieces: list[str], scores: list[float] | None = None) -> Path:
    """Write a tiny unigram tokenizer.json of `pieces` (after <unk>), scored -1, -2, … unless `scores` are given."""
    vocab = [("<unk>", 0.0)] + list(zip(pieces, scores or [-1.0 - i for i in range(len(pieces))]))
    tokenizer = Tokenizer(models.Unigram(vocab, unk_id=0, byte_fallback=False))
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace()
    tokenizer.save(str(path))
    return path


def test_a_cut_made_from_another_tokenizer_file_is_made_again(tmp_path):
    path = small_unigram(tmp_path / "tokenizer.json", ["▁port", "▁порт", "or", "t", "p", "▁"])
    assert write_cut(path)
    small_unigram(path, ["▁harbour", "▁gavan", "har", "b", "our", "▁", "h", "a", "r", "o", "u"])
    tokenizer = QueryTokenizer(path, 64)
    assert tokenizer.cut_loaded
    with np.load(tmp_path / IDS_FILE) as saved:
        assert str(saved["source"]) == fingerprint(path)
    assert tokenizer.encode(["harbour"]) == [whole(path).encode("harbour").ids]


def test_unknown_characters_are_scored_as_the_whole_vocabulary_scores_them(tmp_path):
    # "x" stands only inside "xy": "▁xyz" is ▁ + xy + z (-25) or ▁ + x unknown + yz (-2 plus the lowest score
    # minus 10). The lowest score is a Cyrillic piece's (-14), which the cut keeps so that ▁ + xy + z still wins.
    path = small_unigram(tmp_path / "tokenizer.json", ["▁", "yz", "xy", "z", "ё"], [-1, -1, -12, -12, -14])
    tokenizer = QueryTokenizer(path, 64)
    texts = ["xyz", "a xyz", "zxy"]
    assert tokenizer.cut_loaded and tokenizer.encode(texts) == [whole(path).encode(t).ids for t in texts]


def test_a_wordpiece_tokenizer_is_used_whole(tmp_path):
    path = tmp_path / "tokenizer.json"
    wordpiece = Tokenizer(models.WordPiece({"[UNK]": 0, "port": 1, "##s": 2}, unk_token="[UNK]"))
    wordpiece.pre_tokenizer = pre_tokenizers.Whitespace()
    wordpiece.save(str(path))
    tokenizer = QueryTokenizer(path, 64)
    assert not tokenizer.cut_loaded and not (tmp_path / CUT_FILE).exists()
    assert tokenizer.encode(["ports"]) == [[1, 2]]


def test_a_model_folder_the_cut_cannot_be_written_to_leaves_the_whole_vocabulary_in_use(tmp_path, caplog):
    path = small_unigram(tmp_path / "tokenizer.json", ["▁port", "or", "t", "p", "▁"])
    (tmp_path / CUT_FILE).mkdir()  # the cut's name taken by a folder: it cannot be written
    tokenizer = QueryTokenizer(path, 64)
    assert not tokenizer.cut_loaded
    assert tokenizer.encode(["port"]) == [whole(path).encode("port").ids]
    assert "using the whole one" in caplog.text


def test_a_damaged_cut_is_made_again(tmp_path):
    path = small_unigram(tmp_path / "tokenizer.json", ["▁port", "or", "t", "p", "▁"])
    assert write_cut(path)
    (tmp_path / IDS_FILE).write_bytes(b"")  # emptied
    assert QueryTokenizer(path, 64).cut_loaded and np.load(tmp_path / IDS_FILE)["ids"].size
    (tmp_path / CUT_FILE).write_text("{", encoding="utf-8")  # cut short, its id map still fresh
    tokenizer = QueryTokenizer(path, 64)
    assert tokenizer.cut_loaded and tokenizer.encode(["port"]) == [whole(path).encode("port").ids]


def test_the_fingerprint_changes_with_any_byte_of_the_file(tmp_path):
    path = tmp_path / "tokenizer.json"
    data = bytearray(b"x" * 400_000)
    path.write_bytes(data)
    before = fingerprint(path)
    data[200_000] = ord("y")  # the middle, where a vocabulary's scores are
    path.write_bytes(data)
    assert fingerprint(path) != before
