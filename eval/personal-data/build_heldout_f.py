#!/usr/bin/env python3
"""Rebuild held-out set F (replies.csv) for `personal-data-public` from the local raw copies.

Set F is a sample of real public brand / agency replies that is in none of: the tuning corpus
(twcs-sample.csv), held-out sets A, B, C, D and E (by id and by normalised text). Downloads nothing;
standard library only. It imports, read-only, from /work/main/eval/personal-data:
  build_heldout.py    normalise, is_empty_or_url_only, read_sets, tweetsumm_pool, twitter_export_rows,
                      write_replies, exclusion_reason
  build_heldout_e.py  block_pool (the reader of E's TWCS block)
  build_heldout_c.py  delta_pool, amazon2016_pool, nyc_pool (readers of C's raw files)
  build_heldout_d.py  sophie_pool (the per-brand JSC270 files, their Windows-1252 mojibake repaired)

    python3 /work/data/heldout-f/build_heldout_f.py              # all rounds -> replies.csv
    python3 /work/data/heldout-f/build_heldout_f.py --rounds 1 --out /tmp/f1.csv

Sources (ids in brackets; see HELDOUT-F.md and provenance.txt). Two pools, fixed before labelling:

  Pool 1 ("broad"): what earlier sets' sources left undrawn, plus one new non-TWCS export
    twcs-block    outbound tweets of the TWCS tail block (panthangianil/samplejson twcs.json), the
                  source of E; E drew 4,000 of its 4,799 eligible replies  [twcs:<tweet_id>]
    delta2015     Delta replies, Oct 2015 (kwartler/text_mining oct_delta.csv), source of C
                  [kwdelta:<data row, 1-based>, as in C]
    amazon2016    AmazonHelp replies, July 2016 (kwartler/text_mining amzn_cs.csv), source of C
                  [kwamzn:<status id>]
    nyc2016       replies of 8 NYC agency accounts, 2016 (lanimc/NYCAgencyTwitterData), source of C
                  [nyc:<account>:<data row, 1-based>, as in C]
    ba2019        British_Airways replies, May 2019 (kwartler GSERM twitteR export), source of D
                  [kwba:<status id>]
    ryanair2019   Ryanair replies, May 2019 (same), source of D  [kwfr:<status id>]
    amazonin2022  replies by Twitter user 85741735 (AmazonHelp, India team), March 2022, in a
                  Twitter API v2 scrape (AhmedNabilHAL/Twitter-Customer-Support-Scrapper
                  twitter.csv, commit 8a7cf903). New; not TWCS  [amzin:<status id>]
  Pool 2 ("sophie"): all seven per-brand TWCS files of Sophie-X31/JSC270-Assignment4
    twcs-sophie   AppleSupport and SpotifyCares (used by no earlier set) and AirAsiaSupport, AskRBC,
                  McDonalds, NikeSupport, Walmart (D's twcs-brands; D drew 489 of them)
                  [twcs:<tweet_id>]

Exclusions, counted, in this order: duplicate id (first copy wins, pool order below); empty or
only a URL; id in tuning corpus; id in set A-E; TWCS tweet that is a turn of a TweetSumm dialog in
A/B's source; twitteR export that Twitter truncated (amazon2016, ba2019, ryanair2019: `truncated`
TRUE); normalised text (build_heldout.normalise) equal to a tuning-corpus row (any row), a set
A-E reply, or an earlier reply of the pool. Pool order: pool 1 sources in the order listed (TWCS
in tweet-id order, others in file order), then pool 2 in tweet-id order.

Sampling (ROUNDS): each round is random.Random(seed).sample over the remaining eligible replies of
ONE pool (pool order), min(ROUND_SIZE, remaining) rows, then shuffled with the same seed. Rounds draw
from pool 1 until it is used up (its last round takes what is left), then from pool 2. Rounds are
added one at a time, each only because the labelled total was still under 45 pdp=yes. `--rounds N`
rebuilds the first N rounds.
"""

import argparse
import csv
import importlib.util
import random
import sys
from collections import Counter
from pathlib import Path

EVAL = Path("/work/main/eval/personal-data")
ROUND_SIZE = 500
SOPHIE_BRANDS = ("AirAsiaSupport", "AppleSupport", "AskRBC", "McDonalds", "NikeSupport",
                 "SpotifyCares", "Walmart")
POOL1 = ("twcs-block", "delta2015", "amazon2016", "nyc2016", "ba2019", "ryanair2019", "amazonin2022")
POOL2 = ("twcs-sophie",)
AMAZONIN_USER_ID = "85741735"
ROUNDS = [
    # (name, seed, pool). Each round after the first was added only because the labelled total
    # was still under 45 pdp=yes; the comment gives the labelled pdp=yes total after the round.
    ("round1", 1901, 1),  # 4
    ("round2", 1902, 1),  # 10
    ("round3", 1903, 1),  # 14
    ("round4", 1904, 1),  # 17; pool 1 used up
    ("round5", 1905, 2),  # 27
    ("round6", 1906, 2),  # 32
    ("round7", 1907, 2),  # 41
    ("round8", 1908, 2),  # 49 -> stop
]


def load(name):
    spec = importlib.util.spec_from_file_location(name, EVAL / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def amazon2016_pool(raw):
    # C's reader (kwamzn ids, cp1252 file); the truncated flag is read here as well
    with open(raw / "kwartler-amzn_cs.csv", newline="", encoding="cp1252") as f:
        return [{"id": f"kwamzn:{r['id']}", "source": "amazon2016", "author": r["screenName"],
                 "text": r["text"], "truncated": r["truncated"] == "TRUE"}
                for r in csv.DictReader(f) if r["isRetweet"] != "TRUE"]


def amazonin_pool(raw):
    with open(raw / "ahmed-twitter.csv", newline="", encoding="utf-8") as f:
        return [{"id": f"amzin:{r['id']}", "source": "amazonin2022", "author": "AmazonHelp",
                 "text": r["text"]}
                for r in csv.DictReader(f) if r["author_id"] == AMAZONIN_USER_ID]


def build_pools(args):
    """F's two pools of eligible replies, in pool order, and the exclusion counts."""
    bh = load("build_heldout")
    bc = load("build_heldout_c")
    bd = load("build_heldout_d")
    be = load("build_heldout_e")
    norm = bh.normalise
    tuning_ids, tuning_norms = bh.read_ids_and_norms(args.tuning, norm)
    prev_ids, prev_norms = bh.read_sets(args.prev, norm)
    ab_dialog_ids = {r["id"] for r in bh.tweetsumm_pool(args.a_raw)}

    loaders = {
        "twcs-block": lambda: be.block_pool(args.raw),
        "delta2015": lambda: bc.delta_pool(args.raw),
        "amazon2016": lambda: amazon2016_pool(args.raw),
        "nyc2016": lambda: bc.nyc_pool(args.raw),
        # twitteR exports, in file order
        "ba2019": lambda: bh.twitter_export_rows(args.raw / "kwgserm-BritishAirways.csv", "British_Airways", "kwba",
                                                 "ba2019"),
        "ryanair2019": lambda: bh.twitter_export_rows(args.raw / "kwgserm-RyanAir.csv", "Ryanair", "kwfr", "ryanair2019"),
        "amazonin2022": lambda: amazonin_pool(args.raw),
        "twcs-sophie": lambda: bd.sophie_pool(args.raw, SOPHIE_BRANDS, "twcs-sophie"),
    }

    stats = Counter()
    pools = {1: [], 2: []}
    seen_ids, seen_norms = set(), set()
    for pool_no, sources in ((1, POOL1), (2, POOL2)):
        for src in sources:
            for r in loaders[src]():
                stats[src, "1 replies in source"] += 1
                n = norm(r["text"])
                reason = bh.exclusion_reason(r, n, seen_ids, seen_norms, tuning_ids, tuning_norms, prev_ids, prev_norms,
                                             "A-E", ab_dialog_ids)
                if reason:
                    stats[src, reason] += 1
                    continue
                seen_norms.add(n)
                stats[src, "eligible"] += 1
                pools[pool_no].append(r)

    return pools, stats, bh


def draw_rounds(pools, rounds, drawn, prog="build_heldout_f"):
    """Draw each round from the remaining eligible replies of its pool; `drawn` (a set of ids) is updated."""
    rows = []
    for name, seed, pool_no in rounds:
        rng = random.Random(seed)
        remaining = [r for r in pools[pool_no] if r["id"] not in drawn]
        if not remaining:
            sys.exit(f"{prog}: {name} draws from pool {pool_no}, which is used up")
        picked = rng.sample(remaining, min(ROUND_SIZE, len(remaining)))
        rng.shuffle(picked)
        for r in picked:
            drawn.add(r["id"])
        rows += picked
        mix = Counter(r["source"] for r in picked)
        print(f"{name}: pool {pool_no}, {len(picked)} rows, file rows {len(rows) - len(picked) + 1}-{len(rows)}, "
              f"{dict(sorted(mix.items()))}; pool {pool_no} left {len(remaining) - len(picked)}", file=sys.stderr)

    return rows


def add_pool_arguments(p):
    """The arguments build_pools reads: where the raw copies, set A's raw files, the tuning corpus and sets A-E are."""
    p.add_argument("--raw", default="/work/data/heldout-f/raw", type=Path)
    p.add_argument("--a-raw", default="/work/data/heldout/raw", type=Path)
    p.add_argument("--tuning", default="/work/shared/corpus/twcs-sample.csv", type=Path)
    p.add_argument("--prev", nargs="+", type=Path, default=[
        Path(f"/work/data/{d}/replies.csv")
        for d in ("heldout", "heldout-b", "heldout-c", "heldout-d", "heldout-e")])


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_pool_arguments(p)
    p.add_argument("--out", default="/work/data/heldout-f/replies.csv", type=Path)
    p.add_argument("--rounds", type=int, default=len(ROUNDS))
    p.add_argument("--stats-only", action="store_true", help="print the exclusion counts, write nothing")
    args = p.parse_args()

    pools, stats, bh = build_pools(args)
    for what in sorted({w for _, w in stats}):
        cells = "".join(f"{stats[s, what]:>13}" for s in POOL1 + POOL2)
        print(f"{what:36}{cells}", file=sys.stderr)
    print(f"{'':36}" + "".join(f"{s:>13}" for s in POOL1 + POOL2), file=sys.stderr)
    print(f"pool 1 eligible {len(pools[1])}, pool 2 eligible {len(pools[2])}", file=sys.stderr)
    if args.stats_only:
        return

    rows = draw_rounds(pools, ROUNDS[: args.rounds], set())
    bh.write_replies(args.out, rows)
    print(f"wrote {len(rows)} rows to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
