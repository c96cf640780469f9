#!/usr/bin/env bash
# CLI start-up: `--help` and `--version`, median of 20+ runs, with the launcher's flags, without
# them, and with the AppCDS archive install.sh creates (scripts/cds-archive.sh).   Usage: bench/cli-start.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need_tools hyperfine
cds_archive
baseline_archive
# the JVM's own floor: a hello world with the same flags
HELLO=$(mktemp -d)
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$HELLO/Hello.java"
javac -d "$HELLO" "$HELLO/Hello.java"
{
  echo "# CLI start-up ($(date -u +%FT%TZ)); $(machine)"
  for cmd in --help --version; do
    extra=()
    if [ -n "${BASELINE_JAR:-}" ]; then
      extra=(-n "baseline jar, launcher flags + its AppCDS $cmd" "java $FLAGS ${BASE_JSA:+-XX:SharedArchiveFile=$BASE_JSA} -jar $BASELINE_JAR $cmd")
    fi
    hyperfine -N -w 3 -r 25 --export-markdown /dev/stdout \
      -n "default JVM $cmd" "java -jar $JAR $cmd" \
      -n "C1 + SerialGC $cmd" "java $FLAGS -jar $JAR $cmd" \
      -n "C1 + SerialGC + AppCDS $cmd" "java $FLAGS -XX:SharedArchiveFile=$JSA -jar $JAR $cmd" \
      "${extra[@]}" \
      -n "hello world, same flags" "java $FLAGS -cp $HELLO Hello" 2>/dev/null
  done
} | tee "$OUT_DIR/cli-start.txt"
