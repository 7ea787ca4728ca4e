"""The tables of ``AdvancedSQLiteSession`` and how it classifies items (OpenAI's layout).

Beside the two tables every SQLite session has, the advanced session keeps:

- ``message_structure``: one row per item per branch (an item shared by branches has a row in
  each): its branch, kind, position (``sequence_number``), the user turn it belongs to
  (``user_turn_number``, and ``branch_turn_number`` within its branch) and its tool's name;
- ``turn_usage``: requests and tokens per user turn and branch;
- ``branch_reservations``: every branch name a session has used (names are never reused);
- ``session_clear_generations``: how many times each session was cleared, so that other session
  objects on the same file notice and return to the ``main`` branch.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = (
    "TOOL_CALL_TYPES",
    "classify",
    "content_preview",
    "create_structure_statements",
    "is_user_message",
    "tool_name",
)

# Call items whose tool is named by their type rather than a 'name' field.
_TYPED_TOOL_CALLS = frozenset(
    {
        "computer_call",
        "file_search_call",
        "web_search_call",
        "code_interpreter_call",
        "shell_call",
        "apply_patch_call",
        "tool_search_call",
        "tool_search_output",
    }
)

TOOL_CALL_TYPES = (
    "tool_call",
    "function_call",
    "computer_call",
    "file_search_call",
    "web_search_call",
    "code_interpreter_call",
    "tool_search_call",
    "custom_tool_call",
    "mcp_call",
    "mcp_approval_request",
    "shell_call",
    "apply_patch_call",
)
"""The ``message_type`` values that count as one use of a tool."""


def create_structure_statements(sessions: str, messages: str) -> tuple[str, ...]:
    """The DDL of the four extra tables and their indexes (all ``IF NOT EXISTS``)."""
    return (
        f"""CREATE TABLE IF NOT EXISTS message_structure (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id TEXT NOT NULL,
            message_id INTEGER NOT NULL,
            branch_id TEXT NOT NULL DEFAULT 'main',
            message_type TEXT NOT NULL,
            sequence_number INTEGER NOT NULL,
            user_turn_number INTEGER,
            branch_turn_number INTEGER,
            tool_name TEXT,
            created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
            FOREIGN KEY (session_id) REFERENCES {sessions}(session_id) ON DELETE CASCADE,
            FOREIGN KEY (message_id) REFERENCES {messages}(id) ON DELETE CASCADE
        )""",
        f"""CREATE TABLE IF NOT EXISTS turn_usage (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id TEXT NOT NULL,
            branch_id TEXT NOT NULL DEFAULT 'main',
            user_turn_number INTEGER NOT NULL,
            requests INTEGER DEFAULT 0,
            input_tokens INTEGER DEFAULT 0,
            output_tokens INTEGER DEFAULT 0,
            total_tokens INTEGER DEFAULT 0,
            input_tokens_details JSON,
            output_tokens_details JSON,
            created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
            FOREIGN KEY (session_id) REFERENCES {sessions}(session_id) ON DELETE CASCADE,
            UNIQUE(session_id, branch_id, user_turn_number)
        )""",
        """CREATE TABLE IF NOT EXISTS branch_reservations (
            session_id TEXT NOT NULL,
            branch_id TEXT NOT NULL,
            PRIMARY KEY (session_id, branch_id)
        )""",
        """CREATE TABLE IF NOT EXISTS session_clear_generations (
            session_id TEXT PRIMARY KEY,
            generation INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE INDEX IF NOT EXISTS idx_structure_session_seq "
        "ON message_structure(session_id, sequence_number)",
        "CREATE INDEX IF NOT EXISTS idx_structure_branch "
        "ON message_structure(session_id, branch_id)",
        "CREATE INDEX IF NOT EXISTS idx_structure_turn "
        "ON message_structure(session_id, branch_id, user_turn_number)",
        "CREATE INDEX IF NOT EXISTS idx_structure_branch_seq "
        "ON message_structure(session_id, branch_id, sequence_number)",
        "CREATE INDEX IF NOT EXISTS idx_turn_usage_session_turn "
        "ON turn_usage(session_id, branch_id, user_turn_number)",
    )


def is_user_message(item: Any) -> bool:
    """Whether the item is the user's message (each one starts a new turn)."""
    return isinstance(item, dict) and item.get("role") == "user"


def classify(item: Any) -> str:
    """The ``message_type`` of an item: ``user``, ``assistant``, its ``type``, or ``other``."""
    if isinstance(item, dict):
        role = item.get("role")
        if role in ("user", "assistant"):
            return str(role)
        if item.get("type"):
            return str(item["type"])
    return "other"


def tool_name(item: Any) -> str | None:
    """The tool an item calls (``server.tool`` for MCP calls), or None for other items."""
    if not isinstance(item, dict):
        return None
    kind = item.get("type")
    if kind in ("mcp_call", "mcp_approval_request") and "server_label" in item:
        label, name = item.get("server_label"), item.get("name")
        if label and name:
            return f"{label}.{name}"
        return str(label or name) if (label or name) else None
    if kind in _TYPED_TOOL_CALLS:
        return "tool_search" if kind in ("tool_search_call", "tool_search_output") else str(kind)
    name = item.get("name")
    if name is None:
        return None
    namespace = item.get("namespace")
    return f"{namespace}.{name}" if namespace else str(name)


def content_preview(content: Any, max_length: int | None = None) -> str:
    """A user message's content as text (JSON for structured content), cut to ``max_length``."""
    text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
    if max_length is not None and len(text) > max_length:
        return text[:max_length] + "..."
    return text
