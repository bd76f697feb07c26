"""Merge rules for changes made on other devices (sync pull, bundle import at HQ).

- Each change `(device_id, seq)` is applied exactly once; one already present is skipped.
- Per field, the last writer wins, ordered by (HLC, device id, seq): every replica picks
  the same winner whatever order the changes arrive in.
- Assessments and decisions are never silently overwritten: an edit made without having
  seen the current value (a concurrent edit) becomes a `Conflict` record for a person. The
  row still follows the last-writer rule so replicas agree; the conflict keeps both values.
  Whether an edit saw the current value is told by its *base*: the HLC of each field's
  value on the writing device when it wrote (`with_bases` adds it before a change leaves
  the device). A change without a base counts as concurrent only when it is older than
  the current value.
- Deletes are tombstones: once a row has a delete, no later insert or update brings it back,
  with one exception so a typed record is never dropped and sync never sticks on a foreign
  key: a deleted row stays (or comes back) while a visible row refers to it. Laptop A deletes
  a case (after its children, as the foreign keys demand) while laptop B, offline, adds an
  interview to it: every replica keeps the case with its last-writer fields and the
  interview, and a `Conflict` (field `id`, remote value null: "deleted") tells a person the
  delete was overruled, to delete again if meant. When its last child goes, the delete
  takes effect after all. The visible rows are thus a function of the set of changes, not
  of the order they arrive in.
- A change from an older schema version is upgraded; one from a newer version is refused
  before anything is written (all or nothing: an update of Hervest can apply it).
- A change no replica could apply (refused by `validate`, or by the database: a missing
  required field, a reference to a row that exists nowhere) is *set aside*: kept apart
  with its reason, outside the change log, while the rest of the batch applies. A bad
  change from one device (a hostile one, or one HQ took before it checked as it does now)
  thus never stops everyone's sync; each is counted in the result and listed for a person.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import json
import math
import typing
import uuid
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from app.domain.records import Conflict
from app.errors import HervestError, StoreError
from app.i18n import register_messages
from app.store import sql
from app.store.codec import SqlValue, canonical_json, codec_for_entity
from app.store.hlc import parse as parse_clock
from app.store.migrations import LATEST
from app.store.references import Key, exists, foreign_keys
from app.store.unit_of_work import Change

if TYPE_CHECKING:
    from app.store.database import Store
    from app.store.unit_of_work import UnitOfWork

PROTECTED = frozenset({"assessments", "decisions"})
BASE_KEY = "~base"  # reserved key in Change.fields: {field: hlc seen when writing}
_CONFLICT_NS = uuid.UUID("6b2f1c0e-5d8a-4f53-9c1e-0a7d3e9b4c21")

register_messages({
    "merge.newer_schema": {
        "en": "A change from device {device} was made by a newer Hervest (schema {found}; "
        "this one knows {known}). Nothing was applied: update Hervest and sync again.",
        "nl": "Een wijziging van apparaat {device} komt uit een nieuwere Hervest (schema "
        "{found}; deze kent {known}). Er is niets verwerkt: werk Hervest bij en synchroniseer "
        "opnieuw.",
    },
    "merge.old_schema": {
        "en": "A change from device {device} uses schema {found}, which can no longer be "
        "read. Nothing was applied.",
        "nl": "Een wijziging van apparaat {device} gebruikt schema {found}, dat niet meer te "
        "lezen is. Er is niets verwerkt.",
    },
    "merge.bad_change": {
        "en": "A change from device {device} (number {seq}) is not valid: {detail}. "
        "Nothing was applied.",
        "nl": "Een wijziging van apparaat {device} (nummer {seq}) is ongeldig: {detail}. "
        "Er is niets verwerkt.",
    },
    "merge.set_aside": {
        "en": "Change {seq} from device {device} ({entity} {row_id}) could not be applied "
        "and was set aside: {reason}",
        "nl": "Wijziging {seq} van apparaat {device} ({entity} {row_id}) kon niet worden "
        "verwerkt en is apart gezet: {reason}",
    },
    "merge.set_aside_count": {  # after a sync or a bundle import
        "en": "Set aside: {count} change(s) could not be applied here; the rest was applied. "
        "`hervest check` lists them.",
        "nl": "Apart gezet: {count} wijziging(en) kon(den) hier niet worden verwerkt; de rest "
        "wel. `hervest check` toont ze.",
    },
})
SET_ASIDE = "merge_set_aside:"  # meta key prefix: local notes, never synced


class Version(NamedTuple):
    """One field's value and who wrote it; tuples compare in last-writer order."""
    hlc: str
    device_id: str
    seq: int
    value: SqlValue


Order = tuple[str, str, int]  # (HLC, device id, seq): the last-writer order of changes


@dataclasses.dataclass
class RowState:
    """What the change log says about one row: per field, the order and value of the last
    writer. Plain tuples, not a `Version` per field: a batch adds some ten fields per change,
    and building those was a fifth of a merge."""
    deleted: bool = False
    inserted: bool = False
    winners: dict[str, tuple[Order, SqlValue]] = dataclasses.field(default_factory=dict)

    def add(self, change: Change) -> None:
        if change.op == "delete":
            self.deleted = True
            return
        self.inserted |= change.op == "insert"
        order, winners = (change.hlc, change.device_id, change.seq), self.winners
        for name, value in change.fields.items():
            current = winners.get(name)
            if (current is None or order > current[0]) and name != BASE_KEY:
                winners[name] = (order, value)

    def version(self, name: str) -> Version | None:
        found = self.winners.get(name)
        return None if found is None else Version(*found[0], found[1])

    def values(self) -> dict[str, SqlValue]:
        return {name: value for name, (_, value) in self.winners.items()}


@dataclasses.dataclass(frozen=True)
class SetAside:
    """A change this replica cannot apply, and why (in English: a note for support)."""
    change: Change
    server_seq: int | None
    reason: str

    @property
    def key(self) -> str:
        return f"{SET_ASIDE}{self.change.device_id}:{self.change.seq}"

    def message(self, lang: str | None = None) -> str:
        from app.i18n import tr

        change = self.change
        return tr("merge.set_aside", lang, seq=change.seq, device=change.device_id,
                  entity=change.entity, row_id=change.row_id, reason=self.reason)


@dataclasses.dataclass
class MergeResult:
    applied: int = 0
    skipped: int = 0  # already present: exactly once
    conflicts: list[Conflict] = dataclasses.field(default_factory=list)
    set_aside: list[SetAside] = dataclasses.field(default_factory=list)

    def add(self, other: MergeResult) -> None:
        self.applied += other.applied
        self.skipped += other.skipped
        self.conflicts += other.conflicts
        self.set_aside += other.set_aside


# Upgrades of the change format, from version v to v + 1. Schemas 2 to 4 only changed
# indexes, so changes of schemas 1 to 3 read the same.
def _same_format(change: Change) -> Change:
    return dataclasses.replace(change, schema_version=change.schema_version + 1)


UPGRADES: dict[int, Callable[[Change], Change]] = {1: _same_format, 2: _same_format,
                                                  3: _same_format, 4: _same_format}


# -- pure rules ------------------------------------------------------------------------------
def upgrade(change: Change) -> Change:
    if change.schema_version > LATEST:
        raise HervestError("merge.newer_schema", device=change.device_id,
                           found=change.schema_version, known=LATEST)
    while change.schema_version < LATEST:
        step = UPGRADES.get(change.schema_version)
        if step is None:
            raise HervestError("merge.old_schema", device=change.device_id,
                               found=change.schema_version)
        change = step(change)
    return change


def validate(change: Change) -> None:
    """Refuse a change that names an unknown entity, field or operation."""
    def bad(detail: str) -> HervestError:
        return HervestError("merge.bad_change", device=change.device_id, seq=change.seq,
                            detail=detail)
    try:
        writable = _writable(change.entity)
    except KeyError:
        raise bad(f"unknown entity {change.entity!r}") from None
    if change.op not in ("insert", "update", "delete"):
        raise bad(f"unknown operation {change.op!r}")
    unknown = set(change.fields) - writable
    if unknown:
        raise bad(f"unknown fields {sorted(unknown)}")
    if change.seq < 1 or not change.device_id or not change.row_id:
        raise bad("missing device, number or row")
    problem = _record_problem(change)
    if problem is not None:
        raise bad(problem)
    try:  # clocks are compared later: a malformed one must be refused here, not crash there
        parse_clock(change.hlc)
        for hlc in (bases_of(change) or {}).values():
            parse_clock(hlc)
    except (ValueError, TypeError, AttributeError):
        raise bad("malformed clock") from None


@functools.cache
def _writable(entity: str) -> frozenset[str]:
    """The fields a change of `entity` may carry: its columns but the id, and the bases."""
    return frozenset(codec_for_entity(entity).columns) - {"id"} | {BASE_KEY}


MAX_TEXT = 256 * 1024  # one field's text: the bound sync.protocol states on the wire
MAX_INT = (1 << 63) - 1  # past a signed 63-bit integer SQLite and PostgreSQL fail


def _record_problem(change: Change) -> str | None:
    """What makes this change a record no replica could store: a required field missing
    from an insert (a NOT NULL column without a default), or a value of the wrong type,
    outside its enum or too large. Named by field, for the refusal."""
    if change.op == "delete":
        return None
    checks = _field_checks(change.entity)
    if change.op == "insert":
        missing = sorted(n for n, (required, _) in checks.items()
                         if required and change.fields.get(n) is None)
        if missing:
            return f"{change.entity} needs {', '.join(missing)}"
    for name, value in change.fields.items():
        if name in checks and not checks[name][1](value):
            return f"{name}: {str(value)[:40]!r} is not a valid value"
    return None


@functools.cache
def _field_checks(entity: str) -> dict[str, tuple[bool, Callable[[SqlValue], bool]]]:
    """Per column but the id: (required on insert, the check of a stored value)."""
    cls = codec_for_entity(entity).cls
    hints = typing.get_type_hints(cls)
    return {f.name: (f.default is dataclasses.MISSING
                     and f.default_factory is dataclasses.MISSING, _value_check(hints[f.name]))
            for f in dataclasses.fields(cls) if f.name != "id"}


def _value_check(hint: object) -> Callable[[SqlValue], bool]:
    """Whether a stored (codec-encoded) value fits a record field of type `hint`."""
    args = typing.get_args(hint)
    if type(None) in args:
        inner = _value_check(next(a for a in args if a is not type(None)))
        return lambda v: v is None or inner(v)
    if hint is bool:
        return lambda v: v in (0, 1) and not isinstance(v, float)
    if hint is int:
        return lambda v: isinstance(v, int) and not isinstance(v, bool) and abs(v) <= MAX_INT
    if hint is float:
        return lambda v: isinstance(v, int | float) and not isinstance(v, bool) \
            and math.isfinite(v)
    if hint is dt.date:
        return _is_date
    if typing.get_origin(hint) is list:
        return _is_text_list
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        values = frozenset(m.value for m in hint)
        return lambda v: isinstance(v, str) and v in values
    return lambda v: isinstance(v, str) and len(v) <= MAX_TEXT


def _is_date(value: SqlValue) -> bool:
    try:
        return isinstance(value, str) and bool(dt.date.fromisoformat(value))
    except ValueError:
        return False


def _is_text_list(value: SqlValue) -> bool:
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        return False
    try:
        items = json.loads(value)
    except ValueError:
        return False
    return isinstance(items, list) and all(isinstance(i, str) for i in items)


def bases_of(change: Change) -> dict[str, str] | None:
    raw = change.fields.get(BASE_KEY)
    return json.loads(raw) if isinstance(raw, str) else None


def is_concurrent(change: Change, name: str, current: Version) -> bool:
    """Did `change` write field `name` without having seen its `current` value?"""
    if current.device_id == change.device_id:
        return False  # one device's own edits are ordered by its seq
    bases = bases_of(change)
    if bases is None:
        return (change.hlc, change.device_id) < current[:2]
    return bases.get(name, "") < current.hlc


def winning_fields(change: Change, state: RowState) -> dict[str, SqlValue]:
    """The fields of `change` that beat what the row holds now."""
    order, winners = (change.hlc, change.device_id, change.seq), state.winners
    return {name: value for name, value in change.fields.items() if name != BASE_KEY
            and (name not in winners or order > winners[name][0])}


def conflict_for(change: Change, name: str, current: Version) -> Conflict:
    """The same record, with the same id, on every replica that detects the clash."""
    remote = Version(change.hlc, change.device_id, change.seq, change.fields[name])
    kept, lost = (remote, current) if remote[:3] > current[:3] else (current, remote)
    ident = uuid.uuid5(_CONFLICT_NS, "|".join(
        (change.entity, change.row_id, name, *sorted((kept.hlc, lost.hlc)))))
    return Conflict(id=str(ident), entity=change.entity, row_id=change.row_id,
                    field_name=name, local_value=canonical_json(kept.value),
                    remote_value=canonical_json(lost.value), local_hlc=kept.hlc,
                    remote_hlc=lost.hlc, remote_device=lost.device_id)


def conflicts_of(change: Change, state: RowState) -> list[Conflict]:
    if change.entity not in PROTECTED or change.op != "update" or state.deleted:
        return []
    found = []
    for name, value in change.fields.items():
        current = state.version(name)
        if name == BASE_KEY or current is None or current.value == value:
            continue
        if is_concurrent(change, name, current):
            found.append(conflict_for(change, name, current))
    return found


# -- against a store -------------------------------------------------------------------------
def logged_changes(conn, where: str = "", params: Sequence[SqlValue] = (),
                   limit: int | None = None, order_by: str = "id") -> list[Change]:
    """Changes from the log, in log order (`where` filters the `changes` table). One
    device's own changes can go by `seq`, the same order, which an index gives with no sort."""
    query = ("SELECT device_id, seq, hlc, entity, row_id, op, fields, user_id, schema_version "
             "FROM changes" + (f" WHERE {where}" if where else "") + f" ORDER BY {order_by}")
    if limit is not None:
        query += f" LIMIT {int(limit)}"
    return [Change(d, s, h, e, r, op, json.loads(f), u, v)
            for d, s, h, e, r, op, f, u, v in conn.execute(query, tuple(params))]


def apply_remote(store: Store, changes: Sequence[Change],
                 server_seqs: Sequence[int | None] | None = None,
                 unreadable: Sequence[SetAside] = ()) -> MergeResult:
    """Apply changes from other devices in ONE unit of work, but those that cannot be
    applied: they are set aside (`SetAside`), recorded so that they are not met again.
    `unreadable`: changes of the same batch the caller could not even read, to record."""
    if server_seqs is not None and len(server_seqs) != len(changes):
        raise HervestError("merge.bad_change", device="HQ", seq=len(changes),
                           detail="server numbers do not match the changes")
    seqs = list(server_seqs) if server_seqs is not None else [None] * len(changes)
    known = _set_aside_before(store, [*changes, *(n.change for n in unreadable)])
    refused, batch = MergeResult(skipped=len(known)), []
    refused.set_aside = [n for n in unreadable
                         if (n.change.device_id, n.change.seq) not in known]
    for change, server_seq in zip(changes, seqs, strict=True):
        if (change.device_id, change.seq) in known:
            continue
        try:
            change = upgrade(change)
            validate(change)
        except HervestError as error:
            if error.key == "merge.newer_schema":
                raise  # an update of Hervest can apply it: stop, to come back to it
            refused.set_aside.append(SetAside(change, server_seq, _reason(error)))
            continue
        batch.append((change, server_seq))
    try:
        result = _merge(store, batch, refused.set_aside)
    except StoreError as error:
        if not _unfit(error):
            raise  # the disk or the database, not a change: nothing is applied
        # Slow path, only when the database refused the batch: parts of it in units of
        # work of their own, down to the one change refused. (A savepoint per change
        # would not do: the foreign keys are deferred, checked at commit only.)
        result = _merge_in_parts(store, batch, refused.set_aside)
    result.skipped += refused.skipped
    return result


def _unfit(error: StoreError) -> bool:
    """Refused for a change's values (a constraint, a value the driver cannot bind or is
    too big), not for the disk or the database, which no setting aside would mend."""
    driver = sql.dbapi2
    return isinstance(error.__cause__, (sql.IntegrityError, driver.InterfaceError,
                                        driver.ProgrammingError, driver.DataError))


def _merge_in_parts(store: Store, batch: list[tuple[Change, int | None]],
                    refused: list[SetAside]) -> MergeResult:
    """Repeat over the refused until none goes in: a child met before its parent (one unit
    of work on its device) goes in once the parent has."""
    result = _merge(store, [], refused)
    todo, whole = batch, False  # the whole batch was just refused
    while todo:
        failed = _bisect(store, todo, result, whole)
        if len(failed) == len(todo):
            result.add(_merge(store, [], [SetAside(c, s, _reason(e)) for c, s, e in failed]))
            return result
        todo, whole = [(c, s) for c, s, _ in failed], True
    return result


def _bisect(store: Store, batch: list[tuple[Change, int | None]], result: MergeResult,
            whole: bool = True) -> list[tuple[Change, int | None, StoreError]]:
    """Apply the parts of `batch` the database takes, in order, halving a refused part down
    to the single changes it refuses (which are returned): a bad change in a page of 2,000
    costs some 20 units of work, not 2,000."""
    if whole:
        try:
            result.add(_merge(store, batch, []))
            return []
        except StoreError as error:
            if not _unfit(error):
                raise
            if len(batch) == 1:
                return [(*batch[0], error)]
    half = len(batch) // 2
    return _bisect(store, batch[:half], result) + _bisect(store, batch[half:], result)


def _reason(error: HervestError) -> str:
    return str(error.params.get("detail") or error.message("en"))


def _set_aside_before(store: Store, changes: Sequence[Change]) -> set[tuple[str, int]]:
    """The changes of a batch that an earlier one set aside: met again, not counted again."""
    if not store.scalar("SELECT 1 FROM meta WHERE key >= ? AND key < ? LIMIT 1",
                        (SET_ASIDE, SET_ASIDE + "\uffff")):
        return set()  # the common case: a prefix probe of the index, no query per change
    keys = {f"{SET_ASIDE}{c.device_id}:{c.seq}": (c.device_id, c.seq) for c in changes}
    found = {key for (key,) in store.rows(
        f"SELECT key FROM meta WHERE key {sql.IN_IDS}", (sql.ids(list(keys)),))}
    return {keys[key] for key in found}


def set_aside_changes(store: Store) -> list[SetAside]:
    """The changes set aside on this replica, oldest first, for `hervest check` and the app."""
    found = []
    for (value,) in store.rows("SELECT value FROM meta WHERE key >= ? AND key < ? "
                               "ORDER BY rowid", (SET_ASIDE, SET_ASIDE + "\uffff")):
        note = json.loads(value)
        found.append(SetAside(Change(**note["change"]), note["server_seq"], note["reason"]))
    return found


def _merge(store: Store, batch: Sequence[tuple[Change, int | None]],
           aside: Sequence[SetAside]) -> MergeResult:
    """One unit of work: the batch applied (all or nothing) and the set-aside recorded."""
    result = MergeResult(set_aside=list(aside))
    upgraded = [change for change, _ in batch]
    with store.write() as uow:
        # Read what the batch needs in a few statements, not a few per change.
        present = present_changes(uow.conn, upgraded)
        states = row_states(uow.conn, {(c.entity, c.row_id) for c in upgraded})
        applied: list[Change] = []
        revivals = Revivals(uow.conn)
        for change, server_seq in batch:
            if (change.device_id, change.seq) in present:
                result.skipped += 1
                continue
            _apply_one(uow, change, server_seq, states[change.entity, change.row_id], result,
                       revivals)
            present.add((change.device_id, change.seq))
            applied.append(change)
        revivals.settle(uow, result)
        result.applied = len(applied)
        if applied:
            uow.audit("apply-remote", _batch_summary(applied, result))
        for note in aside:
            _record_set_aside(uow, note)
    return result


def _record_set_aside(uow: UnitOfWork, note: SetAside) -> None:
    change = note.change
    uow.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (
        note.key, canonical_json({"change": dataclasses.asdict(change),
                                  "server_seq": note.server_seq, "reason": note.reason})))
    uow.audit("set-aside", {"device_id": change.device_id, "seq": change.seq,
                            "reason": note.reason[:500]}, change.entity, change.row_id[:200])


def _batch_summary(applied: Sequence[Change], result: MergeResult) -> dict[str, object]:
    """One audit entry per applied batch: which seq ranges of which devices came in (each
    change itself stays in the immutable change log with its origin device and user)."""
    ranges: dict[str, list[int]] = {}
    for change in applied:
        low, high = ranges.get(change.device_id, [change.seq, change.seq])
        ranges[change.device_id] = [min(low, change.seq), max(high, change.seq)]
    return {"applied": result.applied, "skipped": result.skipped,
            "conflicts": len(result.conflicts), "devices": ranges}


def present_changes(conn, changes: Sequence[Change]) -> set[tuple[str, int]]:
    """Which (device_id, seq) of `changes` the log already holds."""
    wanted: dict[str, list[int]] = {}
    for change in changes:
        wanted.setdefault(change.device_id, []).append(change.seq)
    present: set[tuple[str, int]] = set()
    for device, seqs in wanted.items():
        present.update((device, seq) for (seq,) in conn.execute(
            "SELECT seq FROM changes WHERE device_id = ? AND seq BETWEEN ? AND ?",
            (device, min(seqs), max(seqs))))
    return present


def row_states(conn, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], RowState]:
    """The logged state of many rows, one query per entity."""
    states = {key: RowState() for key in keys}
    by_entity: dict[str, list[str]] = {}
    for entity, row_id in states:
        by_entity.setdefault(entity, []).append(row_id)
    for entity, row_ids in by_entity.items():
        for change in logged_changes(conn, f"entity = ? AND row_id {sql.IN_IDS}",
                                     (entity, sql.ids(row_ids))):
            states[entity, change.row_id].add(change)
    return states


def _apply_one(uow: UnitOfWork, change: Change, server_seq: int | None, state: RowState,
               result: MergeResult, revivals: Revivals) -> None:
    for conflict in conflicts_of(change, state):
        _raise_conflict(uow, conflict, result)
    fields: dict[str, SqlValue] | None
    appeared = False
    if change.op == "delete":
        fields = None
    elif state.deleted and not exists(uow.conn, change.entity, change.row_id):
        fields = None  # a tombstone (unless a child kept the row: then it merges as usual)
    elif change.op == "insert" and not state.inserted:
        # The row appears now: its insert, overlaid with newer edits that came first.
        state.add(change)
        appeared = True
        fields = state.values()
    elif not state.inserted:
        fields = None  # an edit of a row whose insert has not arrived yet: recorded only
    else:
        fields = winning_fields(change, state)
    if fields and change.entity == "users" and _name_taken(uow, change, fields):
        fields = None  # the same person set up on two devices: each keeps its own row
    if not appeared and (change.op != "insert" or state.inserted):
        state.add(change)
    uow.apply_change(change, fields or None, server_seq)
    revivals.note(change, fields)


def _raise_conflict(uow: UnitOfWork, conflict: Conflict, result: MergeResult) -> None:
    # Imported here: the rules live with the services, which build on the store.
    from app.services.access import Action, can
    if exists(uow.conn, Conflict.ENTITY, conflict.id):
        return
    result.conflicts.append(conflict)
    # A role that may not handle conflicts (COA, BMA, ...) does not record one: HQ would
    # refuse its push, and the laptops of those who resolve it (IND, HQ) meet the same
    # concurrent changes and record it themselves, under the same id.
    if can(uow.store.user, Action.WRITE, Conflict.ENTITY):
        uow.insert(conflict)


class Revivals:
    """Rows that a batch may have to bring back: a deleted row that a row written in the
    batch refers to, or whose delete arrived while a child still refers to it here.
    (The opposite, a kept row whose last child went, is `references.release` at commit.)"""

    def __init__(self, conn) -> None:
        self.keys = foreign_keys(conn)
        self.rows: set[Key] = set()

    def note(self, change: Change, fields: dict[str, SqlValue] | None) -> None:
        if change.op == "delete":
            self.rows.add((change.entity, change.row_id))
        elif fields:
            self.rows.update(self.keys.parents_in(change.entity, fields))

    def settle(self, uow: UnitOfWork, result: MergeResult) -> None:
        """Before the deferred foreign keys are checked at commit."""
        uow.flush_log()  # the states of revived rows are read from it
        conn, todo = uow.conn, sorted(self.rows)
        while todo:  # reviving a row may need its own parents back
            table, row_id = todo.pop()
            if exists(conn, table, row_id) or not self.keys.has_children(conn, table, row_id):
                continue
            state = row_states(conn, [(table, row_id)])[table, row_id]
            if not (state.inserted and state.deleted):
                continue  # never seen here: the foreign key check will say so
            uow.set_row(table, row_id, state.values())
            _raise_conflict(uow, _kept_conflict(conn, table, row_id, state), result)
            todo.extend(self.keys.parents_of(conn, table, row_id))


def _kept_conflict(conn, table: str, row_id: str, state: RowState) -> Conflict:
    """The delete that was overruled: the same record on every replica that saw it."""
    device, hlc = conn.execute(
        "SELECT device_id, hlc FROM changes WHERE entity = ? AND row_id = ? AND op = 'delete' "
        "ORDER BY hlc, device_id LIMIT 1", (table, row_id)).fetchone()
    ident = uuid.uuid5(_CONFLICT_NS, f"kept|{table}|{row_id}|{hlc}|{device}")
    return Conflict(id=str(ident), entity=table, row_id=row_id, field_name="id",
                    local_value=canonical_json(row_id), remote_value=canonical_json(None),
                    local_hlc=max(order[0] for order, _ in state.winners.values()), remote_hlc=hlc,
                    remote_device=device)


def _name_taken(uow: UnitOfWork, change: Change, fields: dict[str, SqlValue]) -> bool:
    return "name" in fields and uow.conn.execute(
        "SELECT 1 FROM users WHERE name = ? AND id <> ?", (fields["name"], change.row_id)
    ).fetchone() is not None


def with_bases(conn, changes: Iterable[Change]) -> list[Change]:
    """Local changes ready to leave the device: edits of assessments and decisions carry
    the HLC of each field's value they replaced (read from the local log, in log order)."""
    out = []
    for change in changes:
        if change.entity not in PROTECTED or change.op != "update" or BASE_KEY in change.fields:
            out.append(change)
            continue
        bases: dict[str, str] = {}
        for hlc, fields in conn.execute(
                "SELECT hlc, fields FROM changes WHERE entity = ? AND row_id = ? AND id < "
                "(SELECT id FROM changes WHERE device_id = ? AND seq = ?)",
                (change.entity, change.row_id, change.device_id, change.seq)):
            for name in json.loads(fields).keys() & change.fields.keys():
                bases[name] = max(bases.get(name, ""), hlc)
        out.append(dataclasses.replace(
            change, fields={**change.fields, BASE_KEY: canonical_json(bases)}))
    return out
