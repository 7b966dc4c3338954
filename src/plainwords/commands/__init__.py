"""The CLI's commands, one module each, registered on the group at the end of ``plainwords.cli``."""
