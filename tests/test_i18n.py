"""Every message a user can see exists in Dutch and English with the same placeholders."""

import importlib
import pkgutil
import string

import app
from app.messages import MESSAGES


def _load_all_catalogues():
    """Import every module of the program so parts register their own messages."""
    import sync

    for package in (app, sync):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if info.name.endswith("messages"):
                importlib.import_module(info.name)


def _fields(text):
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_message_has_dutch_and_english_with_the_same_placeholders():
    _load_all_catalogues()
    for key, entry in MESSAGES.items():
        assert set(entry) >= {"en", "nl"}, key
        assert entry["en"].strip() and entry["nl"].strip(), key
        assert _fields(entry["en"]) == _fields(entry["nl"]), key
