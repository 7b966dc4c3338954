"""``plainwords lsp``: the linter in any editor that speaks the Language Server Protocol.

``server`` wires the protocol (pygls, the ``lsp`` extra) to plain functions, each with one job:
``positions`` (offsets ↔ the client's line and character units), ``project`` (configuration,
linter and the one call into the engine), ``diagnostics`` (findings as diagnostics and hovers),
``comments`` (a suppression comment in the document's own syntax), ``project_config`` (an entry
added to the project's ``disable`` list) and ``actions`` (the code actions built from those).
"""
