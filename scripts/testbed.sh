#!/usr/bin/env bash
# Offline testbed: a real Docker engine plus the images the stacks need, built without any
# container registry (see README "Offline machines / testbed" and docs/testbed.md).
#
#   scripts/testbed.sh            engine + all images (idempotent; skips what is up to date)
#   scripts/testbed.sh --engine   only make sure the testbed engine answers
#   scripts/testbed.sh --print    only print the PEAKTRADE_OBS_*_IMAGE exports
#
# The engine is Docker 28.5 from Debian sid, started with DOCKER_MIN_API_VERSION=1.44 (Docker 29's
# API floor) on the default socket; an older engine answering there is stopped and replaced.
# Prometheus images are built from Debian's prometheus/promtool packages: 3.5 (sid) is the default,
# 2.53 (trixie) the second one. Newer packages come through a private apt sources list in the state
# directory; the host's own packages are never upgraded.
#
# Each image carries the label org.peaktrade.testbed.recipe=<sha256 of its recipe>; an image whose
# label matches is kept, one whose recipe changed is rebuilt. Progress goes to stderr; stdout gets
# only the `export ...` lines, so `eval "$(scripts/testbed.sh)"` works.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RECIPES="$ROOT/testbed"
STATE_DIR=${PEAKTRADE_TESTBED_STATE:-/var/lib/peaktrade-testbed}
DOCKERD_LOG=${PEAKTRADE_TESTBED_DOCKERD_LOG:-/var/log/peaktrade-testbed-dockerd.log}
MIRROR=${PEAKTRADE_TESTBED_MIRROR:-http://deb.debian.org/debian}
LABEL=org.peaktrade.testbed.recipe

# What CI proves: version globs picked from Debian's suites (newest match wins).
ENGINE_SUITE=sid;      ENGINE_VERSION_GLOB='28.5.*'
MIN_API_VERSION=1.44
COMPOSE_SUITE=sid;     COMPOSE_VERSION_GLOB='2.*'
PROM3_SUITE=sid;       PROM3_VERSION_GLOB='3.5.*'
PROM2_SUITE=trixie;    PROM2_VERSION_GLOB='2.53.*'

BASE_IMAGE=peaktrade-testbed/base:bookworm
PROMETHEUS_IMAGE=peaktrade-testbed/prometheus:3.5
PROMETHEUS2_IMAGE=peaktrade-testbed/prometheus:2.53
JRE_IMAGE=peaktrade-testbed/jre:17
STANDIN_IMAGE=peaktrade-testbed/grafana-standin:1
STANDIN_SRC="$ROOT/src/test/grafana-standin"
ENGINE_PIDFILE=/var/run/peaktrade-testbed-dockerd.pid

log() { printf '[testbed %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '[testbed] ERROR: %s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  log "installing Debian packages: $*"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq >&2
  as_root apt-get install -y -qq --no-install-recommends "$@" >&2
}

# --- newer Debian builds through a private sources list (never installed on the host) ---------
NEWER="$STATE_DIR/newer"
newer_apt() {
  as_root apt-get -q -o Dir::Etc::SourceList="$NEWER/sources.list" -o Dir::Etc::SourceParts=/dev/null \
    -o Dir::State::Lists="$NEWER/lists" -o Dir::Cache="$NEWER/cache" -o APT::Sandbox::User=root "$@"
}
newer_cache() {
  apt-cache -o Dir::Etc::SourceList="$NEWER/sources.list" -o Dir::Etc::SourceParts=/dev/null \
    -o Dir::State::Lists="$NEWER/lists" -o Dir::Cache="$NEWER/cache" "$@"
}
newer_update() {
  as_root mkdir -p "$NEWER/lists/partial" "$NEWER/cache/archives/partial" "$NEWER/debs" "$NEWER/pkg"
  local keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  printf 'deb [signed-by=%s] %s sid main\ndeb [signed-by=%s] %s trixie main\n' "$keyring" "$MIRROR" "$keyring" "$MIRROR" \
    | as_root tee "$NEWER/sources.list.new" >/dev/null
  # lists younger than a day are reused (idempotent re-runs need no network)
  if cmp -s "$NEWER/sources.list.new" "$NEWER/sources.list" 2>/dev/null \
     && [ -n "$(find "$NEWER/lists" -maxdepth 1 -name '*_Packages*' -mmin -1440 2>/dev/null | head -1)" ]; then
    return
  fi
  as_root mv "$NEWER/sources.list.new" "$NEWER/sources.list"
  log "reading package lists of Debian sid and trixie (private sources list in $NEWER)"
  newer_apt update -qq >&2 || die "apt-get update of the private sid/trixie lists failed"
}
# newer_version PKG SUITE GLOB -> the newest version of PKG in SUITE that matches GLOB
newer_version() {
  local pkg=$1 suite=$2 glob=$3 v s
  while IFS='|' read -r _ v s; do
    v=$(echo "$v" | xargs); s=$(echo "$s" | xargs)
    case "$s" in *" $suite/"*) ;; *) continue ;; esac
    # shellcheck disable=SC2254
    case "$v" in $glob) echo "$v"; return ;; esac
  done < <(newer_cache madison "$pkg")
  die "Debian $suite has no $pkg matching $glob (apt-cache madison $pkg: $(newer_cache madison "$pkg" | tr '\n' ';'))"
}
# newer_unpack PKG VERSION -> directory with the package's files (downloaded and unpacked once)
newer_unpack() {
  local pkg=$1 version=$2 dir="$NEWER/pkg/$1_$2"
  if [ ! -f "$dir/.complete" ]; then
    log "downloading $pkg $version"
    (cd "$NEWER/debs" && newer_apt download -qq "$pkg=$version" >&2) || die "apt-get download $pkg=$version failed"
    as_root rm -rf "$dir" && as_root mkdir -p "$dir"
    as_root dpkg-deb -x "$(ls "$NEWER/debs/${pkg}_"*.deb | grep -F "_$(echo "$version" | sed 's/^[0-9]*://')_" | head -1)" "$dir"
    as_root touch "$dir/.complete"
  fi
  echo "$dir"
}

# --- engine --------------------------------------------------------------------------------------
server_facts() { timeout 10 docker version --format '{{.Server.Version}} {{.Server.APIVersion}} {{.Server.MinAPIVersion}}' 2>/dev/null; }
client_api() { { docker version --format '{{.Client.APIVersion}}' 2>/dev/null || true; } | head -1 | grep . || echo 0; }
version_ge() { [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -1)" = "$2" ]; }

engine_is_ours() {
  local facts; facts=$(server_facts) || return 1
  set -- $facts
  # shellcheck disable=SC2254
  case "$1" in ${ENGINE_VERSION_GLOB%%+*}) ;; *) return 1 ;; esac
  [ "${3:-}" = "$MIN_API_VERSION" ]
}

stop_engine() {
  local pids; pids=$(pgrep -x dockerd || true)
  [ -n "$pids" ] || die "an engine answers on the default socket ($(server_facts || echo unknown)) but no dockerd process runs here to replace (Docker Desktop?); stop it, or set DOCKER_HOST to a Docker ${ENGINE_VERSION_GLOB%.*} engine"
  log "stopping the engine that answers now ($(server_facts || echo '?')): dockerd pid $pids"
  as_root kill $pids
  local i
  for i in $(seq 1 60); do pgrep -x dockerd >/dev/null || break; sleep 0.5; done
  pgrep -x dockerd >/dev/null && die "dockerd (pid $pids) did not stop within 30 s"
  # a containerd that the old engine managed may linger; ours starts its own
  pkill -x containerd 2>/dev/null || true
  as_root rm -f /var/run/docker.pid "$ENGINE_PIDFILE"
}

ensure_engine() {
  if [ -n "${DOCKER_HOST:-}" ] && [ "${DOCKER_HOST#unix:///var/run/docker.sock}" = "$DOCKER_HOST" ]; then
    server_facts >/dev/null || die "DOCKER_HOST=$DOCKER_HOST does not answer; start that engine or unset DOCKER_HOST"
    log "using DOCKER_HOST=$DOCKER_HOST as is: $(engine_line)"
    return
  fi
  local version; version=$(newer_version docker.io "$ENGINE_SUITE" "$ENGINE_VERSION_GLOB+*")
  local containerd_version; containerd_version=$(newer_version containerd "$ENGINE_SUITE" '*')
  ensure_client "$version"
  if engine_is_ours; then log "engine answers: $(engine_line)"; return; fi
  if server_facts >/dev/null; then stop_engine; fi
  command -v runc >/dev/null 2>&1 && command -v iptables >/dev/null 2>&1 || apt_install runc iptables ca-certificates
  local dockerd_dir containerd_dir bin="$STATE_DIR/engine/docker-$version/bin"
  dockerd_dir=$(newer_unpack docker.io "$version")
  containerd_dir=$(newer_unpack containerd "$containerd_version")
  if [ ! -x "$bin/dockerd" ]; then
    as_root mkdir -p "$bin"
    as_root cp "$dockerd_dir/usr/sbin/dockerd" "$dockerd_dir/usr/sbin/docker-proxy" \
      "$containerd_dir/usr/bin/containerd" "$containerd_dir/usr/bin/containerd-shim-runc-v2" "$bin/"
  fi
  log "starting dockerd $version (containerd $containerd_version, runc $(runc --version | head -1 | awk '{print $3}')) with DOCKER_MIN_API_VERSION=$MIN_API_VERSION (log: $DOCKERD_LOG)"
  as_root mkdir -p "$(dirname "$DOCKERD_LOG")"
  # setsid: dockerd must outlive this script and not get the CI job's signals. Its own directory
  # comes first on PATH so it finds its containerd, shim and docker-proxy (bookworm's runc serves).
  as_root env PATH="$bin:$PATH" DOCKER_MIN_API_VERSION="$MIN_API_VERSION" \
    setsid nohup "$bin/dockerd" --pidfile "$ENGINE_PIDFILE" >"$DOCKERD_LOG" 2>&1 < /dev/null &
  local i
  for i in $(seq 1 120); do
    engine_is_ours && { log "engine up after ~$((i / 2)) s: $(engine_line)"; return; }
    sleep 0.5
  done
  tail -n 30 "$DOCKERD_LOG" >&2 || true
  die "dockerd $version did not answer within 60 s (see $DOCKERD_LOG)"
}

# The docker CLI must speak API >= 1.44 to an engine with that floor (bookworm's 20.10 client cannot).
ensure_client() {
  if command -v docker >/dev/null 2>&1 && version_ge "$(client_api)" "$MIN_API_VERSION"; then return; fi
  local dir; dir=$(newer_unpack docker-cli "$1")
  log "installing the docker CLI $1 from Debian $ENGINE_SUITE as /usr/local/bin/docker"
  as_root install -m 0755 "$dir/usr/bin/docker" /usr/local/bin/docker
  hash -r
}

engine_line() {
  local facts; facts=$(server_facts) || { echo "no engine"; return; }
  set -- $facts
  echo "Docker ${1%%+*}, API $2, min $3"
}

# docker compose v2: a test-only peer (the product never calls it), as the CLI plugin.
ensure_compose() {
  local version; version=$(newer_version docker-compose "$COMPOSE_SUITE" "$COMPOSE_VERSION_GLOB")
  local plugins="${DOCKER_CONFIG:-$HOME/.docker}/cli-plugins"
  if [ -x "$plugins/docker-compose" ] && docker compose version 2>/dev/null | grep -qF "${version%%-*}"; then
    log "docker compose ${version%%-*} present"; return
  fi
  local dir; dir=$(newer_unpack docker-compose "$version")
  mkdir -p "$plugins"
  install -m 0755 "$dir/usr/libexec/docker/cli-plugins/docker-compose" "$plugins/docker-compose"
  log "installed docker compose $(docker compose version --short 2>/dev/null) into $plugins"
}

# --- images --------------------------------------------------------------------------------------
image_hash() { docker image inspect -f "{{index .Config.Labels \"$LABEL\"}}" "$1" 2>/dev/null || true; }

# hash of files and extra strings that make up one image's recipe
recipe_hash() { { for a in "$@"; do if [ -d "$a" ]; then (cd "$a" && find . -type f -not -path './target/*' | LC_ALL=C sort | xargs sha256sum); elif [ -f "$a" ]; then sha256sum < "$a"; else printf '%s\n' "$a"; fi; done; } | sha256sum | cut -c1-16; }

build_base() {
  local hash; hash=$(recipe_hash "bookworm minbase openjdk-17-jre-headless,ca-certificates,bash" "$MIRROR")
  if [ "$(image_hash "$BASE_IMAGE")" = "$hash" ]; then log "$BASE_IMAGE up to date"; return; fi
  command -v debootstrap >/dev/null 2>&1 || apt_install debootstrap
  local rootfs="$STATE_DIR/rootfs-$hash"
  if [ ! -f "$rootfs/.complete" ]; then
    log "debootstrap bookworm into $rootfs (about a minute)"
    as_root rm -rf "$rootfs"
    as_root mkdir -p "$STATE_DIR"
    as_root debootstrap --variant=minbase \
      --include=openjdk-17-jre-headless,ca-certificates,bash \
      bookworm "$rootfs" "$MIRROR" >"$STATE_DIR/debootstrap.log" 2>&1 \
      || { tail -n 30 "$STATE_DIR/debootstrap.log" >&2; die "debootstrap failed (log: $STATE_DIR/debootstrap.log)"; }
    as_root rm -rf "$rootfs/var/cache/apt/archives/"*.deb "$rootfs/var/lib/apt/lists/"*
    as_root touch "$rootfs/.complete"
  fi
  log "importing $BASE_IMAGE"
  as_root tar -C "$rootfs" --exclude=./.complete -c . \
    | docker import --change "LABEL $LABEL=$hash" --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$BASE_IMAGE" >/dev/null
  as_root rm -rf "$rootfs"
}

docker_build() { # docker_build IMAGE HASH CONTEXT [build args...]
  local image=$1 hash=$2 ctx=$3; shift 3
  log "building $image"
  # the classic builder: no buildx plugin here, and it needs no registry for FROM a local image
  DOCKER_BUILDKIT=0 docker build -q --pull=false --force-rm --label "$LABEL=$hash" "$@" -t "$image" "$ctx" >/dev/null 2> >(grep -v -e DEPRECATED -e 'legacy builder' -e 'BuildKit' -e 'buildx' -e 'environment-variable' -e '^ *$' >&2)
}

# build_derived IMAGE CONTEXT_DIR [extra hash input...]
build_derived() {
  local image=$1 ctx=$2; shift 2
  local hash; hash=$(recipe_hash "$ctx" "$(image_hash "$BASE_IMAGE")" "$@")
  if [ "$(image_hash "$image")" = "$hash" ]; then log "$image up to date"; return; fi
  docker_build "$image" "$hash" "$ctx"
}

# build_prometheus IMAGE SUITE GLOB: upstream prom/prometheus's layout around Debian's binaries
build_prometheus() {
  local image=$1 suite=$2 glob=$3
  local version; version=$(newer_version prometheus "$suite" "$glob")
  local tool_version; tool_version=$(newer_version promtool "$suite" "$glob")
  local hash; hash=$(recipe_hash "$RECIPES/prometheus" "$(image_hash "$BASE_IMAGE")" "prometheus $version promtool $tool_version")
  if [ "$(image_hash "$image")" = "$hash" ]; then log "$image (Prometheus $version) up to date"; return; fi
  local prom tool ctx
  prom=$(newer_unpack prometheus "$version")
  tool=$(newer_unpack promtool "$tool_version")
  ctx=$(mktemp -d)
  cp -r "$RECIPES/prometheus/." "$ctx/"
  mkdir -p "$ctx/dist/bin" "$ctx/dist/share"
  cp "$prom/usr/bin/prometheus" "$tool/usr/bin/promtool" "$ctx/dist/bin/"
  cp -r "$prom/usr/share/prometheus/web" "$ctx/dist/share/web"
  cp -rL "$prom/etc/prometheus/consoles" "$prom/etc/prometheus/console_libraries" "$ctx/dist/share/"
  local major=${version%%.*}
  docker_build "$image" "$hash" "$ctx" --target "v$major" --build-arg "PROMETHEUS_VERSION=${version%%+*}"
  rm -rf "$ctx"
}

build_standin() {
  [ -d "$STANDIN_SRC" ] || { log "no Grafana stand-in sources at $STANDIN_SRC; skipped"; return; }
  local hash; hash=$(recipe_hash "$STANDIN_SRC" "$(image_hash "$BASE_IMAGE")")
  if [ "$(image_hash "$STANDIN_IMAGE")" = "$hash" ]; then log "$STANDIN_IMAGE up to date"; return; fi
  log "building the Grafana stand-in jar"
  mvn -B -q -f "$STANDIN_SRC/pom.xml" -DskipTests package >&2
  docker_build "$STANDIN_IMAGE" "$hash" "$STANDIN_SRC"
}

print_exports() {
  cat <<EXPORTS
export PEAKTRADE_OBS_PROMETHEUS_IMAGE=$PROMETHEUS_IMAGE
export PEAKTRADE_OBS_PROMETHEUS_IMAGES="$PROMETHEUS_IMAGE $PROMETHEUS2_IMAGE"
export PEAKTRADE_OBS_EXPORTER_IMAGE=$JRE_IMAGE
export PEAKTRADE_OBS_GRAFANA_IMAGE=$STANDIN_IMAGE
EXPORTS
}

main() {
  case "${1:-}" in
    --print) print_exports; return ;;
    --engine) newer_update; ensure_engine; return ;;
    ""|--all) ;;
    -h|--help) sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; return ;;
    *) die "unknown option '$1' (try --help)" ;;
  esac
  local start=$SECONDS
  newer_update
  ensure_engine
  ensure_compose
  build_base
  build_prometheus "$PROMETHEUS_IMAGE" "$PROM3_SUITE" "$PROM3_VERSION_GLOB+*"
  build_prometheus "$PROMETHEUS2_IMAGE" "$PROM2_SUITE" "$PROM2_VERSION_GLOB+*"
  build_derived "$JRE_IMAGE" "$RECIPES/jre"
  build_standin
  log "testbed ready in $((SECONDS - start)) s: $(engine_line); $(docker compose version 2>/dev/null || echo 'no docker compose')"
  for image in $PROMETHEUS_IMAGE $PROMETHEUS2_IMAGE; do
    log "$image: $(docker run --rm "$image" --version 2>&1 | head -1)"
  done
  print_exports
}

main "$@"
