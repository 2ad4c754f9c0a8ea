"""The demo centre: a believable 古楼村 children's centre for demos, manual testing and benchmarks.

``fill_demo`` writes a whole centre — donors, ~1,500 titles and 4,000+ copies, 200+ pieces of equipment, 120 children
with guardians, volunteers, timetables, activities, a term of attendance and loans — into an *empty* store, in one
transaction. Scale ``N`` multiplies the library and stretches the records to ~N/2.5 years, for benchmarks.

How it is built, and why:

* Everything comes from ``random.Random`` streams seeded by ``seed`` plus a part name, and every date is relative to
  ``today``: the same seed and day give the same centre, and one part can change without reshuffling the others.
  Nothing iterates over a ``set`` of strings (hash order differs between processes).
* Rows are plain dicts written with bulk Core inserts through :class:`~center_app.demo.writer.Writer`, which assigns
  primary keys itself (so children reference parents without round trips) and flushes parents before children in
  chunks, keeping memory flat at scale 25 (a million attendance marks never sit in memory at once).
* History is *simulated* day by day rather than sampled independently, so it is consistent the way real data is:
  a copy is never on two loans at once, a child never holds more books than the loan rule allows, a child borrows
  only on a day they are marked present, loans end before a child leaves, nothing is lent before it was donated.
* Instants are stored as naive UTC (the schema's rule); demo times are chosen in China time (UTC+8) and converted.

Modules: ``generate`` (``fill_demo`` and the order of the parts), ``state`` (the plan and what the parts share),
``writer``, ``calendar``, ``pools/`` (names, titles, equipment, courses), and one writer per area: ``centre``
(centre, rooms, closed days, donors), ``titles`` and ``library``, ``equipment``, ``children``, ``volunteers``
(and the timetable), ``activities``, ``attendance`` (and follow-ups).
"""

from __future__ import annotations

from center_app.demo.centre import CENTRE_ADDRESS, CENTRE_NAME
from center_app.demo.generate import DEFAULT_SEED, MAX_SCALE, DemoSummary, fill_demo
from center_app.demo.state import Progress

__all__ = [
    "CENTRE_ADDRESS",
    "CENTRE_NAME",
    "DEFAULT_SEED",
    "MAX_SCALE",
    "DemoSummary",
    "Progress",
    "fill_demo",
]
