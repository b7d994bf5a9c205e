#!/usr/bin/env python3
"""Rebuild the final test set C (replies.csv) from local raw copies of its sources.

Set C is a fresh sample of real public brand/agency replies that is in none of: the tuning corpus
(twcs-sample.csv), held-out set A, held-out set B. Downloads nothing. It reads the raw copies listed
in HELDOUT-C.md from RAW_DIR, and reuses build_heldout.py (same directory) for the text
normalisation, the empty/URL-only test and for reading set A/B's TweetSumm source (to drop every
TweetSumm dialog turn that A and B drew from):

    python3 eval/personal-data/build_heldout_c.py \
        --raw /work/data/heldout-c/raw \
        --a-raw /work/data/heldout/raw \
        --tuning ../shared/corpus/twcs-sample.csv \
        --a /work/data/heldout/replies.csv \
        --b /work/data/heldout-b/replies.csv \
        --out /work/data/heldout-c/replies.csv

Sources (ids in brackets):
  twcs-tweetsumm  TWCS agent tweets quoted in TweetSumm's extractive summaries (all splits), texts
                  from GitHub jseo0917/NLP_GROUP_PROJECT Results_csv/twcs_{train,val,test}.csv,
                  tweet ids from the TweetSumm jsonl files  [twcs:<TWCS tweet_id>]
  twcs-ericsson   TWCS outbound tweets of AmazonHelp/AppleSupport/SpotifyCares, GitHub
                  kechtel/ericsson data/{labeled,preprocessed}/*.xlsx  [twcs:<TWCS tweet_id>]
  twcs-kaggle     TWCS's own sample.csv (copy in GitHub Yosingh1/Machine_Learning)  [twcs:<id>]
  delta2015       Delta customer-care tweets, Oct 2015, GitHub kwartler/text_mining oct_delta.csv
                  [kwdelta:<data row number, 1-based>]
  amazon2016      AmazonHelp tweets, July 2016, GitHub kwartler/text_mining amzn_cs.csv
                  [kwamzn:<Twitter status id>]
  nyc2016         Replies (tweets starting with "@") of 8 New York City agency accounts, Dec 2016,
                  GitHub lanimc/NYCAgencyTwitterData *.xlsx  [nyc:<account>:<data row, 1-based>]

Exclusions (each counted; see HELDOUT-C.md): duplicate id; empty or only a URL after the leading
@mentions; TWCS tweet id in twcs-sample.csv; id in set A or B; TWCS tweet that is a turn of a
TweetSumm dialog in set A/B's source (issam-twitter.json); normalised text (build_heldout.normalise:
entities decoded, @mentions and URLs dropped, lower-cased, punctuation/whitespace folded) equal to a
tuning-corpus row, a set-A or set-B reply, or an earlier reply of the pool (pool order: the TWCS
sources, then delta2015, amazon2016, nyc2016, each in id order).

Sampling (ROUNDS below): round 1, seed 1620: every eligible TWCS reply if there are at most
TWCS_CAP of them (else a random TWCS_CAP), and the rest of the 2,500 split equally between
delta2015, amazon2016 and nyc2016 (random.Random(seed).sample over each pool in id order; the
remainder of the division goes to nyc2016). Rows of a round are then shuffled with the same seed.
Later rounds draw only from what earlier rounds left: rounds 2, 3 and 4 (seeds 1621, 1622, 1623)
are each a simple random sample of 1,000 from the union of what was left of delta2015, amazon2016
and nyc2016. Each was added because the labelled total was still under 40 pdp=yes (21, 28, 35); the
TWCS pools were used up by round 1. Rows are written round by round; `--rounds 1` gives round 1 only
(2,500 rows).
"""

import argparse
import csv
import importlib.util
import json
import random
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from pathlib import Path

TOTAL_ROUND1 = 2500
OTHER_SOURCES = ("delta2015", "amazon2016", "nyc2016")
TWCS_CAP = 1300
ROUNDS = [
    # (name, seed, spec); spec "round1" = the stratified first draw described above;
    # later rounds: (pools, size) = a simple random sample of `size` from the union of what
    # earlier rounds left in those pools (in pool order, each pool in id order)
    ("round1", 1620, "round1"),
    # added because round 1 gave 21 pdp=yes (< 40); the TWCS pools were used up by round 1
    ("round2", 1621, (OTHER_SOURCES, 1000)),
    # added because rounds 1-2 gave 28 pdp=yes (< 40)
    ("round3", 1622, (OTHER_SOURCES, 1000)),
    # added because rounds 1-3 gave 35 pdp=yes (< 40)
    ("round4", 1623, (OTHER_SOURCES, 1000)),
]
NYC_ACCOUNTS = {  # file name prefix -> account
    "FDNY": "FDNY", "NYCHA": "NYCHA", "NYCMayorsOffice": "NYCMayorsOffice", "NYCParks": "NYCParks",
    "NYPDnews": "NYPDnews", "nyc311": "nyc311", "nycgov": "nycgov", "nycoem": "nycoem",
}
XLSX_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def load_build_heldout():
    path = Path(__file__).resolve().parent / "build_heldout.py"
    spec = importlib.util.spec_from_file_location("build_heldout", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_xlsx(path):
    """First sheet of an .xlsx file as a list of {header: value} dicts (stdlib only)."""
    z = zipfile.ZipFile(path)
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        root = ET.fromstring(z.read("xl/sharedStrings.xml"))
        for si in root.findall(XLSX_NS + "si"):
            shared.append("".join(t.text or "" for t in si.iter(XLSX_NS + "t")))
    sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    grid = []
    for row in sheet.iter(XLSX_NS + "row"):
        cells = {}
        for c in row.findall(XLSX_NS + "c"):
            col = re.match(r"[A-Z]+", c.get("r")).group()
            kind, v = c.get("t"), c.find(XLSX_NS + "v")
            if kind == "s":
                cells[col] = shared[int(v.text)]
            elif kind == "inlineStr":
                cells[col] = "".join(t.text or "" for t in c.iter(XLSX_NS + "t"))
            else:
                cells[col] = v.text if v is not None else ""
        grid.append(cells)
    header = grid[0]
    return [{header[k]: v for k, v in cells.items() if k in header} for cells in grid[1:]]


def tweetsumm_pool(raw):
    """Agent tweets quoted in TweetSumm's extractive summaries, with their TWCS tweet ids.

    jseo0917's twcs_<split>.csv has one row per TweetSumm annotation whose extractive and
    abstractive parts are both present, in file order; its `dialog` is, for each extractive
    (tweet_id, sentence) item in order, "<author_id>: <full TWCS text>\\n". So the n-th
    "<author>: " line of row k is the n-th extractive tweet id of the k-th such annotation."""
    out = []
    for split, name in (("train", "train"), ("valid", "val"), ("test", "test")):
        annotations = []
        with open(raw / f"jseo-final_{split}_tweetsum.jsonl", encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                for a in d["annotations"]:
                    if a["extractive"] is not None and a["abstractive"] is not None:
                        annotations.append((d["conversation_id"], [e["tweet_id"] for e in a["extractive"]]))
        with open(raw / f"jseo-twcs_{name}.csv", newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        if len(rows) != len(annotations):
            sys.exit(f"build_heldout_c: jseo-twcs_{name}.csv has {len(rows)} rows, expected {len(annotations)}")
        for (cid, ids), row in zip(annotations, rows):
            parts = [p for p in re.split(r"(?:^|\n)(?=[A-Za-z0-9_]+: )", row["dialog"]) if p.strip()]
            if len(parts) != len(ids):
                sys.exit(f"build_heldout_c: dialog {cid} ({split}) splits into {len(parts)} tweets, expected {len(ids)}")
            for tid, part in zip(ids, parts):
                author, text = part.split(": ", 1)
                text = text[:-1] if text.endswith("\n") else text
                if author.isdigit():
                    continue  # customer
                out.append({"id": f"twcs:{tid}", "source": "twcs-tweetsumm", "author": author,
                            "text": text, "tweet_id": tid})
    return out


def ericsson_pool(raw):
    out = []
    for path in sorted(raw.glob("ericsson-*.xlsx")):
        for r in read_xlsx(path):
            if r.get("inbound") in ("0", "False", "FALSE"):
                tid = int(float(r["tweet_id"]))
                out.append({"id": f"twcs:{tid}", "source": "twcs-ericsson", "author": r["author_id"],
                            "text": r["text"], "tweet_id": tid})
    return out


def kaggle_sample_pool(raw):
    out = []
    with open(raw / "kaggle-sample.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["inbound"] == "False":
                tid = int(r["tweet_id"])
                out.append({"id": f"twcs:{tid}", "source": "twcs-kaggle", "author": r["author_id"],
                            "text": r["text"], "tweet_id": tid})
    return out


def delta_pool(raw):
    with open(raw / "kwartler-oct_delta.csv", newline="", encoding="utf-8") as f:
        return [{"id": f"kwdelta:{n}", "source": "delta2015", "author": "Delta", "text": r["text"]}
                for n, r in enumerate(csv.DictReader(f), 1)]


def amazon2016_pool(raw):
    # this file is Windows-1252 (21 non-ASCII bytes, all \x92 or \xb4), not UTF-8
    with open(raw / "kwartler-amzn_cs.csv", newline="", encoding="cp1252") as f:
        return [{"id": f"kwamzn:{r['id']}", "source": "amazon2016", "author": r["screenName"], "text": r["text"]}
                for r in csv.DictReader(f) if r["isRetweet"] != "TRUE"]


def nyc_pool(raw):
    out = []
    for path in sorted(raw.glob("nyc-*-tweets-*.xlsx")):
        account = NYC_ACCOUNTS[path.name[len("nyc-"):].split("-tweets-")[0]]
        for n, r in enumerate(read_xlsx(path), 1):
            text = r.get("text", "")
            if text.startswith("@"):  # a reply; ".@x" (public mention) and "RT @x" are not
                out.append({"id": f"nyc:{account}:{n}", "source": "nyc2016", "author": account, "text": text})
    return out


def twcs_pool(raw):
    """The three TWCS copies merged by tweet id; the first copy wins, in the order kaggle (original
    file), tweetsumm (full text from twcs.csv), ericsson (newlines turned into spaces)."""
    merged, seen = [], set()
    for loader in (kaggle_sample_pool, tweetsumm_pool, ericsson_pool):
        for r in loader(raw):
            if r["id"] not in seen:
                seen.add(r["id"])
                merged.append(r)
    return merged


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--raw", default="/work/data/heldout-c/raw", type=Path)
    p.add_argument("--a-raw", default="/work/data/heldout/raw", type=Path,
                   help="set A/B raw copies (issam-twitter.json, TweetSumm jsonl) to drop their dialogs")
    p.add_argument("--tuning", default="../shared/corpus/twcs-sample.csv", type=Path)
    p.add_argument("--a", default="/work/data/heldout/replies.csv", type=Path)
    p.add_argument("--b", default="/work/data/heldout-b/replies.csv", type=Path)
    p.add_argument("--out", default="/work/data/heldout-c/replies.csv", type=Path)
    p.add_argument("--rounds", type=int, default=len(ROUNDS))
    args = p.parse_args()

    bh = load_build_heldout()
    norm = bh.normalise
    tuning_ids, tuning_norms = bh.read_ids_and_norms(args.tuning, norm)  # all rows, in- and outbound
    a_ids, a_norms = bh.read_ids_and_norms(args.a, norm)
    b_ids, b_norms = bh.read_ids_and_norms(args.b, norm)
    ab_dialog_ids = {r["id"] for r in bh.tweetsumm_pool(args.a_raw)}  # every agent turn A/B drew from

    stats = Counter()
    pools = {s: [] for s in ("twcs",) + OTHER_SOURCES}
    seen_ids, seen_norms = set(), set()
    for key, loader in (("twcs", twcs_pool), ("delta2015", delta_pool),
                        ("amazon2016", amazon2016_pool), ("nyc2016", nyc_pool)):
        rows = loader(args.raw)
        for r in sorted(rows, key=lambda r: (r.get("tweet_id", 0), r["id"])):
            src = r["source"]
            stats[src, "1 replies in source"] += 1
            n = norm(r["text"])
            reason = None
            if r["id"] in seen_ids:
                reason = "2 duplicate id"
            elif bh.is_empty_or_url_only(r["text"]):
                reason = "3 empty or only a URL"
            elif r["id"] in tuning_ids:
                reason = "4 id in tuning corpus"
            elif r["id"] in a_ids or r["id"] in b_ids:
                reason = "5 id in set A or B"
            elif r["id"] in ab_dialog_ids:
                reason = "6 turn of a dialog A/B drew from"
            elif n in tuning_norms:
                reason = "7 text in tuning corpus"
            elif n in a_norms or n in b_norms:
                reason = "8 text in set A or B"
            elif n in seen_norms:
                reason = "9 text repeats an earlier reply"
            seen_ids.add(r["id"])
            if reason:
                stats[src, reason] += 1
                continue
            seen_norms.add(n)
            stats[src, "eligible"] += 1
            pools[key].append(r)

    drawn, rows = set(), []
    for name, seed, spec in ROUNDS[: args.rounds]:
        rng = random.Random(seed)
        picked = []
        if spec == "round1":
            twcs = pools["twcs"]
            n_twcs = min(len(twcs), TWCS_CAP)
            picked += twcs if n_twcs == len(twcs) else rng.sample(twcs, n_twcs)
            rest = TOTAL_ROUND1 - n_twcs
            quota = {s: rest // len(OTHER_SOURCES) for s in OTHER_SOURCES}
            quota["nyc2016"] += rest - sum(quota.values())
            for s in OTHER_SOURCES:
                picked += rng.sample(pools[s], quota[s])
        else:
            names, size = spec
            remaining = [r for s in names for r in pools[s] if r["id"] not in drawn]
            picked += rng.sample(remaining, size)
        rng.shuffle(picked)
        for r in picked:
            drawn.add(r["id"])
            stats[r["source"], f"sampled {name}"] += 1
        rows += picked

    bh.write_replies(args.out, rows)
    for (src, what), n in sorted(stats.items()):
        print(f"{src:15} {what:36} {n}", file=sys.stderr)
    print(f"wrote {len(rows)} rows to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
