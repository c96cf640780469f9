#!/usr/bin/env bash
# Makes the AOT cache (JDK 25 and newer: JEP 483, 514, 515) that the launcher uses when it finds a
# JDK 25: one training run (cli/StartupTraining: help, lint, verify over HTTP against this jar's mock
# exporter, verify and debug ps against the engine) recorded with -XX:AOTCacheOutput. The cache
# holds those classes already parsed and linked, and their methods' profiles. It is only valid for
# this JDK and this jar at this path and mtime; the launcher uses it only while it is newer than the
# jar (else the JVM would print errors about it and run without). Used by install.sh and bench/.
#
#   scripts/aot-cache.sh JAVA JAR CACHE     exit 0 when CACHE was written; 3 when JAVA is older than 25
set -euo pipefail
JAVA=$1
JAR=$2
CACHE=$3
FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData)   # the launcher's flags; the cache must match them
major=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1)
[ "${major:-0}" -ge 25 ] 2>/dev/null || exit 3
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
rm -f "$CACHE"
# one JVM runs the commands users run most (cli/StartupTraining): one cache serves them all
"$JAVA" "${FLAGS[@]}" -XX:AOTCacheOutput="$CACHE" -cp "$JAR" com.peaktrade.obs.cli.StartupTraining >"$WORK/train.log" 2>&1 || true
[ -s "$CACHE" ] || { echo "aot-cache.sh: no AOT cache written: $(tail -n1 "$WORK/train.log")" >&2; exit 1; }
