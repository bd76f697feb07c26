"""The short soak in CI: a few SIGKILL cycles and torn WAL tails, no loss, every check
passing. The long one runs on demand: python -m tests.soak.crash_soak --cycles 300."""

from tests.soak.crash_soak import soak


def test_short_crash_soak_loses_nothing_acknowledged(tmp_path):
    result = soak(cycles=6, seed=5, torn_every=2, folder=tmp_path, log=lambda _: None)
    print(result.table())
    assert result.failures == []
    assert result.lost_after_kill == 0
    assert result.cycles == 6 and result.torn_cycles >= 1
    assert result.acknowledged > 6
