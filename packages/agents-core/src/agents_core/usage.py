"""Requests and tokens used."""

from ._base.usage import InputTokensDetails as InputTokensDetails
from ._base.usage import OutputTokensDetails as OutputTokensDetails
from ._base.usage import RequestUsage as RequestUsage
from ._base.usage import Usage as Usage
from ._base.usage import deserialize_usage as deserialize_usage
from ._base.usage import serialize_usage as serialize_usage

__all__ = (
    "InputTokensDetails",
    "OutputTokensDetails",
    "RequestUsage",
    "Usage",
    "deserialize_usage",
    "serialize_usage",
)
