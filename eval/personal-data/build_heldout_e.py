#!/usr/bin/env python3
"""Rebuild held-out set E (replies.csv) for `personal-data-public` from the local raw copy.

Set E is a fresh sample of real public brand replies that is in none of: the tuning corpus
(twcs-sample.csv), held-out sets A, B, C and D. Downloads nothing; standard library only. It imports
build_heldout.py (set A's script, in /work/main/eval/personal-data, read-only) for the text
normalisation, the empty/URL-only test and for reading set A/B's TweetSumm source (to drop every
TweetSumm dialog turn that A and B drew from):

    python3 /work/data/heldout-e/build_heldout_e.py            # all rounds
    python3 /work/data/heldout-e/build_heldout_e.py --rounds 1 # round 1 only

Source (ids in brackets), see HELDOUT-E.md and provenance.txt:
  twcs-block    the outbound (inbound == "False") tweets of a contiguous block of 12,459 rows of
                the Kaggle TWCS twcs.csv (the last rows of the file: tweet ids up to 2,987,950),
                stored as JSON {"results": [...]} in GitHub panthangianil/samplejson twcs.json
                [twcs:<TWCS tweet_id>]. Text is TWCS's own (no repair needed).

Exclusions, counted, in this order: duplicate id; empty or only a URL; TWCS id in the tuning corpus;
id in set A, B, C or D; TWCS tweet that is a turn of a TweetSumm dialog in A/B's source; normalised
text equal to a tuning-corpus row (any row), a set-A/B/C/D reply, or an earlier reply of the pool
(pool order: tweet-id order).

Sampling (ROUNDS): each round is a simple random sample (random.Random(seed).sample over the
remaining pool in pool order) of ROUND_SIZE replies from what earlier rounds left; when fewer than
ROUND_SIZE are left, the round takes all of them. Rows of a round are shuffled with the round's
seed and written round by round. Rounds were added one at a time, each only because the labelled
total was still under 45 pdp=yes (8 rounds, seeds 1801-1808, 4,000 rows, 48 pdp=yes after round 8);
`--rounds N` rebuilds the first N rounds. Labels are in labels.csv, built from work/exc_r*.tsv by
work/make_labels.py.
"""

import argparse
import csv
import importlib.util
import json
import random
import sys
from collections import Counter
from pathlib import Path

BUILD_HELDOUT = Path("/work/main/eval/personal-data/build_heldout.py")
ROUND_SIZE = 500
ROUNDS = [
    # (name, seed). Each round after the first was added only because the labelled total was
    # still under 45 pdp=yes; the numbers are the labelled pdp=yes totals after each round.
    ("round1", 1801),  # 6
    ("round2", 1802),  # 14
    ("round3", 1803),  # 19
    ("round4", 1804),  # 27
    ("round5", 1805),  # 34
    ("round6", 1806),  # 38
    ("round7", 1807),  # 43
    ("round8", 1808),  # 48 -> stop
]


def load_build_heldout():
    spec = importlib.util.spec_from_file_location("build_heldout", BUILD_HELDOUT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def block_pool(raw):
    data = json.loads((raw / "panthangianil-twcs.json").read_text(encoding="utf-8"))["results"]
    out = []
    for r in data:
        if str(r["inbound"]) == "False":
            tid = int(r["tweet_id"])
            out.append({"id": f"twcs:{tid}", "source": "twcs-block", "author": str(r["author_id"]),
                        "text": r["text"], "key": tid})
    return sorted(out, key=lambda r: r["key"])


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--raw", default="/work/data/heldout-e/raw", type=Path)
    p.add_argument("--a-raw", default="/work/data/heldout/raw", type=Path)
    p.add_argument("--tuning", default="/work/shared/corpus/twcs-sample.csv", type=Path)
    p.add_argument("--a", default="/work/data/heldout/replies.csv", type=Path)
    p.add_argument("--b", default="/work/data/heldout-b/replies.csv", type=Path)
    p.add_argument("--c", default="/work/data/heldout-c/replies.csv", type=Path)
    p.add_argument("--d", default="/work/data/heldout-d/replies.csv", type=Path)
    p.add_argument("--out", default="/work/data/heldout-e/replies.csv", type=Path)
    p.add_argument("--rounds", type=int, default=len(ROUNDS))
    args = p.parse_args()

    bh = load_build_heldout()
    norm = bh.normalise
    tuning_ids, tuning_norms = bh.read_ids_and_norms(args.tuning, norm)
    prev_ids, prev_norms = bh.read_sets((args.a, args.b, args.c, args.d), norm)
    ab_dialog_ids = {r["id"] for r in bh.tweetsumm_pool(args.a_raw)}

    stats = Counter()
    pool = []
    seen_ids, seen_norms = set(), set()
    for r in block_pool(args.raw):
        stats["1 replies in source"] += 1
        n = norm(r["text"])
        reason = None
        if r["id"] in seen_ids:
            reason = "2 duplicate id"
        elif bh.is_empty_or_url_only(r["text"]):
            reason = "3 empty or only a URL"
        elif r["id"] in tuning_ids:
            reason = "4 id in tuning corpus"
        elif r["id"] in prev_ids:
            reason = "5 id in set A, B, C or D"
        elif r["id"] in ab_dialog_ids:
            reason = "6 turn of a dialog A/B drew from"
        elif n in tuning_norms:
            reason = "7 text in tuning corpus"
        elif n in prev_norms:
            reason = "8 text in set A, B, C or D"
        elif n in seen_norms:
            reason = "9 text repeats an earlier reply"
        seen_ids.add(r["id"])
        if reason:
            stats[reason] += 1
            continue
        seen_norms.add(n)
        stats["eligible"] += 1
        pool.append(r)

    drawn, rows = set(), []
    for name, seed in ROUNDS[: args.rounds]:
        rng = random.Random(seed)
        remaining = [r for r in pool if r["id"] not in drawn]
        picked = rng.sample(remaining, min(ROUND_SIZE, len(remaining)))
        rng.shuffle(picked)
        for r in picked:
            drawn.add(r["id"])
        stats[f"sampled {name}"] += len(picked)
        rows += picked
        print(f"{name}: {len(picked)} rows, file rows {len(rows) - len(picked) + 1}-{len(rows)}", file=sys.stderr)

    bh.write_replies(args.out, rows)
    for what, n in sorted(stats.items()):
        print(f"{what:36} {n}", file=sys.stderr)
    print(f"left unused: {len(pool) - len(drawn)}", file=sys.stderr)
    print(f"wrote {len(rows)} rows to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
