"""The approval decisions of a run: per call, or for every call of a tool (``needs_approval``).

They live on the run context (``RunContextWrapper``), so a run, its saved state and the tools and
hooks that see the context all read and record the same decisions.
"""

from __future__ import annotations

from typing import Any

__all__ = ("DEFAULT_REJECTION_MESSAGE", "Approvals")

DEFAULT_REJECTION_MESSAGE = "Tool execution was not approved."
"""What the model is told about a rejected call when no ``rejection_message`` was given (the
official SDK's text, so a model prompted for one behaves the same with the other)."""


class Approvals:
    """The decisions made so far in a run: per call, or for every call of a tool."""

    __slots__ = ("always_approve", "always_reject", "approved", "rejected")

    def __init__(self) -> None:
        self.always_approve: set[str] = set()
        self.always_reject: set[str] = set()
        self.approved: set[str] = set()
        self.rejected: dict[str, str | None] = {}

    def decision(self, tool_name: str, call_id: str) -> bool | None:
        """True (approved), False (rejected), or None (not decided yet)."""
        if call_id in self.rejected or tool_name in self.always_reject:
            return False
        if call_id in self.approved or tool_name in self.always_approve:
            return True
        return None

    def approve(self, tool_name: str, call_id: str, *, always: bool) -> None:
        """Approve the call (and every later call of the tool when ``always``)."""
        self.rejected.pop(call_id, None)
        self.approved.add(call_id)
        if always:
            self.always_approve.add(tool_name)
            self.always_reject.discard(tool_name)

    def reject(self, tool_name: str, call_id: str, *, always: bool, message: str | None) -> None:
        """Reject the call (and every later call of the tool when ``always``)."""
        self.approved.discard(call_id)
        self.rejected[call_id] = message
        if always:
            self.always_reject.add(tool_name)
            self.always_approve.discard(tool_name)

    def rejection_message(self, tool_name: str, call_id: str) -> str:
        """What the model is told about a rejected call."""
        return self.rejected.get(call_id) or DEFAULT_REJECTION_MESSAGE

    def copy(self) -> Approvals:
        """An independent copy."""
        other = Approvals()
        other.always_approve = set(self.always_approve)
        other.always_reject = set(self.always_reject)
        other.approved = set(self.approved)
        other.rejected = dict(self.rejected)
        return other

    def to_json_dict(self) -> dict[str, Any]:
        """Plain JSON, in a stable order."""
        return {
            "always_approve": sorted(self.always_approve),
            "always_reject": sorted(self.always_reject),
            "approved": sorted(self.approved),
            "rejected": dict(sorted(self.rejected.items())),
        }

    @classmethod
    def from_json_dict(cls, data: dict[str, Any]) -> Approvals:
        """Read the form written by ``to_json_dict``."""
        approvals = cls()
        approvals.always_approve = set(data["always_approve"])
        approvals.always_reject = set(data["always_reject"])
        approvals.approved = set(data["approved"])
        approvals.rejected = dict(data["rejected"])
        return approvals
