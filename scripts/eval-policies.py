#!/usr/bin/env python3
"""Measure policy-section-missing against hand labels: each labelled document is linted as a
moderation policy by the built `replylint`, and the topics it finds or misses are compared with
the labels (7 topics x documents).

usage: scripts/eval-policies.py LABELS.yml TEXT_DIR [--split tuning|heldout] [--replylint PATH]
                                [--quiet] [--txt-as-markdown] [--keep DIR]

LABELS.yml is eval/policies/labels.yml or pages-labels.yml; TEXT_DIR holds the texts
(`<slug>.md|html|txt|docx`), which are kept outside the repository (see eval/policies/README.md).
Each text is copied into a throwaway library outside the repository, unchanged but for its kind:
the file is named `moderation-<slug>.<ext>` (the loader reads the kind from the name) and an HTML
page also gets `<meta name="replylint-kind" content="moderation">` at the start of its first line,
so every line stays where the labels put it. `replylint.yml` requires public records, so all seven
topics are judged.

The topics come from `lint --format json --explain` (a `topics` array per policy). A binary
without `--explain` (main before issue 17) is read from its policy-section-missing diagnostics
instead: a topic it names is missing, any other is found. A document the binary does not read
(`file-ignored`) is counted as found nowhere and listed. `--txt-as-markdown` copies `.txt` texts
as `.md`, to give such a binary a fair look at plain-text policies.

Prints agreement, precision and recall of "covered", per-topic counts, and (unless --quiet) each
disagreement: document, topic, label, rule, evidence.
"""
import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:
    sys.exit("eval-policies.py needs PyYAML: pip install pyyaml")

TOPICS = ["respond", "leave-alone", "remove", "personal-information", "hours", "urgent", "public-records"]
HERE = os.path.dirname(os.path.abspath(__file__))


def find_binary(explicit):
    if explicit:
        return os.path.abspath(explicit)
    for candidate in [".build/debug/replylint", ".build/release/replylint"]:
        path = os.path.join(HERE, "..", candidate)
        if os.path.exists(path):
            return os.path.abspath(path)
    sys.exit("no built replylint found; run `swift build` or pass --replylint PATH")


def text_file(text_dir, slug):
    matches = [p for p in glob.glob(os.path.join(text_dir, glob.escape(slug) + ".*")) if not p.endswith("~")]
    return matches[0] if len(matches) == 1 else None


def build_library(docs, text_dir, folder, txt_as_markdown):
    """Copies each document into folder/policies; returns {file name: slug}."""
    policies = os.path.join(folder, "policies")
    os.makedirs(policies)
    with open(os.path.join(folder, "replylint.yml"), "w") as config:
        config.write("rules:\n  policy-section-missing: {require-public-records: true}\n")
    names = {}
    for slug in docs:
        source = text_file(text_dir, slug)
        if source is None:
            sys.exit(f"{slug}: no single file {slug}.* in {text_dir}")
        ext = os.path.splitext(source)[1].lower()
        if ext == ".txt" and txt_as_markdown:
            ext = ".md"
        name = f"moderation-{slug}{ext}"
        target = os.path.join(policies, name)
        if ext in (".html", ".htm"):
            data = open(source, "rb").read()
            # On line 1, before anything else: libxml2 moves it into <head>, and no line moves.
            data = b'<meta name="replylint-kind" content="moderation">' + data
            open(target, "wb").write(data)
        else:
            shutil.copyfile(source, target)
        names[name] = slug
    return names


def run_lint(binary, folder):
    def lint(extra):
        return subprocess.run([binary, "lint", "--format", "json", *extra, "policies"], cwd=folder,
                              capture_output=True, text=True)
    result = lint(["--explain"])
    explained = True
    if result.returncode == 2 and ("--explain" in result.stderr or "Unknown option" in result.stderr):
        result = lint([])
        explained = False
    if result.returncode == 2 and "no replies or policies found" in result.stderr:
        # Nothing it reads: every file was ignored.
        return {"diagnostics": [], "policies": [], "nothingRead": True}, explained
    if result.returncode not in (0, 1):
        sys.exit(f"replylint failed ({result.returncode}): {result.stderr.strip()}")
    return json.loads(result.stdout), explained


def rule_view(report, explained, names):
    """{slug: {topic: (status, evidence)}} and the slugs not read."""
    view = {}
    unread = []
    if report.get("nothingRead"):
        pass
    elif explained:
        for policy in report.get("policies", []):
            slug = names.get(os.path.basename(policy["file"]))
            if slug is None:
                continue
            topics = {}
            for topic in policy.get("topics", []):
                evidence = ""
                if topic["status"] == "found":
                    evidence = f"l.{topic.get('line')}: {topic.get('text', '')}"
                    if topic.get("via"):
                        evidence += f" [{topic['via']}]"
                topics[topic["id"]] = ("covered" if topic["status"] == "found" else "missing", evidence)
            view[slug] = topics
    else:
        missing = {}
        for diagnostic in report["diagnostics"]:
            slug = names.get(os.path.basename(diagnostic["file"]))
            if slug is None:
                continue
            missing.setdefault(slug, set())
            if diagnostic["rule"] == "policy-section-missing":
                match = re.search(r"id '([a-z-]+)'", diagnostic["message"])
                if match:
                    missing[slug].add(match.group(1))
            if diagnostic["rule"] == "file-ignored":
                missing[slug].add("*unread*")
        for slug in names.values():
            gaps = missing.get(slug, set())
            if "*unread*" in gaps:
                continue
            view[slug] = {t: ("missing", "") if t in gaps else ("covered", "(no finding)") for t in TOPICS}
    for slug in names.values():
        if slug not in view:
            unread.append(slug)
            view[slug] = {t: ("missing", "not read") for t in TOPICS}
    return view, unread


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("labels")
    parser.add_argument("text_dir")
    parser.add_argument("--split", choices=["tuning", "heldout"])
    parser.add_argument("--replylint", help="the replylint binary (default: .build/debug/replylint)")
    parser.add_argument("--quiet", action="store_true", help="figures only, no disagreements")
    parser.add_argument("--txt-as-markdown", action="store_true", help="copy .txt texts as .md")
    parser.add_argument("--keep", help="build the throwaway library here (must not exist) and keep it")
    args = parser.parse_args()

    labels = yaml.safe_load(open(args.labels, encoding="utf-8"))
    docs = sorted(slug for slug, entry in labels.items() if args.split is None or entry["split"] == args.split)
    if not docs:
        sys.exit("no documents in that split")
    binary = find_binary(args.replylint)
    folder = os.path.abspath(args.keep) if args.keep else tempfile.mkdtemp(prefix="replylint-eval-")
    if args.keep:
        os.makedirs(folder)
    try:
        names = build_library(docs, os.path.abspath(args.text_dir), folder, args.txt_as_markdown)
        report, explained = run_lint(binary, folder)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    view, unread = rule_view(report, explained, names)

    agree = tp = fp = fn = tn = 0
    per_topic = {t: [0, 0, 0, 0] for t in TOPICS}  # tp fp fn tn
    disagreements = []
    for slug in docs:
        for topic in TOPICS:
            label = labels[slug]["topics"][topic]
            truth = label["status"]
            said, evidence = view[slug].get(topic, ("missing", ""))
            if truth == said:
                agree += 1
            if said == "covered" and truth == "covered":
                tp += 1; per_topic[topic][0] += 1
            elif said == "covered":
                fp += 1; per_topic[topic][1] += 1
            elif truth == "covered":
                fn += 1; per_topic[topic][2] += 1
            else:
                tn += 1; per_topic[topic][3] += 1
            if truth != said:
                label_evidence = f"l.{label.get('line')}: {label.get('evidence', '')}" if truth == "covered" else ""
                disagreements.append((slug, topic, truth, said, evidence or label_evidence))

    total = len(docs) * len(TOPICS)
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    split = args.split or "all"
    print(f"{os.path.basename(args.labels)} [{split}]: {len(docs)} documents, {total} topic judgements"
          f" ({'--explain' if explained else 'diagnostics only'}; {binary})")
    print(f"agreement {agree}/{total} = {agree / total:.1%}")
    print(f"precision of covered {tp}/{tp + fp} = {precision:.3f} (covered by the rule but not by the labels: {fp})")
    print(f"recall of covered {tp}/{tp + fn} = {recall:.3f} (covered by the labels but missed: {fn})")
    print("per topic (tp fp fn tn): " + "; ".join(f"{t} {' '.join(map(str, c))}" for t, c in per_topic.items()))
    if unread:
        print(f"not read by replylint ({len(unread)}): {', '.join(unread)}")
    if not args.quiet and disagreements:
        print("\ndisagreements (document, topic, label, rule, evidence):")
        for slug, topic, truth, said, evidence in disagreements:
            print(f"  {slug}  {topic}  label={truth}  rule={said}  {evidence}")


if __name__ == "__main__":
    main()
