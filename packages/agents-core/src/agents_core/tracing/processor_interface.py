"""What tracing processors and exporters implement."""

from ._processor import TracingExporter as TracingExporter
from ._processor import TracingProcessor as TracingProcessor

__all__ = (
    "TracingExporter",
    "TracingProcessor",
)
