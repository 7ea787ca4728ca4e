"""Fixtures of the compatibility test: both surfaces, and the coverage line of the summary."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.compat.compare import Coverage
from tests.compat.extract_surface import Surface
from tests.compat.surface import OFFICIAL_LABEL, official_surface, our_surface

_COVERAGE = pytest.StashKey[Coverage]()


@pytest.fixture(scope="session")
def official() -> Surface:
    """The pinned official SDK's surface (made and cached on first use: a few minutes)."""
    try:
        return official_surface()
    except Exception as error:
        pytest.fail(f"Could not describe {OFFICIAL_LABEL}: {error}")


@pytest.fixture(scope="session")
def ours(official: Surface) -> Surface:
    """Our facade's surface, looked up module by module where the official SDK has names."""
    return our_surface(official)


@pytest.fixture
def record_coverage(request: pytest.FixtureRequest) -> Callable[[Coverage], None]:
    """Keep a test's coverage figures for the terminal summary."""

    def record(coverage: Coverage) -> None:
        request.config.stash[_COVERAGE] = coverage

    return record


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    """Print how much of the official surface ours has, when the comparison ran."""
    coverage = config.stash.get(_COVERAGE, None)
    if coverage is not None:
        terminalreporter.write_line(
            f"compat ({OFFICIAL_LABEL}): official names present "
            f"{coverage.names_present}/{coverage.names_total}, modules present "
            f"{coverage.modules_present}/{coverage.modules_total}"
        )
