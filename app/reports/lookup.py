"""Finding a report's subject by id or by the name people use for it."""

from __future__ import annotations

from typing import TypeVar

from app.domain import Case, Mission, Municipality, Record, Training
from app.errors import HervestError
from app.store.database import Store

R = TypeVar("R", bound=Record)


def _find(store: Store, cls: type[R], text: str, column: str, key: str, param: str) -> R:
    found = store.find(cls, text) or next(iter(store.select(cls, f"{column} = ?", (text,),
                                                            limit=1)), None)
    if found is None:
        raise HervestError(key, **{param: text})
    return found


def mission(store: Store, text: str) -> Mission:
    return _find(store, Mission, text, "name", "report.unknown_mission", "mission")


def case(store: Store, text: str) -> Case:
    return _find(store, Case, text, "unhcr_case_number", "report.unknown_case", "case")


def training(store: Store, text: str) -> Training:
    return _find(store, Training, text, "name", "report.unknown_training", "training")


def municipality(store: Store, text: str) -> Municipality:
    return _find(store, Municipality, text, "name", "report.unknown_municipality",
                 "municipality")
