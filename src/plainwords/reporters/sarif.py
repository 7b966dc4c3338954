"""SARIF 2.1.0: the format code-scanning services (GitHub, Azure DevOps, GitLab) read.

One run, one tool; ``tool.driver.rules`` holds the lexicon entries the findings used, with the
reason, the alternatives and the published source (``helpUri``), so a reviewer reading an alert
in a web page sees the whole story. Where an entry marks its swap safe, the result carries a
``fixes`` object with the exact replacement ``plainwords fix`` would make.

Columns count Unicode code points (``columnKind: unicodeCodePoints``), as plainwords does.
Checked against the OASIS schema in tests/data (see tests/data/README.md).
"""

from __future__ import annotations

import json
import re
from pathlib import PurePosixPath
from typing import Any, TextIO
from urllib.parse import quote

from plainwords import __version__
from plainwords.findings import Finding
from plainwords.lexicon import Entry
from plainwords.reporters import Run

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://pypi.org/project/plainwords/"
LEVELS = {"error": "error", "warning": "warning", "suggestion": "note"}


def artifact_uri(path: str) -> str:
    """A percent-encoded URI for a path as plainwords printed it: relative paths stay relative
    (so code scanning resolves them against the checkout), absolute ones become ``file:`` URIs."""
    posix = PurePosixPath(path.replace("\\", "/")).as_posix().removeprefix("./")
    if posix.startswith("/"):
        return "file://" + quote(posix)
    if re.match(r"^[A-Za-z]:/", posix):
        return "file:///" + quote(posix, safe="/:")
    return quote(posix, safe="/")


def rule_for(entry: Entry) -> dict[str, Any]:
    alternatives = "; ".join(entry.alternatives)
    source = f"{entry.source.name} ({entry.source.url})"
    help_text = f"{entry.reason}\nInstead: {alternatives}.\nSource: {source}"
    help_markdown = (
        f"{entry.reason}\n\n**Instead:** {', '.join(f'“{a}”' for a in entry.alternatives)}\n\n"
        f"Source: [{entry.source.name}]({entry.source.url})"
    )
    if entry.note:
        help_text += f"\n{entry.note}"
        help_markdown += f"\n\n{entry.note}"
    properties: dict[str, Any] = {
        "category": entry.category,
        "terms": list(entry.terms),
        "alternatives": list(entry.alternatives),
        "autofix": entry.autofix,
        "tags": [t for t in (entry.category, entry.topic) if t],
    }
    return {
        "id": entry.id,
        "name": "".join(part.capitalize() for part in entry.id.split("-")),
        "shortDescription": {"text": f"“{entry.terms[0]}”: {entry.reason}"},
        "fullDescription": {"text": f"{entry.reason} Instead: {alternatives}."},
        "help": {"text": help_text, "markdown": help_markdown},
        "helpUri": entry.source.url,
        "defaultConfiguration": {"level": LEVELS[entry.severity]},
        "properties": properties,
    }


def _region(finding: Finding) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "snippet": {"text": finding.text},
    }
    if finding.location is None:
        # Offsets into the file's text; a Word document's offsets are into extracted text.
        region["charOffset"] = finding.start
        region["charLength"] = finding.end - finding.start
    return region


def _fixes(finding: Finding) -> list[dict[str, Any]]:
    from plainwords.fix import UNWRITABLE_EXTENSIONS, is_safe, replacement

    if not is_safe(finding) or finding.location is not None:
        return []
    if PurePosixPath(finding.path).suffix.lower() in UNWRITABLE_EXTENSIONS:
        return []
    # The fix span differs from the finding's only by an article or a preposition on the same
    # line (``plainwords.shaping``), so its columns are the finding's moved by that much.
    before = finding.fix_start - finding.start
    after_end = finding.fix_end - finding.end
    return [
        {
            "description": {"text": f"Replace “{finding.text}” with “{after}”"},
            "artifactChanges": [
                {
                    "artifactLocation": {"uri": artifact_uri(finding.path)},
                    "replacements": [
                        {
                            "deletedRegion": {
                                "startLine": finding.line,
                                "startColumn": finding.column + before,
                                "endLine": finding.end_line,
                                "endColumn": finding.end_column + after_end,
                                "charOffset": finding.fix_start,
                                "charLength": finding.fix_end - finding.fix_start,
                            },
                            "insertedContent": {"text": after},
                        }
                    ],
                }
            ],
        }
        for after in (replacement(finding, option) for option in finding.alternatives)
    ]


def sarif_log(run: Run) -> dict[str, Any]:
    """The SARIF log for a run, as plain data."""
    entries: dict[str, Entry] = {}
    for finding in run.findings:
        entries.setdefault(finding.rule, finding.entry)
    ids = sorted(entries)
    index = {rule: i for i, rule in enumerate(ids)}
    results = []
    for finding in run.findings:
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "ruleIndex": index[finding.rule],
            "level": LEVELS[finding.severity],
            "message": {"text": " ".join(filter(None, [finding.message, finding.instead()]))},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": artifact_uri(finding.path)},
                        "region": _region(finding),
                    }
                }
            ],
            "partialFingerprints": {
                "plainwords/v1": f"{finding.rule}:{finding.text.lower()}:{finding.line}",
            },
        }
        if finding.location:
            result["locations"][0]["message"] = {"text": finding.location}
        # The JSON report's contract (docs/json-format.md), for clients that read SARIF.
        result["properties"] = {
            "alternatives": list(finding.alternatives),
            "consider": list(finding.consider),
            "advice": list(finding.advice),
            "fixStart": finding.fix_start,
            "fixEnd": finding.fix_end,
        }
        if finding.also:
            result["properties"]["also"] = [e.id for e in finding.also]
        if finding.mention:
            result["properties"]["mention"] = True
        if finding.quoted:
            result["properties"]["quoted"] = True
        if finding.occurrences > 1:
            result["properties"].update(
                occurrence=finding.occurrence, occurrences=finding.occurrences
            )
        fixes = _fixes(finding)
        if fixes:
            result["fixes"] = fixes
        results.append(result)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "plainwords",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [rule_for(entries[rule]) for rule in ids],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def report_sarif(run: Run, stream: TextIO, color: bool = False) -> None:
    json.dump(sarif_log(run), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
