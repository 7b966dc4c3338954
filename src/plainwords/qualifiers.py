"""Keep what a label says about the substance when a person-first alternative replaces it.

"Heroin addicts" → "people who use drugs" loses the one fact the writer gave; "people who use
heroin" keeps it. A lexicon writes its alternatives once, with the generic word ("drugs", "a drug
dependency"), and the substance named in the matched words ("heroin addict") or just before
them ("cocaine addicts", where only "addicts" matched) takes the generic word's place. The
substances are a closed list of nouns, each with the form that stands where "drugs" stood: a
mass noun stays as it is ("heroin"), a count noun is plural ("solvents").
"""

from __future__ import annotations

import re

# Each substance a label may name, with the form that replaces "drugs" ("people who use …").
SUBSTANCES = {
    "alcohol": "alcohol",
    "amphetamine": "amphetamines",
    "amphetamines": "amphetamines",
    "benzo": "benzodiazepines",
    "benzos": "benzodiazepines",
    "benzodiazepine": "benzodiazepines",
    "benzodiazepines": "benzodiazepines",
    "cannabis": "cannabis",
    "cocaine": "cocaine",
    "crack": "crack",
    "glue": "glue",
    "heroin": "heroin",
    "ketamine": "ketamine",
    "meth": "meth",
    "methadone": "methadone",
    "methamphetamine": "methamphetamine",
    "opiate": "opiates",
    "opiates": "opiates",
    "opioid": "opioids",
    "opioids": "opioids",
    "solvent": "solvents",
    "solvents": "solvents",
    "spice": "spice",
    "steroid": "steroids",
    "steroids": "steroids",
}
# The singular or mass form, where the generic word modifies a noun ("a drug dependency").
_MODIFIER_FORM = {
    "amphetamines": "amphetamine",
    "benzodiazepines": "benzodiazepine",
    "opiates": "opiate",
    "opioids": "opioid",
    "solvents": "solvent",
    "steroids": "steroid",
}

# The generic word, with the article before it (which must agree with the substance).
_GENERIC = re.compile(r"(?:\b([Aa]n?) )?\b(drugs|drug|substances|substance)\b")


def substance(word: str) -> str | None:
    """The form of a named substance that stands for "drugs", or ``None`` (not a substance)."""
    return SUBSTANCES.get(word.lower())


def narrowed(alternative: str, named: str) -> str | None:
    """``alternative`` with its generic drug word replaced by the substance ``named`` (a value of
    ``SUBSTANCES``) and the article before it agreeing; ``None`` where it has no generic word.

    "person who uses drugs" → "person who uses heroin"; "person with a drug dependency" →
    "person with an alcohol dependency"; "people with drug problems" → "people with solvent
    problems".
    """
    if not _GENERIC.search(alternative):
        return None

    def replace(match: re.Match[str]) -> str:
        plural = match.group(2) in ("drugs", "substances")
        word = named if plural else _MODIFIER_FORM.get(named, named)
        said = match.group(1)
        if not said:
            return word
        article = "an" if word[:1] in "aeiou" else "a"
        return (article.capitalize() if said[:1].isupper() else article) + " " + word

    return _GENERIC.sub(replace, alternative)
