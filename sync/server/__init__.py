"""The HQ sync server: an ASGI app over a SQLite or PostgreSQL store."""
