"""``plainwords lsp``: the linter in any editor that speaks the Language Server Protocol.

The protocol wiring (``server``) needs pygls, the ``lsp`` extra; everything it calls is plain
Python over the engine and is tested without it: ``positions`` (offsets ↔ the client's
line/character units), ``project`` (configuration, linter and the one call into the engine),
``diagnostics`` (findings as diagnostics and hovers), ``comments`` (a suppression comment in the
document's own syntax), ``project_config`` (an entry added to the project's ``disable`` list) and
``actions`` (the code actions built from those).
"""
