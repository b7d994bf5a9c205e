#!/usr/bin/env python3
"""Measure the Spanish language rules against hand labels (issue 19).

Two sets:

  labelled  Tests/ReplyLintTests/Fixtures/spanish-labelled.yml: 337 cases written and labelled before
            any Spanish rule existed, split into `tuning` (225) and `heldout` (112). Choose the split
            with --split; the held-out split is for measuring once, at the end.
  corpus    the 24 Spanish replies of the TWCS sample, judged in eval/spanish/corpus-judgements.csv
            (ids only: the texts are read from the sample, which is non-commercial and never copied
            into the repository).

Each case becomes a reply (its channel, `locale` as labelled; corpus replies are public X replies in
`es`) in a throwaway library OUTSIDE the repository, the built `replylint lint --format json` runs on
it, and for each of the eleven labelled rules the script prints TP/FP/FN/TN, precision and recall,
then the cases where the rules and the labels disagree: with their text for the tuning split and the
corpus (for reading; never commit corpus text), by number only for the held-out split.

usage: scripts/eval-spanish.py labelled [--split tuning|heldout|all] [--binary PATH] [--quiet]
       scripts/eval-spanish.py corpus [--corpus ../shared/corpus/twcs-sample.csv] [--binary PATH]

examples:
  swift build --product replylint && scripts/eval-spanish.py labelled --split tuning
  scripts/eval-spanish.py corpus --corpus /work/shared/corpus/twcs-sample.csv
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

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
RULES = [
    "personal-data-public", "personal-data-never", "personal-data-literal", "dm-link-missing",
    "tone-shouting", "tone-exclamation", "tone-blame", "tone-cliche", "tone-impersonal",
    "tone-signoff", "fill-in-marker",
]
CONFIG = """accounts:
  x: "1490000000000000000"
  facebook: example
  instagram: example
  whatsapp: "15555550123"
"""
FAQ = """---
kind: faq
---
# FAQ

## Missed collection {#missed-collection}
Tell us by noon.
"""


def reply_text(raw):
    text = html.unescape(raw)
    # X adds a reply's leading @mentions itself and does not count them: a saved reply has none.
    while text.startswith("@") and " " in text:
        text = text.split(" ", 1)[1].lstrip()
    return text


def lint(cases, binary):
    """cases: [(key, text, channel, locale)] → {key: set of rule ids among RULES}."""
    library = tempfile.mkdtemp(prefix="replylint-es-eval-")
    try:
        os.makedirs(os.path.join(library, "replies"))
        os.makedirs(os.path.join(library, "policies"))
        with open(os.path.join(library, "replylint.yml"), "w", encoding="utf-8") as handle:
            handle.write(CONFIG)
        with open(os.path.join(library, "policies", "faq.md"), "w", encoding="utf-8") as handle:
            handle.write(FAQ)
        files = {}
        for key, text, channel, locale in cases:
            name = f"case-{key}.md"
            files[f"replies/{name}"] = key
            # A block scalar keeps the text exactly; the body is the text after the front matter.
            with open(os.path.join(library, "replies", name), "w", encoding="utf-8") as handle:
                handle.write(f"---\nfaq: missed-collection\nchannels: [{channel}]\nlocale: {locale}\n---\n{text}\n")
        run = subprocess.run([binary, "lint", "--format", "json"], cwd=library, capture_output=True, text=True)
        if run.returncode not in (0, 1):
            sys.exit(f"replylint lint failed ({run.returncode}): {run.stderr.strip()}")
        report = json.loads(run.stdout)
        fired = {key: set() for key in files.values()}
        for diagnostic in report["diagnostics"]:
            key = files.get(diagnostic["file"])
            if key is not None and diagnostic["rule"] in RULES:
                fired[key].add(diagnostic["rule"])
        return fired
    finally:
        shutil.rmtree(library, ignore_errors=True)


def report(title, cases, expected, fired, show_text, listing=True):
    print(title)
    print()
    print(f"{'rule':24} {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>4}  precision  recall")
    totals = [0, 0, 0, 0]
    for rule in RULES:
        tp = sum(1 for key in expected if rule in expected[key] and rule in fired[key])
        fp = sum(1 for key in expected if rule not in expected[key] and rule in fired[key])
        fn = sum(1 for key in expected if rule in expected[key] and rule not in fired[key])
        tn = len(expected) - tp - fp - fn
        for index, value in enumerate((tp, fp, fn, tn)):
            totals[index] += value
        precision = f"{tp / (tp + fp):.3f}" if tp + fp else "  -  "
        recall = f"{tp / (tp + fn):.3f}" if tp + fn else "  -  "
        print(f"{rule:24} {tp:>4} {fp:>4} {fn:>4} {tn:>4}  {precision:>9}  {recall:>6}")
    tp, fp, fn, _ = totals
    print(f"{'all eleven':24} {tp:>4} {fp:>4} {fn:>4} {totals[3]:>4}  {tp / max(1, tp + fp):9.3f}  {tp / max(1, tp + fn):6.3f}")
    exact = sum(1 for key in expected if expected[key] == fired[key])
    print(f"\ncases where the rules fire exactly as labelled: {exact} of {len(expected)}")
    disagreements = [key for key in expected if expected[key] != fired[key]]
    if disagreements and listing:
        print(f"\ndisagreements ({len(disagreements)}):")
        texts = {key: (text, channel) for key, text, channel, _ in cases}
        for key in disagreements:
            extra = sorted(fired[key] - expected[key])
            missing = sorted(expected[key] - fired[key])
            line = f"  {key}: " + ", ".join([f"+{rule}" for rule in extra] + [f"-{rule}" for rule in missing])
            if show_text:
                line += f"  [{texts[key][1]}] {texts[key][0]}"
            print(line)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("set", choices=["labelled", "corpus"])
    parser.add_argument("--split", choices=["tuning", "heldout", "all"], default="tuning")
    parser.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus", "twcs-sample.csv"))
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "replylint"))
    parser.add_argument("--quiet", action="store_true", help="figures only, no list of disagreements")
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        sys.exit(f"{args.binary}: not built; run `swift build --product replylint` first or pass --binary")

    if args.set == "labelled":
        with open(os.path.join(ROOT, "Tests", "ReplyLintTests", "Fixtures", "spanish-labelled.yml"), encoding="utf-8") as handle:
            labelled = yaml.safe_load(handle)
        # Cases are numbered by their place in the file (1-based), the same in every split.
        chosen = [(number, case) for number, case in enumerate(labelled, 1) if args.split == "all" or case["split"] == args.split]
        cases = [(number, case["text"], case["channel"], case["locale"]) for number, case in chosen]
        expected = {number: set(case["expect"]) for number, case in chosen}
        fired = lint(cases, args.binary)
        title = f"{len(cases)} labelled Spanish cases, split {args.split}"
        # Held-out texts are not printed: the split is measured, never read.
        show = args.split == "tuning" and not args.quiet
    else:
        with open(os.path.join(ROOT, "eval", "spanish", "corpus-judgements.csv"), encoding="utf-8", newline="") as handle:
            judged = {row["id"]: set(filter(None, row["expect"].split(";"))) for row in csv.DictReader(handle)}
        if not os.path.exists(args.corpus):
            sys.exit(f"{args.corpus}: not found; pass --corpus with the TWCS sample")
        with open(args.corpus, encoding="utf-8", newline="") as handle:
            texts = {row["tweet_id"]: reply_text(row["text"]) for row in csv.DictReader(handle) if row["tweet_id"] in judged}
        missing = sorted(set(judged) - set(texts))
        if missing:
            sys.exit(f"{args.corpus}: no reply with id {missing[0]} (and {len(missing) - 1} more)")
        cases = [(key, texts[key], "x-reply", "es") for key in sorted(judged, key=int)]
        expected = {key: judged[key] for key in judged}
        fired = lint(cases, args.binary)
        title = f"{len(cases)} Spanish replies of {args.corpus}, judged in eval/spanish/corpus-judgements.csv"
        show = not args.quiet
    report(title, cases, expected, fired, show, listing=not args.quiet)


if __name__ == "__main__":
    main()
