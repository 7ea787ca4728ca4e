"""`agents-extensions`: optional back ends and adapters (sessions, encryption, telemetry).

This distribution is installed and importable, and its version is fixed, but its public API is
still empty: the features land in their own release. Importing it never pulls in more than
`agents-core`.
"""

__all__: tuple[str, ...] = ()
