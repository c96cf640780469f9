#!/usr/bin/env bash
# `shadow up` (then `down`) against the same engine reached three ways, interleaved in one run:
# the local socket, tcp+mutual TLS (socat in front of the socket, as TlsEngineIT does) and ssh
# (an sshd of our own on 127.0.0.1, `docker system dial-stdio` on the far side, as SshEngineIT).
# Over TLS and ssh the engine counts as remote, so up copies the stack's files into the containers.
# Usage: bench/remote-up.sh [ROUNDS]   (default 3; raw output in docs/bench-results/remote-up.txt)
source "$(dirname "$0")/lib.sh"
ROUNDS=${1:-3}
need_tools socat openssl
[ -x /usr/sbin/sshd ] || need_tools openssh-server
WORK=$(mktemp -d /tmp/ptobs-remote-up.XXXXXX)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
await_port() { for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }

# --- TLS: a CA, the engine's certificate for 127.0.0.1, a client certificate
cd "$WORK"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=bench-ca -keyout ca-key.pem -out ca.pem 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj /CN=engine -keyout server-key.pem -out server.csr 2>/dev/null
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2 -out server.pem \
  -extfile <(printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n') 2>/dev/null
mkdir certs
openssl req -newkey rsa:2048 -nodes -subj /CN=client -keyout certs/key.pem -out client.csr 2>/dev/null
openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2 -out certs/cert.pem \
  -extfile <(printf 'extendedKeyUsage=clientAuth\n') 2>/dev/null
cp ca.pem certs/ca.pem
printf 'openssl_conf = init\n[init]\nssl_conf = ssl\n[ssl]\nsystem_default = defaults\n[defaults]\nNumTickets = 0\n' > openssl.cnf
TLS_PORT=$(free_port)
OPENSSL_CONF=$WORK/openssl.cnf socat "OPENSSL-LISTEN:$TLS_PORT,bind=127.0.0.1,reuseaddr,fork,verify=1,cert=server.pem,key=server-key.pem,cafile=ca.pem" \
  UNIX-CONNECT:/var/run/docker.sock 2>socat.log &
PIDS+=($!)
await_port "$TLS_PORT"

# --- ssh: an sshd of our own, key auth only
mkdir -p /run/sshd
ssh-keygen -q -t ed25519 -N '' -f host_key
ssh-keygen -q -t ed25519 -N '' -f id_bench
cp id_bench.pub authorized_keys
SSH_PORT=$(free_port)
cat > sshd_config <<EOF
Port $SSH_PORT
ListenAddress 127.0.0.1
HostKey $WORK/host_key
AuthorizedKeysFile $WORK/authorized_keys
PidFile $WORK/sshd.pid
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
PubkeyAuthentication yes
EOF
echo "[127.0.0.1]:$SSH_PORT $(cat host_key.pub)" > known_hosts
/usr/sbin/sshd -D -e -f sshd_config 2>sshd.log &
PIDS+=($!)
await_port "$SSH_PORT"
printf 'Host 127.0.0.1\n  IdentityFile %s/id_bench\n  IdentitiesOnly yes\n  UserKnownHostsFile %s/known_hosts\n  StrictHostKeyChecking yes\n  IdentityAgent none\n' \
  "$WORK" "$WORK" > ssh_config
cd - >/dev/null

# free host ports for the stack, the same for every way (each up is downed before the next)
export PEAKTRADE_OBS_PROMETHEUS_PORT=$(free_port) PEAKTRADE_OBS_GRAFANA_PORT=$(free_port) PEAKTRADE_OBS_EXPORTER_PORT=$(free_port)
run_way() { # way project: prints seconds of `shadow up`
  local way=$1 project=$2 start
  local -a env=()
  case $way in
    tls) env=(DOCKER_HOST=tcp://127.0.0.1:$TLS_PORT DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH=$WORK/certs) ;;
    ssh) env=(DOCKER_HOST=ssh://root@127.0.0.1:$SSH_PORT "PEAKTRADE_OBS_SSH_OPTS=-F $WORK/ssh_config") ;;
    local) env=(DOCKER_HOST=unix:///var/run/docker.sock) ;;
  esac
  start=$(now)
  env "${env[@]}" java $FLAGS -jar "$JAR" shadow up -p "$project" >"$WORK/up-$way.log" 2>&1 \
    || { echo "[bench] $way up failed:" >&2; tail -5 "$WORK/up-$way.log" >&2; env "${env[@]}" java -jar "$JAR" shadow down -p "$project" >/dev/null 2>&1; return 1; }
  since "$start"
  env "${env[@]}" java $FLAGS -jar "$JAR" shadow down -p "$project" >/dev/null 2>&1
}

{
  echo "# bench/remote-up.sh, $(date -u +%FT%TZ), $ROUNDS interleaved rounds; machine: $(machine)"
  echo "# engine: $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')"
  declare -A times
  for r in $(seq "$ROUNDS"); do
    for way in local tls ssh; do
      t=$(run_way "$way" "ptobs-bench-remote-$way") || t=NaN
      echo "round $r $way ${t}s"
      times[$way]+="$t "
    done
  done
  for way in local tls ssh; do
    echo "median $way $(echo "${times[$way]}" | tr ' ' '\n' | grep -v '^$' | median)s (runs: ${times[$way]})"
  done
} | tee "$OUT_DIR/remote-up.txt"
