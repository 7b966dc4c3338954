"""Writing a ``Summary`` out: a terminal table (sorted by rate), JSON (docs/audit.md, with a
schema in ``schema.json``), CSV (one row per group) or an HTML page with a bar chart."""

from __future__ import annotations

import csv
import html
import io
import json

from plainwords.audit.summary import SEVERITY_ORDER, Group, Summary

FORMATS = ("table", "json", "csv", "html")
SCHEMA_VERSION = 1


def render(summary: Summary, output_format: str) -> str:
    return {"table": as_table, "json": as_json, "csv": as_csv, "html": as_html}[output_format](
        summary
    )


def as_dict(summary: Summary) -> dict:
    return {
        "version": SCHEMA_VERSION,
        "engine": summary.engine,
        "lexicons": list(summary.lexicons),
        "key_names": list(summary.key_names),
        "groups": [group.to_dict() for group in summary.groups],
        "total": summary.total.to_dict(),
    }


def as_json(summary: Summary) -> str:
    return json.dumps(as_dict(summary), indent=2, ensure_ascii=False) + "\n"


def _label(group: Group, names) -> str:
    if not group.key:
        return "whole table"
    return ", ".join(f"{name}={group.key[name]}" for name in names) or "all records"


def _top(group: Group, count: int = 3) -> str:
    return ", ".join(f"{entry} {n}" for entry, n in group.top[:count])


def as_table(summary: Summary) -> str:
    header = ("group", "records", "flagged", "findings", "per 1k words", "top entries")
    rows = [
        (
            _label(g, summary.key_names),
            str(g.records),
            str(g.records_flagged),
            str(g.findings),
            f"{g.rate:.2f}",
            _top(g),
        )
        for g in [*summary.by_rate(), summary.total]
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header) - 1)]

    def line(row) -> str:
        cells = [
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row[:-1], widths, strict=True))
        ]
        return "  ".join([*cells, row[-1]]).rstrip()

    rule = "  ".join("-" * w for w in widths)
    body = [line(header), rule, *map(line, rows[:-1]), rule, line(rows[-1])]
    return "\n".join(body) + "\n"


def as_csv(summary: Summary) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            *summary.key_names,
            "records",
            "records_flagged",
            "words",
            "findings",
            "rate_per_1000_words",
            *SEVERITY_ORDER,
            "top_entries",
        ]
    )
    for group in [*summary.groups, summary.total]:
        key = [group.key.get(name, "(all)") for name in summary.key_names]
        writer.writerow(
            [
                *key,
                group.records,
                group.records_flagged,
                group.words,
                group.findings,
                group.rate,
                *(group.severity.get(s, 0) for s in SEVERITY_ORDER),
                "; ".join(f"{e} {n}" for e, n in group.top),
            ]
        )
    return out.getvalue()


def as_html(summary: Summary) -> str:
    """One self-contained page: a bar per group (findings per 1,000 words) and the figures."""
    groups = summary.by_rate()
    highest = max((g.rate for g in groups), default=0.0) or 1.0
    bars = []
    for g in groups:
        width = 100 * g.rate / highest
        bars.append(
            f'<div class="row"><span class="label">{html.escape(_label(g, summary.key_names))}</span>'
            f'<span class="bar" style="width:{width:.1f}%" role="img" '
            f'aria-label="{g.rate:.2f} per 1,000 words"></span>'
            f'<span class="value">{g.rate:.2f}</span></div>'
        )
    rows = "".join(
        f"<tr><td>{html.escape(_label(g, summary.key_names))}</td><td>{g.records}</td>"
        f"<td>{g.records_flagged}</td><td>{g.findings}</td><td>{g.rate:.2f}</td>"
        f"<td>{html.escape(_top(g, 5))}</td></tr>"
        for g in [*groups, summary.total]
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>plainwords audit</title>
<style>
body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}}
.row{{display:flex;align-items:center;gap:.5rem;margin:.25rem 0}}
.label{{flex:0 0 16rem;overflow:hidden;text-overflow:ellipsis}}
.bar{{display:inline-block;height:1.1rem;background:#1d5fa8;min-width:1px}}
table{{border-collapse:collapse;margin-top:1.5rem}}td,th{{border:1px solid #ccc;padding:.25rem .5rem;text-align:right}}
td:first-child,th:first-child,td:last-child,th:last-child{{text-align:left}}
</style></head><body>
<h1>How the records talk about people</h1>
<p>Findings per 1,000 words, by group; {summary.total.records} records, {summary.total.findings}
findings in all. No record text is included.</p>
<div class="chart">{"".join(bars)}</div>
<table><thead><tr><th>group</th><th>records</th><th>flagged</th><th>findings</th>
<th>per 1,000 words</th><th>top entries</th></tr></thead><tbody>{rows}</tbody></table>
</body></html>
"""
