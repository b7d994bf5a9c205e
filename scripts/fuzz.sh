#!/usr/bin/env bash
# Fuzzes the parsers a library feeds (replies, YAML collections, templates with partials, Markdown and
# HTML policies, replylint.yml) with libFuzzer, for SECONDS (default 60), on JOBS processes (default 1),
# with the parsers' syntax as a dictionary (scripts/fuzz.dict).
#   scripts/fuzz.sh [SECONDS] [JOBS]            e.g. scripts/fuzz.sh 3600 2   (an hour, both cores)
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
# Release mode: several times the inputs per second of a debug build.
swift build -c release --build-path .build-fuzz --product replylint-fuzz \
    -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld >/dev/null
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
parallel=()
# With several jobs libFuzzer writes each one's log to fuzz-N.log in the current folder: keep them in .fuzz.
[ "$jobs" -gt 1 ] && parallel=(-jobs="$jobs" -workers="$jobs")
cd .fuzz
exec "$binary" corpus seed -dict=../scripts/fuzz.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -report_slow_units=2 \
    "${parallel[@]}" -artifact_prefix=findings/ -print_final_stats=1
