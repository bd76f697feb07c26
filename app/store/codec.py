"""Mapping between domain records and SQL rows. The same SQL values go into the change
log, so a change applied on another laptop produces the identical row."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import typing
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from app.domain.records import ENTITIES, Record

SqlValue = str | int | float | bytes | None


# One encoder for all: json.dumps with options builds a new one per call (a sixth of the
# cost of encoding a change's fields, once per change a merge writes to the log).
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_json(value: Any) -> str:
    return _CANONICAL.encode(value)


def _encode(value: Any) -> SqlValue:
    if value is None or (isinstance(value, str | int | float | bytes) and not isinstance(
        value, bool | enum.Enum
    )):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return canonical_json(list(value))
    raise TypeError(f"cannot store {type(value).__name__}")


def _decoder(hint: Any) -> Callable[[SqlValue], Any]:
    args = typing.get_args(hint)
    if type(None) in args:
        inner = _decoder(next(a for a in args if a is not type(None)))
        return lambda v: None if v is None else inner(v)
    if hint is bool:
        return bool
    if hint is dt.date:
        return dt.date.fromisoformat
    if typing.get_origin(hint) is list:
        return json.loads
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint
    return lambda v: v


@dataclasses.dataclass(frozen=True)
class Codec:
    cls: type[Record]
    columns: tuple[str, ...]
    decoders: tuple[Callable[[SqlValue], Any], ...]

    @property
    def table(self) -> str:
        return self.cls.ENTITY

    def to_row(self, record: Record) -> tuple[SqlValue, ...]:
        return tuple(_encode(getattr(record, c)) for c in self.columns)

    def to_fields(self, record: Record) -> dict[str, SqlValue]:
        return dict(zip(self.columns, self.to_row(record), strict=True))

    def from_row(self, row: Sequence[SqlValue]) -> Record:
        kwargs = {c: d(v) for c, d, v in zip(self.columns, self.decoders, row, strict=True)}
        return self.cls(**kwargs)

    def from_fields(self, fields: dict[str, SqlValue]) -> Record:
        index = dict(zip(self.columns, self.decoders, strict=True))
        return self.cls(**{c: index[c](v) for c, v in fields.items() if c in index})

    def encode_value(self, column: str, value: Any) -> SqlValue:
        if column not in self.columns:
            raise KeyError(f"{self.table} has no field {column}")
        return _encode(value)


@cache
def codec_for(cls: type[Record]) -> Codec:
    hints = typing.get_type_hints(cls)
    columns = tuple(f.name for f in dataclasses.fields(cls))
    return Codec(cls, columns, tuple(_decoder(hints[c]) for c in columns))


def codec_for_entity(entity: str) -> Codec:
    try:
        return codec_for(ENTITIES[entity])
    except KeyError:
        raise KeyError(f"unknown entity {entity!r}") from None
