#!/usr/bin/env bash
# The CA demo on top of ./demo.sh: writes a fresh demo PKI (three CA providers RSA / P-256 / SM2, CRL
# server on 127.0.0.1:27160, OCSP on 127.0.0.1:27161), starts the local CA client with the demo soft
# keys (PIN 123456), then the server's demo profile, which registers the demo providers for 330000.
# Stop with Ctrl-C: the PKI servers and the client stop with it.
set -euo pipefail
cd "$(dirname "$0")/.."
pki="${CERTGATE_DEMO_PKI:-demo-pki}"
port="${SERVER_PORT:-8080}"
echo "Building the client and the server (mvn -q -DskipTests package) ..."
mvn -q -DskipTests package -pl certgate-agent,certgate-server -am
rm -rf "$pki"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM
mvn -q -pl certgate-testpki compile exec:java -Dexec.mainClass=io.certgate.testpki.DemoPki \
  -Dexec.args="--out $pki" &
pids+=($!)
for _ in $(seq 1 120); do [ -f "$pki/manifest.json" ] && break; sleep 1; done
[ -f "$pki/manifest.json" ] || { echo "the demo PKI did not start" >&2; exit 1; }
CERTGATE_AGENT_SOFTKEYS="$pki/softkeys" CERTGATE_AGENT_ORIGINS="http://localhost:$port" \
  java -jar certgate-agent/target/certgate-agent.jar run &
pids+=($!)
echo "Demo soft keys (PIN 123456) in $pki/softkeys: zhangsan / lisi valid, zhaoliu revoked, wangwu expired."
CERTGATE_DEMO_PKI="$pki" ./demo.sh "$@"
