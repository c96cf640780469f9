#!/usr/bin/env bash
# Offline testbed: a real Docker engine plus the images the stacks need, built without any
# container registry (see README "Offline machines / testbed").
#
#   scripts/testbed.sh            engine + all images (idempotent; skips what is up to date)
#   scripts/testbed.sh --engine   only make sure an engine answers
#   scripts/testbed.sh --print    only print the PEAKTRADE_OBS_*_IMAGE exports
#
# Each image carries the label org.peaktrade.testbed.recipe=<sha256 of its recipe>; an image whose
# label matches is kept, one whose recipe changed is rebuilt. Progress goes to stderr; stdout gets
# only the `export PEAKTRADE_OBS_..._IMAGE=...` lines, so `eval "$(scripts/testbed.sh)"` works.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RECIPES="$ROOT/testbed"
STATE_DIR=${PEAKTRADE_TESTBED_STATE:-/var/lib/peaktrade-testbed}
DOCKERD_LOG=${PEAKTRADE_TESTBED_DOCKERD_LOG:-/var/log/peaktrade-testbed-dockerd.log}
MIRROR=${PEAKTRADE_TESTBED_MIRROR:-http://deb.debian.org/debian}
LABEL=org.peaktrade.testbed.recipe

BASE_IMAGE=peaktrade-testbed/base:bookworm
PROMETHEUS_IMAGE=peaktrade-testbed/prometheus:2.42
JRE_IMAGE=peaktrade-testbed/jre:17
STANDIN_IMAGE=peaktrade-testbed/grafana-standin:1
STANDIN_SRC="$ROOT/src/test/grafana-standin"

log() { printf '[testbed %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '[testbed] ERROR: %s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

engine_answers() { timeout 10 docker version --format '{{.Server.APIVersion}}' >/dev/null 2>&1; }

apt_install() {
  log "installing Debian packages: $*"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq >&2
  as_root apt-get install -y -qq --no-install-recommends "$@" >&2
}

ensure_engine() {
  if engine_answers; then
    log "engine answers (API $(docker version --format '{{.Server.APIVersion}}'))"
    return
  fi
  if [ -n "${DOCKER_HOST:-}" ] && [ "${DOCKER_HOST#unix://}" = "$DOCKER_HOST" ]; then
    die "DOCKER_HOST=$DOCKER_HOST does not answer; start that engine or unset DOCKER_HOST"
  fi
  command -v dockerd >/dev/null 2>&1 || apt_install docker.io iptables ca-certificates
  command -v docker >/dev/null 2>&1 || die "no docker client after installing docker.io"
  if ! pgrep -x dockerd >/dev/null 2>&1; then
    log "starting dockerd (log: $DOCKERD_LOG)"
    as_root mkdir -p "$(dirname "$DOCKERD_LOG")"
    # setsid: dockerd must outlive this script and not get the CI job's signals
    as_root setsid nohup dockerd >"$DOCKERD_LOG" 2>&1 < /dev/null &
  fi
  local i
  for i in $(seq 1 120); do
    engine_answers && { log "engine up after ~$((i / 2)) s"; return; }
    sleep 0.5
  done
  tail -n 30 "$DOCKERD_LOG" >&2 || true
  die "dockerd did not answer within 60 s (see $DOCKERD_LOG)"
}

image_hash() { docker image inspect -f "{{index .Config.Labels \"$LABEL\"}}" "$1" 2>/dev/null || true; }

# hash of files and extra strings that make up one image's recipe
recipe_hash() { { for a in "$@"; do if [ -d "$a" ]; then (cd "$a" && find . -type f -not -path './target/*' | LC_ALL=C sort | xargs sha256sum); elif [ -f "$a" ]; then sha256sum < "$a"; else printf '%s\n' "$a"; fi; done; } | sha256sum | cut -c1-16; }

build_base() {
  local hash; hash=$(recipe_hash "bookworm minbase openjdk-17-jre-headless,prometheus,ca-certificates,bash" "$MIRROR")
  if [ "$(image_hash "$BASE_IMAGE")" = "$hash" ]; then log "$BASE_IMAGE up to date"; return; fi
  command -v debootstrap >/dev/null 2>&1 || apt_install debootstrap
  local rootfs="$STATE_DIR/rootfs-$hash"
  if [ ! -f "$rootfs/.complete" ]; then
    log "debootstrap bookworm into $rootfs (about a minute)"
    as_root rm -rf "$rootfs"
    as_root mkdir -p "$STATE_DIR"
    as_root debootstrap --variant=minbase \
      --include=openjdk-17-jre-headless,prometheus,ca-certificates,bash \
      bookworm "$rootfs" "$MIRROR" >"$STATE_DIR/debootstrap.log" 2>&1 \
      || { tail -n 30 "$STATE_DIR/debootstrap.log" >&2; die "debootstrap failed (log: $STATE_DIR/debootstrap.log)"; }
    # the Debian package starts its own service and keeps data in /var/lib; neither is wanted
    as_root rm -rf "$rootfs/var/cache/apt/archives/"*.deb "$rootfs/var/lib/apt/lists/"*
    as_root touch "$rootfs/.complete"
  fi
  log "importing $BASE_IMAGE"
  as_root tar -C "$rootfs" --exclude=./.complete -c . \
    | docker import --change "LABEL $LABEL=$hash" --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$BASE_IMAGE" >/dev/null
  as_root rm -rf "$rootfs"
}

# build_derived IMAGE CONTEXT_DIR [extra hash input...]
build_derived() {
  local image=$1 ctx=$2; shift 2
  local hash; hash=$(recipe_hash "$ctx" "$(image_hash "$BASE_IMAGE")" "$@")
  if [ "$(image_hash "$image")" = "$hash" ]; then log "$image up to date"; return; fi
  log "building $image"
  docker build -q --pull=false --force-rm --label "$LABEL=$hash" -t "$image" "$ctx" >/dev/null
}

build_standin() {
  [ -d "$STANDIN_SRC" ] || { log "no Grafana stand-in sources at $STANDIN_SRC; skipped"; return; }
  local hash; hash=$(recipe_hash "$STANDIN_SRC" "$(image_hash "$BASE_IMAGE")")
  if [ "$(image_hash "$STANDIN_IMAGE")" = "$hash" ]; then log "$STANDIN_IMAGE up to date"; return; fi
  log "building the Grafana stand-in jar"
  mvn -B -q -f "$STANDIN_SRC/pom.xml" -DskipTests package >&2
  log "building $STANDIN_IMAGE"
  docker build -q --pull=false --force-rm --label "$LABEL=$hash" -t "$STANDIN_IMAGE" "$STANDIN_SRC" >/dev/null
}

print_exports() {
  cat <<EXPORTS
export PEAKTRADE_OBS_PROMETHEUS_IMAGE=$PROMETHEUS_IMAGE
export PEAKTRADE_OBS_EXPORTER_IMAGE=$JRE_IMAGE
export PEAKTRADE_OBS_GRAFANA_IMAGE=$STANDIN_IMAGE
EXPORTS
}

main() {
  case "${1:-}" in
    --print) print_exports; return ;;
    --engine) ensure_engine; return ;;
    ""|--all) ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; return ;;
    *) die "unknown option '$1' (try --help)" ;;
  esac
  local start=$SECONDS
  ensure_engine
  build_base
  build_derived "$PROMETHEUS_IMAGE" "$RECIPES/prometheus"
  build_derived "$JRE_IMAGE" "$RECIPES/jre"
  build_standin
  log "testbed ready in $((SECONDS - start)) s"
  print_exports
}

main "$@"
