#!/usr/bin/env bash
# Measures the stand-in image: time to the first 200 of /api/health and memory, with the user's
# layout from src/test/resources/standin/user-layout. Usage: measure.sh [COLD_START_MS|default] [runs]
set -euo pipefail
cold=${1:-0}; runs=${2:-3}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp -r "$here/../resources/standin/user-layout" "$tmp/"; chmod -R a+rX "$tmp"
args=(); [ "$cold" != default ] && args=(-e "STANDIN_COLD_START_MS=$cold")
for _ in $(seq 1 "$runs"); do
  port=$((20000 + RANDOM % 2000))
  t0=$(date +%s%N)
  id=$(docker run -d --label org.peaktrade.obs.test=true -p "127.0.0.1:$port:3000" "${args[@]}" \
    -v "$tmp/user-layout/provisioning:/etc/grafana/provisioning:ro" \
    -v "$tmp/user-layout/dashboards:/etc/grafana/dashboards:ro" peaktrade-testbed/grafana-standin:1)
  t1=$(date +%s%N)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$port/api/health")" = 200 ]; do sleep 0.02; done
  t2=$(date +%s%N)
  started=$(date -d "$(docker inspect -f '{{.State.StartedAt}}' "$id")" +%s%N)
  for _ in $(seq 1 20); do
    curl -s -u admin:admin "localhost:$port/api/search" >/dev/null
    curl -s -u admin:admin "localhost:$port/api/datasources/uid/peaktrade-prometheus-local/health" >/dev/null
  done
  sleep 1
  mem=$(docker stats --no-stream --format '{{.MemUsage}}' "$id" | cut -d/ -f1)
  rss=$(docker exec "$id" sh -c 'grep VmRSS /proc/1/status' | awk '{printf "%.0f MiB", $2/1024}')
  echo "cold=$cold docker-run->200 $(( (t2 - t0) / 1000000 )) ms (run returned after $(( (t1 - t0) / 1000000 )) ms)," \
       "container-start->200 $(( (t2 - started) / 1000000 )) ms, docker stats ${mem}, JVM VmRSS $rss," \
       "load $(cut -d' ' -f1 /proc/loadavg)"
  docker rm -f -v "$id" >/dev/null
done
