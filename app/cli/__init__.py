"""The `hervest` command line. Each module registers its subcommands."""
