#!/usr/bin/env python3
"""Turn the shared Twitter support corpus into a throwaway ReplyLint library, for trying rules on
real replies and for benchmarks. The corpus is licensed for non-commercial use only: the library
is written outside the repository and nothing from it is committed.

usage: scripts/corpus-library.py [CSV] [OUT_DIR] [--channel x-reply] [--copies N]
"""
import argparse
import csv
import os
import shutil

parser = argparse.ArgumentParser()
parser.add_argument("csv", nargs="?", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus", "twcs-sample.csv"))
parser.add_argument("out", nargs="?", default="/tmp/replylint-corpus")
parser.add_argument("--channel", default="x-reply")
parser.add_argument("--copies", type=int, default=1, help="repeat the corpus to make a bigger library")
args = parser.parse_args()

rows = [row for row in csv.DictReader(open(args.csv, encoding="utf-8")) if row["inbound"] == "False"]
shutil.rmtree(args.out, ignore_errors=True)
os.makedirs(os.path.join(args.out, "replies"))
os.makedirs(os.path.join(args.out, "policies"))
with open(os.path.join(args.out, "policies", "faq.md"), "w", encoding="utf-8") as faq:
    faq.write("---\nkind: faq\n---\n# FAQ\n\n## Support {#support}\nAsk us anything.\n")
count = 0
for copy in range(args.copies):
    folder = os.path.join(args.out, "replies", f"c{copy:03d}")
    os.makedirs(folder)
    for row in rows:
        # The corpus text is HTML-escaped as the API delivered it.
        text = row["text"].replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        # X adds the leading @mentions of a reply itself and does not count them: a saved reply has none.
        while text.startswith("@") and " " in text:
            text = text.split(" ", 1)[1].lstrip()
        with open(os.path.join(folder, f"{row['tweet_id']}.md"), "w", encoding="utf-8") as out:
            out.write(f"---\nfaq: support\nchannels: [{args.channel}]\n---\n{text}\n")
        count += 1
print(f"{count} replies in {args.out}")
