"""Child of ``realtime_bench.py``: the fake Realtime server, in a process of its own.

It answers every ``response.create`` with one assistant message whose audio comes as
``count`` deltas of 100 ms (PCM16, 4,800 bytes each), each stamped with ``time.monotonic_ns()``
at sending (the first 8 bytes), spaced out by 5 ms (``paced``) or sent back to back
(``burst``). The session's model name, ``bench-<mode>-<count>``, says which. It prints
``PORT <n>`` once listening, and runs until stdin closes.
"""

from __future__ import annotations

import asyncio
import sys

from agents_realtime.testing import (
    ConversationState,
    FakeRealtimeServer,
    MessageReply,
    RealtimeReply,
)

API_KEY = "sk-bench-not-a-real-key"
DELTA_BYTES = 4_800  # 100 ms of PCM16 at 24 kHz
PACED_INTERVAL_MS = 5.0


def respond(state: ConversationState) -> RealtimeReply:
    _, mode, count = str(state.session.get("model")).split("-")
    return RealtimeReply(
        [MessageReply("x", audio=bytes(DELTA_BYTES * int(count)))],
        audio_chunk_ms=100,
        stamp_deltas=True,
        delta_interval_ms=PACED_INTERVAL_MS if mode == "paced" else None,
    )


async def main() -> None:
    async with FakeRealtimeServer(api_key=API_KEY, responder=respond) as server:
        print(f"PORT {server.port}", flush=True)
        await asyncio.to_thread(sys.stdin.read)  # until the driver closes our stdin


if __name__ == "__main__":
    asyncio.run(main())
