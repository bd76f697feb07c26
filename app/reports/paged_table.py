"""A table of any length, split across pages with its header on top of each, in time
linear in its rows.

reportlab's Table re-creates the cell styles of all remaining rows at every page split,
so a list of thousands of cases takes time quadratic in its rows. Cutting it into fixed
blocks of rows kept it linear but printed the header again in the middle of a page.
Here the rows are measured once, up front; a page split then costs only the rows on that
page."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from reportlab.platypus import Flowable, Table

# Builds one page: (header + rows, column widths, row heights, index of the first row).
MakeTable = Callable[..., Table]


@dataclass(frozen=True)
class _Rows:
    """Row heights of the whole table, shared by every remaining part of it."""
    head: float
    heights: list[float]
    ends: list[float]  # ends[i]: height of body rows before row i


class PagedTable(Flowable):
    def __init__(self, head: list[Any], body: Sequence[list[Any]], widths: Sequence[float],
                 make: MakeTable, heights: _Rows | Sequence[float], start: int = 0) -> None:
        """`heights`: of the header and of every body row, as the table will draw them."""
        super().__init__()
        self.head, self.body, self.widths, self.make = head, body, list(widths), make
        self.start = start
        if not isinstance(heights, _Rows):
            head_height, *rest = heights
            heights = _Rows(head_height, rest, list(accumulate(rest, initial=0.0)))
        self.rows = heights
        self.width = sum(self.widths)
        self.hAlign = "CENTER"  # placed in the frame as reportlab places its tables

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        rows = self.rows
        self.height = rows.head + rows.ends[-1] - rows.ends[self.start]
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        rows = self.rows
        room = avail_height - rows.head + 1e-6
        stop = bisect_right(rows.ends, rows.ends[self.start] + room) - 1
        if stop <= self.start:  # not even one row fits: start on the next page
            return []
        return [self._page(stop),
                PagedTable(self.head, self.body, self.widths, self.make, rows, stop)]

    def _page(self, stop: int) -> Table:
        rows = self.rows
        return self.make([self.head, *self.body[self.start:stop]], self.widths,
                         heights=[rows.head, *rows.heights[self.start:stop]],
                         first_row=self.start)

    def draw(self) -> None:
        table = self._page(len(self.body))
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)
