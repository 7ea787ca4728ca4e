"""The items a run produces and a model is sent, in the Responses API's shape."""

from ._items.items import HandoffCallItem as HandoffCallItem
from ._items.items import HandoffOutputItem as HandoffOutputItem
from ._items.items import ItemHelpers as ItemHelpers
from ._items.items import MCPApprovalRequestItem as MCPApprovalRequestItem
from ._items.items import MCPApprovalResponseItem as MCPApprovalResponseItem
from ._items.items import MCPListToolsItem as MCPListToolsItem
from ._items.items import MessageOutputItem as MessageOutputItem
from ._items.items import ModelResponse as ModelResponse
from ._items.items import ReasoningItem as ReasoningItem
from ._items.items import ResponseFunctionToolCall as ResponseFunctionToolCall
from ._items.items import ResponseOtherItem as ResponseOtherItem
from ._items.items import ResponseOutputMessage as ResponseOutputMessage
from ._items.items import ResponseOutputRefusal as ResponseOutputRefusal
from ._items.items import ResponseOutputText as ResponseOutputText
from ._items.items import ResponseReasoningItem as ResponseReasoningItem
from ._items.items import RunItem as RunItem
from ._items.items import RunItemBase as RunItemBase
from ._items.items import T as T
from ._items.items import ToolApprovalItem as ToolApprovalItem
from ._items.items import ToolCallItem as ToolCallItem
from ._items.items import ToolCallOutputItem as ToolCallOutputItem
from ._items.items import TResponseInputItem as TResponseInputItem
from ._items.items import TResponseOutputItem as TResponseOutputItem
from ._items.stream_types import TResponseStreamEvent as TResponseStreamEvent

__all__ = (
    "HandoffCallItem",
    "HandoffOutputItem",
    "ItemHelpers",
    "MCPApprovalRequestItem",
    "MCPApprovalResponseItem",
    "MCPListToolsItem",
    "MessageOutputItem",
    "ModelResponse",
    "ReasoningItem",
    "ResponseFunctionToolCall",
    "ResponseOtherItem",
    "ResponseOutputMessage",
    "ResponseOutputRefusal",
    "ResponseOutputText",
    "ResponseReasoningItem",
    "RunItem",
    "RunItemBase",
    "T",
    "TResponseInputItem",
    "TResponseOutputItem",
    "TResponseStreamEvent",
    "ToolApprovalItem",
    "ToolCallItem",
    "ToolCallOutputItem",
)
