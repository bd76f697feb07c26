"""The encrypted store: one SQLCipher file, key slots beside it, one write path."""

from app.store.database import Store
from app.store.unit_of_work import UnitOfWork

__all__ = ["Store", "UnitOfWork"]
