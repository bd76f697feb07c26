"""Resolving a sync conflict: a person picks which of two concurrent values stays.

Merge (`app.store.merge`) applied one value by clock order and kept the other in a
`Conflict`, the same record on every replica: `local_value` is the value the row holds
(the clock winner), `remote_value` the one that lost. Resolving writes the chosen value
back through the unit of work (so it syncs like any edit, made having seen both) and
marks the conflict resolved, in one transaction.

A conflict on field `id` is a delete that was overruled because another device still
added to the record: keeping the current value keeps the record, the other value (null)
deletes it again, which the database refuses while other records still refer to it."""

from __future__ import annotations

import json
from enum import StrEnum

from app.domain import Conflict, User
from app.errors import HervestError
from app.i18n import register_messages
from app.services.access import Action, require
from app.store.codec import codec_for_entity
from app.store.database import Store

register_messages({
    "conflict.already_resolved": {
        "en": "This conflict was already resolved (by {user}).",
        "nl": "Dit conflict is al opgelost (door {user}).",
    },
    "conflict.record_gone": {
        "en": "The record of this conflict no longer exists; nothing was changed.",
        "nl": "Het record van dit conflict bestaat niet meer; er is niets gewijzigd.",
    },
})


class Keep(StrEnum):
    LOCAL = "local"  # the value the record holds now (the clock winner)
    REMOTE = "remote"  # the other device's value, which lost on clock order


def resolve(store: Store, conflict_id: str, keep: Keep) -> Conflict:
    """Write the chosen value to the record and mark the conflict resolved by this user.
    Need-to-know: the user must be allowed to write both conflicts and the record itself
    (a final decision is HQ's, an assessment IND's)."""
    conflict = store.get(Conflict, conflict_id)
    require(store.user, Action.WRITE, conflict)
    if conflict.resolved:
        raise HervestError("conflict.already_resolved", user=_user_name(store, conflict))
    codec = codec_for_entity(conflict.entity)
    record = store.find(codec.cls, conflict.row_id)
    if record is None:
        raise HervestError("conflict.record_gone")
    require(store.user, Action.WRITE, record)
    with store.write() as uow:
        if conflict.field_name == "id":
            if keep is Keep.REMOTE:
                uow.delete(record)
        else:
            # Keeping the current value writes nothing (every replica holds it already);
            # the other value becomes a new edit that wins everywhere.
            decode = dict(zip(codec.columns, codec.decoders, strict=True))[conflict.field_name]
            raw = conflict.local_value if keep is Keep.LOCAL else conflict.remote_value
            uow.update(record, **{conflict.field_name: decode(json.loads(raw))})
        return uow.update(conflict, resolved=True, resolved_by=store.user_id)


def _user_name(store: Store, conflict: Conflict) -> str:
    user = store.find(User, conflict.resolved_by) if conflict.resolved_by else None
    return (user.display_name or user.name) if user else "-"
