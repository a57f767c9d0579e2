"""Ordered parallel map over worker processes that die with their parent: what segmenting and labelling share."""
from __future__ import annotations

import os
import signal
import threading
from collections import deque
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator, Sequence


def cores(n_jobs: int) -> int:
    """The number of processes `n_jobs` asks for: -1 is every core this process may use, -2 all but one..."""
    if n_jobs > 0:
        return n_jobs
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, available + 1 + n_jobs)


def _start_worker(main_alive):
    # Ctrl-C reaches every process of the terminal's group: the main process stops the workers itself
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A main process killed outright (SIGKILL, SIGTERM) cannot stop its workers: each one leaves when
    # the main process' end of this pipe closes, which the kernel does for any death
    threading.Thread(target=_exit_when_closed, args=(main_alive,), daemon=True).start()


def _exit_when_closed(connection):
    try:
        connection.recv_bytes()
    except EOFError:
        pass
    os._exit(1)


def map_ordered(function: Callable, items: Iterable, n_jobs: int = 1, ahead: int | None = None,
                preload: Sequence[str] = ()) -> Iterator:
    """`map(function, items)`, in `n_jobs` worker processes when more than one.

    Results come in input order. At most `ahead` items (default: two per
    worker) are sent out and not yet returned, so a long input is read as the
    work goes, in bounded memory. `function` and the items must pickle. Workers
    are started by a fork server: they do not inherit the caller's threads or
    open files (a SQLite connection must not cross a fork). The server imports
    the `preload` modules once, before it forks the workers, so they start with
    them (scikit-learn: 1.5 s of CPU per process otherwise) and share their memory.
    """
    n_jobs = cores(n_jobs)
    if n_jobs == 1:
        yield from map(function, items)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(["__main__", *preload])
    main_alive, keep_alive = context.Pipe(duplex=False)  # only this process holds the writing end
    pool = ProcessPoolExecutor(n_jobs, mp_context=context, initializer=_start_worker, initargs=(main_alive,))
    pending = deque()
    try:
        for item in items:
            pending.append(pool.submit(function, item))
            if len(pending) > (ahead or 2 * n_jobs):
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        main_alive.close()
        keep_alive.close()


@contextmanager
def worker_pool(n_workers: int, preload: Sequence[str] = ()):
    """A pool of `n_workers` processes started as `map_ordered` starts its workers (by a fork server that
    imports `preload` first; they leave when this process dies), for callers that hand out work themselves
    (`pool.submit`); None when `n_workers` is 0."""
    if n_workers < 1:
        yield None
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(["__main__", *preload])
    main_alive, keep_alive = context.Pipe(duplex=False)
    pool = ProcessPoolExecutor(n_workers, mp_context=context, initializer=_start_worker, initargs=(main_alive,))
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        main_alive.close()
        keep_alive.close()
