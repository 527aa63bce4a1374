"""Run `medtext batch --emit envelope` on Apache Spark partitions, safely.

PySpark's bare ``RDD.pipe()`` is unsafe for health data: with ``checkCode=False`` a crashing
child silently loses records, a child that exits 0 early loses records even with
``checkCode=True``, the child gets an empty environment, an upstream exception can hang the
job, and the child's stderr never reaches the error. This helper replaces it with
``mapPartitionsWithIndex`` over a subprocess that:

* runs the medtext binary shipped to the executors with ``SparkContext.addFile`` (or inside an
  archive shipped with ``SparkContext.addArchive``), found with ``SparkFiles.get``;
* gets a small, explicit environment (PATH, UTF-8 locale, a task-local cache folder, the
  terminology and lexicon paths you pass), never the executor's whole environment;
* streams: a writer thread feeds stdin while the task reads stdout, and a reader thread keeps
  the tail of stderr, so no pipe can fill up and deadlock;
* fails the task with the exit status and the tail of stderr when medtext exits non-zero;
* re-raises an exception from upstream (the iterator feeding the partition) after stopping the
  child, instead of hanging;
* checks that the partition produced exactly one envelope line per non-blank input line, so
  a record lost anywhere fails the job instead of vanishing.

Bad records are not task failures: medtext turns them into ``"status":"error"`` envelopes with
an OperationOutcome (Spark would retry a failing task, and a bad record fails every time).

Usage::

    from medtext_spark import MedtextOnSpark
    sc.addFile("/opt/medtext/bin/medtext")           # or sc.addArchive("medtext-dist.tar.gz")
    sc.addFile("/opt/medtext/terminology.sqlite")
    medtext = MedtextOnSpark(binary="medtext", terminology="terminology.sqlite")
    envelopes = medtext.annotate(sc.textFile("s3://bucket/docrefs/*.ndjson"))
    envelopes.saveAsTextFile("s3://bucket/annotated/")

Only the Python standard library and PySpark are used.
"""

from __future__ import annotations

import collections
import os
import stat
import subprocess
import tempfile
import threading
from typing import Callable, Iterable, Iterator, Mapping, Optional, Sequence

__all__ = ["MedtextOnSpark", "MedtextTaskError", "run_partition"]

_BLANK = " \t\r"


class MedtextTaskError(RuntimeError):
    """medtext failed on a partition: the message holds the exit status and the tail of stderr."""

    def __init__(self, partition: int, message: str, returncode: Optional[int] = None, stderr_tail: str = ""):
        self.partition = partition
        self.returncode = returncode
        self.stderr_tail = stderr_tail
        text = f"medtext failed on partition {partition}: {message}"
        if returncode is not None:
            text += f" (exit status {returncode})"
        if stderr_tail:
            text += "\n--- medtext stderr (tail) ---\n" + stderr_tail
        super().__init__(text)


def _sane_environment(extra: Mapping[str, str], workdir: str) -> dict:
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "HOME": workdir,
        "TMPDIR": workdir,
        # If no terminology is given, the default one is built here on first use.
        "MEDTEXT_CACHE_DIR": os.path.join(workdir, "cache"),
    }
    env.update({k: str(v) for k, v in extra.items()})
    return env


def _ensure_executable(path: str) -> None:
    mode = os.stat(path).st_mode
    if not mode & stat.S_IXUSR:
        try:
            os.chmod(path, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        except OSError:
            pass


def run_partition(
    index: int,
    lines: Iterable[str],
    command: Sequence[str],
    env: Mapping[str, str],
    stderr_tail_bytes: int = 16384,
    check_count: bool = True,
) -> Iterator[str]:
    """Pipes one partition's NDJSON lines through ``command`` and yields its output lines.

    Raises MedtextTaskError when the command fails, when an input line holds a newline, or when
    the number of output lines differs from the number of non-blank input lines (check_count);
    re-raises any exception raised by ``lines``.
    """
    workdir = tempfile.mkdtemp(prefix=f"medtext-p{index}-")
    proc = subprocess.Popen(
        list(command),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_sane_environment(env, workdir),
        cwd=workdir,
        close_fds=True,
    )
    state = {"sent": 0, "error": None}
    tail: collections.deque = collections.deque()
    tail_size = [0]

    def feed() -> None:
        try:
            for line in lines:
                if line is None:
                    continue
                if isinstance(line, bytes):
                    line = line.decode("utf-8")
                if "\n" in line:
                    raise MedtextTaskError(index, "an input record contains a newline; records must be single NDJSON lines")
                if line.strip(_BLANK):
                    state["sent"] += 1
                proc.stdin.write(line.encode("utf-8") + b"\n")
        except BrokenPipeError:
            pass  # medtext exited early: its exit status and the count check report it
        except BaseException as e:  # upstream failure: stop medtext, re-raise in the task
            state["error"] = e
            proc.kill()
        finally:
            try:
                proc.stdin.close()
            except OSError:
                pass

    def drain_stderr() -> None:
        for chunk in iter(lambda: proc.stderr.read(4096), b""):
            tail.append(chunk)
            tail_size[0] += len(chunk)
            while tail_size[0] > stderr_tail_bytes and len(tail) > 1:
                tail_size[0] -= len(tail.popleft())

    writer = threading.Thread(target=feed, name=f"medtext-stdin-{index}", daemon=True)
    reader = threading.Thread(target=drain_stderr, name=f"medtext-stderr-{index}", daemon=True)
    writer.start()
    reader.start()
    received = 0
    finished = False
    try:
        for raw in proc.stdout:
            received += 1
            yield raw.rstrip(b"\n").decode("utf-8")
        finished = True
    finally:
        if not finished:  # the consumer stopped early, or yielding failed
            proc.kill()
        writer.join()
        returncode = proc.wait()
        reader.join()
        try:
            import shutil

            shutil.rmtree(workdir, ignore_errors=True)
        except Exception:
            pass
    stderr_tail = b"".join(tail).decode("utf-8", "replace")[-stderr_tail_bytes:]
    if state["error"] is not None:
        raise state["error"]
    if returncode != 0:
        raise MedtextTaskError(index, "medtext exited with an error", returncode, stderr_tail)
    if check_count and received != state["sent"]:
        raise MedtextTaskError(
            index, f"{state['sent']} input records but {received} envelopes: records were lost", returncode, stderr_tail)


class MedtextOnSpark:
    """Annotates an RDD of DocumentReference NDJSON lines with medtext.

    binary: the binary's name as added with ``sc.addFile`` (resolved with ``SparkFiles.get``),
        a path inside ``archive``, or an absolute path present on every executor.
    archive: the name of an archive added with ``sc.addArchive`` (holding the binary and its
        ``medtext_MedTextLexicons.resources`` folder), or None.
    terminology: a terminology database added with ``sc.addFile`` (name) or an absolute path;
        None builds the default one in the task's cache folder (slow: ship one instead).
    args: medtext's arguments; must keep ``--emit envelope`` for the count check.
    env: extra environment variables for medtext (e.g. ``MEDTEXT_LEXICONS``).
    """

    def __init__(
        self,
        binary: str = "medtext",
        archive: Optional[str] = None,
        terminology: Optional[str] = None,
        args: Sequence[str] = ("batch", "--emit", "envelope"),
        env: Optional[Mapping[str, str]] = None,
        jobs: int = 1,
        stderr_tail_bytes: int = 16384,
    ):
        if "--emit" not in args or args[list(args).index("--emit") + 1] != "envelope":
            raise ValueError("MedtextOnSpark needs --emit envelope (one line per input record) to check counts")
        self.binary = binary
        self.archive = archive
        self.terminology = terminology
        self.args = list(args) + ["--jobs", str(jobs)]
        self.env = dict(env or {})
        self.stderr_tail_bytes = stderr_tail_bytes

    def _resolve(self, name: str, in_archive: bool) -> str:
        if os.path.isabs(name):
            return name
        from pyspark import SparkFiles

        if in_archive and self.archive:
            return os.path.join(SparkFiles.get(self.archive), name)
        return SparkFiles.get(name)

    def partition_function(self, numbered: bool = False) -> Callable[[int, Iterator], Iterator[str]]:
        """The function to pass to ``rdd.mapPartitionsWithIndex``.

        numbered=False: the partition holds NDJSON lines; envelope line numbers count from 1 in
        each partition. numbered=True: it holds ``(line, index)`` pairs from ``zipWithIndex``;
        medtext numbers lines from ``index + 1`` (``--first-line``), so envelopes carry the
        line numbers of the whole input, exactly as a single ``medtext batch`` run would.
        """
        binary, args, extra, tail_bytes = self.binary, self.args, self.env, self.stderr_tail_bytes
        terminology = self.terminology
        resolve = self._resolve

        def run(index: int, items: Iterator) -> Iterator[str]:
            items = iter(items)
            command_args = list(args)
            if numbered:
                first = next(items, None)
                if first is None:
                    return iter(())
                command_args += ["--first-line", str(first[1] + 1)]

                def lines_of():
                    yield first[0]
                    for line, _ in items:
                        yield line

                lines = lines_of()
            else:
                lines = items
            path = resolve(binary, True)
            if not os.path.exists(path):
                raise MedtextTaskError(index, f"medtext binary not found at {path}; ship it with sc.addFile or sc.addArchive")
            _ensure_executable(path)
            env = dict(extra)
            if terminology:
                env["MEDTEXT_TERMINOLOGY"] = resolve(terminology, False)
            return run_partition(index, lines, [path] + command_args, env, tail_bytes)

        return run

    def annotate(self, rdd, global_line_numbers: bool = True):
        """The RDD of envelope lines, one per non-blank input line, in input order.

        global_line_numbers=True numbers envelope lines across the whole RDD (it costs one
        extra pass, Spark's ``zipWithIndex``, to count each partition); False numbers them
        within each partition.
        """
        if global_line_numbers:
            return rdd.zipWithIndex().mapPartitionsWithIndex(self.partition_function(numbered=True), preservesPartitioning=True)
        return rdd.mapPartitionsWithIndex(self.partition_function(), preservesPartitioning=True)
