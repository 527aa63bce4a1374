#!/usr/bin/env python3
"""Scores lexicons/data/context/ (rules.tsv, fused.tsv, section_traits.tsv) on the gold corpus.

A standard-library emulation of the ConText scope rules documented in
Sources/EntityRecognizer/ContextEngine.swift (leftmost-longest triggers, forward/backward/
bidirectional scopes bounded by max_scope and the sentence, scopes stopped by terminators and by
triggers of another category, pseudo-triggers that only hide shorter triggers), applied to the
GOLD entity spans: it measures the context data alone, as `medtext assert` would use it, not
entity recognition. Tokens, sentences and sections are approximated (regex tokens; sentences end
at line breaks and at . ? ! before a space; headers from lexicons/data/tokenizer/sections.tsv).

    python3 scripts/lexicons/context_eval.py [--split dev|test|all] [--errors TRAIT]

Prints precision/recall/F1 per trait. --errors lists the dev split's errors for one trait (the
test split is held out: never look at its errors, only report its figures).
"""
from __future__ import annotations

import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "scripts", "eval"))
from lexcommon import read_tsv as tsv  # noqa: E402
import gold  # noqa: E402  (corpora reader, scripts/eval/gold.py)

DATA = os.path.join(ROOT, "lexicons", "data")
TRAITS = ("NEGATION", "LOW_CONFIDENCE", "HYPOTHETICAL", "FUTURE", "PAST_HISTORY", "PERTAINS_TO_FAMILY")
TOKEN = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)?|[^\sA-Za-z0-9]")


def tokenize(text):
    return [(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(text)]


def phrase_tokens(literal):
    out = []
    for piece in literal.split(" "):
        if piece in ("<NUM>", "<YEAR>"):
            out.append(piece)
        else:
            out.extend(t for t, _, _ in tokenize(piece))
    return out


class Rules:
    def __init__(self):
        self.rules = list(tsv(os.path.join(DATA, "context", "rules.tsv")))
        self.trie = {}
        for i, r in enumerate(self.rules):
            toks = phrase_tokens(r["literal"])
            if not toks:
                continue
            r["ntok"] = len(toks)
            r["cs"] = "cs" in r["flags"].split("|")
            node = self.trie
            for t in toks:
                key = t if t in ("<NUM>", "<YEAR>") or r["cs"] else t.lower()
                node = node.setdefault(key, {})
            node.setdefault(None, []).append(i)

    def matches_at(self, toks, i, end):
        """(length, rule indices) for every phrase starting at token i, longest last."""
        out = []
        stack = [(self.trie, i)]
        while stack:
            node, j = stack.pop()
            if None in node and j > i:
                out.append((j - i, node[None]))
            if j >= end:
                continue
            t = toks[j][0]
            keys = {t, t.lower()}
            if t.isdigit():
                keys.add("<NUM>")
                if len(t) == 4 and 1900 <= int(t) <= 2099:
                    keys.add("<YEAR>")
            for k in keys:
                if k in node:
                    stack.append((node[k], j + 1))
        out.sort()
        return out


def sentences(text, toks):
    """Token index ranges of sentences: a line break or . ? ! followed by whitespace ends one."""
    out, start = [], 0
    for i, (t, b, e) in enumerate(toks):
        nxt = toks[i + 1][1] if i + 1 < len(toks) else len(text)
        gap = text[e:nxt]
        if "\n" in gap or (t in (".", "?", "!") and gap[:1].isspace()):
            out.append((start, i + 1))
            start = i + 1
    if start < len(toks):
        out.append((start, len(toks)))
    return out


def line_ends(text, toks):
    res = []
    for i, (t, b, e) in enumerate(toks):
        nxt = toks[i + 1][1] if i + 1 < len(toks) else len(text)
        res.append("\n" in text[e:nxt] or i + 1 == len(toks))
    return res


class Sections:
    def __init__(self):
        self.headers = []
        for r in tsv(os.path.join(DATA, "tokenizer", "sections.tsv")):
            self.headers.append(([t.lower() for t, _, _ in tokenize(r["header"])], r["type"], r.get("forms", "")))
        self.headers.sort(key=lambda h: -len(h[0]))
        self.traits = {}
        p = os.path.join(DATA, "context", "section_traits.tsv")
        if os.path.exists(p):
            for r in tsv(p):
                self.traits.setdefault(r["section"], []).append((r["trait"], set(r["applies_to"].split("|")) if r["applies_to"] != "ALL" else None))

    def section_of_lines(self, text):
        """Section type for each character offset's line (list of (line_start, type))."""
        out, cur, pos = [], None, 0
        for line in text.split("\n"):
            toks = [t.lower() for t, _, _ in tokenize(line)]
            for h, typ, forms in self.headers:
                n = len(h)
                if toks[:n] == h and (len(toks) == n or toks[n] in (":", "-") or ("alone" in forms and len(toks) == n)):
                    cur = typ
                    break
            out.append((pos, cur))
            pos += len(line) + 1
        return out


def assign(note, rules, sections, fused):
    text = note.text
    toks = tokenize(text)
    ends = line_ends(text, toks)
    targets = [e for e in note.entities if e.category != "TIME_EXPRESSION"]
    tok_of = []
    for e in targets:
        idx = [i for i, (_, b, en) in enumerate(toks) if b < e.end and en > e.begin]
        tok_of.append((min(idx), max(idx) + 1) if idx else None)
    predicted = [set() for _ in targets]
    for s0, s1 in sentences(text, toks):
        trig = []
        i = s0
        while i < s1:
            taken = None
            for length, idxs in reversed(rules.matches_at(toks, i, s1)):
                ok = [k for k in idxs if "line_end" not in rules.rules[k]["flags"].split("|") or ends[i + length - 1]]
                if ok:
                    trig.extend((k, i, i + length) for k in ok)
                    taken = length
                    break
            i += taken or 1

        def stops(other, rule):
            o = rules.rules[other[0]]
            if o["direction"] == "TERMINATE":
                t = o["terminates"]
                return t == "ALL" or rule["category"] in t.split("|")
            if o["direction"] == "PSEUDO":
                return False
            return o["category"] != rule["category"]

        for k, a, b in trig:
            r = rules.rules[k]
            if r["direction"] in ("PSEUDO", "TERMINATE") or not r["trait"]:
                continue
            ms = int(r["max_scope"]) if r["max_scope"] else None
            fwd = bwd = None
            if r["direction"] in ("FORWARD", "BIDIRECTIONAL"):
                end = s1 if ms is None else min(s1, b + ms)
                for o in trig:
                    if o[1] >= b and o[1] < end and stops(o, r):
                        end = o[1]
                        break
                fwd = (b, max(b, end))
            if r["direction"] in ("BACKWARD", "BIDIRECTIONAL"):
                start = s0 if ms is None else max(s0, a - ms)
                for o in reversed(trig):
                    if o[2] <= a and o[2] > start and stops(o, r):
                        start = o[2]
                        break
                bwd = (min(start, a), a)
            applies = None if r["applies_to"] == "ALL" else set(r["applies_to"].split("|"))
            for n, e in enumerate(targets):
                span = tok_of[n]
                if span is None or (span[0] < b and span[1] > a):
                    continue
                if applies and e.category not in applies:
                    continue
                if s0 <= span[0] < s1:
                    inf = fwd is not None and fwd[0] <= span[0] < fwd[1]
                    inb = bwd is not None and span[0] < bwd[1] and span[1] > bwd[0]
                    if inf or inb:
                        predicted[n].add(r["trait"])
    lines = sections.section_of_lines(text)
    for n, e in enumerate(targets):
        sec = None
        for start, typ in lines:
            if start <= e.begin:
                sec = typ
            else:
                break
        for trait, applies in sections.traits.get(sec, []):
            if applies is None or e.category in applies:
                predicted[n].add(trait)
        if e.text.lower() in fused:
            predicted[n].add(fused[e.text.lower()])
    return targets, predicted


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev", choices=["dev", "test", "all"])
    ap.add_argument("--errors", default=None)
    args = ap.parse_args()
    if args.errors and args.split != "dev":
        sys.exit("--errors is only allowed on the dev split (the test split is held out)")
    notes = [n for n in gold.load_dir(os.path.join(ROOT, "corpora", "gold")) if args.split == "all" or n.split == args.split]
    rules, sections = Rules(), Sections()
    fused = {r["term"].lower(): r["trait"] for r in tsv(os.path.join(DATA, "context", "fused.tsv")) if r["trait"]}
    tp = {t: 0 for t in TRAITS}
    fp = dict(tp)
    fn = dict(tp)
    errors = []
    for note in notes:
        targets, predicted = assign(note, rules, sections, fused)
        for e, p in zip(targets, predicted):
            for t in TRAITS:
                g, q = t in e.traits, t in p
                if g and q:
                    tp[t] += 1
                elif q:
                    fp[t] += 1
                    if t == args.errors:
                        errors.append(("FP", note.name, e))
                elif g:
                    fn[t] += 1
                    if t == args.errors:
                        errors.append(("FN", note.name, e))
    print(f"split={args.split} notes={len(notes)} (gold entity spans; context data only)")
    print(f"{'trait':20} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for t in TRAITS:
        p = tp[t] / (tp[t] + fp[t]) if tp[t] + fp[t] else 0.0
        r = tp[t] / (tp[t] + fn[t]) if tp[t] + fn[t] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{t:20} {tp[t] + fn[t]:5d} {tp[t] + fp[t]:5d} {p:6.3f} {r:6.3f} {f:6.3f}")
    for kind, name, e in errors:
        line_start = note_text_line(notes, name, e)
        print(f"{kind} {name} {e.type} [{e.text}] :: {line_start}")


def note_text_line(notes, name, e):
    for n in notes:
        if n.name == name:
            s = n.text.rfind("\n", 0, e.begin) + 1
            t = n.text.find("\n", e.end)
            return n.text[s: t if t >= 0 else len(n.text)][:160]
    return ""


if __name__ == "__main__":
    main()
