"""The items of a realtime conversation, as the session's history holds them."""

from ._data.items import AssistantAudio as AssistantAudio
from ._data.items import AssistantMessageItem as AssistantMessageItem
from ._data.items import AssistantText as AssistantText
from ._data.items import InputAudio as InputAudio
from ._data.items import InputImage as InputImage
from ._data.items import InputText as InputText
from ._data.items import RealtimeItem as RealtimeItem
from ._data.items import RealtimeMessageItem as RealtimeMessageItem
from ._data.items import RealtimeResponse as RealtimeResponse
from ._data.items import RealtimeToolCallItem as RealtimeToolCallItem
from ._data.items import SystemMessageItem as SystemMessageItem
from ._data.items import UserMessageItem as UserMessageItem

__all__ = (
    "AssistantAudio",
    "AssistantMessageItem",
    "AssistantText",
    "InputAudio",
    "InputImage",
    "InputText",
    "RealtimeItem",
    "RealtimeMessageItem",
    "RealtimeResponse",
    "RealtimeToolCallItem",
    "SystemMessageItem",
    "UserMessageItem",
)
