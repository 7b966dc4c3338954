"""Commands beyond ``check``, one module each, registered with one line at the end of ``cli``."""
