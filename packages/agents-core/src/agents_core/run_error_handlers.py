"""Handlers that turn run errors into a final output."""

from ._agents.error_handlers import RunErrorData as RunErrorData
from ._agents.error_handlers import RunErrorHandler as RunErrorHandler
from ._agents.error_handlers import RunErrorHandlerInput as RunErrorHandlerInput
from ._agents.error_handlers import RunErrorHandlerResult as RunErrorHandlerResult
from ._agents.error_handlers import RunErrorHandlers as RunErrorHandlers

__all__ = (
    "RunErrorData",
    "RunErrorHandler",
    "RunErrorHandlerInput",
    "RunErrorHandlerResult",
    "RunErrorHandlers",
)
