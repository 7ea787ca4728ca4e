"""``agents.realtime.handoffs``: handoffs between realtime agents.

Re-exports ``agents_realtime.handoffs``; needs ``pip install 'agents[realtime]'``.
"""

from ._require import missing_realtime

try:
    from agents_realtime.handoffs import OnHandoffWithInput as OnHandoffWithInput
    from agents_realtime.handoffs import OnHandoffWithoutInput as OnHandoffWithoutInput
    from agents_realtime.handoffs import collect_enabled_handoffs as collect_enabled_handoffs
    from agents_realtime.handoffs import filter_enabled_handoffs as filter_enabled_handoffs
    from agents_realtime.handoffs import realtime_handoff as realtime_handoff
except ModuleNotFoundError as exc:  # pragma: no cover - depends on what is installed
    raise missing_realtime(exc) from exc

__all__ = (
    "OnHandoffWithInput",
    "OnHandoffWithoutInput",
    "collect_enabled_handoffs",
    "filter_enabled_handoffs",
    "realtime_handoff",
)
