"""Ordered parallel map over worker processes that die with their parent: what segmenting and labelling share."""
from __future__ import annotations

import logging
import os
import queue
import signal
import sys
import threading
from collections import deque
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator, Sequence

from .arguments import check_n_jobs
from .errors import DvtopicsError, WorkerDied
from .wording import plural

log = logging.getLogger(__name__)


def available_cores() -> int:
    """The cores this process may run on (fewer than the machine's under a container's or taskset's limit)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


_CAPPED = set()  # the n_jobs already said to be capped: one warning each, not one per batch or stage


def processes(n_jobs: int) -> int:
    """The processes a checked `n_jobs` stands for: -1 every core this process may use, else at most the cores
    there are: more only slows the run, each worker holding its own model and pyvi (a notebook's n_jobs=64 on a
    laptop started 64 of them). The one cap, of the library's n_jobs and the command line's -j alike."""
    available = available_cores()
    return available if n_jobs == -1 else min(n_jobs, available)


def cores(n_jobs: int) -> int:
    """The number of processes `n_jobs` asks for (`check_n_jobs`: 1 or more, or -1), capped (`processes`) with a
    warning, once for each value (a job asks at each stage)."""
    n_jobs = check_n_jobs("n_jobs", n_jobs)
    used = processes(n_jobs)
    if n_jobs > used and n_jobs not in _CAPPED:
        _CAPPED.add(n_jobs)
        log.warning("n_jobs %d is more than the %s here; using %d", n_jobs, plural(used, "core"), used)
    return used


def _log_setup():
    """How this process logs to stderr, for its workers to log alike (`_start_worker`): (the root level, the
    handler's level, its formatter), or None when nothing here logs to stderr (a library caller's own setup)."""
    import pickle

    root = logging.getLogger()
    handler = next((h for h in root.handlers if getattr(h, "stream", None) is sys.stderr), None)
    if handler is None:
        return None
    try:
        pickle.dumps(handler.formatter)  # it goes to the workers
    except Exception:  # a formatter of someone else's that cannot travel: theirs is kept, in this process
        return None
    return root.level, handler.level, handler.formatter


def _start_worker(main_alive, log_setup=None):
    # Ctrl-C reaches every process of the terminal's group: the main process stops the workers itself
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A worker's warnings obey -q and read as the main process' ("WARNING: …"): a worker starts with no handler,
    # and Python's last resort printed them bare, under -q too
    if log_setup is not None:
        level, handler_level, formatter = log_setup
        handler = logging.StreamHandler(sys.stderr)
        handler.setLevel(handler_level)
        handler.setFormatter(formatter)
        root = logging.getLogger()
        root.handlers = [handler]
        root.setLevel(level)
    # A main process killed outright (SIGKILL, SIGTERM) cannot stop its workers: each one leaves when
    # the main process' end of this pipe closes, which the kernel does for any death
    threading.Thread(target=_exit_when_closed, args=(main_alive,), daemon=True).start()


def _exit_when_closed(connection):
    try:
        connection.recv_bytes()
    except EOFError:
        pass
    os._exit(1)


def _worker_context(preload: Sequence[str]):
    """The multiprocessing context workers start from: a fork server that imports `preload`, started now,
    so that its imports run while this process goes on (reads the first items) instead of when the first
    worker is asked for. Where there is no fork server (not POSIX), "spawn"."""
    import multiprocessing

    check_main_is_guarded()
    start_quiet_resource_tracker()
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    from multiprocessing import forkserver

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["__main__", *preload])  # only the first start of a process' server reads it
    try:
        # the server protects itself from Ctrl-C only once it has imported `preload` (scikit-learn: seconds): a
        # Ctrl-C meanwhile printed a KeyboardInterrupt traceback of its imports under the command's one line
        with sigint_ignored():
            forkserver.ensure_running()
    except OSError as error:
        # The fork server listens on a socket in the temporary folder, whose path a socket holds only up to ~100
        # bytes: a cluster job's or a Mac's long $TMPDIR stopped every -j run with "AF_UNIX path too long". Workers
        # that start by spawning talk over pipes, and only start slower.
        if "too long" not in str(error):
            raise
        import tempfile

        log.warning("the temporary folder %s has too long a path for the worker processes' socket: each starts "
                    "without it, importing the libraries itself (slower to start); a shorter TMPDIR avoids it",
                    tempfile.gettempdir())
        return multiprocessing.get_context("spawn")
    return context


# What Python's resource tracker says when the process that started workers dies without closing them (kill -9, the
# system's out-of-memory killer): it cleans up the pool's semaphores, then printed a UserWarning of two lines with its
# own path under the command's output, "There appear to be 5 leaked semaphore objects to clean up at shutdown". The
# cleaning is done; the message is no news to act on.
_QUIET_TRACKER = "ignore:resource_tracker:UserWarning"


def start_quiet_resource_tracker() -> None:
    """Start the resource tracker (which the workers' semaphores are registered with) without its leaked-semaphore
    warning: it takes the `-W` options of `sys.warnoptions` as it starts, so the filter is there for that moment
    only, and this process' own warnings are as they were. A tracker already running is left as it is."""
    from multiprocessing import resource_tracker

    if _QUIET_TRACKER in sys.warnoptions:
        resource_tracker.ensure_running()
        return
    sys.warnoptions.append(_QUIET_TRACKER)
    try:
        resource_tracker.ensure_running()
    finally:
        sys.warnoptions.remove(_QUIET_TRACKER)


@contextmanager
def sigint_ignored():
    """SIGINT ignored in this process (the main thread's; elsewhere signals cannot be set), and so in the processes
    it starts meanwhile: they get no KeyboardInterrupt (a traceback each) from a Ctrl-C that the terminal sends to
    the command's whole process group; the command stops them itself."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    handler = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, handler)


def check_main_is_guarded(starter: str = "n_jobs") -> None:
    """Refuse to start workers from a script's top level outside `if __name__ == "__main__":`. The fork server
    (and "spawn") imports the script's module, so that what it defines unpickles in the workers, and so runs
    its top level again: its side effects, and this very call, which fails there (BrokenProcessPool). Python's
    "fork" would not, but it copies this process' threads (the read-ahead) and open SQLite cache into each
    worker, and each worker would import scikit-learn itself: the reasons for the fork server (RESULTS.md).
    It refuses only when sure: a script whose file no longer compiles to the code running (edited since) is
    let through. `starter` names what starts the workers in the error (a Dask local cluster's spawn imports the
    script as well)."""
    import ast

    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if not path:  # python -c, a notebook, the REPL: no script to run again
        return
    name = getattr(getattr(main, "__spec__", None), "name", "") or ""
    if name.endswith("__main__"):  # python -m a_package: multiprocessing never runs a package's __main__ again
        return
    if not _script_file_exists(path):  # each worker would fail to run it again (FileNotFoundError, BrokenProcessPool)
        raise DvtopicsError(f"{path}: a script read from standard input (python -), or no longer on disk, cannot "
                            f"start worker processes ({starter}): each worker runs the script again from its file. "
                            "Save it as a file, its work under `if __name__ == \"__main__\":`, or use n_jobs=1")
    # the script's own top-level frame: the outermost one, not that of code it exec'd in its namespace
    top, frame = None, sys._getframe(1)
    while frame is not None:
        if frame.f_globals is vars(main) and frame.f_code.co_name == "<module>" and \
                _same_file(frame.f_code.co_filename, path):
            top = frame
        frame = frame.f_back
    if top is None:  # not called from the script's top level
        return
    try:
        with open(path, "rb") as handle:
            tree = ast.parse(handle.read())
        compiled = compile(tree, path, "exec", dont_inherit=True)  # not this module's `from __future__` flags
    except (OSError, SyntaxError, ValueError):
        return
    if (compiled.co_code, compiled.co_linetable) != (top.f_code.co_code, top.f_code.co_linetable):
        return  # the file was edited since it started: its lines are no longer the ones running
    line = top.f_lineno
    for node in ast.walk(tree):  # a guard at any depth (inside a `try:` or `with`) counts
        if isinstance(node, ast.If) and node.lineno <= line <= node.end_lineno:
            said = {getattr(part, "id", None) for part in ast.walk(node.test)}
            said |= {getattr(part, "value", None) for part in ast.walk(node.test)}
            if {"__name__", "__main__"} <= said:  # `if __name__ == "__main__":`
                return
    raise DvtopicsError(f"{path}:{line} starts worker processes ({starter}) from the script's top level: each "
                        "worker imports the script and would run it again. Put the script's work under `if __name__ "
                        "== \"__main__\":` (README, From Python)"
                        + (", or use n_jobs=1" if starter == "n_jobs" else ""))


def _script_file_exists(path: str) -> bool:
    """Whether the main script's file is there for a worker to run, found as multiprocessing finds it (a relative
    path from the folder the process started in). "<stdin>" is no file."""
    from multiprocessing import process

    return os.path.isfile(os.path.join(process.ORIGINAL_DIR or "", path))


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def map_ordered(function: Callable, items: Iterable, n_jobs: int = 1, ahead: int | None = None,
                preload: Sequence[str] = ()) -> Iterator:
    """`map(function, items)`, in `n_jobs` worker processes when more than one.

    Results come in input order. At most `ahead` items (default: two per
    worker) are sent out and not yet returned, and as many more read ahead (in a
    thread, `read_ahead`: while the workers start, the input is read), so a long
    input is read as the work goes, in bounded memory. `function` and the items
    must pickle. Workers
    are started by a fork server: they do not inherit the caller's threads or
    open files (a SQLite connection must not cross a fork). The server imports
    the `preload` modules once, before it forks the workers, so they start with
    them (scikit-learn: 1.5 s of CPU per process otherwise) and share their memory.
    """
    n_jobs = cores(n_jobs)
    if n_jobs == 1:
        yield from map(function, items)
        return
    from concurrent.futures import ProcessPoolExecutor

    from .io.write import held_signals

    context = _worker_context(preload)
    main_alive, keep_alive = context.Pipe(duplex=False)  # only this process holds the writing end
    pool = ProcessPoolExecutor(n_jobs, mp_context=context, initializer=_start_worker,
                               initargs=(main_alive, _log_setup()))
    ahead = ahead or 2 * n_jobs
    pending = deque()
    try:
        for item in read_ahead(items, ahead):
            with held_signals():  # a Ctrl-C inside submit, as it starts a worker, left that worker unknown to the
                # pool, which took its locks away: it printed a FileNotFoundError traceback as it started
                pending.append(pool.submit(function, item))
            if len(pending) > ahead:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BrokenProcessPool:  # (raised by submit too, once the pool knows)
        raise WorkerDied() from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        main_alive.close()
        keep_alive.close()


_END = object()


def read_ahead(items: Iterable, size: int) -> Iterator:
    """`items`, produced by a thread up to `size` ahead of the caller: the input is read while the caller
    waits on something else (the first worker, which starts when the fork server has imported
    scikit-learn: 1.2 s in which the main process read nothing). An exception of `items` is raised here,
    in its turn. The thread stops when the caller does."""
    buffer = queue.Queue(maxsize=size)
    stop = threading.Event()

    def hand_over(entry) -> bool:
        while not stop.is_set():
            try:
                buffer.put(entry, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce():
        try:
            for item in items:
                if not hand_over((item, None)):
                    return
            hand_over((_END, None))
        except BaseException as error:  # noqa: B036 - every exception belongs to the caller
            hand_over((_END, error))

    thread = threading.Thread(target=produce, name="read-ahead", daemon=True)
    thread.start()
    try:
        while True:
            item, error = buffer.get()
            if item is _END:
                if error is not None:
                    raise error
                return
            yield item
    finally:
        stop.set()
        thread.join()


@contextmanager
def worker_pool(n_workers: int, preload: Sequence[str] = ()):
    """A pool of `n_workers` processes started as `map_ordered` starts its workers (by a fork server that
    imports `preload` first; they leave when this process dies), for callers that hand out work themselves
    (`pool.submit`); None when `n_workers` is 0."""
    if n_workers < 1:
        yield None
        return
    from concurrent.futures import ProcessPoolExecutor

    context = _worker_context(preload)
    main_alive, keep_alive = context.Pipe(duplex=False)
    pool = ProcessPoolExecutor(n_workers, mp_context=context, initializer=_start_worker,
                               initargs=(main_alive, _log_setup()))
    try:
        yield pool
    except BrokenProcessPool:
        raise WorkerDied() from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        main_alive.close()
        keep_alive.close()
