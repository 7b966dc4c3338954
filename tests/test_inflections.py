"""The remembered lemminflect answers are lemminflect's own, and travel with the compiled lexicon."""

from __future__ import annotations

import lemminflect

from plainwords import cache, inflections
from plainwords.engine import Linter


def test_answers_are_lemminflects_own():
    assert inflections.getAllInflections("utilise", upos="VERB") == lemminflect.getAllInflections(
        "utilise", upos="VERB"
    )
    assert inflections.getAllInflectionsOOV("blorp", upos="NOUN") == (
        lemminflect.getAllInflectionsOOV("blorp", upos="NOUN")
    )
    assert inflections.getLemma("utilised", upos="VERB", lemmatize_oov=False) == (
        lemminflect.getLemma("utilised", upos="VERB", lemmatize_oov=False)
    )
    assert inflections.getInflection("use", tag="VBN") == lemminflect.getInflection(
        "use", tag="VBN"
    )
    assert ("getInflection", "use", "VBN", True) in inflections.answers()


def test_a_compiled_lexicon_carries_the_answers_for_its_words(lexicon, linter):
    cache.rehearse(linter.lexicon, linter.component.forms)
    compiled = cache.compiled_from(lexicon, linter.component)
    assert ("getAllInflections", "utilise", "VERB") in compiled.inflections
    assert ("getInflection", "use", "VBD", True) in compiled.inflections
    stored = cache.loads(__import__("pickle").dumps(compiled))  # the cache's safe unpickler
    assert stored.inflections == compiled.inflections
    # A linter from the compile knows them before it is asked.
    inflections._answers.clear()
    Linter(lexicon, compiled=stored)
    assert inflections.answers() == compiled.inflections
