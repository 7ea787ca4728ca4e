"""Per-run tracing settings (``trace(..., tracing=...)``, ``RunConfig(tracing=...)``)."""

from __future__ import annotations

from typing_extensions import TypedDict

__all__ = ("TracingConfig", "include_task_and_turn_spans")


class TracingConfig(TypedDict, total=False):
    """Tracing settings for one trace or run."""

    api_key: str
    """The API key the OpenAI exporter sends this trace with (instead of its default one)."""

    include_task_and_turn_spans: bool
    """Whether the runner records a task span per run and a turn span per turn (default True)."""


def include_task_and_turn_spans(config: TracingConfig | None) -> bool:
    """Whether the runner records task and turn spans under ``config`` (yes unless switched off)."""
    return config is None or config.get("include_task_and_turn_spans", True)
