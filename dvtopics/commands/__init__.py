"""CLI command families; each module exposes COMMANDS for `dvtopics.cli`."""
