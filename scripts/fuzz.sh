#!/usr/bin/env bash
# Fuzzes the parsers a library feeds (replies, YAML collections, templates with partials, Markdown, HTML,
# plain-text and Word .docx policies, replylint.yml) with libFuzzer, for SECONDS (default 60), on JOBS processes (default 1),
# with the parsers' syntax as a dictionary (scripts/fuzz.dict).
#   scripts/fuzz.sh [SECONDS] [JOBS]            e.g. scripts/fuzz.sh 3600 2   (an hour, both cores)
#   nohup scripts/fuzz.sh 3600 > /tmp/fuzz.log 2>&1 &    (an hour in the background; tail the log)
# Builds Sources/replylint-fuzz with -sanitize=fuzzer in .build-fuzz (apart from the normal build), linked by
# lld (the default gold linker crashes on the fuzzer runtime with this toolchain).
# The corpus grows in .fuzz/corpus (seeded from the sample library); crashes, timeouts (an input that
# takes over 10 s) and inputs over 2 GB of memory are written to .fuzz/findings. Replay one with:
#   swift run replylint-fuzz .fuzz/findings/crash-…
set -euo pipefail
seconds=${1:-60}
jobs=${2:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# Release mode: several times the inputs per second of a debug build. FUZZ_NO_BUILD=1 reuses the last
# build (a release build of the parsers takes about ten minutes on two busy cores).
if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
    swift build -c release --build-path .build-fuzz --product replylint-fuzz \
        -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld >/dev/null
fi
binary=$(swift build -c release --build-path .build-fuzz --show-bin-path)/replylint-fuzz
mkdir -p .fuzz/corpus .fuzz/findings .fuzz/seed
# Seeds: each file of the sample library, behind the byte that sends it to its parser.
seed() { { printf "\\$(printf '%03o' "$1")"; cat "$2"; } > ".fuzz/seed/$1-$(echo "$2" | tr '/' '_')"; }
for file in replies/*/*.md; do seed 0 "$file"; done
for file in replies/*/*.yml; do seed 1 "$file"; done
for file in replies/*/*.md; do { printf '\002'; sed '1,/^---$/d' "$file" | sed '1,/^---$/d'; printf '\000signature='; cat replies/_partials/signature.mustache; } > ".fuzz/seed/2-$(basename "$file")"; done
for file in policies/*.md; do seed 3 "$file"; done
for file in policies/*.html; do seed 4 "$file"; done
seed 5 replylint.yml
for file in policies/*.md; do { printf '\006'; sed -e 's/^#* *//' "$file"; } > ".fuzz/seed/6-$(basename "$file" .md).txt"; done
# A .docx: the sample's comment policy as Word paragraphs, zipped (python3's zipfile).
python3 - .fuzz/seed/7-comment-policy.docx policies/comment-policy.md <<'PY'
import sys, zipfile, io, html
lines = [line.strip() for line in open(sys.argv[2]) if line.strip() and line.strip() != "---"]
body = "".join(f'<w:p><w:pPr><w:pStyle w:val="Heading{min(line.count("#", 0, 6), 6)}"/></w:pPr><w:r><w:t>{html.escape(line.lstrip("# "))}</w:t></w:r></w:p>' if line.startswith("#") else f"<w:p><w:r><w:t>{html.escape(line)}</w:t></w:r></w:p>" for line in lines)
document = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>'
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
    archive.writestr("[Content_Types].xml", "<Types/>")
    archive.writestr("word/document.xml", document)
open(sys.argv[1], "wb").write(b"\x07" + buffer.getvalue())
PY
parallel=()
# With several jobs libFuzzer writes each one's log to fuzz-N.log in the current folder: keep them in .fuzz.
[ "$jobs" -gt 1 ] && parallel=(-jobs="$jobs" -workers="$jobs")
cd .fuzz
# A Swift runtime trap is SIGILL: without this, Swift's backtracer takes the signal and exits before
# libFuzzer can write the input that caused it to findings/.
export SWIFT_BACKTRACE=enable=no
exec "$binary" corpus seed -dict=../scripts/fuzz.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -report_slow_units=2 \
    "${parallel[@]}" -artifact_prefix=findings/ -print_final_stats=1
