"""Child process of the soak: applies planned operations from `start` on, forever, and
prints "ack n" only after operation n has committed."""

import sys

from app.domain import Case, Person
from app.store import Store
from tests.soak.plan import number, person, plan


def main(path: str, passphrase: str, seed: int, start: int) -> None:
    store = Store.open(path, "soak", passphrase)
    n = start
    while True:
        op = plan(seed, n)
        with store.write() as uow:
            case = uow.insert(Case(unhcr_case_number=number(n), notes="x" * op.notes_len))
            uow.insert_many(Person(case_id=case.id, given_name=person(n, i))
                            for i in range(op.persons))
            if op.update is not None:
                target = store.select(Case, "unhcr_case_number = ?", (number(op.update),))[0]
                uow.update(target, notes=f"v{n}")
            if op.drop_first_person_of is not None:
                for gone in store.select(Person, "given_name = ?",
                                         (person(op.drop_first_person_of, 0),)):
                    uow.delete(gone)
        print(f"ack {n}", flush=True)
        n += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
