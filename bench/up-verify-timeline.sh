#!/usr/bin/env bash
# One `shadow up --verify` as a timeline (ms since the command started): up's and verify's lines,
# and two outside pollers (every 0.1 s): when the exporter first serves /metrics and when the
# golden rate() query first has data in Prometheus. Shows where time-to-green goes (issue 18).
# Prometheus scrapes its targets first ~5 s after it starts (its discovery and scrape managers
# update on a 5 s tick), and rate() needs a second scrape 2 s later: green follows Prometheus'
# start, not the exporter's. Usage: bench/up-verify-timeline.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need_tools curl
eval "$(bash "$BENCH_ROOT/scripts/testbed.sh" --print)"
export PEAKTRADE_OBS_PROMETHEUS_PORT=19592 PEAKTRADE_OBS_GRAFANA_PORT=13500 PEAKTRADE_OBS_EXPORTER_PORT=19509
export PEAKTRADE_OBS_JAR=$JAR
P=ptobs-bench-timeline
ASSETS=$(mktemp -d)
cp -r "$BENCH_ROOT/compose" "$BENCH_ROOT/prometheus" "$BENCH_ROOT/grafana" "$ASSETS/"
sed -i 's/^      GF_AUTH_ANONYMOUS_ENABLED: "false"/&\n      STANDIN_COLD_START_MS: "0"/' "$ASSETS/compose/grafana.yaml"
chmod -R a+rX "$ASSETS"
cleanup() { obs shadow down -p $P >/dev/null 2>&1 || true; rm -rf "$ASSETS"; }
trap cleanup EXIT
aot_cache
t0=$(date +%s%N)
stamp() { echo "$(( ($(date +%s%N) - t0) / 1000000 ))"; }
{
  echo "# up --verify timeline ($(date -u +%FT%TZ)); $(machine); $(launcher_jvm)"
  ( while :; do curl -fsS -m 1 "http://127.0.0.1:$PEAKTRADE_OBS_EXPORTER_PORT/metrics" 2>/dev/null | grep -q shadow_mvs_up \
      && { echo "$(stamp) [poller] the exporter serves /metrics"; break; }; sleep 0.1; done ) &
  ( q='sum by (mode, stage) (rate(peak_trade_pipeline_events_total{job="shadow_mvs"}[5m]))'
    while :; do curl -fsS -m 1 --data-urlencode "query=$q" "http://127.0.0.1:$PEAKTRADE_OBS_PROMETHEUS_PORT/api/v1/query" 2>/dev/null \
      | grep -q '"value":\[[^]]*,"[0-9]' && { echo "$(stamp) [poller] the golden rate() query has data"; break; }; sleep 0.1; done ) &
  obs shadow up --verify -p $P --assets-dir "$ASSETS" 2>&1 | while IFS= read -r line; do echo "$(stamp) $line"; done \
    | grep -v '|.*|\(PASS\|EVIDENCE\)\|^[0-9]* PASS\|^[0-9]* EVIDENCE\|INFO|endpoint'
  wait
} | sort -n | tee "$OUT_DIR/up-verify-timeline.txt"
