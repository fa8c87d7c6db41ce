"""Old path against new path in one run: build throughput, cold first answers, and what the new path costs in quality.

"Old" is the code of commit OLD_REF (before issue #19: one passage per int8 run, queries through
sentence-transformers/torch), extracted with `git archive` and run from its own model copy (its v1
int8 export); "new" is this checkout. Each figure is measured old, new, old, new, ... in fresh
processes, and reported as the median of each with the ratio old/new, so a busy machine slows both.
Usage: bench_speed.py [--reps R]
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, free_port, print_table, serve_until_answered, write_json

OLD_REF = "f2d18a0"  # main before issue #19
QUESTION = "Sigfox 在多少個國家提供服務？"
MODEL = "multilingual-e5-small"
OLD_MODELS = ROOT / "embeddings" / "bench" / "old-models"  # the old code's model copy and v1 export, kept between runs

BUILD_CHILD = """
import json, sys, time
from pathlib import Path
from assistant.config import Settings
from assistant.embedding import Embedder
from assistant.index import open_index
corpus, embeddings = Path(sys.argv[1]), Path(sys.argv[2])
encoder = {"passage_encoder": sys.argv[3]} if len(sys.argv) > 3 else {}  # the new path's int8 run names it
settings = Settings(corpus_dir=corpus, embeddings_dir=embeddings, **encoder)
embedder = Embedder.load(settings)
embedder.encode_passages(["warm up"])
kwargs = {}
import inspect
if "progress" in inspect.signature(open_index).parameters:  # the old path has no progress (nor its module:
    from assistant.progress import reporter  # the editable install would lend it this checkout's)
    kwargs["progress"] = reporter("  embedding", interval=15.0)
started = time.perf_counter()
index, _ = open_index(settings, embedder, rebuild=True, **kwargs)
seconds = time.perf_counter() - started
import assistant
print(json.dumps({"texts": len(index.chunks) + len(index.sentences), "s": seconds, "code": assistant.__file__}))
"""


def old_tree(tmp: Path) -> Path:
    """Extract OLD_REF's package into `tmp`/old and return that directory."""
    target = tmp / "old"
    target.mkdir()
    archive = subprocess.run(["git", "archive", OLD_REF, "assistant"], cwd=ROOT, check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


def model_dirs(tmp: Path) -> dict[str, Path]:
    """Return an embeddings dir per path, each with the model where that path's code looks for it."""
    new_model = ROOT / "embeddings" / "models" / MODEL
    old_model = OLD_MODELS / MODEL
    old_model.mkdir(parents=True, exist_ok=True)
    for item in new_model.iterdir():  # the same weights and tokenizer; the old code keeps its own onnx/ export
        if item.name != "onnx" and not (old_model / item.name).exists():
            (old_model / item.name).symlink_to(item)
    out = {}
    for path, model in (("old", old_model), ("new", new_model)):
        out[path] = tmp / f"emb-{path}"
        (out[path] / "models").mkdir(parents=True)
        (out[path] / "models" / MODEL).symlink_to(model)
    return out


NEUTRAL = Path(tempfile.gettempdir())  # children run here: -m and -c put the working directory first on sys.path


def env_for(code: Path) -> dict[str, str]:
    """Return the environment that runs the package in `code`, its bytecode written as Python does by default.

    A machine setting PYTHONDONTWRITEBYTECODE (this one's sandbox does) would have every cold start compile the
    package again, some 0.3-0.4 s that no user's second start pays; the index build before the timed runs
    writes it for both paths."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPATH": str(code), "TRIP_ASSISTANT_LOG": "ERROR"}


def run(cmd: list[str], code: Path) -> tuple[float, str]:
    """Run `cmd` with the package in `code`; return (seconds, stdout)."""
    started = time.perf_counter()
    out = subprocess.run(cmd, cwd=NEUTRAL, env=env_for(code), check=True, stdout=subprocess.PIPE, text=True)
    return time.perf_counter() - started, out.stdout


def serve_first_answer(code: Path, embeddings: Path) -> float:
    """Seconds from `trip-assistant serve` starting to its /ask endpoint answering."""
    cmd = [sys.executable, "-m", "assistant", "serve", "--port", str(free_port()), "--embeddings", str(embeddings),
           "--corpus", str(ROOT / "corpus")]  # fmt: skip
    return serve_until_answered(cmd, QUESTION, NEUTRAL, env_for(code))


def make_corpora(tmp: Path) -> dict[str, Path]:
    """Write the build corpora: 2 reports of distinct text, and 5 recombined from the report's sections (repeats)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_scale import make_corpus

    out = {}
    for name, n in (("distinct", 2), ("repeated", 5)):
        out[name] = tmp / f"corpus-{name}"
        out[name].mkdir()
        make_corpus(out[name], n)
    # Every line of the distinct corpus is made unique, so nothing is embedded twice.
    for path in out["distinct"].iterdir():
        lines = path.read_text(encoding="utf-8").splitlines()
        marked = [f"{line}（{path.stem}-{i}）" if line.strip() else line for i, line in enumerate(lines)]
        path.write_text("\n".join(marked) + "\n", encoding="utf-8")
    return out


def quality() -> dict[str, float]:
    """Return cosines of the new encoders against float32 sentence-transformers vectors (queries, report passages)."""
    sys.path.insert(0, str(ROOT))
    from assistant.chunking import matching_text
    from assistant.config import Settings
    from assistant.embedding import Embedder, resolve_model
    from assistant.evaluation import DEFAULT_QUESTIONS, load_questions
    from assistant.index import chunk_index_text, load_index

    model = str(resolve_model(Settings()))
    new = Embedder.load(Settings(model=model))
    torch = Embedder.load(Settings(model=model, passage_encoder="torch", query_encoder="torch"))
    questions = [q.question for q in load_questions(DEFAULT_QUESTIONS).questions]
    q_cos = (new.encode_queries(questions) * torch.encode_queries(questions)).sum(axis=1)
    index = load_index(Settings().index_dir)
    docs = index.documents
    texts = [chunk_index_text(docs[c.doc_id], c) for c in index.chunks]
    texts += [matching_text(docs[s.doc_id], s.start, s.end) for s in index.sentences]
    p_cos = (new.encode_passages(texts) * torch.encode_passages(texts)).sum(axis=1)
    return {
        "query_cosine_min": float(q_cos.min()), "query_cosine_mean": float(q_cos.mean()), "questions": len(questions),
        "passage_cosine_min": float(p_cos.min()), "passage_cosine_mean": float(p_cos.mean()), "passages": len(texts),
    }  # fmt: skip


# What Gradio alone costs on this machine: a page of one box answering at once, served and asked as `serve` is.
FLOOR_APP = """
import sys
import gradio as gr
with gr.Blocks() as page:
    question, top_k, mode, out = gr.Textbox(), gr.Number(), gr.Textbox(), gr.Textbox()
    question.submit(lambda q, k, m: q, [question, top_k, mode], out, api_name="ask")
page.launch(server_name="127.0.0.1", server_port=int(sys.argv[sys.argv.index("--port") + 1]))
"""


def floor_first_answer() -> float:
    """Seconds from a one-box Gradio page starting to its /ask endpoint answering: `serve`'s floor."""
    return serve_until_answered([sys.executable, "-c", FLOOR_APP, "--port", str(free_port())], QUESTION, ROOT)


def main(argv: list[str]) -> None:
    reps = int(argv[argv.index("--reps") + 1]) if "--reps" in argv else 3
    import gradio_client  # noqa: F401  imported before any timing, so the first serve measured does not pay for it

    py = sys.executable
    samples: dict[tuple[str, str], list[float]] = {}
    floor: list[float] = []  # a one-box Gradio page, once a rep
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        code = {"old": old_tree(tmp), "new": ROOT}
        emb = model_dirs(tmp)
        corpora = make_corpora(tmp)
        ask = ["ask", QUESTION, "--json", "--corpus", str(ROOT / "corpus")]
        for path in ("old", "new"):  # the bundled report's index (and translator) for the cold starts
            print(f"preparing the {path} path's index", file=sys.stderr, flush=True)
            run([py, "-m", "assistant", "build", "--corpus", str(ROOT / "corpus"), "--embeddings", str(emb[path])],
                code[path])  # fmt: skip
        # "new-int8": this checkout with the int8 graph on onnxruntime, what "new" was before bfloat16 on
        # OpenVINO (where the CPU computes in it): that step's own gain, in the same run.
        builds = {"old": [], "new": [], "new-int8": ["onnx-int8"]}
        steps = reps * (len(builds) * len(corpora) + 4)
        step = 0
        started = time.perf_counter()
        for rep in range(reps):
            for build, extra in builds.items():
                path = build.split("-")[0]
                for name, corpus in corpora.items():
                    step += 1
                    print(f"[{step}/{steps}] {build}: build {name} (rep {rep + 1})", file=sys.stderr, flush=True)
                    build_emb = tmp / f"build-{build}-{name}"
                    if not build_emb.exists():
                        (build_emb / "models").mkdir(parents=True)
                        (build_emb / "models" / MODEL).symlink_to((emb[path] / "models" / MODEL).resolve())
                    _, out = run([py, "-c", BUILD_CHILD, str(corpus), str(build_emb), *extra], code[path])
                    figures = json.loads(out.strip().splitlines()[-1])
                    assert Path(figures["code"]).is_relative_to(code[path]), figures  # the path's own code ran
                    samples.setdefault((f"build {name}: texts/s", build), []).append(figures["texts"] / figures["s"])
                    samples.setdefault((f"build {name}: texts", build), []).append(figures["texts"])
            for path in ("old", "new"):
                step += 1
                print(f"[{step}/{steps}] {path}: cold CLI first answer", file=sys.stderr, flush=True)
                seconds, _ = run([py, "-m", "assistant", *ask, "--embeddings", str(emb[path])], code[path])
                samples.setdefault(("cold CLI first answer: s", path), []).append(seconds)
                step += 1
                print(f"[{step}/{steps}] {path}: serve to first /ask answer", file=sys.stderr, flush=True)
                samples.setdefault(("serve to first answer: s", path), []).append(
                    serve_first_answer(code[path], emb[path])
                )
            floor.append(floor_first_answer())
            left = (time.perf_counter() - started) / step * (steps - step)
            print(f"  about {left:.0f}s left", file=sys.stderr, flush=True)
    rows = []
    for figure in dict.fromkeys(f for f, _ in samples):
        old, new = (statistics.median(samples[(figure, p)]) for p in ("old", "new"))
        rows.append({"figure": figure, "old (median)": old, "new (median)": new,
                     "new/old" if "texts/s" in figure else "old/new": new / old if "texts/s" in figure else old / new,
                     "runs": len(samples[(figure, "old")])})  # fmt: skip
        if (figure, "new-int8") in samples and "texts/s" in figure:
            int8 = statistics.median(samples[(figure, "new-int8")])
            rows.append({"figure": f"{figure}, new with the int8 graph as old", "old (median)": int8,
                         "new (median)": new, "new/old": new / int8, "runs": len(samples[(figure, "new-int8")])})  # fmt: skip
    rows = [{k: v for k, v in r.items()} for r in rows]
    print_table(f"Old path ({OLD_REF}) against new path, interleaved in one run (ratios > 1: new is better)", [
        {"figure": r["figure"], "old (median)": r["old (median)"], "new (median)": r["new (median)"],
         "gain": r.get("new/old", r.get("old/new")), "runs": r["runs"]} for r in rows
    ])  # fmt: skip
    print_table("What Gradio alone costs (a one-box page answering at once, once a rep)", [
        {"figure": "Gradio page start to first /ask answer: s (median)", "value": statistics.median(floor),
         "runs": len(floor)},
        {"figure": "serve's new path over it: s", "value": statistics.median(samples[("serve to first answer: s", "new")])
         - statistics.median(floor), "runs": len(floor)},
    ])  # fmt: skip
    q = quality()
    print_table("New encoders against float32 sentence-transformers", [{"figure": k, "value": v} for k, v in q.items()])
    raw = {f"{f} [{p}]": v for (f, p), v in samples.items()}
    written = write_json(
        "speed", {"old_ref": OLD_REF, "rows": rows, "quality": q, "samples": raw, "gradio_floor": floor}
    )
    print(f"\nwritten: {written}")


if __name__ == "__main__":
    main(sys.argv[1:])
