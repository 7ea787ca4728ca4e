"""Stream events and raw items that are also instances of the ``openai`` package's classes.

While the program has imported ``openai`` (or after ``set_openai_types(True)``), every stream
event, response and output item the runtime builds is an instance of both this library's class
and the matching class of ``openai.types.responses``, so code written for OpenAI's Agents SDK
works unchanged::

    from openai.types.responses import ResponseTextDeltaEvent

    async for event in result.stream_events():
        if event.type == "raw_response_event" and isinstance(event.data, ResponseTextDeltaEvent):
            print(event.data.delta, end="")

This library never imports ``openai`` by itself, and costs nothing when it is absent.
Providers build their objects with ``wire_class`` (and ``as_wire_object`` for ready-made ones).
"""

from ._items.openai_types import as_wire_object as as_wire_object
from ._items.openai_types import openai_types_active as openai_types_active
from ._items.openai_types import set_openai_types as set_openai_types
from ._items.openai_types import wire_class as wire_class

__all__ = ("as_wire_object", "openai_types_active", "set_openai_types", "wire_class")
