"""Which changes a bundle carries, and their one-line JSON form inside it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from app.domain.records import (
    Attachment,
    CarryOver,
    Framework,
    FrameworkDeduction,
    FrameworkEarmark,
    FrameworkYear,
    Municipality,
    User,
)
from app.store.codec import canonical_json
from app.store.database import Store
from app.store.merge import with_bases
from app.store.unit_of_work import Change

CHANGE_COLUMNS = "device_id, seq, hlc, entity, row_id, op, fields, user_id, schema_version"
# Rows that belong to no mission but that a mission's rows refer to.
SHARED_ENTITIES = frozenset(cls.ENTITY for cls in (
    User, Municipality, Framework, FrameworkYear, FrameworkEarmark, FrameworkDeduction,
    CarryOver))


def unacked_changes(store: Store, mission_id: str | None) -> Iterator[Change]:
    """This device's changes HQ has not acknowledged, oldest first, ready to leave the
    device (edits of assessments and decisions carry their merge bases); with a mission,
    only those about its rows (and the shared rows they refer to)."""
    cursor = store.conn.execute(
        f"SELECT {CHANGE_COLUMNS} FROM changes WHERE device_id = ? AND acked = 0 ORDER BY seq",
        (store.device_id,))
    scope = MissionScope(store, mission_id) if mission_id else None
    for row in cursor:
        change = Change(row[0], row[1], row[2], row[3], row[4], row[5], json.loads(row[6]),
                        row[7], row[8])
        if scope is None or scope.covers(change):
            yield with_bases(store.conn, [change])[0]


class MissionScope:
    """Whether a change concerns a mission: by the row's links (mission, case, training,
    session) as written when the row was made, so deletions are placed too."""

    def __init__(self, store: Store, mission_id: str) -> None:
        self.store, self.mission_id = store, mission_id
        ids = lambda sql: {r[0] for r in store.rows(sql, (mission_id,))}  # noqa: E731
        self.cases = ids("SELECT id FROM cases WHERE mission_id = ?")
        self.trainings = ids("SELECT id FROM trainings WHERE mission_id = ?")
        self.sessions = ids("SELECT s.id FROM training_sessions s JOIN trainings t "
                            "ON t.id = s.training_id WHERE t.mission_id = ?")

    def covers(self, change: Change) -> bool:
        if change.entity in SHARED_ENTITIES:
            return True
        if change.entity == "missions":
            return change.row_id == self.mission_id
        links = self._links(change)
        return (links.get("mission_id") == self.mission_id or links.get("case_id") in self.cases
                or links.get("training_id") in self.trainings
                or links.get("session_id") in self.sessions
                or (change.entity == "cases" and change.row_id in self.cases))

    def _links(self, change: Change) -> dict[str, Any]:
        if change.op == "insert":
            return change.fields
        text = self.store.scalar("SELECT fields FROM changes WHERE entity = ? AND row_id = ? "
                                 "AND op = 'insert' ORDER BY id LIMIT 1",
                                 (change.entity, change.row_id))
        return {**(json.loads(text) if text else {}), **change.fields}


def attachment_digest(change: Change) -> str | None:
    """The content address an attachment change brings along, if any."""
    if change.entity == Attachment.ENTITY and change.op != "delete":
        value = change.fields.get("sha256")
        return str(value) if value else None
    return None


def encode_change(change: Change) -> bytes:
    return (canonical_json({
        "device_id": change.device_id, "seq": change.seq, "hlc": change.hlc,
        "entity": change.entity, "row_id": change.row_id, "op": change.op,
        "fields": change.fields, "user_id": change.user_id,
        "schema_version": change.schema_version}) + "\n").encode()


def decode_change(line: bytes) -> Change:
    """One line of a changes member; ValueError if it is not one."""
    data = json.loads(line, parse_constant=_no_constant)
    if not isinstance(data, dict) or not isinstance(data.get("fields"), dict):
        raise ValueError("a change line is not an object with fields")
    try:
        change = Change(str(data["device_id"]), _integer(data["seq"]), str(data["hlc"]),
                        str(data["entity"]), str(data["row_id"]), str(data["op"]),
                        data["fields"], data["user_id"], _integer(data["schema_version"]))
    except KeyError as missing:
        raise ValueError(f"a change line lacks {missing}") from None
    if change.op not in ("insert", "update", "delete"):
        raise ValueError(f"unknown operation {change.op!r}")
    return change


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")  # Python's json accepts NaN, Infinity


def _integer(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{value!r} is not an integer")
    return value
