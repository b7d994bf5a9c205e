#!/usr/bin/env python3
"""Rebuild the held-out reply sample (replies.csv) from local copies of its sources.

Downloads nothing. Reads the raw copies listed in HELDOUT.md from RAW_DIR and the tuning
corpus (to exclude overlap), and writes id,source,author,text as RFC-4180 CSV.

    python3 eval/personal-data/build_heldout.py \
        --raw /work/data/heldout/raw \
        --tuning ../shared/corpus/twcs-sample.csv \
        --out /work/data/heldout/replies.csv

Sampling (see HELDOUT.md):
  round 1: seed 16, simple random sample without replacement of 700 TweetSumm agent replies
           and 500 IBM CDP agent replies from the eligible pools.
  round 2: seed 1602, a further random sample of 600 TweetSumm agent replies from what was
           not drawn before (added because round 1 gave 25 pdp=yes, fewer than 40).
  round 3: seed 1603, a further random sample of 700 TweetSumm agent replies from what was
           not drawn before (added because rounds 1-2 gave 32 pdp=yes, fewer than 40).
Rows are written in draw order: round 1 (TweetSumm, then IBM CDP), then round 2, then round 3.
"""

import argparse
import csv
import html
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROUNDS = [
    # (round name, seed, {source: sample size})
    ("round1", 16, {"tweetsumm": 700, "ibmcdp": 500}),
    ("round2", 1602, {"tweetsumm": 600}),
    ("round3", 1603, {"tweetsumm": 700}),
]

TUNING_MAX_TWEET_ID = 7630  # twcs-sample.csv holds TWCS rows with tweet_id 1..7630

LEADING_MENTIONS = re.compile(r"^(?:\s*[.]?@\w+[:,]?\s*)+")
URL = re.compile(r"https?://\S+")


def normalise(text):
    """Text as compared for overlap: entities decoded, leading @mentions and URLs dropped,
    case and whitespace and punctuation folded."""
    t = html.unescape(text)
    t = LEADING_MENTIONS.sub("", t)
    t = URL.sub(" ", t)
    t = re.sub(r"@\w+", " ", t)
    t = t.lower()
    t = re.sub(r"[^\w]+", " ", t)
    return t.strip()


def is_empty_or_url_only(text):
    t = html.unescape(text)
    t = LEADING_MENTIONS.sub("", t)
    t = URL.sub("", t)
    return not re.search(r"\w", t)


def load_tuning(path):
    norms = set()
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["inbound"] == "False":
                norms.add(normalise(row["text"]))
    return norms


def tweetsumm_pool(raw):
    """Agent turns of the TweetSumm dialogs whose text is in issam-twitter.json.

    Each dialog's turns are in the order of its TweetSumm entry, one turn per tweet, so the
    n-th turn is the n-th tweet id of the entry (checked: counts agree for every dialog)."""
    entries = {}
    for split in ("train", "valid", "test"):
        with open(raw / f"tweetsumm-final_{split}_tweetsum.jsonl", encoding="utf-8") as f:
            for line in f:
                e = json.loads(line)
                entries[e["conversation_id"]] = [t["tweet_id"] for t in e["tweet_ids_sentence_offset"]]
    docs = json.loads((raw / "issam-twitter.json").read_text(encoding="utf-8"))["document"]
    pool = []
    for doc in docs:
        cid, rest = doc.split("\n", 1)
        parts = re.split(r"(?:^|\n)\t(Customer|Agent):\t", rest)
        turns = list(zip(parts[1::2], parts[2::2]))
        ids = entries[cid]
        if len(turns) != len(ids):
            sys.exit(f"build_heldout: dialog {cid} has {len(turns)} turns but {len(ids)} tweet ids in TweetSumm")
        # the brand is the handle the customer turns address most often (not an anonymised number)
        handles = Counter(h for role, text in turns if role == "Customer"
                          for h in re.findall(r"@([A-Za-z_]\w*)", text))
        brand = handles.most_common(1)[0][0] if handles else ""
        for (role, text), tid in zip(turns, ids):
            if role == "Agent":
                pool.append({"id": f"twcs:{tid}", "source": "tweetsumm", "author": brand,
                             "text": text.rstrip("\n"), "tweet_id": tid})
    return pool


def ibmcdp_pool(raw):
    pool = []
    for split in ("dev", "test"):
        convs = json.loads((raw / f"ibm-cdp-{split}.json").read_text(encoding="utf-8"))
        for c in convs:
            company = c["dialogHeader"]["company"]
            for t in c["dialogContent"]:
                if "agent" in t:
                    pool.append({"id": f"ibmcdp:{t['tweet_ID']}", "source": "ibmcdp",
                                 "author": t["agent"], "text": t["message"]})
            a = c["agentURL"]
            pool.append({"id": f"ibmcdp:{a['tweet_ID']}", "source": "ibmcdp",
                         "author": company, "text": a["url_utterance"]})
    return pool


def eligible(pool, tuning_norms, stats):
    """Drop what may not be sampled; keep one reply per normalised text within a source."""
    seen_ids, seen_norms, out = set(), set(), []
    for r in pool:
        key = r["source"]
        if r["id"] in seen_ids:
            stats[key, "duplicate id"] += 1
            continue
        seen_ids.add(r["id"])
        if r.get("tweet_id") is not None and r["tweet_id"] <= TUNING_MAX_TWEET_ID:
            stats[key, "tweet id in tuning range"] += 1
            continue
        if is_empty_or_url_only(r["text"]):
            stats[key, "empty or only a URL"] += 1
            continue
        n = normalise(r["text"])
        if n in tuning_norms:
            stats[key, "text also in twcs-sample.csv"] += 1
            continue
        if n in seen_norms:
            stats[key, "same text as an earlier reply"] += 1
            continue
        seen_norms.add(n)
        out.append(r)
    return out


def read_ids_and_norms(path, normalise=normalise):
    """The ids and normalised texts of a set's texts file (`id` or TWCS's `tweet_id`), for the later sets'
    exclusions."""
    ids, norms = set(), set()
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            ids.add(r["id"] if "id" in r else f"twcs:{r['tweet_id']}")
            norms.add(normalise(r["text"]))
    return ids, norms


def read_sets(paths, normalise=normalise):
    """The ids and normalised texts of several sets' texts files, together (`read_ids_and_norms` of each)."""
    ids, norms = set(), set()
    for path in paths:
        i, n = read_ids_and_norms(path, normalise)
        ids |= i
        norms |= n
    return ids, norms


def twitter_export_rows(path, brand, prefix, source):
    """The brand's replies in a twitteR export (screenName the brand, not a retweet, text opening with '@'), in
    file order: id `<prefix>:<status id>`, `key` the status id, `truncated` Twitter's flag."""
    out = []
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["screenName"] == brand and r["isRetweet"] == "FALSE" and r["text"].startswith("@"):
                out.append({"id": f"{prefix}:{r['id']}", "source": source, "author": brand,
                            "text": r["text"], "key": int(r["id"]), "truncated": r["truncated"] == "TRUE"})
    return out


def exclusion_reason(r, n, seen_ids, seen_norms, tuning_ids, tuning_norms, prev_ids, prev_norms, prev_sets,
                     dialog_ids):
    """Why reply `r` (normalised text `n`) is left out of a pool, or None; the order and labels of sets D and F.

    `prev_sets` names the earlier sets in the labels ("A, B or C", "A-E"). Records `r`'s id as seen; the caller
    records `n` when the reply is kept."""
    reason = None
    if r["id"] in seen_ids:
        reason = "2 duplicate id"
    elif is_empty_or_url_only(r["text"]):
        reason = "3 empty or only a URL"
    elif r["id"] in tuning_ids:
        reason = "4 id in tuning corpus"
    elif r["id"] in prev_ids:
        reason = f"5 id in set {prev_sets}"
    elif r["id"] in dialog_ids:
        reason = "6 turn of a dialog A/B drew from"
    elif r.get("truncated"):
        reason = "7 truncated by the export"
    elif n in tuning_norms:
        reason = "8 text in tuning corpus"
    elif n in prev_norms:
        reason = f"9 text in set {prev_sets}"
    elif n in seen_norms:
        reason = "9z text repeats an earlier reply"
    seen_ids.add(r["id"])
    return reason


def write_replies(path, rows):
    """A set's texts file: id,source,author,text, one row per reply, in the order drawn."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "source", "author", "text"])
        for r in rows:
            w.writerow([r["id"], r["source"], r["author"], r["text"]])


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--raw", default="/work/data/heldout/raw", type=Path)
    p.add_argument("--tuning", default="../shared/corpus/twcs-sample.csv", type=Path)
    p.add_argument("--out", default="/work/data/heldout/replies.csv", type=Path)
    p.add_argument("--rounds", type=int, default=len(ROUNDS), help="how many sampling rounds to include")
    args = p.parse_args()

    tuning_norms = load_tuning(args.tuning)
    stats = Counter()
    pools = {}
    for src, loader in (("tweetsumm", tweetsumm_pool), ("ibmcdp", ibmcdp_pool)):
        raw_pool = loader(args.raw)
        stats[src, "agent replies in source"] = len(raw_pool)
        pools[src] = sorted(eligible(raw_pool, tuning_norms, stats), key=lambda r: r["id"])
        stats[src, "eligible"] = len(pools[src])

    drawn, rows = set(), []
    for name, seed, sizes in ROUNDS[: args.rounds]:
        rng = random.Random(seed)
        for src in ("tweetsumm", "ibmcdp"):
            if src not in sizes:
                continue
            remaining = [r for r in pools[src] if r["id"] not in drawn]
            pick = rng.sample(remaining, sizes[src])
            for r in pick:
                drawn.add(r["id"])
                rows.append(r)
            stats[src, f"sampled {name}"] = len(pick)

    write_replies(args.out, rows)
    for (src, what), n in sorted(stats.items()):
        print(f"{src:10} {what:32} {n}", file=sys.stderr)
    print(f"wrote {len(rows)} rows to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
