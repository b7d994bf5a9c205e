#!/usr/bin/env bash
# Two release-build `replylint serve` replicas behind nginx on loopback, their usage log in one
# PostgreSQL, under wrk for a bounded run; PostgreSQL is stopped once in the middle of it for a few
# seconds and started again. Reports failed renders, successful renders against rows in the table,
# and the replicas' memory over the run. Needs wrk and nginx (apt-get install wrk nginx).
#   .ci/with-postgres scripts/load-test-replicas.sh [SECONDS] [CONNECTIONS] [OUTAGE_SECONDS]
set -euo pipefail
seconds=${1:-60}
connections=${2:-32}
outage=${3:-5}
: "${REPLYLINT_TEST_POSTGRES_URL:?run it under .ci/with-postgres, which starts a PostgreSQL for it}"
: "${REPLYLINT_TEST_POSTGRES_CTL:?run it under .ci/with-postgres}"
root=$(cd "$(dirname "$0")/.." && pwd)
# REPLYLINT_BINARY=path runs that build instead (e.g. a debug one, to try the script quickly).
binary=${REPLYLINT_BINARY:-}
if [ -z "$binary" ]; then
  swift build -c release --product replylint --package-path "$root" >/dev/null
  binary="$root/.build/release/replylint"
fi

work=$(mktemp -d)
cp -R "$root/replies" "$root/policies" "$root/replylint.yml" "$work/"
cd "$work"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port1=$(free_port); port2=$(free_port); front=$(free_port)

database="replylint_load_$$"
psql -q "$REPLYLINT_TEST_POSTGRES_URL" -c "CREATE DATABASE $database"
export REPLYLINT_USAGE_LOG="${REPLYLINT_TEST_POSTGRES_URL%/*}/$database"
REPLYLINT_TOKEN=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
export REPLYLINT_TOKEN

pids=()
cleanup() {
  [ -f nginx.pid ] && kill "$(cat nginx.pid)" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  "$REPLYLINT_TEST_POSTGRES_CTL" start >/dev/null 2>&1 || true
  cd / && rm -rf "$work"
}
trap cleanup EXIT

"$binary" serve --port "$port1" 2> replica1.log & pids+=($!)
"$binary" serve --port "$port2" 2> replica2.log & pids+=($!)
for log in replica1.log replica2.log; do
  for _ in $(seq 300); do grep -q "replylint: serving" "$log" 2>/dev/null && break; sleep 0.1; done
done

# nginx with the documented config, its ports swapped for the free ones.
sed -e "s/127.0.0.1:8081/127.0.0.1:$port1/; s/127.0.0.1:8082/127.0.0.1:$port2/; s/127.0.0.1:8080/127.0.0.1:$front/" \
  "$root/scripts/deploy/nginx-replylint.conf" > replylint.conf
cat > nginx.conf <<EOF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 2048; }
http {
    log_format status '\$status \$request_method \$uri';
    access_log $work/access.log status;
    include $work/replylint.conf;
}
EOF
nginx -p "$work" -c "$work/nginx.conf"
for _ in $(seq 50); do [ -f nginx.pid ] && break; sleep 0.1; done

rss() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }
echo "replicas on :$port1 and :$port2 (pids ${pids[*]}), nginx on :$front; usage log ${REPLYLINT_USAGE_LOG%%:*}://…/$database"
echo "RSS at start: $(rss "${pids[0]}") MB, $(rss "${pids[1]}") MB"

# Memory every 5 s during the run.
( while sleep 5; do echo "$(date +%s) $(rss "${pids[0]}") $(rss "${pids[1]}")"; done ) > rss.txt 2>/dev/null &
sampler=$!

echo "== wrk: ${seconds}s, $connections connections, POST render through nginx; PostgreSQL stopped at $((seconds / 3))s for ${outage}s"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$root/scripts/render.lua" "http://127.0.0.1:$front" > wrk.out &
load=$!
sleep $((seconds / 3))
"$REPLYLINT_TEST_POSTGRES_CTL" stop -m fast >/dev/null
echo "  $(date +%T) PostgreSQL stopped"
sleep "$outage"
curl -s "http://127.0.0.1:$port1/healthz" | python3 -c 'import json,sys; u = json.load(sys.stdin)["usageLog"]; print("  replica 1 during the outage:", u["state"], u["buffered"], "buffered,", u["dropped"], "dropped")'
"$REPLYLINT_TEST_POSTGRES_CTL" start >/dev/null
echo "  $(date +%T) PostgreSQL started"
wait $load
kill $sampler
grep -E "Requests/sec|requests |p50|p99 |Socket" wrk.out | sed 's/^/  /'

# Let both replicas write what they kept, then stop them as an orchestrator would.
for port in $port1 $port2; do
  for _ in $(seq 100); do
    curl -s "http://127.0.0.1:$port/healthz" | grep -q '"state":"ok","buffered":0' && break
    sleep 0.2
  done
done
echo "RSS after the run: $(rss "${pids[0]}") MB, $(rss "${pids[1]}") MB"
echo "RSS samples (MB, every 5 s):"
awk '{printf "  %3ds  %s  %s\n", NR * 5, $2, $3}' rss.txt
kill -TERM "${pids[@]}"
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=$?; done
pids=()
echo "replicas stopped (exit $status)"

client_ok=$(grep -c '^200 POST /v1/replies/' access.log || true)
served=$(cat replica1.log replica2.log | grep '"message":"request"' | grep '"method":"POST"' | grep -c '"status":"200"' || true)
rows=$(psql -tA "$REPLYLINT_USAGE_LOG" -c "SELECT count(*) || ' rows, ' || count(DISTINCT uid) || ' distinct' FROM render")
echo "renders: $client_ok answered 2xx through nginx, $served answered 200 by the replicas; table: $rows"
echo "nginx statuses for POST (499: wrk closed the connection when its time was up, before the answer):"
grep ' POST ' access.log | awk '{print $1}' | sort | uniq -c | sed 's/^/  /'
echo "usage-log lines in the replicas' logs:"
cat replica1.log replica2.log | grep -v '"message":"request"' | grep -i 'usage log' | python3 -c '
import json, sys
for line in sys.stdin:
    try: entry = json.loads(line)
    except ValueError: print("  " + line.rstrip()); continue
    print("  %s %s %s" % (entry.get("level"), entry.get("message"), entry.get("log", "")))'
psql -q "$REPLYLINT_TEST_POSTGRES_URL" -c "DROP DATABASE $database WITH (FORCE)"
