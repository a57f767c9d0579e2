"""Progress bars, one home: on stderr, and none when only errors are wanted (`dvtopics -q`)."""
from __future__ import annotations

import logging
import sys
import threading
from contextlib import contextmanager


def progress_bar(**options):
    """A tqdm bar on stderr with `options` (total, unit, desc, disable, …), disabled when the root logger is set
    above warnings: `-q` means "only errors", and a bar is not one."""
    from tqdm import tqdm  # imported only for a bar: a labelling worker never shows one

    if logging.getLogger().getEffectiveLevel() > logging.WARNING:
        options["disable"] = True
    return tqdm(file=sys.stderr, **options)


@contextmanager
def ticking(bar, every: float = 1.0):
    """While the block runs, `bar`'s clock goes on: a step that moves no count (NMF's start of LDA, 27 s on 35,000
    articles) showed 0% and a clock stopped, as if the run hung. None or a disabled bar: nothing is drawn."""
    if bar is None or getattr(bar, "disable", False):
        yield
        return
    stop = threading.Event()

    def tick():
        while not stop.wait(every):
            bar.refresh()

    thread = threading.Thread(target=tick, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
