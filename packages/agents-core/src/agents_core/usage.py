"""Requests and tokens used."""

from ._base.usage import InputTokensDetails as InputTokensDetails
from ._base.usage import OutputTokensDetails as OutputTokensDetails
from ._base.usage import RequestUsage as RequestUsage
from ._base.usage import Usage as Usage

__all__ = (
    "InputTokensDetails",
    "OutputTokensDetails",
    "RequestUsage",
    "Usage",
)
