"""The three voices a match can be in, named once for the component, the engine and the findings.

- ``USE``: the writer applies the term; a finding at the entry's severity.
- ``QUOTED``: someone else applies it, in words the writer quotes (speech, a headline, a sign); a
  finding at suggestion level, marked ``quoted``, left out with ``--skip-quotations``.
- ``MENTION``: the term is talked about as a word (a guide, a glossary, "the term X"); reported
  only with ``--include-mentions``.

Kept apart from ``plainwords.mentions`` so the engine can name them without importing spaCy.
"""

from __future__ import annotations

USE = "use"
QUOTED = "quoted"
MENTION = "mention"
