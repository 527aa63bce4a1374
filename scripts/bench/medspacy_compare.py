#!/usr/bin/env python3
"""Side-by-side speed of medtext detect-entities and medspaCy (TargetMatcher + ConText).

Issue #5 section 9. Runs both over the same notes of the generated benchmark corpus and prints
each one's throughput and the ratio.

    python3 scripts/bench/generate_corpus.py --out Benchmarks/corpus/synthetic.jsonl
    swift build -c release --product medtext
    python3 scripts/bench/medspacy_compare.py --corpus Benchmarks/corpus/synthetic.jsonl --megabytes 1

medspaCy side: medspacy==1.3.1 (PyPI, offline) in a venv of its own (created on first run at
--venv, default /tmp/medtext-medspacy-venv; the script re-executes itself there). The pipeline
is `medspacy.load()` (medspaCy's tokenizer, PyRuSH sentence splitter, TargetMatcher, ConText
with medspaCy's default ConText rules), no statistical spaCy model. The TargetMatcher gets a
dictionary comparable to medtext's curated one: every preferred term and synonym of
lexicons/data/concepts/conditions.tsv (PROBLEM) and medications.tsv (MEDICATION), matched
case-insensitively (medspaCy's default phrase-matcher attribute LOWER). medtext's default
dictionary is larger (the whole default terminology database), so the comparison flatters
medspaCy if anything. PyRuSH, medspaCy's default sentence splitter, takes about 80 % of its time
on these notes; `--sentencizer spacy` swaps it for spaCy's rule-based sentencizer to show
medspaCy's matcher + ConText alone.

medtext side: the release binary `medtext detect-entities --ndjson` over the same notes, one
process, one core. Its wall time includes process start and building the annotator, so the
script also runs it on one tiny note and reports throughput with and without that start-up;
the ratio uses the start-up-free figure, as medspaCy's figure excludes `medspacy.load()`.
Set MEDTEXT_CACHE_DIR to a private folder when other checkouts with other lexicons share the
machine: they evict each other's cached default database. Timing only: the script checks that both found entities but does not compare what they found.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MEDSPACY_VERSION = "1.3.1"
ROOT = Path(__file__).resolve().parents[2]


def ensure_venv(venv: Path) -> None:
    """Re-executes this script under a venv that has medspacy installed (creating it once)."""
    try:
        import medspacy  # noqa: F401
        return
    except ImportError:
        pass
    python = venv / "bin" / "python"
    if os.environ.get("MEDTEXT_MEDSPACY_REEXEC"):
        sys.exit(f"medspacy is not importable in {venv}")
    if not python.exists():
        print(f"creating {venv} and installing medspacy=={MEDSPACY_VERSION} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    check = subprocess.run([str(python), "-c", "import medspacy"], capture_output=True)
    if check.returncode != 0:
        subprocess.run([str(python), "-m", "pip", "install", "-q", f"medspacy=={MEDSPACY_VERSION}"], check=True)
    env = dict(os.environ, MEDTEXT_MEDSPACY_REEXEC="1")
    os.execve(str(python), [str(python), __file__, *sys.argv[1:]], env)


def lexicon_terms(paths: list[tuple[Path, str]]) -> list[tuple[str, str]]:
    """(term, category) for every preferred term and synonym; '#tag' suffixes dropped, deduplicated case-insensitively."""
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    for path, category in paths:
        header_seen = False
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if not header_seen:
                header_seen = True  # the column header row
                continue
            names = [cols[2]] + (cols[3].split("|") if len(cols) > 3 and cols[3] else [])
            for name in names:
                term = name.split("#", 1)[0].strip()
                if len(term) < 2 or term.lower() in seen:
                    continue
                seen.add(term.lower())
                out.append((term, category))
    return out


def read_notes(corpus: Path, megabytes: float) -> list[str]:
    notes: list[str] = []
    size = 0
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            text = obj.get("text") or obj.get("transcription")
            if not text:
                continue
            notes.append(text)
            size += len(text.encode("utf-8"))
            if size >= megabytes * 1_000_000:
                break
    return notes


def run_medtext(binary: Path, notes: list[str]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, entity count) of one `detect-entities --ndjson` process."""
    with tempfile.TemporaryFile() as inp:
        for n, text in enumerate(notes):
            inp.write((json.dumps({"id": str(n), "text": text}) + "\n").encode("utf-8"))
        inp.seek(0)
        before = os.times()
        t0 = time.perf_counter()
        proc = subprocess.run([str(binary), "detect-entities", "--ndjson"], stdin=inp, capture_output=True, check=True)
        wall = time.perf_counter() - t0
        after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    entities = 0
    lines = proc.stdout.decode("utf-8").splitlines()
    if len(lines) != len(notes):
        sys.exit(f"medtext wrote {len(lines)} lines for {len(notes)} notes")
    for line in lines:
        entities += len(json.loads(line)["result"]["Entities"])
    return wall, cpu, entities


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT / "Benchmarks/corpus/synthetic.jsonl")
    ap.add_argument("--megabytes", type=float, default=1.0, help="first notes of the corpus up to this size (default 1)")
    ap.add_argument("--medtext", type=Path, default=ROOT / ".build/release/medtext")
    ap.add_argument("--sentencizer", choices=["pyrush", "spacy"], default="pyrush",
                    help="medspaCy's default PyRuSH sentence splitter (most of its time), or spaCy's rule-based sentencizer")
    ap.add_argument("--venv", type=Path, default=Path("/tmp/medtext-medspacy-venv"))
    a = ap.parse_args()
    ensure_venv(a.venv)

    import medspacy
    from medspacy.ner import TargetRule

    try:  # PyRuSH logs every sentence boundary at DEBUG through loguru; that would time stderr writes
        from loguru import logger

        logger.remove()
        logger.disable("PyRuSH")
    except ImportError:
        pass

    if not a.corpus.exists():
        sys.exit(f"no corpus at {a.corpus}: run scripts/bench/generate_corpus.py first")
    if not a.medtext.exists():
        sys.exit(f"no medtext binary at {a.medtext}: run `swift build -c release --product medtext`")
    notes = read_notes(a.corpus, a.megabytes)
    nbytes = sum(len(t.encode("utf-8")) for t in notes)
    print(f"corpus      {a.corpus} (first {len(notes)} notes, {nbytes:,} bytes, mean {nbytes // len(notes)} bytes)")
    print(f"load avg    {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

    # medspaCy
    terms = lexicon_terms([
        (ROOT / "lexicons/data/concepts/conditions.tsv", "PROBLEM"),
        (ROOT / "lexicons/data/concepts/medications.tsv", "MEDICATION"),
    ])
    t0 = time.perf_counter()
    nlp = medspacy.load()
    if a.sentencizer == "spacy":
        nlp.replace_pipe("medspacy_pyrush", "sentencizer")
    matcher = nlp.get_pipe("medspacy_target_matcher")
    matcher.add([TargetRule(term, category) for term, category in terms])
    load = time.perf_counter() - t0
    pipes = ", ".join(n + "=" + nlp.get_pipe_meta(n).factory for n in nlp.pipe_names)
    print(f"medspaCy    {medspacy.__version__}, pipes {pipes}, {len(terms):,} target rules, "
          f"{len(nlp.get_pipe('medspacy_context').rules)} ConText rules; load {load:.2f} s")
    nlp(notes[0])  # warm-up
    c0 = time.process_time()
    t0 = time.perf_counter()
    ents = negated = 0
    for doc in nlp.pipe(notes):
        ents += len(doc.ents)
        negated += sum(1 for e in doc.ents if e._.is_negated)
    ms_wall = time.perf_counter() - t0
    ms_cpu = time.process_time() - c0
    if ents == 0:
        sys.exit("medspaCy found no entities")
    ms_kbs = nbytes / 1000 / ms_wall
    print(f"medspaCy    {ms_wall:.2f} s wall, {ms_cpu:.2f} s CPU: {ms_kbs:.1f} KB/s wall, "
          f"{nbytes / 1000 / ms_cpu:.1f} KB/s per CPU-second; {ents:,} entities ({negated:,} negated)")

    # medtext
    run_medtext(a.medtext, ["No fever."])  # builds the default terminology database if it is not cached yet
    starts = [run_medtext(a.medtext, ["No fever."]) for _ in range(3)]
    start_wall = min(s[0] for s in starts)
    start_cpu = min(s[1] for s in starts)
    wall, cpu, mt_ents = run_medtext(a.medtext, notes)
    if mt_ents == 0:
        sys.exit("medtext found no entities")
    net_wall = max(wall - start_wall, 1e-9)
    net_cpu = max(cpu - start_cpu, 1e-9)
    mt_mbs = nbytes / 1e6 / net_wall
    print(f"medtext     start-up (one tiny note, best of 3) {start_wall * 1000:.0f} ms wall, {start_cpu * 1000:.0f} ms CPU")
    print(f"medtext     {wall:.2f} s wall ({nbytes / 1e6 / wall:.2f} MB/s with start-up), {cpu:.2f} s CPU; "
          f"without start-up {mt_mbs:.2f} MB/s wall, {nbytes / 1e6 / net_cpu:.2f} MB/s per CPU-second; "
          f"{mt_ents:,} entities (all categories, PHI included; Comprehend Medical JSON written)")
    print(f"ratio       medtext / medspaCy = {mt_mbs * 1000 / ms_kbs:.1f}x (wall, start-up excluded on both sides); "
          f"{(nbytes / 1e6 / net_cpu) / (nbytes / 1e6 / ms_cpu):.1f}x per CPU-second")


if __name__ == "__main__":
    main()
