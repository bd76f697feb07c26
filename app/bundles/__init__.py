"""Export bundles: a mission's changes and attachments, encrypted to HQ (age), signed by
the laptop (Ed25519: an inner manifest and an outer minisign signature), carried on a stick."""

from app.bundles import messages as _messages  # noqa: F401  (registers the catalogue)
