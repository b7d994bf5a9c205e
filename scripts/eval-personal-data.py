#!/usr/bin/env python3
"""Measure personal-data-public and personal-data-never against hand labels.

The texts are written as public X replies (leading @mentions stripped, HTML entities decoded, as
scripts/corpus-library.py does) into a throwaway library OUTSIDE the repository — the corpora are
non-commercial and must not be committed — and the built `replylint lint --format json` is run on
it. Prints TP/FP/FN/TN, precision and recall for each rule, and the id of every false report and
every miss.

usage: scripts/eval-personal-data.py TEXTS.csv LABELS.csv [--id-column tweet_id|id] [--text-column text]
                                     [--binary PATH] [--library DIR] [--show]

LABELS.csv is `id,pdp,never,…` (eval/personal-data/*-labels.csv); rows are joined on the id.
A texts file with an `inbound` column (the TWCS sample) is read for its outbound rows only.

examples:
  swift build && scripts/eval-personal-data.py ../shared/corpus/twcs-sample.csv eval/personal-data/tuning-labels.csv
  scripts/eval-personal-data.py /work/data/heldout/replies.csv eval/personal-data/heldout-labels.csv
"""
import argparse
import csv
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = {"personal-data-public": "pdp", "personal-data-never": "never"}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("texts", help="CSV of replies (an id column and a text column)")
    parser.add_argument("labels", help="CSV of labels: id,pdp,never,…")
    parser.add_argument("--id-column", help="the texts' id column (default: tweet_id if present, else id)")
    parser.add_argument("--text-column", default="text")
    parser.add_argument("--binary", default=os.path.join(HERE, "..", ".build", "debug", "replylint"),
                        help="the replylint to run (default: this checkout's debug build)")
    parser.add_argument("--library", help="where to write the throwaway library (default: a fresh temporary directory, removed afterwards)")
    parser.add_argument("--channel", default="x-reply")
    parser.add_argument("--show", action="store_true", help="also print the text of each false report and miss (for reading; never commit it)")
    return parser.parse_args()


def reply_text(raw):
    text = html.unescape(raw)
    # X adds a reply's leading @mentions itself and does not count them: a saved reply has none.
    while text.startswith("@") and " " in text:
        text = text.split(" ", 1)[1].lstrip()
    return text


def main():
    args = parse_args()
    with open(args.texts, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = reader.fieldnames or []
        id_column = args.id_column or ("tweet_id" if "tweet_id" in columns else "id")
        for column in (id_column, args.text_column):
            if column not in columns:
                sys.exit(f"{args.texts}: no column '{column}' (columns: {', '.join(columns)}); use --id-column / --text-column")
        rows = [row for row in reader if row.get("inbound", "False") == "False"]
    sources = {row[id_column]: row["source"] for row in rows} if "source" in columns else {}
    with open(args.labels, encoding="utf-8", newline="") as handle:
        labels = {row["id"]: row for row in csv.DictReader(handle)}
    texts = {row[id_column]: reply_text(row[args.text_column]) for row in rows}
    missing = [key for key in texts if key not in labels]
    if missing:
        sys.exit(f"{args.labels}: no label for {len(missing)} ids of {args.texts}, e.g. {missing[0]}")
    unlabelled = [key for key in labels if key not in texts]
    if unlabelled:
        print(f"note: {len(unlabelled)} labelled ids are not in {args.texts}; they are left out", file=sys.stderr)
    if not os.path.exists(args.binary):
        sys.exit(f"{args.binary}: not built; run `swift build` first or pass --binary")

    library = args.library or tempfile.mkdtemp(prefix="replylint-eval-")
    try:
        shutil.rmtree(library, ignore_errors=True)
        os.makedirs(os.path.join(library, "replies"))
        os.makedirs(os.path.join(library, "policies"))
        with open(os.path.join(library, "policies", "faq.md"), "w", encoding="utf-8") as faq:
            faq.write("---\nkind: faq\n---\n# FAQ\n\n## Support {#support}\nAsk us anything.\n")
        by_reply = {}
        for number, (key, text) in enumerate(texts.items()):
            name = f"r{number:05d}"
            by_reply[name] = key
            with open(os.path.join(library, "replies", name + ".md"), "w", encoding="utf-8") as out:
                out.write(f"---\nfaq: support\nchannels: [{args.channel}]\n---\n{text}\n")
        run = subprocess.run([os.path.abspath(args.binary), "lint", "--format", "json"], cwd=library,
                             capture_output=True, text=True)
        if run.returncode not in (0, 1):
            sys.exit(f"replylint lint exited {run.returncode}: {run.stderr.strip()[:500]}")
        report = json.loads(run.stdout)
    finally:
        if not args.library:
            shutil.rmtree(library, ignore_errors=True)

    flagged = {rule: set() for rule in RULES}
    for diagnostic in report["diagnostics"]:
        if diagnostic["rule"] in RULES and diagnostic.get("reply") in by_reply:
            flagged[diagnostic["rule"]].add(by_reply[diagnostic["reply"]])

    print(f"{len(texts)} replies from {args.texts}, labels {args.labels}")
    for rule, column in RULES.items():
        truth = {key for key in texts if labels[key][column].strip().lower() == "yes"}
        found = flagged[rule]
        tp, fp, fn = len(found & truth), len(found - truth), len(truth - found)
        tn = len(texts) - tp - fp - fn
        precision = tp / (tp + fp) if tp + fp else float("nan")
        recall = tp / (tp + fn) if tp + fn else float("nan")
        print(f"\n{rule}: TP {tp}  FP {fp}  FN {fn}  TN {tn}  precision {precision:.3f}  recall {recall:.3f}")
        # A texts file with a `source` column (the held-out sets) gets a line per source too.
        for source in sorted(set(sources.values())):
            keys = {key for key in texts if sources.get(key) == source}
            stp, sfp, sfn = len(found & truth & keys), len((found - truth) & keys), len((truth - found) & keys)
            sp = f"{stp / (stp + sfp):.3f}" if stp + sfp else "n/a"
            sr = f"{stp / (stp + sfn):.3f}" if stp + sfn else "n/a"
            print(f"  {source}: TP {stp}  FP {sfp}  FN {sfn}  TN {len(keys) - stp - sfp - sfn}  precision {sp}  recall {sr}")
        for kind, ids in (("false reports", found - truth), ("misses", truth - found)):
            ordered = [key for key in texts if key in ids]
            print(f"  {kind} ({len(ordered)}): {' '.join(ordered) if ordered else '-'}")
            if args.show:
                for key in ordered:
                    note = labels[key].get("note", "")
                    print(f"    {key} [{labels[key].get('items', '')}] {note}\n      {texts[key]!r}")


if __name__ == "__main__":
    main()
