"""The local parallel path of batch labelling: `map_ordered` and `label_stream` with workers."""
import os

import pytest

from dvtopics.errors import ArgumentError
from dvtopics.parallel import cores, map_ordered
from dvtopics.run.batch import label_stream


def _square(x):
    if x == "boom":
        raise ValueError("bad item")
    return x * x, os.getpid()


def test_map_ordered_keeps_input_order_across_workers():
    results = list(map_ordered(_square, range(40), n_jobs=2, ahead=3))
    assert [r for r, _ in results] == [x * x for x in range(40)]
    assert os.getpid() not in {pid for _, pid in results}


def test_map_ordered_reads_its_input_as_the_work_goes():
    taken = []

    def items():
        for x in range(100):
            taken.append(x)
            yield x

    results = map_ordered(_square, items(), n_jobs=2, ahead=3)
    for k in range(5):
        next(results)
        # the ones yielded, `ahead` in flight, `ahead` read ahead and one waiting to join them
        assert len(taken) <= k + 1 + 3 + 3 + 1
    results.close()


def test_read_ahead_keeps_order_passes_errors_and_stops_with_its_caller():
    from dvtopics.parallel import read_ahead

    assert list(read_ahead(iter(range(50)), 4)) == list(range(50))

    def failing():
        yield 1
        raise ValueError("bad line 2")

    reader = read_ahead(failing(), 4)
    assert next(reader) == 1
    with pytest.raises(ValueError, match="bad line 2"):
        next(reader)

    taken = []

    def endless():
        n = 0
        while True:
            taken.append(n)
            yield n
            n += 1

    reader = read_ahead(endless(), 2)
    assert next(reader) == 0
    reader.close()  # the thread stops: nothing more is read
    stopped_at = len(taken)
    assert stopped_at <= 1 + 2 + 1
    import time
    time.sleep(0.3)
    assert len(taken) == stopped_at


def test_map_ordered_raises_a_workers_error():
    with pytest.raises(ValueError, match="bad item"):
        list(map_ordered(_square, [1, "boom", 3], n_jobs=2))


def test_one_job_runs_in_this_process():
    assert {pid for _, pid in map_ordered(_square, range(3), n_jobs=1)} == {os.getpid()}


def test_cores(caplog):
    available = len(os.sched_getaffinity(0))
    assert cores(1) == 1
    assert cores(-1) == available
    # a notebook's n_jobs=64 on a laptop started 64 workers: capped to the cores, as -j is, and said once
    assert cores(available + 62) == cores(available + 62) == available
    assert [r.getMessage() for r in caplog.records] == [
        f"n_jobs {available + 62} is more than the {available} cores here; using {available}"]
    for n_jobs in (0, -2, 2.5):  # as -j refuses them: 1 or more, or -1 for all cores
        with pytest.raises(ArgumentError, match=f"n_jobs \\(-j\\) {n_jobs}: give a whole number of processes"):
            cores(n_jobs)


def test_the_fork_server_starts_with_ctrl_c_ignored(monkeypatch):
    """Hunt 25 D (10): a Ctrl-C in the first seconds of `label -j 2` printed, under the command's one line, the
    fork server's KeyboardInterrupt traceback of its scikit-learn imports (it ignores Ctrl-C only once they are
    done); started with Ctrl-C ignored, it and the workers it forks leave Ctrl-C to the command."""
    import signal
    from multiprocessing import forkserver

    from dvtopics.parallel import _worker_context

    seen, before = [], signal.getsignal(signal.SIGINT)  # (a shell's background job starts with it ignored)
    monkeypatch.setattr(forkserver, "ensure_running", lambda: seen.append(signal.getsignal(signal.SIGINT)))
    _worker_context([])
    assert seen == [signal.SIG_IGN] and signal.getsignal(signal.SIGINT) is before


def _failing_predict(batch):
    raise RuntimeError("cannot load the model")


def test_a_run_that_fails_before_labelling_leaves_no_journal(tmp_path):
    out = tmp_path / "out.jsonl"
    with pytest.raises(RuntimeError):
        label_stream([object()], _failing_predict, out, n_jobs=2)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="the fork server is POSIX's")
def test_workers_start_where_the_temporary_folder_s_path_is_too_long_for_a_socket(tmp_path):
    """A cluster job's or a Mac's long $TMPDIR: the fork server's socket could not be made there, and every -j 2
    run stopped with "Error: AF_UNIX path too long", which names no path and no remedy (hunt 22 C, 5)."""
    import subprocess
    import sys

    if cores(-1) < 2:
        pytest.skip("-j 2 is lowered to the one core this process may use: no workers")
    long_tmp = tmp_path / ("thư mục tạm " + "x" * 90)
    long_tmp.mkdir()
    (tmp_path / "a.jsonl").write_text("".join(
        f'{{"id": "a{i}", "text": "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm {2010 + i}"}}\n' for i in range(4)),
        encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "dvtopics", "label", str(tmp_path / "a.jsonl"), "-j", "2", "--out",
                          str(tmp_path / "l.csv")], capture_output=True, text=True, timeout=300,
                         env={**os.environ, "TMPDIR": str(long_tmp)})
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "l.csv").read_text(encoding="utf-8-sig").count("semi_annual_review") == 4
    assert "shorter TMPDIR" in run.stderr


def _killed_at(x):
    if x == 3:  # as the system's out-of-memory killer, or a user's kill -9, ends a worker
        os.kill(os.getpid(), 9)
    return x, os.getpid()


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX's")
def test_a_worker_killed_stops_the_run_in_one_line_that_keeps_what_was_labelled(tmp_path):
    """Hunt 26 D (12): a worker killed (kill -9, out of memory) ended `label -j 2` in a BrokenProcessPool traceback;
    it is a WorkerDied, which says so, and `label_stream` adds that its journal is kept for --resume."""
    from dvtopics.errors import WorkerDied

    if cores(-1) < 2:
        pytest.skip("-j 2 is lowered to the one core this process may use: no workers")
    with pytest.raises(WorkerDied, match="^a worker process stopped abruptly .*kill -9"):
        list(map_ordered(_killed_at, range(6), n_jobs=2, ahead=1))

    out = tmp_path / "out.jsonl"
    with pytest.raises(WorkerDied, match=r"the labels written before are kept in .*out\.jsonl\.part\.jsonl: run the "
                                         r"same command with resume \(--resume\)"):  # (the argument: hunt 36 E)
        label_stream(iter(range(40)), _batch_killed_at_30, out, batch_size=1, n_jobs=2)
    assert not out.exists() and (tmp_path / "out.jsonl.part.jsonl").read_text(encoding="utf-8").count('"_n"') >= 1


def _batch_killed_at_30(batch):
    """Labels, but for 30, whose worker is killed: by then the first batches are written (the main process sends a
    batch out only once the one 2 × n_jobs before it is written)."""
    if batch == [30]:
        os.kill(os.getpid(), 9)
    return [{"id": str(x), "label": "other"} for x in batch]


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX's")
def test_a_run_killed_with_its_workers_leaves_no_leaked_semaphore_warning(tmp_path):
    """Hunt 26 D (12): after `kill -9` of a run with workers, Python's resource tracker cleaned up the pool's
    semaphores and printed "UserWarning: resource_tracker: There appear to be 5 leaked semaphore objects to clean up
    at shutdown" under the command's output. The tracker starts without that warning; this process' own warnings
    are as they were."""
    import subprocess
    import sys
    import textwrap

    if cores(-1) < 2:
        pytest.skip("-j 2 is lowered to the one core this process may use: no workers")
    script = tmp_path / "killed.py"
    script.write_text(textwrap.dedent(f"""
        import os, sys
        sys.path.insert(0, {os.getcwd()!r})
        from dvtopics.parallel import map_ordered

        def twice(x):
            return 2 * x

        if __name__ == "__main__":
            for n in map_ordered(twice, range(100), n_jobs=2):
                if n == 20:
                    assert sys.warnoptions == []
                    os.kill(os.getpid(), 9)
        """), encoding="utf-8")
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert run.returncode == -9 and "leaked semaphore" not in run.stderr, run.stderr
