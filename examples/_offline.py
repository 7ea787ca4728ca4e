"""What the examples share: OpenAI's API with a key, else the bundled fake server, offline.

With ``OPENAI_API_KEY`` set (and ``OPENAI_BASE_URL`` for another OpenAI-compatible server), an
example talks to that server through the default OpenAI provider. Without a key it starts
``FakeOpenAIServer`` on 127.0.0.1 with the example's scripted replies and points the default
provider at it: the same code path, over real HTTP, with no network. Each request the model
gets is then printed in one line; ``EXAMPLE_REQUESTS_FILE=path`` also writes their bodies there
as JSON (the example tests read them).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import AsyncIterator, Callable
from pathlib import Path

from agents import get_default_model_provider, set_default_openai_base_url, set_default_openai_key
from agents_openai.testing import FakeOpenAIServer, RecordedRequest, Reply

__all__ = ("openai_or_offline",)


def _describe(number: int, request: RecordedRequest) -> str:
    view = request.view
    first_line = (view.instructions or "").split(".")[0]
    offered = ", ".join(view.tool_names) or "no tools"
    return f"  [model request {number}: {first_line!r}; offered: {offered}]"


def _save(path: Path, requests: list[RecordedRequest]) -> None:
    bodies = [{"path": request.path, "body": request.json} for request in requests]
    path.write_text(json.dumps(bodies, indent=1))


@contextlib.asynccontextmanager
async def openai_or_offline(
    responder: Callable[[RecordedRequest], Reply | None],
) -> AsyncIterator[FakeOpenAIServer | None]:
    """Within this block, model calls go to OpenAI (with a key) or to a fake server that answers
    with ``responder``; yields the fake server, or None."""
    if os.environ.get("OPENAI_API_KEY"):
        server = os.environ.get("OPENAI_BASE_URL", "OpenAI's API")
        print(f"Running against {server} with the key from OPENAI_API_KEY.")
        try:
            yield None
        finally:
            await get_default_model_provider().aclose()
        return

    def answer(request: RecordedRequest) -> Reply | None:
        print(_describe(len(fake.model_requests()), request))
        return responder(request)

    async with FakeOpenAIServer(responder=answer) as fake:
        print(
            "No OPENAI_API_KEY set: running offline against scripted replies from a fake OpenAI "
            f"server at {fake.base_url}."
        )
        set_default_openai_key(fake.api_key)
        set_default_openai_base_url(fake.base_url)
        try:
            yield fake
        finally:
            await get_default_model_provider().aclose()
            dump = os.environ.get("EXAMPLE_REQUESTS_FILE")
            if dump:
                _save(Path(dump), fake.model_requests())
