"""``MultiProvider``: ``prefix/model`` names routed to providers (from ``agents_openai``)."""

from agents_openai import MultiProvider as MultiProvider
from agents_openai import MultiProviderMap as MultiProviderMap
from agents_openai import MultiProviderOpenAIPrefixMode as MultiProviderOpenAIPrefixMode
from agents_openai import MultiProviderUnknownPrefixMode as MultiProviderUnknownPrefixMode

__all__ = (
    "MultiProvider",
    "MultiProviderMap",
    "MultiProviderOpenAIPrefixMode",
    "MultiProviderUnknownPrefixMode",
)
