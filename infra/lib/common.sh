# Shared by infra/elasticsearch.sh and infra/kafka.sh: where things are cached and kept, fetching
# from Maven Central, running a server as a non-root user, waiting for health.
# Sourced, not run. Everything binds to 127.0.0.1: these servers have no security configured.

set -euo pipefail

infra_die() { echo "$(basename "$0"): $*" >&2; exit 1; }
infra_say() { echo "$(basename "$0"): $*" >&2; }

# Downloads and unpacked servers; shared between runs so the download happens once.
if [ "$(id -u)" = 0 ]; then
  # As root the servers run as a service user, who cannot read root's home: keep them in /var/lib.
  INDICIA_INFRA_HOME="${INDICIA_INFRA_HOME:-/var/lib/indicia-infra}"
else
  INDICIA_INFRA_HOME="${INDICIA_INFRA_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/indicia-infra}"
fi
INDICIA_INFRA_SERVICE_USER="${INDICIA_INFRA_SERVICE_USER:-indicia-infra}"

infra_require() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || case "$tool" in
      java) infra_die "Java 17+ is needed and 'java' is not on PATH (Debian: apt-get install -y openjdk-17-jre-headless)" ;;
      mvn) infra_die "Maven is needed to fetch the server from Maven Central and 'mvn' is not on PATH (Debian: apt-get install -y maven)" ;;
      curl) infra_die "'curl' is needed (Debian: apt-get install -y curl)" ;;
      unzip) infra_die "'unzip' is needed (Debian: apt-get install -y unzip)" ;;
      *) infra_die "'$tool' is needed and not on PATH" ;;
    esac
  done
}

infra_java_home() {
  if [ -n "${JAVA_HOME:-}" ]; then echo "$JAVA_HOME"; return; fi
  dirname "$(dirname "$(readlink -f "$(command -v java)")")"
}

# Serialises concurrent start/stop calls for one service (two test runs starting Kafka at once).
infra_lock() {
  mkdir -p "$INDICIA_INFRA_HOME"
  exec 9>"$INDICIA_INFRA_HOME/$1.lock"
  # Servers started under the lock must not inherit it: their launch lines close fd 9.
  flock 9
}

# Root may not run Elasticsearch; the service user owns the server's state instead.
infra_ensure_service_user() {
  [ "$(id -u)" = 0 ] || return 0
  id "$INDICIA_INFRA_SERVICE_USER" >/dev/null 2>&1 && return 0
  useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$INDICIA_INFRA_SERVICE_USER" \
    || infra_die "could not create the service user $INDICIA_INFRA_SERVICE_USER (the servers refuse to run as root)"
}

# Runs a command as the service user when we are root, as ourselves otherwise.
infra_run_as_service() {
  if [ "$(id -u)" = 0 ]; then
    setpriv --reuid="$INDICIA_INFRA_SERVICE_USER" --regid="$INDICIA_INFRA_SERVICE_USER" --init-groups -- "$@"
  else
    "$@"
  fi
}

infra_own_state() {
  [ "$(id -u)" = 0 ] || return 0
  chown -R "$INDICIA_INFRA_SERVICE_USER:$INDICIA_INFRA_SERVICE_USER" "$@"
}

infra_pid_alive() {
  local pidfile=$1
  [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

# Stops the process in the pid file: TERM, then KILL after a grace period.
infra_stop_pid() {
  local pidfile=$1 name=$2 grace=${3:-30}
  if ! infra_pid_alive "$pidfile"; then
    rm -f "$pidfile"
    infra_say "$name is not running"
    return 0
  fi
  local pid
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || true
  local waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$waited" -ge "$((grace * 10))" ]; then
      infra_say "$name did not stop within ${grace}s; killing it"
      kill -9 "$pid" 2>/dev/null || true
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  rm -f "$pidfile"
  infra_say "$name stopped"
}

infra_port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Waits until `health_command` succeeds; dies with the log's tail if the process exits or time runs out.
#   infra_wait_healthy NAME PIDFILE LOGFILE TIMEOUT_SECONDS HEALTH_COMMAND
infra_wait_healthy() {
  local name=$1 pidfile=$2 logfile=$3 timeout=$4 health=$5
  local deadline=$((SECONDS + timeout))
  until "$health"; do
    if ! infra_pid_alive "$pidfile"; then
      tail -20 "$logfile" >&2 2>/dev/null || true
      infra_die "$name exited while starting; its log is $logfile"
    fi
    [ "$SECONDS" -lt "$deadline" ] || infra_die "$name did not become healthy within ${timeout}s; its log is $logfile"
    sleep 0.5
  done
}
