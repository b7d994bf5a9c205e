#!/usr/bin/env bash
# Load test of `replylint serve` on loopback with wrk: render and list, then a long render run
# with the server's memory sampled. Needs wrk (apt-get install wrk) and a release build.
#   scripts/load-test.sh [SECONDS] [CONNECTIONS]      e.g. scripts/load-test.sh 30 32
set -euo pipefail
seconds=${1:-30}
connections=${2:-32}
root=$(cd "$(dirname "$0")/.." && pwd)
swift build -c release --product replylint --package-path "$root" >/dev/null
binary="$root/.build/release/replylint"
work=$(mktemp -d)
cp -R "$root/replies" "$root/policies" "$root/replylint.yml" "$work/"
cd "$work"
"$binary" serve --port 0 --log-level warning 2> serve.err &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do grep -q "serving" serve.err 2>/dev/null && break; sleep 0.1; done
address=$(grep -o 'http://[0-9.:]*' serve.err | head -1)
rss() { awk '/VmRSS/ {print $2 / 1024 " MB"}' "/proc/$server/status"; }
echo "server $address, pid $server, RSS at start $(rss)"
echo "== render (POST /v1/replies/waste/missed-collection-public/render), ${seconds}s, $connections connections"
wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$root/scripts/render.lua" "$address" | grep -E "Requests/sec|requests |p50|p90|p99|Socket"
echo "RSS after render run $(rss)"
echo "== list (GET /v1/replies?q=missed), ${seconds}s"
wrk -t1 -c"$connections" -d"${seconds}s" --latency "$address/v1/replies?q=missed" | grep -E "Requests/sec|Latency|99%|Non-2xx"
echo "RSS after list run $(rss)"
if [ "${LONG:-0}" = 1 ]; then
  echo "== memory over a long render run: RSS every 20 s"
  wrk -t1 -c"$connections" -d120s -s "$root/scripts/render.lua" "$address" > long.out &
  load=$!
  for i in 1 2 3 4 5 6; do sleep 20; echo "  ${i}x20s: $(rss)"; done
  wait $load
  grep -E "requests |p99 " long.out
  echo "RSS after long run $(rss)"
fi
kill -TERM $server
wait $server && echo "server stopped cleanly (exit 0)"
renders=$(sqlite3 .replylint/usage.sqlite "select count(*) from render" 2>/dev/null || echo "?")
echo "renders in the usage log: $renders"
