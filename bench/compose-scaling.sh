#!/usr/bin/env bash
# Compose engine scaling: parse + merge + interpolate + resolve generated files of 10, 100 and
# 1,000 services (`debug config`, whole process), wall time and peak RSS.   Usage: bench/compose-scaling.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need_tools hyperfine
DIR=$(mktemp -d)
gen() { # N services, each with env, ports, volumes, depends_on on the previous one, over two -f files
  local n=$1 f=$DIR/base-$1.yaml o=$DIR/override-$1.yaml
  echo "services:" > "$f"; echo "services:" > "$o"
  for i in $(seq 1 "$n"); do
    cat >> "$f" <<SVC
  svc$i:
    image: \${IMAGE_$i:-registry.example/app:1.$i}
    command: ["run", "--id", "$i"]
    environment: {A: "\${HOME}", B: "b$i", C: "\${UNSET_$i:-d$i}"}
    ports: ["127.0.0.1:$((20000 + i)):80"]
    volumes: ["./data$i:/data:ro", "cache$i:/cache"]
    labels: {tier: "t$((i % 3))"}
$( if [ "$i" -gt 1 ]; then echo "    depends_on: [svc$((i - 1))]"; fi )
SVC
    printf '  svc%d:\n    environment: {B: "override%d"}\n' "$i" "$i" >> "$o"
  done
  echo "volumes:" >> "$f"; for i in $(seq 1 "$n"); do echo "  cache$i: {}" >> "$f"; done
}
{
  echo "# compose engine scaling ($(date -u +%FT%TZ)); $(machine)"
  for n in 10 100 1000; do
    gen "$n"
    bytes=$(cat "$DIR/base-$n.yaml" "$DIR/override-$n.yaml" | wc -c)
    rss=$( { /usr/bin/time -f "%M" java -XX:+UseSerialGC -jar "$JAR" debug config -f "$DIR/base-$n.yaml" -f "$DIR/override-$n.yaml" --format json >/dev/null; } 2>&1 | tail -n1)
    echo "## $n services ($bytes bytes of YAML), peak RSS $((rss / 1024)) MB"
    hyperfine -N -w 2 -r 10 --export-markdown /dev/stdout -n "$n services" \
      "java -XX:+UseSerialGC -jar $JAR debug config -f $DIR/base-$n.yaml -f $DIR/override-$n.yaml --format json" 2>/dev/null
  done
} | tee "$OUT_DIR/compose-scaling.txt"
