#!/usr/bin/env bash
# N consecutive `shadow up` → `shadow verify` → `shadow down` cycles on their own project and ports;
# counts how many verified RESULT=PASS on the first try (no false alarms right after up) and times
# each phase. Usage: bench/verify-cycles.sh [N=20]  (needs a built jar and an engine/images:
# `mvn -q -DskipTests package` and `eval "$(scripts/testbed.sh)"` offline)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
N=${1:-20}
PROJECT=ptobs-cycles-$$
export PEAKTRADE_OBS_PROMETHEUS_PORT=${PEAKTRADE_OBS_PROMETHEUS_PORT:-19192}
export PEAKTRADE_OBS_GRAFANA_PORT=${PEAKTRADE_OBS_GRAFANA_PORT:-13100}
export PEAKTRADE_OBS_EXPORTER_PORT=${PEAKTRADE_OBS_EXPORTER_PORT:-19209}
cds_archive
trap 'obs shadow down -p "$PROJECT" >/dev/null 2>&1 || true' EXIT

pass=0
printf 'cycle\tup_s\tverify_s\tdown_s\tresult\n'
for i in $(seq 1 "$N"); do
  t0=$(now); obs shadow up -p "$PROJECT" >/tmp/cycles-up.log 2>&1 || { echo "cycle $i: up failed"; cat /tmp/cycles-up.log; exit 1; }
  t1=$(now); result=$(obs shadow verify -p "$PROJECT" > /tmp/cycles-verify.log 2>&1 && echo PASS || echo FAIL)
  t2=$(now); obs shadow down -p "$PROJECT" >/dev/null 2>&1
  t3=$(now)
  [ "$result" = PASS ] && pass=$((pass + 1)) || grep -E '^(FAIL|NEXT)' /tmp/cycles-verify.log
  printf '%d\t%.2f\t%.2f\t%.2f\t%s\n' "$i" "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" "$(echo "$t3 - $t2" | bc)" "$result"
done
echo "$pass passed, $((N - pass)) failed"
