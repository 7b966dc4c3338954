"""``plainwords audit``: how a table of records talks about people, counted per group.

The flow is table → partitions of records → findings (the same linter as ``check``) → counts per
group (sums, never lists of findings) → combined → report. Engines (local, Dask, Spark) differ only
in who runs the counting of each partition; the counting and the combining are shared, so every
engine gives the same figures.
"""
