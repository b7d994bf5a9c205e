#!/usr/bin/env python3
"""Rebuild held-out sets G to M (replies.csv) for `personal-data-public` from F's local raw copies.

Each set is a further random sample from F's pool 2 ("twcs-sophie": the seven per-brand TWCS files of
Sophie-X31/JSC270-Assignment4 -- AirAsiaSupport, AppleSupport, AskRBC, McDonalds, NikeSupport,
SpotifyCares, Walmart), of the eligible replies F and the sets before it left undrawn. The pools, the
exclusions (id or normalised text in the tuning corpus, in sets A-E, or an earlier reply of the
pool) and the round sampler are F's own (build_heldout_f.build_pools / draw_rounds), so nothing of
F or of an earlier set is in a later one. Downloads nothing; standard library only. See HELDOUT-G.md.

    python3 eval/personal-data/build_heldout_g.py                  # set G -> /work/data/heldout-g/replies.csv
    python3 eval/personal-data/build_heldout_g.py --set k          # set K -> /work/data/heldout-k/replies.csv
    python3 eval/personal-data/build_heldout_g.py --rounds 1 --out /tmp/g1.csv

A set is drawn after the sets before it (F's 8 rounds, then G's, H's, ...), so each is rebuilt byte for
byte. Sampling: rounds of 500, random.Random(seed).sample over the remaining eligible replies of pool 2,
then shuffled with the same seed (F's sampler). Each set's first rounds were fixed up front (its
PLAN.txt); more were added one at a time only while the labelled pdp=yes total was under 45.
"""

import argparse
import importlib.util
import sys
from collections import Counter
from pathlib import Path

EVAL = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("build_heldout_f", EVAL / "build_heldout_f.py")
bf = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bf)

ROUNDS_G = [
    # (name, seed, pool); rounds 1-6 fixed before any row was drawn. Labelled pdp=yes total after
    # round 6: 48, so no more rounds.
    ("round1", 2001, 2),
    ("round2", 2002, 2),
    ("round3", 2003, 2),
    ("round4", 2004, 2),
    ("round5", 2005, 2),
    ("round6", 2006, 2),
]
# Set H: drawn after G (fixed before any row of H was drawn, with H's plan), from what F and G left.
# Rounds 1-6 gave 35 pdp=yes, so rounds 7, 8, ... were added one at a time (PLAN.txt).
ROUNDS_H = [(f"round{n}", 2100 + n, 2) for n in range(1, 8)]
# Set I: drawn after H, from what F, G and H left; rounds 1-7 fixed up front (PLAN.txt).
# Rounds 1-7 gave 40 pdp=yes, so round 8 was added (PLAN.txt).
ROUNDS_I = [(f"round{n}", 2200 + n, 2) for n in range(1, 9)]
# Set J: drawn after I, from what F, G, H and I left; rounds 1-8 fixed up front (PLAN.txt).
ROUNDS_J = [(f"round{n}", 2300 + n, 2) for n in range(1, 9)]
# Set K: drawn after J, from what F-J left, to repeat J's first look on the same rule; rounds 1-8 fixed up front.
ROUNDS_K = [(f"round{n}", 2400 + n, 2) for n in range(1, 9)]
# Set L: drawn after K, a first look on the final rule after every set's classes and the review; rounds 1-8 fixed up front.
ROUNDS_L = [(f"round{n}", 2500 + n, 2) for n in range(1, 9)]
# Set M: drawn after L, the last 3,070 replies of the pool; rounds 1-7 fixed up front (round 7 takes the last 70).
ROUNDS_M = [(f"round{n}", 2600 + n, 2) for n in range(1, 8)]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    bf.add_pool_arguments(p)
    p.add_argument("--set", choices=("g", "h", "i", "j", "k", "l", "m"), default="g",
                   help="g; h (drawn from what F and G left); i (from what F, G and H left); j (after I); k (after J); l (after K); m (after L, the rest of the pool)")
    p.add_argument("--out", type=Path, help="default: /work/data/heldout-<set>/replies.csv")
    p.add_argument("--rounds", type=int, default=None, help="the first N rounds (default: all)")
    args = p.parse_args()

    pools, _, bh = bf.build_pools(args)
    drawn = set()
    f_rows = bf.draw_rounds(pools, bf.ROUNDS, drawn)
    print(f"F: {len(f_rows)} rows drawn (its rounds, as build_heldout_f.py); G draws from what is left",
          file=sys.stderr)
    sets = {"g": ROUNDS_G, "h": ROUNDS_H, "i": ROUNDS_I, "j": ROUNDS_J, "k": ROUNDS_K, "l": ROUNDS_L, "m": ROUNDS_M}
    order = list(sets)
    for earlier in order[: order.index(args.set)]:
        earlier_rows = bf.draw_rounds(pools, sets[earlier], drawn, prog="build_heldout_g")
        print(f"{earlier.upper()}: {len(earlier_rows)} rows drawn; the next set draws from what is left", file=sys.stderr)
    rounds = sets[args.set]
    rows = bf.draw_rounds(pools, rounds[: args.rounds or len(rounds)], drawn, prog="build_heldout_g")
    args.out = args.out or Path(f"/work/data/heldout-{args.set}/replies.csv")
    brands = Counter(r["author"] for r in rows)
    print(f"{args.set.upper()} by account: {dict(sorted(brands.items()))}", file=sys.stderr)
    bh.write_replies(args.out, rows)
    print(f"wrote {len(rows)} rows to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
