"""CLI commands beyond ``check``, one module each, registered at the end of ``plainwords.cli``."""
