#!/usr/bin/env bash
# Elasticsearch 8 for machines without Docker: fetches the integ-test distribution from Maven
# Central (org.elasticsearch.distribution.integ-test-zip:elasticsearch:VERSION:zip), caches it,
# and runs a single node on 127.0.0.1 with security off. For local use only: anyone who can reach
# the port can read and write every index.
#
#   infra/elasticsearch.sh start    fetch if needed, start, wait until the cluster is yellow or green
#   infra/elasticsearch.sh stop     stop it (TERM, then KILL after 30 s)
#   infra/elasticsearch.sh status   say whether it runs and answers; exit 0 only if healthy
#
# Environment: INDICIA_ES_VERSION (8.19.4), INDICIA_ES_PORT (9200), INDICIA_ES_HEAP (1g),
# INDICIA_INFRA_HOME (where downloads and state are kept), INDICIA_ES_STATE (this node's data,
# logs and config; one per port by default, so two nodes on two ports do not share data).
source "$(dirname "$0")/lib/common.sh"

ES_VERSION="${INDICIA_ES_VERSION:-8.19.4}"
ES_PORT="${INDICIA_ES_PORT:-9200}"
ES_HEAP="${INDICIA_ES_HEAP:-1g}"
ES_HOME="$INDICIA_INFRA_HOME/elasticsearch-$ES_VERSION"
ES_STATE="${INDICIA_ES_STATE:-$INDICIA_INFRA_HOME/run/elasticsearch-$ES_PORT}"
ES_PIDFILE="$ES_STATE/elasticsearch.pid"
ES_URL="http://127.0.0.1:$ES_PORT"

es_fetch() {
  [ -x "$ES_HOME/bin/elasticsearch" ] && return 0
  infra_require mvn unzip
  infra_say "fetching Elasticsearch $ES_VERSION from Maven Central (about 100 MB, once)"
  local download="$INDICIA_INFRA_HOME/downloads"
  mkdir -p "$download"
  mvn -q -B dependency:copy \
    -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
    -DoutputDirectory="$download" >&2 \
    || infra_die "could not fetch Elasticsearch $ES_VERSION from Maven Central (is the Maven repository reachable?)"
  local unpack="$INDICIA_INFRA_HOME/.unpack-es-$$"
  rm -rf "$unpack" && mkdir -p "$unpack"
  unzip -q "$download/elasticsearch-$ES_VERSION.zip" -d "$unpack"
  chmod -R a+rX "$unpack"
  mv "$unpack/elasticsearch-$ES_VERSION" "$ES_HOME"
  rm -rf "$unpack"
}

es_healthy() {
  curl -fsS --max-time 5 "$ES_URL/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null | grep -q '"status":"\(green\|yellow\)"'
}

es_configure() {
  mkdir -p "$ES_STATE/data" "$ES_STATE/logs"
  if [ ! -f "$ES_STATE/config/elasticsearch.yml.indicia" ]; then
    rm -rf "$ES_STATE/config"
    cp -r "$ES_HOME/config" "$ES_STATE/config"
    cat >>"$ES_STATE/config/elasticsearch.yml" <<YML
# Written by infra/elasticsearch.sh: one local node, loopback only, no security (local use only).
cluster.name: indicia-local
node.name: indicia-local-$ES_PORT
network.host: 127.0.0.1
http.port: $ES_PORT
transport.port: $((ES_PORT + 100))
discovery.type: single-node
xpack.security.enabled: false
path.data: $ES_STATE/data
path.logs: $ES_STATE/logs
# Test machines often have full disks; a local node should not turn its indices read-only.
cluster.routing.allocation.disk.threshold_enabled: false
YML
    touch "$ES_STATE/config/elasticsearch.yml.indicia"
  fi
  infra_own_state "$ES_STATE"
}

es_start() {
  infra_lock "elasticsearch-$ES_PORT"
  if infra_pid_alive "$ES_PIDFILE"; then
    es_wait_healthy
    infra_say "Elasticsearch is already running at $ES_URL"
    echo "$ES_URL"
    return 0
  fi
  if infra_port_open "$ES_PORT"; then
    infra_die "port $ES_PORT is taken by another process; set INDICIA_ES_PORT to use another"
  fi
  infra_require java curl
  es_fetch
  infra_ensure_service_user
  es_configure
  infra_say "starting Elasticsearch $ES_VERSION on $ES_URL (heap $ES_HEAP, state in $ES_STATE)"
  ES_PATH_CONF="$ES_STATE/config" ES_JAVA_HOME="$(infra_java_home)" ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP ${ES_JAVA_OPTS:-}" \
    infra_run_as_service "$ES_HOME/bin/elasticsearch" -d -p "$ES_PIDFILE" \
    >"$ES_STATE/logs/launcher.out" 2>&1 9>&- \
    || { tail -20 "$ES_STATE/logs/launcher.out" >&2; infra_die "Elasticsearch did not start; its log is $ES_STATE/logs/indicia-local.log"; }
  es_wait_healthy
  infra_say "Elasticsearch is up at $ES_URL"
  echo "$ES_URL"
}

es_wait_healthy() {
  infra_wait_healthy Elasticsearch "$ES_PIDFILE" "$ES_STATE/logs/indicia-local.log" "${INDICIA_ES_START_TIMEOUT:-180}" es_healthy
}

es_status() {
  if ! infra_pid_alive "$ES_PIDFILE"; then echo "Elasticsearch: not running (port $ES_PORT)"; return 3; fi
  if es_healthy; then echo "Elasticsearch: running at $ES_URL, pid $(cat "$ES_PIDFILE")"; return 0; fi
  echo "Elasticsearch: process $(cat "$ES_PIDFILE") is up but $ES_URL does not answer healthy yet"
  return 1
}

case "${1:-}" in
  start) es_start ;;
  stop) infra_lock "elasticsearch-$ES_PORT"; infra_stop_pid "$ES_PIDFILE" Elasticsearch 30 ;;
  status) es_status ;;
  *) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
