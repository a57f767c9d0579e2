"""Progress bars, one home: on stderr, and none when only errors are wanted (`dvtopics -q`)."""
from __future__ import annotations

import logging
import sys


def progress_bar(**options):
    """A tqdm bar on stderr with `options` (total, unit, desc, disable, …), disabled when the root logger is set
    above warnings: `-q` means "only errors", and a bar is not one."""
    from tqdm import tqdm  # imported only for a bar: a labelling worker never shows one

    if logging.getLogger().getEffectiveLevel() > logging.WARNING:
        options["disable"] = True
    return tqdm(file=sys.stderr, **options)
