"""``agents_extensions.opentelemetry``: runs traced to OpenTelemetry (extra ``otel``)."""

from ._opentelemetry import OpenTelemetryTracingProcessor as OpenTelemetryTracingProcessor

__all__ = ("OpenTelemetryTracingProcessor",)
