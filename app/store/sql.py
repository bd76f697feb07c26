"""The SQL driver. sqlcipher3 mirrors the sqlite3 API but has its own exception classes,
so the store catches these, never sqlite3's."""

from sqlcipher3 import dbapi2

Connection = dbapi2.Connection
Cursor = dbapi2.Cursor
Error = dbapi2.Error
DatabaseError = dbapi2.DatabaseError
IntegrityError = dbapi2.IntegrityError
OperationalError = dbapi2.OperationalError
connect = dbapi2.connect
