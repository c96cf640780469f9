#!/usr/bin/env bash
# CLI start-up: `--help` and `--version`, median of 20+ runs, with the launcher's flags, without
# them, and with the AppCDS archive install.sh creates (scripts/cds-archive.sh).   Usage: bench/cli-start.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need_tools hyperfine
cds_archive
{
  echo "# CLI start-up ($(date -u +%FT%TZ)); $(machine)"
  for cmd in --help --version; do
    hyperfine -N -w 3 -r 25 --export-markdown /dev/stdout \
      -n "default JVM $cmd" "java -jar $JAR $cmd" \
      -n "C1 + SerialGC $cmd" "java $FLAGS -jar $JAR $cmd" \
      -n "C1 + SerialGC + AppCDS $cmd" "java $FLAGS -XX:SharedArchiveFile=$JSA -jar $JAR $cmd" 2>/dev/null
  done
} | tee "$OUT_DIR/cli-start.txt"
