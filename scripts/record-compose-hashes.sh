#!/usr/bin/env bash
# Records docker compose's config-hash of every service of the hash corpus
# (src/test/resources/compose/hash/cases.txt) into hashes.txt beside it; ServiceConfigHashTest
# checks that peaktrade-obs computes the same. Needs only the docker compose v2 plugin: `config
# --hash` loads the files and talks to no engine.
#
#   scripts/record-compose-hashes.sh          (re)record hashes.txt
#   scripts/record-compose-hashes.sh --check  compare with hashes.txt; exit 1 on a difference
#
# Each case runs in an empty environment (HOME=/home/tester plus the case's KEY=VALUE words), so
# no variable of the caller's shell changes interpolation, from a copy of its directory under
# /tmp/ptobs-config-hash/<case>/files/ (the test copies to the same place: bind sources are
# absolute paths and part of the hash). COMPOSE_PLUGIN overrides where the plugin binary is.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CORPUS="$ROOT/src/test/resources/compose/hash"
STAGE=/tmp/ptobs-config-hash
OUT="$CORPUS/hashes.txt"

die() { printf 'record-compose-hashes: %s\n' "$*" >&2; exit 2; }

find_plugin() {
  local dir
  for dir in "${DOCKER_CONFIG:-$HOME/.docker}/cli-plugins" /usr/local/lib/docker/cli-plugins \
      /usr/libexec/docker/cli-plugins /usr/lib/docker/cli-plugins; do
    if [ -x "$dir/docker-compose" ]; then
      printf '%s\n' "$dir/docker-compose"
      return
    fi
  done
  die "docker compose v2 plugin not found (set COMPOSE_PLUGIN=/path/to/docker-compose)"
}

trim() { local s=$1; s=${s#"${s%%[![:space:]]*}"}; printf '%s' "${s%"${s##*[![:space:]]}"}"; }

PLUGIN=${COMPOSE_PLUGIN:-$(find_plugin)}
VERSION=$("$PLUGIN" version --short)

record() {
  printf '# docker compose %s, config --hash, from cases.txt by scripts/record-compose-hashes.sh; do not edit\n' "$VERSION"
  local name dir files env
  while IFS='|' read -r name dir files env; do
    name=$(trim "$name")
    case "$name" in ''|'#'*) continue ;; esac
    dir=$(trim "$dir")
    [ -d "$ROOT/$dir" ] || die "case $name: no directory $dir"
    local dest="$STAGE/$name/files"
    rm -rf "$dest"
    mkdir -p "$dest"
    find "$ROOT/$dir" -maxdepth 1 -type f -exec cp {} "$dest/" \;
    local args=()
    for f in $files; do args+=(-f "$dest/$f"); done
    # shellcheck disable=SC2086 # env is KEY=VALUE words by design
    env -i PATH=/usr/bin:/bin HOME=/home/tester $(trim "$env") \
      "$PLUGIN" -p "hash-$name" "${args[@]}" config --hash '*' </dev/null \
      | sed "s/^/$name /" || die "case $name: docker compose failed"
  done < "$CORPUS/cases.txt"
}

if [ "${1:-}" = --check ]; then
  if diff <(grep -v '^#' "$OUT") <(record | grep -v '^#'); then
    echo "hashes.txt matches docker compose $VERSION"
  else
    echo "hashes.txt differs from docker compose $VERSION (< recorded, > now)" >&2
    exit 1
  fi
else
  record > "$OUT.tmp"
  mv "$OUT.tmp" "$OUT"
  echo "recorded $(grep -vc '^#' "$OUT") service hashes with docker compose $VERSION into ${OUT#"$ROOT"/}"
fi
