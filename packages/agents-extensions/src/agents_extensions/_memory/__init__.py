"""Session back ends: Redis, SQLAlchemy, SQLite variants and the encrypting wrapper."""
