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
