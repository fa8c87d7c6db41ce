"""Token ids for questions from the model's vocabulary cut to common scripts, which loads in a third of the time.

Loading a SentencePiece-unigram vocabulary of 250k pieces takes ~0.8 s, most of a cold `ask`. A piece holding a
character a text lacks can never match that text, so for a question written only in the scripts kept (Latin,
Chinese, their punctuation and symbols) the cut vocabulary builds the same lattice and picks the same pieces as
the whole one; the lowest-scored piece is kept too, so an unknown character is scored the same. Ids are mapped
back to the model's. A question with any other character is tokenized by the whole vocabulary, loaded then.
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
import logging
import re
from collections.abc import Callable
from pathlib import Path

import numpy as np

from .atomic import write_bytes_atomically, write_json_atomically

log = logging.getLogger(__name__)

# The scripts staff write questions in, with the symbols reports and questions carry; a piece with any other
# character is cut. Wider ranges keep more pieces (slower to load), narrower ones send more questions to the
# whole vocabulary: both give the same ids.
COMMON_RANGES = (
    (0x0000, 0x024F),  # ASCII, Latin-1 and Latin Extended-A/B: English and French names with their accents
    (0x2000, 0x21FF),  # general punctuation, super/subscripts, currency, letterlike symbols, number forms, arrows
    (0x2460, 0x24FF),  # enclosed alphanumerics (①)
    (0x2581, 0x2581),  # ▁, SentencePiece's word boundary
    (0x25A0, 0x25FF),  # geometric shapes (●■)
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3100, 0x312F),  # bopomofo
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # full-width forms
)
_OTHER = re.compile("[^" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in COMMON_RANGES) + "]")
CUT_FILE = "tokenizer.common.json"
IDS_FILE = "tokenizer.common-ids.npz"


def _common(piece: str) -> bool:
    return _OTHER.search(piece) is None


def fingerprint(path: Path) -> str:
    """Return a tokenizer file's fingerprint: a hash of its whole content (16 MB in ~25 ms)."""
    return hashlib.sha1(path.read_bytes()).hexdigest()


def cut_vocabulary(spec: dict) -> tuple[dict, np.ndarray] | None:
    """Return a tokenizer.json spec cut to pieces of the common scripts and each kept piece's id in the whole one,
    or None when the model is not a unigram one without byte fallback (no cut keeps its ids exact)."""
    model = spec.get("model") or {}
    if model.get("type") != "Unigram" or model.get("byte_fallback"):
        return None
    vocab = model["vocab"]
    forced = {int(t["id"]) for t in spec.get("added_tokens") or ()}
    if model.get("unk_id") is not None:
        forced.add(int(model["unk_id"]))
    forced.add(min(range(len(vocab)), key=lambda i: vocab[i][1]))  # the unknown piece's score is the lowest's minus 10
    keep = [i for i, (piece, _) in enumerate(vocab) if i in forced or _common(piece)]
    new_id = {old: new for new, old in enumerate(keep)}
    cut = copy.deepcopy(spec)
    cut["model"]["vocab"] = [vocab[i] for i in keep]
    if model.get("unk_id") is not None:
        cut["model"]["unk_id"] = new_id[int(model["unk_id"])]
    for token in cut.get("added_tokens") or ():
        token["id"] = new_id[int(token["id"])]
    for special in ((cut.get("post_processor") or {}).get("special_tokens") or {}).values():
        special["ids"] = [new_id[int(i)] for i in special["ids"]]
    return cut, np.asarray(keep, dtype=np.int64)


def write_cut(tokenizer_json: Path) -> bool:
    """Write the cut vocabulary and its id map beside `tokenizer_json` (atomically); False when the model has none.

    Raises:
        OSError: the directory cannot be written.
    """
    tokenizer_json = Path(tokenizer_json)
    cut = cut_vocabulary(json.loads(tokenizer_json.read_text("utf-8")))
    if cut is None:
        return False
    spec, ids = cut
    folder = tokenizer_json.parent
    write_json_atomically(folder / CUT_FILE, spec)
    saved = io.BytesIO()
    np.savez(saved, ids=ids, source=np.array(fingerprint(tokenizer_json)))
    write_bytes_atomically(folder / IDS_FILE, saved.getvalue())  # last: it marks the cut as made from this file
    return True


class QueryTokenizer:
    """Turns questions into the model's token ids (truncated to `max_length`), through the cut vocabulary when
    every character the vocabulary is matched against lies in the common scripts, else through the whole one."""

    def __init__(self, tokenizer_json: Path, max_length: int) -> None:
        self.path = Path(tokenizer_json)
        self.max_length = max_length
        self._full = None
        self._cut, self._ids = self._load_cut()

    @property
    def cut_loaded(self) -> bool:
        """Return True when questions in the common scripts go through the cut vocabulary."""
        return self._cut is not None

    @property
    def full_loaded(self) -> bool:
        """Return True once the whole vocabulary has been loaded (for a question outside the common scripts)."""
        return self._full is not None

    def encode(self, texts: list[str]) -> list[list[int]]:
        """Return each text's token ids, exactly as the whole vocabulary gives them."""
        out: list[list[int]] = []
        for text in texts:
            if self._cut is not None and all(_common(word) for word in self._model_input(text)):
                out.append(self._ids[self._cut.encode(text).ids].tolist())
            else:
                out.append(self._whole().encode(text).ids)
        return out

    def _model_input(self, text: str) -> list[str]:
        """Return the strings the vocabulary's pieces are matched against: `text` normalized and pre-tokenized."""
        normalizer, pre_tokenizer = self._cut.normalizer, self._cut.pre_tokenizer
        text = normalizer.normalize_str(text) if normalizer else text
        return [word for word, _ in pre_tokenizer.pre_tokenize_str(text)] if pre_tokenizer else [text]

    def token_id(self, token: str) -> int | None:
        """Return the model's id of `token` (a special token such as "<pad>"), None when it has none."""
        found = self._cut.token_to_id(token) if self._cut is not None else None
        return int(self._ids[found]) if found is not None else self._whole().token_to_id(token)

    def _whole(self):
        if self._full is None:
            self._full = self._open(self.path)
        return self._full

    def _open(self, path: Path):
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(path))
        tokenizer.enable_truncation(self.max_length)
        tokenizer.no_padding()
        return tokenizer

    def _load_cut(self) -> tuple[object | None, np.ndarray | None]:
        """Return the cut vocabulary and its id map, writing them first when absent, made from another file or
        unreadable; (None, None) when the model has no cut or it cannot be written."""
        cut_path, ids_path = self.path.parent / CUT_FILE, self.path.parent / IDS_FILE
        try:
            if (ids := self._saved_ids(ids_path)) is not None:
                try:
                    return self._open(cut_path), ids
                except Exception:  # noqa: BLE001  a missing or damaged cut (tokenizers raises a plain Exception)
                    pass
            log.info("cutting the question tokenizer's vocabulary to common scripts (once): %s", cut_path)
            if not write_cut(self.path) or (ids := self._saved_ids(ids_path)) is None:
                return None, None
            return self._open(cut_path), ids
        except Exception as exc:  # noqa: BLE001  as above; or the folder cannot be written
            log.warning("the question tokenizer's cut vocabulary is unusable (%s); using the whole one", exc)
            return None, None

    def _saved_ids(self, ids_path: Path) -> np.ndarray | None:
        """Return the cut's id map when it was made from this tokenizer file, else None."""
        try:
            with np.load(ids_path) as saved:
                return saved["ids"] if str(saved["source"]) == fingerprint(self.path) else None
        except Exception:  # noqa: BLE001  missing, empty (EOFError) or truncated (BadZipFile): to be made
            return None


def question_ids(tokenizer_json: Path, max_length: int, pad_token: str) -> tuple[Callable, int]:
    """Return (texts -> token ids, the padding id) for questions, as the query encoder takes them."""
    tokenizer = QueryTokenizer(tokenizer_json, max_length)
    return tokenizer.encode, int(tokenizer.token_id(pad_token) or 0)
