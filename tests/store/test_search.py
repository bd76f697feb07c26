"""The case search index follows every write, in Latin and Arabic script."""

from app.domain import Case, Person
from app.store.search import search


def test_index_follows_inserts_renames_and_deletes(store):
    with store.write() as uow:
        case = uow.insert(Case(unhcr_case_number="DEMO-JOR-0000042"))
        person = uow.insert(Person(case_id=case.id, given_name="Youssef", family_name="Haddad",
                                   given_name_original="يوسف"))
        other = uow.insert(Case(unhcr_case_number="DEMO-JOR-0000043"))
    for query in ("Yusuf", "yousef haddad", "يوسف", "0000042", "HADDAD"):
        assert search(store.conn, query) == [case.id], query
    with store.write() as uow:
        uow.update(person, given_name="Karim", given_name_original="كريم")
    assert search(store.conn, "Yusuf") == []
    assert search(store.conn, "Kareem") == [case.id]
    with store.write() as uow:
        uow.delete(person)
        uow.delete(case)
    assert search(store.conn, "Kareem") == []
    assert search(store.conn, "0000043") == [other.id]
    assert store.scalar("SELECT COUNT(*) FROM case_search_keys") == 1
