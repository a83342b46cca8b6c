#!/usr/bin/env bash
# A private Tor network on 127.0.0.1 from Debian's tor package (TestingTorNetwork, the shape of
# chutney's "basic" network): 3 directory authorities, 4 relays (2 exits towards loopback only),
# one client with a SOCKS port and one onion-service host. It never touches the real Tor network.
#
#   infra/tor-testnet.sh start [--target HOST:PORT]   build and start it, wait until the onion
#        service answers through the client, print its address (port 80 → TARGET; without a
#        target it fronts the first authority's directory port, an HTTP server always there)
#   infra/tor-testnet.sh stop      stop every tor process it started (extra clients too)
#   infra/tor-testnet.sh status    say whether it runs; exit 0 only if every node is up and the client bootstrapped
#   infra/tor-testnet.sh info      key=value lines: socks_url, onion, onion_control (the onion
#        host's control socket, for ADD_ONION), state
#   infra/tor-testnet.sh client start NAME PORT | client stop NAME
#        another client on the running network with its own SOCKS port (a test may kill it)
#
# Environment: INDICIA_TOR_SOCKS_PORT (9050), INDICIA_TOR_BASE_PORT (SOCKS port + 10000; the
# relays use the 20 ports from there), INDICIA_TOR_TARGET (as --target), INDICIA_TOR_START_TIMEOUT
# (180 s), INDICIA_INFRA_HOME, INDICIA_TOR_STATE (keys, data and logs; one per SOCKS port).
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/tor-torrc.sh"

TOR_SOCKS_PORT="${INDICIA_TOR_SOCKS_PORT:-9050}"
TOR_BASE_PORT="${INDICIA_TOR_BASE_PORT:-$((TOR_SOCKS_PORT + 10000))}"
TOR_STATE="${INDICIA_TOR_STATE:-$INDICIA_INFRA_HOME/run/tor-testnet-$TOR_SOCKS_PORT}"
TOR_NODES_DIR="$TOR_STATE/nodes"
TOR_CLIENTS_DIR="$TOR_STATE/clients"
TOR_START_TIMEOUT="${INDICIA_TOR_START_TIMEOUT:-180}"
TOR_AUTHORITIES=(auth0 auth1 auth2)
TOR_RELAYS=(relay0:exit relay1:exit relay2:middle relay3:middle)
TOR_ONION_NODE=onion
TOR_CLIENT_NODE=client

tor_or_port() { echo $((TOR_BASE_PORT + $1)); }
tor_dir_port() { echo $((TOR_BASE_PORT + 10 + $1)); }

tor_require() {
  command -v tor >/dev/null 2>&1 && command -v tor-gencert >/dev/null 2>&1 \
    || infra_die "the 'tor' package is needed and 'tor' or 'tor-gencert' is not on PATH (Debian: apt-get install -y tor)"
  infra_require curl
}

# Every node of the network, in start order.
tor_node_names() {
  local relay
  printf '%s\n' "${TOR_AUTHORITIES[@]}"
  for relay in "${TOR_RELAYS[@]}"; do echo "${relay%%:*}"; done
  echo "$TOR_ONION_NODE" "$TOR_CLIENT_NODE" | tr ' ' '\n'
}

# A killed tor stays a zombie until init reaps it, and kill -0 still succeeds on a zombie.
tor_running() { kill -0 "$1" 2>/dev/null && [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]; }
tor_pid_alive() { [ -s "$1" ] && tor_running "$(cat "$1")"; }

tor_pidfiles() {
  local name
  for name in $(tor_node_names); do echo "$TOR_NODES_DIR/$name/tor.pid"; done
  compgen -G "$TOR_CLIENTS_DIR/*/tor.pid" || true
}

tor_any_alive() {
  local pidfile
  for pidfile in $(tor_pidfiles); do tor_pid_alive "$pidfile" && return 0; done
  return 1
}

tor_all_alive() {
  local name
  for name in $(tor_node_names); do tor_pid_alive "$TOR_NODES_DIR/$name/tor.pid" || return 1; done
}

tor_bootstrapped() { grep -q 'Bootstrapped 100%' "$1/notice.log" 2>/dev/null; }

# Authority keys (RSA 3072, about 6 s each) are kept between starts; everything else is made anew.
# A change of ports (the certificates name the directory address) starts over from nothing.
tor_prepare_state() {
  local ports="socks=$TOR_SOCKS_PORT base=$TOR_BASE_PORT"
  if [ "$(cat "$TOR_STATE/ports" 2>/dev/null)" != "$ports" ]; then rm -rf "$TOR_NODES_DIR" "$TOR_CLIENTS_DIR"; fi
  mkdir -p "$TOR_NODES_DIR" "$TOR_CLIENTS_DIR"
  echo "$ports" >"$TOR_STATE/ports"
  local dir
  for dir in "$TOR_NODES_DIR"/* "$TOR_CLIENTS_DIR"/*; do
    [ -d "$dir" ] || continue
    # Cached consensuses and descriptors of an earlier network confuse a new one; the keys (and
    # with them the fingerprints and the static onion address) stay.
    find "$dir" -mindepth 1 -maxdepth 1 ! -name keys ! -name hidden_service ! -name fingerprint -exec rm -rf {} +
  done
  local i pids=()
  for i in "${!TOR_AUTHORITIES[@]}"; do
    tor_make_authority_keys "${TOR_AUTHORITIES[$i]}" "$(tor_dir_port "$i")" & pids+=($!)
  done
  for i in "${pids[@]}"; do wait "$i" || infra_die "could not make the directory authorities' keys (tor-gencert failed)"; done
  TOR_DIR_AUTHORITY_LINES=""
  for i in "${!TOR_AUTHORITIES[@]}"; do
    local name="${TOR_AUTHORITIES[$i]}"
    local v3ident relay_fingerprint
    v3ident=$(sed -n 's/^fingerprint //p' "$TOR_NODES_DIR/$name/keys/authority_certificate")
    relay_fingerprint=$(cut -d' ' -f2 "$TOR_NODES_DIR/$name/fingerprint")
    TOR_DIR_AUTHORITY_LINES+="DirAuthority $name orport=$(tor_or_port "$i") no-v2 v3ident=$v3ident 127.0.0.1:$(tor_dir_port "$i") $relay_fingerprint"$'\n'
  done
  echo "$TOR_DIR_AUTHORITY_LINES" >"$TOR_STATE/dir-authorities"
}

#   tor_make_authority_keys NAME DIRPORT
tor_make_authority_keys() {
  local name=$1 dir_port=$2
  local dir="$TOR_NODES_DIR/$name"
  mkdir -p "$dir/keys" && chmod 700 "$dir" "$dir/keys"
  if [ ! -s "$dir/keys/authority_certificate" ]; then
    echo "" | tor-gencert --create-identity-key -m 12 -a "127.0.0.1:$dir_port" \
      -i "$dir/keys/authority_identity_key" -s "$dir/keys/authority_signing_key" \
      -c "$dir/keys/authority_certificate" --passphrase-fd 0 >"$dir/gencert.out" 2>&1 \
      || { cat "$dir/gencert.out" >&2; return 1; }
  fi
  if [ ! -s "$dir/fingerprint" ]; then
    # The relay identity of the authority: made here so the DirAuthority lines can name it.
    tor --list-fingerprint --DataDirectory "$dir" --ORPort 1 --Nickname "$name" \
      --DirAuthority "placeholder 127.0.0.1:1 ffffffffffffffffffffffffffffffffffffffff" \
      -f /dev/null --ignore-missing-torrc --Log "err stderr" >"$dir/list-fingerprint.out" 2>&1 \
      || { cat "$dir/list-fingerprint.out" >&2; return 1; }
  fi
}

#   tor_launch DIR   (DIR/torrc written): starts tor in its own session, so it outlives this
#   script, and waits until it has opened its control socket (its ports are bound by then).
#   Returns 1, with the tail of tor's output on stderr, if it exits or takes over 30 s.
tor_launch() {
  local dir=$1
  mkdir -p "$dir" && chmod 700 "$dir"
  rm -f "$dir/control"
  setsid tor -f "$dir/torrc" --ignore-missing-torrc >"$dir/launch.out" 2>&1 </dev/null 9>&- &
  echo $! >"$dir/tor.pid"
  local deadline=$((SECONDS + 30))
  until [ -S "$dir/control" ]; do
    if ! tor_pid_alive "$dir/tor.pid" || [ "$SECONDS" -ge "$deadline" ]; then
      tail -20 "$dir/launch.out" >&2
      return 1
    fi
    sleep 0.1
  done
}

tor_ports_free() {
  local port
  for port in "$TOR_SOCKS_PORT" $(seq "$TOR_BASE_PORT" $((TOR_BASE_PORT + 19))); do
    if infra_port_open "$port"; then
      infra_die "port $port is taken by another process; set INDICIA_TOR_SOCKS_PORT (now $TOR_SOCKS_PORT) or INDICIA_TOR_BASE_PORT (now $TOR_BASE_PORT) to use others"
    fi
  done
}

tor_start() {
  local target=${INDICIA_TOR_TARGET:-}
  while [ $# -gt 0 ]; do
    case "$1" in
      --target) [ $# -ge 2 ] || infra_die "--target needs HOST:PORT"; target=$2; shift 2 ;;
      --target=*) target=${1#--target=}; shift ;;
      *) infra_die "unknown option $1 (start takes --target HOST:PORT)" ;;
    esac
  done
  [ -z "$target" ] || [[ "$target" =~ ^[0-9A-Za-z.:-]+:[0-9]+$ ]] || infra_die "--target must be HOST:PORT, not '$target'"
  [ -n "$target" ] || target="127.0.0.1:$(tor_dir_port 0)"
  infra_lock "tor-testnet-$TOR_SOCKS_PORT"
  if tor_all_alive; then
    if [ "$(cat "$TOR_STATE/target" 2>/dev/null)" != "$target" ]; then
      infra_die "the Tor test network is already running with its onion service in front of $(cat "$TOR_STATE/target" 2>/dev/null); stop it first to change the target"
    fi
    tor_wait_ready "$((SECONDS + TOR_START_TIMEOUT))"
    infra_say "the Tor test network is already running: SOCKS at socks5h://127.0.0.1:$TOR_SOCKS_PORT"
    cat "$TOR_STATE/onion-address"
    return 0
  fi
  # A half-dead network (a node crashed or was killed) is rebuilt from scratch.
  tor_any_alive && tor_stop_all
  tor_require
  tor_ports_free
  local started=$SECONDS
  infra_say "building a private Tor network on 127.0.0.1 (ports $TOR_BASE_PORT-$((TOR_BASE_PORT + 19)), SOCKS $TOR_SOCKS_PORT, state in $TOR_STATE)"
  tor_prepare_state
  echo "$target" >"$TOR_STATE/target"
  rm -f "$TOR_STATE/onion-address"
  local i relay
  for i in "${!TOR_AUTHORITIES[@]}"; do
    tor_torrc_authority "${TOR_AUTHORITIES[$i]}" "$(tor_or_port "$i")" "$(tor_dir_port "$i")" >"$TOR_NODES_DIR/${TOR_AUTHORITIES[$i]}/torrc"
  done
  for i in "${!TOR_RELAYS[@]}"; do
    relay=${TOR_RELAYS[$i]}
    mkdir -p "$TOR_NODES_DIR/${relay%%:*}"
    tor_torrc_relay "${relay%%:*}" "$(tor_or_port $((i + ${#TOR_AUTHORITIES[@]})))" "${relay##*:}" >"$TOR_NODES_DIR/${relay%%:*}/torrc"
  done
  mkdir -p "$TOR_NODES_DIR/$TOR_ONION_NODE" "$TOR_NODES_DIR/$TOR_CLIENT_NODE"
  tor_torrc_onion_service "$TOR_ONION_NODE" "$target" >"$TOR_NODES_DIR/$TOR_ONION_NODE/torrc"
  tor_torrc_client "$TOR_CLIENT_NODE" "$TOR_SOCKS_PORT" >"$TOR_NODES_DIR/$TOR_CLIENT_NODE/torrc"
  local name
  for name in $(tor_node_names); do
    tor_launch "$TOR_NODES_DIR/$name" || { tor_stop_all; infra_die "tor did not start for $name; its log is $TOR_NODES_DIR/$name/notice.log"; }
  done
  tor_wait_ready "$((started + TOR_START_TIMEOUT))"
  infra_say "the onion service is reachable after $((SECONDS - started)) s: SOCKS at socks5h://127.0.0.1:$TOR_SOCKS_PORT, onion service (port 80 → $target) at"
  cat "$TOR_STATE/onion-address"
}

# Waits until the client has bootstrapped and the onion service answers HTTP through it.
tor_wait_ready() {
  local deadline=$1
  local client="$TOR_NODES_DIR/$TOR_CLIENT_NODE" onion="$TOR_NODES_DIR/$TOR_ONION_NODE"
  until tor_bootstrapped "$client"; do
    tor_check_alive
    [ "$SECONDS" -lt "$deadline" ] || tor_fail "the Tor client did not bootstrap within ${TOR_START_TIMEOUT}s" "$client"
    sleep 0.5
  done
  until [ -s "$onion/hidden_service/hostname" ]; do
    tor_check_alive
    [ "$SECONDS" -lt "$deadline" ] || tor_fail "the onion service has no address after ${TOR_START_TIMEOUT}s" "$onion"
    sleep 0.5
  done
  local address
  address=$(cat "$onion/hidden_service/hostname")
  # Any HTTP answer (even a 404) proves descriptor, introduction and rendezvous all worked.
  until [ "$(curl -sS -o /dev/null -w '%{http_code}' --max-time 15 --socks5-hostname "127.0.0.1:$TOR_SOCKS_PORT" "http://$address/" 2>/dev/null)" != 000 ]; do
    tor_check_alive
    [ "$SECONDS" -lt "$deadline" ] || tor_fail "the onion service $address did not answer through the client within ${TOR_START_TIMEOUT}s" "$onion" "$client"
    sleep 1
  done
  echo "$address" >"$TOR_STATE/onion-address"
}

tor_check_alive() {
  local name
  for name in $(tor_node_names); do
    tor_pid_alive "$TOR_NODES_DIR/$name/tor.pid" || tor_fail "tor exited on node $name" "$TOR_NODES_DIR/$name"
  done
}

#   tor_fail MESSAGE NODE_DIR...   shows the tail of each node's log, stops the network, dies
tor_fail() {
  local message=$1 dir
  shift
  for dir in "$@"; do
    echo "--- last lines of $dir/notice.log:" >&2
    tail -20 "$dir/notice.log" >&2 2>/dev/null || true
  done
  tor_stop_all
  infra_die "$message; logs are in $TOR_NODES_DIR/*/notice.log"
}

# TERM to every node at once (tor exits at once with ShutdownWaitLength 0), KILL after 10 s.
tor_stop_all() {
  local pidfile pids=()
  for pidfile in $(tor_pidfiles); do
    tor_pid_alive "$pidfile" && pids+=("$(cat "$pidfile")")
    rm -f "$pidfile"
  done
  [ ${#pids[@]} -gt 0 ] || { infra_say "the Tor test network is not running"; return 0; }
  kill "${pids[@]}" 2>/dev/null || true
  local waited=0 pid
  for pid in "${pids[@]}"; do
    while tor_running "$pid"; do
      [ "$waited" -lt 100 ] || { kill -9 "$pid" 2>/dev/null || true; }
      sleep 0.1
      waited=$((waited + 1))
    done
  done
  infra_say "the Tor test network stopped (${#pids[@]} tor processes)"
}

tor_status() {
  if ! tor_any_alive; then echo "Tor test network: not running (SOCKS port $TOR_SOCKS_PORT)"; return 3; fi
  local name down=()
  for name in $(tor_node_names); do tor_pid_alive "$TOR_NODES_DIR/$name/tor.pid" || down+=("$name"); done
  if [ ${#down[@]} -gt 0 ]; then echo "Tor test network: nodes not running: ${down[*]}"; return 1; fi
  if ! tor_bootstrapped "$TOR_NODES_DIR/$TOR_CLIENT_NODE" || [ ! -s "$TOR_STATE/onion-address" ]; then
    echo "Tor test network: running, not ready yet"
    return 1
  fi
  echo "Tor test network: running, SOCKS at socks5h://127.0.0.1:$TOR_SOCKS_PORT, onion service $(cat "$TOR_STATE/onion-address") → $(cat "$TOR_STATE/target")"
}

tor_info() {
  tor_status >/dev/null || infra_die "the Tor test network is not running or not ready (infra/tor-testnet.sh start)"
  echo "socks_url=socks5h://127.0.0.1:$TOR_SOCKS_PORT"
  echo "onion=$(cat "$TOR_STATE/onion-address")"
  echo "onion_control=$TOR_NODES_DIR/$TOR_ONION_NODE/control"
  echo "state=$TOR_STATE"
}

# Another client on the running network, with a SOCKS port of its own.
#   tor_client start NAME PORT | stop NAME
tor_client() {
  local action=${1:-} name=${2:-}
  # Tor nicknames: letters and digits, at most 19 (the prefix "client" comes first).
  [[ "$name" =~ ^[a-z0-9]{1,13}$ ]] || infra_die "client $action needs a NAME of 1-13 lowercase letters and digits"
  local dir="$TOR_CLIENTS_DIR/$name"
  infra_lock "tor-testnet-$TOR_SOCKS_PORT"
  case "$action" in
    start)
      local port=${3:-}
      [[ "$port" =~ ^[0-9]+$ ]] || infra_die "client start needs NAME PORT"
      tor_all_alive || infra_die "the Tor test network is not running (infra/tor-testnet.sh start)"
      if ! tor_pid_alive "$dir/tor.pid"; then
        infra_port_open "$port" && infra_die "port $port is taken by another process"
        TOR_DIR_AUTHORITY_LINES=$(cat "$TOR_STATE/dir-authorities")
        mkdir -p "$dir"
        # Its cached consensus is kept across its own restarts, as a real client's would be.
        rm -f "$dir/notice.log"
        tor_torrc_client "client$name" "$port" "$dir" >"$dir/torrc"
        tor_launch "$dir" || { infra_stop_pid "$dir/tor.pid" "Tor client $name" 10; infra_die "tor did not start for client $name; its log is $dir/notice.log"; }
      fi
      local deadline=$((SECONDS + TOR_START_TIMEOUT))
      until tor_bootstrapped "$dir"; do
        tor_pid_alive "$dir/tor.pid" || { tail -20 "$dir/notice.log" >&2; infra_die "the Tor client $name exited; its log is $dir/notice.log"; }
        [ "$SECONDS" -lt "$deadline" ] || { tail -20 "$dir/notice.log" >&2; infra_die "the Tor client $name did not bootstrap within ${TOR_START_TIMEOUT}s"; }
        sleep 0.2
      done
      infra_say "Tor client $name is up (pid $(cat "$dir/tor.pid"), pid file $dir/tor.pid)"
      echo "socks5h://127.0.0.1:$(sed -n 's/^SocksPort 127.0.0.1:\([0-9]*\).*/\1/p' "$dir/torrc")"
      ;;
    stop) infra_stop_pid "$dir/tor.pid" "Tor client $name" 10 ;;
    *) infra_die "client takes start NAME PORT or stop NAME" ;;
  esac
}

case "${1:-}" in
  start) shift; tor_start "$@" ;;
  stop) infra_lock "tor-testnet-$TOR_SOCKS_PORT"; tor_stop_all ;;
  status) tor_status ;;
  info) tor_info ;;
  client) shift; tor_client "$@" ;;
  *) awk 'NR > 1 && !/^#/ { exit } NR > 1' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
