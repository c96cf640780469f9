#!/usr/bin/env bash
# Removes containers, networks and volumes left by earlier integration-test runs. Selects strictly
# by the test label org.peaktrade.obs.test that the test harness puts on everything it creates;
# nothing else (not a stack you started yourself) is touched.
set -euo pipefail
LABEL=org.peaktrade.obs.test
containers=$(docker ps -aq --filter "label=$LABEL")
[ -z "$containers" ] || docker rm -f -v $containers >/dev/null
networks=$(docker network ls -q --filter "label=$LABEL")
[ -z "$networks" ] || docker network rm $networks >/dev/null
volumes=$(docker volume ls -q --filter "label=$LABEL")
[ -z "$volumes" ] || docker volume rm $volumes >/dev/null
echo "[clean] removed $(echo $containers | wc -w) containers, $(echo $networks | wc -w) networks, $(echo $volumes | wc -w) volumes labelled $LABEL"

# Stacks started by integration tests through the CLI carry compose labels, not the test label:
# their project names start with ptobs-it- (see EngineExtension).
projects=$(docker ps -a --format '{{.Label "com.docker.compose.project"}}' | grep '^ptobs-it-' | sort -u || true)
for p in $projects; do
  ids=$(docker ps -aq --filter "label=com.docker.compose.project=$p")
  [ -z "$ids" ] || docker rm -f -v $ids >/dev/null
  nets=$(docker network ls -q --filter "label=com.docker.compose.project=$p")
  [ -z "$nets" ] || docker network rm $nets >/dev/null
done
[ -z "$projects" ] || echo "[clean] removed test compose projects: $(echo $projects | tr '\n' ' ')"
