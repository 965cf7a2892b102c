"""Flask commands, one module per area, each exporting ``COMMANDS``."""
