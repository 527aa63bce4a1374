#!/usr/bin/env python3
"""Wrap the MTSamples transcriptions as FHIR R4 DocumentReference NDJSON (real-note benchmark input).

Reads ../shared/mtsamples/mtsamples.jsonl (one JSON object per line with a `transcription`
field; the public MTSamples collection, kept OUTSIDE the repository) and writes one
DocumentReference per non-blank transcription: id `mts-N` (N = the 0-based line number in the
input), subject Patient/p1, one attachment `text/plain; charset=utf-8` whose base64 `data` is the
UTF-8 transcription. Standard library only; the output is the same bytes on every run.

The output is MTSamples text and must never be committed: write it outside the repository or
under Benchmarks/corpus/ (git-ignored). The script refuses any other path inside the repository.

  python3 scripts/batch/mtsamples_docrefs.py --out Benchmarks/corpus/mts-docrefs.ndjson
  python3 scripts/batch/mtsamples_docrefs.py --input /path/to/mtsamples.jsonl --out /tmp/mts.ndjson
"""
import argparse
import base64
import json
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_INPUT = os.path.join(os.path.dirname(REPO), "shared", "mtsamples", "mtsamples.jsonl")
ALLOWED_IN_REPO = os.path.join(REPO, "Benchmarks", "corpus")


def docref(n, text):
    data = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return {
        "resourceType": "DocumentReference",
        "id": f"mts-{n}",
        "status": "current",
        "subject": {"reference": "Patient/p1"},
        "content": [{"attachment": {"contentType": "text/plain; charset=utf-8", "data": data}}],
    }


def check_out_path(path):
    """Refuse an output path inside the repository except under Benchmarks/corpus/ (git-ignored)."""
    out = os.path.realpath(os.path.abspath(path))
    repo = os.path.realpath(REPO)
    inside = out == repo or out.startswith(repo + os.sep)
    allowed = os.path.realpath(ALLOWED_IN_REPO)
    if inside and not out.startswith(allowed + os.sep):
        sys.exit(f"mtsamples_docrefs: refusing to write MTSamples text into the repository ({path}); "
                 f"use a path outside it or under Benchmarks/corpus/ (git-ignored)")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--input", default=DEFAULT_INPUT, help="mtsamples.jsonl (default: ../shared/mtsamples/mtsamples.jsonl)")
    p.add_argument("--out", required=True, help="output NDJSON path (outside the repository, or under Benchmarks/corpus/)")
    p.add_argument("--limit", type=int, default=0, help="stop after this many documents (0: all)")
    a = p.parse_args()
    check_out_path(a.out)
    count = 0
    text_bytes = 0
    with open(a.input, encoding="utf-8") as src, open(a.out, "w", encoding="utf-8", newline="\n") as out:
        for n, line in enumerate(src):
            if not line.strip():
                continue
            text = json.loads(line).get("transcription") or ""
            if not text.strip():
                continue
            out.write(json.dumps(docref(n, text)) + "\n")
            count += 1
            text_bytes += len(text.encode("utf-8"))
            if a.limit and count >= a.limit:
                break
    print(f"mtsamples_docrefs: {count} DocumentReferences, {text_bytes / 1e6:.2f} MB of note text -> {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
