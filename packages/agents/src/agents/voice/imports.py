"""``agents.voice.imports``: the third-party modules voice is built on."""

import numpy as np
import numpy.typing as npt
import websockets

__all__ = ("np", "npt", "websockets")
