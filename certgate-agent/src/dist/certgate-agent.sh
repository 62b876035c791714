#!/bin/sh
# Starts the CertGate CA agent (the local client for CA-certificate login). Needs Java 17 or later.
# With no arguments it runs the service; pass `list`, `sign ...` or `--version` for the other commands.
DIR=$(cd "$(dirname "$0")" && pwd)
if [ -n "$JAVA_HOME" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
if [ $# -eq 0 ]; then set -- run; fi
exec "$JAVA" -jar "$DIR/certgate-agent.jar" "$@"
