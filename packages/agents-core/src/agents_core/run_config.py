"""Settings that apply to a whole run."""

from ._run.config import CallModelData as CallModelData
from ._run.config import CallModelInputFilter as CallModelInputFilter
from ._run.config import ModelInputData as ModelInputData
from ._run.config import RunConfig as RunConfig
from ._run.runner import DEFAULT_MAX_TURNS as DEFAULT_MAX_TURNS

__all__ = (
    "DEFAULT_MAX_TURNS",
    "CallModelData",
    "CallModelInputFilter",
    "ModelInputData",
    "RunConfig",
)
