#!/usr/bin/env bash
# Warm `shadow verify` (the stack already up and green) and `--help`, as the installed launcher
# runs them (issue 18: warm verify ≤ 1.0 s median of 10; --help must not get slower):
#   new17      this jar on `java` (17) with its AppCDS archive (scripts/cds-archive.sh)
#   new25aot   this jar on a JDK 25 with its AOT cache (scripts/aot-cache.sh), when one is found
#   baseline   BASELINE_JAR on `java` with its AppCDS archive, same run
# hyperfine, 10 runs after 2 warm-ups, interleaved per round is not possible in hyperfine: the
# builds run one after the other, so compare rows of one run only. The Grafana stand-in starts with
# STANDIN_COLD_START_MS=0. --help runs in an empty directory (no contract there to read).
# Usage: bench/warm-verify.sh [RUNS=10]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUNS=${1:-10}
need_tools hyperfine
eval "$(bash "$BENCH_ROOT/scripts/testbed.sh" --print)"
export PEAKTRADE_OBS_PROMETHEUS_PORT=19692 PEAKTRADE_OBS_GRAFANA_PORT=13700 PEAKTRADE_OBS_EXPORTER_PORT=19609
P=ptobs-bench-warm
ASSETS=$(mktemp -d)
EMPTY=$(mktemp -d)
cp -r "$BENCH_ROOT/compose" "$BENCH_ROOT/prometheus" "$BENCH_ROOT/grafana" "$ASSETS/"
sed -i 's/^      GF_AUTH_ANONYMOUS_ENABLED: "false"/&\n      STANDIN_COLD_START_MS: "0"/' "$ASSETS/compose/grafana.yaml"
chmod -R a+rX "$ASSETS"
cleanup() { obs shadow down -p $P >/dev/null 2>&1 || true; rm -rf "$ASSETS" "$EMPTY"; }
trap cleanup EXIT
cds_archive
baseline_archive
aot_cache

rows() {   # rows ARGS...: one hyperfine command per build
  ROWS=(-n new17 "java $FLAGS ${JSA:+-XX:SharedArchiveFile=$JSA} -jar $JAR $*")
  [ -z "$AOT" ] || ROWS+=(-n new25aot "$JAVA25 $FLAGS -XX:AOTCache=$AOT -Xlog:aot*=off -jar $JAR $*")
  [ -z "${BASELINE_JAR:-}" ] || ROWS+=(-n baseline "java $FLAGS ${BASE_JSA:+-XX:SharedArchiveFile=$BASE_JSA} -jar $BASELINE_JAR $*")
}
medians() {   # medians JSON: one line per build
  python3 -c 'import json,sys
for r in json.load(open(sys.argv[1]))["results"]:
    print("  %-9s median %.3f s, mean %.3f ± %.3f s, min %.3f s, user %.3f s, system %.3f s" % (r["command"], r["median"], r["mean"], r["stddev"], r["min"], r["user"], r["system"]))' "$1"
}

obs shadow up -p $P --assets-dir "$ASSETS" >/dev/null
obs shadow verify -p $P >/dev/null
J=$(mktemp)
{
  echo "# warm shadow verify and --help ($(date -u +%FT%TZ)); $(machine)"
  echo "# JDK 25: ${JAVA25:-none} $([ -n "$JAVA25" ] && "$JAVA25" -version 2>&1 | head -n1)"
  echo "## shadow verify -p $P (warm), $RUNS runs"
  rows shadow verify -p $P
  hyperfine -N -w 2 -r "$RUNS" --export-json "$J" "${ROWS[@]}" >/dev/null 2>&1
  medians "$J"
  echo "## --help in an empty directory, $((RUNS * 2)) runs"
  rows --help
  (cd "$EMPTY" && hyperfine -N -w 3 -r $((RUNS * 2)) --export-json "$J" "${ROWS[@]}" >/dev/null 2>&1)
  medians "$J"
  echo "## the verify itself: $(obs shadow verify -p $P | grep '^INFO|summary')"
} | tee "$OUT_DIR/warm-verify.txt"
rm -f "$J"
