"""Layer 3: conversation memory (the session protocol, memory and SQLite sessions) and history
the API accepts."""
