"""Errors a user may see. Each carries a message key; `app.i18n` renders it in the
user's language, so the CLI and the desktop app say the same thing."""

from __future__ import annotations

from typing import Any


class HervestError(Exception):
    key = "error.generic"

    def __init__(self, key: str | None = None, **params: Any) -> None:
        self.key = key or self.key
        self.params = params
        super().__init__(self.key)

    def message(self, lang: str | None = None) -> str:
        from app.i18n import tr

        return tr(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.message("en")


class UnlockError(HervestError):
    """Wrong passphrase, unknown user, or too many attempts."""


class StoreError(HervestError):
    """The database or its key file cannot be used."""


class SchemaError(StoreError):
    """The database schema is newer than this program, or a migration failed."""


class PermissionDenied(HervestError):
    key = "error.permission"


class RuleViolation(HervestError):
    """A domain rule refuses the action (e.g. an illegal case transition)."""
