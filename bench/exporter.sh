#!/usr/bin/env bash
# Exporter throughput: wrk on /metrics with 1 and 4 connections (30 s each, or $DURATION), the RSS
# of the exporter process, and the size of one scrape. Also the 60 s / 8-connection soak of the
# reliability suite (errors must be 0, RSS bounded). Usage: [REPEATS=3] [SOAK=0] bench/exporter.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need_tools wrk curl
DURATION=${DURATION:-30s}
PORT=${PORT:-19309}
rm -f /tmp/exporter-wrk-*.txt
# The stack's JVM flags (compose/shadow-exporter.yaml, which says why), so RSS and throughput are
# the stack's; ExporterSoakIT uses the same.
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms16m -Xmx32m -Xmn8m -XX:MaxMetaspaceSize=48m \
  -jar "$JAR" exporter --port "$PORT" >/dev/null &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/metrics" >/dev/null 2>&1 && break; sleep 0.1; done
size=$(curl -sf "http://127.0.0.1:$PORT/metrics" | wc -c)
rss() { awk '/VmRSS/{print $2/1024 " MB"}' /proc/$PID/status; }
{
  echo "# exporter benchmark ($(date -u +%FT%TZ)); $(machine)"
  echo "scrape size: $size bytes"
  echo "RSS before: $(rss)"
  wrk -t1 -c1 -d5s "http://127.0.0.1:$PORT/metrics" >/dev/null   # JIT warm-up, not reported
  # REPEATS rounds of (1 connection, 4 connections), interleaved; medians at the end
  for r in $(seq 1 "${REPEATS:-1}"); do
    for c in 1 4; do
      echo "## round $r: wrk -t$c -c$c -d$DURATION --latency"
      wrk -t"$c" -c"$c" -d"$DURATION" --latency "http://127.0.0.1:$PORT/metrics" | tee "/tmp/exporter-wrk-$c-$r.txt"
      echo "RSS after: $(rss)"
    done
  done
  for c in 1 4; do
    reqs=$(cat /tmp/exporter-wrk-$c-*.txt | awk '/Requests\/sec/{print $2}' | median)
    p99=$(cat /tmp/exporter-wrk-$c-*.txt | awk '$1=="99%"{v=$2; if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} print v}' | median)
    echo "median of ${REPEATS:-1} rounds, $c connection(s): $reqs req/s, p99 $p99 ms"
  done
  if [ "${SOAK:-1}" = 1 ]; then
    echo "## soak: wrk -t4 -c8 -d60s"
    wrk -t4 -c8 -d60s --latency "http://127.0.0.1:$PORT/metrics"
    echo "RSS after soak: $(rss)"
  fi
} | tee "$OUT_DIR/exporter.txt"
