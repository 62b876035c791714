#!/usr/bin/env bash
# A CertGate cluster on loopback: PostgreSQL, Redis, two server nodes and nginx (round-robin) in front.
#   scripts/cluster.sh start   -> prints the URL (nginx) and the nodes' ports; state in $CERTGATE_CLUSTER_DIR
#   scripts/cluster.sh stop
# Needs the server jar (mvn -pl certgate-server -am package -DskipTests) and Debian's redis-server, nginx
# and postgresql 15. Ports are free ones unless CERTGATE_CLUSTER_PORT (nginx), CERTGATE_REDIS_PORT or
# CERTGATE_PG_PORT are given. CERTGATE_ADMIN_USERNAME / CERTGATE_ADMIN_PASSWORD, if set, reach the nodes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${CERTGATE_CLUSTER_DIR:-/tmp/certgate-cluster}
jar=${CERTGATE_SERVER_JAR:-$root/certgate-server/target/certgate-server.jar}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_ready() { # url log seconds
  for _ in $(seq 1 "$3"); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 1
  done
  echo "not ready after $3 s: $1 (log: $2)" >&2; tail -20 "$2" >&2; return 1
}

start_node() { # name port
  mkdir -p "$dir/$1"
  CERTGATE_DB_URL=$db_url CERTGATE_DB_USER=postgres CERTGATE_DB_PASSWORD= \
    CERTGATE_REDIS_URL=redis://127.0.0.1:$redis_port SERVER_PORT=$2 SERVER_ADDRESS=127.0.0.1 \
    CERTGATE_DATA_DIR=$dir/$1/data CERTGATE_PUBLIC_ORIGIN=http://127.0.0.1:$http_port \
    CERTGATE_AUDIT_KEY_FILE=$dir/audit.key CERTGATE_TRUSTED_PROXIES=127.0.0.1 CERTGATE_SMS_GATEWAY=${CERTGATE_SMS_GATEWAY:-log} \
    nohup java -jar "$jar" >"$dir/$1.log" 2>&1 &
  echo $! >"$dir/$1.pid"
  wait_ready "http://127.0.0.1:$2/actuator/health/readiness" "$dir/$1.log" 120
}

write_nginx_conf() {
  mkdir -p "$dir/nginx"
  cat >"$dir/nginx.conf" <<CONF
daemon on;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log;
worker_processes 1;
events { worker_connections 512; }
http {
  access_log $dir/nginx-access.log;
  client_body_temp_path $dir/nginx/body;
  proxy_temp_path $dir/nginx/proxy;
  fastcgi_temp_path $dir/nginx/fastcgi;
  uwsgi_temp_path $dir/nginx/uwsgi;
  scgi_temp_path $dir/nginx/scgi;
  upstream certgate { server 127.0.0.1:$node1_port; server 127.0.0.1:$node2_port; keepalive 16; }
  server {
    listen 127.0.0.1:$http_port;
    client_max_body_size 1m;
    # metrics stay on the nodes' own ports (loopback scrapers), never through the front door
    location /actuator/ { location ~ ^/actuator/health { proxy_pass http://certgate; } return 404; }
    location / {
      proxy_pass http://certgate;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      # the nodes take the client's address from here (per-IP limits, audit): nginx appends the
      # address it saw; the nodes trust only nginx (CERTGATE_TRUSTED_PROXIES=127.0.0.1), so they
      # take that last entry and ignore whatever the client wrote before it
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
CONF
}

case "${1:-}" in
  start)
    [ -f "$jar" ] || { echo "no $jar: mvn -pl certgate-server -am package -DskipTests" >&2; exit 1; }
    [ -e "$dir/ports" ] && { echo "already started ($dir); stop first" >&2; exit 1; }
    mkdir -p "$dir"
    # a failed start leaves nothing running behind
    trap 'echo "start failed; stopping what was started" >&2; "$0" stop' ERR
    http_port=${CERTGATE_CLUSTER_PORT:-$(free_port)}
    redis_port=${CERTGATE_REDIS_PORT:-$(free_port)}
    node1_port=$(free_port); node2_port=$(free_port)
    echo "http=$http_port redis=$redis_port node1=$node1_port node2=$node2_port" >"$dir/ports"
    redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
      --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --dir "$dir" >/dev/null
    eval "$(CERTGATE_PG_DIR=$dir/pg "$root/scripts/postgres-test.sh" start)"
    db_url=$CERTGATE_DB_URL
    # one audit key for both nodes, kept beside the cluster's state, never in the database
    (umask 077 && head -c 32 /dev/urandom | base64 >"$dir/audit.key")
    # one after the other: the first migrates the database and creates the administrator
    start_node node1 "$node1_port"
    start_node node2 "$node2_port"
    write_nginx_conf
    nginx -c "$dir/nginx.conf" -p "$dir"
    wait_ready "http://127.0.0.1:$http_port/actuator/health" "$dir/nginx-error.log" 10
    echo "CertGate cluster: http://127.0.0.1:$http_port (nginx) -> nodes 127.0.0.1:$node1_port, 127.0.0.1:$node2_port"
    echo "redis: 127.0.0.1:$redis_port; database: $db_url; logs and state: $dir"
    ;;
  stop)
    [ -f "$dir/nginx.pid" ] && kill "$(cat "$dir/nginx.pid")" 2>/dev/null || true
    for n in node1 node2; do
      [ -f "$dir/$n.pid" ] && kill "$(cat "$dir/$n.pid")" 2>/dev/null || true
    done
    for n in node1 node2; do
      while [ -f "$dir/$n.pid" ] && kill -0 "$(cat "$dir/$n.pid")" 2>/dev/null; do sleep 0.2; done
    done
    [ -f "$dir/redis.pid" ] && kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
    [ -d "$dir/pg/data" ] && CERTGATE_PG_DIR=$dir/pg "$root/scripts/postgres-test.sh" stop || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
