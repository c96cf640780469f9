#!/usr/bin/env bash
# All benchmarks in one go, results into docs/bench-results/ (see docs/benchmarks.md).
# Needs: a built jar (mvn -B -q -DskipTests package), an engine and the images (scripts/testbed.sh).
set -euo pipefail
DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPEATS=${REPEATS:-3} bash "$DIR/exporter.sh"
bash "$DIR/cli-start.sh"
bash "$DIR/compose-scaling.sh"
bash "$DIR/time-to-green.sh" "${RUNS:-5}"
bash "$DIR/warm-verify.sh" 10
bash "$DIR/up-verify-timeline.sh"
