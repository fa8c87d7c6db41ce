"""Atomic writes: a directory or file appears whole or not at all, and a failure leaves the old one."""

from __future__ import annotations

import json

import pytest

from assistant.atomic import atomic_directory, write_bytes_atomically, write_json, write_json_atomically


def test_a_finished_directory_replaces_the_old_one_and_leaves_nothing_beside_it(tmp_path):
    dest = tmp_path / "index"
    dest.mkdir()
    (dest / "old.txt").write_text("old")
    with atomic_directory(dest, ".index-build-") as tmp:
        write_json(tmp / "a" / "b.json", {"名": 1})
        assert not (dest / "a").exists()  # nothing shows before the swap
    assert json.loads((dest / "a" / "b.json").read_text(encoding="utf-8")) == {"名": 1}
    assert not (dest / "old.txt").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["index"]


def test_a_failure_half_way_leaves_the_old_directory_and_no_leftovers(tmp_path):
    dest = tmp_path / "index"
    dest.mkdir()
    (dest / "old.txt").write_text("old")
    with pytest.raises(KeyboardInterrupt), atomic_directory(dest, ".index-build-") as tmp:
        (tmp / "new.txt").write_text("half")
        raise KeyboardInterrupt
    assert (dest / "old.txt").read_text() == "old" and not (dest / "new.txt").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["index"]


def test_json_keeps_characters_as_themselves_and_indents_only_when_asked(tmp_path):
    write_json(tmp_path / "a.json", {"k": "臺中"})
    write_json(tmp_path / "b.json", {"k": "臺中"}, indent=2)
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == '{"k": "臺中"}'
    assert (tmp_path / "b.json").read_text(encoding="utf-8") == '{\n  "k": "臺中"\n}\n'


def test_an_atomic_json_file_is_replaced_whole_and_an_unwritable_value_changes_nothing(tmp_path):
    path = tmp_path / "cache.json"
    write_json_atomically(path, {"v": 1})
    with pytest.raises(TypeError):
        write_json_atomically(path, {"v": object()})
    assert json.loads(path.read_text(encoding="utf-8")) == {"v": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["cache.json"]


def test_an_atomic_file_is_readable_by_everyone_like_any_other_and_leaves_nothing_beside_it(tmp_path):
    path = tmp_path / "cut.npz"
    write_bytes_atomically(path, b"\x00ids")
    assert path.read_bytes() == b"\x00ids" and path.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["cut.npz"]
