"""Child process for the crash tests: writes forever, printing each acknowledged write.

A line "ack N" is printed only after the unit of work that wrote case N has committed, so
every number the parent has read must survive a SIGKILL."""

import sys

from app.domain import Case, Person
from app.store import Store


def main(path: str, user: str, passphrase: str, start: int) -> None:
    store = Store.open(path, user, passphrase)
    n = start
    while True:
        with store.write() as uow:
            case = uow.insert(Case(unhcr_case_number=f"ACK-{n}", notes="x" * (n % 900)))
            uow.insert(Person(case_id=case.id, given_name=f"Demo{n}"))
            if n % 3 == 0:
                uow.update(case, notes="updated")
        print(f"ack {n}", flush=True)
        n += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
