"""Integration test of medtext_spark on Spark local mode (run by test_spark.sh).

  python test_spark.py --medtext BIN --terminology DB --input DOCREFS.ndjson --expected SINGLE.ndjson --work DIR

Checks:
 1. Spark output is byte-identical to a single-process `medtext batch --emit envelope` run,
    and every non-blank input line produced exactly one envelope (line numbers 1:1).
 2. A crashing binary (killed by a signal after reading some input) fails the job loudly,
    with the exit status and the tail of its stderr in the error.
 3. A binary that exits 0 early (writing nothing) fails the job: records were lost.
 4. An exception upstream of medtext fails the job with that exception (no hang).
"""
import argparse
import json
import os
import stat
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from medtext_spark import MedtextOnSpark  # noqa: E402

MAX_NOTE = "200000"


def session():
    from pyspark.sql import SparkSession

    return (SparkSession.builder.master("local[2]").appName("medtext-spark-test")
            .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
            .config("spark.ui.enabled", "false").config("spark.task.maxFailures", "1")
            .config("spark.python.worker.reuse", "true").config("spark.ui.showConsoleProgress", "false")
            .config("spark.log.level", "OFF").getOrCreate())


def write_script(path, body):
    with open(path, "w") as f:
        f.write("#!/bin/sh\n" + body + "\n")
    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def expect_failure(sc, medtext, rdd, needles, label):
    t = time.time()
    try:
        medtext.annotate(rdd, global_line_numbers=False).count()
    except Exception as e:  # Py4JJavaError or PythonException carrying the worker's error
        text = str(e)
        missing = [n for n in needles if n not in text]
        if missing:
            raise AssertionError(f"{label}: the job failed, but the error lacks {missing}:\n{text[-3000:]}")
        print(f"ok: {label} failed the job loudly in {time.time() - t:.1f} s")
        return
    raise AssertionError(f"{label}: the job succeeded; it must fail")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--medtext", required=True)
    ap.add_argument("--terminology", required=True)
    ap.add_argument("--input", required=True)
    ap.add_argument("--expected", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--partitions", type=int, default=8)
    a = ap.parse_args()

    spark = session()
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
    sc.addPyFile(os.path.join(os.path.dirname(os.path.abspath(__file__)), "medtext_spark.py"))
    sc.addFile(a.medtext)
    sc.addFile(a.terminology)
    args = ("batch", "--emit", "envelope", "--max-note-bytes", MAX_NOTE)
    medtext = MedtextOnSpark(binary=os.path.basename(a.medtext), terminology=os.path.basename(a.terminology), args=args)

    # 1. Identical to one process; every input exactly once.
    t = time.time()
    rdd = sc.textFile(a.input, minPartitions=a.partitions)
    parts = rdd.getNumPartitions()
    out = medtext.annotate(rdd).collect()
    elapsed = time.time() - t
    got = ("\n".join(out) + "\n").encode("utf-8") if out else b""
    with open(a.expected, "rb") as f:
        expected = f.read()
    with open(a.input, "rb") as f:
        nonblank = [i + 1 for i, l in enumerate(f.read().split(b"\n")) if l.strip(b" \t\r")]
    numbers = [json.loads(l)["line"] for l in out]
    assert numbers == nonblank, f"envelope line numbers differ from the non-blank input lines ({len(numbers)} vs {len(nonblank)})"
    assert len(set(numbers)) == len(numbers), "an input produced more than one envelope"
    if got != expected:
        with open(os.path.join(a.work, "spark-output.ndjson"), "wb") as f:
            f.write(got)
        raise AssertionError(f"Spark output differs from the single-process run (see {a.work}/spark-output.ndjson)")
    statuses = {}
    for l in out:
        o = json.loads(l)
        key = o.get("reason", o["status"])
        statuses[key] = statuses.get(key, 0) + 1
    print(f"ok: {len(out)} envelopes from {parts} partitions in {elapsed:.1f} s, byte-identical to one process; {statuses}")

    # 2. A crashing binary.
    crash = os.path.join(a.work, "medtext-crash")
    write_script(crash, 'head -c 20000 >/dev/null\necho "simulated crash in medtext" >&2\nkill -SEGV $$')
    sc.addFile(crash)
    expect_failure(sc, MedtextOnSpark(binary="medtext-crash", args=args), sc.textFile(a.input, minPartitions=4),
                   ["simulated crash in medtext", "exit status -11"], "crashing binary")

    # 3. A binary that exits 0 early.
    early = os.path.join(a.work, "medtext-early")
    write_script(early, "head -n 3 >/dev/null\nexit 0")
    sc.addFile(early)
    expect_failure(sc, MedtextOnSpark(binary="medtext-early", args=args), sc.textFile(a.input, minPartitions=4),
                   ["records were lost"], "binary exiting 0 early")

    # 4. An upstream exception.
    def explode(line):
        if '"doc-000777"' in line:
            raise ValueError("upstream failure at doc-000777")
        return line

    expect_failure(sc, medtext, sc.textFile(a.input, minPartitions=4).map(explode),
                   ["upstream failure at doc-000777"], "upstream exception")
    spark.stop()
    print("all Spark checks passed")


if __name__ == "__main__":
    main()
