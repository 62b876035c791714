#!/usr/bin/env bash
# Starts the CertGate demo (see README.md), all on this machine:
#  - the demo PKI: three CA providers (RSA, P-256, SM2) written to ./demo-pki, with their CRL server and
#    OCSP responder on 127.0.0.1:27160 and :27161, and demo soft keys (PIN 123456);
#  - the local CA client (certgate-agent) on 127.0.0.1:27150, holding those soft keys and, when gcc and
#    OpenSSL's headers are present, 钱七's SM2 key on a software 国密 USB key (SKF library built here);
#  - the server on the embedded default (H2 under ./data) with the demo region, organisation, users and the
#    demo providers.
# Ctrl-C stops all three. Environment: SERVER_PORT (8080), CERTGATE_DATA_DIR (./data), CERTGATE_CAPTCHA,
# CERTGATE_ADMIN_*, CERTGATE_AGENT_PORT (27150).
set -euo pipefail
cd "$(dirname "$0")"
server=certgate-server/target/certgate-server.jar
agent=certgate-agent/target/certgate-agent.jar
testpki=certgate-testpki/target/classes
port=${SERVER_PORT:-8080}
agent_port=${CERTGATE_AGENT_PORT:-27150}

stale() {
  [ ! -f "$server" ] || [ ! -f "$agent" ] || [ ! -d "$testpki" ] ||
    [ -n "$(find certgate-*/src certgate-*/pom.xml pom.xml -newer "$server" -print -quit 2>/dev/null)" ]
}
if stale; then
  echo "Building the server, the agent and the demo PKI (mvn -q -DskipTests package) ..."
  mvn -q -DskipTests package -pl certgate-server,certgate-agent,certgate-testpki -am
  touch "$server"
fi

children=()
stop() { for pid in "${children[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap stop EXIT

# The demo PKI keeps serving CRLs and OCSP until stopped. Bouncy Castle comes from the agent's jar,
# which bundles it, so no other classpath is needed.
rm -f demo-pki/manifest.json
java -cp "$testpki:$agent" io.certgate.testpki.DemoPki --out demo-pki > demo-pki.log 2>&1 &
children+=($!)
for _ in $(seq 1 120); do [ -f demo-pki/manifest.json ] && break; sleep 0.5; done
[ -f demo-pki/manifest.json ] || { echo "The demo PKI did not start (ports 27160/27161 busy?):"; cat demo-pki.log; exit 1; }

# 钱七's 国密 key: the agent tests' software SKF library (GM/T 0016 over libcrypto), if it can be built
skf_lib=certgate-agent/target/native/libsoftskf-demo.so
skf_note="(no SKF demo key: gcc or the OpenSSL headers (libssl-dev) are missing)"
if command -v gcc >/dev/null && [ -f /usr/include/openssl/evp.h ] &&
  { [ "$skf_lib" -nt certgate-agent/src/test/native/soft-skf.c ] ||
    { mkdir -p "$(dirname "$skf_lib")" &&
      gcc -shared -fPIC -O2 -o "$skf_lib" certgate-agent/src/test/native/soft-skf.c -lcrypto -lpthread; }; }; then
  export CERTGATE_AGENT_SKF="$PWD/$skf_lib" CERTGATE_SOFTSKF_DIR="$PWD/demo-pki/skf"
  skf_note="钱七 (演示SM2 CA) on the 国密 USB key GM3000-QIANQI behind an SKF library, PIN 123456."
fi

CERTGATE_AGENT_PORT=$agent_port CERTGATE_AGENT_ORIGINS="http://localhost:$port" \
  CERTGATE_AGENT_SOFTKEYS="$PWD/demo-pki/softkeys" java -jar "$agent" run > demo-agent.log 2>&1 &
children+=($!)

cat <<EOF

CA客户端 (certgate-agent) on http://127.0.0.1:$agent_port, log in ./demo-agent.log; demo PKI in ./demo-pki.
演示CA锁 (soft keys, PIN 123456), one set per provider 演示RSA CA / 演示ECC CA / 演示SM2 CA:
  张三, 李四 valid; 赵六 revoked; 王五 expired.
$skf_note
EOF

# tokens are signed for the page's origin: the server must expect the one the browser uses
CERTGATE_PUBLIC_ORIGIN="${CERTGATE_PUBLIC_ORIGIN:-http://localhost:$port}" \
  CERTGATE_AGENT_URL="http://127.0.0.1:$agent_port" CERTGATE_DEMO_PKI=demo-pki \
  java -jar "$server" --spring.profiles.active=demo "$@"
