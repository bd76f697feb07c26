"""A bundle imported at HQ meets the same write rules as a push (issue 13, finding 1): the
enrolled IND laptop's bundle of cases it may not make is refused whole by `hervest-hq
import`, naming the rule; nothing of it is applied and the refusal is recorded."""

from __future__ import annotations

from pathlib import Path

from app.store import Store
from tests.bundles.test_server_import import (  # noqa: F401  (hq: a fixture)
    _open,
    enrol,
    export_to_hq,
    hq,
    run_import,
    server_changes,
)


def test_a_bundle_of_writes_its_role_may_not_make_is_refused(laptop: Store, hq, tmp_path: Path,  # noqa: F811
                                                             capsys) -> None:
    keys, url = hq
    enrol(url, laptop)  # the demo laptop: an IND user who made cases, missions, notes
    export_to_hq(laptop, keys, tmp_path / "b.age")
    assert run_import(tmp_path / "b.age", keys, url) != 0
    err = capsys.readouterr().err
    assert "IND may not insert" in err and "Traceback" not in err
    assert server_changes(url, laptop.device_id) == []
    store = _open(url)
    try:
        assert any("IND may not insert" in r[1] for r in store.refusals(laptop.device_id))
    finally:
        store.close()
