"""Errors with stable codes and actionable messages.

Every error the library raises derives from :class:`EventwireError`. The CLI maps them to one-line
messages and exit codes; the library never prints or exits.

Code ranges (each module documents its own codes):

| range | where |
|---|---|
| E100–E149 | ingest, clean, segment (``ingest/__init__.py``) |
| E200–E229 | configuration (``config.py``; E210 the Ray engine missing) |
| E300–E349 | store and export (``store/``, ``export.py``) |
| E400–E409 | the spaCy pipeline (``parse.py``) |
| E410–E429 | actors; E430–E449 events; E450–E469 time; E470–E479 certainty; E480–E499 places |
| E510–E529 | PLOVER and PETRARCH evaluation (E525–E527 ECB+ dedup); E530–E539 timex; E540–E549 geo |
| E550–E559 | evaluation on hand-coded articles (``evaluation/articles.py``) |
| E600–E609 | HTTP API (``web/errors.py``) |
| E700–E709 | event coreference (``coreference/``: E701 a model missing, E702 the embedding extra missing) |
| E900 | an internal error in a stage: the article is recorded as rejected, the batch goes on |
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base of every eventwire error: a stable ``code`` (``E1xx``) and a message saying what to do."""

    code: str = "E000"
    exit_code: int = 1

    def __init__(self, message: str, *, path: str | None = None, code: str | None = None) -> None:
        self.message = message
        self.path = path
        if code is not None:
            self.code = code
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"[{self.code}] {where}{self.message}"


class InputError(EventwireError):
    """Bad input: a file that is missing, empty, binary, undecodable or malformed (E1xx)."""

    code = "E100"
    exit_code = 2


class ConfigError(EventwireError):
    """A setting or option with a value that cannot be used (E2xx)."""

    code = "E200"
    exit_code = 2


class StoreError(EventwireError):
    """The database cannot be reached, opened, written or migrated (E3xx)."""

    code = "E300"
    exit_code = 3


class QueryError(StoreError):
    """A query filter with a value that cannot be used (E312): the caller's mistake, a usage error."""

    code = "E312"
    exit_code = 2


class ResourceError(EventwireError):
    """A model, dictionary or data file is missing or malformed (E4xx)."""

    code = "E400"
    exit_code = 4


class EvaluationError(EventwireError):
    """A gold file cannot be read or scored (E5xx)."""

    code = "E500"
    exit_code = 2
