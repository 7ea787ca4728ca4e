"""Tools the model calls but this machine runs: computer use and the local shell."""

from __future__ import annotations

import abc
import asyncio
import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeAlias, TypeVar

from agents_core import Agent, LocalCallTool, RunContextWrapper, ToolContext
from agents_core.exceptions import UserError
from agents_core.logger import log

__all__ = (
    "AsyncComputer",
    "Button",
    "Computer",
    "ComputerTool",
    "ComputerToolSafetyCheckData",
    "Environment",
    "LocalShellCommandRequest",
    "LocalShellExecutor",
    "LocalShellTool",
)

Environment: TypeAlias = Literal["mac", "windows", "ubuntu", "browser"]
"""The kind of computer the model is told it controls."""

Button: TypeAlias = Literal["left", "right", "wheel", "back", "forward"]
"""A mouse button."""


class Computer(abc.ABC):
    """A computer the model can operate, with blocking methods (they run in a worker thread).

    ``environment`` and ``dimensions`` describe the display to the model; return ``None`` from
    both to use the API's general ``computer`` tool instead of ``computer_use_preview``.
    """

    @property
    def environment(self) -> Environment | None:
        """The kind of computer, or ``None``."""
        return None

    @property
    def dimensions(self) -> tuple[int, int] | None:
        """The display's width and height in pixels, or ``None``."""
        return None

    @abc.abstractmethod
    def screenshot(self) -> str:
        """A base64-encoded PNG of the display."""

    @abc.abstractmethod
    def click(self, x: int, y: int, button: Button) -> None:
        """Click ``button`` at ``(x, y)``."""

    @abc.abstractmethod
    def double_click(self, x: int, y: int) -> None:
        """Double-click at ``(x, y)``."""

    @abc.abstractmethod
    def scroll(self, x: int, y: int, scroll_x: int, scroll_y: int) -> None:
        """Scroll by ``(scroll_x, scroll_y)`` with the pointer at ``(x, y)``."""

    @abc.abstractmethod
    def type(self, text: str) -> None:
        """Type ``text``."""

    @abc.abstractmethod
    def wait(self) -> None:
        """Wait a moment (for a page to load, say)."""

    @abc.abstractmethod
    def move(self, x: int, y: int) -> None:
        """Move the pointer to ``(x, y)``."""

    @abc.abstractmethod
    def keypress(self, keys: list[str]) -> None:
        """Press a key combination, such as ``["CTRL", "C"]``."""

    @abc.abstractmethod
    def drag(self, path: list[tuple[int, int]]) -> None:
        """Drag the pointer along ``path``."""


class AsyncComputer(abc.ABC):
    """A computer the model can operate, with async methods (the same as ``Computer``)."""

    @property
    def environment(self) -> Environment | None:
        """The kind of computer, or ``None``."""
        return None

    @property
    def dimensions(self) -> tuple[int, int] | None:
        """The display's width and height in pixels, or ``None``."""
        return None

    @abc.abstractmethod
    async def screenshot(self) -> str:
        """A base64-encoded PNG of the display."""

    @abc.abstractmethod
    async def click(self, x: int, y: int, button: Button) -> None:
        """Click ``button`` at ``(x, y)``."""

    @abc.abstractmethod
    async def double_click(self, x: int, y: int) -> None:
        """Double-click at ``(x, y)``."""

    @abc.abstractmethod
    async def scroll(self, x: int, y: int, scroll_x: int, scroll_y: int) -> None:
        """Scroll by ``(scroll_x, scroll_y)`` with the pointer at ``(x, y)``."""

    @abc.abstractmethod
    async def type(self, text: str) -> None:
        """Type ``text``."""

    @abc.abstractmethod
    async def wait(self) -> None:
        """Wait a moment (for a page to load, say)."""

    @abc.abstractmethod
    async def move(self, x: int, y: int) -> None:
        """Move the pointer to ``(x, y)``."""

    @abc.abstractmethod
    async def keypress(self, keys: list[str]) -> None:
        """Press a key combination, such as ``["CTRL", "C"]``."""

    @abc.abstractmethod
    async def drag(self, path: list[tuple[int, int]]) -> None:
        """Drag the pointer along ``path``."""


ComputerT = TypeVar("ComputerT", bound="Computer | AsyncComputer")


@dataclass
class ComputerToolSafetyCheckData:
    """A safety check the model raised before a computer action, for ``on_safety_check``."""

    ctx_wrapper: RunContextWrapper[Any]
    agent: Agent[Any] | None
    tool_call: Any
    safety_check: dict[str, Any]


def _action_arguments(action: dict[str, Any]) -> tuple[str, tuple[Any, ...]]:
    kind = action.get("type", "")
    if kind == "click":
        return kind, (action["x"], action["y"], action.get("button", "left"))
    if kind in ("double_click", "move"):
        return kind, (action["x"], action["y"])
    if kind == "scroll":
        return kind, (action["x"], action["y"], action["scroll_x"], action["scroll_y"])
    if kind == "type":
        return kind, (action["text"],)
    if kind == "keypress":
        return kind, (list(action["keys"]),)
    if kind == "drag":
        return kind, ([(point["x"], point["y"]) for point in action["path"]],)
    if kind in ("wait", "screenshot"):
        return kind, ()
    raise UserError(f"The model asked for an unknown computer action {kind!r}.")


@dataclass(eq=False)
class ComputerTool(LocalCallTool, Generic[ComputerT]):
    """Lets the model operate a computer: each ``computer_call`` is carried out on ``computer``
    and answered with a screenshot.

    ``on_safety_check`` sees each safety check the model raises; return ``True`` to acknowledge
    it, ``False`` to stop the run with a ``UserError``. Without it, checks go unacknowledged
    (logged as a warning) and the action is carried out.
    """

    computer: ComputerT
    on_safety_check: Callable[[ComputerToolSafetyCheckData], bool | Awaitable[bool]] | None = None

    @property
    def name(self) -> str:
        return "computer_use_preview"

    @property
    def trace_name(self) -> str:
        """The tool's name in traces."""
        return "computer"

    @property
    def call_item_type(self) -> str:
        return "computer_call"

    def to_json_dict(self) -> dict[str, Any]:
        environment, dimensions = self.computer.environment, self.computer.dimensions
        if environment is None or dimensions is None:
            return {"type": "computer"}
        width, height = dimensions
        return {
            "type": "computer_use_preview",
            "environment": environment,
            "display_width": width,
            "display_height": height,
        }

    async def _do(self, method: str, *arguments: Any) -> Any:
        function = getattr(self.computer, method)
        if isinstance(self.computer, AsyncComputer):
            return await function(*arguments)
        return await asyncio.to_thread(function, *arguments)

    async def _acknowledge(self, context: ToolContext[Any], call: Any) -> list[dict[str, Any]]:
        checks: list[dict[str, Any]] = list(getattr(call, "pending_safety_checks", None) or ())
        if not checks:
            return []
        if self.on_safety_check is None:
            log().warning("computer safety checks left unacknowledged", count=len(checks))
            return []
        for check in checks:
            verdict = self.on_safety_check(
                ComputerToolSafetyCheckData(context, context.agent, call, check)
            )
            if inspect.isawaitable(verdict):
                verdict = await verdict
            if not verdict:
                raise UserError(
                    f"Computer safety check {check.get('code', '')!r} was not acknowledged: "
                    f"{check.get('message', '')}"
                )
        return checks

    async def run_call(self, context: ToolContext[Any], call: Any) -> dict[str, Any]:
        """Carry out the call's actions and answer with a screenshot."""
        acknowledged = await self._acknowledge(context, call)
        actions = getattr(call, "actions", None) or [call.action]
        screenshot: str | None = None
        for action in actions:
            method, arguments = _action_arguments(action)
            result = await self._do(method, *arguments)
            screenshot = result if method == "screenshot" else None
        if screenshot is None:
            screenshot = await self._do("screenshot")
        answer: dict[str, Any] = {
            "type": "computer_call_output",
            "call_id": call.call_id,
            "output": {
                "type": "computer_screenshot",
                "image_url": f"data:image/png;base64,{screenshot}",
            },
        }
        if acknowledged:
            answer["acknowledged_safety_checks"] = acknowledged
        return answer


@dataclass
class LocalShellCommandRequest:
    """A shell command the model wants run: ``data`` is the ``local_shell_call`` item
    (``data.action["command"]``, ``["env"]``, ``["working_directory"]``, ``["timeout_ms"]``)."""

    ctx_wrapper: RunContextWrapper[Any]
    data: Any


LocalShellExecutor: TypeAlias = Callable[[LocalShellCommandRequest], "str | Awaitable[str]"]
"""Runs a command and returns its output (sync executors run in a worker thread)."""


@dataclass
class LocalShellTool(LocalCallTool):
    """Lets the model run shell commands here, through ``executor`` (you decide how, and whether
    to sandbox them)."""

    executor: LocalShellExecutor

    @property
    def name(self) -> str:
        return "local_shell"

    @property
    def call_item_type(self) -> str:
        return "local_shell_call"

    def to_json_dict(self) -> dict[str, Any]:
        return {"type": "local_shell"}

    async def run_call(self, context: ToolContext[Any], call: Any) -> dict[str, Any]:
        """Run the command and answer with its output."""
        request = LocalShellCommandRequest(ctx_wrapper=context, data=call)
        if inspect.iscoroutinefunction(self.executor):
            output = await self.executor(request)
        else:
            output = await asyncio.to_thread(self.executor, request)
            if inspect.isawaitable(output):
                output = await output
        return {"type": "local_shell_call_output", "call_id": call.call_id, "output": output}
