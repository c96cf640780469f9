#!/usr/bin/env bash
# Makes the AppCDS start-up archive for one peaktrade-obs jar: one training run
# (cli/StartupTraining: help, lint, verify over HTTP against this jar's mock exporter, verify and
# debug ps against the engine) lists the classes, then one static archive holds them. Static,
# because a dynamic archive cannot hold picocli's Java 5 class files. The archive is only valid for this jar
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
# one JVM runs the commands users run most (cli/StartupTraining), their classes listed
java "${FLAGS[@]}" -XX:DumpLoadedClassList="$TRAIN/classes.lst" -cp "$JAR" com.peaktrade.obs.cli.StartupTraining >/dev/null 2>&1 || true
java "${FLAGS[@]}" -Xshare:dump -XX:SharedClassListFile="$TRAIN/classes.lst" -XX:SharedArchiveFile="$JSA" \
  -jar "$JAR" >"$TRAIN/dump.log" 2>&1 || { rm -f "$JSA"; exit 1; }
[ -f "$JSA" ]
