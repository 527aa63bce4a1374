#!/usr/bin/env python3
"""Feasibility probe (session 15): would a learned token tagger find PHI the rules miss in unseen notes?

Trains a plain averaged-perceptron BIO tagger (greedy, previous-tag feature) on PHI dev notes up to
--train-max, tags dev notes from --eval-min on, and scores three predictions with score_phi.py on the
notes from --eval-min: the tagger alone, the rule engine alone (medtext detect-phi output kept by
`evaluate_phi.sh --keep DIR`), and the union (a tagger span is added where it overlaps no rule span,
only for the types in --types and only when its weakest token's margin over O reaches the threshold).
Nothing here ships: it measures whether a learned component is worth building in Swift. Standard library
only; features: the word, its shape, affixes, two words each side, line start, and membership in the
licence-clean name, place and common-word lists of lexicons/data/phi.

  python3 scripts/eval/phi_gold_to_cm.py --gold corpora/phi --out W/gold-json --plain-dir W/plain
  scripts/eval/evaluate_phi.sh --release --split dev --gold G --keep W/rules   # G/dev: notes to score
  python3 scripts/experiments/phi_tagger_probe.py --work W --rules W/rules/pred --gold G
"""
import argparse, collections, json, os, random, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LEX = os.path.join(ROOT, "lexicons/data/phi")
TOKEN = re.compile(r"\w+|[^\w\s]")


def column(name):
    out = set()
    for line in open(os.path.join(LEX, name), encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            out.add(line.rstrip("\n").split("\t")[0].lower())
    return out


FIRST = column("census-first-names.tsv") | column("philter-first-names.txt")
LAST = column("census-last-names.tsv") | column("philter-last-names.txt")
PLACE = {p.split()[0] for f in ("places_geonames.tsv", "places.tsv", "places_curated.tsv") for p in column(f) if p}
COMMON = column("philter-whitelist.txt")


def shape(w):
    s = re.sub("[A-Z]", "X", w)
    s = re.sub("[a-z]", "x", s)
    s = re.sub("[0-9]", "d", s)
    return re.sub(r"(.)\1+", r"\1\1", s)


def load(work, name):
    text = open(f"{work}/plain/dev/{name}.txt", encoding="utf-8").read()
    gold = json.load(open(f"{work}/gold-json/dev/{name}.json"))["Entities"]
    toks = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
    tags = ["O"] * len(toks)
    for e in gold:
        first = True
        for i, (s, x, _) in enumerate(toks):
            if s < e["EndOffset"] and x > e["BeginOffset"]:
                tags[i] = ("B-" if first else "I-") + e["Type"]
                first = False
    starts = {i for i in range(len(toks)) if i == 0 or "\n" in text[toks[i - 1][1]:toks[i][0]]}
    return text, toks, tags, starts


def features(toks, i, starts, prev):
    w = toks[i][2]
    lw = w.lower()
    word = lambda j: toks[j][2].lower() if 0 <= j < len(toks) else "<s>"
    shp = lambda j: shape(toks[j][2]) if 0 <= j < len(toks) else "<s>"
    f = ["bias", "w=" + lw, "sh=" + shape(w), "p3=" + lw[:3], "s3=" + lw[-3:], "w-1=" + word(i - 1),
         "w+1=" + word(i + 1), "w-2=" + word(i - 2), "w+2=" + word(i + 2), "sh-1=" + shp(i - 1),
         "sh+1=" + shp(i + 1), "pt=" + prev, "pt|sh=" + prev + "|" + shape(w), "w-1|w=" + word(i - 1) + "|" + lw,
         "ls=%d" % (i in starts), "len=%d" % min(len(w), 10)]
    f += [k for k, s in (("first", FIRST), ("last", LAST), ("place", PLACE), ("common", COMMON)) if lw in s]
    if w[:1].isupper():
        f.append("cap|%d%d%d%d" % (lw in COMMON, lw in FIRST, lw in LAST, lw in PLACE))
    f += [k for k, s in (("next-first", FIRST), ("next-last", LAST)) if word(i + 1) in s]
    return f


class Perceptron:
    def __init__(self, classes):
        self.classes = sorted(classes)
        self.w = collections.defaultdict(lambda: collections.defaultdict(float))
        self.total = collections.defaultdict(lambda: collections.defaultdict(float))
        self.stamp = collections.defaultdict(lambda: collections.defaultdict(int))
        self.n = 0

    def scores(self, f):
        sc = collections.defaultdict(float)
        for x in f:
            for k, v in self.w[x].items():
                sc[k] += v
        return sc

    def best(self, sc):
        return max(self.classes, key=lambda k: (sc[k], k == "O"))

    def update(self, truth, guess, f):
        self.n += 1
        if truth == guess:
            return
        for x in f:
            for k, d in ((truth, 1.0), (guess, -1.0)):
                self.total[x][k] += (self.n - self.stamp[x][k]) * self.w[x][k]
                self.stamp[x][k] = self.n
                self.w[x][k] += d

    def average(self):
        for x in self.w:
            for k in self.w[x]:
                self.w[x][k] = (self.total[x][k] + (self.n - self.stamp[x][k]) * self.w[x][k]) / self.n


def tag(model, text, toks, starts):
    ents, cur, prev = [], None, "O"
    for i in range(len(toks)):
        sc = model.scores(features(toks, i, starts, prev))
        g = model.best(sc)
        prev = g
        if g == "O":
            cur = None
            continue
        margin = sc[g] - sc["O"]
        if g.startswith("I-") and cur and cur["Type"] == g[2:]:
            cur["EndOffset"] = toks[i][1]
            cur["margin"] = min(cur["margin"], margin)
        else:
            cur = {"BeginOffset": toks[i][0], "EndOffset": toks[i][1], "Type": g[2:], "margin": margin}
            ents.append(cur)
    for k, e in enumerate(ents):
        e.update(Id=k, Score=0.5, Text=text[e["BeginOffset"]:e["EndOffset"]], Category="PROTECTED_HEALTH_INFORMATION", Traits=[])
    return ents


def score(gold, pred):
    out = subprocess.run([sys.executable, os.path.join(ROOT, "scripts/eval/score_phi.py"), "--gold", gold, "--pred", pred,
                          "--split", "dev"], capture_output=True, text=True).stdout
    row = next(l.split() for l in out.splitlines() if l.startswith("  ALL "))
    return f"P {row[4]} R {row[5]}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--work", required=True, help="directory with plain/ and gold-json/ from phi_gold_to_cm.py")
    ap.add_argument("--rules", required=True, help="kept medtext predictions (DIR/dev/<note>.json)")
    ap.add_argument("--gold", required=True, help="gold directory whose dev/ holds the notes to score")
    ap.add_argument("--train-max", type=int, default=580)
    ap.add_argument("--eval-min", type=int, default=581)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--types", default="NAME,ORGANIZATION,ADDRESS,AGE,PROFESSION")
    ap.add_argument("--thresholds", default="0,2,4,8")
    a = ap.parse_args()
    random.seed(1)
    names = sorted(n[:-4] for n in os.listdir(f"{a.work}/plain/dev"))
    train = [n for n in names if int(n[:3]) <= a.train_max]
    held = [n for n in names if int(n[:3]) >= a.eval_min and os.path.exists(f"{a.rules}/dev/{n}.json")]
    data = {n: load(a.work, n) for n in train + held}
    model = Perceptron({t for n in train for t in data[n][2]} | {"O"})
    for _ in range(a.epochs):
        random.shuffle(train)
        for n in train:
            _, toks, tags, starts = data[n]
            prev = "O"
            for i in range(len(toks)):
                f = features(toks, i, starts, prev)
                model.update(tags[i], model.best(model.scores(f)), f)
                prev = tags[i]
    model.average()
    tagged = {n: tag(model, data[n][0], data[n][1], data[n][3]) for n in held}
    types = set(a.types.split(","))
    out = os.path.join(a.work, "probe")
    for label, th in [("tagger", None), ("rules", None)] + [(f"union>={t}", float(t)) for t in a.thresholds.split(",")]:
        d = os.path.join(out, label.replace(">=", "-"), "dev")
        os.makedirs(d, exist_ok=True)
        for n in held:
            rules = json.load(open(f"{a.rules}/dev/{n}.json"))["Entities"]
            if label == "tagger":
                ents = tagged[n]
            elif label == "rules":
                ents = rules
            else:
                ents = list(rules) + [e for e in tagged[n] if e["Type"] in types and e["margin"] >= th and not any(
                    r["BeginOffset"] < e["EndOffset"] and e["BeginOffset"] < r["EndOffset"] for r in rules)]
            json.dump({"Entities": ents}, open(f"{d}/{n}.json", "w"))
        print(f"{label:12} {score(a.gold, os.path.dirname(d))}")


if __name__ == "__main__":
    main()
