"""``OpenAIRealtimeSIPModel``: attach to a phone call that reached OpenAI over SIP."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from agents_core import RunContextWrapper
from agents_core.exceptions import UserError

from .._agents.settings import settings_for_agent
from .model import OpenAIRealtimeWebSocketModel
from .session_config import DEFAULT_REALTIME_MODEL, session_config

if TYPE_CHECKING:
    from .._agents.agent import RealtimeAgent
    from .._data.config import RealtimeRunConfig, RealtimeSessionModelSettings
    from .._model.interface import RealtimeModelConfig

__all__ = ("OpenAIRealtimeSIPModel",)


class OpenAIRealtimeSIPModel(OpenAIRealtimeWebSocketModel):
    """A realtime model for SIP calls: it connects with the call's ``call_id``, not a model name.

    Accept the call with OpenAI's Calls API, passing ``build_initial_session_payload(agent)``
    as its session, then run a session with ``model_config={"call_id": call_id}``.
    """

    @staticmethod
    async def build_initial_session_payload(
        agent: RealtimeAgent[Any],
        *,
        context: Any | None = None,
        model_config: RealtimeModelConfig | None = None,
        run_config: RealtimeRunConfig | None = None,
        overrides: RealtimeSessionModelSettings | None = None,
    ) -> dict[str, Any]:
        """The ``session`` object a session for ``agent`` would send, to accept a call with.

        It is plain JSON for the Calls API's ``accept`` request.
        """
        run_settings = (run_config or {}).get("model_settings") or {}
        initial = (model_config or {}).get("initial_model_settings") or {}
        base: RealtimeSessionModelSettings = {**run_settings, **initial}
        settings = await settings_for_agent(
            agent,
            RunContextWrapper(context),
            base=base,
            starting=initial,
            tracing_disabled=bool((run_config or {}).get("tracing_disabled")),
        )
        if overrides:
            settings.update(overrides)
        return session_config(
            settings, model=str(settings.get("model_name") or DEFAULT_REALTIME_MODEL)
        )

    async def connect(self, options: RealtimeModelConfig) -> None:
        """Attach to the call named by ``options["call_id"]``."""
        if not options.get("call_id"):
            raise UserError("OpenAIRealtimeSIPModel needs the call's call_id in the model config.")
        await super().connect(options)
