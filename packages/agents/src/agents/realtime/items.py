"""``agents.realtime.items``: the items of a realtime conversation.

Re-exports ``agents_realtime.items``; needs ``pip install 'agents[realtime]'``.
"""

from ._require import missing_realtime

try:
    from agents_realtime.items import AssistantAudio as AssistantAudio
    from agents_realtime.items import AssistantMessageItem as AssistantMessageItem
    from agents_realtime.items import AssistantText as AssistantText
    from agents_realtime.items import InputAudio as InputAudio
    from agents_realtime.items import InputImage as InputImage
    from agents_realtime.items import InputText as InputText
    from agents_realtime.items import RealtimeItem as RealtimeItem
    from agents_realtime.items import RealtimeMessageItem as RealtimeMessageItem
    from agents_realtime.items import RealtimeResponse as RealtimeResponse
    from agents_realtime.items import RealtimeToolCallItem as RealtimeToolCallItem
    from agents_realtime.items import SystemMessageItem as SystemMessageItem
    from agents_realtime.items import UserMessageItem as UserMessageItem
except ModuleNotFoundError as exc:  # pragma: no cover - depends on what is installed
    raise missing_realtime(exc) from exc

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
