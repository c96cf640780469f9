#!/usr/bin/env bash
# Records docker compose v2's answer for each case of the compose corpus, the truth that
# ComposeCorpusTest compares `peaktrade-obs debug config --format json` with. Test tooling: the
# unit test reads the recorded files and needs no compose binary. Re-run after adding or changing
# a case (or to check a newer compose), then review the diff.
#
#   scripts/record-compose-v2.sh [CASE...]     (default: every case)
#   COMPOSE=/path/to/docker-compose scripts/record-compose-v2.sh     (default: docker compose)
#
# A case is a directory under src/test/resources/compose/corpus/:
#   files       the -f files in order, one per line, relative to the case (default: compose.yaml)
#   shell.env   KEY=VALUE lines: the whole shell environment besides HOME=/home/tester
#   expected.json   written here: stdout of `config --format json`, the repository root as ${REPO}
#   expected.error  written here instead when compose refuses: its error message (last stderr line)
# compose runs in the case directory with `env -i`, so nothing of the caller's environment leaks in.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$root/src/test/resources/compose/corpus
read -r -a compose <<< "${COMPOSE:-docker compose}"
docker_config=${DOCKER_CONFIG:-$HOME/.docker}

if [ $# -gt 0 ]; then cases=("$@"); else mapfile -t cases < <(ls "$corpus"); fi
"${compose[@]}" version >&2

err=$(mktemp)
trap 'rm -f "$err"' EXIT
for case in "${cases[@]}"; do
    dir=$corpus/$case
    [ -d "$dir" ] || { echo "no such case: $case" >&2; exit 2; }
    files=(compose.yaml)
    [ -f "$dir/files" ] && mapfile -t files < "$dir/files"
    args=()
    for f in "${files[@]}"; do args+=(-f "$f"); done
    env=(HOME=/home/tester PATH="$PATH" DOCKER_CONFIG="$docker_config")
    if [ -f "$dir/shell.env" ]; then
        while IFS= read -r line; do [ -n "$line" ] && env+=("$line"); done < "$dir/shell.env"
    fi
    rm -f "$dir/expected.json" "$dir/expected.error"
    if (cd "$dir" && env -i "${env[@]}" "${compose[@]}" "${args[@]}" config --format json) > "$dir/expected.json" 2> "$err"; then
        sed -i "s#$root#\${REPO}#g" "$dir/expected.json"
        echo "$case: recorded expected.json" >&2
    else
        rm -f "$dir/expected.json"
        grep -v '^time=' "$err" | tail -n 1 | sed "s#$root#\${REPO}#g" > "$dir/expected.error"
        echo "$case: compose refused it: $(cat "$dir/expected.error")" >&2
    fi
done
