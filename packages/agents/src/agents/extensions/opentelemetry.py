"""``agents.extensions.opentelemetry``: runs traced to OpenTelemetry (extra ``otel``)."""

from ._optional import missing_distribution

try:
    from agents_extensions.opentelemetry import (
        OpenTelemetryTracingProcessor as OpenTelemetryTracingProcessor,
    )
except ModuleNotFoundError as exc:
    missing_distribution(exc, __name__, "otel")

__all__ = ("OpenTelemetryTracingProcessor",)
