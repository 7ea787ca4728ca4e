"""The library's logger (``openai.agents`` in the standard library's ``logging``)."""

from ._base.logging import enable_verbose_logging as enable_verbose_logging
from ._base.logging import enable_verbose_stdout_logging as enable_verbose_stdout_logging
from ._base.logging import log as log
from ._base.logging import logger as logger

__all__ = ("enable_verbose_logging", "enable_verbose_stdout_logging", "log", "logger")
