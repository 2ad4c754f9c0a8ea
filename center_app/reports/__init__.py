"""PDF builders: plain data in, an A4 PDF out. No database, no Qt — a report never queries; it prints what a
service computed, so the paper and the screen show the same figures.

* :mod:`.fonts` — the bundled CJK font plus an embedded Latin companion (the CJK font has no Latin glyphs).
* :mod:`.page` — the shared A4 page (header, "第 N 页 / 共 M 页", print date), styles, tables, atomic writing.
* :mod:`.labels` — spine labels and the label-sheet machinery; :mod:`.cards` — library cards;
  :mod:`.overdue_slips` — overdue slips for families.

Nothing is imported here: ReportLab takes ~0.2 s to import and the app must start fast, so modules load it when a
PDF is built.
"""
