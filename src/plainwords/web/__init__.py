"""The HTML report and the workshop page: templates, shared styling and a thin local server.

Nothing here finds anything: both take findings from ``engine`` and only present them.
"""
