#!/usr/bin/env python3
"""Rebuild held-out set D (replies.csv) for `personal-data-public` from local raw copies.

Set D is a fresh sample of real public brand replies that is in none of: the tuning corpus
(twcs-sample.csv), held-out sets A, B and C. Downloads nothing; standard library only. It imports
build_heldout.py (set A's script, in /work/main/eval/personal-data, read-only) for the text
normalisation, the empty/URL-only test and for reading set A/B's TweetSumm source (to drop every
TweetSumm dialog turn that A and B drew from):

    python3 /work/data/heldout-d/build_heldout_d.py            # all rounds
    python3 /work/data/heldout-d/build_heldout_d.py --rounds 1 # round 1 only

Sources (ids in brackets), see HELDOUT-D.md and raw/provenance.txt:
  twcs-divya    outbound (inbound == False) tweets of a uniform random 5,000-row sample of the full
                TWCS twcs.csv (`df.sample(5000, random_state=42)`), GitHub
                divya-gh/conversational-ai-analyst data/twcs_small.csv  [twcs:<TWCS tweet_id>]
  twcs-brands   all (outbound) tweets of AirAsiaSupport, AskRBC, McDonalds, NikeSupport and Walmart
                from brand subsets of TWCS, GitHub Sophie-X31/JSC270-Assignment4 <Brand>.csv; text
                repaired where it had been double-decoded (fix_mojibake)  [twcs:<TWCS tweet_id>]
  ba2019        British_Airways replies in a twitteR search export of 4 May 2019 (1,000 tweets
                mentioning British Airways), GitHub kwartler/GSERM_Text_Remote_student
                student_lessons/B_Basic_Visuals/data/BritishAirways.csv  [kwba:<Twitter status id>]
  ryanair2019   Ryanair replies in the same kind of export (RyanAir.csv)  [kwfr:<Twitter status id>]
  For ba2019/ryanair2019 a "reply" is a tweet by the brand account whose text starts with "@" and
  that is not a retweet; tweets the export truncated at 140 characters ("…" + link) are dropped,
  because the cut-off part may hold the private route.

Exclusions, counted per source, in this order: duplicate id; empty or only a URL; TWCS id in the
tuning corpus; id in set A, B or C; TWCS tweet that is a turn of a TweetSumm dialog in A/B's
source; truncated by the export (twitteR sources only); normalised text equal to a tuning-corpus
row (any row), a set-A/B/C reply, or an earlier reply of the pool (pool order: twcs-divya, then
twcs-brands, each in tweet-id order, then ba2019, ryanair2019 in status-id order).

Sampling (ROUNDS): each round is a simple random sample (random.Random(seed).sample over the
remaining pool in pool order) of ROUND_SIZE replies from what earlier rounds left of its pools;
when fewer than ROUND_SIZE are left, the round takes all of them. Rounds 1-5 draw from twcs-divya
(the uniform random TWCS sample) until it is used up; round 6 draws from the union of the brand
pools (twcs-brands, ba2019, ryanair2019). Rows of a round are shuffled with the round's seed and
written round by round. Rounds were added one at a time, each only because the labelled total was
still under 45 pdp=yes; `--rounds N` rebuilds the first N rounds.
"""

import argparse
import csv
import importlib.util
import random
import sys
from collections import Counter
from pathlib import Path

BUILD_HELDOUT = Path("/work/main/eval/personal-data/build_heldout.py")
ROUND_SIZE = 500
SOPHIE_BRANDS = ("AirAsiaSupport", "AskRBC", "McDonalds", "NikeSupport", "Walmart")
BRAND_POOLS = ("twcs-brands", "ba2019", "ryanair2019")
ROUNDS = [
    # (name, seed, pools). Each round after the first was added only because the labelled total
    # was still under 45 pdp=yes; the numbers are the labelled pdp=yes totals after each round.
    ("round1", 1701, ("twcs-divya",)),  # 6
    ("round2", 1702, ("twcs-divya",)),  # 14
    ("round3", 1703, ("twcs-divya",)),  # 18
    ("round4", 1704, ("twcs-divya",)),  # 25
    ("round5", 1705, ("twcs-divya",)),  # 30; what was left of twcs-divya (159 < 500)
    ("round6", 1706, BRAND_POOLS),      # 52 -> stop
]
SOURCES = ("twcs-divya",) + BRAND_POOLS


def load_build_heldout():
    spec = importlib.util.spec_from_file_location("build_heldout", BUILD_HELDOUT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def divya_pool(raw):
    out = []
    with open(raw / "divya-twcs_small.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["inbound"] == "False":
                tid = int(r["tweet_id"])
                out.append({"id": f"twcs:{tid}", "source": "twcs-divya", "author": r["author_id"],
                            "text": r["text"], "key": tid})
    return sorted(out, key=lambda r: r["key"])


def fix_mojibake(text):
    """The JSC270 files hold UTF-8 text that was once decoded as Windows-1252 ("itâ€™s"); undo
    that where the round trip works, else keep the text as it is."""
    if not any(ch in text for ch in "âÃðÂ"):
        return text
    raw = bytearray()
    for ch in text:
        try:
            raw += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) < 256:  # the five bytes cp1252 leaves undefined came through as U+0081 etc.
                raw.append(ord(ch))
            else:
                return text
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return text


def sophie_pool(raw, brands=SOPHIE_BRANDS, source="twcs-brands"):
    """Brand replies of the per-brand TWCS files (`sophie-<brand>.csv`), mojibake repaired, in tweet-id order."""
    out = []
    for brand in brands:
        with open(raw / f"sophie-{brand}.csv", newline="", encoding="utf-8-sig") as f:
            for r in csv.DictReader(f):
                if r["inbound"] in ("FALSE", "False"):
                    tid = int(r["tweet_id"])
                    out.append({"id": f"twcs:{tid}", "source": source, "author": r["author_id"],
                                "text": fix_mojibake(r["text"]), "key": tid})
    return sorted(out, key=lambda r: r["key"])


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--raw", default="/work/data/heldout-d/raw", type=Path)
    p.add_argument("--a-raw", default="/work/data/heldout/raw", type=Path)
    p.add_argument("--tuning", default="/work/shared/corpus/twcs-sample.csv", type=Path)
    p.add_argument("--a", default="/work/data/heldout/replies.csv", type=Path)
    p.add_argument("--b", default="/work/data/heldout-b/replies.csv", type=Path)
    p.add_argument("--c", default="/work/data/heldout-c/replies.csv", type=Path)
    p.add_argument("--out", default="/work/data/heldout-d/replies.csv", type=Path)
    p.add_argument("--rounds", type=int, default=len(ROUNDS))
    args = p.parse_args()

    bh = load_build_heldout()
    norm = bh.normalise
    tuning_ids, tuning_norms = bh.read_ids_and_norms(args.tuning, norm)
    abc_ids, abc_norms = bh.read_sets((args.a, args.b, args.c), norm)
    ab_dialog_ids = {r["id"] for r in bh.tweetsumm_pool(args.a_raw)}

    loaders = (
        ("twcs-divya", lambda: divya_pool(args.raw)),
        ("twcs-brands", lambda: sophie_pool(args.raw)),
        # twitteR exports, in status-id order
        ("ba2019", lambda: sorted(bh.twitter_export_rows(args.raw / "kwgserm-BritishAirways.csv", "British_Airways", "kwba",
                                                         "ba2019"), key=lambda r: r["key"])),
        ("ryanair2019", lambda: sorted(bh.twitter_export_rows(args.raw / "kwgserm-RyanAir.csv", "Ryanair", "kwfr",
                                                              "ryanair2019"), key=lambda r: r["key"])),
    )
    stats = Counter()
    pools = {s: [] for s in SOURCES}
    seen_ids, seen_norms = set(), set()
    for src, loader in loaders:
        for r in loader():
            stats[src, "1 replies in source"] += 1
            n = norm(r["text"])
            reason = bh.exclusion_reason(r, n, seen_ids, seen_norms, tuning_ids, tuning_norms, abc_ids, abc_norms,
                                         "A, B or C", ab_dialog_ids)
            if reason:
                stats[src, reason] += 1
                continue
            seen_norms.add(n)
            stats[src, "eligible"] += 1
            pools[src].append(r)

    drawn, rows = set(), []
    for name, seed, names in ROUNDS[: args.rounds]:
        rng = random.Random(seed)
        remaining = [r for s in names for r in pools[s] if r["id"] not in drawn]
        picked = rng.sample(remaining, min(ROUND_SIZE, len(remaining)))
        rng.shuffle(picked)
        for r in picked:
            drawn.add(r["id"])
            stats[r["source"], f"sampled {name}"] += 1
        rows += picked
        print(f"{name}: {len(picked)} rows, file rows {len(rows) - len(picked) + 1}-{len(rows)}", file=sys.stderr)

    bh.write_replies(args.out, rows)
    for (src, what), n in sorted(stats.items()):
        print(f"{src:12} {what:36} {n}", file=sys.stderr)
    print(f"wrote {len(rows)} rows to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
