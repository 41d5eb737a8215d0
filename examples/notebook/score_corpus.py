#!/usr/bin/env python3
"""Score a JSON Lines corpus with geostance and print the mean attitude
toward each target.

Run it from the repository root:

    python3 examples/notebook/score_corpus.py [CORPUS.jsonl]

The corpus defaults to examples/sample/corpus.jsonl. The script calls
`go run ./cmd/geostance score CORPUS`, or the binary named by the
GEOSTANCE_BIN environment variable when it is set, which saves the
compilation on every run:

    go build -o /tmp/geostance ./cmd/geostance
    GEOSTANCE_BIN=/tmp/geostance python3 examples/notebook/score_corpus.py

Only the Python standard library is used. In a notebook with pandas, the
same records are one line away:

    df = pd.read_json(io.StringIO(out), lines=True)
    df.groupby("target")["score"].mean()

The table has one row per target, sorted by id: the number of scored
sentences, the mean score in [-1, 1], and how many sentences were labelled
positive, neutral and negative.
"""

import json
import os
import subprocess
import sys


def score(corpus):
    """Return the score records of corpus as a list of dicts."""
    binary = os.environ.get("GEOSTANCE_BIN")
    cmd = [binary] if binary else ["go", "run", "./cmd/geostance"]
    # -quiet keeps progress messages off stderr, so that anything there is
    # worth showing.
    proc = subprocess.run(
        cmd + ["score", "-quiet", corpus],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    if proc.returncode != 0:
        sys.exit("score_corpus: %s failed:\n%s" % (" ".join(cmd), proc.stderr))
    out = proc.stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def table(records):
    """Return rows (target, n, mean, positive, neutral, negative) by target id."""
    groups = {}
    for r in records:
        if r.get("target") is None:  # whole-sentence records of score -sentences
            continue
        groups.setdefault(r["target"], []).append(r)
    rows = []
    for target in sorted(groups):
        rs = groups[target]
        # A plain running sum, as R and Go would add them, rather than
        # sum(), whose compensated summation may differ in the last bit.
        total = 0.0
        for r in rs:
            total += r["score"]
        labels = [r["label"] for r in rs]
        rows.append((target, len(rs), total / len(rs),
                     labels.count("positive"), labels.count("neutral"),
                     labels.count("negative")))
    return rows


def main(argv):
    corpus = argv[1] if len(argv) > 1 else "examples/sample/corpus.jsonl"
    records = score(corpus)
    print("%-8s %4s %7s %4s %4s %4s" % ("target", "n", "mean", "pos", "neu", "neg"))
    for target, n, mean, pos, neu, neg in table(records):
        print("%-8s %4d %+7.3f %4d %4d %4d" % (target, n, mean, pos, neu, neg))


if __name__ == "__main__":
    main(sys.argv)
