"""The shared small helpers: flags, numbers from settings, atomic JSON files."""

from __future__ import annotations

import json

import pytest

from troopwatch.config import env_flag, is_true, number_setting
from troopwatch.files import atomic_write_json


def test_flags_read_the_same_from_the_environment_and_spider_arguments():
    assert all(is_true(v) for v in ("1", "true", " YES ", "On"))
    assert not any(is_true(v) for v in ("0", "", None, "no", "off", "2"))
    assert env_flag("X", {"X": "yes"}) and not env_flag("X", {})


def test_number_setting_prefers_settings_then_environment_and_names_a_bad_value(monkeypatch):
    monkeypatch.setenv("TROOPWATCH_T", "7")
    assert number_setting({"TROOPWATCH_T": "3.5"}, "TROOPWATCH_T", 1) == 3.5
    assert number_setting({}, "TROOPWATCH_T", 1) == 7.0
    assert number_setting(None, "TROOPWATCH_UNSET_T", 1) == 1.0
    monkeypatch.setenv("TROOPWATCH_T", "ten")
    with pytest.raises(ValueError, match="TROOPWATCH_T must be a number, not 'ten'"):
        number_setting(None, "TROOPWATCH_T", 1)


def test_atomic_write_json_replaces_whole_files_and_leaves_no_temporary(tmp_path):
    path = tmp_path / "deep" / "state.json"
    atomic_write_json(path, {"a": "ü"}, durable=True)
    atomic_write_json(path, {"b": 2})
    assert json.loads(path.read_text(encoding="utf-8")) == {"b": 2}
    with pytest.raises(TypeError):  # not JSON: the old file stays as it was
        atomic_write_json(path, {"c": object()})
    (tmp_path / "deep" / "dir.json").mkdir()
    with pytest.raises(OSError):  # the rename fails: the temporary file goes
        atomic_write_json(tmp_path / "deep" / "dir.json", {})
    assert json.loads(path.read_text(encoding="utf-8")) == {"b": 2}
    assert sorted(p.name for p in path.parent.iterdir()) == ["dir.json", "state.json"]
