"""Settings in one place: where the corpus, index and model live, and every tuning knob."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = "intfloat/multilingual-e5-small"
MODES = ("hybrid", "dense", "lexical")
INDEX_FORMAT_VERSION = 2  # 2: sentence vectors in float16

# Models are never fetched at run time; a user who wants the hub may set HF_HUB_OFFLINE=0 explicitly.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


@dataclass(frozen=True)
class ChunkerSettings:
    """How section bodies are cut into chunks (recorded in the index manifest)."""

    chunk_size: int = 300
    chunk_overlap: int = 60
    min_tail: int = 80
    separators: tuple[str, ...] = ("\n\n", "\n", "。", "；", "，", "")


@dataclass(frozen=True)
class Settings:
    """Paths and tuning for one assistant; override with `replace()`, env vars or CLI flags."""

    root: Path = PROJECT_ROOT
    corpus_dir: Path = PROJECT_ROOT / "corpus"
    embeddings_dir: Path = PROJECT_ROOT / "embeddings"
    model: str = DEFAULT_MODEL
    chunker: ChunkerSettings = field(default_factory=ChunkerSettings)
    top_k: int = 5
    max_top_k: int = 50
    mode: str = "hybrid"
    rrf_k: int = 60
    # Hybrid fusion: weights of the dense and BM25 scores, BM25's scaled by the question's script.
    # Chinese questions add standardized scores (retrieval.py; vs RRF: dev MRR@10 0.900 -> 0.904, test
    # 0.892 -> 0.928, BM25 at 1.5). BM25 at 3.0 once answer types and question words were in: dev 0.904 -> 0.909,
    # test 0.928 either way (dev 0.902 at 1.0, 0.904 at 2.0, 0.909 at 5.0).
    # English ones fuse ranks (RRF); they weighed BM25 at 0.3 until their words were translated; now 1.0
    # (vs 0.7: dev 0.870 -> 0.875, test 0.868 -> 0.865). Standardized scores for them too raised dev MRR@10
    # 0.904 -> 0.914 but lowered dev answer_acc 0.885 -> 0.874 and raised false abstentions 4.6% -> 5.7%
    # (test: MRR@10 0.928 -> 0.911, answer_acc 0.836 -> 0.787), so they stay with RRF.
    fusion_dense: float = 1.0
    fusion_lexical: float = 1.0
    lexical_weight_no_han: float = 1.0
    lexical_weight_han: float = 3.0
    glossary_expansion: bool = True
    # English words -> the report's Chinese words for them (CC-CEDICT), at most this many per word;
    # 0 = off. With BM25 at 0.3 for English: dev MRR@10 0.827 -> 0.846, test 0.828 -> 0.863.
    translations_per_word: int = 3
    # Hybrid: the fused top `rerank_depth` are fused again (RRF, weight `rerank_weight`) with their
    # order by best sentence, scored as the answer step scores sentences (dev MRR@10 0.875 -> 0.891,
    # test 0.865 -> 0.891; hit@1 dev 0.793 -> 0.816, test 0.770 -> 0.820). With standardized fusion for
    # Chinese questions: dev 0.902 -> 0.904, test 0.921 -> 0.928 (weight 0.3: dev 0.907, test 0.929). 0 = off.
    rerank_depth: int = 10
    rerank_weight: float = 0.5
    # A sentence offering the kind of answer the question asks for (a date for 哪一天, a number for how many,
    # a name or title for 誰) scores this much more (answer_type.py). Dev answer_acc 0.897 -> 0.908, MRR@10
    # unchanged; test answer_acc 0.869 -> 0.918, abstention 0.778 -> 0.889 (0.02: dev 0.897; 0.05: as 0.03).
    answer_type_weight: float = 0.03
    # How many passages the answer step reads sentences from.
    answer_passages: int = 3
    max_quotes: int = 2
    # A quoted table header brings its table when the table is at most this long (the member list);
    # a quoted row continuing a merged first cell brings the rows from that cell ("6/18 (日)" with its
    # "\t下午 …" row). 0 = quote the row alone.
    table_quote_chars: int = 600
    # A second quote must score at least this share of the best one.
    second_quote_ratio: float = 0.92
    max_question_chars: int = 1000
    # Small batches pad less: 89 chunks embed in 3.1 s at 8, 3.5 s at 16, 4.0 s at 32 (2 cores).
    embed_batch_size: int = 8
    # Passages (indexing) through the model's int8 ONNX copy ("onnx-int8") or the float32 model
    # ("torch"). The report's 313 passages: 6.1 s float32, 2.8 s int8 on two one-thread workers.
    # Eval, all 168 questions, when it came: hit@5 0.939 -> 0.932, MRR@10 0.832 -> 0.827; with today's
    # retrieval: hit@5 0.980 either way, MRR@10 0.883 (float32) vs 0.894 (int8).
    passage_encoder: str = "onnx-int8"
    # Build speed and cold start
    # Passages are embedded in length-sorted batches padded to their longest row, at most this many rows
    # (short sentences: 1.3x fewer CPU seconds each at 8-32 rows than one run each; see benchmarks/)...
    embed_max_batch: int = 32
    # ...and at most this many padded tokens (long chunks gain nothing from batching and run one or two at a time).
    embed_batch_tokens: int = 1024
    # Questions through the float32 ONNX export ("onnx": no torch, transformers or sentence-transformers
    # imported at query time; cold first answer 6.4 s -> see README) or the sentence-transformers model ("torch").
    query_encoder: str = "onnx"
    # Progress of a long job when stderr is not a terminal (a log, CI): one line at most every this many seconds.
    progress_interval_s: float = 10.0
    # Passages whose 4-character shingles overlap at least this much (Jaccard) are one result listing every
    # place (dedupe.py): a report filed twice or a paragraph copied between reports; 1.0 = identical only.
    near_duplicate_similarity: float = 0.9
    # Abstention (answer.py): the best cosine is rescaled from a per-script floor over a band,
    # blended with content-word coverage for Chinese questions; below the threshold, abstain.
    # Chosen on the dev split of evals/questions.jsonl (false abstentions <= 5%).
    abstain_threshold: float = 0.48
    # Answers at or above this confidence are shown as "high" (高); the rest of the answered ones "medium".
    # To be calibrated on dev so that high answers are right >= 95% of the time.
    confidence_high: float = 0.8
    # Abstain when the question names a place or company (in the dictionary) the report never mentions:
    # 里昂, Marseille. On the eval set: 6 of 20 unanswerable questions, no answerable one.
    abstain_on_unknown_names: bool = True
    confidence_floor_han: float = 0.82
    confidence_floor_other: float = 0.74
    confidence_band: float = 0.08
    coverage_weight: float = 0.6

    @property
    def index_dir(self) -> Path:
        """Return the directory that holds the built index."""
        return self.embeddings_dir / "index"

    @property
    def models_dir(self) -> Path:
        """Return the directory that holds converted embedding models."""
        return self.embeddings_dir / "models"

    def with_overrides(self, **changes: object) -> Settings:
        """Return a copy with the given fields replaced; `None` values are ignored."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def manifest_fields(self) -> dict:
        """Return the settings that decide what the index contains."""
        return {"chunker": asdict(self.chunker)}


def settings_from_env(env: dict[str, str] | None = None) -> Settings:
    """Return default settings with `TRIP_ASSISTANT_*` environment variables applied."""
    env = os.environ if env is None else env
    s = Settings()
    return s.with_overrides(
        corpus_dir=Path(env["TRIP_ASSISTANT_CORPUS"]) if env.get("TRIP_ASSISTANT_CORPUS") else None,
        embeddings_dir=Path(env["TRIP_ASSISTANT_EMBEDDINGS"]) if env.get("TRIP_ASSISTANT_EMBEDDINGS") else None,
        model=env.get("TRIP_ASSISTANT_MODEL") or None,
        passage_encoder=env.get("TRIP_ASSISTANT_PASSAGE_ENCODER") or None,
        query_encoder=env.get("TRIP_ASSISTANT_QUERY_ENCODER") or None,
    )
