"""Passphrase guessing through the real Store.open is held to the throttle's schedule."""

from app.store.keyslots import KdfParams
from tests.security.brute_force import measure, scheduled_guesses

WINDOW_S = 8.0


def test_guesses_through_the_program_follow_the_throttle(tmp_path):
    figures = measure(WINDOW_S, KdfParams(2, 19 * 1024), tmp_path)
    # 0, 0, 0, 2, 4, 8 s waits: five guesses in eight seconds, however fast the machine.
    assert figures.guesses <= scheduled_guesses(WINDOW_S) == 5
    assert figures.guesses >= 4
    assert figures.throttled_refusals >= 2  # told to wait after the third failure and on


def test_throttle_schedule():
    assert scheduled_guesses(60) == 7
    assert scheduled_guesses(3600) < 25
