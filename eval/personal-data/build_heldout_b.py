#!/usr/bin/env python3
"""Rebuild the final test set B (replies.csv) from local copies of its sources.

Set B is every agent/brand reply of the raw sources of held-out set A that is in neither set A nor
the tuning corpus, after the same exclusions as A. Downloads nothing. It reuses build_heldout.py
(same directory) for reading the raw copies, the exclusions and the set-A draw, so the two sets are
built by one piece of code:

    python3 eval/personal-data/build_heldout_b.py \
        --raw /work/data/heldout/raw \
        --tuning ../shared/corpus/twcs-sample.csv \
        --out /work/data/heldout-b/replies.csv

Steps (see HELDOUT-B.md):
  1. Per source, the eligible pool exactly as for set A (build_heldout.eligible): duplicate ids,
     TWCS ids 1..7,630, empty/URL-only replies, replies whose normalised text is an outbound reply
     of the tuning corpus, and repeats of an earlier normalised text of the same pool are dropped.
  2. Set A is re-drawn from those pools with A's seeds (build_heldout.ROUNDS); its ids are dropped.
     With --check-a PATH, the re-drawn ids are also compared with set A's replies.csv.
  3. Also dropped: a reply whose tweet id is an id of the tuning corpus, whose normalised text is
     that of any set-A reply (either source), or that repeats the normalised text of a reply of the
     other source kept before it (TweetSumm is read first).
  4. If more than MAX_ROWS (2,500) remain, a random sample of MAX_ROWS is taken with SEED; otherwise
     all remain. Either way the rows are written in the order of random.Random(SEED).shuffle over
     the remainder sorted by (source, id), so any prefix of the file is a uniform random sample.
"""

import argparse
import csv
import importlib.util
import random
import sys
from collections import Counter
from pathlib import Path

SEED = 1616
MAX_ROWS = 2500
SOURCES = ("tweetsumm", "ibmcdp")


def load_build_heldout():
    path = Path(__file__).resolve().parent / "build_heldout.py"
    spec = importlib.util.spec_from_file_location("build_heldout", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def tuning_ids(path):
    with open(path, newline="", encoding="utf-8") as f:
        return {int(r["tweet_id"]) for r in csv.DictReader(f)}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--raw", default="/work/data/heldout/raw", type=Path)
    p.add_argument("--tuning", default="../shared/corpus/twcs-sample.csv", type=Path)
    p.add_argument("--out", default="/work/data/heldout-b/replies.csv", type=Path)
    p.add_argument("--check-a", type=Path, default=None,
                   help="set A's replies.csv: fail unless the re-drawn set A has exactly its ids")
    args = p.parse_args()

    bh = load_build_heldout()
    tuning_norms = bh.load_tuning(args.tuning)
    tuning_tweet_ids = tuning_ids(args.tuning)
    stats = Counter()
    pools = {}
    for src, loader in (("tweetsumm", bh.tweetsumm_pool), ("ibmcdp", bh.ibmcdp_pool)):
        raw_pool = loader(args.raw)
        stats[src, "1 agent replies in source"] = len(raw_pool)
        pools[src] = sorted(bh.eligible(raw_pool, tuning_norms, Counter()), key=lambda r: r["id"])
        stats[src, "2 eligible as for set A"] = len(pools[src])

    # set A, drawn exactly as build_heldout.main does
    drawn_a, rows_a = set(), []
    for _name, seed, sizes in bh.ROUNDS:
        rng = random.Random(seed)
        for src in SOURCES:
            if src not in sizes:
                continue
            remaining = [r for r in pools[src] if r["id"] not in drawn_a]
            for r in rng.sample(remaining, sizes[src]):
                drawn_a.add(r["id"])
                rows_a.append(r)
    if args.check_a is not None:
        with open(args.check_a, newline="", encoding="utf-8") as f:
            ids_file = [r["id"] for r in csv.DictReader(f)]
        if ids_file != [r["id"] for r in rows_a]:
            sys.exit(f"build_heldout_b: set A re-drawn from {args.raw} does not match {args.check_a}; "
                     "check the raw copies' sha256 (SOURCES.md) and build_heldout.py")
    norms_a = {bh.normalise(r["text"]) for r in rows_a}

    kept, seen_norms = [], set()
    for src in SOURCES:
        for r in pools[src]:
            if r["id"] in drawn_a:
                stats[src, "3 in set A (id)"] += 1
                continue
            if r.get("tweet_id") is not None and r["tweet_id"] in tuning_tweet_ids:
                stats[src, "4 id in tuning corpus"] += 1
                continue
            n = bh.normalise(r["text"])
            if n in norms_a:
                stats[src, "5 normalised text in set A"] += 1
                continue
            if n in seen_norms:
                stats[src, "6 normalised text kept already"] += 1
                continue
            seen_norms.add(n)
            kept.append(r)
            stats[src, "7 remaining"] += 1

    rng = random.Random(SEED)
    kept.sort(key=lambda r: (SOURCES.index(r["source"]), r["id"]))
    if len(kept) > MAX_ROWS:
        rows = rng.sample(kept, MAX_ROWS)
    else:
        rows = list(kept)
        rng.shuffle(rows)
    for r in rows:
        stats[r["source"], "8 in set B"] += 1

    bh.write_replies(args.out, rows)
    for (src, what), n in sorted(stats.items()):
        print(f"{src:10} {what:34} {n}", file=sys.stderr)
    print(f"wrote {len(rows)} rows to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
