#!/usr/bin/env bash
# Verify and lint at scale (issue 18): for N = 100, 1,000, 5,000 dashboards (bench/scale-assets.py:
# 4 panels and a datasource variable each, N/20 folders, 20 datasources) against the Grafana
# stand-in, run on this host from its jar (src/test/grafana-standin; STANDIN_COLD_START_MS=0), and
# the testbed Prometheus with 200 scrape jobs:
#   - `grafana verify` wall time (median of RUNS, the JVM included) and its HTTP requests, counted
#     in a separate run through bench/count-proxy.py (most in flight at once, too);
#   - `lint` wall time and peak RSS (/usr/bin/time);
#   - `shadow verify` of 200 jobs and 200 golden queries: wall time and requests to Prometheus.
# The jar under test runs with the launcher's flags and its AppCDS archive; BASELINE_JAR adds the
# older build to every row, same run. Usage: bench/scale.sh [N...]   (RUNS=3)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need_tools curl python3 docker
RUNS=${RUNS:-3}
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(100 1000 5000)
eval "$(bash "$BENCH_ROOT/scripts/testbed.sh" --print)"
# the stand-in runs with Grafana's default admin; verify has no default password, so say it as the
# team's scripts do
export GRAFANA_AUTH=admin:admin
STANDIN_JAR=$BENCH_ROOT/src/test/grafana-standin/target/grafana-standin.jar
# (re)built when missing or older than its sources: an old stand-in lacks endpoints verify asks for
if [ ! -f "$STANDIN_JAR" ] || [ -n "$(find "$BENCH_ROOT/src/test/grafana-standin" -newer "$STANDIN_JAR" -type f ! -path '*/target/*' | head -n1)" ]; then
  mvn -B -q -f "$BENCH_ROOT/src/test/grafana-standin/pom.xml" -DskipTests package
fi
WORK=$(mktemp -d)
PROM_PORT=29692 GRAFANA_PORT=23600 PROXY_GRAFANA=23601 PROXY_PROM=29693
PROM=ptobs-bench-scale-prom
STANDIN_PID="" PROXY_PIDS=()
cleanup() {
  [ -n "$STANDIN_PID" ] && kill "$STANDIN_PID" 2>/dev/null || true
  for p in "${PROXY_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  docker rm -f $PROM >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
cds_archive
baseline_archive

# runs a build: obs_of JAR ARCHIVE ARGS...
obs_of() { local jar=$1 jsa=$2; shift 2; java $FLAGS ${jsa:+-XX:SharedArchiveFile=$jsa} -jar "$jar" "$@"; }
builds() { echo "new $JAR $JSA"; [ -n "${BASELINE_JAR:-}" ] && echo "baseline $BASELINE_JAR $BASE_JSA"; return 0; }
wall() { local t0 r; t0=$(now); "$@" >/dev/null 2>&1 && r=0 || r=$?; echo "$r" "$(since "$t0")"; }
stats() { curl -s "http://127.0.0.1:$1/__stats"; }
reset() { curl -s -X POST "http://127.0.0.1:$1/__reset" >/dev/null; }

python3 "$BENCH_ROOT/bench/scale-assets.py" 1 "$WORK/prom" --prometheus-url "http://127.0.0.1:$PROM_PORT" >/dev/null
docker run -d --name $PROM -p 127.0.0.1:$PROM_PORT:9090 -v "$WORK/prom/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro" \
  "$PEAKTRADE_OBS_PROMETHEUS_IMAGE" --config.file=/etc/prometheus/prometheus.yml --storage.tsdb.path=/prometheus >/dev/null
python3 "$BENCH_ROOT/bench/count-proxy.py" $PROXY_PROM "http://127.0.0.1:$PROM_PORT" & PROXY_PIDS+=($!)
python3 "$BENCH_ROOT/bench/count-proxy.py" $PROXY_GRAFANA "http://127.0.0.1:$GRAFANA_PORT" & PROXY_PIDS+=($!)
until [ "$(curl -s "http://127.0.0.1:$PROM_PORT/api/v1/targets?state=active" | grep -o '"health":"up"' | wc -l)" -ge 200 ]; do sleep 1; done

# 200 jobs and their golden queries; Grafana is the stand-in of the first N (its checks are a constant)
prometheus_rows() {
  echo "## prometheus: 200 jobs (prometheus.targets.*) and 200 golden queries, shadow verify --prometheus-url"
  printf 'build\twall_s(median of %s)\tresult\trequests\tmax_in_flight\n' "$RUNS"
  while read -r name jar jsa; do
    ts=(); rc=0
    for _ in $(seq "$RUNS"); do
      read -r rc t < <(wall obs_of "$jar" "$jsa" shadow verify --contract "$WORK/prom/prometheus-contract.yaml" \
        --prometheus-url "http://127.0.0.1:$PROM_PORT" --grafana-url "http://127.0.0.1:$GRAFANA_PORT")
      ts+=("$t")
    done
    reset $PROXY_PROM
    obs_of "$jar" "$jsa" shadow verify --contract "$WORK/prom/prometheus-contract.yaml" \
      --prometheus-url "http://127.0.0.1:$PROXY_PROM" --grafana-url "http://127.0.0.1:$GRAFANA_PORT" >/dev/null 2>&1 || true
    s=$(stats $PROXY_PROM)
    printf '%s\t%.2f\t%s\t%s\t%s\n' "$name" "$(printf '%s\n' "${ts[@]}" | median)" \
      "$( [ "$rc" = 0 ] && echo PASS || echo "FAIL (exit $rc)")" \
      "$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["total"])' "$s")" \
      "$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["max_in_flight"])' "$s")"
  done < <(builds)

}

exec > >(tee "$OUT_DIR/scale.txt")   # not a pipe: the rows run in this shell, whose EXIT trap cleans up
{
  echo "# verify and lint at scale ($(date -u +%FT%TZ)); $(machine)"
  echo "## grafana: N dashboards, grafana verify --contract (wall: median of $RUNS; requests counted in one more run)"
  printf 'N\tbuild\tverify_wall_s\tresult\trequests\tby_kind\tmax_in_flight\tlint_wall_s\tlint_peak_rss_MB\tlint_result\n'
  for n in "${SIZES[@]}"; do
    dir=$WORK/n$n
    python3 "$BENCH_ROOT/bench/scale-assets.py" "$n" "$dir" --prometheus-url "http://127.0.0.1:$PROM_PORT" >/dev/null
    mkdir -p "$dir/data"
    GF_PATHS_PROVISIONING=$dir/grafana/provisioning GF_PATHS_DATA=$dir/data GF_SERVER_HTTP_ADDR=127.0.0.1 \
      GF_SERVER_HTTP_PORT=$GRAFANA_PORT STANDIN_COLD_START_MS=0 java -XX:+UseSerialGC -Xmx1g -jar "$STANDIN_JAR" \
      > "$WORK/standin-$n.log" 2>&1 &
    STANDIN_PID=$!
    until grep -q 'finished to provision dashboards' "$WORK/standin-$n.log" 2>/dev/null; do
      kill -0 "$STANDIN_PID" 2>/dev/null || { echo "[bench] the stand-in exited:" >&2; tail -3 "$WORK/standin-$n.log" >&2; exit 1; }
      sleep 0.5
    done
    [ "$n" = "${SIZES[0]}" ] && PROM_ROWS=$(prometheus_rows)
    while read -r name jar jsa; do
      args=(grafana verify --contract "$dir/peaktrade-obs.yaml" --prometheus-url "http://127.0.0.1:$PROM_PORT")
      obs_of "$jar" "$jsa" "${args[@]}" --grafana-url "http://127.0.0.1:$GRAFANA_PORT" >/dev/null 2>&1 || true  # warm Grafana
      ts=()
      for _ in $(seq "$RUNS"); do
        read -r rc t < <(wall obs_of "$jar" "$jsa" "${args[@]}" --grafana-url "http://127.0.0.1:$GRAFANA_PORT")
        ts+=("$t")
      done
      reset $PROXY_GRAFANA
      obs_of "$jar" "$jsa" "${args[@]}" --grafana-url "http://127.0.0.1:$PROXY_GRAFANA" >/dev/null 2>&1 || true
      s=$(stats $PROXY_GRAFANA)
      lint_t0=$(now)
      /usr/bin/time -f '%M' -o "$WORK/rss" java $FLAGS ${jsa:+-XX:SharedArchiveFile=$jsa} -jar "$jar" lint --assets-dir "$dir" \
        >/dev/null 2>&1 && lr=PASS || lr="exit $?"
      lint_t=$(since "$lint_t0")
      printf '%s\t%s\t%.2f\t%s\t%s\t%s\t%s\t%.2f\t%d\t%s\n' "$n" "$name" "$(printf '%s\n' "${ts[@]}" | median)" \
        "$( [ "$rc" = 0 ] && echo PASS || echo "FAIL (exit $rc)")" \
        "$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["total"])' "$s")" \
        "$(python3 -c 'import json,sys; d=json.loads(sys.argv[1])["by_kind"]; print(", ".join("%s %d" % (k, v) for k, v in sorted(d.items())))' "$s")" \
        "$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["max_in_flight"])' "$s")" \
        "$lint_t" "$(( $(tail -n1 "$WORK/rss") / 1024 ))" "$lr"
    done < <(builds)
    kill "$STANDIN_PID"; wait "$STANDIN_PID" 2>/dev/null || true; STANDIN_PID=""
  done
  echo "$PROM_ROWS"
}
