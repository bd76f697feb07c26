"""PDF reports (reportlab): bundle receipts, mission reports, case summaries, CO attendance
sheets and certificates, municipality profiles and quota reports, in Dutch or English."""

from app.bundles import messages as _bundle_messages  # noqa: F401  (registers messages)
from app.reports import labels as _labels  # noqa: F401  (registers labels)
