#!/usr/bin/env bash
# Kafka for machines without Docker: fetches the broker jars from Maven Central (infra/kafka/pom.xml,
# dependency:copy-dependencies), caches them, and runs one broker in KRaft mode (broker and
# controller in one process) on 127.0.0.1, without authentication. For local use only.
#
#   infra/kafka.sh start    fetch if needed, format storage once, start, wait until the broker is up
#   infra/kafka.sh stop     stop it (TERM, then KILL after 30 s); its data is kept
#   infra/kafka.sh status   say whether it runs and listens; exit 0 only if healthy
#
# Environment: INDICIA_KAFKA_PORT (9092; the controller listens on PORT+1), INDICIA_KAFKA_HEAP
# (512m), INDICIA_INFRA_HOME (where downloads and state are kept), INDICIA_KAFKA_STATE (this
# broker's data and logs; one per port by default).
source "$(dirname "$0")/lib/common.sh"

KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$(dirname "$0")/kafka/pom.xml")"
KAFKA_PORT="${INDICIA_KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT=$((KAFKA_PORT + 1))
KAFKA_HEAP="${INDICIA_KAFKA_HEAP:-512m}"
KAFKA_LIBS="$INDICIA_INFRA_HOME/kafka-$KAFKA_VERSION/libs"
KAFKA_STATE="${INDICIA_KAFKA_STATE:-$INDICIA_INFRA_HOME/run/kafka-$KAFKA_PORT}"
KAFKA_PIDFILE="$KAFKA_STATE/kafka.pid"
KAFKA_LOG="$KAFKA_STATE/logs/server.log"

kafka_fetch() {
  [ -f "$KAFKA_LIBS/.complete" ] && return 0
  infra_require mvn
  infra_say "fetching the Kafka $KAFKA_VERSION broker jars from Maven Central (about 50 MB, once)"
  local unpack="$INDICIA_INFRA_HOME/.unpack-kafka-$$"
  rm -rf "$unpack"
  mvn -q -B -f "$(dirname "$0")/kafka/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$unpack" >&2 \
    || infra_die "could not fetch the Kafka jars from Maven Central (is the Maven repository reachable?)"
  mkdir -p "$(dirname "$KAFKA_LIBS")"
  rm -rf "$KAFKA_LIBS"
  mv "$unpack" "$KAFKA_LIBS"
  touch "$KAFKA_LIBS/.complete"
}

kafka_configure() {
  mkdir -p "$KAFKA_STATE/data" "$KAFKA_STATE/logs"
  cat >"$KAFKA_STATE/server.properties" <<PROPS
# Written by infra/kafka.sh: one KRaft node, loopback only, no authentication (local use only).
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_STATE/data
num.partitions=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=8
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
# Topics are created by Indicia's topic admin, with partitions and sizes chosen per message type.
auto.create.topics.enable=false
# Captured pages travel inline: allow up to 16 MiB messages (topics may set less).
message.max.bytes=16777216
replica.fetch.max.bytes=16777216
PROPS
  if [ ! -f "$KAFKA_STATE/data/meta.properties" ]; then
    kafka_java kafka.tools.StorageTool format --ignore-formatted \
      --cluster-id "$(kafka_java kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)" \
      --config "$KAFKA_STATE/server.properties" >"$KAFKA_STATE/logs/format.out" 2>&1 \
      || { cat "$KAFKA_STATE/logs/format.out" >&2; infra_die "could not format Kafka's storage in $KAFKA_STATE/data"; }
  fi
}

# The java command line for a Kafka main class, as an array in KAFKA_JAVA.
kafka_java_command() {
  KAFKA_JAVA=("$(infra_java_home)/bin/java" -Xms"$KAFKA_HEAP" -Xmx"$KAFKA_HEAP"
    -Dlog4j.configuration="file:$(cd "$(dirname "$0")" && pwd)/kafka/log4j.properties"
    -Dkafka.logs.dir="$KAFKA_STATE/logs" -cp "$KAFKA_LIBS/*")
}

kafka_java() {
  kafka_java_command
  "${KAFKA_JAVA[@]}" "$@"
}

kafka_healthy() {
  infra_pid_alive "$KAFKA_PIDFILE" && infra_port_open "$KAFKA_PORT" \
    && grep -q 'Kafka Server started' "$KAFKA_LOG" 2>/dev/null \
    && [ "$(grep -c 'Kafka Server started' "$KAFKA_LOG")" -ge "$(cat "$KAFKA_STATE/starts" 2>/dev/null || echo 1)" ]
}

kafka_start() {
  infra_lock "kafka-$KAFKA_PORT"
  if infra_pid_alive "$KAFKA_PIDFILE"; then
    kafka_wait_healthy
    infra_say "Kafka is already running at 127.0.0.1:$KAFKA_PORT"
    echo "127.0.0.1:$KAFKA_PORT"
    return 0
  fi
  if infra_port_open "$KAFKA_PORT" || infra_port_open "$KAFKA_CONTROLLER_PORT"; then
    infra_die "port $KAFKA_PORT or $KAFKA_CONTROLLER_PORT is taken by another process; set INDICIA_KAFKA_PORT to use another"
  fi
  infra_require java
  kafka_fetch
  kafka_configure
  # The log is appended across restarts: healthy means one "started" line per start.
  local starts=$(( $(grep -c 'Kafka Server started' "$KAFKA_LOG" 2>/dev/null || true) + 1 ))
  echo "$starts" >"$KAFKA_STATE/starts"
  infra_say "starting Kafka $KAFKA_VERSION (KRaft) on 127.0.0.1:$KAFKA_PORT (heap $KAFKA_HEAP, state in $KAFKA_STATE)"
  kafka_java_command
  # Its own session, so the broker outlives this script and the terminal it was started from.
  setsid "${KAFKA_JAVA[@]}" kafka.Kafka "$KAFKA_STATE/server.properties" \
    >"$KAFKA_STATE/logs/stdout.out" 2>&1 </dev/null 9>&- &
  echo $! >"$KAFKA_PIDFILE"
  kafka_wait_healthy
  infra_say "Kafka is up at 127.0.0.1:$KAFKA_PORT"
  echo "127.0.0.1:$KAFKA_PORT"
}

kafka_wait_healthy() {
  infra_wait_healthy Kafka "$KAFKA_PIDFILE" "$KAFKA_LOG" "${INDICIA_KAFKA_START_TIMEOUT:-120}" kafka_healthy
}

kafka_status() {
  if ! infra_pid_alive "$KAFKA_PIDFILE"; then echo "Kafka: not running (port $KAFKA_PORT)"; return 3; fi
  if kafka_healthy; then echo "Kafka: running at 127.0.0.1:$KAFKA_PORT, pid $(cat "$KAFKA_PIDFILE")"; return 0; fi
  echo "Kafka: process $(cat "$KAFKA_PIDFILE") is up but not ready yet"
  return 1
}

case "${1:-}" in
  start) kafka_start ;;
  stop) infra_lock "kafka-$KAFKA_PORT"; infra_stop_pid "$KAFKA_PIDFILE" Kafka 30 ;;
  status) kafka_status ;;
  *) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
