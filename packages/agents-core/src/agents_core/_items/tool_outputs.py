"""Tool results that are more than text: images and files a model can look at.

A function tool may return a ``ToolOutputText``, ``ToolOutputImage`` or ``ToolOutputFileContent``
(or the same as a dict with its ``type``), or a list of them; the model then receives them as
Responses content parts (``input_text``, ``input_image``, ``input_file``) instead of one string.
"""

from __future__ import annotations

import functools
from typing import Annotated, Any, Literal, NotRequired, TypeAlias

from pydantic import BaseModel, Discriminator, TypeAdapter, ValidationError, model_validator
from typing_extensions import TypedDict

__all__ = (
    "ToolOutputFileContent",
    "ToolOutputFileContentDict",
    "ToolOutputImage",
    "ToolOutputImageDict",
    "ToolOutputText",
    "ToolOutputTextDict",
    "ValidToolOutputPydanticModels",
    "structured_tool_output",
)


class ToolOutputText(BaseModel):
    """Text a tool returns, sent as an ``input_text`` content part."""

    type: Literal["text"] = "text"
    text: str


class ToolOutputTextDict(TypedDict, total=False):
    """``ToolOutputText`` as a dict."""

    type: Literal["text"]
    text: str


class ToolOutputImage(BaseModel):
    """An image a tool returns: a URL (or data URL) or an uploaded file's id, and the detail the
    model should see it at."""

    type: Literal["image"] = "image"
    image_url: str | None = None
    file_id: str | None = None
    detail: Literal["low", "high", "auto"] | None = None

    @model_validator(mode="after")
    def check_at_least_one_required_field(self) -> ToolOutputImage:
        """Refuse an image with neither a URL nor a file id."""
        if self.image_url is None and self.file_id is None:
            raise ValueError("A ToolOutputImage needs an image_url or a file_id.")
        return self


class ToolOutputImageDict(TypedDict, total=False):
    """``ToolOutputImage`` as a dict."""

    type: Literal["image"]
    image_url: NotRequired[str]
    file_id: NotRequired[str]
    detail: NotRequired[Literal["low", "high", "auto"]]


class ToolOutputFileContent(BaseModel):
    """A file a tool returns: its base64 data (with an optional file name), a URL or an uploaded
    file's id."""

    type: Literal["file"] = "file"
    file_data: str | None = None
    file_url: str | None = None
    file_id: str | None = None
    filename: str | None = None

    @model_validator(mode="after")
    def check_at_least_one_required_field(self) -> ToolOutputFileContent:
        """Refuse a file with no data, URL or file id."""
        if self.file_data is None and self.file_url is None and self.file_id is None:
            raise ValueError("A ToolOutputFileContent needs file_data, a file_url or a file_id.")
        return self


class ToolOutputFileContentDict(TypedDict, total=False):
    """``ToolOutputFileContent`` as a dict."""

    type: Literal["file"]
    file_data: NotRequired[str]
    file_url: NotRequired[str]
    file_id: NotRequired[str]
    filename: NotRequired[str]


ValidToolOutputPydanticModels: TypeAlias = ToolOutputText | ToolOutputImage | ToolOutputFileContent
"""The structured results a tool may return."""

_MODELS = (ToolOutputText, ToolOutputImage, ToolOutputFileContent)
_TYPES = frozenset({"text", "image", "file"})


@functools.cache
def _adapter() -> TypeAdapter[ValidToolOutputPydanticModels]:
    return TypeAdapter(Annotated[ValidToolOutputPydanticModels, Discriminator("type")])


def _as_model(value: Any) -> ValidToolOutputPydanticModels | None:
    if isinstance(value, _MODELS):
        return value
    if isinstance(value, dict) and value.get("type") in _TYPES:
        try:
            return _adapter().validate_python(value)
        except ValidationError:
            return None  # a dict that merely has a "type" key: sent as JSON text
    return None


def _content_part(output: ValidToolOutputPydanticModels) -> dict[str, Any]:
    if isinstance(output, ToolOutputText):
        return {"type": "input_text", "text": output.text}
    if isinstance(output, ToolOutputImage):
        fields: tuple[str, ...] = ("image_url", "file_id", "detail")
        kind = "input_image"
    else:
        fields = ("file_data", "file_url", "file_id", "filename")
        kind = "input_file"
    part: dict[str, Any] = {"type": kind}
    for name in fields:
        value = getattr(output, name)
        if value is not None:
            part[name] = value
    return part


def structured_tool_output(output: Any) -> list[dict[str, Any]] | None:
    """The content parts for a tool's structured result (one or a non-empty list of them), or
    ``None`` when ``output`` is something else."""
    if isinstance(output, list | tuple):
        if not output:
            return None
        models = [_as_model(value) for value in output]
        if any(model is None for model in models):
            return None
        return [_content_part(model) for model in models if model is not None]
    model = _as_model(output)
    return None if model is None else [_content_part(model)]
