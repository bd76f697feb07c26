"""Schema of the HQ store, one script per step for both SQLite and PostgreSQL: the few
words that differ between them are written as {serial} and {blob}."""

from importlib import resources

DIALECT_WORDS = {
    "sqlite": {"serial": "INTEGER PRIMARY KEY AUTOINCREMENT", "blob": "BLOB"},
    "postgresql": {"serial": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
                   "blob": "BYTEA"},
}
STEPS = ("0001_initial.sql", "0002_user_active.sql", "0003_blob_uploads.sql",
         "0004_refusal_counts.sql")
LATEST = len(STEPS)


def statements(step: int, dialect: str) -> list[str]:
    script = resources.files(__package__).joinpath(STEPS[step - 1]).read_text("utf-8")
    script = script.format(**DIALECT_WORDS[dialect])
    lines = [ln for ln in script.splitlines() if not ln.lstrip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
