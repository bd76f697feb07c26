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


def test_an_index_built_by_older_folding_rules_is_rebuilt_on_open(store, db_path):
    from app.store import Store
    from tests.conftest import PASSPHRASE

    with store.write() as uow:
        case = uow.insert(Case(unhcr_case_number="DEMO-JOR-0000044"))
        uow.insert(Person(case_id=case.id, given_name="Uthman"))
    store.conn.execute("DELETE FROM case_search")  # as if indexed by other rules
    store.set_meta("search_index_version", "0")
    store.close()
    with Store.open(db_path, "coordinator", PASSPHRASE) as again:
        assert search(again.conn, "Osman") == [case.id]
