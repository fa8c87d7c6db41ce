"""Write files and directories so that readers see the old version or the new one, never half of one."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_directory(dest: Path, tmp_prefix: str) -> Iterator[Path]:
    """Yield a new directory beside `dest` to fill; on success it replaces `dest` (the old one, if any, is
    deleted after the swap), on any error or interrupt it is deleted and `dest` is left as it was.

    `tmp_prefix` names the temporary directory (".index-build-"), so a killed run's leftovers can be found.
    """
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=tmp_prefix, dir=dest.parent))
    try:
        yield tmp
        os.chmod(tmp, 0o755)  # mkdtemp makes it private; the finished directory is read like any other
        old = None
        if dest.exists():
            old = dest.with_name(f".{dest.name}-old-{os.getpid()}-{time.time_ns()}")
            os.replace(dest, old)
        os.replace(tmp, dest)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def write_json(path: Path, obj: object, indent: int | None = None) -> None:
    """Write `obj` as UTF-8 JSON (characters as themselves) to `path`, creating its folder; inside an
    `atomic_directory` no reader sees it before the whole directory is in place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(obj, ensure_ascii=False, indent=indent)
    path.write_text(text + "\n" if indent is not None else text, encoding="utf-8")


def write_json_atomically(path: Path, obj: object) -> None:
    """Write `obj` as UTF-8 JSON to `path` through a temporary file beside it, renamed into place."""
    write_bytes_atomically(path, json.dumps(obj, ensure_ascii=False).encode("utf-8"))


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file beside it, renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the file is read like any other
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
