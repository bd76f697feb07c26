"""The SQL driver. sqlcipher3 mirrors the sqlite3 API but has its own exception classes,
so the store catches these, never sqlite3's."""

import json
from collections.abc import Iterable

from sqlcipher3 import dbapi2

Connection = dbapi2.Connection
Cursor = dbapi2.Cursor
Error = dbapi2.Error
DatabaseError = dbapi2.DatabaseError
IntegrityError = dbapi2.IntegrityError
OperationalError = dbapi2.OperationalError
connect = dbapi2.connect


# A list of ids as ONE parameter: `WHERE id IN_IDS` with `ids(values)`. The statement text
# then does not change with the number of ids, so it stays in the driver's statement cache
# instead of filling it with one text per list length (a full cache re-prepared every
# insert of a sync batch: pull took twice as long).
IN_IDS = "IN (SELECT value FROM json_each(?))"


def ids(values: Iterable[str]) -> str:
    return json.dumps(list(values))
