#!/usr/bin/env bash
# Starts the CertGate demo on the embedded default (H2 file database under ./data). See README.md.
# Environment: SERVER_PORT (8080), CERTGATE_DATA_DIR (./data), CERTGATE_CAPTCHA, CERTGATE_ADMIN_*.
set -euo pipefail
cd "$(dirname "$0")"
jar=certgate-server/target/certgate-server.jar
if [ ! -f "$jar" ] || [ -n "$(find certgate-server/src certgate-core/src certgate-server/pom.xml -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "Building the server (mvn -q -DskipTests package) ..."
  mvn -q -DskipTests package -pl certgate-server -am
fi
exec java -jar "$jar" --spring.profiles.active=demo "$@"
