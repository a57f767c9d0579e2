"""Stage 4, what people read: the HTML report, its workbook and the figures."""
from __future__ import annotations

import logging


class _QuietMatplotlibFolders(logging.Filter):
    """Drop matplotlib's warnings that its own folders cannot be written (a read-only HOME, a service's
    HOME=/nonexistent): it then works in a temporary folder of its own, removed at exit, and its two lines telling
    one to set MPLCONFIGDIR meant nothing to a user making a report. Its folders, and a user's MPLCONFIGDIR and
    matplotlibrc, stay as matplotlib chooses them."""

    SAID = ("mkdir -p failed for path ", "%s is not a writable directory", "Matplotlib created a temporary cache")

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(self.SAID)


logging.getLogger("matplotlib").addFilter(_QuietMatplotlibFolders())
