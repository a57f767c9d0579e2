"""One exception family. Every message says what went wrong and what to do next,
so the CLI can print it as a single line."""


class DvtopicsError(Exception):
    """Base class of every error dvtopics raises on purpose."""

    def __reduce__(self):  # pickled whatever its class's __init__ takes: a Dask task's error goes to the client
        return _rebuilt, (type(self), self.args, self.__dict__)


def _rebuilt(cls, args, state):
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class ArgumentError(DvtopicsError):
    """An argument a user gave is refused before any work (`dvtopics.arguments`); the command line shows it as a
    usage error that names the option (`cli.options.checked`)."""


class InputError(DvtopicsError):
    """An input file or record cannot be read as an article."""


class UnreadableFileError(InputError):
    """A file that cannot be read as what its name says it is (an .xlsx that is no workbook, or one broken inside):
    nothing in it can be read on from (`io.tables.open_workbook`)."""


class NoArticlesError(InputError):
    """A path given to read holds no article at all: an empty file, a folder without a .txt file."""


class ModelError(DvtopicsError):
    """A model directory is missing, corrupt, foreign or incompatible."""


class MissingExtraError(DvtopicsError):
    """An optional dependency is not installed."""

    def __init__(self, package: str, extra: str, instead: str = ""):
        super().__init__(
            f"{package} is not installed; install it with: pip install 'dvtopics[{extra}]'"
            + (f", or {instead}" if instead else "")
        )


class WorkerDied(DvtopicsError):
    """A worker process stopped abruptly (killed for want of memory, `kill -9`, a crash in native code): the pool it
    belonged to cannot go on. It was concurrent.futures' BrokenProcessPool, a traceback."""

    def __init__(self, also: str = ""):
        super().__init__("a worker process stopped abruptly (killed by the system when memory ran out, by kill -9, or "
                         "a crash): the run cannot go on; fewer processes (-j) need less memory" + also)


class TopicsError(DvtopicsError):
    """A topic model cannot be fitted or used as asked. The message is `reason`, then `advice` when given:
    what to change, in `topics fit`'s options; a job that fits with no such options (the report) gives
    `reason` with advice of its own."""

    def __init__(self, reason: str, advice: str = ""):
        super().__init__(f"{reason}: {advice}" if advice else reason)
        self.reason = reason


class TooManyTopics(TopicsError):
    """K is more than the documents (or the words) a fit has: `most` is the largest K these texts allow."""

    def __init__(self, reason: str, most: int, advice: str = ""):
        super().__init__(reason, advice)
        self.most = most
