#!/usr/bin/env bash
# Time-to-green: wall time from `peaktrade-obs shadow up` (images present) to the first RESULT=PASS
# of `shadow verify`, against, in the same run:
#   floor: `docker run -d` of the same three containers + two scrape intervals (2 × 2 s), the
#          minimum before a rate() query can answer (the issue's definition); and the measured
#          floor: the same containers, then the golden rate() queries polled every 0.1 s;
#   old:   the old scripts' approach with public tools: Debian's docker-compose on the same compose
#          files, then curl loops with the seed's fixed sleeps (targets 1 s, Grafana health 1 s,
#          warm-up 6 s) and the golden queries.
#   up --verify: `shadow up --verify`, one process from up to RESULT=PASS (issue 18: goal ≤ measured
#          floor + 0.5 s, median of 7).
# Also the warm verify: `shadow verify` on the running stack (wall incl. JVM; sum of check durations).
# All three use a copy of the assets whose Grafana service gets STANDIN_COLD_START_MS=0, so the
# offline Grafana stand-in does not add its simulated migration delay (real Grafana is not
# available here).
# Prometheus' scrape phase: it scrapes on a grid of its 2 s interval pinned to wall-clock time and
# shifted by a hash of its hostname, so green lands on that grid. With the container id as the
# hostname every run drew a random phase, and a median of 7 moved by ±0.4 s from that alone. Every
# approach here runs Prometheus with the same hostname, and run i of N starts at phase i/N of the
# grid, the same for every approach: the medians compare like with like. Usage: bench/time-to-green.sh [RUNS=5]; SKIP_OLD=1 leaves out the old approach
# and the warm verify (on a loaded machine: ours, up --verify and the floors only).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUNS=${1:-5}
SKIP_OLD=${SKIP_OLD:-}
if [ -n "$SKIP_OLD" ]; then need_tools curl bc; else need_tools hyperfine curl docker-compose bc; fi
eval "$(bash "$BENCH_ROOT/scripts/testbed.sh" --print)"
export PEAKTRADE_OBS_PROMETHEUS_PORT=19492 PEAKTRADE_OBS_GRAFANA_PORT=13400 PEAKTRADE_OBS_EXPORTER_PORT=19409
P=ptobs-bench-ttg
ASSETS=$(mktemp -d)
cp -r "$BENCH_ROOT/compose" "$BENCH_ROOT/prometheus" "$BENCH_ROOT/grafana" "$ASSETS/"
sed -i 's/^      GF_AUTH_ANONYMOUS_ENABLED: "false"/&\n      STANDIN_COLD_START_MS: "0"/' "$ASSETS/compose/grafana.yaml"
sed -i 's/^  prometheus-local:$/&\n    hostname: prometheus-local/' "$ASSETS/compose/prometheus-local.yaml"
grep -q '^    hostname: prometheus-local$' "$ASSETS/compose/prometheus-local.yaml" || { echo "[bench] no hostname set" >&2; exit 2; }
chmod -R a+rX "$ASSETS"
cds_archive
baseline_archive
aot_cache   # ours and up --verify run as the installed launcher runs them (JDK 25 + AOT cache when found)
FILES=(-f "$ASSETS/compose/prometheus-local.yaml" -f "$ASSETS/compose/grafana.yaml" -f "$ASSETS/compose/shadow-exporter.yaml")
export PEAKTRADE_OBS_JAR=$JAR
cleanup() {
  obs shadow down -p $P >/dev/null 2>&1 || true
  docker-compose -p ${P}old "${FILES[@]}" down -v >/dev/null 2>&1 || true
  docker rm -f ${P}floor-prom ${P}floor-grafana ${P}floor-exporter >/dev/null 2>&1 || true
  docker network rm ${P}floor >/dev/null 2>&1 || true
}
trap cleanup EXIT
cleanup

# sleeps until the wall clock is at phase $1 of $2 of Prometheus' 2 s scrape grid (see above)
at_phase() {
  local want=$(( ($1 - 1) * 2000 / $2 )) now wait
  now=$(( $(date +%s%3N) % 2000 ))
  wait=$(( (want - now + 2000) % 2000 ))
  sleep "$(printf '%d.%03d' $((wait / 1000)) $((wait % 1000)))"
}

ours() {
  local t0; t0=$(now)
  obs shadow up -p $P --assets-dir "$ASSETS" >/dev/null
  obs shadow verify -p $P > /tmp/ttg-verify.log || { cat /tmp/ttg-verify.log >&2; return 1; }
  since "$t0"
}

# the same in one process: up, then verify with the connection up already has
ours_upverify() {
  local t0; t0=$(now)
  obs shadow up --verify -p $P --assets-dir "$ASSETS" > /tmp/ttg-upverify.log || { cat /tmp/ttg-upverify.log >&2; return 1; }
  since "$t0"
}

# the same with BASELINE_JAR (an older build), for before/after in the same run
baseline() {
  local t0 run=(java $FLAGS ${BASE_JSA:+-XX:SharedArchiveFile=$BASE_JSA} -jar "$BASELINE_JAR")
  t0=$(now)
  PEAKTRADE_OBS_JAR=$BASELINE_JAR "${run[@]}" shadow up -p $P --assets-dir "$ASSETS" >/dev/null
  "${run[@]}" shadow verify -p $P > /tmp/ttg-verify.log || { cat /tmp/ttg-verify.log >&2; return 1; }
  since "$t0"
  "${run[@]}" shadow down -p $P >/dev/null
}

floor() {
  local t0; t0=$(now)
  docker network create ${P}floor >/dev/null
  docker run -d --name ${P}floor-prom --hostname prometheus-local --network ${P}floor --network-alias prometheus-local \
    -p 127.0.0.1:$PEAKTRADE_OBS_PROMETHEUS_PORT:9090 \
    -v "$ASSETS/prometheus/prometheus-shadow.yml:/etc/prometheus/prometheus.yml:ro" \
    "$PEAKTRADE_OBS_PROMETHEUS_IMAGE" --config.file=/etc/prometheus/prometheus.yml --storage.tsdb.path=/prometheus >/dev/null
  docker run -d --name ${P}floor-grafana --network ${P}floor -p 127.0.0.1:$PEAKTRADE_OBS_GRAFANA_PORT:3000 \
    -e STANDIN_COLD_START_MS=0 -v "$ASSETS/grafana/provisioning:/etc/grafana/provisioning:ro" \
    -v "$ASSETS/grafana/dashboards:/etc/grafana/dashboards:ro" "$PEAKTRADE_OBS_GRAFANA_IMAGE" >/dev/null
  docker run -d --name ${P}floor-exporter --network ${P}floor --network-alias shadow-mvs-exporter \
    -p 127.0.0.1:$PEAKTRADE_OBS_EXPORTER_PORT:9109 -v "$JAR:/opt/peaktrade-obs/peaktrade-obs.jar:ro" \
    "$PEAKTRADE_OBS_EXPORTER_IMAGE" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms16m -Xmx32m -Xmn8m -XX:MaxMetaspaceSize=48m \
    -jar /opt/peaktrade-obs/peaktrade-obs.jar \
    exporter --host=0.0.0.0 --port=9109 >/dev/null
  local started; started=$(since "$t0")
  # measured floor: the same containers, then the golden queries polled every 0.1 s, i.e. the
  # earliest moment any tool could report green (includes the exporter's JVM start and
  # Prometheus's own start-up delay before its first scrape)
  local prom=http://127.0.0.1:$PEAKTRADE_OBS_PROMETHEUS_PORT q
  for _ in $(seq 1 600); do curl -fsS "http://127.0.0.1:$PEAKTRADE_OBS_GRAFANA_PORT/api/health" >/dev/null 2>&1 && break; sleep 0.1; done
  for q in 'sum by (mode, stage) (rate(peak_trade_pipeline_events_total{job="shadow_mvs"}[5m]))' \
           'histogram_quantile(0.95, sum by (le) (rate(peak_trade_pipeline_latency_seconds_bucket{job="shadow_mvs",edge="intent_to_ack"}[5m])))'; do
    for _ in $(seq 1 600); do
      curl -fsS --data-urlencode "query=$q" "$prom/api/v1/query" 2>/dev/null | grep -q '"value":\[[^]]*,"[0-9]' && break
      sleep 0.1
    done
  done
  printf '%s\t%s\n' "$(echo "$started + 4" | bc)" "$(since "$t0")"
  docker rm -f ${P}floor-prom ${P}floor-grafana ${P}floor-exporter >/dev/null
  docker network rm ${P}floor >/dev/null
}

old() {
  local t0 prom=http://127.0.0.1:$PEAKTRADE_OBS_PROMETHEUS_PORT graf=http://127.0.0.1:$PEAKTRADE_OBS_GRAFANA_PORT
  t0=$(now)
  docker-compose -p ${P}old "${FILES[@]}" up -d --force-recreate --renew-anon-volumes --remove-orphans >/dev/null 2>&1
  for _ in $(seq 1 60); do curl -fsS "$prom/-/ready" >/dev/null 2>&1 && break; sleep 1; done
  for _ in $(seq 1 60); do curl -fsS "$graf/api/health" >/dev/null 2>&1 && break; sleep 1; done
  for _ in $(seq 1 60); do curl -fsS "$prom/api/v1/targets" | grep -q '"health":"up"' && break; sleep 1; done
  sleep 6   # the old verify's warm-up for rate()
  for q in 'up{job="shadow_mvs"}' 'sum by (mode, stage) (rate(peak_trade_pipeline_events_total{job="shadow_mvs"}[5m]))' \
           'histogram_quantile(0.95, sum by (le) (rate(peak_trade_pipeline_latency_seconds_bucket{job="shadow_mvs",edge="intent_to_ack"}[5m])))'; do
    curl -fsS --data-urlencode "query=$q" "$prom/api/v1/query" | grep -q '"result":\[{' || { echo "old: no data for $q" >&2; return 1; }
  done
  curl -fsS -u admin:admin "$graf/api/search?type=dash-db" | grep -q peaktrade-shadow-pipeline-mvs
  since "$t0"
  docker-compose -p ${P}old "${FILES[@]}" down -v >/dev/null 2>&1
}

{
  echo "# time-to-green ($(date -u +%FT%TZ)); $(machine); $RUNS runs, interleaved; ours: $(launcher_jvm)"
  printf 'run\tours_s\tfloor_s\tfloor_measured_s\told_s\tup_verify_s'
  if [ -n "${BASELINE_JAR:-}" ]; then printf '\tbaseline_jar_s'; fi
  printf '\n'
  for i in $(seq 1 "$RUNS"); do
    at_phase "$i" "$RUNS"; o=$(ours); obs shadow down -p $P >/dev/null
    at_phase "$i" "$RUNS"; f=$(floor)
    if [ -n "$SKIP_OLD" ]; then d=0; else at_phase "$i" "$RUNS"; d=$(old); fi
    at_phase "$i" "$RUNS"; u=$(ours_upverify); obs shadow down -p $P >/dev/null
    b=""
    if [ -n "${BASELINE_JAR:-}" ]; then at_phase "$i" "$RUNS"; b=$(printf '\t%.2f' "$(baseline)"); fi
    printf '%d\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f%s\n' "$i" "$o" "$(cut -f1 <<<"$f")" "$(cut -f2 <<<"$f")" "$d" "$u" "$b"
  done | tee /tmp/ttg.tsv
  mo=$(cut -f2 /tmp/ttg.tsv | median); mf=$(cut -f3 /tmp/ttg.tsv | median); mm=$(cut -f4 /tmp/ttg.tsv | median)
  md=$(cut -f5 /tmp/ttg.tsv | median); mu=$(cut -f6 /tmp/ttg.tsv | median)
  echo "median: ours $mo s, floor $mf s, measured floor $mm s, old $md s${SKIP_OLD:+ (skipped)}; ours - floor = $(echo "$mo - $mf" | bc) s;" \
    "ours - measured floor = $(echo "$mo - $mm" | bc) s; ours / old = $([ -n "$SKIP_OLD" ] && echo - || echo "scale=2; $mo / $md" | bc)"
  echo "median: up --verify $mu s; up --verify - measured floor = $(echo "$mu - $mm" | bc) s (goal ≤ 0.5 s);" \
    "up --verify - ours = $(echo "$mu - $mo" | bc) s"
  if [ -n "${BASELINE_JAR:-}" ]; then echo "median of the baseline jar: $(cut -f7 /tmp/ttg.tsv | median) s"; fi
  [ -z "$SKIP_OLD" ] || exit 0

  echo "## warm verify (stack running)"
  obs shadow up -p $P --assets-dir "$ASSETS" >/dev/null
  obs shadow verify -p $P >/dev/null
  extra=()
  if [ -n "${BASELINE_JAR:-}" ]; then
    extra=(-n "baseline jar: shadow verify (warm)" "java $FLAGS ${BASE_JSA:+-XX:SharedArchiveFile=$BASE_JSA} -jar $BASELINE_JAR shadow verify -p $P")
  fi
  hyperfine -N -w 2 -r 15 --export-markdown /dev/stdout -n "shadow verify (warm)" \
    "java $FLAGS ${JSA:+-XX:SharedArchiveFile=$JSA} -jar $JAR shadow verify -p $P" "${extra[@]}" 2>/dev/null
  obs shadow verify -p $P | grep '^INFO|summary'
} | tee "$OUT_DIR/time-to-green.txt"
