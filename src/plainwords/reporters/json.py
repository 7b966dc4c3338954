"""The JSON report: a stable contract (``"version": 1``), documented in docs/json-format.md."""

from __future__ import annotations

import json
from typing import TextIO

from plainwords.reporters import Run

JSON_VERSION = 1


def report_json(run: Run, stream: TextIO, color: bool = False) -> None:
    data = {
        "version": JSON_VERSION,
        "findings": [f.to_dict() for f in run.findings],
        "summary": run.summary(),
    }
    json.dump(data, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
