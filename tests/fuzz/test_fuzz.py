"""The short fuzz run in CI: every target under hypothesis (mutated real inputs and random
bytes), and a few seconds of coverage-guided atheris on the cheapest targets. The long
run: python -m tests.fuzz.run --budget 900."""

import pytest
from hypothesis import HealthCheck, given, settings

from tests.fuzz.mutations import inputs
from tests.fuzz.run import atheris_available, main
from tests.fuzz.targets import TARGETS

# Bundle targets encrypt and sign each input: fewer examples keep CI short.
EXAMPLES = {"bundle-outer": 40, "bundle-content": 40, "keyslots": 40}


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_bad_input_is_refused_clearly(name):
    target = TARGETS[name]

    @settings(max_examples=EXAMPLES.get(name, 150), deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(inputs(target.seeds()))
    def fuzz(data: bytes) -> None:
        target.check(data)

    fuzz()


def test_seeds_are_accepted():
    """The seeds are valid inputs, so mutations start from the deep paths."""
    for name in ("bundle-manifest", "bundle-change-line", "minisign", "receipt-qr",
                 "enrolment-code", "sync-push", "sync-pull", "signed-request", "keyslots"):
        target = TARGETS[name]
        for seed in target.seeds():
            target.run(seed)


@pytest.mark.skipif(not atheris_available(), reason="atheris is not installed")
def test_coverage_guided_short_run(capsys):
    assert main(["--budget", "12", "--engine", "atheris", "--no-hostile",
                 "--targets", "receipt-qr,enrolment-code,bundle-manifest"]) == 0
    assert "total" in capsys.readouterr().out
