"""Checkstyle XML: the format Jenkins' warnings plugin, reviewdog and many CI dashboards read."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import groupby
from typing import TextIO

from plainwords.reporters import Run

SEVERITIES = {"error": "error", "warning": "warning", "suggestion": "info"}


def report_checkstyle(run: Run, stream: TextIO, color: bool = False) -> None:
    root = ET.Element("checkstyle", version="4.3")
    for path, findings in groupby(run.findings, key=lambda f: f.path):
        node = ET.SubElement(root, "file", name=path)
        for finding in findings:
            ET.SubElement(
                node,
                "error",
                line=str(finding.line),
                column=str(finding.column),
                severity=SEVERITIES[finding.severity],
                message=" ".join(filter(None, [finding.message, finding.instead()])),
                source=f"plainwords.{finding.rule}",
            )
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
