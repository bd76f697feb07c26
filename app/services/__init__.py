"""The resettlement process as services (no Qt): used by the desktop app, CLI, sync and
reports. Every write goes through `store.write()`; need-to-know is `app.services.access`."""

from app.services import messages as _messages  # noqa: F401  (registers the catalogue)
