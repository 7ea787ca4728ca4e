"""``RealtimeRunner``: starts realtime sessions for an agent."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .session import RealtimeSession

if TYPE_CHECKING:
    from .._agents.agent import RealtimeAgent
    from .._data.config import RealtimeRunConfig
    from .._model.interface import RealtimeModel, RealtimeModelConfig

__all__ = ("RealtimeRunner",)


class RealtimeRunner:
    """Starts realtime sessions: the realtime counterpart of ``Runner``.

    ``model`` is the realtime model sessions talk to (a model serves one session at a time);
    without one, each session gets its own ``OpenAIRealtimeWebSocketModel()``, so one runner can
    run many sessions at once. ``config`` holds the settings of every session this runner
    starts (model settings, guardrails, tool execution, tracing).
    """

    def __init__(
        self,
        starting_agent: RealtimeAgent[Any],
        *,
        model: RealtimeModel | None = None,
        config: RealtimeRunConfig | None = None,
    ) -> None:
        self._starting_agent = starting_agent
        self._model = model
        self._config = config

    async def run(
        self, *, context: Any | None = None, model_config: RealtimeModelConfig | None = None
    ) -> RealtimeSession:
        """A new session (not connected yet: enter it with ``async with``).

        ``context`` is your own object, given to tools, hooks and instructions;
        ``model_config`` says how this session's model connects.
        """
        model = self._model
        if model is None:
            from .._openai.model import OpenAIRealtimeWebSocketModel

            model = OpenAIRealtimeWebSocketModel()
        return RealtimeSession(
            model=model,
            agent=self._starting_agent,
            context=context,
            model_config=model_config,
            run_config=self._config,
        )
