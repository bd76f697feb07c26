"""pytest plugin for the leak scan of the desktop flows: the program's logging, as the
desktop app sets it up at start (`-p tests.security.log_plugin`)."""

import logging


def pytest_configure(config) -> None:
    from app.logs import setup_logging

    setup_logging(logging.DEBUG)
