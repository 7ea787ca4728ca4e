"""The package's logger: structlog over the standard library's ``agents.voice`` logger, silent
until the application turns logging on (``logging.basicConfig(...)`` or agents'
``enable_verbose_logging()``). The library never configures structlog, and never logs what was
said or answered."""

from __future__ import annotations

import functools
import logging
from typing import Any

__all__ = ("LOGGER_NAME", "logger")

LOGGER_NAME = "agents.voice"

logging.getLogger(LOGGER_NAME).addHandler(logging.NullHandler())


@functools.cache
def logger() -> Any:
    """The structlog logger of the voice pipeline."""
    import structlog

    return structlog.wrap_logger(
        logging.getLogger(LOGGER_NAME),
        processors=[
            structlog.stdlib.filter_by_level,
            structlog.processors.add_log_level,
            structlog.processors.KeyValueRenderer(key_order=["event"]),
        ],
        wrapper_class=structlog.stdlib.BoundLogger,
    )
