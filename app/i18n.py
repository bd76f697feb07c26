"""Messages of the core in Dutch and English. The Qt UI has its own .ts files for widget
text; these are the messages that the core raises and the CLI prints."""

from __future__ import annotations

import locale
import os
from typing import Any

from app.messages import MESSAGES

SUPPORTED = ("nl", "en")


def current_language() -> str:
    """HERVEST_LANG wins, then the locale; Dutch if the locale is Dutch, else English."""
    wanted = os.environ.get("HERVEST_LANG") or os.environ.get("LANG") or ""
    if not wanted:
        wanted = (locale.getlocale()[0] or "")
    code = wanted[:2].lower()
    return code if code in SUPPORTED else "en"


def register_messages(messages: dict[str, dict[str, str]]) -> None:
    """Add a part's own messages (services, bundles, sync) to the catalogue."""
    clash = set(messages) & set(MESSAGES)
    if clash:
        raise ValueError(f"message keys defined twice: {sorted(clash)}")
    MESSAGES.update(messages)


def tr(key: str, lang: str | None = None, **params: Any) -> str:
    lang = lang or current_language()
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["en"]
    return text.format(**params) if params else text
