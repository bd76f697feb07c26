"""Hybrid logical clock: monotonic per node, causally after what it has seen."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.store.hlc import HybridClock, Timestamp, parse


class FakeWall:
    def __init__(self, readings):
        self.readings, self.i = readings, 0

    def __call__(self):
        value = self.readings[min(self.i, len(self.readings) - 1)]
        self.i += 1
        return value


walls = st.lists(st.integers(0, 10**13), min_size=1, max_size=40)


@given(walls)
def test_local_timestamps_only_go_up_even_when_the_wall_clock_jumps_back(readings):
    clock = HybridClock("a", wall=FakeWall(readings))
    stamps = [clock.now() for _ in readings]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    assert [s.encode() for s in stamps] == sorted(s.encode() for s in stamps)


@given(walls, st.integers(0, 10**13), st.integers(0, 999))
def test_after_observing_a_remote_stamp_every_local_one_is_later(readings, ms, counter):
    clock = HybridClock("a", wall=FakeWall(readings))
    remote = Timestamp(ms, counter, "b")
    seen = clock.observe(remote)
    assert seen > remote
    assert clock.now() > remote


def test_text_form_round_trips_and_sorts_like_the_tuple():
    a, b = Timestamp(5, 2, "z"), Timestamp(5, 10, "a")
    assert Timestamp.decode(a.encode()) == a
    assert (a < b) == (a.encode() < b.encode())


def test_restart_continues_after_the_last_stamp():
    first = HybridClock("a", wall=lambda: 1000)
    last = first.now()
    restarted = HybridClock("a", last=last, wall=lambda: 10)  # clock set back after reboot
    assert restarted.now() > last


@pytest.mark.parametrize("text", ["+00001700000000.000001.n", "00000170000000_.000001.n",
                                  "٠٠٠٠٠١٧٠٠٠٠٠٠٠٠.000001.n", "000001700000000.000001.",
                                  "000001700000000.00001.n", "garbage"])
def test_only_fixed_width_ascii_clocks_are_accepted(text):
    # int() takes a sign, underscores and other scripts' digits; such a text would not
    # sort like its tuple, so it is refused as a clock.
    with pytest.raises(ValueError):
        parse(text)
    assert parse("000001700000000.000001.n") == (1700000000, 1, "n")
