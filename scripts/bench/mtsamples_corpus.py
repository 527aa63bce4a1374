#!/usr/bin/env python3
"""Write the MTSamples transcriptions as EntityBenchmark / `--ndjson` input (real-note benchmark).

Reads ../shared/mtsamples/mtsamples.jsonl (the public MTSamples collection, kept OUTSIDE the
repository) and writes one `{"id": "mts-N", "text": ...}` line per non-blank transcription whose
UTF-8 size is within [--min-bytes, --max-bytes] (N = the 0-based input line). Issue #5 asks for
throughput "on realistic 2-20 KB notes": the defaults select those (3,233 notes, 13.0 MB).
Standard library only; the same bytes on every run.

The output is MTSamples text and must never be committed: write it outside the repository or
under Benchmarks/corpus/ (git-ignored); any other path inside the repository is refused.

  python3 scripts/bench/mtsamples_corpus.py --out Benchmarks/corpus/mts-2-20k.jsonl
  cd Benchmarks && swift run -c release EntityBenchmark corpus/mts-2-20k.jsonl
"""
import argparse
import json
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_INPUT = os.path.join(os.path.dirname(REPO), "shared", "mtsamples", "mtsamples.jsonl")
ALLOWED_IN_REPO = os.path.join(REPO, "Benchmarks", "corpus")


def check_out_path(path):
    out = os.path.realpath(os.path.abspath(path))
    repo = os.path.realpath(REPO)
    allowed = os.path.realpath(ALLOWED_IN_REPO)
    if (out == repo or out.startswith(repo + os.sep)) and not out.startswith(allowed + os.sep):
        sys.exit(f"mtsamples_corpus: refusing to write MTSamples text into the repository ({path}); "
                 f"use a path outside it or under Benchmarks/corpus/ (git-ignored)")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--input", default=DEFAULT_INPUT)
    p.add_argument("--out", required=True)
    p.add_argument("--min-bytes", type=int, default=2000)
    p.add_argument("--max-bytes", type=int, default=20000)
    a = p.parse_args()
    check_out_path(a.out)
    count = total = 0
    with open(a.input, encoding="utf-8") as src, open(a.out, "w", encoding="utf-8", newline="\n") as out:
        for n, line in enumerate(src):
            if not line.strip():
                continue
            text = json.loads(line).get("transcription") or ""
            size = len(text.encode("utf-8"))
            if not text.strip() or not (a.min_bytes <= size <= a.max_bytes):
                continue
            out.write(json.dumps({"id": f"mts-{n}", "text": text}) + "\n")
            count += 1
            total += size
    print(f"mtsamples_corpus: {count} notes, {total / 1e6:.2f} MB -> {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
