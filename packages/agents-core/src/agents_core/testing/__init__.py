"""Test doubles for agents built on this runtime: run them offline, deterministically.

``ScriptedModel`` replies to each model call from a script (text, tool calls, reasoning,
errors; streamed or not) and records every call it received, so tests can assert both on what
the agent did and on what it sent to the model::

    from agents_core.testing import ScriptedModel, function_call

    model = ScriptedModel([function_call("get_weather", {"city": "Oslo"}, call_id="c1"), "Sunny."])
    result = await Runner.run(Agent(name="a", model=model, tools=[get_weather]), "Weather?")
    assert result.final_output == "Sunny."
    assert model.calls[1].input[-1]["type"] == "function_call_output"
"""

from .._models.response_stream import stream_events_for as stream_events_for
from ..exceptions import InvalidModelStep as InvalidModelStep
from ..exceptions import ModelScriptError as ModelScriptError
from ..exceptions import ModelStepReason as ModelStepReason
from ..exceptions import UnconsumedModelSteps as UnconsumedModelSteps
from ..exceptions import UnexpectedModelCall as UnexpectedModelCall
from ..exceptions import UnofferedToolCall as UnofferedToolCall
from ._scripted_model import ModelCall as ModelCall
from ._scripted_model import ModelResponder as ModelResponder
from ._scripted_model import ModelStep as ModelStep
from ._scripted_model import ModelStepSpec as ModelStepSpec
from ._scripted_model import ModelStreamFactory as ModelStreamFactory
from ._scripted_model import ScriptedModel as ScriptedModel
from ._scripted_model import assistant_message as assistant_message
from ._scripted_model import function_call as function_call
from ._scripted_model import reasoning as reasoning
from ._scripted_model import refusal as refusal

__all__ = (
    "InvalidModelStep",
    "ModelCall",
    "ModelResponder",
    "ModelScriptError",
    "ModelStep",
    "ModelStepReason",
    "ModelStepSpec",
    "ModelStreamFactory",
    "ScriptedModel",
    "UnconsumedModelSteps",
    "UnexpectedModelCall",
    "UnofferedToolCall",
    "assistant_message",
    "function_call",
    "reasoning",
    "refusal",
    "stream_events_for",
)
