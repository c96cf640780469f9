#!/usr/bin/env bash
# Builds peaktrade-obs and installs it for the current user (or under $PREFIX).
#
#   ./install.sh             build + install the launcher and shell completion
#   ./install.sh --offline   also build the offline testbed (engine + images, see README) and record
#                            its image variables in the user config file, for machines without a
#                            container registry
#
# Idempotent: re-running it upgrades in place.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PREFIX=${PREFIX:-$HOME/.local}
BIN_DIR="$PREFIX/bin"
LIB_DIR="$PREFIX/lib/peaktrade-obs"
BASH_COMPLETION_DIR="$PREFIX/share/bash-completion/completions"
ZSH_COMPLETION_DIR="$PREFIX/share/zsh/site-functions"
CONFIG_DIR="${XDG_CONFIG_HOME:-$HOME/.config}/peaktrade-obs"
CONFIG_ENV="$CONFIG_DIR/env"

offline=false
for arg in "$@"; do
  case "$arg" in
    --offline) offline=true ;;
    -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

say() { printf '==> %s\n' "$*"; }
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

# 1. Toolchain
command -v java >/dev/null 2>&1 || die "Java 17 or newer is required but 'java' is not on PATH (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless; macOS: brew install openjdk@17)."
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1)
java_major=${java_major#1.}
[ -n "$java_major" ] && [ "$java_major" -ge 17 ] 2>/dev/null \
  || die "Java 17 or newer is required; 'java' is version ${java_major:-unknown} ($(command -v java)). Set JAVA_HOME/PATH to a JDK 17+."
command -v mvn >/dev/null 2>&1 || die "Apache Maven is required to build but 'mvn' is not on PATH (Debian/Ubuntu: apt-get install maven; macOS: brew install maven)."

# 2. Offline testbed (optional)
if $offline; then
  say "building the offline testbed (Docker engine and images; first run takes a few minutes)"
  exports=$(bash "$ROOT/scripts/testbed.sh")
  mkdir -p "$CONFIG_DIR"
  touch "$CONFIG_ENV"
  tmp=$(mktemp "$CONFIG_DIR/env.XXXXXX")
  # keep the user's other lines; replace only the image variables we own
  grep -v -E '^(export +)?PEAKTRADE_OBS_(PROMETHEUS|GRAFANA|EXPORTER)_IMAGE=' "$CONFIG_ENV" > "$tmp" || true
  printf '%s\n' "$exports" | sed 's/^export //' >> "$tmp"
  mv "$tmp" "$CONFIG_ENV"
  say "recorded the testbed images in $CONFIG_ENV (the shell environment still wins over it)"
fi

# 3. Build (tests are run by the test command in README, not here)
say "building the jar (mvn package, tests skipped)"
(cd "$ROOT" && mvn -B -q -Dstyle.color=never -DskipTests package)
JAR="$ROOT/target/peaktrade-obs.jar"
[ -f "$JAR" ] || die "build finished but $JAR is missing"

# 4. Install jar + launcher
mkdir -p "$BIN_DIR" "$LIB_DIR"
install -m 0644 "$JAR" "$LIB_DIR/peaktrade-obs.jar.new"
mv -f "$LIB_DIR/peaktrade-obs.jar.new" "$LIB_DIR/peaktrade-obs.jar"
JSA="$LIB_DIR/peaktrade-obs.jsa"
AOT="$LIB_DIR/peaktrade-obs.aot"

# A JDK 25 or newer starts us faster with an AOT cache (warm verify 0.2-0.35 s sooner, docs/benchmarks.md).
# The first found wins: $PEAKTRADE_OBS_JAVA, $JAVA_HOME, java on PATH, then the usual install dirs.
# The jar stays Java 17: without one, `java` runs it with the AppCDS archive as before.
major_of() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1; }
AOT_JAVA=""
for candidate in "${PEAKTRADE_OBS_JAVA:-}" "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java)" \
    /usr/lib/jvm/*/bin/java /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
  [ -n "$candidate" ] && [ -x "$candidate" ] || continue
  m=$(major_of "$candidate"); m=${m#1.}
  if [ -n "$m" ] && [ "$m" -ge 25 ] 2>/dev/null; then
    AOT_JAVA=$(cd "$(dirname "$candidate")" && pwd -P)/$(basename "$candidate")
    break
  fi
done

cat > "$BIN_DIR/peaktrade-obs.new" <<LAUNCHER
#!/usr/bin/env sh
# peaktrade-obs launcher, written by install.sh. C1-only JIT and the serial GC: a CLI run is
# short, so start-up time matters more than peak throughput; no perf-data file (jstat/jcmd
# visibility) for a process that lives a second: ~30 ms less start-up.
# With a JDK 25 or newer (found by install.sh) it runs with the AOT cache install.sh made for this
# jar: classes loaded and linked ahead of time. Else the AppCDS archive saves class loading.
# Either is used only while it is newer than the jar: the JVM rejects an archive of another jar
# and then shares nothing at all, not even the JDK's own classes. PEAKTRADE_OBS_JAVA_OPTS replaces
# the flags, and then java on PATH runs (an AOT cache is only valid with the flags it was made with).
FLAGS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData"
AOT_JAVA="$AOT_JAVA"
if [ -z "\${PEAKTRADE_OBS_JAVA_OPTS:-}" ] && [ -n "\$AOT_JAVA" ] && [ -x "\$AOT_JAVA" ] && [ -f "$AOT" ] && [ "$AOT" -nt "$LIB_DIR/peaktrade-obs.jar" ]; then
  # -Xlog:aot*=off: a cache the JVM rejects (its JDK updated in place) is no error worth printing
  exec "\$AOT_JAVA" \$FLAGS -XX:AOTCache="$AOT" -Xlog:aot*=off -jar "$LIB_DIR/peaktrade-obs.jar" "\$@"
fi
CDS=""
[ -f "$JSA" ] && [ "$JSA" -nt "$LIB_DIR/peaktrade-obs.jar" ] && CDS="-XX:SharedArchiveFile=$JSA"
exec java \${PEAKTRADE_OBS_JAVA_OPTS:-\$FLAGS -Xshare:auto} \$CDS -jar "$LIB_DIR/peaktrade-obs.jar" "\$@"
LAUNCHER
chmod 0755 "$BIN_DIR/peaktrade-obs.new"
mv -f "$BIN_DIR/peaktrade-obs.new" "$BIN_DIR/peaktrade-obs"
say "installed $BIN_DIR/peaktrade-obs ($(java -jar "$LIB_DIR/peaktrade-obs.jar" --version | head -n1))"

# 5. Start-up archives for the installed jar: AppCDS (any JDK) and the AOT cache (JDK 25+). Each records
#    the jar's path and mtime, so both are redone on every install; see scripts/cds-archive.sh and
#    scripts/aot-cache.sh
bash "$ROOT/scripts/cds-archive.sh" "$LIB_DIR/peaktrade-obs.jar" "$JSA" \
  && say "start-up archive: $JSA" || say "no start-up archive (the JVM could not write one); start-up is just slower"
rm -f "$AOT"
if [ -n "$AOT_JAVA" ]; then
  bash "$ROOT/scripts/aot-cache.sh" "$AOT_JAVA" "$LIB_DIR/peaktrade-obs.jar" "$AOT" \
    && say "AOT cache for $AOT_JAVA: $AOT (the launcher runs that JDK)" \
    || say "no AOT cache ($AOT_JAVA could not write one): the launcher runs java with the AppCDS archive"
else
  say "no JDK 25 or newer found (set PEAKTRADE_OBS_JAVA to one and re-run: verify starts 0.2-0.35 s faster); the launcher runs java"
fi

# 6. Shell completion (bash; zsh through bashcompinit, which the script enables itself)
mkdir -p "$BASH_COMPLETION_DIR" "$ZSH_COMPLETION_DIR"
java -jar "$LIB_DIR/peaktrade-obs.jar" generate-completion > "$BASH_COMPLETION_DIR/peaktrade-obs"
cp "$BASH_COMPLETION_DIR/peaktrade-obs" "$ZSH_COMPLETION_DIR/_peaktrade-obs"
say "installed completion: $BASH_COMPLETION_DIR/peaktrade-obs (bash), $ZSH_COMPLETION_DIR/_peaktrade-obs (zsh)"

case ":$PATH:" in
  *":$BIN_DIR:"*) ;;
  *) say "NOTE: $BIN_DIR is not on your PATH. Add it, e.g.: echo 'export PATH=\"$BIN_DIR:\$PATH\"' >> ~/.bashrc" ;;
esac
say "done. Next: peaktrade-obs shadow up"
