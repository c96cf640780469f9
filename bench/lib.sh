#!/usr/bin/env bash
# Shared helpers of the benchmark scripts: tools, the jar under test, medians.
set -euo pipefail
BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=${PEAKTRADE_OBS_JAR_UNDER_TEST:-$BENCH_ROOT/target/peaktrade-obs.jar}
OUT_DIR=${BENCH_OUT:-$BENCH_ROOT/docs/bench-results}
mkdir -p "$OUT_DIR"

need_tools() {
  local missing=()
  for t in "$@"; do command -v "$t" >/dev/null 2>&1 || missing+=("$t"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "[bench] installing ${missing[*]} (Debian packages)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

[ -f "$JAR" ] || { echo "[bench] no jar at $JAR: run mvn -B -q -DskipTests package" >&2; exit 2; }

# median of numbers on stdin
median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc; }
machine() { echo "$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -r), $(java -version 2>&1 | head -n1), load $(cut -d' ' -f1-3 /proc/loadavg)"; }

# The installed launcher's flags and its start-up archive (made here for the jar under test, as
# install.sh does): benchmarks measure the tool as a user runs it.
FLAGS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData"
JSA=""
cds_archive() {
  JSA=$(mktemp -d)/peaktrade-obs.jsa
  bash "$BENCH_ROOT/scripts/cds-archive.sh" "$JAR" "$JSA" || { echo "[bench] no AppCDS archive" >&2; JSA=""; }
}
# obs runs the jar as the installed launcher does: on a JDK 25 with the AOT cache when aot_cache
# found one, else on java with the AppCDS archive
obs() {
  if [ -n "$AOT" ]; then "$JAVA25" $FLAGS -XX:AOTCache="$AOT" -Xlog:aot*=off -jar "$JAR" "$@"
  else java $FLAGS ${JSA:+-XX:SharedArchiveFile=$JSA} -jar "$JAR" "$@"; fi
}
# how obs runs, for the result headers
launcher_jvm() { if [ -n "$AOT" ]; then echo "$("$JAVA25" -version 2>&1 | head -n1) + AOT cache"; else echo "java + AppCDS"; fi; }

# Optional before/after in the same run: BASELINE_JAR=path/to/an/older/peaktrade-obs.jar adds it,
# with its own archive, to the CLI-start and warm-verify comparisons.
BASE_JSA=""
baseline_archive() {
  [ -n "${BASELINE_JAR:-}" ] || return 0
  BASE_JSA=$(mktemp -d)/baseline.jsa
  bash "$BENCH_ROOT/scripts/cds-archive.sh" "$BASELINE_JAR" "$BASE_JSA" || BASE_JSA=""
}

# JDK 25 or newer, found as install.sh finds it (JAVA25 overrides); empty when there is none
find_java25() {
  local c m
  for c in "${JAVA25:-}" "${PEAKTRADE_OBS_JAVA:-}" "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java)" /usr/lib/jvm/*/bin/java; do
    [ -n "$c" ] && [ -x "$c" ] || continue
    m=$("$c" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1)
    if [ "${m:-0}" -ge 25 ] 2>/dev/null; then echo "$c"; return 0; fi
  done
  return 0
}
# the AOT cache install.sh makes for the jar under test (scripts/aot-cache.sh), when JAVA25 is found
AOT=""
aot_cache() {
  JAVA25=$(find_java25)
  [ -n "$JAVA25" ] || { echo "[bench] no JDK 25: no AOT-cache rows" >&2; return 0; }
  AOT=$(mktemp -d)/peaktrade-obs.aot
  bash "$BENCH_ROOT/scripts/aot-cache.sh" "$JAVA25" "$JAR" "$AOT" || { echo "[bench] no AOT cache" >&2; AOT=""; }
}
