"""Settings of this installation (not of a database): language and idle lock. They are
needed before any database is unlocked, so they live in QSettings, not in the store;
nothing here may name a person (the file is readable without the passphrase)."""

from __future__ import annotations

import os
from pathlib import Path

from app.private import tighten
from ui.qt import QSettings

DEFAULT_IDLE_MINUTES = 10
LANGUAGES = ("nl", "en")


def _settings() -> QSettings:
    return QSettings("Hervest", "Hervest")


def harden() -> None:
    """At start: forget the user name older versions remembered here (`last_user`: a
    seized laptop named its user), and make the file and its folder private (an older
    version left them 0644/0755; new ones are born private under the process umask)."""
    settings = _settings()
    if settings.contains("last_user"):
        settings.remove("last_user")
        settings.sync()
    path = Path(settings.fileName())
    tighten(path)
    tighten(path.parent)


def language() -> str:
    stored = str(_settings().value("language", "") or "")
    if stored in LANGUAGES:
        return stored
    wanted = (os.environ.get("HERVEST_LANG") or os.environ.get("LANG") or "")[:2].lower()
    return wanted if wanted in LANGUAGES else "en"


def set_language(code: str) -> None:
    _settings().setValue("language", code)


def idle_minutes() -> float:
    try:
        return max(0.05, float(_settings().value("idle_minutes", DEFAULT_IDLE_MINUTES)))
    except (TypeError, ValueError):
        return DEFAULT_IDLE_MINUTES


def set_idle_minutes(minutes: float) -> None:
    _settings().setValue("idle_minutes", minutes)
