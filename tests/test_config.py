"""Settings: defaults, overrides that ignore None, environment variables, and what decides an index."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from assistant.config import MODES, Settings, settings_from_env


def test_overrides_replace_given_fields_and_ignore_none():
    s = Settings().with_overrides(top_k=7, model=None)
    assert s.top_k == 7 and s.model == Settings().model


def test_environment_variables_set_paths_and_encoders_and_empty_ones_are_ignored(tmp_path):
    env = {
        "TRIP_ASSISTANT_CORPUS": str(tmp_path / "c"),
        "TRIP_ASSISTANT_EMBEDDINGS": str(tmp_path / "e"),
        "TRIP_ASSISTANT_QUERY_ENCODER": "torch",
        "TRIP_ASSISTANT_MODEL": "",
    }
    s = settings_from_env(env)
    assert s.corpus_dir == tmp_path / "c" and s.index_dir == tmp_path / "e" / "index"
    assert s.query_encoder == "torch" and s.model == Settings().model
    assert settings_from_env({}) == Settings()


def test_only_chunking_and_reading_decide_what_an_index_holds():
    base = Settings().manifest_fields()
    assert replace(Settings(), top_k=9, abstain_threshold=0.1).manifest_fields() == base
    chunker = replace(Settings().chunker, chunk_size=100)
    assert replace(Settings(), chunker=chunker).manifest_fields() != base


def test_the_default_mode_is_one_of_the_modes_and_thresholds_are_ordered():
    s = Settings()
    assert s.mode in MODES and 1 <= s.top_k <= s.max_top_k
    assert 0 < s.abstain_threshold < s.confidence_high < 1
    assert isinstance(s.feedback_path, Path) and s.feedback_path.parent == s.embeddings_dir
