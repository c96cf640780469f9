#!/usr/bin/env bash
# Makes the AppCDS start-up archive for one peaktrade-obs jar: training runs that load what the
# commands load (CLI and help, lint, the HTTP clients, checks and reporters of verify, the Docker
# client of ps/up/verify), merged into one static archive. Static, because a dynamic archive holds
# one run only and cannot hold picocli's Java 5 class files. The archive is only valid for this jar
# at this path and mtime (the JVM ignores a stale one). Without a Docker engine the Docker part is
# simply not archived. Used by install.sh and bench/.
#
#   scripts/cds-archive.sh JAR ARCHIVE      exit 0 when ARCHIVE was written
set -euo pipefail
JAR=$1
JSA=$2
FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData)   # the launcher's flags; the archive must match them
TRAIN=$(mktemp -d)
trap 'rm -rf "$TRAIN"' EXIT
rm -f "$JSA"
train() {
  java "${FLAGS[@]}" -XX:DumpLoadedClassList="$TRAIN/$1.lst" -jar "$JAR" "${@:2}" >/dev/null 2>&1 || true
}
train help --help
train lint lint
train verify shadow verify -p peaktrade-obs-cds-training --prometheus-url http://127.0.0.1:9 \
  --grafana-url http://127.0.0.1:9 --exporter-url http://127.0.0.1:9/metrics --no-wait
train ps debug ps -p peaktrade-obs-cds-training
cat "$TRAIN"/*.lst 2>/dev/null | sort -u > "$TRAIN/classes.lst"
java "${FLAGS[@]}" -Xshare:dump -XX:SharedClassListFile="$TRAIN/classes.lst" -XX:SharedArchiveFile="$JSA" \
  -jar "$JAR" >"$TRAIN/dump.log" 2>&1 || { rm -f "$JSA"; exit 1; }
[ -f "$JSA" ]
