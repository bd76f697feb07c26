"""The domain of a resettlement selection mission: plain dataclasses and enums, no Qt, no SQL."""

from app.domain.enums import *  # noqa: F403
from app.domain.records import *  # noqa: F403
